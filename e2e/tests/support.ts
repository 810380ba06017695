// Shared fixtures of the journey tests: every test runs with the guards of docs/design.md §1.1 (no console
// error, no page error, no CSP violation, no request leaving the guide's origin) and a fixed clock, and
// gets small helpers that act as a citizen would: type dates, pick answers, continue, check with axe.
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';

export { expect };

type Guards = {
  consoleErrors: string[];
  pageErrors: string[];
  foreign: string[];
  csp: string[];
  /** Paths a test makes fail on purpose (e.g. '/municipality.json' answered with 404): Chromium itself logs
   * "Failed to load resource" for them, which is not an error of the guide. */
  missing: string[];
};

/** Today for the journey tests: the day of the contract's examples (cases/adult-card-valid.json). */
export const TODAY = new Date('2026-11-24T09:00:00+09:00');

export const test = base.extend<{ guards: Guards }>({
  guards: [
    async ({ page, context, baseURL }, use) => {
      const guards: Guards = { consoleErrors: [], pageErrors: [], foreign: [], csp: [], missing: [] };
      const origin = new URL(baseURL!).origin;
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== origin) {
          guards.foreign.push(url.href);
          return route.abort();
        }
        return route.continue();
      });
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const url = (msg.location().url ?? '').split('?')[0];
        const failed = msg.text().startsWith('Failed to load resource');
        if (failed && guards.missing.some((path) => url.endsWith(path))) return;
        guards.consoleErrors.push(msg.text());
      });
      page.on('pageerror', (err) => guards.pageErrors.push(err.message));
      await page.exposeFunction('__mynaCsp', (v: string) => guards.csp.push(v));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { __mynaCsp: (v: string) => void }).__mynaCsp(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      await page.clock.setFixedTime(TODAY);
      await use(guards);
      expect(guards.pageErrors, 'page errors').toEqual([]);
      expect(guards.consoleErrors, 'console errors').toEqual([]);
      expect(guards.csp, 'CSP violations').toEqual([]);
      expect(guards.foreign, 'requests to other origins').toEqual([]);
    },
    { auto: true },
  ],
});

/** Opens the start page and waits until the app (not the static fallback) is there. */
export async function openGuide(page: Page, query = '') {
  await page.goto(`/${query}`);
  await expect(page.locator('#myna-root header')).toBeVisible();
}

/** Opens the guide (on `today` in Japan at 09:00, when given: a case's day) and follows a task's link. */
export async function startJourney(page: Page, task: string, today?: string) {
  if (today) await page.clock.setFixedTime(new Date(`${today}T09:00:00+09:00`));
  await openGuide(page);
  await page.getByRole('link', { name: task }).click();
}

/** axe-core itself, injected once per document (AxeBuilder re-injects it and finishes every run in a new page:
 * about 1 s a call on 2 cores, against 0.1 s for a direct `axe.run`). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; nodes: { target: string[] }[] };

/** axe finds nothing on the page as it is now (docs/design.md §5): every rule, violations only. Pages with frames
 * (the sample city page) go through AxeBuilder, which runs axe inside each frame. */
export async function expectAccessible(page: Page) {
  let violations: Violation[];
  if (page.frames().length > 1) {
    violations = (await new AxeBuilder({ page }).analyze()).violations as Violation[];
  } else {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
    violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target.map(String) })) }));
    });
  }
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The page's heading, which every page change focuses. */
export function heading(page: Page) {
  return page.locator('#myna-root h1');
}

/** Types a date into the date group, optionally choosing the era first. */
export async function fillDate(page: Page, year: string, month: string, day: string, era?: string) {
  if (era) await page.locator('#answer-era').selectOption(era);
  await page.locator('#answer-year').fill(year);
  await page.locator('#answer-month').fill(month);
  await page.locator('#answer-day').fill(day);
}

/** Continues to the next page after checking the current one with axe. */
export async function next(page: Page) {
  await expectAccessible(page);
  const before = page.url();
  await page.getByRole('button', { name: /次\s*(つぎ\s*)?へ|Continue/ }).click();
  await expect(page).not.toHaveURL(before);
}

/** Answers a date question and continues. */
export async function answerDate(page: Page, year: string, month: string, day: string, era?: string) {
  await fillDate(page, year, month, day, era);
  await next(page);
}

/** Ticks 「わからない」 / 「まだ」 and continues. */
export async function answerAlternative(page: Page) {
  await page.locator('#answer-alternative').check();
  await next(page);
}

/** Picks a radio by its value and continues. */
export async function answerChoice(page: Page, value: string) {
  await page.locator(`input[type=radio][value="${value}"]`).check();
  await next(page);
}

/** On the check page: checks it, then asks for the result. */
export async function seeResult(page: Page) {
  await expect(page).toHaveURL(/\/check$/);
  await expectAccessible(page);
  await page.getByRole('button', { name: /結果を見る|結果\s*けっか\s*を\s*見\s*み\s*る|See the result/ }).click();
  await expect(page).toHaveURL(/\/result$/);
  // The page is drawn in parts, one task each, and the footer waits for the last (main.css): all must come.
  await expect(page.locator('#myna-root footer.myna-footer')).toBeVisible();
  await expect(page.locator('#main')).not.toHaveClass(/myna-pending/);
  await expectAccessible(page);
}

/** Nothing the citizen typed is in storage or cookies (docs/design.md §1.1 invariant 8). */
export async function expectNothingStored(page: Page) {
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  expect(await page.context().cookies()).toEqual([]);
}
