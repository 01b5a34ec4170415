import { expect, sessionResponse, signIn, signOut, submitLogin, test } from './fixtures';

test.describe('sign-in', () => {
  test('signs in, shows what the role allows, and signs out', async ({ page, users }) => {
    await signIn(page, users.auditor);

    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Audit log' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Users' })).toBeVisible();
    // An auditor reads accounts but cannot create them.
    await nav.getByRole('link', { name: 'Users' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    await expect(page.getByRole('cell', { name: users.auditor.username })).toBeVisible();
    await expect(page.getByRole('link', { name: 'New user' })).toHaveCount(0);

    await signOut(page);
    // The session is dead: a protected page sends us back to the login page, without an "expired" notice.
    await page.goto('/users');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page.getByText('Your session has expired')).toHaveCount(0);
  });

  test('a wrong password shows an error and stays on the login page', async ({ page, users }) => {
    await page.goto('/login');
    await submitLogin(page, users.wrongPassword.username, 'not-the-password');
    await expect(page.getByRole('alert')).toContainText('Invalid username or password.');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');

    // An unknown user gets the very same answer.
    await submitLogin(page, 'no_such_user_e2e', 'whatever-password');
    await expect(page.getByRole('alert')).toContainText('Invalid username or password.');
  });

  test('empty fields are flagged next to the inputs', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const username = page.getByLabel('Username', { exact: true });
    await expect(username).toHaveAttribute('aria-invalid', 'true');
    await expect(username).toBeFocused();
    await expect(page.getByText('This field is required.')).toHaveCount(2);
  });

  test('five wrong passwords lock the account, even for the right password', async ({
    page,
    users,
  }) => {
    const user = users.lockout;
    await page.goto('/login');
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await submitLogin(page, user.username, `wrong-password-${attempt}`);
      await expect(page.getByRole('alert')).toContainText('Invalid username or password.');
    }
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    const answered = sessionResponse(page);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const response = await answered;
    expect(response.status()).toBe(429);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Too many failed sign-in attempts.');
    await expect(alert).toContainText(/Try again in \d+ minutes?\./);
    await expect(page).toHaveURL(/\/login$/);
  });

  test('an expired session lands on the login page with a notice, then returns', async ({
    page,
    context,
    users,
  }) => {
    await signIn(page, users.expiry);

    // The server forgets us (idle timeout, revoked token): simulate by dropping the cookie.
    await context.clearCookies();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByText('Your session has expired. Please sign in again.')).toBeVisible();

    // Signing in again goes back to where the user was heading.
    await submitLogin(page, users.expiry.username, users.expiry.password);
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    // The audit log lists, among others, this user's own sign-ins.
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();

    // Same after a reload: the page remembers that a session existed (a flag, no token) and says so.
    await context.clearCookies();
    await page.reload();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByText('Your session has expired. Please sign in again.')).toBeVisible();
  });
});
