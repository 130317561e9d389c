//! Proper names known from elsewhere (the actor lexicon), whose words the tagger reads as proper
//! nouns: alone, "Human Rights Watch called …" looks like "rights watch" with a verb, "Theresa
//! May said" like a modal, and "soldiers in Guinea" like the guinea of "guinea pig". Its country
//! adjectives are adjectives before what they describe ("*Cambodian* Prime Minister Hun Manet",
//! which the model, never having seen the word, reads as a name).

use std::collections::{HashMap, HashSet};

/// Names of two or more capitalised words, indexed by their first word, one-word place names and
/// country adjectives.
#[derive(Clone, Debug, Default)]
pub struct KnownNames {
    by_first: HashMap<String, Vec<Vec<String>>>,
    places: HashSet<String>,
    adjectives: HashSet<String>,
}

impl KnownNames {
    /// Keeps the names written as two or more space-separated words, each alphabetic and
    /// capitalised but not all in capitals ("Human Rights Watch", "Theresa May"); others
    /// ("al-Qaeda", "Secretary of State", "NATO") are left to the model.
    pub fn new<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> KnownNames {
        let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        for name in names {
            let words: Vec<String> = name.as_ref().split(' ').map(str::to_string).collect();
            if words.len() >= 2 && words.iter().all(|w| is_capitalised(w)) && !by_first.get(&words[0]).is_some_and(|v| v.contains(&words)) {
                by_first.entry(words[0].clone()).or_default().push(words);
            }
        }
        // Longest first, so that the first match is the longest.
        for names in by_first.values_mut() {
            names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        }
        KnownNames { by_first, places: HashSet::new(), adjectives: HashSet::new() }
    }

    /// Adds the one-word place names among `names` (countries, regions, cities), capitalised as
    /// `new` requires; a common noun with such a form mid-text is the place ("in *Guinea*").
    pub fn with_places<S: AsRef<str>>(mut self, names: impl IntoIterator<Item = S>) -> KnownNames {
        let one_word = |n: &str| !n.contains(' ') && is_capitalised(n);
        self.places.extend(names.into_iter().filter(|n| one_word(n.as_ref())).map(|n| n.as_ref().to_string()));
        self
    }

    /// Adds the one-word country adjectives among `words` ("Cambodian", "Burkinabe").
    pub fn with_adjectives<S: AsRef<str>>(mut self, words: impl IntoIterator<Item = S>) -> KnownNames {
        let one_word = |n: &str| !n.contains(' ') && is_capitalised(n);
        self.adjectives.extend(words.into_iter().filter(|n| one_word(n.as_ref())).map(|n| n.as_ref().to_string()));
        self
    }

    /// Whether `word` is a known one-word place name, in its capitalised form.
    pub fn is_place(&self, word: &str) -> bool {
        self.places.contains(word)
    }

    /// Whether `word` is a known country adjective, in its capitalised form.
    pub fn is_adjective(&self, word: &str) -> bool {
        self.adjectives.contains(word)
    }

    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum::<usize>() + self.places.len() + self.adjectives.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty() && self.places.is_empty() && self.adjectives.is_empty()
    }

    /// The words of `words` inside a known name, longest match first, left to right.
    pub fn words_in_names(&self, words: &[&str]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut k = 0;
        while k < words.len() {
            // Most words are not capitalised: no lookup for them.
            let capitalised = words[k].starts_with(|c: char| c.is_uppercase());
            let found = capitalised.then(|| self.by_first.get(words[k])).flatten().and_then(|names| names.iter().find(|n| starts_with(&words[k..], n)));
            match found {
                Some(name) => {
                    out.extend(k..k + name.len());
                    k += name.len();
                }
                None => k += 1,
            }
        }
        out
    }
}

fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && word.chars().all(char::is_alphabetic) && word.chars().any(char::is_lowercase)
}

fn starts_with(words: &[&str], name: &[String]) -> bool {
    words.len() >= name.len() && words.iter().zip(name).all(|(w, n)| w == n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_longest_known_name_and_skips_what_it_cannot_match() {
        let names = KnownNames::new(["Human Rights Watch", "Human Rights", "NATO", "al-Qaeda", "Secretary of State", "Theresa May"]);
        assert_eq!(names.len(), 3);
        let words = ["Human", "Rights", "Watch", "and", "Theresa", "May", "said"];
        assert_eq!(names.words_in_names(&words), vec![0, 1, 2, 4, 5]);
        // Case matters: a headline in capitals is no evidence.
        assert!(names.words_in_names(&["HUMAN", "RIGHTS", "WATCH"]).is_empty());
        let names = names.with_places(["Guinea", "Tripoli", "New York", "UK"]);
        assert_eq!(names.len(), 5);
        assert!(names.is_place("Guinea") && !names.is_place("guinea") && !names.is_place("UK"));
        let names = names.with_adjectives(["Cambodian", "Central African", "US"]);
        assert_eq!(names.len(), 6);
        assert!(names.is_adjective("Cambodian") && !names.is_adjective("Central African") && !names.is_adjective("Guinea"));
    }
}
