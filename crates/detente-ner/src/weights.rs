//! The averaged perceptron used in training and the compact weights used
//! for recognition.

use crate::hash::{prefetch, KeyIndex};
use serde::{Deserialize, Serialize};

/// Inference weights: one short row of `(class, weight)` per feature.
///
/// Almost every feature was only ever updated between `O` and the two or
/// three entity labels it was confused with, so rows are sparse; a dense row
/// of all 13 labels would triple the model. Weights are quantised to `i16`
/// with one scale for the whole model: only the argmax matters, so scores
/// stay integers and the scale is never needed again.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Weights {
    classes: u8,
    #[serde(with = "crate::hash::raw_u64")]
    keys: Vec<u64>,
    /// Row `r` holds the next `lens[r]` entries (rows are stored in order).
    lens: Vec<u8>,
    entries: Vec<(u8, i16)>,
    /// Key → `(first entry, end)`; rebuilt at load.
    #[serde(skip)]
    index: KeyIndex<(u32, u32)>,
}

impl Weights {
    /// Rebuilds the lookup table after deserialising.
    pub fn rebuild(&mut self) {
        let mut start = 0u32;
        let spans = self.lens.iter().map(|&n| {
            let span = (start, start + u32::from(n));
            start += u32::from(n);
            span
        });
        self.index = KeyIndex::build(&self.keys, spans);
    }

    /// Checks every index scoring follows, so that a damaged file is a load
    /// error, not a panic.
    pub fn validate(&self, classes: usize) -> Result<(), String> {
        let total: usize = self.lens.iter().map(|&n| usize::from(n)).sum();
        if usize::from(self.classes) != classes
            || self.lens.len() != self.keys.len()
            || total != self.entries.len()
        {
            return Err("weight rows are inconsistent".into());
        }
        if self.entries.iter().any(|&(c, _)| usize::from(c) >= classes) {
            return Err("weight class out of range".into());
        }
        Ok(())
    }

    /// Number of feature rows.
    pub fn rows(&self) -> usize {
        self.keys.len()
    }

    /// Number of stored weights.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Adds the rows of `features` into `scores` (unknown features add
    /// nothing).
    ///
    /// Memory latency is most of the cost (each feature is a random access
    /// into the table and another into its row), so all slots are prefetched
    /// first, then all rows resolved and prefetched, and only then added.
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut [i32]) {
        const BATCH: usize = 64;
        for chunk in features.chunks(BATCH) {
            for &f in chunk {
                self.index.prefetch(f);
            }
            let mut rows = [(0u32, 0u32); BATCH];
            let mut n = 0;
            for &f in chunk {
                if let Some(span) = self.index.get(f) {
                    if let Some(first) = self.entries.get(span.0 as usize) {
                        prefetch(first);
                    }
                    rows[n] = span;
                    n += 1;
                }
            }
            for &(a, b) in &rows[..n] {
                for &(class, w) in &self.entries[a as usize..b as usize] {
                    scores[usize::from(class)] += i32::from(w);
                }
            }
        }
    }
}

/// A multiclass averaged perceptron over hashed features.
///
/// Updates are ±1, and the average uses the identity `avg = w - u / t`
/// where `u` accumulates `t · δ` at each update: no per-weight timestamps,
/// and exact integer arithmetic, so the same data in the same order always
/// gives the same model bytes. A feature gets a row only when it is first
/// updated.
pub struct Perceptron {
    classes: usize,
    index: KeyIndex<u32>,
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

    /// Current (not averaged) scores, for decoding during training.
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

    /// Moves the weights of `features` towards `gold` and away from `guess`.
    pub fn update(&mut self, features: &[u64], gold: usize, guess: usize) {
        if gold == guess {
            return;
        }
        for &f in features {
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

    /// Advances the averaging clock by one example.
    pub fn tick(&mut self) {
        self.t += 1;
    }

    /// Rows created so far.
    pub fn rows(&self) -> usize {
        self.keys.len()
    }

    /// The averaged weights quantised to `i16`, without entries whose
    /// averaged magnitude is below `prune` (in update units) and rows left
    /// empty: such weights barely move a score and would dominate the size.
    pub fn averaged(&self, prune: f64) -> Weights {
        let t = self.t as f64;
        let avg = |i: usize| f64::from(self.w[i]) - self.u[i] as f64 / t;
        let max = (0..self.w.len())
            .map(|i| avg(i).abs())
            .fold(0.0, f64::max)
            .max(1e-9);
        let scale = f64::from(i16::MAX) / max;
        let mut out = Weights {
            classes: self.classes as u8,
            ..Weights::default()
        };
        for (r, &key) in self.keys.iter().enumerate() {
            let before = out.entries.len();
            for c in 0..self.classes {
                let a = avg(r * self.classes + c);
                let q = (a * scale).round() as i16;
                if a.abs() >= prune && q != 0 {
                    out.entries.push((c as u8, q));
                }
            }
            if out.entries.len() > before {
                out.keys.push(key);
                out.lens.push((out.entries.len() - before) as u8);
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
    fn perceptron_learns_a_separable_problem_and_survives_serialisation() {
        let data = [(vec![10u64, 99], 0), (vec![11, 99], 1), (vec![12, 99], 2)];
        let mut p = Perceptron::new(3);
        for _ in 0..5 {
            for (f, gold) in &data {
                let mut s = [0; 3];
                p.add_scores(f, &mut s);
                let guess = (0..3)
                    .max_by_key(|&c| (s[c], std::cmp::Reverse(c)))
                    .unwrap();
                p.update(f, *gold, guess);
                p.tick();
            }
        }
        let w = p.averaged(0.0);
        w.validate(3).unwrap();
        for (f, gold) in &data {
            let mut s = [0; 3];
            w.add_scores(f, &mut s);
            assert_eq!((0..3).max_by_key(|&c| s[c]).unwrap(), *gold, "scores {s:?}");
        }
        let mut back: Weights = postcard::from_bytes(&postcard::to_stdvec(&w).unwrap()).unwrap();
        back.rebuild();
        let (mut a, mut b) = ([0; 3], [0; 3]);
        w.add_scores(&[10, 11, 99], &mut a);
        back.add_scores(&[10, 11, 99], &mut b);
        assert_eq!(a, b);
    }
}
