//! Ordering results by a metadata value.
//!
//! A key's values are compared the way they are meant: when every value of the
//! key is an ISO 8601 date (`2018`, `2018-07`, `2018-07-12`, optionally with a
//! time and an offset), as the instants they name; when every value is a
//! number, as numbers; otherwise as text. Documents without the key come last
//! whichever the direction, and ties keep their relevance order.

use crate::index::Index;
use crate::search::{by_score, Ranked};
use fahras_core::format::fields::{Column, Kind, Value};
use std::cmp::Ordering;
use std::sync::OnceLock;

/// Direction of a sort.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Asc,
    Desc,
}

/// Per metadata column, the place of each of its values in the column's order:
/// made at a column's first sort (parsing every distinct date takes longer than
/// sorting a page of matches), then kept.
#[derive(Default)]
pub(crate) struct SortCache(OnceLock<Vec<OnceLock<Vec<u32>>>>);

/// Puts the first `upto` of `docs` in order of their value for metadata key
/// `key`, ties in relevance order: `docs[..ranked]` are in relevance order, and
/// the rest follow it by [`by_score`] (browsing ranks them all, in document order).
pub(crate) fn sort(index: &Index, key: &str, order: Order, docs: &mut Vec<Ranked>, ranked: usize, upto: usize) {
    let fields = index.fields();
    let found = fields.columns.iter().enumerate().find(|(_, c)| c.kind == Kind::Meta && c.name == key);
    let column: Option<(&Column, &[u32])> = found.map(|(i, column)| {
        let cache = index.sort_cache.0.get_or_init(|| fields.columns.iter().map(|_| OnceLock::new()).collect());
        (column, cache[i].get_or_init(|| ranks(&column.values)).as_slice())
    });
    // (has no value, place): the missing last in both directions.
    let place = |doc: u32| match column.and_then(|(c, ranks)| ranks.get(c.value_of(doc)?)) {
        Some(&r) => (false, if order == Order::Asc { r } else { u32::MAX - r }),
        None => (true, 0),
    };
    let mut keyed: Vec<((bool, u32), usize, Ranked)> =
        docs.drain(..).enumerate().map(|(i, r)| (place(r.0), i, r)).collect();
    let cmp = |a: &((bool, u32), usize, Ranked), b: &((bool, u32), usize, Ranked)| {
        a.0.cmp(&b.0).then_with(|| match (a.1 < ranked, b.1 < ranked) {
            (true, true) => a.1.cmp(&b.1),
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            (false, false) => by_score(&a.2, &b.2),
        })
    };
    // Only the head is ever looked at in order: select it, then sort just it.
    if upto < keyed.len() {
        keyed.select_nth_unstable_by(upto, cmp);
    }
    let head = upto.min(keyed.len());
    keyed[..head].sort_unstable_by(cmp);
    docs.extend(keyed.into_iter().map(|(_, _, r)| r));
}

/// Per value, its place in the key's order (equal values share a place).
fn ranks(values: &[Value]) -> Vec<u32> {
    let all = |key: fn(&Value) -> Option<Key<'static>>| values.iter().map(key).collect::<Option<Vec<Key>>>();
    let keys =
        all(instant).or_else(|| all(number)).unwrap_or_else(|| values.iter().map(|v| Key::Text(v.as_str())).collect());
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_unstable_by(|&a, &b| keys[a].cmp(&keys[b]));
    let mut ranks = vec![0; keys.len()];
    let mut rank = 0;
    for (i, w) in order.iter().enumerate() {
        if i > 0 && keys[order[i - 1]] != keys[*w] {
            rank += 1;
        }
        ranks[*w] = rank;
    }
    ranks
}

/// A value as compared; one kind per key.
#[derive(Debug, PartialEq, PartialOrd)]
enum Key<'a> {
    /// Seconds since 1970 and nanoseconds.
    Instant(i64, u32),
    Number(f64),
    Text(&'a str),
}

impl Eq for Key<'_> {}

impl Ord for Key<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Key::Number(a), Key::Number(b)) => a.total_cmp(b),
            _ => self.partial_cmp(other).unwrap_or(Ordering::Equal),
        }
    }
}

