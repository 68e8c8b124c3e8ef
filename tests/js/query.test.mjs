// engine.query() and engine.document() through the built npm package: the real
// engine module in Node, over an index of records made by the package's indexer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'fahras';
import { buildIndex } from 'fahras/indexer';

const SOURCES = ['الجزيرة', 'العربية', 'بي بي سي'];
const RECORDS = Array.from({ length: 30 }, (_, i) => ({
  id: `n${i}`,
  title: `خبر رقم ${i}`,
  text: i % 2 ? `وصلت قافلة المساعدات إلى ريف حلب اليوم ${i}.` : `أمطار غزيرة في دمشق والساحل ${i}.`,
  meta: {
    source: SOURCES[i % 3],
    ...(i % 5 ? { date: `2024-0${1 + (i % 9)}-1${i % 10}` } : {}),
    year: 2020 + (i % 4),
  },
}));

const engine = await load(await buildIndex(RECORDS));

test('query returns the total, one page of hits with their metadata, and facets', () => {
  const r = engine.query('حلب', { limit: 4 });
  assert.equal(r.total, 15);
  assert.equal(r.hits.length, 4);
  assert.deepEqual(Object.keys(r.facets).sort(), ['date', 'source', 'year']);
  assert.deepEqual(r.facets.source, { 'الجزيرة': 5, 'العربية': 5, 'بي بي سي': 5 });
  const hit = r.hits[0];
  const record = RECORDS.find((rec) => rec.id === hit.id);
  assert.deepEqual(hit.meta, record.meta, 'meta as indexed, numbers as numbers');
  // search() is the hits alone.
  assert.deepEqual(engine.search('حلب', { limit: 4 }), r.hits);
});

test('pages walk every match once', () => {
  const seen = [];
  for (let offset = 0; ; offset += 4) {
    const { hits, total } = engine.query('حلب', { limit: 4, offset });
    assert.equal(total, 15);
    if (hits.length === 0) break;
    seen.push(...hits.map((h) => h.id));
  }
  assert.equal(new Set(seen).size, 15);
  assert.deepEqual(seen.sort(), RECORDS.filter((r, i) => i % 2).map((r) => r.id).sort());
});

test('filters narrow the matches; the filtered key keeps counting the other values', () => {
  const r = engine.query('حلب', { filters: { source: ['العربية'], year: ['2021', '2023'] }, limit: 50 });
  const expected = RECORDS.filter((rec, i) => i % 2 && rec.meta.source === 'العربية' && [2021, 2023].includes(rec.meta.year));
  assert.deepEqual(r.hits.map((h) => h.id).sort(), expected.map((rec) => rec.id).sort());
  assert.equal(r.total, expected.length);
  const sameYears = RECORDS.filter((rec, i) => i % 2 && [2021, 2023].includes(rec.meta.year));
  for (const source of SOURCES) {
    assert.equal(r.facets.source[source] ?? 0, sameYears.filter((rec) => rec.meta.source === source).length, source);
  }
});

test('sort orders by date, documents without one last; an empty query browses', () => {
  const { hits, total } = engine.query('', { sort: { date: 'desc' }, limit: 50 });
  assert.equal(total, RECORDS.length);
  const dates = hits.map((h) => h.meta.date ?? null);
  const dated = dates.filter((d) => d !== null);
  assert.deepEqual(dated, [...dated].sort().reverse());
  assert.deepEqual(dates.slice(dated.length), Array(RECORDS.length - dated.length).fill(null));
  assert.equal(engine.query('', {}).total, 0, 'nothing to browse by');
  const browsed = engine.query('', { filters: { source: ['بي بي سي'] }, limit: 3, offset: 2 });
  assert.equal(browsed.total, 10);
  assert.deepEqual(browsed.hits.map((h) => h.id), ['n8', 'n11', 'n14'], 'in document order');
});

test('document returns one document whole, with the query marked when given', () => {
  const doc = engine.document('n3');
  assert.equal(doc.id, 'n3');
  assert.equal(doc.title, 'خبر رقم 3');
  assert.equal(doc.text, RECORDS[3].text);
  assert.deepEqual(doc.meta, RECORDS[3].meta);
  assert.equal(doc.segments, undefined);
  const marked = engine.document('n3', { query: 'حلب قافلة' });
  assert.equal(marked.segments.map((s) => s.text).join(''), RECORDS[3].text);
  assert.deepEqual(marked.segments.filter((s) => s.hit).map((s) => s.text), ['قافلة', 'حلب']);
  assert.equal(engine.document('no such id'), null);
  assert.equal(engine.document(''), null);
});

test('malformed options are refused with the option named', () => {
  const cases = [
    [{ offset: -1 }, RangeError, /offset must be a non-negative integer, got -1/],
    [{ offset: 1.5 }, RangeError, /offset/],
    [{ limit: -2 }, RangeError, /limit/],
    [{ filters: ['source'] }, TypeError, /filters must be an object of string arrays/],
    [{ filters: { source: 'العربية' } }, TypeError, /filters\.source must be an array of strings/],
    [{ filters: { year: [2021] } }, TypeError, /filters\.year must be an array of strings/],
    [{ sort: 'date' }, TypeError, /sort must be an object with one key/],
    [{ sort: { date: 'up' } }, TypeError, /'asc' or 'desc'/],
    [{ sort: { date: 'asc', year: 'desc' } }, TypeError, /one key/],
  ];
  for (const [options, type, message] of cases) {
    assert.throws(() => engine.query('حلب', options), (e) => e instanceof type && message.test(e.message), JSON.stringify(options));
  }
  assert.throws(() => engine.query(5), TypeError);
  assert.throws(() => engine.document(5), /id must be a string/);
  assert.throws(() => engine.document('n1', { query: 5 }), /query must be a string/);
  // The engine still answers after refusing.
  assert.equal(engine.query('حلب').total, 15);
});

test('a huge offset is an empty page, not an error', () => {
  for (const offset of [1000, 2 ** 32, Number.MAX_SAFE_INTEGER]) {
    const r = engine.query('حلب', { offset });
    assert.deepEqual([r.total, r.hits.length], [15, 0], `offset ${offset}`);
  }
});
