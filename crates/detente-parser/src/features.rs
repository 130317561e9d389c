//! Feature templates in the style of Zhang & Nivre (2011), adapted to
//! arc-hybrid: the words, lemmas and tags of the top three stack items and
//! the first three buffer items, the outermost dependents of `s0`, `s1` and
//! `b0` with their labels, distances, valencies and label sets, and above all
//! their conjunctions (pairs and triples), which is what lets a linear model
//! see that *this* word with *that* tag wants *that* head.

use crate::hash;
use crate::transition::{State, NONE};
use crate::ParseInput;

/// The hashed columns of one node, and two clues from the form alone (its
/// last three letters and its shape) that stay right when the tagger errs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Atoms {
    pub word: u64,
    pub lemma: u64,
    pub upos: u64,
    pub xpos: u64,
    pub suffix: u64,
    pub shape: u64,
}

const WORD: u64 = 1;
const LEMMA: u64 = 2;
const UPOS: u64 = 3;
const XPOS: u64 = 4;
const SUFFIX: u64 = 5;

/// A position with no node (past the stack bottom, a missing dependent).
const ABSENT: Atoms = Atoms {
    word: 11,
    lemma: 12,
    upos: 13,
    xpos: 14,
    suffix: 15,
    shape: 16,
};
/// The artificial root at the end of the buffer.
const ROOT: Atoms = Atoms {
    word: 21,
    lemma: 22,
    upos: 23,
    xpos: 24,
    suffix: 25,
    shape: 26,
};

impl Atoms {
    pub fn new(word: &str, lemma: &str, upos: &str, xpos: &str) -> Atoms {
        Atoms {
            word: hash::word(WORD, word),
            lemma: hash::word(LEMMA, lemma),
            upos: hash::tag(UPOS, upos),
            xpos: hash::tag(XPOS, xpos),
            suffix: hash::word(SUFFIX, last_chars(word, 3)),
            shape: shape(word),
        }
    }
}

/// The last `n` characters of `s`.
fn last_chars(s: &str, n: usize) -> &str {
    let start = s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &s[start..]
}

/// Capitalisation, digits and punctuation of a form, as a small number.
fn shape(form: &str) -> u64 {
    let first_upper = form.chars().next().is_some_and(char::is_uppercase);
    let (mut upper, mut lower, mut digit, mut other) = (false, false, false, false);
    for c in form.chars() {
        upper |= c.is_uppercase();
        lower |= c.is_lowercase();
        digit |= c.is_numeric();
        other |= !c.is_alphanumeric();
    }
    let length = match form.chars().count() {
        0..=1 => 0,
        2..=3 => 1,
        _ => 2,
    };
    u64::from(first_upper)
        | u64::from(upper) << 1
        | u64::from(lower) << 2
        | u64::from(digit) << 3
        | u64::from(other) << 4
        | length << 5
}

/// The atoms of a sentence's words followed by the root's.
pub(crate) fn encode(words: &[ParseInput<'_>]) -> Vec<Atoms> {
    let mut atoms: Vec<Atoms> = words
        .iter()
        .map(|w| Atoms::new(w.form, w.lemma, w.upos, w.xpos))
        .collect();
    atoms.push(ROOT);
    atoms
}

/// Number of features extracted per configuration.
pub(crate) const COUNT: usize = 118;

/// What a template can read at one position.
#[derive(Clone, Copy)]
struct Slot {
    w: u64,
    l: u64,
    p: u64,
    u: u64,
    /// Label of the arc to its head (dependents only).
    lab: u64,
    sfx: u64,
    shape: u64,
}

fn distance(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return 0;
    }
    match b.abs_diff(a) {
        d @ 0..=4 => u64::from(d),
        5..=6 => 5,
        7..=9 => 6,
        10..=14 => 7,
        _ => 8,
    }
}

/// Reads positions of a configuration; every accessor accepts [`NONE`].
struct View<'a> {
    state: &'a State,
    atoms: &'a [Atoms],
}

