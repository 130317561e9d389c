//! Feature hashing and the feature key → value index.
//!
//! Every feature is a `u64`: a template number mixed with hashed values, so
//! extracting features never allocates a `String`. The hashes are fixed
//! arithmetic (FNV-1a over UTF-8 bytes, then a SplitMix64 finaliser), not
//! `std`'s randomly seeded hasher, because the keys are stored in model files
//! and must mean the same thing in every process.

/// FNV-1a over bytes, fed incrementally (a prefix or suffix at a time).
#[derive(Clone, Copy)]
pub struct StrHash(u64);

impl Default for StrHash {
    fn default() -> StrHash {
        StrHash::new()
    }
}

impl StrHash {
    pub const fn new() -> StrHash {
        StrHash(0xcbf2_9ce4_8422_2325)
    }

    #[inline]
    pub fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }

    #[inline]
    pub fn char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.byte(b);
        }
    }

    /// The finished hash, finalised so that its low bits are usable as a
    /// table slot.
    #[inline]
    pub fn finish(self) -> u64 {
        finalise(self.0)
    }
}

/// The hash of a whole string.
pub fn hash_str(s: &str) -> u64 {
    let mut h = StrHash::new();
    for &b in s.as_bytes() {
        h.byte(b);
    }
    h.finish()
}

