//! The trained weights in the form the parser runs: a hash table from
//! feature key to the feature's class weights, quantised to 16 bits.
//!
//! Most features are seen with a handful of the ~100 labelled transitions,
//! so they keep only their non-zero `(class, weight)` pairs ("sparse rows").
//! The few frequent, unlexicalised features (`s0` is a noun, `b0` is a verb)
//! have weights for most classes and occur in every configuration: they are
//! stored as full rows of one weight per class ("dense rows") and added with
//! SIMD instructions.
//!
//! Parsing time goes mostly to finding ~110 features per configuration in a
//! table much larger than the caches. So the table is built for that:
//! * a key's slot is in one 64-byte bucket (one cache line), and all buckets
//!   of a configuration are prefetched ([`Weights::prefetch`]) before any is
//!   read, so that the cache misses overlap instead of following one another;
//! * a bucket is searched without branches (mispredicted branches on "found
//!   or not" cost more than the search); only keys that did not fit in their
//!   bucket, which the bucket records, need a loop, and those are searched
//!   after all others, so that the misses on their next buckets overlap too.

/// A slot is one `u64`: bits 33-63 of the key as a fingerprint, an overflow
/// flag, a 24-bit start and an 8-bit length. Length 0 marks an empty slot,
/// `DENSE` a dense row (the start is then the row number), anything else a
/// sparse run of `[class, weight (2 bytes, little-endian)]` entries, three
/// bytes each (models have at most 256 classes). The low 32 bits of the key
/// pick the bucket, so fingerprint and bucket together check about
/// 31 + log2(buckets) bits of the key.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Weights {
    buckets: Vec<Bucket>,
    entries: Vec<[u8; 3]>,
    /// Dense rows, `stride` weights each.
    dense: Vec<i16>,
    stride: usize,
    /// Whether the processor has AVX2 (checked once, at construction).
    avx2: bool,
}

/// Eight slots on one cache line. The overflow flag of a bucket's first slot
/// says that keys whose home is this bucket (or an earlier one) continue in
/// the next bucket.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
#[repr(C, align(64))]
struct Bucket([u64; 8]);

const DENSE: u64 = 0xFF;
const OVERFLOW: u64 = 1 << 32;
const MAX_START: usize = 1 << 24;

/// Whether `slot` holds `key`.
#[inline(always)]
fn holds(slot: u64, key: u64) -> bool {
    (slot ^ key) >> 33 == 0 && slot & 0xFF != 0
}

impl Weights {
    /// Builds the table for `classes` classes from `(key, [(class, weight)])`
    /// rows with distinct keys and at least one entry each. Rows with at
    /// least a quarter of the classes become dense.
    pub fn build(classes: usize, rows: &[(u64, Vec<(u16, i16)>)]) -> Weights {
        let stride = stride(classes);
        // At 5 keys per 8 slots, about one bucket in ten overflows.
        let mut buckets = vec![Bucket::default(); rows.len() / 5 + 1];
        let mut entries = Vec::new();
        let mut dense = Vec::new();
        for (key, row) in rows {
            assert!(!row.is_empty());
            let (start, len) = if row.len() * 4 >= classes || row.len() >= DENSE as usize {
                let start = dense.len() / stride;
                dense.resize(dense.len() + stride, 0);
                for &(c, w) in row {
                    dense[start * stride + c as usize] = w;
                }
                (start, DENSE)
            } else {
                let start = entries.len();
                entries.extend(row.iter().map(|&(c, w)| {
                    let [lo, hi] = w.to_le_bytes();
                    [u8::try_from(c).expect("at most 256 classes"), lo, hi]
                }));
                (start, row.len() as u64)
            };
            assert!(start < MAX_START, "too many weights for the model format");
            let slot = (key & !(OVERFLOW - 1) & !OVERFLOW) | ((start as u64) << 8) | len;
            let mut b = home(*key, buckets.len());
            loop {
                let bucket = &mut buckets[b].0;
                if let Some(free) = bucket.iter_mut().find(|s| **s == 0) {
                    *free = slot;
                    break;
                }
                bucket[0] |= OVERFLOW;
                b = next(b, buckets.len());
            }
        }
        let slots = buckets.iter().flat_map(|b| b.0).collect();
        Weights::new(slots, entries, dense, classes).expect("a consistent table")
    }

