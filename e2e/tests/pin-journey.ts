// The shortest journey, 暗証番号がロックされた・忘れた, as several specs walk it: birth date, which PIN, whether
// the other certificate's PIN is known, the certificates on the card, then the check page.
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerChoice, answerDate, heading } from './support';

/** Those answers as the guide saves them on an opt-in (app/src/storage.rs), for specs that start from a record
 * (and lighthouse.mjs): with the expiry journey's answers about the certificates, which the visit keeps in step
 * (app/src/flow/certificates.rs). */
export const PIN_RECORD = JSON.parse(readFileSync(join(__dirname, '../fixtures/pin-record.json'), 'utf8'));

/** From the start page to the check page of the PIN journey, both certificates on the card: by default the
 * signature password locked and the other PIN known (a kiosk can reset it); `residence` (the 住民基本台帳用 PIN)
 * and `card-info` (券面事項入力補助用) are reset at the ward office. */
export async function pinToCheck(page: Page, which: 'signature' | 'residence' | 'card-info' = 'signature') {
  await page.getByRole('link', { name: '暗証番号がロックされた・忘れた' }).click();
  await expect(heading(page)).toHaveText('生年月日を入力してください');
  await answerDate(page, '1985', '10', '10');
  await answerChoice(page, which);
  if (which === 'signature') await answerChoice(page, 'yes'); // the other PIN known
  await answerChoice(page, 'both');
  await expect(page).toHaveURL(/#\/pin\/check$/);
}
