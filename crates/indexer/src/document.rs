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
    /// A plain-text document (a `.txt` or `.md` file): titled by its first line.
    pub fn from_text(id: String, text: &str) -> Document {
        Document { id, text: text.to_owned(), ..Document::default() }.completed()
    }

    /// The document with what it left out filled in: a title from its first
    /// non-empty line (a Markdown heading's `#` dropped), and no empty url.
    pub(crate) fn completed(mut self) -> Document {
        if self.title.trim().is_empty() {
            self.title = first_line(&self.text);
        }
        self.url = self.url.filter(|u| !u.trim().is_empty());
        self
    }
}

fn first_line(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let line = line.trim_start_matches('#').trim();
    match line.char_indices().nth(120) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line.to_owned(),
    }
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
