//! What the event tests share: one pipeline over the committed models, and assertions that say
//! what was found when they fail.

use detente_core::{Document, Event, Meta};
use detente_pipeline::{default_models_dir, Pipeline};
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::with_models(&default_models_dir()).expect("models"))
}

/// The events of `text`, published on `date` if given.
pub fn events(text: &str, date: Option<&str>) -> Vec<Event> {
    let mut meta = Meta::english();
    meta.published = date.map(|d| d.parse().expect("a date"));
    let mut doc = Document::new("test", text.to_string(), meta);
    pipeline().run(&mut doc);
    doc.events
}

pub fn describe(events: &[Event]) -> String {
    let codes = |v: &[detente_core::ActorRef]| v.iter().map(|a| a.code.clone().unwrap_or_default()).collect::<Vec<_>>().join("+");
    events.iter().map(|e| format!("{}->{} {} [{}]", codes(&e.source), codes(&e.target), e.cameo.code, e.evidence.trigger.text)).collect::<Vec<_>>().join("\n")
}

/// Asserts an event from a code starting with `from` to one starting with `to`, with a CAMEO
/// code starting with `root`.
#[track_caller]
pub fn expect(text: &str, from: &str, to: &str, root: &str) {
    let found = events(text, Some("2024-03-01"));
    let hit = found.iter().any(|e| {
        e.cameo.code.starts_with(root)
            && e.source.iter().any(|a| a.code.as_deref().is_some_and(|c| c.starts_with(from)))
            && e.target.iter().any(|a| a.code.as_deref().is_some_and(|c| c.starts_with(to)))
    });
    assert!(hit, "no {from} -> {to} [{root}] in {text:?}; events:\n{}", describe(&found));
}
