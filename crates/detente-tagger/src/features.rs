//! Word analysis, the tag dictionary, and the feature templates of the two
//! classifiers.
//!
//! A sentence is analysed once ([`analyse`]): each word's hashes (form,
//! lowercase, affixes, shape) and its tag-dictionary entry are computed a
//! single time and then combined into feature keys by the templates, so no
//! template allocates or rescans a string.

use detente_linear::{hash_str, mix, KeyIndex, StrHash};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything the templates need to know about one word.
#[derive(Clone, Copy, Debug)]
pub struct WordInfo {
    pub form: u64,
    pub lower: u64,
    /// Lowercase prefixes of 1–3 characters; 0 where the word is shorter.
    pub prefix: [u64; 3],
    /// Lowercase suffixes of 1–5 characters; 0 where the word is shorter.
    pub suffix: [u64; 5],
    pub shape: u64,
    pub flags: u64,
    /// Ambiguity class (the set of tags seen with the word), 0 if unknown.
    pub amb: u64,
    /// The word's tag when the dictionary says it is never anything else.
    pub sure: Option<u16>,
    /// The ambiguity class id of a word seen often enough that its tag is
    /// one of that class's tags ([`TagDict::closed_tags`]).
    pub closed: Option<u32>,
}

impl WordInfo {
    /// The padding before the first / after the last word.
    const fn boundary(v: u64) -> WordInfo {
        WordInfo {
            form: v,
            lower: v,
            prefix: [v; 3],
            suffix: [v; 5],
            shape: v,
            flags: v,
            amb: v,
            sure: None,
            closed: None,
        }
    }
}

/// Padding words on each side of a sentence, so templates index `i ± 2`
/// without bounds checks.
pub const PAD: usize = 2;
const START: WordInfo = WordInfo::boundary(0x0053_5441_5254);
const END: WordInfo = WordInfo::boundary(0x0045_4e44);

/// Words of a sentence with [`PAD`] boundary words on each side.
pub fn analyse(words: &[&str], dict: &TagDict, scratch: &mut Vec<char>) -> Vec<WordInfo> {
    let mut out = Vec::with_capacity(words.len() + 2 * PAD);
    out.extend([START; PAD]);
    for (i, w) in words.iter().enumerate() {
        let info = analyse_word(w, i == 0, scratch);
        dict.words.prefetch(info.form);
        out.push(info);
    }
    // Dictionary entries only after every word's is on its way, so that
    // their cache misses overlap.
    for w in &mut out[PAD..] {
        let entry = dict.get(w.form).or_else(|| dict.get(lower_key(w.lower)));
        w.amb = entry.map_or(0, |e| u64::from(e >> 16) + 1);
        w.sure = entry
            .and_then(|e| (e & SURE_MASK).checked_sub(1))
            .map(|c| c as u16);
        w.closed = entry.filter(|e| e & CLOSED_FLAG != 0).map(|e| e >> 16);
    }
    let casing = sentence_casing(&out[PAD..]);
    for w in &mut out[PAD..] {
        w.flags |= casing;
    }
    out.extend([END; PAD]);
    out
}

/// How the sentence as a whole is capitalised, as flag bits: in a
/// title-cased headline every noun looks like a proper noun, and in
/// all-lowercase chat no proper noun does, so a word's own capitalisation
/// only means something relative to its sentence's.
fn sentence_casing(words: &[WordInfo]) -> u64 {
    let lettered = || words.iter().skip(1).filter(|w| w.flags & FLAG_LETTER != 0);
    let n = lettered().count();
    let initial = lettered()
        .filter(|w| w.flags & FLAG_INIT_UPPER != 0)
        .count();
    let upper = lettered().filter(|w| w.flags & FLAG_ALL_UPPER != 0).count();
    let any_upper = words.iter().any(|w| w.flags & FLAG_UPPER != 0);
    if n < 2 {
        0
    } else if upper == n {
        FLAG_SENT_CAPS
    } else if initial * 5 >= n * 3 {
        FLAG_SENT_TITLE
    } else if !any_upper {
        FLAG_SENT_LOWER
    } else {
        0
    }
}

