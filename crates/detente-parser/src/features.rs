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
    /// A past or present tense verb (PTB VBD, VBZ, VBP).
    pub finite_verb: bool,
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
    finite_verb: false,
};
/// The artificial root at the end of the buffer.
const ROOT: Atoms = Atoms {
    word: 21,
    lemma: 22,
    upos: 23,
    xpos: 24,
    suffix: 25,
    shape: 26,
    finite_verb: false,
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
            finite_verb: matches!(xpos, "VBD" | "VBZ" | "VBP"),
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

/// The templates (positions in [`extract`]'s output) that read only the
/// buffer front with its left dependents and the two words after it (buffer
/// words other than the front have no dependents), plus the bias.
/// [`S0_GROUP`] and [`S1_GROUP`] are those reading only `s0` (`s1`) with its
/// dependents. Each group's scores are a function of one node and its
/// dependents, which [`crate::cache::GroupCache`] exploits.
pub(crate) const BUFFER_GROUP: [usize; 28] = [
    0, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 26, 27, 50, 51, 52, 53, 54, 81, 82, 92, 93, 94,
    106, 107, 110, 115,
];
pub(crate) const S0_GROUP: [usize; 27] = [
    1, 2, 3, 4, 5, 24, 77, 78, 79, 80, 86, 87, 88, 89, 90, 91, 100, 101, 102, 103, 104, 105, 108,
    109, 112, 113, 114,
];
pub(crate) const S1_GROUP: [usize; 17] = [
    6, 7, 8, 9, 10, 25, 83, 84, 85, 95, 96, 97, 98, 99, 111, 116, 117,
];

const GROUPED: usize = BUFFER_GROUP.len() + S0_GROUP.len() + S1_GROUP.len();

/// Every template in none of the groups, ascending: the features that read
/// several positions (pairs, triples, distances), scored at every transition.
pub(crate) const UNGROUPED: [usize; COUNT - GROUPED] = {
    let mut grouped = [false; COUNT];
    let mut i = 0;
    while i < BUFFER_GROUP.len() {
        grouped[BUFFER_GROUP[i]] = true;
        i += 1;
    }
    i = 0;
    while i < S0_GROUP.len() {
        grouped[S0_GROUP[i]] = true;
        i += 1;
    }
    i = 0;
    while i < S1_GROUP.len() {
        grouped[S1_GROUP[i]] = true;
        i += 1;
    }
    let mut out = [0; COUNT - GROUPED];
    let (mut k, mut o) = (0, 0);
    while k < COUNT {
        if !grouped[k] {
            out[o] = k;
            o += 1;
        }
        k += 1;
    }
    assert!(o == out.len(), "the template groups overlap");
    out
};

/// A set of templates: bit `k` stands for template `k`.
pub(crate) type Templates = u128;

/// Every template.
pub(crate) const ALL: Templates = Templates::MAX >> (Templates::BITS as usize - COUNT);

/// The set of `templates`.
pub(crate) const fn set(templates: &[usize]) -> Templates {
    let mut set = 0;
    let mut i = 0;
    while i < templates.len() {
        set |= 1 << templates[i];
        i += 1;
    }
    set
}

/// The features of `all` at `templates`.
#[inline]
pub(crate) fn pick<const N: usize>(all: &[u64; COUNT], templates: &[usize; N]) -> [u64; N] {
    templates.map(|k| all[k])
}

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

/// Writes the hashed features of `state` at the templates in `wanted` into
/// `out` (the others are left as they were), calling `hashed` on each as soon
/// as it is known.
pub(crate) fn extract(
    state: &State,
    atoms: &[Atoms],
    wanted: Templates,
    out: &mut [u64; COUNT],
    mut hashed: impl FnMut(u64),
) {
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
        if wanted >> k & 1 != 0 {
            out[k] = template(k, parts);
            hashed(out[k]);
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transition::{Kind, Node};

    /// Walks every configuration of a few transition sequences over one
    /// sentence and checks that each template group is a function of its
    /// node and that node's attachment record alone, as
    /// [`crate::cache::GroupCache`] assumes.
    #[test]
    fn grouped_features_depend_on_their_node_and_its_dependents_alone() {
        let words: Vec<ParseInput> = [
            ("Envoys", "envoy", "NOUN", "NNS"),
            ("from", "from", "ADP", "IN"),
            ("both", "both", "DET", "DT"),
            ("capitals", "capital", "NOUN", "NNS"),
            ("met", "meet", "VERB", "VBD"),
            ("quietly", "quietly", "ADV", "RB"),
            ("on", "on", "ADP", "IN"),
            ("Tuesday", "Tuesday", "PROPN", "NNP"),
            (".", ".", "PUNCT", "."),
        ]
        .iter()
        .map(|&(form, lemma, upos, xpos)| ParseInput {
            form,
            lemma,
            upos,
            xpos,
        })
        .collect();
        let atoms = encode(&words);
        type Seen = std::collections::HashMap<(u32, Option<Node>), Vec<u64>>;
        let (mut buffer, mut s0, mut s1) = (Seen::default(), Seen::default(), Seen::default());
        // Preference orders over the transitions give different stacks and
        // dependents under the same positions.
        let orders = [
            [Kind::Left, Kind::Right, Kind::Shift],
            [Kind::Right, Kind::Left, Kind::Shift],
            [Kind::Shift, Kind::Left, Kind::Right],
            [Kind::Shift, Kind::Right, Kind::Left],
        ];
        for order in orders {
            let mut state = State::new(words.len());
            let mut feats = [0u64; COUNT];
            while !state.is_terminal() {
                extract(&state, &atoms, ALL, &mut feats, |_| {});
                let record = |at: u32| (at, (at != NONE).then(|| state.nodes[at as usize]));
                for (seen, at, group) in [
                    (&mut buffer, state.b, pick(&feats, &BUFFER_GROUP).to_vec()),
                    (&mut s0, state.s(0), pick(&feats, &S0_GROUP).to_vec()),
                    (&mut s1, state.s(1), pick(&feats, &S1_GROUP).to_vec()),
                ] {
                    let first = seen.entry(record(at)).or_insert(group.clone());
                    assert_eq!(first, &group, "node {at}");
                }
                let kind = order
                    .into_iter()
                    .find(|kind| match kind {
                        Kind::Shift => state.can_shift(),
                        Kind::Left => state.can_left(),
                        Kind::Right => state.can_right(),
                    })
                    .unwrap();
                state.apply(
                    kind,
                    if kind == Kind::Left && state.left_is_root() {
                        0
                    } else {
                        1
                    },
                );
            }
        }
        // Enough distinct nodes and records were compared.
        let counts = (buffer.len(), s0.len(), s1.len());
        assert!(
            counts.0 > words.len() && counts.1 > words.len() && counts.2 > words.len() / 2,
            "{counts:?}"
        );
    }

    #[test]
    fn the_template_groups_partition_all_templates() {
        let mut all: Vec<usize> = [&BUFFER_GROUP[..], &S0_GROUP, &S1_GROUP, &UNGROUPED].concat();
        all.sort_unstable();
        assert_eq!(all, (0..COUNT).collect::<Vec<_>>());
    }
}
