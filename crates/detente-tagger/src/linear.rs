//! The compact weights used for tagging, averaged from a [`Perceptron`].

use detente_linear::{prefetch, KeyIndex, Perceptron};
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
    #[serde(with = "detente_linear::hash::raw_u64")]
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
    /// `scores[lo..hi]` (unknown features add nothing). Memory latency is
    /// most of the cost, so rows are prefetched a batch at a time.
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut [i32], lo: usize, hi: usize) {
        let width = self.classes as usize;
        self.index.for_each_batched(
            features,
            |(a, b)| {
                if b == DENSE {
                    prefetch(&self.dense[a as usize * width + lo]);
                } else if let Some(first) = self.entries.get(a as usize) {
                    prefetch(first);
                }
            },
            |(a, b)| {
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
            },
        );
    }

    /// The averaged weights of `p` (see [`Perceptron::averaged`]).
    pub fn averaged(p: &Perceptron, prune: f64) -> Weights {
        let classes = p.classes();
        let mut out = Weights {
            classes: classes as u32,
            ..Weights::default()
        };
        p.averaged(prune, |key, row| {
            out.keys.push(key);
            // Dense from 1/6 full: the vectorised add then costs less than the
            // scattered one, and few rows are that full, so size barely grows.
            if row.len() * 6 >= classes {
                out.spans.push(((out.dense.len() / classes) as u32, DENSE));
                let start = out.dense.len();
                out.dense.resize(start + classes, 0);
                for &(c, q) in row {
                    out.dense[start + c] = q;
                }
            } else {
                let start = out.entries.len() as u32;
                out.entries.extend(row.iter().map(|&(c, q)| (c as u16, q)));
                out.spans.push((start, out.entries.len() as u32));
            }
        });
        out.rebuild();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averaged_weights_match_the_perceptron_and_survive_serialisation() {
        const N: usize = 13;
        let mut p = Perceptron::new(N);
        for c in 0..N {
            p.update(&[7], c, (c + 1) % N); // a dense row
            p.tick();
        }
        p.update(&[10], 0, 1); // a sparse row
        p.tick();
        let mut expected = [0i32; N];
        p.averaged(0.0, |_, row| {
            row.iter().for_each(|&(c, q)| expected[c] += i32::from(q));
        });
        let w = Weights::averaged(&p, 0.0);
        w.validate(N).unwrap();
        assert_eq!((w.rows(), w.weights()), (2, N + 2));
        let mut back: Weights = postcard::from_bytes(&postcard::to_stdvec(&w).unwrap()).unwrap();
        back.rebuild();
        for weights in [&w, &back] {
            let mut all = [0; N];
            weights.add_scores(&[7, 10, 99], &mut all, 0, N);
            assert_eq!(all, expected);
            let mut part = [0; N];
            weights.add_scores(&[7, 10, 99], &mut part, 3, 8);
            assert_eq!(part[3..8], expected[3..8]);
            assert!(part[..3].iter().chain(&part[8..]).all(|&s| s == 0));
        }
    }
}
