//! The seed article's quotations (`$DETENTE_DATA/seed/expectations.md`): each is found with the
//! right speaker and cue. The article is read at run time; quotes are located by a short phrase.

mod common;

use common::quotes_of;
use detente_core::data::data_file;
use detente_core::{Document, Quote, QuoteKind};

const ARTICLE: &str = "seed/000_b3abc5c9218013e2.txt";

fn seed() -> (Document, Vec<Quote>) {
    let path = data_file(ARTICLE).unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (set DETENTE_DATA)", path.display()));
    quotes_of(&text, chrono::NaiveDate::from_ymd_opt(2022, 1, 21))
}

/// One expectation: a phrase of the content, the speaker's text, the cue, the speaker's code.
struct Expected {
    phrase: &'static str,
    kind: QuoteKind,
    speaker: &'static str,
    cue: Option<&'static str>,
    code: &'static str,
}

const EXPECTED: &[Expected] = &[
    Expected {
        phrase: "any major breakthroughs",
        kind: QuoteKind::Direct,
        speaker: "Blinken",
        cue: Some("told"),
        code: "USAGOV",
    },
    Expected {
        phrase: "We anticipate that",
        kind: QuoteKind::Direct,
        speaker: "he",
        cue: Some("added"),
        code: "USAGOV",
    },
    Expected {
        phrase: "a reasonable dialogue",
        kind: QuoteKind::Direct,
        speaker: "Lavrov",
        cue: Some("told"),
        code: "RUSGOV",
    },
    Expected {
        phrase: "certainly prepared to",
        kind: QuoteKind::Direct,
        speaker: "Blinken",
        cue: Some("said"),
        code: "USAGOV",
    },
    Expected {
        phrase: "a public release",
        kind: QuoteKind::Direct,
        speaker: "she",
        cue: Some("said"),
        code: "USAGOV",
    },
    Expected {
        phrase: "most serious consequences",
        kind: QuoteKind::Partial,
        speaker: "Lavrov",
        cue: Some("had vowed"),
        code: "RUSGOV",
    },
    Expected {
        phrase: "frank",
        kind: QuoteKind::Partial,
        speaker: "Blinken",
        cue: Some("described"),
        code: "USAGOV",
    },
    Expected {
        phrase: "premature",
        kind: QuoteKind::Partial,
        speaker: "He",
        cue: None,
        code: "RUSGOV",
    },
    Expected {
        phrase: "move in",
        kind: QuoteKind::Partial,
        speaker: "Biden",
        cue: None,
        code: "USAGOV",
    },
    Expected {
        phrase: "disaster for Russia",
        kind: QuoteKind::Partial,
        speaker: "Biden",
        cue: Some("warned"),
        code: "USAGOV",
    },
    Expected {
        phrase: "our allies",
        kind: QuoteKind::Partial,
        speaker: "official",
        cue: Some("said"),
        code: "USAGOV",
    },
];

#[test]
fn every_seed_quotation_is_found_and_attributed() {
    let (doc, quotes) = seed();
    let mut failures = Vec::new();
    for e in EXPECTED {
        let Some(q) = quotes
            .iter()
            .find(|q| q.kind == e.kind && q.content.text.contains(e.phrase))
        else {
            failures.push(format!("no {:?} quote containing {:?}", e.kind, e.phrase));
            continue;
        };
        let Some(speaker) = &q.speaker else {
            failures.push(format!("{:?}: no speaker", e.phrase));
            continue;
        };
        if !speaker.text.ends_with(e.speaker) {
            failures.push(format!(
                "{:?}: speaker {:?}, expected {:?}",
                e.phrase, speaker.text, e.speaker
            ));
        }
        let cue = q.cue.as_ref().map(|c| c.text.as_str());
        if e.cue.is_some() && cue != e.cue {
            failures.push(format!("{:?}: cue {cue:?}, expected {:?}", e.phrase, e.cue));
        }
        // Codes come from the actor stage; without it there is nothing to copy.
        if !doc.actors.is_empty() && speaker.code.as_deref() != Some(e.code) {
            failures.push(format!(
                "{:?}: speaker code {:?} ({}), expected {}",
                e.phrase, speaker.code, speaker.how, e.code
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seed_quotes_are_in_text_order_with_ids() {
    let (doc, quotes) = seed();
    for (n, q) in quotes.iter().enumerate() {
        assert_eq!(q.id, format!("q{}", n + 1));
        assert_eq!(doc.slice(q.content.span), q.content.text);
        if n > 0 {
            assert!(quotes[n - 1].content.span.start <= q.content.span.start);
        }
    }
}
