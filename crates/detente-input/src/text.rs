//! Whole plain-text inputs, and the byte checks JSON Lines shares with them.

use crate::{InputError, InputOptions, Source};
use detente_core::{Document, Meta};
use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

pub(crate) const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// How much of a file is searched for NUL bytes: enough to catch executables,
/// archives and PDFs at once, cheap on a huge file.
const BINARY_SNIFF_BYTES: u64 = 8 * 1024;

/// Reads a whole text input as one document.
///
/// At most `limit + 1` bytes are read, so an oversized pipe is detected
/// without being swallowed whole.
pub(crate) fn read_text(
    source: &Source,
    reader: impl Read,
    opts: &InputOptions,
) -> Result<Document, InputError> {
    let path = &source.path;
    let limit = opts.limit();
    if let Some(size) = source.size.filter(|&size| size > limit) {
        return Err(InputError::TooLarge { path: path.clone(), size: Some(size), limit });
    }
    let mut bytes = Vec::with_capacity(source.size.map_or(0, |size| size as usize));
    if let Err(error) = reader.take(limit + 1).read_to_end(&mut bytes) {
        return Err(InputError::Io { path: path.clone(), error });
    }
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge { path: path.clone(), size: None, limit });
    }
    check_binary(path, 0, &bytes)?;
    let (body, offset) = match bytes.strip_prefix(UTF8_BOM) {
        Some(body) => (body, UTF8_BOM.len() as u64),
        None => (&bytes[..], 0),
    };
    let text = decode(path, body, offset, 1, opts.lossy)?;
    if text.trim().is_empty() {
        return Err(InputError::Empty { path: path.clone() });
    }
    let meta = Meta { published: opts.date, ..Meta::english() };
    Ok(Document::new(source.stem.clone(), text.into_owned(), meta))
}

/// Rejects UTF-16 and binary data, given `bytes` found at `offset` in the file.
///
/// UTF-16 is checked first and named separately because it is the usual
/// encoding of text exported on Windows, and its ASCII is full of NUL bytes.
pub(crate) fn check_binary(path: &Path, offset: u64, bytes: &[u8]) -> Result<(), InputError> {
    if offset == 0 && (bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")) {
        return Err(InputError::Utf16 { path: path.to_path_buf() });
    }
    let sniffed = BINARY_SNIFF_BYTES.saturating_sub(offset).min(bytes.len() as u64) as usize;
    match bytes[..sniffed].iter().position(|&b| b == 0) {
        Some(at) => {
            Err(InputError::Binary { path: path.to_path_buf(), offset: offset + at as u64 })
        }
        None => Ok(()),
    }
}

/// Decodes `bytes`, found at byte `offset` and line `line` of the file.
pub(crate) fn decode<'a>(
    path: &Path,
    bytes: &'a [u8],
    offset: u64,
    line: u64,
    lossy: bool,
) -> Result<Cow<'a, str>, InputError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) if lossy => Ok(String::from_utf8_lossy(bytes)),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            Err(InputError::InvalidUtf8 {
                path: path.to_path_buf(),
                offset: offset + valid.len() as u64,
                line: line + valid.iter().filter(|&&b| b == b'\n').count() as u64,
            })
        }
    }
}
