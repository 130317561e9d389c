//! `detente bench`: throughput of each stage, printed as a table.
//!
//! Speed targets live here, not in timed tests: machines differ, and a
//! benchmark is read by a person, not asserted by CI.

use anyhow::{bail, Result};
use detente_core::{data::repo_root, Document, Meta};
use detente_input::{read_inputs, InputOptions};
use detente_pipeline::{default_models_dir, Pipeline, StageTimes};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Measure throughput on one core and on all cores, over text built by
/// repeating the demo corpus: segmentation alone (MB/s, tokens/s), then the
/// full pipeline from raw text to coded events (sentences/s, tokens/s, MB/s)
/// with the time of each stage (tagging + parsing, entities, actors,
/// quotations, events), model load time and peak memory.
#[derive(clap::Args)]
pub struct Args {
    /// Megabytes of text for the segmentation benchmark.
    #[arg(long, default_value_t = 10)]
    mb: usize,
    /// Megabytes of text for the full-pipeline benchmark.
    #[arg(long, default_value_t = 2)]
    syntax_mb: usize,
    /// Directory holding the syntax models (default: $DETENTE_MODELS, else the repository's models/).
    #[arg(long, value_name = "DIR")]
    models: Option<PathBuf>,
    /// Segmentation only (no models needed).
    #[arg(long)]
    no_syntax: bool,
    /// Runs of each full-pipeline measurement; the fastest is reported (the first run also pays
    /// for warming caches and the allocator, and a shared machine slows runs at random).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..))]
    runs: u32,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let corpus = repo_root().join("corpus/demo");
    let texts: Vec<String> =
        read_inputs(&[&corpus], &InputOptions::default()).map(|d| d.map(|d| d.text)).collect::<Result<_, _>>()?;
    if texts.is_empty() {
        bail!("no demo corpus at {}", corpus.display());
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let thread_counts: Vec<usize> = if threads > 1 { vec![1, threads] } else { vec![1] };

    let docs = repeat_to(&texts, args.mb);
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let segmentation = Pipeline::segmentation();
    println!("Segmentation + tokenisation, {:.1} MB in {} documents\n", bytes as f64 / 1e6, docs.len());
    println!("{:<8} {:>8} {:>10} {:>12} {:>14}", "threads", "seconds", "MB/s", "tokens", "tokens/s");
    for &n in &thread_counts {
        let (secs, tokens) = measure(&docs, n, &segmentation);
        println!("{:<8} {:>8.3} {:>10.1} {:>12} {:>14.0}", n, secs, bytes as f64 / 1e6 / secs, tokens, tokens as f64 / secs);
    }

    if !args.no_syntax {
        let dir = args.models.clone().unwrap_or_else(default_models_dir);
        let started = Instant::now();
        let pipeline = Pipeline::with_models(&dir)?;
        let load = started.elapsed().as_secs_f64();
        let docs = repeat_to(&texts, args.syntax_mb);
        let bytes: usize = docs.iter().map(|d| d.len()).sum();
        println!(
            "\nFull pipeline, raw text to coded events: {:.1} MB in {} documents (models loaded in {:.3} s; fastest of {} runs)\n",
            bytes as f64 / 1e6,
            docs.len(),
            load,
            args.runs
        );
        println!("{:<8} {:>8} {:>10} {:>13} {:>12} {:>8} {:>8}", "threads", "seconds", "sentences", "sentences/s", "tokens/s", "MB/s", "events");
        let mut one_core = None;
        for &n in &thread_counts {
            let run = (0..args.runs)
                .map(|_| measure_full(&docs, n, &pipeline))
                .min_by(|a, b| a.seconds.total_cmp(&b.seconds))
                .expect("at least one run");
            println!(
                "{:<8} {:>8.3} {:>10} {:>13.0} {:>12.0} {:>8.2} {:>8}",
                n,
                run.seconds,
                run.sentences,
                run.sentences as f64 / run.seconds,
                run.tokens as f64 / run.seconds,
                bytes as f64 / 1e6 / run.seconds,
                run.events
            );
            one_core.get_or_insert(run.times);
        }
        if let Some(times) = one_core {
            let total = times.total().as_secs_f64();
            let parse = times.syntax.as_secs_f64();
            println!("\nStage times on one thread\n");
            println!("{:<20} {:>9} {:>10} {:>14}", "stage", "seconds", "% of all", "% of parsing");
            for (name, d) in times.stages() {
                let d = d.as_secs_f64();
                println!("{:<20} {:>9.3} {:>9.1}% {:>13.1}%", name, d, 100.0 * d / total, 100.0 * d / parse);
            }
        }
    }
    if let Some(peak) = peak_memory_kib() {
        println!("\nPeak memory (VmHWM): {:.1} MiB", peak as f64 / 1024.0);
    }
    Ok(ExitCode::SUCCESS)
}

/// The demo texts repeated until they hold at least `mb` megabytes.
fn repeat_to(texts: &[String], mb: usize) -> Vec<&str> {
    let target = mb.max(1) * 1_000_000;
    let mut docs = Vec::new();
    let mut bytes = 0;
    while bytes < target {
        for t in texts {
            bytes += t.len();
            docs.push(t.as_str());
        }
    }
    docs
}

/// Runs `pipeline` over `docs` on `threads` threads (documents split evenly);
/// returns seconds and tokens produced.
fn measure(docs: &[&str], threads: usize, pipeline: &Pipeline) -> (f64, usize) {
    let chunk = docs.len().div_ceil(threads);
    let started = Instant::now();
    let tokens = std::thread::scope(|scope| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|text| {
                            let mut doc = Document::new("bench", *text, Meta::english());
                            pipeline.run(&mut doc);
                            doc.tokens.len()
                        })
                        .sum::<usize>()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("benchmark thread")).sum()
    });
    (started.elapsed().as_secs_f64(), tokens)
}

struct FullRun {
    seconds: f64,
    sentences: usize,
    tokens: usize,
    events: usize,
    times: StageTimes,
}

/// The full pipeline over `docs` on `threads` threads, with stage times summed over threads.
fn measure_full(docs: &[&str], threads: usize, pipeline: &Pipeline) -> FullRun {
    let chunk = docs.len().div_ceil(threads);
    let started = Instant::now();
    let parts: Vec<(usize, usize, usize, StageTimes)> = std::thread::scope(|scope| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let mut times = StageTimes::default();
                    let (mut sentences, mut tokens, mut events) = (0, 0, 0);
                    for text in part {
                        let mut doc = Document::new("bench", *text, Meta::english());
                        pipeline.run_timed(&mut doc, &mut times);
                        sentences += doc.sentences.len();
                        tokens += doc.tokens.len();
                        events += doc.events.len();
                    }
                    (sentences, tokens, events, times)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("benchmark thread")).collect()
    });
    let seconds = started.elapsed().as_secs_f64();
    let mut run = FullRun { seconds, sentences: 0, tokens: 0, events: 0, times: StageTimes::default() };
    for (s, t, e, times) in parts {
        run.sentences += s;
        run.tokens += t;
        run.events += e;
        for (slot, add) in [
            (&mut run.times.segmentation, times.segmentation),
            (&mut run.times.syntax, times.syntax),
            (&mut run.times.entities, times.entities),
            (&mut run.times.actors, times.actors),
            (&mut run.times.quotes, times.quotes),
            (&mut run.times.events, times.events),
        ] {
            *slot += add;
        }
    }
    run
}

/// Peak resident memory of this process in KiB (Linux).
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
