// How soon the demo answers: from navigation start to the engine being ready
// (the fahras-ready event) and to the first result shown for a query set on the
// element at DOMContentLoaded, the earliest moment a page script can set it.
// Measured in headless Chromium on the demo `npm run build` made, served over
// HTTP (dist/index.html + dist/fahras.js), and on dist/fahras.html opened from
// file://. Each run is a fresh browser context (no cache).
//
//   node bench/startup.mjs [--runs=N] [--query=…]
//
// Prints each run and the median. The numbers depend on the machine: this is a
// measurement to compare builds on one machine, not a test.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '../scripts/serve.mjs';
import { launchBrowser } from '../tests/support/browser.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = `${ROOT}dist/`;
const TIMEOUT = 30_000;

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, query: { type: 'string', default: 'حلب' } },
});
const RUNS = Number.parseInt(values.runs, 10);
if (!(RUNS > 0)) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
const QUERY = values.query;

for (const file of ['index.html', 'fahras.js', 'fahras.html']) {
  if (!existsSync(`${DIST}${file}`)) {
    console.error(`dist/${file} is missing: run \`npm run build\` first`);
    process.exit(1);
  }
}

// Runs in the page before its own scripts: sets the query at DOMContentLoaded
// and timestamps, relative to navigation start, the engine becoming ready and
// the first option appearing in the widget.
function measureInPage(query) {
  window.startupTimings = new Promise((resolve) => {
    const timings = {};
    document.addEventListener('fahras-ready', () => {
      timings.ready ??= performance.now();
    });
    document.addEventListener('DOMContentLoaded', () => {
      timings.domContentLoaded = performance.now();
      const search = document.querySelector('fahras-search');
      new MutationObserver((_, observer) => {
        if (!search.shadowRoot.querySelector('[role="option"]')) return;
        observer.disconnect();
        timings.firstResult = performance.now();
        resolve(timings);
      }).observe(search.shadowRoot, { childList: true, subtree: true });
      search.value = query;
    });
  });
}

async function measure(browser, url) {
  const runs = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(measureInPage, QUERY);
    await page.goto(url);
    const timings = await page.evaluate((timeout) => Promise.race([
      window.startupTimings,
      new Promise((_, fail) => setTimeout(() => fail(new Error(`no result shown within ${timeout} ms`)), timeout)),
    ]), TIMEOUT);
    if (timings.ready === undefined) throw new Error(`${url}: a result was shown but fahras-ready never fired`);
    runs.push(timings);
    await context.close();
  }
  return runs;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${value.toFixed(1)} ms`.padStart(10);

function report(name, runs) {
  const lines = [`${name}`, `  ${'run'.padEnd(8)}${'DOMContentLoaded'.padStart(18)}${'engine ready'.padStart(14)}${'first result'.padStart(14)}`];
  runs.forEach((r, i) => {
    lines.push(`  ${String(i + 1).padEnd(8)}${ms(r.domContentLoaded).padStart(18)}${ms(r.ready).padStart(14)}${ms(r.firstResult).padStart(14)}`);
  });
  lines.push(`  ${'median'.padEnd(8)}${ms(median(runs.map((r) => r.domContentLoaded))).padStart(18)}`
    + `${ms(median(runs.map((r) => r.ready))).padStart(14)}${ms(median(runs.map((r) => r.firstResult))).padStart(14)}`);
  return lines.join('\n');
}

const server = await serve(DIST);
const browser = await launchBrowser();
try {
  console.log(`navigation start → engine ready → first result for «${QUERY}» set at DOMContentLoaded; ${RUNS} runs each\n`);
  console.log(report(`served demo (${server.url}: index.html + fahras.js)`, await measure(browser, server.url)));
  console.log();
  console.log(report('dist/fahras.html from file:// (everything inline)', await measure(browser, pathToFileURL(`${DIST}fahras.html`).href)));
} finally {
  await browser.close();
  await server.close();
}
