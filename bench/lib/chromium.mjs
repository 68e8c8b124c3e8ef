// Fahras in a real browser: headless Chromium loads the package's browser
// build from a page served on 127.0.0.1 and times cold start and queries there.
import http from 'node:http';
// The project's one way to start Chromium on its machines (flags, executable).
import { launchBrowser } from '../../tests/support/browser.mjs';
import { K, median, percentile } from './metrics.mjs';

// Cross-origin isolation raises performance.now() from 100 µs steps to 5 µs,
// which single queries need to be timed at all.
const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

function serve(routes) {
  const server = http.createServer((request, response) => {
    const route = routes[new URL(request.url, 'http://127.0.0.1').pathname];
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': route.type, ...ISOLATION }).end(route.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// Runs inside the page. Everything is fetched before the clock starts, as the
// Node cold start has its files in memory.
async function coldStartInPage({ query, k }) {
  const [code, index] = await Promise.all([
    fetch('/fahras.js').then((r) => r.text()),
    fetch('/index.bin').then((r) => r.arrayBuffer()),
  ]);
  const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  const start = performance.now();
  const { load } = await import(url);
  const engine = await load(new Uint8Array(index));
  engine.search(query, { limit: k });
  return performance.now() - start;
}

async function latenciesInPage({ rounds, k }) {
  const [{ load }, index, queries] = await Promise.all([
    import('/fahras.js'),
    fetch('/index.bin').then((r) => r.arrayBuffer()),
    fetch('/queries.json').then((r) => r.json()),
  ]);
  const engine = await load(new Uint8Array(index));
  for (const q of queries) engine.search(q, { limit: k });
  const samples = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of queries) {
      const start = performance.now();
      engine.search(q, { limit: k });
      samples.push(performance.now() - start);
    }
  }
  return { samples, isolated: crossOriginIsolated };
}

export async function measureInChromium({ runtime, index, queries, coldRuns, rounds }) {
  const server = await serve({
    '/': { type: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>fahras bench</title>' },
    '/fahras.js': { type: 'text/javascript', body: runtime },
    '/index.bin': { type: 'application/octet-stream', body: index },
    '/queries.json': { type: 'application/json', body: JSON.stringify(queries.map((q) => q.q)) },
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const url = `http://127.0.0.1:${server.address().port}/`;
    const coldMs = [];
    for (let run = 0; run < coldRuns; run++) {
      await page.goto(url);
      coldMs.push(await page.evaluate(coldStartInPage, { query: queries[0].q, k: K }));
    }
    await page.goto(url);
    const { samples, isolated } = await page.evaluate(latenciesInPage, { rounds, k: K });
    if (!isolated) throw new Error('the bench page is not cross-origin isolated: its timer is too coarse');
    return {
      version: browser.version(),
      coldMs: median(coldMs),
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
    };
  } finally {
    await browser.close();
    server.close();
  }
}
