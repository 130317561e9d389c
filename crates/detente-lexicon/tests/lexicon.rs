//! The embedded lexicon: it loads, and the lookups the actor stage relies on work.

use chrono::NaiveDate;
use detente_lexicon::{ActorLexicon, EntryKind, NameKind, Placement, RoleOn};

fn lex() -> &'static ActorLexicon {
    ActorLexicon::builtin()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn code(name: &str, date: &str) -> Option<String> {
    lex().resolve(name, d(date)).and_then(|r| r.code().map(str::to_string))
}

#[test]
fn embedded_files_load() {
    let lex = ActorLexicon::embedded().unwrap_or_else(|e| panic!("{e}"));
    assert!(lex.count(EntryKind::State) >= 195, "states: {}", lex.count(EntryKind::State));
    let iso = lex.entries().iter().filter(|e| e.iso2.is_some()).count();
    assert!(iso >= 249, "ISO 3166-1 entries: {iso}");
    assert!(lex.count(EntryKind::Region) >= 25);
    assert!(lex.count(EntryKind::Person) >= 500, "people: {}", lex.count(EntryKind::Person));
    assert!(lex.count(EntryKind::Agent) >= 250);
    assert!(lex.count(EntryKind::Igo) + lex.count(EntryKind::Ngo) + lex.count(EntryKind::ArmedGroup) >= 130);
    assert!(lex.count(EntryKind::Party) >= 100, "parties: {}", lex.count(EntryKind::Party));
}

#[test]
fn parties_are_their_countrys_and_a_one_party_states_is_its_government() {
    assert_eq!(code("BJP", "2024-01-01").as_deref(), Some("INDPTY"));
    assert_eq!(code("Republicans", "2024-01-01").as_deref(), Some("USAPTY"));
    assert_eq!(code("Workers' Party of Korea", "2024-01-01").as_deref(), Some("PRKGOV"));
}

#[test]
fn the_directory_and_the_embedded_copy_agree() {
    let dir = detente_core::data::repo_root().join("lexicon/actors");
    let from_dir = ActorLexicon::load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_dir.len(), lex().len());
    assert_eq!(from_dir.name_count(), lex().name_count());
}

