//! Fuzzing the segmenter: whatever the input, it never panics and its output
//! is well formed — tokens are non-empty, ordered, whitespace-free spans that
//! cover every non-separator character exactly once, and sentences partition
//! the tokens.

use detente_core::Token;
use detente_text::{Segmentation, Segmenter, Tokenizer};
use proptest::prelude::*;

/// What the segmenter treats as a separator between chunks: Unicode
/// whitespace and the invisible breaks (zero-width space, BOM, word joiner).
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{2060}')
}

/// Checks a token sequence against `text`.
fn check_tokens(text: &str, tokens: &[Token]) {
    let mut covered = 0; // every byte before this is a separator or in a token
    for (k, tok) in tokens.iter().enumerate() {
        let (start, end) = (tok.span.start as usize, tok.span.end as usize);
        assert!(start < end, "token {k} is empty: {:?}", tok.span);
        assert!(end <= text.len(), "token {k} {:?} past the end of the text", tok.span);
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "token {k} {:?} not on char boundaries",
            tok.span
        );
        assert!(start >= covered, "token {k} {:?} overlaps or precedes the previous token", tok.span);
        let form = &text[start..end];
        assert!(!form.chars().any(is_separator), "token {k} {form:?} contains a separator");
        let gap = &text[covered..start];
        assert!(gap.chars().all(is_separator), "text {gap:?} before token {k} {form:?} is in no token");
        let space_after = text[end..].chars().next().is_none_or(is_separator);
        assert_eq!(tok.space_after, space_after, "space_after of token {k} {form:?}");
        if tok.joined {
            let next = tokens.get(k + 1).unwrap_or_else(|| panic!("joined token {k} {form:?} is the last token"));
            assert_eq!(next.span.start as usize, end, "joined token {k} {form:?} not adjacent to the next");
        }
        covered = end;
    }
    let rest = &text[covered..];
    assert!(rest.chars().all(is_separator), "text {rest:?} after the last token is in no token");
}

fn check_segmentation(text: &str, seg: &Segmentation) {
    check_tokens(text, &seg.tokens);
    let mut next_token = 0;
    let mut paragraph = 0;
    for (n, sent) in seg.sentences.iter().enumerate() {
        let range = sent.token_range();
        assert_eq!(range.start, next_token, "sentence {n} does not start where the previous ended");
        assert!(range.start < range.end, "sentence {n} has no tokens");
        assert!(range.end <= seg.tokens.len(), "sentence {n} tokens {range:?} out of bounds");
        let (first, last) = (seg.tokens[range.start], seg.tokens[range.end - 1]);
        assert_eq!(sent.span.start, first.span.start, "sentence {n} span start");
        assert_eq!(sent.span.end, last.span.end, "sentence {n} span end");
        assert!(!last.joined, "sentence {n} ends with a joined token {:?}", last.span.slice(text));
        assert!(sent.paragraph >= paragraph, "sentence {n} paragraph index goes back");
        paragraph = sent.paragraph;
        next_token = range.end;
    }
    assert_eq!(next_token, seg.tokens.len(), "tokens after the last sentence");
    if let Some(d) = &seg.dateline {
        let span = d.span;
        assert!(span.start < span.end && span.end as usize <= text.len());
        assert!(text.is_char_boundary(span.start as usize) && text.is_char_boundary(span.end as usize));
        assert!(span.contains(d.place), "dateline place outside the dateline");
        if let Some(agency) = d.agency {
            assert!(span.contains(agency), "dateline agency outside the dateline");
        }
        // The dateline is a sentence of its own: no sentence straddles its
        // edges, and one lies within it.
        for (n, sent) in seg.sentences.iter().enumerate() {
            let inside = span.contains(sent.span);
            assert!(
                inside || sent.span.end <= span.start || sent.span.start >= span.end,
                "sentence {n} straddles the dateline"
            );
        }
        assert_eq!(
            seg.sentences.iter().filter(|s| span.contains(s.span)).count(),
            1,
            "the dateline is not one sentence"
        );
    }
}

fn check(text: &str) {
    let seg = Segmenter::new().segment(text);
    check_segmentation(text, &seg);
    check_tokens(text, &Tokenizer::new().tokenize(text));
}

