//! The committed model: it loads quickly, says how it was made, and its
//! development scores with gold tags have not slipped.
//!
//! `models/parser-en-v1.bin` is `train` with `TrainConfig::default()` on
//! EWT train + GUM train twice over: once as is, once with UPOS, XPOS and
//! lemmas predicted by detente-tagger models each trained (default settings,
//! early stopping on the dev files) on four of five contiguous folds of that
//! data and tagging the fifth; `dev` is EWT dev + GUM dev with gold tags.
//! That recipe is what `detente train syntax --only parser` does by default
//! (`--jackknife 5`, `detente_tagger::jackknife`).

mod common;

use common::{assert_tree, treebank};
use detente_parser::{attachment_scores, ParseInput, Parser};

/// EWT dev scores of `models/parser-en-v1.bin` with gold tags, punctuation
/// included, full relations compared. Fails when a retrained model loses
/// more than a point.
const EWT_DEV_UAS: f64 = 88.65;
const EWT_DEV_LAS: f64 = 86.91;

fn committed() -> Parser {
    let path = detente_core::data::repo_root().join("models/parser-en-v1.bin");
    // Load time is measured by `detente bench`, not here: it depends on the machine.
    Parser::load(&path).unwrap_or_else(|e| panic!("{e}"))
}

/// A tagged word, as the tagger would hand it to the parser.
fn w<'a>(form: &'a str, lemma: &'a str, upos: &'a str, xpos: &'a str) -> ParseInput<'a> {
    ParseInput { form, lemma, upos, xpos }
}

#[test]
fn committed_model_scores_on_ewt_dev() {
    let parser = committed();
    let info = parser.info();
    assert!(info.description.contains("EWT"), "{info:?}");
    assert!(info.best_epoch >= 1 && info.best_epoch <= info.epochs_run);

    let dev = treebank("ud-english-ewt/en_ewt-ud-dev.conllu");
    let (uas, las) = attachment_scores(&parser, &dev);
    println!("EWT dev, gold tags: UAS {uas:.2} LAS {las:.2}");
    assert!(
        uas >= EWT_DEV_UAS - 1.0,
        "EWT dev UAS {uas:.2} < {EWT_DEV_UAS} - 1"
    );
    assert!(
        las >= EWT_DEV_LAS - 1.0,
        "EWT dev LAS {las:.2} < {EWT_DEV_LAS} - 1"
    );

    for sentence in dev.iter().step_by(10) {
        let inputs: Vec<ParseInput> = sentence.words.iter().map(ParseInput::from_word).collect();
        assert_tree(&parser.parse(&inputs), inputs.len());
    }
}

/// A tensed verb heads a clause: the parser never makes it a noun's modifier,
/// whatever the weights prefer.
#[test]
fn tensed_verbs_never_modify_nouns() {
    let parser = committed();
    let dev = treebank("ud-english-ewt/en_ewt-ud-dev.conllu");
    let mut finite = 0;
    for sentence in &dev {
        let inputs: Vec<ParseInput> = sentence.words.iter().map(ParseInput::from_word).collect();
        for (word, (_, rel)) in inputs.iter().zip(parser.parse(&inputs)) {
            if matches!(word.xpos, "VBD" | "VBZ" | "VBP") {
                finite += 1;
                assert!(
                    !matches!(rel, "amod" | "compound" | "det" | "nummod" | "case" | "nmod:poss"),
                    "{} as {rel} in {:?}",
                    word.form,
                    sentence.text
                );
            }
        }
    }
    assert!(finite > 1000, "only {finite} tensed verbs in EWT dev");
}

/// "provided over $3 million to Fiji": a sum of money after an approximating word is the verb's
/// object, not an oblique ("around 5:00" stays one).
#[test]
fn an_approximate_sum_is_the_object() {
    let parser = committed();
    let words = [
        w("Ireland", "Ireland", "PROPN", "NNP"),
        w("provided", "provide", "VERB", "VBD"),
        w("over", "over", "ADP", "IN"),
        w("$", "$", "SYM", "$"),
        w("3", "3", "NUM", "CD"),
        w("million", "million", "NUM", "CD"),
        w("to", "to", "ADP", "IN"),
        w("Fiji", "Fiji", "PROPN", "NNP"),
        w(".", ".", "PUNCT", "."),
    ];
    let arcs = parser.parse(&words);
    assert_tree(&arcs, words.len());
    assert_eq!(arcs[3], (2, "obj"), "{arcs:?}");
    assert_eq!(arcs[2], (4, "advmod"), "{arcs:?}");
}

/// "will meet Lebanese Prime Minister X": a proper adjective opening the object is not the
/// verb's complement.
#[test]
fn a_proper_adjective_opening_the_object_modifies_it() {
    let parser = committed();
    // The tags the tagger gives "US President Donald Trump will meet Lebanese Prime Minister
    // Saad Hariri in Washington next week for talks, the White House announced Friday."
    let words = [
        w("US", "US", "PROPN", "NNP"),
        w("President", "President", "PROPN", "NNP"),
        w("Donald", "Donald", "PROPN", "NNP"),
        w("Trump", "Trump", "PROPN", "NNP"),
        w("will", "will", "AUX", "MD"),
        w("meet", "meet", "VERB", "VB"),
        w("Lebanese", "Lebanese", "ADJ", "JJ"),
        w("Prime", "Prime", "ADJ", "NNP"),
        w("Minister", "Minister", "PROPN", "NNP"),
        w("Saad", "Saad", "PROPN", "NNP"),
        w("Hariri", "Hariri", "PROPN", "NNP"),
        w("in", "in", "ADP", "IN"),
        w("Washington", "Washington", "PROPN", "NNP"),
        w("next", "next", "ADJ", "JJ"),
        w("week", "week", "NOUN", "NN"),
        w("for", "for", "ADP", "IN"),
        w("talks", "talk", "NOUN", "NNS"),
        w(",", ",", "PUNCT", ","),
        w("the", "the", "DET", "DT"),
        w("White", "White", "ADJ", "NNP"),
        w("House", "House", "PROPN", "NNP"),
        w("announced", "announce", "VERB", "VBD"),
        w("Friday", "Friday", "PROPN", "NNP"),
        w(".", ".", "PUNCT", "."),
    ];
    let arcs = parser.parse(&words);
    assert_tree(&arcs, words.len());
    let object = arcs.iter().position(|&(h, r)| h == 6 && r == "obj").expect("meet has an object");
    assert!((7..11).contains(&object), "{arcs:?}");
    assert_eq!(arcs[6].1, "amod", "{arcs:?}");
}

