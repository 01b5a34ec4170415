import { apiCall, expect, signInEnrollingTotp, signOut, test } from './fixtures';

/**
 * A case from first contact to closure: a caseworker registers it, screens the person against the ILO/EC
 * indicators, records the identification decision and consents through the wizard, adds a service, a task and
 * a note, and asks to close the case; a supervisor approves and the case shows Closed. Synthetic person only.
 */
test('a caseworker registers, screens, decides, records consent and services, and a supervisor closes the case', async ({
  page,
  users,
}) => {
  test.setTimeout(240_000);
  await signInEnrollingTotp(page, users.intakeCaseworker);

  // Registration: the person and referral, the trafficking details, the review.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('link', { name: 'New case' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Step 1 of 6: Registration' }),
  ).toBeVisible();
  const progress = page.getByRole('navigation', { name: 'Steps' });
  await expect(progress.getByRole('listitem')).toHaveText([
    /Registration/,
    /Trafficking/,
    /Review/,
    /Screening/,
    /Decision/,
    /Consent/,
  ]);
  await page.getByLabel(/^Referral date/).fill('2026-11-02');
  await page.getByLabel(/^Given name/).fill('Lan');
  await page.getByLabel(/^Family name/).fill('Trần');
  await page.getByLabel(/^Date of birth/).fill('1996-05-20');
  await page.getByLabel(/^Gender/).selectOption('Feminine');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Step 2 of 6: Trafficking' }),
  ).toBeVisible();
  await page.getByRole('checkbox', { name: 'Forced labour' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Step 3 of 6: Review' })).toBeVisible();
  await page.getByRole('button', { name: 'Register case' }).click();

  // Screening: the choices start from what the case records (an adult, forced labour); the indicators come
  // grouped by dimension, each with its strength.
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}\/intake\/screening$/);
  const caseId = new URL(page.url()).pathname.split('/')[2] ?? '';
  await expect(
    page.getByRole('heading', { level: 2, name: 'Step 4 of 6: Screening' }),
  ).toBeVisible();
  await expect(page.getByText(/^Case \S+ was registered\.$/)).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Adult' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Labour exploitation' })).toBeChecked();
  const dimension = (name: string) => page.getByRole('group', { name: new RegExp(`^${name}`) });
  for (const name of [
    'Deceptive recruitment',
    'Coercive recruitment',
    'Recruitment by abuse of vulnerability',
    'Exploitative conditions',
    'Coercion at destination',
    'Abuse of vulnerability at destination',
  ]) {
    await expect(dimension(name)).toBeVisible();
  }
  const deceptive = dimension('Deceptive recruitment');
  const strong = deceptive.getByRole('checkbox', { name: /^Deceived about the nature of the job/ });
  await expect(strong).toHaveAccessibleName(/Strong$/);
  await strong.check();
  await deceptive.getByRole('checkbox', { name: /^Deceived about wages or earnings/ }).check();
  await expect(deceptive).toContainText('(2 of 10 ticked)');
  const conditions = dimension('Exploitative conditions');
  await conditions.getByRole('checkbox', { name: /^Excessive working days or hours/ }).check();
  await conditions.getByRole('checkbox', { name: /^Low or no salary/ }).check();
  const coercionAtDestination = dimension('Coercion at destination');
  await coercionAtDestination.getByRole('checkbox', { name: /^Confiscation of documents/ }).check();
  await coercionAtDestination.getByRole('checkbox', { name: /^Debt bondage/ }).check();
  await page.getByLabel(/^Notes/).fill('Interviewed with an interpreter at the drop-in centre.');
  await page.getByRole('button', { name: 'Record screening' }).click();

  // Decision: the server's suggestion and the indicators behind it, then the caseworker decides and says why.
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/intake/decision$`));
  await expect(
    page.getByRole('heading', { level: 2, name: 'Step 5 of 6: Decision' }),
  ).toBeVisible();
  await expect(
    page.getByText('The indicators suggest a presumed victim of trafficking.'),
  ).toBeVisible();
  const coercion = page.getByRole('row', { name: /^Coercion at destination/ });
  await expect(coercion).toContainText('Positive');
  await expect(coercion).toContainText('Confiscation of documents');
  await expect(coercion).toContainText('Debt bondage');
  await expect(page.getByRole('row', { name: /^Coercive recruitment/ })).toContainText(
    'Not positive',
  );
  // Nothing is decided for the caseworker: the decision starts empty, and a justification is required.
  const decision = page.getByLabel(/^Decision/);
  await expect(decision).toHaveValue('');
  await decision.selectOption({ label: 'Actual victim of trafficking' });
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('alert')).toContainText('Justification: This field is required.');
  await expect(page.getByLabel(/^Justification/)).toBeFocused();
  await page
    .getByLabel(/^Justification/)
    .fill('Strong indicators in recruitment, conditions and coercion; consistent account.');
  await page.getByRole('button', { name: 'Record decision' }).click();

  // Consent: assistance, given verbally before a witness.
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/intake/consent$`));
  await expect(page.getByRole('heading', { level: 2, name: 'Step 6 of 6: Consent' })).toBeVisible();
  const inEffect = page.getByRole('table', { name: 'Consents in effect' });
  await expect(inEffect.getByRole('row', { name: /^Assistance/ })).toContainText('Not asked yet');
  await page.getByLabel(/^Consent to/).selectOption({ label: 'Assistance' });
  await page.getByRole('radio', { name: 'Given' }).check();
  await page.getByRole('radio', { name: 'Verbal' }).check();
  await page.getByRole('button', { name: 'Record consent' }).click();
  await expect(page.getByRole('alert')).toContainText('Witness: This field is required.');
  await page.getByLabel(/^Witness/).fill('Hoa Phạm');
  await page.getByRole('button', { name: 'Record consent' }).click();
  await expect(page.getByText('Recorded: Assistance — Given.')).toBeVisible();
  await expect(inEffect.getByRole('row', { name: /^Assistance/ })).toContainText('Given');
  const history = page.getByRole('table', { name: 'Consent history' });
  await expect(history).toContainText('Verbal — Witness: Hoa Phạm');
  await expect(history).toContainText('You');
  await page.getByRole('button', { name: 'Finish' }).click();

  // The case page: identified, with the decision and its reasons on the Screening tab.
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}$`));
  const caseNumber = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(
    /^Case /,
    '',
  );
  await expect(page.getByText(`Registration of case ${caseNumber} is complete.`)).toBeVisible();
  const facts = page.locator('.case-facts');
  await expect(facts).toContainText('Actual victim of trafficking');
  await expect(facts).toContainText('Active');
  const sections = page.getByRole('navigation', { name: 'Case sections' });
  await sections.getByRole('link', { name: 'Screening' }).click();
  await expect(
    page.getByText('Strong indicators in recruitment, conditions and coercion'),
  ).toBeVisible();

  // Services: the server's own 422 names the field (the request is altered on its way), then the service is
  // added; a colleague's concurrent change makes an edit stale (409), and a reload recovers.
  await sections.getByRole('link', { name: 'Services' }).click();
  await page.getByRole('button', { name: 'Add a service' }).click();
  await page.getByLabel(/^Type of service/).selectOption({ label: 'Medical care' });
  await page.getByLabel(/^Provider/).fill('District Clinic');
  await page.getByLabel(/^Status/).selectOption({ label: 'Ongoing' });
  await page.getByLabel(/^Start date/).fill('2026-11-03');
  await page.getByLabel(/^Cost/).fill('120.50');
  await page.getByLabel(/^Currency/).selectOption('MYR');
  await page.getByLabel(/^Funding source/).fill('Direct assistance fund');
  let altered = false;
  await page.route('**/api/v1/cases/*/services', async (route) => {
    if (route.request().method() !== 'POST' || altered) return route.continue();
    altered = true;
    const body = route.request().postDataJSON() as Record<string, unknown>;
    return route.continue({ postData: JSON.stringify({ ...body, end_date: '2026-11-01' }) });
  });
  await page.getByRole('button', { name: 'Add service' }).click();
  await expect(page.getByRole('alert')).toContainText('End date: must not be before start_date');
  await page.unroute('**/api/v1/cases/*/services');
  await page.getByRole('button', { name: 'Add service' }).click();
  await expect(page.getByText('Service saved: Medical care.')).toBeVisible();
  const service = page.getByRole('row', { name: /^Medical care/ });
  await expect(service).toContainText('District Clinic');
  await expect(service).toContainText('Ongoing');
  await expect(service).toContainText('MYR');
  await expect(service).toContainText('120.50');

  await service.getByRole('button', { name: 'Edit: Medical care' }).click();
  const services = (await (await apiCall(page, 'GET', `/cases/${caseId}/services`)).json()) as {
    items: { id: string; version: number }[];
  };
  const saved = services.items[0];
  expect(saved).toBeDefined();
  const colleague = await apiCall(page, 'PATCH', `/cases/${caseId}/services/${saved?.id ?? ''}`, {
    version: saved?.version,
    provider: 'District Clinic (outpatients)',
  });
  expect(colleague.status(), await colleague.text()).toBe(200);
  await page.getByLabel(/^Status/).selectOption({ label: 'Completed' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Someone else changed this record. Reload to see the latest version.',
  );
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByLabel(/^Provider/)).toHaveValue('District Clinic (outpatients)');
  await page.getByLabel(/^Status/).selectOption({ label: 'Completed' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(service).toContainText('Completed');

  // Tasks: one already overdue, then done; and a note.
  await sections.getByRole('link', { name: 'Tasks' }).click();
  await page.getByRole('button', { name: 'Add a task' }).click();
  await page.getByRole('textbox', { name: 'Task' }).fill('Book the follow-up appointment');
  await page.getByLabel(/^Due date/).fill('2026-01-15');
  await expect(page.getByLabel(/^Assigned to/)).toHaveValue(/[0-9a-f-]{36}/);
  await page.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByText('Task added.')).toBeVisible();
  const task = page.getByRole('row', { name: /^Book the follow-up appointment/ });
  await expect(task).toContainText('Overdue');
  await expect(task).toContainText('You');
  await task.getByRole('button', { name: 'Mark as done: Book the follow-up appointment' }).click();
  await expect(task).toContainText('Done');
  await expect(task).not.toContainText('Overdue');

  await sections.getByRole('link', { name: 'Notes' }).click();
  await page
    .getByRole('textbox', { name: 'Note' })
    .fill('Asked to be contacted through the shelter only.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByText('Asked to be contacted through the shelter only.')).toBeVisible();

  // Closure: the caseworker asks; the status does not change until a supervisor decides.
  await sections.getByRole('link', { name: 'Closure' }).click();
  await page.getByRole('button', { name: 'Request closure' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Reason for closure: This field is required.',
  );
  await page
    .getByLabel(/^Reason for closure/)
    .fill('Returned home; reintegration support handed over to the partner organisation.');
  await page.getByRole('button', { name: 'Request closure' }).click();
  await expect(page.getByText('Closure requested. A supervisor will decide.')).toBeVisible();
  await expect(
    page.getByText('Closure requested: waiting for a supervisor’s decision.').first(),
  ).toBeVisible();
  await expect(facts).toContainText('Active');
  await expect(page.getByRole('button', { name: 'Approve closure' })).toHaveCount(0);
  await signOut(page);

  // The supervisor of the office approves; the case is closed.
  await signInEnrollingTotp(page, users.supervisor);
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Case ${caseNumber}` })).toBeVisible();
  // Supervisors may list the office's accounts, so they see the caseworker's name.
  await expect(facts).toContainText('E2E intakecw');
  // ...and may hand the case to another caseworker of the office.
  await facts.getByRole('button', { name: 'Reassign' }).click();
  await expect(page.getByLabel(/^Assign to/)).toBeFocused();
  await page.getByLabel(/^Assign to/).selectOption({ label: 'E2E caseworker' });
  await page.getByRole('button', { name: 'Reassign case' }).click();
  await expect(facts).toContainText('E2E caseworker');
  await expect(facts).not.toContainText('E2E intakecw');
  await page.getByRole('link', { name: 'Review the request' }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/closure$`));
  await expect(page.getByText('Returned home; reintegration support handed over')).toBeVisible();
  await page.getByRole('button', { name: 'Reject closure' }).click();
  await expect(page.getByRole('alert')).toContainText('Comment: This field is required.');
  await page.getByRole('button', { name: 'Approve closure' }).click();
  await expect(page.getByText('Closure approved: the case is closed.')).toBeVisible();
  await expect(facts).toContainText('Closed');
  await expect(page.getByRole('button', { name: 'Approve closure' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reopen case' })).toBeVisible();

  // The history names each step.
  await sections.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('row', { name: /Trafficking status/ }).first()).toContainText(
    'Actual victim of trafficking',
  );
});