const FLAG_DIGIT: u64 = 1;
const FLAG_UPPER: u64 = 2;
const FLAG_INIT_UPPER: u64 = 4;
const FLAG_ALL_UPPER: u64 = 8;
const FLAG_HYPHEN: u64 = 16;
const FLAG_PERIOD: u64 = 32;
const FLAG_LETTER: u64 = 64;
const FLAG_FIRST: u64 = 128;
const FLAG_SENT_CAPS: u64 = 256;
const FLAG_SENT_TITLE: u64 = 512;
const FLAG_SENT_LOWER: u64 = 1024;
const SENTENCE_FLAGS: u64 = FLAG_SENT_CAPS | FLAG_SENT_TITLE | FLAG_SENT_LOWER;

/// A word's [`WordInfo`] but for its dictionary entry (`amb`, `sure`, `closed`).
fn analyse_word(word: &str, first: bool, lower: &mut Vec<char>) -> WordInfo {
    lower.clear();
    let mut flags = if first { FLAG_FIRST } else { 0 };
    let (mut upper, mut letters) = (0usize, 0usize);
    let mut shape = StrHash::new();
    let (mut last_class, mut run) = ('\0', 0);
    for (n, c) in word.chars().enumerate() {
        if c.is_ascii() {
            lower.push(c.to_ascii_lowercase());
        } else {
            lower.extend(c.to_lowercase());
        }
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        match class {
            'X' => {
                upper += 1;
                letters += 1;
                flags |= FLAG_UPPER | if n == 0 { FLAG_INIT_UPPER } else { 0 };
            }
            'x' => letters += 1,
            'd' => flags |= FLAG_DIGIT,
            '-' => flags |= FLAG_HYPHEN,
            '.' => flags |= FLAG_PERIOD,
            _ => {}
        }
        // The shape keeps runs of up to four of a class: "Xxxx", "dddd",
        // "d.dd", so lengths of short tokens (years, initials) still show.
        run = if class == last_class { run + 1 } else { 1 };
        last_class = class;
        if run <= 4 {
            shape.char(class);
        }
    }
    if letters > 0 {
        flags |= FLAG_LETTER;
        if upper == letters {
            flags |= FLAG_ALL_UPPER;
        }
    }
    let mut lower_hash = StrHash::new();
    let mut prefix = [0; 3];
    for (k, &c) in lower.iter().enumerate() {
        lower_hash.char(c);
        if k < 3 {
            prefix[k] = lower_hash.finish();
        }
    }
    let mut suffix = [0; 5];
    let mut h = StrHash::new();
    for (k, &c) in lower.iter().rev().take(5).enumerate() {
        h.char(c);
        suffix[k] = h.finish();
    }
    WordInfo {
        form: hash_str(word),
        lower: lower_hash.finish(),
        prefix,
        suffix,
        shape: shape.finish(),
        flags,
        amb: 0,
        sure: None,
        closed: None,
    }
}

/// The dictionary key aggregating all casings of a word.
fn lower_key(lower: u64) -> u64 {
    mix(0x004c_4f57_4552, lower)
}

/// A map from a hashed key to a `u32`, stored as parallel arrays.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Lexicon {
    #[serde(with = "detente_linear::hash::raw_u64")]
    keys: Vec<u64>,
    values: Vec<u32>,
    #[serde(skip)]
    index: KeyIndex,
}

impl Lexicon {
    pub fn rebuild(&mut self) {
        self.index = KeyIndex::build(&self.keys, self.values.iter().copied());
    }

    pub fn get(&self, key: u64) -> Option<u32> {
        self.index.get(key)
    }

    /// Starts loading `key`'s slot, for a [`Lexicon::get`] soon after.
    pub fn prefetch(&self, key: u64) {
        self.index.prefetch(key);
    }

    pub fn push(&mut self, key: u64, value: u32) {
        self.keys.push(key);
        self.values.push(value);
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Checks that keys and values pair up and every value passes `ok`.
    pub fn validate(&self, ok: impl Fn(u32) -> bool) -> Result<(), String> {
        if self.values.len() != self.keys.len() || !self.values.iter().all(|&v| ok(v)) {
            return Err("lexicon keys and values disagree or are out of range".into());
        }
        Ok(())
    }
}

/// The tag dictionary: for each training word form (and, under a separate
/// key, each lowercased form) its ambiguity class, and the tag of frequent
/// words that were always tagged the same way.
///
/// The ambiguity class of the *next* words is the tagger's lookahead: it
/// tells "to" before a verb-only word from "to" before a noun. Sure words
/// skip the classifier entirely, which is a large part of the speed.
///
/// Words seen often enough are *closed*: the tagger only chooses among the
/// tags of their class, so "aid" (noun or base-form verb in training) is
/// never tagged a past tense because "said" and "paid" end like it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct TagDict {
    words: Lexicon,
    /// The tags of each ambiguity class, by class id.
    classes: Vec<Vec<u16>>,
}