/// "Libyan Defense Minister X has threatened …" read with the adjective as the root: the clause
/// is the root and the adjective modifies its subject.
#[test]
fn a_proper_adjective_opening_the_subject_modifies_it() {
    let parser = committed();
    // The tags the tagger gives this sentence.
    let words = [
        w("Libyan", "Libyan", "ADJ", "JJ"),
        w("Defense", "Defense", "PROPN", "NNP"),
        w("Minister", "Minister", "PROPN", "NNP"),
        w("Salahaddin", "Salahaddin", "PROPN", "NNP"),
        w("Namroush", "Namroush", "PROPN", "NNP"),
        w("has", "have", "AUX", "VBZ"),
        w("threatened", "threaten", "VERB", "VBN"),
        w("to", "to", "PART", "TO"),
        w("withdraw", "withdraw", "VERB", "VB"),
        w("from", "from", "ADP", "IN"),
        w("a", "a", "DET", "DT"),
        w("ceasefire", "ceasefire", "NOUN", "NN"),
        w("agreement", "agreement", "NOUN", "NN"),
        w(".", ".", "PUNCT", "."),
    ];
    let arcs = parser.parse(&words);
    assert_tree(&arcs, words.len());
    assert_eq!(arcs[6], (0, "root"), "{arcs:?}");
    assert_eq!(arcs[0], (2, "amod"), "{arcs:?}");
    assert_eq!(arcs[13].0, 7, "{arcs:?}");
}

/// "has met Mauritania's President Mohamed X" parsed with the name a conjunct of the possessor:
/// the name is the object, and the possessor its.
#[test]
fn a_name_after_a_possessor_is_not_its_conjunct() {
    let parser = committed();
    // The tags the tagger gives this sentence.
    let words = [
        w("Saudi", "Saudi", "ADJ", "NNP"),
        w("Arabia", "Arabia", "PROPN", "NNP"),
        w("'s", "'s", "PART", "POS"),
        w("Crown", "Crown", "PROPN", "NNP"),
        w("Prince", "Prince", "PROPN", "NNP"),
        w("Mohammed", "Mohammed", "PROPN", "NNP"),
        w("bin", "bin", "PROPN", "NNP"),
        w("Salman", "Salman", "PROPN", "NNP"),
        w("has", "have", "AUX", "VBZ"),
        w("met", "meet", "VERB", "VBN"),
        w("Mauritania", "Mauritania", "PROPN", "NNP"),
        w("'s", "'s", "PART", "POS"),
        w("President", "President", "PROPN", "NNP"),
        w("Mohamed", "Mohamed", "PROPN", "NNP"),
        w("Ould", "Ould", "PROPN", "NNP"),
        w("Abdel", "Abdel", "PROPN", "NNP"),
        w("Aziz", "Aziz", "PROPN", "NNP"),
        w("at", "at", "ADP", "IN"),
        w("the", "the", "DET", "DT"),
        w("presidential", "presidential", "ADJ", "JJ"),
        w("palace", "palace", "NOUN", "NN"),
        w("in", "in", "ADP", "IN"),
        w("Nouakchott", "Nouakchott", "PROPN", "NNP"),
        w(".", ".", "PUNCT", "."),
    ];
    let arcs = parser.parse(&words);
    assert_tree(&arcs, words.len());
    assert_eq!(arcs[13], (10, "obj"), "{arcs:?}");
    assert_eq!(arcs[10], (14, "nmod:poss"), "{arcs:?}");
}

/// "provided an additional $2 million" parsed with the article as the object: the sum is the
/// object and the article its determiner.
#[test]
fn an_article_heads_nothing() {
    let parser = committed();
    // The tags the tagger gives this sentence.
    let words = [
        w("The", "the", "DET", "DT"),
        w("New", "New", "PROPN", "NNP"),
        w("Zealand", "Zealand", "PROPN", "NNP"),
        w("government", "government", "NOUN", "NN"),
        w("provided", "provide", "VERB", "VBD"),
        w("an", "a", "DET", "DT"),
        w("additional", "additional", "ADJ", "JJ"),
        w("$", "$", "SYM", "$"),
        w("2", "2", "NUM", "CD"),
        w("million", "million", "NUM", "CD"),
        w("in", "in", "ADP", "IN"),
        w("assistance", "assistance", "NOUN", "NN"),
        w("to", "to", "ADP", "IN"),
        w("Fiji", "Fiji", "PROPN", "NNP"),
        w(".", ".", "PUNCT", "."),
    ];
    let arcs = parser.parse(&words);
    assert_tree(&arcs, words.len());
    assert_eq!(arcs[7], (5, "obj"), "{arcs:?}");
    assert_eq!(arcs[5], (8, "det"), "{arcs:?}");
}
