//! Loader errors name the file and the line.

use detente_lexicon::{ActorLexicon, LexiconError, ProblemKind};

const COUNTRIES_HEADER: &str = "code\tkind\tiso2\tname\tshort_names\tadjectives\tdemonyms\tcapital\tmetonyms\tnote\n";
const ORGS_HEADER: &str = "code\tkind\tname\taliases\tmetonyms\tnote\n";
const AGENTS_HEADER: &str = "term\tplural\tcode\tnote\n";
const PEOPLE_HEADER: &str = "name\taliases\tcode\trole\tstart\tend\tnote\n";

fn countries() -> String {
    format!(
        "# a comment\n{COUNTRIES_HEADER}USA\tstate\tUS\tUnited States\tUS|U.S.\tAmerican\tAmericans\tWashington\tPentagon=MIL\n\
         RUS\tstate\tRU\tRussia\t\tRussian\tRussians\tMoscow\tKremlin\n"
    )
}

fn load(files: &[(&str, &str)]) -> Result<ActorLexicon, LexiconError> {
    ActorLexicon::from_tsv(files)
}

fn problems(files: &[(&str, &str)]) -> Vec<String> {
    match load(files) {
        Ok(_) => panic!("expected errors"),
        Err(e) => e.problems().iter().map(|p| p.to_string()).collect(),
    }
}

fn kinds(files: &[(&str, &str)]) -> Vec<ProblemKind> {
    load(files).expect_err("expected errors").problems().iter().map(|p| p.kind).collect()
}

#[test]
fn a_small_valid_set_loads() {
    let c = countries();
    let people = format!("{PEOPLE_HEADER}Joe Biden\tBiden\tUSAGOV\tPresident\t2021-01-20\t2025-01-20\n");
    let lex = load(&[("countries.tsv", &c), ("people.tsv", &people)]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(lex.lookup("Pentagon").unwrap().default_code(), Some("USAMIL"));
    assert_eq!(lex.lookup("Biden").unwrap().default_code(), Some("USAGOV"));
}

#[test]
fn bad_code() {
    let bad = format!("{COUNTRIES_HEADER}usa\tstate\tUS\tUnited States\n");
    let p = problems(&[("countries.tsv", &bad)]);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("countries.tsv:2: bad code \"usa\""), "{p:?}");
    assert_eq!(kinds(&[("countries.tsv", &bad)]), vec![ProblemKind::BadCode]);

    let bad_sector = format!("{}USA\tstate\tUS\tUnited States\t\t\t\t\tPentagon=XYZ\n", COUNTRIES_HEADER);
    let p = problems(&[("countries.tsv", &bad_sector)]);
    assert!(p[0].starts_with("countries.tsv:2: metonym \"Pentagon\": bad code \"XYZ\""), "{p:?}");

    let c = countries();
    let people = format!("{PEOPLE_HEADER}Nobody\t\tXYZGOV\tPresident\t2021-01-20\t\n");
    let p = problems(&[("countries.tsv", &c), ("people.tsv", &people)]);
    assert!(p[0].starts_with("people.tsv:2: bad code \"XYZGOV\""), "{p:?}");
    let people = format!("{PEOPLE_HEADER}Nobody\t\tUSAFOO\tPresident\t2021-01-20\t\n");
    let p = problems(&[("countries.tsv", &c), ("people.tsv", &people)]);
    assert!(p[0].contains("\"FOO\" after \"USA\" is not a CAMEO sector code"), "{p:?}");

    let agents = format!("{AGENTS_HEADER}troop\t\tSOLDIERS\n");
    let p = problems(&[("agents.tsv", &agents)]);
    assert!(p[0].starts_with("agents.tsv:2: bad code"), "{p:?}");
}

#[test]
fn bad_date() {
    let c = countries();
    let people = format!(
        "{PEOPLE_HEADER}Joe Biden\t\tUSAGOV\tPresident\t2021-13-20\t\n\
         Joe Biden\t\tUSAGOV\tVice President\t2009-01-20\t2008-01-20\n\
         Joe Biden\t\tUSAGOV\tSenator\t20/01/2009\t\n"
    );
    let p = problems(&[("countries.tsv", &c), ("people.tsv", &people)]);
    assert_eq!(p.len(), 3, "{p:?}");
    assert!(p[0].starts_with("people.tsv:2: start: bad date \"2021-13-20\""), "{p:?}");
    assert!(p[1].starts_with("people.tsv:3: end 2008-01-20 is before start 2009-01-20"), "{p:?}");
    assert!(p[2].starts_with("people.tsv:4: start: bad date \"20/01/2009\""), "{p:?}");
    let orgs = format!("{ORGS_HEADER}AFGREB@2021-08-15..2001-01-01\tarmed\tTaliban\n");
    let p = problems(&[("organisations.tsv", &orgs)]);
    assert!(p[0].starts_with("organisations.tsv:2: bad date range"), "{p:?}");
}

#[test]
fn wrong_column_count() {
    let bad = format!("{COUNTRIES_HEADER}USA\tstate\tUS\n");
    let p = problems(&[("countries.tsv", &bad)]);
    assert!(p[0].starts_with("countries.tsv:2: wrong column count: 3 tab-separated columns, expected 4 to 10"), "{p:?}");
    let bad = format!("{AGENTS_HEADER}troop\t\tMIL\tnote\textra\n");
    let p = problems(&[("agents.tsv", &bad)]);
    assert!(p[0].starts_with("agents.tsv:2: wrong column count: 5"), "{p:?}");
    assert_eq!(kinds(&[("agents.tsv", &bad)]), vec![ProblemKind::ColumnCount]);
}

