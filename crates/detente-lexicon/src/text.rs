//! Name normalisation shared by lookups, the token matcher and the loaders.
//!
//! A name or token is cut into *words*: runs of letters and digits, lower-cased and folded to
//! ASCII where a Latin letter carries a diacritic ("Élysée" → `elysee`). Periods and apostrophes
//! inside a word are dropped ("U.S." → `us`, "d'Ivoire" → `divoire`); every other character
//! (space, hyphen, slash, underscore, brackets, …) separates words ("al-Qaeda" → `al qaeda`).
//! Each word also keeps the *shape* of its original spelling, used by the case rules of
//! [`crate::ActorLexicon::match_tokens`].

/// How a word was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// No capital first letter (or no letters at all).
    Lower,
    /// Capital first letter, not all capitals (or a single capital letter).
    Cap,
    /// Two or more letters/digits, every letter a capital ("NATO", "U.S.", "G20").
    Upper,
}

/// What a lexicon word requires of a text word in running-text matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordCase {
    /// Any spelling (lexicon word written in lower case, or imported upper-case dictionaries).
    Any,
    /// The text word must start with a capital ("Turkey", not "turkey").
    Cap,
    /// The text word must be all capitals ("US", not "us"; "WHO", not "who").
    Upper,
    /// An acronym of four or more letters: all capitals, or the title case many British papers
    /// print ("Nato", "Farc", "Unicef"); no such acronym in the lexicon is an English word.
    Acronym,
}

impl WordCase {
    pub(crate) fn of_word(word: &Word) -> WordCase {
        match word.shape {
            Shape::Lower => WordCase::Any,
            Shape::Cap => WordCase::Cap,
            Shape::Upper if word.text.len() >= 4 && word.text.bytes().all(|b| b.is_ascii_alphabetic()) => WordCase::Acronym,
            Shape::Upper => WordCase::Upper,
        }
    }

    pub(crate) fn accepts(self, shape: Shape) -> bool {
        match self {
            WordCase::Any => true,
            WordCase::Cap | WordCase::Acronym => shape != Shape::Lower,
            WordCase::Upper => shape == Shape::Upper,
        }
    }
}

/// One normalised word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub text: String,
    pub shape: Shape,
}

fn joiner(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '‘' | 'ʼ' | '`' | '´')
}

/// Cuts `s` into normalised words.
pub(crate) fn words(s: &str) -> Vec<Word> {
    let mut out = Vec::new();
    // Most tokens are one word: its room at once, rather than regrowing a char at a time.
    let mut cur = String::with_capacity(s.len());
    let mut letters = 0usize;
    let mut upper = 0usize;
    let mut alnum = 0usize;
    let mut first_upper: Option<bool> = None;
    let flush = |cur: &mut String,
                 letters: &mut usize,
                 upper: &mut usize,
                 alnum: &mut usize,
                 first_upper: &mut Option<bool>,
                 out: &mut Vec<Word>| {
        if !cur.is_empty() {
            let shape = if *letters > 0 && *upper == *letters && *alnum >= 2 {
                Shape::Upper
            } else if *first_upper == Some(true) {
                Shape::Cap
            } else {
                Shape::Lower
            };
            out.push(Word { text: std::mem::take(cur), shape });
        }
        *letters = 0;
        *upper = 0;
        *alnum = 0;
        *first_upper = None;
    };
    for (i, c) in s.char_indices() {
        // A possessive "'s" is a word of its own, as the tokenizer splits it off running text:
        // "People's Republic" = "People" "'s" "Republic".
        let mut after = s[i + c.len_utf8()..].chars();
        let possessive = matches!(c, '\'' | '’')
            && matches!(after.next(), Some('s' | 'S'))
            && !after.next().is_some_and(char::is_alphanumeric);
        if possessive {
            flush(&mut cur, &mut letters, &mut upper, &mut alnum, &mut first_upper, &mut out);
        } else if c.is_alphanumeric() {
            alnum += 1;
            if c.is_alphabetic() {
                letters += 1;
                let up = c.is_uppercase();
                if up {
                    upper += 1;
                }
                if first_upper.is_none() {
                    first_upper = Some(up);
                }
            }
            for l in c.to_lowercase() {
                fold_into(l, &mut cur);
            }
        } else if joiner(c) {
            // dropped inside a word: "U.S." = "US", "d'Ivoire" = "dIvoire"
        } else {
            flush(&mut cur, &mut letters, &mut upper, &mut alnum, &mut first_upper, &mut out);
        }
    }
    flush(&mut cur, &mut letters, &mut upper, &mut alnum, &mut first_upper, &mut out);
    out
}

/// The lookup key of a name: its words joined by single spaces, a leading "the" dropped when
/// more words follow ("the Kremlin" = "Kremlin").
pub fn normalize(name: &str) -> String {
    let ws = strip_article(words(name));
    let mut key = String::new();
    for (i, w) in ws.iter().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        key.push_str(&w.text);
    }
    key
}

pub(crate) fn strip_article(mut ws: Vec<Word>) -> Vec<Word> {
    if ws.len() > 1 && ws[0].text == "the" {
        ws.remove(0);
    }
    ws
}

/// True for a token made only of characters that may sit inside a name ("-", "/", "'", ".")
/// and that the matcher therefore steps over.
pub(crate) fn is_transparent(token: &str) -> bool {
    !token.is_empty()
        && token
            .chars()
            .all(|c| matches!(c, '-' | '‐' | '‑' | '–' | '/' | '.' | '\'' | '’' | '&'))
}

fn fold_into(c: char, out: &mut String) {
    let s: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ậ' => "a",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ẹ' | 'ế' | 'ề' | 'ệ' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ị' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' | 'ọ' | 'ố' | 'ồ' | 'ộ' | 'ơ' => "o",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' | 'ụ' | 'ư' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(s);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_names() {
        assert_eq!(normalize("U.S."), "us");
        assert_eq!(normalize("US"), "us");
        assert_eq!(normalize("the Kremlin"), "kremlin");
        assert_eq!(normalize("The Hague"), "hague");
        assert_eq!(normalize("al-Qaeda"), "al qaeda");
        assert_eq!(normalize("Élysée Palace"), "elysee palace");
        assert_eq!(normalize("Côte d'Ivoire"), "cote divoire");
        // A possessive is split off as the tokenizer splits it off running text.
        assert_eq!(normalize("People's Republic of China"), "people s republic of china");
        assert_eq!(normalize("Jehovah’s Witnesses"), "jehovah s witnesses");
        assert_eq!(normalize("UNITED_STATES"), "united states");
        assert_eq!(normalize("Türkiye"), "turkiye");
        assert_eq!(normalize("the"), "the");
    }

    #[test]
    fn shapes() {
        let w = words("U.S. NATO Nato nato G20 W.");
        let shapes: Vec<Shape> = w.iter().map(|w| w.shape).collect();
        assert_eq!(shapes, vec![Shape::Upper, Shape::Upper, Shape::Cap, Shape::Lower, Shape::Upper, Shape::Cap]);
    }
}
