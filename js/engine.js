// Shared by every entry point: each one only says where the wasm bytes come from.
//
// Each engine runs in its own instance of the compiled module, with its own memory.
// A WebAssembly trap leaves an instance unusable (LLVM makes no promise about the
// state it leaves behind), so an engine whose instance traps throws that call's
// error, drops the instance and starts a fresh one; no other engine shares the
// memory it had. Compiling happens once per page or process; an instance costs
// about 330 KiB plus its index, and browsers cap the memories a page may hold
// (about a hundred in Chromium), so free() engines a page no longer needs.

const DEFAULT_LIMIT = 10;
/** Results returned in one call at most, whatever `limit` asks; `offset` pages further. */
export const MAX_RESULTS = 200;
/** Suggestions returned at most. */
export const MAX_SUGGESTIONS = 50;
/** Longest text `analyze()` takes, in UTF-16 code units. */
export const MAX_ANALYZE_LENGTH = 100_000;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function fahrasError(context, message, cause) {
  return new Error(`fahras: ${context}: ${message}`, cause === undefined ? undefined : { cause });
}

function checkString(value, name) {
  if (typeof value !== 'string') {
    throw new TypeError(`fahras: ${name} must be a string, got ${typeof value}`);
  }
}

// Beyond `max` a limit is clamped, never wrapped: the engine takes 32-bit counts.
function checkLimit(options, max) {
  const limit = options?.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`fahras: limit must be a non-negative integer, got ${limit}`);
  }
  return Math.min(limit, max);
}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkOffset(options) {
  const offset = options?.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new RangeError(`fahras: offset must be a non-negative integer, got ${offset}`);
  }
  // Beyond every index's size an offset finds nothing either way; kept exact in JSON.
  return Math.min(offset, Number.MAX_SAFE_INTEGER);
}

function checkFilters(options) {
  const filters = options?.filters ?? {};
  if (!isPlainObject(filters)) {
    throw new TypeError('fahras: filters must be an object of string arrays, like { source: ["a", "b"] }');
  }
  for (const [key, values] of Object.entries(filters)) {
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) {
      throw new TypeError(`fahras: filters.${key} must be an array of strings`);
    }
  }
  return filters;
}

function checkSort(options) {
  const sort = options?.sort;
  if (sort === undefined || sort === null) return undefined;
  const entries = isPlainObject(sort) ? Object.entries(sort) : [];
  if (entries.length !== 1 || (entries[0][1] !== 'asc' && entries[0][1] !== 'desc')) {
    throw new TypeError(`fahras: sort must be an object with one key whose value is 'asc' or 'desc', like { date: 'desc' }`);
  }
  return sort;
}

function asBytes(index) {
  if (index instanceof Uint8Array) return index;
  if (index instanceof ArrayBuffer) return new Uint8Array(index);
  if (ArrayBuffer.isView(index)) return new Uint8Array(index.buffer, index.byteOffset, index.byteLength);
  throw new TypeError('fahras: load(index) expects a Uint8Array, ArrayBuffer or typed array');
}

/** One instance of the engine module holding one open index. */
class Instance {
  #exports;
  #panic;

  /** @param {WebAssembly.Instance} instance */
  constructor(instance) {
    this.#exports = instance.exports;
    this.#panic = this.#exports.fahras_panic_ptr();
  }

  /** Calls export `name` with `input` (bytes or text) written to the input buffer first. */
  call(name, input, ...args) {
    const e = this.#exports;
    if (input !== undefined) {
      const bytes = typeof input === 'string' ? encoder.encode(input) : input;
      // fahras_input may grow the memory, which detaches the old buffer: ask it first.
      const at = e.fahras_input(bytes.length);
      new Uint8Array(e.memory.buffer, at, bytes.length).set(bytes);
    }
    const status = e[name](...args);
    const text = decoder.decode(new Uint8Array(e.memory.buffer, e.fahras_output_ptr(), e.fahras_output_len()));
    return { ok: status === 0, text };
  }

