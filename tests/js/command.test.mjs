// `npx fahras` (bin/fahras.js: the Rust command compiled to wasm32-wasip1, run by
// Node's WASI) against the native Rust command: the same index, byte for byte, and
// the same output, for the same inputs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
let scratch;

function npx(args, cwd = root) {
  return spawnSync(process.execPath, [join(root, 'bin/fahras.js'), ...args], { cwd, encoding: 'utf8' });
}

function native(args, cwd = root) {
  const cargo = ['run', '--quiet', '--manifest-path', join(root, 'Cargo.toml'), '-p', 'fahras-cli', '--', ...args];
  return spawnSync('cargo', cargo, { cwd, encoding: 'utf8' });
}

function ok(result) {
  assert.equal(result.status, 0, result.stderr);
  return result;
}

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'fahras-command-'));
  const docs = join(scratch, 'docs');
  mkdirSync(join(docs, 'news'), { recursive: true });
  writeFileSync(join(docs, 'a.txt'), 'عنوان النص\nوصلت قافلة المساعدات إلى ريف حلب الشمالي');
  writeFileSync(join(docs, 'b.md'), '# تقرير\nالمرصد السوري لحقوق الإنسان');
  writeFileSync(join(docs, 'news', 'index.html'), '<html lang="ar" dir="rtl"><head><title>أخبار</title>'
    + '<meta name="date" content="2024-03-01"></head><body><nav>القائمة</nav><main><h1>خبر عاجل</h1>'
    + '<p>قصف على <b>إدلب</b> اليوم</p></main><footer>حقوق</footer></body></html>');
  writeFileSync(join(docs, 'records.jsonl'), [
    { id: 'r1', title: 'سجل', url: 'https://example.org/r1', text: 'الحمد لله رب العالمين', meta: { year: 2023, source: 'وكالة' } },
    { id: 'r2', text: 'بلا عنوان\nنص ثان فيه رونالدو' },
  ].map((r) => JSON.stringify(r)).join('\n'));
});

after(() => rmSync(scratch, { recursive: true, force: true }));

test('npx fahras index writes the same bytes as the Rust command', () => {
  for (const input of ['corpus', join(scratch, 'docs')]) {
    const a = join(scratch, 'npm.idx');
    const b = join(scratch, 'native.idx');
    const fromNpm = ok(npx(['index', input, '-o', a]));
    ok(native(['index', input, '-o', b]));
    assert.match(fromNpm.stderr, /^indexed \d+ documents from \d+ files in [\d.]+ s into /m);
    assert.deepEqual(readFileSync(a), readFileSync(b), `${input}: indexes differ`);
  }
});

test('search, show, suggest, analyze and info print what the Rust command prints', () => {
  const index = join(scratch, 'docs.idx');
  ok(npx(['index', join(scratch, 'docs'), '-o', index]));
  const commands = [
    ['search', '--index', index, 'ريف حلب'],
    ['search', '--index', index, '--json', '--limit', '2', 'رونالدو'],
    ['search', '--index', index, '--json', 'إدلب'],
    ['search', '--index', index, '--limit', '1', '--offset', '1', 'حلب'],
    ['search', '--index', index, '--json', '--filter', 'year=2023', '--filter', 'year=2024', '--sort', 'date:desc', 'الحمد'],
    ['search', '--index', index, '--sort', 'year:asc', '--filter', 'source=وكالة'],
    ['show', '--index', index, '--query', 'العالمين', 'r1'],
    ['show', '--index', index, '--json', 'r1'],
    ['suggest', '--index', index, 'المرصد السو'],
    ['suggest', '--index', index, '--json', 'رب العا'],
    ['analyze', 'وبالكتابِ ١٢٣'],
    ['info', '--index', index],
    ['search', '--index', index, 'pgf'],
    ['analyze', '--index', index, 'pgf'],
  ];
  for (const args of commands) {
    const fromNpm = ok(npx(args));
    assert.ok(fromNpm.stdout.length > 0, `${args.join(' ')}: no output`);
    assert.equal(fromNpm.stdout, ok(native(args)).stdout, args.join(' '));
  }
  // حلب typed with the Latin layout on: the hits say how the query was read.
  assert.match(ok(native(['search', '--index', index, 'pgf'])).stdout, /^showing results for: حلب$/m);
  const read = JSON.parse(ok(native(['analyze', '--index', index, 'pgf'])).stdout);
  assert.deepEqual(read.understood.map((r) => [r.query, r.rules]), [['حلب', ['keyboard']]]);
  const page = JSON.parse(ok(npx(['search', '--index', index, '--json', 'إدلب'])).stdout).hits[0];
  assert.equal(page.url, '/news/', 'a page is found at its url from the site root');
});

test('relative paths are taken from the working directory', () => {
  const fromDocs = ok(npx(['index', '.', '-o', '../relative.idx'], join(scratch, 'docs')));
  assert.match(fromDocs.stderr, /indexed 5 documents/);
  const info = JSON.parse(ok(npx(['info', '--index', 'relative.idx'], scratch)).stdout);
  assert.equal(info.documents, 5);
});

test('errors name what is wrong and exit with 2, as the Rust command does', () => {
  const cases = [
    [['search', 'حلب'], /needs --index/],
    [['search', '--index', join(scratch, 'missing.idx'), 'حلب'], /missing\.idx/],
    [['index', join(scratch, 'nowhere'), '-o', join(scratch, 'x.idx')], /nowhere/],
    [['frobnicate'], /unknown command/],
    [['search', '--sort', 'date', 'حلب'], /--sort needs key:asc or key:desc/],
    [['search', '--filter', 'year', 'حلب'], /--filter needs key=value/],
    [['show', '--index', join(scratch, 'docs.idx'), 'no-such-id'], /no document has the id/],
    [['index', 'corpus', '--bogus', '-o', join(scratch, 'x.idx')], /unknown option --bogus/],
  ];
  for (const [args, message] of cases) {
    const fromNpm = npx(args);
    assert.equal(fromNpm.status, 2, args.join(' '));
    assert.match(fromNpm.stderr, message);
    assert.equal(fromNpm.stderr, native(args).stderr, args.join(' '));
  }
});

test('a symlink loop, a named pipe, a binary and a non-UTF-8 file are skipped with a warning', () => {
  const dir = join(scratch, 'hostile');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(join(dir, 'sub', 'ok.txt'), 'نص سليم');
  symlinkSync('..', join(dir, 'sub', 'loop'));
  writeFileSync(join(dir, 'binary.txt'), Uint8Array.from({ length: 256 }, (_, i) => i));
  writeFileSync(join(dir, 'cp1256.txt'), Uint8Array.of(0xc7, 0xe1, 0xda, 0xd1, 0xc8, 0xed, 0xc9));
  assert.equal(spawnSync('mkfifo', [join(dir, 'pipe.txt')]).status, 0);
  for (const run of [npx, native]) {
    const result = ok(run(['index', dir, '-o', join(scratch, 'hostile.idx')]));
    assert.match(result.stderr, /skipped .*binary\.txt: a binary file/);
    assert.match(result.stderr, /skipped .*cp1256\.txt: not UTF-8 text/);
    assert.match(result.stderr, /skipped .*pipe\.txt: not a regular file/);
    assert.match(result.stderr, /skipped .*loop: a link to .*, a directory already indexed/);
    assert.match(result.stderr, /indexed 1 documents .*skipped 4/);
  }
});
