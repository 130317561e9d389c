//! What the segmenter produces on typical news English: UD tokens (as in the
//! English EWT and GUM treebanks) and sentence boundaries. All texts are
//! written for these tests.

use detente_text::{Segmentation, Segmenter};

fn segment(text: &str) -> Segmentation {
    Segmenter::new().segment(text)
}

/// The tokens of `text`, as strings.
fn tokens(text: &str) -> Vec<&str> {
    segment(text).tokens.iter().map(|t| t.span.slice(text)).collect()
}

/// The text of each sentence.
fn sentences(text: &str) -> Vec<&str> {
    segment(text).sentences.iter().map(|s| s.span.slice(text)).collect()
}

/// The tokens of each sentence, as strings.
fn sentence_tokens(text: &str) -> Vec<Vec<&str>> {
    let seg = segment(text);
    seg.sentences.iter().map(|s| seg.tokens[s.token_range()].iter().map(|t| t.span.slice(text)).collect()).collect()
}

/// The pairs of tokens that form one surface token ("did" + "n't").
fn joined_pairs(text: &str) -> Vec<(&str, &str)> {
    let seg = segment(text);
    seg.tokens.windows(2).filter(|w| w[0].joined).map(|w| (w[0].span.slice(text), w[1].span.slice(text))).collect()
}

#[test]
fn titles_and_initials_do_not_end_sentences() {
    let text = "Mr. Hale met Gen. Ward and Sen. Ruiz on Jan. 21 at No. 10 with J. R. Smith. They spoke.";
    assert_eq!(
        sentences(text),
        ["Mr. Hale met Gen. Ward and Sen. Ruiz on Jan. 21 at No. 10 with J. R. Smith.", "They spoke."]
    );
    assert_eq!(
        tokens(text),
        [
            "Mr.", "Hale", "met", "Gen.", "Ward", "and", "Sen.", "Ruiz", "on", "Jan.", "21", "at", "No.", "10", "with",
            "J.", "R.", "Smith", ".", "They", "spoke", "."
        ]
    );
}

#[test]
fn dotted_initialisms_keep_their_periods() {
    let text = "The U.S. and the U.N. sent envoys to the talks.";
    assert_eq!(sentences(text), [text]);
    assert_eq!(tokens(text), ["The", "U.S.", "and", "the", "U.N.", "sent", "envoys", "to", "the", "talks", "."]);
}

#[test]
fn initialism_before_a_sentence_opener_ends_the_sentence() {
    let text = "The accord was signed in the U.S. The talks resume on Monday.";
    assert_eq!(sentences(text), ["The accord was signed in the U.S.", "The talks resume on Monday."]);
    // UD keeps the abbreviation's period: no separate full stop.
    assert_eq!(sentence_tokens(text)[0], ["The", "accord", "was", "signed", "in", "the", "U.S."]);
    // ... but not before a name.
    assert_eq!(sentences("Aid from the U.S. Treasury arrived."), ["Aid from the U.S. Treasury arrived."]);
}

#[test]
fn no_is_an_abbreviation_only_before_a_number() {
    let text = "The minister said No. Then she left No. 10 quietly.";
    assert_eq!(sentences(text), ["The minister said No.", "Then she left No. 10 quietly."]);
    assert_eq!(sentence_tokens(text)[0], ["The", "minister", "said", "No", "."]);
}

#[test]
fn numbers_keep_commas_decimals_and_dates() {
    let text = "They paid $4.5 million for 1,000.5 tonnes, up 12%, on 2022-01-21 after a 90-minute call.";
    assert_eq!(sentences(text), [text]);
    assert_eq!(
        tokens(text),
        [
            "They",
            "paid",
            "$",
            "4.5",
            "million",
            "for",
            "1,000.5",
            "tonnes",
            ",",
            "up",
            "12",
            "%",
            ",",
            "on",
            "2022-01-21",
            "after",
            "a",
            "90",
            "-",
            "minute",
            "call",
            "."
        ]
    );
}

#[test]
fn curly_quotes_are_split_and_stay_in_their_sentence() {
    let text = "The envoy called the offer “fair”. He said “We will sign.” Aides agreed.";
    assert_eq!(sentences(text), ["The envoy called the offer “fair”.", "He said “We will sign.”", "Aides agreed."]);
    assert_eq!(sentence_tokens(text)[0], ["The", "envoy", "called", "the", "offer", "“", "fair", "”", "."]);
    assert_eq!(sentence_tokens(text)[1], ["He", "said", "“", "We", "will", "sign", ".", "”"]);
}

