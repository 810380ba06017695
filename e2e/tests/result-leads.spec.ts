// A result page that leads (issue 13, design.md §3.5), on a 390×844 phone, for every walk of walks.ts and in the
// three languages: the <h1> says the state in words (never a generic title), the steps come right after it in
// the engine's order and the first one starts on the first screen, and on paper the steps fit the first page.
// MEASURE=1 prints each page's figures (the first step's y, the print view's pages) for the notes.
import { test, expect, seeResult, expectAccessible, heading } from './support';
import type { Page } from '@playwright/test';
import { WALKS, walkTo, type Walk } from './walks';

const PHONE = { width: 390, height: 844 };
/** A4 less the 15 mm margins of main.css's @page, in CSS pixels (96 per inch): the first printed page. */
const A4_PAGE = { width: Math.floor((180 / 25.4) * 96), height: Math.floor((267 / 25.4) * 96) };

test.use({ viewport: PHONE });

function walk(name: string): Walk {
  const found = WALKS.find((w) => w.name.startsWith(name));
  if (!found) throw new Error(`no walk ${name}`);
  return found;
}

async function switchTo(page: Page, button: string) {
  const before = await heading(page).innerText();
  await page.getByRole('button', { name: button }).click();
  await expect(heading(page)).not.toHaveText(before);
}

/** The bottom of the first step's heading, with the page scrolled to its top. */
async function firstStepBottom(page: Page) {
  await page.evaluate(() => scrollTo(0, 0));
  const box = await page.locator('.myna-action__title').first().boundingBox();
  expect(box, 'a first step').not.toBeNull();
  return Math.round(box!.y + box!.height);
}

/** Where the last step ends on paper (print media, the width of the A4 page's text). */
async function lastStepBottomInPrint(page: Page) {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize(A4_PAGE);
  const bottom = await page.locator('.myna-action').last().evaluate((e) => e.getBoundingClientRect().bottom + scrollY);
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize(PHONE);
  return { bottom: Math.round(bottom), pages };
}

for (const w of WALKS) {
  test(`leads: ${w.name}`, async ({ page }) => {
    await walkTo(page, w);
    await seeResult(page);
    await expect(heading(page)).toHaveText(w.expected.ja);
    // What to do comes first: the steps' <h2> is the page's first, before the card's state and the timeline.
    await expect(page.locator('#main h2').first()).toHaveText('すること（この順番で）');
    await expect(page.locator('.myna-action__title')).toHaveText(w.expected.steps);
    const y = await firstStepBottom(page);
    expect(y, 'the first step on the first screen').toBeLessThanOrEqual(PHONE.height);
    const print = await lastStepBottomInPrint(page);
    expect(print.bottom, 'the steps on the first printed page').toBeLessThanOrEqual(A4_PAGE.height);
    if (process.env.MEASURE) console.log(`MEASURE\t${w.name}\tfirst step ${y}px\tprint ${print.pages} pages`);

    await switchTo(page, 'English');
    await expect(heading(page)).toHaveText(w.expected.en);
    expect(await firstStepBottom(page)).toBeLessThanOrEqual(PHONE.height);
    await expectAccessible(page);

    await switchTo(page, 'やさしい にほんご');
    await expect(heading(page).locator('ruby').first()).toBeAttached(); // a sentence with furigana, not a title
    expect(await firstStepBottom(page)).toBeLessThanOrEqual(PHONE.height);
    await expectAccessible(page);
  });
}

test('a deadline on 12-31 is named with the year-end closing and the open day before it', async ({ page }) => {
  await walkTo(page, walk('moved within Kawasaki, the deadline on 12-31'));
  await seeResult(page);
  const step = page.locator('.myna-action').first();
  // The engine never moves the date (rules.md §3.7): the deadline stays, the page says when to go instead.
  await expect(step.locator('.myna-summary')).toContainText('2026年（令和8年）12月31日（木）');
  await expect(step.locator('.myna-step__closed')).toHaveText(
    '2026年（令和8年）12月31日（木）は年末年始の休みのため、窓口は休みです。その前の開いている日、2026年（令和8年）12月28日（月）までに行ってください。',
  );
  // Before the 転居届: it ends the signature certificate, which is issued again at the same visit.
  await expect(step.locator('.myna-step__note')).toHaveText([
    '転居届は、引っ越した日から14日以内に出します。',
    '転居届を出すと、署名用電子証明書は失効します。同じ窓口で、その日のうちに無料で発行し直せます。',
  ]);
  await switchTo(page, 'English');
  await expect(step.locator('.myna-step__closed')).toHaveText(
    'Thursday 31 December 2026 is in the year-end holidays, when the offices are closed: go by the open day before it, Monday 28 December 2026.',
  );
});

test('a deadline on a national holiday is named with the holiday', async ({ page }) => {
  await walkTo(page, walk('surname changed by marriage'));
  await seeResult(page);
  await expect(page.locator('.myna-action').first().locator('.myna-step__closed')).toHaveText(
    '2025年（令和7年）7月21日（月）は祝日（海の日）のため、窓口は休みです。その前の開いている日、2025年（令和7年）7月18日（金）までに行ってください。',
  );
});

