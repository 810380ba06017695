// The guide inside a city's page (docs/design.md §6.1): demo-host.html with the one script tag of embed.js. A journey
// through the frame, the frame's height following the content, "scroll to the frame's top" on each step, messages
// of another origin or window ignored, nothing sent to a host the guide does not know, axe on the page and frame.
import type { Frame, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './support';

const FRAME = 'iframe[data-myna-guide-frame]';

/** Opens the sample city page and records every message its window receives. */
async function openHost(page: Page, url = '/demo-host.html') {
  await page.addInitScript(() => {
    if (window.top !== window) return; // the host page only, not the guide inside
    const log: unknown[] = [];
    (window as unknown as { __messages: unknown[] }).__messages = log;
    window.addEventListener('message', (e) => log.push(e.data));
  });
  await page.goto(url);
  const frame = page.frameLocator(FRAME);
  await expect(frame.locator('#myna-root header')).toBeVisible();
  return frame;
}

async function guideFrame(page: Page): Promise<Frame> {
  const handle = await page.locator(FRAME).elementHandle();
  const frame = await handle!.contentFrame();
  return frame!;
}

/** The frame's height on the host page and the height of the guide's document inside it. */
async function heights(page: Page) {
  const outer = await page.locator(FRAME).evaluate((f) => f.getBoundingClientRect().height);
  const inner = await (await guideFrame(page)).evaluate(() => document.documentElement.getBoundingClientRect().height);
  return { outer, inner };
}

/** The frame is as tall as the guide (clamped to 320–20000), so it never scrolls inside. */
async function expectFrameFitsContent(page: Page) {
  await expect
    .poll(async () => {
      const { outer, inner } = await heights(page);
      return Math.abs(outer - Math.min(20000, Math.max(320, Math.ceil(inner))));
    })
    .toBeLessThanOrEqual(1);
  const frame = await guideFrame(page);
  expect(await frame.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(1);
}

/** axe inside the frame: the guide as embedded (the sample host page around it is not the guide's). */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).include(FRAME).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(results.passes.length).toBeGreaterThan(0); // it did look inside
}

const messages = (page: Page) => page.evaluate(() => (window as unknown as { __messages: unknown[] }).__messages);

test('a journey inside the sample city page: height, scrolling to the top, axe on page and frame', async ({ page, baseURL }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const frame = await openHost(page);
  const iframe = page.locator(FRAME);
  await expect(iframe).toHaveAttribute('title', 'マイナンバーカードの手続きガイド');
  await expect(iframe).toHaveAttribute('allow', 'usb');
  const src = new URL((await iframe.getAttribute('src'))!);
  expect(src.origin).toBe(new URL(baseURL!).origin);
  expect(src.pathname).toBe('/');
  expect([...src.searchParams]).toEqual([
    ['lang', 'ja'],
    ['host', new URL(baseURL!).origin],
  ]);
  await expectFrameFitsContent(page);
  const startHeight = (await heights(page)).outer;
  await expectAccessible(page);

  await frame.getByRole('link', { name: '有効期限と更新の時期を調べる' }).click();
  await expect(frame.locator('#myna-root h1')).toHaveText('生年月日を入力してください');
  await expectFrameFitsContent(page);
  expect((await heights(page)).outer).not.toBe(startHeight); // it shrank with the shorter page
  await expectAccessible(page);

  // An error summary makes the page taller: the frame follows.
  const before = (await heights(page)).outer;
  await frame.getByRole('button', { name: '次へ進む' }).click();
  await expect(frame.locator('.myna-error-summary')).toBeVisible();
  await expectFrameFitsContent(page);
  expect((await heights(page)).outer).toBeGreaterThan(before);
  await expectAccessible(page);

  // Scrolled down the city's page, a step brings the frame's top back into view.
  const answer = async (fill: () => Promise<void>) => {
    await fill();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const url = await (await guideFrame(page)).evaluate(() => location.hash);
    await frame.getByRole('button', { name: '次へ進む' }).click();
    await expect.poll(async () => (await guideFrame(page)).evaluate(() => location.hash)).not.toBe(url);
    await expect.poll(() => iframe.evaluate((f) => Math.abs(f.getBoundingClientRect().top))).toBeLessThanOrEqual(1);
    await expectFrameFitsContent(page);
  };
  await answer(async () => {
    await frame.locator('#answer-year').fill('1985');
    await frame.locator('#answer-month').fill('10');
    await frame.locator('#answer-day').fill('10');
  });
  await answer(() => frame.locator('input[value="japanese"]').check());
  await answer(() => frame.locator('input[value="no"]').check()); // no card
  await expect(frame.locator('#myna-root h1')).toHaveText('回答の確認');
  await expectAccessible(page);
  await frame.getByRole('button', { name: '結果を見る' }).click();
  await expect(frame.locator('#myna-root h1')).toBeVisible();
  await expect.poll(async () => (await guideFrame(page)).evaluate(() => location.hash)).toBe('#/expiry/result');
  await expectFrameFitsContent(page);
  await expectAccessible(page);

  // Only the two kinds of message crossed the frame, never an answer.
  const seen = (await messages(page)) as Record<string, unknown>[];
  expect(seen.length).toBeGreaterThan(0);
  for (const m of seen) {
    expect(['myna-guide:height', 'myna-guide:top']).toContain(m.type);
    expect(Object.keys(m).sort()).toEqual(m.type === 'myna-guide:height' ? ['height', 'type'] : ['type']);
  }
  expect(seen.filter((m) => m.type === 'myna-guide:top').length).toBe(5); // one per page after the first: 5 steps
  expect(JSON.stringify(seen)).not.toContain('1985');
});

