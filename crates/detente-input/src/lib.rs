//! Reading user input into unsegmented [`Document`]s.
//!
//! Inputs are plain-text files (one document each), JSON Lines files (one
//! document per line), directories of either, and standard input (`-`).
//! [`read_inputs`] returns an iterator, so a multi-gigabyte JSONL corpus streams
//! record by record, and a bad record is one `Err` item rather than the end of
//! the run: the caller decides whether to stop or keep going.
//!
//! Every document's text is the input exactly as written, except that a
//! leading UTF-8 byte order mark is stripped: it is an encoding artefact, not
//! text, and left in place it would stick to the first word.

mod error;
mod jsonl;
mod text;

pub use error::InputError;

use chrono::NaiveDate;
use detente_core::Document;
use jsonl::JsonlReader;
use std::collections::VecDeque;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader};
use std::iter::FusedIterator;
use std::path::{Path, PathBuf};
use walkdir::{DirEntry, WalkDir};

/// The default for [`InputOptions::max_bytes`]: far above any news article,
/// low enough that a mistaken path (a database dump, a disk image) fails fast.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The hard ceiling on a document's size whatever `max_bytes` says: spans are
/// `u32` byte offsets.
const MAX_DOCUMENT_BYTES: u64 = u32::MAX as u64;

/// How to parse a named file or standard input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// `*.jsonl` is JSON Lines, anything else (and standard input) plain text.
    #[default]
    Auto,
    Text,
    Jsonl,
}

/// Options for [`read_inputs`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InputOptions {
    /// The largest document, in bytes: a whole text file, or one JSONL line (a
    /// JSONL file as a whole may be larger). Capped at 4 GiB, the most a
    /// document's `u32` spans can address.
    pub max_bytes: u64,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    pub lossy: bool,
    /// Publication date for documents that do not carry their own: every plain
    /// text document, and JSONL records without a `date`.
    pub date: Option<NaiveDate>,
    /// Applies to files named explicitly and to standard input. Files found in
    /// a directory are always parsed by their extension, since the extension is
    /// what selected them.
    pub format: InputFormat,
}

impl Default for InputOptions {
    fn default() -> InputOptions {
        InputOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            lossy: false,
            date: None,
            format: InputFormat::Auto,
        }
    }
}

impl InputOptions {
    fn limit(&self) -> u64 {
        self.max_bytes.min(MAX_DOCUMENT_BYTES)
    }
}

/// Reads `paths` in order, yielding one item per document or per error.
///
/// - `-` is standard input: plain text, or JSON Lines with [`InputFormat::Jsonl`].
/// - A directory is searched recursively, now rather than lazily, for `*.txt`
///   and `*.jsonl` files, skipping hidden files and directories (`.git`,
///   editor backups) and following symbolic links; its files are read in path
///   order so that runs are reproducible.
/// - A text file is one document whose id is the file stem (`stdin` for
///   standard input).
/// - A JSONL file holds one object per line, `{"id", "text", "title", "date",
///   "url", "source"}`, only `text` required; blank lines are skipped. A record
///   without an id gets `{stem}:{line}`. `date` is `YYYY-MM-DD`, `YYYYMMDD` or
///   an RFC 3339 timestamp, whose date is taken in its own offset (the local
///   date of publication).
///
/// Text keeps its line endings and whitespace; only a leading UTF-8 byte order
/// mark is stripped.
///
/// A malformed JSONL line yields an `Err` and reading goes on with the next
/// line; errors that make the rest of a file unreadable (an I/O failure, a
/// binary file) end that file, and reading goes on with the next input.
pub fn read_inputs<P: AsRef<Path>>(paths: &[P], opts: &InputOptions) -> Inputs {
    let mut queue = VecDeque::new();
    for path in paths {
        expand(path.as_ref(), opts.format, &mut queue);
    }
    Inputs { queue, current: None, opts: *opts }
}

/// The iterator returned by [`read_inputs`].
pub struct Inputs {
    queue: VecDeque<Pending>,
    /// The JSONL file being streamed, if any.
    current: Option<JsonlReader>,
    opts: InputOptions,
}

impl Iterator for Inputs {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(reader) = &mut self.current {
                match reader.next() {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            let source = match self.queue.pop_front()? {
                Pending::Failed(error) => return Some(Err(error)),
                Pending::Read(source) => source,
            };
            let reader = match source.open() {
                Ok(reader) => reader,
                Err(error) => return Some(Err(error)),
            };
            match source.format {
                Format::Text => return Some(text::read_text(&source, reader, &self.opts)),
                Format::Jsonl => self.current = Some(JsonlReader::new(source, reader, &self.opts)),
            }
        }
    }
}

impl FusedIterator for Inputs {}

enum Pending {
    Read(Source),
    /// Found while expanding paths; reported in its place in the input order.
    Failed(InputError),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Jsonl,
}

/// One file (or standard input) to read.
struct Source {
    /// The name errors give: the path, or `<stdin>`.
    path: PathBuf,
    /// The document id of a text input, and the prefix of JSONL default ids.
    stem: String,
    format: Format,
    /// The size of a regular file, so that an oversized one fails unread.
    size: Option<u64>,
    stdin: bool,
}

impl Source {
    fn stdin(format: InputFormat) -> Source {
        let format = if format == InputFormat::Jsonl { Format::Jsonl } else { Format::Text };
        Source {
            path: PathBuf::from("<stdin>"),
            stem: "stdin".to_string(),
            format,
            size: None,
            stdin: true,
        }
    }

