//! Word analysis, the gazetteer, and the feature templates.
//!
//! A sentence is analysed once ([`analyse`]): each word's hashes (form,
//! lowercase, affixes, shapes, tags) and its gazetteer position are computed
//! a single time and then combined into feature keys by the templates, so no
//! template allocates or rescans a string.

use crate::{EntityType, NerInput};
use detente_clusters::{ClassTable, MAX_CLUSTERINGS};
use detente_lexicon::{ActorLexicon, EntryKind, NameKind};
use detente_linear::{hash_str, mix, KeyIndex, StrHash, WordTable};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Everything the templates need to know about one word.
#[derive(Clone, Copy, Debug)]
pub struct WordInfo {
    pub form: u64,
    pub lower: u64,
    /// Lowercase prefixes of 1–4 characters; 0 where the word is shorter.
    pub prefix: [u64; 4],
    /// Lowercase suffixes of 1–4 characters; 0 where the word is shorter.
    pub suffix: [u64; 4],
    /// Character classes with runs of up to four kept ("Xxxx", "dddd").
    pub shape: u64,
    /// Character classes with runs collapsed ("Xx", "X.X.", "d").
    pub short: u64,
    pub flags: u64,
    pub upos: u64,
    pub xpos: u64,
    /// Gazetteer kinds and position in the name ([`Gazetteer::positions`]), 0 if none.
    pub gaz: u64,
    /// How the word is usually capitalised ([`case_value`]), 0 if rare.
    pub case: u64,
    /// The labels the word had in training ([`entity_value`]), 0 if unseen.
    pub seen: u64,
    /// Which parts of dictionary names the word is ([`name_parts`]), 0 if none.
    pub parts: u64,
    /// What the word was labelled in the document's earlier sentences
    /// ([`Memory`]).
    pub prior: u64,
    /// The run of capitalised words the word is in ([`capital_runs`]).
    pub run: Run,
    /// The word's distributional class in each clustering, coarse to fine
    /// (class + 1; 0 where the word has none), see [`ClassTable`].
    pub cluster: [u64; MAX_CLUSTERINGS],
}

/// A run of two or more capitalised words ("Greater New Orleans Fair
/// Housing Action Center", "Law Offices of Armando Villega"), as seen from
/// one of its words: a name's type is mostly told by its last word
/// ("Center", "Motorsports") and by the words around the whole run, which
/// lie beyond the ±2 window of its first words. Gained about 0.5 F1 on
/// UNER EWT dev with greedy decoding (every one of four seeds; ORG most).
#[derive(Clone, Copy, Debug)]
pub struct Run {
    /// 0 outside a run; else the word's position (1 first, 2 inside, 3
    /// last) and the run's length (2, 3, 4+) as `position | length << 2`.
    pub place: u64,
    pub first: u64,
    pub last: u64,
    /// The last word's three-letter suffix.
    pub last_suffix: u64,
    pub before: u64,
    pub after: u64,
}

impl Run {
    /// A word in no run.
    pub const NONE: Run = Run { place: 0, first: 0, last: 0, last_suffix: 0, before: 0, after: 0 };
}

impl WordInfo {
    /// The padding before the first / after the last word.
    const fn boundary(v: u64) -> WordInfo {
        WordInfo {
            form: v,
            lower: v,
            prefix: [v; 4],
            suffix: [v; 4],
            shape: v,
            short: v,
            flags: v,
            upos: v,
            xpos: v,
            gaz: 0,
            case: v,
            seen: v,
            parts: v,
            prior: v,
            run: Run::NONE,
            cluster: [v; MAX_CLUSTERINGS],
        }
    }
}

/// Padding words on each side of a sentence, so templates index `i ± 2`
/// without bounds checks.
pub const PAD: usize = 2;
const START: WordInfo = WordInfo::boundary(0x0053_5441_5254);
const END: WordInfo = WordInfo::boundary(0x0045_4e44);

const FLAG_DIGIT: u64 = 1;
const FLAG_INIT_UPPER: u64 = 2;
const FLAG_ALL_UPPER: u64 = 4;
const FLAG_MIXED: u64 = 8;
const FLAG_LETTER: u64 = 16;
const FLAG_FIRST: u64 = 32;
const FLAG_SENT_CAPS: u64 = 64;
const FLAG_SENT_TITLE: u64 = 128;
const FLAG_SENT_LOWER: u64 = 256;
const SENTENCE_FLAGS: u64 = FLAG_SENT_CAPS | FLAG_SENT_TITLE | FLAG_SENT_LOWER;
const CAPS: u64 = FLAG_INIT_UPPER | FLAG_ALL_UPPER | FLAG_FIRST;

