// The two ways a page is used without a server, from file:// with every other
// request refused: the self-contained dist/fahras.html copied alone into an
// empty folder, and the demo saved as index.html + fahras.js in a folder of
// its own. Only the files that make up each page may be read; any other
// request, file:, http: or otherwise, is aborted and recorded, so a page that
// still needed fahras.js beside it, or the network, fails.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { launchBrowser, refusingContext } from '../support/browser.mjs';
import { DIST, requireBuilt, type, waitUntilReady } from './widget.mjs';

let browser;
const folders = [];
before(async () => {
  requireBuilt('dist/fahras.html', 'dist/index.html', 'dist/fahras.js');
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Copies `files` of dist/ into a new empty folder; returns their file: URLs, in order. */
function copyAlone(files) {
  const folder = mkdtempSync(join(tmpdir(), 'fahras-offline-'));
  folders.push(folder);
  return files.map((file) => {
    copyFileSync(join(DIST, file), join(folder, file));
    return pathToFileURL(join(folder, file)).href;
  });
}

/** Opens `urls[0]` allowing requests for `urls` only; searches, and returns what happened. */
async function searchOffline(urls) {
  const allowed = new Set(urls);
  const context = await browser.newContext();
  const refused = new Set();
  // Everything the page asks for goes through here: navigation, scripts, fetches, file: URLs too.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed.has(url)) return route.continue();
    refused.add(url);
    return route.abort('accessdenied');
  });
  // And anything that a route would not see (none should) is recorded as well.
  context.on('request', (request) => {
    if (!allowed.has(request.url())) refused.add(request.url());
  });
  const requested = new Set();
  context.on('request', (request) => requested.add(request.url()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(urls[0]);
  try {
    await waitUntilReady(page);
    return { state: await type(page, 'رونالدو'), refused: [...refused], requested: [...requested], errors };
  } catch (error) {
    throw new Error(`${error.message}\nrefused: ${[...refused].join(', ') || 'nothing'}; page errors: ${errors.join('; ') || 'none'}`,
      { cause: error });
  } finally {
    await context.close();
  }
}

const PAGES = {
  'dist/fahras.html, copied alone,': ['fahras.html'],
  'a saved copy of dist/index.html + fahras.js': ['index.html', 'fahras.js'],
};

for (const [name, files] of Object.entries(PAGES)) {
  test(`${name} searches from file:// with every other request refused`, async () => {
    const urls = copyAlone(files);
    const { state, refused, requested, errors } = await searchOffline(urls);
    assert.deepEqual(errors, [], 'no uncaught errors');
    assert.ok(state.options.length > 0, `results; status: ${state.status}`);
    assert.ok(state.options[0].id.startsWith('000'), `first result ${state.options[0].id}`);
    assert.deepEqual(refused, [], 'no other request was attempted');
    // The page did load what it is made of, and through the route above.
    assert.deepEqual(requested.sort(), [...urls].sort());
  });
}

// The check above is only as good as the route: a page that asks for a file
// beside it must be seen asking, and be refused.
test('a request for a file that is not part of the page is refused and recorded', async () => {
  const [html] = copyAlone(['index.html']);
  const { context, refused } = await refusingContext(browser, [html]);
  const page = await context.newPage();
  await page.goto(html);
  await page.waitForFunction(() => document.readyState === 'complete');
  assert.deepEqual(refused, [new URL('fahras.js', html).href]);
  assert.equal(await page.evaluate(() => typeof window.Fahras), 'undefined', 'fahras.js did not run');
  await context.close();
});
