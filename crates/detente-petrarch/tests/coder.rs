//! The PETRARCH-style coder on our own sentences with a tiny dictionary set, and on
//! PETRARCH's unit-test records (read from shared data).

use std::path::Path;

use detente_petrarch::{
    compare, read_records, score, Coding, Dictionaries, Environment, PetrarchCoder,
};
use detente_pipeline::{default_models_dir, Pipeline};

fn pipeline() -> Pipeline {
    Pipeline::with_models(&default_models_dir())
        .expect("syntax models (models/ or $DETENTE_MODELS)")
}

const VERBS: &str = "\
&HARSHWORDS
+ANGRY WORDS
+BITTER_REMARKS

--- CONDEMN [122] ---
CONDEMN
- * IN &HARSHWORDS [123]
- NEVER_* [---]

--- VISIT [042:043] ---
VISIT

--- AGREE [081] ---
AGREE
- % * [030:031]
- * WITH % [032]

--- SEIZE [171] ---
SEIZE
- + WAS * FROM $ [172]

--- WIRE [---] ---
WIRE_+TAP {WIRE_+TAPPED}
- * [175]
";

const ACTORS: &str = "NORLAND_ [NRL]\n+NORLANDIC\nSUDMARK_ [SDM]\nESTMOOR_ [EMR]\n";
const AGENTS: &str = "POLICE {} [~COP]\nMINISTER [~GOV]\nRELIEF_AGENCY [NGO~]\n";

fn coder_dictionaries() -> Dictionaries {
    dictionaries(VERBS, ACTORS, AGENTS)
}

fn dictionaries(verbs: &str, actors: &str, agents: &str) -> Dictionaries {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("verbs.txt", verbs),
        ("actors.txt", actors),
        ("agents.txt", agents),
        ("discards.txt", "FOOTBALL\n+TENNIS_MATCH\n"),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let env = Environment {
        verb_files: vec!["verbs.txt".into()],
        actor_files: vec!["actors.txt".into()],
        agent_files: vec!["agents.txt".into()],
        discard_files: vec!["discards.txt".into()],
    };
    Dictionaries::load(dir.path(), &env).unwrap()
}

fn codings(list: &[(&str, &str, &str)]) -> Vec<Coding> {
    list.iter()
        .map(|(s, t, e)| Coding {
            source: s.to_string(),
            target: t.to_string(),
            event: e.to_string(),
        })
        .collect()
}

fn sorted(mut v: Vec<Coding>) -> Vec<Coding> {
    v.sort();
    v
}

