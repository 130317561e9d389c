//! Linear classifiers over hashed features: the averaged perceptron used in
//! training and the compact weights used for tagging.

use crate::hash::{prefetch, KeyIndex};
use serde::{Deserialize, Serialize};

/// Inference weights: one row of class weights per feature.
///
/// Most features (a rare word, a word pair) were only ever updated for the
/// two or three classes they were confused between, so their rows are
/// sparse `(class, weight)` lists; a dense row per feature would be mostly
/// zeros and several times the 25 MB budget. Frequent features (the bias,
/// common suffixes, the previous tag) have weights for most classes; their
/// rows are dense, so adding them is a vectorised loop rather than a
/// scattered add per entry. Weights are quantised to `i16` with one scale
/// for the whole model: only the argmax matters, so scores stay integers and
/// the scale is never needed again.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Weights {
    classes: u32,
    /// Row `r`'s feature key; rebuilt into `index` at load.
    #[serde(with = "crate::hash::raw_u64")]
    keys: Vec<u64>,
    /// Row `r` is `entries[a..b]` for `(a, b)`, or dense row `a` of `dense`
    /// when `b == DENSE`.
    spans: Vec<(u32, u32)>,
    entries: Vec<(u16, i16)>,
    dense: Vec<i16>,
    #[serde(skip)]
    index: KeyIndex<(u32, u32)>,
}

const DENSE: u32 = u32::MAX;

impl Weights {
    /// Rebuilds the lookup table after deserialising.
    pub fn rebuild(&mut self) {
        self.index = KeyIndex::build(&self.keys, self.spans.iter().copied());
    }

    pub fn validate(&self, classes: usize) -> Result<(), String> {
        let width = self.classes as usize;
        let whole_rows = self.dense.chunks_exact(width.max(1)).remainder().is_empty();
        if width != classes || self.spans.len() != self.keys.len() || !whole_rows {
            return Err("weight rows are inconsistent".into());
        }
        let dense_rows = self.dense.len() / width.max(1);
        let bad = self.spans.iter().any(|&(a, b)| {
            if b == DENSE {
                a as usize >= dense_rows
            } else {
                a > b || b as usize > self.entries.len()
            }
        });
        if bad || self.entries.iter().any(|&(c, _)| c as usize >= classes) {
            return Err("weight rows out of range".into());
        }
        Ok(())
    }

    pub fn rows(&self) -> usize {
        self.keys.len()
    }

    /// Stored weights, sparse and dense.
    pub fn weights(&self) -> usize {
        self.entries.len() + self.dense.len()
    }

    /// Adds the weights for classes `lo..hi` of the rows of `features` into
    /// `scores[lo..hi]` (unknown features add nothing).
    ///
    /// Memory latency is most of the cost: each feature is a random access
    /// into the key table and another into its row. So all slots are
    /// prefetched first, then all rows resolved (prefetching them), and only
    /// then are the weights added.
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut [i32], lo: usize, hi: usize) {
        const BATCH: usize = 64;
        let width = self.classes as usize;
        for chunk in features.chunks(BATCH) {
            for &f in chunk {
                self.index.prefetch(f);
            }
            let mut rows = [(0u32, 0u32); BATCH];
            let mut n = 0;
            for &f in chunk {
                if let Some(span) = self.index.get(f) {
                    if span.1 == DENSE {
                        prefetch(&self.dense[span.0 as usize * width + lo]);
                    } else if let Some(first) = self.entries.get(span.0 as usize) {
                        prefetch(first);
                    }
                    rows[n] = span;
                    n += 1;
                }
            }
            for &(a, b) in &rows[..n] {
                if b == DENSE {
                    let row = &self.dense[a as usize * width..][lo..hi];
                    for (s, &w) in scores[lo..hi].iter_mut().zip(row) {
                        *s += i32::from(w);
                    }
                } else {
                    for &(class, w) in &self.entries[a as usize..b as usize] {
                        if (lo..hi).contains(&(class as usize)) {
                            scores[class as usize] += i32::from(w);
                        }
                    }
                }
            }
        }
    }
}

/// A multiclass averaged perceptron over hashed features.
///
/// Weights are integers (every update is ±1), and the average uses the
/// "lazy" identity `avg = w - u / t` where `u` accumulates `t · δ` at each
/// update: no per-weight timestamps, and the arithmetic is exact, so the
/// same training order always yields the same model bytes. Rows are created
/// only when a feature is first updated, keeping memory proportional to the
/// features that ever mattered.
pub struct Perceptron {
    classes: usize,
    index: KeyIndex,
    keys: Vec<u64>,
    w: Vec<i32>,
    u: Vec<i64>,
    t: i64,
}

