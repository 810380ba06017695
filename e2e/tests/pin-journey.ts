// The shortest journey, 暗証番号がロックされた・忘れた, as several specs walk it: birth date, which PIN, whether
// the other certificate's PIN is known, the certificates on the card, then the check page.
import { expect, type Page } from '@playwright/test';
import { answerChoice, answerDate, heading } from './support';

/** Those answers as the guide saves them on an opt-in (app/src/storage.rs), for specs that start from a record. */
export const PIN_RECORD = {
  v: 1,
  saved_on: '2026-11-20',
  answers: {
    'birth-date': { era: 'seireki', year: '1985', month: '10', day: '10' },
    which: 'signature',
    'other-pin': 'yes',
    'which-certificates': 'both',
    // the expiry journey's answers, kept in step (app/src/flow/certificates.rs)
    'user-certificate': 'yes',
    'signature-certificate': 'yes',
  },
};

/** From the start page to the check page of the PIN journey (signature password locked, other PIN known, both
 * certificates on the card). */
export async function pinToCheck(page: Page) {
  await page.getByRole('link', { name: '暗証番号がロックされた・忘れた' }).click();
  await expect(heading(page)).toHaveText('生年月日を入力してください');
  await answerDate(page, '1985', '10', '10');
  await answerChoice(page, 'signature');
  await answerChoice(page, 'yes');
  await answerChoice(page, 'both');
  await expect(page).toHaveURL(/#\/pin\/check$/);
}
