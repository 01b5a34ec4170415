import type { Page } from '@playwright/test';
import { ApiClient } from './server';
import { expect, signIn, test } from './fixtures';

function day(offset = 0): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

interface TemplateAnswer {
  areas: { key: string; title: string; items: { key: string }[] }[];
}

/** Scores every item of the template with `score(area, item)` (null: not applicable). */
function sheet(template: TemplateAnswer, score: (area: string, item: string) => number | null) {
  const scores: Record<string, Record<string, { score: number } | { na: true }>> = {};
  for (const area of template.areas) {
    scores[area.key] = {};
    for (const item of area.items) {
      const value = score(area.key, item.key);
      (scores[area.key] as Record<string, { score: number } | { na: true }>)[item.key] =
        value === null ? { na: true } : { score: value };
    }
  }
  return scores;
}

/** Gives every item of the area on screen that has no answer yet a 3 (or n/a for the children's area). */
async function scoreRemaining(page: Page, notApplicable: boolean) {
  const items = page.locator('fieldset.assessment-item');
  const count = await items.count();
  for (let index = 0; index < count; index += 1) {
    const item = items.nth(index);
    if ((await item.locator('input[type="radio"]:checked').count()) > 0) continue;
    await item.getByRole('radio', { name: notApplicable ? 'Not applicable' : /^3 – / }).check();
  }
}

/**
 * An assessment of a shelter against the minimum standards: a programme manager starts one, scores part of it
 * and saves a draft, resumes it in another browser session, is told which items are still unscored, finishes
 * it, reads what changed since the shelter's previous assessment, adds a recommendation that is overdue and
 * closes it, opens the printable report with its spreadsheet, and compares shelters area by area.
 */
