//! The matcher on sentences of our own, parsed with the shipped models.

use detente_core::{Document, Meta, SentenceTree};
use detente_eventlex::{EventLexicon, TriggerPos};
use std::sync::OnceLock;

fn pipeline() -> &'static detente_pipeline::Pipeline {
    static PIPELINE: OnceLock<detente_pipeline::Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        detente_pipeline::Pipeline::with_models(&detente_pipeline::default_models_dir())
            .unwrap_or_else(|e| panic!("{e}"))
    })
}

fn parse(text: &str) -> Document {
    let mut doc = Document::new("t", text, Meta::english());
    pipeline().run(&mut doc);
    assert_eq!(doc.sentences.len(), 1, "{text:?} should be one sentence");
    doc
}

/// What the lexicon makes of the word `trigger` in `text`.
struct Found {
    code: Option<String>,
    plover: Option<String>,
    targets: Vec<String>,
    negated: bool,
    trigger_negated: bool,
    id: String,
}

fn find_with(lexicon: &EventLexicon, text: &str, trigger: &str) -> Found {
    let doc = parse(text);
    let tree = SentenceTree::new(&doc, 0);
    let t = tree.tokens().find(|&i| tree.word(i) == trigger).unwrap_or_else(|| panic!("no {trigger:?} in {text:?}"));
    match lexicon.best_match(&tree, t) {
        Some(m) => Found {
            code: Some(m.pattern.cameo.code.clone()),
            plover: m.pattern.plover().map(|p| match p.mode {
                Some(mode) => format!("{}/{mode}", p.event_type),
                None => p.event_type,
            }),
            targets: m.target_heads.iter().map(|&h| tree.word(h).to_string()).collect(),
            negated: m.negated,
            trigger_negated: m.trigger_negated,
            id: m.pattern.id.clone(),
        },
        None => Found {
            code: None,
            plover: None,
            targets: Vec::new(),
            negated: false,
            trigger_negated: false,
            id: String::new(),
        },
    }
}

fn find(text: &str, trigger: &str) -> Found {
    find_with(EventLexicon::builtin(), text, trigger)
}

#[test]
fn massing_troops_is_mobilisation_with_the_place_as_target_head() {
    let f = find("Russia massed troops on the border.", "massed");
    assert_eq!(f.code.as_deref(), Some("154"));
    assert_eq!(f.plover.as_deref(), Some("MOBILIZE/troops"));
    assert_eq!(f.targets, ["border"]);
    assert!(!f.negated);
    assert!(f.id.starts_with("15.tsv:"), "{}", f.id);
}

#[test]
fn deploying_peacekeepers_is_not_mobilisation() {
    assert_eq!(find("The president deployed troops to the region.", "deployed").code.as_deref(), Some("154"));
    assert_eq!(find("The president deployed peacekeepers to the region.", "deployed").code.as_deref(), Some("074"));
}

#[test]
fn not_ruling_out_a_meeting_is_intent_to_meet_and_not_a_negated_event() {
    let f = find("The minister did not rule out a meeting with Iran.", "rule");
    assert_eq!(f.code.as_deref(), Some("036"));
    assert!(f.trigger_negated);
    assert!(!f.negated, "the pattern's neg constraint absorbs the negation");
    assert_eq!(f.targets, ["Iran"]);
    // Ruling one out is refusing to meet (125); ruling out something else is rejection (120).
    let plain = find("The minister ruled out a meeting with the rebels.", "ruled");
    assert_eq!(plain.code.as_deref(), Some("125"));
    let other = find("The minister ruled out a ceasefire.", "ruled");
    assert_eq!(other.code.as_deref(), Some("120"));
}

#[test]
fn meeting_with_counterparts_is_consultation_despite_the_lemmatiser() {
    let f = find("Ministers met with their counterparts.", "met");
    assert_eq!(f.code.as_deref(), Some("040"));
    assert_eq!(f.targets, ["counterparts"]);
}

#[test]
fn negation_of_verbs_and_of_nominal_events() {
    let f = find("The army did not invade the town.", "invade");
    assert_eq!(f.code.as_deref(), Some("192"));
    assert!(f.negated && f.trigger_negated);
    assert_eq!(f.targets, ["town"]);
    let f = find("There was no invasion.", "invasion");
    assert_eq!(f.code.as_deref(), Some("192"));
    assert!(f.negated);
    let f = find("The government never imposed sanctions on the company.", "sanctions");
    assert_eq!(f.code.as_deref(), Some("163"));
    assert!(f.negated, "a nominal event is negated with the support verb it is the object of");
    let f = find("The minister did not rule out talks with Iran.", "talks");
    assert_eq!(f.code.as_deref(), Some("040"));
    assert!(!f.negated, "\"rule out\" is no support verb: the talks are not denied");
}

#[test]
fn conjoined_targets_are_expanded() {
    let f = find("The EU imposed sanctions on Moscow and Minsk.", "imposed");
    assert_eq!(f.code.as_deref(), Some("163"));
    assert_eq!(f.targets, ["Moscow", "Minsk"]);
}

#[test]
fn controlled_clauses_pick_the_code() {
    assert_eq!(find("Israel agreed to keep talking.", "agreed").code.as_deref(), Some("036"));
    let f = find("The government agreed to release the prisoners.", "agreed");
    assert_eq!(f.code.as_deref(), Some("0353"));
    assert_eq!(f.targets, ["prisoners"]);
    assert_eq!(find("The country refused to withdraw its forces.", "refused").code.as_deref(), Some("1246"));
}

