// Article step 9: "You are not able to submit other requests along with the Duo Account Updates request."
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHost, openBrowser, screenshots, assertAccessible } from './harness.mjs';
import { logIn, openItem, choosePerson, requestTypeGroup, offeredRequestTypes, cartLines } from './portal_steps.mjs';
import { expectVisible, expectEventually } from './expect.mjs';

const GUARD = 'You are not able to submit other requests along with the Duo Account Updates request.';
let host;
before(async () => { host = await startHost('cart_rule'); });
after(async () => { await host?.stop(); });

/** Fills every visible, empty text box of an ordinary item so the example item can be ordered. */
async function orderRequestSoftware(page) {
  await openItem(page, 'Request software');
  const boxes = page.locator('form.item-form input[type="text"]:visible, form.item-form textarea:visible');
  for (let i = 0; i < await boxes.count(); i += 1) {
    if (!(await boxes.nth(i).inputValue())) await boxes.nth(i).fill('Statistics package');
  }
  const radios = page.locator('form.item-form [role="radiogroup"]:visible');
  for (let i = 0; i < await radios.count(); i += 1) await radios.nth(i).getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Add to Cart' }).click();
}

async function fillDuo(page) {
  await openItem(page, 'DUO Account updates');
  await choosePerson(page, /User or account/, 'Hire, Nova', 'newhire');
  await expectEventually(() => offeredRequestTypes(page), ['Add', 'Update'], 'request types');
  await requestTypeGroup(page).getByRole('radio', { name: 'Add' }).check();
  await page.getByLabel(/Off-campus phone number/).fill('714-555-0199');
}

test('DuoAloneInCart', async () => {
  const browser = await openBrowser();
  const shot = screenshots('DuoAloneInCart');
  const { page } = browser;
  try {
    await logIn(page, host.baseUrl, 'dcoordinator');
    await orderRequestSoftware(page);
    await expectVisible(page.getByRole('heading', { name: 'Your cart' }));
    await shot(page, 'cart-with-software');
    await assertAccessible(page, 'cart page');
    const before = await cartLines(page);
    assert.equal(before.length, 1);

    await fillDuo(page);
    await page.getByRole('button', { name: 'Add to Cart' }).click();
    const alert = page.getByRole('alert').filter({ hasText: GUARD });
    await expectVisible(alert);
    await shot(page, 'guard-message');
    await assertAccessible(page, 'item page with the guard message');
    assert.deepEqual(await cartLines(page), before, 'the cart is unchanged');
    await page.getByRole('button', { name: 'Proceed to Checkout' }).click();
    await expectVisible(alert);
    assert.deepEqual(await cartLines(page), before, 'still unchanged');

    // The reverse: DUO in the cart first, then anything else is refused.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Cart/ }).click();
    await page.getByRole('button', { name: /Remove Request software/ }).click();
    await expectVisible(page.getByText('Your cart is empty.'));
    await fillDuo(page);
    await page.getByRole('button', { name: 'Add to Cart' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Your cart' }));
    const duoOnly = await cartLines(page);
    assert.equal(duoOnly.length, 1);
    await orderRequestSoftware(page);
    await expectVisible(page.getByRole('alert').filter({ hasText: GUARD }));
    await shot(page, 'guard-message-reverse');
    assert.deepEqual(await cartLines(page), duoOnly, 'the cart is unchanged');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Cart/ }).click();
    await expectVisible(page.getByRole('link', { name: 'Proceed to Checkout' }));
    await shot(page, 'cart-with-duo');
    assert.deepEqual(browser.consoleErrors, []);
  } finally {
    await browser.close();
  }
});
