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
  /** Maximum number of results; a non-negative integer, 10 when omitted. */
  limit?: number;
}

export interface FahrasEngine {
  search(query: string, options?: LimitOptions): SearchHit[];
  suggest(prefix: string, options?: LimitOptions): string[];
  analyze(text: string): Token[];
  info(): IndexInfo;
  /** Releases the engine's WebAssembly memory now instead of at garbage collection. */
  free(): void;
}

/** Bytes of an index written by `fahras index`. */
export type IndexBytes = Uint8Array | ArrayBuffer | ArrayBufferView;

/**
 * Starts the engine. Without an argument it searches the index embedded at build time;
 * with bytes it searches that index. Rejects with an `Error` when the index is not valid.
 */
export function load(index?: IndexBytes | null): Promise<FahrasEngine>;
