//! Acronyms of names found earlier in a document.
//!
//! News and reports name an organisation in full once and by its initials
//! after: "the Coalition Provisional Authority … the CPA", "the Housing
//! Authority of New Orleans (HANO)". The initials are a word the model has
//! rarely seen, in a sentence that may not say what it is; what the document
//! said earlier does. So an all-capital word of two to six letters that spells
//! the initials of an organisation or place recognised before it in the
//! document names the same kind of thing. People are left out: "AM" would be
//! Angela Minkin. On UniversalNER's EWT training file this holds for 193
//! gold acronyms and fails for 3.

use crate::labels;
use crate::{EntityType, NerInput};
use std::collections::HashMap;

/// The acronyms of a document's names so far, with the names' types.
#[derive(Default)]
pub(crate) struct Acronyms(HashMap<String, EntityType>);

/// Words a name's initials skip when spelled from its capitalised words.
const SKIPPED: [&str; 8] = ["of", "the", "and", "for", "on", "in", "de", "&"];

impl Acronyms {
    /// Labels the words of a sentence (with `classes`, BILOU) that are the
    /// acronym of a name labelled before them in the document, then learns
    /// the sentence's names.
    pub fn label_and_learn(&mut self, words: &[NerInput<'_>], classes: &mut [u8]) {
        // The sentence's names with where they end and their initials, spelled once.
        let names: Vec<(usize, EntityType, Vec<String>)> = labels::spans(classes)
            .into_iter()
            .filter(|e| e.label != EntityType::Per && e.end - e.start >= 2)
            .map(|e| (e.end, e.label, initials(&words[e.start..e.end])))
            .collect();
        for (k, w) in words.iter().enumerate() {
            if classes[k] != 0 || !is_acronym(w.word) {
                continue;
            }
            let same_sentence = names
                .iter()
                .find(|(end, _, spelled)| *end <= k && spelled.iter().any(|a| a == w.word));
            let label = same_sentence.map(|&(_, label, _)| label).or_else(|| self.0.get(w.word).copied());
            if let Some(label) = label {
                classes[k] = labels::unit(label);
            }
        }
        for (_, label, spelled) in names {
            for a in spelled {
                self.0.insert(a, label);
            }
        }
    }
}

/// Two to six capital letters.
fn is_acronym(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// The ways a name's initials spell it: its capitalised words' initials
/// without function words ("Housing Authority of New Orleans": HANO), and
/// every word's ("Al - Qaeda": AQ, hyphens aside).
fn initials(name: &[NerInput<'_>]) -> Vec<String> {
    let first = |w: &&NerInput<'_>| w.word.chars().next();
    let capitalised: String = name
        .iter()
        .filter(|w| !SKIPPED.contains(&w.word) && first(w).is_some_and(char::is_uppercase))
        .filter_map(|w| first(&w))
        .collect();
    let every: String = name
        .iter()
        .filter(|w| !matches!(w.word, "-" | "&"))
        .filter_map(|w| first(&w))
        .flat_map(char::to_uppercase)
        .collect();
    [capitalised, every]
        .into_iter()
        .filter(|a| is_acronym(a))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EntitySpan;

    fn words(text: &str) -> Vec<NerInput<'_>> {
        text.split(' ').map(NerInput::word).collect()
    }

    fn entity(start: usize, end: usize, label: EntityType) -> EntitySpan {
        EntitySpan { start, end, label }
    }

    #[test]
    fn an_acronym_takes_the_type_of_the_name_it_abbreviates() {
        let mut acronyms = Acronyms::default();
        let first = words("Officials of the Coalition Provisional Authority met the Housing Authority of New Orleans ( HANO )");
        let mut classes = labels::encode(
            first.len(),
            &[entity(3, 6, EntityType::Org), entity(8, 13, EntityType::Org)],
        );
        acronyms.label_and_learn(&first, &mut classes);
        assert!(labels::spans(&classes).contains(&entity(14, 15, EntityType::Org)));
        let second = words("The CPA and HANO disagreed , said an AP reporter");
        let mut classes = vec![0; second.len()];
        acronyms.label_and_learn(&second, &mut classes);
        assert_eq!(
            labels::spans(&classes),
            [entity(1, 2, EntityType::Org), entity(3, 4, EntityType::Org)]
        );
    }

    #[test]
    fn people_and_acronyms_before_their_name_are_not_matched() {
        let mut acronyms = Acronyms::default();
        let text = words("At 10 AM the ISS crew left , said Angela Minkin of the International Space Station");
        let mut classes = labels::encode(
            text.len(),
            &[entity(8, 10, EntityType::Per), entity(12, 15, EntityType::Loc)],
        );
        acronyms.label_and_learn(&text, &mut classes);
        assert_eq!(classes[2], 0, "AM");
        assert_eq!(classes[4], 0, "ISS before its name");
    }
}