test('messages from another origin or another window are ignored; heights are clamped', async ({ page }) => {
  await openHost(page);
  await expectFrameFitsContent(page);
  const height = () => page.locator(FRAME).evaluate((f) => f.getBoundingClientRect().height);
  const settled = await height();

  /** Posts from the host window itself (right origin, wrong source), then waits until it was handled. */
  const postFromHost = (data: unknown) =>
    page.evaluate(
      (d) =>
        new Promise<void>((resolve) => {
          const done = (e: MessageEvent) => {
            if (e.data === 'marker') {
              window.removeEventListener('message', done);
              resolve();
            }
          };
          window.addEventListener('message', done);
          window.postMessage(d, '*');
          window.postMessage('marker', '*'); // delivered after d, so d has been handled
        }),
      data,
    );
  /** A message event as if sent by the frame's window, from `origin` (dispatched synchronously). */
  const dispatch = (data: unknown, origin: string | null) =>
    page.evaluate(
      ([d, o]) => {
        const f = document.querySelector('iframe[data-myna-guide-frame]') as HTMLIFrameElement;
        window.dispatchEvent(new MessageEvent('message', { data: d, origin: o ?? location.origin, source: f.contentWindow }));
      },
      [data, origin] as const,
    );

  await postFromHost({ type: 'myna-guide:height', height: 5000 });
  expect(await height(), 'right origin, but not the frame').toBe(settled);
  await dispatch({ type: 'myna-guide:height', height: 5000 }, 'https://evil.example');
  expect(await height(), 'the frame, but another origin').toBe(settled);
  await dispatch({ type: 'myna-guide:resize', height: 5000 }, null);
  expect(await height(), 'an unknown type').toBe(settled);
  await dispatch({ type: 'myna-guide:height', height: '5000' }, null);
  expect(await height(), 'a height that is not a number').toBe(settled);
  await dispatch({ type: 'myna-guide:height', height: Infinity }, null);
  expect(await height(), 'an infinite height').toBe(settled);

  // The same message from the frame's window and the guide's origin is obeyed (so the checks above can fail),
  // within 320–20000 px.
  await dispatch({ type: 'myna-guide:height', height: 5000 }, null);
  expect(await height()).toBe(5000);
  await dispatch({ type: 'myna-guide:height', height: 1e9 }, null);
  expect(await height()).toBe(20000);
  await dispatch({ type: 'myna-guide:height', height: -3 }, null);
  expect(await height()).toBe(320);
});

