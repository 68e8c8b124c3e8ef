// Writes what `fahras build` makes: a classic script that defines <fahras-search>
// and window.Fahras with the index inside its engine, a page that carries all of
// it and works opened from disk, and the index file itself; or, for a split
// index, the script with no index inside and a page whose widget reads the parts.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { embedIndex } from './embed.js';

const PACKAGE = new URL('../', import.meta.url);
/** What the classic script template says where the engine's base64 goes. */
export const ENGINE_PLACEHOLDER = '__FAHRAS_ENGINE_BASE64__';
/** The script tag a page template has, where the script is inlined. */
const SCRIPT_TAG = /(?:<!--(?:(?!-->)[\s\S])*-->\s*)?<script\s+src=["']?fahras\.js["']?\s+defer\s*>\s*<\/script>\s*/;

/** The widget element of a page, where `writeSplitBundle` names the index. */
const WIDGET_TAG = /<fahras-search(?=[\s>])/;

/**
 * The classic script with `index` inside its engine (with none: the engine
 * alone, for a page that names its index).
 * @param {Uint8Array} [index]
 */
export async function classicScript(index) {
  const [template, engine] = await Promise.all([
    readFile(new URL('pkg/fahras-classic.js', PACKAGE), 'utf8'),
    readFile(new URL('pkg/fahras.wasm', PACKAGE)),
  ]);
  const wasm = Buffer.from(index ? embedIndex(engine, index) : engine).toString('base64');
  if (!template.includes(ENGINE_PLACEHOLDER)) throw new Error('fahras: the script template has no engine placeholder');
  return template.replace(ENGINE_PLACEHOLDER, () => wasm);
}

/**
 * `page` (HTML with `<script src="fahras.js" defer></script>`) with `script` inline.
 * @param {string} page
 * @param {string} script
 */
export function inlinePage(page, script) {
  if (!SCRIPT_TAG.test(page)) throw new Error('fahras: the page has no <script src="fahras.js" defer></script> to inline');
  // An inline script cannot be deferred: it goes where a deferred one runs, after the
  // rest of the page. `</script` inside the bundle would end the element early.
  const inline = `<script>${script.replaceAll('</script', '<\\/script')}</script>\n`;
  const withoutTag = page.replace(SCRIPT_TAG, '');
  return withoutTag.includes('</body>') ? withoutTag.replace('</body>', () => `${inline}</body>`) : withoutTag + inline;
}

/**
 * Writes fahras.js, fahras.html and search.idx into `out` (created if missing);
 * nothing else in `out` is touched.
 * @param {Uint8Array} index  index bytes, as `fahras index` writes them
 * @param {string} out        the directory
 * @param {{ page?: string }} [options]  the page template's path (the generic search page by default)
 * @returns {Promise<Record<string, number>>} bytes written per file
 */
export async function writeBundle(index, out, { page } = {}) {
  const script = await classicScript(index);
  const template = await readFile(page ?? new URL('widget/page.html', PACKAGE), 'utf8');
  const files = { 'fahras.js': script, 'fahras.html': inlinePage(template, script), 'search.idx': index };
  await mkdir(out, { recursive: true });
  const sizes = {};
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(out, name), content);
    sizes[name] = Buffer.byteLength(content);
  }
  return sizes;
}

/**
 * Writes fahras.js (the engine with no index inside) and index.html (the page,
 * its widget reading the split index in `index/`) into `out`, where `fahras
 * index --split` wrote `out/index/`; nothing else in `out` is touched.
 * @param {string} out        the directory
 * @param {{ page?: string }} [options]  the page template's path (the generic search page by default)
 * @returns {Promise<Record<string, number>>} bytes written per file
 */
export async function writeSplitBundle(out, { page } = {}) {
  const template = await readFile(page ?? new URL('widget/page.html', PACKAGE), 'utf8');
  if (!WIDGET_TAG.test(template)) throw new Error('fahras: the page has no <fahras-search> to read the split index');
  const files = {
    'fahras.js': await classicScript(),
    'index.html': template.replace(WIDGET_TAG, '<fahras-search index="index/"'),
  };
  const sizes = {};
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(out, name), content);
    sizes[name] = Buffer.byteLength(content);
  }
  return sizes;
}
