// axe-core audits the demo in the states a user sees: before typing, with
// results and an active option, and with no results.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { INPUT, useDemo, type } from './widget.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING = new Set(['serious', 'critical']);

const demo = useDemo();

async function audit(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const { violations } = await page.evaluate(() => window.axe.run(document));
  return violations
    .filter((violation) => BLOCKING.has(violation.impact))
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' >>> ')).join(', ')}`);
}

const STATES = {
  'before typing': async () => {},
  'with results and an active option': async (page) => {
    await type(page, 'حلب');
    await page.locator(INPUT).press('ArrowDown');
  },
  'with no results': async (page) => {
    await type(page, 'ززززز');
  },
};

for (const [name, reach] of Object.entries(STATES)) {
  test(`axe finds no serious or critical violations ${name}`, async () => {
    const page = await demo.open();
    await reach(page);
    assert.deepEqual(await audit(page), []);
    await page.close();
  });
}
