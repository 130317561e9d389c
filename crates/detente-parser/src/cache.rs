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
//! make the result identical to scoring every feature every time. The
//! features of a group whose scores are reused are not even hashed.

use crate::features::{
    self, pick, Atoms, Templates, BUFFER_GROUP, COUNT, S0_GROUP, S1_GROUP, UNGROUPED,
};
use crate::transition::{Node, State, FRESH, NONE};
use crate::weights::Weights;

/// Scores configurations of one sentence, each group's scores cached per node.
pub(crate) struct Scorer {
    buffer: GroupCache,
    s0: GroupCache,
    s1: GroupCache,
    feats: [u64; COUNT],
}

impl Default for Scorer {
    fn default() -> Scorer {
        Scorer {
            buffer: GroupCache::default(),
            s0: GroupCache::default(),
            s1: GroupCache::default(),
            feats: [0; COUNT],
        }
    }
}

impl Scorer {
    /// Readies the scorer for the configurations of `state`'s sentence and
    /// score vectors of `width`, forgetting every cached score.
    pub fn reset(&mut self, state: &State, width: usize) {
        for cache in [&mut self.buffer, &mut self.s0, &mut self.s1] {
            cache.reset(state, width);
        }
    }

    /// Sets `scores` to the class scores of `state`. Only the features that
    /// are not cached are extracted, and each one's bucket is prefetched as
    /// soon as it is, so that the cache misses overlap with one another and
    /// with the hashing.
    pub fn score(&mut self, weights: &Weights, state: &State, atoms: &[Atoms], scores: &mut [i32]) {
        const UNGROUPED_SET: Templates = features::set(&UNGROUPED);
        const GROUP_SETS: [Templates; 3] = [
            features::set(&BUFFER_GROUP),
            features::set(&S0_GROUP),
            features::set(&S1_GROUP),
        ];
        let (b, s0, s1) = (state.b, state.s(0), state.s(1));
        let stale = [
            self.buffer.is_stale(state, b),
            self.s0.is_stale(state, s0),
            self.s1.is_stale(state, s1),
        ];
        let mut wanted = UNGROUPED_SET;
        for (stale, group) in stale.into_iter().zip(GROUP_SETS) {
            if stale {
                wanted |= group;
            }
        }
        features::extract(state, atoms, wanted, &mut self.feats, |key| {
            weights.prefetch(key)
        });
        let feats = &self.feats;
        let on_b = stale[0].then(|| pick(feats, &BUFFER_GROUP));
        let on_s0 = stale[1].then(|| pick(feats, &S0_GROUP));
        let on_s1 = stale[2].then(|| pick(feats, &S1_GROUP));
        scores.fill(0);
        self.buffer.add(weights, on_b.as_ref(), state, b, scores);
        self.s0.add(weights, on_s0.as_ref(), state, s0, scores);
        self.s1.add(weights, on_s1.as_ref(), state, s1, scores);
        weights.score(&pick(feats, &UNGROUPED), scores);
    }
}

/// One template group's scores per node (and one slot for "no node").
#[derive(Default)]
struct GroupCache {
    width: usize,
    scores: Vec<i32>,
    /// The node's record when its scores were computed; `None` before.
    computed_for: Vec<Option<Node>>,
}

impl GroupCache {
    /// Empties the cache, sized for the nodes of `state` and score vectors
    /// of `width`. Scores left from an earlier sentence are never read: a
    /// node's are computed before their first use.
    fn reset(&mut self, state: &State, width: usize) {
        let slots = state.nodes.len() + 1;
        self.width = width;
        self.scores.resize(slots * width, 0);
        self.computed_for.clear();
        self.computed_for.resize(slots, None);
    }

    /// The cache slot of node `at` and the record its scores depend on.
    #[inline]
    fn slot(&self, state: &State, at: u32) -> (usize, Node) {
        // "No node" has the record of a node without dependents.
        if at == NONE {
            (self.computed_for.len() - 1, FRESH)
        } else {
            (at as usize, state.nodes[at as usize])
        }
    }

    /// Whether the scores of node `at` must be computed (again).
    #[inline]
    fn is_stale(&self, state: &State, at: u32) -> bool {
        let (slot, record) = self.slot(state, at);
        self.computed_for[slot] != Some(record)
    }

    /// Adds the scores of node `at`'s group to `scores`: those of `fresh`, its
    /// group's features, when given (the node or its dependents changed since
    /// the last time, see [`GroupCache::is_stale`]), else the cached ones.
    #[inline]
    fn add<const N: usize>(
        &mut self,
        weights: &Weights,
        fresh: Option<&[u64; N]>,
        state: &State,
        at: u32,
        scores: &mut [i32],
    ) {
        let (slot, record) = self.slot(state, at);
        let cached = &mut self.scores[slot * self.width..][..self.width];
        if let Some(features) = fresh {
            cached.fill(0);
            weights.score(features, cached);
            self.computed_for[slot] = Some(record);
        }
        for (s, &c) in scores.iter_mut().zip(cached.iter()) {
            *s += c;
        }
    }
}
