//! The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011)
//! with the root at the end of the buffer, and its dynamic oracle
//! (Goldberg & Nivre 2013).
//!
//! Words are numbered `0..n`; the artificial root is node `n`, the last item
//! of the buffer. Stack items never have a head yet and buffer items other
//! than the front never have children, which is what makes the oracle's costs
//! simple counts:
//!
//! * `SHIFT` pushes the buffer front `b` onto the stack;
//! * `LEFT` attaches the stack top `s0` to `b` and pops it;
//! * `RIGHT` attaches `s0` to the item below it, `s1`, and pops it.
//!
//! The root may take a dependent only when it is the last item left besides a
//! single stack word, so every terminal configuration is one tree with exactly
//! one root word, whatever the model scores.

/// No node (an empty stack slot, a missing child, an unattached word).
pub(crate) const NONE: u32 = u32::MAX;

/// The kinds of transition; a class of the classifier is a kind plus a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Shift,
    Left,
    Right,
}

/// Attachment bookkeeping of one node, kept up to date for the features.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Node {
    pub head: u32,
    pub label: u8,
    /// Leftmost and second leftmost dependent.
    pub left: [u32; 2],
    /// Rightmost and second rightmost dependent.
    pub right: [u32; 2],
    pub n_left: u8,
    pub n_right: u8,
    /// The labels of the left (right) dependents, one bit per label modulo 64.
    pub left_labels: u64,
    pub right_labels: u64,
}

/// A node without head or dependents.
pub(crate) const FRESH: Node = Node {
    head: NONE,
    label: 0,
    left: [NONE; 2],
    right: [NONE; 2],
    n_left: 0,
    n_right: 0,
    left_labels: 0,
    right_labels: 0,
};

/// A parser configuration.
#[derive(Clone, Debug)]
pub(crate) struct State {
    /// Number of words; node `n` is the root.
    pub n: u32,
    pub stack: Vec<u32>,
    /// Front of the buffer; the buffer is `b..=n`.
    pub b: u32,
    /// `n + 1` nodes, the root last.
    pub nodes: Vec<Node>,
}

impl State {
    pub fn new(n: usize) -> State {
        State {
            n: n as u32,
            stack: Vec::with_capacity(n),
            b: 0,
            nodes: vec![FRESH; n + 1],
        }
    }

    pub fn is_terminal(&self) -> bool {
        self.b == self.n && self.stack.is_empty()
    }

    /// Stack item `i` from the top (0 = top), or [`NONE`].
    #[inline]
    pub fn s(&self, i: usize) -> u32 {
        let len = self.stack.len();
        if i < len {
            self.stack[len - 1 - i]
        } else {
            NONE
        }
    }

    pub fn can_shift(&self) -> bool {
        self.b < self.n
    }

    /// `LEFT` to an ordinary word needs a stack; `LEFT` to the root (the
    /// buffer front is the root) needs the stack to hold exactly one word.
    pub fn can_left(&self) -> bool {
        if self.b < self.n {
            !self.stack.is_empty()
        } else {
            self.stack.len() == 1
        }
    }

    pub fn can_right(&self) -> bool {
        self.stack.len() >= 2
    }

    /// Whether the next `LEFT` attaches to the root (and so must be labelled
    /// `root`, while no other arc may be).
    pub fn left_is_root(&self) -> bool {
        self.b == self.n
    }

    pub fn apply(&mut self, kind: Kind, label: u8) {
        match kind {
            Kind::Shift => {
                self.stack.push(self.b);
                self.b += 1;
            }
            Kind::Left => {
                let dep = self.stack.pop().expect("LEFT needs a stack");
                self.attach(self.b, dep, label);
            }
            Kind::Right => {
                let dep = self.stack.pop().expect("RIGHT needs two stack items");
                let head = *self.stack.last().expect("RIGHT needs two stack items");
                self.attach(head, dep, label);
            }
        }
    }

