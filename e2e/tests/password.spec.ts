// The signature password checker (docs/design.md §3.8) with the shared password cases (rules/tests/cases/password-*.json,
// the same as the spec's): each problem in words, the form the card reads when shown, show/hide, and the password
// kept in the page only (not in storage, the URL or the title) and cleared on leaving.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, openGuide, heading, expectAccessible, expectNothingStored, seeResult } from './support';
import { pinToCheck } from './pin-journey';

type Case = { name: string; password: string; expect: { valid: boolean; normalized: string; problems: string[] } };

const CASES_DIR = join(__dirname, '..', '..', 'rules', 'tests', 'cases');
const CASES: [string, Case][] = readdirSync(CASES_DIR)
  .filter((f) => f.startsWith('password-') && f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(join(CASES_DIR, f), 'utf-8')) as Case]);

/** The words of each problem code (app/locales/ja.json), with the engine's limits filled in. */
const WORDS: Record<string, string> = {
  too_short: '文字数が足りません。6文字以上にしてください。',
  too_long: '文字数が多すぎます。16文字以下にしてください。',
  no_letter: '英字（A～Z）が入っていません。英字も入れてください。',
  no_digit: '数字（0～9）が入っていません。数字も入れてください。',
  invalid_character: '使えない文字が入っています。英字（A～Z）と数字（0～9）だけにしてください。記号、空白、かな、漢字は使えません。',
};

const box = (page: import('@playwright/test').Page) => page.getByLabel('パスワード', { exact: true });
const result = (page: import('@playwright/test').Page) => page.locator('#password-result');
const showButton = (page: import('@playwright/test').Page) => page.getByRole('button', { name: 'パスワードを表示する' });

test('the cases: the problems in words, the form the card reads when shown, axe in each state', async ({ page }) => {
  expect(CASES.map(([f]) => f)).toEqual(expect.arrayContaining(['password-fullwidth.json', 'password-symbol.json', 'password-too-short.json']));
  await openGuide(page);
  await page.getByRole('link', { name: '署名用電子証明書のパスワードの形を確かめる' }).click();
  await expect(page).toHaveURL(/#\/password$/);
  await expect(heading(page)).toHaveText('署名用電子証明書のパスワードの形を確かめる');
  await expect(heading(page)).toBeFocused();
  await expect(page).toHaveTitle('署名用電子証明書のパスワードの形を確かめる – マイナンバーカードの手続きガイド – 川崎市');
  await expect(page.locator('.myna-privacy')).toContainText('この画面を離れると消えます');
  await expect(page.locator('#password-hint')).toContainText('6文字以上16文字以下');
  await expect(result(page)).toHaveAttribute('aria-live', 'polite');
  await expect(result(page)).toBeEmpty();
  await expectAccessible(page);

  for (const [file, c] of CASES) {
    await box(page).fill(c.password);
    if (c.password === '') {
      // Nothing typed, nothing said (the case's problems are the engine's; the page waits for input).
      await expect(result(page), file).toBeEmpty();
      continue;
    }
    const verdict = c.expect.valid ? 'この形のパスワードは使えます。' : 'この形のパスワードは使えません。';
    await expect(result(page).locator('.myna-password__verdict'), file).toHaveText(verdict);
    await expect(result(page).locator('li'), file).toHaveText(c.expect.problems.map((p) => WORDS[p]));
    // Hidden: the password is written nowhere else on the page.
    await expect(page.locator('.myna-password__normalized'), file).toHaveCount(0);
    expect(await page.locator('#myna-root').innerText(), file).not.toContain(c.expect.normalized);
    await expectAccessible(page);
    await showButton(page).click();
    await expect(result(page).locator('.myna-password__normalized'), file).toHaveText(c.expect.normalized);
    await expectAccessible(page);
    await showButton(page).click();
  }
  await expectNothingStored(page);
  expect(page.url()).toMatch(/#\/password$/);
  await expect(page).toHaveTitle(/^署名用電子証明書のパスワードの形を確かめる – /);
});

test('show and hide keep the box free of spell-checking, autocompletion and capitalisation', async ({ page }) => {
  await openGuide(page, '#/password');
  await expect(box(page)).toHaveAttribute('type', 'password');
  await expect(box(page)).toHaveAttribute('autocomplete', 'off');
  await box(page).fill('ａｂｃ１２３');
  await expect(showButton(page)).toHaveAttribute('aria-pressed', 'false');
  await showButton(page).click();
  await expect(showButton(page)).toHaveAttribute('aria-pressed', 'true');
  for (const [name, value] of [
    ['type', 'text'],
    ['spellcheck', 'false'],
    ['autocapitalize', 'off'],
    ['autocorrect', 'off'],
    ['autocomplete', 'off'],
  ]) {
    await expect(box(page)).toHaveAttribute(name, value);
  }
  await expect(box(page)).toHaveValue('ａｂｃ１２３');
  await expect(result(page).locator('.myna-password__normalized')).toHaveText('ABC123');
  await showButton(page).click();
  await expect(showButton(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(box(page)).toHaveAttribute('type', 'password');
  await expect(result(page).locator('.myna-password__normalized')).toHaveCount(0);
});

test('the password is cleared on leaving the page, by a link or by the back button', async ({ page }) => {
  await openGuide(page, '#/password');
  await box(page).fill('ABC123');
  await expect(result(page)).toContainText('使えます');
  await page.getByRole('link', { name: '戻る' }).click();
  await expect(page).toHaveURL(/#\/$/);
  await page.getByRole('link', { name: '署名用電子証明書のパスワードの形を確かめる' }).click();
  await expect(box(page)).toHaveValue('');
  await expect(result(page)).toBeEmpty();

  await box(page).fill('ABC123');
  await page.goBack();
  await expect(page).toHaveURL(/#\/$/);
  await page.goForward();
  await expect(heading(page)).toHaveText('署名用電子証明書のパスワードの形を確かめる');
  await expect(box(page)).toHaveValue('');
  await expectNothingStored(page);
});

test('the PIN journey links to the checker from its result', async ({ page }) => {
  await openGuide(page);
  await pinToCheck(page);
  await seeResult(page);
  await page.getByRole('link', { name: '署名用電子証明書のパスワードの形を確かめる' }).click();
  await expect(page).toHaveURL(/#\/password$/);
  await expect(heading(page)).toBeFocused();
});
