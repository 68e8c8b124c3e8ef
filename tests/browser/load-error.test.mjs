// An index that cannot be fetched or read leaves an Arabic error message in
// the widget, not an exception on the page.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { openPage } from '../support/browser.mjs';
import { DIST, WAIT, requireBuilt, useDemo, type } from './widget.mjs';

const demo = useDemo();

const BROKEN_INDEXES = {
  'a missing index file (HTTP 404)': 'missing.bin',
  'a file that is not an index': 'index.html',
};

for (const [name, index] of Object.entries(BROKEN_INDEXES)) {
  test(`${name} shows an error message`, async () => {
    const page = await demo.open();
    const uncaught = [];
    page.on('pageerror', (error) => uncaught.push(error.message));
    await page.evaluate((index) => {
      const broken = document.createElement('fahras-search');
      broken.id = 'broken';
      broken.setAttribute('index', index);
      document.body.append(broken);
    }, index);
    const error = page.locator('#broken [part~="status"].error');
    await error.waitFor();
    assert.match(await error.textContent(), /تعذّر تحميل/);

    const state = await type(page, 'حلب', '#broken');
    assert.match(state.status, /تعذّر تحميل/, 'typing keeps the error visible');
    assert.equal(state.expanded, false);
    assert.deepEqual(uncaught, []);

    assert.ok((await type(page, 'حلب', 'main fahras-search')).options.length > 0, 'the demo widget on the same page still works');
    await page.close();
  });
}

test('an index attribute on a page opened from disk says why it cannot load, in Arabic and in English', async () => {
  requireBuilt('dist/fahras.js', 'dist/search.idx');
  const folder = mkdtempSync(join(tmpdir(), 'fahras-from-disk-'));
  try {
    copyFileSync(join(DIST, 'fahras.js'), join(folder, 'fahras.js'));
    copyFileSync(join(DIST, 'search.idx'), join(folder, 'search.idx'));
    writeFileSync(join(folder, 'index.html'), `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>من القرص</title><link rel="icon" href="data:,"></head>
<body><fahras-search index="search.idx"></fahras-search><script src="fahras.js"></script></body></html>`);
    const { page, errors } = await openPage(demo.browser, pathToFileURL(join(folder, 'index.html')).href);
    const uncaught = [];
    page.on('pageerror', (error) => uncaught.push(error.message));
    const error = page.locator('fahras-search [part~="status"].error');
    await error.waitFor({ timeout: WAIT });
    const message = await error.textContent();
    assert.match(message, /مفتوحة من القرص/, 'the reader is told why');
    assert.match(message, /HTTP/, 'and what to do: serve the folder');
    assert.match(message, /fahras build/, 'or use what fahras build writes');
    assert.ok(errors.some((text) => /file:\/\//.test(text) && /Serve the folder over HTTP/.test(text)),
      `the developer gets the reason in the console: ${errors.join(' | ')}`);
    assert.deepEqual(uncaught, []);
    await page.context().close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
