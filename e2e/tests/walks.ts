// The journeys of the result-page tests: one walk per situation a citizen brings, from the start page to the
// check page, with the dates of a public case (../shared/spec/cases/). Each walk answers as a citizen would, and
// says what its result page must show beyond the heading and the steps (`check`, `checkEn`): one walk per situation,
// so that no situation is walked twice by the suite (the walks are most of its time).
import type { Page } from '@playwright/test';
import { expect, startJourney, answerChoice, answerDate, answerAlternative } from './support';

export type Walk = {
  /** What the citizen came with; also the test's name. */
  name: string;
  /** The case's `today`. */
  today: string;
  /** The task's link text on the start page (Japanese). */
  task: string;
  answer: (page: Page) => Promise<void>;
  /** What the result page must say: its `<h1>` in Japanese and English, and the steps' titles in Japanese. */
  expected: { ja: string; en: string; steps: string[] };
  /** What else the Japanese result page says of this situation. */
  check?: (page: Page) => Promise<void>;
  /** What else the English result page says. */
  checkEn?: (page: Page) => Promise<void>;
};

const step = (page: Page, i = 0) => page.locator('.myna-action').nth(i);

const BIRTH = ['1980', '1', '1'] as const;

/** The move journeys' last answers: a card, both certificates on it, its printed expiry. */
async function cardWithBoth(page: Page) {
  await answerChoice(page, 'yes');
  await answerChoice(page, 'both');
  await answerDate(page, '2033', '1', '1');
}

