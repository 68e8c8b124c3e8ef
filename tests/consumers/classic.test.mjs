// The classic-script deliverables opened from file:// with the network off: a page
// saved next to dist/fahras.js (one <script src>), and the single file dist/fahras.html.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser, openPage } from '../support/browser.mjs';
import { FIRST_HITS } from '../support/corpus.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const [QUERY, FIRST_ID] = FIRST_HITS[0];

let browser;
let scratch;

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'fahras-classic-'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function assertOfflinePageSearches(file) {
  const { page, errors } = await openPage(browser, null, { offline: true });
  const requests = [];
  page.on('request', (request) => {
    if (!/^(file|data|blob):/.test(request.url())) requests.push(request.url());
  });
  try {
    await page.goto(pathToFileURL(file).href);
    const first = await page.evaluate(async (query) => {
      const engine = await window.Fahras.load();
      return engine.search(query, { limit: 3 })[0]?.id;
    }, QUERY);
    assert.ok(first?.startsWith(FIRST_ID), `Fahras.load() search: first hit ${first}`);

    // The element, driven as a user would: its value setter searches as typing does.
    await page.evaluate((query) => { document.querySelector('fahras-search').value = query; }, QUERY);
    const option = page.locator('fahras-search [role="option"]').first();
    await option.waitFor({ timeout: 10_000 });
    assert.ok((await option.textContent()).length > 0);

    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
  } finally {
    await page.context().close();
  }
}

test('a saved page with <script src="fahras.js"> works from file://', async () => {
  copyFileSync(join(dist, 'fahras.js'), join(scratch, 'fahras.js'));
  writeFileSync(join(scratch, 'saved.html'), `<!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8">
<title>saved</title><link rel="icon" href="data:,"><fahras-search></fahras-search>
<script src="fahras.js"></script></html>\n`);
  await assertOfflinePageSearches(join(scratch, 'saved.html'));
});

test('dist/fahras.html works from file:// on its own', async () => {
  copyFileSync(join(dist, 'fahras.html'), join(scratch, 'fahras.html'));
  await assertOfflinePageSearches(join(scratch, 'fahras.html'));
});
