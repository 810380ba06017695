// The tasks of start-up (docs/design.md §7; issue 11): lib.rs `run` draws the guide in a task of its own after the one
// that instantiates the wasm, so that no task of start-up is long on a cheap phone (Lighthouse's total blocking
// time). Measured here from a Chrome trace, in CPU time; reported in the test output.
import { test, expect } from './support';

type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string } };

test('no long task at start-up', async ({ page }) => {
  // A Chrome trace from navigation until the start page has been up for a second (the texts beyond the first view
  // arrive and are read then): the tasks of the page's main thread, by the CPU time each took (its thread time,
  // which other processes on a shared machine do not stretch as they stretch wall time), and the longest of those
  // that run the guide's code (a timer, a frame callback, a script call, the wasm's compilation; lib.rs `run`
  // runs after the task that instantiates the wasm, in a task of its own). Reported as measured and times 4, the
  // slowdown of Lighthouse's mobile preset, which counts a task over 50 ms as blocking; the bound catches only
  // a gross regression (lighthouse.mjs gives the verdict).
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.goto('/');
  await page.locator('#myna-root h1[tabindex="-1"]').waitFor();
  await page.waitForTimeout(1000);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  const main = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e: TraceEvent) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`);
  const guide = events.filter((e) => onMain(e) && /^(TimerFire|FireAnimationFrame|FunctionCall|v8\.wasm\.)/.test(e.name));
  const tasks = events.filter((e) => onMain(e) && e.name === 'RunTask');
  const runsGuide = (t: TraceEvent) => guide.some((e) => e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts <= t.ts + (t.dur ?? 0));
  const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  const longest = Math.max(...tasks.map(cpu));
  const longestGuide = Math.max(...tasks.filter(runsGuide).map(cpu));
  const x4 = (ms: number) => `${ms.toFixed(0)} ms (×4: ${(4 * ms).toFixed(0)} ms)`;
  const said = `longest task ${x4(longest)}, longest running the guide's code ${x4(longestGuide)}, CPU time, of ${tasks.length} tasks`;
  console.log(`start-up: ${said}`);
  test.info().annotations.push({ type: 'start-up tasks', description: said });
  expect(tasks.length).toBeGreaterThan(0);
  expect(4 * longestGuide).toBeLessThan(1000);
});
