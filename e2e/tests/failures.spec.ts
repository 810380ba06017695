// What goes wrong outside the guide's code, and what the citizen then sees (issue 12): a municipality profile
// that is not valid (a field of the wrong type, too long, with a line break, an http: link) and texts that cannot
// be fetched. Each failure has a visible answer; none leaves the page blank or half in another language.
import type { Page } from '@playwright/test';
import { test, expect, openGuide, heading, expectAccessible } from './support';

/** Answers saved on this device whose result is done at the ward office (the PIN journey of
 * cases/pin-locked-ward-office.json): restored at start, so a reload shows the result page at once. */
const WARD_OFFICE_RECORD = JSON.stringify({
  v: 1,
  saved_on: '2026-11-20',
  answers: {
    'birth-date': { era: 'seireki', year: '1985', month: '10', day: '10' },
    which: 'residence',
    'which-certificates': 'both',
    'user-certificate': 'yes',
    'signature-certificate': 'yes',
  },
});

/** A valid profile of another city, with every field the guide reads. */
function validProfile() {
  return {
    schema: 1,
    id: 'test',
    calendar_domain: 'city.test.example',
    name: { ja: 'テスト市', en: 'Test City', 'ja-easy': 'テストし' },
    embed: { allowed_hosts: ['https://www.city.test.example'] },
    reader: { query_pin_tries: true, rcs300: false },
    contacts: [
      {
        id: 'city_call_centre',
        name: { ja: 'テスト市コールセンター', en: 'Test City call centre', 'ja-easy': 'テストしの でんわ' },
        phones: ['045-123-4567'],
        hours: { ja: '毎日 午前8時～午後8時', en: 'every day 8:00–20:00', 'ja-easy': 'まいにち 8じから 20じ' },
      },
    ],
    offices: [
      {
        kind: 'ward_office',
        name: { ja: 'テスト北区役所', en: 'Test North Ward Office', 'ja-easy': 'テストきたくやくしょ' },
        phone: '045-111-2222',
      },
    ],
    links: { leaflet: 'https://www.city.test.example/leaflet.pdf' },
    theme: { '--color-primitive-blue-900': '#00613a' },
  };
}

type Profile = ReturnType<typeof validProfile> & Record<string, unknown>;

/** Each way a profile can be broken: the whole file is then refused (app/src/profile/read.rs). */
const BROKEN: [string, (p: Profile) => void][] = [
  ['schema as a string', (p) => ((p as Record<string, unknown>).schema = '1')],
  ['the name as a string', (p) => ((p as Record<string, unknown>).name = 'テスト市')],
  ['an English name as a number', (p) => ((p.name as Record<string, unknown>).en = 5)],
  ['the offices as an object', (p) => ((p as Record<string, unknown>).offices = { kind: 'ward_office' })],
  ['a phone as a number', (p) => ((p.contacts[0] as Record<string, unknown>).phones = [451234567])],
  ['a reader switch as a string', (p) => ((p as Record<string, unknown>).reader = { rcs300: 'yes' })],
  ['the allowed hosts as a string', (p) => ((p as Record<string, unknown>).embed = { allowed_hosts: 'https://a.example' })],
  ['the theme as a list', (p) => ((p as Record<string, unknown>).theme = ['#000000'])],
  ['a name too long', (p) => (p.name.ja = 'テ'.repeat(201))],
  ['too many phones', (p) => (p.contacts[0].phones = Array(101).fill('045-123-4567'))],
  ['a CR LF in the hours', (p) => (p.contacts[0].hours.ja = '毎日\r\nBEGIN:VEVENT')],
  ['a line break in the calendar domain', (p) => (p.calendar_domain = 'city.test.example\nX-EVIL:1')],
  ['an http: link', (p) => (p.links.leaflet = 'http://www.city.test.example/leaflet.pdf')],
  ['an http: host', (p) => (p.embed.allowed_hosts = ['http://www.city.test.example'])],
];

/** The value of an action's "where" row (場所). */
function where(page: Page) {
  return page.locator('.myna-action .myna-summary__row', { has: page.locator('dt', { hasText: /^場所$/ }) }).locator('dd');
}