#[test]
fn straight_quotes_are_split_and_stay_in_their_sentence() {
    let text = "\"We will sign,\" he said. \"Not today.\" The talks ended.";
    assert_eq!(sentences(text), ["\"We will sign,\" he said.", "\"Not today.\"", "The talks ended."]);
    assert_eq!(sentence_tokens(text)[0], ["\"", "We", "will", "sign", ",", "\"", "he", "said", "."]);
    assert_eq!(sentence_tokens(text)[1], ["\"", "Not", "today", ".", "\""]);
}

#[test]
fn single_quotes_are_not_possessives() {
    let text = "He called it a 'red line'. She said 'no'.";
    assert_eq!(sentences(text), ["He called it a 'red line'.", "She said 'no'."]);
    assert_eq!(sentence_tokens(text)[0], ["He", "called", "it", "a", "'", "red", "line", "'", "."]);
    assert_eq!(joined_pairs(text), []);
}

#[test]
fn quotation_spanning_two_sentences() {
    let text = "“We are ready. But not at any price,” she said. Talks resume today.";
    // The quotation holds two sentences; the closing quote and the
    // attribution stay with the second.
    assert_eq!(sentences(text), ["“We are ready.", "But not at any price,” she said.", "Talks resume today."]);
    assert_eq!(sentence_tokens(text)[1], ["But", "not", "at", "any", "price", ",", "”", "she", "said", "."]);
}

#[test]
fn quotation_interrupted_by_attribution() {
    let text = "“We will talk,” the minister said, “but we will not bow.” The talks went on.";
    assert_eq!(sentences(text), ["“We will talk,” the minister said, “but we will not bow.”", "The talks went on."]);
    let text = "“Why now?” she asked. “Because it is time!” he replied.";
    assert_eq!(sentences(text), ["“Why now?” she asked.", "“Because it is time!” he replied."]);
    assert_eq!(sentence_tokens(text)[0], ["“", "Why", "now", "?", "”", "she", "asked", "."]);
}

#[test]
fn a_list_of_quotations_one_per_line_is_one_sentence_per_line() {
    let text = "Readers wrote in.\n\n“The clinic saved my son.” ― Maria Lopez\n“We need more nurses here.” ― Tom Reyes, Tucson\n";
    assert_eq!(sentences(text), ["Readers wrote in.", "“The clinic saved my son.” ― Maria Lopez", "“We need more nurses here.” ― Tom Reyes, Tucson"]);
    // Elsewhere a line break is a line wrap, even before a quotation mark.
    let text = "Budget talks resumed.\n\nThe mayor called the clinic\n“The Lifeline of Pima” on Monday.\n";
    assert_eq!(sentences(text), ["Budget talks resumed.", "The mayor called the clinic\n“The Lifeline of Pima” on Monday."]);
}

#[test]
fn dashes() {
    let text = "The envoy — tired but calm — left; the deal – if any – is far off.";
    assert_eq!(sentences(text), [text]);
    assert_eq!(
        tokens(text),
        [
            "The", "envoy", "—", "tired", "but", "calm", "—", "left", ";", "the", "deal", "–", "if", "any", "–", "is",
            "far", "off", "."
        ]
    );
    assert_eq!(tokens("The talks—at last—began."), ["The", "talks", "—", "at", "last", "—", "began", "."]);
}

#[test]
fn ellipses() {
    let text = "We waited... The answer never came. They paused … and then went on.";
    assert_eq!(sentences(text), ["We waited...", "The answer never came.", "They paused … and then went on."]);
    assert_eq!(sentence_tokens(text)[0], ["We", "waited", "..."]);
    assert_eq!(sentence_tokens(text)[2], ["They", "paused", "…", "and", "then", "went", "on", "."]);
}

#[test]
fn parentheses() {
    let text = "The group (based in Oslo) objected. (The letter came late.) Work resumed.";
    assert_eq!(sentences(text), ["The group (based in Oslo) objected.", "(The letter came late.)", "Work resumed."]);
    assert_eq!(sentence_tokens(text)[0], ["The", "group", "(", "based", "in", "Oslo", ")", "objected", "."]);
    assert_eq!(sentence_tokens(text)[1], ["(", "The", "letter", "came", "late", ".", ")"]);
}

