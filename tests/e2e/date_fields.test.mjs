// Date and checkbox fields in the portal: native <input type=date> bounded by today, the host's
// date_range rule shown live, a checkbox worked with the keyboard, all accessible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHost, openBrowser, screenshots, assertAccessible } from './harness.mjs';
import { logIn, openItem, errorOf, cartLines } from './portal_steps.mjs';
import { expectVisible, expectEventually } from './expect.mjs';

const pluginDirs = (process.env.SERVICEDESK_E2E_PLUGIN_DIRS || '').split(':').filter(Boolean);
let host;
before(async () => {
  if (pluginDirs.length < 2) return;
  const args = [];
  for (const dir of pluginDirs) args.push('--plugin-dir', dir);
  args.push('--catalog-dir', 'catalog-items', '--catalog-dir', 'tests/e2e/equipment_loan/catalog');
  host = await startHost('date_fields', args);
});
after(async () => { await host?.stop(); });

/** The host's local date `days` from today, as YYYY-MM-DD. */
function isoDay(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test('DateAndCheckboxFields', { skip: pluginDirs.length < 2 && 'SERVICEDESK_E2E_PLUGIN_DIRS not set' }, async () => {
  const browser = await openBrowser();
  const shot = screenshots('DateAndCheckboxFields');
  const { page } = browser;
  try {
    await logIn(page, host.baseUrl, 'tessatitan');
    await openItem(page, 'Equipment loan');
    const first = page.getByLabel(/First day/);
    const last = page.getByLabel(/Last day/);
    assert.equal(await first.getAttribute('type'), 'date', 'a native date input');
    // The bounds come from /evaluate, resolved by the host for today.
    await expectEventually(() => first.getAttribute('min'), isoDay(0), 'min of First day');
    assert.equal(await first.getAttribute('max'), isoDay(60));
    const hint = await first.getAttribute('aria-describedby');
    const said = await page.locator(`[id="${hint.split(' ').find((id) => id.endsWith('-range'))}"]`).textContent();
    assert.equal(said, `Choose a date from ${isoDay(0)} to ${isoDay(60)}.`,
      'the range is said in words for screen readers');

    await first.fill(isoDay(1));
    await last.fill(isoDay(20));
    await expectEventually(() => errorOf(last),
      `Choose a date at most 14 days after the start date (${isoDay(15)} or earlier).`, 'the live date_range error');
    assert.equal(await last.getAttribute('aria-invalid'), 'true');
    await shot(page, 'range-too-long');
    await assertAccessible(page, 'item page with a date range error');
    await last.fill(isoDay(8));
    await expectEventually(() => errorOf(last), '', 'the error goes once the range fits');

    // The checkbox, with the keyboard only: Tab reaches it, Space checks it.
    const charger = page.getByRole('checkbox', { name: 'I need a charger' });
    const focused = () => charger.evaluate((el) => el === document.activeElement);
    await last.focus();
    // Tab walks the date's own parts (day, month, year), then reaches the checkbox.
    for (let i = 0; i < 4 && !(await focused()); i += 1) await page.keyboard.press('Tab');
    assert.ok(await focused(), 'Tab reaches the checkbox after the date');
    await page.keyboard.press('Space');
    assert.equal(await charger.isChecked(), true);
    const kind = page.getByRole('textbox', { name: 'Charger', exact: true });
    await expectVisible(kind);
    await kind.fill('USB-C');
    await page.getByRole('checkbox', { name: /I will return it on time/ }).check();
    await shot(page, 'filled');
    await assertAccessible(page, 'item page filled in');

    await page.getByRole('button', { name: 'Add to Cart' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Your cart' }));
    const lines = await cartLines(page);
    assert.equal(lines.length, 1);
    assert.equal(lines[0].item, 'equipment-loan');
  } finally {
    await browser.close();
  }
});
