// What the widget tests share: where the built demo lives, and a way to read
// the <fahras-search> element's rendered state out of its shadow tree.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../support/browser.mjs';
import { MESSAGES } from '../../widget/arabic-messages.js';
import { serve } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The demo `npm run build` makes with `fahras build`: fahras.js, fahras.html, search.idx, index.html. */
export const DIST = `${ROOT}dist`;
/** The search box (the widget also has checkboxes, for filters). */
export const INPUT = 'fahras-search [part~="input"]';
/** Generous: the machines that run these tests are small and shared. */
export const WAIT = 20_000;

/** Fails with the fix when the build the tests exercise has not been made. */
export function requireBuilt(...paths) {
  for (const path of paths) {
    assert.ok(existsSync(`${ROOT}${path}`), `${path} is missing: run \`npm run build\` first`);
  }
}

/** Types `text` one key at a time, so that every keystroke fires an input event. */
export async function type(page, text, selector = 'fahras-search') {
  await page.locator(`${selector} [part~="input"]`).pressSequentially(text);
  return rendered(page, selector);
}

/**
 * The widget's state once pending work has run: query, status line, whether
 * the listbox is open, and per option its id, title and highlighted text.
 */
export async function rendered(page, selector = 'fahras-search') {
  // Searches finish within a task; two frames also cover rendering.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    const root = element.shadowRoot;
    const input = root.querySelector('[role="combobox"]');
    const status = root.querySelector('[part~="status"]');
    return {
      query: element.value,
      status: status.textContent,
      error: status.classList.contains('error'),
      expanded: input.getAttribute('aria-expanded') === 'true',
      activeDescendant: input.getAttribute('aria-activedescendant'),
      options: [...root.querySelectorAll('[role="option"]')].map((option) => ({
        id: option.dataset.id,
        domId: option.id,
        selected: option.getAttribute('aria-selected') === 'true',
        href: option.getAttribute('href'),
        title: option.querySelector('[part~="title"]').textContent,
        marks: [...option.querySelectorAll('mark')].map((mark) => mark.textContent),
      })),
    };
  }, selector);
}

/**
 * Serves the repository over HTTP and launches Chromium for the calling test
 * file's tests. `url` is the built demo (dist/, as `npm run serve` shows it);
 * the widget's own modules are beside it at `../widget/`, for tests that import
 * them into the page. `open()` gives a page with the demo loaded and its engine ready.
 */
export function useDemo() {
  const demo = {};
  before(async () => Object.assign(demo, await startDemo()));
  after(() => demo.close?.());
  return demo;
}

async function startDemo() {
  requireBuilt('dist/index.html', 'dist/fahras.js');
  const [server, browser] = await Promise.all([serve(ROOT), launchBrowser()]);
  const url = `${server.url}dist/`;
  return {
    url,
    browser,
    async open() {
      const page = await browser.newPage();
      await page.goto(url);
      await waitUntilReady(page);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Waits until the widget has stopped loading its index (it may have failed to). */
export async function waitUntilLoaded(page, selector = 'fahras-search') {
  await page.waitForFunction(([selector, loading]) => {
    const status = document.querySelector(selector)?.shadowRoot?.querySelector('[part~="status"]');
    return status && status.textContent !== '' && status.textContent !== loading;
  }, [selector, MESSAGES.loading], { timeout: WAIT });
}

/** Waits for the demo's footer, which is filled from the fahras-ready event. */
export async function waitUntilReady(page) {
  try {
    await page.locator('#stats').filter({ hasText: /\S/ }).waitFor({ timeout: WAIT });
  } catch (error) {
    const status = await rendered(page).then((state) => state.status, () => '(nothing: <fahras-search> is not defined)');
    throw new Error(`the engine did not become ready; the widget says: ${status}`, { cause: error });
  }
}

/**
 * Like useDemo, for documents of the test's own: they are indexed with the
 * command a user runs (`fahras index`) into a folder holding the demo's
 * fahras.js and a page whose <fahras-search> opens that index (`attributes`
 * are added to it), with `files` beside it (name: contents, or a path of
 * this repository to copy). `open()` gives that page with the widget ready.
 */
export function useCorpus(documents, attributes = '', files = {}) {
  const corpus = {};
  before(async () => {
    requireBuilt('dist/fahras.js', 'pkg/fahras-cli.wasm');
    const dir = mkdtempSync(join(tmpdir(), 'fahras-corpus-'));
    mkdirSync(join(dir, 'corpus'));
    writeFileSync(join(dir, 'corpus', 'documents.jsonl'), documents.map((doc) => JSON.stringify(doc)).join('\n'));
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'fahras.js'), 'index', join(dir, 'corpus'), '-o', join(dir, 'corpus.bin')],
      { cwd: ROOT, encoding: 'utf8' });
    assert.equal(cli.status, 0, `fahras index failed:\n${cli.stderr}`);
    copyFileSync(join(DIST, 'fahras.js'), join(dir, 'fahras.js'));
    for (const [name, file] of Object.entries(files)) {
      if (typeof file === 'string') writeFileSync(join(dir, name), file);
      else copyFileSync(join(ROOT, file.copy), join(dir, name));
    }
    writeFileSync(join(dir, 'index.html'), `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>corpus</title><link rel="icon" href="data:,"></head>
<body><fahras-search index="corpus.bin" ${attributes}></fahras-search><script src="fahras.js"></script></body></html>`);
    const [server, browser] = await Promise.all([serve(dir), launchBrowser()]);
    Object.assign(corpus, {
      dir,
      url: server.url,
      browser,
      async open(options) {
        const page = await browser.newPage(options);
        await page.goto(server.url);
        await waitUntilLoaded(page);
        return page;
      },
      async close() {
        await browser.close();
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      },
    });
  });
  after(() => corpus.close?.());
  return corpus;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING = new Set(['serious', 'critical']);

/** The serious and critical violations axe-core finds on the page as it is now. */
export async function audit(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const { violations } = await page.evaluate(() => window.axe.run(document));
  return violations
    .filter((violation) => BLOCKING.has(violation.impact))
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' >>> ')).join(', ')}`);
}
