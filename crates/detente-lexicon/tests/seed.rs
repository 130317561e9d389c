//! The lexicon over the seed article, tokenised by detente-text (issue 4's seed, 2022-01-21).

use chrono::NaiveDate;
use detente_lexicon::ActorLexicon;
use detente_text::Segmenter;

#[test]
fn seed_article_actors_found_in_running_text() {
    let dir = detente_core::data::data_file("seed").unwrap_or_else(|e| panic!("{e}"));
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "txt"))
        .expect("a .txt seed article");
    let text = std::fs::read_to_string(&path).unwrap();
    let seg = Segmenter::new().segment(&text);
    let tokens: Vec<&str> = seg.tokens.iter().map(|t| &text[t.span.start as usize..t.span.end as usize]).collect();
    let date = NaiveDate::from_ymd_opt(2022, 1, 21).unwrap();
    let lex = ActorLexicon::builtin();
    let found: Vec<(String, Option<String>)> = lex
        .match_tokens_on(&tokens, date)
        .iter()
        .map(|m| (tokens[m.start..m.end].join(" "), m.entry.code_on(date).map(str::to_string)))
        .collect();
    let has = |surface: &str, code: &str| found.iter().any(|(s, c)| s == surface && c.as_deref() == Some(code));
    assert!(has("Blinken", "USAGOV"), "{found:?}");
    assert!(has("Lavrov", "RUSGOV"), "{found:?}");
    assert!(has("Washington", "USAGOV"), "{found:?}");
    assert!(has("Moscow", "RUSGOV"), "{found:?}");
    assert!(has("Ukraine", "UKR"), "{found:?}");
    assert!(has("NATO", "IGOWSTNAT"), "{found:?}");
    // Geneva is a place in Switzerland (a meeting's location), never an actor of its own.
    let geneva: Vec<_> = lex.match_tokens_on(&tokens, date).into_iter().filter(|m| tokens[m.start..m.end].join(" ") == "Geneva").collect();
    assert!(!geneva.is_empty() && geneva.iter().all(|m| m.entry.kind == detente_lexicon::EntryKind::Place), "{found:?}");
    assert_eq!(lex.country_of_place("Geneva").and_then(|e| e.default_code()), Some("CHE"));
}
