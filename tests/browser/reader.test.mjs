// A hit without a page of its own opens in the reader view: the whole
// document, its metadata, the query's words marked, scrolled to the first
// one. Escape, the back button and the browser's Back return to the results
// as they were. Offline from file:// and on a phone too.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { refusingContext } from '../support/browser.mjs';
import { DIST, INPUT, rendered, requireBuilt, type, useDemo, waitUntilReady } from './widget.mjs';

const demo = useDemo();
const folders = [];
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** What the reader view shows, and where focus and the first mark are. */
const reader = (page) => page.locator('fahras-search').evaluate((element) => {
  const root = element.shadowRoot;
  const view = root.querySelector('[part~="reader"]');
  const mark = view.querySelector('[part~="reader-text"] mark');
  const box = mark?.getBoundingClientRect();
  return {
    open: !view.hidden && view.checkVisibility(),
    resultsShown: root.querySelector('[part~="listbox"]').checkVisibility(),
    title: view.querySelector('[part~="reader-title"]')?.textContent ?? null,
    text: view.querySelector('[part~="reader-text"]')?.textContent ?? null,
    marks: [...view.querySelectorAll('[part~="reader-text"] mark')].map((m) => m.textContent),
    meta: [...view.querySelectorAll('[part~="reader-meta"] div')].map((pair) => `${pair.querySelector('dt').textContent}: ${pair.querySelector('dd').textContent}`),
    focused: root.activeElement?.getAttribute('part') ?? null,
    firstMarkInView: Boolean(box) && box.top >= 0 && box.bottom <= innerHeight,
    titleInView: (() => {
      const t = view.querySelector('[part~="reader-title"]')?.getBoundingClientRect();
      return Boolean(t) && t.top >= 0 && t.top < innerHeight;
    })(),
  };
});

async function openFirst(page, query) {
  const typed = await type(page, query);
  await page.locator(INPUT).press('ArrowDown');
  await page.locator(INPUT).press('Enter');
  await page.locator('fahras-search [part~="reader"]').waitFor();
  return typed;
}

test('Enter opens the whole document with the query marked; Escape returns to the results as they were', async () => {
  const page = await demo.open();
  const typed = await openFirst(page, 'رونالدو');
  const shown = await reader(page);
  assert.equal(shown.open, true);
  assert.equal(shown.resultsShown, false);
  assert.equal(shown.title, typed.options[0].title);
  assert.ok(shown.text.length > 500, 'the whole text, not a snippet');
  assert.ok(shown.marks.length > 0 && shown.marks.every((mark) => mark.includes('رونالدو')), `marks: ${shown.marks}`);
  assert.equal(shown.focused, 'reader-title', 'focus moves to the title, which a screen reader reads');
  assert.ok(shown.firstMarkInView, 'the first match is in view');

  await page.keyboard.press('Escape');
  const back = await rendered(page);
  assert.equal((await reader(page)).open, false);
  assert.equal(back.query, 'رونالدو');
  assert.deepEqual(back.options.map((o) => o.id), typed.options.map((o) => o.id));
  assert.equal(back.expanded, true);
  assert.equal(back.activeDescendant, back.options[0].domId, 'the opened result is the active one');
  assert.equal(await page.locator(INPUT).evaluate((input) => input.getRootNode().activeElement === input), true);
  await page.close();
});

test('the browser\'s Back and the back button return to the results; Forward reopens', async () => {
  const page = await demo.open();
  const typed = await type(page, 'حلب');
  await page.locator('fahras-search [role="option"]').nth(1).click();
  assert.equal((await reader(page)).title, typed.options[1].title);
  assert.equal(new URL(page.url()).searchParams.get('doc'), typed.options[1].id, 'url-state: the document is in the address');

  await page.goBack();
  await page.waitForFunction(() => document.querySelector('fahras-search').shadowRoot.querySelector('[part~="reader"]').hidden);
  const back = await rendered(page);
  assert.deepEqual(back.options.map((o) => o.id), typed.options.map((o) => o.id));
  assert.equal(back.query, 'حلب');
  assert.equal(new URL(page.url()).searchParams.has('doc'), false);

  await page.goForward();
  await page.waitForFunction(() => !document.querySelector('fahras-search').shadowRoot.querySelector('[part~="reader"]').hidden);
  assert.equal((await reader(page)).title, typed.options[1].title);

  await page.locator('fahras-search [part~="back"]').click();
  await page.waitForFunction(() => document.querySelector('fahras-search').shadowRoot.querySelector('[part~="reader"]').hidden);
  assert.equal(new URL(page.url()).searchParams.has('doc'), false, 'the back button went back in history');
  await page.close();
});

test('an address naming a document opens it on load', async () => {
  const page = await demo.open();
  const typed = await type(page, 'حلب');
  const id = typed.options[2].id;
  await page.goto(`${demo.url}?q=${encodeURIComponent('حلب')}&doc=${encodeURIComponent(id)}`);
  await waitUntilReady(page);
  await page.waitForFunction(() => !document.querySelector('fahras-search').shadowRoot.querySelector('[part~="reader"]').hidden);
  assert.equal((await reader(page)).title, typed.options[2].title);
  await page.keyboard.press('Escape');
  assert.equal((await reader(page)).open, false);
  assert.equal(new URL(page.url()).searchParams.has('doc'), false);
  assert.equal((await rendered(page)).options.length, typed.options.length);
  await page.close();
});

