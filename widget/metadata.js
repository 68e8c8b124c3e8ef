// How a document's metadata reads in the widget: Arabic names for the common
// keys (a page can give its own), dates in Arabic with Arabic-Indic digits,
// counts in Arabic-Indic digits, and which keys hold dates (those sort).
import { arabicNumber } from './arabic-messages.js';

/** Arabic names for the keys the indexer reads from pages and records. */
const KEY_NAMES = {
  date: 'التاريخ',
  category: 'القسم',
  section: 'القسم',
  source: 'المصدر',
  author: 'الكاتب',
  publisher: 'الناشر',
  keywords: 'الكلمات المفتاحية',
  description: 'الوصف',
  tags: 'الوسوم',
  type: 'النوع',
  language: 'اللغة',
  year: 'السنة',
};

// An ISO 8601 date: a year and month, a day, and perhaps a time.
const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Whether `key` holds dates: it is called date, or every one of its values
 * looks like an ISO date.
 * @param {string} key
 * @param {string[]} values
 */
export function isDateKey(key, values) {
  return key === 'date' || (values.length > 0 && values.every((value) => ISO_DATE.test(value)));
}

/** The name of `key` to show: the page's, else the Arabic one, else the key itself. */
export function keyName(key, names) {
  return Object.hasOwn(names, key) ? String(names[key]) : (KEY_NAMES[key] ?? key);
}

// Built when first needed: constructing an Arabic date format takes some
// milliseconds in a fresh renderer, which the widget's start should not pay.
const dateFormats = new Map();
function dateFormat(withDay) {
  if (!dateFormats.has(withDay)) {
    dateFormats.set(withDay, new Intl.DateTimeFormat('ar-u-nu-arab', {
      year: 'numeric', month: 'long', ...(withDay ? { day: 'numeric' } : {}), timeZone: 'UTC',
    }));
  }
  return dateFormats.get(withDay);
}

/** An ISO date in Arabic («٥ مارس ٢٠٢٤»), or null when `value` is not one. */
export function arabicDate(value) {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day || 1));
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== month - 1) return null;
  return dateFormat(Boolean(day)).format(date);
}

/**
 * A metadata value as the widget shows it.
 * @param {string | number} value
 */
export function metaText(value) {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? arabicNumber(value) : String(value);
  return arabicDate(String(value)) ?? String(value);
}
