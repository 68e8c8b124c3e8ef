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
