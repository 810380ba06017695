// A result page that leads (issue 13, docs/design.md §3.5), on a 390×844 phone, for every walk of walks.ts and in the
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
  // The page count only for the notes (MEASURE=1): printing a PDF per walk costs the suite seconds.
  const pdf = process.env.MEASURE ? await page.pdf({ format: 'A4' }) : undefined;
  const pages = (pdf?.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
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
    await w.check?.(page);
    const y = await firstStepBottom(page);
    expect(y, 'the first step on the first screen').toBeLessThanOrEqual(PHONE.height);
    const print = await lastStepBottomInPrint(page);
    expect(print.bottom, 'the steps on the first printed page').toBeLessThanOrEqual(A4_PAGE.height);
    if (process.env.MEASURE) console.log(`MEASURE\t${w.name}\tfirst step ${y}px\tprint ${print.pages} pages`);

    await switchTo(page, 'English');
    await expect(heading(page)).toHaveText(w.expected.en);
    await w.checkEn?.(page);
    expect(await firstStepBottom(page)).toBeLessThanOrEqual(PHONE.height);
    await expectAccessible(page);

    await switchTo(page, 'やさしい にほんご');
    await expect(heading(page).locator('ruby').first()).toBeAttached(); // a sentence with furigana, not a title
    expect(await firstStepBottom(page)).toBeLessThanOrEqual(PHONE.height);
    await expectAccessible(page);
  });
}

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
