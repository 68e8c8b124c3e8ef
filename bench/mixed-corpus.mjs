// A reproducible large corpus with metadata, for the query API benchmarks
// (docs/benchmarks.md): the Quran and Sahih al-Bukhari of ../shared/corpora,
// repeated under distinct ids until the file reaches the size asked for.
//
//   node bench/mixed-corpus.mjs --mb 23 --out mixed-23.jsonl [--no-meta] [--from ../shared/corpora]
//
// Each record is { id, title, text, meta: { source, book, date } }:
//   source  "quran" or "bukhari";
//   book    a verse's surah, by the name its title starts with; for a hadith (whose
//           records carry no book) "كتاب N", N its number's hundred, a stand-in grouping;
//   date    synthetic: an ISO day between 1990-01-01 and 2024-08-26 chosen by a hash
//           of the id, so that sorting and a date facet have many distinct values.
// Copy k > 0 of a record has the id "k/<id>". The same arguments always write the
// same bytes; --no-meta writes the same records without meta, to measure what
// metadata adds to an index.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['quran', 'bukhari'];
const DAYS = 12_657; // 1990-01-01 to 2024-08-26
const DAY_MS = 86_400_000;

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : process.argv[at + 1];
}

/** FNV-1a of a string: a deterministic spread, not a secret. */
function hash(text) {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function meta(source, record, id) {
  const book = source === 'quran'
    ? record.title.split(' ')[0]
    : `كتاب ${Math.floor(Number(record.id.split(':')[1]) / 100) + 1}`;
  const date = new Date(Date.UTC(1990, 0, 1) + (hash(id) % DAYS) * DAY_MS).toISOString().slice(0, 10);
  return { source, book, date };
}

async function readRecords(dir, source) {
  const lines = createInterface({ input: createReadStream(join(dir, `${source}.jsonl`)), crlfDelay: Infinity });
  const records = [];
  for await (const line of lines) if (line.trim()) records.push(JSON.parse(line));
  return records;
}

const megabytes = Number(option('mb', '23'));
const out = option('out', null);
const withMeta = !process.argv.includes('--no-meta');
const from = option('from', join(root, '..', 'shared', 'corpora'));
if (!out || !(megabytes > 0)) {
  console.error('usage: node bench/mixed-corpus.mjs --mb <size> --out <file.jsonl> [--no-meta] [--from <dir>]');
  process.exit(2);
}

const sources = await Promise.all(SOURCES.map(async (source) => ({ source, records: await readRecords(from, source) })));
const target = megabytes * 1e6;
const file = createWriteStream(out);
let bytes = 0;
let documents = 0;
// The size is counted with meta, so that both variants hold the same records.
copies: for (let copy = 0; ; copy++) {
  for (const { source, records } of sources) {
    for (const record of records) {
      const id = copy === 0 ? record.id : `${copy}/${record.id}`;
      const full = { id, title: record.title, text: record.text, meta: meta(source, record, id) };
      const line = JSON.stringify(withMeta ? full : { id, title: record.title, text: record.text }) + '\n';
      bytes += Buffer.byteLength(JSON.stringify(full)) + 1;
      if (!file.write(line)) await new Promise((resolve) => file.once('drain', resolve));
      documents++;
      if (bytes >= target) break copies;
    }
  }
}
await new Promise((resolve) => file.end(resolve));
console.error(`${out}: ${documents} documents, ${(bytes / 1e6).toFixed(1)} MB with meta`);
