//! Finding the documents under the inputs: which files, in which order.
//!
//! A directory is walked recursively and its files sorted by path, so the same
//! inputs always give the same index. Names starting with `.` are passed over.
//! Symbolic links are followed, but never into a directory already walked: a
//! link back to an ancestor would walk for ever, and two links to one directory
//! would index its documents twice under two ids. Links to directories are
//! followed after the real tree is walked, so that a document's id is its real
//! path wherever it can be. Anything that is not a regular
//! file (a named pipe, a socket, a device) is skipped with a warning: reading a
//! pipe waits for a writer that may never come.

use super::{Event, Kind};
use std::collections::{HashSet, VecDeque};
use std::io;
use std::path::{Path, PathBuf};

/// A file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    /// Its path from the input's root, `/`-separated: a document's default id and
    /// a web page's url.
    pub rel: String,
    pub kind: Kind,
}

/// The files of `input`, a directory or a file, in path order, passing over the
/// directories in `excluded` (with every link resolved).
pub fn walk(input: &Path, excluded: &HashSet<PathBuf>, events: &mut dyn FnMut(Event)) -> io::Result<Vec<Found>> {
    let meta = std::fs::metadata(input)?;
    if !meta.is_dir() {
        let name = input.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        return match Kind::of(input) {
            Some(kind) if meta.is_file() => Ok(vec![Found { path: input.to_owned(), rel: name, kind }]),
            Some(_) => Err(io::Error::new(io::ErrorKind::InvalidInput, "not a regular file")),
            None => Err(io::Error::new(io::ErrorKind::InvalidInput, "not a .txt, .md, .html, .json or .jsonl file")),
        };
    }
    let mut w = Walk { excluded, found: Vec::new(), walked: HashSet::new(), links: VecDeque::new(), events };
    w.walked.insert(std::fs::canonicalize(input)?);
    w.dir(input, "")?;
    while let Some((link, rel)) = w.links.pop_front() {
        let real = std::fs::canonicalize(&link)?;
        if w.excluded(&real) {
            continue;
        }
        if w.walked.insert(real.clone()) {
            w.dir(&link, &rel)?;
        } else {
            w.skip(link, &format!("a link to {}, a directory already indexed", real.display()))?;
        }
    }
    w.found.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(w.found)
}

struct Walk<'e> {
    excluded: &'e HashSet<PathBuf>,
    found: Vec<Found>,
    /// Directories entered, by their path with every link resolved.
    walked: HashSet<PathBuf>,
    /// Links to directories, followed once the real tree is walked.
    links: VecDeque<(PathBuf, String)>,
    events: &'e mut dyn FnMut(Event),
}

impl Walk<'_> {
    fn excluded(&self, real: &Path) -> bool {
        self.excluded.contains(real)
    }

    fn dir(&mut self, dir: &Path, rel: &str) -> io::Result<()> {
        // Read whole, then sorted: directories are visited in path order too.
        let mut entries: Vec<(String, PathBuf)> = Vec::new();
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.starts_with('.') {
                entries.push((name, entry.path()));
            }
        }
        entries.sort();
        for (name, path) in entries {
            let rel = if rel.is_empty() { name } else { format!("{rel}/{name}") };
            self.entry(path, rel)?;
        }
        Ok(())
    }

    fn entry(&mut self, path: PathBuf, rel: String) -> io::Result<()> {
        let own = std::fs::symlink_metadata(&path)?;
        let link = own.file_type().is_symlink();
        let meta = if link {
            match std::fs::metadata(&path) {
                Ok(target) => target,
                Err(_) => return self.skip(path, "a broken symbolic link"),
            }
        } else {
            own
        };
        if meta.is_dir() && link {
            self.links.push_back((path, rel));
            Ok(())
        } else if meta.is_dir() {
            let real = std::fs::canonicalize(&path)?;
            if self.excluded(&real) {
                return Ok(());
            }
            if !self.walked.insert(real) {
                return self.skip(path, "a directory already indexed under another path");
            }
            self.dir(&path, &rel)
        } else if let Some(kind) = Kind::of(&path) {
            if meta.is_file() {
                self.found.push(Found { path, rel, kind });
                Ok(())
            } else {
                self.skip(path, "not a regular file (a named pipe, socket or device)")
            }
        } else {
            Ok(())
        }
    }

    fn skip(&mut self, path: PathBuf, why: &str) -> io::Result<()> {
        (self.events)(Event::Skipped { path: &path, why });
        Ok(())
    }
}
