// Documents are untrusted input. An index built by the command (`fahras index`)
// from documents full of markup, script URLs and bidi overrides must render as
// plain text, link only to safe URLs, and run nothing. Every test first checks
// that the hostile index loaded and that all its documents were found, so that
// none can pass on an empty result list.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser } from '../support/browser.mjs';
import { serve } from '../../scripts/serve.mjs';
import { DIST, INPUT, ROOT, WAIT, rendered, requireBuilt, type } from './widget.mjs';

// Every payload, if it ever ran, would set window.pwned to its own name.
const HOSTILE = [
  {
    id: 'img-title',
    title: '<img src=x onerror="window.pwned=\'img-title\'"> حلب',
    url: 'javascript:window.pwned="javascript-url"',
    text: 'حلب <img src=x onerror="window.pwned=\'img-text\'">',
  },
  {
    id: 'script-title',
    title: '<script>window.pwned="script-title"</script>',
    url: ' JaVa\tScRiPt:window.pwned="disguised-javascript-url"',
    text: 'حلب <script>window.pwned="script-text"</script>',
  },
  {
    id: 'bidi-title',
    title: 'بيان \u202Etxt.exe\u202C رسمي',
    url: 'data:text/html,<script>parent.pwned="data-url"</script>',
    text: 'حلب \u202Eمعكوس\u2066 isolate',
  },
  { id: 'vbscript-url', title: 'vbscript', url: 'vbscript:msgbox("pwned")', text: 'حلب' },
  { id: '<b id="markup-id">x</b>', title: 'markup id', url: 'https://example.org/a?b=<c>&d="e"', text: 'حلب' },
  { id: 'relative-url', title: 'relative', url: 'articles/7.html', text: 'حلب' },
  { id: 'mailto-url', title: 'mailto', url: 'mailto:editor@example.org', text: 'حلب' },
];
const LINKED = new Set(['<b id="markup-id">x</b>', 'relative-url', 'mailto-url']);
// What the widget's shadow tree is made of; anything else came from document text.
const WIDGET_TAGS = new Set(['STYLE', 'LABEL', 'INPUT', 'DIV', 'BUTTON', 'A', 'SPAN', 'MARK', 'SELECT', 'OPTION', 'SECTION']);

