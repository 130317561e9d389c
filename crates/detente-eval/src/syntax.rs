//! Tagging, lemmatisation and dependency scores, as the CoNLL 2018 shared task
//! evaluation computes them.
//!
//! System words are aligned with gold words by their character spans in the
//! rebuilt text, so the same scorer serves gold tokenisation (every word
//! aligns, and the scores are accuracies) and raw text (a word the segmenter
//! got wrong counts against precision or recall). A head is right when the
//! system head word aligns with the gold head word (or both are the root).

use crate::segmentation::{GoldText, Prf};
use detente_conllu::ConlluSentence;
use detente_core::{Document, Span};
use serde::Serialize;
use std::collections::HashMap;

/// Precision, recall and F1 of each column; with gold tokenisation all three
/// equal the accuracy.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SyntaxScores {
    /// Word segmentation: a system word whose span matches a gold word's.
    pub words: Prf,
    pub upos: Prf,
    pub xpos: Prf,
    /// All features exactly right.
    pub ufeats: Prf,
    pub lemma: Prf,
    pub uas: Prf,
    /// Head and full relation (with subtype) right.
    pub las: Prf,
}

/// Scores `doc` (segmented from `gold.text`, with `doc.syntax` filled)
/// against the treebank sentences `gold` was rebuilt from.
///
/// # Panics
/// If `doc` was not built from `gold.text`, if `doc.syntax` is not parallel to
/// `doc.tokens`, or if `sentences` is not what `gold` was rebuilt from.
pub fn score_syntax(gold: &GoldText, sentences: &[ConlluSentence], doc: &Document) -> SyntaxScores {
    assert!(doc.text == gold.text, "document {} was not built from the gold text", doc.id);
    assert_eq!(doc.syntax.len(), doc.tokens.len(), "the syntax stage has not run on {}", doc.id);
    // Gold words flattened in order, with global head indices.
    let mut gold_words = Vec::with_capacity(gold.words.len());
    for s in sentences {
        let base = gold_words.len();
        for w in &s.words {
            gold_words.push((w, w.head.filter(|&h| h > 0).map(|h| base + h as usize - 1)));
        }
    }
    assert_eq!(gold_words.len(), gold.words.len(), "gold words and spans differ in number");
    let gold_at: HashMap<Span, usize> = gold.words.iter().enumerate().map(|(i, &s)| (s, i)).collect();

    // System word index → aligned gold word index.
    let aligned: Vec<Option<usize>> = doc.tokens.iter().map(|t| gold_at.get(&t.span).copied()).collect();
    let mut counts = [0usize; 7];
    for sentence in &doc.sentences {
        let base = sentence.tokens.start as usize;
        for i in sentence.token_range() {
            let Some(g) = aligned[i] else { continue };
            let (word, gold_head) = gold_words[g];
            let sys = &doc.syntax[i];
            let sys_head = (sys.head > 0).then(|| base + sys.head as usize - 1);
            let head_ok = match (sys_head, gold_head) {
                (None, None) => true,
                (Some(h), Some(gh)) => aligned.get(h).copied().flatten() == Some(gh),
                _ => false,
            };
            let checks = [
                true,
                sys.upos == word.upos,
                sys.xpos == word.xpos,
                normalise_feats(&sys.feats) == normalise_feats(&word.feats),
                sys.lemma == word.lemma || word.lemma == "_",
                head_ok,
                head_ok && sys.deprel == word.deprel,
            ];
            for (count, ok) in counts.iter_mut().zip(checks) {
                *count += ok as usize;
            }
        }
    }
    let prf = |correct: usize| Prf::new(gold_words.len(), doc.tokens.len(), correct);
    SyntaxScores {
        words: prf(counts[0]),
        upos: prf(counts[1]),
        xpos: prf(counts[2]),
        ufeats: prf(counts[3]),
        lemma: prf(counts[4]),
        uas: prf(counts[5]),
        las: prf(counts[6]),
    }
}

fn normalise_feats(feats: &str) -> &str {
    if feats.is_empty() { "_" } else { feats }
}