    fn attach(&mut self, head: u32, dep: u32, label: u8) {
        self.nodes[dep as usize].head = head;
        self.nodes[dep as usize].label = label;
        let h = &mut self.nodes[head as usize];
        let bit = 1u64 << (label & 63);
        if dep < head {
            h.n_left = h.n_left.saturating_add(1);
            h.left_labels |= bit;
            // Arc-hybrid adds left dependents from the nearest outwards, but
            // compare anyway: the slots mean "outermost", not "latest".
            if h.left[0] == NONE || dep < h.left[0] {
                h.left = [dep, h.left[0]];
            } else if h.left[1] == NONE || dep < h.left[1] {
                h.left[1] = dep;
            }
        } else {
            h.n_right = h.n_right.saturating_add(1);
            h.right_labels |= bit;
            if h.right[0] == NONE || dep > h.right[0] {
                h.right = [dep, h.right[0]];
            } else if h.right[1] == NONE || dep > h.right[1] {
                h.right[1] = dep;
            }
        }
    }
}

/// The gold tree of a training sentence, in the state's numbering.
#[derive(Clone, Debug)]
pub(crate) struct Gold {
    /// Gold head of each word; `n` is the root.
    pub heads: Vec<u32>,
    /// Gold label id of each word, or `None` when the label is not one the
    /// model can predict in that direction (any label then costs one).
    pub labels: Vec<Option<u8>>,
    /// Gold dependents of each node (root included), ascending.
    pub children: Vec<Vec<u32>>,
}

impl Gold {
    pub fn new(heads: Vec<u32>, labels: Vec<Option<u8>>) -> Gold {
        let mut children = vec![Vec::new(); heads.len() + 1];
        for (dep, &head) in heads.iter().enumerate() {
            children[head as usize].push(dep as u32);
        }
        Gold {
            heads,
            labels,
            children,
        }
    }
}

/// Unlabelled cost of each kind of transition: how many gold arcs that are
/// still reachable it makes unreachable (`None` when it is not allowed).
/// Exact for projective gold trees; a good guide for the rare others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Costs {
    pub shift: Option<u32>,
    pub left: Option<u32>,
    pub right: Option<u32>,
}

impl State {
    pub fn costs(&self, gold: &Gold) -> Costs {
        let b = self.b;
        let n = self.n;
        let s0 = self.s(0);
        let s1 = self.s(1);
        // Unattached words left of the front are exactly the stack.
        let on_stack = |x: u32| x < b && self.nodes[x as usize].head == NONE;
        // Dependents of `x` still in the buffer are lost once `x` leaves the stack.
        let deps_in_buffer = |x: u32| {
            gold.children[x as usize]
                .iter()
                .filter(|&&d| d >= b)
                .count() as u32
        };

        let shift = self.can_shift().then(|| {
            let h = gold.heads[b as usize];
            let deps_on_stack = gold.children[b as usize]
                .iter()
                .filter(|&&d| on_stack(d))
                .count() as u32;
            // After the shift `b` can only get its head from the old top, the
            // buffer, or the root if nothing is below it.
            let head_lost = (h != s0 && on_stack(h)) || (h == n && !self.stack.is_empty());
            deps_on_stack + u32::from(head_lost)
        });
        let left = self.can_left().then(|| {
            let h = gold.heads[s0 as usize];
            let head_lost =
                h != b && (h == s1 || (b < h && h < n) || (h == n && self.stack.len() == 1));
            deps_in_buffer(s0) + u32::from(head_lost)
        });
        let right = self.can_right().then(|| {
            let h = gold.heads[s0 as usize];
            // A root head is already out of reach: `s0` is not at the bottom.
            let head_lost = h != s1 && b <= h && h < n;
            deps_in_buffer(s0) + u32::from(head_lost)
        });
        Costs { shift, left, right }
    }

