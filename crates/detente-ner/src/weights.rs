//! The compact weights used for recognition, averaged from a [`Perceptron`].

use crate::labels::CLASSES;
use detente_linear::{prefetch, Perceptron};
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
    /// Key → its row packed by [`pack`]; rebuilt at load.
    #[serde(skip)]
    index: RowIndex,
    /// The rows too long to pack, dense; rebuilt at load.
    #[serde(skip)]
    dense: Vec<Dense>,
}

/// Rows of up to this many entries are stored in their index slot.
const INLINE: usize = 3;

/// How many lookups ahead [`Weights::add_scores_grouped`] prefetches (48
/// did better than 16 in the full pipeline, where the tables are cold).
const AHEAD: usize = 48;

/// Classes a dense row holds (those beyond the model's are 0).
const LANES: usize = 16;

/// A row with a weight for every class, in one cache line: the features
/// that are looked up most are the ones updated against many labels (the
/// rows found hold 8 weights on average), and adding their weights lane by
/// lane, which vectorises, costs much less than one at a time.
#[derive(Clone, Copy, Debug, Default)]
#[repr(align(32))]
struct Dense([i16; LANES]);

/// A row as an index value (0 is no row). Most rows hold two or three
/// weights (`O` and the labels it was confused with), so they are packed
/// into the slot itself, which makes a lookup one cache miss instead of
/// two: the count (1–3) in bits 0–1, then per entry 20 bits, the class in
/// 4 and the weight in 16. Longer rows have count 0 and their index in
/// `dense` + 1 in the bits above.
fn pack(row: &[(u8, i16)], dense: &mut Vec<Dense>) -> u64 {
    if row.len() <= INLINE {
        let mut code = row.len() as u64;
        for (j, &(c, w)) in row.iter().enumerate() {
            code |= (u64::from(c) | u64::from(w as u16) << 4) << (2 + 20 * j);
        }
        code
    } else {
        let mut d = Dense::default();
        for &(c, w) in row {
            d.0[usize::from(c)] = w;
        }
        dense.push(d);
        (dense.len() as u64) << 2
    }
}

impl Weights {
    /// Rebuilds the lookup table after deserialising (and validating:
    /// classes must be below [`LANES`]).
    pub fn rebuild(&mut self) {
        let mut start = 0;
        let entries = &self.entries;
        let mut dense = Vec::new();
        let codes = self.lens.iter().map(|&n| {
            let end = start + usize::from(n);
            let code = pack(&entries[start..end], &mut dense);
            start = end;
            code
        });
        self.index = RowIndex::build(&self.keys, codes);
        self.dense = dense;
    }

