//! `fahras index`: read the inputs, build the index, write it, and say what
//! happened: progress while it runs, each file skipped and why, and a summary.

use fahras_core::format::split::{is_part_file, split, Layout, ROOT_FILE};
use fahras_indexer::{build_index, read_inputs, Event};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How often progress is shown: live on a terminal, now and then in a log.
const TERMINAL_EVERY: Duration = Duration::from_millis(100);
const LOG_EVERY: Duration = Duration::from_secs(5);

/// What has been read so far.
struct Progress {
    started: Instant,
    shown: Instant,
    terminal: bool,
    files: usize,
    documents: usize,
    skipped: usize,
    split: usize,
}

impl Progress {
    fn new() -> Progress {
        let now = Instant::now();
        Progress {
            started: now,
            shown: now,
            terminal: std::io::stderr().is_terminal(),
            files: 0,
            documents: 0,
            skipped: 0,
            split: 0,
        }
    }

    fn on(&mut self, event: Event) {
        match event {
            Event::Read { documents, .. } => {
                self.files += 1;
                self.documents += documents;
            }
            Event::Skipped { path, why } => {
                self.skipped += 1;
                self.clear();
                eprintln!("fahras: skipped {}: {why}", path.display());
            }
            Event::Split { at, parts } => {
                self.split += 1;
                self.clear();
                eprintln!(
                    "fahras: split {at} into {parts} parts of at most {} words",
                    fahras_indexer::MAX_DOCUMENT_WORDS
                );
            }
        }
        self.show(false);
    }

    /// Shows the counts if it is time (or `now`).
    fn show(&mut self, now: bool) {
        let every = if self.terminal { TERMINAL_EVERY } else { LOG_EVERY };
        if !now && self.shown.elapsed() < every {
            return;
        }
        self.shown = Instant::now();
        let line = format!(
            "read {} files, {} documents ({:.1} s)",
            self.files,
            self.documents,
            self.started.elapsed().as_secs_f64()
        );
        if self.terminal {
            eprint!("\r\x1b[K{line}");
            let _ = std::io::stderr().flush();
        } else {
            eprintln!("{line}");
        }
    }

    /// Clears a live progress line before a line of its own is printed.
    fn clear(&self) {
        if self.terminal {
            eprint!("\r\x1b[K");
        }
    }
}

/// Indexes `inputs`, less the directories `excluded`, into the file `out`, or
/// as a split index into the directory `out`.
pub fn run(inputs: &[PathBuf], excluded: &[PathBuf], out: &Path, split: bool) -> Result<(), String> {
    let mut progress = Progress::new();
    let docs = read_inputs(inputs, excluded, &mut |e| progress.on(e)).map_err(|e| {
        progress.clear();
        e.to_string()
    })?;
    progress.clear();
    let bytes = build_index(&docs);
    let written = if split {
        write_split(&bytes, out)?
    } else {
        write(out, &bytes)?;
        String::new()
    };
    let mut summary = format!(
        "indexed {} documents from {} files in {:.1} s into {} ({:.1} KiB{written})",
        docs.len(),
        progress.files,
        progress.started.elapsed().as_secs_f64(),
        out.display(),
        bytes.len() as f64 / 1024.0
    );
    if progress.skipped > 0 {
        summary += &format!("; skipped {} (named above)", progress.skipped);
    }
    if progress.split > 0 {
        summary += &format!("; split {} long documents into parts", progress.split);
    }
    eprintln!("{summary}");
    Ok(())
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {}", path.display(), fahras_indexer::io_error_text(&e)))
}

/// Writes the split index of `whole` into `dir`, replacing the parts of an
/// earlier build there; says how it was cut.
fn write_split(whole: &[u8], dir: &Path) -> Result<String, String> {
    let cut = split(whole, Layout::default()).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {}", dir.display(), fahras_indexer::io_error_text(&e)))?;
    let listing =
        std::fs::read_dir(dir).map_err(|e| format!("{}: {}", dir.display(), fahras_indexer::io_error_text(&e)))?;
    let names: std::collections::HashSet<&str> = cut.parts.iter().map(|(n, _)| n.as_str()).collect();
    for entry in listing.flatten() {
        let name = entry.file_name();
        if name.to_str().is_some_and(|n| is_part_file(n) && !names.contains(n)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    for (name, bytes) in &cut.parts {
        write(&dir.join(name), bytes)?;
    }
    // The root last: a reader that finds it finds its parts.
    write(&dir.join(ROOT_FILE), &cut.root)?;
    Ok(format!(": a root of {:.1} KiB and {} parts", cut.root.len() as f64 / 1024.0, cut.parts.len()))
}
