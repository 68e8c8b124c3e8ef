// Start-up of an engine that carries its index, made the two ways the project
// makes one: compiled in by the wasm crate's build script (FAHRAS_CORPUS=… cargo
// build) and added to a built engine's data by `fahras build` (js/embed.js); and,
// for comparison, the npm engine given the same index as bytes (load(bytes),
// which checks them in full: checksum and every dictionary node).
//
//   node bench/embedded.mjs [corpus …]     (default: corpus/ and ../shared/corpora/bukhari.jsonl)
//
// Per corpus and way: module size, and the median and best over 15 runs of
// `await load()` (instantiating and opening; the module is compiled once), and
// of the first search after it, in Node. Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { embedIndex } from '../js/embed.js';
import { createLoad } from '../js/engine.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = 15;
const corpora = process.argv.slice(2).length > 0
  ? process.argv.slice(2)
  : [join(ROOT, 'corpus'), join(ROOT, '..', 'shared', 'corpora', 'bukhari.jsonl')];
const plainEngine = readFileSync(join(ROOT, 'pkg', 'fahras.wasm'));
const scratch = mkdtempSync(join(tmpdir(), 'fahras-embedded-'));

function run(command, args, env = {}) {
  return execFileSync(command, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
}

/** The engine with `corpus` compiled in by the build script, optimized as `npm run build` does. */
function compiledIn(corpus) {
  const messages = run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'fahras-wasm',
    '--message-format=json-render-diagnostics'], { FAHRAS_CORPUS: resolve(corpus) });
  const wasm = messages.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l))
    .filter((m) => m.reason === 'compiler-artifact' && m.package_id.includes('fahras-wasm'))
    .flatMap((m) => m.filenames).find((f) => f.endsWith('.wasm'));
  const out = join(scratch, 'compiled-in.wasm');
  run(join(ROOT, 'node_modules', '.bin', 'wasm-opt'), ['-Oz', '--strip-debug', '--strip-producers', wasm, '-o', out]);
  return readFileSync(out);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function time(module, index) {
  const load = createLoad(() => module);
  (await load(index)).free(); // compiles, once
  const opens = [];
  const firsts = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const engine = await load(index);
    opens.push(performance.now() - started);
    const searched = performance.now();
    engine.search('قال رسول الله');
    firsts.push(performance.now() - searched);
    engine.free();
  }
  return { open: opens, first: firsts };
}

const rows = [];
try {
  for (const corpus of corpora) {
    if (!existsSync(corpus)) {
      console.error(`skipping ${corpus}: not found`);
      continue;
    }
    const index = join(scratch, 'search.idx');
    run(process.execPath, [join(ROOT, 'bin', 'fahras.js'), 'index', corpus, '-o', index]);
    const bytes = readFileSync(index);
    const ways = {
      'compiled in (build.rs)': [compiledIn(corpus), undefined],
      'added by fahras build': [embedIndex(plainEngine, bytes), undefined],
      'load(bytes), checked': [plainEngine, bytes],
    };
    for (const [way, [module, given]] of Object.entries(ways)) {
      const { open, first } = await time(module, given);
      rows.push([corpus.split('/').pop(), way, `${(module.length / 1024).toFixed(0)} KiB`,
        `${median(open).toFixed(2)} / ${Math.min(...open).toFixed(2)} ms`, `${median(first).toFixed(2)} ms`]);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const header = ['corpus', 'index carried', 'module', 'load() median / best', 'first search'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
for (const row of [header, ...rows]) console.log(row.map((c, i) => c.padEnd(widths[i])).join('  '));
