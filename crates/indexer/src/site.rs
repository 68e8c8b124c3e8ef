//! Web pages as documents: what `fahras build public/` indexes of a built site.
//!
//! Each page is one document. Its url is its path from the site root (the input
//! directory): `news/a.html` is `/news/a.html`, and an `index.html` is its
//! directory, `/news/`. Its title is its first `<h1>`, else its `<title>`. Its
//! text is what the page marks with `data-fahras-body` when any page of the site
//! does (and then pages without it are left out), else its `<main>`, else its
//! `<body>`; which elements are skipped inside it is up to [`crate::html`].
//! Metadata comes from `data-fahras-meta`, `data-fahras-filter` and `<meta
//! name=…>` (a key given twice keeps its last value, as in Pagefind), and the
//! page's `lang` and `dir` are kept.

use crate::document::{Document, Value};
use crate::html;

/// A page read, its text not yet chosen.
pub struct Page {
    extracted: html::Page,
    rel: String,
}

impl Page {
    /// The page at `rel` (its path from the site root) with HTML `content`.
    pub fn read(content: &str, rel: &str) -> Page {
        Page { extracted: html::extract(content), rel: rel.to_owned() }
    }

    pub fn has_marked_body(&self) -> bool {
        self.extracted.marked_body.is_some()
    }

    /// The document, or `None` when the site marks bodies (`marked`) and this page has none.
    pub fn into_document(self, marked: bool) -> Option<Document> {
        let p = self.extracted;
        let text = match (marked, p.marked_body, p.main) {
            (true, Some(body), _) => body,
            (true, None, _) => return None,
            (false, _, Some(main)) => main,
            (false, _, None) => p.body,
        };
        Some(Document {
            url: Some(url(&self.rel)),
            id: self.rel,
            title: p.h1.or(p.title).unwrap_or_default(),
            text,
            meta: p.meta.into_iter().chain(p.filters).map(|(k, v)| (k, Value::Text(v))).collect(),
            lang: p.lang,
            dir: p.dir,
        })
    }
}

/// The url of the page at `rel`: from the site root, an `index.html` standing
/// for its directory.
fn url(rel: &str) -> String {
    let path = match rel.rsplit_once('/') {
        Some((dir, "index.html" | "index.htm")) => format!("{dir}/"),
        None if rel == "index.html" || rel == "index.htm" => String::new(),
        _ => rel.to_owned(),
    };
    format!("/{path}")
}

#[cfg(test)]
mod tests {
    use super::url;

    #[test]
    fn urls_from_the_site_root() {
        assert_eq!(url("news/a.html"), "/news/a.html");
        assert_eq!(url("news/index.html"), "/news/");
        assert_eq!(url("index.html"), "/");
        assert_eq!(url("about/team/index.htm"), "/about/team/");
        assert_eq!(url("a/index.html.bak.html"), "/a/index.html.bak.html");
    }
}
