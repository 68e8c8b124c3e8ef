// The packed npm package installed into a scratch project, as a user would get it, then
// used with no configuration from Node, TypeScript, Vite 7 (build and dev server),
// webpack 5 and esbuild; each bundled page must find the expected first hit in Chromium.
// The tools are this repository's devDependencies; the scratch project only installs the
// tarball, which has no dependencies, so nothing is downloaded.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild, createServer as viteServer } from 'vite';
import webpack from 'webpack';
import { serve } from '../../scripts/serve.mjs';
import { launchBrowser, openPage } from '../support/browser.mjs';
import { FIRST_HITS } from '../support/corpus.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const DEMO_INDEX = join(root, 'dist', 'search.idx');
const [QUERY, FIRST_ID] = FIRST_HITS[0];
// The npm engine carries no index: the page fetches the one it is given.
const MAIN = `import { load } from 'fahras';
import 'fahras/element';
fetch('/search.idx').then((r) => r.arrayBuffer()).then((bytes) => load(new Uint8Array(bytes))).then((engine) => {
  window.fahrasResult = {
    first: engine.search(${JSON.stringify(QUERY)}, { limit: 3 })[0]?.id,
    element: customElements.get('fahras-search') !== undefined,
  };
}, (error) => { window.fahrasResult = { error: String(error) }; });
`;
const PAGE = (src) => `<!doctype html><meta charset="utf-8"><title>consumer</title><link rel="icon" href="data:,">
<fahras-search index="/search.idx"></fahras-search><script type="module" src="${src}"></script>\n`;

let scratch;
let browser;

