// In Node, as tests/browser/isolation.test.mjs in the browser: an engine whose
// WebAssembly instance traps fails that one call and restarts in a fresh
// instance, next to a healthy engine from the same compiled module that never
// notices, and dead instances are not kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createLoad } from '../../js/engine.js';
import { TRAP_QUERY, TRAPPED, trapEngineBytes } from '../support/trap.mjs';

const NODE_TRAPS = 1000;
const MiB = 2 ** 20;

/** A garbage collector to call, so that memory measured is memory still held. */
function collector() {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
}

test(`in Node, an engine that traps ${NODE_TRAPS} times recovers each time, next to a healthy one, in bounded memory`, { timeout: 15 * 60_000 }, async (t) => {
  const trapBytes = trapEngineBytes();
  const load = createLoad(() => trapBytes);
  const [a, b] = [await load(), await load()];
  const expectedA = a.search('حلب').map((hit) => hit.id);
  assert.ok(expectedA.length > 0);
  const gc = collector();
  // A few collections with pauses between: freed WebAssembly memories are
  // released by a background sweeper, and one collection leaves a noisy reading.
  const memory = async () => {
    for (let round = 0; round < 3; round += 1) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const { rss, external } = process.memoryUsage();
    return { rss, external };
  };

  let after100;
  let time100;
  const started = performance.now();
  for (let trap = 1; trap <= NODE_TRAPS; trap += 1) {
    assert.throws(() => a.search(TRAP_QUERY), { message: TRAPPED }, `trap ${trap}`);
    assert.deepEqual(a.search('حلب').map((hit) => hit.id), expectedA, `engine A after trap ${trap}`);
    const [first] = b.search('رونالدو');
    assert.ok(first?.id.startsWith('000'), `engine B after trap ${trap}: ${first?.id}`);
    if (trap === 100) {
      after100 = await memory();
      time100 = performance.now();
    }
  }
  const perTrap = (performance.now() - time100) / (NODE_TRAPS - 100);
  const after1000 = await memory();
  // The trap and the restart alone: info() is the cheapest call, and the first after a trap starts the fresh instance.
  const restartStarted = performance.now();
  for (let trap = 0; trap < 100; trap += 1) {
    assert.throws(() => a.search(TRAP_QUERY), { message: TRAPPED });
    assert.ok(a.info().documents > 0);
  }
  const perRestart = (performance.now() - restartStarted) / 100;

  // A fresh instance of the trap build starts with 448 KiB of memory (its data,
  // stack and the demo index); one that has searched holds more. Were dead
  // instances kept, the 900 traps between the two measurements would hold at least
  // 900 × 448 KiB ≈ 394 MiB more. The bounds leave room for the garbage collector
  // and allocator (rss was seen to move by about 20 MiB between measurements) while
  // staying far below that: 32 MiB of external memory (≈ 73 instances), 64 MiB of rss.
  const MAX_GROWTH = { external: 32 * MiB, rss: 64 * MiB };
  const show = (bytes) => `${(bytes / MiB).toFixed(1)} MiB`;
  t.diagnostic(`node: ${perTrap.toFixed(2)} ms per trap + restart + a search in each engine `
    + `(${perRestart.toFixed(2)} ms per trap + restart + info()); `
    + `after 100 traps rss ${show(after100.rss)}, external ${show(after100.external)}; `
    + `after ${NODE_TRAPS} rss ${show(after1000.rss)}, external ${show(after1000.external)}; `
    + `total ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const kind of ['external', 'rss']) {
    const growth = after1000[kind] - after100[kind];
    assert.ok(growth < MAX_GROWTH[kind], `${kind} grew by ${show(growth)} from trap 100 to ${NODE_TRAPS} (bound ${show(MAX_GROWTH[kind])})`);
  }
});

test('crafted indexes beside the one embedded in the engine: each is refused or answers, and the embedded one keeps working', async (t) => {
  const { readFileSync } = await import('node:fs');
  const { embedIndex } = await import('../../js/embed.js');
  const { craftedIndexes } = await import('../support/crafted.mjs');
  const index = readFileSync(new URL('../../dist/search.idx', import.meta.url));
  const engineWasm = readFileSync(new URL('../../pkg/fahras.wasm', import.meta.url));
  const load = createLoad(() => embedIndex(engineWasm, index));
  const embedded = await load();
  const expected = embedded.search('ريف حلب').map((hit) => hit.id);
  const counts = { refused: 0, opened: 0, traps: 0 };
  const reasons = new Map();
  for (const bytes of craftedIndexes(new Uint8Array(index), 2000, 7)) {
    let engine;
    try {
      engine = await load(bytes);
      counts.opened += 1;
    } catch (error) {
      assert.match(error.message, /^fahras: could not read the index: corrupt Fahras index: the [a-z ]+ section/);
      const reason = error.message.replace(/ at byte \d+| \d+ bytes back| \d+/g, ' N');
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      counts.refused += 1;
      continue;
    }
    for (const query of ['حلب', 'ريف حل', 'الحرب -سوريا', '"المرصد السوري"', 'رونالدوو', 'ا']) {
      try {
        assert.ok(Array.isArray(engine.search(query)));
        assert.ok(Array.isArray(engine.suggest(query)));
      } catch (error) {
        counts.traps += 1;
        assert.fail(`a crafted index made the engine fail on «${query}»: ${error.message}`);
      }
    }
    engine.free();
    assert.deepEqual(embedded.search('ريف حلب').map((hit) => hit.id), expected);
  }
  t.diagnostic(`2000 crafted indexes: ${JSON.stringify(counts)}; refusals: ${JSON.stringify([...reasons].sort((a, b) => b[1] - a[1]).slice(0, 6))}`);
  assert.ok(counts.refused > 100 && counts.opened > 100, JSON.stringify(counts));
});
