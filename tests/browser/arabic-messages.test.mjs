// The result count agrees with its number as Arabic requires (0, 1, 2, 3–10,
// 11–99, 100–102, …), checked in the browser whose Intl the widget uses; numbers
// are written in Arabic-Indic digits, as Intl.NumberFormat writes them.
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
    const { MESSAGES } = await import('../widget/arabic-messages.js');
    return Object.fromEntries(counts.map((n) => [n, MESSAGES.resultCount(n)]));
  }, Object.keys(COUNTS).map(Number));
  assert.deepEqual(said, COUNTS);
  await page.close();
});

test('numbers are written as Intl.NumberFormat writes them in Arabic', async () => {
  const page = await demo.open();
  const numbers = [0, 7, 10, 99, 100, 999, 1000, 1234, 12345, 123456, 1234567, 9007199254740991];
  const { ours, intl } = await page.evaluate(async (numbers) => {
    const { arabicNumber } = await import('../widget/arabic-messages.js');
    const intl = new Intl.NumberFormat('ar-u-nu-arab');
    return { ours: numbers.map(arabicNumber), intl: numbers.map((n) => intl.format(n)) };
  }, numbers);
  assert.deepEqual(ours, intl);
  // The demo's footer uses the same function, through window.Fahras.
  const stats = await page.locator('#stats').textContent();
  const { documents, terms } = await page.evaluate(() => window.Fahras.load().then((e) => e.info()));
  const intlText = await page.evaluate(([d, t]) => [d, t].map((n) => new Intl.NumberFormat('ar-u-nu-arab').format(n)), [documents, terms]);
  for (const text of intlText) assert.ok(stats.includes(text), `${stats} includes ${text}`);
  await page.close();
});
