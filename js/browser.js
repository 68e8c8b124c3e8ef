// The wasm travels inside this module as base64 so that every bundler and dev server
// handles the package with no configuration and no extra asset to copy or serve.
import wasmBase64 from '../pkg/fahras-wasm-base64.js';
import { createLoad } from './engine.js';

function decodeBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// Wrapped in a Response so that it compiles with compileStreaming: Chromium then
// finishes the compile within the start-up task, where the plain compile(bytes)
// waits for a main-thread task that queues behind the page's first rendering (~10 ms).
function wasmSource() {
  const bytes = decodeBase64(wasmBase64);
  if (typeof Response !== 'function' || typeof WebAssembly.compileStreaming !== 'function') return bytes;
  return new Response(bytes, { headers: { 'content-type': 'application/wasm' } });
}

/** An index URL, relative to the page. */
function toUrl(index) {
  return new URL(index, globalThis.document?.baseURI);
}

/** The bytes at `url`, or why not. */
export async function readUrl(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export const load = createLoad(wasmSource, { toUrl, read: readUrl });
export { MAX_ANALYZE_LENGTH, MAX_RESULTS, MAX_SUGGESTIONS } from './engine.js';
