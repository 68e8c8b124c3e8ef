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
