// The result page's extras (docs/design.md §3.6, §6.2): the calendar file, the print view, and the municipality
// profile — its call centre in the footer, its offices under "where", and the guide without it (404).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, heading, expectAccessible, expectNothingStored } from './support';
import { openGuide, answerChoice, answerDate, answerAlternative, seeResult } from './support';
import { pinToCheck } from './pin-journey';

const CALENDAR = 'カレンダーに追加（.ics）';

/** 暗証番号がロックされた・忘れた, the 住民基本台帳用 PIN: reset at the ward office (docs/rules.md, pin-locked-ward-office). */
async function pinAtWardOffice(page: Page) {
  await openGuide(page);
  await pinToCheck(page, 'residence');
  await seeResult(page);
  await expect(page.locator('.myna-action__title')).toHaveText('暗証番号を初期化する');
}

/** The value of an action's "where" row (場所 / Where). */
function where(page: Page) {
  const row = page.locator('.myna-action .myna-summary__row', { has: page.locator('dt', { hasText: /^(場所|Where)$/ }) });
  return row.locator('dd');
}

/** The footer's city call centre line. */
function callCentre(page: Page) {
  return page.locator('.myna-footer__city');
}

test('the calendar file of a renewal (cases/card-renewal-notice-60-days-ahead.json)', async ({ page }) => {
  // The case's today: the renewal opens 2029-10-02 and the card expires 2030-01-01, both ahead.
  await page.clock.setFixedTime(new Date('2029-08-15T09:00:00+09:00'));
  await openGuide(page);
  await page.getByRole('link', { name: '有効期限と更新の時期を調べる' }).click();
  await answerDate(page, '1980', '1', '1');
  await answerChoice(page, 'japanese');
  await answerChoice(page, 'yes'); // has a card
  await answerAlternative(page); // expiry printed on the card: わからない
  await answerDate(page, '2020', '1', '10'); // 発行日
  await answerChoice(page, 'no'); // no user certificate
  await answerChoice(page, 'no'); // no signature certificate
  await seeResult(page);
  await expect(page.locator('.myna-action__title')).toHaveText('カードを更新する');
  await expect(page.locator('.myna-as-of')).toHaveText('2029年（令和11年）8月15日（水）時点の案内です（川崎市）。');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: CALENDAR }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('mynumber-20290815.ics');
  const bytes = readFileSync(await download.path());
  const text = bytes.toString('utf8');

  // CRLF line ends only, folded at 75 octets (a kanji is 3), never inside a character.
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  expect(physical.filter((l) => l.includes('\n') || l.includes('\r'))).toEqual([]);
  expect(physical.filter((l) => Buffer.byteLength(l, 'utf8') > 75)).toEqual([]);
  expect(text).not.toContain('\uFFFD');
  const lines = text.replace(/\r\n /g, '').split('\r\n');
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines).toContain('VERSION:2.0');
  expect(lines).toContain('PRODID:-//Kawasaki City//My Number Card guide//JA');
  expect(lines.filter((l) => l.startsWith('UID:'))).toEqual([
    'UID:renew_card.from.20291002@city.kawasaki.jp',
    'UID:renew_card.apply_by.20291201@city.kawasaki.jp',
    'UID:renew_card.by.20300101@city.kawasaki.jp',
  ]);
  for (const line of [
    'DTSTAMP:20290815T000000Z',
    'DTSTART;VALUE=DATE:20291002',
    'DTEND;VALUE=DATE:20291003',
    'DTSTART;VALUE=DATE:20300101',
    'DTEND;VALUE=DATE:20300102',
    'SUMMARY:受付開始：カードを更新する',
    'SUMMARY:申請の目安：カードを更新する',
    'DTSTART;VALUE=DATE:20291201',
    'SUMMARY:期限：カードを更新する',
    'TRANSP:TRANSPARENT',
    'TRIGGER:-P7D',
  ]) {
    expect(lines).toContain(line);
  }
  expect(lines.find((l) => l.startsWith('DESCRIPTION:この日から'))).toContain('持ち物：マイナンバーカード、有効期限通知書');
  expect(text).not.toContain('TZID');
  await expectAccessible(page);
  await expectNothingStored(page);
});

test('the print view: the as-of line stays, buttons and the language switch go, beforeprint opens details', async ({
  page,
}) => {
  await pinAtWardOffice(page);
  // No date ahead in this guidance, so no calendar button.
  await expect(page.getByRole('button', { name: CALENDAR })).toHaveCount(0);
  const why = page.locator('details.myna-why');
  await expect(why).not.toHaveCount(0);
  // One disclosure the citizen opened before printing stays open afterwards.
  await why.first().locator('summary').click();
  await expect(why.first()).toHaveAttribute('open', '');
  const openedByCitizen = await page.locator('details.myna-why[open]').count();

  await page.emulateMedia({ media: 'print' });
  const asOf = page.locator('.myna-as-of');
  await expect(asOf).toBeVisible();
  await expect(asOf).toHaveText('2026年（令和8年）11月24日（火）時点の案内です（川崎市）。');
  await expect(page.locator('.myna-buttons')).toBeHidden();
  await expect(page.getByRole('button', { name: '印刷する' })).toBeHidden();
  await expect(page.locator('.myna-lang')).toBeHidden();
  await expect(page.getByRole('link', { name: 'ほかの手続きを調べる' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'アクセシビリティについて' })).toBeHidden();
  // The help stays on paper, in black.
  await expect(callCentre(page)).toBeVisible();
  expect(await heading(page).evaluate((h) => getComputedStyle(h).color)).toBe('rgb(0, 0, 0)');

  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(page.locator('details.myna-why:not([open])')).toHaveCount(0);
  await expectAccessible(page);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('details.myna-why[open]')).toHaveCount(openedByCitizen);
  await expect(why.first()).toHaveAttribute('open', '');

  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('button', { name: '印刷する' })).toBeVisible();
  await expectAccessible(page);
});

