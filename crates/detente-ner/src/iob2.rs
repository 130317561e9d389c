//! IOB2 tags and the UniversalNER file format.
//!
//! UniversalNER files are CoNLL-like: `# ...` comment lines, then one line
//! per word, `index<TAB>token<TAB>tag[<TAB>...]`, and a blank line after each
//! sentence. Tags are `O`, `B-TYPE`, `I-TYPE` with TYPE one of PER, ORG, LOC.

use crate::{EntitySpan, EntityType, NerSentence};
use std::fmt;
use std::io::BufRead;
use std::str::FromStr;

/// One word's IOB2 tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Iob2Tag {
    O,
    /// First word of an entity.
    B(EntityType),
    /// A later word of an entity.
    I(EntityType),
}

impl FromStr for Iob2Tag {
    type Err = String;

    fn from_str(s: &str) -> Result<Iob2Tag, String> {
        if s == "O" {
            return Ok(Iob2Tag::O);
        }
        let bad = || {
            format!(
                "unknown tag {s:?} (expected O, B-TYPE or I-TYPE with TYPE one of PER, ORG, LOC)"
            )
        };
        let (prefix, label) = s.split_once('-').ok_or_else(bad)?;
        let label = EntityType::from_label(label).ok_or_else(bad)?;
        match prefix {
            "B" => Ok(Iob2Tag::B(label)),
            "I" => Ok(Iob2Tag::I(label)),
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for Iob2Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Iob2Tag::O => f.write_str("O"),
            Iob2Tag::B(t) => write!(f, "B-{t}"),
            Iob2Tag::I(t) => write!(f, "I-{t}"),
        }
    }
}

/// The entity spans of a tag sequence, read the way CoNLL's `conlleval`
/// does: an `I-X` that does not continue an entity of type X (after `O`, or
/// after another type) starts a new entity rather than being dropped, so a
/// system's ill-formed output is scored on what it most plausibly meant.
pub fn iob2_spans(tags: &[Iob2Tag]) -> Vec<EntitySpan> {
    let mut spans: Vec<EntitySpan> = Vec::new();
    let mut open: Option<EntitySpan> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let continues = matches!((tag, &open), (Iob2Tag::I(t), Some(s)) if s.label == t);
        if continues {
            if let Some(s) = &mut open {
                s.end = i + 1;
            }
            continue;
        }
        spans.extend(open.take());
        if let Iob2Tag::B(t) | Iob2Tag::I(t) = tag {
            open = Some(EntitySpan {
                start: i,
                end: i + 1,
                label: t,
            });
        }
    }
    spans.extend(open);
    spans
}

/// The IOB2 tags of `len` words with these (non-overlapping) entities; the
/// form CoNLL-U MISC (`NE=B-PER`) and the UniversalNER files use.
pub fn iob2_tags(len: usize, spans: &[EntitySpan]) -> Vec<Iob2Tag> {
    let mut tags = vec![Iob2Tag::O; len];
    for s in spans {
        for (k, tag) in tags[s.start..s.end].iter_mut().enumerate() {
            *tag = if k == 0 {
                Iob2Tag::B(s.label)
            } else {
                Iob2Tag::I(s.label)
            };
        }
    }
    tags
}

/// A problem in an IOB2 file, with its 1-based line number.
#[derive(Debug, thiserror::Error)]
pub enum Iob2Error {
    #[error("IOB2 line {line}: {message}")]
    Syntax { line: usize, message: String },
    #[error("reading IOB2 after line {line}: {source}")]
    Io {
        line: usize,
        #[source]
        source: std::io::Error,
    },
}

/// Reads a UniversalNER IOB2 file into sentences (words and gold entities,
/// no part-of-speech tags; `newdoc` where a `# newdoc` comment precedes).
/// Word indices must count 1, 2, 3… in each sentence, so a lost or
/// duplicated line is reported where it happened.
pub fn read_iob2(reader: impl BufRead) -> Result<Vec<NerSentence>, Iob2Error> {
    let mut out = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut tags: Vec<Iob2Tag> = Vec::new();
    // A `# newdoc` comment seen since the last sentence.
    let mut newdoc = false;
    let finish = |words: &mut Vec<String>,
                  tags: &mut Vec<Iob2Tag>,
                  newdoc: &mut bool,
                  out: &mut Vec<NerSentence>| {
        if !words.is_empty() {
            let mut s = NerSentence::new(std::mem::take(words), iob2_spans(tags));
            s.newdoc = std::mem::take(newdoc);
            out.push(s);
            tags.clear();
        }
    };
    let mut line_no = 0;
    for line in reader.lines() {
        let line = line.map_err(|source| Iob2Error::Io {
            line: line_no,
            source,
        })?;
        line_no += 1;
        let syntax = |message: String| Iob2Error::Syntax {
            line: line_no,
            message,
        };
        let mut line = line.trim_end_matches('\r');
        if line_no == 1 {
            line = line.strip_prefix('\u{feff}').unwrap_or(line);
        }
        if line.trim().is_empty() {
            finish(&mut words, &mut tags, &mut newdoc, &mut out);
            continue;
        }
        if line.starts_with('#') {
            if !words.is_empty() {
                return Err(syntax(
                    "comment line among the word lines of a sentence".into(),
                ));
            }
            newdoc |= line.starts_with("# newdoc");
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(index), Some(word), Some(tag)) = (cols.next(), cols.next(), cols.next()) else {
            return Err(syntax(format!(
                "expected index, word and tag separated by tabs, found {line:?}"
            )));
        };
        let expected = words.len() + 1;
        if index.parse::<usize>().ok() != Some(expected) {
            return Err(syntax(format!("word index {index:?}, expected {expected}")));
        }
        if word.is_empty() {
            return Err(syntax("empty word".into()));
        }
        tags.push(tag.parse().map_err(syntax)?);
        words.push(word.to_string());
    }
    finish(&mut words, &mut tags, &mut newdoc, &mut out);
    Ok(out)
}