#[test]
fn pattern_semantics_on_own_sentences() {
    let pipeline = pipeline();
    let coder = PetrarchCoder::new(coder_dictionaries(), &pipeline);
    let code = |text: &str| sorted(coder.code(text, None));
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str, &'a str)]);
    let cases: &[Case] = &[
        // default code; subject → object
        (
            "Norland condemned Sudmark on Tuesday.",
            &[("NRL", "SDM", "122")],
        ),
        // an agent joins its actor
        (
            "Norland police condemned Sudmark on Tuesday.",
            &[("NRLCOP", "SDM", "122")],
        ),
        (
            "The minister of Estmoor condemned Sudmark.",
            &[("EMRGOV", "SDM", "122")],
        ),
        // a pattern with a synset (a member with a space, one with "_")
        (
            "Norland condemned Sudmark in angry words.",
            &[("NRL", "SDM", "123")],
        ),
        (
            "Norland condemned Sudmark in bitter remarks.",
            &[("NRL", "SDM", "123")],
        ),
        // "_" requires adjacency; a [---] pattern codes nothing
        ("Norland never condemned Sudmark.", &[]),
        // passive: the by-agent is the source
        (
            "Sudmark was condemned by Norland on Friday.",
            &[("NRL", "SDM", "122")],
        ),
        // paired code: the reverse event
        (
            "The Norlandic minister visited Estmoor.",
            &[("EMR", "NRLGOV", "043"), ("NRLGOV", "EMR", "042")],
        ),
        // compound subject with %: events among its members
        (
            "Norland and Sudmark agreed on Monday.",
            &[("NRL", "SDM", "030"), ("SDM", "NRL", "031")],
        ),
        // compound target with %
        (
            "Estmoor agreed with Norland and Sudmark.",
            &[("EMR", "NRL", "032"), ("EMR", "SDM", "032")],
        ),
        // compound subject without a pattern: each member codes
        (
            "Norland and Estmoor condemned Sudmark.",
            &[("EMR", "SDM", "122"), ("NRL", "SDM", "122")],
        ),
        // + and $ bind target and source
        ("Sudmark was seized from Norland.", &[("NRL", "SDM", "172")]),
        // a multi-word verb whose inflected word is not the first
        ("Norland wire tapped Sudmark.", &[("NRL", "SDM", "175")]),
        // discards, sentence- and story-level
        ("Norland condemned Sudmark after the football final.", &[]),
        ("Norland condemned Sudmark after a tennis match.", &[]),
        // no target, no event
        ("Norland condemned the decision.", &[]),
    ];
    let mut wrong = Vec::new();
    for (text, expected) in cases {
        let got = code(text);
        if got != sorted(codings(expected)) {
            wrong.push(format!("{text}\n  expected {expected:?}\n  got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Agents: "former" makes the elite sector, premodifiers are shared by a coordination, and a
/// phrase written with spaces may have other words of its noun phrase between its words.
#[test]
fn agent_conversions_and_spaced_phrases() {
    let pipeline = pipeline();
    let coder = PetrarchCoder::new(
        dictionaries(
            VERBS,
            "NORLAND_ [NRL]\nSUDMARK_ [SDM]\nESTMOOR TELEVISION [EMRTV]\nESTMOOR_ [EMR]\n",
            "POLICE {} [~COP]\nMINISTER [~GOV]\nISLAMIST [~MUS]\nMEDIA {} [~MED]\n\
             GOVERNMENT [~GOV]\nSECURITY SERVICE [~SPY]\n",
        ),
        &pipeline,
    );
    let code = |text: &str| sorted(coder.code(text, None));
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str, &'a str)]);
    let cases: &[Case] = &[
        (
            "Former Norland ministers condemned Sudmark.",
            &[("NRLELI", "SDM", "122")],
        ),
        (
            "Norland condemned the former Sudmark police.",
            &[("NRL", "SDMELI", "122")],
        ),
        (
            "The Norland Islamist media and government condemned Sudmark.",
            &[("NRLMUSGOV", "SDM", "122"), ("NRLMUSMED", "SDM", "122")],
        ),
        (
            "Norland condemned Estmoor state television.",
            &[("NRL", "EMRTV", "122")],
        ),
        (
            "Norland condemned the Sudmark security intelligence services.",
            &[("NRL", "SDMSPY", "122")],
        ),
        // The words of a spaced phrase must share one noun phrase.
        (
            "Estmoor condemned Sudmark on television.",
            &[("EMR", "SDM", "122")],
        ),
    ];
    let mut wrong = Vec::new();
    for (text, expected) in cases {
        let got = code(text);
        if got != sorted(codings(expected)) {
            wrong.push(format!("{text}\n  expected {expected:?}\n  got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn scoring_counts_found_and_extra() {
    let expected = codings(&[("A", "B", "010"), ("B", "A", "011")]);
    let o = compare(&expected, &codings(&[("A", "B", "010"), ("A", "C", "010")]));
    assert_eq!(
        (o.found.len(), o.missing.len(), o.extra.len(), o.correct()),
        (1, 1, 1, false)
    );
    assert!(compare(&expected, &codings(&[("B", "A", "011"), ("A", "B", "010")])).correct());
    assert!(!compare(&[], &codings(&[("A", "B", "010")])).correct());
}

/// PETRARCH's public unit-test records with its validation dictionaries: at least the measured
/// share of records fully correct (170 of 190 when measured), less a small margin.
#[test]
fn petrarch_unit_tests() {
    let records = detente_core::data::data_file(
        "events/petrarch2/unit-tests/PETR.UnitTest.records.public.xml",
    )
    .unwrap_or_else(|e| panic!("PETRARCH unit-test records missing: {e} (set DETENTE_DATA)"));
    let dir = records
        .parent()
        .and_then(Path::parent)
        .unwrap()
        .join("dictionaries");
    let set = read_records(&records).unwrap();
    let pipeline = pipeline();
    let coder = PetrarchCoder::new(
        Dictionaries::load(&dir, &set.environment).unwrap(),
        &pipeline,
    );
    let produced: Vec<Vec<Coding>> = set
        .records
        .iter()
        .map(|r| coder.code(&r.text, r.date))
        .collect();
    let s = score(&set.records, &produced);
    assert_eq!((s.records, s.codings_expected), (190, 223));
    assert!(s.records_correct >= 164, "{s:?}");
    assert!(s.records_correct_percent() >= 80.0, "{s:?}");
    assert!(s.codings_found >= 193 && s.codings_extra <= 13, "{s:?}");
}
