// A split index (`npx fahras index --split`) served over HTTP on 127.0.0.1:
// the npm package answers from it exactly as from the whole index, fetching a
// few of its parts; a part that is missing, cut short, damaged or from another
// build fails that query with an error naming the part, and the engine goes on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { load } from '../../js/node.js';
import { partOnlyFor } from '../support/split.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
let scratch;
let server;
/** Paths requested from the server, in order. */
const requested = [];

function npx(args) {
  const run = spawnSync(process.execPath, [join(root, 'bin/fahras.js'), ...args], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run;
}

/** The development queries kept in the project. */
function queries() {
  const files = readdirSync(join(root, 'eval')).filter((f) => f.endsWith('.jsonl') && !f.startsWith('rewrites-'));
  const lines = [...files.map((f) => join(root, 'eval', f)), join(root, 'crates/engine/tests/data/seeds.jsonl')]
    .flatMap((file) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()));
  return lines.map((line) => JSON.parse(line).q);
}

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'fahras-split-'));
  npx(['index', 'corpus', '-o', join(scratch, 'whole.idx')]);
  npx(['index', 'corpus', '--split', '-o', join(scratch, 'split/')]);
  // Another build: one document more.
  const more = join(scratch, 'more');
  cpSync(join(root, 'corpus'), more, { recursive: true });
  writeFileSync(join(more, 'extra.txt'), 'خبر آخر\nنص آخر عن حلب وإدلب');
  npx(['index', more, '--split', '-o', join(scratch, 'other/')]);
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    requested.push(path);
    try {
      const body = readFileSync(join(scratch, path));
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404);
      response.end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
});

