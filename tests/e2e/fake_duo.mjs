// The fake Duo Admin API (tests/support/fake_duo) for browser tests, and a host config using it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './harness.mjs';

const API_HOST = 'api-1a2b3c4d.duosecurity.com';
const IKEY = 'DIWJ8X6AEYOR5OMC6TQ1';
/** A test-only secret; the host and the fake read it from DUO_SKEY. */
const SKEY = 'e2e-secret-4kQm9VwZrT2yXb7LpN3sJd8HfG6cA1eU0oIiYxWq';

/** Starts the fake on a free port with newhire on the tenant; `{ port, folder, control, stop }`. */
export async function startFakeDuo() {
  process.env.DUO_SKEY = SKEY;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'servicedesk-e2e-duo-'));
  fs.writeFileSync(path.join(folder, 'seed.json'), JSON.stringify({ users: { newhire: [], dcoordinator: [] } }));
  const child = spawn('python3', [path.join(repoRoot, 'tests', 'support', 'fake_duo', 'fake_duo.py'),
    '--port', '0', '--host', API_HOST, '--ikey', IKEY, '--skey-env', 'DUO_SKEY',
    '--state', path.join(folder, 'state.json'), '--seed', path.join(folder, 'seed.json')],
  { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const ready = /ready on (\d+)/.exec(out);
      if (ready) resolve(Number(ready[1]));
    });
    child.on('exit', (code) => reject(new Error(`fake_duo exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}/__fake`;
  return {
    port,
    folder,
    /** POSTs a test-only control call, such as `fail` or `stop`. */
    async control(name, body = {}) {
      const response = await fetch(`${base}/${name}`, { method: 'POST', body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`fake_duo ${name}: ${response.status}`);
    },
    stop() {
      child.kill('SIGTERM');
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** host.yaml pointing the plugin at the fake, with quick job retries; returns its path. */
export function writeDuoHostConfig(folder, port) {
  const file = path.join(folder, 'host.yaml');
  fs.writeFileSync(file, `plugins:
  duo-account-updates:
    duo_admin_api:
      host: ${API_HOST}
      endpoint: http://127.0.0.1:${port}
      ikey: ${IKEY}
      skey_env: DUO_SKEY
      timeout_ms: 2000
jobs:
  initial_backoff_ms: 30000
  answer_wait_ms: 5000
`);
  return file;
}
