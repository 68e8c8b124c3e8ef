// Typing Arabic into the demo's <fahras-search> finds the right article of
// the default corpus and highlights what matched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INPUT, rendered, useDemo, type } from './widget.mjs';

const demo = useDemo();

const EXPECTED_FIRST = [
  // [query, the first result's id prefix(es), a word the highlights must include]
  ['ريف حلب الغربي', ['004'], 'حلب'],
  ['رونالدو', ['000'], 'رونالدو'],
  ['بَشّار الأَسَد', ['002', '003'], null],
];

for (const [query, ids, highlighted] of EXPECTED_FIRST) {
  test(`typing «${query}» puts ${ids.join(' or ')} first, with highlights`, async () => {
    const page = await demo.open();
    const state = await type(page, query);
    assert.equal(state.query, query);
    assert.ok(state.expanded, 'the listbox is open');
    assert.ok(state.options.length > 0, `results for «${query}»; status: ${state.status}`);
    const first = state.options[0];
    assert.ok(ids.some((id) => first.id.startsWith(id)), `first result is ${first.id}, expected ${ids}`);
    assert.ok(first.marks.length > 0, 'the first snippet highlights the match with <mark>');
    if (highlighted) assert.ok(first.marks.some((mark) => mark.includes(highlighted)), `marks: ${first.marks}`);
    await page.close();
  });
}

test('every keystroke updates the results', async () => {
  const page = await demo.open();
  const found = await type(page, 'رونالدو');
  assert.ok(found.options[0].id.startsWith('000'));
  assert.match(found.status, /نتيج/);

  const nothing = await type(page, 'ززز');
  assert.equal(nothing.query, 'رونالدوززز');
  assert.equal(nothing.options.length, 0);
  assert.equal(nothing.expanded, false);
  assert.equal(nothing.status, 'لا توجد نتائج');

  await page.locator(INPUT).press('Backspace');
  await page.locator(INPUT).press('Backspace');
  await page.locator(INPUT).press('Backspace');
  const back = await rendered(page);
  assert.deepEqual(back.options.map((o) => o.id), found.options.map((o) => o.id));
  await page.close();
});

test('before typing, the widget shows an Arabic hint and no listbox', async () => {
  const page = await demo.open();
  const state = await rendered(page);
  assert.equal(state.query, '');
  assert.equal(state.expanded, false);
  assert.match(state.status, /اكتب/);
  await page.close();
});

test('the demo offers its category filter and newest first, which lists every article by date', async () => {
  const page = await demo.open();
  const sort = page.locator('fahras-search [part~="sort"]');
  assert.deepEqual(await sort.locator('option').allTextContents(), ['الأكثر صلة', 'الأحدث أولاً', 'الأقدم أولاً']);
  const legends = await page.locator('fahras-search [part~="facet"] legend').allTextContents();
  assert.deepEqual(legends, ['القسم'], 'categories group articles; sources, each of one article, are not offered');

  await sort.selectOption({ label: 'الأحدث أولاً' });
  const newest = await rendered(page);
  assert.equal(newest.options.length, 5, `every article, with an empty query; status: ${newest.status}`);
  // 004 is dated 2023-10 and 001 2018-07-25; the others have no date and come after.
  assert.deepEqual(newest.options.slice(0, 2).map((o) => o.id.slice(0, 3)), ['004', '001']);

  await page.locator('fahras-search input[data-key="category"][data-value="حملات"]').click();
  const campaigns = await rendered(page);
  assert.deepEqual(campaigns.options.map((o) => o.id.slice(0, 3)), ['004', '002']);
  assert.equal(campaigns.status, 'نتيجتان');
  await page.close();
});
