// The start page of the release build, served with the production CSP: the wasm mounts, replaces the static
// fallback, and nothing goes wrong on the way (no console error, page error, CSP violation or foreign request).
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const TODAY = new Date('2026-04-01T09:00:00+09:00'); // fixed clock: the app reads it in today_jst() only
const TITLE = 'マイナンバーカードの手続きガイド';

let consoleErrors: string[];
let pageErrors: string[];
let foreign: string[];
let cspViolations: string[];

test.beforeEach(async ({ page, context, baseURL }) => {
  consoleErrors = [];
  pageErrors = [];
  foreign = [];
  cspViolations = [];
  const origin = new URL(baseURL!).origin;
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) {
      foreign.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.exposeFunction('__mynaCspViolation', (v: string) => cspViolations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __mynaCspViolation: (v: string) => void }).__mynaCspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  await page.clock.setFixedTime(TODAY);
});

test.afterEach(async () => {
  expect(pageErrors, 'page errors').toEqual([]);
  expect(consoleErrors, 'console errors').toEqual([]);
  expect(cspViolations, 'CSP violations').toEqual([]);
  expect(foreign, 'requests to other origins').toEqual([]);
});

/** Opens the start page and waits for the heading only the mounted app renders (the fallback's has no tabindex). */
async function openStartPage(page: Page) {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  // The test proves something only if the page really is under the city's policy.
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval';");
  const heading = page.locator('#myna-root h1[tabindex="-1"]');
  await expect(heading).toHaveText(TITLE);
  return heading;
}

test('the app mounts under the production CSP and replaces the static fallback', async ({ page }) => {
  await openStartPage(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page).toHaveTitle(/マイナンバーカードの手続きガイド/);
  await expect(page.locator('#myna-root main')).toHaveCount(1); // the app's <main> replaced the fallback's
  await expect(page.locator('main:visible')).toHaveCount(1);
  await expect(page.locator('#myna-error')).toBeHidden(); // the panic block stays hidden
  await expect(page.getByRole('link', { name: '川崎市のウェブサイト' })).toHaveCount(0);
  // Trunk's inline loader was moved into boot-<hash>.js by scripts/post-build.
  expect(await page.locator('script:not([src])').count()).toBe(0);
  await expect(page.locator('script[type="module"][src^="./boot-"]')).toHaveCount(1);
});

test('Trusted Types are enforced: no string becomes HTML or a script URL, no policy but the guide\'s', async ({
  page,
}) => {
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("require-trusted-types-for 'script'");
  expect(csp).toContain('trusted-types myna-guide');
  await expect(page.locator('#myna-root h1[tabindex="-1"]')).toHaveText(TITLE);
  // A string written as HTML or as a script's URL is refused, and the refusal is a violation that the guard of
  // every test hears (so "no violation" in the other tests means no such write happened).
  const refused = await page.evaluate(() => {
    const out: string[] = [];
    try {
      document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
    } catch (e) {
      out.push(String(e));
    }
    try {
      document.createElement('script').src = 'x.js';
    } catch (e) {
      out.push(String(e));
    }
    try {
      (window as unknown as { trustedTypes: { createPolicy: (n: string, o: object) => void } }).trustedTypes.createPolicy(
        'another',
        {},
      );
    } catch (e) {
      out.push(String(e));
    }
    return out;
  });
  expect(refused).toHaveLength(3);
  expect(refused[0]).toContain('TrustedHTML');
  expect(refused[1]).toContain('TrustedScriptURL');
  await expect.poll(() => cspViolations.length).toBe(3);
  expect(cspViolations.map((v) => v.split(' ')[0])).toEqual([
    'require-trusted-types-for',
    'require-trusted-types-for',
    'trusted-types',
  ]);
  // Made on purpose: the violations, and the lines Chromium logs for them.
  expect(consoleErrors).toHaveLength(3);
  cspViolations.length = 0;
  consoleErrors.length = 0;
});

test('the release build has no test-panic: ?panic=app and ?panic=reader change nothing', async ({ page }) => {
  // The test-panic build panics right after drawing the guide (app) or as the reader page's module starts; here
  // both moments pass (the guide drawn; the module's first state drawn) and the guide stays.
  await page.goto('/?panic=app');
  await expect(page.locator('#myna-root h1[tabindex="-1"]')).toHaveText(TITLE);
  await expect(page.locator('#myna-error')).toBeHidden();
  await page.goto('/?panic=reader#/reader');
  await expect(page.locator('#reader-root')).not.toBeEmpty();
  await expect(page.locator('#myna-error')).toBeHidden();
  await expect(page.locator('#myna-root')).toBeVisible();
});

test('the start page has no axe violations', async ({ page }) => {
  await openStartPage(page);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the static fallback names the call centre', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByText('0120-380-366').first()).toBeVisible();
    // Playwright's text matching skips <noscript>, so read its text and check its paragraphs are shown.
    const noscript = page.locator('noscript');
    expect(await noscript.evaluate((e) => e.textContent ?? '')).toContain('このガイドは JavaScript を使います。');
    await expect(noscript.locator('p').first()).toBeVisible();
    await expect(page.locator('#myna-error')).toBeHidden();
  });
});
