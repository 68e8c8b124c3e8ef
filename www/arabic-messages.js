// The widget's user-facing strings. Arabic counts agree with the number in six
// CLDR categories (zero, one, two, few = 3–10, many = 11–99, other = 100–102…),
// so the count is chosen by Intl.PluralRules rather than by hand-written ranges.
const plural = new Intl.PluralRules('ar');
const digits = new Intl.NumberFormat('ar-u-nu-arab');

const RESULT_COUNT = {
  zero: () => 'لا توجد نتائج',
  one: () => 'نتيجة واحدة',
  two: () => 'نتيجتان',
  few: (n) => `${digits.format(n)} نتائج`,
  many: (n) => `${digits.format(n)} نتيجة`,
  other: (n) => `${digits.format(n)} نتيجة`,
};

export const MESSAGES = {
  placeholder: 'ابحث…',
  label: 'البحث في النصوص',
  results: 'نتائج البحث',
  hint: 'اكتب كلمة أو عبارة لتظهر النتائج فورًا.',
  loading: 'جارٍ تحميل فهرس البحث…',
  loadError: 'تعذّر تحميل فهرس البحث.',
  searchError: 'حدث خطأ أثناء البحث.',
  /** @param {string} completion */
  suggestion: (completion) => `هل تقصد «${completion}»؟`,
  /** @param {number} n */
  resultCount: (n) => RESULT_COUNT[plural.select(n)](n),
};
