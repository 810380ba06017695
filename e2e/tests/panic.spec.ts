// A panic (docs/design.md §7, issue 12): the static trilingual 「問題が発生しました」 block of index.html takes the page's
// place, and the panic's message is never shown or logged (it could hold an answer). Triggered through the cargo
// feature `test-panic` (app/src/lib.rs, `panic_if_asked`), which only the e2e build in dist-test-panic/ has:
// scripts/test builds it and playwright.config.ts serves it. The release build in dist/ must not react to the
// same URLs (smoke.spec.ts).
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './support';

const PANIC_PORT = Number(process.env.E2E_PANIC_PORT ?? 8082);
test.use({ baseURL: `http://127.0.0.1:${PANIC_PORT}` });

/** Part of the made-up answer in the panic's message (lib.rs): it must appear nowhere. */
const SECRET = '1985-10-10';

type Guards = { consoleErrors: string[]; pageErrors: string[] };

test.beforeEach(() => {
  expect(existsSync(`${__dirname}/../../dist-test-panic/index.html`), 'dist-test-panic/ (scripts/test builds it)').toBe(
    true,
  );
});

/** The error block instead of the guide, and in the console only the hook's fixed line and the trap that ends
 * the wasm (`panic = "abort"`: `RuntimeError: unreachable`, logged by the timer that ran the app's code, or an
 * uncaught `unreachable` in the module's start), both expected here and then taken off the guards' lists. */
async function expectErrorBlock(page: Page, guards: Guards) {
  const block = page.locator('#myna-error');
  await expect(block).toBeVisible();
  await expect(block.locator('h1')).toHaveText('問題が発生しました');
  await expect(block.getByRole('link', { name: '0120-380-366' })).toHaveCount(3);
  await expect(page.locator('#myna-root')).toBeHidden();
  const errors = () => [...guards.consoleErrors, ...guards.pageErrors];
  const trap = /^(RuntimeError: )?unreachable/;
  await expect.poll(() => errors().some((e) => trap.test(e))).toBe(true);
  expect(guards.consoleErrors[0]).toBe('myna-guide: internal error (panic)');
  for (const error of errors().slice(1)) expect(error).toMatch(trap);
  expect(await page.locator('body').innerText()).not.toContain(SECRET);
  expect(JSON.stringify([...guards.consoleErrors, ...guards.pageErrors])).not.toContain(SECRET);
  guards.consoleErrors.length = 0;
  guards.pageErrors.length = 0;
  await expectAccessible(page);
}

test('a panic in the app: the static error block, never the message', async ({ page, guards }) => {
  // Without the query the same build runs normally (the panic is the query's doing).
  await page.goto('/');
  await expect(page.locator('#myna-root h1[tabindex="-1"]')).toHaveText('マイナンバーカードの手続きガイド');
  await page.goto('/?panic=app');
  await expectErrorBlock(page, guards);
});

// The card-reader module installs the app's panic hook (`app::install_panic_hook()` at the start of main in
// app/src/bin/card_reader.rs, before the `panic_if_asked("reader")` line): without it a panic there only traps and
// the page waits for a module that never comes, so this test fails.
test('a panic in the card-reader module: the static error block, never the message', async ({ page, guards }) => {
  await page.goto('/?panic=reader#/reader');
  await expectErrorBlock(page, guards);
});
