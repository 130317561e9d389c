//! The classes of a [`Clusters`] table in the form a linear model copies
//! into its own file: keyed by the hash of the lowercase word, each word's
//! classes packed into one `u32`.

use crate::Clusters;
use detente_linear::{StrHash, WordTable};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Most clusterings a [`ClassTable`] holds.
pub const MAX_CLUSTERINGS: usize = 4;

/// Lowercase word hash ([`lower_key`]) → the word's class in each
/// clustering: packed coarse to fine, each in as many bits as its size
/// needs, with bit 31 set.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ClassTable {
    sizes: Vec<u32>,
    classes: WordTable,
}

impl ClassTable {
    /// The classes of every word of `clusters`, which must be of lowercased
    /// forms with at most [`MAX_CLUSTERINGS`] clusterings in 31 bits.
    pub fn new(clusters: &Clusters) -> Result<ClassTable, String> {
        let sizes = clusters.sizes().to_vec();
        let bits: u32 = sizes.iter().map(|&s| class_bits(s)).sum();
        if !clusters.lowercase() || sizes.len() > MAX_CLUSTERINGS || bits > 31 {
            return Err(format!(
                "a class table needs lowercased clusters, at most {MAX_CLUSTERINGS} clusterings \
                 in 31 bits (got {} clusterings in {bits} bits, lowercased: {})",
                sizes.len(),
                clusters.lowercase()
            ));
        }
        let mut map = BTreeMap::new();
        for (word, classes) in clusters.iter() {
            let mut value = 1 << 31;
            let mut shift = 0;
            for (&c, &size) in classes.iter().zip(&sizes) {
                value |= u32::from(c) << shift;
                shift += class_bits(size);
            }
            map.insert(lower_key(word), value);
        }
        Ok(ClassTable { sizes, classes: WordTable::from_map(map) })
    }

    /// Rebuilds the lookup index (after deserialising).
    pub fn rebuild(&mut self) {
        self.classes.rebuild();
    }

    pub fn validate(&self) -> Result<(), String> {
        if self.sizes.len() > MAX_CLUSTERINGS {
            return Err("class table has too many clusterings".into());
        }
        self.classes.validate()
    }

    /// Words with classes.
    pub fn len(&self) -> usize {
        self.classes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// Starts loading `key`'s entry, for a [`ClassTable::get`] soon after.
    #[inline]
    pub fn prefetch(&self, key: u64) {
        self.classes.prefetch(key);
    }

    /// The class + 1 in each clustering (coarse to fine) of the word whose
    /// [`lower_key`] is `key`; 0 where it has none (and in the slots beyond
    /// the table's clusterings).
    #[inline]
    pub fn get(&self, key: u64) -> [u64; MAX_CLUSTERINGS] {
        let mut out = [0; MAX_CLUSTERINGS];
        // Every stored value has bit 31 set, so 0 is a word with no classes.
        let value = self.classes.get(key);
        if value == 0 {
            return out;
        }
        let mut shift = 0;
        for (slot, &size) in out.iter_mut().zip(&self.sizes) {
            let bits = class_bits(size);
            *slot = u64::from(value >> shift & ((1 << bits) - 1)) + 1;
            shift += bits;
        }
        out
    }
}

/// The key of a word in a [`ClassTable`]: the [`StrHash`] of its
/// characters lowercased one by one (as the models' own lowercase hashes).
pub fn lower_key(word: &str) -> u64 {
    let mut h = StrHash::new();
    for c in word.chars() {
        for l in c.to_lowercase() {
            h.char(l);
        }
    }
    h.finish()
}

/// Bits that hold a class of a clustering into `size` classes.
fn class_bits(size: u32) -> u32 {
    32 - size.saturating_sub(1).leading_zeros()
}
