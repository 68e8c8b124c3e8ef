// <fahras-search>: an accessible search-as-you-type box over a Fahras engine.
// Follows the WAI-ARIA combobox pattern with a listbox popup (focus stays in
// the input; the active option is conveyed by aria-activedescendant).
//
// Document text is untrusted: results are built from DOM nodes and text only,
// and links are made only for URLs that safeHref accepts.
//
// Page-facing API, in one place:
//   attributes   placeholder, label (a visible label; without it the input is
//                still named for screen readers), limit (results per page,
//                default 10), index (URL of an index file
//                built by `fahras index`; needs http(s), as file:// pages
//                cannot fetch, which the widget then says), plus dir/lang,
//                which default to rtl/ar, highlight (links carry the query in
//                the URL parameter fahras-highlight, or the one it names, for
//                fahras-highlight.js on the page linked to), url-state (the
//                query in the page's address as ?q=, filters as &f.key=,
//                the order as &sort=, the open document as &doc=), labels (names for metadata keys: "key:name,key:name")
//   properties   value: the query; setting it searches. labels: the same
//                names as an object
//   events       fahras-ready (detail: info()), fahras-select (detail: the hit;
//                cancelable: cancelling keeps a linked hit from navigating and
//                an unlinked one from opening in the reader view)
//   theming      --fahras-{font,fg,bg,accent,muted,border,radius,error,
//                option-border,mark-bg,mark-fg}; ::part(label input status
//                suggestions suggestion filters facet filter sort listbox
//                option title snippet mark more reader back reader-title
//                reader-meta reader-text)
import { MESSAGES } from './arabic-messages.js';
import { STYLE } from './fahras-search-style.js';
import { didYouMean } from './did-you-mean.js';
import { Filters } from './filters.js';
import { addressState, forgetDocument, pushDocument, pushedDocument, showSearch } from './history-state.js';
import { readerContent } from './reader.js';
import { safeHref } from './safe-url.js';
import { documentText, h, segmentNodes } from './element.js';
import { textDirection } from './text-direction.js';

const TAG = 'fahras-search';
const DEFAULT_LIMIT = 10;
/** The URL parameter fahras-highlight.js reads unless told another. */
const HIGHLIGHT_PARAM = 'fahras-highlight';

/** @type {(index?: string) => Promise<any>} */
let loadEngine;

// Engines by index attribute ('' = the corpus embedded in the bundle), so
// several widgets on one page share one load. A failed load is forgotten so
// that setting the index attribute again retries it.
const engines = new Map();

function engineFor(indexUrl) {
  const key = indexUrl ?? '';
  if (!engines.has(key)) {
    const engine = key ? fromPage(key).then(loadEngine) : loadEngine();
    engine.catch(() => engines.delete(key));
    engines.set(key, engine);
  }
  return engines.get(key);
}

// The facets of the whole index (those of an empty query), for the filters
// offered before anything is typed; asked once per engine (a failed ask is
// asked again).
const wholeIndexFacets = new WeakMap();

function facetsOfAll(engine) {
  if (!wholeIndexFacets.has(engine)) {
    const facets = Promise.resolve(engine.query('', { limit: 0 })).then((all) => all.facets);
    facets.catch(() => wholeIndexFacets.delete(engine));
    wholeIndexFacets.set(engine, facets);
  }
  return wholeIndexFacets.get(engine);
}

// Browsers do not let a page opened from disk read other files, so an index
// attribute there cannot work; the reader and the page's author are told why.
class FromDiskError extends Error {}

/** The index attribute as a URL the page may read: a whole index file, or a split index's directory (ending in /). */
async function fromPage(url) {
  const resolved = new URL(url, document.baseURI);
  if (resolved.protocol === 'file:') {
    throw new FromDiskError(`cannot read the index "${url}": browsers do not let a page opened from disk (file://) read other files. `
      + 'Serve the folder over HTTP, or drop the index attribute and use the fahras.js or fahras.html that `fahras build` writes: they carry the index inside.');
  }
  return resolved.href;
}

export class FahrasSearch extends HTMLElement {
  static observedAttributes = ['placeholder', 'limit', 'index', 'dir', 'label', 'highlight', 'labels'];

