//! Finds the lemmatiser's slips on trigger words, for `lexicon/events/forms.tsv`.
//!
//! Every verb trigger is inflected (third person, past, participle, gerund) and every noun
//! trigger pluralised by regular English spelling rules, each in a short sentence of its own;
//! the shipped models parse them, and wherever a word tagged VERB/NOUN gets a lemma that is not
//! the trigger, `lemma<TAB>trigger` is printed (sorted, unique). Forms whose lemma is itself a
//! trigger are left out: the direct lookup wins for them anyway.
//!
//! ```text
//! cargo run --release -p detente-eventlex --example find_lemma_slips > /tmp/slips.tsv
//! ```

use detente_core::{Document, Meta};
use detente_eventlex::{EventLexicon, TriggerPos};
use std::collections::BTreeSet;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let lexicon = EventLexicon::builtin();
    let pipeline = detente_pipeline::Pipeline::with_models(&detente_pipeline::default_models_dir())?;
    let mut probes: Vec<(String, String, TriggerPos)> = Vec::new(); // (sentence, form, trigger)
    let verbs: BTreeSet<&str> =
        lexicon.patterns().iter().filter(|p| p.pos == TriggerPos::Verb).map(|p| p.trigger.as_str()).collect();
    let nouns: BTreeSet<&str> =
        lexicon.patterns().iter().filter(|p| p.pos == TriggerPos::Noun).map(|p| p.trigger.as_str()).collect();
    for &verb in &verbs {
        for past in past_forms(verb) {
            probes.push((format!("The officials {past} it."), past.clone(), TriggerPos::Verb));
            probes.push((format!("It was {past} by the officials."), past, TriggerPos::Verb));
        }
        let third = third_person(verb);
        probes.push((format!("The minister {third} it."), third, TriggerPos::Verb));
        for ing in gerunds(verb) {
            probes.push((format!("The officials are {ing} it."), ing, TriggerPos::Verb));
        }
    }
    for &noun in &nouns {
        let plural = third_person(noun);
        probes.push((format!("The {plural} continued."), plural, TriggerPos::Noun));
    }
    let triggers_of = |pos: TriggerPos| {
        if pos == TriggerPos::Verb {
            &verbs
        } else {
            &nouns
        }
    };
    let mut slips = BTreeSet::new();
    for (sentence, form, pos) in &probes {
        let mut doc = Document::new("probe", sentence.as_str(), Meta::english());
        pipeline.run(&mut doc);
        for (token, syntax) in doc.tokens.iter().zip(&doc.syntax) {
            if doc.slice(token.span) != form || TriggerPos::from_upos(&syntax.upos) != Some(*pos) {
                continue;
            }
            let lemma = syntax.lemma.to_lowercase();
            let trigger = base_of(form, triggers_of(*pos));
            if let Some(trigger) = trigger {
                if lemma != trigger && !lexicon.is_trigger(&lemma, *pos) {
                    slips.insert(format!("{lemma}\t{trigger}"));
                }
            }
        }
    }
    for slip in slips {
        println!("{slip}");
    }
    Ok(())
}

/// The trigger a generated form was made from.
fn base_of<'a>(form: &str, triggers: &BTreeSet<&'a str>) -> Option<&'a str> {
    triggers.iter().copied().find(|t| {
        past_forms(t).iter().any(|f| f == form) || third_person(t) == form || gerunds(t).iter().any(|f| f == form)
    })
}

fn is_vowel(c: u8) -> bool {
    b"aeiou".contains(&c)
}

/// Whether a final consonant doubles before -ed/-ing: short consonant-vowel-consonant words
/// and stressed final syllables; both spellings for a final "l" (British and American).
fn doubles(word: &str) -> Vec<bool> {
    let b = word.as_bytes();
    let n = b.len();
    let cvc = n >= 3 && !is_vowel(b[n - 1]) && is_vowel(b[n - 2]) && !is_vowel(b[n - 3]) && !b"wxy".contains(&b[n - 1]);
    if !cvc {
        return vec![false];
    }
    const STRESSED: [&str; 16] = [
        "admit", "commit", "submit", "permit", "omit", "regret", "occur", "refer", "prefer", "deter", "confer",
        "defer", "transfer", "incur", "abet", "equip",
    ];
    if b[n - 1] == b'l' {
        vec![false, true]
    } else if n <= 4 || STRESSED.contains(&word) || word.ends_with("pel") {
        vec![true]
    } else {
        vec![false]
    }
}

fn past_forms(verb: &str) -> Vec<String> {
    if verb.ends_with('e') {
        return vec![format!("{verb}d")];
    }
    if let Some(stem) = verb.strip_suffix('y') {
        if !stem.ends_with(|c: char| "aeiou".contains(c)) {
            return vec![format!("{stem}ied")];
        }
    }
    doubles(verb)
        .into_iter()
        .map(|d| if d { format!("{verb}{}ed", &verb[verb.len() - 1..]) } else { format!("{verb}ed") })
        .collect()
}

fn gerunds(verb: &str) -> Vec<String> {
    if let Some(stem) = verb.strip_suffix('e') {
        if !verb.ends_with("ee") && !verb.ends_with("ye") {
            return vec![format!("{stem}ing")];
        }
    }
    doubles(verb)
        .into_iter()
        .map(|d| if d { format!("{verb}{}ing", &verb[verb.len() - 1..]) } else { format!("{verb}ing") })
        .collect()
}

/// Third person singular of a verb, or plural of a noun.
fn third_person(word: &str) -> String {
    if let Some(stem) = word.strip_suffix('y') {
        if !stem.ends_with(|c: char| "aeiou".contains(c)) {
            return format!("{stem}ies");
        }
    }
    if ["s", "x", "z", "ch", "sh"].iter().any(|e| word.ends_with(e)) {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}
