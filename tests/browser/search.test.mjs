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