function npm(args, cwd) {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'fahras-consumer-'));
  // --ignore-scripts: the package was just built; prepack would build it again.
  const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], root));
  console.log(`npm tarball ${packed.filename}: ${(packed.size / 1024).toFixed(1)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KiB unpacked, ${packed.files.length} files`);
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', '--no-package-lock', join(scratch, packed.filename)], scratch);
  writeFileSync(join(scratch, 'main.js'), MAIN);
  writeFileSync(join(scratch, 'index.html'), PAGE('/main.js'));
  // Vite serves public/ at the root and copies it into its build.
  mkdirSync(join(scratch, 'public'));
  copyFileSync(DEMO_INDEX, join(scratch, 'public', 'search.idx'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function assertPageSearches(url) {
  const { page, errors } = await openPage(browser, url);
  try {
    await page.waitForFunction(() => window.fahrasResult, null, { timeout: 20_000 });
    const result = await page.evaluate(() => window.fahrasResult);
    assert.equal(result.error, undefined);
    assert.ok(result.first?.startsWith(FIRST_ID), `first hit ${result.first}`);
    assert.ok(result.element, '<fahras-search> is not defined');
    await page.waitForFunction(() => document.querySelector('fahras-search')?.shadowRoot?.querySelector('input'));
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
}

async function assertServedSearches(dir) {
  const server = await serve(dir);
  try {
    await assertPageSearches(server.url);
  } finally {
    await server.close();
  }
}

test('Node ESM consumer searches', () => {
  writeFileSync(join(scratch, 'node-consumer.mjs'), `import { readFileSync } from 'node:fs';
import { load } from 'fahras';
const engine = await load(readFileSync(${JSON.stringify(DEMO_INDEX)}));
console.log(JSON.stringify(engine.search(${JSON.stringify(QUERY)})[0].id));\n`);
  const first = JSON.parse(execFileSync(process.execPath, ['node-consumer.mjs'], { cwd: scratch, encoding: 'utf8' }));
  assert.ok(first.startsWith(FIRST_ID), `first hit ${first}`);
});

test('Node build script indexes its own records with fahras/indexer', () => {
  writeFileSync(join(scratch, 'build-script.mjs'), `import { buildIndex } from 'fahras/indexer';
import { load } from 'fahras';
const index = await buildIndex([
  { id: 'a', title: 'خبر', url: '/a', text: 'وصلت قافلة المساعدات إلى ريف حلب', meta: { year: 2024 } },
  { id: 'b', text: 'مباراة رونالدو الأخيرة' },
]);
const engine = await load(index);
console.log(JSON.stringify(engine.search('قافلة').map((hit) => [hit.id, hit.url])));\n`);
  const found = JSON.parse(execFileSync(process.execPath, ['build-script.mjs'], { cwd: scratch, encoding: 'utf8' }));
  assert.deepEqual(found, [['a', '/a']]);
});

test('TypeScript consumer type-checks against the declarations', () => {
  writeFileSync(join(scratch, 'consumer.ts'), `import { load, type FahrasEngine, type QueryResults, type SearchHit, type StoredDocument } from 'fahras';
import { load as loadFromElement } from 'fahras/element';
import { buildIndex, writeBundle } from 'fahras/indexer';
const built: Uint8Array = await buildIndex([{ id: 1, text: 'نص', meta: { year: 2024, source: 'وكالة' } }]);
const sizes: Record<string, number> = await writeBundle(built, 'out', { page: 'page.html' });
const engine: FahrasEngine = await load(new Uint8Array(0));
const hits: SearchHit[] = engine.search('حلب', { limit: 3 });
const words: string[] = engine.suggest('حل');
const stems: string[] = engine.analyze('حلب').map((token) => token.stem);
const documents: number = engine.info().documents;
const page: QueryResults = engine.query('حلب', { limit: 5, offset: 5, filters: { source: ['وكالة'] }, sort: { year: 'desc' } });
const counts: Record<string, number> = page.facets.source;
const year: string | number | undefined = page.hits[0]?.meta?.year;
const shown: StoredDocument | null = engine.document('a', { query: 'حلب' });
const marked: boolean[] | undefined = shown?.segments?.map((part) => part.hit);
const element: HTMLElement = document.createElement('fahras-search');
export { hits, words, stems, documents, element, loadFromElement, sizes, page, counts, year, marked };
// @ts-expect-error: the limit is an option, not a positional argument
engine.search('حلب', 3);
// @ts-expect-error: a sort is 'asc' or 'desc'
engine.query('حلب', { sort: { year: 'up' } });
// @ts-expect-error: filter values are lists
engine.query('حلب', { filters: { source: 'وكالة' } });\n`);
  writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [] },
    files: ['consumer.ts'],
  }));
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', scratch], { stdio: 'inherit' });
});

test('Vite 7 build', async () => {
  const outDir = join(scratch, 'dist-vite');
  await viteBuild({ root: scratch, configFile: false, logLevel: 'warn', build: { outDir } });
  await assertServedSearches(outDir);
});

test('Vite 7 dev server', async () => {
  const server = await viteServer({
    root: scratch, configFile: false, logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  try {
    await assertPageSearches(server.resolvedUrls.local[0]);
  } finally {
    await server.close();
  }
});

test('webpack 5', async () => {
  const outDir = join(scratch, 'dist-webpack');
  const stats = await new Promise((done, fail) => webpack({
    mode: 'production', context: scratch, entry: './main.js',
    output: { path: outDir, filename: 'main.js' }, performance: { hints: false },
  }, (error, result) => (error ? fail(error) : done(result))));
  assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
  writeFileSync(join(outDir, 'index.html'), PAGE('main.js'));
  copyFileSync(DEMO_INDEX, join(outDir, 'search.idx'));
  await assertServedSearches(outDir);
});

test('esbuild', async () => {
  const outDir = join(scratch, 'dist-esbuild');
  await esbuild({
    absWorkingDir: scratch, entryPoints: ['main.js'], bundle: true, format: 'esm',
    outdir: outDir, logLevel: 'warning',
  });
  writeFileSync(join(outDir, 'index.html'), PAGE('main.js'));
  copyFileSync(DEMO_INDEX, join(outDir, 'search.idx'));
  await assertServedSearches(outDir);
});
