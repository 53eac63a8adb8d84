// The article end to end: a DITC adds a phone for a new hire, checks out, and both get mail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startHost, openBrowser, screenshots, assertAccessible, eventually } from './harness.mjs';
import { logIn, openItem, choosePerson, offeredRequestTypes, requestTypeGroup, checkOut } from './portal_steps.mjs';
import { expectVisible, expectEventually } from './expect.mjs';

let host;
before(async () => { host = await startHost('person_add'); });
after(async () => { await host?.stop(); });

function mailFiles() {
  const dir = path.join(host.dataDir, 'mail', 'new');
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')) : [];
}

test('AddPhoneForNewHireEndToEnd', async () => {
  const browser = await openBrowser();
  const shot = screenshots('AddPhoneForNewHireEndToEnd');
  const { page } = browser;
  try {
    await page.goto(`${host.baseUrl}/`);
    await expectVisible(page.getByRole('heading', { name: 'Log in to the IT Service Desk' }));
    await shot(page, 'step1-login');
    await assertAccessible(page, 'login page');
    await logIn(page, host.baseUrl, 'dcoordinator');
    await shot(page, 'catalog');
    await assertAccessible(page, 'catalog');

    await page.getByRole('link', { name: 'Software and Access' }).click();
    await expectVisible(page.getByRole('link', { name: 'DUO Account updates' }));
    await shot(page, 'step2-software-and-access');
    await assertAccessible(page, 'category page');
    await openItem(page, 'DUO Account updates');
    await shot(page, 'step3-duo-account-updates');
    await assertAccessible(page, 'item page');

    await choosePerson(page, /User or account/, 'Hire, Nova', 'newhire');
    await expectEventually(() => offeredRequestTypes(page), ['Add', 'Update'], 'request types for a person');
    await shot(page, 'step4-newhire-chosen');
    await requestTypeGroup(page).getByRole('radio', { name: 'Add' }).check();
    const phone = page.getByLabel(/Off-campus phone number/);
    await expectVisible(phone);
    await phone.fill('714-555-0199');
    await shot(page, 'step6-phone-entered');
    await assertAccessible(page, 'item page filled in');

    await page.getByRole('button', { name: 'Proceed to Checkout' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Checkout', level: 1 }));
    await expectVisible(page.getByRole('heading', { name: 'DUO Account updates', level: 3 }));
    await shot(page, 'step9-checkout');
    await assertAccessible(page, 'checkout page');

    const requestedFor = page.getByRole('combobox', { name: /Requested For/ });
    await requestedFor.fill('Hire');
    await expectVisible(page.getByRole('option', { name: /newhire/ }));
    await shot(page, 'step10-requested-for-search');
    await page.getByLabel(/Special Instructions/).fill('New employee starts Monday.');
    const { request, items } = await checkOut(page, 'Hire, Nova', 'newhire');
    await expectVisible(page.getByText(/Hire, Nova \(newhire\), the person listed in the Requested For field, will also get an e-mail confirmation/));
    await shot(page, 'step11-confirmation');
    await assertAccessible(page, 'confirmation page');

    const mails = await eventually(() => { const m = mailFiles(); return m.length >= 2 && m; }, 15000, 'two mails in mail/new');
    assert.equal(mails.length, 2, 'one mail to the submitter, one to Requested For');
    const recipients = mails.map((m) => /^To:.*$/im.exec(m)?.[0] || '').join('\n');
    assert.match(recipients, /dcoordinator@example\.edu/);
    assert.match(recipients, /newhire@example\.edu/);
    for (const mail of mails) {
      assert.ok(mail.includes(request), 'the mail names the Request Number');
      assert.ok(!/714.?555.?0199|7145550199/.test(mail), 'no full phone number in mail');
    }

    await page.getByRole('link', { name: 'My requests' }).first().click();
    await expectVisible(page.getByRole('heading', { name: 'My requests', level: 1 }));
    await expectVisible(page.getByRole('link', { name: request }));
    await shot(page, 'my-requests');
    await assertAccessible(page, 'my requests');
    await page.getByRole('link', { name: request }).click();
    await expectVisible(page.getByRole('heading', { name: `Request ${request}` }));
    await expectVisible(page.getByText(items[0]).first());
    await expectVisible(page.getByRole('heading', { name: 'E-mail notifications' }));
    await shot(page, 'request-detail');
    await assertAccessible(page, 'request detail');
    assert.deepEqual(browser.consoleErrors, []);
  } finally {
    await browser.close();
  }
});
