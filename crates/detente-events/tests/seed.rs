//! Every event of `../shared/data/seed/expectations.md` on the seed article, read from the
//! shared data at run time (set DETENTE_DATA), and the "must not happen" list.

use detente_core::{Document, Event, Meta, Modality};
use detente_pipeline::{default_models_dir, Pipeline};
use std::sync::OnceLock;

fn seed() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| {
        let path = detente_core::data::data_file("seed/000_b3abc5c9218013e2.txt").unwrap_or_else(|e| panic!("{e}"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let mut meta = Meta::english();
        meta.published = Some("2022-01-21".parse().unwrap());
        let mut doc = Document::new("seed", text, meta);
        Pipeline::with_models(&default_models_dir()).expect("models").run(&mut doc);
        doc
    })
}

/// Index of the sentence containing `needle` (a short phrase).
fn sentence(needle: &str) -> u32 {
    let doc = seed();
    doc.sentences.iter().position(|s| doc.slice(s.span).contains(needle)).unwrap_or_else(|| panic!("no sentence with {needle:?}"))
        as u32
}

fn country(code: &Option<String>) -> &str {
    code.as_deref().map_or("", |c| &c[..3.min(c.len())])
}

/// Events of sentence `s` with a source in `from`, a target in `to` (country codes) and a CAMEO
/// code starting with `root`.
fn find<'d>(s: u32, from: &str, to: &str, root: &str) -> Vec<&'d Event> {
    seed()
        .events
        .iter()
        .filter(|e| {
            e.sentence == s
                && e.cameo.code.starts_with(root)
                && e.source.iter().any(|a| country(&a.code) == from)
                && e.target.iter().any(|a| country(&a.code) == to)
        })
        .collect()
}

