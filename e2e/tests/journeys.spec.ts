// Every journey of the start page, each with a real case of ../shared/spec/cases/ (issue 5): the answers a
// citizen gives, and the guidance the engine's result page shows for them. Dates are those of the case,
// so the clock is set to the case's `today` before the guide opens.
import { test, expect, openGuide, heading, answerChoice, answerDate, answerAlternative, seeResult, expectAccessible } from './support';
import type { Page } from '@playwright/test';

async function startJourney(page: Page, today: string, task: string) {
  await page.clock.setFixedTime(new Date(`${today}T09:00:00+09:00`));
  await openGuide(page);
  await page.getByRole('link', { name: task }).click();
}

function actionTitles(page: Page) {
  return page.locator('.myna-action__title');
}

test('moving within Kawasaki, not yet filed (move-within-city-not-filed.json)', async ({ page }) => {
  await startJourney(page, '2025-06-12', '引っ越しをした・する');
  await answerDate(page, '1980', '1', '1');
  await answerChoice(page, 'within-city');
  await answerDate(page, '2025', '6', '10'); // moved on
  await answerAlternative(page); // 転居届: まだ
  await answerChoice(page, 'yes'); // has a card
  await answerChoice(page, 'both'); // certificates on the card
  await answerDate(page, '2033', '1', '1'); // printed expiry
  await seeResult(page);
  await expect(actionTitles(page)).toHaveText(['転居届を出す']);
  await expect(page.locator('.myna-action').first()).toContainText('2025年（令和7年）6月24日（火）');
});

test('moving out of Kawasaki, 転入届 filed in time (move-other-municipality-in-time.json)', async ({ page }) => {
  await startJourney(page, '2025-04-12', '引っ越しをした・する');
  await answerDate(page, '1980', '1', '1');
  await answerChoice(page, 'out-of-city');
  await answerDate(page, '2025', '3', '28'); // planned move-out
  await answerDate(page, '2025', '4', '11'); // 転入届
  await answerDate(page, '2025', '3', '28'); // moved in
  await answerAlternative(page); // card not yet presented
  await answerChoice(page, 'yes');
  await answerChoice(page, 'both');
  await answerDate(page, '2033', '1', '1');
  await seeResult(page);
  await expect(heading(page)).toHaveText('2025年（令和7年）7月10日（木）までにカードを転入先の窓口に出してください');
  await expect(actionTitles(page)).toHaveText(['カードの住所を書き換える（継続利用）', '署名用電子証明書を発行し直す']);
  await expect(page.locator('.myna-action').first()).toContainText('2025年（令和7年）7月10日（木）');
  await expect(page.locator('h3:has-text("署名用電子証明書") + dl')).toContainText('失効（発行し直しが必要）');
});

test('moving abroad as a Japanese national (move-abroad-japanese-before-departure.json)', async ({ page }) => {
  await startJourney(page, '2025-08-01', '引っ越しをした・する');
  await answerDate(page, '1980', '1', '1');
  await answerChoice(page, 'abroad');
  await answerChoice(page, 'japanese');
  await answerDate(page, '2025', '9', '1'); // departure
  await answerAlternative(page); // 国外継続利用: まだ
  await answerChoice(page, 'yes');
  await answerChoice(page, 'both');
  await answerDate(page, '2033', '1', '1');
  await seeResult(page);
  await expect(actionTitles(page)).toHaveText(['国外継続利用の手続きをする']);
  const action = page.locator('.myna-action').first();
  await expect(action).toContainText('2025年（令和7年）8月31日（日）');
  // The deadline is a Sunday: the engine does not move it; the page names the day and the open day before.
  await expect(action.locator('.myna-step__closed')).toHaveText(
    '2025年（令和7年）8月31日（日）は日曜日のため、窓口は休みです。その前の開いている日、2025年（令和7年）8月29日（金）までに行ってください。',
  );
});