/// The word tables a model carries besides its weights.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Tables {
    pub gazetteer: Gazetteer,
    /// Lowercase word → [`case_value`].
    pub case: WordTable,
    /// Lowercase word → [`entity_value`].
    pub seen: WordTable,
    /// Normalised word → [`name_parts`] value.
    pub parts: WordTable,
    /// Lowercase word → its distributional classes.
    pub clusters: ClassTable,
}

impl Tables {
    pub fn rebuild(&mut self) {
        self.gazetteer.rebuild();
        self.case.rebuild();
        self.seen.rebuild();
        self.parts.rebuild();
        self.clusters.rebuild();
    }

    pub fn validate(&self) -> Result<(), String> {
        self.gazetteer.validate()?;
        self.case.validate()?;
        self.seen.validate()?;
        self.parts.validate()?;
        self.clusters.validate()
    }
}

/// Words of a sentence with [`PAD`] boundary words on each side. `seen`
/// replaces the tables' own training-label table (training passes one built
/// without the sentence's fold).
pub fn analyse(
    words: &[NerInput<'_>],
    tables: &Tables,
    seen: Option<&WordTable>,
    use_pos: bool,
) -> Vec<WordInfo> {
    let seen = seen.unwrap_or(&tables.seen);
    let mut out = Vec::with_capacity(words.len() + 2 * PAD);
    out.extend([START; PAD]);
    for (i, w) in words.iter().enumerate() {
        let mut info = analyse_word(w.word, i == 0);
        if use_pos {
            info.upos = hash_str(w.upos);
            info.xpos = hash_str(w.xpos);
        }
        out.push(info);
    }
    // The table lookups apart, after all their slots are on their way: they
    // are cache misses, and independent ones overlap.
    for info in &out[PAD..] {
        tables.case.prefetch(info.lower);
        seen.prefetch(info.lower);
        tables.clusters.prefetch(info.lower);
    }
    for info in &mut out[PAD..] {
        info.case = u64::from(tables.case.get(info.lower));
        info.seen = u64::from(seen.get(info.lower));
        info.cluster = tables.clusters.get(info.lower);
    }
    let casing = sentence_casing(&out[PAD..]);
    for w in &mut out[PAD..] {
        w.flags |= casing;
    }
    for (k, g) in tables.gazetteer.positions(words).into_iter().enumerate() {
        out[PAD + k].gaz = g;
    }
    if !tables.parts.is_empty() {
        for (k, w) in words.iter().enumerate() {
            let mut parts = 0;
            name_words(w.word, &mut |h, _| parts |= u64::from(tables.parts.get(h)));
            out[PAD + k].parts = parts;
        }
    }
    out.extend([END; PAD]);
    capital_runs(words, &mut out);
    out
}

/// Lowercase words that may join two capitalised words into one name
/// ("Association of Muslim Scholars", "Barnes & Noble").
fn connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "&" | "and" | "for" | "de" | "du" | "la" | "von" | "van" | "-"
    )
}

