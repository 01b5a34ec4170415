import { ApiClient } from './server';
import { apiCall, expect, signInEnrollingTotp, test } from './fixtures';

/** A calendar day `offset` days from today (UTC), as the API writes dates. */
function day(offset = 0): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A shelter from registration to its first residents: a shelter manager registers a shelter (a client-side
 * error, then a real 422 from the server named in the error summary), sees its confidential address, recovers
 * from a colleague's concurrent edit, admits two people referred by a caseworker (the second over capacity,
 * with the explicit override the server asks for), discharges one, reads the change in the occupancy report,
 * and records, follows up and closes an incident. Synthetic people only.
 */
test('a shelter manager registers a shelter, admits and discharges residents, and sees occupancy change', async ({
  page,
  users,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const suffix = Math.random().toString(36).slice(2, 7);
  const shelterName = `Rumah Singgah Melati ${suffix}`;

  // Two referred people, registered by a caseworker of the office through the API (synthetic names).
  const caseworker = new ApiClient(baseURL ?? '');
  await caseworker.login(users.shelterCaseworker);
  await caseworker.enrolTotp();
  const register = (given: string, family: string, birthYear: number) =>
    caseworker.request<{ id: string; cas_Number: string }>('POST', '/cases', {
      cas_IncomingReferralDate: day(-10),
      person: {
        prs_FirstName: given,
        prs_SecondName: family,
        prs_Gender: 'Feminine',
        prs_BirthYear: birthYear,
      },
    });
  const first = await register('Siti', 'Rahmawati', 2009);
  const second = await register('Dewi', 'Lestari', 2010);

  await signInEnrollingTotp(page, users.shelterManager);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Shelters' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Shelters' })).toBeVisible();
  await page.getByRole('link', { name: 'Register a shelter' }).click();

  // Nothing filled in: the summary names each required field, and focus goes to the first.
  await page.getByRole('button', { name: 'Register shelter' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Name: This field is required.');
  await expect(summary).toContainText('Operator type: This field is required.');
  await expect(summary).toContainText(
    'Populations and beds: Choose at least one population the shelter serves.',
  );
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();

  await page.getByLabel('Name', { exact: true }).fill(shelterName);
  await page.getByLabel('Operator type').selectOption({ label: 'Non-governmental organisation' });
  await page.getByLabel('Operating organisation').fill('Yayasan Melati');
  await page.getByRole('checkbox', { name: 'Women' }).check();
  await page.getByLabel('Beds: Women').fill('2');
  await page.getByRole('checkbox', { name: 'Girls' }).check();
  await page.getByLabel('Beds: Girls').fill('1');
  await page.getByRole('checkbox', { name: 'Accommodation' }).check();
  await page.getByRole('checkbox', { name: 'Psychosocial support' }).check();
  await page.getByRole('checkbox', { name: 'Wheelchair accessible' }).check();
  // The whereabouts: only shelter managers see these fields.
  await page.getByLabel(/^Address/).fill('Jalan Kenanga 12, Kampung Baru');
  await page.getByLabel(/^Latitude/).fill('3.1612');
  await page.getByLabel(/^Longitude/).fill('101.7041');
  await page.getByRole('button', { name: 'Add a contact' }).click();
  const contact = page.getByRole('group', { name: 'Contact 1' });
  await contact.getByLabel('Name', { exact: true }).fill('Duty manager');
  await contact.getByLabel(/^Phone/).fill('+60 3 0000 0000');

  // The server's own validation (the request is altered on its way): its 422 is named in the summary.
  let altered = false;
  await page.route('**/api/v1/shelters', async (route) => {
    if (route.request().method() !== 'POST' || altered) return route.continue();
    altered = true;
    const body = route.request().postDataJSON() as Record<string, unknown>;
    return route.continue({
      postData: JSON.stringify({ ...body, capacity: { women: -2, girls: 1 } }),
    });
  });
  await page.getByRole('button', { name: 'Register shelter' }).click();
  await expect(page.getByRole('alert')).toContainText('Beds: Women:');
  await page.unroute('**/api/v1/shelters');
  await page.getByRole('button', { name: 'Register shelter' }).click();

  await expect(page.getByText(`Shelter ${shelterName} registered.`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: shelterName })).toBeVisible();
  const shelterId = new URL(page.url()).pathname.split('/')[2] ?? '';
  await expect(page.getByText('Jalan Kenanga 12, Kampung Baru')).toBeVisible();
  await expect(page.getByText('3.1612, 101.7041')).toBeVisible();
  await expect(page.getByRole('row', { name: /Duty manager/ })).toContainText('+60 3 0000 0000');

  // A colleague saves first: the edit is refused as stale, and a reload brings their change in.
  await page.getByRole('link', { name: 'Edit shelter' }).click();
  const colleague = await apiCall(page, 'PATCH', `/shelters/${shelterId}`, {
    version: 1,
    operating_organisation: 'Yayasan Melati Sejahtera',
  });
  expect(colleague.status(), await colleague.text()).toBe(200);
  await page.getByRole('checkbox', { name: 'Legal assistance' }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Someone else changed this record. Reload to see the latest version.',
  );
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByLabel('Operating organisation')).toHaveValue('Yayasan Melati Sejahtera');
  await page.getByRole('checkbox', { name: 'Legal assistance' }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();
  await expect(page.getByText('Legal assistance')).toBeVisible();

  const sections = page.getByRole('navigation', { name: 'Shelter sections' });
  await sections.getByRole('link', { name: 'Occupancy' }).click();
  await expect(page.getByTestId('occupancy-current-total')).toHaveText('0 / 3');

  // Admissions: the shelter manager cannot search case files, so the case ID comes with the referral.
  await sections.getByRole('link', { name: 'Residents' }).click();
  await expect(page.getByText('Nobody stays here at the moment.')).toBeVisible();
  await page.getByRole('button', { name: 'Admit a resident' }).click();
  await page.getByLabel('Case ID').fill(first.id);
  await page.getByLabel('Population').selectOption({ label: 'Girls (0 of 1 beds taken)' });
  await page.getByLabel('Admission date').fill(day(-3));
  await page.getByLabel(/^Room/).fill('2');
  await page
    .getByLabel(/^Referral/)
    .fill('Referred by the district caseworker after identification.');
  await page.getByRole('button', { name: 'Admit', exact: true }).click();
  await expect(page.getByText(`Case ${first.cas_Number} admitted.`)).toBeVisible();
  const current = page.getByRole('table', { name: 'Current residents' });
  await expect(current.getByRole('row', { name: new RegExp(first.cas_Number) })).toContainText(
    'Siti',
  );

  // The girls' bed is taken: the server refuses, and only then does the form offer the override.
  await page.getByRole('button', { name: 'Admit a resident' }).click();
  await page.getByLabel('Case ID').fill(second.id);
  await page.getByLabel('Population').selectOption({ label: 'Girls (1 of 1 beds taken)' });
  await page.getByLabel('Admission date').fill(day(-1));
  await expect(page.getByRole('checkbox', { name: 'Admit over capacity' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Admit', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Girls is at capacity: 1 of 1 beds taken.');
  await page.getByRole('checkbox', { name: 'Admit over capacity' }).check();
  await page.getByRole('button', { name: 'Admit', exact: true }).click();
  await expect(page.getByText(`Case ${second.cas_Number} admitted.`)).toBeVisible();
  await expect(current.getByRole('row', { name: new RegExp(second.cas_Number) })).toContainText(
    'Admitted over capacity',
  );

  await sections.getByRole('link', { name: 'Occupancy' }).click();
  await expect(page.getByTestId('occupancy-current-total')).toHaveText('2 / 3');
  await expect(page.getByRole('img', { name: /^Residents per night by population/ })).toBeVisible();

  // Discharge the first resident today: the occupancy goes back down and the stay has a length.
  await sections.getByRole('link', { name: 'Residents' }).click();
  await page.getByRole('button', { name: new RegExp(`^Discharge ${first.cas_Number}`) }).click();
  await page.getByLabel('Discharge date').fill(day(0));
  await page.getByLabel('Destination').selectOption({ label: 'Moved to another shelter' });
  await page.getByLabel(/^Reason/).fill('Moved to a shelter for girls closer to school.');
  await page.getByRole('button', { name: 'Discharge', exact: true }).click();
  await expect(page.getByText(`Case ${first.cas_Number} discharged.`)).toBeVisible();
  await expect(current.getByRole('row', { name: new RegExp(first.cas_Number) })).toHaveCount(0);
  const past = page.getByRole('table', { name: 'Past stays' });
  await expect(past.getByRole('row', { name: new RegExp(first.cas_Number) })).toContainText(
    'Moved to another shelter',
  );

  await sections.getByRole('link', { name: 'Occupancy' }).click();
  await expect(page.getByTestId('occupancy-current-total')).toHaveText('1 / 3');
  await expect(page.getByText('3.0 nights (1 stay ended in the period)')).toBeVisible();
  await page.getByText('Show the figures as a table').click();
  const nights = page.getByRole('table', { name: 'Residents per night' });
  // Three nights ago one girl slept there; last night two; tonight (the discharge day) one.
  const perNight = nights.locator('tbody tr');
  const count = await perNight.count();
  await expect(
    perNight
      .nth(count - 4)
      .locator('td')
      .last(),
  ).toHaveText('1');
  await expect(
    perNight
      .nth(count - 2)
      .locator('td')
      .last(),
  ).toHaveText('2');
  await expect(
    perNight
      .nth(count - 1)
      .locator('td')
      .last(),
  ).toHaveText('1');

  // Incidents: recorded, followed up, closed.
  await sections.getByRole('link', { name: 'Incidents' }).click();
  await page.getByRole('button', { name: 'Record an incident' }).click();
  await page.getByLabel('Kind').selectOption({ label: 'Security' });
  await page.getByLabel('Severity').selectOption({ label: 'High' });
  await page
    .getByLabel('What happened')
    .fill('An unknown car waited outside the gate for an hour at night.');
  await page.getByRole('button', { name: 'Record incident' }).click();
  await expect(page.getByText('Incident recorded.')).toBeVisible();
  const incident = page.getByRole('row', { name: /^Security/ });
  await expect(incident).toContainText('An unknown car waited outside the gate');
  await expect(incident).toContainText('Open');
  await incident.getByRole('button', { name: /^Follow up:/ }).click();
  await page.getByLabel(/^Follow-up/).fill('Reported to the police liaison; night guard doubled.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Incident updated.')).toBeVisible();
  await expect(incident).toContainText('night guard doubled');
  await incident.getByRole('button', { name: /^Close:/ }).click();
  await expect(page.getByText('Incident closed.')).toBeVisible();
  await expect(incident).toContainText('Closed');

  // The registry lists the shelter with its beds taken per population.
  await page.getByRole('link', { name: 'Back to shelters' }).click();
  const listed = page.getByRole('row', { name: new RegExp(shelterName) });
  await expect(listed).toContainText('Non-governmental organisation');
  await expect(listed).toContainText('Girls 1 / 1');
  await expect(listed).toContainText('Women 0 / 2');
});

