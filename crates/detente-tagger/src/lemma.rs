//! Lemmatisation from a word form and its PTB tag.
//!
//! Three layers, most specific first:
//! 1. an exception lexicon of every `(form, XPOS)` seen in training with its
//!    most frequent lemma (covers irregulars: met → meet, better → good, and
//!    the treebanks' conventions: ca → can, 'll → will);
//! 2. suffix-rewrite rules learned from the training word types: for the
//!    longest suffix of the word seen with this tag in at least
//!    [`MIN_RULE_SUPPORT`] types, the most frequent "strip n characters,
//!    append s" rewrite ("-ssed" VBD → strip 2; "-nned" VBD → strip 3);
//! 3. hand-written English inflection rules for endings no training type
//!    supports.
//!
//! Case follows UD English: lemmas are lowercase except where the training
//! data keeps the case for that tag and casing (proper nouns, nationality
//! adjectives like "American" JJ), learned rather than listed.

use detente_linear::{hash_str, mix, KeyIndex, StrHash};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Longest suffix (in characters) a learned rule is keyed on.
const MAX_SUFFIX: usize = 6;
/// Word types a suffix must occur in before its rewrite is trusted.
const MIN_RULE_SUPPORT: u32 = 2;

/// "Strip `strip` characters, then append `append`."
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
struct Rewrite {
    strip: u8,
    append: String,
}

impl Rewrite {
    fn between(base: &[char], lemma: &str) -> Rewrite {
        let common = base
            .iter()
            .zip(lemma.chars())
            .take_while(|(a, b)| *a == b)
            .count();
        Rewrite {
            strip: (base.len() - common).min(usize::from(u8::MAX)) as u8,
            append: lemma.chars().skip(common).collect(),
        }
    }