/// Fills [`WordInfo::run`] of the words of padded `info` (`words` are the
/// sentence's words): maximal runs of capitalised words, with connectors
/// between two of them, of at least two words. Skipped in a sentence in
/// capitals or a title-cased headline, where every word is capitalised.
fn capital_runs(words: &[NerInput<'_>], info: &mut [WordInfo]) {
    let n = words.len();
    if n < 2 || info[PAD].flags & (FLAG_SENT_CAPS | FLAG_SENT_TITLE) != 0 {
        return;
    }
    let caps: Vec<bool> = info[PAD..PAD + n]
        .iter()
        .map(|w| w.flags & (FLAG_INIT_UPPER | FLAG_MIXED) != 0)
        .collect();
    let cap = |k: usize| caps[k];
    let mut k = 0;
    while k < n {
        if !cap(k) {
            k += 1;
            continue;
        }
        let start = k;
        let mut end = k + 1;
        loop {
            if end < n && cap(end) {
                end += 1;
            } else if end + 1 < n && connector(words[end].word) && cap(end + 1) {
                end += 2;
            } else {
                break;
            }
        }
        if end - start >= 2 {
            let length = (end - start).min(4) as u64;
            let last = info[PAD + end - 1];
            let run = Run {
                place: 0,
                first: info[PAD + start].lower,
                last: last.lower,
                last_suffix: last.suffix[2],
                before: info[PAD + start - 1].lower,
                after: info[PAD + end].lower,
            };
            for j in start..end {
                let position = if j == start {
                    1
                } else if j + 1 == end {
                    3
                } else {
                    2
                };
                info[PAD + j].run = Run {
                    place: position | length << 2,
                    ..run
                };
            }
        }
        k = end;
    }
}

/// How the sentence as a whole is capitalised, as flag bits: in a
/// title-cased headline every noun looks like a name, and in all-lowercase
/// chat no name does, so a word's own capitals only mean something relative
/// to its sentence's.
fn sentence_casing(words: &[WordInfo]) -> u64 {
    let lettered = || words.iter().skip(1).filter(|w| w.flags & FLAG_LETTER != 0);
    let n = lettered().count();
    let initial = lettered()
        .filter(|w| w.flags & FLAG_INIT_UPPER != 0)
        .count();
    let upper = lettered().filter(|w| w.flags & FLAG_ALL_UPPER != 0).count();
    if n < 2 {
        0
    } else if upper == n {
        FLAG_SENT_CAPS
    } else if initial * 5 >= n * 3 {
        FLAG_SENT_TITLE
    } else if words.iter().all(|w| w.flags & FLAG_INIT_UPPER == 0) {
        FLAG_SENT_LOWER
    } else {
        0
    }
}

/// The labels a document's sentences got so far, per lowercase word: bit
/// `t` when it was in an entity of type `t` (PER, ORG, LOC), bit 3 when it
/// was left out of any while capitalised mid-sentence. A name recognised
/// once in its clear context ("Miramar, California") tells its type where
/// the context is vague ("we drove to Miramar").
#[derive(Default)]
pub struct Memory(HashMap<u64, u64>);

impl Memory {
    /// Sets `prior` of the words of an analysed sentence.
    pub fn recall(&self, info: &mut [WordInfo]) {
        let n = info.len() - PAD;
        for w in &mut info[PAD..n] {
            w.prior = self.0.get(&w.lower).copied().unwrap_or(0);
        }
    }

    /// Records the classes a sentence was given.
    pub fn remember(&mut self, info: &[WordInfo], classes: &[u8]) {
        for (w, &c) in info[PAD..].iter().zip(classes) {
            let bit = match crate::labels::type_index(c) {
                Some(t) => 1 << t,
                None if running_capital(w) => 8,
                None => continue,
            };
            *self.0.entry(w.lower).or_default() |= bit;
        }
    }
}

/// A capitalised word in running text: not first in its sentence, nor in
/// a headline or a sentence in capitals.
fn running_capital(w: &WordInfo) -> bool {
    w.flags & FLAG_INIT_UPPER != 0 && w.flags & (FLAG_FIRST | FLAG_SENT_CAPS | FLAG_SENT_TITLE) == 0
}

fn analyse_word(word: &str, first: bool) -> WordInfo {
    let mut flags = if first { FLAG_FIRST } else { 0 };
    let (mut upper, mut letters, mut n) = (0usize, 0usize, 0usize);
    let (mut shape, mut short) = (StrHash::new(), StrHash::new());
    let mut lower = StrHash::new();
    let mut prefix = [0; 4];
    let (mut last_class, mut run) = ('\0', 0);
    for c in word.chars() {
        for l in c.to_lowercase() {
            lower.char(l);
        }
        if n < 4 {
            prefix[n] = lower.finish();
        }
        let class = if c.is_uppercase() {
            upper += 1;
            letters += 1;
            if n == 0 {
                flags |= FLAG_INIT_UPPER;
            }
            'X'
        } else if c.is_alphabetic() {
            letters += 1;
            'x'
        } else if c.is_numeric() {
            flags |= FLAG_DIGIT;
            'd'
        } else {
            c
        };
        run = if class == last_class { run + 1 } else { 1 };
        if run <= 4 {
            shape.char(class);
        }
        if run == 1 {
            short.char(class);
        }
        last_class = class;
        n += 1;
    }
    if letters > 0 {
        flags |= FLAG_LETTER;
        if upper == letters && letters > 1 {
            flags |= FLAG_ALL_UPPER;
        } else if upper > 0 && flags & FLAG_INIT_UPPER == 0 || upper > 1 {
            flags |= FLAG_MIXED;
        }
    }
    // Suffixes by a second pass from the end: words are short, and this
    // keeps the loop above free of a ring buffer.
    let mut suffix = [0; 4];
    let mut h = StrHash::new();
    for (k, c) in word.chars().rev().take(4).enumerate() {
        for l in c.to_lowercase() {
            h.char(l);
        }
        suffix[k] = h.finish();
    }
    WordInfo {
        form: hash_str(word),
        lower: lower.finish(),
        prefix,
        suffix,
        shape: shape.finish(),
        short: short.finish(),
        flags,
        upos: 0,
        xpos: 0,
        gaz: 0,
        case: 0,
        seen: 0,
        parts: 0,
        prior: 0,
        run: Run::NONE,
        cluster: [0; MAX_CLUSTERINGS],
    }
}

/// The lowercase hash of a word, as [`WordTable`]s key it.
pub fn lower_hash(word: &str) -> u64 {
    analyse_word(word, false).lower
}

/// Whether a word starts with a capital, and whether it is all capitals.
pub fn capitalised(word: &str) -> (bool, bool) {
    let flags = analyse_word(word, false).flags;
    (flags & FLAG_INIT_UPPER != 0, flags & FLAG_ALL_UPPER != 0)
}

/// The case statistics value of a word seen `n` times not first in its
/// sentence, `cap` of them capitalised: the share of capitalised uses in
/// five bins ("always lowercase" … "always capitalised") and the frequency
/// in four. A name is the word that is capitalised where a common word
/// would not be, so this says what a capital at the sentence start, or its
/// absence in sloppy web text, most likely hides. 0 (no value) below two
/// uses.
pub fn case_value(n: u32, cap: u32) -> u32 {
    if n < 2 {
        return 0;
    }
    let share = f64::from(cap) / f64::from(n);
    let bin = match share {
        s if s < 0.05 => 1,
        s if s < 0.3 => 2,
        s if s < 0.7 => 3,
        s if s < 0.95 => 4,
        _ => 5,
    };
    let freq = match n {
        0..=4 => 0,
        5..=49 => 1,
        50..=499 => 2,
        _ => 3,
    };
    bin | freq << 4
}

/// The training-label value of a word: the set of BILOU classes it had
/// (`mask`, bit per class, `O` included) and how often it was seen (three
/// bins), so that a word seen once as a name is not trusted like one seen
/// a hundred times.
pub fn entity_value(mask: u32, n: u32) -> u32 {
    let freq = match n {
        0..=1 => 1,
        2..=9 => 2,
        _ => 3,
    };
    mask | freq << 16
}

// Template numbers: each feature key is `mix(template, value)`.
const T_BIAS: u64 = 1;
const T_LOWER: u64 = 2;
const T_FORM: u64 = 3;
const T_PREFIX: u64 = 4; // + k
const T_SUFFIX: u64 = 8; // + k
const T_SHAPE: u64 = 12;
const T_SHORT: u64 = 13;
const T_FLAGS: u64 = 14;
const T_LOWER_AT: u64 = 15; // + offset index
const T_SHORT_AT: u64 = 19; // + offset index
const T_BIGRAM_LEFT: u64 = 23;
const T_BIGRAM_RIGHT: u64 = 24;
const T_CAPS_AROUND: u64 = 25;
const T_AROUND: u64 = 26;
const T_LEFT_SHAPE: u64 = 27;
const T_SHAPE_RIGHT: u64 = 28;
const T_FIRST_LOWER: u64 = 29;
const T_UPOS: u64 = 30;
const T_XPOS: u64 = 31;
const T_UPOS_AT: u64 = 32; // + offset index
const T_UPOS_LEFT: u64 = 36;
const T_UPOS_RIGHT: u64 = 37;
const T_UPOS_CAPS: u64 = 38;
const T_GAZ: u64 = 39;
const T_GAZ_AT: u64 = 40; // + offset index
const T_GAZ_CAPS: u64 = 44;
const T_CASE: u64 = 45;
const T_CASE_AT: u64 = 46; // + offset index (2)
const T_SEEN: u64 = 56;
const T_SEEN_AT: u64 = 57; // + offset index (2)
const T_SEEN_CAPS: u64 = 59;
const T_PARTS: u64 = 61;
const T_PARTS_AT: u64 = 62; // + offset index (2)
const T_PREV: u64 = 50;
const T_PREV2: u64 = 51;
const T_PREV_LOWER: u64 = 52;
const T_PREV_SHAPE: u64 = 53;
const T_PREV_CAPS: u64 = 54;
const T_PREV_GAZ: u64 = 55;
const T_PREV_SEEN: u64 = 60;
const T_PRIOR: u64 = 64;
const T_PRIOR_AT: u64 = 65; // + offset index (2)
const T_PREV_PRIOR: u64 = 67;
const T_RUN_FIRST: u64 = 68;
const T_RUN_LAST: u64 = 69;
const T_RUN_SUFFIX: u64 = 70;
const T_RUN_BEFORE: u64 = 71;
const T_RUN_AFTER: u64 = 72;
const T_RUN_PLACE: u64 = 73;
const T_CLUSTER: u64 = 74; // + clustering
const T_CLUSTER_AT: u64 = 78; // + 2 × clustering + side
const T_CLUSTER_CAPS: u64 = 86; // + clustering

/// Appends the features of word `i` (a padded index) that depend only on
/// the words.
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
    f(T_SHORT, x.short);
    f(T_FLAGS, x.flags);
    let around = [i - 2, i - 1, i + 1, i + 2];
    for (n, &j) in around.iter().enumerate() {
        f(T_LOWER_AT + n as u64, w[j].lower);
        f(T_SHORT_AT + n as u64, w[j].short);
    }
    f(T_BIGRAM_LEFT, mix(w[i - 1].lower, x.lower));
    f(T_BIGRAM_RIGHT, mix(x.lower, w[i + 1].lower));
    let caps = caps_around(w, i);
    f(T_CAPS_AROUND, caps);
    f(T_AROUND, mix(w[i - 1].lower, w[i + 1].lower));
    f(T_LEFT_SHAPE, mix(w[i - 1].lower, x.short));
    f(T_SHAPE_RIGHT, mix(x.short, w[i + 1].lower));
    f(
        T_FIRST_LOWER,
        mix(x.flags & (SENTENCE_FLAGS | CAPS), x.lower),
    );
    if x.upos != 0 {
        f(T_UPOS, x.upos);
        f(T_XPOS, x.xpos);
        for (n, &j) in around.iter().enumerate() {
            f(T_UPOS_AT + n as u64, w[j].upos);
        }
        f(T_UPOS_LEFT, mix(w[i - 1].upos, x.upos));
        f(T_UPOS_RIGHT, mix(x.upos, w[i + 1].upos));
        f(T_UPOS_CAPS, mix(x.xpos, x.flags & (SENTENCE_FLAGS | CAPS)));
    }
    f(T_GAZ, x.gaz);
    for (n, &j) in around.iter().enumerate() {
        f(T_GAZ_AT + n as u64, w[j].gaz);
    }
    f(T_GAZ_CAPS, mix(x.gaz, caps));
    f(T_CASE, mix(x.case, x.flags & (CAPS | FLAG_SENT_LOWER)));
    f(T_SEEN, x.seen);
    f(T_SEEN_CAPS, mix(x.seen, x.flags & (CAPS | FLAG_SENT_LOWER)));
    f(T_PARTS, mix(x.parts, caps));
    for (n, j) in [i - 1, i + 1].into_iter().enumerate() {
        f(T_PARTS_AT + n as u64, w[j].parts);
        f(T_CASE_AT + n as u64, mix(w[j].case, w[j].flags & CAPS));
        f(T_SEEN_AT + n as u64, w[j].seen);
        f(T_PRIOR_AT + n as u64, w[j].prior);
    }
    f(T_PRIOR, mix(x.prior, x.flags & (CAPS | FLAG_SENT_LOWER)));
    for g in 0..MAX_CLUSTERINGS {
        let g64 = g as u64;
        f(T_CLUSTER + g64, x.cluster[g]);
        f(
            T_CLUSTER_CAPS + g64,
            mix(x.cluster[g], x.flags & (CAPS | FLAG_SENT_LOWER)),
        );
        f(T_CLUSTER_AT + 2 * g64, w[i - 1].cluster[g]);
        f(T_CLUSTER_AT + 2 * g64 + 1, w[i + 1].cluster[g]);
    }
    let run = &x.run;
    if run.place != 0 {
        f(T_RUN_PLACE, run.place);
        f(T_RUN_FIRST, mix(run.place, run.first));
        f(T_RUN_LAST, mix(run.place, run.last));
        f(T_RUN_SUFFIX, mix(run.place, run.last_suffix));
        f(T_RUN_BEFORE, mix(run.place, run.before));
        f(T_RUN_AFTER, mix(run.place, run.after));
    }
}

