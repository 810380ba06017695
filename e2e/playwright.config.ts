// Playwright on Debian's chromium (never `npx playwright install`: only package registries are reachable).
// Runs against the release build in ../dist, served by serve.py with the production CSP (design.md §6.4).
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 8081);

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
            '--no-sandbox', // root (toolchain.md trap 9)
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
  webServer: {
    command: `python3 serve.py ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
