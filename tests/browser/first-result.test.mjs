// Measures, and reports, how long after navigation starts the demo shows its
// first result for a query entered as early as the page allows. No tight
// bound is asserted: the number depends on the machine.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDemo } from './widget.mjs';

const RUNS = 5;
const QUERY = 'حلب';

const demo = useDemo();

// Runs in the page before its own scripts: enters the query at
// DOMContentLoaded (the element is defined by then) and timestamps, relative
// to navigation start, the engine becoming ready and the first option appearing.
function measureInPage(query) {
  window.timings = new Promise((resolve) => {
    const timings = {};
    document.addEventListener('fahras-ready', () => {
      timings.ready = performance.now();
    });
    document.addEventListener('DOMContentLoaded', () => {
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

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

test('time from page load to first result', async (t) => {
  const runs = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(measureInPage, QUERY);
    await page.goto(demo.url);
    runs.push(await page.evaluate(() => window.timings));
    await context.close();
  }
  for (const { ready, firstResult } of runs) {
    assert.ok(ready <= firstResult, 'results come after the engine is ready');
  }
  const report = `load → first result for «${QUERY}»: median ${median(runs.map((r) => r.firstResult)).toFixed(1)} ms `
    + `(engine ready at ${median(runs.map((r) => r.ready)).toFixed(1)} ms; `
    + `runs: ${runs.map((r) => r.firstResult.toFixed(1)).join(', ')} ms)`;
  t.diagnostic(report);
});
