//! The compact weights used for tagging, averaged from a [`Perceptron`].

use detente_linear::{prefetch, Perceptron};
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
    index: RowIndex,
    /// Whether the processor has AVX2 (checked at [`Weights::rebuild`]).
    #[serde(skip)]
    avx2: bool,
}

const DENSE: u32 = u32::MAX;
/// Bytes in a cache line.
const LINE: usize = 64;

impl Weights {
    /// Rebuilds the lookup table after deserialising.
    pub fn rebuild(&mut self) {
        self.index = RowIndex::build(&self.keys, &self.spans);
        #[cfg(target_arch = "x86_64")]
        {
            self.avx2 = std::is_x86_feature_detected!("avx2");
        }
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
        let too_long = self
            .spans
            .iter()
            .any(|&(a, b)| b != DENSE && b - a > MAX_SPARSE);
        if self.entries.len() > MAX_START || dense_rows > MAX_START || too_long {
            return Err("too many weights for the lookup table".into());
        }
        let mut keys = self.keys.clone();
        keys.sort_unstable();
        if keys.windows(2).any(|w| w[0] == w[1]) {
            return Err("a feature has two weight rows".into());
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
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut [i32], lo: usize, hi: usize) {
        self.add_score_rows(features, &[features.len()], scores, lo, hi);
    }

    /// Starts loading the table slots of `features`, so that an
    /// [`Weights::add_scores`] of them soon after waits less.
    pub fn prefetch(&self, features: &[u64]) {
        features.iter().for_each(|&key| self.index.prefetch(key));
    }

    /// [`Weights::add_scores`] for many score vectors at once: the features
    /// `features[ends[r - 1]..ends[r]]` (from 0 for `r` = 0) go to score
    /// vector `r`, `scores[r * classes..][..classes]`. Memory latency is most
    /// of the cost, so rows are prefetched a batch at a time, across vectors:
    /// the cache misses of all a sentence's words overlap.
    #[inline]
    pub fn add_score_rows(
        &self,
        features: &[u64],
        ends: &[usize],
        scores: &mut [i32],
        lo: usize,
        hi: usize,
    ) {
        debug_assert_eq!(ends.last().copied().unwrap_or(0), features.len());
        debug_assert_eq!(scores.len(), ends.len() * self.classes as usize);
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: `avx2` is only true when the processor has AVX2.
            unsafe { self.add_score_rows_avx2(features, ends, scores, lo, hi) };
            return;
        }
        self.add_score_rows_with(features, ends, scores, lo, hi);
    }

