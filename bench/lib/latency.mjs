// Per-query latency, measured the same way in Node (bench/query.mjs) and in a
// Chromium page (bench/query-chromium.mjs, which imports this file from its
// server): no Node modules here.

/** The fastest of 7 runs of `f`, in µs: on a shared machine the other runs measure the neighbours. */
export function fastest(f) {
  let best = Infinity;
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    f();
    best = Math.min(best, performance.now() - start);
  }
  return best * 1000;
}

/** One report line: p50 and p99 of `times` (µs). */
export function latencyLine(name, times) {
  const sorted = [...times].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.floor((sorted.length - 1) * p)];
  return `${name.padEnd(28)} p50 ${pct(0.5).toFixed(0).padStart(7)} µs  p99 ${pct(0.99).toFixed(0).padStart(7)} µs  (n=${times.length})`;
}
