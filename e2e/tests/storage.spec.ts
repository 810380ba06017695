// 「この端末に保存する」 (docs/design.md §3.7): nothing is written without the opt-in; with it a reload keeps the
// answers and the step; 「保存した内容を消す」 and 「最初からやり直す」 delete them; a record of another version
// or one that does not parse is deleted and ignored; with storage blocked the guide still works.
import { test, expect, openGuide, heading, expectAccessible, expectNothingStored, seeResult } from './support';
import { PIN_RECORD, pinToCheck } from './pin-journey';

const KEY = 'myna-guide/v1';

const stored = (page: import('@playwright/test').Page) =>
  page.evaluate((key) => window.localStorage.getItem(key), KEY);

/** Puts a value under the key before the guide starts (once: a reload does not put it back). */
async function seed(page: import('@playwright/test').Page, value: string) {
  await page.addInitScript(
    ([key, v]) => {
      if (window.name !== 'seeded') {
        window.name = 'seeded';
        window.localStorage.setItem(key, v);
      }
    },
    [KEY, value],
  );
}

test('without the opt-in nothing is written, and the box is off by default', async ({ page }) => {
  await openGuide(page);
  await expect(page.getByRole('button', { name: '保存した内容を消す' })).toHaveCount(0);
  await pinToCheck(page);
  const box = page.getByRole('checkbox', { name: 'この端末に保存する' });
  await expect(box).not.toBeChecked();
  await expectNothingStored(page);
  await seeResult(page);
  await expectNothingStored(page);
  await page.reload();
  // Nothing kept: the journey starts again from its first question.
  await expect(page).toHaveURL(/#\/pin\/birth-date$/);
  await expectNothingStored(page);
});

test('with the opt-in a reload keeps the answers and the step; 保存した内容を消す deletes them', async ({ page }) => {
  await openGuide(page);
  await pinToCheck(page);
  const box = page.getByRole('checkbox', { name: 'この端末に保存する' });
  await box.check();
  await expect(page.locator('.myna-save [role=status]')).toHaveText('この端末に保存しました。');
  await expect(box).toBeFocused();
  expect(JSON.parse((await stored(page))!)).toEqual({ ...PIN_RECORD, saved_on: '2026-11-24' });
  await expectAccessible(page);

  await page.reload();
  await expect(page).toHaveURL(/#\/pin\/check$/);
  await expect(page.locator('.myna-summary')).toContainText('1985年（昭和60年）10月10日（木）');
  await expect(page.getByRole('checkbox', { name: 'この端末に保存する' })).toBeChecked();
  await seeResult(page);
  await page.reload();
  await expect(page).toHaveURL(/#\/pin\/result$/);
  await expect(heading(page)).toBeVisible();

  // A changed answer is written too.
  await page.goto('/#/pin/other-pin');
  await page.locator('input[type=radio][value="no"]').check();
  await page.getByRole('button', { name: '次へ進む' }).click();
  await expect(page).toHaveURL(/#\/pin\/which-certificates$/);
  await page.getByRole('button', { name: '次へ進む' }).click();
  await expect(page).toHaveURL(/#\/pin\/check$/);
  await expect.poll(async () => JSON.parse((await stored(page))!).answers['other-pin']).toBe('no');

  await page.getByRole('link', { name: 'マイナンバーカードの手続きガイド' }).click();
  await expect(page.locator('.myna-notice')).toContainText('この端末に保存した答えを読み込みました。');
  await expectAccessible(page);
  await page.getByRole('button', { name: '保存した内容を消す' }).click();
  await expect(page.locator('.myna-status')).toHaveText('保存した内容を消しました。');
  await expect(page.locator('.myna-status')).toBeFocused();
  await expect(page.getByRole('button', { name: '保存した内容を消す' })).toHaveCount(0);
  await expectNothingStored(page);
  await expectAccessible(page);
  // Deleted from memory as well: the journey starts with an empty birth date.
  await page.getByRole('link', { name: '暗証番号がロックされた・忘れた' }).click();
  await expect(page.locator('#answer-year')).toHaveValue('');
});

test('unticking the box, or 最初からやり直す, deletes the saved answers', async ({ page }) => {
  await openGuide(page);
  await pinToCheck(page);
  const box = page.getByRole('checkbox', { name: 'この端末に保存する' });
  await box.check();
  expect(await stored(page)).not.toBeNull();
  await box.uncheck();
  await expect(page.locator('.myna-save [role=status]')).toHaveText('この端末から消しました。');
  // The box is not drawn again for its own change: it keeps the focus.
  await expect(box).toBeFocused();
  await expectNothingStored(page);

  await box.check();
  expect(await stored(page)).not.toBeNull();
  await seeResult(page);
  await page.getByRole('button', { name: '最初からやり直す' }).click();
  await expect(page).toHaveURL(/#\/$/);
  await expect.poll(() => stored(page)).toBeNull();
  await expectNothingStored(page);
  await expect(page.getByRole('button', { name: '保存した内容を消す' })).toHaveCount(0);
});

test('a saved record is restored when the guide opens', async ({ page }) => {
  await seed(page, JSON.stringify(PIN_RECORD));
  await page.goto('/#/pin/check');
  await expect(heading(page)).toHaveText('回答の確認');
  await expect(page.locator('.myna-summary')).toContainText('署名用電子証明書のパスワード');
  await expect(page.getByRole('checkbox', { name: 'この端末に保存する' })).toBeChecked();
  // What was restored is not written back at start (its saved_on would become today's, 2026-11-24).
  expect(JSON.parse((await stored(page))!)).toEqual(PIN_RECORD);
});

for (const [name, value] of [
  ['another version', JSON.stringify({ ...PIN_RECORD, v: 2 })],
  ['not JSON', '{"v":1,'],
  ['an answer no page could give', JSON.stringify({ ...PIN_RECORD, answers: { which: 'master-key' } })],
  ['a date that is not four strings', JSON.stringify({ ...PIN_RECORD, answers: { 'birth-date': { era: 'seireki', year: 1985 } } })],
  ['an impossible date', JSON.stringify({ ...PIN_RECORD, answers: { 'birth-date': { era: 'seireki', year: '2023', month: '2', day: '29' } } })],
]) {
  test(`a record with ${name} is deleted and ignored`, async ({ page }) => {
    await seed(page, value);
    await page.goto('/#/pin/check');
    // Nothing restored: the journey's first question, with the note that nothing was kept.
    await expect(page).toHaveURL(/#\/pin\/birth-date$/);
    await expect(page.locator('.myna-notice')).toContainText('保存されていない');
    await expectNothingStored(page);
  });
}

test('with storage blocked the box says so and the journey still works', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await openGuide(page);
  await pinToCheck(page);
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.locator('.myna-save')).toContainText('このページでは保存できません');
  await expectAccessible(page);
  await seeResult(page);
  await expect(heading(page)).toBeFocused();
});

test('when writing fails (quota, private mode) the box turns into the notice, nothing half-written', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openGuide(page);
  await pinToCheck(page);
  // click, not check(): the box is replaced by the notice, so it never shows as ticked.
  await page.getByRole('checkbox', { name: 'この端末に保存する' }).click();
  await expect(page.locator('.myna-save')).toContainText('このページでは保存できません');
  await expectNothingStored(page);
  await expectAccessible(page);
  await seeResult(page);
});
