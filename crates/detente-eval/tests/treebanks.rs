//! The gold text of the real treebanks rebuilds, and scoring the gold
//! segmentation against itself is perfect.

use detente_conllu::Reader;
use detente_core::{data::data_file, Document, Meta, Sentence, Token};
use detente_eval::segmentation::{rebuild_text, score_segmentation, GoldText};
use std::fs::File;
use std::io::BufReader;

fn gold(relative: &str) -> GoldText {
    let path = data_file(relative).unwrap_or_else(|e| panic!("{e}"));
    let file = File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let sentences = Reader::new(BufReader::new(file))
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let forms: usize = sentences.iter().map(|s| s.surface_forms().count()).sum();
    let gold = rebuild_text(&sentences).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(gold.sentences.len(), sentences.len());
    assert_eq!(gold.tokens.len(), forms);
    gold
}

/// A document segmented exactly as `gold`, one token per surface token.
fn perfect(gold: &GoldText) -> Document {
    let mut doc = Document::new("gold", gold.text.clone(), Meta::english());
    doc.tokens =
        gold.tokens.iter().map(|&span| Token { span, space_after: true, joined: false }).collect();
    let mut first = 0;
    for &span in &gold.sentences {
        let end = first + doc.tokens[first..].iter().take_while(|t| span.contains(t.span)).count();
        doc.sentences.push(Sentence { span, tokens: first as u32..end as u32, paragraph: 0 });
        first = end;
    }
    doc
}

fn check(relative: &str, sentences: usize) {
    let gold = gold(relative);
    assert_eq!(gold.sentences.len(), sentences);
    let scores = score_segmentation(&gold, &perfect(&gold));
    assert_eq!(scores.sentences.f1, 100.0);
    assert_eq!(scores.tokens.f1, 100.0);
    assert_eq!(scores.tokens.correct, gold.tokens.len());
}

#[test]
fn ewt_dev_rebuilds() {
    check("ud-english-ewt/en_ewt-ud-dev.conllu", 2001);
}

#[test]
fn gum_dev_rebuilds() {
    check("ud-english-gum/en_gum-ud-dev.conllu", 1383);
}
