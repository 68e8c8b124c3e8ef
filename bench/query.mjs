// Latency of result pages through the npm package in Node (the real engine
// module, JSON both ways): search() against query() with facets, with a filter
// and with a date sort, and document().
//
//   node bench/query.mjs <index> <queries.jsonl>...
//
// Made for the corpus of bench/mixed-corpus.mjs; see docs/benchmarks.md. Each
// query's time is its fastest of 7 runs.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { load } from '../js/node.js';
import { queriesOf } from './lib/jsonl.mjs';
import { fastest, latencyLine } from './lib/latency.mjs';

const [indexFile, ...queryFiles] = process.argv.slice(2);
if (!indexFile || queryFiles.length === 0) {
  console.error('usage: node bench/query.mjs <index> <queries.jsonl>...');
  process.exit(2);
}
const engine = await load(readFileSync(indexFile));
const queries = queriesOf(queryFiles.map((file) => readFileSync(file, 'utf8')));
const report = (name, times) => console.log(latencyLine(name, times));

const filters = { source: ['bukhari'] };
const sort = { date: 'desc' };
const started = performance.now();
engine.query('الله');
console.log(`${engine.info().documents} documents; first query after loading: ${((performance.now() - started) * 1000).toFixed(0)} µs`);
report('search(q, 10)', queries.map((q) => fastest(() => engine.search(q))));
report('query: 3 facets', queries.map((q) => fastest(() => engine.query(q))));
report('query: source filter', queries.map((q) => fastest(() => engine.query(q, { filters }))));
report('query: date sort', queries.map((q) => fastest(() => engine.query(q, { sort }))));
report('query: page at offset 1000', queries.map((q) => fastest(() => engine.query(q, { offset: 1000 }))));
console.log(`${'browse: filter + date sort'.padEnd(28)} ${fastest(() => engine.query('', { filters, sort })).toFixed(0).padStart(11)} µs`);
const top = queries.map((q) => [engine.search(q, { limit: 1 })[0]?.id, q]).filter(([id]) => id !== undefined);
const start = performance.now();
engine.document('');
console.log(`${'document: sorting the ids'.padEnd(28)} ${((performance.now() - start) * 1000).toFixed(0).padStart(11)} µs (once per index)`);
report('document(id)', top.map(([id]) => fastest(() => engine.document(id))));
report('document(id, { query })', top.map(([id, q]) => fastest(() => engine.document(id, { query: q }))));
console.log(`${'engine memory after all these'.padEnd(28)} ${(engine.info().memoryBytes / 2 ** 20).toFixed(1).padStart(11)} MiB`);
