// axe-core audits the demo in the states a user sees: before typing, with
// results and an active option, and with no results.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INPUT, audit, useDemo, type } from './widget.mjs';

const demo = useDemo();

const STATES = {
  'before typing': async () => {},
  'with results and an active option': async (page) => {
    await type(page, 'حلب');
    await page.locator(INPUT).press('ArrowDown');
  },
  'with no results': async (page) => {
    await type(page, 'ززززز');
  },
  'with a correction offered': async (page) => {
    await type(page, 'رونلدو');
  },
  'in the reader view': async (page) => {
    await type(page, 'حلب');
    await page.locator(INPUT).press('ArrowDown');
    await page.locator(INPUT).press('Enter');
    await page.locator('fahras-search [part~="reader"]').waitFor();
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
