//! Loads a lexicon directory (default: the embedded one) and reports its size and coverage, or
//! the first error with its file and line — run it before shipping edits to the pattern files.
//!
//! ```text
//! cargo run --release -p detente-eventlex --example check_lexicon [LEXICON_DIR]
//! ```

use detente_eventlex::{EventLexicon, Ontology, TriggerPos};
use std::collections::BTreeSet;

fn main() {
    let loaded = match std::env::args().nth(1) {
        Some(dir) => match EventLexicon::load_dir(std::path::Path::new(&dir)) {
            Ok(lexicon) => lexicon,
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
        },
        None => match std::panic::catch_unwind(EventLexicon::builtin) {
            Ok(lexicon) => return report(lexicon),
            Err(_) => std::process::exit(1),
        },
    };
    report(&loaded);
}

fn report(lexicon: &EventLexicon) {
    let ontology = Ontology::builtin();
    let patterns = lexicon.patterns();
    let triggers =
        |pos| patterns.iter().filter(|p| p.pos == pos).map(|p| p.trigger.as_str()).collect::<BTreeSet<_>>().len();
    let codes: BTreeSet<&str> = patterns.iter().map(|p| p.cameo.code.as_str()).collect();
    let three_digit: BTreeSet<&str> = patterns.iter().map(|p| &p.cameo.code[..3.min(p.cameo.code.len())]).collect();
    let all_three: Vec<&str> = ontology.codes().iter().filter(|c| c.code.len() == 3).map(|c| c.code.as_str()).collect();
    let missing: Vec<&&str> = all_three.iter().filter(|c| !three_digit.contains(**c)).collect();
    let plover: BTreeSet<&str> = patterns.iter().filter_map(|p| p.plover_type.as_deref()).collect();
    println!("patterns            {}", patterns.len());
    println!("blockers            {}", lexicon.blockers().len());
    println!("verb triggers       {}", triggers(TriggerPos::Verb));
    println!("noun triggers       {}", triggers(TriggerPos::Noun));
    println!("CAMEO codes used    {} of {}", codes.len(), ontology.codes().len());
    println!("3-digit codes       {} of {} (missing: {missing:?})", all_three.len() - missing.len(), all_three.len());
    println!("PLOVER types        {} of {}", plover.len(), ontology.plover_types().count());
}
