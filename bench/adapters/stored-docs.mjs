// Libraries whose index keeps no text cannot show a snippet by themselves: a
// site ships the documents beside the index, and that file counts as shipped.
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const encodeJson = (value) => encoder.encode(JSON.stringify(value));
export const decodeJson = (bytes) => JSON.parse(decoder.decode(bytes));

export const DOCS_FILE = 'docs.json';

export function storedDocs(docs) {
  return { [DOCS_FILE]: encodeJson(docs.map(({ id, title, text }) => ({ id, title, text }))) };
}

export function loadStoredDocs(files) {
  return new Map(decodeJson(files[DOCS_FILE]).map((doc) => [doc.id, doc]));
}
