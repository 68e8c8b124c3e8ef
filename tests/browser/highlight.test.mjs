// <fahras-search highlight> sends the query along with a hit's link, and
// widget/fahras-highlight.js on the page it leads to marks the query's words:
// whatever their diacritics, tatweel or form of hamza, with clitics in front,
// as text only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type, useCorpus } from './widget.mjs';

// Marked: written with diacritics, with tatweel, another hamza, a clitic, a suffix.
const MARKED = ['الإنْقَاذُ', 'والانقــاذ', 'وبالإنقاذ', 'للإنقاذ', 'إنقاذهم'];
// Not marked: other words, and the query's words inside markup that is only text here.
const PAGE = `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>تقرير</title><link rel="icon" href="data:,">
<script src="fahras-highlight.js" defer></script></head>
<body><nav>الرئيسية</nav><main>
<div style="height: 3000px">مقدمة طويلة لا ذكر فيها للكلمة</div>
<p id="first">عملت فرق ${MARKED[0]} طوال الليل، ${MARKED[1]} مستمر.</p>
<p>قال المتحدث <b>${MARKED[2]}</b> نبدأ ${MARKED[3]}، وشكر فرق ${MARKED[4]}. أما المنقذ والنقاذة فلا.</p>
<p>&lt;i onclick="window.pwned=1"&gt;الإنقاذ&lt;/i&gt;</p>
<script>var text = 'الإنقاذ';</script>
</main></body></html>`;

const corpus = useCorpus([
  { id: 'report', title: 'تقرير الإنقاذ', url: 'report.html', text: 'عملت فرق الإنقاذ طوال الليل' },
  { id: 'mail', title: 'راسلونا عن الإنقاذ', url: 'mailto:editor@example.org', text: 'الإنقاذ' },
], 'highlight', {
  'report.html': PAGE,
  'renamed.html': PAGE.replace('<script src="fahras-highlight.js"', '<script data-param="q" src="fahras-highlight.js"'),
  'fahras-highlight.js': { copy: 'widget/fahras-highlight.js' },
});

async function openReport(page, query, address = `report.html?fahras-highlight=${encodeURIComponent(query)}`) {
  await page.goto(`${corpus.url}${address}`);
  await page.waitForFunction(() => document.readyState === 'complete');
  return page.evaluate(() => ({
    marks: [...document.querySelectorAll('mark.fahras-highlight')].map((mark) => mark.textContent),
    elements: [...document.querySelectorAll('main *')].map((element) => element.tagName),
    pwned: window.pwned ?? null,
    scrollY: window.scrollY,
    firstInView: (() => {
      const box = document.querySelector('mark.fahras-highlight')?.getBoundingClientRect();
      return Boolean(box) && box.top >= 0 && box.bottom <= innerHeight;
    })(),
  }));
}

test('hit links carry the query when the widget asks; mailto links do not', async () => {
  const page = await corpus.open();
  const state = await type(page, 'الإنقاذ');
  const report = state.options.find((option) => option.id === 'report');
  const mail = state.options.find((option) => option.id === 'mail');
  assert.equal(new URL(report.href).searchParams.get('fahras-highlight'), 'الإنقاذ');
  assert.equal(mail.href, 'mailto:editor@example.org');

  await page.locator('fahras-search').evaluate((element) => element.setAttribute('highlight', 'q'));
  const renamed = (await type(page, ' ')).options.find((option) => option.id === 'report');
  assert.equal(new URL(renamed.href).searchParams.get('q'), 'الإنقاذ');

  await page.locator('fahras-search').evaluate((element) => element.removeAttribute('highlight'));
  const plain = (await type(page, ' ')).options.find((option) => option.id === 'report');
  assert.equal(plain.href, new URL('report.html', corpus.url).href, 'without the attribute the link is the document\'s');
  await page.close();
});

test('following the link marks the query\'s words on the page, however they are written', async () => {
  const page = await corpus.open();
  await type(page, 'الإنقاذ');
  await Promise.all([page.waitForURL(/report\.html/), page.locator('fahras-search [data-id="report"]').click()]);
  await page.waitForFunction(() => document.readyState === 'complete');
  const marks = await page.evaluate(() => [...document.querySelectorAll('mark.fahras-highlight')].map((mark) => mark.textContent));
  assert.deepEqual(marks, [...MARKED, 'الإنقاذ']);
  await page.close();
});

test('the first mark is scrolled into view; nothing from the page or the URL becomes markup', async () => {
  const page = await corpus.open();
  const hostile = `الانقاذ <img src=x onerror="window.pwned='url'">`;
  const result = await openReport(page, hostile);
  assert.deepEqual(result.marks, [...MARKED, 'الإنقاذ']);
  assert.ok(result.scrollY > 1000 && result.firstInView, `scrolled to ${result.scrollY}`);
  assert.deepEqual([...new Set(result.elements)].sort(), ['B', 'DIV', 'MARK', 'P', 'SCRIPT']);
  assert.equal(result.pwned, null);
  await page.close();
});

test('a page without the parameter, or with only excluded words, is left alone', async () => {
  const page = await corpus.open();
  assert.deepEqual((await openReport(page, '')).marks, []);
  assert.deepEqual((await openReport(page, '-الإنقاذ')).marks, []);
  await page.close();
});

test('data-param="q" on the script reads the query from another parameter', async () => {
  const page = await corpus.open();
  assert.deepEqual((await openReport(page, '', `renamed.html?q=${encodeURIComponent('الإنقاذ')}`)).marks, [...MARKED, 'الإنقاذ']);
  assert.deepEqual((await openReport(page, '', `renamed.html?fahras-highlight=${encodeURIComponent('الإنقاذ')}`)).marks, []);
  await page.close();
});
