// Node reads the .wasm shipped beside this module: no base64 to decode.
import { readFile } from 'node:fs/promises';
import { createLoad } from './engine.js';

export const load = createLoad(() => readFile(new URL('../pkg/fahras.wasm', import.meta.url)));
export { MAX_ANALYZE_LENGTH, MAX_RESULTS, MAX_SUGGESTIONS } from './engine.js';
