// Your own site, the way the README tells a publisher to do it: the packed npm
// package installed into a scratch project whose PATH has no Rust toolchain,
// `npx fahras build public/ --out public/fahras/` over a site of built pages
// full of navigation, footers, scripts, styles, forms and ignored blocks, then,
// in Chromium with every network request refused, the bundle's fahras.html
// opened from file:// and a page of the site that includes fahras.js: both find
// words of the pages' text, with the pages' urls, and nothing for words that
// only occur in the noise.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser } from '../support/browser.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

// Words that occur once each, in one place of the site.
const BODY = { زيتونيات: '/news/olives.html', قهوجيات: '/', مخطوطاتنا: '/library/' };
const NOISE = ['قائمتنااللامعة', 'تذييلناالقديم', 'سكريبتنايعمل', 'تنسيقنااللطيف', 'استمارتناالطويلة', 'مخفيةتماما', 'متجاهلةكليا'];

function page(title, main) {
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>${title} | موقعنا</title>
<meta name="author" content="فريق التحرير">
<style>/* ${NOISE[3]} */ body { color: #222; }</style>
<script>var note = "${NOISE[2]}";</script></head>
<body>
<nav><a href="/">الرئيسية</a> <a href="/news/">${NOISE[0]}</a></nav>
<main>${main}
<form><label>${NOISE[4]}</label><input name="q"></form>
<div hidden>${NOISE[5]}</div>
<aside data-fahras-ignore>${NOISE[6]} ومواد ذات صلة</aside>
</main>
<footer>${NOISE[1]} © ٢٠٢٤</footer>
</body></html>
`;
}

let scratch;
let site;
let browser;

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'fahras-site-'));
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'site', private: true }));
  execFileSync('npm', ['install', '--no-package-lock', '--no-audit', '--no-fund', join(scratch, packed.filename)],
    { cwd: scratch, stdio: ['ignore', 'ignore', 'inherit'] });
  site = join(scratch, 'public');
  mkdirSync(join(site, 'news'), { recursive: true });
  mkdirSync(join(site, 'library'), { recursive: true });
  writeFileSync(join(site, 'index.html'), page('الرئيسية', '<h1>مرحبا</h1><p>مقهى الحي يقدم قهوجيات الصباح</p>'));
  writeFileSync(join(site, 'news', 'olives.html'), page('خبر', '<h1>موسم الزيتون</h1><p>بدأ قطاف <b>زيتون</b>يات الجبل هذا الأسبوع</p>'));
  writeFileSync(join(site, 'library', 'index.html'), page('المكتبة', '<h1>المكتبة</h1><p>رقمنة مخطوطاتنا القديمة</p>'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('npx fahras build writes the bundle with no Rust toolchain on the PATH', () => {
  // Node's own directory and the system's, without ~/.cargo/bin or anything else.
  const PATH = [...new Set([dirname(process.execPath), '/usr/bin', '/bin'])].join(':');
  for (const tool of ['cargo', 'rustc']) {
    assert.notEqual(spawnSync('sh', ['-c', `command -v ${tool}`], { env: { PATH } }).status, 0, `${tool} is reachable`);
  }
  const run = spawnSync('npx', ['--no-install', 'fahras', 'build', 'public/', '--out', 'public/fahras/'],
    { cwd: scratch, env: { PATH, HOME: scratch }, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /indexed 3 documents from 3 files/);
  for (const file of ['fahras.js', 'fahras.html', 'search.idx']) {
    assert.ok(existsSync(join(site, 'fahras', file)), `${file} written`);
  }
  // Built again over its own output: the bundle is not indexed as a page, and nothing else is touched.
  writeFileSync(join(site, 'fahras', 'notes.txt'), 'ملاحظة');
  const again = spawnSync('npx', ['--no-install', 'fahras', 'build', 'public/', '--out', 'public/fahras/'],
    { cwd: scratch, env: { PATH, HOME: scratch }, encoding: 'utf8' });
  assert.equal(again.status, 0, again.stderr);
  assert.equal(readFileSync(join(site, 'fahras', 'notes.txt'), 'utf8'), 'ملاحظة');
});

/** Opens `path` from file:// with every request but `allowed` files refused; returns search results per query. */
async function searchOffline(path, allowed, queries) {
  const context = await browser.newContext();
  const refused = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed.includes(url)) return route.continue();
    refused.push(url);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(path).href);
  const results = await page.evaluate(async (qs) => {
    const engine = await window.Fahras.load();
    return Object.fromEntries(qs.map((q) => [q, engine.search(q).map((hit) => hit.url)]));
  }, queries);
  // The widget too: typing a body word shows its page as a link.
  await page.locator('fahras-search [part~="input"]').fill(Object.keys(BODY)[0]);
  await page.waitForFunction(() => document.querySelector('fahras-search').shadowRoot.querySelector('[role="option"]'));
  const href = await page.evaluate(() => document.querySelector('fahras-search').shadowRoot.querySelector('[role="option"]').getAttribute('href'));
  await context.close();
  return { results, refused, errors, href };
}

function assertFinds({ results, refused, errors, href }) {
  assert.deepEqual(errors, []);
  assert.deepEqual(refused, [], 'no request other than the page and its script');
  for (const [word, url] of Object.entries(BODY)) assert.deepEqual(results[word], [url], `${word} finds its page`);
  for (const word of NOISE) assert.deepEqual(results[word], [], `${word} occurs only in skipped parts`);
  assert.match(href, /\/news\/olives\.html$/);
}

test('fahras.html from file:// finds the text of the pages and not their noise', async () => {
  const html = join(site, 'fahras', 'fahras.html');
  assertFinds(await searchOffline(html, [pathToFileURL(html).href], [...Object.keys(BODY), ...NOISE]));
});

test('a page of the site that includes fahras.js finds the same', async () => {
  const search = join(site, 'search.html');
  writeFileSync(search, `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>بحث</title>
<link rel="icon" href="data:,"><script src="fahras/fahras.js"></script></head><body><fahras-search></fahras-search></body></html>`);
  const script = pathToFileURL(join(site, 'fahras', 'fahras.js')).href;
  assertFinds(await searchOffline(search, [pathToFileURL(search).href, script], [...Object.keys(BODY), ...NOISE]));
});
