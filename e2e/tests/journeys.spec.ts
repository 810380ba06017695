// Journeys walked in another language than Japanese from the start (issue 5). The situations walked in Japanese,
// with what their result pages must say, are walks.ts's, tested by result-leads.spec.ts in all three languages.
import { test, expect, heading, expectAccessible } from './support';
import { openGuide, startJourney, answerChoice, answerDate, answerAlternative, seeResult } from './support';

test('a locked signature password, the other PIN known (pin-locked-kiosk.json), in やさしい日本語', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2025-05-13T09:00:00+09:00'));
  await openGuide(page);
  await page.getByRole('button', { name: 'やさしい にほんご' }).click();
  await expect(page.locator('.myna-tasks ruby').first()).toBeVisible();
  await page.locator('.myna-tasks__link').nth(5).click();
  await answerDate(page, '1980', '1', '1');
  await answerChoice(page, 'signature');
  await answerChoice(page, 'yes');
  await answerChoice(page, 'both');
  await seeResult(page);
  await expect(page.locator('.myna-action')).toContainText('コンビニ');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
});

test('a journey in English keeps Japanese terms marked as Japanese', async ({ page }) => {
  await startJourney(page, '引っ越しをした・する', '2025-06-12');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(heading(page)).toHaveText('What is your date of birth?');
  await answerDate(page, '1980', '1', '1');
  await answerChoice(page, 'within-city');
  await answerDate(page, '2025', '6', '10');
  await expect(page.locator('h1 span[lang="ja"]')).toHaveText('転居届');
  await answerAlternative(page);
  await answerChoice(page, 'no'); // no card
  await seeResult(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page);
});