test('a renewal says when to apply before the deadline', async ({ page }) => {
  await walkTo(page, walk('card renewal open'));
  await seeResult(page);
  const step = page.locator('.myna-action').first();
  const applyBy = step.locator('.myna-step__apply-by');
  await expect(applyBy).toHaveText('2026年（令和8年）2月10日（火）までに申請してください（できあがるまで約1か月）');
  await expect(step.locator('.myna-summary')).toContainText('2026年（令和8年）3月10日（火）'); // the expiry stays the deadline
  // apply_by comes before the deadline in the step.
  const order = await step.evaluate((e) => {
    const apply = e.querySelector('.myna-step__apply-by')!;
    const summary = e.querySelector('.myna-summary')!;
    return apply.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  expect(order).toBeTruthy();
});

test('a card to stop: the call button with the 24-hour number is on the first screen', async ({ page }) => {
  await walkTo(page, walk('stolen at home'));
  await seeResult(page);
  const call = page.locator('a.myna-call__button');
  await expect(call).toHaveAttribute('href', 'tel:0120-95-0178');
  await expect(call).toHaveText('0120-95-0178に電話する');
  await expect(page.locator('.myna-call__hours')).toContainText('24時間365日');
  const box = await call.boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
  // After a theft the reissue may be free: said in the reissue step, not only in a caveat.
  await expect(page.locator('.myna-action').last().locator('.myna-step__note')).toContainText('無料になることがあります');
  // The police step asks for nothing to bring: the citizen receives the 受理番号 there.
  await expect(page.locator('.myna-action').nth(1).locator('.myna-documents')).toHaveCount(0);
});

test('moving out of the city: the move-in steps happen at the new municipality', async ({ page }) => {
  await walkTo(page, walk('moving out of Kawasaki'));
  await seeResult(page);
  const step = page.locator('.myna-action').first();
  await expect(step.locator('.myna-summary')).toContainText('新しい住所の市区町村の窓口');
  await expect(step.locator('.myna-summary')).not.toContainText('お住まいの区役所・支所');
});

test('the English footer gives the foreign-language and paid lines, unbroken', async ({ page }) => {
  await walkTo(page, walk('lost, then found'));
  await seeResult(page);
  await expect(page.locator('footer a[href="tel:0570-064-738"]')).toHaveCount(0);
  await switchTo(page, 'English');
  const footer = page.locator('footer.myna-footer');
  for (const phone of ['0570-064-738', '0120-0178-26', '0120-0178-27', '0570-783-578', '050-3818-1250']) {
    const link = footer.locator(`a[href="tel:${phone}"]`);
    await expect(link).toBeVisible();
    // One line box: a number never breaks inside itself.
    expect(await link.evaluate((a) => a.getClientRects().length)).toBe(1);
  }
});

test("the ward's office on a step: said once, all seven until then, the city's page and note", async ({ page }) => {
  await walkTo(page, walk('card renewal open'));
  await seeResult(page);
  const step = page.locator('.myna-action').first();
  const chooser = page.getByLabel('お住まいの区（任意）');
  await expect(chooser).toHaveValue('');
  // Not said yet: no office on the step, every ward's office once after the steps.
  await expect(step.locator('.myna-office')).toHaveCount(0);
  const list = page.locator('h2:text-is("区役所の窓口") + ul .myna-office');
  await expect(list).toHaveCount(7);
  await expect(list.first()).toContainText('川崎区役所 区民課');
  // The city's note and page for this procedure, in a new tab, said so.
  await expect(step.locator('.myna-step__city .myna-step__note')).toContainText('交付通知書');
  const cityPage = step.locator('.myna-step__link a');
  await expect(cityPage).toHaveAttribute('href', 'https://www.city.kawasaki.jp/250/page/0000105058.html');
  await expect(cityPage).toHaveAttribute('target', '_blank');
  await expect(cityPage).toHaveText('川崎市のページ（この手続き）（新しいタブで開きます）');
  await expectAccessible(page);

  await chooser.selectOption({ label: '中原区' });
  const office = step.locator('.myna-office');
  await expect(office).toHaveCount(1);
  await expect(office.locator('.myna-office__name')).toHaveText('中原区役所 区民課');
  await expect(office).toContainText('川崎市中原区小杉町3-245');
  await expect(office.locator('a[href^="tel:"]')).toHaveAttribute('href', 'tel:044-744-3113');
  await expect(office).toContainText('電話（総合案内）');
  await expect(office.locator('a[target="_blank"]')).toHaveAttribute('href', 'https://www.city.kawasaki.jp/nakahara/');
  await expect(list).toHaveCount(0);
  await expectAccessible(page);

  // Said once for the visit: in English and on the next result, still the same ward.
  await switchTo(page, 'English');
  await expect(office.locator('.myna-office__name')).toContainText('中原区役所 区民課');
  await expect(page.getByLabel('Your ward (optional)')).toHaveValue('nakahara-ku');
  // On paper: the office on the step, the chooser not.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.myna-ward')).toBeHidden();
  await expect(office).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  await page.getByLabel('Your ward (optional)').selectOption({ value: '' });
  await expect(office).toHaveCount(0);
  await expect(page.locator('.myna-offices .myna-office')).toHaveCount(7);
});
