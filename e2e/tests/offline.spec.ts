// After the first visit the guide works without a network (docs/design.md §7, issue 7): the service worker
// serves the build's files from its cache, and a whole journey can be finished offline.
import { test, expect, openGuide, seeResult } from './support';
import { pinToCheck } from './pin-journey';

test.use({ serviceWorkers: 'allow' });

test('a journey can be finished offline after one visit', async ({ page, context }) => {
  await openGuide(page);
  // The worker precaches the app's files, and not the card-reader module (only PaSoRi owners need it).
  const worker = await (await page.request.get('/sw.js')).text();
  expect(worker).toMatch(/"app-[0-9a-f]+_bg\.wasm"/);
  expect(worker).not.toContain('card_reader');
  // The worker registers after `load`, caches the build, and controls the next navigation.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('#myna-root header')).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await pinToCheck(page, 'card-info');
  await seeResult(page);
  await expect(page.locator('.myna-action__title')).toHaveText('暗証番号を初期化する');
  // English, fetched the first time it is chosen, is there offline too.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('.myna-action__title')).toHaveText('Reset the PIN');
  await context.setOffline(false);
});