/// Pieces the rules care about: quotes, dashes, dots, symbols, digits,
/// letters, every kind of space, combining marks and emoji, plus fragments
/// that trigger abbreviations, clitics, URLs and datelines.
fn tricky_piece() -> impl Strategy<Value = String> {
    let chars = prop::sample::select(vec![
        '\'', '"', '‘', '’', '“', '”', '`', '«', '»', '-', '–', '—', '―', '.', '…', '$', '€', '#', '@', '/', ':', ',',
        ';', '!', '?', '(', ')', '[', ']', '<', '>', '*', '%', '_', '~', '=', '|', '•', '¿', '¡', '0', '1', '7', '9',
        'a', 'e', 'n', 's', 't', 'S', 'U', 'X', 'é', 'ß', 'İ', 'ﬁ', 'Ω', '中', 'ا', '\u{301}', '\u{308}', '\u{200d}',
        '😀', '🇺', '\u{0}', '\u{7f}',
    ]);
    let spaces = prop::sample::select(vec![
        " ", "  ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t", "\u{a0}", "\u{200b}", "\u{feff}", "\u{2060}", "\u{2028}",
        "\u{3000}", " \n \n",
    ]);
    let words = prop::sample::select(vec![
        "didn't",
        "can't",
        "won't",
        "we’re",
        "it's",
        "n't",
        "'s",
        "’s",
        "'",
        "’",
        "s'",
        "ministers'",
        "cannot",
        "gonna",
        "U.S.",
        "U.N.",
        "Mr.",
        "Gen.",
        "No.",
        "No. 10",
        "etc.",
        "Inc.",
        "J.",
        "a.m.",
        "e.g.",
        "The",
        "But",
        "GENEVA (AFP) —",
        "KYIV, March 3 (Reuters) -",
        "NEW YORK —",
        "(AFP)",
        "--",
        "...",
        "?!",
        "''",
        "``",
        "1,000.5",
        "2022-01-21",
        "90-minute",
        "$4.5",
        "12%",
        "7pm",
        "x3-9890",
        "pro-Western",
        "e-mail",
        "http://example.org/a?b=c",
        "www.",
        "mailto:",
        "a@b.c",
        "@user",
        "#tag",
        ":)",
        "<3",
        "'90s",
        "‘’",
    ]);
    prop_oneof![
        6 => chars.prop_map(String::from),
        3 => spaces.prop_map(String::from),
        3 => words.prop_map(String::from),
        1 => "[a-zA-Z]{1,8}",
    ]
}

fn tricky_text() -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_piece(), 0..80).prop_map(|pieces| pieces.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..120).prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_is_segmented_soundly(text in any_text()) {
        check(&text);
    }

    #[test]
    fn tricky_text_is_segmented_soundly(text in tricky_text()) {
        check(&text);
    }

    #[test]
    fn text_after_a_dateline_is_segmented_soundly(
        headline in prop::sample::select(vec!["", "Talks resume\n", "Talks resume\n\n", "Talks resume.\n", " \n"]),
        dateline in prop_oneof![
            prop::sample::select(vec!["GENEVA (AFP) —", "KYIV, March 3 (Reuters) -", "NEW YORK —", "PARIS --", "ROME —"])
                .prop_map(String::from),
            // Long, non-ASCII and malformed datelines (the detector looks at 100 bytes).
            "[A-ZÉÖİ .'’-]{1,70}( ?\\([A-Za-z )(]{0,10}\\)?| ?,[A-Za-z0-9 ()]{0,10})? ?(—|–|--|-)",
        ],
        gap in prop::sample::select(vec![" ", "", "\n", "\u{a0}", "  "]),
        body in tricky_text(),
    ) {
        check(&format!("{headline}{dateline}{gap}{body}"));
    }
}

/// Edge cases checked on every run, among them inputs that once broke an invariant.
#[test]
fn known_edge_cases() {
    for text in [
        "",
        " ",
        "\n\n\n",
        "\u{200b}",
        ".",
        "etc.",
        "etc. The",
        "a etc. The end.",
        "’",
        "''",
        "'s",
        "s'",
        "n't",
        "GENEVA (AFP) —",
        "GENEVA (AFP) —\n\nText.",
        "GENEVA ()—x",
        "\u{301}a",
        "a\u{301}'s",
        // A straight quote glued to "!" was taken as a closing quote, although
        // it is the first part of "'n't": a sentence ended inside a surface token.
        "!'n't’",
    ] {
        check(text);
    }
}
