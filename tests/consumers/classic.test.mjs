// The classic-script bundle's global API: a page of one's own, saved next to
// dist/fahras.js and opened from file://, calls window.Fahras.load().
// (The demo pages themselves are tested offline in tests/browser/offline.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, openPage } from '../support/browser.mjs';
import { FIRST_HITS } from '../support/corpus.mjs';

test('window.Fahras.load() works from file:// with one <script src>', async (t) => {
  const scratch = mkdtempSync(join(tmpdir(), 'fahras-classic-'));
  const browser = await launchBrowser();
  t.after(async () => {
    await browser.close();
    rmSync(scratch, { recursive: true, force: true });
  });
  copyFileSync(new URL('../../dist/fahras.js', import.meta.url), join(scratch, 'fahras.js'));
  writeFileSync(join(scratch, 'page.html'), `<!doctype html><meta charset="utf-8"><title>saved</title>
<link rel="icon" href="data:,"><script src="fahras.js"></script>\n`);

  const { page, errors } = await openPage(browser, pathToFileURL(join(scratch, 'page.html')).href, { offline: true });
  const firsts = await page.evaluate(async (cases) => {
    const engine = await window.Fahras.load();
    return cases.map(([query]) => engine.search(query, { limit: 1 })[0]?.id);
  }, FIRST_HITS);
  FIRST_HITS.forEach(([query, id], i) => assert.ok(firsts[i]?.startsWith(id), `${query}: first hit ${firsts[i]}`));
  assert.ok(await page.evaluate(() => customElements.get('fahras-search') !== undefined));
  assert.deepEqual(errors, []);
});
