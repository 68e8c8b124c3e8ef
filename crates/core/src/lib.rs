//! What index time and query time share: how text becomes terms ([`analysis`]),
//! and how an index is laid out in bytes ([`format`]).
//!
//! Both sides of Fahras depend on this crate and on nothing of each other: the
//! indexer writes with the same analyzer and the same section writers whose
//! readers the engine uses, so the two cannot drift apart.

pub mod analysis;
pub mod format;