test('on a phone the opened document is in view, and Back restores the scroll position', async () => {
  const context = await demo.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(demo.url);
  await waitUntilReady(page);
  const typed = await type(page, 'سوريا');
  const option = page.locator('fahras-search [role="option"]').nth(typed.options.length - 1);
  await option.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(scrolled > 100, `the last result is below the fold (scrollY ${scrolled})`);
  await option.tap();
  const shown = await reader(page);
  assert.equal(shown.open, true);
  assert.ok(shown.titleInView || shown.firstMarkInView, 'what was opened is in view');
  assert.ok(shown.firstMarkInView, 'and its first match');

  await page.goBack();
  await page.waitForFunction(() => document.querySelector('fahras-search').shadowRoot.querySelector('[part~="reader"]').hidden);
  assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'the list is where it was');
  await context.close();
});

test('dist/fahras.html opens documents from file:// with every other request refused', async () => {
  requireBuilt('dist/fahras.html');
  const folder = mkdtempSync(join(tmpdir(), 'fahras-reader-'));
  folders.push(folder);
  copyFileSync(join(DIST, 'fahras.html'), join(folder, 'fahras.html'));
  const url = pathToFileURL(join(folder, 'fahras.html')).href;
  const { context, refused } = await refusingContext(demo.browser, [url]);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await waitUntilReady(page);
  const typed = await openFirst(page, 'رونالدو');
  const shown = await reader(page);
  assert.equal(shown.title, typed.options[0].title);
  assert.ok(shown.marks.length > 0);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('fahras-search').shadowRoot.querySelector('[part~="reader"]').hidden);
  assert.deepEqual((await rendered(page)).options.map((o) => o.id), typed.options.map((o) => o.id));
  assert.deepEqual(refused, [], 'no request but the page itself');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page that cancels fahras-select handles the hit itself: the reader view stays closed', async () => {
  const page = await demo.open();
  await page.evaluate(() => document.addEventListener('fahras-select', (event) => event.preventDefault()));
  await type(page, 'رونالدو');
  await page.locator(INPUT).press('ArrowDown');
  await page.locator(INPUT).press('Enter');
  const state = await rendered(page);
  assert.equal((await reader(page)).open, false);
  assert.equal(state.expanded, true);
  assert.equal(new URL(page.url()).searchParams.has('doc'), false);
  await page.close();
});

test('an address naming a document the index does not have says so, and keeps the results', async () => {
  const page = await demo.browser.newPage();
  const uncaught = [];
  page.on('pageerror', (error) => uncaught.push(error.message));
  await page.goto(`${demo.url}?q=${encodeURIComponent('حلب')}&doc=no-such-document`);
  await waitUntilReady(page);
  await page.locator('fahras-search [part~="status"].error').waitFor();
  const state = await rendered(page);
  assert.equal(state.status, 'لم يُعثر على هذا المستند في الفهرس.');
  assert.equal((await reader(page)).open, false);
  assert.ok(state.options.length > 0, 'the results of the query are there');
  assert.deepEqual(uncaught, []);
  await page.close();
});

test('over the reader view, Escape in the search box goes back to the results and keeps the query', async () => {
  const page = await demo.open();
  const typed = await openFirst(page, 'رونالدو');
  await page.locator(INPUT).focus();
  await page.locator(INPUT).press('ArrowDown');
  assert.equal((await rendered(page)).expanded, false, 'the arrows do not open a list under the reader view');
  await page.locator(INPUT).press('Escape');
  await page.waitForFunction(() => document.querySelector('fahras-search').shadowRoot.querySelector('[part~="reader"]').hidden);
  const back = await rendered(page);
  assert.equal(back.query, 'رونالدو');
  assert.deepEqual(back.options.map((o) => o.id), typed.options.map((o) => o.id));
  assert.equal(back.expanded, true);
  await page.close();
});

test('the reader view shows the metadata, dates in Arabic with Arabic-Indic digits', async () => {
  const page = await demo.open();
  await type(page, 'إدلب');
  await page.locator('fahras-search [role="option"][data-id^="004"]').click();
  const shown = await reader(page);
  assert.equal(shown.open, true);
  // corpus/fahras.meta.json: "date": "2023-10", "category": "حملات", "source": "SY24".
  assert.deepEqual(shown.meta.sort(), ['القسم: حملات', 'المصدر: SY24', 'التاريخ: أكتوبر ٢٠٢٣'].sort());
  await page.close();
});

test('a query read otherwise than typed says how it was read, and the document opens marked as it was found', async () => {
  const page = await demo.open();
  // حلب typed with the Latin layout still on.
  const typed = await openFirst(page, 'pgf');
  assert.match(typed.status, /عرض نتائج: حلب/);
  const shown = await reader(page);
  assert.ok(shown.marks.length > 0 && shown.marks.every((mark) => mark.includes('حلب')), `marks: ${shown.marks}`);
  await page.keyboard.press('Escape');
  assert.doesNotMatch((await type(page, 'حلب')).status, /عرض نتائج/, 'nothing to say for a query found as typed');
});