    fn file(path: PathBuf, format: Format, size: Option<u64>) -> Source {
        let stem = path.file_stem().unwrap_or(path.as_os_str()).to_string_lossy().into_owned();
        Source { path, stem, format, size, stdin: false }
    }

    fn open(&self) -> Result<Box<dyn BufRead + Send>, InputError> {
        if self.stdin {
            return Ok(Box::new(BufReader::new(io::stdin())));
        }
        match File::open(&self.path) {
            Ok(file) => Ok(Box::new(BufReader::new(file))),
            Err(error) => Err(InputError::Io { path: self.path.clone(), error }),
        }
    }
}

fn expand(path: &Path, format: InputFormat, queue: &mut VecDeque<Pending>) {
    if path.as_os_str() == "-" {
        queue.push_back(Pending::Read(Source::stdin(format)));
        return;
    }
    match fs::metadata(path) {
        Err(error) => {
            queue.push_back(Pending::Failed(InputError::Io { path: path.to_path_buf(), error }))
        }
        Ok(meta) if meta.is_dir() => expand_dir(path, queue),
        Ok(meta) => {
            let format = match format {
                InputFormat::Auto => extension_format(path).unwrap_or(Format::Text),
                InputFormat::Text => Format::Text,
                InputFormat::Jsonl => Format::Jsonl,
            };
            // Pipes and process substitutions have no meaningful length.
            let size = meta.is_file().then_some(meta.len());
            queue.push_back(Pending::Read(Source::file(path.to_path_buf(), format, size)));
        }
    }
}

fn expand_dir(root: &Path, queue: &mut VecDeque<Pending>) {
    let queued_before = queue.len();
    let mut files = Vec::new();
    let walker = WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry));
    for entry in walker {
        match entry {
            // Listing errors go first so that a run without --keep-going stops
            // before doing any work on a directory it cannot fully read.
            Err(error) => queue.push_back(Pending::Failed(InputError::Directory {
                path: root.to_path_buf(),
                error,
            })),
            Ok(entry) if entry.file_type().is_file() => {
                if let Some(format) = extension_format(entry.path()) {
                    let size = entry.metadata().ok().map(|meta| meta.len());
                    files.push((entry.into_path(), format, size));
                }
            }
            Ok(_) => {}
        }
    }
    if files.is_empty() && queue.len() == queued_before {
        queue.push_back(Pending::Failed(InputError::NoInputs { path: root.to_path_buf() }));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    queue.extend(
        files
            .into_iter()
            .map(|(path, format, size)| Pending::Read(Source::file(path, format, size))),
    );
}

fn is_hidden(entry: &DirEntry) -> bool {
    entry.file_name().as_encoded_bytes().starts_with(b".")
}

/// The format a file's extension names, if it is one Detente reads.
fn extension_format(path: &Path) -> Option<Format> {
    let extension = path.extension()?.to_str()?;
    if extension.eq_ignore_ascii_case("jsonl") {
        Some(Format::Jsonl)
    } else if extension.eq_ignore_ascii_case("txt") {
        Some(Format::Text)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn stdin_docs(format: InputFormat, input: &'static [u8]) -> Vec<Result<Document, InputError>> {
        let opts = InputOptions { format, ..InputOptions::default() };
        let source = Source::stdin(format);
        let reader: Box<dyn BufRead + Send> = Box::new(Cursor::new(input));
        match source.format {
            Format::Text => vec![text::read_text(&source, reader, &opts)],
            Format::Jsonl => JsonlReader::new(source, reader, &opts).collect(),
        }
    }

    #[test]
    fn stdin_text_is_one_document_with_id_stdin() {
        let docs = stdin_docs(InputFormat::Auto, b"\xEF\xBB\xBFTalks resumed in Geneva.\n");
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(doc.id, "stdin");
        assert_eq!(doc.text, "Talks resumed in Geneva.\n");
    }

    #[test]
    fn stdin_jsonl_ids_default_to_stdin_and_line() {
        let docs = stdin_docs(InputFormat::Jsonl, b"{\"text\":\"One.\"}\n\n{\"text\":\"Two.\"}\n");
        let ids: Vec<_> = docs.iter().map(|d| d.as_ref().unwrap().id.as_str()).collect();
        assert_eq!(ids, ["stdin:1", "stdin:3"]);
    }

    #[test]
    fn stdin_errors_name_stdin() {
        let docs = stdin_docs(InputFormat::Text, b"  \n");
        assert_eq!(
            docs[0].as_ref().unwrap_err().to_string(),
            "<stdin>: no text: the input is empty or only whitespace"
        );
    }

    #[test]
    fn oversized_stdin_is_read_only_up_to_the_limit() {
        let opts = InputOptions { max_bytes: 4, ..InputOptions::default() };
        let mut input = Cursor::new(b"0123456789".to_vec());
        let error =
            text::read_text(&Source::stdin(InputFormat::Auto), &mut input, &opts).unwrap_err();
        assert_eq!(
            error.to_string(),
            "<stdin>: input is over the limit of 4 bytes; raise the limit with --max-bytes"
        );
        assert_eq!(input.position(), 5);
    }

    #[test]
    fn inputs_can_move_to_another_thread() {
        fn assert_send<T: Send>() {}
        assert_send::<Inputs>();
    }

    #[test]
    fn max_bytes_is_capped_at_what_spans_can_address() {
        let opts = InputOptions { max_bytes: u64::MAX, ..InputOptions::default() };
        assert_eq!(opts.limit(), u32::MAX as u64);
    }
}