#[test]
fn countries_by_name_short_name_and_code() {
    for name in ["U.S.", "US", "u.s.", "USA", "United States", "America", "the United States of America"] {
        let e = lex().lookup(name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(e.default_code(), Some("USA"), "{name}");
        assert_eq!(e.kind, EntryKind::State);
    }
    assert_eq!(lex().lookup("Russia").unwrap().default_code(), Some("RUS"));
    assert_eq!(lex().lookup("Russian Federation").unwrap().default_code(), Some("RUS"));
    assert_eq!(lex().by_code("UKR").unwrap().name, "Ukraine");
    assert_eq!(lex().by_code("KSV").unwrap().name, "Kosovo");
    assert_eq!(lex().lookup("Türkiye").unwrap().default_code(), Some("TUR"));
    assert_eq!(lex().lookup("Cote d'Ivoire").unwrap().default_code(), Some("CIV"));
    assert_eq!(lex().lookup("Palestine").unwrap().default_code(), Some("PSE"));
    assert_eq!(lex().lookup("Taiwan").unwrap().default_code(), Some("TWN"));
    assert_eq!(lex().lookup("the West").unwrap().default_code(), Some("WST"));
}

#[test]
fn adjectives_and_demonyms() {
    assert_eq!(lex().adjective("Russian").unwrap().default_code(), Some("RUS"));
    assert_eq!(lex().adjective("Ukrainian").unwrap().default_code(), Some("UKR"));
    assert_eq!(lex().adjective("Burundian").unwrap().default_code(), Some("BDI"));
    assert_eq!(lex().adjective("American").unwrap().default_code(), Some("USA"));
    assert_eq!(lex().adjective("Western").unwrap().default_code(), Some("WST"));
    assert_eq!(lex().adjective("Russians").unwrap().default_code(), Some("RUS"));
    assert!(lex().adjective("Russia").is_none(), "a country name is not an adjective");
}

#[test]
fn metonyms_and_capitals() {
    assert_eq!(code("the Kremlin", "2022-01-21").as_deref(), Some("RUSGOV"));
    assert_eq!(code("Kremlin", "2022-01-21").as_deref(), Some("RUSGOV"));
    assert_eq!(code("the White House", "2022-01-21").as_deref(), Some("USAGOV"));
    assert_eq!(code("the Pentagon", "2022-01-21").as_deref(), Some("USAMIL"));
    assert_eq!(code("the State Department", "2022-01-21").as_deref(), Some("USAGOV"));
    assert_eq!(code("Downing Street", "2022-01-21").as_deref(), Some("GBRGOV"));
    assert_eq!(code("Elysee", "2022-01-21").as_deref(), Some("FRAGOV"));
    for (city, c) in [("Washington", "USAGOV"), ("Moscow", "RUSGOV"), ("Kyiv", "UKRGOV"), ("Kiev", "UKRGOV"), ("Beijing", "CHNGOV"), ("Tehran", "IRNGOV")] {
        let e = lex().lookup(city).unwrap();
        assert_eq!(e.kind, EntryKind::Capital, "{city}");
        assert_eq!(e.default_code(), Some(c), "{city}");
        assert!(e.parent.is_some());
    }
    // Brussels stands for the EU first, Belgium's capital second.
    let hits = lex().lookup_all("Brussels");
    assert_eq!(hits[0].entry.default_code(), Some("IGOEUREEC"));
    assert_eq!(hits[0].kind, NameKind::Metonym);
    assert!(hits.iter().any(|h| h.kind == NameKind::Capital && h.entry.default_code() == Some("BELGOV")));
}

#[test]
fn organisations_and_armed_groups() {
    for (name, c) in [
        ("NATO", "IGOWSTNAT"),
        ("Nato", "IGOWSTNAT"),
        ("North Atlantic Treaty Organization", "IGOWSTNAT"),
        ("UN", "IGOUNO"),
        ("U.N.", "IGOUNO"),
        ("EU", "IGOEUREEC"),
        ("OSCE", "IGOEURSCE"),
        ("African Union", "IGOAFRAFU"),
        ("IAEA", "IGOUNOIAE"),
        ("IMF", "IGOBUSIMF"),
        ("ICRC", "NGOHLHIRC"),
        ("Hamas", "PSEREBHMS"),
        ("Hezbollah", "LBNREB"),
        ("Houthis", "YEMREB"),
        ("ISIS", "IMGMUSISI"),
        ("al-Qaeda", "IMGMUSALQ"),
        ("Al Qaeda", "IMGMUSALQ"),
    ] {
        assert_eq!(lex().lookup(name).and_then(|e| e.default_code()), Some(c), "{name}");
    }
    // Dated codes: the Taliban before and after the fall of Kabul, Sudan's RSF before and during the war.
    assert_eq!(code("Taliban", "2015-06-01").as_deref(), Some("AFGREB"));
    assert_eq!(code("Taliban", "2022-06-01").as_deref(), Some("AFGGOV"));
    assert_eq!(code("RSF", "2020-01-01").as_deref(), Some("SDNMIL"));
    assert_eq!(code("RSF", "2024-01-01").as_deref(), Some("SDNREB"));
}

#[test]
fn agents() {
    let a = |w: &str| lex().agent(w).and_then(|e| e.default_code()).map(str::to_string);
    assert_eq!(a("troops").as_deref(), Some("MIL"));
    assert_eq!(a("troop").as_deref(), Some("MIL"));
    assert_eq!(a("soldiers").as_deref(), Some("MIL"));
    assert_eq!(a("foreign ministry").as_deref(), Some("GOV"));
    assert_eq!(a("Foreign Ministry").as_deref(), Some("GOV"));
    assert_eq!(a("foreign ministries").as_deref(), Some("GOV"));
    assert_eq!(a("police").as_deref(), Some("COP"));
    assert_eq!(a("militiamen").as_deref(), Some("MIL"), "the issue codes Burundian militiamen BDI+MIL");
    assert_eq!(a("protesters").as_deref(), Some("OPP"));
    assert_eq!(a("lawmakers").as_deref(), Some("LEG"));
    assert_eq!(a("secretaries of state").as_deref(), Some("GOV"));
    assert_eq!(a("refugees").as_deref(), Some("REF"));
    assert!(lex().agent("polices").is_none());
    assert_eq!(lex().agent("aid groups").unwrap().placement, Placement::Prefix);
}

#[test]
fn people_resolved_by_date() {
    // Issue 4's examples.
    assert_eq!(code("Blinken", "2022-01-21").as_deref(), Some("USAGOV"));
    let later = lex().resolve("Blinken", d("2026-01-01")).unwrap();
    assert_eq!(later.code(), None);
    match later.role {
        RoleOn::Former(r) => {
            assert_eq!(r.title.as_deref(), Some("Secretary of State"));
            assert_eq!(r.end, Some(d("2025-01-20")));
        }
        other => panic!("expected a former role, got {other:?}"),
    }
    assert_eq!(code("Antony Blinken", "2025-01-20").as_deref(), Some("USAGOV"), "end dates are inclusive");
    assert_eq!(code("Lavrov", "2022-01-21").as_deref(), Some("RUSGOV"));
    assert_eq!(code("Lavrov", "2004-03-09").as_deref(), Some("RUSGOV"));
    assert!(matches!(lex().resolve("Lavrov", d("2001-01-01")).unwrap().role, RoleOn::NotYet(_)));
    let putin = lex().lookup("Putin").unwrap();
    assert_eq!(putin.role_on(d("2005-01-01")).role().unwrap().title.as_deref(), Some("President"));
    assert_eq!(putin.role_on(d("2010-01-01")).role().unwrap().title.as_deref(), Some("Prime Minister"));
    assert_eq!(putin.code_on(d("2022-01-21")), Some("RUSGOV"));
    assert_eq!(code("Joe Biden", "2012-01-01").as_deref(), Some("USAGOV"));
    assert_eq!(code("Biden", "2022-01-21").as_deref(), Some("USAGOV"));
    assert_eq!(code("Trump", "2023-06-01"), None, "between his terms");
    assert_eq!(code("Trump", "2025-06-01").as_deref(), Some("USAGOV"));
    assert_eq!(code("Zelensky", "2022-03-01").as_deref(), Some("UKRGOV"));
    assert_eq!(code("Guterres", "2022-03-01").as_deref(), Some("IGOUNO"));
    assert_eq!(code("Stoltenberg", "2022-03-01").as_deref(), Some("IGOWSTNAT"));
    assert_eq!(code("Stoltenberg", "2010-03-01").as_deref(), Some("NORGOV"));
}

#[test]
fn shared_aliases_are_resolved_by_date() {
    let who = |name: &str, date: &str| lex().resolve(name, d(date)).unwrap().entry.name.clone();
    assert_eq!(who("Clinton", "1999-06-01"), "Bill Clinton");
    assert_eq!(who("Clinton", "2010-06-01"), "Hillary Clinton");
    assert_eq!(who("Sharif", "2015-06-01"), "Nawaz Sharif");
    assert_eq!(who("Sharif", "2024-06-01"), "Shehbaz Sharif");
    assert_eq!(who("Hariri", "2003-06-01"), "Rafic Hariri");
    assert_eq!(who("Hariri", "2018-06-01"), "Saad Hariri");
    assert_eq!(lex().people("Kirchner").len(), 2);
}

#[test]
fn match_tokens_leftmost_longest() {
    let toks = ["US", "Secretary", "of", "State", "Antony", "Blinken", "met", "the", "Russian", "foreign", "ministry", "."];
    let m = lex().match_tokens(&toks);
    let spans: Vec<(usize, usize, &str)> = m.iter().map(|m| (m.start, m.end, m.entry.name.as_str())).collect();
    assert_eq!(
        spans,
        vec![
            (0, 1, "United States of America"),
            (1, 4, "secretary of state"),
            (4, 6, "Antony Blinken"),
            (8, 9, "Russian Federation"),
            (9, 11, "foreign ministry"),
        ]
    );
    assert_eq!(m[3].kind, NameKind::Adjective);
    assert_eq!(m[4].entry.kind, EntryKind::Agent);
}

#[test]
fn match_tokens_case_rules_and_punctuation() {
    let names = |toks: &[&str]| -> Vec<String> { lex().match_tokens(toks).iter().map(|m| m.entry.name.clone()).collect() };
    assert!(names(&["they", "told", "us", "who", "is", "there"]).is_empty(), "{:?}", names(&["they", "told", "us", "who", "is", "there"]));
    assert_eq!(names(&["the", "WHO", "said"]), vec!["World Health Organization"]);
    assert_eq!(names(&["U.S.", "troops"]), vec!["United States of America", "troop"]);
    assert_eq!(names(&["al", "-", "Qaeda", "militants"]), vec!["al-Qaeda", "militant"]);
    assert_eq!(names(&["al-Qaeda"]), vec!["al-Qaeda"]);
    assert!(names(&["pro-Western"]).is_empty());
    // "ex-" says an office is held no more; the office is still named.
    let m = lex().match_tokens(&["two", "ex-ministers", "freed"]);
    assert_eq!((m.len(), m[0].entry.name.as_str(), m[0].start, m[0].end), (1, "minister", 1, 2));
    assert!(names(&["a", "turkey", "dinner"]).is_empty());
    assert_eq!(names(&["Turkey", "and", "the", "West"]), vec!["Turkey", "the West"]);
    assert_eq!(names(&["RUSSIA", "WARNS"]), vec!["Russian Federation"]);
    // A lone short word in capitals is an acronym, not a capitalised name: the GAO is no town
    // of Mali. A longer one is a name set in capitals.
    assert!(names(&["the", "GAO", "said"]).is_empty(), "{:?}", names(&["the", "GAO", "said"]));
    assert_eq!(names(&["GAO", "ATTACKED"]), vec!["Gao"]);
    assert_eq!(names(&["India", "and", "MERCOSUR", "agreed"]), vec!["India", "Mercosur"]);
    // A comma stops a name.
    assert_eq!(names(&["North", ",", "Korea"]), Vec::<String>::new());
    assert_eq!(names(&["North", "Korea"]), vec!["Democratic People's Republic of Korea"]);
    // Acronyms of four or more letters also match in title case; shorter ones do not.
    assert_eq!(names(&["Nato", "and", "Farc"]), vec!["NATO", "FARC"]);
    assert!(names(&["Who", "knows"]).is_empty());
}

#[test]
fn undated_text_reads_an_organisation_by_its_undated_role() {
    let farc = lex().lookup("FARC").unwrap();
    assert_eq!(farc.default_code(), Some("COLREB"));
    assert_eq!(farc.code_on(d("2010-05-01")), Some("COLREB"));
    assert_eq!(farc.code_on(d("2020-05-01")), Some("COLPTY"));
}

#[test]
fn match_tokens_on_a_date_picks_the_office_holder() {
    let toks = ["Clinton", "said"];
    let m = lex().match_tokens_on(&toks, d("2011-01-01"));
    assert_eq!(m[0].entry.name, "Hillary Clinton");
    assert!(m[0].alternatives.iter().any(|e| e.name == "Bill Clinton"));
    let m = lex().match_tokens_on(&toks, d("1998-01-01"));
    assert_eq!(m[0].entry.name, "Bill Clinton");
}
