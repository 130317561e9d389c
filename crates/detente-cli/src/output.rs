//! JSON views of documents: what `detente tokenize --format json` prints.
//!
//! Spans are `[start, end)` byte offsets into the document's original text, so
//! `text[start..end]` recovers every sentence and token exactly.

use detente_core::{Document, Span};
use serde::Serialize;

#[derive(Serialize)]
pub struct DocumentJson<'a> {
    pub id: &'a str,
    #[serde(flatten)]
    pub meta: &'a detente_core::Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<DatelineJson<'a>>,
    pub sentences: Vec<SentenceJson<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<EntityJson<'a>>,
}

#[derive(Serialize)]
pub struct EntityJson<'a> {
    pub text: &'a str,
    pub span: [u32; 2],
    pub label: &'a str,
}

#[derive(Serialize)]
pub struct DatelineJson<'a> {
    pub text: &'a str,
    pub span: [u32; 2],
    pub place: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<&'a str>,
}

#[derive(Serialize)]
pub struct SentenceJson<'a> {
    pub text: &'a str,
    pub span: [u32; 2],
    pub paragraph: u32,
    pub tokens: Vec<TokenJson<'a>>,
}

#[derive(Serialize)]
pub struct TokenJson<'a> {
    pub text: &'a str,
    pub span: [u32; 2],
    /// Whitespace follows in the original text.
    pub space_after: bool,
    /// Part of one surface word with the next token ("did" of "didn't").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub joined: bool,
    /// Tags, lemma and dependency, once the syntax stage has run.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub syntax: Option<&'a detente_core::WordSyntax>,
}

/// What `detente code` prints for a document (schema: docs/event-json.md).
#[derive(Serialize)]
pub struct CodedJson<'a> {
    pub schema_version: u32,
    pub id: &'a str,
    #[serde(flatten)]
    pub meta: &'a detente_core::Meta,
    pub sentences: Vec<CodedSentenceJson<'a>>,
    pub actors: &'a [detente_core::ActorMention],
    pub events: &'a [detente_core::Event],
    pub quotes: &'a [detente_core::Quote],
}

#[derive(Serialize)]
pub struct CodedSentenceJson<'a> {
    pub text: &'a str,
    pub span: detente_core::Span,
}

/// Version of the `detente code` JSON schema; bump it on any incompatible change.
pub const CODED_SCHEMA_VERSION: u32 = 1;

impl<'a> CodedJson<'a> {
    pub fn new(doc: &'a Document) -> CodedJson<'a> {
        CodedJson {
            schema_version: CODED_SCHEMA_VERSION,
            id: &doc.id,
            meta: &doc.meta,
            sentences: doc.sentences.iter().map(|s| CodedSentenceJson { text: doc.slice(s.span), span: s.span }).collect(),
            actors: &doc.actors,
            events: &doc.events,
            quotes: &doc.quotes,
        }
    }
}

fn span(s: Span) -> [u32; 2] {
    [s.start, s.end]
}

impl<'a> DocumentJson<'a> {
    pub fn new(doc: &'a Document) -> DocumentJson<'a> {
        DocumentJson {
            id: &doc.id,
            meta: &doc.meta,
            dateline: doc.dateline.as_ref().map(|d| DatelineJson {
                text: doc.slice(d.span),
                span: span(d.span),
                place: doc.slice(d.place),
                agency: d.agency.map(|a| doc.slice(a)),
            }),
            sentences: doc
                .sentences
                .iter()
                .map(|s| SentenceJson {
                    text: doc.slice(s.span),
                    span: span(s.span),
                    paragraph: s.paragraph,
                    tokens: s
                        .token_range()
                        .map(|i| {
                            let t = &doc.tokens[i];
                            TokenJson {
                                text: doc.slice(t.span),
                                span: span(t.span),
                                space_after: t.space_after,
                                joined: t.joined,
                                syntax: doc.syntax.get(i),
                            }
                        })
                        .collect(),
                })
                .collect(),
            entities: doc
                .entities
                .iter()
                .map(|e| EntityJson { text: doc.slice(e.span), span: span(e.span), label: &e.label })
                .collect(),
        }
    }
}
