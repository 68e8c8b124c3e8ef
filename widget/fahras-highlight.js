// fahras-highlight.js: marks a search's words on the page a hit led to.
//
//   <script src="fahras-highlight.js" defer></script>
//
// <fahras-search highlight> adds the query to each hit's link as the URL
// parameter `fahras-highlight` (another name: highlight="name" on the widget,
// data-param="name" on this script). Here the words of that query are marked
// with <mark class="fahras-highlight"> wherever a word of the page matches one,
// ignoring diacritics, tatweel, the forms of hamza and alef, ى/ي and ة/ه, as
// the search did, and allowing the clitics و ف ب ك ل ال in front. The first
// mark is scrolled into view. The page's text stays text: marks wrap existing
// text nodes, and nothing from the URL becomes markup.
//
// A classic script with no imports, so that it works on any page, from disk too.
(() => {
  const script = document.currentScript;
  const PARAM = script?.dataset.param || 'fahras-highlight';
  /** Words marked at most, whatever the page or the query. */
  const MAX_MARKS = 1000;
  /** Query words looked for, as the engine reads at most 12. */
  const MAX_WORDS = 12;
  // Whose text is not the page's prose.
  const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'SVG', 'MARK']);

  // Marks and controls that do not change a word for the search (the engine's
  // "silent" characters): Arabic and Latin diacritics, tatweel, Quranic
  // annotation, zero-width and bidi format characters.
  const SILENT = /[\u0300-\u036f\u0610-\u061a\u061c\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u08d3-\u08ff\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufe00-\ufe0f\ufe20-\ufe2f\ufeff]/;
  const FOLD = new Map([
    ...[...'آأإٱٲٳٵ'].map((c) => [c, 'ا']),
    ...[...'ىیېۍ'].map((c) => [c, 'ي']),
    ...[...'ةۀەہۃھ'].map((c) => [c, 'ه']),
    ...[...'ؤئ'].map((c) => [c, 'ء']),
    ...[...'کڪ'].map((c) => [c, 'ك']),
    ...[...'٠١٢٣٤٥٦٧٨٩'].map((c, d) => [c, String(d)]),
    ...[...'۰۱۲۳۴۵۶۷۸۹'].map((c, d) => [c, String(d)]),
  ]);
  const WORD = /[\p{L}\p{N}]/u;
  // What may come before a word and still leave it the word searched for.
  // A conjunction, then a preposition, then the article: و ف, ب ك ل, ال (ل + ال is لل).
  const CLITICS = ['', 'و', 'ف'].flatMap((conjunction) => ['', 'ب', 'ك', 'ل'].flatMap((preposition) => {
    const before = conjunction + preposition;
    return preposition === 'ل' ? [before, `${conjunction}لل`] : [before, `${before}ال`];
  }));
  // Letters that may follow: suffixes such as ها، هم، ات، ون، ية.
  const MAX_SUFFIX = 3;

  /** The folded form of one character: '' when silent, else one or more characters. */
  function fold(c) {
    if (SILENT.test(c)) return '';
    const folded = FOLD.get(c);
    if (folded) return folded;
    // Latin accents: é is e.
    return c.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  /** The words of `text` folded, each without a leading ال (it is a clitic here too). */
  function queryWords(text) {
    const words = [];
    // Excluded words (-word) are not on the page, or should not be marked.
    for (const raw of text.replace(/"/g, ' ').split(/\s+/)) {
      if (raw === '' || raw.startsWith('-')) continue;
      let word = [...raw].map(fold).join('').replace(/[^\p{L}\p{N}]/gu, '');
      if (word.startsWith('ال') && word.length > 3) word = word.slice(2);
      if (word && !words.includes(word)) words.push(word);
      if (words.length === MAX_WORDS) break;
    }
    return words;
  }

  /**
   * The [start, end) ranges, in UTF-16 units of `text`, of its words that
   * match one of `words`: the folded word is a clitic, a query word, and
   * at most MAX_SUFFIX more letters.
   */
  function matches(text, words) {
    const ranges = [];
    let start = -1;
    let folded = '';
    const close = (end) => {
      const found = (word) => CLITICS.some((clitic) => folded.startsWith(clitic + word)
        && [...folded].length - [...clitic + word].length <= MAX_SUFFIX);
      if (start >= 0 && words.some(found)) {
        ranges.push([start, end]);
      }
      start = -1;
      folded = '';
    };
    for (let i = 0; i < text.length;) {
      const c = String.fromCodePoint(text.codePointAt(i));
      const f = fold(c);
      if (WORD.test(c) || (f === '' && start >= 0)) {
        if (start < 0) start = i;
        folded += f;
      } else {
        close(i);
      }
      i += c.length;
    }
    close(text.length);
    return ranges;
  }

  function textNodes(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        for (let e = node.parentElement; e && e !== root; e = e.parentElement) {
          if (SKIPPED.has(e.tagName.toUpperCase()) || e.isContentEditable) return NodeFilter.FILTER_REJECT;
        }
        return /\S/.test(node.data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      },
    });
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  }

  function highlight() {
    const query = new URLSearchParams(location.search).get(PARAM);
    const words = query ? queryWords(query) : [];
    if (words.length === 0) return;
    // The parts a site marked as its text for indexing, else the whole page.
    const marked = document.querySelectorAll('[data-fahras-body], [data-pagefind-body]');
    const roots = marked.length ? [...marked] : [document.body];
    let budget = MAX_MARKS;
    let first = null;
    for (const node of roots.flatMap(textNodes)) {
      if (budget === 0) break;
      const ranges = matches(node.data, words).slice(0, budget);
      budget -= ranges.length;
      let mark = null;
      // From the last match back, so that earlier offsets stay valid as the node is split.
      for (const [start, end] of ranges.reverse()) {
        const word = node.splitText(start);
        word.splitText(end - start);
        mark = document.createElement('mark');
        mark.className = 'fahras-highlight';
        word.replaceWith(mark);
        mark.append(word);
      }
      // The last one made is the node's first.
      first ??= mark;
    }
    first?.scrollIntoView({ block: 'center' });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', highlight, { once: true });
  else highlight();
})();