test('an assessor runs an assessment across two sessions, follows it up and compares shelters', async ({
  page,
  users,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const suffix = Math.random().toString(36).slice(2, 7);
  const harapan = `Rumah Harapan ${suffix}`;
  const esperanza = `Casa Esperanza ${suffix}`;

  // Two shelters registered by the administrator; each already has a finished assessment from last year.
  const admin = new ApiClient(baseURL ?? '');
  await admin.login(users.admin);
  const shelter = (name: string) =>
    admin.request<{ id: string }>('POST', '/shelters', {
      name,
      operator_type: 'ngo',
      operating_organisation: 'Synthetic Shelters Network',
      capacity: { women: 12 },
      services: ['accommodation', 'psychosocial'],
    });
  const a = await shelter(harapan);
  const b = await shelter(esperanza);
  const assessor = new ApiClient(baseURL ?? '');
  await assessor.login(users.assessor);
  const template = await assessor.request<TemplateAnswer>(
    'GET',
    '/assessment-templates/homeward-shelter-standards',
  );
  const finished = async (shelterId: string, date: string, score: (area: string) => number) => {
    const created = await assessor.request<{ id: string; version: number }>(
      'POST',
      '/assessments',
      { shelter_id: shelterId, assessed_on: date },
    );
    const saved = await assessor.request<{ version: number }>(
      'PATCH',
      `/assessments/${created.id}`,
      {
        version: created.version,
        scores: sheet(template, (area) => (area === 'children' ? null : score(area))),
      },
    );
    await assessor.request('POST', `/assessments/${created.id}/finish`, {
      version: saved.version,
    });
  };
  await finished(a.id, day(-300), () => 1);
  await finished(b.id, day(-40), (area) => (area === 'safety' ? 3 : 2));

  // Start the assessment of Rumah Harapan and score part of the first area.
  await signIn(page, users.assessor);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Assessments' })
    .click();
  await page.getByRole('link', { name: 'Start an assessment' }).click();
  await page.getByLabel('Shelter').selectOption({ label: harapan });
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Area 1 of 10: Safety and security' }),
  ).toBeVisible();
  const s1 = page.getByRole('group', { name: /^S1 / });
  const s2 = page.getByRole('group', { name: /^S2 / });
  const s3 = page.getByRole('group', { name: /^S3 / });
  await expect(s1).toContainText('What to look at:');
  await s1.getByRole('radio', { name: /^3 – / }).check();
  await s1
    .getByLabel(/^Evidence notes for S1/)
    .fill('Plan dated last month; two staff on different shifts explained it.');
  await s2.getByRole('radio', { name: /^1 – / }).check();
  await expect(s2).toContainText('Critical gap');
  await s3.getByRole('radio', { name: 'Not applicable' }).check();
  // Weights 3 and 2: (3×3 + 2×1) / (3×3 + 2×3) = 73.3 while the sheet is unsaved.
  await expect(page.getByTestId('overall-score')).toHaveText('73.3');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(
    page.getByText('Draft saved. You can continue later from any device.'),
  ).toBeVisible();
  await expect(page.getByText('All changes saved')).toBeVisible();

  // Another browser, another session: the draft is on the server, exactly as it was left.
  const laptop = await browser.newContext({ baseURL, locale: 'en-GB', timezoneId: 'UTC' });
  const resumed = await laptop.newPage();
  await signIn(resumed, users.assessor);
  await resumed.goto('/assessments?status=draft');
  await resumed.getByRole('link', { name: harapan }).click();
  await expect(
    resumed.getByRole('heading', { level: 2, name: 'Area 1 of 10: Safety and security' }),
  ).toBeVisible();
  const again = (key: string) => resumed.getByRole('group', { name: new RegExp(`^${key} `) });
  await expect(again('S1').getByRole('radio', { name: /^3 – / })).toBeChecked();
  await expect(again('S1').getByLabel(/^Evidence notes for S1/)).toHaveValue(
    'Plan dated last month; two staff on different shifts explained it.',
  );
  await expect(again('S2').getByRole('radio', { name: /^1 – / })).toBeChecked();
  await expect(again('S3').getByRole('radio', { name: 'Not applicable' })).toBeChecked();
  await expect(resumed.getByTestId('overall-score')).toHaveText('73.3');

  // Finishing too early: the server names every item still open, and each entry leads to its item.
  await resumed.getByRole('button', { name: 'Finish assessment' }).click();
  const problems = resumed.getByRole('alert');
  await expect(problems).toContainText('Safety and security, S4: is not scored');
  await expect(problems).toContainText('Exit and reintegration planning, X4: is not scored');
  await problems
    .getByRole('button', { name: 'Physical environment and accommodation, E1' })
    .click();
  await expect(
    resumed.getByRole('heading', { level: 2, name: /^Area 2 of 10: Physical environment/ }),
  ).toBeVisible();
  await expect(again('E1').getByRole('radio').first()).toBeFocused();

  // Score the rest area by area (a women's shelter: the children's area does not apply).
  await resumed
    .getByRole('navigation', { name: 'Areas' })
    .getByRole('button', { name: /^Safety and security/ })
    .click();
  for (let area = 1; area <= 10; area += 1) {
    const heading = resumed.getByRole('heading', {
      level: 2,
      name: new RegExp(`^Area ${area} of 10`),
    });
    await expect(heading).toBeVisible();
    const title = (await heading.textContent()) ?? '';
    await scoreRemaining(resumed, title.includes("Children's best interests"));
    await resumed.getByRole('button', { name: 'Next area' }).click();
  }
  await expect(
    resumed.getByRole('heading', { level: 2, name: 'Summary and finish' }),
  ).toBeVisible();
  await expect(
    resumed.getByText(
      'Every item is scored or marked not applicable: the assessment can be finished.',
    ),
  ).toBeVisible();
  await resumed
    .getByRole('textbox', { name: /^Summary/ })
    .fill('Safe, well-run house; entry control at night still needs work.');
  await resumed.getByRole('button', { name: 'Finish assessment' }).click();
  await expect(
    resumed.getByText('This assessment is finished and can no longer change.', { exact: false }),
  ).toBeVisible();
  const facts = resumed.locator('.case-facts').first();
  await expect(facts).toContainText('Finished');
  await expect(resumed.getByRole('img', { name: 'Score by area (0–100)' })).toBeVisible();
  const gaps = resumed.locator('.gap-list');
  await expect(gaps).toContainText('Safety and security · S2');

  // Follow-up: item by item against last year's assessment.
  const sections = resumed.getByRole('navigation', { name: 'Assessment sections' });
  await sections.getByRole('link', { name: 'Changes' }).click();
  await expect(resumed.getByText(/^Compared with the assessment of /)).toBeVisible();
  const itemRows = resumed.getByRole('table', { name: 'Item by item' });
  await expect(itemRows.getByRole('row', { name: /^S1 / })).toContainText('Improved (+2)');
  await expect(itemRows.getByRole('row', { name: /^S2 / })).toContainText('Unchanged');
  await expect(itemRows.getByRole('row', { name: /^S3 / })).toContainText('Not comparable');

  // A recommendation for the gap, already overdue; then done.
  await sections.getByRole('link', { name: 'Recommendations' }).click();
  await resumed.getByRole('button', { name: 'Add a recommendation' }).click();
  await resumed
    .getByRole('textbox', { name: 'Recommendation' })
    .fill('Fit a lock on the back gate and keep a log of key holders.');
  await resumed
    .getByRole('combobox', { name: /^Area/ })
    .selectOption({ label: 'Safety and security' });
  await resumed.getByRole('combobox', { name: /^Item/ }).selectOption({ index: 2 });
  await resumed.getByRole('combobox', { name: 'Priority' }).selectOption({ label: 'High' });
  await resumed.getByLabel(/^Due date/).fill(day(-2));
  await resumed.getByRole('radio', { name: 'Someone else (a name)' }).check();
  await resumed.getByLabel("Owner's name").fill('Shelter manager');
  await resumed.getByRole('button', { name: 'Add recommendation' }).click();
  await expect(resumed.getByText('Recommendation added.')).toBeVisible();
  const recommendation = resumed.getByRole('row', { name: /^Fit a lock on the back gate/ });
  await expect(recommendation).toContainText('Safety and security · S2');
  await expect(recommendation).toContainText('Shelter manager');
  await expect(recommendation).toContainText('High');
  await expect(recommendation).toContainText('Overdue');
  await recommendation.getByRole('button', { name: /^Mark as done:/ }).click();
  await expect(resumed.getByText('Recommendation marked as done.')).toBeVisible();
  await expect(recommendation).toContainText('Done');
  await expect(recommendation).not.toContainText('Overdue');

  // The report: printable (no menu, tabs or buttons on paper) and as a spreadsheet.
  await sections.getByRole('link', { name: 'Report' }).click();
  await expect(
    resumed.getByRole('heading', { level: 2, name: `Assessment report: ${harapan}` }),
  ).toBeVisible();
  const xlsx = resumed.getByRole('link', { name: 'Download XLSX' });
  const href = (await xlsx.getAttribute('href')) ?? '';
  expect(href).toMatch(/\/api\/v1\/assessments\/[0-9a-f-]{36}\/export\?format=xlsx$/);
  const file = await resumed.request.get(href);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-disposition']).toMatch(/attachment; filename=".+\.xlsx"/);
  await resumed.emulateMedia({ media: 'print' });
  await expect(resumed.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(sections).toBeHidden();
  await expect(resumed.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(resumed.getByText('Fit a lock on the back gate')).toBeVisible();
  await resumed.emulateMedia({ media: 'screen' });
  await laptop.close();

  // Back on the first device: the comparison of shelters, area by area, with both shelters in it.
  await page.goto('/assessments');
  await page.getByRole('link', { name: 'Compare shelters' }).click();
  const chart = page.getByRole('img', { name: 'Scores by area and shelter (0–100)' });
  await expect(chart).toBeVisible();
  const table = page.getByRole('table', { name: 'Latest finished scores by shelter' });
  await expect(table.getByRole('row', { name: new RegExp(harapan) })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(esperanza) })).toContainText('100.0');
  // One bar per shelter in every group (overall + 10 areas); the children's area is n/a everywhere.
  expect(await chart.locator('rect.series').count()).toBeGreaterThanOrEqual(2 * 10);
  await page
    .getByRole('combobox', { name: /^Area/ })
    .selectOption({ label: 'Safety and security' });
  await expect(
    page.getByRole('img', { name: 'Safety and security: score by shelter (0–100)' }),
  ).toBeVisible();

  // The shelter's own tab: its scores over time, last year's and today's.
  await table.getByRole('link', { name: harapan }).click();
  await page.getByRole('link', { name: harapan }).click();
  await page
    .getByRole('navigation', { name: 'Shelter sections' })
    .getByRole('link', { name: 'Assessments' })
    .click();
  const timeline = page.getByRole('img', { name: 'Scores over time' });
  await expect(timeline).toBeVisible();
  await expect(timeline.locator('circle')).toHaveCount(2);

  // The same pages in Arabic, right to left.
  await page.goto('/assessments/comparison');
  await page.getByLabel('Language').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'مقارنة دور الإيواء' })).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'النتائج حسب المجال ودار الإيواء (0–100)' }),
  ).toBeVisible();
  await page.getByLabel('اللغة').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});
