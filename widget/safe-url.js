// Document URLs come from whoever built the index, so they are untrusted: only
// schemes that navigate (and cannot run script) may become links.
const LINKABLE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

// A stand-in base used only to classify: a relative URL resolves against it to
// https:, so relative links pass, while "javascript:", "data:", "vbscript:" and
// disguises such as " JaVa\tScRiPt:" keep their own scheme, because the
// browser's URL parser does the stripping and case folding it does on click.
const CLASSIFYING_BASE = 'https://relative.invalid/';

/**
 * The absolute href to link to, or null when `url` must not be linked.
 * @param {unknown} url  the document's url field, possibly missing
 * @param {string} base  what relative URLs are resolved against (the page)
 * @returns {string | null}
 */
export function safeHref(url, base) {
  if (typeof url !== 'string' || url.trim() === '') return null;
  try {
    if (!LINKABLE_SCHEMES.has(new URL(url, CLASSIFYING_BASE).protocol)) return null;
    return new URL(url, base).href;
  } catch {
    return null;
  }
}
