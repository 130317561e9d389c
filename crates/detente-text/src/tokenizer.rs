//! Rule-based tokenisation into Universal Dependencies words.
//!
//! Text is cut at whitespace into chunks; each chunk loses its leading and
//! trailing punctuation one mark at a time, then its middle is split at dashes,
//! slashes and similar, and finally contractions and possessives are split off
//! as UD does ("didn't" → `did` `n't`, marked `joined`). The conventions follow
//! the English UD treebanks (EWT, GUM): abbreviations keep their period, most
//! hyphenated compounds are split ("long - range") but prefixes are not
//! ("pro-Western", "e-mail"), numbers keep their commas and decimal points.

use crate::abbrev::{self, AbbrevKind};
use detente_core::{Span, Token};

/// Prefixes that stay attached to the word after their hyphen.
const HYPHEN_PREFIXES: &[&str] = &[
    "anti", "bi", "co", "counter", "cross", "de", "e", "ex", "inter", "intra", "macro", "micro", "mid",
    "mini", "multi", "neo", "non", "over", "post", "pre", "pro", "re", "semi", "sub", "super", "trans",
    "tri", "ultra", "un", "x",
];

/// Units split from a number written against them ("7pm" → `7` `pm`).
const UNITS: &[&str] = &["am", "pm", "k", "m", "km", "kg", "g", "mg", "lb", "lbs", "mph", "mm", "cm", "ml", "gb", "mb", "bn", "mn", "hrs", "min"];

/// Where a unit starts in a number+unit word, if it is one.
fn unit_suffix_start(w: &str) -> Option<usize> {
    let digits_end = w.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | ':')))?;
    if digits_end == 0 || !w.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let unit = &w[digits_end..];
    UNITS.iter().any(|u| unit.eq_ignore_ascii_case(u)).then_some(digits_end)
}

/// Words UD splits although they contain no apostrophe.
const FUSED_WORDS: &[(&str, usize)] =
    &[("cannot", 3), ("gonna", 3), ("wanna", 3), ("gotta", 3), ("gimme", 3), ("lemme", 3)];

/// Contraction suffixes split off a word ("we're" → `we` `'re`), apostrophe excluded.
const CLITICS: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

const EMOTICONS: &[&str] = &[":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":p", "<3", ":/", ":'("];

/// Per-paragraph state the rules need: whether a single quotation mark is
/// open, so that a closing ’ after "consequences" is a quote, not a possessive.
#[derive(Default)]
pub(crate) struct QuoteState {
    single_open: bool,
}

/// Splits text into UD tokens. Stateless; cheap to share between threads.
#[derive(Clone, Copy, Debug, Default)]
pub struct Tokenizer;

/// Characters that separate chunks besides Unicode whitespace.
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{2060}')
}

const LETTER: u8 = 0;
const SPACE: u8 = 1;
const OTHER: u8 = 2;
/// A UTF-8 lead byte of some non-ASCII separator (NBSP, U+2009, U+3000, ...).
const MAYBE_SPACE: u8 = 3;

/// The class of every byte, so the scan for chunk ends is one table lookup a byte.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphabetic() {
            LETTER
        } else if matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            SPACE
        } else if matches!(byte, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF) {
            MAYBE_SPACE
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

/// The byte length of the separator at `pos` (a byte of `text`, possibly a
/// UTF-8 continuation byte, which never starts a separator), if there is one.
/// Only a few UTF-8 lead bytes can start a non-ASCII separator, so most bytes
/// are classified without decoding.
#[inline]
fn separator_len(text: &str, pos: usize) -> Option<usize> {
    let b = text.as_bytes()[pos];
    match b {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => Some(1),
        0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => {
            let c = text[pos..].chars().next().expect("a lead byte starts a char");
            is_separator(c).then(|| c.len_utf8())
        }
        _ => None,
    }
}

fn is_opening_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '<' | '«' | '‹')
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '„' | '‚' | '‟')
}

fn is_always_split(c: char) -> bool {
    matches!(
        c,
        '—' | '–' | '―' | '(' | ')' | '[' | ']' | '{' | '}' | '"' | '“' | '”' | '„' | '«' | '»' | '!' | '?'
            | ';' | '…' | '<' | '>' | '|' | '•'
    )
}

