// The test build of the engine that traps on purpose on the query `fahras:trap`
// (a real WebAssembly trap; the same code otherwise), made by scripts/test.sh:
//   cargo build -p fahras-wasm --target wasm32-unknown-unknown --features trap-for-tests
//   wasm-opt --strip-debug target/wasm32-unknown-unknown/debug/fahras_wasm.wasm -o target/fahras-trap.wasm
// with the demo's index embedded in it as `fahras build` embeds one.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { embedIndex } from '../../js/embed.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const TRAP_QUERY = 'fahras:trap';
/** What js/engine.js says when a call trapped, and what the trap build's panic says. */
export const TRAPPED = /^fahras: the engine stopped and restarts at the next call: .*deliberate trap for the isolation tests/s;

/** The trap build with the demo's index (dist/search.idx) inside. */
export function trapEngineBytes() {
  const read = (path, fix) => {
    try {
      return readFileSync(`${ROOT}${path}`);
    } catch (error) {
      throw new Error(`${path} is missing: ${fix}`, { cause: error });
    }
  };
  const wasm = read('target/fahras-trap.wasm', 'build it as tests/support/trap.mjs says (scripts/test.sh does)');
  return embedIndex(wasm, read('dist/search.idx', 'run `npm run build` first'));
}
