// Ranking quality and latency statistics, kept free of any engine so they can
// be checked on hand-made examples.
export const K = 10;

export function reciprocalRank(ids, relevant, k = K) {
  const wanted = new Set(relevant);
  const rank = ids.slice(0, k).findIndex((id) => wanted.has(id));
  return rank < 0 ? 0 : 1 / (rank + 1);
}

// Capped at k: a query that 2,000 hadith contain cannot have them all in a top
// 10, and a perfect top 10 should still score 1.
export function recallAtK(ids, relevant, k = K) {
  const wanted = new Set(relevant);
  const found = ids.slice(0, k).filter((id) => wanted.has(id)).length;
  return found / Math.min(wanted.size, k);
}

// A query nothing should match (the seed set's "none") has no rank to score, so
// only queries with at least one relevant document are averaged.
export function quality(judged, k = K) {
  const scored = judged.filter(({ query }) => query.relevant.length > 0);
  const mean = (f) => (scored.length ? scored.reduce((sum, j) => sum + f(j), 0) / scored.length : NaN);
  return {
    queries: scored.length,
    mrr: mean(({ ids, query }) => reciprocalRank(ids, query.relevant, k)),
    recall: mean(({ ids, query }) => recallAtK(ids, query.relevant, k)),
    zeroHit: mean(({ ids }) => (ids.length === 0 ? 1 : 0)),
  };
}

export function qualityByKind(judged, k = K) {
  const kinds = [...new Set(judged.map(({ query }) => query.kind))];
  return Object.fromEntries(
    kinds.map((kind) => [kind, quality(judged.filter(({ query }) => query.kind === kind), k)]),
  );
}

// Nearest-rank percentile: the value below which p% of the samples fall,
// always one of the samples themselves.
export function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(samples) {
  return percentile(samples, 50);
}
