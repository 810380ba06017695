// The journeys of the result-page tests: one walk per situation a citizen brings, from the start page to the
// check page, with the dates of a public case (../shared/spec/cases/). Each walk answers as a citizen would.
import type { Page } from '@playwright/test';
import { openGuide, answerChoice, answerDate, answerAlternative } from './support';

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
};

const BIRTH = ['1980', '1', '1'] as const;

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
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerChoice(page, 'within-city');
      await answerDate(page, '2025', '6', '10');
      await answerAlternative(page);
      await answerChoice(page, 'yes'); // a card
      await answerChoice(page, 'both'); // both certificates on it
      await answerDate(page, '2033', '1', '1');
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
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerChoice(page, 'within-city');
      await answerDate(page, '2026', '12', '17');
      await answerAlternative(page);
      await answerChoice(page, 'yes'); // a card
      await answerChoice(page, 'both'); // both certificates on it
      await answerDate(page, '2033', '1', '1');
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
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerChoice(page, 'out-of-city');
      await answerDate(page, '2025', '3', '28'); // planned move-out
      await answerDate(page, '2025', '4', '11'); // 転入届
      await answerDate(page, '2025', '3', '28'); // moved in
      await answerAlternative(page);
      await answerChoice(page, 'yes'); // a card
      await answerChoice(page, 'both'); // both certificates on it
      await answerDate(page, '2033', '1', '1');
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
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerChoice(page, 'abroad');
      await answerChoice(page, 'japanese');
      await answerDate(page, '2025', '9', '1');
      await answerAlternative(page);
      await answerChoice(page, 'yes'); // a card
      await answerChoice(page, 'both'); // both certificates on it
      await answerDate(page, '2033', '1', '1');
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
      en: "Report the loss to the police",
      steps: ["警察に届け出る", "カードの再交付を申請する"],
    },
    answer: async (page) => {
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
  await page.clock.setFixedTime(new Date(`${walk.today}T09:00:00+09:00`));
  await openGuide(page);
  await page.getByRole('link', { name: walk.task }).click();
  await walk.answer(page);
}
