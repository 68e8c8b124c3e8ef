import { Index } from 'flexsearch';
import { decodeJson, encodeJson, loadStoredDocs, storedDocs } from './stored-docs.mjs';

// FlexSearch 0.8 has no Arabic preset (its old "arabic" charset is deprecated
// and empty), so it runs with its defaults. Its Index takes one text per id.
const searchableText = (doc) => `${doc.title}\n${doc.text}`;

export default {
  name: 'FlexSearch',
  packages: ['flexsearch'],
  setup: 'defaults (Index, default encoder, strict tokenizer)',
  snippet: 'no text in its index: documents shipped separately (docs.json)',
  runtimeEntry: "export { Index } from 'flexsearch';",

  build(docs) {
    const index = new Index();
    for (const doc of docs) index.add(doc.id, searchableText(doc));
    return index;
  },
  async serialize(index, docs) {
    const chunks = {};
    await index.export((key, data) => {
      chunks[key] = data;
    });
    return { 'index.json': encodeJson(chunks), ...storedDocs(docs) };
  },
  async load(files) {
    const index = new Index();
    for (const [key, data] of Object.entries(decodeJson(files['index.json']))) await index.import(key, data);
    return { index, docs: loadStoredDocs(files) };
  },
  search({ index }, query, k) {
    return index.search(query, { limit: k });
  },
};