    fn apply(&self, base: &[char]) -> Option<String> {
        // No suffix justifies rewriting more than the longest suffix a rule is keyed on: such
        // rewrites come from words whose lemma differs only in case ("CHINESE" → "Chinese") and
        // would turn "Burmese" into "Chinese".
        // Nor does one that appends capitals: it restores the case of one word ("korean" →
        // "Korean") and would turn "eritrean" into "erKorean".
        if usize::from(self.strip) > MAX_SUFFIX || self.append.chars().any(char::is_uppercase) {
            return None;
        }
        let keep = base.len().checked_sub(usize::from(self.strip))?;
        let out: String = base[..keep]
            .iter()
            .copied()
            .chain(self.append.chars())
            .collect();
        (!out.is_empty()).then_some(out)
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Lemmatiser {
    /// `mix(hash(xpos), hash(form))` → lemma.
    #[serde(with = "detente_linear::hash::raw_u64")]
    exception_keys: Vec<u64>,
    exception_lemmas: Vec<String>,
    /// `mix(mix(hash(xpos), k), hash(last k chars))` → rewrite index.
    #[serde(with = "detente_linear::hash::raw_u64")]
    rule_keys: Vec<u64>,
    rule_rewrites: Vec<u32>,
    rewrites: Vec<Rewrite>,
    /// `mix(hash(xpos), casing)` of tag/casing pairs whose lemmas keep case.
    #[serde(with = "detente_linear::hash::raw_u64")]
    keep_case: Vec<u64>,
    /// Exception key → the lemma, packed by [`pack_lemma`].
    #[serde(skip)]
    exceptions: KeyIndex<u64>,
    /// The exception lemmas too long to pack.
    #[serde(skip)]
    long_lemmas: String,
    /// Rule key → rewrite index.
    #[serde(skip)]
    rules: KeyIndex,
    #[serde(skip)]
    keep: KeyIndex,
}

/// How a form is capitalised, for the keep-case decision.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Casing {
    Lower,
    Initial,
    AllUpper,
}

fn casing(form: &str) -> Casing {
    let mut letters = form.chars().filter(|c| c.is_alphabetic());
    match letters.next() {
        Some(c) if c.is_uppercase() => {
            if letters.all(char::is_uppercase) {
                Casing::AllUpper
            } else {
                Casing::Initial
            }
        }
        Some(_) if form.chars().any(char::is_uppercase) => Casing::Initial,
        _ => Casing::Lower,
    }
}

/// Lemmas this long or shorter (most) are packed into their index value
/// itself, so that finding one costs one cache miss rather than three (slot,
/// `String`, its bytes).
const INLINE_LEMMA: usize = 7;
/// The top byte of a value of a lemma in [`Lemmatiser::long_lemmas`].
const LONG_LEMMA: u64 = 0xFF << 56;

/// An exception lemma as an index value: its bytes with the length in the
/// top byte, or [`LONG_LEMMA`] with its length and offset in `long`.
fn pack_lemma(lemma: &str, long: &mut String) -> u64 {
    let bytes = lemma.as_bytes();
    if bytes.len() <= INLINE_LEMMA {
        let mut packed = [0; 8];
        packed[..bytes.len()].copy_from_slice(bytes);
        packed[7] = bytes.len() as u8;
        u64::from_le_bytes(packed)
    } else {
        let offset = long.len() as u64;
        long.push_str(lemma);
        LONG_LEMMA | (bytes.len() as u64) << 32 | offset
    }
}

fn exception_key(xpos: &str, form: &str) -> u64 {
    mix(hash_str(xpos), hash_str(form))
}

fn case_key(xpos: &str, c: Casing) -> u64 {
    mix(hash_str(xpos), c as u64 + 1)
}

/// Rule keys for suffixes of 1..=MAX_SUFFIX characters, longest first.
fn rule_keys(xpos: &str, base: &[char]) -> impl Iterator<Item = u64> {
    let tag = hash_str(xpos);
    let mut h = StrHash::new();
    let mut keys = Vec::with_capacity(MAX_SUFFIX);
    for (k, c) in base.iter().rev().take(MAX_SUFFIX).enumerate() {
        h.char(c.to_lowercase().next().unwrap_or(*c));
        keys.push(mix(mix(tag, k as u64 + 1), h.finish()));
    }
    keys.into_iter().rev()
}

impl Lemmatiser {
    pub fn rebuild(&mut self) {
        let mut long = String::new();
        let packed: Vec<u64> = self
            .exception_lemmas
            .iter()
            .map(|l| pack_lemma(l, &mut long))
            .collect();
        self.exceptions = KeyIndex::build(&self.exception_keys, packed);
        self.long_lemmas = long;
        self.rules = KeyIndex::build(&self.rule_keys, self.rule_rewrites.iter().copied());
        self.keep = KeyIndex::from_keys(&self.keep_case);
    }

    /// Learns from `(form, xpos, lemma)` training tokens.
    pub fn learn<'a>(tokens: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Lemmatiser {
        let mut pairs: BTreeMap<(&str, &str), BTreeMap<&str, u32>> = BTreeMap::new();
        for (form, xpos, lemma) in tokens.filter(|t| t.2 != "_") {
            *pairs
                .entry((form, xpos))
                .or_default()
                .entry(lemma)
                .or_default() += 1;
        }
        // Most frequent lemma of each (form, xpos); ties go to the smaller
        // string, so the result never depends on input order.
        let best: Vec<((&str, &str), &str)> = pairs
            .iter()
            .map(|(&k, lemmas)| {
                let (&l, _) = lemmas
                    .iter()
                    .max_by_key(|&(&l, &n)| (n, std::cmp::Reverse(l)))
                    .unwrap();
                (k, l)
            })
            .collect();

        let mut lem = Lemmatiser::default();
        // Keep case where most capitalised types of a tag keep it in the lemma.
        let mut case_votes: BTreeMap<(&str, u8), (u32, u32)> = BTreeMap::new();
        for &((form, xpos), lemma) in &best {
            let c = casing(form);
            if c != Casing::Lower {
                let v = case_votes.entry((xpos, c as u8)).or_default();
                if lemma.chars().any(char::is_uppercase) {
                    v.0 += 1;
                } else {
                    v.1 += 1;
                }
            }
        }
        for (&(xpos, c), &(keep, lower)) in &case_votes {
            if keep > lower {
                let casing = if c == Casing::Initial as u8 {
                    Casing::Initial
                } else {
                    Casing::AllUpper
                };
                lem.keep_case.push(case_key(xpos, casing));
            }
        }
        lem.rebuild();

