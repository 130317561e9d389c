//! Error analysis of a NER model on a UniversalNER IOB2 file: counts of
//! exact, type, boundary, missed and spurious spans per type, and examples.
//!
//! ```text
//! cargo run --release -p detente-ner --example ner_errors -- MODEL GOLD.iob2 [TYPE]
//! ```

use detente_ner::{documents, read_iob2, EntitySpan, Ner, NerInput, NerSentence};
use std::collections::BTreeMap;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let ner = Ner::load(args[1].as_ref()).unwrap_or_else(|e| panic!("{e}"));
    let file = std::fs::File::open(&args[2]).expect("open gold");
    let gold = read_iob2(std::io::BufReader::new(file)).unwrap_or_else(|e| panic!("{e}"));
    let show = args.get(3).cloned();
    let mut counts: BTreeMap<(String, &str), usize> = BTreeMap::new();
    let text = |s: &NerSentence, e: &EntitySpan| s.words[e.start..e.end].join(" ");
    for doc in documents(&gold) {
        let inputs: Vec<Vec<NerInput>> = doc.iter().map(NerSentence::inputs).collect();
        let refs: Vec<&[NerInput]> = inputs.iter().map(Vec::as_slice).collect();
        for (s, pred) in doc.iter().zip(ner.recognise_document(&refs)) {
            let overlap = |a: &EntitySpan, b: &EntitySpan| a.start < b.end && b.start < a.end;
            for g in &s.entities {
                let kind = if pred.contains(g) {
                    "correct"
                } else if let Some(p) = pred.iter().find(|p| overlap(p, g)) {
                    match (p.start == g.start && p.end == g.end, p.label == g.label) {
                        (true, _) => "type",
                        (false, true) => "boundary",
                        (false, false) => "boundary+type",
                    }
                } else {
                    "missed"
                };
                *counts.entry((g.label.to_string(), kind)).or_default() += 1;
                if kind != "correct" && show.as_deref() == Some(g.label.as_str()) {
                    let p: Vec<String> = pred
                        .iter()
                        .filter(|p| overlap(p, g))
                        .map(|p| format!("{}:{}", p.label, text(s, p)))
                        .collect();
                    println!(
                        "GOLD {kind}\t{}\t{:?}\t| {}",
                        text(s, g),
                        p,
                        s.words.join(" ")
                    );
                }
            }
            for p in &pred {
                if !s
                    .entities
                    .iter()
                    .any(|g| g.start < p.end && p.start < g.end)
                {
                    *counts.entry((p.label.to_string(), "spurious")).or_default() += 1;
                    if show.as_deref() == Some(p.label.as_str()) {
                        println!("SPUR\t{}\t| {}", text(s, p), s.words.join(" "));
                    }
                }
            }
        }
    }
    for ((t, k), n) in counts {
        eprintln!("{t}\t{k}\t{n}");
    }
}
