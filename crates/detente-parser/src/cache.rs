//! Score caches for greedy decoding.
//!
//! Scoring a configuration is dominated by memory latency: each feature is a
//! probe into a weight table far larger than the caches. But most features
//! read one position only, that position's word and its dependents: the
//! buffer front (with its left dependents and the two words after it), `s0`
//! and `s1` (each with its dependents). Such a group's scores stay the same
//! as long as the node in that position and its dependents do, and a node
//! comes back to the same position with the same dependents often (`s1`
//! becomes `s0` again after `LEFT`; the front waits through several arcs).
//! So each group's summed scores are kept per node and reused while the
//! node's attachment record ([`Node`]) is unchanged; dependents are only ever
//! added, so an unchanged record means unchanged dependents. Integer sums
//! make the result identical to scoring every feature every time.

use crate::features::{pick, COUNT};
use crate::transition::{Node, State, FRESH, NONE};
use crate::weights::Weights;

/// One template group's scores per node (and one slot for "no node").
pub(crate) struct GroupCache {
    width: usize,
    scores: Vec<i32>,
    /// The node's record when its scores were computed; `None` before.
    computed_for: Vec<Option<Node>>,
}

impl GroupCache {
    /// A cache for the nodes of `state` and score vectors of `width`.
    pub fn new(state: &State, width: usize) -> GroupCache {
        let slots = state.nodes.len() + 1;
        GroupCache {
            width,
            scores: vec![0; slots * width],
            computed_for: vec![None; slots],
        }
    }

    /// Adds the scores of the features at `templates` (of `feats`, extracted
    /// from `state`) for the node `at` to `scores`, computing them only when
    /// `at` or its dependents changed since the last time.
    #[inline]
    pub fn add<const N: usize>(
        &mut self,
        weights: &Weights,
        templates: &[usize; N],
        feats: &[u64; COUNT],
        state: &State,
        at: u32,
        scores: &mut [i32],
    ) {
        // "No node" has the record of a node without dependents.
        let (slot, record) = if at == NONE {
            (self.computed_for.len() - 1, FRESH)
        } else {
            (at as usize, state.nodes[at as usize])
        };
        let cached = &mut self.scores[slot * self.width..][..self.width];
        if self.computed_for[slot] != Some(record) {
            cached.fill(0);
            weights.score(&pick(feats, templates), cached);
            self.computed_for[slot] = Some(record);
        }
        for (s, &c) in scores.iter_mut().zip(cached.iter()) {
            *s += c;
        }
    }
}
