// カードを読み取る (docs/reader.md §7, §8.3) with a mocked `navigator.usb`: the RC-S380 replays the transcripts that
// reader/tests/transcripts.rs records from the simulated reader and card, so a frame the app sends that the Rust
// side did not is a failure here. Each scenario ends with axe on the state reached.
//
// Run alone with: E2E_PORT=8093 npx playwright test tests/reader.spec.ts (from e2e/).
import type { Page } from '@playwright/test';
import {
  test,
  expect,
  openGuide,
  heading,
  expectAccessible,
  expectNothingStored,
  answerChoice,
  answerDate,
  answerAlternative,
  next,
  TODAY,
} from './support';
import {
  installUsbMock,
  usbMockReport,
  expectTranscriptReplayed,
  readTranscript,
  ackAfterApdu,
  inCommRfPayload,
  type Outcome,
  type Transfer,
  type TranscriptName,
} from './usb-mock';

/** The texts of docs/reader.md §7, in Japanese. */
const TEXT = {
  unsupported_browser:
    'このブラウザではカードリーダーを使えません。パソコンまたはAndroidのChrome・Edgeでお試しいただくか、日付を入力してください。',
  blocked_by_embedding: 'このページの設定では、カードリーダーを使えません。ガイドを別のタブで開いてください。',
  idle: '対応するカードリーダー（ソニー PaSoRi RC-S380）をつないで、「カードを読み取る」を押してください。',
  no_device_chosen: 'カードリーダーが選ばれませんでした。リーダーをつないでから、もう一度お試しください。',
  device_unavailable:
    'カードリーダーを使えませんでした。リーダーを使う他のアプリやタブを閉じ、抜き差ししてから、もう一度お試しください。',
  no_card: 'カードが見つかりませんでした。ほかのカードと重ねずに、リーダーの中央に置いてください。',
  wrong_card:
    'マイナンバーカードとして読み取れませんでした。他のカード（運転免許証、在留カード、交通系ICカードなど）でないか確認してください。新しい様式のカードには、まだ対応していない場合があります。',
  reading: '読み取っています。終わるまでカードを動かさないでください。',
  done: '読み取りました。内容を確認してください。',
  card_removed: '読み取りの途中でカードが離れました。もう一度置いて、終わるまで動かさないでください。',
  timeout: 'カードリーダーから応答がありません。リーダーを抜き差ししてから、もう一度お試しください。',
  reader_disconnected: 'カードリーダーが取り外されました。つなぎ直して、もう一度お試しください。',
  cancelled: '読み取りを中止しました。',
  pin_locked: (pin: string) => `${pin}はロックされています（残りの回数はありません）。再設定の方法を下に表示します。`,
  few_tries_left: (pin: string, n: number) =>
    `${pin}の残りは${n}回です。分からないときは入力を試さず、窓口でご相談ください。`,
};

/** The PIN names of docs/reader.md §1. */
const PIN_NAME: Record<string, string> = {
  user: '利用者証明用電子証明書の暗証番号',
  signature: '署名用電子証明書の暗証番号',
  card_info: '券面事項入力補助用暗証番号',
  residence: '住民基本台帳用暗証番号',
};