impl Perceptron {
    pub fn new(classes: usize) -> Perceptron {
        Perceptron {
            classes,
            index: KeyIndex::default(),
            keys: Vec::new(),
            w: Vec::new(),
            u: Vec::new(),
            t: 1,
        }
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Current (not averaged) scores, as used for greedy decoding in training.
    pub fn add_scores(&self, features: &[u64], scores: &mut [i32]) {
        for &f in features {
            if let Some(row) = self.index.get(f) {
                let row = row as usize * self.classes;
                for (s, w) in scores.iter_mut().zip(&self.w[row..row + self.classes]) {
                    *s += w;
                }
            }
        }
    }

    /// Moves the weights of `features` towards `gold` and away from `guess`;
    /// features that `allowed` rejects get no row.
    pub fn update(
        &mut self,
        features: &[u64],
        gold: usize,
        guess: usize,
        allowed: impl Fn(u64) -> bool,
    ) {
        if gold == guess {
            return;
        }
        for &f in features.iter().filter(|&&f| allowed(f)) {
            let next = self.keys.len() as u32;
            let row = self.index.get_or_insert(f, || next) as usize;
            if row == self.keys.len() {
                self.keys.push(f);
                self.w.resize(self.w.len() + self.classes, 0);
                self.u.resize(self.u.len() + self.classes, 0);
            }
            let base = row * self.classes;
            self.w[base + gold] += 1;
            self.u[base + gold] += self.t;
            self.w[base + guess] -= 1;
            self.u[base + guess] -= self.t;
        }
    }

    /// Counts one training example (the averaging clock).
    pub fn tick(&mut self) {
        self.t += 1;
    }

    /// The averaged weights, quantised to `i16`, dropping entries whose
    /// averaged magnitude is below `prune` (in perceptron update units) and
    /// rows left empty.
    pub fn averaged(&self, prune: f64) -> Weights {
        let t = self.t as f64;
        let avg = |i: usize| f64::from(self.w[i]) - self.u[i] as f64 / t;
        let max = (0..self.w.len())
            .map(|i| avg(i).abs())
            .fold(0.0, f64::max)
            .max(1e-9);
        let scale = f64::from(i16::MAX) / max;
        let mut out = Weights {
            classes: self.classes as u32,
            ..Weights::default()
        };
        let mut row = Vec::with_capacity(self.classes);
        for (r, &key) in self.keys.iter().enumerate() {
            row.clear();
            for c in 0..self.classes {
                let a = avg(r * self.classes + c);
                let q = (a * scale).round() as i16;
                if a.abs() >= prune && q != 0 {
                    row.push((c as u16, q));
                }
            }
            if row.is_empty() {
                continue;
            }
            out.keys.push(key);
            // Dense from 1/6 full: the vectorised add then costs less than the
            // scattered one, and few rows are that full, so size barely grows.
            if row.len() * 6 >= self.classes {
                out.spans
                    .push(((out.dense.len() / self.classes) as u32, DENSE));
                let start = out.dense.len();
                out.dense.resize(start + self.classes, 0);
                for &(c, q) in &row {
                    out.dense[start + c as usize] = q;
                }
            } else {
                let start = out.entries.len() as u32;
                out.entries.extend_from_slice(&row);
                out.spans.push((start, out.entries.len() as u32));
            }
        }
        out.rebuild();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perceptron_learns_a_separable_problem_and_averages() {
        // Class = which of features 10/11/12 is present; 99 is noise.
        let data = [(vec![10u64, 99], 0), (vec![11, 99], 1), (vec![12, 99], 2)];
        let mut p = Perceptron::new(3);
        for _ in 0..5 {
            for (f, gold) in &data {
                let mut s = [0; 3];
                p.add_scores(f, &mut s);
                let guess = (0..3)
                    .max_by_key(|&c| (s[c], std::cmp::Reverse(c)))
                    .unwrap();
                p.update(f, *gold, guess, |_| true);
                p.tick();
            }
        }
        let w = p.averaged(0.0);
        for (f, gold) in &data {
            let mut s = [0; 3];
            w.add_scores(f, &mut s, 0, 3);
            let best = (0..3).max_by_key(|&c| s[c]).unwrap();
            assert_eq!(best, *gold, "scores {s:?}");
        }
        let bytes = postcard::to_stdvec(&w).unwrap();
        let mut back: Weights = postcard::from_bytes(&bytes).unwrap();
        back.rebuild();
        let (mut a, mut b) = ([0; 3], [0; 3]);
        w.add_scores(&[10, 11, 99], &mut a, 0, 3);
        back.add_scores(&[10, 11, 99], &mut b, 0, 3);
        assert_eq!(a, b);
    }
}
