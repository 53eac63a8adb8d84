// IT staff see fulfilment jobs in the portal: a failed item with its reason, retried to
// fulfilled; an item waiting to retry while Duo is down, as staff and the DITC see it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHost, openBrowser, screenshots, assertAccessible } from './harness.mjs';
import { logIn } from './portal_steps.mjs';
import { expectVisible } from './expect.mjs';
import { startFakeDuo, writeDuoHostConfig } from './fake_duo.mjs';

let duo;
let host;
before(async () => {
  duo = await startFakeDuo();
  host = await startHost('fulfilment_jobs', ['--config', writeDuoHostConfig(duo.folder, duo.port)]);
});
after(async () => {
  await host?.stop();
  duo?.stop();
});

/** dcoordinator orders an Add of `phone` for newhire through the API; returns the RITM. */
async function orderThroughApi(phone) {
  const login = await fetch(`${host.baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'dcoordinator', password: 'demo' }),
  });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await login.json();
  const post = (path, body) => fetch(`${host.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf },
    body: JSON.stringify(body),
  });
  const added = await post('/api/cart/items', {
    item: 'duo-account-updates', answers: { account: 'newhire', request_type: 'add', phone },
  });
  assert.equal(added.status, 201, await added.text());
  const done = await post('/api/cart/checkout', { requested_for: 'newhire' });
  assert.equal(done.status, 201);
  const { request } = await done.json();
  return { ritm: request.items[0].number, request: request.number };
}

async function withBrowser(name, fn) {
  const browser = await openBrowser();
  try {
    await fn(browser.page, screenshots(name));
    assert.deepEqual(browser.consoleErrors, []);
  } finally {
    await browser.close();
  }
}

function queueCard(page, ritm) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(ritm) }) });
}

test('FailedItemShowsItsReasonAndIsRetried', async () => {
  const { ritm } = await orderThroughApi('714-555-0161');
  await duo.control('fail', { status: 401, times: 1 });  // a wrong signature: not retried
  await withBrowser('FailedItemShowsItsReasonAndIsRetried', async (page, shot) => {
    await logIn(page, host.baseUrl, 'helpdesk');
    await page.getByRole('link', { name: 'Fulfilment queue' }).click();
    await queueCard(page, ritm).getByRole('button', { name: 'Fulfil' }).click();
    await expectVisible(page.locator('#main').getByText(`${ritm} failed.`));
    const card = queueCard(page, ritm);
    await expectVisible(card.getByText('Why it failed'));
    await expectVisible(card.getByText(/Duo refused the change/));
    await shot(page, 'failed');
    await assertAccessible(page, 'queue with a failed item');
    await card.getByRole('button', { name: 'Retry' }).click();
    await expectVisible(page.locator('#main').getByText(`${ritm} fulfilled.`));
    assert.equal(await queueCard(page, ritm).count(), 0, 'a fulfilled item leaves the queue');
  });
});

test('ItemWaitingForDuoShowsFulfillingToStaffAndTheDitc', async () => {
  const { ritm, request } = await orderThroughApi('714-555-0162');
  await duo.control('stop');  // Duo goes away (the last test: it stays away)
  await withBrowser('ItemWaitingForDuo_staff', async (page, shot) => {
    await logIn(page, host.baseUrl, 'helpdesk');
    await page.getByRole('link', { name: 'Fulfilment queue' }).click();
    await queueCard(page, ritm).getByRole('button', { name: 'Fulfil' }).click();
    await expectVisible(page.locator('#main').getByText(`${ritm} is being fulfilled.`));
    const card = queueCard(page, ritm);
    await expectVisible(card.getByText('Fulfilling', { exact: true }));
    await expectVisible(card.getByText(/1 attempt failed \(Duo cannot be reached/));
    assert.equal(await card.getByRole('button', { name: 'Fulfil' }).count(), 0, 'no second decision');
    await shot(page, 'fulfilling');
    await assertAccessible(page, 'queue with an item being fulfilled');
  });
  await withBrowser('ItemWaitingForDuo_ditc', async (page, shot) => {
    await logIn(page, host.baseUrl, 'dcoordinator');
    await page.goto(`${host.baseUrl}/#/requests/${request}`);
    await expectVisible(page.getByRole('heading', { name: `Request ${request}` }));
    await expectVisible(page.getByText('Fulfilling', { exact: true }).first());
    await shot(page, 'request-fulfilling');
  });
});
