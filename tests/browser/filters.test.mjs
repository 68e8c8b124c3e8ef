// With metadata in the index, the widget offers filters (each value with its
// count in Arabic-Indic digits, keys named in Arabic or as the page says) and
// «الأحدث أولاً» when a key holds dates; a filter with an empty query lists
// what it selects.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INPUT, audit, rendered, type, useCorpus } from './widget.mjs';

const DOCUMENTS = [
  { id: 'a', title: 'سوق الخضار', text: 'ارتفعت أسعار الخضار في السوق', meta: { category: 'اقتصاد', date: '2024-03-01', region: 'حلب' } },
  { id: 'b', title: 'موسم القمح', text: 'أسعار القمح في السوق هذا العام', meta: { category: 'اقتصاد', date: '2024-06-15', region: 'إدلب' } },
  { id: 'c', title: 'مباراة الكأس', text: 'السوق الرياضية ومباراة الكأس', meta: { category: 'رياضة', date: '2023-11-20', region: 'حلب' } },
  { id: 'd', title: 'انتخابات البلدية', text: 'حديث السوق عن الانتخابات', meta: { category: 'سياسة', date: '2024-01-05', region: 'حلب' } },
  { id: 'e', title: 'أسعار الذهب', text: 'الذهب في السوق', meta: { category: 'اقتصاد', date: '2022-08-09', region: 'إدلب' } },
];
const corpus = useCorpus(DOCUMENTS, 'labels="region:المنطقة"');

/** The filters as shown: per key its legend and its values with their counts. */
const filters = (page) => page.locator('fahras-search').evaluate((element) => {
  const root = element.shadowRoot;
  const panel = root.querySelector('[part~="filters"]');
  return {
    visible: !panel.hidden && panel.checkVisibility(),
    groups: [...root.querySelectorAll('[part~="facet"]')].map((group) => ({
      legend: group.querySelector('legend').textContent,
      values: [...group.querySelectorAll('[part~="filter"]')].map((filter) => [
        filter.querySelector('span').textContent, filter.querySelector('.count').textContent, filter.querySelector('input').checked,
      ]),
    })),
    orders: [...root.querySelectorAll('[part~="sort"] option')].map((option) => option.textContent),
  };
});

const check = (page, key, value) => page.locator(`fahras-search input[data-key="${key}"][data-value="${value}"]`).click();

test('filters with counts, named in Arabic, and an order by date', async () => {
  const page = await corpus.open();
  const state = await type(page, 'السوق');
  assert.equal(state.options.length, 5, `status: ${state.status}`);
  const shown = await filters(page);
  assert.equal(shown.visible, true);
  assert.deepEqual(shown.groups, [
    { legend: 'القسم', values: [['اقتصاد', '٣', false], ['رياضة', '١', false], ['سياسة', '١', false]] },
    { legend: 'المنطقة', values: [['حلب', '٣', false], ['إدلب', '٢', false]] },
  ]);
  assert.deepEqual(shown.orders, ['الأكثر صلة', 'الأحدث أولاً', 'الأقدم أولاً']);
  assert.deepEqual(await audit(page), [], 'axe finds no serious or critical violations');
  await page.close();
});

test('choosing values narrows the results; values of one key add up, keys narrow each other', async () => {
  const page = await corpus.open();
  await type(page, 'السوق');
  await check(page, 'category', 'اقتصاد');
  let state = await rendered(page);
  assert.deepEqual(state.options.map((o) => o.id).sort(), ['a', 'b', 'e']);
  assert.equal(state.status, '٣ نتائج');
  // Counts of the other values of a key stay those without its own filter (disjunctive).
  let shown = await filters(page);
  assert.deepEqual(shown.groups[0].values, [['اقتصاد', '٣', true], ['رياضة', '١', false], ['سياسة', '١', false]]);
  assert.deepEqual(shown.groups[1].values, [['إدلب', '٢', false], ['حلب', '١', false]]);

  await check(page, 'category', 'رياضة');
  assert.deepEqual((await rendered(page)).options.map((o) => o.id).sort(), ['a', 'b', 'c', 'e']);
  await check(page, 'region', 'حلب');
  state = await rendered(page);
  assert.deepEqual(state.options.map((o) => o.id).sort(), ['a', 'c']);
  assert.equal(state.status, 'نتيجتان');
  await page.close();
});

test('newest first orders by date; with an empty query a filter lists what it selects', async () => {
  const page = await corpus.open();
  await type(page, 'السوق');
  await page.locator('fahras-search [part~="sort"]').selectOption({ label: 'الأحدث أولاً' });
  assert.deepEqual((await rendered(page)).options.map((o) => o.id), ['b', 'a', 'd', 'c', 'e']);
  await page.locator('fahras-search [part~="sort"]').selectOption({ label: 'الأقدم أولاً' });
  assert.deepEqual((await rendered(page)).options.map((o) => o.id), ['e', 'c', 'd', 'a', 'b']);

  await page.locator(INPUT).fill('');
  await page.locator('fahras-search [part~="sort"]').selectOption({ label: 'الأكثر صلة' });
  const empty = await rendered(page);
  assert.equal(empty.options.length, 0, 'an empty query with nothing chosen lists nothing');
  assert.equal((await filters(page)).visible, true, 'but offers the filters');

  await check(page, 'region', 'إدلب');
  const browsed = await rendered(page);
  assert.deepEqual(browsed.options.map((o) => o.id).sort(), ['b', 'e']);
  assert.equal(browsed.status, 'نتيجتان');
  await page.close();
});

test('with url-state the filters and the order are in the address, and restored from it', async () => {
  const page = await corpus.open();
  await page.locator('fahras-search').evaluate((element) => element.setAttribute('url-state', ''));
  await type(page, 'السوق');
  await check(page, 'category', 'اقتصاد');
  await check(page, 'category', 'رياضة');
  await page.locator('fahras-search [part~="sort"]').selectOption({ label: 'الأحدث أولاً' });
  const chosen = await rendered(page);
  assert.deepEqual(chosen.options.map((o) => o.id), ['b', 'a', 'c', 'e']);
  const params = new URL(page.url()).searchParams;
  assert.equal(params.get('q'), 'السوق');
  assert.deepEqual(params.getAll('f.category'), ['اقتصاد', 'رياضة']);
  assert.equal(params.get('sort'), '-date');

  // The same address in a fresh page (the attribute set before the element is defined).
  const shared = await corpus.browser.newPage();
  await shared.route(`${corpus.url}shared.html*`, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>
<body><fahras-search index="corpus.bin" url-state></fahras-search><script src="fahras.js"></script></body></html>`,
  }));
  await shared.goto(`${corpus.url}shared.html?${params}`);
  await shared.locator('fahras-search [role="option"]').first().waitFor();
  const restored = await rendered(shared);
  assert.equal(restored.query, 'السوق');
  assert.deepEqual(restored.options.map((o) => o.id), ['b', 'a', 'c', 'e']);
  const shown = await filters(shared);
  assert.deepEqual(shown.groups[0].values.filter(([, , checked]) => checked).map(([value]) => value), ['اقتصاد', 'رياضة']);
  assert.equal(await shared.locator('fahras-search [part~="sort"]').inputValue(), 'date:desc');
  await shared.close();
  await page.close();
});
