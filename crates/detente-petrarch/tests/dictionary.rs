//! Verb dictionary loading: PETRARCH's own dictionaries (read from shared data) and small
//! dictionaries written here.

use std::path::PathBuf;

use detente_petrarch::dictionary::{Element, VerbCode};
use detente_petrarch::{PetrarchError, VerbDictionary};

fn shared(name: &str) -> PathBuf {
    detente_core::data::data_file(&format!("events/petrarch2/dictionaries/{name}"))
        .unwrap_or_else(|e| panic!("PETRARCH dictionaries missing: {e} (set DETENTE_DATA)"))
}

fn code(c: &str) -> VerbCode {
    match c.split_once(':') {
        Some((a, b)) => VerbCode {
            code: a.into(),
            paired: Some(b.into()),
        },
        None => VerbCode {
            code: c.into(),
            paired: None,
        },
    }
}

#[test]
fn validation_verbs_load_with_known_entries() {
    let d = VerbDictionary::load(shared("PETR.Validate.verbs.txt")).unwrap();
    assert_eq!(d.blocks.len(), 261);
    assert_eq!(d.synsets.len(), 17);
    assert_eq!(d.pattern_count(), 469);
    assert!(d.undefined_synsets.is_empty(), "{:?}", d.undefined_synsets);
    // Five patterns carry TABARI markers or placeholders for codes ([def], [abc], [+++],
    // [###], [xxy]) and are skipped.
    let lines: Vec<usize> = d.skipped_patterns.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [155, 156, 989, 992, 993], "{:?}", d.skipped_patterns);

    let abandon = d.block_named("ABANDON").unwrap();
    assert_eq!(abandon.code, code("345"));
    let ties = abandon
        .patterns
        .iter()
        .find(|p| p.code == code("901"))
        .unwrap();
    assert!(ties.before.is_empty());
    let words: Vec<&Element> = ties.after.iter().map(|e| &e.element).collect();
    assert_eq!(
        words,
        [
            &Element::Word("DIPLOMATIC".into()),
            &Element::Word("TIES".into())
        ]
    );

    // Paired codes, irregular and generated forms, multi-word verbs.
    assert_eq!(d.block_named("LEFT").unwrap().code, code("032:033"));
    assert_eq!(d.block(&d.forms_of("BROKE")[0]).name, "BREAK");
    assert_eq!(d.block(&d.forms_of("CONDEMNED")[0]).name, "CONDEMN");
    let tapped = d
        .forms_of("TAPPED")
        .iter()
        .find(|f| f.words == ["WIRE", "TAPPED"])
        .unwrap();
    assert_eq!(
        (tapped.verb, d.block(tapped).name.as_str()),
        (1, "CONFISCATE")
    );
    // Nested synsets are expanded: &ACCORDSYN holds &TIETYPES and &CURRENCY.
    let accord = &d.synsets["ACCORDSYN"];
    assert!(accord.contains(&vec!["ECONOMIC".to_string()]));
    assert!(accord.contains(&vec!["SWISS".to_string(), "FRANCS".to_string()]));
    // "[###]" is read as a code, not as the start of a comment.
    assert!(d.skipped_patterns[3].1.contains("[###]"));
    // A block coded with a marker codes nothing.
    assert!(d.block_named("BLAST").unwrap().code.is_null());
}

#[test]
fn cameo_verb_patterns_load() {
    let d = VerbDictionary::load(shared("CAMEO.verbpatterns.150430.txt")).unwrap();
    assert_eq!(d.blocks.len(), 396);
    assert!(d.pattern_count() > 10_000, "{} patterns", d.pattern_count());
    // Five patterns of that file are unreadable (two verbs, no code); PETRARCH skips them too.
    let lines: Vec<usize> = d.skipped_patterns.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [4387, 5860, 8056, 8733, 10843]);
    assert!(d.synsets.contains_key("CURRENCY"));
    assert!(!d.forms_of("ACCUSED").is_empty());
}

