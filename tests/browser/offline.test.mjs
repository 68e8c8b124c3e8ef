// The two ways a page is used without a server, from file:// with every
// network request refused: the self-contained dist/fahras.html, and the demo
// saved as index.html + fahras.js in a folder of its own.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../support/browser.mjs';
import { ROOT, WWW, requireBuilt, type, waitUntilReady } from './widget.mjs';

// Schemes that never touch the network.
const LOCAL = /^(file|data|blob):/;

let browser;
let savedDir;
before(async () => {
  requireBuilt('dist/fahras.html', 'www/fahras.js');
  savedDir = mkdtempSync(join(tmpdir(), 'fahras-saved-page-'));
  for (const file of ['index.html', 'fahras.js']) copyFileSync(join(WWW, file), join(savedDir, file));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  if (savedDir) rmSync(savedDir, { recursive: true, force: true });
});

async function searchOffline(path) {
  const context = await browser.newContext();
  const attempted = new Set();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (LOCAL.test(url)) return route.continue();
    attempted.add(url);
    return route.abort('internetdisconnected');
  });
  context.on('request', (request) => {
    if (!LOCAL.test(request.url())) attempted.add(request.url());
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(path).href);
  await waitUntilReady(page);
  const state = await type(page, 'رونالدو');
  await context.close();
  return { state, attempted: [...attempted], errors };
}

const PAGES = {
  'dist/fahras.html': () => join(ROOT, 'dist', 'fahras.html'),
  'a saved copy of www/index.html + fahras.js': () => join(savedDir, 'index.html'),
};

for (const [name, path] of Object.entries(PAGES)) {
  test(`${name} searches from file:// without the network`, async () => {
    const { state, attempted, errors } = await searchOffline(path());
    assert.deepEqual(errors, [], 'no uncaught errors');
    assert.ok(state.options.length > 0, `results; status: ${state.status}`);
    assert.ok(state.options[0].id.startsWith('000'), `first result ${state.options[0].id}`);
    assert.deepEqual(attempted, [], 'no network request was attempted');
  });
}