fn number(value: &Value) -> Option<Key<'static>> {
    value.as_str().trim().parse::<f64>().ok().filter(|n| n.is_finite()).map(Key::Number)
}

fn instant(value: &Value) -> Option<Key<'static>> {
    parse_instant(value.as_str()).map(|(s, n)| Key::Instant(s, n))
}

/// An ISO 8601 date or date-time, as seconds since 1970-01-01T00:00Z and
/// nanoseconds. Missing parts are their first (month 1, day 1, midnight); a
/// time without an offset is taken as UTC.
pub(crate) fn parse_instant(text: &str) -> Option<(i64, u32)> {
    let mut p = Parser(text.trim().as_bytes());
    let year = p.digits(4)? as i64;
    let (mut month, mut day, mut seconds, mut nanos, mut offset) = (1, 1, 0i64, 0u32, 0i64);
    if p.eat(b'-') {
        month = p.digits(2).filter(|m| (1..=12).contains(m))?;
        if p.eat(b'-') {
            day = p.digits(2).filter(|&d| d >= 1 && d <= days_in_month(year, month))?;
            if p.eat(b'T') || p.eat(b't') || p.eat(b' ') {
                let hour = p.digits(2).filter(|&h| h <= 23)? as i64;
                p.eat(b':').then_some(())?;
                let minute = p.digits(2).filter(|&m| m <= 59)? as i64;
                let mut second = 0;
                if p.eat(b':') {
                    second = p.digits(2).filter(|&s| s <= 60)? as i64;
                    if p.eat(b'.') || p.eat(b',') {
                        let start = p.0.len();
                        let mut scale = 100_000_000;
                        while let Some(d) = p.digits(1) {
                            nanos += d * scale;
                            scale /= 10;
                        }
                        (p.0.len() < start).then_some(())?;
                    }
                }
                seconds = hour * 3600 + minute * 60 + second;
                if p.eat(b'Z') || p.eat(b'z') {
                } else if let Some(sign) = [(b'+', 1), (b'-', -1)].iter().find(|(c, _)| p.eat(*c)).map(|&(_, s)| s) {
                    let h = p.digits(2).filter(|&h| h <= 23)? as i64;
                    p.eat(b':');
                    let m = p.digits(2).filter(|&m| m <= 59)? as i64;
                    offset = sign * (h * 3600 + m * 60);
                }
            }
        }
    }
    p.0.is_empty().then_some((days_from_civil(year, month, day) * 86_400 + seconds - offset, nanos))
}

struct Parser<'a>(&'a [u8]);

impl Parser<'_> {
    fn eat(&mut self, c: u8) -> bool {
        let found = self.0.first() == Some(&c);
        if found {
            self.0 = &self.0[1..];
        }
        found
    }

    /// Exactly `n` ASCII digits, as a number.
    fn digits(&mut self, n: usize) -> Option<u32> {
        let d = self.0.get(..n).filter(|d| d.iter().all(u8::is_ascii_digit))?;
        self.0 = &self.0[n..];
        Some(d.iter().fold(0, |v, &c| v * 10 + u32::from(c - b'0')))
    }
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_are_instants() {
        assert_eq!(parse_instant("1970-01-01"), Some((0, 0)));
        assert_eq!(parse_instant("1970"), Some((0, 0)));
        assert_eq!(parse_instant("2000-03-01"), Some((951_868_800, 0)));
        assert_eq!(parse_instant("2018-07"), parse_instant("2018-07-01T00:00Z"));
        assert_eq!(parse_instant("2018-07-12T03:00+03:00"), parse_instant("2018-07-12T00:00:00Z"));
        assert_eq!(
            parse_instant("2018-07-12T00:00:00.25Z"),
            Some((parse_instant("2018-07-12").unwrap().0, 250_000_000))
        );
        for bad in ["18", "2018-13", "2018-02-30", "2018-07-12T25:00", "2018-07-12T10", "٢٠١٨", "2018-07-12x", ""] {
            assert_eq!(parse_instant(bad), None, "{bad}");
        }
    }
}
