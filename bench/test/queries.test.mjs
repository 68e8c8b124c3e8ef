import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripMarks, words } from '../lib/arabic.mjs';
import { CORPORA, loadCorpus } from '../lib/corpora.mjs';
import { mulberry32 } from '../lib/prng.mjs';
import { VARIATIONS, generateQueries, vary } from '../lib/queries.mjs';

const fixed = (value) => () => value;

test('marks, tatweel and alef wasla are what a person does not type', () => {
  assert.equal(stripMarks('ٱلۡحَمۡدُ لِلَّهِ رَبِّ ٱلۡعَٰلَمِينَ'), 'الحمد لله رب العلمين');
  assert.equal(stripMarks('الحــرب'), 'الحرب');
  assert.deepEqual(words('قَالَ : حَدَّثَنَا سُفۡيَانُ ، ۞ "عَنۡ'), ['قال', 'حدثنا', 'سفيان', 'عن']);
});

test('mulberry32 is a fixed sequence in [0, 1)', () => {
  const a = mulberry32(42);
  const b = mulberry32(42);
  const first = Array.from({ length: 5 }, a);
  assert.deepEqual(first, Array.from({ length: 5 }, b));
  assert.ok(first.every((x) => x >= 0 && x < 1));
  assert.notDeepEqual(first, Array.from({ length: 5 }, mulberry32(43)));
});

test('each variation is one everyday slip', () => {
  const applied = (name, word, rng = fixed(0)) => {
    const v = VARIATIONS.find((x) => x.name === name);
    return v.applies(word) ? v.apply(word, rng) : null;
  };
  assert.equal(applied('bare alef', 'إسلام'), 'اسلام');
  assert.equal(applied('bare alef', 'آخر'), 'اخر');
  assert.equal(applied('bare alef', 'كتب'), null);
  assert.equal(applied('final ta marbuta as ha', 'مدرسة'), 'مدرسه');
  assert.equal(applied('final alef maqsura as ya', 'على'), 'علي');
  assert.equal(applied('drop al-', 'الكتاب'), 'كتاب');
  assert.equal(applied('add al-', 'كتاب'), 'الكتاب');
  assert.equal(applied('add al-', 'الكتاب'), null);
  assert.equal(applied('drop clitic', 'وقال'), 'قال');
  assert.equal(applied('add clitic', 'قال', fixed(0.99)), 'لقال');
  const rng = mulberry32(7);
  for (let i = 0; i < 50; i++) assert.notEqual(vary('مدرسة', rng), 'مدرسة');
});

// Every spelling a word can take after at most one slip.
function spellings(word) {
  const picks = [0, 0.25, 0.5, 0.75].map(fixed);
  return new Set([word, ...VARIATIONS.filter((v) => v.applies(word)).flatMap((v) => picks.map((r) => v.apply(word, r)))]);
}

const HAND_CORPUS = [
  { id: 'a', title: 'أ', text: 'ذَهَبَ الوَلَدُ إلى المَدرَسَةِ في الصَّبَاحِ وَعَادَ فِي المَسَاءِ' },
  { id: 'b', title: 'ب', text: 'قَالَ رَسُولُ اللَّهِ صَلَّى اللَّهُ عَلَيْهِ وَسَلَّمَ : إِنَّمَا الأَعْمَالُ بِالنِّيَّاتِ' },
  { id: 'c', title: 'ج', text: 'وَعَنْ أَبِي هُرَيْرَةَ قَالَ رَسُولُ اللَّهِ صَلَّى اللَّهُ عَلَيْهِ وَسَلَّمَ' },
  { id: 'd', title: 'د', text: 'كِتَابٌ' },
];

test('queries follow the recipe', () => {
  const queries = generateQueries(HAND_CORPUS, { seed: 3, count: 300 });
  const docWords = new Map(HAND_CORPUS.map((d) => [d.id, words(d.text)]));
  const kinds = new Set();
  for (const { q, relevant, kind } of queries) {
    kinds.add(kind);
    const typed = q.split(' ');
    assert.ok(typed.length >= 2 && typed.length <= 5, q);
    assert.equal(q, stripMarks(q), 'no marks or tatweel');
    assert.notEqual(relevant[0], 'd', 'a one-word document has no window');
    const source = docWords.get(relevant[0]);
    const matchesAt = (start) =>
      typed.every((word, i) => {
        const original = source[start + i];
        if (kind === 'prefix' && i === typed.length - 1) {
          return word.length >= 2 && [...spellings(original)].some((s) => s.startsWith(word) && s !== word);
        }
        return kind === 'exact' ? word === original : spellings(original).has(word);
      });
    assert.ok(source.some((_, start) => start + typed.length <= source.length && matchesAt(start)), `${kind}: ${q}`);
    if (kind === 'exact') {
      const containing = HAND_CORPUS.filter((d) => ` ${docWords.get(d.id).join(' ')} `.includes(` ${q} `)).map((d) => d.id);
      assert.deepEqual([...relevant].sort(), containing.sort(), q);
    }
  }
  assert.deepEqual([...kinds].sort(), ['exact', 'prefix', 'variant']);
});

test('the same seed gives the same queries, another seed others', () => {
  const docs = loadCorpus(CORPORA.find((c) => c.name === 'default'));
  const once = generateQueries(docs, { seed: 11, count: 40 });
  assert.deepEqual(generateQueries(docs, { seed: 11, count: 40 }), once);
  assert.notDeepEqual(generateQueries(docs, { seed: 12, count: 40 }), once);
  const shares = (kind) => once.filter((q) => q.kind === kind).length;
  assert.ok(shares('variant') > 0 && shares('exact') > 0);
});