        let mut votes: BTreeMap<u64, BTreeMap<Rewrite, u32>> = BTreeMap::new();
        for &((form, xpos), lemma) in &best {
            let base = lem.base(form, xpos);
            let rewrite = Rewrite::between(&base, lemma);
            for key in rule_keys(xpos, &base) {
                *votes
                    .entry(key)
                    .or_default()
                    .entry(rewrite.clone())
                    .or_default() += 1;
            }
        }
        let mut ids: BTreeMap<Rewrite, u32> = BTreeMap::new();
        for (key, rewrites) in votes {
            if rewrites.values().sum::<u32>() < MIN_RULE_SUPPORT {
                continue;
            }
            let (r, _) = rewrites
                .iter()
                .max_by_key(|&(r, &n)| (n, std::cmp::Reverse(r)))
                .unwrap();
            let next = ids.len() as u32;
            let id = *ids.entry(r.clone()).or_insert(next);
            lem.rule_keys.push(key);
            lem.rule_rewrites.push(id);
        }
        lem.rewrites = vec![
            Rewrite {
                strip: 0,
                append: String::new()
            };
            ids.len()
        ];
        for (r, id) in ids {
            lem.rewrites[id as usize] = r;
        }
        for ((form, xpos), lemma) in best {
            lem.exception_keys.push(exception_key(xpos, form));
            lem.exception_lemmas.push(lemma.to_string());
        }
        lem.rebuild();
        lem
    }

    /// The form in the case its lemma should have.
    fn base(&self, form: &str, xpos: &str) -> Vec<char> {
        let c = casing(form);
        if c == Casing::Lower || self.keep.get(case_key(xpos, c)).is_some() {
            form.chars().collect()
        } else {
            form.chars().flat_map(char::to_lowercase).collect()
        }
    }

    /// Starts loading what [`Lemmatiser::lemma`] looks up first.
    pub fn prefetch(&self, form: &str, xpos: &str) {
        self.exceptions.prefetch(exception_key(xpos, form));
    }

    pub fn lemma(&self, form: &str, xpos: &str) -> String {
        // A capitalised common word ("Studies" starting a sentence) as it is lowercased, when the
        // form itself is no exception.
        let capitalised = casing(form) != Casing::Lower;
        let mut lower: Option<String> = None;
        // A past tense and its participle share their lemma: "shot" seen only as a participle
        // (VBN) is still "shoot" when read as a past tense.
        let same_lemma = match xpos {
            "VBD" => Some("VBN"),
            "VBN" => Some("VBD"),
            _ => None,
        };
        for tag in std::iter::once(xpos).chain(same_lemma) {
            if let Some(packed) = self.exceptions.get(exception_key(tag, form)) {
                return self.unpack_lemma(packed);
            }
            if capitalised {
                let lower = lower.get_or_insert_with(|| form.to_lowercase());
                if let Some(packed) = self.exceptions.get(exception_key(tag, lower)) {
                    return self.unpack_lemma(packed);
                }
            }
        }
        let base = self.base(form, xpos);
        for key in rule_keys(xpos, &base) {
            if let Some(r) = self.rules.get(key) {
                let rewrite = &self.rewrites[r as usize];
                if let Some(lemma) = rewrite.apply(&base) {
                    return lemma;
                }
            }
        }
        rule_lemma(&base.iter().collect::<String>(), xpos)
    }

    /// The lemma of [`pack_lemma`]'s `packed`.
    fn unpack_lemma(&self, packed: u64) -> String {
        if packed & LONG_LEMMA == LONG_LEMMA {
            let offset = packed as u32 as usize;
            let len = (packed >> 32) as usize & 0xFF_FFFF;
            return self.long_lemmas[offset..offset + len].to_string();
        }
        let bytes = packed.to_le_bytes();
        let len = usize::from(bytes[7]);
        // A whole lemma's bytes, so valid UTF-8.
        String::from_utf8(bytes[..len].to_vec()).unwrap_or_default()
    }

