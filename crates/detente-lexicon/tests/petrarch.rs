//! PETRARCH-2 dictionary import on the shared dictionaries (issue 4, item 5): every file loads,
//! with the counts and a few entries checked.

use chrono::NaiveDate;
use detente_lexicon::{ActorLexicon, BuildReport, EntryKind, Placement};

fn dict(name: &str) -> std::path::PathBuf {
    let rel = format!("events/petrarch2/dictionaries/{name}");
    detente_core::data::data_file(&rel).unwrap_or_else(|e| panic!("{e}"))
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn import(actors: &[&str], agents: &[&str]) -> (ActorLexicon, BuildReport) {
    let a: Vec<_> = actors.iter().map(|n| dict(n)).collect();
    let g: Vec<_> = agents.iter().map(|n| dict(n)).collect();
    ActorLexicon::import_petrarch(&a, &g).unwrap_or_else(|e| panic!("{e}"))
}

fn code(lex: &ActorLexicon, name: &str, date: &str) -> Option<String> {
    lex.resolve(name, d(date)).and_then(|r| r.code().map(str::to_string))
}

/// (entries, names, codes, dated codes, overridden) per file.
fn counts(report: &BuildReport) -> Vec<(usize, usize, usize, usize, usize)> {
    report.files.iter().map(|f| (f.entries, f.names, f.roles, f.dated_roles, f.overridden)).collect()
}

#[test]
fn validation_dictionaries() {
    let (lex, report) = import(&["PETR.Validate.actors.txt"], &["PETR.Validate.agents.txt"]);
    println!("{report}");
    assert_eq!(counts(&report), vec![(128, 161, 138, 13, 1), (88, 165, 88, 0, 0)]);
    assert_eq!(report.files[1].plurals, 70);
    assert_eq!(report.files[1].substitutions, 9);
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings); // the lower-case [pse]
    assert!(report.warnings[0].to_string().contains("PETR.Validate.actors.txt:32: lower-case code \"pse\""));

    // Synonym lines and case-insensitive lookups.
    assert_eq!(lex.lookup("United States").unwrap().default_code(), Some("USA"));
    assert_eq!(lex.lookup("U.S.").unwrap().default_code(), Some("USA"));
    assert_eq!(lex.lookup("Smeagol").unwrap().name, "GOLLUM");
    // Date restrictions: <, >, ranges; the first restriction listed wins; the undated code is the default.
    assert_eq!(code(&lex, "GOLLUM", "1990-01-01").as_deref(), Some("HOB"));
    assert_eq!(code(&lex, "GOLLUM", "1997-01-01").as_deref(), Some("HOBGOV"));
    assert_eq!(code(&lex, "GOLLUM", "2000-01-01").as_deref(), Some("HOBREB"));
    assert_eq!(code(&lex, "SAM GAMGEE", "2007-01-01").as_deref(), Some("HOBCIV"));
    assert_eq!(code(&lex, "SAM GAMGEE", "2010-01-10").as_deref(), Some("ORCHOB"));
    assert_eq!(code(&lex, "SAM GAMGEE", "2011-01-01").as_deref(), Some("HOBMIL"));
    assert_eq!(code(&lex, "SAM GAMGEE", "2012-12-01").as_deref(), Some("HOBGOV"));
    assert_eq!(code(&lex, "SAM GAMGEE", "2014-01-01").as_deref(), Some("HOBELI"));
    assert_eq!(code(&lex, "ZIMBABWE", "1975-01-01").as_deref(), Some("RHO"));
    assert_eq!(code(&lex, "ZIMBABWE", "2000-01-01").as_deref(), Some("ZBW"));
    // "PALESTINIAN [pse]" (line 32) is replaced by the later "+PALESTINIAN" of PALESTINE [PAL],
    // as in PETRARCH: the one overridden phrase of the file.
    assert_eq!(lex.lookup("Palestinian").unwrap().default_code(), Some("PAL"));
    // A code on its own line after the phrase.
    assert_eq!(lex.lookup("Interpol").unwrap().default_code(), Some("IGOCOPITP"));

    // Agents: ~ placement, regular and {irregular} plurals, {} for none, !MARKER! substitution.
    let a = |w: &str| lex.agent(w).and_then(|e| e.default_code()).map(str::to_string);
    assert_eq!(a("troops").as_deref(), Some("MIL"));
    assert_eq!(a("foreign ministers").as_deref(), Some("GOVFRM"));
    assert_eq!(a("attorneys general").as_deref(), Some("GOV"));
    assert_eq!(a("golden geese").as_deref(), Some("GGS"));
    assert_eq!(a("police").as_deref(), Some("COP"));
    assert_eq!(a("polices"), None);
    assert_eq!(a("congresswomen").as_deref(), Some("LEG"));
    assert_eq!(a("ministries of silly walks").as_deref(), Some("GOV"));
    assert_eq!(lex.agent("human rights body").unwrap().placement, Placement::Prefix);
    assert_eq!(lex.agent("human rights body").unwrap().default_code(), Some("NGO"));

    // Imported names match in any case in running text.
    let m = lex.match_tokens(&["the", "united", "states", "and", "RUSSIA"]);
    let names: Vec<&str> = m.iter().map(|m| m.entry.name.as_str()).collect();
    assert_eq!(names, vec!["UNITED STATES", "RUSSIA"]);
}

