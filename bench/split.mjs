// A whole index against a split one, as a reader on a slow link gets them:
// headless Chromium loads dist/fahras.js from a local server that adds a round
// trip to every request and shares one link of limited bandwidth among all
// responses (gzip-compressed, as static hosts send them). For each kind of
// index: time and bytes to the first result (a fresh browser context per
// query, so no cache), then per later query in one page. Plain HTTP/1.1 lets
// Chromium open 6 connections to a host; --h2 serves HTTP/2 over TLS (a
// certificate made for the run), as most static hosts do, where every request
// of a round trip goes out at once.
//
//   node bench/split.mjs --whole <index> --split <dir/> --queries <q.jsonl> [--h2] [--rtt 50] [--mbit 20] [--runs 15] [--later 40]
//
// Needs `npm run build` (dist/fahras.js) and an index written both ways by
// `fahras index` (with and without --split). The numbers depend on the machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../tests/support/browser.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    whole: { type: 'string' },
    split: { type: 'string' },
    queries: { type: 'string' },
    rtt: { type: 'string', default: '50' },
    mbit: { type: 'string', default: '20' },
    runs: { type: 'string', default: '15' },
    later: { type: 'string', default: '40' },
    h2: { type: 'boolean', default: false },
  },
});
if (!values.whole || !values.split || !values.queries) {
  console.error('usage: node bench/split.mjs --whole <index> --split <dir/> --queries <q.jsonl> [--rtt 50] [--mbit 20] [--runs 15] [--later 40]');
  process.exit(2);
}
const RTT = Number(values.rtt);
const BYTES_PER_MS = (Number(values.mbit) * 1e6) / 8 / 1000;
const queries = readFileSync(values.queries, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).q);

const files = new Map([
  ['/fahras.js', join(ROOT, 'dist/fahras.js')],
  ['/whole.idx', resolve(values.whole)],
]);
const splitDir = resolve(values.split);
const gzipped = new Map();
function body(path) {
  const file = files.get(path) ?? (path.startsWith('/split/') ? join(splitDir, basename(path)) : null);
  if (!file) return null;
  if (!gzipped.has(file)) {
    try {
      statSync(file);
    } catch {
      return null;
    }
    gzipped.set(file, gzipSync(readFileSync(file)));
  }
  return gzipped.get(file);
}

// One link: responses leave one after another at the link's rate, each a round trip after its request.
let linkFreeAt = 0;
let sent = { bytes: 0, requests: 0 };
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
async function handle(request, response) {
  const path = new URL(request.url, 'http://x').pathname;
  if (path === '/') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><link rel="icon" href="data:,"><script src="fahras.js"></script></head><body></body></html>');
    return;
  }
  const bytes = body(path);
  await sleep(RTT / 2);
  if (!bytes) {
    response.writeHead(404);
    response.end();
    return;
  }
  const start = Math.max(performance.now() + RTT / 2, linkFreeAt);
  linkFreeAt = start + bytes.length / BYTES_PER_MS;
  await sleep(linkFreeAt - performance.now());
  sent.bytes += bytes.length;
  sent.requests += 1;
  response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'no-store' });
  response.end(bytes);
}

/** A certificate and key for 127.0.0.1, made for this run. */
function certificate() {
  const dir = mkdtempSync(join(tmpdir(), 'fahras-bench-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const pair = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  rmSync(dir, { recursive: true, force: true });
  return pair;
}

const server = values.h2 ? createSecureServer({ ...certificate(), allowHTTP1: true }, handle) : createServer(handle);
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const base = `${values.h2 ? 'https' : 'http'}://127.0.0.1:${server.address().port}/`;
const browser = await launchBrowser();
const contextOptions = { ignoreHTTPSErrors: values.h2 };

async function firstResult(index, q) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForFunction(() => globalThis.Fahras);
  sent = { bytes: 0, requests: 0 };
  const ms = await page.evaluate(async ([index, q]) => {
    const start = performance.now();
    const engine = await Fahras.load(new URL(index, location.href));
    await engine.query(q);
    return performance.now() - start;
  }, [index, q]);
  const result = { ms, ...sent };
  await context.close();
  return result;
}

async function laterQueries(index, qs) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForFunction(() => globalThis.Fahras);
  await page.evaluate(async (index) => {
    globalThis.engine = await Fahras.load(new URL(index, location.href));
  }, index);
  const out = [];
  for (const q of qs) {
    sent = { bytes: 0, requests: 0 };
    const ms = await page.evaluate(async (q) => {
      const start = performance.now();
      await globalThis.engine.query(q);
      return performance.now() - start;
    }, q);
    out.push({ ms, ...sent });
  }
  await context.close();
  return out;
}

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * p)];
};
const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;
console.log(`${values.h2 ? 'HTTP/2' : 'HTTP/1.1'}, ${RTT} ms round trip, ${values.mbit} Mbit/s; whole index ${kb(body('/whole.idx').length)} gzipped`);
for (const [name, index] of [['whole', 'whole.idx'], ['split', 'split/']]) {
  const first = [];
  for (const q of queries.slice(0, Number(values.runs))) first.push(await firstResult(index, q));
  const later = await laterQueries(index, queries.slice(Number(values.runs), Number(values.runs) + Number(values.later)));
  for (const [what, runs] of [['first result', first], ['later query', later]]) {
    const f = (key, p) => pct(runs.map((r) => r[key]), p);
    console.log(`${name.padEnd(6)} ${what.padEnd(13)} time median ${f('ms', 0.5).toFixed(0)} ms p90 ${f('ms', 0.9).toFixed(0)} ms | `
      + `bytes median ${kb(f('bytes', 0.5))} p90 ${kb(f('bytes', 0.9))} | requests median ${f('requests', 0.5)} p90 ${f('requests', 0.9)}`);
  }
}
await browser.close();
server.close();
