//! Loading the shipped lexicon, and errors on bad input that name the file and the line.

use detente_eventlex::{EventLexicon, LexiconError, Ontology, TriggerPos};
use std::path::{Path, PathBuf};

fn shipped_dir() -> PathBuf {
    detente_core::data::repo_root().join("lexicon/events")
}

#[test]
fn the_embedded_lexicon_is_the_shipped_directory() {
    let embedded = EventLexicon::builtin();
    let on_disk = EventLexicon::load_dir(&shipped_dir()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(embedded.len(), on_disk.len());
    assert_eq!(embedded.blockers().len(), on_disk.blockers().len());
    assert!(embedded.len() >= 1500, "only {} patterns", embedded.len());
}

#[test]
fn every_pattern_sits_in_the_file_of_its_root_and_ids_name_file_and_line() {
    for p in EventLexicon::builtin().patterns() {
        let (file, line) = p.id.split_once(':').unwrap();
        assert_eq!(file, format!("{}.tsv", p.cameo.root), "{}: code {} in the wrong file", p.id, p.cameo.code);
        let text = std::fs::read_to_string(shipped_dir().join("patterns").join(file)).unwrap();
        let source = text.lines().nth(line.parse::<usize>().unwrap() - 1).unwrap();
        assert!(source.starts_with(&format!("{}\t", p.trigger)), "{}: {source:?}", p.id);
    }
}

#[test]
fn the_lexicon_covers_every_three_digit_code_and_every_plover_type() {
    let lexicon = EventLexicon::builtin();
    let ontology = Ontology::builtin();
    for code in ontology.codes().iter().filter(|c| c.code.len() == 3) {
        assert!(
            lexicon.patterns().iter().any(|p| p.cameo.code.starts_with(&code.code)),
            "no pattern for {}",
            code.code
        );
    }
    for plover in ontology.plover_types() {
        assert!(lexicon.patterns().iter().any(|p| p.plover_type.as_deref() == Some(plover)), "no pattern for {plover}");
    }
}

#[test]
fn patterns_of_a_trigger_are_ordered_most_specific_first_then_by_file_order() {
    let patterns = "x\tV\t-\t-\t040\t-\tplain\n\
                    x\tV\tprep:with\t-\t041\t-\tone constraint\n\
                    x\tV\tprep:with neg\t-\t042\t-\ttwo constraints\n\
                    x\tV\tprep:by\t-\t043\t-\tone constraint, later\n\
                    x\tV\tprep:with:talk\t-\t044\t-\tone constraint with a term\n";
    let lexicon = EventLexicon::from_sources("", "", &[("04.tsv", patterns)]).unwrap();
    let order: Vec<&str> = lexicon.patterns_for("x", TriggerPos::Verb).map(|p| p.cameo.code.as_str()).collect();
    assert_eq!(order, ["042", "044", "041", "043", "040"]);
    assert_eq!(lexicon.patterns_for("x", TriggerPos::Verb).next().unwrap().id, "04.tsv:3");
    assert!(lexicon.is_trigger("x", TriggerPos::Verb));
    assert!(!lexicon.is_trigger("x", TriggerPos::Noun));
}

#[test]
fn is_trigger_uses_lemma_corrections_and_ignores_case() {
    let lexicon = EventLexicon::builtin();
    assert!(lexicon.is_trigger("meet", TriggerPos::Verb));
    assert!(lexicon.is_trigger("met", TriggerPos::Verb), "forms.tsv maps the lemmatiser's \"met\" to meet");
    assert!(lexicon.is_trigger("Invade", TriggerPos::Verb));
    assert!(lexicon.is_trigger("invasion", TriggerPos::Noun));
    assert!(!lexicon.is_trigger("invasion", TriggerPos::Verb));
    assert!(!lexicon.is_trigger("table", TriggerPos::Noun));
}

#[test]
fn plover_defaults_to_the_crosswalk_and_can_be_named() {
    let lexicon = EventLexicon::from_sources(
        "",
        "",
        &[("15.tsv", "mass\tV\t-\t-\t154\t-\tx\nurge\tV\t-\t-\t020\tREQUEST\tappeals have no crosswalk entry\n")],
    )
    .unwrap();
    let p = &lexicon.patterns()[0];
    assert_eq!(p.plover().unwrap().event_type, "MOBILIZE");
    assert_eq!(p.plover_mode.as_deref(), Some("troops"));
    assert_eq!(lexicon.patterns()[1].plover_type.as_deref(), Some("REQUEST"));
}

/// Writes a lexicon directory with one bad line (line 3 of `patterns/13.tsv`) and returns the
/// loader's error message.
fn load_error(classes: &str, bad_line: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "classes.tsv", classes);
    write(dir.path(), "patterns/13.tsv", &format!("# comment\nwarn\tV\t-\t-\t130\t-\tok\n{bad_line}\n"));
    match EventLexicon::load_dir(dir.path()) {
        Ok(_) => panic!("{bad_line:?} was accepted"),
        Err(e) => e.to_string(),
    }
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn bad_lines_are_reported_with_file_and_line() {
    let classes = "MIL\ttroop army\n";
    for (line, expect) in [
        ("warn\tV\t-\t-\t999\t-\tx", "unknown CAMEO code \"999\""),
        ("warn\tV\tobj:@NAVY\t-\t130\t-\tx", "unknown class @NAVY"),
        ("warn\tV\tobject:troop\t-\t130\t-\tx", "unknown kind \"object\""),
        ("warn\tV\tsideways\t-\t130\t-\tx", "bad constraint \"sideways\""),
        ("warn\tV\trel:AMOD\t-\t130\t-\tx", "bad relation \"AMOD\""),
        ("warn\tADJ\t-\t-\t130\t-\tx", "bad pos \"ADJ\""),
        ("warn\tV\t-\tsubject\t130\t-\tx", "bad slot \"subject\""),
        ("warn\tV\t-\t-\t130\tTHREAT\tx", "unknown PLOVER type \"THREAT\""),
        ("warn\tV\t-\t-\t130\tTHREATEN/phone\tx", "unknown mode \"phone\""),
        ("Warn\tV\t-\t-\t130\t-\tx", "must be a lowercase lemma"),
        ("warn\tV\t-\t130", "expected tab-separated columns"),
        ("war\tN\t-\tobj\tnone\t-\tx", "a blocker (cameo none) has target - and plover -"),
    ] {
        let err = load_error(classes, line);
        assert!(err.starts_with("13.tsv:3: "), "{line:?}: {err}");
        assert!(err.contains(expect), "{line:?}: {err}");
    }
}

#[test]
fn bad_classes_and_missing_files_are_reported() {
    let err = load_error("mil\ttroop\n", "warn\tV\t-\t-\t130\t-\tx");
    assert!(err.starts_with("classes.tsv:1: bad class name"), "{err}");
    let err = load_error("MIL\tTroop\n", "warn\tV\t-\t-\t130\t-\tx");
    assert!(err.starts_with("classes.tsv:1: class MIL"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let err = EventLexicon::load_dir(dir.path()).unwrap_err();
    assert!(matches!(err, LexiconError::Io { .. }) && err.to_string().contains("classes.tsv"), "{err}");
    write(dir.path(), "classes.tsv", "");
    std::fs::create_dir(dir.path().join("patterns")).unwrap();
    let err = EventLexicon::load_dir(dir.path()).unwrap_err().to_string();
    assert!(err.contains("no pattern files"), "{err}");
    write(dir.path(), "forms.tsv", "met\n");
    write(dir.path(), "patterns/01.tsv", "");
    let err = EventLexicon::load_dir(dir.path()).unwrap_err().to_string();
    assert!(err.starts_with("forms.tsv:1: "), "{err}");
}