fn describe() -> String {
    seed()
        .events
        .iter()
        .map(|e| {
            let names = |v: &[detente_core::ActorRef]| v.iter().map(|a| a.code.clone().unwrap_or_default()).collect::<Vec<_>>().join("+");
            format!("s{} {}->{} {} {:?} [{}]", e.sentence, names(&e.source), names(&e.target), e.cameo.code, e.modality, e.evidence.trigger.text)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[track_caller]
fn expect(s: u32, from: &str, to: &str, root: &str) -> &'static Event {
    let found = find(s, from, to, root);
    assert!(!found.is_empty(), "no {from} -> {to} [{root}] event in sentence {s}; events:\n{}", describe());
    found[0]
}

#[test]
fn the_two_sides_agree_to_keep_working() {
    let s = sentence("top diplomats");
    let e = expect(s, "USA", "RUS", "03");
    assert!(matches!(e.plover.event_type.as_str(), "AGREE" | "CONSULT"));
    assert!(!find(s, "RUS", "USA", "03").is_empty(), "both directions:\n{}", describe());
    // The headline says it too.
    assert!(!find(sentence("keep working to ease"), "USA", "RUS", "03").is_empty());
}

#[test]
fn a_written_response_is_promised_for_next_week() {
    let s = sentence("written response");
    let promised = find(s, "USA", "RUS", "03").into_iter().find(|e| e.evidence.trigger.text == "promising");
    let e = promised.unwrap_or_else(|| panic!("no promise event:\n{}", describe()));
    assert_eq!(e.modality, Modality::Future, "{e:#?}");
}

#[test]
fn not_ruling_out_a_meeting_is_intent_to_meet() {
    let s = sentence("written response");
    let e = find(s, "USA", "RUS", "036");
    assert!(!e.is_empty(), "{}", describe());
    assert!(!e[0].negated);
}

#[test]
fn blinken_and_lavrov_meet_in_geneva() {
    let e = expect(sentence("90 minutes"), "USA", "RUS", "04");
    assert_eq!(e.cameo.code, "044");
    assert_eq!(e.location.as_ref().map(|l| l.text.as_str()), Some("Geneva"));
    assert!(e.source.iter().any(|a| a.code.as_deref() == Some("USAGOV")));
    assert!(e.target.iter().any(|a| a.code.as_deref() == Some("RUSGOV")));
}

#[test]
fn russia_masses_troops_on_the_border() {
    let e = expect(sentence("tens of thousands"), "RUS", "UKR", "15");
    assert_eq!(e.cameo.code, "154");
    assert_eq!(e.plover.event_type, "MOBILIZE");
}

#[test]
fn the_denied_invasion_is_not_coded() {
    let s = sentence("tens of thousands");
    let violent: Vec<_> = seed().events.iter().filter(|e| e.sentence == s && (e.cameo.root == "19" || e.cameo.root == "20")).collect();
    assert!(violent.is_empty(), "{violent:#?}");
}

#[test]
fn washington_will_share_ideas_next_week() {
    let e = expect(sentence("written ideas"), "USA", "RUS", "03");
    assert_eq!(e.modality, Modality::Future);
    assert_eq!(e.date.to_string(), "2022-01-28");
    assert!(e.reported_by.as_ref().is_some_and(|r| r.code.as_deref() == Some("USAGOV")), "{e:#?}");
}

#[test]
fn biden_warned_putin_of_consequences() {
    let e = expect(sentence("by telephone"), "USA", "RUS", "13");
    assert_eq!(e.plover.event_type, "THREATEN");
}

#[test]
fn biden_and_putin_met_last_june_historically() {
    let s = sentence("last June");
    let e = expect(s, "USA", "RUS", "04");
    assert_eq!(e.modality, Modality::Historical);
    assert_eq!((e.date.to_string(), e.date_precision), ("2021-06-01".to_string(), detente_core::DatePrecision::Month));
}

#[test]
fn the_forecast_move_in_is_no_attack() {
    let s = sentence("move in");
    assert!(!seed().events.iter().any(|e| e.sentence == s && e.cameo.root == "19"), "{}", describe());
    let warned = seed().events.iter().find(|e| e.sentence == s && (e.cameo.root == "13" || e.cameo.root == "01"));
    let warned = warned.unwrap_or_else(|| panic!("no warning event:\n{}", describe()));
    assert_eq!(warned.date.to_string(), "2022-01-19", "Wednesday before publication");
}

#[test]
fn nothing_that_must_not_happen_happens() {
    let doc = seed();
    for e in &doc.events {
        for s in &e.source {
            assert!(!e.target.iter().any(|t| t.code == s.code), "self-event {e:#?}");
        }
        assert!(!e.negated && e.modality != Modality::Hypothetical, "coded as if it happened: {e:#?}");
        assert!(!e.source.iter().chain(&e.target).any(|a| a.text == "Geneva"), "Geneva is a place: {e:#?}");
    }
    let cold_war = sentence("Cold War");
    assert!(!doc.events.iter().any(|e| e.sentence == cold_war && e.cameo.root.as_str() >= "18"), "{}", describe());
    // Every event explains itself.
    for e in &doc.events {
        assert_eq!(doc.slice(e.evidence.trigger.span), e.evidence.trigger.text);
        assert!(e.evidence.pattern.contains(".tsv:"), "{}", e.evidence.pattern);
    }
}

#[test]
fn lavrov_vows_consequences_aimed_at_washington() {
    let e = expect(sentence("serious consequences"), "RUS", "USA", "13");
    assert!(e.source.iter().any(|a| a.code.as_deref() == Some("RUSGOV")));
    assert_eq!(e.plover.event_type, "THREATEN");
}

#[test]
fn the_official_coordinates_with_unnamed_allies() {
    let s = sentence("close coordination");
    let e = seed()
        .events
        .iter()
        .find(|e| e.sentence == s && e.cameo.root == "04")
        .unwrap_or_else(|| panic!("no consultation:\n{}", describe()));
    assert!(e.source.iter().any(|a| country(&a.code) == "USA"));
    assert!(e.target.iter().any(|a| a.code.is_none() && a.text.contains("allies")), "{e:#?}");
}

#[test]
fn blinken_renews_warnings_of_reprisals() {
    let e = expect(sentence("90 minutes"), "USA", "RUS", "13");
    assert_eq!(e.cameo.code, "130");
    assert_eq!(e.plover.event_type, "THREATEN");
    assert!(e.source.iter().any(|a| a.code.as_deref() == Some("USAGOV")), "{e:#?}");
}

#[test]
fn russia_demands_guarantees_of_its_counterpart() {
    let s = sentence("tens of thousands");
    let e = seed()
        .events
        .iter()
        .find(|e| e.sentence == s && e.cameo.root == "10")
        .unwrap_or_else(|| panic!("no demand:\n{}", describe()));
    assert!(e.source.iter().any(|a| country(&a.code) == "RUS"), "{e:#?}");
    assert!(e.target.iter().any(|a| matches!(country(&a.code), "USA" | "IGO" | "NAT")), "{e:#?}");
    assert_eq!(e.plover.event_type, "REQUEST");
}
