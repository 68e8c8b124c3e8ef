// The widget's place in the browser's history. An opened document is a
// history entry of its own, so that Back closes it; with <fahras-search
// url-state> the address also shows the search (?q=, replaced while typing,
// so that typing adds no entries; a filter as &f.key=value, repeated for
// several values; the order as &sort=key or &sort=-key, newest first for a
// date) and the open document (&doc=), to be shared, bookmarked and restored
// on load. Without url-state the address is left as it is.

const QUERY = 'q';
const DOCUMENT = 'doc';
const FILTER = 'f.';
const SORT = 'sort';
/** The keys of the widget's own history.state entries: the document, and which widget of the page opened it. */
const OPENED = 'fahrasDocument';
const WIDGET = 'fahrasWidget';

function withParams(changes) {
  const url = new URL(location.href);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === '') url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  return url.href;
}

/**
 * What the address says: the query and the document id (each null when
 * absent), the chosen filters ({ key: [values] }) and the order (or null).
 */
export function addressState() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const [name, value] of params) {
    if (name.startsWith(FILTER) && name.length > FILTER.length) (filters[name.slice(FILTER.length)] ??= []).push(value);
  }
  const sort = params.get(SORT);
  return {
    query: params.get(QUERY),
    document: params.get(DOCUMENT),
    filters,
    sort: sort ? { key: sort.replace(/^-/, ''), order: sort.startsWith('-') ? 'desc' : 'asc' } : null,
  };
}

/** Puts the search in the address, replacing the current entry. */
export function showSearch(query, filters, sort) {
  const url = new URL(withParams({ [QUERY]: query.trim(), [SORT]: sort && `${sort.order === 'desc' ? '-' : ''}${sort.key}` }));
  for (const name of [...url.searchParams.keys()]) if (name.startsWith(FILTER)) url.searchParams.delete(name);
  for (const [key, values] of Object.entries(filters)) for (const value of values) url.searchParams.append(FILTER + key, value);
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}

/** A new history entry for document `id` opened by widget `place`, in the address too when `inAddress`. */
export function pushDocument(id, place, inAddress) {
  history.pushState({ [OPENED]: id, [WIDGET]: place }, '', inAddress ? withParams({ [DOCUMENT]: id }) : location.href);
}

/** The document id of history entry `state`, if widget `place` pushed it. */
export function pushedDocument(state, place) {
  return typeof state?.[OPENED] === 'string' && state[WIDGET] === place ? state[OPENED] : null;
}

/** Drops the document from the current entry's address (one opened from the address itself). */
export function forgetDocument() {
  history.replaceState(null, '', withParams({ [DOCUMENT]: null }));
}