/// Capitalisation of the word and its neighbours, with the sentence's.
fn caps_around(w: &[WordInfo], i: usize) -> u64 {
    let caps = |v: &WordInfo| v.flags & CAPS;
    caps(&w[i - 1]) | caps(&w[i]) << 8 | caps(&w[i + 1]) << 16 | (w[i].flags & SENTENCE_FLAGS) << 24
}

/// Appends the features of word `i` that depend on the two previous
/// predicted labels `t1`, `t2`: [`label_features`] and
/// [`first_order_features`].
pub fn dynamic_features(w: &[WordInfo], i: usize, t1: u64, t2: u64, out: &mut Vec<u64>) {
    let [prev, prev2] = label_features(t1, t2);
    out.push(prev);
    first_order_features(w, i, t1, out);
    out.push(prev2);
}

/// Appends the features of word `i` that depend on the previous label
/// `t1` (a beam shares them between hypotheses), besides its
/// [`label_features`].
pub fn first_order_features(w: &[WordInfo], i: usize, t1: u64, out: &mut Vec<u64>) {
    let mut f = |template: u64, value: u64| out.push(mix(template, value));
    let x = &w[i];
    f(T_PREV_LOWER, mix(t1, x.lower));
    f(T_PREV_SHAPE, mix(t1, x.short));
    f(T_PREV_CAPS, mix(t1, caps_around(w, i)));
    f(T_PREV_GAZ, mix(t1, x.gaz));
    f(T_PREV_SEEN, mix(t1, x.seen));
    f(T_PREV_PRIOR, mix(t1, x.prior));
}

