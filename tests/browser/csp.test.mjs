// A site with a strict Content-Security-Policy can use the classic bundle: no
// inline script, no eval, only the WebAssembly compile that 'wasm-unsafe-eval'
// allows. The page is served over http from 127.0.0.1 because file:// pages do
// not get CSP headers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from '../support/browser.mjs';
import { ROOT, INPUT, WAIT, rendered, requireBuilt } from './widget.mjs';

const POLICY = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'";

const PAGE = `<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>CSP</title><link rel="icon" href="data:,"><script src="/fahras.js"></script></head>
<body><fahras-search></fahras-search></body>
</html>`;

let server;
let origin;
let browser;
before(async () => {
  requireBuilt('dist/fahras.js');
  const bundle = readFileSync(join(ROOT, 'dist/fahras.js'));
  server = createServer((req, res) => {
    const headers = { 'Content-Security-Policy': POLICY, 'Cache-Control': 'no-store' };
    if (req.url === '/') res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
    else if (req.url === '/fahras.js') res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(bundle);
    else res.writeHead(404, headers).end();
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done()));
});

test('the widget searches under a strict CSP without violations', async () => {
  const { page, errors } = await openPage(browser, null);
  // Recorded from the first script on, so a violation during start-up counts too.
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(`${origin}/`);
  await page.locator(INPUT).pressSequentially('سوريا');
  await page.waitForFunction(() => {
    const root = document.querySelector('fahras-search')?.shadowRoot;
    return root && root.querySelectorAll('[role="option"]').length > 0;
  }, null, { timeout: WAIT });
  const { options } = await rendered(page);
  assert.ok(options.length > 0, 'no results');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
});
