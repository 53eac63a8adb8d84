// Catalog administrators' workbench in the portal: a draft of the DUO form (drafts/) seen only
// by catalogadmin with its Draft banner and live evaluation, and the catalog status page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHost, openBrowser, screenshots, assertAccessible, repoRoot } from './harness.mjs';
import { logIn, openItem, choosePerson, offeredRequestTypes } from './portal_steps.mjs';
import { expectVisible, expectEventually } from './expect.mjs';

const LIVE_LABEL = 'User or account';
const DRAFT_LABEL = 'Whose Duo account (draft wording)';

let host;
let catalog;
before(async () => {
  // A copy of the shipped catalog with two drafts: the DUO form with a changed label, and a
  // form with a misspelt key on line 8.
  catalog = fs.mkdtempSync(path.join(os.tmpdir(), 'servicedesk-e2e-catalog-'));
  fs.cpSync(path.join(repoRoot, 'catalog-items'), catalog, { recursive: true });
  fs.mkdirSync(path.join(catalog, 'drafts'));
  const duo = fs.readFileSync(path.join(catalog, 'duo-account-updates.yaml'), 'utf8');
  assert.ok(duo.includes(`label: ${LIVE_LABEL}`));
  fs.writeFileSync(path.join(catalog, 'drafts', 'duo-account-updates.yaml'),
    duo.replace(`label: ${LIVE_LABEL}`, `label: ${DRAFT_LABEL}`));
  fs.writeFileSync(path.join(catalog, 'drafts', 'parking-permit.yaml'),
    'id: parking-permit\nname: Parking permit\ncategory: Facilities\ndescription: Not yet.\n'
    + 'yaml_only: true\nfields:\n  - id: plate\n    mandatry: true\n    type: text\n');
  host = await startHost('catalog_workbench', ['--catalog-dir', catalog]);
});
after(async () => {
  await host?.stop();
  if (catalog) fs.rmSync(catalog, { recursive: true, force: true });
});

async function withBrowser(name, fn) {
  const browser = await openBrowser();
  try {
    await fn(browser.page, screenshots(name), browser);
  } finally {
    await browser.close();
  }
}

test('CatalogAdminPreviewsTheDraftWithItsBanner', () => withBrowser('CatalogAdminPreviewsDraft', async (page, shot, browser) => {
  await logIn(page, host.baseUrl, 'catalogadmin');
  const drafts = page.getByRole('region', { name: /Drafts/ });
  await expectVisible(drafts);
  // The refused draft is listed with its problem at its line.
  await expectVisible(drafts.getByText('Line 8, column 5'));
  await shot(page, 'catalog-with-drafts');
  await drafts.getByRole('link', { name: 'DUO Account updates' }).click();
  await expectVisible(page.getByRole('heading', { name: 'DUO Account updates', level: 1 }));
  const banner = page.getByRole('region', { name: 'Draft' });
  await expectVisible(banner);
  assert.match(await banner.innerText(), /Only catalog administrators see this draft/);
  assert.match(await banner.innerText(), /can never be added to a cart or checked out/);
  assert.match(await banner.innerText(), /move the file from drafts\/ into the catalog folder/);
  // Filled in like the real form, evaluated live against the draft.
  await choosePerson(page, DRAFT_LABEL, 'Athletics', 'athletics-admin');
  await expectEventually(() => offeredRequestTypes(page), ['Add', 'Update', 'Remove'], 'request types');
  assert.equal(await page.getByRole('button', { name: 'Add to Cart' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Proceed to Checkout' }).count(), 0);
  await page.getByRole('button', { name: 'Show every error' }).click();
  await expectVisible(page.getByText('This field is required.').first());
  await shot(page, 'draft-as-catalogadmin');
  await assertAccessible(page, 'draft page');
  assert.deepEqual(browser.consoleErrors, []);
  // The catalog the administrator orders from has no draft in it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog', exact: true }).click();
  await page.getByRole('link', { name: 'Software and Access' }).click();
  await expectVisible(page.getByRole('link', { name: 'Request software' }));
  assert.equal(await page.getByRole('link', { name: 'DUO Account updates' }).count(), 0);
}));

test('RequestersNeverSeeTheDraft', () => withBrowser('RequestersNeverSeeDraft', async (page, shot) => {
  await logIn(page, host.baseUrl, 'dcoordinator');
  assert.equal(await page.getByRole('region', { name: /Drafts/ }).count(), 0);
  await openItem(page, 'DUO Account updates');
  await expectVisible(page.getByRole('combobox', { name: LIVE_LABEL }));
  assert.equal(await page.getByText(DRAFT_LABEL).count(), 0);
  assert.equal(await page.getByText('Draft', { exact: true }).count(), 0);
  await shot(page, 'live-form-for-dcoordinator');
  await page.goto(`${host.baseUrl}/#/draft/duo-account-updates`);
  await expectVisible(page.getByRole('heading', { name: 'Drafts are for catalog administrators' }));
  assert.equal(await page.getByRole('link', { name: 'Catalog status' }).count(), 0);
}));

test('StatusPageListsFilesProblemsVersionsAndDrafts', () => withBrowser('CatalogStatusPage', async (page, shot, browser) => {
  await logIn(page, host.baseUrl, 'catalogadmin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog status' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Catalog status', level: 1 }));
  const card = (file) => page.locator(`li.status-file[data-path="${file}"]`);
  const duo = card('duo-account-updates.yaml');
  await expectVisible(duo);
  assert.match(await duo.innerText(), /Live/);
  assert.match(await duo.innerText(), /Version live now\s+[0-9a-f]{16}, loaded /);
  assert.match(await duo.innerText(), /Drafts\s+drafts\/duo-account-updates\.yaml/);
  const broken = card('drafts/parking-permit.yaml');
  assert.match(await broken.innerText(), /Draft, refused/);
  assert.match(await broken.innerText(), /Line 8, column 5\s+Error\s+unknown key 'mandatry'.*did you mean 'mandatory'\?/);
  assert.match(await card('drafts/duo-account-updates.yaml').innerText(), /Draft, loaded/);
  await shot(page, 'catalog-status');
  await assertAccessible(page, 'catalog status page');
  assert.deepEqual(browser.consoleErrors, []);
}));

test('ItStaffSeeTheStatusPageRequestersDoNot', () => withBrowser('StatusPageAccess', async (page) => {
  await logIn(page, host.baseUrl, 'helpdesk');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog status' }).click();
  await expectVisible(page.locator('li.status-file[data-path="duo-account-updates.yaml"]'));
  await page.getByRole('button', { name: 'Log out' }).click();
  await logIn(page, host.baseUrl, 'tuffytitan');
  await page.goto(`${host.baseUrl}/#/catalog-status`);
  await expectVisible(page.getByText('Only catalog administrators and IT staff can see the catalog status.'));
}));