/// The features of the previous label and of the two previous labels,
/// which do not depend on the word.
pub fn label_features(t1: u64, t2: u64) -> [u64; 2] {
    [mix(T_PREV, t1), mix(T_PREV2, mix(t1, t2))]
}

/// What a gazetteer name stands for, as a bit.
fn kind_bit(kind: EntryKind, name: NameKind) -> u16 {
    if matches!(name, NameKind::Adjective | NameKind::Demonym) {
        return 1 << 0;
    }
    1 << match kind {
        EntryKind::State | EntryKind::Territory | EntryKind::Former => 1,
        EntryKind::Region => 2,
        EntryKind::Capital | EntryKind::Place => 3,
        EntryKind::Metonym => 4,
        EntryKind::Igo => 5,
        EntryKind::Ngo => 6,
        EntryKind::ArmedGroup => 7,
        EntryKind::Person => 8,
        EntryKind::Agent => 9,
        EntryKind::Actor => 10,
        EntryKind::Party => 11,
    }
}

/// Kind bits of names from other dictionaries: this plus the entity type.
const EXTRA_KINDS: usize = 12;

/// Adds one name's prefixes to the gazetteer table; `case` overrides the
/// case rule read from the name's spelling.
fn add_name(table: &mut BTreeMap<u64, u64>, text: &str, kind: u16, case: Option<Case>) {
    let mut words = Vec::new();
    let mut first_case = None;
    name_words(text, &mut |h, c| {
        first_case.get_or_insert(c);
        words.push(h);
    });
    let Some(case) = case.or(first_case) else {
        return;
    };
    let shift = match case {
        Case::Lower => 0,
        Case::Cap => 16,
        Case::Upper => 32,
    };
    let mut key = NAME_SEED;
    for (k, &h) in words.iter().enumerate() {
        key = mix(key, h);
        let v = table.entry(key).or_default();
        if k + 1 == words.len() {
            *v |= u64::from(kind) << shift;
        } else {
            *v |= MORE;
        }
    }
}

