// Measures each walk's result page at 390×844 (MEASURE=1 only): where the first step starts and how many A4
// pages the print view takes. Prints one line per walk.
import { test, seeResult } from './support';
import { WALKS, walkTo } from './walks';

test.skip(!process.env.MEASURE, 'MEASURE=1 to run');
test.use({ viewport: { width: 390, height: 844 } });

for (const walk of WALKS) {
  test(`measure: ${walk.name}`, async ({ page }) => {
    await walkTo(page, walk);
    await seeResult(page);
    const first = page.locator('.myna-action').first();
    const y = (await first.count()) ? Math.round((await first.boundingBox())!.y + (await page.evaluate(() => scrollY))) : -1;
    const h1 = await page.locator('#myna-root h1').innerText();
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    console.log(`MEASURE\t${walk.name}\ty=${y}\tpages=${pages}\th1=${h1}`);
  });
}
