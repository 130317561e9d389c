//! Feature hashing and the feature → row table.
//!
//! A feature is a `u64`: a template number mixed with hashed values, so
//! extracting features never builds a `String`. The hash functions are fixed
//! arithmetic (FNV-1a over UTF-8 bytes, a SplitMix64 finaliser), never `std`'s
//! randomly seeded hasher: the keys are stored in the model file and must
//! mean the same thing in every process. (The same scheme as the tagger's.)

/// FNV-1a, fed a byte or a character at a time.
#[derive(Clone, Copy)]
pub struct StrHash(u64);

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

    /// The hash so far, finalised so that its low bits can index a table.
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

/// Combines two values into one well-spread key; order matters.
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

/// A hint to start loading `value`'s cache line; a no-op off x86-64.
#[inline]
pub fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: SSE is part of the x86-64 baseline; a prefetch never faults or
    // writes memory, and the pointer comes from a live reference.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>((value as *const T).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

/// Open-addressing map from a hashed key to a small value.
///
/// Keys are uniform hashes already, so the slot is the key's low bits and
/// probing is linear: one cache line per lookup in the common case, with the
/// value in the slot itself. Key 0 marks an empty slot (a real 0 is stored as
/// 1; such a collision is harmless).
#[derive(Clone, Debug)]
pub struct KeyIndex<V> {
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
    fn with_capacity(n: usize) -> KeyIndex<V> {
        // A load factor of at most 1/2 keeps probe runs short.
        let size = (n.max(8) * 2).next_power_of_two();
        KeyIndex {
            slots: vec![(0, V::default()); size],
            len: 0,
        }
    }

    #[inline]
    fn slot_of(&self, key: u64) -> usize {
        key as usize & (self.slots.len() - 1)
    }

    #[inline]
    pub fn get(&self, key: u64) -> Option<V> {
        if self.slots.is_empty() {
            return None;
        }
        let key = key.max(1);
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(key);
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

    /// Starts loading `key`'s slot so that several lookups' cache misses
    /// overlap.
    #[inline]
    pub fn prefetch(&self, key: u64) {
        if !self.slots.is_empty() {
            prefetch(&self.slots[self.slot_of(key.max(1))]);
        }
    }

    /// The value of `key`, inserting `make()` first if it is absent.
    pub fn get_or_insert(&mut self, key: u64, make: impl FnOnce() -> V) -> V {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let key = key.max(1);
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(key);
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

    /// An index of `keys` with their `values` (the stored form of an index
    /// is the two parallel arrays).
    pub fn build(keys: &[u64], values: impl IntoIterator<Item = V>) -> KeyIndex<V> {
        let mut index = KeyIndex::with_capacity(keys.len());
        for (&k, v) in keys.iter().zip(values) {
            index.get_or_insert(k, || v);
        }
        index
    }
}

/// Serialises a `u64` array as raw little-endian bytes: keys are uniform
/// hashes, which a varint would make larger, not smaller.
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
                if b.len() % 8 != 0 {
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
        for k in 0..5_000u64 {
            assert_eq!(index.get_or_insert(mix(7, k), || k as u32), k as u32);
        }
        for k in 0..5_000u64 {
            assert_eq!(index.get(mix(7, k)), Some(k as u32));
            assert_eq!(index.get(mix(8, k)), None);
        }
    }
}