/// The gold tokenisation of a rebuilt treebank as a [`Document`]: the
/// treebank's sentences, paragraphs and words (multiword tokens as `joined`
/// words), for evaluating tagging and parsing apart from segmentation.
pub fn gold_document(id: &str, gold: &GoldText, sentences: &[ConlluSentence]) -> Document {
    let mut doc = Document::new(id, gold.text.clone(), detente_core::Meta::english());
    let mut next_word = 0;
    let mut paragraph = 0;
    for (n, (s, span)) in sentences.iter().zip(&gold.sentences).enumerate() {
        if n > 0 && (s.newpar || s.newdoc.is_some()) {
            paragraph += 1;
        }
        let start = doc.tokens.len() as u32;
        let mut in_multiword = s.multiwords.iter().flat_map(|m| m.first..m.last).collect::<std::collections::HashSet<u32>>();
        for w in &s.words {
            let word_span = gold.words[next_word];
            next_word += 1;
            let space_after = gold.text[word_span.end as usize..].chars().next().is_none_or(char::is_whitespace);
            doc.tokens.push(detente_core::Token { span: word_span, space_after, joined: in_multiword.remove(&w.id) });
        }
        doc.sentences.push(detente_core::Sentence { span: *span, tokens: start..doc.tokens.len() as u32, paragraph });
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segmentation::rebuild_text;
    use detente_conllu::Reader;
    use detente_core::WordSyntax;

    const GOLD: &str = "\
# newdoc id = t
# text = Envoys can't agree.
1\tEnvoys\tenvoy\tNOUN\tNNS\tNumber=Plur\t4\tnsubj\t_\t_
2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_
2\tca\tcan\tAUX\tMD\tVerbForm=Fin\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tagree\tagree\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

";

    fn gold() -> (Vec<ConlluSentence>, GoldText) {
        let sentences: Vec<_> = Reader::new(GOLD.as_bytes()).collect::<Result<_, _>>().unwrap();
        let gold = rebuild_text(&sentences).unwrap();
        (sentences, gold)
    }

    fn copy_gold(sentences: &[ConlluSentence]) -> Vec<WordSyntax> {
        sentences[0]
            .words
            .iter()
            .map(|w| WordSyntax {
                lemma: w.lemma.clone(),
                upos: w.upos.as_str().into(),
                xpos: w.xpos.as_str().into(),
                feats: w.feats.as_str().into(),
                head: w.head.unwrap(),
                deprel: w.deprel.as_str().into(),
            })
            .collect()
    }

    #[test]
    fn gold_document_has_words_and_multiword_marks() {
        let (sentences, gold) = gold();
        let doc = gold_document("t", &gold, &sentences);
        let forms: Vec<&str> = doc.tokens.iter().map(|t| doc.slice(t.span)).collect();
        assert_eq!(forms, ["Envoys", "ca", "n't", "agree", "."]);
        let joined: Vec<bool> = doc.tokens.iter().map(|t| t.joined).collect();
        assert_eq!(joined, [false, true, false, false, false]);
        assert_eq!(doc.sentences.len(), 1);
    }

    #[test]
    fn perfect_copy_scores_100_and_errors_count_once() {
        let (sentences, gold) = gold();
        let mut doc = gold_document("t", &gold, &sentences);
        doc.syntax = copy_gold(&sentences);
        let s = score_syntax(&gold, &sentences, &doc);
        for prf in [s.words, s.upos, s.xpos, s.ufeats, s.lemma, s.uas, s.las] {
            assert_eq!(prf.f1, 100.0);
        }
        doc.syntax[0].deprel = "obj".into(); // right head, wrong label
        doc.syntax[2].head = 1; // wrong head
        doc.syntax[1].upos = "VERB".into();
        let s = score_syntax(&gold, &sentences, &doc);
        assert_eq!((s.uas.correct, s.las.correct, s.upos.correct), (4, 3, 4));
        assert_eq!(s.las.f1, 60.0);
    }

    #[test]
    fn misaligned_words_count_against_precision_and_recall() {
        let (sentences, gold) = gold();
        let mut doc = gold_document("t", &gold, &sentences);
        doc.syntax = copy_gold(&sentences);
        // The system did not split "can't": one word where gold has two.
        doc.tokens[1].span.end = doc.tokens[2].span.end;
        doc.tokens.remove(2);
        doc.syntax.remove(2);
        doc.sentences[0].tokens.end -= 1;
        doc.syntax[2].head = 0; // "agree" is now word 3 and still the root
        doc.syntax[3].head = 3;
        doc.syntax[0].head = 3;
        doc.syntax[1].head = 3;
        let s = score_syntax(&gold, &sentences, &doc);
        assert_eq!((s.words.gold, s.words.predicted, s.words.correct), (5, 4, 3));
        assert_eq!(s.las.correct, 3);
    }
}
