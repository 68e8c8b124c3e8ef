// Runs one peer on one corpus and returns every figure the report shows.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { K, median, percentile, quality, qualityByKind } from './metrics.mjs';
import { bundleForBrowser, sizes } from './shipped.mjs';

const COLD_START_SCRIPT = fileURLToPath(new URL('./cold-start.mjs', import.meta.url));

async function timed(work) {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

function writeFiles(dir, files) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [name, bytes] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  }
}

function coldStart(module, dir, query) {
  const out = execFileSync(process.execPath, [COLD_START_SCRIPT, module, dir, query, String(K)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out).ms;
}

// Build time counts from documents in memory to the files a site deploys.
export async function measure({ adapter, module }, docs, queries, { shippedDir, coldRuns, rounds }) {
  const build = await timed(async () => adapter.serialize(await adapter.build(docs), docs));
  const files = build.value;
  const code = adapter.runtimeEntry ? { 'runtime.js': await bundleForBrowser(adapter.runtimeEntry) } : {};
  writeFiles(shippedDir, files);

  const coldMs = Array.from({ length: coldRuns }, () => coldStart(module, shippedDir, queries[0].q));

  // The first pass is both the judged one and the warm-up of the timed rounds.
  const searcher = await adapter.load(files);
  const judged = [];
  for (const query of queries) judged.push({ query, ids: await adapter.search(searcher, query.q, K) });
  const latencies = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const start = performance.now();
      await adapter.search(searcher, query.q, K);
      latencies.push(performance.now() - start);
    }
  }

  return {
    files,
    buildMs: build.ms,
    shipped: sizes({ ...code, ...files }),
    coldMs: median(coldMs),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    quality: quality(judged),
    byKind: qualityByKind(judged),
  };
}