/** A date as the guide writes it in Japanese: 2030年（令和12年）3月9日（土） (dates of the 令和 era only). */
function jaDate(iso: string) {
  const [year, month, day] = iso.split('-').map(Number);
  const weekday = '日月火水木金土'[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  expect(iso >= '2019-05-01', 'a 令和 date').toBe(true);
  const reiwa = year - 2018;
  return `${year}年（令和${reiwa === 1 ? '元' : reiwa}年）${month}月${day}日（${weekday}）`;
}

/** The mark on the 住基 PIN's counter, and why (docs/reader.md §2.1: its application identifier is unconfirmed). */
const UNCONFIRMED = '（未確認）';
const RESIDENCE_UNCONFIRMED =
  '住民基本台帳用暗証番号の残りの回数は、読み取り方を実際のカードでまだ確かめていないため、未確認です。目安としてご覧ください。';

const reader = (page: Page) => page.locator('.myna-reader');
const readButton = (page: Page) => page.locator('#reader-read');

/** Opens the reader page directly and waits until the page knows whether a reader can be used. */
async function openReader(page: Page) {
  await page.goto('/#/reader');
  await expect(heading(page)).toHaveText('カードを読み取る');
  await expect(reader(page)).not.toHaveAttribute('data-state', 'loading');
}

/** The typed path is one click away in every state (docs/reader.md §7). */
async function expectTypedPath(page: Page) {
  const link = page.getByRole('link', { name: /日付を入力/ });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', /^#\/expiry\//);
}

/** A failure state: its id, its text in an alert, the heading focused, the typed path, axe. */
async function expectFailure(page: Page, state: keyof typeof TEXT) {
  await expect(reader(page)).toHaveAttribute('data-state', state);
  await expect(page.getByRole('alert')).toHaveText(TEXT[state] as string);
  await expect(heading(page)).toBeFocused();
  await expectTypedPath(page);
  await expectAccessible(page);
}

/** Reads a card whose transcript is `name` and waits for its outcome's state. */
async function readCard(page: Page, name: TranscriptName): Promise<Outcome> {
  const { outcome } = readTranscript(name);
  await openReader(page);
  await expect(reader(page)).toHaveAttribute('data-state', 'idle');
  await readButton(page).click();
  await expect(reader(page)).toHaveAttribute('data-state', outcome.state);
  return outcome;
}

/** The `done` view of an outcome: the dates, the issuer, every PIN's tries as a number, the notices. */
async function expectDone(page: Page, outcome: Outcome) {
  expect(outcome.state).toBe('done');
  await expect(reader(page).locator('.myna-reader__message')).toHaveText(TEXT.done);
  await expect(heading(page)).toBeFocused();
  const result = page.locator('dl.myna-reader__result');
  const user = outcome.user_certificate!;
  await expect(result).toContainText(jaDate(user.expires_on));
  await expect(result).toContainText(jaDate(user.issued_on));
  await expect(result).toContainText('地方公共団体情報システム機構（J-LIS）');
  for (const [pin, tries] of Object.entries(outcome.pins!)) {
    const row = result.locator('.myna-summary__row', { has: page.locator('dt', { hasText: PIN_NAME[pin] }) });
    const n = tries === 'locked' ? 0 : tries;
    expect(typeof n, `${pin}: a number in the transcript`).toBe('number');
    // The 住基 PIN's counter is marked unconfirmed until a real card settles its application identifier (§2.1).
    await expect(row.locator('dd')).toHaveText(pin === 'residence' ? `残り${n}回${UNCONFIRMED}` : `残り${n}回`);
  }
  await expect(reader(page).locator('.myna-reader__unconfirmed')).toHaveText(RESIDENCE_UNCONFIRMED);
  await expect(result).not.toContainText('回中'); // a number only, never "of 3" (docs/reader.md §7)
  const notices = page.locator('.myna-reader__notice');
  await expect(notices).toHaveCount(outcome.notices!.length);
  for (const notice of outcome.notices!) {
    const text =
      notice.state === 'pin_locked'
        ? TEXT.pin_locked(PIN_NAME[notice.pin!])
        : TEXT.few_tries_left(PIN_NAME[notice.pin!], notice.n!);
    await expect(notices.filter({ hasText: text })).toHaveCount(1);
  }
  await expect(reader(page).locator('details')).toContainText(String(outcome.ca_certificate!.generation));
  await expectTypedPath(page);
}

test('a full read: the dates and counters shown, then prefilled in the expiry journey', async ({ page }) => {
  await installUsbMock(page, { transcript: 'full_read' });
  await openGuide(page);
  await page.getByRole('link', { name: 'カードを読み取る' }).click();
  await expect(page).toHaveURL(/#\/reader$/);
  await expect(heading(page)).toHaveText('カードを読み取る');
  await expect(reader(page)).toHaveAttribute('data-state', 'idle');
  await expect(reader(page)).toContainText(TEXT.idle);
  await expectTypedPath(page);
  await expectAccessible(page);

  const { outcome } = readTranscript('full_read');
  await readButton(page).click();
  await expect(reader(page)).toHaveAttribute('data-state', 'done');
  await expectDone(page, outcome);
  expect(outcome.notices).toEqual([]);
  await expectTranscriptReplayed(page);
  const report = (await usbMockReport(page))!;
  expect(report.filters).toEqual(expect.arrayContaining(['054C:06C1', '054C:06C3']));
  expect(report.filters).not.toContain('054C:0DC8'); // the RC-S300 stays flagged off (docs/reader.md §5.4)
  expect(report.calls).toEqual(['open', 'selectConfiguration(1)', 'claimInterface(0)', 'releaseInterface(0)', 'close']);
  await expectAccessible(page);
  await expectNothingStored(page);

  // The dates go to the expiry journey, each marked as read from the card, for the citizen to confirm.
  await page.locator('#reader-use').click();
  await expect(page).toHaveURL(/#\/expiry\//);
  await answerDate(page, '60', '10', '10', 'showa');
  await answerChoice(page, 'japanese');
  await answerChoice(page, 'yes'); // has a card
  await answerAlternative(page); // the card's own expiry is not on the chip: typed (here, わからない)
  await answerDate(page, '2025', '3', '10'); // the card's issue date, typed
  const fromCard = page.getByText('カードから読み取りました', { exact: false });
  await expect(page.locator('input[type=radio][value="yes"]')).toBeChecked(); // holds a user certificate
  await expect(fromCard).toBeVisible();
  await next(page);
  const user = outcome.user_certificate!;
  // The expiry read is asked (prefilled); the issue date is asked only when no expiry is known, so it is not.
  for (const iso of [user.expires_on]) {
    const [year, month, day] = iso.split('-').map((part) => String(Number(part)));
    await expect(page.locator('#answer-year')).toHaveValue(year);
    await expect(page.locator('#answer-month')).toHaveValue(month);
    await expect(page.locator('#answer-day')).toHaveValue(day);
    await expect(fromCard).toBeVisible();
    await next(page);
  }
  await expectNothingStored(page);
});

test('a locked PIN: no tries left and how to reset it', async ({ page }) => {
  await installUsbMock(page, { transcript: 'locked_pin' });
  const outcome = await readCard(page, 'locked_pin');
  await expectDone(page, outcome);
  expect(outcome.notices).toEqual([{ state: 'pin_locked', pin: 'user' }]);
  await expect(page.locator('#reader-pin-user')).toBeVisible();
  await expectTranscriptReplayed(page);
  await expectAccessible(page);
});

test('few tries left: the number, and advice not to guess', async ({ page }) => {
  await installUsbMock(page, { transcript: 'few_tries_left' });
  const outcome = await readCard(page, 'few_tries_left');
  await expectDone(page, outcome);
  expect(outcome.notices).toEqual([{ state: 'few_tries_left', pin: 'signature', n: 2 }]);
  await expectTranscriptReplayed(page);
  await expectAccessible(page);
});

test('the card leaves during the certificate read: card_removed', async ({ page }) => {
  await installUsbMock(page, { transcript: 'card_removed' });
  await readCard(page, 'card_removed');
  await expectTranscriptReplayed(page);
  await expect(page.locator('dl.myna-reader__result')).toHaveCount(0); // nothing partial but counters (none yet)
  await expect(page.locator('#reader-use')).toHaveCount(0);
  await expectFailure(page, 'card_removed');
});

test('a 住基カード: wrong_card', async ({ page }) => {
  await installUsbMock(page, { transcript: 'wrong_card' });
  await readCard(page, 'wrong_card');
  await expectTranscriptReplayed(page);
  await expectFailure(page, 'wrong_card');
});

test('no card within 20 s: no_card, found without a real wait', async ({ page }) => {
  // docs/reader.md §8.3: the citizen presses Read and never puts a card down. The transcript holds 20 s of polls (a
  // SENSB_REQ every 300 ms, each answered `D7 05 80 00 00 00` alone, the field off in between); Playwright's clock
  // runs the page's pauses through them.
  const { transfers } = readTranscript('no_card');
  const polls = transfers.filter((t) => inCommRfPayload(t) === '050010').length;
  expect(polls).toBe(68);
  await installUsbMock(page, { transcript: 'no_card' });
  await openReader(page);
  await readButton(page).click();
  await expect(reader(page)).toHaveAttribute('data-state', 'waiting_for_card');
  await expect(page.locator('#reader-status')).toHaveText('マイナンバーカードをリーダーの上に置いてください。');
  await page.clock.runFor(21_000);
  await expect(reader(page)).toHaveAttribute('data-state', 'no_card');
  await expectTranscriptReplayed(page);
  await expectFailure(page, 'no_card');
});

test('a tampered transcript: one byte the page must send is changed, and the mock fails the read', async ({ page }) => {
  // The strictness of the replay, itself tested: the full read's transcript, but expecting another last byte in the
  // JPKI AP's identifier. The page sends the right bytes, so the replay fails at that frame (as a reader that
  // answers with a transfer error) and the read never reaches `done`.
  const { transfers } = readTranscript('full_read');
  const jpki = '00A4040C0AD392F000260100000001';
  const at = transfers.findIndex((t) => inCommRfPayload(t)?.slice(2) === jpki);
  expect(at).toBeGreaterThan(0);
  const original = (transfers[at] as { out: string }).out;
  const tampered = original.replace(jpki, jpki.slice(0, -2) + '02');
  expect(tampered).not.toBe(original);
  const edit = (replay: Transfer[]) => replay.map((t, i) => (i === at ? { out: tampered } : t));
  await installUsbMock(page, { transcript: 'full_read', edit });
  await openReader(page);
  await readButton(page).click();
  await expect(reader(page)).toHaveAttribute('data-state', 'reader_disconnected');
  const report = (await usbMockReport(page))!;
  expect(report.errors).toEqual([{ index: at, expected: `out ${tampered}`, got: `out ${original}` }]);
  expect(report.closed).toBe(true);
  await expect(page.locator('dl.myna-reader__result')).toHaveCount(0);
  await expectFailure(page, 'reader_disconnected');
});

test('a city that turns the counters off, opened directly at #/reader: no VERIFY is sent', async ({ page }) => {
  // docs/reader.md §1: `reader.query_pin_tries: false` holds although on a direct load the profile arrives after the
  // card-reader module. The profile is held until the module is there. The transcript has no VERIFY (nor a PIN file
  // SELECT): the strict mock fails on the first one the page would send.
  const transcript = readTranscript('no_pin_queries');
  expect(transcript.options).toEqual({ query_pin_tries: false });
  const apdus = transcript.transfers.map(inCommRfPayload).filter((rf) => rf !== null && /^0[23]/.test(rf));
  expect(apdus.length).toBeGreaterThan(3);
  expect(apdus.filter((rf) => rf!.slice(2, 6) === '0020')).toEqual([]);
  const profile = await (await page.request.get('/municipality.json')).json();
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/municipality.json', async (route) => {
    await held;
    await route.fulfill({ json: { ...profile, reader: { ...profile.reader, query_pin_tries: false } } });
  });
  await installUsbMock(page, { transcript: 'no_pin_queries' });
  // Not waiting for `load`: the held profile is preloaded by index.html.
  await page.goto('/#/reader', { waitUntil: 'domcontentloaded' });
  await expect(heading(page)).toHaveText('カードを読み取る');
  await expect.poll(() => page.evaluate(() => 'mynaCardReader' in window)).toBe(true);
  // The module is there, the profile is not: Read waits for it, the typed path does not.
  await expect(reader(page)).toHaveAttribute('data-state', 'loading');
  await expect(readButton(page)).toHaveCount(0);
  await expectTypedPath(page);
  release();
  await expect(reader(page)).toHaveAttribute('data-state', 'idle');
  await readButton(page).click();
  await expect(reader(page)).toHaveAttribute('data-state', 'done');
  await expectTranscriptReplayed(page);
  const result = page.locator('dl.myna-reader__result');
  for (const name of Object.values(PIN_NAME)) {
    const row = result.locator('.myna-summary__row', { has: page.locator('dt', { hasText: name }) });
    await expect(row.locator('dd')).toHaveText('読み取れませんでした');
  }
  await expect(reader(page).locator('.myna-reader__unconfirmed')).toHaveCount(0);
  await expectAccessible(page);
});

test('a panic in the card-reader module shows the error block, as one in the app does', async ({ page, guards }) => {
  await installUsbMock(page, { transcript: 'full_read' });
  await openReader(page);
  await expect(page.locator('#myna-error')).toBeHidden();
  // The browser refuses to make an element while the module draws its content anew (Leptos unwraps that: a Rust
  // panic in the module's own wasm). The app draws nothing meanwhile, so the refusal is the module's.
  await page.evaluate(() => {
    const create = Document.prototype.createElement;
    Document.prototype.createElement = function () {
      Document.prototype.createElement = create;
      throw new DOMException('refused by the test', 'NotSupportedError');
    } as typeof create;
    // `reader_bridge::ToModule::Mount`: one array of wires, the citizen's language.
    (window as unknown as { mynaCardReader: { mount: (wires: string[]) => void } }).mynaCardReader.mount(['ja']);
  });
  await expect(page.locator('#myna-error')).toBeVisible();
  await expect(page.locator('#myna-root')).toBeHidden();
  // The hook's fixed line, never the panic's message (docs/design.md §1.1 invariant 6), then the trap that ends the
  // module's wasm (`panic = "abort"`): expected here, so taken off the guards that fail a test on any error.
  const line = 'myna-guide: internal error (panic)';
  const trap = /^(Uncaught )?(RuntimeError: )?unreachable/;
  const errors = () => [...guards.consoleErrors, ...guards.pageErrors];
  await expect.poll(() => errors().some((e) => trap.test(e))).toBe(true);
  expect(guards.consoleErrors[0]).toBe(line);
  for (const error of errors().slice(1)) expect(error).toMatch(trap);
  guards.consoleErrors.length = 0;
  guards.pageErrors.length = 0;
  await expectAccessible(page);
});

test('the chooser closed without a reader: no_device_chosen, and Read works again', async ({ page }) => {
  await installUsbMock(page, { requestDevice: 'NotFoundError' });
  await openReader(page);
  await readButton(page).click();
  await expectFailure(page, 'no_device_chosen');
  await expect(readButton(page)).toBeEnabled();
  await expect(readButton(page)).not.toHaveAttribute('aria-disabled', 'true');
  const report = (await usbMockReport(page))!;
  expect(report.filters).toEqual(expect.arrayContaining(['054C:06C1', '054C:06C3']));
  expect(report.calls).toEqual([]);
});

test('the reader cannot be opened: device_unavailable', async ({ page }) => {
  await installUsbMock(page, { open: 'SecurityError' });
  await openReader(page);
  await readButton(page).click();
  await expectFailure(page, 'device_unavailable');
  expect((await usbMockReport(page))!.calls).toEqual(['open']);
});

test('a browser without WebUSB: unsupported_browser, and no Read button', async ({ page }) => {
  await installUsbMock(page, { unsupported: true });
  await openReader(page);
  await expect(readButton(page)).toHaveCount(0);
  await expectFailure(page, 'unsupported_browser');
});

test('the permissions policy refuses USB: blocked_by_embedding, with the guide in a new tab', async ({ page }) => {
  await installUsbMock(page, { getDevices: 'SecurityError' });
  await openReader(page);
  await expect(readButton(page)).toHaveCount(0);
  const tab = page.getByRole('link', { name: 'ガイドを別のタブで開く' });
  await expect(tab).toHaveAttribute('target', '_blank');
  await expect(tab).toHaveAttribute('href', /#\/reader$/);
  await expectFailure(page, 'blocked_by_embedding');
});

test('Cancel during the read: cancelled, the reader switched off and closed', async ({ page }) => {
  // The mock holds the reader's answer at the transcript's `cancel_at_in`; the test presses Cancel there, then lets
  // the answer through: the read stops before its next command, as the simulator's did (no timer involved).
  await installUsbMock(page, { transcript: 'cancelled' });
  await openReader(page);
  await page.evaluate(() => {
    const mock = (window as unknown as { __usbMock: { onHang: () => void; release: () => void } }).__usbMock;
    const seen = window as unknown as { __cancelSeen?: boolean };
    mock.onHang = () => {
      const cancel = document.getElementById('reader-cancel');
      seen.__cancelSeen = cancel !== null && document.querySelector('.myna-reader')?.getAttribute('data-state') === 'reading';
      cancel?.click();
      mock.release();
    };
  });
  await readButton(page).click();
  await expect(reader(page)).toHaveAttribute('data-state', 'cancelled');
  expect(await page.evaluate(() => (window as unknown as { __cancelSeen?: boolean }).__cancelSeen)).toBe(true);
  await expectTranscriptReplayed(page);
  await expect(page.locator('#reader-cancel')).toHaveCount(0);
  await expectFailure(page, 'cancelled');
});

test('the reader stops answering while reading: timeout, found without a real wait', async ({ page }) => {
  // The reader holds its ACK of the second APDU's first reader command, which the bridge awaits for 1 s.
  await installUsbMock(page, { transcript: 'full_read', hangAfter: ackAfterApdu(readTranscript('full_read'), 1) });
  await openReader(page);
  await readButton(page).click();
  await expect.poll(async () => (await usbMockReport(page))?.hanging ?? false).toBe(true);
  await expect(reader(page)).toHaveAttribute('data-state', 'reading');
  await expect(page.locator('#reader-status')).toHaveText(TEXT.reading);
  await expect(page.locator('#reader-cancel')).toBeVisible();
  await expect(readButton(page)).toHaveAttribute('aria-disabled', 'true');
  // The button pressed is not drawn again while the read goes on: it keeps the focus.
  await expect(readButton(page)).toBeFocused();
  await page.clock.runFor(2_000); // the bridge's 1 s limit on an ACK (docs/reader.md §6)
  await expect(reader(page)).toHaveAttribute('data-state', 'timeout');
  const report = (await usbMockReport(page))!;
  expect(report.errors).toEqual([]);
  expect(report.closed, 'a timed-out connection is closed, never reused').toBe(true);
  await expectFailure(page, 'timeout');
});

test('the reader is unplugged while reading: reader_disconnected', async ({ page }) => {
  await installUsbMock(page, { transcript: 'full_read', hangAfter: ackAfterApdu(readTranscript('full_read'), 1) });
  await openReader(page);
  await page.evaluate(() => {
    const mock = (window as unknown as { __usbMock: { onHang: () => void; unplug: () => void } }).__usbMock;
    mock.onHang = () => mock.unplug();
  });
  await readButton(page).click();
  await expect(reader(page)).toHaveAttribute('data-state', 'reader_disconnected');
  expect((await usbMockReport(page))!.errors).toEqual([]);
  await expectFailure(page, 'reader_disconnected');
});

test('the transcripts were recorded for the day the tests run on', () => {
  // The full read's certificate is valid on TODAY, so the expiry journey above has a live certificate to show.
  const { outcome } = readTranscript('full_read');
  const today = TODAY.toISOString().slice(0, 10);
  expect(outcome.user_certificate!.issued_on < today && today < outcome.user_certificate!.expires_on).toBe(true);
});

test('the page follows the language switch: English, then やさしい日本語 with furigana, and a read in English', async ({
  page,
}) => {
  await installUsbMock(page, { transcript: 'few_tries_left' });
  await openReader(page);
  await expect(reader(page)).toHaveAttribute('data-state', 'idle');
  // The module draws its texts again in the new language (reader_view::language).
  await page.getByRole('button', { name: 'English' }).click();
  await expect(heading(page)).toHaveText('Read my card');
  await expect(reader(page)).toContainText('Connect a supported card reader (Sony PaSoRi RC-S380)');
  await expect(page.getByRole('link', { name: /Type the dates/ })).toHaveAttribute('href', /^#\/expiry\//);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'やさしい にほんご' }).click();
  await expect(reader(page).locator('ruby').first()).toBeVisible();
  await expect(reader(page)).toHaveAttribute('data-state', 'idle');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'English' }).click();
  await readButton(page).click();
  await expect(reader(page)).toHaveAttribute('data-state', 'done');
  await expect(reader(page).locator('.myna-reader__message')).toHaveText('Done. Please check what was read.');
  await expect(page.locator('.myna-reader__notice')).toHaveText(
    /Your signature certificate password has 2 tries left\. If you are unsure of it, do not guess/,
  );
  await expect(page.locator('dl.myna-reader__result')).toContainText('2 tries left');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectTranscriptReplayed(page);
  await expectAccessible(page);
});

for (const allowed of [false, true]) {
  test(`in a cross-origin frame ${allowed ? 'with' : 'without'} allow="usb", under Chromium's real permissions policy (no mock)`, async ({
    page,
    baseURL,
  }) => {
    // The city's page on another origin (localhost) frames the guide (127.0.0.1) directly, as embed.js would.
    const guide = new URL(baseURL!).origin;
    const host = guide.replace('127.0.0.1', 'localhost');
    const allow = allowed ? ' allow="usb"' : '';
    await page.route(`${host}/city.html`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="ja"><title>市のページ</title><main><h1>市のページ</h1><iframe src="${guide}/#/reader" title="マイナンバーカードの手続きガイド" width="800" height="900"${allow}></iframe></main></html>`,
      }),
    );
    // As in embed.spec.ts: a page fulfilled by the test counts as public for Local Network Access.
    await page.context().grantPermissions(['local-network-access']);
    await page.goto(`${host}/city.html`);
    const frame = page.frameLocator('iframe');
    const state = frame.locator('.myna-reader');
    await expect(frame.locator('#myna-root h1')).toHaveText('カードを読み取る');
    if (allowed) {
      await expect(state).toHaveAttribute('data-state', 'idle');
    } else {
      await expect(state).toHaveAttribute('data-state', 'blocked_by_embedding');
      await expect(frame.getByRole('alert')).toHaveText(TEXT.blocked_by_embedding);
      const tab = frame.getByRole('link', { name: 'ガイドを別のタブで開く' });
      await expect(tab).toHaveAttribute('target', '_blank');
    }
    await expect(frame.getByRole('link', { name: /日付を入力/ })).toBeVisible();
  });
}