#[test]
fn objects_and_prepositions_pick_the_code() {
    let f = find("Washington accused Beijing of spying.", "accused");
    assert_eq!(f.code.as_deref(), Some("1125"));
    assert_eq!(f.targets, ["Beijing"]);
    assert_eq!(find("The senator warned of severe reprisals.", "warned").code.as_deref(), Some("130"));
    assert_eq!(find("The group demanded the release of the journalists.", "demanded").code.as_deref(), Some("1053"));
    let f = find("The president warned the rebels.", "warned");
    assert_eq!(f.code.as_deref(), Some("130"), "plain warn is 130 too");
    assert_eq!(f.targets, ["rebels"]);
}

#[test]
fn nominal_events_take_their_target_from_a_preposition() {
    let f = find("The EU condemned the invasion of Ukraine.", "invasion");
    assert_eq!(f.code.as_deref(), Some("192"));
    assert_eq!(f.targets, ["Ukraine"]);
}

#[test]
fn passive_verbs_take_their_subject_as_object() {
    let f = find("The city was attacked by rebels.", "attacked");
    assert_eq!(f.code.as_deref(), Some("180"));
    assert_eq!(f.targets, ["city"]);
}

#[test]
fn words_without_a_holding_pattern_or_of_another_part_of_speech_give_nothing() {
    // "trade" as a noun only has patterns that need a modifier such as "bilateral".
    let f = find("The minister spoke about trade.", "trade");
    assert!(f.code.is_none(), "{:?}", f.code);
    let doc = parse("The meeting room was empty.");
    let tree = SentenceTree::new(&doc, 0);
    let empty = tree.tokens().find(|&i| tree.word(i) == "empty").unwrap();
    assert!(EventLexicon::builtin().best_match(&tree, empty).is_none());
}

#[test]
fn a_blocker_that_holds_suppresses_the_event() {
    let lexicon = EventLexicon::from_sources(
        "",
        "",
        &[("19.tsv", "war\tN\t-\t-\t190\t-\ta war\nwar\tN\tmod:cold\t-\tnone\t-\tno fight\n")],
    )
    .unwrap();
    assert_eq!(lexicon.blockers().len(), 1);
    assert!(find_with(&lexicon, "Historians study the cold war.", "war").code.is_none());
    assert_eq!(find_with(&lexicon, "The country lost the war.", "war").code.as_deref(), Some("190"));
    assert!(lexicon.is_trigger("war", TriggerPos::Noun));
}

#[test]
fn shipped_blockers_keep_non_events_out() {
    assert!(find("The minister spoke to reporters in the capital.", "spoke").code.is_none());
    assert!(find("The agency released a report on the economy.", "released").code.is_none());
    assert_eq!(find("The rebels released the hostages.", "released").code.as_deref(), Some("0841"));
}

#[test]
fn a_negated_concession_is_a_refusal_and_not_a_negated_event() {
    let f = find("The government will not lift the sanctions on the company.", "lift");
    assert_eq!(f.code.as_deref(), Some("1244"));
    assert!(f.trigger_negated && !f.negated);
    let f = find("The government lifted the sanctions on the company.", "lifted");
    assert_eq!(f.code.as_deref(), Some("085"));
    assert_eq!(f.targets, ["company"]);
    assert_eq!(find("The governor declined to resign.", "declined").code.as_deref(), Some("1231"));
}

#[test]
fn a_light_noun_lets_the_term_see_what_it_quantifies() {
    assert_eq!(find("The envoy ended his mediation efforts.", "ended").code.as_deref(), Some("165"));
    assert_eq!(find("The two sides held a new round of talks.", "held").code.as_deref(), Some("040"));
}

#[test]
fn receiving_swaps_source_and_target() {
    let doc = parse("Kyiv received new weapons from Washington.");
    let tree = SentenceTree::new(&doc, 0);
    let t = tree.tokens().find(|&i| tree.word(i) == "received").unwrap();
    let m = EventLexicon::builtin().best_match(&tree, t).expect("a match");
    assert_eq!(m.pattern.cameo.code, "072");
    let words = |heads: &[u32]| heads.iter().map(|&h| tree.word(h)).collect::<Vec<_>>();
    assert_eq!(words(&m.target_heads), ["Kyiv"]);
    assert_eq!(words(m.source_heads.as_deref().expect("a source slot")), ["Washington"]);
}

#[test]
fn the_head_constraint_blocks_compounds() {
    assert!(find("The navies held war games in the gulf.", "war").code.is_none());
    assert_eq!(find("The rebels lost the war against the government.", "war").code.as_deref(), Some("190"));
}

#[test]
fn hyphenated_compounds_and_sums_of_money_are_recognised() {
    let f = find("The army announced a cease-fire with the rebels.", "announced");
    assert_eq!(f.code.as_deref(), Some("0871"), "\"cease-fire\" is split at the hyphen but still a truce");
    let f = find("Japan gave $5 million to the agency.", "gave");
    assert_eq!(f.code.as_deref(), Some("071"));
    assert_eq!(f.targets, ["agency"]);
}

#[test]
fn own_relation_and_subject_constraints() {
    assert!(find("The rebel-backed militia attacked the village.", "backed").code.is_none(), "a modifier participle");
    assert_eq!(find("The president backed the proposal.", "backed").code.as_deref(), Some("051"));
    assert_eq!(find("Hundreds of troops arrived in the region.", "arrived").code.as_deref(), Some("154"));
    assert_eq!(find("The foreign minister arrived in the capital.", "arrived").code.as_deref(), Some("042"));
}

#[test]
fn a_ceasefire_agreement_is_violated_as_a_ceasefire() {
    assert_eq!(find("The militia violated the ceasefire agreement.", "violated").code.as_deref(), Some("196"));
    assert_eq!(find("The militia violated the law.", "violated").code.as_deref(), Some("128"));
}
