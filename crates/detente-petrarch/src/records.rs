//! PETRARCH unit-test records (`PETR.UnitTest.records.*.xml`).
//!
//! ```text
//! <Validation>
//!   <Environment>                           the dictionaries the records are coded with
//!     <Verbfile>…</Verbfile> <Actorfile>…</Actorfile> <Agentfile>…</Agentfile> <Discardfile>…</Discardfile>
//!   </Environment>
//!   <Sentences>
//!     <Sentence date="YYYYMMDD" id="…" category="…">
//!       <EventCoding sourcecode="…" targetcode="…" eventcode="…"/>   zero or more
//!       <EventCoding noevents="True"/>                              or: nothing to code
//!       <EventCoding error="…"/>                                    or: PETRARCH refuses it
//!       <Text>…</Text>
//!       <Parse>…</Parse>                     PETRARCH's own parse tree: ignored, we parse
//!     </Sentence>
//! ```
//!
//! A record expecting an error (a dateline, a discarded sentence) expects no coding from us.

use std::path::Path;

use chrono::NaiveDate;

use crate::PetrarchError;

/// One event: who did what to whom, as codes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Coding {
    pub source: String,
    pub target: String,
    pub event: String,
}

impl std::fmt::Display for Coding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {}", self.source, self.target, self.event)
    }
}

/// The dictionaries named by `<Environment>` (file names, relative to the dictionary directory).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    pub verb_files: Vec<String>,
    pub actor_files: Vec<String>,
    pub agent_files: Vec<String>,
    pub discard_files: Vec<String>,
}

/// One `<Sentence>` record.
#[derive(Debug, Clone)]
pub struct Record {
    pub id: String,
    pub date: Option<NaiveDate>,
    pub category: String,
    pub text: String,
    /// The expected codings (empty for `noevents` and `error` records).
    pub expected: Vec<Coding>,
    /// The error PETRARCH reports instead of coding (`dateline`, `sentencediscard`, …).
    pub expected_error: Option<String>,
}

/// A records file: its environment and its records, in file order.
#[derive(Debug, Clone)]
pub struct RecordSet {
    pub environment: Environment,
    pub records: Vec<Record>,
}

/// Reads a unit-test records file.
pub fn read_records(path: impl AsRef<Path>) -> Result<RecordSet, PetrarchError> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|source| PetrarchError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_records(&text, path)
}

/// Parses records from XML text; `path` names it in errors.
pub fn parse_records(text: &str, path: &Path) -> Result<RecordSet, PetrarchError> {
    let xml_error = |message: String| PetrarchError::Xml {
        path: path.to_path_buf(),
        message,
    };
    let doc = roxmltree::Document::parse(text).map_err(|e| xml_error(e.to_string()))?;
    let line_of = |node: roxmltree::Node| doc.text_pos_at(node.range().start).row as usize;
    let mut environment = Environment::default();
    if let Some(env) = doc.descendants().find(|n| n.has_tag_name("Environment")) {
        for child in env.children().filter(|n| n.is_element()) {
            let value = child.text().unwrap_or("").trim().to_string();
            if value.is_empty() {
                continue;
            }
            match child.tag_name().name() {
                "Verbfile" => environment.verb_files.push(value),
                "Actorfile" => environment.actor_files.push(value),
                "Agentfile" => environment.agent_files.push(value),
                "Discardfile" => environment.discard_files.push(value),
                _ => {}
            }
        }
    }
    let mut records = Vec::new();
    for node in doc.descendants().filter(|n| n.has_tag_name("Sentence")) {
        let line = line_of(node);
        let syntax = |message: String| PetrarchError::Syntax {
            path: path.to_path_buf(),
            line,
            message,
        };
        let id = node
            .attribute("id")
            .ok_or_else(|| syntax("<Sentence> without an id".into()))?
            .trim()
            .to_string();
        let date = match node.attribute("date").map(str::trim) {
            Some(d) if !d.is_empty() => {
                Some(NaiveDate::parse_from_str(d, "%Y%m%d").map_err(|_| {
                    syntax(format!("record {id}: bad date {d:?} (expected YYYYMMDD)"))
                })?)
            }
            _ => None,
        };
        let text = node
            .children()
            .find(|n| n.has_tag_name("Text"))
            .and_then(|n| n.text())
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .ok_or_else(|| syntax(format!("record {id} has no <Text>")))?;
        let mut expected = Vec::new();
        let mut expected_error = None;
        for coding in node.children().filter(|n| n.has_tag_name("EventCoding")) {
            if let Some(err) = coding.attribute("error") {
                expected_error = Some(err.trim().to_string());
                continue;
            }
            if coding.attribute("noevents").is_some() {
                continue;
            }
            let attr = |name: &str| {
                coding
                    .attribute(name)
                    .map(|v| v.trim().to_string())
                    .ok_or_else(|| PetrarchError::Syntax {
                        path: path.to_path_buf(),
                        line: line_of(coding),
                        message: format!("record {id}: <EventCoding> without {name}"),
                    })
            };
            expected.push(Coding {
                source: attr("sourcecode")?,
                target: attr("targetcode")?,
                event: attr("eventcode")?,
            });
        }
        records.push(Record {
            id,
            date,
            category: node.attribute("category").unwrap_or("").trim().to_string(),
            text,
            expected,
            expected_error,
        });
    }
    Ok(RecordSet {
        environment,
        records,
    })
}