fn char_before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s[i..].chars().next()
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// URLs, e-mail addresses, @mentions and #hashtags stay single tokens.
fn is_unsplittable(s: &str) -> bool {
    let bytes = s.as_bytes();
    let Some(&first) = bytes.first() else { return false };
    if first == b'#' || first == b'@' {
        return s[1..].chars().next().is_some_and(char::is_alphabetic) && s[1..].chars().all(|c| c.is_alphanumeric() || c == '_');
    }
    if starts_with_ignore_case(s, "www.") {
        return true;
    }
    if bytes.contains(&b':') && ["http://", "https://", "ftp://", "mailto:"].iter().any(|p| starts_with_ignore_case(s, p)) {
        return true;
    }
    // e-mail: local@domain.tld
    let Some(at) = s.find('@') else { return false };
    let (local, domain) = (&s[..at], &s[at + 1..]);
    !local.is_empty()
        && domain.contains('.')
        && !domain.ends_with('.')
        && local.chars().chain(domain.chars()).all(|c| c.is_alphanumeric() || "._%+-".contains(c))
}

/// Whether a chunk starting with an apostrophe is a word ("'s", "'90s", "'em")
/// rather than an opening quotation mark.
fn apostrophe_starts_word(s: &str) -> bool {
    let rest = &s[char_at(s, 0).map_or(0, char::len_utf8)..];
    let word_end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    let word = &rest[..word_end];
    if word.is_empty() {
        return false;
    }
    if word.bytes().all(|b| b.is_ascii_digit()) || word.len() == 3 && word.ends_with('s') && word.as_bytes()[0].is_ascii_digit() {
        return true; // '90s, '22
    }
    CLITICS.iter().any(|c| word.eq_ignore_ascii_case(c)) || ["em", "til", "cause", "n"].iter().any(|w| word.eq_ignore_ascii_case(w))
}

impl Tokenizer {
    pub fn new() -> Tokenizer {
        Tokenizer
    }

    /// Appends the tokens of `text[range]` to `out`. `space_after` is set
    /// from the following character of the whole `text`.
    pub fn tokenize_range(&self, text: &str, range: std::ops::Range<usize>, out: &mut Vec<Token>) {
        let mut state = QuoteState::default();
        let bytes = text.as_bytes();
        let mut pos = range.start;
        while pos < range.end {
            if let Some(len) = separator_len(text, pos) {
                pos += len;
                continue;
            }
            let start = pos;
            // Plain ASCII words, most chunks, skip the punctuation rules.
            let mut plain = true;
            while pos < range.end {
                match BYTE_CLASS[bytes[pos] as usize] {
                    LETTER => {}
                    SPACE => break,
                    MAYBE_SPACE if separator_len(text, pos).is_some() => break,
                    _ => plain = false,
                }
                pos += 1;
            }
            let first = out.len();
            if plain {
                split_plain_word(text, start, pos, out);
            } else {
                self.split_chunk(text, start, pos, &mut state, out);
            }
            // Tokens of a chunk touch each other; only the last may have a space after.
            if out.len() > first {
                let last = out.last_mut().expect("non-empty");
                last.space_after = pos < range.end || text[pos..].chars().next().is_none_or(is_separator);
            }
        }
    }

