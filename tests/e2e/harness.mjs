// Test harness: starts the real servicedesk-host on a free port with a fresh data dir, drives
// Debian's chromium through playwright-core, and records screenshots and axe-core scans.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root; the host finds catalog-items/ and web/ from here by default. */
export const repoRoot = path.resolve(here, '..', '..');
/** Where screenshots and host logs go for a reviewer to look at. */
export const artifactsDir = path.resolve(repoRoot,
  process.env.SERVICEDESK_E2E_ARTIFACTS || path.join('build', 'e2e-artifacts'));
const axePath = path.join(here, 'node_modules', 'axe-core', 'axe.min.js');

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The host binary from SERVICEDESK_HOST_BIN; the tests cannot run without it. */
export function hostBinary() {
  const bin = process.env.SERVICEDESK_HOST_BIN;
  if (!bin) throw new Error('Set SERVICEDESK_HOST_BIN to the servicedesk-host executable.');
  if (!fs.existsSync(bin)) throw new Error(`SERVICEDESK_HOST_BIN=${bin} does not exist; build servicedesk-host first.`);
  return bin;
}

/**
 * Starts `servicedesk-host serve` and waits for GET /healthz. Returns
 * `{ baseUrl, dataDir, stop() }`. `name` labels the host log under the artifacts folder;
 * `args` go after the usual ones (for instance `--config FILE`).
 */
export async function startHost(name, args = []) {
  const bin = hostBinary();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'servicedesk-e2e-data-'));
  fs.mkdirSync(artifactsDir, { recursive: true });
  const logFile = path.join(artifactsDir, `${name}.host.log`);
  const log = fs.openSync(logFile, 'w');
  const extra = (process.env.SERVICEDESK_HOST_ARGS || '').split(/\s+/).filter(Boolean);
  const child = spawn(bin, ['serve', '--listen', `127.0.0.1:${port}`, '--data-dir', dataDir, ...extra, ...args], {
    cwd: repoRoot, stdio: ['ignore', log, log],
  });
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  for (;;) {
    if (exited) {
      throw new Error(`servicedesk-host exited (${JSON.stringify(exited)}) before answering /healthz:\n${fs.readFileSync(logFile, 'utf8')}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`servicedesk-host did not answer /healthz within 30 s:\n${fs.readFileSync(logFile, 'utf8')}`);
    }
    await sleep(100);
  }
  return {
    baseUrl,
    dataDir,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        for (let i = 0; i < 50 && !exited; i += 1) await sleep(100);
        if (!exited) child.kill('SIGKILL');
      }
      fs.closeSync(log);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens chromium with a fresh profile. CSP is bypassed by default only so axe-core can be
 * injected; pass `bypassCSP: false` to check the portal under the host's real policy.
 */
export async function openBrowser({ width = 1280, height = 900, bypassCSP = true } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'servicedesk-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.SERVICEDESK_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    bypassCSP,
    viewport: { width, height },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(10000);
  const page = context.pages()[0] || await context.newPage();
  const consoleErrors = [];
  // 4xx answers are part of the flows under test (422, 409); anything else is a fault.
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
    consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return {
    context,
    page,
    consoleErrors,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Writes numbered screenshots for one test into its own artifacts folder. */
export function screenshots(testName) {
  const folder = path.join(artifactsDir, testName.replace(/[^A-Za-z0-9_-]+/g, '_'));
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  let n = 0;
  return async (page, step) => {
    n += 1;
    const file = path.join(folder, `${String(n).padStart(2, '0')}-${step.replace(/[^A-Za-z0-9_-]+/g, '_')}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
}

/** Runs axe-core on the page; fails on any serious or critical violation. */
export async function assertAccessible(page, where) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `axe-core found serious/critical violations on ${where}:\n${JSON.stringify(bad, null, 2)}`);
}

/** Polls `check` until it returns a truthy value or `ms` pass. */
export async function eventually(check, ms = 10000, what = 'condition') {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last;
    await sleep(100);
  }
  throw new Error(`Timed out waiting for ${what}`);
}
