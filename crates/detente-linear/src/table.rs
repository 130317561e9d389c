//! A small lookup table the models store in their files: a hashed word →
//! a `u32` value.

use crate::KeyIndex;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A hashed word ([`crate::StrHash`] of its lowercase form, as the models
/// key words) → a nonzero `u32` value. Keys and values are stored sorted by
/// key, so a table built from the same map is the same bytes; the lookup
/// index is rebuilt after loading.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct WordTable {
    #[serde(with = "crate::hash::raw_u64")]
    keys: Vec<u64>,
    values: Vec<u32>,
    #[serde(skip)]
    index: KeyIndex<u32>,
}

impl WordTable {
    pub fn from_map(map: BTreeMap<u64, u32>) -> WordTable {
        let mut t = WordTable {
            keys: map.keys().copied().collect(),
            values: map.into_values().collect(),
            ..WordTable::default()
        };
        t.rebuild();
        t
    }

    /// Rebuilds the lookup index (after deserialising).
    pub fn rebuild(&mut self) {
        self.index = KeyIndex::build(&self.keys, self.values.iter().copied());
    }

    pub fn validate(&self) -> Result<(), String> {
        if self.keys.len() == self.values.len() {
            Ok(())
        } else {
            Err("word table keys and values disagree".into())
        }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The value of the word with hash `key`, 0 if absent.
    #[inline]
    pub fn get(&self, key: u64) -> u32 {
        self.index.get(key).unwrap_or(0)
    }

    /// Starts loading `key`'s slot, for a [`WordTable::get`] soon after.
    #[inline]
    pub fn prefetch(&self, key: u64) {
        self.index.prefetch(key);
    }
}