impl View<'_> {
    fn slot(&self, i: u32) -> Slot {
        let a = if i == NONE {
            &ABSENT
        } else {
            &self.atoms[i as usize]
        };
        let lab = if i == NONE {
            0
        } else {
            1 + u64::from(self.state.nodes[i as usize].label)
        };
        Slot {
            w: a.word,
            l: a.lemma,
            p: a.xpos,
            u: a.upos,
            lab,
            sfx: a.suffix,
            shape: a.shape,
        }
    }

    fn node(&self, i: u32) -> Option<&crate::transition::Node> {
        (i != NONE).then(|| &self.state.nodes[i as usize])
    }

    fn left(&self, i: u32, k: usize) -> u32 {
        self.node(i).map_or(NONE, |x| x.left[k])
    }

    fn right(&self, i: u32, k: usize) -> u32 {
        self.node(i).map_or(NONE, |x| x.right[k])
    }

    fn valency(&self, i: u32) -> (u64, u64) {
        self.node(i)
            .map_or((0, 0), |x| (u64::from(x.n_left), u64::from(x.n_right)))
    }

    fn labels(&self, i: u32) -> (u64, u64) {
        self.node(i)
            .map_or((0, 0), |x| (x.left_labels, x.right_labels))
    }
}

/// Hashes template number `k` (the position in the list) with its parts.
#[inline]
fn template(k: usize, parts: &[u64]) -> u64 {
    let mut h = 0x5EED_0000 + k as u64;
    for &part in parts {
        h = hash::mix(h, part);
    }
    hash::finish(h)
}

