// JSON Lines: the shape of the corpora and query files, and the Fahras CLI's input.
export function toJsonl(records) {
  return records.map((record) => JSON.stringify(record)).join('\n') + '\n';
}

export function parseJsonl(text) {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

/** The `q` of every line of the query files `texts` (their contents), in order. */
export function queriesOf(texts) {
  return texts.flatMap((text) => parseJsonl(text).map((record) => record.q));
}
