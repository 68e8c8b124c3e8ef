import MiniSearch from 'minisearch';
import { decodeJson, encodeJson, loadStoredDocs, storedDocs } from './stored-docs.mjs';

// MiniSearch has no Arabic analysis; its own tolerance (prefix and fuzzy
// matching) is what it offers for spelling variants, so both are on.
const OPTIONS = { fields: ['title', 'text'], searchOptions: { prefix: true, fuzzy: 0.2 } };

export default {
  name: 'MiniSearch',
  packages: ['minisearch'],
  setup: 'fields title+text, prefix: true, fuzzy: 0.2',
  snippet: 'no text in its index: documents shipped separately (docs.json)',
  runtimeEntry: "export { default } from 'minisearch';",

  build(docs) {
    const index = new MiniSearch(OPTIONS);
    index.addAll(docs);
    return index;
  },
  serialize(index, docs) {
    return { 'index.json': encodeJson(index), ...storedDocs(docs) };
  },
  load(files) {
    return { index: MiniSearch.loadJS(decodeJson(files['index.json']), OPTIONS), docs: loadStoredDocs(files) };
  },
  search({ index }, query, k) {
    return index.search(query).slice(0, k).map((hit) => hit.id);
  },
};