/// Combines two values (a template and a value, or a feature and another
/// value) into one well-spread key. Not symmetric: `mix(a, b) != mix(b, a)`.
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    finalise(a.rotate_left(23) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

#[inline]
fn finalise(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A hint to load `value`'s cache line; a no-op off x86-64.
#[inline]
pub fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: SSE is part of the x86-64 baseline, and a prefetch never
    // faults or changes memory; the pointer comes from a live reference.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>((value as *const T).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

/// An open-addressing map from feature key to a small value (a weight row's
/// span, a lexicon entry).
///
/// Keys are already uniform hashes, so the slot is the key's low bits and
/// probing is linear: one cache line per lookup in the common case, which is
/// what makes scoring fast, and the value sits in the slot itself so a
/// lookup needs no second memory access. Key 0 marks an empty slot; a real
/// key 0 is stored as 1 (a collision this rare costs nothing measurable).
#[derive(Clone, Debug)]
pub struct KeyIndex<V = u32> {
    slots: Vec<(u64, V)>,
    len: usize,
}

impl<V> Default for KeyIndex<V> {
    fn default() -> Self {
        KeyIndex {
            slots: Vec::new(),
            len: 0,
        }
    }
}

impl<V: Copy + Default> KeyIndex<V> {
    /// An empty index with room for `n` keys at a load factor of at most
    /// 3/4: linear probing stays short, and the table, the random-access
    /// part of scoring, stays as small as the shared cache wants.
    fn with_capacity(n: usize) -> KeyIndex<V> {
        let size = (n.max(6) * 4 / 3 + 1).next_power_of_two();
        KeyIndex {
            slots: vec![(0, V::default()); size],
            len: 0,
        }
    }

    #[inline]
    fn fix(key: u64) -> u64 {
        key.max(1)
    }

    #[inline]
    pub fn get(&self, key: u64) -> Option<V> {
        if self.slots.is_empty() {
            return None;
        }
        let key = Self::fix(key);
        let mask = self.slots.len() - 1;
        let mut i = key as usize & mask;
        loop {
            let (k, v) = self.slots[i];
            if k == key {
                return Some(v);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Asks the CPU to start loading `key`'s slot, so that several lookups'
    /// cache misses overlap instead of following one another.
    #[inline]
    pub fn prefetch(&self, key: u64) {
        if !self.slots.is_empty() {
            prefetch(&self.slots[Self::fix(key) as usize & (self.slots.len() - 1)]);
        }
    }

    /// The value for `key`, inserting `make()` first if it is absent.
    pub fn get_or_insert(&mut self, key: u64, make: impl FnOnce() -> V) -> V {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let key = Self::fix(key);
        let mask = self.slots.len() - 1;
        let mut i = key as usize & mask;
        loop {
            let (k, v) = self.slots[i];
            if k == key {
                return v;
            }
            if k == 0 {
                let v = make();
                self.slots[i] = (key, v);
                self.len += 1;
                return v;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        *self = KeyIndex::with_capacity((self.len + 1) * 2);
        for (k, v) in old.into_iter().filter(|&(k, _)| k != 0) {
            self.get_or_insert(k, || v);
        }
    }

    /// Looks up `keys` a batch at a time, latency first: all slots are
    /// prefetched, then `found` sees every value present (to prefetch what it
    /// points to), and only then does `visit` see them, in order.
    #[inline]
    pub fn for_each_batched(
        &self,
        keys: &[u64],
        mut found: impl FnMut(V),
        mut visit: impl FnMut(V),
    ) {
        const BATCH: usize = 64;
        for chunk in keys.chunks(BATCH) {
            for &k in chunk {
                self.prefetch(k);
            }
            let mut values = [V::default(); BATCH];
            let mut n = 0;
            for v in chunk.iter().filter_map(|&k| self.get(k)) {
                found(v);
                values[n] = v;
                n += 1;
            }
            values[..n].iter().for_each(|&v| visit(v));
        }
    }

    /// Builds an index of `keys` with their `values`: the on-disk form of an
    /// index is its keys and values in parallel arrays.
    pub fn build(keys: &[u64], values: impl IntoIterator<Item = V>) -> KeyIndex<V> {
        let mut index = KeyIndex::with_capacity(keys.len());
        for (&k, v) in keys.iter().zip(values) {
            index.get_or_insert(k, || v);
        }
        index
    }
}

impl KeyIndex<u32> {
    /// Builds an index where key `i` maps to `i`.
    pub fn from_keys(keys: &[u64]) -> KeyIndex<u32> {
        KeyIndex::build(keys, 0..)
    }
}

/// Serialises a `u64` array as raw little-endian bytes: feature keys are
/// uniform hashes, which a varint would make larger (10 bytes), not smaller.
pub mod raw_u64 {
    use serde::de::{Deserializer, Error, Visitor};
    use serde::Serializer;

    pub fn serialize<S: Serializer>(v: &[u64], s: S) -> Result<S::Ok, S::Error> {
        let bytes: Vec<u8> = v.iter().flat_map(|k| k.to_le_bytes()).collect();
        s.serialize_bytes(&bytes)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u64>, D::Error> {
        struct Bytes;
        impl<'de> Visitor<'de> for Bytes {
            type Value = Vec<u64>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a byte string of little-endian u64 values")
            }
            fn visit_bytes<E: Error>(self, b: &[u8]) -> Result<Vec<u64>, E> {
                if !b.chunks_exact(8).remainder().is_empty() {
                    return Err(E::custom("u64 array length is not a multiple of 8"));
                }
                Ok(b.chunks_exact(8)
                    .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
                    .collect())
            }
        }
        d.deserialize_bytes(Bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_finds_what_it_stored_and_nothing_else() {
        let mut index = KeyIndex::default();
        for k in 0..10_000u64 {
            let key = mix(7, k);
            assert_eq!(index.get_or_insert(key, || k as u32), k as u32);
        }
        for k in 0..10_000u64 {
            assert_eq!(index.get(mix(7, k)), Some(k as u32));
            assert_eq!(index.get(mix(8, k)), None);
        }
    }

    #[test]
    fn hashes_are_stable_across_processes() {
        // Model files store these keys: the functions must never change
        // (values computed independently from the definitions).
        assert_eq!(hash_str("the"), 0x9019_6226_0b6a_34d5);
        assert_eq!(hash_str("naïve"), 0xde6b_8471_27ce_5820);
        assert_eq!(mix(1, 2), 0xd5c9_06f8_9e12_00b6);
        let mut h = StrHash::new();
        "naïve".chars().for_each(|c| h.char(c));
        assert_eq!(h.finish(), hash_str("naïve"));
    }
}