export const WALKS: Walk[] = [
  {
    name: 'card valid, certificates expired (adult-card-valid.json)',
    today: '2026-11-24',
    task: '有効期限と更新の時期を調べる',
    expected: {
      ja: '電子証明書の有効期限が切れています。更新してください',
      en: "Your electronic certificates have expired: renew them",
      steps: ["電子証明書を更新する"],
    },
    answer: async (page) => {
      await answerDate(page, '1985', '10', '10');
      await answerChoice(page, 'japanese');
      await answerChoice(page, 'yes'); // card
      await answerAlternative(page); // printed expiry unknown
      await answerDate(page, '2020', '5', '15'); // issued
      await answerChoice(page, 'yes'); // user certificate
      await answerAlternative(page);
      await answerDate(page, '2020', '5', '15');
      await answerChoice(page, 'no'); // not renewed within the window
      await answerChoice(page, 'yes'); // signature certificate
      await answerAlternative(page);
      await answerDate(page, '2020', '5', '15');
      await answerChoice(page, 'no');
    },
  },
  {
    name: 'card renewal open (card-renewal-open.json)',
    today: '2026-01-15',
    task: '有効期限と更新の時期を調べる',
    expected: {
      ja: '2026年（令和8年）2月10日（火）までにカードの更新を申請してください',
      en: "Apply to renew your card by Tuesday 10 February 2026",
      steps: ["カードを更新する"],
    },
    // When to apply comes before the deadline, which stays the expiry.
    check: async (page) => {
      const applyBy = step(page).locator('.myna-step__apply-by');
      await expect(applyBy).toHaveText('2026年（令和8年）2月10日（火）までに申請してください（できあがるまで約1か月）');
      await expect(step(page).locator('.myna-summary')).toContainText('2026年（令和8年）3月10日（火）');
      const order = await step(page).evaluate((e) => {
        const apply = e.querySelector('.myna-step__apply-by')!;
        const summary = e.querySelector('.myna-summary')!;
        return apply.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING;
      });
      expect(order).toBeTruthy();
      // Dates ahead: the timeline lists them (today, when to apply, the expiry).
      await expect(page.locator('.myna-timeline__item')).toHaveCount(4);
      // Renewal opened before today: no 「受付開始」 row in the step, only what to do by when.
      await expect(step(page).locator('.myna-summary dt')).toHaveText(['期限', '場所', '手数料']);
    },
    answer: async (page) => {
      await answerDate(page, '1990', '3', '10');
      await answerChoice(page, 'japanese');
      await answerChoice(page, 'yes');
      await answerDate(page, '2026', '3', '10'); // printed expiry
      await answerChoice(page, 'no'); // no user certificate
      await answerChoice(page, 'no'); // no signature certificate
    },
  },
  {
    name: 'moved within Kawasaki, not yet filed (move-within-city-not-filed.json)',
    today: '2025-06-12',
    task: '引っ越しをした・する',
    expected: {
      ja: '2025年（令和7年）6月24日（火）までに転居届を出してください',
      en: "File the \u8ee2\u5c45\u5c4a by Tuesday 24 June 2025",
      steps: ["転居届を出す"],
    },
    check: async (page) => {
      await expect(step(page)).toContainText('2025年（令和7年）6月24日（火）');
    },
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerChoice(page, 'within-city');
      await answerDate(page, '2025', '6', '10');
      await answerAlternative(page);
      await cardWithBoth(page);
    },
  },
  {
    name: 'moved within Kawasaki, the deadline on 12-31 (year-end: offices closed)',
    today: '2026-12-20',
    task: '引っ越しをした・する',
    expected: {
      ja: '2026年（令和8年）12月31日（木）までに転居届を出してください',
      en: "File the \u8ee2\u5c45\u5c4a by Thursday 31 December 2026",
      steps: ["転居届を出す"],
    },
    // The engine never moves the date (docs/rules.md §3.7): the deadline stays, the page says when to go instead.
    check: async (page) => {
      await expect(step(page).locator('.myna-summary')).toContainText('2026年（令和8年）12月31日（木）');
      await expect(step(page).locator('.myna-step__closed')).toHaveText(
        '2026年（令和8年）12月31日（木）は年末年始の休みのため、窓口は休みです。その前の開いている日、2026年（令和8年）12月28日（月）までに行ってください。',
      );
      // Before the 転居届: it ends the signature certificate, which is issued again at the same visit.
      await expect(step(page).locator('.myna-step__note')).toHaveText([
        '転居届は、引っ越した日から14日以内に出します。',
        '転居届を出すと、署名用電子証明書は失効します。同じ窓口で、その日のうちに無料で発行し直せます。',
      ]);
    },
    checkEn: async (page) => {
      await expect(step(page).locator('.myna-step__closed')).toHaveText(
        'Thursday 31 December 2026 is in the year-end holidays, when the offices are closed: go by the open day before it, Monday 28 December 2026.',
      );
    },
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerChoice(page, 'within-city');
      await answerDate(page, '2026', '12', '17');
      await answerAlternative(page);
      await cardWithBoth(page);
    },
  },
  {
    name: 'moving out of Kawasaki, 転入届 filed (move-other-municipality-in-time.json)',
    today: '2025-04-12',
    task: '引っ越しをした・する',
    expected: {
      ja: '2025年（令和7年）7月10日（木）までにカードを転入先の窓口に出してください',
      en: "Show your card at your new municipality's office by Thursday 10 July 2025",
      steps: ["カードの住所を書き換える（継続利用）", "署名用電子証明書を発行し直す"],
    },
    // Moved out: every step at an office is at the new municipality, none at Kawasaki's ward offices, so the
    // page neither asks for a Kawasaki ward nor lists Kawasaki's offices.
    check: async (page) => {
      await expect(step(page)).toContainText('2025年（令和7年）7月10日（木）');
      // Both steps drawn before their places are read (a loop over none would prove nothing).
      await expect(page.locator('.myna-action .myna-summary')).toHaveCount(2);
      for (const summary of await page.locator('.myna-action .myna-summary').all()) {
        await expect(summary).toContainText('新しい住所の市区町村の窓口');
        await expect(summary).not.toContainText('お住まいの区役所・支所');
      }
      // The profile, which would bring the chooser and the offices, has arrived.
      await expect(page.locator('html')).toHaveAttribute('data-myna-profile', 'ready');
      await expect(page.locator('#ward')).toHaveCount(0);
      await expect(page.locator('.myna-office')).toHaveCount(0);
      await expect(page.locator('h3:has-text("署名用電子証明書") + dl')).toContainText('失効（発行し直しが必要）');
    },
    checkEn: async (page) => {
      await expect(page.locator('.myna-action .myna-summary')).toHaveCount(2);
      for (const summary of await page.locator('.myna-action .myna-summary').all()) {
        await expect(summary).toContainText('the office of your new municipality');
      }
    },
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerChoice(page, 'out-of-city');
      await answerDate(page, '2025', '3', '28'); // planned move-out
      await answerDate(page, '2025', '4', '11'); // 転入届
      await answerDate(page, '2025', '3', '28'); // moved in
      await answerAlternative(page);
      await cardWithBoth(page);
    },
  },
  {
    name: 'moving abroad (move-abroad-japanese-before-departure.json)',
    today: '2025-08-01',
    task: '引っ越しをした・する',
    expected: {
      ja: '2025年（令和7年）8月31日（日）までに国外継続利用の手続きをしてください',
      en: "Apply to keep using your card abroad by Sunday 31 August 2025",
      steps: ["国外継続利用の手続きをする"],
    },
    // The deadline is a Sunday: the engine does not move it; the page names the day and the open day before.
    check: async (page) => {
      await expect(step(page)).toContainText('2025年（令和7年）8月31日（日）');
      await expect(step(page).locator('.myna-step__closed')).toHaveText(
        '2025年（令和7年）8月31日（日）は日曜日のため、窓口は休みです。その前の開いている日、2025年（令和7年）8月29日（金）までに行ってください。',
      );
    },
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerChoice(page, 'abroad');
      await answerChoice(page, 'japanese');
      await answerDate(page, '2025', '9', '1');
      await answerAlternative(page);
      await cardWithBoth(page);
    },
  },
  {
    name: 'surname changed by marriage (change-of-name-marriage.json)',
    today: '2025-07-08',
    task: '氏名・生年月日・性別・旧氏が変わった',
    expected: {
      ja: '2025年（令和7年）7月21日（月）までにカードの記載を変更してください',
      en: "Have the details on your card updated by Monday 21 July 2025",
      steps: ["カードの記載を変更する", "署名用電子証明書を発行し直す"],
    },
    // The deadline on a national holiday, named with the holiday.
    check: async (page) => {
      await expect(step(page).locator('.myna-step__closed')).toHaveText(
        '2025年（令和7年）7月21日（月）は祝日（海の日）のため、窓口は休みです。その前の開いている日、2025年（令和7年）7月18日（金）までに行ってください。',
      );
    },
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerChoice(page, 'name');
      await answerDate(page, '2025', '7', '7');
      await answerAlternative(page);
      await answerChoice(page, 'both');
    },
  },
  {
    name: 'lost outside, stopped and reported (lost-outside-rapid-reissue.json)',
    today: '2025-05-13',
    task: 'カードをなくした・盗まれた・見つかった',
    expected: {
      ja: '警察に届け出てください',
      en: "Report it to the police",
      steps: ["警察に届け出る", "カードの再交付を申請する"],
    },
    // (Before any question: the 24-hour line to stop the card, in `answer`.)
    // The police first (the reissue needs its 受理番号), then one reissue step with two options.
    check: async (page) => {
      await expect(step(page)).toContainText('受理番号を控えて');
      await expect(step(page).locator('.myna-documents')).toHaveCount(0); // nothing to bring to the police
      const options = step(page, 1).locator('.myna-option');
      await expect(options).toHaveCount(2);
      await expect(options.nth(0)).toContainText('2025年（令和7年）6月11日（水）');
      await expect(options.nth(0)).toContainText('2,000円');
      await expect(options.nth(1)).toContainText('1,000円');
      await expect(step(page, 1).locator('.myna-documents')).toContainText('警察の受理番号');
    },
    answer: async (page) => {
      await expect(page.locator('.myna-urgent')).toContainText('0120-95-0178');
      await expect(page.locator('.myna-urgent a[href="tel:0120-95-0178"]')).toBeVisible();
      await answerDate(page, ...BIRTH);
      await answerDate(page, '2025', '5', '10');
      await answerChoice(page, 'outside');
      await answerChoice(page, 'no');
      await answerDate(page, '2025', '5', '10');
      await answerDate(page, '2025', '5', '12');
      await answerAlternative(page);
      await answerChoice(page, 'both'); // certificates on the card
    },
  },
  {
    name: 'stolen at home, not yet stopped (stolen-at-home.json)',
    today: '2026-11-24',
    task: 'カードをなくした・盗まれた・見つかった',
    expected: {
      ja: '今すぐカードを止めてください',
      en: "Stop your card now",
      steps: ["今すぐ電話でカードを止める", "警察に届け出る", "区役所・支所に紛失届を出す", "カードの再交付を申請する"],
    },
    // The call button with the 24-hour number on the first screen.
    check: async (page) => {
      await page.evaluate(() => scrollTo(0, 0));
      const call = page.locator('a.myna-call__button');
      await expect(call).toHaveAttribute('href', 'tel:0120-95-0178');
      await expect(call).toHaveText('0120-95-0178に電話する');
      await expect(page.locator('.myna-call__hours')).toContainText('24時間365日');
      const box = await call.boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(844);
      // After a theft the reissue may be free: said in the reissue step, not only in a caveat.
      await expect(page.locator('.myna-action').last().locator('.myna-step__note')).toContainText('無料になることがあります');
      // The police step asks for nothing to bring: the citizen receives the 受理番号 there.
      await expect(step(page, 1).locator('.myna-documents')).toHaveCount(0);
      // After a theft the police take a theft report (盗難届), not "a loss report, or a theft report".
      await expect(step(page, 1)).toContainText('盗難届を出して');
      await expect(step(page, 1)).not.toContainText('遺失届');
    },
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerDate(page, '2026', '11', '23');
      await answerChoice(page, 'home');
      await answerChoice(page, 'yes'); // stolen
      await answerAlternative(page); // not stopped
      await answerAlternative(page); // not reported
      await answerAlternative(page); // not found
      await answerChoice(page, 'both'); // certificates on the card
    },
  },
  {
    name: 'lost, then found (lost-then-found.json)',
    today: '2025-05-20',
    task: 'カードをなくした・盗まれた・見つかった',
    expected: {
      ja: '見つかったカードの一時停止を解除してください',
      en: "Have the stop on your found card lifted",
      steps: ["一時停止を解除する"],
    },
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerDate(page, '2025', '5', '10');
      await answerChoice(page, 'outside');
      await answerChoice(page, 'no');
      await answerDate(page, '2025', '5', '10');
      await answerAlternative(page);
      await answerDate(page, '2025', '5', '18'); // found
      await answerChoice(page, 'both'); // certificates on the card
    },
  },
  {
    name: 'destroyed in a fire (destroyed-in-fire.json)',
    today: '2025-05-13',
    task: '壊れた・追記欄がいっぱい・災害でなくなった',
    expected: {
      ja: 'カードの再交付を申請してください',
      en: "Apply for a replacement card",
      steps: ["カードの再交付を申請する"],
    },
    check: async (page) => {
      await expect(page.locator('.myna-option').nth(0)).toContainText('2025年（令和7年）6月9日（月）');
      await expect(page.locator('.myna-action')).toContainText('罹災証明書');
      // The fee may be waived after a disaster: said in the step, next to the fees, not in ご注意 below.
      await expect(page.locator('.myna-action .myna-step__note')).toContainText('無料になることがあります');
      await expect(page.getByText('無料になることがあります')).toHaveCount(1);
    },
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerChoice(page, 'disaster');
      await answerDate(page, '2025', '5', '10');
      await answerChoice(page, 'both'); // certificates on the card
    },
  },
  {
    name: 'signature password locked, the other PIN known (pin-locked-kiosk.json)',
    today: '2025-05-13',
    task: '暗証番号がロックされた・忘れた',
    expected: {
      ja: '暗証番号を初期化してください',
      en: "Have your PIN reset",
      steps: ["暗証番号を初期化する"],
    },
    // Nothing dated but today: no timeline of one day (seeResult has waited for every part of the page).
    check: async (page) => {
      await expect(page.locator('h2', { hasText: '日付の一覧' })).toHaveCount(0);
      await expect(page.locator('.myna-timeline')).toHaveCount(0);
    },
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerChoice(page, 'signature');
      await answerChoice(page, 'yes'); // knows the other PIN
      await answerChoice(page, 'both');
    },
  },
];

/** Opens the guide on the walk's day and answers every question, up to the check page. */
export async function walkTo(page: Page, walk: Walk) {
  await startJourney(page, walk.task, walk.today);
  await walk.answer(page);
}
