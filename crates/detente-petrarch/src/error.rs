use std::path::PathBuf;

/// Why a PETRARCH file could not be read. Every variant names the file; syntax errors also
/// the 1-based line.
#[derive(Debug, thiserror::Error)]
pub enum PetrarchError {
    #[error("cannot read {path}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path}: malformed XML: {message}")]
    Xml { path: PathBuf, message: String },
    #[error("{path}: {message}")]
    Dictionary { path: PathBuf, message: String },
}
