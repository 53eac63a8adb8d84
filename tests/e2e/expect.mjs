// Tiny waiting assertions over playwright-core locators (the test runner is node:test).
import assert from 'node:assert/strict';

/** Waits until the locator is visible (fails after the context's default timeout). */
export async function expectVisible(locator) {
  await locator.waitFor({ state: 'visible' });
}

/** Waits until the locator is hidden or gone. */
export async function expectHidden(locator) {
  await locator.waitFor({ state: 'hidden' });
}

/** Waits until `read()` returns something equal to `expected`. */
export async function expectEventually(read, expected, what = 'value', ms = 10000) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    last = await read();
    try {
      assert.deepEqual(last, expected);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  assert.deepEqual(last, expected, `${what} never became ${JSON.stringify(expected)}`);
}

/** Waits until `read()` returns text matching `pattern`. */
export async function expectMatch(read, pattern, what = 'text', ms = 10000) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    last = await read();
    if (pattern.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.match(last, pattern, `${what}`);
  return last;
}
