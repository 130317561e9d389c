//! Sentence and token segmentation scores, as the CoNLL 2018 shared task
//! evaluation script computes them.
//!
//! A treebank only stores each sentence's text, so the raw text a segmenter
//! must split is rebuilt first ([`rebuild_text`]); the segmenter runs on that
//! text and its spans are compared with the gold spans ([`score_segmentation`]).

use detente_conllu::ConlluSentence;
use detente_core::{Document, Span};
use serde::Serialize;

/// Raw text rebuilt from a treebank, with the gold segmentation as spans into it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoldText {
    pub text: String,
    pub sentences: Vec<Span>,
    /// Surface tokens: a multiword range ("didn't") is one token, because
    /// that is what a tokenizer finds in raw text.
    pub tokens: Vec<Span>,
    /// Syntactic words, in treebank order: the words of a multiword range
    /// subdivide its span ("ca" + "n't"; their forms concatenate to it in the
    /// English treebanks).
    pub words: Vec<Span>,
}

/// Why a treebank's text could not be rebuilt.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GoldError {
    #[error("gold sentence {sentence} has no `# text` comment")]
    MissingText { sentence: String },
    #[error("gold sentence {sentence}: form {form:?} does not match its text at byte {offset}")]
    FormNotInText { sentence: String, form: String, offset: usize },
    #[error("gold sentence {sentence}: text {rest:?} follows the last form")]
    TextAfterForms { sentence: String, rest: String },
    #[error("gold sentence {sentence}: the words of multiword token {form:?} do not spell it")]
    MultiwordMismatch { sentence: String, form: String },
}

/// Rebuilds the raw text of `sentences` from their `# text` comments.
///
/// Sentences of one paragraph are joined by a space; a new paragraph or
/// document starts after a blank line (`"\n\n"`), so a segmenter sees the
/// paragraph breaks a real article has. Token spans are found by matching
/// each surface form in the sentence text, left to right, skipping whitespace.
pub fn rebuild_text(sentences: &[ConlluSentence]) -> Result<GoldText, GoldError> {
    let mut gold = GoldText {
        text: String::new(),
        sentences: Vec::with_capacity(sentences.len()),
        tokens: Vec::new(),
        words: Vec::new(),
    };
    for (n, s) in sentences.iter().enumerate() {
        let name = || s.sent_id.clone().unwrap_or_else(|| format!("number {} (no sent_id)", n + 1));
        let text = s.text.as_deref().ok_or_else(|| GoldError::MissingText { sentence: name() })?;
        if n > 0 {
            gold.text.push_str(if s.newdoc.is_some() || s.newpar { "\n\n" } else { " " });
        }
        let start = gold.text.len();
        gold.text.push_str(text);
        gold.sentences.push(Span::new(start, gold.text.len()));

        let mut pos = 0;
        for form in s.surface_forms() {
            pos = text.len() - text[pos..].trim_start().len();
            if !text[pos..].starts_with(form) {
                return Err(GoldError::FormNotInText {
                    sentence: name(),
                    form: form.to_string(),
                    offset: pos,
                });
            }
            gold.tokens.push(Span::new(start + pos, start + pos + form.len()));
            pos += form.len();
        }
        let mut surface = gold.tokens[gold.tokens.len() - s.surface_forms().count()..].iter();
        let mut multiwords = s.multiwords.iter().peekable();
        let mut words = s.words.iter();
        while let Some(word) = words.next() {
            let token = surface.next().expect("one surface token per word or range");
            match multiwords.next_if(|m| m.first == word.id) {
                Some(m) => {
                    let parts: Vec<&str> = std::iter::once(word)
                        .chain(words.by_ref().take((m.last - m.first) as usize))
                        .map(|w| w.form.as_str())
                        .collect();
                    if parts.concat() != m.form {
                        return Err(GoldError::MultiwordMismatch { sentence: name(), form: m.form.clone() });
                    }
                    let mut pos = token.start as usize;
                    for part in parts {
                        gold.words.push(Span::new(pos, pos + part.len()));
                        pos += part.len();
                    }
                }
                None => gold.words.push(*token),
            }
        }
        let rest = text[pos..].trim();
        if !rest.is_empty() {
            return Err(GoldError::TextAfterForms { sentence: name(), rest: rest.to_string() });
        }
    }
    Ok(gold)
}

/// Precision, recall and F1 in percent, with the counts behind them.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Prf {
    /// Scores from counts; a ratio with a zero denominator is 0, as in the
    /// CoNLL 2018 script.
    pub fn new(gold: usize, predicted: usize, correct: usize) -> Prf {
        let percent =
            |num: usize, den: usize| if den == 0 { 0.0 } else { 100.0 * num as f64 / den as f64 };
        Prf {
            precision: percent(correct, predicted),
            recall: percent(correct, gold),
            f1: percent(2 * correct, gold + predicted),
            gold,
            predicted,
            correct,
        }
    }
}