test('a profile with any field wrong is not used: the guide runs on its fallbacks and says what is missing', async ({
  page,
}) => {
  let served: unknown = validProfile();
  await page.route('**/municipality.json', (route) => route.fulfill({ json: served }));
  await page.addInitScript((record) => localStorage.setItem('myna-guide/v1', record), WARD_OFFICE_RECORD);
  // The valid one is used (so that each refusal below is the checks' doing): its name, its office.
  await page.goto('/#/pin/result');
  await expect(page.locator('.myna-action__title')).toHaveText('暗証番号を初期化する');
  await expect(page).toHaveTitle(/– テスト市$/);
  await expect(where(page).locator('.myna-office')).toContainText('テスト北区役所');
  await expect(page.locator('.myna-footer__city')).toContainText('テスト市コールセンター');
  for (const [i, [what, breakIt]] of BROKEN.entries()) {
    const profile = validProfile() as Profile;
    breakIt(profile);
    served = profile;
    await page.goto(`/?profile=${i}#/pin/result`);
    await expect(page.locator('.myna-action__title'), what).toHaveText('暗証番号を初期化する');
    await expect(where(page).locator('.myna-office__missing'), what).toHaveText(
      '区役所・支所の所在地や電話番号を読み込めませんでした。下のコールセンターでお確かめください。',
    );
    await expect(where(page).locator('.myna-office'), what).toHaveCount(0);
    await expect(page.locator('.myna-footer__city'), what).toContainText('川崎市マイナンバーコールセンター');
    await expect(page.locator('.myna-footer__city a[href="tel:0120-380-366"]'), what).toBeVisible();
    await expect(page, what).toHaveTitle(/– 川崎市$/);
  }
  await expectAccessible(page);
});

test('Japanese texts that cannot be fetched: the page says so and offers to try again', async ({ page, guards }) => {
  guards.missing.push('/locale-ja.json'); // Chromium's own "Failed to load resource" line is expected
  let failing = true;
  await page.route('**/locale-ja.json', (route) =>
    failing ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'unavailable' }) : route.continue(),
  );
  await openGuide(page);
  await expect(page.locator('html')).toHaveAttribute('data-myna-texts', 'failed');
  // The start page is whole (its texts are built in); the next page needs the texts that did not come.
  await page.getByRole('link', { name: '有効期限と更新の時期を調べる' }).click();
  const failed = page.locator('#main .myna-failed');
  await expect(failed).toHaveAttribute('role', 'alert');
  await expect(failed.locator('p')).toHaveText(
    '案内の文章を読み込めませんでした。通信状態を確かめて、もう一度お試しください。',
  );
  await expectAccessible(page);
  // Still failing: asked again, the same answer.
  await failed.getByRole('button', { name: 'もう一度読み込む' }).click();
  await expect(page.locator('#main .myna-failed p')).toHaveText(/読み込めませんでした/);
  failing = false;
  await page.locator('#main .myna-failed').getByRole('button', { name: 'もう一度読み込む' }).click();
  await expect(heading(page)).toHaveText('生年月日を入力してください');
  await expect(heading(page)).toBeFocused();
  await expect(page.locator('.myna-failed')).toHaveCount(0);
  await expectAccessible(page);
});

test('English or やさしい日本語 that cannot be fetched: the page stays in its language and says why', async ({
  page,
  guards,
}) => {
  guards.missing.push('/locale-en.json', '/locale-ja-easy.json');
  let failing = true;
  await page.route(/\/locale-(en|ja-easy)\.json$/, (route) => (failing ? route.abort() : route.continue()));
  await openGuide(page);
  await page.getByRole('link', { name: '有効期限と更新の時期を調べる' }).click();
  await expect(heading(page)).toHaveText('生年月日を入力してください');
  const notice = page.locator('header .myna-failed');
  for (const language of ['English', 'やさしい にほんご']) {
    await page.getByRole('button', { name: language }).click();
    // The answer that came: the notice, in Japanese, the language the page is in.
    await expect(notice.locator('p')).toHaveText(
      '選んだ言語の文章を読み込めなかったため、表示は変わっていません。通信状態を確かめて、もう一度お試しください。',
    );
    await expect(notice).toHaveAttribute('role', 'alert');
    await expect(heading(page)).toHaveText('生年月日を入力してください');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByRole('button', { name: '日本語' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: language })).toHaveAttribute('aria-pressed', 'false');
    await expectAccessible(page);
  }
  // Trying again asks for the language last chosen, which comes now.
  failing = false;
  await notice.getByRole('button', { name: 'もう一度読み込む' }).click();
  await expect(page.getByRole('button', { name: 'やさしい にほんご' })).toHaveAttribute('aria-pressed', 'true');
  await expect(heading(page)).toContainText('せいねんがっぴ');
  await expect(notice).toHaveCount(0);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(heading(page)).toHaveText('What is your date of birth?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page);
});
