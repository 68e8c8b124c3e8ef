// Latency of result pages in headless Chromium: the npm package's browser
// module, served from this repository, over an index given by path. Each
// query's time is its fastest of 7 runs; p50 and p99 over the queries, and the
// engine's memory after them. The Node counterpart is bench/query.mjs.
//
//   node bench/query-chromium.mjs <index> <queries.jsonl>...
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/support/browser.mjs';
import { queriesOf } from './lib/jsonl.mjs';
import { latencyLine } from './lib/latency.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const [indexFile, ...queryFiles] = process.argv.slice(2);
if (!indexFile || queryFiles.length === 0) {
  console.error('usage: node bench/query-chromium.mjs <index> <queries.jsonl>...');
  process.exit(2);
}
const queries = queriesOf(queryFiles.map((file) => readFileSync(file, 'utf8')));

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html; charset=utf-8' };
const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://x').pathname;
  const file = path === '/index.idx' ? resolve(indexFile) : path === '/' ? null : join(ROOT, path);
  try {
    const body = file ? readFileSync(file) : '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">';
    response.writeHead(200, {
      'content-type': file ? TYPES[extname(file)] ?? 'application/octet-stream' : TYPES['.html'],
      // Cross-origin isolated, the page's clock is precise to microseconds rather than 100 µs.
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    response.end(body);
  } catch {
    response.writeHead(404);
    response.end();
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const browser = await launchBrowser();
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);

if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('the page is not cross-origin isolated: its clock is coarse');
const result = await page.evaluate(async (queries) => {
  const { load } = await import('/js/browser.js');
  const { fastest } = await import('/bench/lib/latency.mjs');
  const engine = await load('/index.idx');
  const calls = {
    'search(q, 10)': (q) => engine.search(q),
    'query(q): total, facets': (q) => engine.query(q),
  };
  const times = Object.fromEntries(Object.entries(calls).map(([name, call]) => [name, queries.map((q) => fastest(() => call(q)))]));
  return { times, documents: engine.info().documents, memory: engine.info().memoryBytes };
}, queries);

console.log(`${result.documents} documents, ${queries.length} queries, in Chromium`);
for (const [name, times] of Object.entries(result.times)) console.log(latencyLine(name, times));
console.log(`${'engine memory after these'.padEnd(28)} ${(result.memory / 2 ** 20).toFixed(1).padStart(11)} MiB`);
await browser.close();
server.close();
