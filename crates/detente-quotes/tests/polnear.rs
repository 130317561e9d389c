//! Accuracy on PolNeAR dev (read from `$DETENTE_DATA/polnear/dev` at run time): the scores of
//! `detente eval quotes` must not fall below what was measured when the extractor was tuned,
//! less about a point.

mod common;

use detente_core::data::data_dir;
use detente_eval::quotes::{read_polnear, QuoteScores};

/// Overlap F1 measured on PolNeAR dev (direct content 90.61, indirect content 60.99, source 75.36,
/// cue 71.39 with `detente eval quotes`), minus about one point.
const MIN_DIRECT_CONTENT_F1: f64 = 89.6;
const MIN_INDIRECT_CONTENT_F1: f64 = 60.0;
const MIN_SOURCE_F1: f64 = 74.3;
const MIN_CUE_F1: f64 = 70.4;

#[test]
fn polnear_dev_scores_hold() {
    let dir = data_dir().join("polnear/dev");
    let articles = read_polnear(&dir).unwrap_or_else(|e| {
        panic!("PolNeAR dev is needed: {e} (set DETENTE_DATA to the shared data directory)")
    });
    let mut scores = QuoteScores::default();
    for article in &articles {
        let (_, quotes) = common::quotes_of(&article.text, None);
        scores.add_article(article, &quotes);
    }
    let checks = [
        (
            "direct content",
            scores.direct_content.overlap.prf().f1,
            MIN_DIRECT_CONTENT_F1,
        ),
        (
            "indirect content",
            scores.indirect_content.overlap.prf().f1,
            MIN_INDIRECT_CONTENT_F1,
        ),
        ("source", scores.source.overlap.prf().f1, MIN_SOURCE_F1),
        ("cue", scores.cue.overlap.prf().f1, MIN_CUE_F1),
    ];
    let failures: Vec<String> = checks
        .iter()
        .filter(|(_, f1, min)| f1 < min)
        .map(|(name, f1, min)| format!("{name} F1 {f1:.2} < {min}"))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("; "));
}