test('a surname changed by marriage (change-of-name-marriage.json)', async ({ page }) => {
  await startJourney(page, '2025-07-08', '氏名・生年月日・性別・旧氏が変わった');
  await answerDate(page, '1980', '1', '1');
  await answerChoice(page, 'name');
  await answerDate(page, '2025', '7', '7');
  await answerAlternative(page); // card not updated yet
  await answerChoice(page, 'both'); // certificates on the card
  await seeResult(page);
  await expect(actionTitles(page)).toHaveText(['カードの記載を変更する', '署名用電子証明書を発行し直す']);
  await expect(page.locator('.myna-action').first()).toContainText('2025年（令和7年）7月21日（月）');
});

test('a card lost outside, stopped and reported (lost-outside-rapid-reissue.json)', async ({ page }) => {
  await startJourney(page, '2025-05-13', 'カードをなくした・盗まれた・見つかった');
  // Before any question: the 24-hour line to stop the card.
  await expect(page.locator('.myna-urgent')).toContainText('0120-95-0178');
  await expect(page.locator('.myna-urgent a[href="tel:0120-95-0178"]')).toBeVisible();
  await answerDate(page, '1980', '1', '1');
  await answerDate(page, '2025', '5', '10'); // lost on
  await answerChoice(page, 'outside');
  await answerChoice(page, 'no'); // not stolen
  await answerDate(page, '2025', '5', '10'); // stopped by phone
  await answerDate(page, '2025', '5', '12'); // 紛失届
  await answerAlternative(page); // not found
  await answerChoice(page, 'both'); // certificates on the card
  await seeResult(page);
  // The police first (the reissue needs its 受理番号), then one reissue step with two options.
  await expect(heading(page)).toHaveText('警察に届け出てください');
  await expect(actionTitles(page)).toHaveText(['警察に届け出る', 'カードの再交付を申請する']);
  const actions = page.locator('.myna-action');
  await expect(actions.nth(0)).toContainText('受理番号を控えて');
  await expect(actions.nth(0).locator('.myna-documents')).toHaveCount(0); // nothing to bring to the police
  const options = actions.nth(1).locator('.myna-option');
  await expect(options).toHaveCount(2);
  await expect(options.nth(0)).toContainText('2025年（令和7年）6月11日（水）');
  await expect(options.nth(0)).toContainText('2,000円');
  await expect(options.nth(1)).toContainText('1,000円');
  await expect(actions.nth(1).locator('.myna-documents')).toContainText('警察の受理番号');
});

test('a card destroyed in a fire (destroyed-in-fire.json)', async ({ page }) => {
  await startJourney(page, '2025-05-13', '壊れた・追記欄がいっぱい・災害でなくなった');
  await answerDate(page, '1980', '1', '1');
  await answerChoice(page, 'disaster');
  await answerDate(page, '2025', '5', '10');
  await answerChoice(page, 'both');
  await seeResult(page);
  await expect(actionTitles(page)).toHaveText(['カードの再交付を申請する']);
  await expect(page.locator('.myna-option').nth(0)).toContainText('2025年（令和7年）6月9日（月）');
  await expect(page.locator('.myna-action')).toContainText('罹災証明書');
  await expect(page.locator('.myna-caveats')).toContainText('無料になることがあります');
});

test('a locked signature password, the other PIN known (pin-locked-kiosk.json), in やさしい日本語', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2025-05-13T09:00:00+09:00'));
  await openGuide(page);
  await page.getByRole('button', { name: 'やさしい にほんご' }).click();
  await expect(page.locator('.myna-tasks ruby').first()).toBeVisible();
  await page.locator('.myna-tasks__link').nth(5).click();
  await answerDate(page, '1980', '1', '1');
  await answerChoice(page, 'signature');
  await answerChoice(page, 'yes');
  await answerChoice(page, 'both');
  await seeResult(page);
  await expect(page.locator('.myna-action')).toContainText('コンビニ');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
});

test('a journey in English keeps Japanese terms marked as Japanese', async ({ page }) => {
  await startJourney(page, '2025-06-12', '引っ越しをした・する');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(heading(page)).toHaveText('What is your date of birth?');
  await answerDate(page, '1980', '1', '1');
  await answerChoice(page, 'within-city');
  await answerDate(page, '2025', '6', '10');
  await expect(page.locator('h1 span[lang="ja"]')).toHaveText('転居届');
  await answerAlternative(page);
  await answerChoice(page, 'no'); // no card
  await seeResult(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page);
});
