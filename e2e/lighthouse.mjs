// Lighthouse (mobile preset) on the release build, in Debian's chromium (issue 7, docs/design.md §7): the start page
// and a result page must score performance ≥ 95, accessibility 100 and best practices 100. Prints the scores,
// LCP and TBT, writes lighthouse.json, and exits 1 below a threshold or on a Lighthouse runtime error. Run by scripts/bench,
// not by the test command: a score on a shared host moves with its load.
//
// The result page is reached as a navigation, as a returning citizen would reach it: with answers saved on this
// device (the opt-in of docs/design.md §3.7), which the guide restores at start. Usage: node lighthouse.mjs [PORT]
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const PORT = Number(process.argv[2] ?? process.env.LIGHTHOUSE_PORT ?? 8097);
const BASE = `http://127.0.0.1:${PORT}/`;
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 7);
const THRESHOLDS = { performance: 0.95, accessibility: 1, 'best-practices': 1 };

/** Answers saved by a citizen who opted in (the storage format of app/src/storage.rs; PIN_RECORD of
 * tests/pin-journey.ts): the PIN journey of cases/pin-locked-kiosk.json, whose result page has actions, places and
 * a checklist. */
const SAVED_ANSWERS = readFileSync(`${HERE}/fixtures/pin-record.json`, 'utf8');

const PAGES = [
  { name: 'start page', url: BASE, saved: null },
  { name: 'result page', url: `${BASE}#/pin/result`, saved: SAVED_ANSWERS },
];

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no server at ${BASE}`);
}

const server = spawn('python3', ['serve.py', String(PORT)], { cwd: HERE, stdio: 'ignore' });
let failed = false;
const summary = [];
try {
  await waitForServer();
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const target of PAGES) {
      // The median of RUNS runs by performance score, as Lighthouse CI does: one run on a shared 2-core
      // machine varies by several points (total blocking time is the CPU time measured, times 4), and right
      // after the Playwright suite an odd run scores about 90 (2 of 5 once, never in 40 runs alone). Seven runs
      // need four such before the median moves.
      const runs = [];
      for (let run = 0; run < RUNS; run++) {
        const page = await browser.newPage();
        if (target.saved) {
          await page.evaluateOnNewDocument((saved) => localStorage.setItem('myna-guide/v1', saved), target.saved);
        }
        const { lhr } = await lighthouse(target.url, { logLevel: 'error', output: 'json',
          onlyCategories: ['performance', 'accessibility', 'best-practices'] }, undefined, page);
        await page.close();
        runs.push(lhr);
      }
      runs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
      const lhr = runs[Math.floor(runs.length / 2)];
      const all = runs.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100)).join('/');
      // Lighthouse's own measure of the host's CPU with each run: a low one explains a low score.
      const bench = runs.map((r) => Math.round(r.environment?.benchmarkIndex ?? 0)).join('/');
      // Each run's metrics: printed with LIGHTHOUSE_EACH=1, and whenever the page fails (below).
      const each = runs.map((r) => {
        const ms = (id) => Math.round(r.audits[id]?.numericValue ?? NaN);
        return `  run: performance ${Math.round((r.categories.performance?.score ?? 0) * 100)}, FCP ${ms('first-contentful-paint')} ms, ` +
          `LCP ${ms('largest-contentful-paint')} ms, TBT ${ms('total-blocking-time')} ms, SI ${ms('speed-index')} ms, ` +
          `CLS ${(r.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)}`;
      });
      const scores = Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, c.score]));
      const lcp = Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN);
      const tbt = Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN);
      summary.push({ page: target.name, url: target.url, scores, lcp_ms: lcp, tbt_ms: tbt, runtimeError: lhr.runtimeError ?? null });
      const shown = Object.entries(scores).map(([id, s]) => `${id} ${Math.round(s * 100)}`).join(', ');
      console.log(`lighthouse ${target.name} (median of ${RUNS}; performance ${all}; benchmarkIndex ${bench}): ${shown}; LCP ${lcp} ms, TBT ${tbt} ms`);
      const passes = !lhr.runtimeError && Object.entries(THRESHOLDS).every(([id, min]) => scores[id] >= min);
      if (process.env.LIGHTHOUSE_EACH || !passes) console.log(each.join('\n'));
      if (lhr.runtimeError) {
        console.error(`lighthouse ${target.name}: runtime error ${lhr.runtimeError.code}`);
        failed = true;
      }
      for (const [id, min] of Object.entries(THRESHOLDS)) {
        if (!(scores[id] >= min)) {
          console.error(`lighthouse ${target.name}: ${id} ${scores[id]} is below ${min}`);
          for (const ref of lhr.categories[id]?.auditRefs ?? []) {
            const audit = lhr.audits[ref.id];
            if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) console.error(`  ${ref.id}: ${audit.score}`);
          }
          failed = true;
        }
      }
    }
  } finally {
    await browser.close();
  }
} finally {
  server.kill();
}
writeFileSync(`${HERE}/lighthouse.json`, JSON.stringify(summary, null, 2) + '\n');
process.exit(failed ? 1 : 0);
