// Shared by every entry point: each one only says where the wasm bytes come
// from, and how to read an index named by URL.
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

/** A split index's root, in the directory its URL names. */
const ROOT_FILE = 'root.fahras';
/** What a call returns when it needs parts of a split index fetched first. */
const NEEDS_PARTS = 2;

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
    return { status, text };
  }

  /** Bytes of memory the instance holds. */
  memoryBytes() {
    return this.#exports.memory.buffer.byteLength;
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
  /** The index bytes (a split index's root), kept to reopen them in a fresh instance; null for the embedded index. */
  #source;
  /** A split index's parts: where they are and how to read them; null for a whole index. */
  #parts;
  /** @type {Instance | null} */
  #instance;
  /** The instantiation started after a trap, while it runs. */
  #restart = null;
  #freed = false;

  constructor(module, source, instance, parts = null) {
    this.#module = module;
    this.#source = source;
    this.#parts = parts;
    this.#instance = this.#open(instance);
  }

  #open(instance) {
    const engine = new Instance(instance);
    const opened = this.#source ? engine.call('fahras_open', this.#source) : engine.call('fahras_open_embedded');
    if (opened.status !== 0) throw fahrasError('could not read the index', opened.text);
    return engine;
  }

  // Browsers refuse to instantiate a module of over 8 MB (an engine carrying a
  // large index) synchronously on the main thread: a fresh instance is started
  // asynchronously at once, and made synchronously only if a call comes first.
  #startAfresh() {
    this.#instance = null;
    this.#parts?.restarted();
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

  /** `name`'s status and output; a trap restarts the instance and throws. */
  #run(name, input, ...args) {
    const instance = this.#current();
    try {
      return instance.call(name, input, ...args);
    } catch (error) {
      if (!(error instanceof WebAssembly.RuntimeError)) throw error;
      const reason = instance.panicMessage() || error.message;
      this.#startAfresh();
      throw fahrasError('the engine stopped and restarts at the next call', reason, error);
    }
  }

  /**
   * The answer of `name`: at once from a whole index; from a split index, a
   * Promise, as the parts the call reaches are fetched (all of one run at once)
   * and the call made again, until it reaches none missing.
   */
  #call(name, input, ...args) {
    if (!this.#parts) return this.#answer(name, this.#run(name, input, ...args));
    return this.#callWithParts(name, input, ...args);
  }

  // No fixed number of rounds (see the engine's `Index::with_parts`): each one
  // leaves the instance holding every part it asked for, none of which it had,
  // so the rounds end within the root's count of parts.
  async #callWithParts(name, input, ...args) {
    for (;;) {
      const result = this.#run(name, input, ...args);
      if (result.status !== NEEDS_PARTS) return this.#answer(name, result);
      const { need } = JSON.parse(result.text);
      const fetched = await Promise.all(need.map((part) => this.#parts.fetch(part.file)));
      // Added only now, all together: the instance may have restarted meanwhile.
      need.forEach((part, i) => {
        if (fetched[i] === null) return;
        const added = this.#run('fahras_add_part', fetched[i], part.kind, part.number);
        if (added.status !== 0) {
          this.#parts.refused(part.file);
          throw partError(fahrasError(name.replace('fahras_', ''), added.text), part.file);
        }
        this.#parts.added(part.file);
      });
    }
  }

  #answer(name, result) {
    if (result.status !== 0) throw fahrasError(name.replace('fahras_', ''), result.text);
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
    return this.#answer('fahras_analyze', this.#run('fahras_analyze', text));
  }

  /** Facts about the index; `memoryBytes` is what the engine's instance holds now. */
  info() {
    return { ...this.#answer('fahras_info', this.#run('fahras_info')), memoryBytes: this.#current().memoryBytes() };
  }

  /** Releases the engine's memory now rather than when it is garbage-collected. */
  free() {
    this.#freed = true;
    this.#instance = null;
    this.#restart = null;
    this.#source = null;
    this.#parts = null;
  }
}

/**
 * The parts of the split index in the directory `base`, read with `read(url)`.
 * A part is fetched once for every call that needs it, until the instance has
 * it: calls running together each ask for what the instance lacked when they
 * ran, so one may ask for a part another has just added. A part that could
 * not be fetched, or that the engine refused, is forgotten, so a later call
 * fetches it again; so is every part when the instance restarts after a trap.
 */
function splitParts(base, read) {
  const fetching = new Map();
  const added = new Set();
  return {
    /** The bytes of part `file`, or null if the instance has it already. */
    fetch(file) {
      if (added.has(file)) return Promise.resolve(null);
      if (!fetching.has(file)) {
        const url = new URL(file, base);
        const bytes = read(url).catch((error) => {
          fetching.delete(file);
          const message = `could not be read from ${url.href}: ${error.message}`;
          throw partError(fahrasError(`part ${file} of the split index`, message, error), file);
        });
        fetching.set(file, bytes);
      }
      return fetching.get(file);
    },
    added(file) {
      fetching.delete(file);
      added.add(file);
    },
    refused(file) {
      fetching.delete(file);
    },
    restarted() {
      added.clear();
    },
  };
}

/** `error`, saying which part of a split index it is about (`error.part`), so a page can tell readers to retry. */
function partError(error, file) {
  return Object.assign(error, { part: file });
}

/** Whether `index` names an index by URL: a string, or a URL. */
function isUrl(index) {
  return typeof index === 'string' || index instanceof URL;
}

/**
 * The `load` function of an entry point. `readWasm` returns the engine module's
 * bytes (or a Response of them); they are compiled once, at the first load.
 * `toUrl(string | URL)` resolves an index's URL, and `read(url)` reads its bytes.
 *
 * `load()` opens the embedded index, `load(bytes)` an index's bytes, and
 * `load(url)` the index at `url`: a split index when it ends in `/` (its root,
 * then its parts as queries need them), a whole index file otherwise.
 */
export function createLoad(readWasm, { toUrl, read } = {}) {
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
    if (isUrl(index)) {
      if (!toUrl || !read) throw new TypeError('fahras: this entry point loads an index from bytes only');
      const url = toUrl(index);
      const split = url.pathname.endsWith('/');
      const bytes = await read(split ? new URL(ROOT_FILE, url) : url).catch((error) => {
        throw fahrasError('could not read the index', `${url.href}: ${error.message}`, error);
      });
      const parts = split ? splitParts(url, read) : null;
      return new FahrasEngine(module, bytes, await WebAssembly.instantiate(module, {}), parts);
    }
    const source = index === undefined || index === null ? null : asBytes(index).slice();
    return new FahrasEngine(module, source, await WebAssembly.instantiate(module, {}));
  };
}