/// Exact-match scores of `predicted` spans against `gold` spans of `text`.
///
/// The CoNLL 2018 script aligns both sides on the text with whitespace
/// removed, so spans are compared after trimming whitespace at their edges
/// (a sentence span that keeps its trailing space still matches), and spans
/// holding only whitespace are dropped. Each gold span matches at most once.
pub fn span_prf(text: &str, gold: &[Span], predicted: &[Span]) -> Prf {
    let gold = trimmed_sorted(text, gold);
    let predicted = trimmed_sorted(text, predicted);
    let (mut g, mut p, mut correct) = (0, 0, 0);
    while g < gold.len() && p < predicted.len() {
        match gold[g].cmp(&predicted[p]) {
            std::cmp::Ordering::Less => g += 1,
            std::cmp::Ordering::Greater => p += 1,
            std::cmp::Ordering::Equal => {
                correct += 1;
                g += 1;
                p += 1;
            }
        }
    }
    Prf::new(gold.len(), predicted.len(), correct)
}

fn trimmed_sorted(text: &str, spans: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = spans
        .iter()
        .filter_map(|&span| {
            let slice = span.slice(text);
            let inner = slice.trim();
            let start = span.start as usize + (slice.len() - slice.trim_start().len());
            (!inner.is_empty()).then(|| Span::new(start, start + inner.len()))
        })
        .collect();
    out.sort_unstable();
    out
}

