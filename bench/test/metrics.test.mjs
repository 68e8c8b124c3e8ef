import assert from 'node:assert/strict';
import { test } from 'node:test';
import { median, percentile, quality, qualityByKind, recallAtK, reciprocalRank } from '../lib/metrics.mjs';

test('reciprocal rank is 1/rank of the first relevant id within k, else 0', () => {
  assert.equal(reciprocalRank(['a', 'b', 'c'], ['a']), 1);
  assert.equal(reciprocalRank(['x', 'y', 'b', 'a'], ['a', 'b']), 1 / 3);
  assert.equal(reciprocalRank(['x', 'y'], ['a']), 0);
  assert.equal(reciprocalRank([], ['a']), 0);
  assert.equal(reciprocalRank(['x', 'y', 'a'], ['a'], 2), 0);
});

test('recall@k is capped at k relevant documents', () => {
  assert.equal(recallAtK(['a', 'x', 'b'], ['a', 'b', 'c', 'd']), 0.5);
  assert.equal(recallAtK(['x'], ['a']), 0);
  const many = Array.from({ length: 50 }, (_, i) => `d${i}`);
  assert.equal(recallAtK(many.slice(0, 10), many), 1);
  assert.equal(recallAtK(['d0', 'x', 'd1'], many, 3), 2 / 3);
});

test('quality averages over queries that have a relevant document', () => {
  const judged = [
    { query: { relevant: ['a'], kind: 'exact' }, ids: ['a'] },
    { query: { relevant: ['b'], kind: 'exact' }, ids: ['x', 'b'] },
    { query: { relevant: ['c'], kind: 'prefix' }, ids: [] },
    { query: { relevant: [], kind: 'none' }, ids: [] },
  ];
  const all = quality(judged);
  assert.equal(all.queries, 3);
  assert.equal(all.mrr, (1 + 0.5 + 0) / 3);
  assert.equal(all.recall, 2 / 3);
  assert.equal(all.zeroHit, 1 / 3);

  const byKind = qualityByKind(judged);
  assert.deepEqual(Object.keys(byKind), ['exact', 'prefix', 'none']);
  assert.equal(byKind.exact.mrr, 0.75);
  assert.equal(byKind.prefix.zeroHit, 1);
  assert.equal(byKind.none.queries, 0);
  assert.ok(Number.isNaN(byKind.none.mrr));
});

test('percentiles are nearest-rank samples', () => {
  const samples = [5, 1, 4, 2, 3];
  assert.equal(percentile(samples, 50), 3);
  assert.equal(median(samples), 3);
  assert.equal(percentile(samples, 99), 5);
  assert.equal(percentile(samples, 0), 1);
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
  assert.equal(percentile(hundred, 99), 99);
  assert.equal(percentile(hundred, 50), 50);
  assert.deepEqual(samples, [5, 1, 4, 2, 3], 'the samples are not reordered');
});
