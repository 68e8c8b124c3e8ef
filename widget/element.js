// The one way the widget makes DOM: string children become text nodes, never
// markup, because most of what it shows is document text, which is untrusted.
import { documentDirection } from './text-direction.js';

/** Creates an element with `attributes` and `children` (nodes or text). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

// A language tag as BCP 47 spells one; anything else an index carries is left out.
const LANGUAGE_TAG = /^[a-z]{2,8}(-[a-z0-9]{1,8})*$/i;

/**
 * Attributes for an element holding a document's text (`part`): the
 * document's own direction and language, right-to-left when it has none.
 */
export function documentText(doc, part) {
  const attributes = { part, dir: documentDirection(doc.dir) };
  if (typeof doc.lang === 'string' && LANGUAGE_TAG.test(doc.lang)) attributes.lang = doc.lang;
  return attributes;
}

/** Text segments, the query's matches as <mark>. */
export function segmentNodes(segments = []) {
  return segments.map(({ text, hit }) => (hit ? h('mark', { part: 'mark' }, text) : text));
}
