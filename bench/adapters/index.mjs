// The peers, in the order the report lists them. Each module's default export
// has the same shape: build(docs) → index; serialize(index, docs) → files a
// site ships; load(files) → searcher; search(searcher, query, k) → ids.
import { fileURLToPath, pathToFileURL } from 'node:url';

const NAMES = ['fahras', 'minisearch', 'flexsearch', 'lunr', 'orama', 'pagefind'];

export async function loadAdapters(names = NAMES) {
  return Promise.all(
    names.map(async (name) => {
      const module = fileURLToPath(new URL(`./${name}.mjs`, import.meta.url));
      const { default: adapter } = await import(pathToFileURL(module).href);
      return { name, module, adapter };
    }),
  );
}
