import { randomBytes } from 'node:crypto';
import { expect, signIn, signOut, submitLogin, test } from './fixtures';
import { ApiClient, e2eEnv } from './server';

test.describe('administration', () => {
  test('an administrator creates an office and a user in it', async ({ page, users }) => {
    const tag = randomBytes(3).toString('hex').toUpperCase();
    const officeName = `E2E Office ${tag}`;
    const officeCode = `E2E-${tag}`;
    const username = `e2e_new_${tag.toLowerCase()}`;
    const password = `New-user-${randomBytes(9).toString('base64url')}`;

    await signIn(page, users.admin);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0); // admin lacks read:audit

    await nav.getByRole('link', { name: 'Offices' }).click();
    await page.getByRole('link', { name: 'New office' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New office' })).toBeVisible();

    // Client-side checks first: nothing is sent, the fields say what is wrong.
    await page.getByRole('button', { name: 'Create office' }).click();
    await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Name', { exact: true })).toBeFocused();

    await page.getByLabel('Name', { exact: true }).fill(officeName);
    await page.getByLabel('Code', { exact: true }).fill(officeCode);
    await page.getByLabel('Country', { exact: true }).selectOption('KE');
    await page.getByRole('button', { name: 'Create office' }).click();
    await expect(page).toHaveURL(/\/offices$/);
    await expect(page.getByText(`Office ${officeName} was created.`)).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(officeCode) });
    await expect(row).toContainText(officeName);
    await expect(row).toContainText('Kenya');

    // The same code again is a conflict the server reports.
    await page.getByRole('link', { name: 'New office' }).click();
    await page.getByLabel('Name', { exact: true }).fill(`${officeName} again`);
    await page.getByLabel('Code', { exact: true }).fill(officeCode);
    await page.getByLabel('Country', { exact: true }).selectOption('KE');
    await page.getByRole('button', { name: 'Create office' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'A record with these details already exists.',
    );
    await expect(page).toHaveURL(/\/offices\/new$/);

    await nav.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('link', { name: 'New user' }).click();
    await page.getByLabel('Username', { exact: true }).fill(username);
    await page.getByLabel(/^Display name/).fill('Nadia Caseworker');
    await page.getByLabel('Initial password', { exact: true }).fill(password);
    await page.getByRole('checkbox', { name: 'Caseworker' }).check();
    await page
      .getByLabel('Office', { exact: true })
      .selectOption({ label: `${officeName} (${officeCode})` });
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect(page).toHaveURL(/\/users$/);
    await expect(page.getByText(`User ${username} was created.`)).toBeVisible();
    const userRow = page.getByRole('row', { name: new RegExp(username) });
    await expect(userRow).toContainText('Caseworker');
    await expect(userRow).toContainText(officeName);
    await expect(userRow).toContainText('Not set up yet');

    // The new account works, and its role sends it to second-factor enrolment.
    await signOut(page);
    await submitLogin(page, username, password);
    await expect(page).toHaveURL(/\/me\/two-factor$/);
  });

  test('a stale edit is refused with a conflict, and reload shows the other change', async ({
    browser,
    page,
    users,
  }) => {
    // A user to edit, made through the API so this journey stands alone.
    const api = new ApiClient(e2eEnv().baseUrl);
    await api.login(users.admin);
    const offices = await api.request<{ items: { id: string }[] }>('GET', '/offices?limit=1');
    const target = await api.request<{ id: string; username: string }>('POST', '/users', {
      username: `e2e_edit_${randomBytes(3).toString('hex')}`,
      password: `Edit-${randomBytes(9).toString('base64url')}`,
      roles: ['auditor'],
      office_id: offices.items[0]?.id,
    });

    await signIn(page, users.admin);
    await page.goto(`/users/${target.id}`);
    await expect(
      page.getByRole('heading', { level: 1, name: `User ${target.username}` }),
    ).toBeVisible();

    // A colleague opens the same record in another browser and saves first.
    const otherContext = await browser.newContext({ baseURL: e2eEnv().baseUrl, locale: 'en-GB' });
    const other = await otherContext.newPage();
    try {
      await signIn(other, users.admin);
      await other.goto(`/users/${target.id}`);
      await other.getByLabel('Account disabled').check();
      await other.getByRole('button', { name: 'Save changes' }).click();
      await expect(other.getByText('Changes saved.')).toBeVisible();
    } finally {
      await otherContext.close();
    }

    await page.getByLabel(/^Display name/).fill('Changed here too');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'Someone else changed this record. Reload to see the latest version.',
    );

    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByText('Someone else changed this record.')).toHaveCount(0);
    await expect(page.getByLabel('Account disabled')).toBeChecked();
    await expect(page.getByText('Disabled', { exact: true })).toBeVisible();

    // Now the edit goes through on the current version.
    await page.getByLabel(/^Display name/).fill('Changed after reload');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Changes saved.')).toBeVisible();
  });
});