/// Value layout: `ambiguity class id << 16 | closed flag | (sure tag + 1, or 0)`.
const SURE_MASK: u32 = 0x7fff;
const CLOSED_FLAG: u32 = 0x8000;

impl TagDict {
    pub fn rebuild(&mut self) {
        self.words.rebuild();
    }

    fn get(&self, key: u64) -> Option<u32> {
        self.words.get(key)
    }

    /// The tags a closed word may take ([`WordInfo::closed`]).
    pub fn closed_tags(&self, class: u32) -> &[u16] {
        &self.classes[class as usize]
    }

    /// Builds the dictionary from `(form, tag)` training tokens.
    ///
    /// A word's ambiguity class is every tag it was seen with (thresholds to
    /// drop rare, noisy tags were tried and lost accuracy); a word is sure
    /// when it occurred at least `sure_count` times with one tag covering at
    /// least `sure_ratio` of them; closed when it occurred at least
    /// `closed_count` times.
    pub fn build<'a>(
        tokens: impl Iterator<Item = (&'a str, u16)>,
        sure_count: u32,
        sure_ratio: f64,
        closed_count: u32,
    ) -> TagDict {
        // BTreeMaps keep every id assignment independent of hash order.
        let mut counts: BTreeMap<(bool, String), BTreeMap<u16, u32>> = BTreeMap::new();
        for (form, tag) in tokens {
            *counts
                .entry((false, form.to_string()))
                .or_default()
                .entry(tag)
                .or_default() += 1;
            *counts
                .entry((true, form.to_lowercase()))
                .or_default()
                .entry(tag)
                .or_default() += 1;
        }
        let mut classes: BTreeMap<Vec<u16>, u32> = BTreeMap::new();
        let mut dict = Lexicon::default();
        for ((lowered, form), tags) in counts {
            let total: u32 = tags.values().sum();
            let amb: Vec<u16> = tags.keys().copied().collect();
            let next = classes.len() as u32;
            let amb_id = *classes.entry(amb).or_insert(next);
            let (&top, &top_n) = tags
                .iter()
                .max_by_key(|&(&t, &n)| (n, std::cmp::Reverse(t)))
                .unwrap();
            let sure = !lowered
                && total >= sure_count
                && f64::from(top_n) >= sure_ratio * f64::from(total);
            let hash = hash_str(&form);
            let sure = if sure { u32::from(top) + 1 } else { 0 };
            let closed = if total >= closed_count { CLOSED_FLAG } else { 0 };
            dict.push(
                if lowered { lower_key(hash) } else { hash },
                amb_id << 16 | closed | sure,
            );
        }
        dict.rebuild();
        let mut by_id: Vec<(u32, Vec<u16>)> = classes.into_iter().map(|(tags, id)| (id, tags)).collect();
        by_id.sort_unstable();
        TagDict {
            words: dict,
            classes: by_id.into_iter().map(|(_, tags)| tags).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn validate(&self, classes: usize) -> Result<(), String> {
        if self.classes.iter().flatten().any(|&t| t as usize >= classes) {
            return Err("ambiguity class tag out of range".into());
        }
        let class_ids = self.classes.len();
        self.words
            .validate(|v| (v & SURE_MASK) as usize <= classes && ((v >> 16) as usize) < class_ids)
    }
}

// Template numbers: each feature key is `mix(template, value)`.
const T_BIAS: u64 = 1;
const T_LOWER: u64 = 2;
const T_FORM: u64 = 3;
const T_PREFIX: u64 = 4; // + k
const T_SUFFIX: u64 = 50; // + k
const T_SHAPE: u64 = 12;
const T_FLAGS: u64 = 13;
const T_LOWER_AT: u64 = 14; // + offset index
const T_TAG1: u64 = 20;
const T_TAG12: u64 = 21;
const T_TAG1_LOWER: u64 = 22;
const T_BIGRAM_LEFT: u64 = 23;
const T_BIGRAM_RIGHT: u64 = 24;
const T_AMB: u64 = 25;
const T_AMB_NEXT: u64 = 26;
const T_AMB_NEXT2: u64 = 27;
const T_TAG1_AMB_NEXT: u64 = 28;
const T_AMB_AMB_NEXT: u64 = 29;
const T_SUFFIX_PREV: u64 = 30;
const T_SUFFIX_NEXT: u64 = 31;
const T_LOWER_AMB_NEXT: u64 = 32;
const T_TAG1_SUFFIX: u64 = 33;
const T_SHAPE_NEXT: u64 = 34;
const T_AMB_PREV_TAG1: u64 = 35;
const T_CASING_LOWER: u64 = 36;
const T_AROUND: u64 = 37;
const T_TAG1_NEXT: u64 = 38;
const T_CAPS_AROUND: u64 = 39;
const T_RIGHT1: u64 = 40;
const T_RIGHT12: u64 = 41;
const T_LEFT_RIGHT: u64 = 42;
const T_RIGHT1_LOWER: u64 = 43;
const T_RIGHT1_SUFFIX: u64 = 44;
const T_LEFT_RIGHT_LOWER: u64 = 45;
const T_RIGHT1_NEXT: u64 = 46;
const T_TAGS_AROUND: u64 = 47;
const T_RIGHT12_LOWER: u64 = 48;

/// Value of a tag (or the boundary) in a history feature.
pub fn tag_value(tag: Option<u16>) -> u64 {
    tag.map_or(0xffff, u64::from)
}

/// Appends the tagger features of word `i` (a padded index) that depend only
/// on the words. Both passes share them, so they are looked up once per word.
pub fn static_features(w: &[WordInfo], i: usize, out: &mut Vec<u64>) {
    let mut f = |template: u64, value: u64| out.push(mix(template, value));
    let x = &w[i];
    f(T_BIAS, 0);
    f(T_LOWER, x.lower);
    if x.form != x.lower {
        f(T_FORM, x.form);
    }
    for (k, &p) in x.prefix.iter().enumerate().filter(|(_, &p)| p != 0) {
        f(T_PREFIX + k as u64, p);
    }
    for (k, &s) in x.suffix.iter().enumerate().filter(|(_, &s)| s != 0) {
        f(T_SUFFIX + k as u64, s);
    }
    f(T_SHAPE, x.shape);
    f(T_FLAGS, x.flags);
    for (n, j) in [i - 2, i - 1, i + 1, i + 2].into_iter().enumerate() {
        f(T_LOWER_AT + n as u64, w[j].lower);
    }
    f(T_BIGRAM_LEFT, mix(w[i - 1].lower, x.lower));
    f(T_BIGRAM_RIGHT, mix(x.lower, w[i + 1].lower));
    f(T_AMB, x.amb);
    f(T_AMB_NEXT, w[i + 1].amb);
    f(T_AMB_NEXT2, mix(w[i + 1].amb, w[i + 2].amb));
    f(T_AMB_AMB_NEXT, mix(x.amb, w[i + 1].amb));
    f(T_SUFFIX_PREV, w[i - 1].suffix[2]);
    f(T_SUFFIX_NEXT, w[i + 1].suffix[2]);
    f(T_LOWER_AMB_NEXT, mix(x.lower, w[i + 1].amb));
    f(T_SHAPE_NEXT, mix(x.shape, w[i + 1].shape));
    f(
        T_CASING_LOWER,
        mix(
            x.flags & (SENTENCE_FLAGS | FLAG_INIT_UPPER | FLAG_FIRST),
            x.lower,
        ),
    );
    f(T_AROUND, mix(w[i - 1].lower, w[i + 1].lower));
    let caps = |v: &WordInfo| v.flags & (FLAG_INIT_UPPER | FLAG_FIRST);
    f(
        T_CAPS_AROUND,
        caps(&w[i - 1]) | caps(x) << 8 | caps(&w[i + 1]) << 16 | (x.flags & SENTENCE_FLAGS) << 24,
    );
}

/// Appends the tagger features of word `i` that depend on the two previous predicted
/// tags and, in the second pass, on the first pass's tags of the next two
/// words.
pub fn dynamic_features(
    w: &[WordInfo],
    i: usize,
    t1: u64,
    t2: u64,
    right: Option<(u64, u64)>,
    out: &mut Vec<u64>,
) {
    history_features(w, i, t1, t2, right, out);
    if let Some(right) = right {
        lookahead_features(w, i, right, out);
    }
}

/// The part of [`dynamic_features`] that reads the two previous predicted
/// tags `t1` and `t2`.
pub fn history_features(
    w: &[WordInfo],
    i: usize,
    t1: u64,
    t2: u64,
    right: Option<(u64, u64)>,
    out: &mut Vec<u64>,
) {
    let mut f = |template: u64, value: u64| out.push(mix(template, value));
    let x = &w[i];
    f(T_TAG1, t1);
    f(T_TAG12, mix(t1, t2));
    f(T_TAG1_LOWER, mix(t1, x.lower));
    f(T_TAG1_AMB_NEXT, mix(t1, w[i + 1].amb));
    f(T_TAG1_SUFFIX, mix(t1, x.suffix[2]));
    f(T_AMB_PREV_TAG1, mix(w[i - 1].amb, t1));
    f(T_TAG1_NEXT, mix(t1, w[i + 1].lower));
    if let Some((r1, r2)) = right {
        f(T_LEFT_RIGHT, mix(t1, r1));
        f(T_LEFT_RIGHT_LOWER, mix(mix(t1, r1), x.lower));
        f(T_TAGS_AROUND, mix(mix(t2, t1), mix(r1, r2)));
    }
}

/// The part of [`dynamic_features`] that reads only the first pass's tags
/// `(r1, r2)` of the next two words: known before the second pass starts.
pub fn lookahead_features(w: &[WordInfo], i: usize, (r1, r2): (u64, u64), out: &mut Vec<u64>) {
    let mut f = |template: u64, value: u64| out.push(mix(template, value));
    let x = &w[i];
    f(T_RIGHT1, r1);
    f(T_RIGHT12, mix(r1, r2));
    f(T_RIGHT1_LOWER, mix(r1, x.lower));
    f(T_RIGHT1_SUFFIX, mix(r1, x.suffix[2]));
    f(T_RIGHT1_NEXT, mix(r1, w[i + 1].lower));
    f(T_RIGHT12_LOWER, mix(mix(r1, r2), x.lower));
}

const F_TAG: u64 = 101;
const F_LOWER: u64 = 102;
const F_FORM: u64 = 103;
const F_SUFFIX: u64 = 104; // + k
const F_SHAPE: u64 = 108;
const F_LOWER_AT: u64 = 109; // + offset index
const F_TAG_AT: u64 = 113; // + offset index
const F_TAGS_AROUND: u64 = 117;
const F_SUBJECT: u64 = 118;
const F_SUBJECT_TAG: u64 = 119;
const F_SUBJECT_NONE: u64 = 120;
const F_BIGRAM_LEFT: u64 = 121;

/// Features of the morphological-features classifier for word `i` (padded
/// index), whose tag and neighbours' tags are already decided. `subject` is
/// the nearest preceding nominal word (padded index), the best cheap proxy
/// for the agreement that decides Person and Number of finite verbs.
/// Appends them to `out`.
pub fn feats_features(
    w: &[WordInfo],
    tags: &[u64],
    i: usize,
    subject: Option<usize>,
    out: &mut Vec<u64>,
) {
    let t = tags[i];
    // Everything is conjoined with the word's own tag: the candidate sets
    // already depend on it, and "that"+WDT needs other weights than
    // "that"+DT.
    let mut f = |template: u64, value: u64| out.push(mix(template, mix(t, value)));
    let x = &w[i];
    f(F_TAG, 0);
    f(F_LOWER, x.lower);
    f(F_FORM, x.form);
    for (k, &s) in x.suffix.iter().enumerate().take(3).filter(|(_, &s)| s != 0) {
        f(F_SUFFIX + k as u64, s);
    }
    f(F_SHAPE, x.shape);
    for (n, j) in [i - 2, i - 1, i + 1, i + 2].into_iter().enumerate() {
        f(F_LOWER_AT + n as u64, w[j].lower);
        f(F_TAG_AT + n as u64, tags[j]);
    }
    f(F_TAGS_AROUND, mix(tags[i - 1], tags[i + 1]));
    f(F_BIGRAM_LEFT, mix(w[i - 1].lower, x.lower));
    match subject {
        Some(j) => {
            f(F_SUBJECT, w[j].lower);
            f(F_SUBJECT_TAG, tags[j]);
        }
        None => f(F_SUBJECT_NONE, 0),
    }
}
