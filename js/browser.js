// The wasm travels inside this module as base64 so that every bundler and dev server
// handles the package with no configuration and no extra asset to copy or serve.
import wasmBase64 from '../pkg/fahras_wasm_base64.js';
import { createLoad } from './engine.js';

function decodeBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// Wrapped in a Response so that the glue compiles it with instantiateStreaming: Chromium
// then finishes the compile within the start-up task, where the plain instantiate(bytes)
// waits for a main-thread task that queues behind the page's first rendering (~10 ms).
// The glue falls back to instantiate(bytes) where streaming is missing.
function wasmSource() {
  const bytes = decodeBase64(wasmBase64);
  if (typeof Response !== 'function') return bytes;
  return new Response(bytes, { headers: { 'content-type': 'application/wasm' } });
}

export const load = createLoad(wasmSource);
