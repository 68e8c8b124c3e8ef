// The status line counts every match, not the page shown; «المزيد من النتائج»
// loads the next page after those shown, says so to screen readers, and puts
// the keyboard on the first new result.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INPUT, rendered, type, useCorpus } from './widget.mjs';

const TOTAL = 23;
const corpus = useCorpus(Array.from({ length: TOTAL }, (_, n) => ({
  id: `report-${String(n).padStart(2, '0')}`,
  title: `تقرير رقم ${n}`,
  // Each report mentions the harvest a different number of times, so that they rank apart.
  text: `${'تقرير عن موسم الحصاد في القرى. '.repeat(1 + (n % 7))}وفيه أرقام العام ${2000 + n}.`,
})), 'limit="10"');

test('the status counts every match; «more» loads the next pages until all are shown', async () => {
  const page = await corpus.open();
  const first = await type(page, 'الحصاد');
  assert.equal(first.options.length, 10);
  assert.equal(first.status, '٢٣ نتيجة، المعروض منها ١٠');
  const more = page.locator('fahras-search [part~="more"]');
  assert.equal(await more.isVisible(), true);
  assert.equal(await more.textContent(), 'المزيد من النتائج');

  await more.click();
  const second = await rendered(page);
  assert.equal(second.options.length, 20);
  assert.deepEqual(second.options.slice(0, 10).map((o) => o.id), first.options.map((o) => o.id), 'the first page stays');
  assert.equal(new Set(second.options.map((o) => o.id)).size, 20, 'the next page brings new results');
  assert.equal(second.status, 'أُضيفت ١٠ نتائج. ٢٣ نتيجة، المعروض منها ٢٠');
  assert.equal(await page.locator('fahras-search [role="status"]').getAttribute('aria-live'), 'polite');
  assert.equal(second.activeDescendant, second.options[10].domId, 'the first new result is the active one');
  assert.equal(await page.locator(INPUT).evaluate((input) => input.getRootNode().activeElement === input), true);

  await more.click();
  const last = await rendered(page);
  assert.equal(last.options.length, TOTAL);
  assert.equal(last.status, `أُضيفت ٣ نتائج. ٢٣ نتيجة`);
  assert.equal(await more.isVisible(), false, 'nothing more to load');
  const ids = last.options.map((o) => o.id).sort();
  assert.deepEqual(ids, Array.from({ length: TOTAL }, (_, n) => `report-${String(n).padStart(2, '0')}`));

  // A new query starts from its first page again.
  const other = await type(page, ' ٢٠٠٥');
  assert.ok(other.options.length <= 10);
  await page.close();
});
