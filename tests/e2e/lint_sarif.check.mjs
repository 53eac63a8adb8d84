// `servicedesk-host lint --format sarif` against the official SARIF 2.1.0 JSON schema (the
// draft-04 schema @microsoft/jest-sarif ships), checked by ajv: what code-review systems read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const host = process.env.SERVICEDESK_HOST_BIN;

function sarifSchema() {
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(file, 'utf8'));
  return schema;
}

/// Runs lint and returns [exit code, parsed standard output].
function lintSarif(dir, target) {
  try {
    const out = execFileSync(host, ['--data-dir', join(dir, 'data'), 'lint', '--format', 'sarif', target],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return [0, JSON.parse(out)];
  } catch (error) {
    return [error.status, JSON.parse(error.stdout)];
  }
}

test('lint --format sarif validates against the SARIF 2.1.0 schema', () => {
  assert.ok(host && process.env.SERVICEDESK_CATALOG_DIR, 'usage: run-node-test.sh HOST_BINARY CATALOG_DIR FILE');
  // The schema's language-tag pattern has a stray ']' that only non-Unicode regexps accept.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(sarifSchema());
  const dir = mkdtempSync(join(tmpdir(), 'lint-sarif-'));
  try {
    const broken = join(dir, 'broken form.yaml');
    writeFileSync(broken, 'id: broken\nname: Broken\ncategory: Test\nfields:\n' +
      '  - id: a\n    type: text\n    help: >-\n      Some help.\n      mandatory: true\n' +
      '    rules: [ { use: no_such_rule } ]\n');
    const [status, log] = lintSarif(dir, broken);
    assert.equal(status, 1);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const results = log.runs[0].results;
    const warning = results.find((r) => r.level === 'warning');
    assert.ok(warning, JSON.stringify(results));
    assert.equal(warning.locations[0].physicalLocation.region.startLine, 9);
    assert.match(warning.locations[0].physicalLocation.artifactLocation.uri, /broken%20form\.yaml$/);
    assert.ok(results.some((r) => r.level === 'error' &&
      r.locations[0].physicalLocation.region.startLine === 10), JSON.stringify(results));

    // A clean catalog is a valid log with no results.
    const [cleanStatus, clean] = lintSarif(dir, process.env.SERVICEDESK_CATALOG_DIR);
    assert.equal(cleanStatus, 0);
    assert.ok(validate(clean), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(clean.runs[0].results, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
