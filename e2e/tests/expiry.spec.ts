// The expiry journey as a citizen uses it (issue 3): the adult example of the cases, a minor, and bad dates.
import { test, expect, heading, expectAccessible, expectNothingStored } from './support';
import { openGuide, answerChoice, answerDate, answerAlternative, fillDate, seeResult } from './support';

test('an adult whose certificates expired (cases/adult-card-valid.json)', async ({ page }) => {
  await openGuide(page);
  await page.getByRole('link', { name: '有効期限と更新の時期を調べる' }).click();
  await expect(heading(page)).toHaveText('生年月日を入力してください');
  await expect(heading(page)).toBeFocused();
  await answerDate(page, '60', '10', '10', 'showa'); // as the card prints it: 昭和60年10月10日
  await answerChoice(page, 'japanese');
  await answerChoice(page, 'yes'); // has a card
  await answerAlternative(page); // expiry printed on the card: わからない
  await answerDate(page, '2020', '5', '15'); // 発行日
  await answerChoice(page, 'yes'); // user certificate held
  await answerAlternative(page);
  await answerDate(page, '2020', '5', '15');
  await answerChoice(page, 'no'); // not renewed in the window
  await answerChoice(page, 'yes'); // signature certificate held
  await answerAlternative(page);
  await answerDate(page, '2020', '5', '15');
  await answerChoice(page, 'no');
  await expect(page.locator('.myna-summary')).toContainText('1985年（昭和60年）10月10日（木）');
  await seeResult(page);

  await expect(heading(page)).toHaveText('電子証明書の有効期限が切れています。更新してください');
  const card = page.locator('h3:has-text("マイナンバーカード") + dl');
  await expect(card).toContainText('有効');
  await expect(card).toContainText('2029年（令和11年）10月10日（水）');
  await expect(card).toContainText('2029年（令和11年）7月11日（水）');
  const user = page.locator('h3:has-text("利用者証明用電子証明書") + dl');
  await expect(user).toContainText('有効期限切れ');
  await expect(user).toContainText('2024年（令和6年）10月10日（木）');
  await expect(page.locator('.myna-actions > li')).toHaveCount(1);
  await expect(page.locator('.myna-action__title')).toHaveText('電子証明書を更新する');
  await expect(page.locator('.myna-action')).toContainText('無料');
  await expect(page.locator('.myna-caveats')).toContainText('2024年12月2日より前');
  // The day is the parameter table's (the grace row's from), not a date typed into the text.
  await expect(page.locator('.myna-caveats time[datetime="2024-12-02"]')).toHaveText('2024年12月2日');
  await expect(page.locator('time[datetime="2029-10-10"]').first()).toBeVisible();
  // The "why?" disclosures name the rules and their sources.
  await page.locator('details.myna-why summary').first().click();
  await expect(page.locator('details.myna-why[open]')).toContainText('出典：川崎市の案内 ');
  await expect(page.locator('details.myna-why')).not.toContainText(['leaflet']);
  await expectAccessible(page);
  await expectNothingStored(page);
});

test('a child of 11: five birthdays, and no signature certificate question', async ({ page }) => {
  await openGuide(page);
  await page.getByRole('link', { name: '有効期限と更新の時期を調べる' }).click();
  await answerDate(page, '2015', '4', '2');
  await answerChoice(page, 'japanese');
  await answerChoice(page, 'yes');
  await answerAlternative(page);
  await answerDate(page, '2024', '5', '1');
  await answerChoice(page, 'yes');
  await answerAlternative(page);
  await answerDate(page, '2024', '5', '1');
  await answerChoice(page, 'no');
  // The engine says a signature certificate is not possible yet, so the journey does not ask.
  await seeResult(page);
  await expect(heading(page)).toHaveText('カードは2029年（令和11年）4月2日（月）まで有効です');
  const signature = page.locator('h3:has-text("署名用電子証明書") + dl');
  await expect(signature).toContainText('15歳になる前日から発行できます');
  await expect(signature).toContainText('2030年（令和12年）4月1日（月）');
});

test('impossible and inconsistent dates get a message at the field and a summary', async ({ page }) => {
  await openGuide(page);
  await page.getByRole('link', { name: '有効期限と更新の時期を調べる' }).click();
  await page.getByRole('button', { name: '次へ進む' }).click();
  const summary = page.locator('.myna-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('入力内容に問題があります');
  await expect(summary).toContainText('生年月日を入力してください');
  await expect(page).toHaveTitle(/^エラー：/);
  await expectAccessible(page);

  // Two boxes left empty: one message names both, both are marked, the link goes to the first.
  await fillDate(page, '1990', '', '');
  await page.getByRole('button', { name: '次へ進む' }).click();
  await expect(page.locator('#answer-error')).toContainText('生年月日の月と日を入力してください');
  await expect(page.locator('#answer-month')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#answer-day')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#answer-year')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(summary.getByRole('link')).toHaveAttribute('href', '#answer-month');

  await fillDate(page, '2023', '2', '29');
  await page.getByRole('button', { name: '次へ進む' }).click();
  await expect(page.locator('#answer-error')).toContainText('2月29日はありません');
  await expect(page.locator('#answer-day')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  // The summary's link moves the focus to the box at fault without changing the step.
  const url = page.url();
  await summary.getByRole('link').click();
  await expect(page.locator('#answer-day')).toBeFocused();
  expect(page.url()).toBe(url);

  await fillDate(page, '31', '5', '1', 'heisei');
  await page.getByRole('button', { name: '次へ進む' }).click();
  await expect(page.locator('#answer-error')).toContainText('令和元年5月1日のことですか');

  await fillDate(page, '2027', '1', '1', 'seireki');
  await page.getByRole('button', { name: '次へ進む' }).click();
  await expect(page.locator('#answer-error')).toContainText('生年月日は、今日またはそれより前の日付');
  await expectAccessible(page);

  await answerDate(page, '1990', '1', '1');
  await answerChoice(page, 'japanese');
  await answerChoice(page, 'yes');
  await answerAlternative(page);
  // An issue date before the birth date: the engine's error, shown on this page.
  await fillDate(page, '1989', '12', '31');
  await page.getByRole('button', { name: '次へ進む' }).click();
  await expect(page.locator('#answer-error')).toContainText('カードの発行日は、生年月日より後の日付');
  await expect(page).toHaveURL(/card-issued$/);
  await expectAccessible(page);
});

test('back keeps the answers, and the journey works in English', async ({ page }) => {
  await openGuide(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: /Check when your card/ }).click();
  await expect(heading(page)).toHaveText('What is your date of birth?');
  await answerDate(page, '1985', '10', '10');
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(page.locator('#answer-year')).toHaveValue('1985');
  await page.goBack();
  await page.goForward();
  await expect(page.locator('#answer-year')).toHaveValue('1985');
  await expectAccessible(page);
});

test('a reload in the middle of a journey starts it again, with a note', async ({ page }) => {
  await openGuide(page);
  await page.getByRole('link', { name: '有効期限と更新の時期を調べる' }).click();
  await answerDate(page, '1985', '10', '10');
  await expect(page).toHaveURL(/nationality$/);
  await page.reload();
  await expect(page).toHaveURL(/birth-date$/);
  await expect(page.locator('.myna-notice')).toContainText('保存されていない');
  await expectAccessible(page);
});
