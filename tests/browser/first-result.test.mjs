// A query entered as early as a page can enter it is searched: set on the
// element at DOMContentLoaded in the demo, and set while the element's index is
// still being fetched. How long that takes is measured by `node bench/startup.mjs`,
// not here: a time is not something a test can fail on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MESSAGES } from '../../widget/arabic-messages.js';
import { INPUT, WAIT, rendered, type, useDemo } from './widget.mjs';

const QUERY = 'حلب';

const demo = useDemo();

/** The result ids the demo shows for QUERY typed into a page whose engine is ready. */
async function typedResults() {
  const page = await demo.open();
  const { options } = await type(page, QUERY);
  await page.close();
  assert.ok(options.length > 0, `«${QUERY}» has results in the demo corpus`);
  return options.map((o) => o.id);
}

test('a query set on the element at DOMContentLoaded ends up with results', async () => {
  const expected = await typedResults();
  const context = await demo.browser.newContext();
  const page = await context.newPage();
  const uncaught = [];
  page.on('pageerror', (error) => uncaught.push(error.message));
  // Runs before the page's own scripts; the deferred fahras.js has defined the element by DOMContentLoaded.
  await page.addInitScript((query) => {
    document.addEventListener('DOMContentLoaded', () => {
      document.querySelector('fahras-search').value = query;
    });
  }, QUERY);
  await page.goto(demo.url);
  await page.locator('fahras-search [role="option"]').first().waitFor({ timeout: WAIT })
    .catch(async (error) => {
      throw new Error(`no results; the widget says: ${(await rendered(page)).status}`, { cause: error });
    });
  const state = await rendered(page);
  assert.equal(state.query, QUERY);
  assert.equal(await page.locator(INPUT).inputValue(), QUERY);
  assert.deepEqual(state.options.map((o) => o.id), expected, 'the same results as typing it later');
  assert.equal(state.status, MESSAGES.resultCount(expected.length));
  assert.equal(state.expanded, true);
  assert.deepEqual(uncaught, []);
  await context.close();
});

test('a query set while the index is still loading is searched once it has loaded', async () => {
  const expected = await typedResults();
  const page = await demo.open();
  // The index file is held back until the query has been set.
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  let asked;
  const indexAsked = new Promise((resolve) => {
    asked = resolve;
  });
  await page.route('**/search.idx', async (route) => {
    asked();
    await released;
    await route.continue();
  });
  await page.evaluate(() => {
    const late = document.createElement('fahras-search');
    late.id = 'late';
    late.setAttribute('index', 'search.idx');
    document.body.append(late);
  });
  await indexAsked;
  await page.evaluate((query) => {
    document.querySelector('#late').value = query;
  }, QUERY);
  const waiting = await rendered(page, '#late');
  assert.equal(waiting.status, MESSAGES.loading, 'the index was still loading when the query was set');
  assert.equal(waiting.options.length, 0);
  release();
  await page.locator('#late [role="option"]').first().waitFor({ timeout: WAIT })
    .catch(async (error) => {
      throw new Error(`no results; the widget says: ${(await rendered(page, '#late')).status}`, { cause: error });
    });
  const state = await rendered(page, '#late');
  assert.equal(state.query, QUERY);
  assert.deepEqual(state.options.map((o) => o.id), expected);
  assert.equal(state.status, MESSAGES.resultCount(expected.length));
  await page.close();
});