test('a host the guide does not know gets no message; the guide still works in its frame', async ({ page, baseURL }) => {
  // The sample page on another origin (localhost instead of 127.0.0.1), with embed.js from the guide's origin.
  const guide = new URL(baseURL!).origin;
  const host = guide.replace('127.0.0.1', 'localhost');
  await page.route(`${host}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const response = await route.fetch({ url: `${guide}${path}` });
    const body = (await response.text()).replace('src="embed.js"', `src="${guide}/embed.js"`);
    await route.fulfill({ response, body });
  });
  // A page fulfilled by the test has no network address, so Chromium counts it as public and asks permission
  // to reach the loopback guide (Local Network Access); a city's page and the guide on the internet never need it.
  await page.context().grantPermissions(['local-network-access']);
  const frame = await openHost(page, `${host}/demo-host.html`);
  const src = new URL((await page.locator(FRAME).getAttribute('src'))!);
  expect(src.origin).toBe(guide);
  expect(src.searchParams.get('host')).toBe(host);
  await frame.getByRole('link', { name: '有効期限と更新の時期を調べる' }).click();
  await expect(frame.locator('#myna-root h1')).toHaveText('生年月日を入力してください');
  await frame.locator('#answer-year').fill('1985');
  await frame.locator('#answer-month').fill('10');
  await frame.locator('#answer-day').fill('10');
  await frame.getByRole('button', { name: '次へ進む' }).click();
  await expect(frame.locator('#myna-root h1')).toHaveText('国籍を選んでください');
  // Every message the guide could have sent for this page has arrived once the marker has (see `settled`).
  expect(await settled(page)).toEqual([]);
  // Not resized: still the height embed.js starts with.
  expect(await page.locator(FRAME).evaluate((f) => f.getBoundingClientRect().height)).toBe(640);
});

const MARKER = 'myna-test:marker';

/** The messages the host has received, once the guide's frame has had its next rendering step (where its height
 * is measured and sent) and a marker posted from the frame after it has arrived: messages from one window to
 * another arrive in order, so anything the guide sent is in the log by then. The marker itself is left out. */
async function settled(page: Page) {
  const frame = await guideFrame(page);
  await frame.evaluate(
    (marker) =>
      new Promise<void>((done) =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            parent.postMessage(marker, '*');
            done();
          }, 0),
        ),
      ),
    MARKER,
  );
  await expect.poll(async () => (await messages(page)).includes(MARKER)).toBe(true);
  return (await messages(page)).filter((m) => m !== MARKER);
}

test("another city's profile lets its own page embed the guide, in its colours", async ({ page, baseURL, guards }) => {
  // A second city: its page on its own https origin, its profile listing that origin and a theme. Nothing of
  // Kawasaki's is in the code: the frame gets its height and scroll messages from the profile alone.
  const guide = new URL(baseURL!).origin;
  const city = 'https://www.city.test.example';
  await page.route(`${city}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const response = await route.fetch({ url: `${guide}${path}` });
    const body = (await response.text()).replace('src="embed.js"', `src="${guide}/embed.js"`);
    await route.fulfill({ response, body });
  });
  // The city's server sends its own origin in frame-ancestors (the hosting note of README.md).
  await page.route(
    (url) => url.origin === guide && url.pathname === '/',
    async (route) => {
      const response = await route.fetch();
      const headers = response.headers();
      headers['content-security-policy'] = headers['content-security-policy'].replace(
        'https://www.city.kawasaki.jp',
        city,
      );
      await route.fulfill({ response, headers });
    },
  );
  const profile = {
    schema: 1,
    id: 'test',
    calendar_domain: 'city.test.example',
    name: { ja: 'テスト市', en: 'Test City', 'ja-easy': 'テストし' },
    embed: { allowed_hosts: ['https://www.city.example.org', city] },
    theme: {
      '--color-primitive-blue-900': '#00613a', // 6.8:1 on the quiet grey: taken
      '--color-neutral-solid-gray-800': '#999999', // 2.8:1: refused, the default stays
    },
  };
  await page.route('**/municipality.json', (route) => route.fulfill({ json: profile }));
  await page.context().grantPermissions(['local-network-access']);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const frame = await openHost(page, `${city}/demo-host.html`);
  expect(new URL((await page.locator(FRAME).getAttribute('src'))!).searchParams.get('host')).toBe(city);
  // The height arrives: the frame is as tall as the guide.
  await expectFrameFitsContent(page);
  expect((await page.locator(FRAME).evaluate((f) => f.getBoundingClientRect().height))).not.toBe(640);
  // The theme: the key colour is the city's, the text colour that failed the contrast test the guide's own.
  const link = frame.getByRole('link', { name: '有効期限と更新の時期を調べる' });
  await expect(link).toHaveCSS('color', 'rgb(0, 97, 58)');
  await expect(frame.locator('#myna-root main h1')).toHaveCSS('color', 'rgb(51, 51, 51)');
  await expectAccessible(page);
  // A step: the frame's top is brought into view, and the frame follows the new height.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await link.click();
  await expect(frame.locator('#myna-root h1')).toHaveText('生年月日を入力してください');
  await expect.poll(() => page.locator(FRAME).evaluate((f) => Math.abs(f.getBoundingClientRect().top))).toBeLessThanOrEqual(1);
  await expectFrameFitsContent(page);
  const seen = (await settled(page)) as Record<string, unknown>[];
  expect(seen.filter((m) => m.type === 'myna-guide:top').length).toBe(1);
  for (const m of seen) expect(['myna-guide:height', 'myna-guide:top']).toContain(m.type);
  // The guards hear the frame as well (so "no CSP violation" holds for the embedded guide too): a string written
  // as HTML inside it is refused by Trusted Types and reported. Made on purpose, then taken off their lists.
  await (await guideFrame(page)).evaluate(() => {
    try {
      document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
    } catch {
      // refused
    }
  });
  await expect.poll(() => guards.csp).toEqual([expect.stringMatching(/^require-trusted-types-for /)]);
  expect(guards.consoleErrors).toEqual([expect.stringContaining("requires 'TrustedHTML' assignment")]);
  guards.csp.length = 0;
  guards.consoleErrors.length = 0;
});

test('data-lang sets the language of the frame and its title', async ({ page, baseURL }) => {
  await page.route('**/demo-host.html', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('data-lang="ja"', 'data-lang="en"');
    await route.fulfill({ response, body });
  });
  const frame = await openHost(page);
  await expect(page.locator(FRAME)).toHaveAttribute('title', 'My Number Card guide');
  await expect(frame.locator('html')).toHaveAttribute('lang', 'en');
  await expect(frame.getByRole('link', { name: /Check when your card/ })).toBeVisible();
  expect(new URL((await page.locator(FRAME).getAttribute('src'))!).searchParams.get('host')).toBe(new URL(baseURL!).origin);
  await expectAccessible(page);
});
