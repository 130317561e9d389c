//! The embedded ontology against the shared CAMEO and PLOVER files, read at test time.

use detente_eventlex::Ontology;
use std::collections::BTreeSet;

fn shared(relative: &str) -> String {
    let path = detente_core::data::data_file(relative).unwrap_or_else(|e| panic!("{e}"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_shared_code_is_embedded_with_its_goldstein_score_quad_class_and_plover_crosswalk() {
    let ontology = Ontology::builtin();
    let text = shared("events/cameo/cameo_codes_goldstein_quad_plover.tsv");
    let mut seen = 0;
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.starts_with("cameo_code") && !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let code = f[0].trim();
        let info = ontology.cameo(code).unwrap_or_else(|| panic!("code {code} missing from the ontology"));
        let goldstein: f32 = f[3].trim().parse().unwrap();
        assert!(
            (info.goldstein - goldstein).abs() < 1e-6,
            "{code}: goldstein {} vs shared {goldstein}",
            info.goldstein
        );
        assert_eq!(info.quad_class.to_string(), f[4].trim(), "{code}: QuadClass");
        let root: u8 = code[..2].parse().unwrap();
        let by_root = match root {
            1..=5 => 1,
            6..=9 => 2,
            10..=14 => 3,
            _ => 4,
        };
        assert_eq!(info.quad_class, by_root, "{code}: QuadClass by root");
        assert_eq!(info.root, &code[..2]);
        assert_eq!(info.plover_type.as_deref(), Some(f[6].trim()).filter(|s| !s.is_empty()), "{code}: PLOVER type");
        assert_eq!(info.plover_mode.as_deref(), Some(f[7].trim()).filter(|s| !s.is_empty()), "{code}: PLOVER mode");
        assert!(!info.name.is_empty() && !info.name.contains("not specified"), "{code}: name {:?}", info.name);
        seen += 1;
    }
    assert_eq!(ontology.codes().len(), seen, "the ontology holds exactly the shared codes");
}

#[test]
fn known_codes_and_their_facts() {
    let ontology = Ontology::builtin();
    let mobilize = ontology.cameo("154").unwrap();
    assert_eq!(mobilize.root, "15");
    assert_eq!(mobilize.quad_class, 4);
    assert_eq!(mobilize.plover_type.as_deref(), Some("MOBILIZE"));
    assert_eq!(mobilize.plover_mode.as_deref(), Some("troops"));
    assert_eq!(ontology.cameo("044").unwrap().name, "Meet at a third location");
    assert!(ontology.is_valid("0871") && ontology.is_valid("02") && ontology.is_valid("20"));
    assert_eq!(ontology.cameo("036").unwrap().to_cameo().code, "036");
}

#[test]
fn unknown_codes_are_refused_with_a_clear_error() {
    let ontology = Ontology::builtin();
    for bad in ["36", "999", "0369", "", "21", "abc"] {
        assert!(!ontology.is_valid(bad), "{bad:?}");
        let err = ontology.get(bad).unwrap_err().to_string();
        assert!(err.contains("unknown CAMEO code") && err.contains(&format!("{bad:?}")), "{err}");
    }
}

#[test]
fn plover_types_are_the_sixteen_of_the_codebook() {
    let text = shared("events/plover/PLOVER_structured_codebook_updated.csv");
    let expected: BTreeSet<&str> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_uppercase()))
        .collect();
    let ours: BTreeSet<&str> = Ontology::builtin().plover_types().collect();
    assert_eq!(ours.len(), 16);
    assert_eq!(ours, expected);
}

#[test]
fn plover_modes_come_from_the_codebook_and_the_crosswalk() {
    let ontology = Ontology::builtin();
    assert!(ontology.is_plover_mode("CONSULT", "third-party"));
    assert!(ontology.is_plover_mode("MOBILIZE", "troops"));
    assert!(ontology.is_plover_mode("THREATEN", "political"), "crosswalk-only mode of 1321");
    assert!(!ontology.is_plover_mode("CONSULT", "troops"));
    assert!(!ontology.is_plover_type("NEGOTIATE"));
}
