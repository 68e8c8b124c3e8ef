/** A run of snippet text; `hit` marks the parts that matched the query. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** A metadata value as the documents gave it: text, or a number. */
export type MetaValue = string | number;

export interface SearchHit {
  id: string;
  title: string;
  url?: string;
  score: number;
  snippet: SnippetPart[];
  /** The document's metadata (`{ date, source, … }`); absent when it has none. */
  meta?: Record<string, MetaValue>;
  /**
   * Present when the hit was found by reading the query otherwise than as typed
   * (another keyboard layout, Latin letters, another spelling of a name, a
   * month's other name, words typed without a space): the query as it was read,
   * e.g. "حلب" for `pgf`. Show it as "showing results for".
   */
  understood?: string;
}

export interface QueryOptions extends LimitOptions {
  /** Matches skipped before this page; a non-negative integer, 0 when omitted. */
  offset?: number;
  /**
   * Keep documents whose metadata value for each key is one of the listed values
   * (compared as text; a number as written, `"2023"`). Several keys must all hold;
   * an empty list keeps nothing.
   */
  filters?: Record<string, string[]>;
  /**
   * Order by one metadata key instead of relevance, e.g. `{ date: 'desc' }`. ISO 8601
   * dates compare as instants, numbers as numbers, anything else as text; documents
   * without the key come last either way; ties keep their relevance order.
   */
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface QueryResults {
  /** Every document that matches, after filters and exclusions. */
  total: number;
  /** The page asked for, best first (or in `sort` order). */
  hits: SearchHit[];
  /**
   * For every metadata key of the index, matches per value (at most the 100 most
   * frequent values, plus any filtered on). The counts of a filtered key ignore
   * that key's own filter, so they show what choosing another value would give.
   */
  facets: Record<string, Record<string, number>>;
}

/** One document, whole: `text` is exactly as indexed. */
export interface StoredDocument {
  id: string;
  title: string;
  url?: string;
  text: string;
  meta: Record<string, MetaValue>;
  lang?: string;
  dir?: string;
  /**
   * With `query`: the whole text in parts, the words the query matches marked
   * `hit: true`; the parts' texts put together are `text`.
   */
  segments?: SnippetPart[];
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
  /** Bytes of memory the engine's WebAssembly instance holds now. */
  memoryBytes: number;
}

export interface LimitOptions {
  /**
   * Maximum number of results; a non-negative integer, 10 when omitted. Values above
   * what the engine returns at most (`MAX_RESULTS`, `MAX_SUGGESTIONS`) are clamped to it.
   */
  limit?: number;
}

/** Most results `search()` or one `query()` page returns, whatever `limit` asks. */
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
  /**
   * One page of results with the total and facets. A query with no searchable words
   * lists every document the filters keep (in document order, or by `sort`) when
   * there are filters or a sort; otherwise it lists nothing, and its `facets` count
   * every document (the filters to offer before anything is typed). Throws a `TypeError` or
   * `RangeError` for malformed options.
   */
  query(query: string, options?: QueryOptions): QueryResults;
  /** The document with this id, or `null`; with `query`, its text marked as in snippets. */
  document(id: string, options?: { query?: string }): StoredDocument | null;
  suggest(prefix: string, options?: LimitOptions): string[];
  analyze(text: string): Token[];
  info(): IndexInfo;
  /** Releases the engine's memory now instead of at garbage collection; later calls throw. */
  free(): void;
}

/**
 * An engine over a split index (`fahras index --split`): the same methods, but
 * those that read the index return Promises, as they fetch the parts a query
 * needs. Code written with `await engine.query(...)` works with either kind.
 * A call whose part cannot be fetched or is not the one the root names rejects
 * with an `Error` naming the part, whose `part` property is the part's file name;
 * the engine stays usable.
 */
export interface SplitFahrasEngine {
  search(query: string, options?: LimitOptions): Promise<SearchHit[]>;
  query(query: string, options?: QueryOptions): Promise<QueryResults>;
  document(id: string, options?: { query?: string }): Promise<StoredDocument | null>;
  suggest(prefix: string, options?: LimitOptions): Promise<string[]>;
  analyze(text: string): Token[];
  info(): IndexInfo;
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
/**
 * Starts an engine over the index at `url` (in the browser relative to the page;
 * in Node a plain string is a path): a split index's directory when it ends in
 * `/`, whose root is read now and whose parts as queries need them, or else a
 * whole index file, read now.
 */
export function load(url: string | URL): Promise<FahrasEngine | SplitFahrasEngine>;
