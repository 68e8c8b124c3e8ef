// Shared by every entry point: each one only says where the wasm bytes come from.
import initWasm, { Engine } from '../pkg/fahras.js';

const DEFAULT_LIMIT = 10;

function asError(error, context) {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`fahras: ${context}: ${message}`, { cause: error });
}

function checkString(value, name) {
  if (typeof value !== 'string') {
    throw new TypeError(`fahras: ${name} must be a string, got ${typeof value}`);
  }
}

function checkLimit(options) {
  const limit = options?.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`fahras: limit must be a non-negative integer, got ${limit}`);
  }
  return limit;
}

function asBytes(index) {
  if (index instanceof Uint8Array) return index;
  if (index instanceof ArrayBuffer) return new Uint8Array(index);
  if (ArrayBuffer.isView(index)) return new Uint8Array(index.buffer, index.byteOffset, index.byteLength);
  throw new TypeError('fahras: load(index) expects a Uint8Array, ArrayBuffer or typed array');
}

class FahrasEngine {
  #engine;

  constructor(engine) {
    this.#engine = engine;
  }

  search(query, options) {
    checkString(query, 'query');
    return this.#engine.search(query, checkLimit(options));
  }

  suggest(prefix, options) {
    checkString(prefix, 'prefix');
    return this.#engine.suggest(prefix, checkLimit(options));
  }

  analyze(text) {
    checkString(text, 'text');
    return this.#engine.analyze(text);
  }

  info() {
    return this.#engine.info();
  }

  // Optional: the wasm-side memory is also released by a FinalizationRegistry.
  free() {
    this.#engine.free();
  }
}

export function createLoad(readWasm) {
  let ready;
  return async function load(index) {
    ready ??= Promise.resolve()
      .then(readWasm)
      // Async instantiate: Chrome refuses synchronous compiles of large modules on the main thread.
      .then((bytes) => initWasm({ module_or_path: bytes }))
      .catch((error) => {
        ready = undefined;
        throw asError(error, 'could not start the WebAssembly engine');
      });
    await ready;
    if (index === undefined || index === null) return new FahrasEngine(Engine.embedded());
    const bytes = asBytes(index);
    try {
      return new FahrasEngine(Engine.fromBytes(bytes));
    } catch (error) {
      throw asError(error, 'could not read the index');
    }
  };
}
