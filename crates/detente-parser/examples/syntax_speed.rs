//! Single-threaded tag+parse throughput, as `SyntaxStage::annotate` runs it:
//! the committed tagger then the parser over every sentence of a treebank's
//! gold tokenisation, `runs` times; prints the best run (the machine is
//! shared, so the fastest run is the least disturbed one).
//!
//! `cargo run --release -p detente-parser --example syntax_speed -- [FILE.conllu] [runs]`
//! (default: EWT dev from `$DETENTE_DATA`, 5 runs).
//!
//! Times are the thread's CPU time where Linux reports it
//! (`/proc/thread-self/schedstat`), so that time spent descheduled on a
//! busy machine does not count; elsewhere, wall-clock time.

use detente_conllu::Reader;
use detente_parser::{ParseInput, Parser};
use detente_tagger::Tagger;
use detente_core::clock::thread_cpu_time;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = match args.next() {
        Some(p) => p.into(),
        None => detente_core::data::data_file("ud-english-ewt/en_ewt-ud-dev.conllu")
            .unwrap_or_else(|e| panic!("{e}")),
    };
    let runs: usize = args
        .next()
        .map_or(5, |r| r.parse().expect("runs is a number"));
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let sentences: Vec<Vec<String>> = Reader::new(std::io::BufReader::new(file))
        .map(|s| {
            let s = s.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            s.words.into_iter().map(|w| w.form).collect()
        })
        .collect();
    let models = detente_core::data::repo_root().join("models");
    let tagger = Tagger::load(&models.join("tagger-en-v1.bin")).unwrap_or_else(|e| panic!("{e}"));
    let parser = Parser::load(&models.join("parser-en-v1.bin")).unwrap_or_else(|e| panic!("{e}"));
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    let (features, weights) = parser.size();
    eprintln!("parser: {features} features, {weights} weights");
    let mut best = f64::INFINITY;
    let mut checksum = 0u64;
    for run in 0..runs {
        checksum = 0;
        let clock = Instant::now();
        let start = thread_cpu_time(clock);
        for words in &sentences {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let tagged = tagger.tag(&words);
            let inputs: Vec<ParseInput> = words
                .iter()
                .zip(&tagged)
                .map(|(form, t)| ParseInput {
                    form,
                    lemma: &t.lemma,
                    upos: t.upos,
                    xpos: t.xpos,
                })
                .collect();
            for (head, _) in parser.parse(&inputs) {
                checksum = checksum.wrapping_add(u64::from(head));
            }
        }
        let seconds = (thread_cpu_time(clock) - start).as_secs_f64();
        best = best.min(seconds);
        eprintln!(
            "run {}: {:.3} s, {:.0} tokens/s",
            run + 1,
            seconds,
            tokens as f64 / seconds
        );
    }
    println!(
        "{} sentences, {tokens} tokens: best of {runs} runs {:.3} s, {:.0} tokens/s (heads checksum {checksum})",
        sentences.len(),
        best,
        tokens as f64 / best,
    );
}
