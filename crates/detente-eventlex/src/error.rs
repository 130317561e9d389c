//! Errors of the lexicon loader and the ontology.

use std::path::PathBuf;

/// Why a lexicon file could not be loaded. Every variant that concerns a line names the
/// file and the line (1-based), so a person can go straight to it.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{}: {message}", path.display())]
    Io { path: PathBuf, message: String },
    #[error("{file}:{line}: {message}")]
    Line { file: String, line: usize, message: String },
    #[error("{0}")]
    UnknownCode(#[from] UnknownCode),
}

impl LexiconError {
    pub(crate) fn line(file: &str, line: usize, message: impl Into<String>) -> LexiconError {
        LexiconError::Line { file: file.to_string(), line, message: message.into() }
    }
}

/// A CAMEO code that is not in the ontology.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown CAMEO code {code:?} (codes are 2 to 4 digits with leading zeros, e.g. \"036\"; see lexicon/events/cameo.tsv)")]
pub struct UnknownCode {
    pub code: String,
}