    /// Checks every index that scoring will follow, so that weights read from
    /// a file can never make the parser panic.
    pub fn new(
        slots: Vec<u64>,
        entries: Vec<[u8; 3]>,
        dense: Vec<i16>,
        classes: usize,
    ) -> Result<Weights, String> {
        let stride = stride(classes);
        if slots.is_empty() || !slots.len().is_multiple_of(8) {
            return Err("weight table is not whole buckets".into());
        }
        if slots.iter().step_by(8).all(|&s| s & OVERFLOW != 0) {
            return Err("every bucket of the weight table overflows".into());
        }
        if !dense.len().is_multiple_of(stride) {
            return Err("dense weights are not whole rows".into());
        }
        for &slot in &slots {
            let start = ((slot >> 8) & 0xFF_FFFF) as usize;
            let ok = match slot & 0xFF {
                0 => true,
                DENSE => start < dense.len() / stride,
                len => start + len as usize <= entries.len(),
            };
            if !ok {
                return Err("a feature's weights lie outside the weight arrays".into());
            }
        }
        if classes > 256 || entries.iter().any(|e| usize::from(e[0]) >= classes) {
            return Err("a weight belongs to a class the model does not have".into());
        }
        let buckets = slots
            .chunks_exact(8)
            .map(|c| Bucket(c.try_into().expect("8 slots")))
            .collect();
        Ok(Weights {
            buckets,
            entries,
            dense,
            stride,
            avx2: has_avx2(),
        })
    }

    /// The table's slots, bucket after bucket.
    pub fn slots(&self) -> impl Iterator<Item = u64> + '_ {
        self.buckets.iter().flat_map(|b| b.0)
    }

    pub fn n_slots(&self) -> usize {
        self.buckets.len() * 8
    }

    pub fn entries(&self) -> &[[u8; 3]] {
        &self.entries
    }

    pub fn dense(&self) -> &[i16] {
        &self.dense
    }

    /// Number of features and of stored weights.
    pub fn size(&self) -> (usize, usize) {
        let features = self.slots().filter(|&s| s & 0xFF != 0).count();
        (features, self.entries.len() + self.dense.len())
    }

    /// Length of the score vector [`Weights::score`] fills: the number of
    /// classes rounded up to whole SIMD registers.
    pub fn score_len(&self) -> usize {
        self.stride
    }

    /// Adds the weights of `features` to `scores` (length [`score_len`]).
    /// Call [`Weights::prefetch`] on each first, as early as possible.
    ///
    /// [`score_len`]: Weights::score_len
    #[inline]
    pub fn score<const N: usize>(&self, features: &[u64; N], scores: &mut [i32]) {
        assert_eq!(scores.len(), self.stride);
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: `avx2` is only true when the processor has AVX2.
            unsafe { self.score_avx2(features, scores) };
            return;
        }
        self.score_with(features, scores);
    }

    /// [`Weights::score_with`] compiled for AVX2: twice the SIMD width of the
    /// x86_64 baseline for searching buckets and adding dense rows.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn score_avx2<const N: usize>(&self, features: &[u64; N], scores: &mut [i32]) {
        self.score_with(features, scores);
    }

    /// Starts loading the home bucket of `key`, so that a [`Weights::score`]
    /// of it soon after finds it in cache (without it, each search waits for
    /// its bucket).
    #[inline]
    pub fn prefetch(&self, key: u64) {
        prefetch(&self.buckets[home(key, self.buckets.len())]);
    }

    #[inline(always)]
    fn score_with<const N: usize>(&self, features: &[u64; N], scores: &mut [i32]) {
        let n_buckets = self.buckets.len();
        let homes = features.map(|key| home(key, n_buckets));
        // Search each home bucket; sort the hits into sparse and dense
        // without branching on which they are. A key missing from a full
        // home bucket may be in the buckets after it: those keys are searched
        // last, their next bucket prefetched meanwhile.
        let mut hits = Hits::<N>::default();
        let mut spilled = [(0u64, 0usize); N];
        let mut n_spilled = 0;
        for (&key, &b) in features.iter().zip(&homes) {
            let bucket = &self.buckets[b].0;
            let mut hit = 0u64;
            for &slot in bucket {
                hit |= slot & 0u64.wrapping_sub(u64::from(holds(slot, key)));
            }
            if hit == 0 && bucket[0] & OVERFLOW != 0 {
                prefetch(&self.buckets[next(b, n_buckets)]);
                spilled[n_spilled] = (key, b);
                n_spilled += 1;
            } else {
                self.sort_hit(hit, &mut hits);
            }
        }
        for &(key, b) in &spilled[..n_spilled] {
            self.sort_hit(self.search_overflow(key, b), &mut hits);
        }
        let Hits {
            sparse,
            n_sparse,
            dense,
            n_dense,
        } = hits;
        for &hit in &sparse[..n_sparse] {
            let start = (hit >> 8) as usize;
            for &[class, lo, hi] in &self.entries[start..start + (hit & 0xFF) as usize] {
                scores[usize::from(class)] += i32::from(i16::from_le_bytes([lo, hi]));
            }
        }
        for &row in &dense[..n_dense] {
            let row = &self.dense[row as usize * self.stride..][..self.stride];
            for (s, &w) in scores.iter_mut().zip(row) {
                *s += i32::from(w);
            }
        }
    }

    /// Files the slot `hit` (0 when the key is absent) under sparse or dense
    /// rows, and starts loading its weights.
    #[inline(always)]
    fn sort_hit<const N: usize>(&self, hit: u64, hits: &mut Hits<N>) {
        let start = ((hit >> 8) & 0xFF_FFFF) as u32;
        let is_dense = hit & 0xFF == DENSE;
        let is_sparse = hit != 0 && !is_dense;
        let target = if is_dense {
            self.dense
                .as_ptr()
                .wrapping_add(start as usize * self.stride)
                .cast::<u8>()
        } else {
            self.entries
                .as_ptr()
                .wrapping_add(start as usize)
                .cast::<u8>()
        };
        prefetch_ptr(target);
        hits.sparse[hits.n_sparse] = hit as u32;
        hits.n_sparse += usize::from(is_sparse);
        hits.dense[hits.n_dense] = start;
        hits.n_dense += usize::from(is_dense);
    }

    /// The slot of `key` in the buckets after its full home bucket `b`, or 0.
    #[cold]
    fn search_overflow(&self, key: u64, mut b: usize) -> u64 {
        while self.buckets[b].0[0] & OVERFLOW != 0 {
            b = next(b, self.buckets.len());
            if let Some(&slot) = self.buckets[b].0.iter().find(|&&s| holds(s, key)) {
                return slot;
            }
        }
        0
    }
}