/// The document's surface tokens: each run of `joined` tokens ("did" + "n't")
/// merged into one span, comparable with [`GoldText::tokens`].
pub fn predicted_surface_tokens(doc: &Document) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(doc.tokens.len());
    let mut extend = false;
    for token in &doc.tokens {
        match out.last_mut() {
            Some(last) if extend => last.end = token.span.end,
            _ => out.push(token.span),
        }
        extend = token.joined;
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SegmentationScores {
    pub sentences: Prf,
    pub tokens: Prf,
}

/// Scores `doc`'s sentences and surface tokens against `gold`.
///
/// # Panics
/// If `doc` was not built from `gold.text`: spans into different texts
/// cannot be compared.
pub fn score_segmentation(gold: &GoldText, doc: &Document) -> SegmentationScores {
    assert!(doc.text == gold.text, "document {} was not segmented from the gold text", doc.id);
    let sentences: Vec<Span> = doc.sentences.iter().map(|s| s.span).collect();
    SegmentationScores {
        sentences: span_prf(&gold.text, &gold.sentences, &sentences),
        tokens: span_prf(&gold.text, &gold.tokens, &predicted_surface_tokens(doc)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use detente_conllu::Reader;
    use detente_core::{Meta, Sentence, Token};

    /// Two documents; the first has two paragraphs and a multiword token.
    const GOLD: &str = "\
# newdoc id = a
# newpar
# sent_id = a-1
# text = Envoys can't agree.
1\tEnvoys\t_\t_\t_\t_\t_\t_\t_\t_
2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_
2\tca\t_\t_\t_\t_\t_\t_\t_\t_
3\tn't\t_\t_\t_\t_\t_\t_\t_\t_
4\tagree\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
5\t.\t_\t_\t_\t_\t_\t_\t_\t_

# sent_id = a-2
# text = Talks end.
1\tTalks\t_\t_\t_\t_\t_\t_\t_\t_
2\tend\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
3\t.\t_\t_\t_\t_\t_\t_\t_\t_

# newpar
# sent_id = a-3
# text = \"Enough,\" she said.
1\t\"\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
2\tEnough\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
3\t,\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
4\t\"\t_\t_\t_\t_\t_\t_\t_\t_
5\tshe\t_\t_\t_\t_\t_\t_\t_\t_
6\tsaid\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
7\t.\t_\t_\t_\t_\t_\t_\t_\t_

# newdoc id = b
# sent_id = b-1
# text = Rain fell.
1\tRain\t_\t_\t_\t_\t_\t_\t_\t_
2\tfell\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
3\t.\t_\t_\t_\t_\t_\t_\t_\t_
";

    fn read(conllu: &str) -> Vec<ConlluSentence> {
        Reader::new(conllu.as_bytes()).collect::<Result<_, _>>().unwrap()
    }

    fn spans(pairs: &[(usize, usize)]) -> Vec<Span> {
        pairs.iter().map(|&(s, e)| Span::new(s, e)).collect()
    }

    fn assert_prf(
        prf: Prf,
        (gold, predicted, correct): (usize, usize, usize),
        (p, r, f): (f64, f64, f64),
    ) {
        assert_eq!((prf.gold, prf.predicted, prf.correct), (gold, predicted, correct));
        for (got, want) in [(prf.precision, p), (prf.recall, r), (prf.f1, f)] {
            assert!((got - want).abs() < 1e-9, "{prf:?}: {got} != {want}");
        }
    }

    #[test]
    fn rebuilds_text_with_paragraph_breaks() {
        let gold = rebuild_text(&read(GOLD)).unwrap();
        assert_eq!(
            gold.text,
            "Envoys can't agree. Talks end.\n\n\"Enough,\" she said.\n\nRain fell."
        );
        assert_eq!(gold.sentences, spans(&[(0, 19), (20, 30), (32, 51), (53, 63)]));
        let forms: Vec<&str> = gold.tokens.iter().map(|t| t.slice(&gold.text)).collect();
        assert_eq!(
            forms,
            [
                "Envoys", "can't", "agree", ".", "Talks", "end", ".", "\"", "Enough", ",", "\"",
                "she", "said", ".", "Rain", "fell", "."
            ]
        );
        assert_eq!(gold.tokens[1], Span::new(7, 12));
        assert_eq!(gold.tokens[7], Span::new(32, 33));
    }

    #[test]
    fn rebuild_errors_name_the_sentence() {
        let wrong_form = GOLD.replace("4\tagree\t", "4\tagreed\t");
        assert_eq!(
            rebuild_text(&read(&wrong_form)).unwrap_err().to_string(),
            "gold sentence a-1: form \"agreed\" does not match its text at byte 13"
        );
        let extra_text = GOLD.replace("# text = Talks end.", "# text = Talks end. Now");
        assert_eq!(
            rebuild_text(&read(&extra_text)).unwrap_err().to_string(),
            "gold sentence a-2: text \"Now\" follows the last form"
        );
        let no_text = GOLD.replace("# text = Rain fell.\n", "");
        assert_eq!(
            rebuild_text(&read(&no_text)).unwrap_err(),
            GoldError::MissingText { sentence: "b-1".to_string() }
        );
    }

    #[test]
    fn span_prf_matches_exactly_after_trimming_whitespace() {
        let text = "ab cd  ef";
        let gold = spans(&[(0, 2), (3, 5), (7, 9)]);
        // (2, 5) is " cd": trimmed, it matches; (5, 7) is whitespace only and
        // dropped; (0, 2) twice matches once; (6, 9) is " ef" and matches.
        let predicted = spans(&[(2, 5), (0, 2), (5, 7), (0, 2), (6, 9)]);
        assert_prf(span_prf(text, &gold, &predicted), (3, 4, 3), (75.0, 100.0, 600.0 / 7.0));
        assert_prf(span_prf(text, &gold, &[]), (3, 0, 0), (0.0, 0.0, 0.0));
        assert_prf(span_prf(text, &[], &[]), (0, 0, 0), (0.0, 0.0, 0.0));
    }

    /// A predicted token: `(start, end, joined)`.
    type RawToken = (usize, usize, bool);

    /// A document on `text` with the given `(paragraph, tokens)` sentences.
    fn document(text: &str, sentences: &[(u32, &[RawToken])]) -> Document {
        let mut doc = Document::new("predicted", text, Meta::english());
        for &(paragraph, tokens) in sentences {
            let first = doc.tokens.len() as u32;
            for &(start, end, joined) in tokens {
                let space_after = text[end..].starts_with(char::is_whitespace);
                doc.tokens.push(Token { span: Span::new(start, end), space_after, joined });
            }
            let last_end = tokens[tokens.len() - 1].1;
            let end = text[last_end..]
                .find(|c: char| !c.is_whitespace())
                .map_or(text.len(), |n| last_end + n);
            doc.sentences.push(Sentence {
                span: Span::new(tokens[0].0, end),
                tokens: first..doc.tokens.len() as u32,
                paragraph,
            });
        }
        doc
    }

    #[test]
    fn scores_a_segmentation() {
        let gold = rebuild_text(&read(GOLD)).unwrap();
        // Sentences (each span runs up to the next non-space, so it keeps its
        // trailing whitespace): "Envoys can't agree. " is right after
        // trimming, "Talks end.\n\n\"Enough,\" she said." wrongly merges two
        // gold sentences, "Rain fell." is right.
        // Tokens: "ca"+"n't" joined make "can't"; "agree." is one wrong token
        // where gold has two; " fell" matches after trimming.
        let doc = document(
            &gold.text,
            &[
                (0, &[(0, 6, false), (7, 9, true), (9, 12, false), (13, 19, false)]),
                (
                    0,
                    &[
                        (20, 25, false),
                        (26, 29, false),
                        (29, 30, false),
                        (32, 33, false),
                        (33, 39, false),
                        (39, 40, false),
                        (40, 41, false),
                        (42, 45, false),
                        (46, 50, false),
                        (50, 51, false),
                    ],
                ),
                (1, &[(53, 57, false), (57, 62, false), (62, 63, false)]),
            ],
        );
        assert_eq!(doc.sentences[0].span, Span::new(0, 20));
        assert_eq!(predicted_surface_tokens(&doc)[1], Span::new(7, 12));
        assert_eq!(predicted_surface_tokens(&doc).len(), 16);

        let scores = score_segmentation(&gold, &doc);
        assert_prf(scores.sentences, (4, 3, 2), (200.0 / 3.0, 50.0, 400.0 / 7.0));
        assert_prf(scores.tokens, (17, 16, 15), (93.75, 1500.0 / 17.0, 3000.0 / 33.0));
    }

    #[test]
    #[should_panic(expected = "was not segmented from the gold text")]
    fn scoring_a_different_text_panics() {
        let gold = rebuild_text(&read(GOLD)).unwrap();
        score_segmentation(&gold, &Document::new("other", "Rain fell.", Meta::english()));
    }
}
