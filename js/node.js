// Node reads the .wasm shipped beside the glue: no base64 to decode.
import { readFile } from 'node:fs/promises';
import { createLoad } from './engine.js';

export const load = createLoad(() => readFile(new URL('../pkg/fahras_bg.wasm', import.meta.url)));
