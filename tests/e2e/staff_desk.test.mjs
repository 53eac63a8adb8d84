// The IT staff desk in the browser: a request's answers with the labels of its form, rows as
// a table, the DUO phone in full for IT staff and masked for the DITC, the activity log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHost, openBrowser, screenshots, assertAccessible } from './harness.mjs';
import { logIn } from './portal_steps.mjs';
import { expectVisible } from './expect.mjs';

let host;
before(async () => {
  host = await startHost('staff_desk', ['--catalog-dir', 'catalog-items', '--catalog-dir', 'tests/data/yaml-only']);
});
after(async () => { await host?.stop(); });

/** Logs in over the API and returns a caller that sends the session and CSRF token. */
async function apiAs(username) {
  const login = await fetch(`${host.baseUrl}/api/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  assert.equal(login.status, 200);
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await login.json();
  return async (method, path, body) => {
    const reply = await fetch(`${host.baseUrl}${path}`, {
      method, headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: reply.status, json: await reply.json().catch(() => null) };
  };
}

async function order(call, item, answers, requestedFor) {
  assert.equal((await call('POST', '/api/cart/items', { item, answers })).status, 201);
  const done = await call('POST', '/api/cart/checkout', { requested_for: requestedFor });
  assert.equal(done.status, 201, JSON.stringify(done.json));
  return done.json.request.number;
}

async function withBrowser(name, fn) {
  const browser = await openBrowser({});
  try {
    await fn(browser.page, screenshots(name));
  } finally {
    await browser.close();
  }
}

test('StaffSeeAnswersAsATableAndThePhoneInFull', async () => {
  const ditc = await apiAs('dcoordinator');
  const mailbox = await order(ditc, 'shared-mailbox', {
    mailbox_name: 'finance-team', owner: 'tessatitan', access: 'full', cost_center: 'CC-778899',
    users: [{ user: 'tuffytitan', contact_phone: '714 555 0133' }, { user: 'newhire' }],
  }, 'tessatitan');
  const duo = await order(ditc, 'duo-account-updates',
    { account: 'newhire', request_type: 'add', phone: '714 555 0188' }, 'newhire');

  await withBrowser('StaffDesk_helpdesk', async (page, shot) => {
    await logIn(page, host.baseUrl, 'helpdesk');
    await page.goto(`${host.baseUrl}/#/requests/${mailbox}`);
    await expectVisible(page.getByRole('heading', { name: `Request ${mailbox}` }));
    const table = page.getByRole('table', { name: 'Users of the mailbox' });
    await expectVisible(table);
    assert.deepEqual(await table.getByRole('columnheader').allTextContents(), ['User', 'Contact phone']);
    const rows = await table.locator('tbody tr').allTextContents();
    assert.equal(rows.length, 2);
    assert.match(rows[0], /Titan, Tuffy \(tuffytitan\).*714 555 0133/);
    const answers = page.locator('.answer-facts');
    assert.deepEqual(await answers.locator('dt').allTextContents(), ['Mailbox name', 'Owner', 'Access', 'Cost center']);
    assert.equal((await answers.locator('dd[data-field="cost_center"]').textContent()).trim(), 'CC-778899');
    const activity = page.getByRole('table', { name: 'Newest first' });
    await expectVisible(activity);
    assert.match(await activity.locator('tbody tr').first().textContent(), /helpdesk.*Sensitive viewed/);
    await shot(page, 'mailbox-request');
    await assertAccessible(page, 'request page for IT staff');

    await page.goto(`${host.baseUrl}/#/requests/${duo}`);
    await expectVisible(page.getByRole('heading', { name: `Request ${duo}` }));
    await expectVisible(page.locator('dd[data-field="phone"]', { hasText: '+17145550188' }));
    await shot(page, 'duo-request-staff');
  });

  await withBrowser('StaffDesk_ditc', async (page, shot) => {
    await logIn(page, host.baseUrl, 'dcoordinator');
    await page.goto(`${host.baseUrl}/#/requests/${duo}`);
    await expectVisible(page.getByRole('heading', { name: `Request ${duo}` }));
    const phone = page.locator('dd[data-field="phone"]');
    await expectVisible(phone);
    assert.equal((await phone.textContent()).trim(), '***-***-0188 (masked)');
    assert.equal(await page.getByRole('heading', { name: 'Activity' }).count(), 0, 'no activity log for the DITC');
    await shot(page, 'duo-request-ditc');
    await assertAccessible(page, 'request page for the DITC');
  });
});

test('TheQueueFiltersBySearchAndOpensTheRequest', async () => {
  const ditc = await apiAs('dcoordinator');
  const duo = await order(ditc, 'duo-account-updates',
    { account: 'newhire', request_type: 'add', phone: '714 555 0122' }, 'newhire');
  await withBrowser('StaffDesk_queue', async (page, shot) => {
    await logIn(page, host.baseUrl, 'helpdesk');
    await page.getByRole('link', { name: 'Fulfilment queue' }).click();
    await page.getByLabel('Search (REQ, RITM or person)').fill(duo);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expectVisible(page.getByText('1 item found.'));
    await shot(page, 'queue-filtered');
    await assertAccessible(page, 'filtered queue');
    await page.getByRole('link', { name: duo }).click();
    await expectVisible(page.getByRole('heading', { name: `Request ${duo}` }));
  });
});