/// The rows found for `N` features: sparse runs (their slots' low 32 bits)
/// and dense row numbers.
struct Hits<const N: usize> {
    sparse: [u32; N],
    n_sparse: usize,
    dense: [u32; N],
    n_dense: usize,
}

impl<const N: usize> Default for Hits<N> {
    fn default() -> Self {
        Hits {
            sparse: [0; N],
            n_sparse: 0,
            dense: [0; N],
            n_dense: 0,
        }
    }
}

impl std::fmt::Debug for Weights {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (features, weights) = self.size();
        write!(f, "Weights {{ features: {features}, weights: {weights} }}")
    }
}

fn has_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    return std::is_x86_feature_detected!("avx2");
    #[cfg(not(target_arch = "x86_64"))]
    false
}

/// Dense rows are padded to whole 32-byte registers.
fn stride(classes: usize) -> usize {
    classes.div_ceil(16) * 16
}

/// The home bucket of `key`: its low 32 bits scaled to the table size.
#[inline(always)]
fn home(key: u64, size: usize) -> usize {
    (((key & 0xFFFF_FFFF) * size as u64) >> 32) as usize
}

#[inline(always)]
fn next(i: usize, size: usize) -> usize {
    if i + 1 == size {
        0
    } else {
        i + 1
    }
}

#[inline(always)]
fn prefetch<T>(value: &T) {
    prefetch_ptr((value as *const T).cast());
}

/// Asks the processor to start loading the cache line at `p`.
#[inline(always)]
fn prefetch_ptr(p: *const u8) {
    // SAFETY: SSE is part of the x86_64 baseline, and a prefetch is only a
    // hint: it never faults, whatever the address, and changes no memory.
    #[cfg(target_arch = "x86_64")]
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}
