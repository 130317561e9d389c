//! Span-level scoring, CoNLL style: an entity counts as correct only when
//! its words and its type both match a gold entity exactly.

use crate::{documents, EntityType, Ner, NerInput, NerSentence};
use detente_eval::Prf;
use serde::Serialize;

/// Precision, recall and F1 of one entity type, in percent.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct TypeScores {
    pub label: EntityType,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

/// Overall and per-type scores, in percent.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NerScores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
    /// PER, ORG, LOC in that order.
    pub per_type: Vec<TypeScores>,
    pub sentences: usize,
    pub words: usize,
}

fn prf(gold: usize, predicted: usize, correct: usize) -> (f64, f64, f64) {
    let p = Prf::new(gold, predicted, correct);
    (p.precision, p.recall, p.f1)
}

/// Recognises every sentence of `gold` from its words (and tags), a
/// document at a time, and scores the entities found.
pub fn evaluate(ner: &Ner, gold: &[NerSentence]) -> NerScores {
    score(ner, gold, true)
}

/// [`evaluate`] on the model's own labels, without the acronym rule (see
/// [`Ner::label_document`]).
pub(crate) fn evaluate_model(ner: &Ner, gold: &[NerSentence]) -> NerScores {
    score(ner, gold, false)
}

fn score(ner: &Ner, gold: &[NerSentence], with_acronyms: bool) -> NerScores {
    let mut counts = [[0usize; 3]; 3]; // per type: gold, predicted, correct
    let mut words = 0;
    for doc in documents(gold) {
        let inputs: Vec<Vec<NerInput>> = doc.iter().map(NerSentence::inputs).collect();
        let refs: Vec<&[NerInput]> = inputs.iter().map(Vec::as_slice).collect();
        for (s, predicted) in doc.iter().zip(ner.label_document(&refs, with_acronyms)) {
            words += s.words.len();
            for e in &s.entities {
                counts[e.label.index()][0] += 1;
            }
            for e in &predicted {
                counts[e.label.index()][1] += 1;
                counts[e.label.index()][2] += usize::from(s.entities.contains(e));
            }
        }
    }
    let per_type: Vec<TypeScores> = EntityType::ALL
        .iter()
        .map(|&label| {
            let [g, p, c] = counts[label.index()];
            let (precision, recall, f1) = prf(g, p, c);
            TypeScores {
                label,
                precision,
                recall,
                f1,
                gold: g,
                predicted: p,
                correct: c,
            }
        })
        .collect();
    let total = |k: usize| counts.iter().map(|c| c[k]).sum::<usize>();
    let (gold_n, predicted, correct) = (total(0), total(1), total(2));
    let (precision, recall, f1) = prf(gold_n, predicted, correct);
    NerScores {
        precision,
        recall,
        f1,
        gold: gold_n,
        predicted,
        correct,
        per_type,
        sentences: gold.len(),
        words,
    }
}
