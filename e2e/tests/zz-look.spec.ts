import { test, seeResult, expect, heading } from './support';
import { WALKS, walkTo } from './walks';
test.use({ viewport: { width: 390, height: 844 } });
const LOOK: [string, string][] = [['lost outside', 'English'], ['card valid', 'English'], ['moved within Kawasaki, not yet', 'やさしい にほんご'], ['destroyed', '日本語'], ['surname', '日本語']];
for (const [i, [prefix, lang]] of LOOK.entries()) {
  test(`look ${i}`, async ({ page }) => {
    const w = WALKS.find((x) => x.name.startsWith(prefix))!;
    await walkTo(page, w);
    await seeResult(page);
    if (lang !== '日本語') {
      const before = await heading(page).innerText();
      await page.getByRole('button', { name: lang }).click();
      await expect(heading(page)).not.toHaveText(before);
    }
    await page.screenshot({ path: `/work/tmp/look-${i}.png`, fullPage: true });
  });
}
