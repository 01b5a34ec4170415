import { test as base, expect, type Page } from '@playwright/test';
import { e2eEnv, type E2EUser, type E2EUsers } from './server';
import { totp } from './totp';

/**
 * Every journey gets the server started by global_setup as its baseURL, the seeded accounts, and a page that
 * fails the test on any Content-Security-Policy violation or uncaught script error.
 */
export const test = base.extend<{ users: E2EUsers }>({
  baseURL: async ({}, use) => {
    await use(e2eEnv().baseUrl);
  },
  users: async ({}, use) => {
    await use(e2eEnv().users);
  },
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (/content.security.policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    await use(page);
    expect(problems, 'CSP violations or uncaught errors in the page').toEqual([]);
  },
});

export { expect };

export function sessionResponse(page: Page) {
  return page.waitForResponse(
    (response) =>
      response.url().endsWith('/api/v1/session') && response.request().method() === 'POST',
  );
}

/** Fills the login form (English labels) and submits it; does not wait for the outcome. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  const answered = sessionResponse(page);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await answered;
}

/** Signs in as an account without a second factor and waits for the home page. */
export async function signIn(page: Page, user: E2EUser): Promise<void> {
  await page.goto('/login');
  await submitLogin(page, user.username, user.password);
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('You have signed out.')).toBeVisible();
}

/**
 * First sign-in of an account whose role needs a second factor: the password, then enrolment through the UI
 * (RFC 6238 code computed here), which leaves the user signed in on the home page. Returns the TOTP secret.
 */
export async function signInEnrollingTotp(page: Page, user: E2EUser): Promise<string> {
  await page.goto('/login');
  await submitLogin(page, user.username, user.password);
  await expect(page).toHaveURL(/\/me\/two-factor$/);
  await page.getByRole('button', { name: 'Start set-up' }).click();
  const shown = (await page.getByTestId('totp-secret').textContent()) ?? '';
  const secret = shown.replace(/\s+/g, '');
  await page.getByLabel('Code from your app').fill(totp(secret));
  await page.getByRole('button', { name: 'Verify and turn on' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible();
  return secret;
}

/**
 * Calls the API with the page's own session, as a colleague's browser would: GET /me hands out the session's
 * CSRF token for the mutating calls.
 */
export async function apiCall(
  page: Page,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body?: unknown,
) {
  const me = await page.request.get('/api/v1/me');
  expect(me.status()).toBe(200);
  const { csrf_token: csrf } = (await me.json()) as { csrf_token: string };
  return page.request.fetch(`/api/v1${path}`, {
    method,
    headers: { 'X-CSRF-Token': csrf },
    data: body,
  });
}
