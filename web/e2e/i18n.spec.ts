import { expect, sessionResponse, test } from './fixtures';

test('Arabic switches the whole interface to right-to-left and is remembered', async ({
  page,
  users,
}) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');

  await page.getByLabel('Language').selectOption('ar');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(html).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1, name: 'تسجيل الدخول' })).toBeVisible();
  await expect(page.getByLabel('اسم المستخدم')).toBeVisible();

  // The choice survives a reload.
  await page.reload();
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'تسجيل الدخول' })).toBeVisible();

  // Errors are translated too.
  await page.getByLabel('اسم المستخدم').fill(users.arabic.username);
  await page.getByLabel('كلمة المرور').fill('wrong-password');
  let answered = sessionResponse(page);
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
  await answered;
  await expect(page.getByRole('alert')).toContainText('اسم المستخدم أو كلمة المرور غير صحيحة.');

  await page.getByLabel('كلمة المرور').fill(users.arabic.password);
  answered = sessionResponse(page);
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
  await answered;
  const nav = page.getByRole('navigation', { name: 'القائمة الرئيسية' });
  await expect(nav.getByRole('link', { name: 'سجل التدقيق' })).toBeVisible();

  // The layout mirrors: the brand sits at the right edge, the sign-out button at the left.
  const viewport = page.viewportSize();
  const brand = await page.getByRole('link', { name: 'Homeward' }).boundingBox();
  const signOut = await page.getByRole('button', { name: 'تسجيل الخروج' }).boundingBox();
  expect(viewport && brand && signOut).toBeTruthy();
  if (viewport && brand && signOut) {
    expect(brand.x).toBeGreaterThan(viewport.width / 2);
    expect(signOut.x).toBeLessThan(viewport.width / 2);
  }

  // And back to English, left-to-right.
  await page.getByLabel('اللغة').selectOption('en');
  await expect(html).toHaveAttribute('dir', 'ltr');
  await expect(nav).toHaveCount(0);
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }),
  ).toBeVisible();

  // French too.
  await page.getByLabel('Language').selectOption('fr');
  await expect(
    page
      .getByRole('navigation', { name: 'Principale' })
      .getByRole('link', { name: 'Journal d’audit' }),
  ).toBeVisible();
  await expect(html).toHaveAttribute('lang', 'fr');
});
