// The process `runCommand` (command.js) starts: runs the `fahras` command, the
// Rust program of crates/cli compiled to WebAssembly (wasm32-wasip1), under
// Node's WASI, with the arguments it was given, and exits with its code.
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

const module = await WebAssembly.compile(await readFile(new URL('../pkg/fahras-cli.wasm', import.meta.url)));
const wasi = new WASI({
  version: 'preview1',
  args: ['fahras', ...process.argv.slice(2)],
  env: { PWD: process.cwd() },
  // The command reads and writes where its user points it, as a native one would.
  preopens: { '/': '/' },
  returnOnExit: true,
});
process.exitCode = wasi.start(await WebAssembly.instantiate(module, wasi.getImportObject()));
