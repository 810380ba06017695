// Questions that cannot mislead (issue 13, item 5): 「わからない」 for the day of moving in once the 転入届 is
// filed; the certificates on the card asked, never assumed, and never a signature certificate for a child;
// the application date asked when the engine cannot tell the card's term without it.
import { test, expect, heading, expectAccessible } from './support';
import { startJourney, answerChoice, answerDate, answerAlternative, next, seeResult } from './support';
import type { Page } from '@playwright/test';

/** The values of the radios the page offers. */
function offered(page: Page) {
  return page.locator('input[type=radio]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
}

test('the 転入届 filed, the day of moving in forgotten: show the card by its day, no new card', async ({ page }) => {
  await startJourney(page, '引っ越しをした・する', '2025-05-01');
  await answerDate(page, '1980', '1', '1');
  await answerChoice(page, 'out-of-city');
  await answerDate(page, '2025', '4', '1'); // planned move-out
  await expect(heading(page)).toHaveText('転入届を出した日を入力してください');
  await answerDate(page, '2025', '4', '20'); // 転入届
  // Filed: the day of moving in may be forgotten, not still to come.
  await expect(heading(page)).toHaveText('新しい住所に住み始めた日を入力してください');
  await expect(page.locator('label[for="answer-alternative"]')).toHaveText('わからない');
  await answerAlternative(page);
  await answerAlternative(page); // card not yet shown at the office
  await answerChoice(page, 'yes'); // has the card
  await answerChoice(page, 'both');
  await answerDate(page, '2033', '1', '1');
  await expect(page.locator('.myna-summary')).toContainText('わからない');
  await seeResult(page);
  await expect(heading(page)).toHaveText('2025年（令和7年）7月19日（土）までにカードを転入先の窓口に出してください');
  const titles = page.locator('.myna-action__title');
  await expect(titles).toContainText(['カードの住所を書き換える（継続利用）']);
  await expect(titles.filter({ hasText: '新しいカードを申請する' })).toHaveCount(0);
  await expect(page.locator('.myna-action', { hasText: '継続利用' })).toContainText('2025年（令和7年）7月19日（土）');

  // Not filed yet: the day of moving in may still be to come (「まだ」).
  await page.goto('/#/move/move-in-filed');
  await answerAlternative(page);
  await expect(page).toHaveURL(/#\/move\/moved-in$/);
  await expect(page.locator('label[for="answer-alternative"]')).toHaveText('まだ');
  await expectAccessible(page);
});

test('a child of 11 who lost the card: no signature certificate offered or assumed, and from when one can be issued', async ({
  page,
}) => {
  await startJourney(page, 'カードをなくした・盗まれた・見つかった');
  await answerDate(page, '2015', '4', '2');
  await answerDate(page, '2026', '11', '20'); // lost on
  await answerChoice(page, 'outside');
  await answerChoice(page, 'no'); // not stolen
  await answerDate(page, '2026', '11', '20'); // stopped by phone
  await answerAlternative(page); // 紛失届: not yet
  await answerAlternative(page); // not found
  await expect(heading(page)).toHaveText('カードに入っている電子証明書はどれですか');
  expect(await offered(page)).toEqual(['user-only', 'none', 'unknown']);
  await answerChoice(page, 'unknown');
  await seeResult(page);
  const signature = page.locator('h3:has-text("署名用電子証明書") + dl');
  await expect(signature).toContainText('15歳になる前日から発行できます');
  await expect(signature).toContainText('2030年（令和12年）4月1日（月）');
  // 「わからない」 holds the user certificate: the reissue fee with certificates.
  await expect(page.locator('.myna-action', { hasText: 'カードの再交付を申請する' })).toContainText('1,000円');

  // Nor the signature password among the PINs.
  await page.goto('/#/pin/which');
  await expect(heading(page)).toHaveText('どの暗証番号ですか');
  expect(await offered(page)).toEqual(['user', 'residence', 'card-info']);
  await expectAccessible(page);
});

test('a birth date corrected to a child: the answers about a signature certificate are asked again', async ({ page }) => {
  await startJourney(page, '暗証番号がロックされた・忘れた');
  await answerDate(page, '1985', '10', '10');
  await answerChoice(page, 'signature');
  await answerChoice(page, 'yes'); // knows the other PIN
  await answerChoice(page, 'both');
  await page.getByRole('link', { name: '変更 生年月日' }).click();
  await answerDate(page, '2015', '4', '2');
  // The signature password is no longer offered, nor kept as the answer.
  await expect(page).toHaveURL(/#\/pin\/which$/);
  expect(await offered(page)).toEqual(['user', 'residence', 'card-info']);
  await expect(page.locator('input[type=radio]:checked')).toHaveCount(0);
  await page.getByRole('button', { name: '次へ進む' }).click();
  await expect(page.locator('.myna-error-summary')).toContainText('答えをひとつ選んでください');
  await expectAccessible(page);
  await answerChoice(page, 'user');
  // No other certificate's PIN to ask about; the certificates asked again without a signature certificate.
  await expect(page).toHaveURL(/#\/pin\/which-certificates$/);
  await expect(page.locator('input[type=radio]:checked')).toHaveCount(0);
  await answerChoice(page, 'user-only');
  await seeResult(page);
  await expect(page.locator('.myna-action')).toContainText('区役所');
  await expect(page.locator('h3:has-text("署名用電子証明書") + dl')).toContainText('15歳になる前日から発行できます');
});

test('the application date, asked when the issue date cannot tell, changes the expiry; the certificates are asked once', async ({
  page,
}) => {
  await startJourney(page, '有効期限と更新の時期を調べる');
  await answerDate(page, '2006', '11', '20');
  await answerChoice(page, 'japanese');
  await answerChoice(page, 'yes');
  await answerAlternative(page); // expiry printed on the card: わからない
  await answerDate(page, '2024', '12', '10'); // issued after reaching 18
  await expect(heading(page)).toHaveText('カードを申請した日を入力してください');
  await expect(page.locator('#answer-hint')).toContainText('交付通知書');
  await answerDate(page, '2024', '6', '1'); // applied at 17
  await answerChoice(page, 'no'); // no user certificate
  await answerChoice(page, 'no'); // no signature certificate
  await seeResult(page);
  // Applied for as a minor: five birthdays.
  await expect(heading(page)).toHaveText('カードは2029年（令和11年）11月20日（火）まで有効です');
  await expect(page.locator('#main')).not.toContainText('申請を受け付けた日がわからない');

  // 「わからない」 keeps the adult term and its caveat.
  await page.goto('/#/expiry/check');
  await page.getByRole('link', { name: '変更 カードの申請日' }).click();
  await expect(page).toHaveURL(/#\/expiry\/card-applied$/);
  await answerAlternative(page);
  await expect(page).toHaveURL(/#\/expiry\/check$/);
  await seeResult(page);
  await expect(heading(page)).toHaveText('カードは2034年（令和16年）11月20日（月）まで有効です');
  await expect(page.locator('.myna-caveats')).toContainText('申請を受け付けた日がわからない');

  // Another journey of the visit finds the certificates already answered.
  await page.getByRole('link', { name: 'マイナンバーカードの手続きガイド' }).click();
  await page.getByRole('link', { name: '壊れた・追記欄がいっぱい・災害でなくなった' }).click();
  await next(page); // the birth date, kept
  await answerChoice(page, 'damage');
  await answerDate(page, '2026', '11', '20');
  await expect(heading(page)).toHaveText('カードに入っている電子証明書はどれですか');
  await expect(page.locator('input[value="none"]')).toBeChecked();
  await next(page);
  await expect(page).toHaveURL(/#\/destroyed\/check$/);
  await expect(page.locator('.myna-summary')).toContainText('電子証明書は入っていない');
});
