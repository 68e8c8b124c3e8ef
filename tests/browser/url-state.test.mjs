// <fahras-search url-state> keeps the query in the page's address (?q=):
// replaced while typing, restored on load and on Back. A widget without the
// attribute leaves the address alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INPUT, rendered, type, useDemo, waitUntilReady } from './widget.mjs';

const demo = useDemo();

const params = (page) => new URL(page.url()).searchParams;

test('a query in the address is searched on load', async () => {
  const page = await demo.browser.newPage();
  await page.goto(`${demo.url}?q=${encodeURIComponent('رونالدو')}`);
  await waitUntilReady(page);
  const state = await rendered(page);
  assert.equal(state.query, 'رونالدو');
  assert.equal(await page.locator(INPUT).inputValue(), 'رونالدو');
  assert.ok(state.options.length > 0 && state.options[0].id.startsWith('000'), `status: ${state.status}`);
  await page.close();
});

test('typing replaces the query in the address without adding history entries', async () => {
  const page = await demo.open();
  const entries = await page.evaluate(() => history.length);
  await type(page, 'حلب');
  assert.equal(params(page).get('q'), 'حلب');
  await type(page, ' الغربي');
  assert.equal(params(page).get('q'), 'حلب الغربي');
  assert.equal(await page.evaluate(() => history.length), entries);
  await page.locator(INPUT).fill('');
  assert.equal(params(page).has('q'), false, 'an empty query leaves no q=');
  await page.close();
});

test('Back to the search page shows the query and its results again', async () => {
  const page = await demo.open();
  const typed = await type(page, 'رونالدو');
  await page.goto(`${demo.url}../widget/page.html`);
  await page.goBack();
  await waitUntilReady(page);
  const back = await rendered(page);
  assert.equal(back.query, 'رونالدو');
  assert.deepEqual(back.options.map((o) => o.id), typed.options.map((o) => o.id));
  await page.close();
});

test('without url-state the address is left alone', async () => {
  const page = await demo.open();
  await page.evaluate(() => {
    const plain = document.createElement('fahras-search');
    plain.id = 'plain';
    document.body.append(plain);
  });
  const before = page.url();
  await type(page, 'حلب', '#plain');
  assert.equal(page.url(), before);
  await page.close();
});
