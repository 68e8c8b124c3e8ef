// The peers, in the order the report lists them. Each module's default export
// has the same shape:
//   name, packages (npm names, for their versions), setup, snippet (what it
//   needs to show one): the report's words about it;
//   runtimeEntry: the import a site's bundle makes, or null if the code ships
//   among the index files;
//   prepare(): optional one-time tooling, not timed;
//   build(docs) → index; serialize(index, docs) → { path: bytes } a site ships;
//   load(files) → searcher; search(searcher, query, k) → ids, best first;
//   close(): optional, ends what build started.
const NAMES = ['fahras', 'minisearch', 'flexsearch', 'lunr', 'orama', 'pagefind'];

export async function loadAdapters(names = NAMES) {
  return Promise.all(
    names.map(async (name) => {
      const module = new URL(`./${name}.mjs`, import.meta.url).href;
      const { default: adapter } = await import(module);
      return { name, module, adapter };
    }),
  );
}