/**
 * Where the user's roles allow reading case files too, the admission form finds the case instead of asking for
 * its ID: by part of its number, or by a name (the name goes in a request body, never into an address).
 */
test('a shelter manager who also works on cases finds the case to admit by number or name', async ({
  page,
  users,
}) => {
  test.setTimeout(120_000);
  await signInEnrollingTotp(page, users.shelterIntake);
  const made = await apiCall(page, 'POST', '/cases', {
    cas_IncomingReferralDate: day(-2),
    person: { prs_FirstName: 'Ratna', prs_SecondName: 'Kusumawati', prs_Gender: 'Feminine' },
  });
  expect(made.status(), await made.text()).toBe(201);
  const record = (await made.json()) as { id: string; cas_Number: string };
  const registered = await apiCall(page, 'POST', '/shelters', {
    name: `Rumah Aman ${Math.random().toString(36).slice(2, 7)}`,
    operator_type: 'government',
    operating_organisation: 'Dinas Sosial',
    capacity: { women: 4 },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const shelter = (await registered.json()) as { id: string };

  await page.goto(`/shelters/${shelter.id}/residents`);
  await page.getByRole('button', { name: 'Admit a resident' }).click();
  await expect(page.getByLabel('Case ID')).toHaveCount(0);
  const search = page.getByLabel('Case number or name');
  await search.fill('Kusumawati');
  await page.getByRole('button', { name: 'Find case' }).click();
  const results = page.getByRole('list', { name: 'Matching cases' });
  await expect(results.getByRole('button', { name: new RegExp(record.cas_Number) })).toContainText(
    'Ratna',
  );
  expect(page.url()).not.toContain('Kusumawati');
  await search.fill(record.cas_Number.slice(-10));
  await page.getByRole('button', { name: 'Find case' }).click();
  await results.getByRole('button', { name: new RegExp(record.cas_Number) }).click();
  await expect(page.getByText(`Case chosen: ${record.cas_Number}`)).toBeVisible();
  await page.getByLabel('Population').selectOption({ label: 'Women (0 of 4 beds taken)' });
  await page.getByRole('button', { name: 'Admit', exact: true }).click();
  await expect(page.getByText(`Case ${record.cas_Number} admitted.`)).toBeVisible();
});
