// Runs the `fahras` command: the Rust program of crates/cli compiled to
// WebAssembly (wasm32-wasip1), under Node's WASI. `npx fahras` needs no Rust
// toolchain and no native binary, and behaves exactly as the Rust command does:
// it is the same program.
import { readFile } from 'node:fs/promises';
import process from 'node:process';

// Node prints an ExperimentalWarning when WASI is first used; it says nothing a
// user of this command can act on.
const emitWarning = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
  const text = typeof warning === 'string' ? warning : warning?.message;
  if (/WASI/.test(text ?? '')) return;
  return emitWarning.call(this, warning, ...rest);
};
const { WASI } = await import('node:wasi');
process.emitWarning = emitWarning;

let compiled;

/**
 * Runs the command with `args`; its output goes to the file descriptors given
 * (the process's own by default). Resolves to its exit code.
 * @param {string[]} args
 * @param {{ stdout?: number, stderr?: number }} [io]
 */
export async function runCommand(args, { stdout = 1, stderr = 2 } = {}) {
  compiled ??= readFile(new URL('../pkg/fahras-cli.wasm', import.meta.url)).then((bytes) => WebAssembly.compile(bytes));
  const wasi = new WASI({
    version: 'preview1',
    args: ['fahras', ...args],
    env: { PWD: process.cwd() },
    // The command reads and writes where its user points it, as a native one would.
    preopens: { '/': '/' },
    stdout,
    stderr,
    returnOnExit: true,
  });
  const instance = await WebAssembly.instantiate(await compiled, wasi.getImportObject());
  return wasi.start(instance);
}
