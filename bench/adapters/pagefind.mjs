import * as pagefind from 'pagefind';

// Pagefind's bundle is meant to be fetched file by file from a site. Here the
// files are already in memory, so fetch is answered from them: the bench then
// measures Pagefind's own work, not a network. Each loaded bundle gets its own
// URL prefix so that several can be live in one process.
const ORIGIN = 'http://127.0.0.1';
const served = new Map();
let nextBundle = 0;

function serveFromMemory() {
  const networkFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const [, bundle, ...rest] = url.pathname.split('/');
    const files = url.origin === ORIGIN && served.get(bundle);
    if (!files) return networkFetch(input, init);
    const body = files[rest.join('/')];
    return body ? new Response(body) : new Response(null, { status: 404 });
  };
}

// The UI scripts and styles are optional, and the unknown-language wasm serves
// pages without a language. The worker stays: browsers with Web Workers (all of
// them) search in it by default, though Node, here, searches without it.
const NOT_NEEDED_TO_SEARCH = /^pagefind-(ui|modular-ui|component-ui|highlight)\.|^wasm\.unknown\./;

// Ids travel as URLs, the only key Pagefind gives back for a result.
const toUrl = (id) => `/${encodeURIComponent(id)}`;
const fromUrl = (url) => decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));

export default {
  name: 'Pagefind',
  packages: ['pagefind'],
  setup: "Node API createIndex({ forceLanguage: 'ar' }), addCustomRecord per document (title+text as content)",
  snippet: 'its fragments hold the text; one more fetch per shown result',
  // The code a site ships (pagefind.js and the wasm) is part of the bundle.
  runtimeEntry: null,

  async build(docs) {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ar' });
    if (errors.length) throw new Error(errors.join('\n'));
    for (const doc of docs) {
      const { errors: recordErrors } = await index.addCustomRecord({
        url: toUrl(doc.id),
        // Its title meta is shown, not searched; the other peers search titles too.
        content: `${doc.title}\n${doc.text}`,
        language: 'ar',
        meta: { title: doc.title },
      });
      if (recordErrors.length) throw new Error(recordErrors.join('\n'));
    }
    const { files } = await index.getFiles();
    await index.deleteIndex();
    return Object.fromEntries(
      files.filter((f) => !NOT_NEEDED_TO_SEARCH.test(f.path)).map((f) => [f.path, f.content]),
    );
  },
  serialize(files) {
    return files;
  },
  async load(files) {
    if (served.size === 0) serveFromMemory();
    const bundle = `pagefind-${nextBundle++}`;
    served.set(bundle, files);
    const code = Buffer.from(files['pagefind.js']).toString('base64');
    const { createInstance } = await import(`data:text/javascript;base64,${code}`);
    const instance = createInstance({ basePath: `${ORIGIN}/${bundle}/`, baseUrl: '/' });
    await instance.init();
    return instance;
  },
  // A Pagefind result is only a handle: its URL comes from loading the result.
  async search(instance, query, k) {
    const { results } = await instance.search(query);
    const pages = await Promise.all(results.slice(0, k).map((result) => result.data()));
    return pages.map((page) => fromUrl(page.url));
  },
  // The indexing service is a child process; it must end for Node to exit.
  close: () => pagefind.close(),
};