#[test]
fn urls_emails_hashtags_and_mentions_are_single_tokens() {
    let text =
        "Read https://example.org/talks?id=7 or write to press@example.org, then tag #PeaceTalks and @envoy_desk.";
    assert_eq!(sentences(text), [text]);
    assert_eq!(
        tokens(text),
        [
            "Read",
            "https://example.org/talks?id=7",
            "or",
            "write",
            "to",
            "press@example.org",
            ",",
            "then",
            "tag",
            "#PeaceTalks",
            "and",
            "@envoy_desk",
            "."
        ]
    );
}

#[test]
fn contractions_are_split_and_joined() {
    let text = "We didn't agree. They can't stay. He won't sign. We're ready. It's late. I'm sure they'd go.";
    assert_eq!(
        tokens(text),
        [
            "We", "did", "n't", "agree", ".", "They", "ca", "n't", "stay", ".", "He", "wo", "n't", "sign", ".", "We",
            "'re", "ready", ".", "It", "'s", "late", ".", "I", "'m", "sure", "they", "'d", "go", "."
        ]
    );
    assert_eq!(
        joined_pairs(text),
        [("did", "n't"), ("ca", "n't"), ("wo", "n't"), ("We", "'re"), ("It", "'s"), ("I", "'m"), ("they", "'d")]
    );
    assert_eq!(sentences(text).len(), 6);
    // Curly apostrophes and fused forms are split the same way.
    assert_eq!(tokens("They didn’t say we’re late."), ["They", "did", "n’t", "say", "we", "’re", "late", "."]);
    assert_eq!(joined_pairs("It cannot last."), [("can", "not")]);
}

#[test]
fn possessives_are_split_and_joined() {
    let text = "The minister's aide met the ministers' aides and Kyiv’s envoy.";
    assert_eq!(
        tokens(text),
        ["The", "minister", "'s", "aide", "met", "the", "ministers", "'", "aides", "and", "Kyiv", "’s", "envoy", "."]
    );
    assert_eq!(joined_pairs(text), [("minister", "'s"), ("ministers", "'"), ("Kyiv", "’s")]);
}

#[test]
fn hyphenated_compounds() {
    let text = "A long-range missile hit a well-known pro-Western group's e-mail server and a non-profit office.";
    assert_eq!(
        tokens(text),
        [
            "A",
            "long",
            "-",
            "range",
            "missile",
            "hit",
            "a",
            "well",
            "-",
            "known",
            "pro-Western",
            "group",
            "'s",
            "e-mail",
            "server",
            "and",
            "a",
            "non-profit",
            "office",
            "."
        ]
    );
}

#[test]
fn headline_without_final_punctuation_is_its_own_sentence() {
    let text = "Envoys agree to keep talking\nThe two sides met on Friday. They will meet again.";
    assert_eq!(
        sentences(text),
        ["Envoys agree to keep talking", "The two sides met on Friday.", "They will meet again."]
    );
    // Windows line ends too.
    let text = "Envoys agree to keep talking\r\nThe two sides met.";
    assert_eq!(sentences(text), ["Envoys agree to keep talking", "The two sides met."]);
}

#[test]
fn blank_lines_are_hard_boundaries() {
    let text = "First paragraph without a stop\n\nsecond paragraph in lower case\n \nThird one.";
    assert_eq!(sentences(text), ["First paragraph without a stop", "second paragraph in lower case", "Third one."]);
    let paragraphs: Vec<u32> = segment(text).sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(paragraphs, [0, 1, 2]);
    // A single line break inside a paragraph is not a boundary after the first line.
    let text = "The talks began on Monday and\ncontinued on Tuesday.";
    assert_eq!(sentences(text), [text]);
}

#[test]
fn dateline_is_kept_out_of_the_first_sentence() {
    let text = "GENEVA (AFP) — Talks resumed on Monday. Both sides were upbeat.";
    let seg = segment(text);
    let dateline = seg.dateline.as_ref().expect("a dateline");
    assert_eq!(dateline.span.slice(text), "GENEVA (AFP) —");
    assert_eq!(dateline.place.slice(text), "GENEVA");
    assert_eq!(dateline.agency.map(|a| a.slice(text)), Some("AFP"));
    assert_eq!(sentences(text), ["GENEVA (AFP) —", "Talks resumed on Monday.", "Both sides were upbeat."]);
    assert_eq!(sentence_tokens(text)[0], ["GENEVA", "(", "AFP", ")", "—"]);

    let text = "KYIV, March 3 (Detente Wire) - Sirens sounded across the city.";
    let seg = segment(text);
    assert_eq!(seg.dateline.as_ref().map(|d| d.span.slice(text)), Some("KYIV, March 3 (Detente Wire) -"));
    assert_eq!(sentences(text), ["KYIV, March 3 (Detente Wire) -", "Sirens sounded across the city."]);

    let text = "NEW YORK — The council met.";
    assert_eq!(segment(text).dateline.map(|d| d.agency), Some(None));
    assert_eq!(sentences(text), ["NEW YORK —", "The council met."]);
}