    /// Tokenizes a whole text (convenience for tests and callers without paragraphs).
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        self.tokenize_range(text, 0..text.len(), &mut out);
        out
    }

    fn split_chunk(&self, text: &str, start: usize, end: usize, state: &mut QuoteState, out: &mut Vec<Token>) {
        let chunk = &text[start..end];
        if chunk.len() <= 3 && chunk.starts_with([':', ';', '<']) && EMOTICONS.contains(&chunk) {
            push(out, start, end, false);
            return;
        }
        // URLs, e-mails and hashtags need one of these; skip their checks otherwise.
        let maybe_unsplittable = chunk.bytes().any(|b| matches!(b, b'@' | b':' | b'#'))
            || chunk.as_bytes().windows(4).any(|w| w.eq_ignore_ascii_case(b"www."));
        let unsplittable = |s: &str| maybe_unsplittable && is_unsplittable(s);
        let (mut lo, mut hi) = (start, end);
        // Leading punctuation.
        while lo < hi {
            let s = &text[lo..hi];
            if unsplittable(s) {
                break;
            }
            let c = char_at(s, 0).unwrap();
            let next = s[c.len_utf8()..].chars().next();
            let len = match c {
                _ if is_opening_quote(c) || c == '”' => c.len_utf8(),
                _ if is_opening_bracket(c) || matches!(c, '—' | '–' | '―' | '…' | '¿' | '¡' | '*' | '•' | '|' | '~' | '=' | '_') => {
                    run_len(s, c)
                }
                '‘' if next == Some('’') => 2 * c.len_utf8(), // ‘’ typed for “
                '‘' | '\'' | '`' => {
                    if apostrophe_starts_word(s) {
                        break;
                    }
                    state.single_open = true;
                    if s[c.len_utf8()..].starts_with(c) { 2 * c.len_utf8() } else { c.len_utf8() }
                }
                '-' if next == Some('-') => run_len(s, '-'),
                '-' if next.is_some_and(|n| n.is_ascii_digit()) => break,
                '-' => 1,
                '.' if next == Some('.') => run_len(s, '.'),
                '.' if next.is_some_and(|n| n.is_ascii_digit()) => break,
                '.' | ',' | ';' | ':' | '!' | '?' => 1,
                '$' | '€' | '£' | '¥' | '#' | '@' if next.is_some_and(|n| n.is_ascii_digit()) => c.len_utf8(),
                _ => break,
            };
            push(out, lo, lo + len, false);
            lo += len;
        }
        // Trailing punctuation, collected right to left.
        let mut tail: Vec<(usize, usize, bool)> = Vec::new();
        while lo < hi {
            let s = &text[lo..hi];
            let c = s.chars().next_back().unwrap();
            let stem = &s[..s.len() - c.len_utf8()];
            if unsplittable(s) && !(unsplittable(stem) && matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '\'' | '”' | '’')) {
                break;
            }
            let len = match c {
                ')' if stem.contains('(') && !stem.ends_with('(') && unsplittable(stem) => break,
                '"' | '“' | '”' | '»' | '›' | ',' | '%' | '°' => c.len_utf8(),
                ')' | ']' | '}' | '>' | ';' | '…' | '*' | '|' | '=' | '_' | '~' => s.len() - s.trim_end_matches(c).len(),
                '!' | '?' => s.len() - s.trim_end_matches(['!', '?', '.', ',']).len(),
                ':' => 1,
                '-' if stem.ends_with('-') => s.len() - s.trim_end_matches('-').len(),
                '-' | '—' | '–' | '―' => c.len_utf8(),
                '.' if stem.ends_with('.') => s.len() - s.trim_end_matches('.').len(),
                '.' => {
                    if stem.is_empty() || !self.keeps_period(stem, text, hi) {
                        1
                    } else {
                        break;
                    }
                }
                '\'' | '’' | '`' => {
                    if stem.ends_with(c) {
                        2 * c.len_utf8() // '' as a closing quote
                    } else if !state.single_open && stem.len() > 1 && stem.ends_with(['s', 'S']) && stem.chars().all(char::is_alphabetic) {
                        tail.push((hi - c.len_utf8(), hi, false));
                        hi -= c.len_utf8();
                        self.split_middle(text, lo, hi, out);
                        // The stem and its possessive mark form one surface token.
                        if let Some(last) = out.last_mut() {
                            last.joined = true;
                        }
                        lo = hi;
                        break;
                    } else {
                        state.single_open = false;
                        c.len_utf8()
                    }
                }
                _ => break,
            };
            tail.push((hi - len, hi, false));
            hi -= len;
        }
        if lo < hi {
            self.split_middle(text, lo, hi, out);
        }
        for &(s, e, j) in tail.iter().rev() {
            push(out, s, e, j);
        }
    }

    /// Whether `stem.` keeps its period as an abbreviation. `after` is where
    /// the chunk ends in `text`, for the look-ahead of "No. 10".
    fn keeps_period(&self, stem: &str, text: &str, after: usize) -> bool {
        let word = stem.rsplit(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'').next().unwrap_or(stem);
        if word.is_empty() {
            return false;
        }
        match abbrev::kind(word) {
            Some(AbbrevKind::Prefix | AbbrevKind::Terminal) => true,
            Some(AbbrevKind::BeforeNumber) => {
                text[after..].trim_start_matches(is_separator).starts_with(|c: char| c.is_ascii_digit())
            }
            None => abbrev::is_initialism(word),
        }
    }

    /// Splits a chunk's core at internal punctuation, then splits clitics.
    fn split_middle(&self, text: &str, lo: usize, hi: usize, out: &mut Vec<Token>) {
        let s = &text[lo..hi];
        if s.bytes().all(|b| b.is_ascii_alphabetic()) {
            split_plain_word(text, lo, hi, out);
            return;
        }
        if is_unsplittable(s) {
            push(out, lo, hi, false);
            return;
        }
        let mut piece = 0;
        let mut iter = s.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let split_len = if is_always_split(c) {
                Some(if is_opening_quote(c) || c == '”' { c.len_utf8() } else { run_len(&s[i..], c) })
            } else {
                let prev = char_before(s, i);
                let next = s[i + c.len_utf8()..].chars().next();
                let alnum = |o: Option<char>| o.is_some_and(char::is_alphanumeric);
                let digit = |o: Option<char>| o.is_some_and(|c| c.is_ascii_digit());
                match c {
                    '-' if s[i..].starts_with("--") => Some(run_len(&s[i..], '-')),
                    '-' if alnum(prev) && alnum(next) => (!keep_hyphen(&s[piece..i], &s[i + 1..], s)).then_some(1),
                    '-' if i == 0 && digit(next) => None,
                    '-' => Some(1),
                    // Dates keep their slashes ("11/28/2000"); fractions do not ("3/4").
                    '/' if digit(prev) && digit(next) && s.split('/').count() >= 3 => None,
                    '/' => Some(1),
                    ',' | ':' if digit(prev) && digit(next) => None,
                    ',' | ':' => Some(1),
                    '.' if s[i..].starts_with("..") => Some(run_len(&s[i..], '.')),
                    _ => None,
                }
            };
            if let Some(len) = split_len {
                if piece < i {
                    self.split_clitics(text, lo + piece, lo + i, out);
                }
                push(out, lo + i, lo + i + len, false);
                piece = i + len;
                while iter.peek().is_some_and(|&(j, _)| j < piece) {
                    iter.next();
                }
            }
        }
        if piece < s.len() {
            self.split_clitics(text, lo + piece, hi, out);
        }
    }

    /// Splits "n't", "'s", "'re", ... and fused forms ("cannot") off a word.
    fn split_clitics(&self, text: &str, lo: usize, hi: usize, out: &mut Vec<Token>) {
        let w = &text[lo..hi];
        let b = w.as_bytes();
        // Fast path: no apostrophe (' ` or the lead byte of ’), so no clitic;
        // only a number+unit ("7pm") or a fused word ("cannot") may split.
        if !b.iter().any(|&c| matches!(c, b'\'' | b'`' | 0xE2)) {
            if b[0].is_ascii_digit() {
                if let Some(cut) = unit_suffix_start(w) {
                    push(out, lo, lo + cut, false);
                    push(out, lo + cut, hi, false);
                    return;
                }
            } else {
                split_plain_word(text, lo, hi, out);
                return;
            }
            push(out, lo, hi, false);
            return;
        }
        let lower_ends = |suffix: &str| w.len() > suffix.len() && w.is_char_boundary(w.len() - suffix.len()) && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix);
        for (apos, nt) in [("'", "n't"), ("’", "n’t"), ("`", "n`t")] {
            if lower_ends(nt) {
                let cut = hi - nt.len();
                push(out, lo, cut, true);
                push(out, cut, hi, false);
                return;
            }
            for clitic in CLITICS {
                let len = apos.len() + clitic.len();
                if w.len() > len && w.is_char_boundary(w.len() - len) {
                    let tail = &w[w.len() - len..];
                    if tail.starts_with(apos) && tail[apos.len()..].eq_ignore_ascii_case(clitic) {
                        let cut = hi - len;
                        push(out, lo, cut, true);
                        push(out, cut, hi, false);
                        return;
                    }
                }
            }
        }
        push(out, lo, hi, false);
    }
}

