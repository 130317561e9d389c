//! A generality check of the lexicon on human-labelled news sentences it was not written from:
//! ConfliBERT's CAMEO sentence classes (`events/conflibert-cameo/class-train.tsv` in the shared
//! data, labels 0–4 = the Phoenix "pentaclass" of the event's CAMEO root, as in column
//! `quad_phoenix` of `events/cameo/cameo_codes_goldstein_quad_plover.tsv`).
//!
//! For each sentence the lexicon's match at the trigger highest in the tree (ties: first in the
//! text) gives a predicted class. Reports coverage (sentences with any match), accuracy on the
//! covered ones, and a confusion matrix; `--errors` also lists each disagreement with the
//! trigger and pattern id, and each sentence without a match.
//!
//! ```text
//! cargo run --release -p detente-eventlex --example pentaclass_agreement [--errors]
//! ```

use detente_core::{Document, Meta, SentenceTree};
use detente_eventlex::{EventLexicon, TriggerPos};
use std::collections::HashMap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let classes_path = detente_core::data::data_file("events/conflibert-cameo/class-train.tsv")?;
    let codes_path = detente_core::data::data_file("events/cameo/cameo_codes_goldstein_quad_plover.tsv")?;
    let mut pentaclass: HashMap<String, usize> = HashMap::new();
    for line in std::fs::read_to_string(&codes_path)?.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() > 5 && !line.starts_with('#') {
            if let Ok(class) = f[5].trim().parse() {
                pentaclass.insert(f[0].trim().to_string(), class);
            }
        }
    }
    let show_errors = std::env::args().any(|a| a == "--errors");
    let lexicon = EventLexicon::builtin();
    let pipeline = detente_pipeline::Pipeline::with_models(&detente_pipeline::default_models_dir())?;
    let (mut total, mut covered, mut correct) = (0, 0, 0);
    let mut confusion = [[0usize; 5]; 5];
    for line in std::fs::read_to_string(&classes_path)?.lines() {
        let Some((text, label)) = line.trim_end().rsplit_once('\t') else {
            continue;
        };
        let Ok(gold) = label.trim().parse::<usize>() else {
            continue;
        };
        total += 1;
        let mut doc = Document::new("s", text, Meta::english());
        pipeline.run(&mut doc);
        let mut best: Option<(usize, String, String)> = None; // (depth, code, trigger and pattern)
        for s in 0..doc.sentences.len() {
            let tree = SentenceTree::new(&doc, s);
            for t in tree.tokens() {
                let Some(pos) = TriggerPos::of(&tree, t) else {
                    continue;
                };
                if !lexicon.is_trigger(tree.lemma(t), pos) {
                    continue;
                }
                if let Some(m) = lexicon.best_match(&tree, t) {
                    let depth = tree.ancestors(t).count();
                    if best.as_ref().is_none_or(|(d, _, _)| depth < *d) {
                        best =
                            Some((depth, m.pattern.cameo.code.clone(), format!("{} {}", tree.word(t), m.pattern.id)));
                    }
                }
            }
        }
        if let Some((_, code, why)) = best {
            let predicted = pentaclass.get(&code[..2]).copied().unwrap_or(0).min(4);
            if show_errors && predicted != gold.min(4) {
                println!("gold {gold} predicted {predicted} ({code} {why}): {text}");
            }
            covered += 1;
            correct += usize::from(predicted == gold.min(4));
            confusion[gold.min(4)][predicted] += 1;
        } else if show_errors {
            println!("gold {gold} no match: {text}");
        }
    }
    println!("sentences {total}, with a match {covered} ({:.1}%)", 100.0 * covered as f64 / total.max(1) as f64);
    println!("class right on matched {correct} ({:.1}%)", 100.0 * correct as f64 / covered.max(1) as f64);
    println!("confusion (rows gold 0-4, columns predicted 0-4):");
    for (gold, row) in confusion.iter().enumerate() {
        println!("  {gold}: {row:?}");
    }
    Ok(())
}
