// The widget's user-facing strings. Arabic counts agree with the number in six
// CLDR categories (zero, one, two, few = 3–10, many = 11–99, other = 100–102…),
// so the count is chosen by Intl.PluralRules rather than by hand-written ranges.
const plural = new Intl.PluralRules('ar');

// What Intl.NumberFormat('ar-u-nu-arab') writes for a non-negative integer:
// Arabic-Indic digits grouped by three with U+066C. Written out because
// constructing that formatter costs 15–25 ms in a fresh Chromium renderer,
// which would delay the widget's start; the test compares the two.
/** @param {number} n */
export function arabicNumber(n) {
  return String(n)
    .replace(/\B(?=(\d{3})+$)/g, '\u066c')
    .replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));
}

const RESULT_COUNT = {
  zero: () => 'لا توجد نتائج',
  one: () => 'نتيجة واحدة',
  two: () => 'نتيجتان',
  few: (n) => `${arabicNumber(n)} نتائج`,
  many: (n) => `${arabicNumber(n)} نتيجة`,
  other: (n) => `${arabicNumber(n)} نتيجة`,
};

/** @param {number} n */
const resultCount = (n) => RESULT_COUNT[plural.select(n)](n);

export const MESSAGES = {
  placeholder: 'ابحث…',
  label: 'البحث في النصوص',
  results: 'نتائج البحث',
  hint: 'اكتب كلمة أو عبارة لتظهر النتائج فورًا.',
  loading: 'جارٍ تحميل فهرس البحث…',
  loadError: 'تعذّر تحميل فهرس البحث.',
  indexFromDisk: 'تعذّر تحميل فهرس البحث: الصفحة مفتوحة من القرص، والمتصفحات لا تسمح لصفحة مفتوحة من القرص بقراءة ملفات أخرى. '
    + 'افتح المجلد عبر خادم HTTP، أو استعمل fahras.html أو fahras.js اللذين يكتبهما الأمر fahras build، ففيهما الفهرس.',
  searchError: 'حدث خطأ أثناء البحث.',
  partError: 'تعذّر تحميل جزء من فهرس البحث. حاول مرة أخرى.',
  didYouMean: 'هل تقصد:',
  filters: 'تصفية النتائج',
  order: 'الترتيب',
  byRelevance: 'الأكثر صلة',
  newestFirst: 'الأحدث أولاً',
  oldestFirst: 'الأقدم أولاً',
  more: 'المزيد من النتائج',
  back: 'العودة إلى النتائج',
  notFound: 'لم يُعثر على هذا المستند في الفهرس.',
  /** @param {number} total @param {number} shown */
  resultsShown: (total, shown) => (shown < total ? `${resultCount(total)}، المعروض منها ${arabicNumber(shown)}` : resultCount(total)),
  /** @param {string} query the query as the engine read it, for hits found by reading it otherwise than typed */
  understoodAs: (query) => `عرض نتائج: ${query}`,
  /** @param {number} added */
  moreLoaded: (added) => `أُضيفت ${resultCount(added)}.`,
  resultCount,
};