fn write(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("verbs.txt");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn own_dictionary_markers() {
    let (_dir, path) = write(
        "&HARSH_\n+ANGRY WORDS\n+SCORN\n\n\
         --- SCOLD [120:121] --- # a comment\n\
         SCOLD {SCOLDS SCOLT}\n\
         +TELL_OFF {+TOLD_OFF}\n\
         - % * [122]\n\
         - + WAS * BY $ [123]\n\
         - NOT_* ^ &HARSH [124]\n",
    );
    let d = VerbDictionary::load(&path).unwrap();
    let block = d.block_named("SCOLD").unwrap();
    assert_eq!(block.code, code("120:121"));
    assert_eq!(d.block(&d.forms_of("SCOLT")[0]).name, "SCOLD");
    assert_eq!(d.forms_of("TOLD")[0].words, ["TOLD", "OFF"]);
    assert_eq!(d.forms_of("TELLING")[0].words, ["TELLING", "OFF"]);
    let p = &block.patterns[2];
    assert_eq!(p.before.len(), 1);
    assert!(p.before[0].joined, "NOT_* joins NOT to the verb");
    assert_eq!(
        p.after
            .iter()
            .map(|e| e.element.clone())
            .collect::<Vec<_>>(),
        [Element::Skip, Element::Synset("HARSH".into())]
    );
    assert!(!p.after[0].joined);
    assert_eq!(d.synsets["HARSH"].len(), 2);
    let passive = &block.patterns[1];
    assert_eq!(
        passive
            .before
            .iter()
            .map(|e| e.element.clone())
            .collect::<Vec<_>>(),
        [Element::Word("WAS".into()), Element::Target]
    );
    assert_eq!(
        passive
            .after
            .iter()
            .map(|e| e.element.clone())
            .collect::<Vec<_>>(),
        [Element::Word("BY".into()), Element::Source]
    );
}

#[test]
fn unreadable_patterns_are_skipped_and_listed() {
    let (_dir, path) = write(
        "--- SCOLD [120] ---\nSCOLD\n- * LOUDLY\n\n- LOUDLY [121]\n- * * [122]\n- * SOFTLY [123]\n",
    );
    let d = VerbDictionary::load(&path).unwrap();
    assert_eq!(d.pattern_count(), 1);
    let lines: Vec<usize> = d.skipped_patterns.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [3, 5, 6]);
    assert!(d.skipped_patterns[0].1.contains("[code]"));
    assert!(d.skipped_patterns[1].1.contains("'*'"));
}

#[test]
fn patterns_coded_with_markers_are_skipped() {
    let (_dir, path) = write(
        "--- SCOLD [120] ---
SCOLD
- * LOUDLY [+++]
- * LOUDLY [121]
- * SOFTLY [---]

         --- GRUMBLE [###] ---
GRUMBLE
",
    );
    let d = VerbDictionary::load(&path).unwrap();
    let scold = d.block_named("SCOLD").unwrap();
    let codes: Vec<&str> = scold
        .patterns
        .iter()
        .map(|p| p.code.code.as_str())
        .collect();
    assert_eq!(codes, ["121", "---"]);
    assert_eq!(d.skipped_patterns.len(), 1);
    assert!(d.skipped_patterns[0].1.contains("[+++]"));
    assert!(d.block_named("GRUMBLE").unwrap().code.is_null());
    assert!(!scold.code.is_null());
}

fn syntax_error(text: &str) -> (usize, String) {
    let (_dir, path) = write(text);
    match VerbDictionary::load(&path) {
        Err(PetrarchError::Syntax {
            path: p,
            line,
            message,
        }) => {
            assert_eq!(p, path);
            (line, message)
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn errors_name_file_and_line() {
    let (line, msg) = syntax_error("- * LOUDLY [120]\n");
    assert_eq!(line, 1);
    assert!(msg.contains("outside a verb block"), "{msg}");
    let (line, _) = syntax_error("SCOLD\n");
    assert_eq!(line, 1);
    let (line, msg) = syntax_error("&A\n+&B\n&B\n+&A\n--- X [1] ---\nX\n");
    assert!(line == 1 || line == 3);
    assert!(msg.contains("contains itself"), "{msg}");
    let missing = VerbDictionary::load("/nonexistent/verbs.txt").unwrap_err();
    assert!(missing.to_string().contains("/nonexistent/verbs.txt"));
}

#[test]
fn spaced_actor_and_agent_phrases() {
    let phrases = detente_petrarch::dictionary::spaced_phrases(
        "NORLAND_ [NRL]\n+NORLAND STATE_RADIO +NORLANDIC_RADIO\n\tESTMOOR TELEVISION [EMRTV] # x\n\
         !PERSON! = MAN, MEN\nBORDER !PERSON! [~COP]\nSECURITY SERVICE {} [~SPY]\n[NRLGOV >20100101]\n",
    );
    let words = |runs: &[&[&str]]| -> Vec<Vec<String>> {
        runs.iter()
            .map(|r| r.iter().map(|w| w.to_string()).collect())
            .collect()
    };
    assert_eq!(
        phrases,
        [
            words(&[&["NORLAND"], &["STATE", "RADIO"]]),
            words(&[&["ESTMOOR"], &["TELEVISION"]]),
            words(&[&["SECURITY"], &["SERVICE"]]),
        ]
    );
}