    pub fn validate(&self) -> Result<(), String> {
        if self.exception_keys.len() != self.exception_lemmas.len()
            || self.rule_keys.len() != self.rule_rewrites.len()
            || self
                .rule_rewrites
                .iter()
                .any(|&r| r as usize >= self.rewrites.len())
            // Long lemmas' lengths and offsets must fit [`pack_lemma`]'s bits.
            || self.exception_lemmas.iter().any(|l| l.len() > 0xFF_FFFF)
            || self.exception_lemmas.iter().map(String::len).sum::<usize>() > u32::MAX as usize
        {
            return Err("lemmatiser tables are inconsistent".into());
        }
        Ok(())
    }

    pub fn exceptions(&self) -> usize {
        self.exception_keys.len()
    }

    pub fn rules(&self) -> usize {
        self.rule_keys.len()
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Hand-written English inflection rules for a case-normalised form.
pub fn rule_lemma(base: &str, xpos: &str) -> String {
    let strip = |suffix: &str| base.strip_suffix(suffix).filter(|s| !s.is_empty());
    let out = match xpos {
        "NNS" | "NNPS" | "VBZ" => plural_stem(base),
        "VBD" | "VBN" => match (strip("ied"), strip("ed")) {
            (Some(s), _) if s.len() > 1 => Some(format!("{s}y")),
            (Some(s), _) => Some(format!("{s}ie")), // died, tied
            (None, Some(s)) => Some(restore_stem(s)),
            (None, None) => None,
        },
        "VBG" => strip("ing").map(|s| match s.strip_suffix('y') {
            Some(d) if d.len() == 1 => format!("{d}ie"), // dying, lying
            _ => restore_stem(s),
        }),
        "JJR" | "RBR" => strip("ier")
            .map(|s| format!("{s}y"))
            .or_else(|| strip("er").map(restore_stem)),
        "JJS" | "RBS" => strip("iest")
            .map(|s| format!("{s}y"))
            .or_else(|| strip("est").map(restore_stem)),
        _ => None,
    };
    out.unwrap_or_else(|| base.to_string())
}

/// Singular of a plural noun / base of a 3rd-person verb.
fn plural_stem(w: &str) -> Option<String> {
    if let Some(s) = w.strip_suffix("ies") {
        // "studies" → study, but "ties", "lies", "pies" → tie, lie, pie.
        return Some(if s.len() > 1 {
            format!("{s}y")
        } else {
            format!("{s}ie")
        });
    }
    for sibilant in ["sses", "shes", "ches", "xes", "zzes"] {
        if w.ends_with(sibilant) {
            return Some(w[..w.len() - 2].to_string());
        }
    }
    if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        return None; // class, status, analysis
    }
    w.strip_suffix('s')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Undoes the spelling changes before -ed/-ing/-er/-est: a doubled final
/// consonant ("plann" → plan; but "mass", "call", "stuff", "buzz" keep theirs)
/// and a dropped silent e ("rul" → rule: a single-syllable
/// consonant-vowel-consonant stem is short only because the e went).
fn restore_stem(s: &str) -> String {
    let c: Vec<char> = s.chars().collect();
    let n = c.len();
    if n >= 3 && c[n - 1] == c[n - 2] && !is_vowel(c[n - 1]) && !"lsfz".contains(c[n - 1]) {
        return c[..n - 1].iter().collect();
    }
    let syllables = c
        .iter()
        .zip(std::iter::once(&' ').chain(c.iter()))
        .filter(|(&x, &prev)| is_vowel(x) && !is_vowel(prev))
        .count();
    let cvc = n >= 3
        && !is_vowel(c[n - 1])
        && !"wxy".contains(c[n - 1])
        && is_vowel(c[n - 2])
        && !is_vowel(c[n - 3]);
    let silent_e = (cvc && syllables == 1)
        || c.last().is_some_and(|&l| l == 'v' || l == 'e')
        || s.ends_with("at") && n > 3
        || s.ends_with("iz")
        || s.ends_with('c') && !s.ends_with("ic");
    if silent_e {
        format!("{s}e")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_rules_cover_regular_inflection() {
        for (form, xpos, lemma) in [
            ("massed", "VBD", "mass"),
            ("planned", "VBD", "plan"),
            ("ruling", "VBG", "rule"),
            ("troops", "NNS", "troop"),
            ("ties", "NNS", "tie"),
            ("studies", "NNS", "study"),
            ("studied", "VBD", "study"),
            ("called", "VBN", "call"),
            ("hoped", "VBD", "hope"),
            ("created", "VBN", "create"),
            ("agreed", "VBD", "agree"),
            ("opening", "VBG", "open"),
            ("dying", "VBG", "die"),
            ("boxes", "NNS", "box"),
            ("status", "NN", "status"),
            ("bigger", "JJR", "big"),
            ("happiest", "JJS", "happy"),
            ("later", "RBR", "late"),
        ] {
            assert_eq!(rule_lemma(form, xpos), lemma, "{form}/{xpos}");
        }
    }

    fn tiny() -> Lemmatiser {
        let data = [
            ("met", "VBD", "meet"),
            ("better", "JJR", "good"),
            ("passed", "VBD", "pass"),
            ("missed", "VBD", "miss"),
            ("stopped", "VBD", "stop"),
            ("scanned", "VBD", "scan"),
            ("banned", "VBD", "ban"),
            ("planned", "VBN", "plan"),
            ("Americans", "NNPS", "American"),
            ("Germans", "NNPS", "German"),
            ("The", "DT", "the"),
            ("I", "PRP", "I"),
            ("Paris", "NNP", "Paris"),
            ("London", "NNP", "London"),
            ("American", "JJ", "American"),
            ("Russian", "JJ", "Russian"),
        ];
        Lemmatiser::learn(data.into_iter())
    }

    #[test]
    fn learned_lexicon_and_rules() {
        let lem = tiny();
        assert_eq!(lem.lemma("met", "VBD"), "meet");
        assert_eq!(lem.lemma("better", "JJR"), "good");
        // Unseen words: learned suffix rules ("-ssed" strips 2, "-nned" 3).
        assert_eq!(lem.lemma("massed", "VBD"), "mass");
        assert_eq!(lem.lemma("manned", "VBD"), "man");
        // Unseen words with no supported suffix: hand rules.
        assert_eq!(lem.lemma("ruling", "VBG"), "rule");
        assert_eq!(lem.lemma("studies", "NNS"), "study");
        assert_eq!(lem.lemma("troops", "NNS"), "troop");
        assert_eq!(lem.lemma("ties", "VBZ"), "tie");
        // Capitalised common word falls back to the lowercase entry; proper
        // nouns and nationality adjectives keep their case.
        assert_eq!(lem.lemma("THE", "DT"), "the");
        assert_eq!(lem.lemma("Studies", "NNS"), "study");
        assert_eq!(lem.lemma("Berlin", "NNP"), "Berlin");
        assert_eq!(lem.lemma("Italians", "NNPS"), "Italian");
        assert_eq!(lem.lemma("French", "JJ"), "French");
        // A whole-word rewrite is no suffix rule.
        assert_eq!(Rewrite { strip: 7, append: "Chinese".into() }.apply(&['B', 'u', 'r', 'm', 'e', 's', 'e']), None);
        // Nor is restoring one word's capitals ("korean" → "Korean"), whatever its length.
        let eritrean: Vec<char> = "eritrean".chars().collect();
        assert_eq!(Rewrite { strip: 6, append: "Korean".into() }.apply(&eritrean), None);
    }

    #[test]
    fn packed_lemmas_unpack_to_themselves() {
        let mut lem = Lemmatiser::default();
        for l in ["", "be", "meet", "1234567", "12345678", "naïve", "naïveté", "international"] {
            let packed = pack_lemma(l, &mut lem.long_lemmas);
            assert_eq!(lem.unpack_lemma(packed), l);
        }
    }

    #[test]
    fn lemmatiser_round_trips_through_postcard() {
        let lem = tiny();
        let mut back: Lemmatiser =
            postcard::from_bytes(&postcard::to_stdvec(&lem).unwrap()).unwrap();
        back.rebuild();
        for (f, x) in [("met", "VBD"), ("massed", "VBD"), ("Italians", "NNPS")] {
            assert_eq!(back.lemma(f, x), lem.lemma(f, x));
        }
    }
}
