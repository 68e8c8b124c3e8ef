import { load } from 'fahras';
import { buildIndex } from 'fahras/indexer';

const INDEX_FILE = 'search.idx';

export default {
  name: 'Fahras',
  packages: ['fahras'],
  setup: 'index built by the npm package (buildIndex, the indexer compiled to WebAssembly), searched through it',
  snippet: 'keeps the text in its index; search returns the snippet',
  runtimeEntry: "export { load } from 'fahras';",
  // The one file of data it ships, which the browser measurement also loads.
  indexFile: INDEX_FILE,

  build(docs) {
    return buildIndex(docs);
  },
  serialize(index) {
    return { [INDEX_FILE]: index };
  },
  load(files) {
    return load(files[INDEX_FILE]);
  },
  search(engine, query, k) {
    return engine.search(query, { limit: k }).map((hit) => hit.id);
  },
};
