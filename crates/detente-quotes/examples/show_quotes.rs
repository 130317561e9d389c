//! Prints the quotations of text files, one tab-separated line per quote:
//! file, id, kind, content byte span, content, speaker, speaker code, cue, how.
//!
//! `cargo run --release -p detente-quotes --example show_quotes -- FILE...`

use detente_core::{Document, Meta};
use detente_pipeline::{default_models_dir, Pipeline};
use detente_quotes::QuoteExtractor;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pipeline = Pipeline::with_models(&default_models_dir())?;
    let extractor = QuoteExtractor::new();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        let mut doc = Document::new(path.clone(), text, Meta::english());
        pipeline.run(&mut doc);
        for q in extractor.extract(&doc) {
            let one_line = |s: &str| s.replace(['\n', '\t'], " ");
            let (speaker, code, how) = match &q.speaker {
                Some(s) => (
                    one_line(&s.text),
                    s.code.clone().unwrap_or_default(),
                    s.how.clone(),
                ),
                None => Default::default(),
            };
            println!(
                "{path}\t{}\t{:?}\t{}..{}\t{}\t{speaker}\t{code}\t{}\t{how}",
                q.id,
                q.kind,
                q.content.span.start,
                q.content.span.end,
                one_line(&q.content.text),
                q.cue.as_ref().map(|c| c.text.as_str()).unwrap_or_default(),
            );
        }
    }
    Ok(())
}
