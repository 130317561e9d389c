//! The document model every Detente stage reads and extends.
//!
//! A [`Document`] owns the original text, never modified. Every annotation is a
//! [`Span`] of byte offsets into that text, so an event trigger or a quotation
//! found five stages later still points at exact characters of the input.

mod span;
mod document;
mod annotations;
pub mod tree;
pub mod data;
pub mod clock;

pub use document::{Dateline, Document, Entity, Meta, Sentence, Token, WordSyntax};
pub use span::Span;
pub use tree::SentenceTree;
pub use annotations::{
    ActorMention, ActorRef, Cameo, DatePrecision, Event, Evidence, Location, Modality, Plover, Quote,
    QuoteKind, Resolution, Speaker, TextSpan,
};
