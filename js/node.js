// Node reads the .wasm shipped beside this module: no base64 to decode.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLoad } from './engine.js';

/** An index URL: a URL as given, anything else a path (a trailing slash kept: a split index). */
function toUrl(index) {
  if (index instanceof URL) return index;
  if (/^(?:https?|file):/i.test(index)) return new URL(index);
  const url = pathToFileURL(resolve(index));
  if (/[\\/]$/.test(index) && !url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** The bytes at `url`: from disk for file: URLs, over HTTP otherwise. */
async function read(url) {
  if (url.protocol === 'file:') return new Uint8Array(await readFile(url));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export const load = createLoad(() => readFile(new URL('../pkg/fahras.wasm', import.meta.url)), { toUrl, read });
export { MAX_ANALYZE_LENGTH, MAX_RESULTS, MAX_SUGGESTIONS } from './engine.js';
