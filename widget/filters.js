// The filters and the sort order over the results: a group of checkboxes per
// metadata key of the index (each value with its count in Arabic-Indic digits)
// and a choice of order, newest first among them, when a key holds dates.
import { arabicNumber, MESSAGES } from './arabic-messages.js';
import { h } from './element.js';
import { isDateKey, keyName } from './metadata.js';

/** Keys offered as filters at most, and values per key. */
const MAX_KEYS = 6;
const MAX_VALUES = 12;
// Keys whose values name one document each: no use as filters.
const NOT_FILTERS = new Set(['title', 'description', 'url', 'id', 'image']);

/**
 * Which keys to offer as filters, and which one holds dates, judged on the
 * facets of the whole index (`all`), so that they stay the same from one query
 * to the next: a key is offered when some value of it is shared by two
 * documents or more (else it names documents, it does not group them).
 */
function choose(all) {
  let dateKey = null;
  const keys = [];
  for (const [key, values] of Object.entries(all)) {
    if (isDateKey(key, Object.keys(values))) {
      dateKey ??= key;
    } else if (!NOT_FILTERS.has(key) && keys.length < MAX_KEYS && Object.values(values).some((count) => count > 1)) {
      keys.push(key);
    }
  }
  return { keys, dateKey };
}

export class Filters {
  /** @type {Record<string, string[]>} the chosen values by key */
  chosen = {};
  /** @type {{ key: string, order: 'asc' | 'desc' } | null} null: by relevance */
  sort = null;
  /** The page's names for metadata keys. */
  names = {};
  element;
  #groups;
  #order;
  #onChange;

  /** @param {() => void} onChange  called when the reader changes a filter or the order */
  constructor(onChange) {
    this.#onChange = onChange;
    this.#groups = h('div', { class: 'groups' });
    this.#order = h('select', { part: 'sort' });
    const orderLabel = h('label', { class: 'order' }, h('span', {}, MESSAGES.order), this.#order);
    this.element = h('div', { part: 'filters', role: 'group', 'aria-label': MESSAGES.filters, hidden: '' }, this.#groups, orderLabel);
    this.#groups.addEventListener('change', (event) => {
      const { key, value } = event.target.dataset;
      const values = new Set(this.chosen[key] ?? []);
      if (event.target.checked) values.add(value);
      else values.delete(value);
      if (values.size) this.chosen[key] = [...values];
      else delete this.chosen[key];
      this.#onChange();
    });
    this.#order.addEventListener('change', () => {
      const [key, order] = this.#order.value.split(':');
      this.sort = key ? { key, order } : null;
      this.#onChange();
    });
  }

  /** Whether a filter or an order is chosen: then an empty query lists what they select. */
  get active() {
    return Object.keys(this.chosen).length > 0 || this.sort !== null;
  }

  /** Whether `filters` and `sort` are the ones chosen. */
  is(filters, sort) {
    return JSON.stringify([this.chosen, this.sort]) === JSON.stringify([filters, sort]);
  }

  /** Chooses `filters` and `sort`, as restored from the address; shown at the next show(). */
  choose(filters, sort) {
    this.chosen = filters;
    this.sort = sort;
  }

  /** What engine.query() takes for them. */
  options() {
    return { filters: this.chosen, ...(this.sort ? { sort: { [this.sort.key]: this.sort.order } } : {}) };
  }

  /**
   * Shows the filters with the counts of `facets` ({ key: { value: count } }),
   * keeping what is chosen; `all` are the facets of the whole index.
   */
  show(facets, all) {
    const { keys, dateKey } = choose(all);
    // A key none of the matches has is left out for this query.
    const groups = keys.map((key) => this.#group(key, facets[key] ?? {})).filter(Boolean);
    this.#groups.replaceChildren(...groups);
    this.#showOrder(dateKey);
    this.element.hidden = groups.length === 0 && dateKey === null;
  }

  #group(key, counts) {
    const chosen = new Set(this.chosen[key] ?? []);
    const values = Object.entries(counts)
      .sort(([a, m], [b, n]) => Number(chosen.has(b)) - Number(chosen.has(a)) || n - m || a.localeCompare(b, 'ar'))
      .slice(0, Math.max(MAX_VALUES, chosen.size));
    // A chosen value the other filters leave no document for still shows, to be unchosen.
    for (const value of chosen) if (!Object.hasOwn(counts, value)) values.push([value, 0]);
    if (values.length === 0) return null;
    return h('fieldset', { part: 'facet' }, h('legend', {}, keyName(key, this.names)),
      ...values.map(([value, count]) => {
        const box = h('input', { type: 'checkbox', 'data-key': key, 'data-value': value });
        box.checked = chosen.has(value);
        return h('label', { part: 'filter' }, box, h('span', { dir: 'auto' }, value), h('span', { class: 'count' }, arabicNumber(count)));
      }));
  }

  #showOrder(dateKey) {
    const current = this.sort ? `${this.sort.key}:${this.sort.order}` : '';
    const choices = [['', MESSAGES.byRelevance]];
    if (dateKey) choices.push([`${dateKey}:desc`, MESSAGES.newestFirst], [`${dateKey}:asc`, MESSAGES.oldestFirst]);
    this.#order.replaceChildren(...choices.map(([value, text]) => h('option', { value }, text)));
    this.#order.value = choices.some(([value]) => value === current) ? current : '';
    this.#order.parentElement.hidden = !dateKey;
  }
}