#[test]
fn dateline_after_a_headline() {
    for text in [
        "Envoys agree to keep talking\n\nGENEVA (AFP) — Talks resumed on Monday.",
        "Envoys agree to keep talking\nGENEVA (AFP) — Talks resumed on Monday.",
    ] {
        let seg = segment(text);
        assert_eq!(seg.dateline.map(|d| d.span.slice(text)), Some("GENEVA (AFP) —"), "{text:?}");
        assert_eq!(sentences(text), ["Envoys agree to keep talking", "GENEVA (AFP) —", "Talks resumed on Monday."]);
    }
    // Only at the start of the story: after a first line that reads as a sentence, only a dateline
    // with its agency, as a headline ending in a full stop may precede.
    let text = "The talks ended.\n\nGENEVA — Talks resumed on Monday.";
    assert!(segment(text).dateline.is_none());
    let text = "Envoys upset hosts by leaving early.\n\nGENEVA, July 29 (AFP) — Talks resumed on Monday.";
    assert_eq!(segment(text).dateline.map(|d| d.span.slice(text)), Some("GENEVA, July 29 (AFP) —"));
}

#[test]
fn no_dateline_in_ordinary_text() {
    for text in
        ["The envoy — who spoke late — left.", "US, EU agree on sanctions — officials", "NATO — the alliance at 75"]
    {
        let seg = segment(text);
        assert!(seg.dateline.is_none(), "{text:?}");
        assert_eq!(sentences(text), [text]);
    }
}

#[test]
fn etc_ending_a_sentence_gives_up_its_period() {
    let text = "They sent food, water, etc. The convoy left at dawn.";
    assert_eq!(sentences(text), ["They sent food, water, etc.", "The convoy left at dawn."]);
    assert_eq!(sentence_tokens(text)[0], ["They", "sent", "food", ",", "water", ",", "etc", "."]);
    // At the end of the text too.
    let text = "They sent food, water, etc.";
    assert_eq!(sentence_tokens(text), [["They", "sent", "food", ",", "water", ",", "etc", "."]]);
    // Inside a sentence it is one token.
    let text = "Food, water, etc. arrived by truck.";
    assert_eq!(sentences(text), [text]);
    assert_eq!(tokens(text), ["Food", ",", "water", ",", "etc.", "arrived", "by", "truck", "."]);
}

#[test]
fn space_after_and_offsets() {
    let text = "Talks  ended (at last).\n";
    let seg = segment(text);
    let got: Vec<(&str, usize, bool)> =
        seg.tokens.iter().map(|t| (t.span.slice(text), t.span.start as usize, t.space_after)).collect();
    assert_eq!(
        got,
        [
            ("Talks", 0, true),
            ("ended", 7, true),
            ("(", 13, false),
            ("at", 14, true),
            ("last", 17, false),
            (")", 21, false),
            (".", 22, true)
        ]
    );
    assert_eq!(seg.sentences.len(), 1);
    assert_eq!(seg.sentences[0].span.slice(text), "Talks  ended (at last).");
}

#[test]
fn line_wraps_inside_later_paragraphs_do_not_end_sentences() {
    let text = "Envoys meet in Geneva\n\nThe foreign minister met the\nRussian delegation on Friday.";
    let seg = Segmenter::new().segment(text);
    let sentences: Vec<&str> = seg.sentences.iter().map(|s| s.span.slice(text)).collect();
    assert_eq!(sentences, ["Envoys meet in Geneva", "The foreign minister met the\nRussian delegation on Friday."]);
}

#[test]
fn a_decimal_point_typed_with_a_space_ends_no_sentence() {
    let text = "Oslo pledged 4. 5 million euros to the fund. 2024 was a hard year.";
    assert_eq!(sentences(text), ["Oslo pledged 4. 5 million euros to the fund.", "2024 was a hard year."]);
}