/// The name-part value of each word of the `names`: bit 0 a person's
/// first word (a given name), bit 1 a person's last word (a surname), bit 2
/// a word of an organisation's name, bit 3 of a place's. These generalise
/// where whole names do not: "Debra" in an unknown full name.
pub fn name_parts(names: &[(String, EntityType)]) -> WordTable {
    let mut parts: BTreeMap<u64, u32> = BTreeMap::new();
    let mut words = Vec::new();
    for (name, label) in names {
        words.clear();
        name_words(name, &mut |h, _| words.push(h));
        let n = words.len();
        for (k, &h) in words.iter().enumerate() {
            let bit = match label {
                EntityType::Per if n > 1 && k == 0 => 1,
                EntityType::Per if k + 1 == n => 2,
                EntityType::Per => 0,
                EntityType::Org => 4,
                EntityType::Loc => 8,
            };
            *parts.entry(h).or_default() |= bit;
        }
    }
    parts.retain(|_, v| *v != 0);
    WordTable::from_map(parts)
}

/// Seed of the name-prefix hash chain.
const NAME_SEED: u64 = 0x0047_415a;
/// Value bit: a longer name continues this prefix.
const MORE: u64 = 1 << 48;

/// Names from the actor lexicon, compiled into the model.
///
/// Keys are hash chains over a name's normalised words (the lexicon's own
/// normalisation: lowercase, "U.S." = "US", "al-Qaeda" = "al qaeda"); the
/// value says which kinds of name end there and whether longer names
/// continue. Kinds are kept apart by how the lexicon writes the name,
/// because that is the lexicon's case rule in running text: a name in
/// capitals ("US", "WHO") only counts for a word in capitals, a capitalised
/// name ("Turkey") for a capitalised word, a lowercase one ("troops") for
/// any. Matching is leftmost-longest over word boundaries.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Gazetteer {
    #[serde(with = "detente_linear::hash::raw_u64")]
    keys: Vec<u64>,
    /// Kinds for any case (bits 0–15), for capitalised words (16–31), for
    /// words in capitals (32–47), and [`MORE`].
    #[serde(with = "detente_linear::hash::raw_u64")]
    values: Vec<u64>,
    #[serde(skip)]
    index: KeyIndex<u64>,
}

