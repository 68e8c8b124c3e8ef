// What people paste into a search box, through the built npm package: every call
// returns an array (maybe empty) and nothing throws. JS strings may hold lone
// surrogates, which Rust strings cannot: the bindings must cope on the way in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { load } from 'fahras';

const engine = await load(readFileSync(new URL('../../dist/search.idx', import.meta.url)));

const HOSTILE = {
  'empty': '',
  'lone high surrogate': '\uD800',
  'lone low surrogate inside a word': 'a\uDC00b',
  'reversed pair': '\uDC00\uD800',
  'surrogate in Arabic': 'ريف\uD83Dحلب',
  'only diacritics': '\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670'.repeat(20),
  'only punctuation': '،؛؟«»…!?.,;:"\'-'.repeat(20),
  'controls': Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join(''),
  'unpaired quote and minus': '"ريف -',
  '100k characters': 'ب'.repeat(100_000),
  '10k words': 'كلمة '.repeat(10_000),
  'ligatures and bidi': 'ﷺ \u202Eحلب\u202C ﻻ',
};

for (const [name, input] of Object.entries(HOSTILE)) {
  test(`${name}: search, suggest and analyze return arrays`, () => {
    for (const limit of [0, 1, 10]) {
      assert.ok(Array.isArray(engine.search(input, { limit })));
      assert.ok(Array.isArray(engine.suggest(input, { limit })));
    }
    const words = engine.analyze(input);
    assert.ok(Array.isArray(words));
    for (const w of words) {
      // Offsets are UTF-16, so they must index the JS string itself.
      assert.ok(w.start >= 0 && w.start < w.end && w.end <= input.length, JSON.stringify(w));
    }
  });
}

test('a lone surrogate next to a real word still finds it', () => {
  const plain = engine.search('سوريا ').map((h) => h.id);
  assert.ok(plain.length > 0);
  assert.deepEqual(engine.search('\uD800 سوريا ').map((h) => h.id), plain);
});
