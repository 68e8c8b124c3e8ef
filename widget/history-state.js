// The widget's place in the browser's history. An opened document is a
// history entry of its own, so that Back closes it; with <fahras-search
// url-state> the address also shows the query (?q=, replaced while typing, so
// that typing adds no entries) and the open document (&doc=), to be shared,
// bookmarked and restored on load. Without url-state the address is left as
// it is.

const QUERY = 'q';
const DOCUMENT = 'doc';
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

/** The query and the document id in the address, each null when absent. */
export function addressState() {
  const params = new URLSearchParams(location.search);
  return { query: params.get(QUERY), document: params.get(DOCUMENT) };
}

/** Puts `query` in the address, replacing the current entry. */
export function showQuery(query) {
  const url = withParams({ [QUERY]: query.trim() });
  if (url !== location.href) history.replaceState(history.state, '', url);
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