    /// [`Weights::add_score_rows_with`] compiled for AVX2: dense rows are
    /// widened and added eight weights at a time instead of four.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn add_score_rows_avx2(
        &self,
        features: &[u64],
        ends: &[usize],
        scores: &mut [i32],
        lo: usize,
        hi: usize,
    ) {
        self.add_score_rows_with(features, ends, scores, lo, hi);
    }

    #[inline(always)]
    fn add_score_rows_with(
        &self,
        features: &[u64],
        ends: &[usize],
        scores: &mut [i32],
        lo: usize,
        hi: usize,
    ) {
        let width = self.classes as usize;
        // The score vector of the feature being added (features come in order).
        let mut vector = 0;
        // The closures are inlined too, for the caller's target features.
        self.index.for_each_batched(
            features,
            #[inline(always)]
            |(a, b)| {
                // Every cache line of the row part that will be added: a
                // dense row spans several, and a sparse one may cross one.
                if b == DENSE {
                    let row = &self.dense[a as usize * width..][lo..hi];
                    row.iter().step_by(LINE / 2).for_each(prefetch);
                    row.last().map(prefetch);
                } else if a < b {
                    prefetch(&self.entries[a as usize]);
                    prefetch(&self.entries[b as usize - 1]);
                }
            },
            #[inline(always)]
            |feature, (a, b)| {
                while feature >= ends[vector] {
                    vector += 1;
                }
                let scores = &mut scores[vector * width..][..width];
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
            // (A row too long for the lookup table's length field is dense too.)
            if row.len() * 6 >= classes || row.len() > MAX_SPARSE as usize {
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
        assert!(
            out.entries.len() <= MAX_START && out.dense.len() / classes <= MAX_START,
            "too many weights for the lookup table"
        );
        out.rebuild();
        out
    }
}

/// The feature → row table searched while tagging.
///
/// Open addressing with linear probing over one `u64` per slot: the key's
/// high 32 bits as a fingerprint beside the row's start (24 bits) and length
/// (8 bits, [`DENSE_LEN`] for a dense row). The table is the random-access
/// part of scoring, so its size is what the caches see, and 8-byte slots are
/// half the size of full keys with `(u32, u32)` spans. The slot number is the
/// key's low bits, so slot and fingerprint together compare 32 + log2(slots)
/// bits: an absent feature is mistaken for a present one about once in 2^32
/// lookups, while present features always find their own row (checked when
/// the table is built).
#[derive(Clone, Debug, Default)]
struct RowIndex {
    slots: Vec<u64>,
}

/// Sparse rows are shorter (a row holds at most one weight per class).
const MAX_SPARSE: u32 = 254;
const DENSE_LEN: u64 = 0xFF;
/// Row starts fit in 24 bits.
const MAX_START: usize = (1 << 24) - 1;
const FINGERPRINT: u64 = 0xFFFF_FFFF_0000_0000;

impl RowIndex {
    /// The table of distinct `keys` with their `spans`, at a load factor of at
    /// most 3/4 (probing stays short). Two keys with one fingerprint on one
    /// probe path would hide the later one; a larger table separates them.
    fn build(keys: &[u64], spans: &[(u32, u32)]) -> RowIndex {
        let mut size = (keys.len().max(6) * 4 / 3 + 1).next_power_of_two();
        loop {
            let index = RowIndex::fill(keys, spans, size);
            if keys
                .iter()
                .zip(spans)
                .all(|(&k, &span)| index.get(k) == Some(span))
            {
                return index;
            }
            size *= 2;
        }
    }

    fn fill(keys: &[u64], spans: &[(u32, u32)], size: usize) -> RowIndex {
        let mut slots = vec![0u64; size];
        let mask = size - 1;
        for (&key, &(a, b)) in keys.iter().zip(spans) {
            let len = if b == DENSE {
                DENSE_LEN
            } else {
                u64::from(b - a)
            };
            let mut i = key as usize & mask;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            // Never 0 (the empty slot): every row has at least one weight.
            slots[i] = (key & FINGERPRINT) | u64::from(a) << 8 | len;
        }
        RowIndex { slots }
    }

    #[inline]
    fn prefetch(&self, key: u64) {
        if !self.slots.is_empty() {
            prefetch(&self.slots[key as usize & (self.slots.len() - 1)]);
        }
    }

    #[inline]
    fn get(&self, key: u64) -> Option<(u32, u32)> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = key as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return None;
            }
            if (slot ^ key) & FINGERPRINT == 0 {
                let start = (slot >> 8) as u32 & MAX_START as u32;
                let len = slot & 0xFF;
                return Some(if len == DENSE_LEN {
                    (start, DENSE)
                } else {
                    (start, start + len as u32)
                });
            }
            i = (i + 1) & mask;
        }
    }

    /// Looks up `keys` a batch at a time, latency first: all slots are
    /// prefetched, then `found` sees every row present (to prefetch it), and
    /// only then does `visit` see them, in order, with their key's position.
    /// The next batch's slots are prefetched before this batch's rows are
    /// visited, so that their misses overlap too. Always inlined, with plain
    /// loops (the compiler kept `for_each` out of line), so that `visit` is
    /// compiled with its caller's target features: out of line, the AVX2
    /// caller's dense rows were added with baseline SSE2.
    #[inline(always)]
    fn for_each_batched(
        &self,
        keys: &[u64],
        mut found: impl FnMut((u32, u32)),
        mut visit: impl FnMut(usize, (u32, u32)),
    ) {
        const BATCH: usize = 64;
        if self.slots.is_empty() {
            return;
        }
        keys.iter().take(BATCH).for_each(|&k| self.prefetch(k));
        for (batch, chunk) in keys.chunks(BATCH).enumerate() {
            let mut rows = [(0, (0, 0)); BATCH];
            let mut n = 0;
            for (j, row) in chunk
                .iter()
                .enumerate()
                .filter_map(|(j, &k)| Some((j, self.get(k)?)))
            {
                found(row);
                rows[n] = (batch * BATCH + j, row);
                n += 1;
            }
            for &k in keys.iter().skip((batch + 1) * BATCH).take(BATCH) {
                self.prefetch(k);
            }
            for &(key, row) in &rows[..n] {
                visit(key, row);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_index_finds_every_row_even_when_fingerprints_meet() {
        let mut keys: Vec<u64> = (0..10_000u64).map(|k| detente_linear::mix(3, k)).collect();
        let mut spans: Vec<(u32, u32)> =
            (0..10_000u32).map(|r| (r * 2, r * 2 + 1 + r % 3)).collect();
        // Two keys with one fingerprint and one home slot in the first table
        // tried (16384 slots), one of them a dense row.
        keys.extend([0x1234_5678_0000_0005, 0x1234_5678_0000_4005]);
        spans.extend([(7, DENSE), (20_000, 20_010)]);
        let index = RowIndex::build(&keys, &spans);
        for (&k, &span) in keys.iter().zip(&spans) {
            assert_eq!(index.get(k), Some(span));
        }
        let absent = (0..10_000u64).filter(|&k| index.get(detente_linear::mix(4, k)).is_some());
        assert_eq!(absent.count(), 0);
        assert!(RowIndex::default().get(1).is_none());
    }

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
