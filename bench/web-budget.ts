/**
 * The web app's budget in Chromium: a fresh load of the demo process's overview, signed in as the
 * lead mediator, with the browser cache disabled on every run. Prints the JavaScript fetched (on
 * the wire, as the server compresses it, and gzipped) and the time until the overview's heading is
 * on screen and until the load event, median and worst of the runs. Uses the build in dist/web, or
 * builds it first when it is missing or has no compressed copies (`--build` forces a build).
 * Run: `npx tsx bench/web-budget.ts [--runs=10] [--build]`. Budget: ≤ 150 KB gzipped, ≤ 1 s.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { demoPassword } from '../src/server/demo/seed.js';
import { openBrowser } from '../e2e/support/browser.js';
import {
  dashboardScriptBudget,
  measureFreshLoad,
  type LoadMeasure,
} from '../e2e/support/budget.js';
import { startParley, webRoot } from '../e2e/support/parley.js';
import { signIn } from '../e2e/support/steps.js';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 10);
const assets = join(webRoot, 'assets');
const built =
  existsSync(join(webRoot, 'index.html')) && readdirSync(assets).some((f) => f.endsWith('.js.gz'));
if (process.argv.includes('--build') || !built) {
  console.log('Building the web app (npx vite build)…');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ` +
    `${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load average ${load()}`,
);

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
const parley = await startParley();
const browser = await openBrowser();
try {
  await browser.page.goto(parley.url);
  await signIn(browser.page, 'lead.mediator@demo.parley', demoPassword);
  const url = `${parley.url}/processes/${parley.demo.processId}`;
  // One load to warm the server (its first queries, the files in the OS cache), not counted.
  await measureFreshLoad(browser.page, url, 'NORDLYS');
  const measures: LoadMeasure[] = [];
  for (let i = 0; i < runs; i += 1)
    measures.push(await measureFreshLoad(browser.page, url, 'NORDLYS'));

  const first = measures[0];
  if (!first) throw new Error('no run');
  console.log(`\nScripts of a fresh load of the dashboard (${first.scripts.length}):`);
  for (const s of [...first.scripts].sort((a, b) => b.gzipped - a.gzipped))
    console.log(
      `  ${s.path.padEnd(44)} ${kb(s.size).padStart(9)} raw ${kb(s.gzipped).padStart(9)} gzip ` +
        `${kb(s.transferred).padStart(9)} sent (${s.encoding})`,
    );
  console.log(
    `JavaScript: ${kb(first.gzipped)} gzipped (budget ${kb(dashboardScriptBudget)}), ` +
      `${kb(first.transferred)} on the wire as sent to Chromium, ` +
      `${kb(first.scripts.reduce((n, s) => n + s.size, 0))} uncompressed`,
  );
  const sorted = (f: (m: LoadMeasure) => number) => measures.map(f).sort((a, b) => a - b);
  const median = (xs: number[]) => xs[Math.floor(xs.length / 2)] ?? NaN;
  const ready = sorted((m) => m.readyMs);
  const loadEvent = sorted((m) => m.loadEventMs);
  console.log(
    `Heading on screen: median ${median(ready).toFixed(0)} ms, worst ${ready.at(-1)?.toFixed(0)} ms; ` +
      `load event: median ${median(loadEvent).toFixed(0)} ms, worst ${loadEvent.at(-1)?.toFixed(0)} ms ` +
      `(${runs} runs, budget 1000 ms)`,
  );
  console.log(`Load average after: ${load()}`);
} finally {
  await browser.close();
  await parley.close();
}