    /// Whether attaching `s0` by `kind` gives it its gold head, so that the
    /// label decides whether the transition costs one more.
    pub fn attaches_to_gold_head(&self, kind: Kind, gold: &Gold) -> bool {
        let s0 = self.s(0);
        match kind {
            _ if s0 == NONE => false,
            Kind::Shift => false,
            Kind::Left => gold.heads[s0 as usize] == self.b,
            Kind::Right => gold.heads[s0 as usize] == self.s(1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use detente_conllu::Reader;
    use std::collections::HashMap;

    /// The textbook static oracle: attach `s0` as soon as it has its gold
    /// head in reach and all its dependents, otherwise shift.
    fn static_oracle(state: &State, gold: &Gold) -> Kind {
        let s0 = state.s(0);
        let complete = |x: u32| {
            gold.children[x as usize]
                .iter()
                .all(|&d| state.nodes[d as usize].head != NONE)
        };
        if s0 != NONE && complete(s0) {
            let h = gold.heads[s0 as usize];
            if h == state.b && state.can_left() {
                return Kind::Left;
            }
            if h == state.s(1) {
                return Kind::Right;
            }
        }
        Kind::Shift
    }

    fn run(n: usize, mut next: impl FnMut(&State) -> Kind) -> Vec<u32> {
        let mut state = State::new(n);
        let mut steps = 0;
        while !state.is_terminal() {
            let kind = next(&state);
            state.apply(kind, 0);
            steps += 1;
            assert!(steps <= 2 * n, "more than 2n transitions");
        }
        state.nodes[..n].iter().map(|node| node.head).collect()
    }

    fn is_projective(heads: &[u32]) -> bool {
        // Root at the end: the root arc spans from its word to the end, which
        // crosses exactly the arcs that the usual root-at-0 arc crosses.
        let arcs: Vec<(u32, u32)> = heads
            .iter()
            .enumerate()
            .map(|(d, &h)| (h.min(d as u32), h.max(d as u32)))
            .collect();
        arcs.iter()
            .all(|&(a, b)| arcs.iter().all(|&(c, d)| !(a < c && c < b && b < d)))
    }

    fn tree(heads_1based: &[u32]) -> Gold {
        let n = heads_1based.len() as u32;
        let heads = heads_1based
            .iter()
            .map(|&h| if h == 0 { n } else { h - 1 })
            .collect();
        Gold::new(heads, vec![Some(0); heads_1based.len()])
    }

    fn treebank(relative: &str) -> Vec<Gold> {
        let path = detente_core::data::data_file(relative).unwrap_or_else(|e| panic!("{e}"));
        let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Reader::new(std::io::BufReader::new(file))
            .map(|s| {
                let s = s.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                tree(
                    &s.words
                        .iter()
                        .map(|w| w.head.expect("gold head"))
                        .collect::<Vec<_>>(),
                )
            })
            .collect()
    }

    fn zero_cost(state: &State, gold: &Gold) -> Vec<Kind> {
        let c = state.costs(gold);
        [
            (Kind::Shift, c.shift),
            (Kind::Left, c.left),
            (Kind::Right, c.right),
        ]
        .into_iter()
        .filter(|&(_, cost)| cost == Some(0))
        .map(|(k, _)| k)
        .collect()
    }

    #[test]
    fn static_oracle_reproduces_every_projective_gold_tree() {
        let mut checked = 0;
        for gold in treebank("ud-english-ewt/en_ewt-ud-dev.conllu") {
            if !is_projective(&gold.heads) {
                continue;
            }
            let heads = run(gold.heads.len(), |state| {
                let kind = static_oracle(state, &gold);
                // The static oracle's path never costs anything.
                assert!(zero_cost(state, &gold).contains(&kind));
                kind
            });
            assert_eq!(heads, gold.heads);
            checked += 1;
        }
        assert!(checked > 1900, "only {checked} projective trees");
    }

    #[test]
    fn any_zero_cost_path_reproduces_projective_trees() {
        // Prefer the opposite order to the static oracle: still exact.
        for gold in treebank("ud-english-gum/en_gum-ud-dev.conllu")
            .into_iter()
            .take(300)
        {
            if !is_projective(&gold.heads) {
                continue;
            }
            let heads = run(gold.heads.len(), |state| {
                *zero_cost(state, &gold).last().unwrap()
            });
            assert_eq!(heads, gold.heads);
        }
    }

    /// Most gold arcs reachable from `state`, by exhaustive search.
    fn best(state: &State, gold: &Gold, memo: &mut HashMap<(Vec<u32>, u32), u32>) -> u32 {
        if state.is_terminal() {
            return 0;
        }
        let key = (state.stack.clone(), state.b);
        if let Some(&v) = memo.get(&key) {
            return v;
        }
        let mut top = 0;
        for kind in [Kind::Shift, Kind::Left, Kind::Right] {
            let allowed = match kind {
                Kind::Shift => state.can_shift(),
                Kind::Left => state.can_left(),
                Kind::Right => state.can_right(),
            };
            if allowed {
                let gain = u32::from(state.attaches_to_gold_head(kind, gold));
                let mut next = state.clone();
                next.apply(kind, 0);
                top = top.max(gain + best(&next, gold, memo));
            }
        }
        memo.insert(key, top);
        top
    }

    /// Every configuration reachable from the start, in any order.
    fn all_states(n: usize) -> Vec<State> {
        let mut out = vec![State::new(n)];
        let mut i = 0;
        let mut seen = std::collections::HashSet::new();
        while i < out.len() {
            let state = out[i].clone();
            i += 1;
            for kind in [Kind::Shift, Kind::Left, Kind::Right] {
                let allowed = match kind {
                    Kind::Shift => state.can_shift(),
                    Kind::Left => state.can_left(),
                    Kind::Right => state.can_right(),
                };
                if allowed {
                    let mut next = state.clone();
                    next.apply(kind, 0);
                    let heads: Vec<u32> = next.nodes.iter().map(|x| x.head).collect();
                    if seen.insert((next.stack.clone(), next.b, heads)) {
                        out.push(next);
                    }
                }
            }
        }
        out
    }

    #[test]
    fn dynamic_oracle_costs_match_exhaustive_search() {
        // "She gave the dog a bone today": gave is the root; a projective
        // tree with left and right dependents at several depths.
        let gold = tree(&[2, 0, 4, 2, 6, 2, 2]);
        // Checked by hand first: at the start only SHIFT is possible, and free.
        let mut state = State::new(7);
        assert_eq!(
            state.costs(&gold),
            Costs {
                shift: Some(0),
                left: None,
                right: None
            }
        );
        state.apply(Kind::Shift, 0);
        // [She] | gave: shifting "gave" loses She <- gave, and "gave" can no
        // longer be the root with "She" below it on the stack.
        assert_eq!(
            state.costs(&gold),
            Costs {
                shift: Some(2),
                left: Some(0),
                right: None
            }
        );
        state.apply(Kind::Shift, 0);
        state.apply(Kind::Shift, 0);
        // [She gave the] | dog: RIGHT gives "the" the wrong head (gave) and
        // loses its gold head "dog"; LEFT attaches it correctly; SHIFT loses
        // the <- dog and gave -> dog.
        assert_eq!(
            state.costs(&gold),
            Costs {
                shift: Some(2),
                left: Some(0),
                right: Some(1)
            }
        );

        // That tree, one rooted at its first word with a chain of right
        // dependents, and one rooted at its last word.
        let trees = [gold, tree(&[0, 1, 4, 2, 4, 1]), tree(&[3, 3, 6, 5, 6, 0])];
        for gold in &trees {
            let n = gold.heads.len();
            for state in all_states(n) {
                if state.is_terminal() {
                    continue;
                }
                let mut memo = HashMap::new();
                let here = best(&state, gold, &mut memo);
                let costs = state.costs(gold);
                for (kind, cost) in [
                    (Kind::Shift, costs.shift),
                    (Kind::Left, costs.left),
                    (Kind::Right, costs.right),
                ] {
                    let Some(cost) = cost else { continue };
                    let gain = u32::from(state.attaches_to_gold_head(kind, gold));
                    let mut next = state.clone();
                    next.apply(kind, 0);
                    let after = gain + best(&next, gold, &mut memo);
                    assert_eq!(
                        cost,
                        here - after,
                        "{kind:?} at stack {:?} b {}",
                        state.stack,
                        state.b
                    );
                }
            }
        }
    }
}
