import { expect, sessionResponse, signOut, submitLogin, test } from './fixtures';
import { timeStep, totp, waitForNextStep } from './totp';

/** A 6-digit code that the server must refuse: valid in none of the windows around now. */
function wrongCode(secret: string): string {
  const step = timeStep();
  const valid = new Set([-2, -1, 0, 1, 2].map((delta) => totp(secret, step + delta)));
  for (let n = 0; ; n += 1) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

test('a caseworker enrols a second factor, then signs in with a code', async ({ page, users }) => {
  test.setTimeout(120_000); // Up to one 30-second TOTP window is spent waiting so no code is reused.
  const user = users.totp;

  // First sign-in: the password is enough, but the role needs TOTP, so the UI goes straight to enrolment.
  await page.goto('/login');
  await submitLogin(page, user.username, user.password);
  await expect(page).toHaveURL(/\/me\/two-factor$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Two-factor authentication' }),
  ).toBeVisible();
  await expect(
    page.getByText('Two-factor authentication is required for your role.'),
  ).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

  // Any other page sends the user back here until a second factor is enrolled.
  await page.goto('/users');
  await expect(page).toHaveURL(/\/me\/two-factor$/);

  await page.getByRole('button', { name: 'Start set-up' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const shown = (await page.getByTestId('totp-secret').textContent()) ?? '';
  const secret = shown.replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

  // A wrong code is refused next to the field.
  const codeField = page.getByLabel('Code from your app');
  await codeField.fill(wrongCode(secret));
  await page.getByRole('button', { name: 'Verify and turn on' }).click();
  await expect(page.getByText('That code is not correct.')).toBeVisible();
  await expect(codeField).toHaveAttribute('aria-invalid', 'true');

  const enrolStep = timeStep();
  await codeField.fill(totp(secret, enrolStep));
  await page.getByRole('button', { name: 'Verify and turn on' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText('Two-factor authentication is now on.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible();

  await signOut(page);

  // Second sign-in: password first, then the server asks for the code.
  await submitLogin(page, user.username, user.password);
  const totpField = page.getByLabel('Authentication code');
  await expect(totpField).toBeVisible();
  await expect(totpField).toBeFocused();

  await totpField.fill(wrongCode(secret));
  let answered = sessionResponse(page);
  await page.getByRole('button', { name: 'Verify' }).click();
  expect((await answered).status()).toBe(401);
  await expect(page.getByRole('alert')).toContainText('That code is not valid.');

  // A fresh window, so the server's replay protection cannot refuse the code used for enrolment.
  const loginStep = await waitForNextStep(enrolStep);
  await totpField.fill(totp(secret, loginStep));
  answered = sessionResponse(page);
  await page.getByRole('button', { name: 'Verify' }).click();
  expect((await answered).status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible();

  await page.getByRole('link', { name: /My profile/ }).click();
  await expect(
    page.getByText('You will be asked for a code from your authenticator app'),
  ).toBeVisible();
});
