// Who may see what, the staff queue, the real Content-Security-Policy, and small screens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHost, openBrowser, screenshots, assertAccessible } from './harness.mjs';
import { logIn, openItem, choosePerson, requestTypeGroup, offeredRequestTypes, checkOut } from './portal_steps.mjs';
import { expectVisible, expectEventually } from './expect.mjs';

let host;
before(async () => { host = await startHost('access'); });
after(async () => { await host?.stop(); });

async function withBrowser(name, options, fn) {
  const browser = await openBrowser(options);
  try {
    await fn(browser.page, screenshots(name), browser);
  } finally {
    await browser.close();
  }
}

test('NonDitcCannotSeeTheItem', () => withBrowser('NonDitcCannotSeeTheItem', {}, async (page, shot) => {
  await logIn(page, host.baseUrl, 'tuffytitan');
  const catalog = await page.evaluate(async () => (await fetch('/api/catalog')).json());
  const names = catalog.categories.flatMap((c) => c.items.map((i) => i.name));
  assert.ok(!names.includes('DUO Account updates'));
  assert.ok(names.includes('Request software'), 'everyone may order the example item');
  await page.getByRole('link', { name: 'Software and Access' }).click();
  await expectVisible(page.getByRole('link', { name: 'Request software' }));
  assert.equal(await page.getByRole('link', { name: 'DUO Account updates' }).count(), 0);
  await shot(page, 'category-without-duo');
  await page.goto(`${host.baseUrl}/#/item/duo-account-updates`);
  await expectVisible(page.getByRole('heading', { name: 'You cannot order this item' }));
  await shot(page, 'item-refused');
  await assertAccessible(page, 'refused item page');
}));

test('PortalRunsUnderTheHostsContentSecurityPolicy', () => withBrowser('PortalRunsUnderCsp', { bypassCSP: false }, async (page, shot, browser) => {
  const response = await page.goto(`${host.baseUrl}/`);
  const csp = response.headers()['content-security-policy'] || '';
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  await logIn(page, host.baseUrl, 'dcoordinator');
  await openItem(page, 'DUO Account updates');
  await choosePerson(page, /User or account/, 'Titan, Tuffy', 'tuffytitan');
  await expectEventually(() => offeredRequestTypes(page), ['Add', 'Update'], 'request types');
  await shot(page, 'item-under-csp');
  assert.deepEqual(browser.consoleErrors, [], 'no CSP violation or script error');
  const inline = await page.evaluate(() => [...document.querySelectorAll('[style]:not([style=""]), script:not([src])')]
    .map((el) => el.outerHTML.slice(0, 120)));
  assert.deepEqual(inline, [], 'no inline style attribute or inline script');
}));

test('ReadableAtPhoneWidthAndDoubleZoom', async () => {
  for (const [name, width, height] of [['phone-375', 375, 740], ['zoom-200', 640, 450]]) {
    await withBrowser(`Readable_${name}`, { width, height }, async (page, shot) => {
      await logIn(page, host.baseUrl, 'dcoordinator');
      await openItem(page, 'DUO Account updates');
      await choosePerson(page, /User or account/, 'Athletics', 'athletics-admin');
      await expectEventually(() => offeredRequestTypes(page), ['Add', 'Update', 'Remove'], 'request types');
      await requestTypeGroup(page).getByRole('radio', { name: 'Update' }).check();
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await expectVisible(page.getByRole('group', { name: 'Row 1' }));
      await shot(page, 'item');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${width}px (overflow ${overflow}px)`);
      await assertAccessible(page, `item page at ${width}px`);
    });
  }
});

test('StaffFulfilFromQueue', async () => {
  let ritm;
  await withBrowser('StaffFulfil_submit', {}, async (page) => {
    await logIn(page, host.baseUrl, 'dcoordinator');
    await openItem(page, 'DUO Account updates');
    await choosePerson(page, /User or account/, 'Hire, Nova', 'newhire');
    await expectEventually(() => offeredRequestTypes(page), ['Add', 'Update'], 'request types');
    await requestTypeGroup(page).getByRole('radio', { name: 'Add' }).check();
    await page.getByLabel(/Off-campus phone number/).fill('714-555-0188');
    await page.getByRole('button', { name: 'Proceed to Checkout' }).click();
    ritm = (await checkOut(page, 'newhire', 'newhire')).items[0];
    assert.equal(await page.getByRole('link', { name: 'Fulfilment queue' }).count(), 0, 'a DITC has no queue');
  });
  await withBrowser('StaffFulfilFromQueue', {}, async (page, shot) => {
    await logIn(page, host.baseUrl, 'helpdesk');
    await page.getByRole('link', { name: 'Fulfilment queue' }).click();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(ritm) }) });
    await expectVisible(card);
    await shot(page, 'queue');
    await assertAccessible(page, 'fulfilment queue');
    await card.getByRole('button', { name: 'Fulfil' }).click();
    await expectVisible(page.locator('#main').getByText(`${ritm} fulfilled.`));
    await shot(page, 'fulfilled');
  });
});

/** Presses Tab until the focused element matches `selector` (at most `max` presses). */
async function tabTo(page, selector, max = 40) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

test('KeyboardOnlyAddFlow', () => withBrowser('KeyboardOnlyAddFlow', {}, async (page, shot) => {
  await page.goto(`${host.baseUrl}/`);
  await expectVisible(page.getByRole('heading', { name: 'Log in to the IT Service Desk' }));
  await tabTo(page, '#login-username');
  await page.keyboard.type('dcoordinator');
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo');
  await page.keyboard.press('Enter');
  await expectVisible(page.getByRole('heading', { name: 'Service Catalog' }));
  await tabTo(page, 'a[href="#/category/Software%20and%20Access"]');
  await page.keyboard.press('Enter');
  await expectVisible(page.getByRole('heading', { name: 'Software and Access', level: 1 }));
  await tabTo(page, 'a[href="#/item/duo-account-updates"]');
  await page.keyboard.press('Enter');
  await expectVisible(page.getByRole('heading', { name: 'DUO Account updates', level: 1 }));
  await tabTo(page, '[role="combobox"]');
  await page.keyboard.type('Hire, Nova');
  await expectVisible(page.getByRole('option', { name: /newhire/ }));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expectEventually(() => offeredRequestTypes(page), ['Add', 'Update'], 'request types');
  await tabTo(page, 'input[type="radio"]');
  await page.keyboard.press('Space');
  await tabTo(page, 'input[type="tel"]');
  await page.keyboard.type('714-555-0166');
  await shot(page, 'keyboard-filled');
  const focusRing = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(focusRing, 'none', 'the focused field shows a focus ring');
  await tabTo(page, 'button[value="checkout"]');
  await page.keyboard.press('Enter');
  await expectVisible(page.getByRole('heading', { name: 'Checkout', level: 1 }));
  await tabTo(page, '[role="combobox"]');
  await page.keyboard.type('newhire');
  await expectVisible(page.getByRole('option', { name: /newhire/ }));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await tabTo(page, 'button[type="submit"]');
  await page.keyboard.press('Enter');
  await expectVisible(page.getByRole('heading', { name: /your request has been submitted/i }));
  await shot(page, 'keyboard-confirmation');
}));
