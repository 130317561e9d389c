//! Abbreviation tables. A word listed here keeps its final period as part of
//! the token ("Gen." is one token), as Universal Dependencies tokenises it.

use std::collections::HashMap;
use std::sync::OnceLock;

/// How an abbreviation behaves at a potential sentence boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Precedes a name or number and never ends a sentence ("Mr.", "Gen.", "Jan.").
    Prefix,
    /// Often ends a sentence ("etc.", "Inc."); the period then doubles as the
    /// sentence's full stop and is split off, as UD does.
    Terminal,
    /// Only an abbreviation before a digit ("No. 10", "Art. 5"); otherwise a word.
    BeforeNumber,
}

const PREFIX: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr",
    "cdr", "adm", "sgt", "cpl", "pvt", "brig", "sen", "sens", "rep", "reps", "gov", "pres", "rev", "hon",
    "amb", "supt", "insp", "det", "st", "ste", "mt", "ft", "fr", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
    "sat", "sun", "vs", "v", "ave", "blvd", "rd", "calif", "conn", "fla", "ga", "ill", "kan", "ky", "md",
    "mich", "minn", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wis", "wyo", "ariz",
    "ark", "colo", "ala", "attn", "approx", "dept", "div", "est", "cf", "ca", "viz", "fig", "figs", "vol",
    "vols", "ed", "eds", "pp", "op", "sr", "jr", "e.g", "i.e", "oz", "lb", "lbs", "la", "cal", "mass", "wash",
];

const TERMINAL: &[&str] = &["etc", "inc", "corp", "ltd", "co", "bros", "plc", "al", "llc"];

const BEFORE_NUMBER: &[&str] = &["no", "nos", "art", "arts", "p", "para", "sec", "ch", "tel", "ext"];

/// Words that often open a sentence (sorted, for binary search). After an ambiguous abbreviation ("in the
/// U.S. The talks ...") such a word signals a sentence boundary.
const SENTENCE_STARTERS: &[&str] = &[
    "a", "after", "all", "also", "an", "and", "as", "at", "but", "by", "for", "he", "her", "his", "however",
    "i", "if", "in", "it", "its", "meanwhile", "more", "most", "my", "no", "on", "one", "our", "she", "so",
    "some", "that", "the", "their", "there", "these", "they", "this", "those", "thus", "to", "we", "what",
    "when", "while", "with", "yet", "you", "your",
];

/// Every listed word, lowercase, with its kind (built once; looked up per
/// period-final token, so a hash lookup rather than a list scan).
fn table() -> &'static HashMap<&'static str, AbbrevKind> {
    static TABLE: OnceLock<HashMap<&'static str, AbbrevKind>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = HashMap::new();
        // Later lists do not override earlier ones.
        for (list, kind) in [(PREFIX, AbbrevKind::Prefix), (TERMINAL, AbbrevKind::Terminal), (BEFORE_NUMBER, AbbrevKind::BeforeNumber)] {
            for &w in list {
                map.entry(w).or_insert(kind);
            }
        }
        map
    })
}

/// `word` lowercased into `buf`, if it is short ASCII (no listed word is not).
fn lower_ascii<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (dst, src) in buf.iter_mut().zip(bytes) {
        *dst = src.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

/// Classifies `stem` (the word before its final period) as an abbreviation.
pub fn kind(stem: &str) -> Option<AbbrevKind> {
    let mut buf = [0u8; 24];
    table().get(lower_ascii(stem, &mut buf)?).copied()
}

/// Dotted initialisms and initials: "U.S", "a.m", "Ph.D", "J" (the final period
/// excluded). Letters separated by single periods, each run at most 2 letters.
pub fn is_initialism(stem: &str) -> bool {
    let mut run = 0;
    let mut letters = 0;
    for c in stem.chars() {
        if c == '.' {
            if run == 0 {
                return false;
            }
            run = 0;
        } else if c.is_alphabetic() {
            run += 1;
            letters += 1;
            if run > 2 {
                return false;
            }
        } else {
            return false;
        }
    }
    run > 0 && (letters == 1 && stem.chars().next().is_some_and(char::is_uppercase) || stem.contains('.'))
}

pub fn is_sentence_starter(word: &str) -> bool {
    let mut buf = [0u8; 24];
    lower_ascii(word, &mut buf).is_some_and(|w| SENTENCE_STARTERS.binary_search(&w).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_starters_are_sorted() {
        assert!(SENTENCE_STARTERS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn classifies() {
        assert_eq!(kind("Gen"), Some(AbbrevKind::Prefix));
        assert_eq!(kind("etc"), Some(AbbrevKind::Terminal));
        assert_eq!(kind("No"), Some(AbbrevKind::BeforeNumber));
        assert_eq!(kind("troops"), None);
        assert!(is_initialism("U.S"));
        assert!(is_initialism("a.m"));
        assert!(is_initialism("Ph.D"));
        assert!(is_initialism("J"));
        assert!(!is_initialism("j"));
        assert!(!is_initialism("USA"));
        assert!(!is_initialism("border"));
    }
}
