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

/**
 * Runs `fahras index` over `inputs` (files and directories) into a temporary
 * index and returns its bytes; the command's messages become the error's when
 * it fails.
 * @param {string[]} inputs
 */
export async function indexFiles(inputs) {
  const dir = await mkdtemp(join(tmpdir(), 'fahras-'));
  try {
    const out = join(dir, 'search.idx');
    const log = join(dir, 'log');
    const fd = openSync(log, 'w');
    let code;
    try {
      code = await runCommand(['index', ...inputs, '-o', out], { stdout: fd, stderr: fd });
    } finally {
      closeSync(fd);
    }
    if (code !== 0) throw new Error(readFileSync(log, 'utf8').trim() || `fahras: index exited with ${code}`);
    return new Uint8Array(await readFile(out));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The index of `records` (`{ id, title, url, text, meta, lang, dir }`), as bytes
 * that `load()` opens or `writeBundle()` ships.
 * @param {Iterable<object>} records
 */
export async function buildIndex(records) {
  const lines = Array.from(records, record);
  const dir = await mkdtemp(join(tmpdir(), 'fahras-'));
  try {
    const file = join(dir, 'records.jsonl');
    await writeFile(file, lines.join('\n') + '\n');
    return await indexFiles([file]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