let dir;
let server;
let browser;
before(async () => {
  requireBuilt('dist/fahras.js', 'pkg/fahras-cli.wasm');
  dir = mkdtempSync(join(tmpdir(), 'fahras-hostile-'));
  mkdirSync(join(dir, 'corpus'));
  writeFileSync(join(dir, 'corpus', 'hostile.jsonl'), HOSTILE.map((doc) => JSON.stringify(doc)).join('\n'));
  // The command a user runs (npx fahras), from the build `npm run build` made.
  const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'fahras.js'), 'index', join(dir, 'corpus'), '-o', join(dir, 'hostile.bin')],
    { cwd: ROOT, encoding: 'utf8' });
  assert.equal(cli.status, 0, `fahras index failed:\n${cli.stderr}`);
  // The demo's script: its own index is the demo corpus; the page's index attribute replaces it.
  copyFileSync(join(DIST, 'fahras.js'), join(dir, 'fahras.js'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>hostile</title><link rel="icon" href="data:,"></head>
<body><fahras-search index="hostile.bin" limit="20"></fahras-search><script src="fahras.js"></script></body></html>`);
  [server, browser] = await Promise.all([serve(dir), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openHostilePage() {
  const page = await browser.newPage();
  const incidents = [];
  page.on('dialog', (dialog) => {
    incidents.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  page.on('pageerror', (error) => incidents.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (!['/', '/fahras.js', '/hostile.bin'].includes(path)) incidents.push(`request: ${request.url()}`);
  });
  // Recorded from the first script on: the engine may be ready before any later script runs.
  await page.addInitScript(() => {
    document.addEventListener('fahras-ready', (event) => {
      window.fahrasReady = event.detail;
    });
  });
  await page.goto(server.url);
  // Typed only once the index has loaded, and it must be the hostile index, not the demo's.
  const ready = await page.waitForFunction(() => window.fahrasReady, null, { timeout: WAIT })
    .then((handle) => handle.jsonValue())
    .catch(async (error) => {
      throw new Error(`the hostile index did not load; the widget says: ${(await rendered(page)).status}`, { cause: error });
    });
  assert.equal(ready.documents, HOSTILE.length, 'the page opened hostile.bin');
  const state = await type(page, 'حلب');
  // Every hostile document says حلب: all of them, and only them, are found.
  assert.deepEqual(state.options.map((o) => o.id).sort(), HOSTILE.map((doc) => doc.id).sort(), `status: ${state.status}`);
  return { page, state, incidents };
}

const pwned = (page) => page.evaluate(() => window.pwned ?? null);

test('titles with markup and bidi controls render as the exact text', async () => {
  const { page, state, incidents } = await openHostilePage();
  for (const option of state.options) {
    assert.equal(option.title, HOSTILE.find((doc) => doc.id === option.id).title);
  }
  const tags = await page.evaluate(() => [...document.querySelector('fahras-search').shadowRoot.querySelectorAll('*')].map((e) => e.tagName));
  assert.deepEqual([...new Set(tags)].filter((tag) => !WIDGET_TAGS.has(tag)), [], 'no element came from document text');
  assert.equal(await page.locator('#markup-id').count(), 0);
  // A dir attribute isolates each title and snippet, so an unclosed override cannot reorder the rest of the widget.
  const isolation = await page.evaluate(() => [...document.querySelector('fahras-search').shadowRoot
    .querySelectorAll('[part~="title"], [part~="snippet"]')].map((e) => `${e.dir} ${getComputedStyle(e).unicodeBidi}`));
  assert.deepEqual([...new Set(isolation)], ['rtl isolate']);
  assert.equal(await pwned(page), null);
  assert.deepEqual(incidents, []);
  await page.close();
});

test('only http(s), relative and mailto URLs become links', async () => {
  const { page, state } = await openHostilePage();
  for (const option of state.options) {
    const { url } = HOSTILE.find((doc) => doc.id === option.id);
    const expected = LINKED.has(option.id) ? new URL(url, server.url).href : null;
    assert.equal(option.href, expected, `link of ${option.id}`);
  }
  await page.close();
});

test('selecting a hit with a script URL runs nothing and goes nowhere', async () => {
  const { page, state, incidents } = await openHostilePage();
  const index = state.options.findIndex((option) => option.id === 'img-title');
  for (let step = 0; step <= index; step += 1) await page.locator(INPUT).press('ArrowDown');
  assert.equal((await rendered(page)).activeDescendant, state.options[index].domId);
  await page.locator(INPUT).press('Enter');
  // Unlinked, each opens in the reader view; Escape goes back to the list.
  await page.keyboard.press('Escape');
  for (const id of ['img-title', 'script-title', 'bidi-title', 'vbscript-url']) {
    await page.locator(`fahras-search [role="option"][data-id="${id}"]`).click();
    await page.keyboard.press('Escape');
  }
  assert.equal(page.url(), server.url);
  assert.equal(await pwned(page), null);
  assert.deepEqual(incidents, []);
  await page.close();
});

test('a linked hit is followed, unless a fahras-select listener cancels it', async () => {
  const { page, state } = await openHostilePage();
  const linked = page.locator('fahras-search [role="option"][data-id="relative-url"]');
  await page.evaluate(() => {
    document.addEventListener('fahras-select', (event) => {
      window.handled = event.detail.id;
      event.preventDefault();
    }, { once: true });
  });
  await linked.click();
  assert.equal(await page.evaluate(() => window.handled), 'relative-url');
  assert.equal(page.url(), server.url, 'the cancelled selection stayed on the page');

  const index = state.options.findIndex((option) => option.id === 'relative-url');
  await page.locator(INPUT).press('Escape');
  for (let step = 0; step <= index; step += 1) await page.locator(INPUT).press('ArrowDown');
  await Promise.all([page.waitForURL(`${server.url}articles/7.html`), page.locator(INPUT).press('Enter')]);
  await page.close();
});
