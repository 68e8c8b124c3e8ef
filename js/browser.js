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

export const load = createLoad(() => decodeBase64(wasmBase64));
