// Start-up (issue 7): the start page is drawn once (texts arriving after it do not draw it again), a page opened
// before its texts gets the focus when they come, a result page is drawn in parts. How fast the start page is on
// a 4× slower CPU is a measure of the machine as much as of the guide: it is in scripts/bench
// (e2e/bench/startup.spec.ts), not here.
import type { Page } from '@playwright/test';
import { test, expect } from './support';
import { PIN_RECORD } from './pin-journey';

/** Holds back the Japanese texts beyond the first view until the returned function is called. */
async function holdTexts(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/locale-ja.json', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('the start page is drawn once: the texts that arrive after it do not draw it again', async ({ page }) => {
  // The Japanese texts beyond the first view are held back until the start page is up and marked.
  const release = await holdTexts(page);
  await page.goto('/');
  const heading = page.locator('#myna-root h1[tabindex="-1"]');
  await expect(heading).toBeVisible();
  // Any change inside <main> from now on is counted (a redraw rebuilds its texts even where it keeps elements).
  await page.evaluate(() => {
    const w = window as unknown as { mainChanges: number };
    w.mainChanges = 0;
    new MutationObserver((records) => (w.mainChanges += records.length)).observe(document.getElementById('main')!, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
  release();
  // The app marks the moment it has taken the texts in, a task after anything they would redraw: only then
  // can "nothing changed" be said.
  await expect(page.locator('html')).toHaveAttribute('data-myna-texts', 'ready');
  expect(await page.evaluate(() => (window as unknown as { mainChanges: number }).mainChanges)).toBe(0);
  // And the texts did arrive: a question page (beyond the first view) has its words.
  await page.getByRole('link', { name: '有効期限と更新の時期を調べる' }).click();
  await expect(heading).toHaveText('生年月日を入力してください');
});

test('a task chosen before the texts have arrived gets the focus on its heading once they do', async ({ page }) => {
  const release = await holdTexts(page);
  await page.goto('/');
  await page.getByRole('link', { name: '有効期限と更新の時期を調べる' }).click();
  await expect(page.locator('#main .myna-loading')).toBeVisible(); // 「読み込んでいます」
  release();
  const heading = page.locator('#myna-root h1');
  await expect(heading).toHaveText('生年月日を入力してください');
  await expect(heading).toBeFocused();
});

test('a result page drawn in parts: each part after a frame, and a page left before its last part gets its footer', async ({ page }) => {
  // A restored PIN result (the record of pin-journey.ts). As soon as the first part is in the DOM (a
  // MutationObserver runs before any frame), the init script notes what is there and leaves for the start page.
  await page.addInitScript((record) => {
    localStorage.setItem('myna-guide/v1', record);
    if (sessionStorage.getItem('left')) return;
    new MutationObserver((_, observer) => {
      const main = document.getElementById('main');
      if (!main?.querySelector('h1')) return;
      observer.disconnect();
      sessionStorage.setItem('left', JSON.stringify({
        pending: main.classList.contains('myna-pending'),
        h2: main.querySelectorAll('h2').length,
        footer: getComputedStyle(document.querySelector('footer.myna-footer')!).display,
      }));
      location.hash = '#/';
    }).observe(document, { childList: true, subtree: true });
  }, JSON.stringify(PIN_RECORD));
  await page.goto('/#/pin/result');
  await expect(page.locator('#myna-root h1')).toHaveText('マイナンバーカードの手続きガイド');
  // When the heading came with the steps (their one <h2>), the rest was still to come and the footer held back.
  const first = JSON.parse((await page.evaluate(() => sessionStorage.getItem('left')))!);
  expect(first).toEqual({ pending: true, h2: 1, footer: 'none' });
  // The start page, with its footer: the parts the result page did not draw do not hold it back.
  await expect(page.locator('#main')).not.toHaveClass(/myna-pending/);
  await expect(page.locator('#myna-root footer.myna-footer')).toBeVisible();
  // The chain of the page left runs one part per frame, each in a task after it (parts.rs). Queued after it in
  // the same way, once per part it had, this callback comes after every step the chain could still take:
  // still no pending then.
  await page.evaluate(async () => {
    for (let part = 0; part < 5; part++) {
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    }
  });
  expect(await page.locator('#main').getAttribute('class')).not.toMatch(/myna-pending/);
  // And the whole result page, drawn to its end, when it is reached again: the steps, the card and certificates,
  // why (a PIN reset dates nothing but today, so no timeline).
  await page.goto('/#/pin/result');
  await expect(page.locator('#main h2')).toHaveCount(3);
  await expect(page.locator('#myna-root footer.myna-footer')).toBeVisible();
});
