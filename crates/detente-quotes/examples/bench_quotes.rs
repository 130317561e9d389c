//! What quotation extraction adds to the rest of the pipeline, timed on the same documents.
//!
//! `cargo run --release -p detente-quotes --example bench_quotes [-- DIR]` (default: the text of
//! PolNeAR dev under `$DETENTE_DATA`). The pipeline's own stage times are printed; extraction is
//! then timed again alone, repeated `ROUNDS` times per document so that its share rests on more
//! than a few milliseconds, and compared with every other stage together.

use detente_core::{data::data_dir, Document, Meta};
use detente_pipeline::{default_models_dir, Pipeline, StageTimes};
use detente_quotes::QuoteExtractor;
use std::time::{Duration, Instant};

const ROUNDS: u32 = 20;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .map(Into::into)
        .unwrap_or_else(|| data_dir().join("polnear/dev/text"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| {
            format!(
                "{}: {e} (pass a directory of .txt files or set DETENTE_DATA)",
                dir.display()
            )
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let pipeline = Pipeline::with_models(&default_models_dir())?;
    let extractor = QuoteExtractor::new();
    let mut times = StageTimes::default();
    let mut quote_time = Duration::ZERO;
    let (mut bytes, mut tokens, mut quotes) = (0, 0, 0);
    for path in &paths {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        bytes += text.len();
        let mut doc = Document::new(path.display().to_string(), text, Meta::english());
        pipeline.run_timed(&mut doc, &mut times);
        tokens += doc.tokens.len();
        let started = Instant::now();
        let mut found = 0;
        for _ in 0..ROUNDS {
            found = std::hint::black_box(extractor.extract(&doc)).len();
        }
        quote_time += started.elapsed() / ROUNDS;
        quotes += found;
    }
    let per_token = |d: Duration| d.as_secs_f64() * 1e6 / tokens.max(1) as f64;
    let others = times.total() - times.quotes;
    println!(
        "{} documents, {:.1} KB, {tokens} tokens, {quotes} quotes",
        paths.len(),
        bytes as f64 / 1e3
    );
    println!(
        "{:<34} {:>10} {:>10}",
        "stage (inside Pipeline::run)", "seconds", "µs/token"
    );
    for (name, time) in times.stages() {
        println!(
            "{:<34} {:>10.3} {:>10.2}",
            name,
            time.as_secs_f64(),
            per_token(time)
        );
    }
    let share = 100.0 * quote_time.as_secs_f64() / others.as_secs_f64().max(1e-9);
    println!(
        "{:<34} {:>10.3} {:>10.2}",
        "all stages but quotations",
        others.as_secs_f64(),
        per_token(others)
    );
    println!(
        "{:<34} {:>10.3} {:>10.2}  (+{share:.2}% on the other stages)",
        format!("quotations alone, mean of {ROUNDS} runs"),
        quote_time.as_secs_f64(),
        per_token(quote_time)
    );
    Ok(())
}
