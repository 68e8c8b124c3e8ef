// The indexer for build scripts, in Node: the same program as `npx fahras index`.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from './command.js';

export { writeBundle } from './bundle.js';

function record(r, i) {
  if (r === null || typeof r !== 'object') throw new TypeError(`fahras: record ${i + 1} is not an object`);
  const { id = String(i + 1), title, url, text = '', meta, lang, dir } = r;
  if (typeof id !== 'string' && typeof id !== 'number') {
    throw new TypeError(`fahras: record ${i + 1}: id must be a string or a number`);
  }
  if (typeof text !== 'string') throw new TypeError(`fahras: record ${i + 1}: text must be a string`);
  return JSON.stringify({ id, title, url, text, meta, lang, dir });
}

/** Runs `fahras index` over `inputs` in the temporary directory `dir` and returns the index bytes. */
async function indexIn(dir, inputs) {
  const out = join(dir, 'search.idx');
  const log = join(dir, 'log');
  const fd = openSync(log, 'w');
  let code;
  try {
    code = await runCommand(['index', ...inputs, '-o', out], { stdout: fd, stderr: fd });
  } finally {
    closeSync(fd);
  }
  // The command's messages become the error's.
  if (code !== 0) throw new Error(readFileSync(log, 'utf8').trim() || `fahras: index exited with ${code}`);
  return new Uint8Array(await readFile(out));
}

/** Runs `work(dir)` with a fresh temporary directory, removed afterwards. */
async function inTemporaryDirectory(work) {
  const dir = await mkdtemp(join(tmpdir(), 'fahras-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs `fahras index` over `inputs` (files and directories) and returns the index bytes.
 * @param {string[]} inputs
 */
export function indexFiles(inputs) {
  return inTemporaryDirectory((dir) => indexIn(dir, inputs));
}

/**
 * The index of `records` (`{ id, title, url, text, meta, lang, dir }`), as bytes
 * that `load()` opens or `writeBundle()` ships.
 * @param {Iterable<object>} records
 */
export async function buildIndex(records) {
  const lines = Array.from(records, record);
  return inTemporaryDirectory(async (dir) => {
    const file = join(dir, 'records.jsonl');
    await writeFile(file, lines.join('\n') + '\n');
    return indexIn(dir, [file]);
  });
}
