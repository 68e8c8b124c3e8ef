// «هل تقصد»: a misspelt word is offered its correction (the engine found the
// results by a fuzzy match, so waiting for zero results never showed one), a
// query with no results is offered what does find something, and a known word
// or a word still being typed is offered nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INPUT, rendered, type, useDemo } from './widget.mjs';

const demo = useDemo();

const choices = (page) => page.locator('fahras-search [part~="suggestions"]').evaluate((group) => ({
  visible: !group.hidden && group.checkVisibility(),
  label: group.getAttribute('aria-label'),
  queries: [...group.querySelectorAll('button')].map((button) => button.textContent),
}));

const CASES = [
  // [what is typed, what is offered]
  ['رونلدو', ['رونالدو']],
  ['رونلدو كلونيي', ['رونالدو كلوني']],
  ['"حلب رونالدو"', ['حلب رونالدو']],
];

for (const [query, offered] of CASES) {
  test(`«${query}» offers ${offered.map((q) => `«${q}»`).join(', ')}, and choosing it searches it`, async () => {
    const page = await demo.open();
    const before = await type(page, query);
    const shown = await choices(page);
    assert.equal(shown.visible, true, `status: ${before.status}`);
    assert.match(shown.label, /هل تقصد/);
    assert.deepEqual(shown.queries, offered);

    await page.locator('fahras-search [part~="suggestion"]').first().click();
    const after = await rendered(page);
    assert.equal(after.query, offered[0]);
    assert.ok(after.options.length > 0, `results for the offered query; status: ${after.status}`);
    assert.equal((await choices(page)).visible, false, 'a query of known words is offered nothing');
    assert.equal(await page.locator(INPUT).evaluate((input) => input.getRootNode().activeElement === input), true);
    await page.close();
  });
}

for (const query of ['حلب', 'رونال', 'المرصد السوريه', 'ززززز']) {
  test(`«${query}» offers nothing`, async () => {
    const page = await demo.open();
    const state = await type(page, query);
    assert.match(state.status, /نتائج|نتيج/, 'the search ran');
    assert.equal((await choices(page)).visible, false);
    await page.close();
  });
}
