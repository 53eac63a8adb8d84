// Article steps 5 to 7 for a person's account: Update, no Remove, and no campus numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHost, openBrowser, screenshots, assertAccessible } from './harness.mjs';
import { logIn, openItem, choosePerson, offeredRequestTypes, requestTypeGroup, checkOut, errorOf, cartLines } from './portal_steps.mjs';
import { expectVisible, expectEventually, expectMatch } from './expect.mjs';

let host;
before(async () => { host = await startHost('person_rules'); });
after(async () => { await host?.stop(); });

async function session(name, fn) {
  const browser = await openBrowser();
  try {
    await fn(browser.page, screenshots(name));
    assert.deepEqual(browser.consoleErrors, []);
  } finally {
    await browser.close();
  }
}

test('UpdatePhoneForTuffyTitan', () => session('UpdatePhoneForTuffyTitan', async (page, shot) => {
  await logIn(page, host.baseUrl, 'dcoordinator');
  await openItem(page, 'DUO Account updates');
  await choosePerson(page, /User or account/, 'tuffytitan', 'tuffytitan');
  await expectEventually(() => offeredRequestTypes(page), ['Add', 'Update'], 'request types');
  await requestTypeGroup(page).getByRole('radio', { name: 'Update' }).check();
  await page.getByLabel(/Off-campus phone number/).fill('(714) 555-0142');
  await shot(page, 'step7-update-filled');
  await page.getByRole('button', { name: 'Proceed to Checkout' }).click();
  const { request, items } = await checkOut(page, 'Titan, Tuffy', 'tuffytitan');
  assert.equal(items.length, 1);
  await shot(page, 'confirmation');
  await page.goto(`${host.baseUrl}/#/requests/${request}`);
  await expectVisible(page.getByRole('heading', { name: `Request ${request}` }));
  const text = await page.locator('main').textContent();
  assert.ok(!text.includes('555-0142') && !text.includes('5550142'), 'the request shows the phone masked');
}));

test('RemoveOnlyForAdministrativeAccounts', () => session('RemoveOnlyForAdministrativeAccounts', async (page, shot) => {
  await logIn(page, host.baseUrl, 'dcoordinator');
  await openItem(page, 'DUO Account updates');
  await choosePerson(page, /User or account/, 'Titan, Tuffy', 'tuffytitan');
  await expectEventually(() => offeredRequestTypes(page), ['Add', 'Update'], 'request types for a person');
  await shot(page, 'person-no-remove');
  await choosePerson(page, /User or account/, 'Athletics', 'athletics-admin');
  await expectEventually(() => offeredRequestTypes(page), ['Add', 'Update', 'Remove'], 'request types for an administrative account');
  await expectVisible(page.getByRole('button', { name: 'Add', exact: true }));
  await shot(page, 'administrative-remove-offered');
  await assertAccessible(page, 'item page, administrative account');
  // Back to a person: Remove goes away again and a chosen Remove is dropped.
  await requestTypeGroup(page).getByRole('radio', { name: 'Remove' }).check();
  await choosePerson(page, /User or account/, 'Titan, Tuffy', 'tuffytitan');
  await expectEventually(() => offeredRequestTypes(page), ['Add', 'Update'], 'request types after switching back');
  assert.equal(await requestTypeGroup(page).getByRole('radio', { checked: true }).count(), 0);
}));

test('AddRefusesCampusNumber', () => session('AddRefusesCampusNumber', async (page, shot) => {
  await logIn(page, host.baseUrl, 'dcoordinator');
  await openItem(page, 'DUO Account updates');
  await choosePerson(page, /User or account/, 'Hire', 'newhire');
  await expectEventually(() => offeredRequestTypes(page), ['Add', 'Update'], 'request types');
  await requestTypeGroup(page).getByRole('radio', { name: 'Add' }).check();
  const phone = page.getByLabel(/Off-campus phone number/);
  await phone.fill('657-278-7777');
  // As the user types: /evaluate's refusal appears next to the field.
  const message = await expectMatch(() => errorOf(phone), /campus/i, 'campus refusal next to the phone field');
  assert.equal(await phone.getAttribute('aria-invalid'), 'true');
  await shot(page, 'campus-number-refused');
  await assertAccessible(page, 'item page with a field error');
  // On submit: the server's 422 says the same, and nothing reaches the cart.
  await page.getByRole('button', { name: 'Add to Cart' }).click();
  await expectVisible(page.getByRole('heading', { name: 'DUO Account updates', level: 1 }));
  assert.equal(await errorOf(phone), message);
  assert.deepEqual(await cartLines(page), []);
  await expectEventually(() => page.evaluate(() => document.activeElement?.id), await phone.getAttribute('id'),
    'focus on the field in error');
  await phone.fill('714-555-0177');
  await expectEventually(() => errorOf(phone), '', 'error cleared after correcting');
  await shot(page, 'campus-number-corrected');
}));

test('RequiredErrorsOnlyAfterTouchOrSubmit', () => session('RequiredErrorsOnlyAfterTouchOrSubmit', async (page, shot) => {
  await logIn(page, host.baseUrl, 'dcoordinator');
  await openItem(page, 'DUO Account updates');
  const account = page.getByRole('combobox', { name: /User or account/ });
  assert.equal(await errorOf(account), '', 'no error before the user did anything');
  await page.getByRole('button', { name: 'Proceed to Checkout' }).click();
  await expectMatch(() => errorOf(account), /required/i, 'required error after submit');
  await expectEventually(() => page.evaluate(() => document.activeElement?.getAttribute('role')), 'combobox', 'focus on first error');
  await shot(page, 'required-after-submit');
  assert.deepEqual(await cartLines(page), []);
  // Escape closes the results; typing without choosing is pointed out.
  await account.fill('Titan');
  await expectVisible(page.getByRole('option').first());
  await account.press('Escape');
  assert.equal(await account.getAttribute('aria-expanded'), 'false');
}));
