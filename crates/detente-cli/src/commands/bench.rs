//! `detente bench`: throughput of each stage, printed as a table.
//!
//! Speed targets live here, not in timed tests: machines differ, and a
//! benchmark is read by a person, not asserted by CI.

use anyhow::{bail, Result};
use detente_core::data::repo_root;
use detente_input::{read_inputs, InputOptions};
use detente_text::Segmenter;
use std::process::ExitCode;
use std::time::Instant;

/// Measure segmentation throughput (MB/s, tokens/s) on one core and on all
/// cores, over text built by repeating the demo corpus.
#[derive(clap::Args)]
pub struct Args {
    /// Megabytes of text to process.
    #[arg(long, default_value_t = 10)]
    mb: usize,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let corpus = repo_root().join("corpus/demo");
    let texts: Vec<String> =
        read_inputs(&[&corpus], &InputOptions::default()).map(|d| d.map(|d| d.text)).collect::<Result<_, _>>()?;
    if texts.is_empty() {
        bail!("no demo corpus at {}", corpus.display());
    }
    let target = args.mb.max(1) * 1_000_000;
    let mut docs = Vec::new();
    let mut bytes = 0;
    while bytes < target {
        for t in &texts {
            bytes += t.len();
            docs.push(t.as_str());
        }
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("Segmentation + tokenisation, {:.1} MB in {} documents\n", bytes as f64 / 1e6, docs.len());
    println!("{:<8} {:>8} {:>10} {:>12} {:>14}", "threads", "seconds", "MB/s", "tokens", "tokens/s");
    for n in [1, threads] {
        let (secs, tokens) = measure(&docs, n);
        println!("{:<8} {:>8.3} {:>10.1} {:>12} {:>14.0}", n, secs, bytes as f64 / 1e6 / secs, tokens, tokens as f64 / secs);
        if threads == 1 {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Segments `docs` on `threads` threads (documents split evenly); returns
/// seconds and tokens produced.
fn measure(docs: &[&str], threads: usize) -> (f64, usize) {
    let segmenter = Segmenter::new();
    let chunk = docs.len().div_ceil(threads);
    let started = Instant::now();
    let tokens = std::thread::scope(|scope| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|t| segmenter.segment(t).tokens.len()).sum::<usize>()))
            .collect();
        handles.into_iter().map(|h| h.join().expect("benchmark thread")).sum()
    });
    (started.elapsed().as_secs_f64(), tokens)
}
