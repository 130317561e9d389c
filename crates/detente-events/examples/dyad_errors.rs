//! Error analysis on ConfliBERT's labelled dyads: one tab-separated line per sentence whose most
//! confident event misses the labelled target (`TARGET`) or source (`SOURCE`), or that has no
//! event (`NONE`), with the CAMEO code, the predicted and gold actors and the sentence.
//!
//! `cargo run --release -p detente-events --example dyad_errors -- $DETENTE_DATA/events/conflibert-cameo/source-target-train.txt`

use detente_core::{Document, Meta};
use detente_eval::events::read_dyad_sentences;
use detente_pipeline::{default_models_dir, Pipeline};
use std::io::BufReader;
use std::ops::Range;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: dyad_errors source-target-train.txt")?;
    let sentences = read_dyad_sentences(BufReader::new(std::fs::File::open(&path)?))?;
    let pipeline = Pipeline::with_models(&default_models_dir())?;
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    for s in &sentences {
        let mut doc = Document::new("sentence", s.text.as_str(), Meta::english());
        pipeline.run(&mut doc);
        let Some(best) = doc.events.iter().max_by(|a, b| a.confidence.total_cmp(&b.confidence)) else {
            println!("NONE\t\t\t\t{}", s.text);
            continue;
        };
        let show = |actors: &[detente_core::ActorRef]| {
            actors.iter().map(|a| format!("{} [{}]", &s.text[a.span.range()], a.code.as_deref().unwrap_or("-"))).collect::<Vec<_>>().join("; ")
        };
        let gold = |r: &Option<Range<usize>>| r.clone().map_or(String::new(), |r| s.text[r].to_string());
        let hit = |actors: &[detente_core::ActorRef], g: &Option<Range<usize>>| {
            g.as_ref().is_none_or(|g| actors.iter().any(|a| overlaps(&a.span.range(), g)))
        };
        let kind = match (hit(&best.source, &s.source), hit(&best.target, &s.target)) {
            (true, true) => continue,
            (true, false) => "TARGET",
            (false, true) => "SOURCE",
            (false, false) => "BOTH",
        };
        println!(
            "{kind}\t{}\t{} → {}\t{} → {}\t{}",
            best.cameo.code,
            show(&best.source),
            show(&best.target),
            gold(&s.source),
            gold(&s.target),
            s.text
        );
    }
    Ok(())
}
