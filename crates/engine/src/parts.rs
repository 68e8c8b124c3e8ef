//! The parts of a split index this reader has, and the ones its queries reached
//! without having them (layout in [`fahras_core::format::split`]).
//!
//! Which parts a query reads depends on what it finds on the way (its words'
//! records name the documents whose streams it ranks, whose words it shows), so
//! they cannot be listed before it runs. A query runs on the parts at hand, and
//! every read that lands in a missing part is recorded and reads nothing. The
//! caller fetches what was recorded (all of it at once, in parallel) and runs
//! the query again, until a run reaches no missing part. That run read exactly
//! the bytes the whole index would have given it, so its answer is the whole
//! index's. Nothing derived from a missing part is kept between runs: the
//! decoded-list cache only keeps lists that were read, and the document table,
//! fields and dictionaries a query starts from are in the root.

use crate::index::Index;
use fahras_core::format::split::{PartId, PartKind, PartProblem, Root, KINDS};
use fahras_core::format::IndexError;
use std::collections::BTreeSet;
use std::sync::{Mutex, OnceLock};

/// A split index's root, and the parts fetched so far.
pub(crate) struct Parts {
    pub root: Root,
    have: [Vec<OnceLock<Box<[u8]>>>; KINDS],
    missing: Mutex<BTreeSet<PartId>>,
}

impl Parts {
    pub fn new(root: Root) -> Parts {
        let have = std::array::from_fn(|k| (0..root.tables[k].count()).map(|_| OnceLock::new()).collect());
        Parts { root, have, missing: Mutex::default() }
    }

    /// The part of `kind` holding `key`, and the key it starts at; `None` when
    /// no part holds it, or when it is missing (which is then recorded).
    pub fn get(&self, kind: PartKind, key: u64) -> Option<(&[u8], u64)> {
        let number = self.root.tables[kind as usize].find(key)?;
        match self.have[kind as usize][number].get() {
            Some(bytes) => Some((bytes, self.root.tables[kind as usize].first(number))),
            None => {
                let part = PartId { kind, number: number as u32 };
                self.missing.lock().unwrap_or_else(|e| e.into_inner()).insert(part);
                None
            }
        }
    }

    /// Adds a fetched part, after checking that it is the one the root names.
    pub fn add(&self, part: PartId, bytes: &[u8]) -> Result<(), IndexError> {
        let payload = self.root.check_part(part, bytes)?;
        let _ = self.have[part.kind as usize][part.number as usize].set(payload.into());
        Ok(())
    }

    pub fn reached_missing(&self) -> bool {
        !self.missing.lock().unwrap_or_else(|e| e.into_inner()).is_empty()
    }

    /// The parts reached and missing since the last call, in order.
    pub fn take_missing(&self) -> Vec<PartId> {
        std::mem::take(&mut *self.missing.lock().unwrap_or_else(|e| e.into_inner())).into_iter().collect()
    }

    /// Bytes of the parts at hand, per kind.
    pub fn bytes_held(&self) -> [usize; KINDS] {
        self.have.each_ref().map(|parts| parts.iter().filter_map(OnceLock::get).map(|b| b.len()).sum())
    }
}

impl Index {
    /// Whether this is a split index's root, with parts to add.
    pub fn is_split(&self) -> bool {
        self.parts.is_some()
    }

    /// The parts the calls since the last time reached and did not have.
    pub fn take_missing_parts(&self) -> Vec<PartId> {
        self.parts.as_ref().map_or_else(Vec::new, Parts::take_missing)
    }

    /// Whether this run has reached a missing part already: work that would
    /// follow from what it read there is skipped, as its answer is not kept.
    /// So is the work for a word that matched nothing (typo corrections,
    /// completions under other clitics, fallback rewrites): until its own parts
    /// are there every word looks unknown, and those walks would fetch parts
    /// for words the index has. The next run knows.
    pub(crate) fn reached_missing_parts(&self) -> bool {
        self.parts.as_ref().is_some_and(Parts::reached_missing)
    }

    /// The file name of a part of this split index.
    pub fn part_file(&self, part: PartId) -> Option<String> {
        self.parts.as_ref().map(|p| p.root.file_name(part))
    }

    /// Adds a fetched part, checked against the root: a part of another build,
    /// another part, or truncated or damaged bytes are refused by name.
    pub fn add_part(&self, part: PartId, bytes: &[u8]) -> Result<(), IndexError> {
        match &self.parts {
            Some(parts) => parts.add(part, bytes),
            None => Err(IndexError::Part {
                file: format!("{}-{}", part.kind.name(), part.number),
                problem: PartProblem::NoSuchPart,
            }),
        }
    }

    /// Bytes of the parts added so far, per kind (in [`PartKind::ALL`] order).
    pub fn part_bytes_held(&self) -> [usize; KINDS] {
        self.parts.as_ref().map_or([0; KINDS], Parts::bytes_held)
    }

    /// Answers `answer` as the whole index would: on a split index, runs it,
    /// fetches every part it reached and did not have (`fetch` gets the file
    /// names of one run's parts together, to fetch at once, and gives each
    /// one's bytes or why not), and runs it again until it reaches none. A part
    /// that cannot be fetched or is not the one the root names fails the call,
    /// naming the part.
    ///
    /// There is no fixed number of runs: a word that matched nothing is
    /// corrected, and its rewrites tried, only by runs that reached no missing
    /// part, so its reads come in layers. Every run adds each part it reached,
    /// none of which it had, or fails: the runs end within the root's count of
    /// parts.
    pub fn with_parts<'i, T>(
        &'i self,
        answer: impl Fn(&'i Index) -> T,
        mut fetch: impl FnMut(&[String]) -> Vec<Result<Vec<u8>, String>>,
    ) -> Result<T, IndexError> {
        self.take_missing_parts();
        loop {
            let result = answer(self);
            let missing = self.take_missing_parts();
            if missing.is_empty() {
                return Ok(result);
            }
            let files: Vec<String> = missing.iter().filter_map(|&p| self.part_file(p)).collect();
            let mut fetched = fetch(&files).into_iter();
            for (part, file) in missing.into_iter().zip(&files) {
                let unavailable =
                    |reason| IndexError::Part { file: file.clone(), problem: PartProblem::Unavailable { reason } };
                let bytes = fetched.next().unwrap_or_else(|| Err("the fetch gave nothing for it".to_owned()));
                self.add_part(part, &bytes.map_err(unavailable)?)?;
            }
        }
    }
}
