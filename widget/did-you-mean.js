// The queries offered under «هل تقصد». The engine already finds words by
// prefix and by one or two edits, so a query whose words are all unknown gets
// no results and no suggestion either: waiting for zero results before asking
// suggest() (as the widget once did) meant never offering anything. Instead,
// each word the index does not know, and does not know as the start of a word,
// is replaced by the commonest word an edit or two away; with zero results the
// completions of the query and the query without its quotes are offered too,
// each only when it finds something.

/** Query words looked at (each costs one suggest() call); the engine reads 12 at most. */
const MAX_WORDS = 6;
/** Characters of the query looked at: the engine reads no more. */
const MAX_QUERY_CHARS = 256;
/** Choices offered at most. */
const MAX_CHOICES = 3;
/** Spellings of a word asked for: enough to find the word itself among longer ones. */
const SPELLINGS = 5;

/**
 * The query with each word the index does not know replaced by its commonest
 * correction, or null when every word is known (or has no correction).
 * @param {any} engine
 * @param {string} query
 */
async function corrected(engine, query) {
  let changed = false;
  let out = '';
  let at = 0;
  for (const word of engine.analyze(query.slice(0, MAX_QUERY_CHARS)).slice(0, MAX_WORDS)) {
    // The space ends the word, so suggest() lists the word itself, then longer words.
    const spellings = await engine.suggest(`${word.text} `, { limit: SPELLINGS });
    const terms = spellings.length ? engine.analyze(spellings.join('\n')).map((token) => token.term) : [];
    if (terms.length === 0 || terms.some((term) => term.startsWith(word.term))) continue;
    out += query.slice(at, word.start) + spellings[0];
    at = word.end;
    changed = true;
  }
  return changed ? out + query.slice(at) : null;
}

/**
 * Up to three queries to offer for `query`, which found `found` hits.
 * @param {any} engine  a loaded engine
 * @param {string} query  the trimmed, non-empty query
 * @param {number} found
 * @returns {Promise<string[]>}
 */
export async function didYouMean(engine, query, found) {
  const choices = [await corrected(engine, query)];
  if (found === 0) choices.push(...await engine.suggest(query, { limit: MAX_CHOICES }), query.replaceAll('"', ' ').trim());
  const offered = [];
  for (const choice of choices) {
    if (offered.length === MAX_CHOICES) break;
    if (!choice || choice === query || offered.includes(choice)) continue;
    if (found === 0 && (await engine.search(choice, { limit: 1 })).length === 0) continue;
    offered.push(choice);
  }
  return offered;
}
