//! One searchable document, as the indexer takes it.

pub use fahras_core::format::fields::Value;

/// A document: what is searched (title and text) and what is shown with it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// Unique within an index; how a reader's program refers to the document.
    pub id: String,
    pub title: String,
    /// Where the document can be read, if anywhere.
    pub url: Option<String>,
    pub text: String,
    /// Metadata to filter and sort by (`date`, `author`, `category`, …), one value per key.
    pub meta: Vec<(String, Value)>,
    /// Language (`ar`, `en`, …) and direction (`rtl`, `ltr`) of the text, when known.
    pub lang: Option<String>,
    pub dir: Option<String>,
}

impl Document {
    /// A plain-text document (a `.txt` or `.md` file): titled by its first sentence.
    pub fn from_text(id: String, text: &str) -> Document {
        Document { id, text: text.to_owned(), ..Document::default() }.completed()
    }

    /// The document with what it left out filled in: a title from its first
    /// sentence (see [`first_sentence`]), and no empty url.
    pub(crate) fn completed(mut self) -> Document {
        if self.title.trim().is_empty() {
            self.title = first_sentence(&self.text);
        }
        self.url = self.url.filter(|u| !u.trim().is_empty());
        self
    }
}

/// Characters a title made from the text keeps, about: it is cut at the last
/// word boundary before this, so that a result list shows it on a line or two.
pub const TITLE_CHARS: usize = 80;

/// The first sentence of the first non-empty line (a Markdown heading's `#`
/// dropped): up to `.`, `!`, `?` or `؟` before a space or the line's end, the
/// question and exclamation marks kept. Longer than [`TITLE_CHARS`], it is cut
/// at a word boundary and ends with "…".
fn first_sentence(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let line = line.trim_start_matches('#').trim();
    let mut chars = line.char_indices().peekable();
    let mut sentence = line;
    while let Some((i, c)) = chars.next() {
        let ends = chars.peek().map_or(true, |&(_, next)| next.is_whitespace());
        if matches!(c, '.' | '!' | '?' | '؟') && ends {
            sentence = if c == '.' { &line[..i] } else { &line[..i + c.len_utf8()] };
            break;
        }
    }
    let sentence = sentence.trim_end();
    let Some((limit, next)) = sentence.char_indices().nth(TITLE_CHARS) else { return sentence.to_owned() };
    // The last space up to the first character left out; a single word longer
    // than a title is cut inside.
    let cut = sentence[..limit + next.len_utf8()].rfind(char::is_whitespace).filter(|&at| at > 0).unwrap_or(limit);
    let kept = sentence[..cut]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '،' | ',' | '؛' | ';' | ':' | '-' | '–' | '—'));
    format!("{kept}…")
}

/// Documents longer than this many words are split into parts of at most this
/// many: a snippet reads its document's words, and a search reads those of its
/// best candidates, so one book-length document would make every query that
/// finds it slow. 10,000 words is about 60 KB of Arabic text, a long report's
/// chapter; a news article or a hadith is far shorter.
pub const MAX_DOCUMENT_WORDS: usize = 10_000;

impl Document {
    /// The document, or its parts when its text has more than `max_words` words.
    /// Part 1 keeps the id; part `n` is `{id}#{n}`, titled `{title} ({n}/{parts})`,
    /// with the same url and fields. A part ends at the last line break of its
    /// second half, or else after its last word; the parts put back together are
    /// the text.
    pub fn split(self, max_words: usize) -> Vec<Document> {
        let mut cuts = vec![0];
        // Words in the current part, where the previous word ended, and the best
        // line break seen so far: (where the next part would start, words before it).
        let (mut words, mut prev_end, mut line_break) = (0, 0, None);
        for (start, end) in fahras_core::analysis::spans(&self.text) {
            if words == max_words {
                let (cut, before) = line_break.take().unwrap_or((start, words));
                cuts.push(cut);
                words -= before;
            }
            if words >= max_words / 2 {
                if let Some(nl) = self.text[prev_end..start].rfind('\n') {
                    line_break = Some((prev_end + nl + 1, words));
                }
            }
            words += 1;
            prev_end = end;
        }
        if cuts.len() == 1 {
            return vec![self];
        }
        cuts.push(self.text.len());
        let parts = cuts.len() - 1;
        cuts.windows(2)
            .enumerate()
            .map(|(i, w)| Document {
                id: if i == 0 { self.id.clone() } else { format!("{}#{}", self.id, i + 1) },
                title: format!("{} ({}/{parts})", self.title, i + 1),
                text: self.text[w[0]..w[1]].to_owned(),
                ..self.clone()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{first_sentence, TITLE_CHARS};

    #[test]
    fn a_title_is_the_first_sentence() {
        assert_eq!(first_sentence("\n  وصلت القافلة. ثم عادت\nسطر"), "وصلت القافلة");
        assert_eq!(first_sentence("# هل وصلت؟ نعم"), "هل وصلت؟");
        assert_eq!(first_sentence("عاجل! انفجار"), "عاجل!");
        assert_eq!(first_sentence("سطر بلا نقطة\nثان."), "سطر بلا نقطة");
        // A point inside a word or a number does not end a sentence.
        assert_eq!(first_sentence("ارتفع 3.5 بالمئة في example.org اليوم"), "ارتفع 3.5 بالمئة في example.org اليوم");
        assert_eq!(first_sentence(""), "");
    }

    #[test]
    fn a_long_sentence_is_cut_at_a_word_with_an_ellipsis() {
        let long = "كلمة ".repeat(30) + "أخيرة.";
        let title = first_sentence(&long);
        assert!(title.ends_with("كلمة…"), "{title}");
        assert!(title.chars().count() <= TITLE_CHARS + 1);
        assert!(long.starts_with(title.trim_end_matches('…')));
        // Exactly at the limit, nothing is cut.
        let fits = "ب".repeat(TITLE_CHARS);
        assert_eq!(first_sentence(&fits), fits);
        // One word longer than a title is cut inside it.
        assert_eq!(first_sentence(&"ب".repeat(200)), "ب".repeat(TITLE_CHARS) + "…");
        // Punctuation left hanging at the cut goes.
        let listed = "أ".repeat(70) + " بيان، " + &"ت".repeat(20);
        assert_eq!(first_sentence(&listed), "أ".repeat(70) + " بيان…");
    }
}
