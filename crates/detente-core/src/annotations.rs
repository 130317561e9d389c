//! The layers written after syntax: actor mentions, events and quotations.
//!
//! They are plain data with serde derives: the JSON that `detente code` prints,
//! the rows the store writes and the records the exporters read are these types.
//! Each carries the text it covers as well as its span, so a consumer holding only
//! the annotations (a database row, a JSONL line) can still show what was found.

use crate::Span;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A piece of the document: its text and byte span.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    pub text: String,
    pub span: Span,
}

/// How an actor mention got its code; the answer to "why is this USAGOV?".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Resolution {
    /// The whole mention is a lexicon name ("Sergei Lavrov", "NATO", "the Kremlin").
    Lexicon,
    /// Built from parts: a country word plus a sector word or title
    /// ("US Secretary of State" → USA + GOV, "Burundian militiamen" → BDI + MIL).
    Composition { parts: Vec<TextSpan> },
    /// Refers back to an earlier mention (surname, pronoun, definite description).
    Coreference { antecedent: TextSpan, rule: String },
    /// Not resolved to a code (an unknown name, "our allies").
    Unresolved,
}

/// One mention of an actor in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorMention {
    pub text: String,
    pub span: Span,
    /// Index of the sentence holding the mention.
    pub sentence: u32,
    /// The mention's tokens (range into `Document::tokens`).
    pub tokens: Range<u32>,
    /// Index into `Document::tokens` of the mention's syntactic head.
    pub head: u32,
    /// Full CAMEO-style code, e.g. `USAGOV`, `RUSMIL`, `IGOEUREEC`; `None` when unresolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The country (or IGO/region) part of the code, e.g. `USA`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The sector part, e.g. `GOV`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// The lexicon entry the code came from (its main name), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    /// `person`, `state`, `igo`, `agent`, `group`, `pronoun`, … — what kind of thing is mentioned.
    pub kind: String,
    pub how: Resolution,
}

/// An actor as an event's source or target: a copy of the mention's identity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorRef {
    pub text: String,
    pub span: Span,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
}

impl From<&ActorMention> for ActorRef {
    fn from(m: &ActorMention) -> ActorRef {
        ActorRef {
            text: m.text.clone(),
            span: m.span,
            code: m.code.clone(),
            country: m.country.clone(),
            sector: m.sector.clone(),
        }
    }
}

/// A CAMEO event code with its place in the ontology.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cameo {
    /// The code as a string with its leading zeros, e.g. `"036"`.
    pub code: String,
    /// The two-digit root, e.g. `"03"`.
    pub root: String,
    pub name: String,
}

/// A PLOVER event type and, when known, its mode.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plover {
    #[serde(rename = "type")]
    pub event_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
}

/// Whether the text says the event happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Reported as having happened or happening.
    Asserted,
    /// Announced for the future ("will share", "plans to", "next week").
    Future,
    /// Possible, conditional or forecast ("could", "if", "likely to").
    Hypothetical,
    /// Happened well before publication ("last June").
    Historical,
}

/// How precise an event date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
}

/// Where an event happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub text: String,
    pub span: Span,
    /// CAMEO country code of the place, when known (Geneva → `CHE`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// Why the coder produced an event: the trigger words and the pattern that matched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub trigger: TextSpan,
    /// Identifier of the event-lexicon pattern, e.g. `verbs.tsv:412` or a PETRARCH pattern.
    pub pattern: String,
}

/// One coded event: who did what to whom, when and where, and why we think so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Unique within the document: `e1`, `e2`, …
    pub id: String,
    /// Index of the sentence the event was coded from.
    pub sentence: u32,
    pub source: Vec<ActorRef>,
    pub target: Vec<ActorRef>,
    pub cameo: Cameo,
    pub goldstein: f32,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub plover: Plover,
    pub negated: bool,
    pub modality: Modality,
    /// The speaker when the event is reported speech ("X said Y did Z").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<ActorRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    pub date: NaiveDate,
    pub date_precision: DatePrecision,
    pub evidence: Evidence,
    /// 0–1: how sure the coder is (pattern specificity, argument resolution).
    pub confidence: f32,
}

/// What kind of quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A whole quoted statement in quotation marks.
    Direct,
    /// A few quoted words inside reported speech.
    Partial,
    /// Reported speech without quotation marks ("said that …").
    Indirect,
}

/// Who said it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub text: String,
    pub span: Span,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// How the speaker was found and resolved, e.g. `subject of cue`, `nearest speaker in paragraph`,
    /// followed by the actor resolution (`lexicon`, `coreference: Antony Blinken`).
    pub how: String,
}

/// A quotation with its speaker and cue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Unique within the document: `q1`, `q2`, …
    pub id: String,
    pub kind: QuoteKind,
    pub content: TextSpan,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<TextSpan>,
    /// Indices of the sentences the content spans.
    pub sentences: Vec<u32>,
}
