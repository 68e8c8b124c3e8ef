// The built npm package as Node loads it (the exports map's "node" condition), with
// the demo's index (dist/search.idx, written by `npm run build`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load, MAX_ANALYZE_LENGTH } from 'fahras';
import { FIRST_HITS } from '../support/corpus.mjs';

const root = new URL('../../', import.meta.url);
const DEMO_INDEX = readFileSync(new URL('dist/search.idx', root));
const engine = await load(DEMO_INDEX);

function assertHit(hit) {
  assert.equal(typeof hit.id, 'string');
  assert.equal(typeof hit.title, 'string');
  assert.ok(Number.isFinite(hit.score), `score ${hit.score}`);
  assert.ok(hit.url === undefined || typeof hit.url === 'string');
  assert.ok(Array.isArray(hit.snippet) && hit.snippet.length > 0);
  for (const part of hit.snippet) {
    assert.equal(typeof part.text, 'string');
    assert.equal(typeof part.hit, 'boolean');
  }
}

for (const [query, idPrefix] of FIRST_HITS) {
  test(`search "${query}" ranks ${idPrefix} first`, () => {
    const hits = engine.search(query);
    assert.ok(hits.length > 0, 'no hits');
    assert.ok(hits[0].id.startsWith(idPrefix), `first hit ${hits[0].id}`);
    hits.forEach(assertHit);
    assert.ok(hits[0].snippet.some((part) => part.hit), 'the snippet marks no match');
  });
}

test('search honours limit, and clamps limits past the most it returns instead of wrapping them', () => {
  assert.equal(engine.search('سوريا', { limit: 1 }).length, 1);
  assert.equal(engine.search('سوريا', { limit: 0 }).length, 0);
  const all = engine.search('سوريا', { limit: 100 });
  assert.ok(all.length > 1);
  // 2**32 wrapped to 32 bits would be 0 results.
  for (const limit of [2 ** 32, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER]) {
    assert.deepEqual(engine.search('سوريا', { limit }).map((h) => h.id), all.map((h) => h.id), `limit ${limit}`);
  }
  assert.ok(engine.suggest('سو', { limit: 2 ** 32 }).length > 0);
});

test('a hit found by reading the query otherwise says how it was read', () => {
  const hits = engine.search('pgf ');
  assert.ok(hits.length > 0, 'pgf (حلب on the Latin layout) finds nothing');
  for (const hit of hits) assert.equal(hit.understood, 'حلب');
  for (const hit of engine.search('حلب ')) assert.equal('understood' in hit, false);
});

test('suggest returns completions of a prefix', () => {
  const words = engine.suggest('رون', { limit: 5 });
  assert.ok(Array.isArray(words) && words.length > 0 && words.length <= 5);
  for (const word of words) assert.equal(typeof word, 'string');
  assert.deepEqual(engine.suggest('رون', { limit: 0 }), []);
});

test('analyze returns tokens with spans into the input', () => {
  const text = 'المدارس في ريف حلب';
  const tokens = engine.analyze(text);
  assert.ok(tokens.length >= 3);
  for (const token of tokens) {
    for (const key of ['text', 'term', 'stem']) assert.equal(typeof token[key], 'string');
    assert.ok(Number.isInteger(token.start) && Number.isInteger(token.end) && token.start < token.end);
    assert.equal(text.slice(token.start, token.end), token.text);
  }
});

test('info describes the index', () => {
  const info = engine.info();
  // One document per article; corpus/fahras.meta.json describes them.
  const documents = readdirSync(new URL('corpus/', root)).filter((name) => name.endsWith('.txt')).length;
  assert.equal(info.documents, documents);
  for (const key of ['terms', 'indexBytes', 'formatVersion', 'analyzerVersion']) {
    assert.ok(Number.isInteger(info[key]) && info[key] > 0, `${key}: ${info[key]}`);
  }
});

test('odd queries do not throw', () => {
  const queries = ['', ' ', '\uD800', 'حلب\uDC00', '\uDFFF\uD800', '🙂', '\u0640\u064B\u0651',
    'ح'.repeat(100_000), 'سوريا '.repeat(20_000), 'x'.repeat(100_000)];
  for (const query of queries) {
    assert.ok(Array.isArray(engine.search(query)));
    assert.ok(Array.isArray(engine.suggest(query)));
    if (query.length <= MAX_ANALYZE_LENGTH) assert.ok(Array.isArray(engine.analyze(query)));
    else assert.throws(() => engine.analyze(query), RangeError);
  }
});

test('wrong argument types are TypeErrors, bad limits and oversized text RangeErrors', async () => {
  assert.throws(() => engine.search(42), TypeError);
  assert.throws(() => engine.suggest(undefined), TypeError);
  assert.throws(() => engine.search('حلب', { limit: -1 }), RangeError);
  assert.throws(() => engine.search('حلب', { limit: 1.5 }), RangeError);
  assert.throws(() => engine.search('حلب', { limit: Infinity }), RangeError);
  assert.throws(() => engine.analyze('ب'.repeat(MAX_ANALYZE_LENGTH + 1)), /at most 100000 characters/);
  assert.equal(engine.analyze('ب '.repeat(MAX_ANALYZE_LENGTH / 2)).length, MAX_ANALYZE_LENGTH / 2);
  await assert.rejects(load(42), TypeError);
  // A string is where the index is: one that is not there is named.
  await assert.rejects(load('no-such-index.bin'), /fahras: could not read the index: file:.*no-such-index\.bin: ENOENT/);
});

test('the npm engine carries no index of its own and says so', async () => {
  await assert.rejects(load(), /fahras: could not read the index: this build of the engine carries no index/);
});

test('free() releases an engine; later calls say so', async () => {
  const own = await load(DEMO_INDEX);
  own.free();
  assert.throws(() => own.search('حلب'), /this engine was freed/);
  assert.ok(engine.search('رونالدو')[0].id.startsWith('000'));
});

test('an index written by the CLI loads, and a damaged one is rejected', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'fahras-js-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'index.bin');
  execFileSync(process.execPath, ['bin/fahras.js', 'index', 'corpus', '-o', file], { cwd: root, stdio: 'inherit' });
  const bytes = readFileSync(file);

  const fromCli = await load(bytes);
  assert.equal(fromCli.info().documents, engine.info().documents);
  assert.ok(fromCli.search('رونالدو')[0].id.startsWith('000'));
  assert.ok((await load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length))).info().documents > 0);

  const flipped = Uint8Array.from(bytes);
  flipped[flipped.length >> 1] ^= 0xff;
  const damaged = [new Uint8Array(0), new Uint8Array(64), bytes.subarray(0, bytes.length >> 1), flipped,
    new TextEncoder().encode('not an index at all')];
  for (const corrupt of damaged) {
    await assert.rejects(load(corrupt), (error) => {
      assert.ok(error instanceof Error);
      assert.match(error.message, /^fahras: could not read the index: ./);
      return true;
    });
  }
  assert.ok(engine.search('رونالدو')[0].id.startsWith('000'), 'the engine still works after rejections');
});
