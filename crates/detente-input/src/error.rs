use crate::MAX_DOCUMENT_BYTES;
use std::io;
use std::path::PathBuf;

/// Why an input, or one record of it, could not become a document.
///
/// Each message names the input (`<stdin>` for standard input), the line or
/// byte offset where that helps find the problem, and what to do about it.
/// Underlying I/O and directory errors are part of the message, not a
/// `source()`, so printing an error chain does not repeat them.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("cannot read {}: {error}", .path.display())]
    Io { path: PathBuf, error: io::Error },

    #[error("cannot list directory {}: {error}", .path.display())]
    Directory { path: PathBuf, error: walkdir::Error },

    #[error(
        "{}: no *.txt or *.jsonl files in this directory \
         (hidden files and directories are skipped)",
        .path.display()
    )]
    NoInputs { path: PathBuf },

    /// `size` is unknown for standard input and pipes, read only up to the limit.
    #[error("{}: {}", .path.display(), too_large(.size, .limit))]
    TooLarge { path: PathBuf, size: Option<u64>, limit: u64 },

    #[error(
        "{}:{line}: record is {size} bytes, over the limit of {limit} bytes; {}",
        .path.display(),
        limit_hint(.limit)
    )]
    RecordTooLarge { path: PathBuf, line: u64, size: u64, limit: u64 },

    #[error(
        "{}: looks like a binary file (NUL byte at byte offset {offset}); Detente reads UTF-8 text",
        .path.display()
    )]
    Binary { path: PathBuf, offset: u64 },

    #[error(
        "{}: file is UTF-16 (it starts with a UTF-16 byte order mark); \
         convert it to UTF-8, e.g. `iconv -f UTF-16 -t UTF-8`",
        .path.display()
    )]
    Utf16 { path: PathBuf },

    #[error(
        "{}: invalid UTF-8 at byte offset {offset} (line {line}); convert the file to UTF-8 \
         (e.g. with iconv), or pass --lossy to replace invalid bytes with U+FFFD",
        .path.display()
    )]
    InvalidUtf8 { path: PathBuf, offset: u64, line: u64 },

    #[error("{}: no text: the input is empty or only whitespace", .path.display())]
    Empty { path: PathBuf },

    /// A JSONL line that is not a valid record.
    #[error("{}:{line}: {message}", .path.display())]
    Jsonl { path: PathBuf, line: u64, message: String },
}

fn too_large(size: &Option<u64>, limit: &u64) -> String {
    match size {
        Some(size) => {
            format!("input is {size} bytes, over the limit of {limit} bytes; {}", limit_hint(limit))
        }
        None => format!("input is over the limit of {limit} bytes; {}", limit_hint(limit)),
    }
}

fn limit_hint(limit: &u64) -> &'static str {
    if *limit >= MAX_DOCUMENT_BYTES {
        "that is the most a document can hold (spans are 32-bit byte offsets), so split the input"
    } else {
        "raise the limit with --max-bytes"
    }
}
