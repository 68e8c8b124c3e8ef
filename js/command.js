// Runs the `fahras` command: the Rust program of crates/cli compiled to
// WebAssembly (wasm32-wasip1), under Node's WASI. `npx fahras` needs no Rust
// toolchain and no native binary, and behaves exactly as the Rust command does:
// it is the same program.
//
// It runs in a Node process of its own, started with --single-threaded. Node
// 20's V8 crashes (SIGSEGV or SIGBUS, once the command's work is done) when a
// WASI program's memory has grown past about 80 MB while V8's helper threads
// run: indexing a 23 MB corpus did in most runs, and took its caller's process
// with it. With --single-threaded it did not in any run, and a process of its
// own keeps a caller's (a build script's) safe from whatever else such a
// program may meet.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const PROCESS = fileURLToPath(new URL('./command-process.js', import.meta.url));

/**
 * Runs the command with `args`; its output goes to the file descriptors given
 * (the process's own by default). Resolves to its exit code (128 + the signal's
 * number if a signal ended it).
 * @param {string[]} args
 * @param {{ stdout?: number, stderr?: number }} [io]
 */
export function runCommand(args, { stdout = 1, stderr = 2 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--single-threaded', PROCESS, ...args], { stdio: ['inherit', stdout, stderr] });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? 128 + (constants.signals[signal] ?? 0)));
  });
}
