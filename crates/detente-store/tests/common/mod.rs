//! Synthetic coded documents for the store's tests and benchmark: the store
//! must not depend on the coder, so events are built directly.

#![allow(dead_code)]

use chrono::NaiveDate;
use detente_core::{
    ActorMention, ActorRef, Cameo, DatePrecision, Document, Event, Evidence, Location, Meta, Modality, Plover, Quote,
    QuoteKind, Resolution, Sentence, Span, Speaker, TextSpan,
};

/// One event to put in a synthetic document.
#[derive(Clone, Debug)]
pub struct Spec {
    pub source: &'static str,
    pub target: &'static str,
    pub cameo: &'static str,
    pub quad: u8,
    pub goldstein: f32,
    pub date: NaiveDate,
    pub location: Option<&'static str>,
    pub negated: bool,
}

pub fn date(s: &str) -> NaiveDate {
    s.parse().expect("YYYY-MM-DD")
}

pub fn spec(source: &'static str, target: &'static str, cameo: &'static str, quad: u8, goldstein: f32, day: &str) -> Spec {
    Spec { source, target, cameo, quad, goldstein, date: date(day), location: None, negated: false }
}

fn actor_ref(code: &str, text: &str, start: usize) -> ActorRef {
    ActorRef {
        text: text.to_string(),
        span: Span { start: start as u32, end: (start + text.len()) as u32 },
        code: Some(code.to_string()),
        country: Some(code[..3].to_string()),
        sector: (code.len() > 3).then(|| code[3..].to_string()),
    }
}

/// A document with one sentence per event ("Officials of USA met RUS." style, our
/// own wording), its actor mentions, the events, and a quotation by the first source.
pub fn document(id: &str, source: Option<&str>, specs: &[Spec]) -> Document {
    let mut text = String::new();
    let mut sentences = Vec::new();
    let mut actors = Vec::new();
    let mut events = Vec::new();
    for (i, s) in specs.iter().enumerate() {
        let start = text.len();
        let source_at = text.len() + "Envoys of ".len();
        text.push_str(&format!("Envoys of {} ", s.source));
        let trigger_at = text.len();
        let verb = format!("acted-{}", s.cameo);
        text.push_str(&format!("{verb} toward "));
        let target_at = text.len();
        text.push_str(s.target);
        text.push_str(&format!(" in report {id}. "));
        let sentence = i as u32;
        sentences.push(Sentence { span: Span { start: start as u32, end: text.len() as u32 - 1 }, tokens: 0..0, paragraph: sentence });
        let source = actor_ref(s.source, s.source, source_at);
        let target = actor_ref(s.target, s.target, target_at);
        for a in [&source, &target] {
            actors.push(ActorMention {
                text: a.text.clone(),
                span: a.span,
                sentence,
                tokens: 0..0,
                head: 0,
                code: a.code.clone(),
                country: a.country.clone(),
                sector: a.sector.clone(),
                entry: None,
                kind: "state".into(),
                how: Resolution::Lexicon,
            });
        }
        events.push(Event {
            id: format!("e{}", i + 1),
            sentence,
            source: vec![source],
            target: vec![target],
            cameo: Cameo { code: s.cameo.to_string(), root: s.cameo[..2].to_string(), name: format!("code {}", s.cameo) },
            goldstein: s.goldstein,
            quad_class: s.quad,
            plover: Plover { event_type: "CONSULT".into(), mode: None },
            negated: s.negated,
            modality: Modality::Asserted,
            reported_by: None,
            location: s.location.map(|c| Location { text: format!("capital of {c}"), span: Span { start: 0, end: 1 }, country: Some(c.into()) }),
            date: s.date,
            date_precision: DatePrecision::Day,
            evidence: Evidence {
                trigger: TextSpan { text: verb.clone(), span: Span { start: trigger_at as u32, end: (trigger_at + verb.len()) as u32 } },
                pattern: "synthetic:1".into(),
            },
            confidence: 0.75,
        });
    }
    let quote_start = text.len();
    text.push_str("\"We keep talking,\" an envoy said.");
    let quotes = specs
        .first()
        .map(|s| Quote {
            id: "q1".into(),
            kind: QuoteKind::Direct,
            content: TextSpan { text: "We keep talking,".into(), span: Span { start: quote_start as u32 + 1, end: quote_start as u32 + 17 } },
            speaker: Some(Speaker { text: "an envoy".into(), span: Span { start: 0, end: 1 }, code: Some(s.source.to_string()), how: "subject of cue".into() }),
            cue: Some(TextSpan { text: "said".into(), span: Span { start: 0, end: 1 } }),
            sentences: vec![specs.len() as u32],
        })
        .into_iter()
        .collect();
    let mut meta = Meta::english();
    meta.source = source.map(str::to_string);
    meta.published = specs.first().map(|s| s.date);
    meta.url = Some(format!("https://example.org/{id}"));
    let mut doc = Document::new(id, text, meta);
    doc.sentences = sentences;
    doc.actors = actors;
    doc.events = events;
    doc.quotes = quotes;
    doc
}
