// The page `npx fahras build --split` writes, in Chromium over a real HTTP
// server: results and the reader view come from the split index's parts, and a
// part that cannot be fetched shows an error for that query while the widget
// goes on.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { load } from '../../js/node.js';
import { serve } from '../../scripts/serve.mjs';
import { launchBrowser } from '../support/browser.mjs';
import { partOnlyFor } from '../support/split.mjs';
import { DIST, INPUT, ROOT, WAIT, requireBuilt } from './widget.mjs';

let folder;
let server;
let browser;

before(async () => {
  requireBuilt('pkg/fahras-classic.js');
  folder = mkdtempSync(join(tmpdir(), 'fahras-split-page-'));
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/fahras.js'), 'build', 'corpus', '--split', '--out', folder],
    { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  // The script carries the engine and no index: the page reads the parts.
  assert.ok(!readdirSync(folder).includes('search.idx'));
  assert.ok(statSync(join(folder, 'fahras.js')).size < statSync(join(DIST, 'fahras.js')).size);
  [server, browser] = await Promise.all([serve(folder), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

/**
 * Types `text` into an emptied box and waits until the widget shows `expected`
 * ('results' or 'error'): a state left from the query before is neither.
 */
async function search(page, text, expected = 'results') {
  const input = page.locator(INPUT);
  await input.fill('');
  await input.pressSequentially(text);
  await page.waitForFunction(([text, expected]) => {
    const root = document.querySelector('fahras-search').shadowRoot;
    const error = root.querySelector('[part~="status"]').classList.contains('error');
    const results = root.querySelectorAll('[role="option"]').length > 0;
    const shown = expected === 'error' ? error : results && !error;
    return document.querySelector('fahras-search').value === text && shown;
  }, [text, expected], { timeout: WAIT });
  return page.locator('fahras-search').evaluate((element) => ({
    status: element.shadowRoot.querySelector('[part~="status"]').textContent,
    error: element.shadowRoot.querySelector('[part~="status"]').classList.contains('error'),
    ids: [...element.shadowRoot.querySelectorAll('[role="option"]')].map((option) => option.dataset.id),
  }));
}

/** The part files a fresh engine fetches to answer `q`, in Node, from the same server. */
async function partsFor(q) {
  const seen = [];
  const engine = await load(`${server.url}index/`);
  const fetchBefore = globalThis.fetch;
  globalThis.fetch = (url, ...rest) => {
    seen.push(String(url).split('/').pop());
    return fetchBefore(url, ...rest);
  };
  try {
    await engine.search(q);
  } finally {
    globalThis.fetch = fetchBefore;
  }
  return seen;
}

test('a split index gives results and opens documents in the widget', async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  const found = await search(page, 'رونالدو');
  assert.ok(found.ids[0]?.startsWith('000'), `results: ${found.ids}; status: ${found.status}`);
  await page.locator(INPUT).press('ArrowDown');
  await page.locator(INPUT).press('Enter');
  const text = page.locator('fahras-search [part~="reader-text"]');
  await text.locator('mark').first().waitFor({ timeout: WAIT });
  assert.match(await text.textContent(), /كريستيانو رونالدو/);
  await page.close();
});

test('a part that cannot be fetched shows an error for that query, and the next query works', async () => {
  const [q, elsewhere] = ['الخوذ البيضاء', 'رونالدو'];
  const victim = await partOnlyFor(partsFor, q, elsewhere);
  const file = join(folder, 'index', victim);
  const good = readFileSync(file);
  const page = await browser.newPage();
  const uncaught = [];
  page.on('pageerror', (error) => uncaught.push(error.message));
  try {
    await page.goto(server.url);
    rmSync(file);
    const failed = await search(page, q, 'error');
    assert.ok(failed.error, `status: ${failed.status}`);
    assert.match(failed.status, /تعذّر تحميل جزء من فهرس البحث/, 'the reader is told a part did not load');
    const other = await search(page, elsewhere);
    assert.ok(other.ids.length > 0 && !other.error, `the widget goes on: ${other.status}`);
    writeFileSync(file, good);
    const again = await search(page, q);
    assert.ok(again.ids.length > 0 && !again.error, `once the part is back: ${again.status}`);
    assert.deepEqual(uncaught, []);
  } finally {
    writeFileSync(file, good);
    await page.close();
  }
});
