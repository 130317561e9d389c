//! Error analysis on a PolNeAR split: for the first annotator of each article, one
//! tab-separated line per gold attribution the extractor missed (`MISS`, content not matched),
//! per attribution found with the wrong source (`SOURCE`), and per predicted attribution that
//! matches no gold one (`FALSE`, with whether it is in quotation marks), with cue, source and content.
//!
//! `cargo run --release -p detente-quotes --example polnear_errors -- $DETENTE_DATA/polnear/train`

use detente_core::{Document, Meta, Span};
use detente_eval::quotes::{predicted_attributions, read_polnear, spans_overlap};
use detente_pipeline::{default_models_dir, Pipeline};
use detente_quotes::QuoteExtractor;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: polnear_errors POLNEAR_SPLIT_DIR")?;
    let pipeline = Pipeline::with_models(&default_models_dir())?;
    let extractor = QuoteExtractor::new();
    for article in read_polnear(dir.as_ref())? {
        let mut doc = Document::new(article.name.clone(), article.text.clone(), Meta::english());
        pipeline.run(&mut doc);
        let quotes = extractor.extract(&doc);
        let predicted = predicted_attributions(&article.text, &quotes);
        let Some(annotation) = article.annotations.first() else {
            continue;
        };
        let text = |spans: &[Span]| {
            spans
                .iter()
                .map(|s| s.slice(&article.text))
                .collect::<Vec<_>>()
                .join(" … ")
                .replace(['\n', '\t'], " ")
        };
        let optional = |span: Option<Span>| span.map(|s| text(&[s])).unwrap_or_default();
        let mut matched = vec![false; predicted.len()];
        for gold in &annotation.attributions {
            let found = predicted
                .iter()
                .position(|p| spans_overlap(&article.text, &gold.content, &p.content));
            match found {
                None => println!(
                    "MISS\t{}\t{}\t{}\t{}",
                    article.name,
                    text(&gold.cue),
                    text(&gold.source),
                    text(&gold.content)
                ),
                Some(i) => {
                    matched[i] = true;
                    let p = &predicted[i];
                    let source_ok = p
                        .source
                        .is_some_and(|s| spans_overlap(&article.text, &gold.source, &[s]));
                    if !source_ok {
                        println!(
                            "SOURCE\t{}\t{}\t{}\tgold: {}\tpredicted: {}",
                            article.name,
                            text(&gold.cue),
                            optional(p.cue),
                            text(&gold.source),
                            optional(p.source)
                        );
                    }
                }
            }
        }
        for (p, _) in predicted.iter().zip(&matched).filter(|(_, m)| !**m) {
            let kind = if p.marked { "marked" } else { "unmarked" };
            println!(
                "FALSE\t{}\t{kind}\t{}\t{}\t{}",
                article.name,
                optional(p.cue),
                optional(p.source),
                text(&p.content)
            );
        }
    }
    Ok(())
}
