// Article step 8: an administrative account's users, one row each, with a row error corrected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHost, openBrowser, screenshots, assertAccessible } from './harness.mjs';
import { logIn, openItem, choosePerson, requestTypeGroup, offeredRequestTypes, checkOut, errorOf, cartLines } from './portal_steps.mjs';
import { expectVisible, expectHidden, expectEventually, expectMatch } from './expect.mjs';

let host;
before(async () => { host = await startHost('administrative'); });
after(async () => { await host?.stop(); });

/** Steps 3 to 5 for athletics-admin with the given request type. */
async function startAdministrative(page, requestType) {
  await openItem(page, 'DUO Account updates');
  await choosePerson(page, /User or account/, 'Athletics', 'athletics-admin');
  await expectEventually(() => offeredRequestTypes(page), ['Add', 'Update', 'Remove'], 'request types');
  await requestTypeGroup(page).getByRole('radio', { name: requestType }).check();
  await expectHidden(page.getByLabel(/Off-campus phone number/));
}

/** Step 8: "Click Add", then the new row's fields. */
async function addRow(page, n) {
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const row = page.getByRole('group', { name: `Row ${n}` });
  await expectVisible(row);
  return row;
}

test('AdministrativeUpdateWithRowErrorCorrected', async () => {
  const browser = await openBrowser();
  const shot = screenshots('AdministrativeUpdateWithRowErrorCorrected');
  const { page } = browser;
  try {
    await logIn(page, host.baseUrl, 'dcoordinator');
    await startAdministrative(page, 'Update');
    await shot(page, 'step8-new-section');
    const row = await addRow(page, 1);
    await choosePerson(row, /user/i, 'Titan, Tuffy', 'tuffytitan');
    const lastFour = row.getByLabel(/last four/i);
    await expectVisible(lastFour);
    await lastFour.fill('0199');
    await row.locator('input[type="tel"]').fill('714-555-0123');
    await expectMatch(() => errorOf(lastFour), /.+/, 'an error for a last four not on the account');
    await shot(page, 'row-error');
    await assertAccessible(page, 'item page with a row error');
    await page.getByRole('button', { name: 'Proceed to Checkout' }).click();
    await expectVisible(page.getByRole('heading', { name: 'DUO Account updates', level: 1 }));
    assert.deepEqual(await cartLines(page), [], 'the server refused the wrong last four');

    // A second row, then removed again with its own button.
    const extra = await addRow(page, 2);
    await expectVisible(extra.getByRole('combobox'));
    await page.getByRole('button', { name: 'Remove row 2' }).click();
    await expectHidden(page.getByRole('group', { name: 'Row 2' }));

    await lastFour.fill('0111');
    await expectEventually(() => errorOf(lastFour), '', 'the corrected row has no error');
    await shot(page, 'row-corrected');
    await page.getByRole('button', { name: 'Proceed to Checkout' }).click();
    const { request } = await checkOut(page, 'Coordinator', 'dcoordinator');
    assert.match(request, /^REQ/);
    await shot(page, 'confirmation');
  } finally {
    await browser.close();
  }
});

test('AdministrativeRemoveUser', async () => {
  const browser = await openBrowser();
  const shot = screenshots('AdministrativeRemoveUser');
  const { page } = browser;
  try {
    await logIn(page, host.baseUrl, 'dcoordinator');
    await startAdministrative(page, 'Remove');
    const row = await addRow(page, 1);
    await choosePerson(row, /user/i, 'dcoordinator', 'dcoordinator');
    await row.getByLabel(/last four/i).fill('0112');
    assert.equal(await row.locator('input[type="tel"]').count() && await row.locator('input[type="tel"]').isVisible(), false,
      'no phone to add when removing');
    await shot(page, 'remove-row-filled');
    await page.getByRole('button', { name: 'Proceed to Checkout' }).click();
    const { request, items } = await checkOut(page, 'Coordinator, Dana', 'dcoordinator', 'Dana leaves Athletics.');
    assert.equal(items.length, 1);
    await shot(page, 'confirmation');
    await assertAccessible(page, 'confirmation');
    assert.match(request, /^REQ/);
    assert.deepEqual(browser.consoleErrors, []);
  } finally {
    await browser.close();
  }
});
