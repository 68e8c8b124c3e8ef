// The element's attributes: placeholder, limit, and the right-to-left Arabic
// defaults that a page can override.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INPUT, WAIT, rendered, useDemo, type } from './widget.mjs';

const demo = useDemo();

test('defaults: Arabic placeholder, right-to-left, lang="ar"', async () => {
  const page = await demo.open();
  assert.equal(await page.locator(INPUT).getAttribute('placeholder'), 'ابحث…');
  assert.equal(await page.locator('fahras-search').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('fahras-search').getAttribute('lang'), 'ar');
  await page.close();
});

test('dir, lang and placeholder set by the page win', async () => {
  const page = await demo.open();
  await page.evaluate(() => {
    const element = document.createElement('fahras-search');
    element.id = 'custom';
    element.setAttribute('dir', 'ltr');
    element.setAttribute('lang', 'en');
    element.setAttribute('placeholder', 'Search the archive');
    document.body.append(element);
  });
  const custom = page.locator('#custom');
  assert.equal(await custom.getAttribute('dir'), 'ltr');
  assert.equal(await custom.getAttribute('lang'), 'en');
  assert.equal(await custom.locator('[part~="input"]').getAttribute('placeholder'), 'Search the archive');
  await page.close();
});

test('limit caps the number of results, and changing it searches again', async () => {
  const page = await demo.open();
  const unlimited = await type(page, 'سوريا');
  assert.ok(unlimited.options.length >= 3, `«سوريا» is in most articles; got ${unlimited.options.length}`);
  await page.locator('fahras-search').evaluate((element) => element.setAttribute('limit', '2'));
  const limited = await rendered(page);
  assert.deepEqual(limited.options.map((o) => o.id), unlimited.options.slice(0, 2).map((o) => o.id));
  assert.equal(limited.status, `${unlimited.status}، المعروض منها ٢`, 'the status counts every match, and says how many are shown');
  await page.close();
});

test('a value set before the element is defined is searched once it is', async () => {
  const page = await demo.browser.newPage();
  // The page's own script runs before fahras.js has defined the element.
  await page.route(`${demo.url}early.html`, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>
<body><fahras-search></fahras-search>
<script>document.querySelector('fahras-search').value = 'رونالدو';</script>
<script src="fahras.js"></script></body></html>`,
  }));
  await page.goto(`${demo.url}early.html`);
  await page.locator('fahras-search [role="option"]').first().waitFor({ timeout: WAIT });
  const state = await rendered(page);
  assert.equal(state.query, 'رونالدو');
  assert.equal(await page.locator(INPUT).inputValue(), 'رونالدو');
  assert.ok(state.options.length > 0, `results; status: ${state.status}`);
  await page.close();
});

test('label shows a visible label that names the input; without it the input is still named', async () => {
  const page = await demo.open();
  const unlabelled = page.locator('fahras-search');
  assert.equal(await unlabelled.locator('[part~="label"]').isVisible(), false, 'no visible label by default');
  assert.equal(await page.getByRole('combobox', { name: 'البحث في النصوص', exact: true }).count(), 1);

  await page.evaluate(() => {
    const element = document.createElement('fahras-search');
    element.id = 'labelled';
    element.setAttribute('label', 'ابحث في الأرشيف');
    document.body.append(element);
  });
  const label = page.locator('#labelled [part~="label"]');
  assert.equal(await label.isVisible(), true);
  assert.equal(await label.textContent(), 'ابحث في الأرشيف');
  assert.equal(await page.getByRole('combobox', { name: 'ابحث في الأرشيف', exact: true }).count(), 1,
    'the visible label is the input\'s accessible name');
  await label.click();
  assert.equal(await page.locator('#labelled [part~="input"]').evaluate((input) => input.getRootNode().activeElement === input), true,
    'a click on the label focuses the input');

  await page.locator('#labelled').evaluate((element) => element.removeAttribute('label'));
  assert.equal(await label.isVisible(), false);
  assert.equal(await page.getByRole('combobox', { name: 'البحث في النصوص', exact: true }).count(), 2);
  await page.close();
});