/// How a text word is written, for the case rules.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Lower,
    Cap,
    Upper,
}

impl Gazetteer {
    /// Every name of every entry of `lexicon` but its agent words, and the
    /// `extra` names (written in capitals, as PETRARCH dictionaries are, so
    /// they count for capitalised words) with their entity type. Agent words
    /// ("minister", "city council") are common nouns, not names: left out,
    /// the model is no worse (UNER EWT dev F1 73.44 / 72.72 / 73.50 on seeds
    /// 1–3 against 72.76 / 73.37 / 72.47 with them; GUM dev 70.85 / 71.64 /
    /// 70.65 against 69.06 / 70.40 / 71.95), and an edit of
    /// `lexicon/actors/agents.tsv` no longer changes the model.
    pub fn build(lexicon: &ActorLexicon, extra: &[(String, EntityType)]) -> Gazetteer {
        let mut table: BTreeMap<u64, u64> = BTreeMap::new();
        for entry in lexicon.entries().iter().filter(|e| e.kind != EntryKind::Agent) {
            for name in &entry.names {
                add_name(
                    &mut table,
                    &name.text,
                    kind_bit(entry.kind, name.kind),
                    None,
                );
            }
        }
        for (name, label) in extra {
            add_name(
                &mut table,
                name,
                1 << (EXTRA_KINDS + label.index()),
                Some(Case::Cap),
            );
        }
        let mut g = Gazetteer {
            keys: table.keys().copied().collect(),
            values: table.into_values().collect(),
            ..Gazetteer::default()
        };
        g.rebuild();
        g
    }

    pub fn rebuild(&mut self) {
        self.index = KeyIndex::build(&self.keys, self.values.iter().copied());
    }

