//! Single-threaded time of the full pipeline over the demo corpus repeated
//! to `mb` megabytes (as `detente bench` builds its text), `runs` times;
//! prints the best run with its stage times (the machine is shared, so the
//! fastest run is the least disturbed one).
//!
//! `cargo run --release -p detente-pipeline --example pipeline_speed -- [mb] [runs]`
//! (default: 1 MB, 5 runs).
//!
//! The total is the thread's CPU time where Linux reports it
//! (`/proc/thread-self/schedstat`), so that time spent descheduled on a
//! busy machine does not count; elsewhere, wall-clock time. Stage times are
//! wall-clock time, as `detente bench` measures them.

use detente_core::{clock::thread_cpu_time, data::repo_root, Document, Meta};
use detente_input::{read_inputs, InputOptions};
use detente_pipeline::{default_models_dir, Pipeline, StageTimes};
use std::time::{Duration, Instant};

/// The allocator of the `detente` binary, so that the figures agree.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let mb: usize = args
        .next()
        .map_or(1, |a| a.parse().expect("mb is a number"));
    let runs: usize = args
        .next()
        .map_or(5, |a| a.parse().expect("runs is a number"));
    let corpus = repo_root().join("corpus/demo");
    let texts: Vec<String> = read_inputs(&[&corpus], &InputOptions::default())
        .map(|d| d.map(|d| d.text))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut docs = Vec::new();
    let mut bytes = 0;
    while bytes < mb.max(1) * 1_000_000 {
        docs.extend(&texts);
        bytes += texts.iter().map(String::len).sum::<usize>();
    }
    let pipeline = Pipeline::with_models(&default_models_dir()).unwrap_or_else(|e| panic!("{e}"));
    let mut best: Option<(Duration, StageTimes)> = None;
    let mut sentences = 0;
    for run in 0..runs {
        let mut times = StageTimes::default();
        sentences = 0;
        let start = Instant::now();
        let before = thread_cpu_time(start);
        for text in &docs {
            let mut doc = Document::new("speed", text.as_str(), Meta::english());
            pipeline.run_timed(&mut doc, &mut times);
            sentences += doc.sentences.len();
        }
        let cpu = thread_cpu_time(start) - before;
        eprintln!(
            "run {}: {:.3} s, {:.0} sentences/s",
            run + 1,
            cpu.as_secs_f64(),
            sentences as f64 / cpu.as_secs_f64()
        );
        if best.is_none_or(|(b, _)| cpu < b) {
            best = Some((cpu, times));
        }
    }
    let (cpu, times) = best.expect("at least one run");
    println!(
        "{sentences} sentences: best of {runs} runs {:.3} s, {:.0} sentences/s",
        cpu.as_secs_f64(),
        sentences as f64 / cpu.as_secs_f64()
    );
    for (stage, time) in times.stages() {
        println!("  {stage:<18} {:.3} s", time.as_secs_f64());
    }
}
