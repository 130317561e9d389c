//! Shows which lexicon pattern holds at each trigger of some text — for writing and checking
//! patterns.
//!
//! ```text
//! echo "Russia massed troops on the border." | cargo run --release -p detente-eventlex --example match_text [LEXICON_DIR]
//! ```
//! Without `LEXICON_DIR` the embedded lexicon is used. One line per trigger:
//! `word  lemma/UPOS  code  plover  pattern-id  target=heads  [negated]`, or `-` when a trigger
//! lemma has no pattern that holds.

use detente_core::{Document, Meta, SentenceTree};
use detente_eventlex::{EventLexicon, TriggerPos};
use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let loaded;
    let lexicon = match std::env::args().nth(1) {
        Some(dir) => {
            loaded = EventLexicon::load_dir(std::path::Path::new(&dir))?;
            &loaded
        }
        None => EventLexicon::builtin(),
    };
    let pipeline = detente_pipeline::Pipeline::with_models(&detente_pipeline::default_models_dir())?;
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let mut doc = Document::new("stdin", text, Meta::english());
    pipeline.run(&mut doc);
    for s in 0..doc.sentences.len() {
        let tree = SentenceTree::new(&doc, s);
        println!("# {}", doc.slice(doc.sentences[s].span));
        for i in tree.tokens() {
            let Some(pos) = TriggerPos::of(&tree, i) else {
                continue;
            };
            if !lexicon.is_trigger(tree.lemma(i), pos) {
                continue;
            }
            let head = format!("{}\t{}/{}", tree.word(i), tree.lemma(i), tree.upos(i));
            match lexicon.best_match(&tree, i) {
                Some(m) => {
                    let targets: Vec<&str> = m.target_heads.iter().map(|&t| tree.word(t)).collect();
                    let plover = m.pattern.plover().map(|p| match p.mode {
                        Some(mode) => format!("{}/{mode}", p.event_type),
                        None => p.event_type,
                    });
                    println!(
                        "{head}\t{}\t{}\t{}\ttarget={}{}",
                        m.pattern.cameo.code,
                        plover.unwrap_or_else(|| "-".into()),
                        m.pattern.id,
                        targets.join(","),
                        if m.negated { "\tnegated" } else { "" }
                    );
                }
                None => println!("{head}\t-"),
            }
        }
    }
    Ok(())
}
