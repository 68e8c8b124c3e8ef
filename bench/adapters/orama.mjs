import { create, insertMultiple, load as loadDb, save, search as searchDb } from '@orama/orama';
import { language, stemmer } from '@orama/stemmers/arabic';
import { decodeJson, encodeJson } from './stored-docs.mjs';

// Orama's documented set-up for a language: its tokenizer for that language
// plus the matching stemmer from @orama/stemmers.
const createDb = () =>
  create({
    schema: { id: 'string', title: 'string', text: 'string' },
    components: { tokenizer: { language, stemmer, stemming: true } },
  });

export default {
  name: 'Orama',
  packages: ['@orama/orama', '@orama/stemmers'],
  setup: "language 'arabic' tokenizer + @orama/stemmers/arabic, fields title+text",
  snippet: 'keeps the documents in its index',
  runtimeEntry: `
    export { create, load, search } from '@orama/orama';
    export { language, stemmer } from '@orama/stemmers/arabic';`,

  async build(docs) {
    const db = createDb();
    await insertMultiple(db, docs);
    return db;
  },
  serialize(db) {
    return { 'index.json': encodeJson(save(db)) };
  },
  load(files) {
    const db = createDb();
    loadDb(db, decodeJson(files['index.json']));
    return db;
  },
  async search(db, query, k) {
    const { hits } = await searchDb(db, { term: query, limit: k });
    return hits.map((hit) => hit.id);
  },
};
