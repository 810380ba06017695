import { test, seeResult } from './support';
import { WALKS, walkTo } from './walks';
test.use({ viewport: { width: 390, height: 844 } });
for (const [i, prefix] of ['stolen at home', 'moving out of Kawasaki', 'signature password locked'].entries()) {
  test(`look ${i}`, async ({ page }) => {
    const w = WALKS.find((x) => x.name.startsWith(prefix))!;
    await walkTo(page, w);
    await seeResult(page);
    await page.screenshot({ path: `/work/tmp/look-${i}.png`, fullPage: true });
  });
}