test('the shipped profile gives the title and the footer, with no preload warning', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning') warnings.push(msg.text());
  });
  // A preload that nothing uses, added to the page: Chromium's warning about it is the sign that it has checked
  // every preload of the page (one check, a few seconds after the load event).
  await page.route(
    (url) => url.pathname === '/',
    async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        '</head>',
        '<link rel="preload" as="fetch" crossorigin href="favicon.svg?never-used"></head>',
      );
      await route.fulfill({ response, body });
    },
  );
  const profile = await (await page.request.get('/municipality.json')).json();
  const centre = profile.contacts.find((c: { id: string }) => c.id === 'city_call_centre');
  await openGuide(page);
  await expect(callCentre(page)).toContainText(centre.name.ja);
  await expect(callCentre(page)).toContainText(centre.hours.ja);
  for (const phone of centre.phones) {
    await expect(callCentre(page).locator(`a[href="tel:${phone}"]`)).toHaveText(phone);
  }
  await expect(page).toHaveTitle(`マイナンバーカードの手続きガイド – ${profile.name.ja}`);
  await expectAccessible(page);
  // A preload that is not used within a few seconds of the load event, or that does not match the app's
  // fetch, is reported by Chromium as a console warning naming the file. (Trunk's own preload of the wasm
  // draws an unrelated warning about its integrity attribute.) Once the unused one is reported, the check ran.
  await expect.poll(() => warnings.some((w) => w.includes('favicon.svg?never-used')), { timeout: 15_000 }).toBe(true);
  expect(warnings.filter((w) => w.includes('municipality.json'))).toEqual([]);
});

test("another city's profile: its name, its call centre and its ward offices", async ({ page }) => {
  const fixture = {
    schema: 1,
    id: 'test',
    calendar_domain: 'city.test.example',
    name: { ja: 'テスト市', en: 'Test City', 'ja-easy': 'テストし' },
    contacts: [
      {
        id: 'city_call_centre',
        name: { ja: 'テスト市コールセンター', en: 'Test City call centre', 'ja-easy': 'テストしの でんわ' },
        phones: ['045-123-4567'],
        hours: { ja: '毎日 午前8時～午後8時', en: 'every day 8:00–20:00', 'ja-easy': 'まいにち 8じから 20じ' },
        source: 'e2e fixture',
      },
    ],
    offices: [
      {
        id: 'north',
        kind: 'ward_office',
        name: { ja: 'テスト北区役所', en: 'Test North Ward Office', 'ja-easy': 'テストきたくやくしょ' },
        phone: '045-111-2222',
        hours: { ja: '平日 午前8時30分～午後5時', en: 'weekdays 8:30–17:00', 'ja-easy': 'へいじつ 8じ30ぷん から' },
        source: 'e2e fixture',
      },
      {
        id: 'centre',
        kind: 'card_centre',
        name: { ja: 'テストカードセンター', en: 'Test card centre', 'ja-easy': 'テスト カード センター' },
        source: 'e2e fixture',
      },
    ],
  };
  await page.route('**/municipality.json', (route) => route.fulfill({ json: fixture }));
  await openGuide(page);
  await expect(page).toHaveTitle('マイナンバーカードの手続きガイド – テスト市');
  await expect(callCentre(page)).toContainText('テスト市コールセンター');
  await expect(callCentre(page).locator('a[href="tel:045-123-4567"]')).toHaveText('045-123-4567');
  await expect(callCentre(page)).not.toContainText('0120-380-366');
  await pinAtWardOffice(page);
  await expect(page).toHaveTitle(/– テスト市$/);
  const office = where(page).locator('.myna-office');
  await expect(where(page)).toContainText('お住まいの区役所・支所');
  await expect(office).toHaveCount(1); // the card centre is another kind
  await expect(office).toContainText('テスト北区役所');
  await expect(office).toContainText('平日 午前8時30分～午後5時');
  await expect(office.locator('a[href="tel:045-111-2222"]')).toHaveText('045-111-2222');
  await expect(page.locator('.myna-as-of')).toContainText('テスト市');
  await expectAccessible(page);
  // In English, the profile's English texts.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(office).toContainText('Test North Ward Office');
  await expect(callCentre(page)).toContainText('Test City call centre');
  await expect(page).toHaveTitle(/– Test City$/);
  await expectAccessible(page);
});

test('without the profile (404) the guide still works and says the local details are missing', async ({
  page,
  guards,
}) => {
  guards.missing.push('/municipality.json'); // Chromium's own "Failed to load resource" line is expected
  let asked = 0;
  await page.route('**/municipality.json', (route) => {
    asked += 1;
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
  });
  await openGuide(page);
  // The built-in call centre and city name stand in.
  await expect(callCentre(page)).toContainText('川崎市マイナンバーコールセンター');
  await expect(callCentre(page).locator('a[href="tel:0120-380-366"]')).toBeVisible();
  await expect(page).toHaveTitle('マイナンバーカードの手続きガイド – 川崎市');
  await pinAtWardOffice(page);
  await expect(where(page)).toContainText('お住まいの区役所・支所');
  await expect(where(page).locator('.myna-office')).toHaveCount(0);
  await expect(where(page).locator('.myna-office__missing')).toHaveText(
    '区役所・支所の所在地や電話番号を読み込めませんでした。下のコールセンターでお確かめください。',
  );
  await expect(page.locator('.myna-as-of')).toContainText('（川崎市）');
  await expectAccessible(page);
  expect(asked).toBeGreaterThan(0);
});