  #label;
  #input;
  #status;
  #suggestions;
  #filters;
  #listbox;
  #more;
  /** What the reader view hides: everything about the results. */
  #results;
  #reader;
  #readerBody;
  /** The id of the document the reader view shows, or null. */
  #opened = null;
  /** The page's scroll position when the reader view opened, restored when it closes. */
  #scrollBack = 0;
  #total = 0;
  /** @type {Promise<any> | undefined} the engine for the current index attribute */
  #engine;
  #hits = [];
  #active = -1;
  // Bumped for every query; an answer computed for an older query is dropped,
  // so a slow search can never overwrite the results of a newer one.
  #generation = 0;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open', delegatesFocus: true });
    this.#label = h('label', { part: 'label', for: 'input', hidden: '' });
    this.#input = h('input', {
      part: 'input',
      id: 'input',
      type: 'text',
      role: 'combobox',
      autocomplete: 'off',
      spellcheck: 'false',
      enterkeyhint: 'search',
      'aria-label': MESSAGES.label,
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': 'listbox',
      placeholder: MESSAGES.placeholder,
    });
    this.#status = h('div', { part: 'status', role: 'status', 'aria-live': 'polite' });
    this.#suggestions = h('div', { part: 'suggestions', role: 'group', 'aria-label': MESSAGES.didYouMean, hidden: '' });
    this.#filters = new Filters(() => {
      this.#showAddress();
      this.#search();
    });
    this.#listbox = h('div', { part: 'listbox', role: 'listbox', id: 'listbox', 'aria-label': MESSAGES.results, hidden: '' });
    this.#more = h('button', { part: 'more', type: 'button', hidden: '' }, MESSAGES.more);
    this.#results = h('div', { class: 'results' },
      h('div', { class: 'status-line' }, this.#status, this.#suggestions), this.#filters.element, this.#listbox, this.#more);
    const back = h('button', { part: 'back', type: 'button' }, MESSAGES.back);
    this.#readerBody = h('div', { class: 'reader-body' });
    this.#reader = h('section', { part: 'reader', 'aria-labelledby': 'reader-title', hidden: '' }, back, this.#readerBody);
    const style = h('style', {}, STYLE);
    root.append(style, this.#label, this.#input, this.#results, this.#reader);

    this.#more.addEventListener('click', () => this.#loadMore());
    back.addEventListener('click', () => this.#closeReader());
    this.#reader.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      this.#closeReader();
    });

    this.#input.addEventListener('input', () => this.#queryChanged());
    this.#input.addEventListener('keydown', (event) => this.#onKeydown(event));
    // Escape only hides the results: a click in the box shows them again.
    this.#input.addEventListener('click', () => {
      if (this.#listbox.hidden && this.#hits.length) this.#setExpanded(true);
    });
    this.#suggestions.addEventListener('click', (event) => {
      const choice = event.target.closest('button');
      if (!choice) return;
      this.value = choice.dataset.query;
      this.#input.focus();
    });
    this.#listbox.addEventListener('click', (event) => this.#onOptionClick(event));
    // A value set before the element was defined (the script may load after the
    // page has run) is an own property shadowing the accessor: take it over.
    if (Object.hasOwn(this, 'value')) {
      const query = this.value;
      delete this.value;
      this.#input.value = query;
    }
  }

  connectedCallback() {
    // The UI strings are Arabic, so the widget is right-to-left Arabic unless
    // the page says otherwise on the element itself.
    if (!this.hasAttribute('dir')) this.setAttribute('dir', 'rtl');
    if (!this.hasAttribute('lang')) this.setAttribute('lang', 'ar');
    window.addEventListener('popstate', this.#onPopState);
    if (this.hasAttribute('url-state')) this.#restoreAddress();
    this.#alignInput();
    if (!this.#engine) this.#connectEngine();
  }

  disconnectedCallback() {
    window.removeEventListener('popstate', this.#onPopState);
  }

  attributeChangedCallback(name) {
    if (name === 'placeholder') {
      this.#input.placeholder = this.getAttribute('placeholder') ?? MESSAGES.placeholder;
    } else if (name === 'index') {
      if (this.isConnected) this.#connectEngine();
    } else if (name === 'label') {
      this.#showLabel();
    } else if (name === 'dir') {
      this.#alignInput();
    } else if (name === 'labels') {
      this.labels = Object.fromEntries((this.getAttribute('labels') ?? '').split(',')
        .map((pair) => pair.split(':').map((part) => part.trim()))
        .filter(([key, label]) => key && label));
    } else {
      this.#search();
    }
  }

  /** The query text. Setting it searches, as typing would. */
  get value() {
    return this.#input.value;
  }

  set value(query) {
    this.#input.value = query;
    this.#queryChanged();
  }

  /** Names to show for metadata keys, as { key: name }; Arabic names for common keys otherwise. */
  get labels() {
    return this.#filters.names;
  }

  set labels(names) {
    this.#filters.names = { ...names };
    this.#search();
  }

  get limit() {
    const limit = Number.parseInt(this.getAttribute('limit') ?? '', 10);
    return limit > 0 ? limit : DEFAULT_LIMIT;
  }

  #queryChanged() {
    this.#alignInput();
    // A new query leaves the document for its results, in place: going
    // Back now would bring the old query back over the one being typed.
    if (this.#opened !== null) {
      this.#hideReader();
      if (this.hasAttribute('url-state')) forgetDocument();
    }
    this.#showAddress();
    this.#search();
  }

  #showAddress() {
    if (this.hasAttribute('url-state')) showSearch(this.#input.value, this.#filters.chosen, this.#filters.sort);
  }

  // Back and Forward: the entry says which document is open, if any, and
  // with url-state the address holds the query.
  #onPopState = (event) => {
    if (this.hasAttribute('url-state')) this.#restoreAddress();
    const id = pushedDocument(event.state, this.#place()) ?? this.#addressedDocument();
    if (id !== null && id !== this.#opened) this.#openReader(id, { push: false });
    else if (id === null && this.#opened !== null) this.#hideReader();
  };

  /** Which <fahras-search> of the page this is, to tell its history entries from another's. */
  #place() {
    return [...document.querySelectorAll(TAG)].indexOf(this);
  }

  #addressedDocument() {
    return this.hasAttribute('url-state') ? addressState().document : null;
  }

  /** Shows the search in the address, when it is not the one shown. */
  #restoreAddress() {
    const { query, filters, sort } = addressState();
    const newQuery = query !== null && query !== this.#input.value;
    if (!newQuery && this.#filters.is(filters, sort)) return;
    if (newQuery) this.#input.value = query;
    this.#filters.choose(filters, sort);
    this.#alignInput();
    this.#search();
  }

  // With a visible label the input is named by it; without, by an aria-label
  // that says the same to screen readers.
  #showLabel() {
    const text = this.getAttribute('label')?.trim();
    this.#label.textContent = text ?? '';
    this.#label.hidden = !text;
    if (text) this.#input.removeAttribute('aria-label');
    else this.#input.setAttribute('aria-label', MESSAGES.label);
  }

  // The query runs the way its first letter does; an empty box, its
  // placeholder and a query of digits run the widget's way.
  #alignInput() {
    this.#input.dir = textDirection(this.#input.value, this.getAttribute('dir') === 'ltr' ? 'ltr' : 'rtl');
  }

  #connectEngine() {
    const engine = engineFor(this.getAttribute('index'));
    this.#engine = engine;
    this.#showStatus(MESSAGES.loading);
    engine
      .then(
        (loaded) => {
          if (this.#engine !== engine) return;
          this.dispatchEvent(new CustomEvent('fahras-ready', { bubbles: true, composed: true, detail: loaded.info() }));
        },
        (error) => console.error('fahras-search:', error),
      )
      .then(() => this.#search())
      .then(() => {
        // A reload, or a shared address, may name a document to show.
        const id = pushedDocument(history.state, this.#place()) ?? this.#addressedDocument();
        if (id !== null && this.#engine === engine) this.#openReader(id, { push: false });
      });
  }

  async #search() {
    const generation = ++this.#generation;
    // Before connection there is no engine yet; #connectEngine searches once it has one.
    if (!this.#engine) return;
    const engine = await this.#engine.catch((error) => ({ failed: error }));
    if (generation !== this.#generation) return;
    if (engine.failed) {
      this.#showError(engine.failed instanceof FromDiskError ? MESSAGES.indexFromDisk : MESSAGES.loadError);
      return;
    }
    const query = this.#input.value.trim();
    try {
      // An empty query lists what the chosen filters or order select; with
      // none chosen it lists nothing, but offers the filters there are.
      const browse = query !== '' || this.#filters.active;
      const result = browse
        ? await engine.query(query, { limit: this.limit, offset: 0, ...this.#filters.options() })
        : { facets: await facetsOfAll(engine) };
      const choices = query ? await didYouMean(engine, query, result.total) : [];
      const all = await facetsOfAll(engine);
      if (generation !== this.#generation) return;
      this.#filters.show(result.facets, all);
      this.#render(result, browse ? this.#resultsStatus(result) : MESSAGES.hint, choices);
    } catch (error) {
      if (generation !== this.#generation) return;
      console.error('fahras-search:', error);
      this.#showError(error.part ? MESSAGES.partError : MESSAGES.searchError);
    }
  }

  /** The next page of results, after those shown. */
  async #loadMore() {
    const generation = this.#generation;
    const query = this.#input.value.trim();
    try {
      const engine = await this.#engine;
      const page = await engine.query(query, { limit: this.limit, offset: this.#hits.length, ...this.#filters.options() });
      if (generation !== this.#generation) return;
      const first = this.#hits.length;
      this.#hits.push(...page.hits);
      this.#total = page.total;
      this.#listbox.append(...page.hits.map((hit, index) => this.#renderOption(hit, first + index, query)));
      this.#more.hidden = this.#hits.length >= this.#total;
      this.#showStatus(`${MESSAGES.moreLoaded(page.hits.length)} ${MESSAGES.resultsShown(this.#total, this.#hits.length)}`);
      // Back in the input, on the first new result: the arrows go on from there,
      // and a screen reader reads it.
      this.#input.focus({ preventScroll: true });
      this.#setExpanded(true);
      if (page.hits.length) this.#setActive(first);
    } catch (error) {
      if (generation !== this.#generation) return;
      console.error('fahras-search:', error);
      this.#showError(error.part ? MESSAGES.partError : MESSAGES.searchError);
    }
  }

  // When the best hit was found by reading the query otherwise than typed (the
  // other keyboard layout, Latin letters, another spelling), say how it was read.
  #resultsStatus({ total, hits }) {
    const shown = MESSAGES.resultsShown(total, hits.length);
    const understood = hits[0]?.understood;
    return understood ? `${shown} — ${MESSAGES.understoodAs(understood)}` : shown;
  }

  #render({ hits = [], total = 0 }, status, choices = []) {
    this.#hits = hits;
    this.#total = total;
    const query = this.#input.value.trim();
    this.#listbox.replaceChildren(...hits.map((hit, index) => this.#renderOption(hit, index, query)));
    this.#more.hidden = hits.length >= total;
    this.#setExpanded(hits.length > 0);
    this.#showStatus(status);
    this.#suggestions.hidden = choices.length === 0;
    this.#suggestions.replaceChildren(h('span', {}, MESSAGES.didYouMean), ...choices.map((choice) => {
      const button = h('button', { part: 'suggestion', type: 'button', dir: textDirection(choice, 'rtl') }, choice);
      button.dataset.query = choice;
      return button;
    }));
  }

  #renderOption(hit, index, query) {
    const href = this.#withHighlight(safeHref(hit.url, document.baseURI), hit.understood ?? query);
    // A linked option is an <a role="option">, so that middle-click, "open in
    // new tab" and the status-bar preview work; it stays out of the tab order
    // because keyboard focus belongs to the input.
    const option = h(href ? 'a' : 'div', {
      part: 'option', role: 'option', id: `option-${index}`, 'aria-selected': 'false', 'data-id': hit.id,
    },
      h('span', documentText(hit, 'title'), hit.title || hit.id),
      h('span', documentText(hit, 'snippet'), ...segmentNodes(hit.snippet)));
    if (href) {
      option.href = href;
      option.tabIndex = -1;
    }
    return option;
  }

  // With the highlight attribute, a link carries the query for
  // fahras-highlight.js to mark on the page it leads to.
  #withHighlight(href, query) {
    if (!href || !this.hasAttribute('highlight') || !/^https?:$/.test(new URL(href).protocol)) return href;
    const url = new URL(href);
    url.searchParams.set(this.getAttribute('highlight') || HIGHLIGHT_PARAM, query);
    return url.href;
  }

  /** The page's selection as seen inside the shadow tree (Chromium and WebKit have their own getter). */
  #selection() {
    return this.shadowRoot.getSelection?.() ?? document.getSelection();
  }

  #showStatus(text) {
    this.#status.classList.remove('error');
    this.#status.textContent = text;
  }

  #showError(text) {
    this.#render({}, text);
    this.#status.classList.add('error');
  }

  #setExpanded(expanded) {
    this.#input.setAttribute('aria-expanded', String(expanded));
    this.#listbox.hidden = !expanded;
    this.#setActive(-1);
  }

  #setActive(index) {
    this.#listbox.children[this.#active]?.setAttribute('aria-selected', 'false');
    this.#active = index;
    const option = this.#listbox.children[index];
    if (!option) {
      this.#input.removeAttribute('aria-activedescendant');
      return;
    }
    option.setAttribute('aria-selected', 'true');
    this.#input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  #moveActive(step) {
    const count = this.#hits.length;
    if (count === 0) return;
    if (this.#listbox.hidden) this.#setExpanded(true);
    const next = this.#active < 0 ? (step > 0 ? 0 : count - 1) : (this.#active + step + count) % count;
    this.#setActive(next);
  }

  #onKeydown(event) {
    // Keys that confirm an input-method composition are not meant for the listbox.
    if (event.isComposing) return;
    // Over the reader view the list is hidden: Escape goes back to it, and
    // the arrows and Enter are the input's own.
    if (this.#opened !== null) {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      this.#closeReader();
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        this.#moveActive(1);
        break;
      case 'ArrowUp':
        this.#moveActive(-1);
        break;
      case 'Enter':
        if (this.#active < 0) return;
        // Goes through the click path so Enter and a click select identically.
        this.#listbox.children[this.#active].click();
        break;
      case 'Escape':
        if (!this.#listbox.hidden) this.#setExpanded(false);
        else if (this.#input.value) this.value = '';
        else return;
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  #onOptionClick(event) {
    const option = event.target.closest('[role="option"]');
    if (!option) return;
    // A press that ends a drag over the text selected it, to copy: it opens nothing.
    if (!this.#selection().isCollapsed) {
      event.preventDefault();
      return;
    }
    // Focus stays in the input, as the combobox pattern requires.
    this.#input.focus();
    const index = [...this.#listbox.children].indexOf(option);
    this.#setActive(index);
    const selected = this.dispatchEvent(new CustomEvent('fahras-select', {
      bubbles: true, composed: true, cancelable: true, detail: this.#hits[index],
    }));
    // A listener that handles the selection itself cancels the link's navigation.
    if (!selected) event.preventDefault();
    // A hit with no page of its own opens here.
    else if (!option.href) this.#openReader(option.dataset.id, { push: true });
  }

  /** Shows document `id` in the reader view, as a history entry of its own when `push`. */
  async #openReader(id, { push }) {
    // An index that did not load has said so in the status line already.
    const engine = await this.#engine.catch(() => null);
    if (!engine) return;
    let doc;
    let failed;
    try {
      // Marked as the hit was found: حلب for a hit that `pgf` found.
      const hit = this.#hits.find((h) => h.id === id);
      doc = await engine.document(id, { query: hit?.understood ?? this.#input.value.trim() });
    } catch (error) {
      console.error('fahras-search:', error);
      failed = error;
      doc = undefined;
    }
    if (!doc) {
      // An address may name a document the index does not have.
      if (this.#opened !== null) this.#hideReader();
      this.#status.textContent = doc === null ? MESSAGES.notFound : failed?.part ? MESSAGES.partError : MESSAGES.searchError;
      this.#status.classList.add('error');
      return;
    }
    const { title, nodes, firstMark } = readerContent(doc, this.#filters.names);
    this.#readerBody.replaceChildren(...nodes);
    if (this.#opened === null) this.#scrollBack = window.scrollY;
    this.#opened = id;
    if (push) pushDocument(id, this.#place(), this.hasAttribute('url-state'));
    this.#results.hidden = true;
    this.#input.setAttribute('aria-expanded', 'false');
    this.#input.removeAttribute('aria-activedescendant');
    this.#reader.hidden = false;
    // Focus on the title makes a screen reader read it. The view's top (the
    // back button, the title) comes into view, and the first match too when
    // it lies further down.
    title.focus({ preventScroll: true });
    this.#reader.scrollIntoView({ block: 'start' });
    if (firstMark && firstMark.getBoundingClientRect().bottom > window.innerHeight) {
      firstMark.scrollIntoView({ block: 'center' });
    }
  }

  /** Back to the results: through history when the reader view is an entry of its own. */
  #closeReader() {
    if (this.#opened === null) return;
    if (pushedDocument(history.state, this.#place()) === this.#opened) {
      // The popstate that follows hides the reader view.
      history.back();
      return;
    }
    if (this.hasAttribute('url-state')) forgetDocument();
    this.#hideReader();
  }

  /** The results again, as they were: the list, its active result, the page's scroll position. */
  #hideReader() {
    const index = this.#hits.findIndex((hit) => hit.id === this.#opened);
    this.#opened = null;
    this.#reader.hidden = true;
    this.#readerBody.replaceChildren();
    this.#results.hidden = false;
    this.#setExpanded(this.#hits.length > 0);
    this.#input.focus({ preventScroll: true });
    if (index >= 0) this.#setActive(index);
    window.scrollTo({ top: this.#scrollBack, behavior: 'instant' });
  }
}

/**
 * Defines <fahras-search> backed by `load` (the engine loader). Safe to call
 * more than once: only the first definition counts.
 * @param {(indexBytes?: Uint8Array) => Promise<any>} load
 */
export function defineFahrasSearch(load) {
  if (!customElements.get(TAG)) {
    loadEngine = load;
    customElements.define(TAG, FahrasSearch);
  }
  return customElements.get(TAG);
}
