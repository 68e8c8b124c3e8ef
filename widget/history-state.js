// The widget's place in the browser's history. An opened document is a
// history entry of its own, so that Back closes it; with <fahras-search
// url-state> the address also shows the query (?q=, replaced while typing, so
// that typing adds no entries) and the open document (&doc=), to be shared,
// bookmarked and restored on load. Without url-state the address is left as
// it is.

const QUERY = 'q';
const DOCUMENT = 'doc';
/** The key of the widget's own history.state entry. */
const OPENED = 'fahrasDocument';

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

/** A new history entry for document `id`, in the address too when `inAddress`. */
export function pushDocument(id, inAddress) {
  history.pushState({ [OPENED]: id }, '', inAddress ? withParams({ [DOCUMENT]: id }) : location.href);
}

/** The document id of the current history entry, if the widget pushed it. */
export function pushedDocument(state = history.state) {
  return typeof state?.[OPENED] === 'string' ? state[OPENED] : null;
}

/** Drops the document from the current entry's address (one opened from the address itself). */
export function forgetDocument() {
  history.replaceState(null, '', withParams({ [DOCUMENT]: null }));
}
