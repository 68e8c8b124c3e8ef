// npm run bench: every peer on every corpus, in one process run, with the same
// queries; prints the tables and writes docs/benchmarks.md and .svg.
//   node bench/run.mjs [--corpora=default,quran] [--peers=fahras,lunr]
// A run limited by either option prints its tables but leaves docs/ alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadAdapters } from './adapters/index.mjs';
import { chart } from './lib/chart.mjs';
import { measureInChromium } from './lib/chromium.mjs';
import { CACHE_DIR, CORPORA, loadCorpus } from './lib/corpora.mjs';
import { parseJsonl } from './lib/jsonl.mjs';
import { measure } from './lib/measure.mjs';
import { generateQueries } from './lib/queries.mjs';
import { consoleReport, markdownReport } from './lib/report.mjs';
import { bundleForBrowser } from './lib/shipped.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const DOCS_DIR = path.join(BENCH_DIR, '..', 'docs');
const SEED = 20250101;
const QUERY_COUNT = 300;
const COLD_RUNS = 5;
const ROUNDS = 5;

const { values: options } = parseArgs({ options: { corpora: { type: 'string' }, peers: { type: 'string' } } });
const selected = (option) => option?.split(',').map((name) => name.trim().toLowerCase());

function queriesFor(corpus, docs) {
  if (corpus.queryFile) return parseJsonl(fs.readFileSync(path.join(BENCH_DIR, 'queries', corpus.queryFile), 'utf8'));
  return generateQueries(docs, { seed: SEED, count: QUERY_COUNT });
}

function countKinds(queries) {
  const kinds = {};
  for (const { kind } of queries) kinds[kind] = (kinds[kind] ?? 0) + 1;
  return kinds;
}

function versionsOf(packages) {
  return packages
    .map((name) => {
      const manifest = JSON.parse(fs.readFileSync(path.join(BENCH_DIR, 'node_modules', name, 'package.json'), 'utf8'));
      return `${name} ${manifest.version}`;
    })
    .join(', ');
}

const started = performance.now();
const loadAtStart = os.loadavg()[0];
const corpora = CORPORA.filter((c) => !options.corpora || selected(options.corpora).includes(c.name));
const peers = await loadAdapters(selected(options.peers));
for (const { adapter } of peers) await adapter.prepare?.();

const results = { corpora: [] };
let chromiumVersion;
try {
  for (const corpus of corpora) {
    const docs = loadCorpus(corpus);
    const queries = queriesFor(corpus, docs);
    const entry = {
      name: corpus.name,
      title: corpus.title,
      docs: docs.length,
      textBytes: docs.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0),
      queries: queries.length,
      kinds: countKinds(queries),
      peers: [],
      chromium: null,
    };
    for (const peer of peers) {
      process.stderr.write(`${corpus.name}: ${peer.adapter.name}…\n`);
      const shippedDir = path.join(CACHE_DIR, 'shipped', corpus.name, peer.name);
      const { files, ...figures } = await measure(peer, docs, queries, { shippedDir, coldRuns: COLD_RUNS, rounds: ROUNDS });
      const { name, setup, snippet, packages } = peer.adapter;
      entry.peers.push({ name, setup, snippet, versions: versionsOf(packages), ...figures });
      if (peer.name === 'fahras') {
        process.stderr.write(`${corpus.name}: Fahras in Chromium…\n`);
        entry.chromium = await measureInChromium({
          runtime: await bundleForBrowser(peer.adapter.runtimeEntry),
          index: files[peer.adapter.indexFile],
          queries,
          coldRuns: COLD_RUNS,
          rounds: ROUNDS,
        });
        chromiumVersion = entry.chromium.version;
      }
    }
    results.corpora.push(entry);
  }
} finally {
  for (const { adapter } of peers) await adapter.close?.();
}

const KEPT = '<!-- Measured by other scripts (see each section); bench/run.mjs keeps what follows. -->';

results.meta = {
  date: new Date().toISOString().slice(0, 10),
  cpu: os.cpus()[0].model.trim(),
  cores: os.cpus().length,
  // Other work on the machine skews every timing; the report says how much there was.
  loadAverage: [loadAtStart, os.loadavg()[0]],
  node: process.versions.node,
  chromium: chromiumVersion,
  seed: SEED,
  queryCount: QUERY_COUNT,
  coldRuns: COLD_RUNS,
  rounds: ROUNDS,
  durationMs: performance.now() - started,
};

process.stdout.write(consoleReport(results));
// The raw figures of the last run, to compare runs or redraw the report.
fs.writeFileSync(path.join(CACHE_DIR, 'results.json'), JSON.stringify(results, null, 1));
if (!options.corpora && !options.peers) {
  fs.mkdirSync(DOCS_DIR, { recursive: true });
  // Sections measured by other scripts follow KEPT in the file, and stay.
  const report = path.join(DOCS_DIR, 'benchmarks.md');
  const previous = fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : '';
  const kept = previous.includes(KEPT) ? `\n${previous.slice(previous.indexOf(KEPT))}` : '';
  fs.writeFileSync(report, markdownReport(results) + kept);
  fs.writeFileSync(path.join(DOCS_DIR, 'benchmarks.svg'), chart(results));
  process.stderr.write(`wrote docs/benchmarks.md and docs/benchmarks.svg\n`);
}
