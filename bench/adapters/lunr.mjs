import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import arabic from 'lunr-languages/lunr.ar.js';
import { decodeJson, encodeJson, loadStoredDocs, storedDocs } from './stored-docs.mjs';

// lunr-languages' documented set-up: the support module, then the language.
stemmerSupport(lunr);
arabic(lunr);

export default {
  name: 'lunr',
  packages: ['lunr', 'lunr-languages'],
  setup: 'lunr-languages lunr.ar (trimmer, stop words, stemmer), fields title+text',
  snippet: 'no text in its index: documents shipped separately (docs.json)',
  runtimeEntry: `
    import lunr from 'lunr';
    import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
    import arabic from 'lunr-languages/lunr.ar.js';
    stemmerSupport(lunr);
    arabic(lunr);
    export default lunr;`,

  build(docs) {
    return lunr(function configure() {
      this.use(lunr.ar);
      this.ref('id');
      this.field('title');
      this.field('text');
      for (const doc of docs) this.add(doc);
    });
  },
  serialize(index, docs) {
    return { 'index.json': encodeJson(index), ...storedDocs(docs) };
  },
  load(files) {
    return { index: lunr.Index.load(decodeJson(files['index.json'])), docs: loadStoredDocs(files) };
  },
  // lunr reads its own query syntax (+, -, ~, ^, field:); a query it cannot
  // parse finds nothing, as a site using idx.search would show.
  search({ index }, query, k) {
    try {
      return index.search(query).slice(0, k).map((hit) => hit.ref);
    } catch (error) {
      if (error instanceof lunr.QueryParseError) return [];
      throw error;
    }
  },
};
