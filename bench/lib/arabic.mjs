// The text a person can type from memory: an ordinary Arabic keyboard has no
// harakat, no Quranic annotation signs and no alef wasla, and nobody types tatweel.
const UNTYPABLE_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const ALEF_WASLA = /\u0671/g;
const NOT_WORD_CHAR = /[^\p{L}\p{N}]/gu;

export function stripMarks(text) {
  return text.replace(UNTYPABLE_MARKS, '').replace(ALEF_WASLA, '\u0627');
}

// Words as a reader sees them: punctuation (including the free-standing "،" and
// ":" of the hadith texts and the Quran's ۞ sign) is not a word.
export function words(text) {
  return stripMarks(text)
    .split(/\s+/)
    .map((w) => w.replace(NOT_WORD_CHAR, ''))
    .filter(Boolean);
}
