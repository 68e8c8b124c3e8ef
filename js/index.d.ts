/** A run of snippet text; `hit` marks the parts that matched the query. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  id: string;
  title: string;
  url?: string;
  score: number;
  snippet: SnippetPart[];
  /**
   * Present when the hit was found by reading the query otherwise than as typed
   * (another keyboard layout, Latin letters, another spelling of a name, a
   * month's other name, words typed without a space): the query as it was read,
   * e.g. "حلب" for `pgf`. Show it as "showing results for".
   */
  understood?: string;
}

/**
 * One token of `analyze()`: the original text, its normalized term and its stem.
 * `start`/`end` are UTF-16 offsets: `input.slice(start, end) === text`.
 */
export interface Token {
  text: string;
  term: string;
  stem: string;
  start: number;
  end: number;
}

export interface IndexInfo {
  documents: number;
  terms: number;
  stems: number;
  indexBytes: number;
  formatVersion: number;
  analyzerVersion: number;
}

export interface LimitOptions {
  /**
   * Maximum number of results; a non-negative integer, 10 when omitted. Values above
   * what the engine returns at most (`MAX_RESULTS`, `MAX_SUGGESTIONS`) are clamped to it.
   */
  limit?: number;
}

/** Most results `search()` returns, whatever `limit` asks. */
export const MAX_RESULTS: number;
/** Most suggestions `suggest()` returns. */
export const MAX_SUGGESTIONS: number;
/** Longest text `analyze()` takes, in UTF-16 code units; longer throws a `RangeError`. */
export const MAX_ANALYZE_LENGTH: number;

/**
 * A search engine over one index, in its own WebAssembly instance. If the engine
 * fails inside (a WebAssembly trap), that call throws an `Error` saying so and the
 * engine starts afresh at its next call; other engines are not affected.
 */
export interface FahrasEngine {
  search(query: string, options?: LimitOptions): SearchHit[];
  suggest(prefix: string, options?: LimitOptions): string[];
  analyze(text: string): Token[];
  info(): IndexInfo;
  /** Releases the engine's memory now instead of at garbage collection; later calls throw. */
  free(): void;
}

/** Bytes of an index written by `fahras index`. */
export type IndexBytes = Uint8Array | ArrayBuffer | ArrayBufferView;

/**
 * Starts an engine. With bytes it searches that index; without, the index carried
 * inside the engine (the `fahras.js` that `fahras build` writes has one; the npm
 * package's own engine has none and rejects). Rejects with an `Error` whose message
 * starts with `fahras:` when the index is not valid.
 */
export function load(index?: IndexBytes | null): Promise<FahrasEngine>;
