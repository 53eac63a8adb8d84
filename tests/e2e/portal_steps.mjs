// The article's steps as reusable browser actions, written in the portal's own words.
import assert from 'node:assert/strict';
import { expectVisible } from './expect.mjs';

/** Step 1: log in with the demo password. */
export async function logIn(page, baseUrl, username, password = 'demo') {
  await page.goto(`${baseUrl}/`);
  await expectVisible(page.getByRole('heading', { name: 'Log in to the IT Service Desk' }));
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Service Catalog' }));
}

/** Steps 2 and 3: Software and Access, then the item. */
export async function openItem(page, itemName, category = 'Software and Access') {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog', exact: true }).click();
  await page.getByRole('link', { name: category }).click();
  await expectVisible(page.getByRole('heading', { name: category, level: 1 }));
  await page.getByRole('link', { name: itemName }).click();
  await expectVisible(page.getByRole('heading', { name: itemName, level: 1 }));
}

/**
 * Step 4: types `query` into the combobox labelled `label` (inside `scope`), then chooses the
 * result for `username` with the keyboard (ArrowDown ... Enter), as a keyboard user would.
 */
export async function choosePerson(scope, label, query, username) {
  const input = scope.getByRole('combobox', { name: label });
  await input.fill(query);
  const listId = await input.getAttribute('aria-controls');
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  const options = page.locator(`[id="${listId}"] [role="option"]`);
  await expectVisible(options.filter({ hasText: `— ${username}` }).first());
  const texts = await options.allTextContents();
  const index = texts.findIndex((t) => t.split(' — ')[1] === username);
  assert.ok(index >= 0, `no search result for ${username} among ${JSON.stringify(texts)}`);
  for (const text of texts) assert.match(text, /^.+ — [\w.-]+( — .+)?$/, 'result reads "Last, First — username — department"');
  for (let i = 0; i <= index; i += 1) await input.press('ArrowDown');
  assert.equal(await input.getAttribute('aria-activedescendant'), await options.nth(index).getAttribute('id'));
  await input.press('Enter');
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  assert.ok((await input.inputValue()).includes(`(${username})`), 'the chosen person shows in the box');
}

/** Step 5: the request type radio group (its label comes from the YAML). */
export function requestTypeGroup(page) {
  return page.getByRole('radiogroup', { name: /request type/i });
}

/**
 * The offered request types, in order, once /evaluate has answered. A radio caught mid
 * re-render may not have its label yet: it reads as '' and the caller's wait tries again.
 */
export async function offeredRequestTypes(page) {
  return page.getByRole('radiogroup', { name: /request type/i }).getByRole('radio').evaluateAll(
    (radios) => radios.map((r) => (r.labels[0] ? r.labels[0].textContent.trim() : '')));
}

/** The visible error text of the field whose input is `control`. */
export async function errorOf(control) {
  const ids = ((await control.getAttribute('aria-describedby')) || '').split(/\s+/).filter(Boolean);
  const texts = [];
  for (const id of ids) {
    const el = control.page().locator(`[id="${id}"].field-error`);
    if (await el.count() && await el.isVisible()) texts.push((await el.textContent()).replace(/^Error: /, ''));
  }
  return texts.join(' ');
}

/** Step 10 and checkout: Requested For, Special Instructions, "Checkout"; returns REQ and RITMs. */
export async function checkOut(page, requestedForQuery, requestedFor, instructions = '') {
  await expectVisible(page.getByRole('heading', { name: 'Checkout', level: 1 }));
  await choosePerson(page, /Requested For/, requestedForQuery, requestedFor);
  if (instructions) await page.getByLabel(/Special Instructions/).fill(instructions);
  await page.getByRole('button', { name: 'Checkout' }).click();
  await expectVisible(page.getByRole('heading', { name: /your request has been submitted/i }));
  const request = (await page.locator('.notice .request-number').textContent()).trim();
  const items = (await page.locator('.notice .ritm-number').allTextContents()).map((t) => t.trim());
  assert.match(request, /^REQ\d{7}$/);
  assert.ok(items.length >= 1);
  for (const ritm of items) assert.match(ritm, /^RITM\d{7}$/);
  return { request, items };
}

/** The cart's lines as the API reports them (the page's truth, checked independently). */
export async function cartLines(page) {
  return page.evaluate(async () => (await (await fetch('/api/cart')).json()).lines);
}
