//! The compact weights used for recognition, averaged from a [`Perceptron`].

use detente_linear::{prefetch, KeyIndex, Perceptron};
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
    #[serde(with = "detente_linear::hash::raw_u64")]
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
    /// nothing). Memory latency is most of the cost, so rows are prefetched
    /// a batch at a time.
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut [i32]) {
        self.index.for_each_batched(
            features,
            |(a, _)| {
                if let Some(first) = self.entries.get(a as usize) {
                    prefetch(first);
                }
            },
            |(a, b)| {
                for &(class, w) in &self.entries[a as usize..b as usize] {
                    scores[usize::from(class)] += i32::from(w);
                }
            },
        );
    }

    /// The averaged weights of the first `classes` classes of `p` (see
    /// [`Perceptron::averaged`]); classes beyond are bookkeeping of the
    /// training (a sink for one-sided updates) and are left out.
    pub fn averaged(p: &Perceptron, classes: usize, prune: f64) -> Weights {
        let mut out = Weights {
            classes: classes.min(p.classes()) as u8,
            ..Weights::default()
        };
        p.averaged(prune, |key, row| {
            let kept = row.iter().filter(|&&(c, _)| c < classes);
            let len = kept.clone().count();
            if len == 0 {
                return;
            }
            out.keys.push(key);
            out.lens.push(len as u8);
            out.entries.extend(kept.map(|&(c, q)| (c as u8, q)));
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
        let mut p = Perceptron::new(3);
        p.update(&[10, 11], 0, 1);
        p.tick();
        p.update(&[11], 2, 0);
        p.tick();
        let mut expected = [0i32; 3];
        p.averaged(0.0, |_, row| {
            row.iter().for_each(|&(c, q)| expected[c] += i32::from(q));
        });
        let w = Weights::averaged(&p, 3, 0.0);
        w.validate(3).unwrap();
        assert_eq!((w.rows(), w.len()), (2, 5));
        let mut back: Weights = postcard::from_bytes(&postcard::to_stdvec(&w).unwrap()).unwrap();
        back.rebuild();
        for weights in [&w, &back] {
            let mut s = [0; 3];
            weights.add_scores(&[10, 11, 99], &mut s);
            assert_eq!(s, expected);
        }
    }
}