    /// Number of stored name prefixes.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn validate(&self) -> Result<(), String> {
        if self.keys.len() == self.values.len() {
            Ok(())
        } else {
            Err("gazetteer keys and values disagree".into())
        }
    }

    /// Per word, the feature value of the name match covering it: the kinds
    /// matched and the word's position (B, I, L, U), or 0.
    pub fn positions(&self, words: &[NerInput<'_>]) -> Vec<u64> {
        // Normalised words of all tokens, flattened; `token_words[t]` is the
        // range of token t. A token with no words is transparent ("-", ".")
        // or a barrier (",", "(").
        let mut hashes: Vec<(u64, Case)> = Vec::with_capacity(words.len() + 4);
        let mut ranges: Vec<(u32, u32)> = Vec::with_capacity(words.len());
        for w in words {
            let start = hashes.len() as u32;
            name_words(w.word, &mut |h, c| hashes.push((h, c)));
            ranges.push((start, hashes.len() as u32));
        }
        // Every match starts with a token's first word: start loading those
        // keys' slots together.
        for &(a, b) in &ranges {
            if a < b {
                self.index.prefetch(mix(NAME_SEED, hashes[a as usize].0));
            }
        }
        let mut out = vec![0u64; words.len()];
        let mut i = 0;
        while i < words.len() {
            let (a, b) = ranges[i];
            if a == b {
                i += 1;
                continue;
            }
            let case = hashes[a as usize].1;
            let mut key = NAME_SEED;
            let mut best: Option<(usize, u64)> = None;
            let mut j = i;
            'tokens: while j < words.len() {
                let (a, b) = ranges[j];
                if a == b && !transparent(words[j].word) {
                    break;
                }
                for (k, &(h, _)) in hashes[a as usize..b as usize].iter().enumerate() {
                    key = mix(key, h);
                    let Some(v) = self.index.get(key) else {
                        break 'tokens;
                    };
                    let kinds = match case {
                        Case::Lower => v & 0xffff,
                        Case::Cap => (v | v >> 16) & 0xffff,
                        Case::Upper => (v | v >> 16 | v >> 32) & 0xffff,
                    };
                    if kinds != 0 && a as usize + k + 1 == b as usize {
                        best = Some((j, kinds));
                    }
                    if v & MORE == 0 {
                        break 'tokens;
                    }
                }
                j += 1;
            }
            match best {
                Some((last, kinds)) => {
                    for (k, slot) in out[i..=last].iter_mut().enumerate() {
                        let position = if i == last {
                            4
                        } else if k == 0 {
                            1
                        } else if i + k == last {
                            3
                        } else {
                            2
                        };
                        *slot = kinds << 3 | position;
                    }
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// Tokens the lexicon's matcher steps over inside a name ("al", "-", "Qaeda").
fn transparent(token: &str) -> bool {
    !token.is_empty()
        && token
            .chars()
            .all(|c| matches!(c, '-' | '‐' | '‑' | '–' | '/' | '.' | '\'' | '’' | '&'))
}

/// Calls `emit` with the hash and case of each normalised word of `text`,
/// following the lexicon's normalisation: ASCII text in place, without
/// allocating; anything else through [`detente_lexicon::normalize`] (which
/// also folds diacritics), with the case of the whole token.
fn name_words(text: &str, emit: &mut dyn FnMut(u64, Case)) {
    if !text.is_ascii() {
        let case = text_case(text);
        for word in detente_lexicon::normalize(text)
            .split(' ')
            .filter(|w| !w.is_empty())
        {
            emit(hash_str(word), case);
        }
        return;
    }
    let bytes = text.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        if !bytes[k].is_ascii_alphanumeric() {
            k += 1;
            continue;
        }
        // A word runs over letters, digits and joiners ("U.S.", "d'Ivoire").
        let start = k;
        let mut h = StrHash::new();
        while k < bytes.len()
            && (bytes[k].is_ascii_alphanumeric() || matches!(bytes[k], b'.' | b'\'' | b'`'))
        {
            if bytes[k].is_ascii_alphanumeric() {
                h.byte(bytes[k].to_ascii_lowercase());
            }
            k += 1;
        }
        emit(h.finish(), text_case(&text[start..k]));
    }
}

/// The lexicon's word shapes: two or more letters/digits all in capitals
/// ("US", "G20"), a capital first letter, or neither.
fn text_case(word: &str) -> Case {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let alnum = word.chars().filter(|c| c.is_alphanumeric()).count();
    match letters.next() {
        Some(c) if c.is_uppercase() => {
            if alnum >= 2 && letters.all(|c| !c.is_lowercase()) {
                Case::Upper
            } else {
                Case::Cap
            }
        }
        _ => Case::Lower,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn positions(g: &Gazetteer, text: &str) -> Vec<u64> {
        let words: Vec<NerInput> = text.split(' ').map(NerInput::word).collect();
        g.positions(&words).into_iter().map(|v| v & 7).collect()
    }

    #[test]
    fn memory_recalls_the_labels_of_earlier_sentences_by_lowercase_word() {
        let tables = Tables::default();
        let sentence = |text: &str| {
            let words: Vec<NerInput> = text.split(' ').map(NerInput::word).collect();
            analyse(&words, &tables, None, false)
        };
        let mut memory = Memory::default();
        let first = sentence("we met Miramar and Smith");
        // Miramar: U-LOC (class 12); Smith left out while capitalised.
        memory.remember(&first, &[0, 0, 12, 0, 0]);
        let mut second = sentence("miramar , Smith and we");
        memory.recall(&mut second);
        let prior: Vec<u64> = second[PAD..second.len() - PAD]
            .iter()
            .map(|w| w.prior)
            .collect();
        assert_eq!(prior, [4, 0, 8, 0, 0]);
    }

    #[test]
    fn words_get_their_distributional_classes_whatever_their_case() {
        let text: Vec<Vec<String>> = (0..3)
            .flat_map(|_| ["Reuters said it", "AFP said it"])
            .map(|s| s.split(' ').map(String::from).collect())
            .collect();
        let cfg = detente_clusters::TrainConfig {
            sizes: vec![2, 4],
            min_count: 2,
            ..Default::default()
        };
        let clusters = detente_clusters::train(&text, &cfg, &mut |_| {});
        let tables = Tables {
            clusters: ClassTable::new(&clusters).unwrap(),
            ..Tables::default()
        };
        let words: Vec<NerInput> = "REUTERS said unknown"
            .split(' ')
            .map(NerInput::word)
            .collect();
        let info = analyse(&words, &tables, None, false);
        let want = clusters.classes("reuters").unwrap();
        let want: Vec<u64> = want.iter().map(|&c| u64::from(c) + 1).collect();
        assert_eq!(info[PAD].cluster, [want[0], want[1], 0, 0]);
        assert_eq!(info[PAD + 2].cluster, [0; MAX_CLUSTERINGS]);
    }

    #[test]
    fn gazetteer_matches_longest_names_with_the_lexicons_case_rules() {
        let g = Gazetteer::build(ActorLexicon::builtin(), &[]);
        assert_eq!(
            positions(&g, "the United States and U.S. troops"),
            [0, 1, 3, 0, 4, 0]
        );
        // Agent words are common nouns, no names.
        assert_eq!(positions(&g, "the city council met"), [0, 0, 0, 0]);
        assert_eq!(positions(&g, "give us the Kremlin"), [0, 0, 0, 4]);
        assert_eq!(positions(&g, "US says al - Qaeda"), [4, 0, 1, 2, 3]);
    }
}
