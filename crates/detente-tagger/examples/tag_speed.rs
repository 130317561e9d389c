//! Single-threaded tagging time over a treebank's gold tokenisation; between
//! sentences, `evict` KB of other memory are read (the pipeline's other
//! stages leave the tagger's tables cold). Best of `runs`, tagging time only.
//!
//! `cargo run --release -p detente-tagger --example tag_speed -- [FILE.conllu] [runs] [evict KB]`

use detente_conllu::Reader;
use detente_tagger::Tagger;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = match args.next() {
        Some(p) => p.into(),
        None => detente_core::data::data_file("ud-english-ewt/en_ewt-ud-dev.conllu")
            .unwrap_or_else(|e| panic!("{e}")),
    };
    let runs: usize = args.next().map_or(5, |r| r.parse().expect("runs"));
    let evict_kb: usize = args.next().map_or(0, |r| r.parse().expect("evict KB"));
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let sentences: Vec<Vec<String>> = Reader::new(std::io::BufReader::new(file))
        .map(|s| s.unwrap().words.into_iter().map(|w| w.form).collect())
        .collect();
    let models = detente_core::data::repo_root().join("models");
    let tagger = Tagger::load(&models.join("tagger-en-v1.bin")).unwrap_or_else(|e| panic!("{e}"));
    let mut other = vec![1u64; evict_kb * 128];
    let mut best = f64::INFINITY;
    let mut sink = 0u64;
    for _ in 0..runs {
        let mut total = 0.0;
        for words in &sentences {
            for v in other.iter_mut().step_by(8) {
                *v = v.wrapping_add(sink);
            }
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let start = Instant::now();
            let tagged = tagger.tag(&words);
            total += start.elapsed().as_secs_f64();
            sink = sink.wrapping_add(tagged.iter().map(|t| t.lemma.len() as u64).sum::<u64>());
        }
        best = best.min(total);
        eprintln!("run: {total:.4} s");
    }
    println!("best {best:.4} s ({sink})");
}
