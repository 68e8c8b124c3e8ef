// An engine whose WebAssembly instance traps (a panic in the engine: a bug, or
// memory running out) fails that one call, and restarts in a fresh instance;
// other engines made from the same compiled module never notice. Uses the test
// build of the engine that traps on purpose (tests/support/trap.mjs).
//
// A page whose classic fahras.js carries that engine has two <fahras-search>
// elements and an engine of its own from `Fahras.load()`, all from the script's
// one compiled module. The two widgets open the same (the embedded) index, so the
// widget gives them one engine: B must not notice A's engine restarting. The
// Fahras.load() engine has its own instance: it must not notice A's traps at all.
// tests/js/isolation.test.mjs does the same in Node.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ENGINE_PLACEHOLDER } from '../../js/bundle.js';
import { serve } from '../../scripts/serve.mjs';
import { MESSAGES } from '../../widget/arabic-messages.js';
import { launchBrowser, openPage } from '../support/browser.mjs';
import { TRAP_QUERY, trapEngineBytes } from '../support/trap.mjs';
import { INPUT, ROOT, WAIT, requireBuilt } from './widget.mjs';

const PAGE_TRAPS = 700;
const CHECK_EVERY = 100;

let dir;
let server;
let demoServer;
let browser;
before(async () => {
  requireBuilt('pkg/fahras-classic.js');
  const engine = trapEngineBytes();
  const template = readFileSync(join(ROOT, 'pkg', 'fahras-classic.js'), 'utf8');
  assert.ok(template.includes(ENGINE_PLACEHOLDER), 'the classic script template has its engine placeholder');
  dir = mkdtempSync(join(tmpdir(), 'fahras-isolation-'));
  writeFileSync(join(dir, 'fahras.js'), template.replace(ENGINE_PLACEHOLDER, () => Buffer.from(engine).toString('base64')));
  writeFileSync(join(dir, 'index.html'), `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>isolation</title><link rel="icon" href="data:,">
<script src="fahras.js" defer></script></head>
<body><fahras-search id="a"></fahras-search><fahras-search id="b"></fahras-search></body></html>`);
  [server, demoServer, browser] = await Promise.all([serve(dir), serve(ROOT), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
  await demoServer?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Runs in the page before its scripts: records uncaught errors and what the
// widgets log, and gives the test a way to search and wait for that search's render.
function pageHelpers(wait) {
  window.uncaught = [];
  window.addEventListener('error', (event) => window.uncaught.push(`error: ${event.message}`));
  window.addEventListener('unhandledrejection', (event) => window.uncaught.push(`rejection: ${event.reason}`));
  window.logged = [];
  const consoleError = console.error;
  console.error = (...args) => {
    window.logged.push(args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' '));
    consoleError.apply(console, args);
  };
  /** Sets the query of widget #id and resolves with what it shows once it has rendered the answer. */
  window.searchIn = (id, query) => new Promise((resolve, reject) => {
    const element = document.getElementById(id);
    const status = element.shadowRoot.querySelector('[part~="status"]');
    const timer = setTimeout(() => reject(new Error(`#${id} did not render «${query}» within ${wait} ms`)), wait);
    // Every search ends by writing the status line, even when its text does not change.
    const observer = new MutationObserver(() => {
      observer.disconnect();
      clearTimeout(timer);
      resolve({
        status: status.textContent,
        error: status.classList.contains('error'),
        ids: [...element.shadowRoot.querySelectorAll('[role="option"]')].map((option) => option.dataset.id),
      });
    });
    observer.observe(status, { childList: true, characterData: true, subtree: true });
    element.value = query;
  });
}

test(`a widget whose engine traps ${PAGE_TRAPS} times recovers; the other widget and Fahras.load() never notice`, { timeout: 15 * 60_000 }, async (t) => {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript(pageHelpers, WAIT);
  await page.goto(server.url);
  // Both widgets have their engine once they show the hint rather than the loading message.
  await page.waitForFunction((hint) => ['a', 'b'].every((id) => document.getElementById(id).shadowRoot
    ?.querySelector('[part~="status"]').textContent === hint), MESSAGES.hint, { timeout: WAIT });
  // An engine of the page's own, opened before any trap and kept throughout.
  await page.evaluate(async () => {
    window.direct = await window.Fahras.load();
  });

  const healthy = async (when) => {
    const b = await page.evaluate(() => window.searchIn('b', 'رونالدو'));
    assert.equal(b.error, false, `widget B ${when}: ${b.status}`);
    assert.ok(b.ids[0]?.startsWith('000'), `widget B ${when}: first result ${b.ids[0]}; status ${b.status}`);
    const direct = await page.evaluate(() => window.direct.search('رونالدو').map((hit) => hit.id));
    assert.ok(direct[0]?.startsWith('000'), `Fahras.load() engine ${when}: first result ${direct[0]}`);
  };
  await healthy('before any trap');
  const expected = await page.evaluate(() => window.searchIn('b', 'حلب'));
  assert.ok(expected.ids.length > 0, '«حلب» has results in the demo corpus');

  const started = performance.now();
  for (let done = 0; done < PAGE_TRAPS; done += CHECK_EVERY) {
    const failure = await page.evaluate(async ({ from, count, query, searchError }) => {
      for (let i = from; i < from + count; i += 1) {
        const logged = window.logged.length;
        const shown = await window.searchIn('a', query);
        if (shown.status !== searchError || !shown.error || shown.ids.length > 0) return { trap: i, shown };
        if (window.uncaught.length > 0) return { trap: i, uncaught: window.uncaught };
        // The widget logs the engine's error: it must be the trap, restarted, not anything else.
        if (window.logged.length !== logged + 1) return { trap: i, logged: window.logged.slice(logged) };
        const [message] = window.logged.splice(logged);
        if (!message.startsWith('fahras-search: fahras: the engine stopped and restarts at the next call:')
          || !message.includes('deliberate trap for the isolation tests')) return { trap: i, message };
      }
      return null;
    }, { from: done, count: CHECK_EVERY, query: TRAP_QUERY, searchError: MESSAGES.searchError });
    assert.equal(failure, null, `trap ${failure?.trap + 1}: ${JSON.stringify(failure)}`);
    assert.deepEqual(pageErrors, [], `no uncaught page error after ${done + CHECK_EVERY} traps`);
    await healthy(`after ${done + CHECK_EVERY} traps`);
  }
  const perTrap = (performance.now() - started) / PAGE_TRAPS;

  const a = await page.evaluate(() => window.searchIn('a', 'حلب'));
  assert.equal(a.error, false, `widget A after the traps: ${a.status}`);
  assert.deepEqual(a.ids, expected.ids, 'widget A answers as it did before its engine trapped');
  assert.equal(a.status, MESSAGES.resultCount(expected.ids.length));
  assert.deepEqual(await page.evaluate(() => window.uncaught), []);
  assert.deepEqual(pageErrors, []);
  t.diagnostic(`browser: ${PAGE_TRAPS} traps, ${perTrap.toFixed(1)} ms per trap + restart + render (with a check of B every ${CHECK_EVERY})`);
  await page.close();
});

test('crafted indexes loaded beside the demo leave its widget and its embedded engine working', { timeout: 10 * 60_000 }, async (t) => {
  const { craftedIndexes } = await import('../support/crafted.mjs');
  const { page, errors } = await openPage(browser, `${demoServer.url}dist/index.html`);
  await page.waitForFunction(() => window.Fahras && document.querySelector('#stats')?.textContent, null, { timeout: WAIT });
  const base = new Uint8Array(readFileSync(join(ROOT, 'dist', 'search.idx')));
  const counts = { refused: 0, opened: 0, failures: [] };
  const crafted = [...craftedIndexes(base, 300, 11)].map((bytes) => Buffer.from(bytes).toString('base64'));
  for (let at = 0; at < crafted.length; at += 50) {
    const batch = await page.evaluate(async (encoded) => {
      const out = { refused: 0, opened: 0, failures: [] };
      for (const text of encoded) {
        const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
        let engine;
        try {
          engine = await window.Fahras.load(bytes);
        } catch (error) {
          if (!/^fahras: could not read the index: /.test(error.message)) out.failures.push(error.message);
          out.refused += 1;
          continue;
        }
        out.opened += 1;
        for (const query of ['حلب', 'ريف حل', 'رونالدوو', 'ا']) {
          try {
            engine.search(query);
            engine.suggest(query);
          } catch (error) {
            out.failures.push(`${query}: ${error.message}`);
          }
        }
        engine.free();
      }
      return out;
    }, crafted.slice(at, at + 50));
    counts.refused += batch.refused;
    counts.opened += batch.opened;
    counts.failures.push(...batch.failures);
    // The demo's widget, whose engine is the one embedded in fahras.js, still answers.
    await page.locator(INPUT).fill('رونالدو');
    await page.waitForFunction(() => document.querySelector('fahras-search').shadowRoot
      .querySelector('[role="option"]')?.dataset.id.startsWith('000'), null, { timeout: WAIT });
  }
  t.diagnostic(`300 crafted indexes in Chromium: refused ${counts.refused}, opened ${counts.opened}`);
  assert.deepEqual(counts.failures, []);
  assert.ok(counts.refused > 20 && counts.opened > 20, JSON.stringify(counts));
  assert.deepEqual(errors, []);
  await page.context().close();
});
