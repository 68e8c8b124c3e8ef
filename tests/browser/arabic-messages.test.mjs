// The result count agrees with its number as Arabic requires (0, 1, 2, 3–10,
// 11–99, 100–102, …), checked in the browser whose Intl the widget uses.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDemo } from './widget.mjs';

const demo = useDemo();

const COUNTS = {
  0: 'لا توجد نتائج',
  1: 'نتيجة واحدة',
  2: 'نتيجتان',
  3: '٣ نتائج',
  10: '١٠ نتائج',
  11: '١١ نتيجة',
  99: '٩٩ نتيجة',
  100: '١٠٠ نتيجة',
  102: '١٠٢ نتيجة',
  103: '١٠٣ نتائج',
  111: '١١١ نتيجة',
};

test('result counts use the right Arabic plural form', async () => {
  const page = await demo.open();
  const said = await page.evaluate(async (counts) => {
    const { MESSAGES } = await import('./arabic-messages.js');
    return Object.fromEntries(counts.map((n) => [n, MESSAGES.resultCount(n)]));
  }, Object.keys(COUNTS).map(Number));
  assert.deepEqual(said, COUNTS);
  await page.close();
});
