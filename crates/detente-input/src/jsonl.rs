//! JSON Lines inputs, streamed one record at a time.

use crate::text::{check_binary, decode, UTF8_BOM};
use crate::{InputError, InputOptions, Source};
use chrono::{DateTime, NaiveDate};
use detente_core::{Document, Meta};
use serde_json::{Map, Value};
use std::io::{self, BufRead, Read};
use std::path::PathBuf;

/// Yields a document or an error per non-blank line, then ends; after an error
/// that leaves the rest of the file unreadable it yields nothing more.
pub(crate) struct JsonlReader {
    path: PathBuf,
    stem: String,
    reader: Box<dyn BufRead + Send>,
    limit: u64,
    lossy: bool,
    date: Option<NaiveDate>,
    /// Bytes consumed so far, for error offsets.
    offset: u64,
    /// The 1-based number of the line last read.
    line: u64,
    /// A non-blank line was seen, so the file is not empty.
    seen_record: bool,
    done: bool,
    /// The current line, reused to avoid an allocation per record.
    buf: Vec<u8>,
}

/// What one physical line turned out to be.
// Returned and matched at once: boxing would only add an allocation per record.
#[allow(clippy::large_enum_variant)]
enum Line {
    Blank,
    Record(Result<Document, InputError>),
}

impl JsonlReader {
    pub(crate) fn new(
        source: Source,
        reader: Box<dyn BufRead + Send>,
        opts: &InputOptions,
    ) -> JsonlReader {
        JsonlReader {
            path: source.path,
            stem: source.stem,
            reader,
            limit: opts.limit(),
            lossy: opts.lossy,
            date: opts.date,
            offset: 0,
            line: 0,
            seen_record: false,
            done: false,
            buf: Vec::new(),
        }
    }

    fn io_error(&self, error: io::Error) -> InputError {
        InputError::Io { path: self.path.clone(), error }
    }

    /// Reads and parses the next line; `None` at the end of the file, `Err`
    /// when the rest of the file cannot be read. An oversized line is skipped
    /// without being held in memory.
    fn next_line(&mut self) -> Result<Option<Line>, InputError> {
        let start = self.offset;
        self.buf.clear();
        let read = (&mut self.reader).take(self.limit + 1).read_until(b'\n', &mut self.buf);
        let read = read.map_err(|error| self.io_error(error))? as u64;
        if read == 0 {
            return Ok(None);
        }
        self.offset += read;
        self.line += 1;
        if read <= self.limit || self.buf.last() == Some(&b'\n') {
            return self.parse_line(start).map(Some);
        }
        let (skipped, newline) =
            skip_line(&mut self.reader).map_err(|error| self.io_error(error))?;
        self.offset += skipped;
        Ok(Some(Line::Record(Err(InputError::RecordTooLarge {
            path: self.path.clone(),
            line: self.line,
            size: read + skipped - u64::from(newline),
            limit: self.limit,
        }))))
    }

    /// Parses the line in `buf`, which starts at byte `start` of the file.
    fn parse_line(&self, start: u64) -> Result<Line, InputError> {
        check_binary(&self.path, start, &self.buf)?;
        let (bytes, start) = match self.buf.strip_prefix(UTF8_BOM) {
            Some(rest) if self.line == 1 => (rest, start + UTF8_BOM.len() as u64),
            _ => (&self.buf[..], start),
        };
        let line = match decode(&self.path, bytes, start, self.line, self.lossy) {
            Ok(line) => line,
            Err(error) => return Ok(Line::Record(Err(error))),
        };
        if line.trim().is_empty() {
            return Ok(Line::Blank);
        }
        // Without its line break, so that serde's position is on its line 1.
        let record = self.parse_record(line.trim_end_matches(['\n', '\r'])).map_err(|message| {
            InputError::Jsonl { path: self.path.clone(), line: self.line, message }
        });
        Ok(Line::Record(record))
    }

    fn parse_record(&self, line: &str) -> Result<Document, String> {
        let value: Value = serde_json::from_str(line).map_err(|error| json_message(&error))?;
        let Value::Object(mut fields) = value else {
            return Err(format!("expected a JSON object, found {}", describe(&value)));
        };
        let text = string_field(&mut fields, "text")?.ok_or("missing field `text`")?;
        if text.trim().is_empty() {
            return Err("field `text` is empty".to_string());
        }
        let id = match string_field(&mut fields, "id")? {
            Some(id) if id.trim().is_empty() => return Err("field `id` is empty".to_string()),
            Some(id) => id,
            None => format!("{}:{}", self.stem, self.line),
        };
        let published = match string_field(&mut fields, "date")? {
            Some(date) => Some(parse_date(&date).ok_or_else(|| {
                format!(
                    "field `date` is not a date: {date:?} \
                     (expected YYYY-MM-DD, YYYYMMDD or an RFC 3339 timestamp)"
                )
            })?),
            None => self.date,
        };
        let meta = Meta {
            title: string_field(&mut fields, "title")?,
            source: string_field(&mut fields, "source")?,
            url: string_field(&mut fields, "url")?,
            published,
            ..Meta::english()
        };
        Ok(Document::new(id, text, meta))
    }
}

impl Iterator for JsonlReader {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.next_line() {
                Ok(Some(Line::Blank)) => {}
                Ok(Some(Line::Record(record))) => {
                    self.seen_record = true;
                    return Some(record);
                }
                Ok(None) => {
                    self.done = true;
                    return (!self.seen_record)
                        .then(|| Err(InputError::Empty { path: self.path.clone() }));
                }
                Err(fatal) => {
                    self.done = true;
                    return Some(Err(fatal));
                }
            }
        }
        None
    }
}

/// Consumes the rest of a line, returning its length and whether it ended in
/// a newline (rather than at the end of the file).
fn skip_line(reader: &mut dyn BufRead) -> io::Result<(u64, bool)> {
    let mut skipped = 0;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok((skipped, false));
        }
        if let Some(at) = chunk.iter().position(|&b| b == b'\n') {
            reader.consume(at + 1);
            return Ok((skipped + at as u64 + 1, true));
        }
        let len = chunk.len();
        reader.consume(len);
        skipped += len as u64;
    }
}

/// An optional string field; `null` counts as absent, as exporters write it.
fn string_field(fields: &mut Map<String, Value>, name: &str) -> Result<Option<String>, String> {
    match fields.remove(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(value)) => Ok(Some(value)),
        Some(other) => Err(format!("field `{name}` must be a string, found {}", describe(&other))),
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// serde's message with its position given as a column: its "line 1" would
/// contradict the file line number the error is reported at.
fn json_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&position) {
        Some(bare) => format!("invalid JSON at column {}: {bare}", error.column()),
        None => format!("invalid JSON: {message}"),
    }
}

fn parse_date(date: &str) -> Option<NaiveDate> {
    let date = date.trim();
    if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::from_ymd_opt(
            date[..4].parse().ok()?,
            date[4..6].parse().ok()?,
            date[6..].parse().ok()?,
        );
    }
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .or_else(|| DateTime::parse_from_rfc3339(date).ok().map(|time| time.date_naive()))
}