after(async () => {
  await new Promise((done) => server.close(done));
  rmSync(scratch, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${server.address().port}/`;
const parts = () => readdirSync(join(scratch, 'split')).filter((f) => f.endsWith('.part'));

test('a split index over HTTP answers as the whole index, fetching some of its parts', async () => {
  const whole = await load(new URL('whole.idx', base()));
  const split = await load(`${base()}split/`);
  assert.equal(typeof whole.query('حلب').total, 'number', 'a whole index answers at once');
  assert.ok(split.query('حلب') instanceof Promise, 'a split index answers with a Promise');
  requested.length = 0;
  const options = [{}, { limit: 3, offset: 2 }, { filters: { category: ['أخبار'] } }, { sort: { date: 'desc' } }];
  for (const q of queries()) {
    for (const o of options) {
      assert.deepEqual(await split.query(q, o), whole.query(q, o), `query(${JSON.stringify(q)}, ${JSON.stringify(o)})`);
    }
    assert.deepEqual(await split.search(q), whole.search(q), q);
    assert.deepEqual(await split.suggest(q), whole.suggest(q), q);
    for (const hit of whole.search(q, { limit: 3 })) {
      assert.deepEqual(await split.document(hit.id, { query: q }), whole.document(hit.id, { query: q }), hit.id);
    }
  }
  assert.equal(await split.document('no such id'), null);
  assert.deepEqual({ ...split.info(), memoryBytes: 0 }, { ...whole.info(), memoryBytes: 0 });
  assert.equal(requested.length, new Set(requested).size, 'no part is fetched twice');
});

test('calls running together fetch each part once', async () => {
  const whole = await load(new URL('whole.idx', base()));
  const split = await load(`${base()}split/`);
  requested.length = 0;
  // As a reader types: each call starts before the one before it has its parts.
  const typed = ['ح', 'حل', 'حلب', 'حلب س', 'حلب سو', 'حلب سوريا'];
  const answers = await Promise.all(typed.map((q) => split.query(q)));
  assert.deepEqual(answers, typed.map((q) => whole.query(q)));
  const twice = requested.filter((p, i) => requested.indexOf(p) !== i);
  assert.deepEqual(twice, [], 'no part is fetched twice');
  assert.ok(requested.length > 5, `${requested.length} parts fetched`);
});

const QURAN = join(root, '../shared/corpora/quran.jsonl');

test('a query fetches the root and a few parts of a larger index', { skip: !existsSync(QURAN) && `${QURAN} is not there` }, async () => {
  npx(['index', QURAN, '--split', '-o', join(scratch, 'quran/')]);
  const all = readdirSync(join(scratch, 'quran')).length - 1;
  for (const q of ['الرحمن الرحيم', 'يا أيها الذين آمنوا', 'موسى']) {
    requested.length = 0;
    const split = await load(`${base()}quran/`);
    assert.ok((await split.search(q)).length > 0, q);
    assert.equal(requested[0], '/quran/root.fahras');
    assert.ok(requested.length - 1 < all / 3, `${q}: ${requested.length - 1} of ${all} parts`);
  }
});

const BUKHARI = join(root, '../shared/corpora/bukhari.jsonl');

test('a query takes as many rounds as its reads need', { skip: !existsSync(BUKHARI) && `${BUKHARI} is not there` }, async () => {
  // A word with a slip is corrected, and its rewrites tried, only once its own
  // parts are there, so its reads come in layers: «هل علي المكاه» takes 16
  // rounds of fetches on the Quran and Sahih al-Bukhari together.
  const inputs = [QURAN, BUKHARI];
  npx(['index', ...inputs, '-o', join(scratch, 'both.idx')]);
  npx(['index', ...inputs, '--split', '-o', join(scratch, 'both/')]);
  const whole = await load(join(scratch, 'both.idx'));
  const lines = readFileSync(join(root, 'eval/typo-bukhari.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  for (const { q } of lines.map((l) => JSON.parse(l))) {
    const split = await load(`${base()}both/`);
    assert.deepEqual(await split.query(q), whole.query(q), q);
  }
});

/** The part files a fresh engine fetches to answer `q`. */
async function partsFor(q) {
  requested.length = 0;
  await (await load(`${base()}split/`)).search(q);
  return requested.filter((p) => p.endsWith('.part')).map((p) => p.slice('/split/'.length));
}

test('a missing, truncated, damaged or foreign part fails its query by name, and the engine goes on', async () => {
  const [q, elsewhere] = ['الخوذ البيضاء', 'رونالدو'];
  const victim = await partOnlyFor(partsFor, q, elsewhere);
  const file = join(scratch, 'split', victim);
  const good = readFileSync(file);
  const kindNumber = victim.split('.')[0];
  const foreign = readdirSync(join(scratch, 'other')).find((p) => p.startsWith(`${kindNumber}.`));
  const flipped = Buffer.from(good);
  flipped[flipped.length - 1] ^= 0x20;
  const whole = await load(new URL('whole.idx', base()));
  const cases = [
    ['missing', null, /HTTP 404/],
    ['truncated', good.subarray(0, good.length - 3), /truncated/],
    ['damaged', flipped, /damaged/],
    ['from another build', readFileSync(join(scratch, 'other', foreign)), /another build/],
  ];
  try {
    for (const [name, bytes, reason] of cases) {
      if (bytes) writeFileSync(file, bytes);
      else rmSync(file);
      const split = await load(`${base()}split/`);
      await assert.rejects(split.search(q), (error) => {
        assert.match(error.message, new RegExp(`^fahras: .*${victim.replaceAll('.', '\\.')}`), name);
        assert.match(error.message, reason, name);
        assert.equal(error.part, victim, name);
        return true;
      });
      assert.deepEqual(await split.search(elsewhere), whole.search(elsewhere), `${name}: another query works`);
      writeFileSync(file, good);
      assert.deepEqual(await split.search(q), whole.search(q), `${name}: the query works once the part is right`);
    }
  } finally {
    writeFileSync(file, good);
  }
});

test('load() takes paths and file: URLs in Node, for both kinds', async () => {
  const byPath = await load(join(scratch, 'split/'));
  const byUrl = await load(pathToFileURL(join(scratch, 'split/')));
  const whole = await load(join(scratch, 'whole.idx'));
  for (const engine of [byPath, byUrl]) assert.deepEqual(await engine.query('سوريا'), whole.query('سوريا'));
  await assert.rejects(load(join(scratch, 'nowhere/')), /could not read the index: .*nowhere\/root\.fahras/);
});

test('npx fahras index --split replaces the parts of an earlier build', () => {
  const dir = join(scratch, 'rebuilt');
  mkdirSync(dir);
  for (const p of readdirSync(join(scratch, 'other'))) copyFileSync(join(scratch, 'other', p), join(dir, p));
  writeFileSync(join(dir, 'notes.txt'), 'not ours');
  npx(['index', 'corpus', '--split', '-o', `${dir}/`]);
  const now = readdirSync(dir).sort();
  assert.deepEqual(now, [...parts(), 'notes.txt', 'root.fahras'].sort());
  const info = JSON.parse(npx(['info', '--index', `${dir}/`]).stdout);
  assert.equal(info.documents, 5);
});