    /// Checks every index scoring follows, so that a damaged file is a load
    /// error, not a panic.
    pub fn validate(&self, classes: usize) -> Result<(), String> {
        let total: usize = self.lens.iter().map(|&n| usize::from(n)).sum();
        if usize::from(self.classes) != classes
            || classes > LANES
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
    /// nothing). Memory latency is most of the cost, so all slots are
    /// prefetched first.
    pub fn add_scores(&self, features: &[u64], scores: &mut [i32]) {
        for &key in features {
            self.index.prefetch(key);
        }
        let mut sums = Sums::default();
        for &key in features {
            sums.add(self, self.index.get(key));
        }
        sums.into(scores);
    }

    /// Adds the rows of groups of `features` into `scores`: group `g`, the
    /// features up to `ends[g]` (from the end of the one before), into
    /// `scores[g]`. A pipeline for many lookups (a sentence's word features),
    /// so that cache misses overlap: each slot is prefetched [`AHEAD`]
    /// lookups before it is read, and the dense rows are all prefetched
    /// before any is added. `codes` is scratch space.
    pub fn add_scores_grouped(
        &self,
        features: &[u64],
        ends: &[usize],
        scores: &mut [[i32; CLASSES]],
        codes: &mut Vec<u64>,
    ) {
        codes.clear();
        for &key in features.iter().take(AHEAD) {
            self.index.prefetch(key);
        }
        for (j, &key) in features.iter().enumerate() {
            if let Some(&next) = features.get(j + AHEAD) {
                self.index.prefetch(next);
            }
            let code = self.index.get(key);
            self.prefetch_dense(code);
            codes.push(code);
        }
        let mut start = 0;
        for (&end, scores) in ends.iter().zip(scores) {
            let mut sums = Sums::default();
            for &code in &codes[start..end] {
                sums.add(self, code);
            }
            sums.into(scores);
            start = end;
        }
    }

    /// Starts loading the index slots of `features`, so that scoring them
    /// soon after waits less.
    pub fn prefetch(&self, features: &[u64]) {
        features.iter().for_each(|&key| self.index.prefetch(key));
    }

    #[inline]
    fn prefetch_dense(&self, code: u64) {
        if let Some(row) = self.dense_row(code) {
            prefetch(row);
        }
    }

    /// The dense row of a code, if it is one.
    #[inline]
    fn dense_row(&self, code: u64) -> Option<&Dense> {
        if code & 3 != 0 {
            return None;
        }
        ((code >> 2) as usize)
            .checked_sub(1)
            .and_then(|r| self.dense.get(r))
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

/// Feature key → packed row ([`pack`]; 0 for an unknown feature): open
/// addressing over buckets of four keys and their rows in one cache line,
/// filled in order and probed bucket after bucket. A lookup reads one line
/// unless its bucket overflowed, where linear probing over single slots
/// (`KeyIndex`) crosses into a second line on about one lookup in eight,
/// and that line is not the one prefetched. Key 0 marks an empty slot; a
/// real key 0 is stored as 1, as `KeyIndex` does.
#[derive(Clone, Debug, Default)]
struct RowIndex {
    buckets: Vec<Bucket>,
}

#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(64))]
struct Bucket {
    keys: [u64; 4],
    codes: [u64; 4],
}

impl RowIndex {
    /// About two keys a bucket: the same 16 bytes a key as `KeyIndex`.
    fn build(keys: &[u64], codes: impl IntoIterator<Item = u64>) -> RowIndex {
        let size = keys.len().div_ceil(2).next_power_of_two();
        let mut index = RowIndex {
            buckets: vec![Bucket::default(); size],
        };
        let mask = size - 1;
        'keys: for (&key, code) in keys.iter().zip(codes) {
            let key = key.max(1);
            let mut b = key as usize & mask;
            loop {
                let bucket = &mut index.buckets[b];
                for (k, c) in bucket.keys.iter_mut().zip(&mut bucket.codes) {
                    if *k == key {
                        // The first row of a key wins.
                        continue 'keys;
                    }
                    if *k == 0 {
                        (*k, *c) = (key, code);
                        continue 'keys;
                    }
                }
                b = (b + 1) & mask;
            }
        }
        index
    }

    #[inline]
    fn get(&self, key: u64) -> u64 {
        if self.buckets.is_empty() {
            return 0;
        }
        let key = key.max(1);
        let mask = self.buckets.len() - 1;
        let mut b = key as usize & mask;
        loop {
            let bucket = &self.buckets[b];
            for (&k, &code) in bucket.keys.iter().zip(&bucket.codes) {
                if k == key {
                    return code;
                }
            }
            // A bucket with room never overflowed into the next.
            if bucket.keys[3] == 0 {
                return 0;
            }
            b = (b + 1) & mask;
        }
    }

    #[inline]
    fn prefetch(&self, key: u64) {
        if !self.buckets.is_empty() {
            prefetch(&self.buckets[key.max(1) as usize & (self.buckets.len() - 1)]);
        }
    }
}

/// Row sums kept apart for the two kinds of row, so that the dense sums
/// can stay in vector registers.
#[derive(Default)]
struct Sums {
    dense: [i32; LANES],
    packed: [i32; LANES],
}

impl Sums {
    #[inline(always)]
    fn add(&mut self, weights: &Weights, code: u64) {
        if let Some(row) = weights.dense_row(code) {
            for (s, &w) in self.dense.iter_mut().zip(&row.0) {
                *s += i32::from(w);
            }
        }
        for j in 0..(code & 3) as usize {
            let e = code >> (2 + 20 * j);
            self.packed[(e & 15) as usize] += i32::from((e >> 4) as u16 as i16);
        }
    }

    fn into(self, scores: &mut [i32]) {
        for ((s, d), p) in scores.iter_mut().zip(self.dense).zip(self.packed) {
            *s += d + p;
        }
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

    #[test]
    fn packed_dense_and_missing_rows_add_up_like_the_entries() {
        // Rows of every length, negative and extreme weights, more keys
        // than fit their home buckets, and key 0 (stored as 1).
        let mut w = Weights {
            classes: CLASSES as u8,
            ..Weights::default()
        };
        for r in 0..400u64 {
            w.keys.push(if r == 0 { 0 } else { r << 20 });
            let len = 1 + r as usize % CLASSES;
            w.lens.push(len as u8);
            for j in 0..len {
                let c = (r as usize * 7 + j * 5) % CLASSES;
                let weight = match (r + j as u64) % 4 {
                    0 => i16::MIN,
                    1 => i16::MAX,
                    _ => (r as i16).wrapping_mul(37) - j as i16,
                };
                w.entries.push((c as u8, weight));
            }
        }
        w.validate(CLASSES).unwrap();
        w.rebuild();
        let mut start = 0;
        let mut expected = vec![[0i32; CLASSES]; w.keys.len()];
        for (row, &len) in expected.iter_mut().zip(&w.lens) {
            for &(c, weight) in &w.entries[start..start + usize::from(len)] {
                row[usize::from(c)] += i32::from(weight);
            }
            start += usize::from(len);
        }
        let features: Vec<u64> = w.keys.iter().flat_map(|&k| [k, k | 1 << 63]).collect();
        let ends: Vec<usize> = (1..=w.keys.len()).map(|r| 2 * r).collect();
        let mut grouped = vec![[0; CLASSES]; w.keys.len()];
        w.add_scores_grouped(&features, &ends, &mut grouped, &mut Vec::new());
        assert_eq!(grouped, expected);
        for (&key, row) in w.keys.iter().zip(&expected) {
            let mut scores = [0; CLASSES];
            w.add_scores(&[key, key ^ 1 << 62], &mut scores);
            assert_eq!(&scores, row);
        }
        let mut one = [0; CLASSES];
        w.add_scores(&[1], &mut one);
        assert_eq!(one, expected[0]);
    }
}
