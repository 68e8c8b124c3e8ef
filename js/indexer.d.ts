/** A document to index. */
export interface IndexRecord {
  /** Unique within the index; the record's position (from 1) when omitted. */
  id?: string | number;
  title?: string;
  url?: string;
  text?: string;
  /** Metadata to filter and sort by, one value per key. */
  meta?: Record<string, string | number>;
  /** Language (`ar`, `en`, …) and direction (`rtl`, `ltr`) of the text. */
  lang?: string;
  dir?: string;
}

/**
 * The index of `records`, as bytes that `load()` opens or `writeBundle()` ships.
 * Runs the same indexer as `npx fahras index`; rejects with its message on bad input
 * (a duplicate id, a metadata value that is not a string or number).
 */
export function buildIndex(records: Iterable<IndexRecord>): Promise<Uint8Array>;

/** Runs `fahras index` over files and directories (as `npx fahras index` does) and returns the index bytes. */
export function indexFiles(inputs: string[]): Promise<Uint8Array>;

/**
 * Writes what `npx fahras build` writes into `out` (created if missing; nothing else in
 * it is touched): `fahras.js`, a classic script defining `<fahras-search>` and
 * `window.Fahras` with `index` inside its engine; `fahras.html`, a page carrying all of
 * it that works opened from disk; and `search.idx`. `page` is a page template of your
 * own with `<script src="fahras.js" defer></script>`. Resolves to bytes written per file.
 */
export function writeBundle(index: Uint8Array, out: string, options?: { page?: string }): Promise<Record<string, number>>;