/// A word without apostrophes: one token, or two for a fused form ("cannot").
fn split_plain_word(text: &str, lo: usize, hi: usize, out: &mut Vec<Token>) {
    let w = &text[lo..hi];
    if (5..=6).contains(&w.len()) {
        if let Some(&(_, cut)) = FUSED_WORDS.iter().find(|(f, _)| f.len() == w.len() && w.eq_ignore_ascii_case(f)) {
            push(out, lo, lo + cut, true);
            push(out, lo + cut, hi, false);
            return;
        }
    }
    push(out, lo, hi, false);
}

#[inline]
fn push(out: &mut Vec<Token>, start: usize, end: usize, joined: bool) {
    out.push(Token { span: Span::new(start, end), space_after: false, joined });
}

/// Length in bytes of the run of `c` at the start of `s`.
fn run_len(s: &str, c: char) -> usize {
    s.len() - s.trim_start_matches(c).len()
}

/// Whether the hyphen between `before` (the piece so far) and `after` stays
/// inside the word: a known prefix ("pro-Western") or digit groups such as a
/// date or phone number ("2022-01-21", "713-555-0100").
fn keep_hyphen(before: &str, after: &str, whole: &str) -> bool {
    let mut buf = [0u8; 16];
    if before.len() <= buf.len() && before.is_ascii() {
        for (d, s) in buf.iter_mut().zip(before.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        let lower = &buf[..before.len()];
        if HYPHEN_PREFIXES.iter().any(|p| p.as_bytes() == lower) {
            return true;
        }
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let groups: Vec<&str> = whole.split('-').collect();
    if groups.iter().all(|g| digits(g)) {
        // Phone numbers and dates keep their hyphens; year ranges ("1969-1970") do not.
        let year_range = groups.len() == 2 && groups.iter().all(|g| g.len() == 4);
        return groups.len() >= 3 || !year_range && groups.iter().all(|g| g.len() >= 3);
    }
    let next_group = after.split('-').next().unwrap_or("");
    let last_group = before.rsplit('-').next().unwrap_or("");
    // Alphanumeric codes such as "x3-9890" keep their hyphen; "F-16" does not.
    digits(next_group) && last_group.len() > 1 && last_group.bytes().any(|b| b.is_ascii_digit())
}
