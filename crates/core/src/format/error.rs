//! Why an index could not be opened.

use super::dictionary::FstDamage;
use super::split::PartProblem;
use std::fmt;

/// An index that cannot be used, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexError {
    /// Fewer bytes than a header.
    Truncated { len: usize },
    /// Not a Fahras index at all.
    BadMagic,
    /// Written by another version of the format.
    FormatVersion { found: u32, expected: u32 },
    /// Written with other analysis rules: its terms would not match queries.
    AnalyzerVersion { found: u32, expected: u32 },
    /// The bytes after the header are not the ones written.
    Checksum { found: u32, expected: u32 },
    /// A section lies (partly) outside the bytes.
    SectionBounds { section: &'static str },
    /// A section's content is malformed.
    Corrupt { section: &'static str },
    /// A dictionary's automaton is malformed, and how.
    Dictionary { section: &'static str, damage: FstDamage },
    /// A part of a split index is not the one its root expects.
    Part { file: String, problem: PartProblem },
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndexError::Truncated { len } => write!(f, "not a Fahras index: only {len} bytes, shorter than the header"),
            IndexError::BadMagic => write!(f, "not a Fahras index: the file does not start with the Fahras magic bytes"),
            IndexError::FormatVersion { found, expected } => write!(
                f,
                "unsupported Fahras index format version {found} (this build reads version {expected}); rebuild the index with this version"
            ),
            IndexError::AnalyzerVersion { found, expected } => write!(
                f,
                "Fahras index built with analyzer version {found}, but this build uses version {expected}; rebuild the index with this version"
            ),
            IndexError::Checksum { found, expected } => write!(
                f,
                "corrupt Fahras index: checksum {found:08x} does not match the recorded {expected:08x} (the file is damaged or truncated)"
            ),
            IndexError::SectionBounds { section } => write!(f, "corrupt Fahras index: the {section} section lies outside the file (truncated?)"),
            IndexError::Corrupt { section } => write!(f, "corrupt Fahras index: the {section} section is malformed"),
            IndexError::Dictionary { section, damage } => {
                write!(f, "corrupt Fahras index: the {section} section is malformed: {damage}")
            }
            IndexError::Part { file, problem } => write!(f, "split Fahras index: part {file}: {problem}"),
        }
    }
}

impl std::error::Error for IndexError {}