#[test]
fn phoenix_dictionaries() {
    let (lex, report) = import(
        &["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"],
        &["Phoenix.agents.txt"],
    );
    println!("{report}");
    assert_eq!(
        counts(&report),
        vec![
            (18390, 25918, 28424, 26137, 40),
            (7841, 7907, 7897, 452, 1197),
            (1021, 1793, 1021, 1, 23),
            (2244, 5154, 2244, 0, 85),
        ]
    );
    assert_eq!(lex.count(EntryKind::Actor), 18390 + 7841 + 1021);
    assert_eq!(lex.count(EntryKind::Agent), 2244);
    // Every oddity is a warning with file and line, none is an error.
    assert!(report.warnings.iter().all(|w| w.line > 0 && w.file.contains("Phoenix.")));
    assert!(report.warnings.iter().any(|w| w.to_string().contains("Phoenix.agents.txt:544: unclosed code block")));
    assert!(report.warnings.iter().any(|w| w.to_string().contains("Phoenix.Countries.actors.txt:45980: 2 synonyms on one line")));

    assert_eq!(lex.lookup("NATO").unwrap().default_code(), Some("IGOWSTNAT"));
    assert_eq!(lex.lookup("Hamas").unwrap().default_code(), Some("PSEREBHMS"));
    assert_eq!(lex.lookup("Hezbollah").unwrap().default_code(), Some("LBNREB"));
    assert_eq!(lex.lookup("Taliban").unwrap().default_code(), Some("AFGREB"));
    assert_eq!(lex.lookup("Afghanistan").unwrap().default_code(), Some("AFG"));
    assert_eq!(lex.lookup("Kabul").unwrap().default_code(), Some("AFG"));
    assert_eq!(lex.lookup("Taiwanese").unwrap().default_code(), Some("TWN"));
    assert_eq!(code(&lex, "Ban Ki-moon", "2010-06-01").as_deref(), Some("IGOUNO"));
    assert_eq!(code(&lex, "Kofi Annan", "2000-06-01").as_deref(), Some("IGOUNO"));
    assert_eq!(code(&lex, "Kofi Annan", "2010-06-01").as_deref(), Some("ELI"), "the undated [ELI] is his default");
    assert_eq!(code(&lex, "Kosovo", "2010-06-01").as_deref(), Some("KSV"));
    assert_eq!(code(&lex, "Kosovo", "1995-06-01").as_deref(), Some("FRYKSV"));
    // A group of phrases sharing the codes that follow them.
    assert_eq!(code(&lex, "Ivo Josipovic", "2013-06-01").as_deref(), Some("HRVGOV"));
    assert_eq!(code(&lex, "Josipovic", "2013-06-01").as_deref(), Some("HRVGOV"));

    let a = |w: &str| lex.agent(w).and_then(|e| e.default_code()).map(str::to_string);
    assert_eq!(a("foreign minister").as_deref(), Some("GOV"));
    assert_eq!(a("foreign ministries").as_deref(), Some("GOV"));
    assert_eq!(a("militants").as_deref(), Some("UAF"));
    assert_eq!(a("police").as_deref(), Some("COP"));
    assert_eq!(a("congressmen").as_deref(), Some("LEG"));
    assert_eq!(a("peacekeeping troops").as_deref(), Some("IGO"));
    assert_eq!(lex.agent("peacekeeping troops").unwrap().placement, Placement::Prefix);
}