  /** The message of the panic that trapped this instance, if it left one. */
  panicMessage() {
    const memory = new DataView(this.#exports.memory.buffer);
    const length = memory.getUint32(this.#panic, true);
    return decoder.decode(new Uint8Array(memory.buffer, this.#panic + 4, length));
  }
}

class FahrasEngine {
  #module;
  /** The index bytes, kept to reopen them in a fresh instance; null for the embedded index. */
  #source;
  /** @type {Instance | null} */
  #instance;
  /** The instantiation started after a trap, while it runs. */
  #restart = null;
  #freed = false;

  constructor(module, source, instance) {
    this.#module = module;
    this.#source = source;
    this.#instance = this.#open(instance);
  }

  #open(instance) {
    const engine = new Instance(instance);
    const opened = this.#source ? engine.call('fahras_open', this.#source) : engine.call('fahras_open_embedded');
    if (!opened.ok) throw fahrasError('could not read the index', opened.text);
    return engine;
  }

  // Browsers refuse to instantiate a module of over 8 MB (an engine carrying a
  // large index) synchronously on the main thread: a fresh instance is started
  // asynchronously at once, and made synchronously only if a call comes first.
  #startAfresh() {
    this.#instance = null;
    const restart = WebAssembly.instantiate(this.#module, {}).then((instance) => {
      if (this.#restart === restart) this.#instance = this.#open(instance);
    });
    this.#restart = restart;
    restart.catch(() => {}).finally(() => {
      if (this.#restart === restart) this.#restart = null;
    });
  }

  #current() {
    if (this.#freed) throw new Error('fahras: this engine was freed');
    if (this.#instance) return this.#instance;
    try {
      this.#instance = this.#open(new WebAssembly.Instance(this.#module, {}));
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw fahrasError('the engine is restarting after an error', 'try again in a moment', error);
    }
    this.#restart = null;
    return this.#instance;
  }

  #call(name, input, ...args) {
    const instance = this.#current();
    let result;
    try {
      result = instance.call(name, input, ...args);
    } catch (error) {
      if (!(error instanceof WebAssembly.RuntimeError)) throw error;
      const reason = instance.panicMessage() || error.message;
      this.#startAfresh();
      throw fahrasError('the engine stopped and restarts at the next call', reason, error);
    }
    if (!result.ok) throw fahrasError(name.replace('fahras_', ''), result.text);
    return JSON.parse(result.text);
  }

  search(query, options) {
    checkString(query, 'query');
    return this.#call('fahras_search', query, checkLimit(options, MAX_RESULTS));
  }

  query(query, options) {
    checkString(query, 'query');
    const request = {
      q: query,
      limit: checkLimit(options, MAX_RESULTS),
      offset: checkOffset(options),
      filters: checkFilters(options),
      sort: checkSort(options),
    };
    return this.#call('fahras_query', JSON.stringify(request));
  }

  document(id, options) {
    checkString(id, 'id');
    const query = options?.query;
    if (query !== undefined) checkString(query, 'query');
    return this.#call('fahras_document', JSON.stringify({ id, q: query }));
  }

  suggest(prefix, options) {
    checkString(prefix, 'prefix');
    return this.#call('fahras_suggest', prefix, checkLimit(options, MAX_SUGGESTIONS));
  }

  analyze(text) {
    checkString(text, 'text');
    if (text.length > MAX_ANALYZE_LENGTH) {
      throw new RangeError(`fahras: analyze() takes at most ${MAX_ANALYZE_LENGTH} characters, got ${text.length}`);
    }
    return this.#call('fahras_analyze', text);
  }

  info() {
    return this.#call('fahras_info');
  }

  /** Releases the engine's memory now rather than when it is garbage-collected. */
  free() {
    this.#freed = true;
    this.#instance = null;
    this.#restart = null;
    this.#source = null;
  }
}

/**
 * The `load` function of an entry point. `readWasm` returns the engine module's
 * bytes (or a Response of them); they are compiled once, at the first load.
 */
export function createLoad(readWasm) {
  let compiled;
  const compile = async () => {
    const source = await readWasm();
    return source instanceof Uint8Array || source instanceof ArrayBuffer
      ? WebAssembly.compile(source)
      : WebAssembly.compileStreaming(source);
  };
  return async function load(index) {
    compiled ??= compile().catch((error) => {
      compiled = undefined;
      throw fahrasError('could not start the WebAssembly engine', error.message, error);
    });
    const module = await compiled;
    const source = index === undefined || index === null ? null : asBytes(index).slice();
    return new FahrasEngine(module, source, await WebAssembly.instantiate(module, {}));
  };
}
