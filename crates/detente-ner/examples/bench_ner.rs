//! Throughput of `Ner::recognise` on one core over UNER EWT dev (gold
//! tokens and tags), and the model's load time.
//!
//! ```text
//! cargo run --release -p detente-ner --example bench_ner -- [MODEL]
//! ```

use detente_conllu::Reader;
use detente_ner::{attach_pos, read_iob2, Ner, NerInput};
use std::time::Instant;

fn main() {
    let model = std::env::args()
        .nth(1)
        .map(Into::into)
        .unwrap_or_else(|| detente_core::data::repo_root().join("models/ner-en-v1.bin"));
    let start = Instant::now();
    let ner = Ner::load(&model).unwrap_or_else(|e| panic!("{e}"));
    let load = start.elapsed();
    let data = |rel: &str| detente_core::data::data_file(rel).unwrap_or_else(|e| panic!("{e}"));
    let file = std::fs::File::open(data("uner-english/en_ewt-ud-dev.iob2")).expect("open dev");
    let mut dev = read_iob2(std::io::BufReader::new(file)).unwrap_or_else(|e| panic!("{e}"));
    let tb =
        std::fs::File::open(data("ud-english-ewt/en_ewt-ud-dev.conllu")).expect("open treebank");
    let treebank: Vec<_> = Reader::new(std::io::BufReader::new(tb))
        .collect::<Result<_, _>>()
        .expect("treebank");
    attach_pos(&mut dev, &treebank);
    let inputs: Vec<Vec<NerInput>> = dev.iter().map(|s| s.inputs()).collect();
    let words: usize = inputs.iter().map(Vec::len).sum();
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..5 {
        let start = Instant::now();
        found = inputs.iter().map(|s| ner.recognise(s).len()).sum::<usize>();
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "model {}: {} bytes, loaded in {:.3} s\nrecognise: {words} words, {found} entities, best of 5: {:.3} s = {:.0} words/s",
        model.display(),
        std::fs::metadata(&model).map(|m| m.len()).unwrap_or(0),
        load.as_secs_f64(),
        best,
        words as f64 / best
    );
}
