use crate::{ActorMention, Event, Quote, Span};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;
use std::ops::Range;

/// Where a document came from and when it was published.
///
/// `published` anchors every relative date later stages resolve ("Friday",
/// "last June") and the date ranges of people's offices in the actor lexicon.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// BCP 47 language tag; Detente's models are English only.
    pub language: String,
}

impl Meta {
    pub fn english() -> Meta {
        Meta { language: "en".to_string(), ..Meta::default() }
    }
}

/// One word in the Universal Dependencies sense.
///
/// Contractions and possessives are split as UD does: "didn't" is two tokens,
/// `did` and `n't`, whose spans meet; `joined` marks the first so that writers
/// can rebuild the surface token (a CoNLL-U multiword range line).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    /// Whitespace follows this token in the original text.
    pub space_after: bool,
    /// This token and the next one are one surface token ("did" of "didn't").
    pub joined: bool,
}

/// A sentence: its byte span and the range of its tokens in `Document::tokens`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<u32>,
    /// Index of the paragraph (blank-line separated block) holding the sentence.
    pub paragraph: u32,
}

impl Sentence {
    pub fn token_range(&self) -> Range<usize> {
        self.tokens.start as usize..self.tokens.end as usize
    }
}

/// A news dateline ("GENEVA (AFP) —"): kept out of the first sentence, and its
/// place is a hint for where the reported events happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The whole dateline including its trailing dash or colon.
    pub span: Span,
    pub place: Span,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<Span>,
}

/// The shared document every stage reads and annotates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Parallel to `tokens` once the syntax stage has run; empty before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub syntax: Vec<WordSyntax>,
    /// Named-entity mentions in text order, once the entity stage has run.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<Entity>,
    /// Actor mentions in text order, with codes, once the actor stage has run.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<ActorMention>,
    /// Coded events, once the event stage has run.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    /// Quotations with speakers, once the quotation stage has run.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>, meta: Meta) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            meta,
            dateline: None,
            sentences: Vec::new(),
            tokens: Vec::new(),
            syntax: Vec::new(),
            entities: Vec::new(),
            actors: Vec::new(),
            events: Vec::new(),
            quotes: Vec::new(),
        }
    }

    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.token_range()]
    }

    /// Index of the sentence holding token `token` (an index into `tokens`).
    pub fn sentence_of_token(&self, token: u32) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.tokens.end <= token);
        (i < self.sentences.len() && self.sentences[i].tokens.contains(&token)).then_some(i)
    }

    /// The text and span of a token range (`start..end` into `tokens`, non-empty).
    pub fn token_text_span(&self, tokens: std::ops::Range<u32>) -> crate::TextSpan {
        let span = Span { start: self.tokens[tokens.start as usize].span.start, end: self.tokens[tokens.end as usize - 1].span.end };
        crate::TextSpan { text: self.slice(span).to_string(), span }
    }
}

/// Morphosyntax of one token (a UD word), filled by the syntax stage:
/// Universal Dependencies columns 3-8 of CoNLL-U.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordSyntax {
    pub lemma: String,
    // Tags, features and relations are short strings from small sets, kept inline (no
    // allocation per word) up to 23 bytes.
    pub upos: SmolStr,
    pub xpos: SmolStr,
    /// UD features, `Name=Value|Name=Value` sorted by name, `_` when none.
    pub feats: SmolStr,
    /// 1-based index of the head word within the sentence; 0 for the root.
    pub head: u32,
    /// UD relation with subtype, e.g. `nsubj:pass`.
    pub deprel: SmolStr,
}

/// A named-entity mention: a run of whole tokens within one sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub span: Span,
    /// Range into `Document::tokens`.
    pub tokens: Range<u32>,
    /// `PER`, `ORG` or `LOC`.
    pub label: String,
}
