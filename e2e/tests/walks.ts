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
};

const BIRTH = ['1980', '1', '1'] as const;

export const WALKS: Walk[] = [
  {
    name: 'card valid, certificates expired (adult-card-valid.json)',
    today: '2026-11-24',
    task: '有効期限と更新の時期を調べる',
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
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerChoice(page, 'within-city');
      await answerDate(page, '2025', '6', '10');
      await answerAlternative(page);
      await answerChoice(page, 'yes');
      await answerChoice(page, 'yes');
      await answerDate(page, '2033', '1', '1');
    },
  },
  {
    name: 'moving out of Kawasaki, 転入届 filed (move-other-municipality-in-time.json)',
    today: '2025-04-12',
    task: '引っ越しをした・する',
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerChoice(page, 'out-of-city');
      await answerDate(page, '2025', '3', '28');
      await answerDate(page, '2025', '3', '28');
      await answerDate(page, '2025', '4', '11');
      await answerAlternative(page);
      await answerChoice(page, 'yes');
      await answerChoice(page, 'yes');
      await answerDate(page, '2033', '1', '1');
    },
  },
  {
    name: 'moving abroad (move-abroad-japanese-before-departure.json)',
    today: '2025-08-01',
    task: '引っ越しをした・する',
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerChoice(page, 'abroad');
      await answerChoice(page, 'japanese');
      await answerDate(page, '2025', '9', '1');
      await answerAlternative(page);
      await answerChoice(page, 'yes');
      await answerChoice(page, 'yes');
      await answerDate(page, '2033', '1', '1');
    },
  },
  {
    name: 'surname changed by marriage (change-of-name-marriage.json)',
    today: '2025-07-08',
    task: '氏名・生年月日・性別・旧氏が変わった',
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerChoice(page, 'name');
      await answerDate(page, '2025', '7', '7');
      await answerAlternative(page);
      await answerChoice(page, 'yes');
    },
  },
  {
    name: 'lost outside, stopped and reported (lost-outside-rapid-reissue.json)',
    today: '2025-05-13',
    task: 'カードをなくした・盗まれた・見つかった',
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerDate(page, '2025', '5', '10');
      await answerChoice(page, 'outside');
      await answerChoice(page, 'no');
      await answerDate(page, '2025', '5', '10');
      await answerDate(page, '2025', '5', '12');
      await answerAlternative(page);
      await answerChoice(page, 'yes');
    },
  },
  {
    name: 'stolen at home, not yet stopped (stolen-at-home.json)',
    today: '2026-11-24',
    task: 'カードをなくした・盗まれた・見つかった',
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerDate(page, '2026', '11', '23');
      await answerChoice(page, 'home');
      await answerChoice(page, 'yes'); // stolen
      await answerAlternative(page); // not stopped
      await answerAlternative(page); // not reported
      await answerAlternative(page); // not found
      await answerChoice(page, 'yes');
    },
  },
  {
    name: 'lost, then found (lost-then-found.json)',
    today: '2025-05-20',
    task: 'カードをなくした・盗まれた・見つかった',
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerDate(page, '2025', '5', '10');
      await answerChoice(page, 'outside');
      await answerChoice(page, 'no');
      await answerDate(page, '2025', '5', '10');
      await answerAlternative(page);
      await answerDate(page, '2025', '5', '18'); // found
      await answerChoice(page, 'yes');
    },
  },
  {
    name: 'destroyed in a fire (destroyed-in-fire.json)',
    today: '2025-05-13',
    task: '壊れた・追記欄がいっぱい・災害でなくなった',
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerChoice(page, 'disaster');
      await answerDate(page, '2025', '5', '10');
      await answerChoice(page, 'yes');
    },
  },
  {
    name: 'signature password locked, the other PIN known (pin-locked-kiosk.json)',
    today: '2025-05-13',
    task: '暗証番号がロックされた・忘れた',
    answer: async (page) => {
      await answerDate(page, ...BIRTH);
      await answerChoice(page, 'signature');
      await answerChoice(page, 'yes');
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
