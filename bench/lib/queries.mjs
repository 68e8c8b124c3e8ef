// Queries the way a person searches for a passage they half remember: a few
// consecutive words, typed without marks, with the everyday spelling slips.
import { words } from './arabic.mjs';
import { mulberry32, pick, randomInt } from './prng.mjs';

const VARY_PROBABILITY = 0.3;
const PREFIX_PROBABILITY = 0.1;
const MIN_WORDS = 2;
const MAX_WORDS = 5;
const MIN_PREFIX = 2;
const CLITICS = ['و', 'ف', 'ب', 'ل'];

// Each slip is one a reader makes without noticing; a word gets at most one.
export const VARIATIONS = [
  { name: 'bare alef', applies: (w) => /[أإآ]/.test(w), apply: (w) => w.replace(/[أإآ]/g, 'ا') },
  { name: 'final ta marbuta as ha', applies: (w) => w.endsWith('ة'), apply: (w) => `${w.slice(0, -1)}ه` },
  { name: 'final alef maqsura as ya', applies: (w) => w.endsWith('ى'), apply: (w) => `${w.slice(0, -1)}ي` },
  { name: 'drop al-', applies: (w) => w.startsWith('ال') && w.length > 3, apply: (w) => w.slice(2) },
  { name: 'add al-', applies: (w) => !w.startsWith('ال'), apply: (w) => `ال${w}` },
  { name: 'drop clitic', applies: (w) => CLITICS.includes(w[0]) && w.length > 2, apply: (w) => w.slice(1) },
  { name: 'add clitic', applies: () => true, apply: (w, rng) => pick(rng, CLITICS) + w },
];

export function vary(word, rng) {
  const variation = pick(rng, VARIATIONS.filter((v) => v.applies(word)));
  return variation.apply(word, rng);
}

function sameWindowIn(haystack, window) {
  return haystack.includes(` ${window.join(' ')} `);
}

// Returns [{ q, relevant, kind }]; relevant[0] is the document the words came
// from, followed by every other document that contains the same window.
export function generateQueries(docs, { seed, count }) {
  const rng = mulberry32(seed);
  const docWords = docs.map((d) => words(d.text));
  const haystacks = docWords.map((ws) => ` ${ws.join(' ')} `);
  const queries = [];
  while (queries.length < count) {
    const source = randomInt(rng, docs.length);
    const length = MIN_WORDS + randomInt(rng, MAX_WORDS - MIN_WORDS + 1);
    const sourceWords = docWords[source];
    if (sourceWords.length < length) continue;
    const start = randomInt(rng, sourceWords.length - length + 1);
    const window = sourceWords.slice(start, start + length);

    const typed = window.map((w) => (rng() < VARY_PROBABILITY ? vary(w, rng) : w));
    let kind = typed.some((w, i) => w !== window[i]) ? 'variant' : 'exact';
    const last = typed.length - 1;
    if (rng() < PREFIX_PROBABILITY && typed[last].length > MIN_PREFIX) {
      typed[last] = typed[last].slice(0, MIN_PREFIX + randomInt(rng, typed[last].length - MIN_PREFIX));
      kind = 'prefix';
    }

    const others = docs.filter((_, i) => i !== source && sameWindowIn(haystacks[i], window));
    queries.push({ q: typed.join(' '), relevant: [docs[source].id, ...others.map((d) => d.id)], kind });
  }
  return queries;
}