#[test]
fn duplicates() {
    let dup_code = format!("{}RUS\tstate\tRU\tRussia again\n", countries());
    let p = problems(&[("countries.tsv", &dup_code)]);
    assert!(p[0].starts_with("countries.tsv:5: duplicate code RUS: already defined at countries.tsv:4"), "{p:?}");

    let dup_name = format!("{}FRA\tstate\tFR\tFrance\tRussia\n", countries());
    let p = problems(&[("countries.tsv", &dup_name)]);
    assert!(p[0].starts_with("countries.tsv:5: duplicate name \"Russia\": already the name of state \"Russia\" (countries.tsv:4)"), "{p:?}");

    let orgs = format!("{ORGS_HEADER}IGOWSTNAT\tigo\tNATO\nIGOUNO\tigo\tUnited Nations\tNATO\n");
    let p = problems(&[("organisations.tsv", &orgs)]);
    assert!(p[0].starts_with("organisations.tsv:3: duplicate name \"NATO\""), "{p:?}");

    let agents = format!("{AGENTS_HEADER}troop\t\tMIL\ntroops\t-\tMIL\n");
    let p = problems(&[("agents.tsv", &agents)]);
    assert!(p[0].starts_with("agents.tsv:3: duplicate name \"troops\": already the plural of agent \"troop\" (agents.tsv:2)"), "{p:?}");

    let c = countries();
    let people = format!(
        "{PEOPLE_HEADER}Joe Biden\t\tUSAGOV\tPresident\t2021-01-20\t2025-01-20\nJoe Biden\t\tUSAGOV\tPresident\t2021-01-20\t\n"
    );
    let p = problems(&[("countries.tsv", &c), ("people.tsv", &people)]);
    assert!(p[0].starts_with("people.tsv:3: duplicate role: Joe Biden USAGOV President from 2021-01-20 is already on line 2"), "{p:?}");
    assert_eq!(kinds(&[("countries.tsv", &c), ("people.tsv", &people)]), vec![ProblemKind::Duplicate]);

    // People may share aliases: the date decides.
    let people = format!(
        "{PEOPLE_HEADER}Bill Clinton\tClinton\tUSAGOV\tPresident\t1993-01-20\t2001-01-20\n\
         Hillary Clinton\tClinton\tUSAGOV\tSecretary of State\t2009-01-21\t2013-02-01\n"
    );
    assert!(load(&[("countries.tsv", &c), ("people.tsv", &people)]).is_ok());
}

#[test]
fn unknown_header_and_empty_table() {
    let p = problems(&[("mystery.tsv", "code\tname\nUSA\tUnited States\n")]);
    assert!(p[0].starts_with("mystery.tsv:1: unknown header"), "{p:?}");
    let p = problems(&[("empty.tsv", "# nothing here\n")]);
    assert!(p[0].starts_with("empty.tsv:1: empty table"), "{p:?}");
}

#[test]
fn all_problems_are_reported_in_file_order() {
    let bad = format!("{COUNTRIES_HEADER}usa\tstate\tUS\tUnited States\nRUS\tnation\tRU\tRussia\nFRA\tstate\tF\tFrance\n");
    let p = problems(&[("countries.tsv", &bad)]);
    assert_eq!(p.len(), 3, "{p:?}");
    assert!(p[0].starts_with("countries.tsv:2:") && p[1].starts_with("countries.tsv:3:") && p[2].starts_with("countries.tsv:4:"));
}

#[test]
fn load_dir_names_the_file_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("countries.tsv"), countries()).unwrap();
    std::fs::write(
        dir.path().join("extra-people.tsv"),
        format!("{PEOPLE_HEADER}Joe Biden\t\tUSAGOV\tPresident\t2021-01-20\t2025-01-32\n"),
    )
    .unwrap();
    let err = ActorLexicon::load_dir(dir.path()).expect_err("an error");
    let msg = err.to_string();
    assert!(msg.contains("extra-people.tsv:2: end: bad date \"2025-01-32\": no such day"), "{msg}");

    std::fs::write(
        dir.path().join("extra-people.tsv"),
        format!("{PEOPLE_HEADER}Joe Biden\tBiden\tUSAGOV\tPresident\t2021-01-20\t2025-01-20\n"),
    )
    .unwrap();
    let lex = ActorLexicon::load_dir(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(lex.lookup("Biden").unwrap().name, "Joe Biden");
    assert!(matches!(ActorLexicon::load_dir(dir.path().join("missing")), Err(LexiconError::Io { .. })));
}

#[test]
fn places_belong_to_a_known_country() {
    const PLACES_HEADER: &str = "country\tname\taliases\tnote\n";
    let c = countries();
    let places = format!("{PLACES_HEADER}RUS\tSt Petersburg\tSaint Petersburg\nXYZ\tAtlantis\n");
    let p = problems(&[("countries.tsv", &c), ("places.tsv", &places)]);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("places.tsv:3: unknown country \"XYZ\""), "{p:?}");
    let places = format!("{PLACES_HEADER}RUS\tSt Petersburg\tSaint Petersburg\n");
    let lex = load(&[("countries.tsv", &c), ("places.tsv", &places)]).unwrap_or_else(|e| panic!("{e}"));
    let place = lex.lookup("Saint Petersburg").expect("the alias");
    assert_eq!(place.default_code(), Some("RUS"));
    assert_eq!(lex.country_of_place("St Petersburg").map(|e| e.name.as_str()), Some("Russia"));
}
