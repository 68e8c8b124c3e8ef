// The reader view's content: a whole document as engine.document() gives it,
// with the query's matches marked. Built from text nodes only.
import { documentText, h, segmentNodes } from './element.js';
import { keyName, metaText } from './metadata.js';

/** Metadata pairs shown at most (an index may keep a thousand per document). */
const MAX_META = 24;

/**
 * @param {{ id: string, title?: string, text: string, meta?: Record<string, string | number>,
 *   lang?: string, dir?: string, segments?: { text: string, hit: boolean }[] }} doc
 * @param {Record<string, string>} names  the page's names for metadata keys
 * @returns {{ title: HTMLElement, nodes: Node[], firstMark: Element | null }}
 */
export function readerContent(doc, names) {
  const title = h('h2', { ...documentText(doc, 'reader-title'), id: 'reader-title', tabindex: '-1' }, doc.title || doc.id);
  // The title is shown already; the rest of the metadata, as given.
  const pairs = Object.entries(doc.meta ?? {}).filter(([key]) => key !== 'title').slice(0, MAX_META);
  const meta = h('dl', { part: 'reader-meta' }, ...pairs.map(([key, value]) => h('div', {},
    h('dt', {}, keyName(key, names)), h('dd', { dir: 'auto' }, metaText(value)))));
  meta.hidden = pairs.length === 0;
  const text = h('div', documentText(doc, 'reader-text'), ...segmentNodes(doc.segments ?? [{ text: doc.text, hit: false }]));
  return { title, nodes: [title, meta, text], firstMark: text.querySelector('mark') };
}
