// The accessibility statement (#/accessibility, JIS X 8341-3:2016 附属書JB) and the checks it reports: axe in three
// languages, a keyboard-only journey, 320 px reflow, 200 % zoom (a 640 px wide viewport at 1280 px), forced colours.
import type { Locator, Page } from '@playwright/test';
import { test, expect, openGuide, heading, expectAccessible } from './support';
import { pinToCheck } from './pin-journey';

/** No sideways scrolling (WCAG 1.4.10). */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, what).toBeLessThanOrEqual(0);
}

/** Presses Tab until `target` has the focus (at most 60 times). */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

async function switchTo(page: Page, language: 'English' | 'やさしい にほんご' | '日本語') {
  await page.getByRole('button', { name: language }).click();
  await expect(page.getByRole('button', { name: language })).toHaveAttribute('aria-pressed', 'true');
}

test('the statement: JB items, tested pages as rows, reached from the footer', async ({ page }) => {
  await openGuide(page);
  await page.getByRole('link', { name: 'アクセシビリティについて' }).click();
  await expect(page).toHaveURL(/#\/accessibility$/);
  await expect(heading(page)).toHaveText('アクセシビリティについて');
  await expect(heading(page)).toBeFocused();
  await expect(page).toHaveTitle('アクセシビリティについて – マイナンバーカードの手続きガイド – 川崎市');
  const facts = page.locator('dl.myna-summary');
  await expect(facts).toContainText('JIS X 8341-3:2016');
  await expect(facts.locator('.myna-summary__row', { hasText: '目標とする適合レベル' })).toContainText('AA');
  for (const tech of ['HTML', 'CSS', 'JavaScript', 'WebAssembly']) await expect(facts).toContainText(tech);
  await expect(facts.locator('time[datetime="2026-11-26"]')).toHaveText('2026年（令和8年）11月26日（木）');
  for (const tool of ['axe-core 4.13.0', 'キーボード', '320 px', '200 %', '強制カラー']) await expect(facts).toContainText(tool);
  await expect(page.locator('#main')).toContainText('配慮');
  const rows = page.locator('table.myna-table tbody tr');
  await expect(rows).toHaveCount(7);
  await expect(rows.locator('th[scope=row]')).toHaveCount(7);
  await expect(page.locator('table.myna-table thead th[scope=col]')).toHaveCount(3);
  await expect(page.locator('#main')).toContainText('わかっている問題と制限');
  await expectAccessible(page);
});

test('axe on the start page, the password checker and the statement in all three languages', async ({ page }) => {
  await openGuide(page);
  for (const language of ['日本語', 'English', 'やさしい にほんご'] as const) {
    await switchTo(page, language);
    await page.goto('/#/');
    await expect(heading(page)).toBeVisible();
    await expectAccessible(page);
    await page.goto('/#/password');
    await expect(page.locator('#password')).toBeVisible();
    await page.locator('#password').fill('abc-12');
    await expect(page.locator('#password-result li')).toHaveCount(1);
    await expectAccessible(page);
    await page.locator('.myna-password button').click();
    await expect(page.locator('.myna-password__normalized')).toHaveText('ABC-12');
    await expectAccessible(page);
    await page.goto('/#/accessibility');
    await expect(page.locator('table.myna-table tbody tr')).toHaveCount(7);
    await expectAccessible(page);
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
});

test('keyboard only: the PIN journey, its result and the password checker', async ({ page }) => {
  await openGuide(page);
  await tabTo(page, page.getByRole('link', { name: '暗証番号がロックされた・忘れた' }));
  await page.keyboard.press('Enter');
  await expect(heading(page)).toBeFocused();
  await expectAccessible(page);
  await tabTo(page, page.locator('#answer-year'));
  await page.keyboard.type('1985');
  await page.keyboard.press('Tab');
  await page.keyboard.type('10');
  await page.keyboard.press('Tab');
  await page.keyboard.type('10');
  await tabTo(page, page.getByRole('button', { name: '次へ進む' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/pin\/which$/);
  await expect(heading(page)).toBeFocused();
  await expectAccessible(page);
  await tabTo(page, page.locator('input[value="signature"]'));
  await page.keyboard.press('Space');
  await expect(page.locator('input[value="signature"]')).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: '次へ進む' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/pin\/other-pin$/);
  await tabTo(page, page.locator('input[value="yes"]'));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: '次へ進む' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/pin\/which-certificates$/);
  await tabTo(page, page.locator('input[value="both"]'));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: '次へ進む' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/pin\/check$/);
  await expectAccessible(page);
  await tabTo(page, page.getByRole('checkbox', { name: 'この端末に保存する' }));
  await tabTo(page, page.getByRole('button', { name: '結果を見る' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/pin\/result$/);
  await expect(heading(page)).toBeFocused();
  await expectAccessible(page);
  await tabTo(page, page.getByRole('link', { name: '署名用電子証明書のパスワードの形を確かめる' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/password$/);
  await tabTo(page, page.locator('#password'));
  await page.keyboard.type('abc123');
  await expect(page.locator('#password-result')).toContainText('この形のパスワードは使えます。');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'パスワードを表示する' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.locator('#password')).toHaveAttribute('type', 'text');
  await expect(page.locator('.myna-password__normalized')).toHaveText('ABC123');
  // The box and the toggle follow the state in place: the focus stays on the toggle, the box keeps its text.
  await expect(page.getByRole('button', { name: 'パスワードを表示する' })).toBeFocused();
  await expect(page.locator('#password')).toHaveValue('abc123');
  // The focus stays visible: the DADS ring (a 4px outline).
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineWidth);
  expect(outline).toBe('4px');
});

for (const [width, what] of [
  [320, '320 px reflow'],
  [640, '200 % zoom of a 1280 px window'],
] as const) {
  test(`${what}: no sideways scrolling on the pages of the statement's rows`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await openGuide(page);
    await expectNoSidewaysScroll(page, 'start');
    await page.getByRole('link', { name: '暗証番号がロックされた・忘れた' }).click();
    await page.getByRole('button', { name: '次へ進む' }).click();
    await expect(page.locator('.myna-error-summary')).toBeVisible();
    await expectNoSidewaysScroll(page, 'question with an error');
    await page.getByRole('link', { name: 'マイナンバーカードの手続きガイド' }).click();
    await pinToCheck(page);
    await expectNoSidewaysScroll(page, 'check');
    await page.getByRole('button', { name: '結果を見る' }).click();
    await expect(page).toHaveURL(/result$/);
    await expectNoSidewaysScroll(page, 'result');
    await page.goto('/#/password');
    await page.locator('#password').fill('ＡＢＣ－１２３４５６７８９０１２３４５');
    await page.locator('.myna-password button').click();
    await expect(page.locator('#password-result li')).toHaveCount(2);
    await expectNoSidewaysScroll(page, 'password with problems, shown');
    await page.goto('/#/accessibility');
    await expect(page.locator('table.myna-table')).toBeVisible();
    await expectNoSidewaysScroll(page, 'statement');
  });
}

test('forced colours: axe, and the focus ring is still drawn', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await openGuide(page);
  await expectAccessible(page);
  await page.goto('/#/password');
  await page.locator('#password').fill('123456');
  await expect(page.locator('#password-result li')).toHaveCount(1);
  await expectAccessible(page);
  await page.goto('/#/accessibility');
  await expect(page.locator('table.myna-table')).toBeVisible();
  await expectAccessible(page);
  await tabTo(page, page.getByRole('link', { name: 'アクセシビリティについて' }));
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return `${s.outlineStyle} ${s.outlineWidth}`;
  });
  expect(style).toBe('solid 4px');
});