/// Writes the hashed features of `state` into `out`.
pub(crate) fn extract(state: &State, atoms: &[Atoms], out: &mut [u64; COUNT]) {
    let v = View { state, atoms };
    let slot = |i: u32| v.slot(i);
    let left = |i: u32, k: usize| v.left(i, k);
    let right = |i: u32, k: usize| v.right(i, k);
    let valency = |i: u32| v.valency(i);
    let labels = |i: u32| v.labels(i);

    let n = state.n;
    let (i_s0, i_s1, i_b0) = (state.s(0), state.s(1), state.b);
    let s0 = slot(i_s0);
    let s1 = slot(i_s1);
    let s2 = slot(state.s(2));
    let b0 = slot(i_b0);
    let b1 = slot(if i_b0 < n { i_b0 + 1 } else { NONE });
    let b2 = slot(if i_b0 + 1 < n { i_b0 + 2 } else { NONE });
    let s0l1 = slot(left(i_s0, 0));
    let s0l2 = slot(left(i_s0, 1));
    let s0r1 = slot(right(i_s0, 0));
    let s0r2 = slot(right(i_s0, 1));
    let s1l1 = slot(left(i_s1, 0));
    let s1r1 = slot(right(i_s1, 0));
    let s1r2 = slot(right(i_s1, 1));
    let b0l1 = slot(left(i_b0, 0));
    let b0l2 = slot(left(i_b0, 1));
    let d = distance(i_s0, i_b0);
    let d1 = distance(i_s1, i_s0);
    let (s0vl, s0vr) = valency(i_s0);
    let (s1vl, s1vr) = valency(i_s1);
    let (b0vl, _) = valency(i_b0);
    let (s0sl, s0sr) = labels(i_s0);
    let (s1sl, s1sr) = labels(i_s1);
    let (b0sl, _) = labels(i_b0);

    let mut k = 0;
    let mut f = |parts: &[u64]| {
        out[k] = template(k, parts);
        k += 1;
    };

    // Bias: the prior of each transition and label.
    f(&[]);

    // Single positions.
    f(&[s0.w]);
    f(&[s0.p]);
    f(&[s0.w, s0.p]);
    f(&[s0.l]);
    f(&[s0.u]);
    f(&[s1.w]);
    f(&[s1.p]);
    f(&[s1.w, s1.p]);
    f(&[s1.l]);
    f(&[s1.u]);
    f(&[s2.w]);
    f(&[s2.p]);
    f(&[b0.w]);
    f(&[b0.p]);
    f(&[b0.w, b0.p]);
    f(&[b0.l]);
    f(&[b0.u]);
    f(&[b1.w]);
    f(&[b1.p]);
    f(&[b1.w, b1.p]);
    f(&[b2.w]);
    f(&[b2.p]);
    f(&[b2.w, b2.p]);

    // The form alone, for when the tags are wrong.
    f(&[s0.sfx]);
    f(&[s1.sfx]);
    f(&[b0.sfx]);
    f(&[b1.sfx]);
    f(&[s0.sfx, b0.sfx]);
    f(&[s0.shape, b0.shape, b1.shape]);

    // s0 and b0: does s0 attach left to b0, or wait?
    f(&[s0.w, s0.p, b0.w, b0.p]);
    f(&[s0.w, s0.p, b0.w]);
    f(&[s0.w, b0.w, b0.p]);
    f(&[s0.w, s0.p, b0.p]);
    f(&[s0.p, b0.w, b0.p]);
    f(&[s0.w, b0.w]);
    f(&[s0.p, b0.p]);
    f(&[s0.u, b0.u]);
    f(&[s0.l, b0.l]);

    // s1 and s0: does s0 attach right to s1?
    f(&[s1.w, s1.p, s0.w, s0.p]);
    f(&[s1.w, s1.p, s0.w]);
    f(&[s1.w, s0.w, s0.p]);
    f(&[s1.w, s1.p, s0.p]);
    f(&[s1.p, s0.w, s0.p]);
    f(&[s1.w, s0.w]);
    f(&[s1.p, s0.p]);
    f(&[s1.u, s0.u]);
    f(&[s1.l, s0.l]);

    // Other pairs.
    f(&[s1.p, b0.p]);
    f(&[s1.w, b0.w]);
    f(&[b0.p, b1.p]);
    f(&[b0.w, b1.w]);
    f(&[b0.w, b1.p]);
    f(&[b0.p, b1.w]);

    // Triples of tags.
    f(&[b0.p, b1.p, b2.p]);
    f(&[s0.p, b0.p, b1.p]);
    f(&[s1.p, s0.p, b0.p]);
    f(&[s2.p, s1.p, s0.p]);
    f(&[s1.p, s0.p, b1.p]);
    f(&[s0.w, b0.p, b1.p]);
    f(&[s1.p, s0.w, b0.p]);
    f(&[s0.p, s0l1.p, b0.p]);
    f(&[s0.p, s0r1.p, b0.p]);
    f(&[s0.p, b0.p, b0l1.p]);
    f(&[s1.p, s1r1.p, s0.p]);
    f(&[s1.p, s0.p, s0l1.p]);
    f(&[s1.p, s0.p, s0r1.p]);

    // Distance.
    f(&[s0.w, d]);
    f(&[s0.p, d]);
    f(&[b0.w, d]);
    f(&[b0.p, d]);
    f(&[s0.w, b0.w, d]);
    f(&[s0.p, b0.p, d]);
    f(&[s1.p, s0.p, d1]);
    f(&[s1.w, s0.w, d1]);
    f(&[s1.w, d1]);
    f(&[s0.w, d1]);

    // Valency.
    f(&[s0.w, s0vr]);
    f(&[s0.p, s0vr]);
    f(&[s0.w, s0vl]);
    f(&[s0.p, s0vl]);
    f(&[b0.w, b0vl]);
    f(&[b0.p, b0vl]);
    f(&[s1.w, s1vr]);
    f(&[s1.p, s1vr]);
    f(&[s1.p, s1vl]);

    // Outermost dependents.
    f(&[s0l1.w]);
    f(&[s0l1.p]);
    f(&[s0l1.lab]);
    f(&[s0r1.w]);
    f(&[s0r1.p]);
    f(&[s0r1.lab]);
    f(&[b0l1.w]);
    f(&[b0l1.p]);
    f(&[b0l1.lab]);
    f(&[s1r1.w]);
    f(&[s1r1.p]);
    f(&[s1r1.lab]);
    f(&[s1l1.p]);
    f(&[s1l1.lab]);

    // Second outermost dependents.
    f(&[s0l2.w]);
    f(&[s0l2.p]);
    f(&[s0l2.lab]);
    f(&[s0r2.w]);
    f(&[s0r2.p]);
    f(&[s0r2.lab]);
    f(&[b0l2.p]);
    f(&[b0l2.lab]);
    f(&[s0.p, s0l1.p, s0l2.p]);
    f(&[s0.p, s0r1.p, s0r2.p]);
    f(&[b0.p, b0l1.p, b0l2.p]);
    f(&[s1.p, s1r1.p, s1r2.p]);

    // Label sets.
    f(&[s0.w, s0sr]);
    f(&[s0.p, s0sr]);
    f(&[s0.p, s0sl]);
    f(&[b0.p, b0sl]);
    f(&[s1.p, s1sr]);
    f(&[s1.p, s1sl]);

    debug_assert_eq!(k, COUNT);
}
