// Which way a piece of text runs. dir="auto" falls back to left-to-right for
// text with no strong letter (an empty box, a number), and it lets a snippet
// that happens to start with a Latin phrase turn a right-to-left document's
// line around; so the widget decides the direction itself.

// Letters of the scripts written right to left.
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Samaritan}\p{Script=Mandaic}]/u;
const LETTER = /\p{L}/u;

/**
 * The direction of `text` by its first letter (the Unicode bidi rule), or
 * `fallback` when it has none, as with an empty query or one of digits only.
 * @param {string} text
 * @param {'rtl' | 'ltr'} fallback
 */
export function textDirection(text, fallback) {
  const letter = LETTER.exec(text)?.[0];
  if (!letter) return fallback;
  return RTL_LETTER.test(letter) ? 'rtl' : 'ltr';
}

/**
 * The direction a document declares, when it declares one the widget knows;
 * right-to-left otherwise, as Fahras indexes Arabic first.
 * @param {unknown} dir
 * @returns {'rtl' | 'ltr'}
 */
export function documentDirection(dir) {
  return dir === 'ltr' ? 'ltr' : 'rtl';
}
