// Playwright on Debian's chromium (never `npx playwright install`: only package registries are reachable).
// Runs against the release build in ../dist, served by serve.py with the production CSP (docs/design.md §6.4).
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 8081);
/** The e2e-only build with the `test-panic` feature (scripts/test builds it into ../dist-test-panic). */
const PANIC_PORT = Number(process.env.E2E_PANIC_PORT ?? 8082);
const PANIC_DIST = `${__dirname}/../dist-test-panic/index.html`;
const server = (port: number, dist = '') => ({
  command: `python3 serve.py ${port} ${dist}`.trim(),
  url: `http://127.0.0.1:${port}/`,
  reuseExistingServer: !process.env.CI,
  timeout: 30_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
});

export default defineConfig({
  testDir: './tests',
  forbidOnly: !!process.env.CI,
  retries: 0, // a flaky test is a bug
  timeout: 120_000, // a whole journey with axe on every page takes 20–40 s on 2 cores
  reporter: [['list']],
  workers: 2, // 2 cores: 3.6 min instead of 5.4 (the tests share nothing but the server)
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    // A service worker would answer requests before page.route() sees them (a test's own municipality.json,
    // say); only offline.spec.ts lets the guide's worker run.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox', // root (docs/toolchain.md trap 9)
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking', // no calls to Google services (trap 10)
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  // The release build, and the test-panic build when it is there (tests/panic.spec.ts fails without it).
  webServer: [server(PORT), ...(existsSync(PANIC_DIST) ? [server(PANIC_PORT, 'dist-test-panic')] : [])],
});
