//! Allocation-free hashing of words, tags and feature conjunctions.
//!
//! Every feature is a 64-bit number: no feature strings are ever built, so
//! extracting a hundred features per transition costs a few hundred
//! multiplications. The functions are fixed (no random state) so that hashes,
//! and with them trained models, are identical across runs and machines.

const MUL: u64 = 0x9E37_79B9_7F4A_7C15;

/// Folds `value` into the running hash `h`.
#[inline]
pub(crate) fn mix(h: u64, value: u64) -> u64 {
    let x = (h ^ value).wrapping_mul(MUL);
    x ^ (x >> 31)
}

/// Final avalanche (MurmurHash3's `fmix64`) so that both the low bits (table
/// index) and the high bits (stored fingerprint) of a key are well spread.
#[inline]
pub(crate) fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

const FNV_OFFSET: u64 = 0xCBF2_9CE4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01B3;

/// Hash of a tag (UPOS, XPOS) exactly as written, salted by `kind` so equal
/// strings in different columns stay distinct.
pub(crate) fn tag(kind: u64, s: &str) -> u64 {
    let mut h = FNV_OFFSET ^ kind.wrapping_mul(MUL);
    for &b in s.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    }
    finish(h)
}

/// Hash of a word or lemma after normalisation: lower case, every digit
/// `0`. Case is carried by the tags (NNP vs NN), and "1999" and "2003" play
/// the same syntactic roles, so folding both makes rare forms share weights.
pub(crate) fn word(kind: u64, s: &str) -> u64 {
    let mut h = FNV_OFFSET ^ kind.wrapping_mul(MUL);
    let mut feed = |b: u8| h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    for c in s.chars() {
        if c.is_ascii() {
            let b = c as u8;
            feed(if b.is_ascii_digit() {
                b'0'
            } else {
                b.to_ascii_lowercase()
            });
        } else {
            let mut buf = [0u8; 4];
            for lower in c.to_lowercase() {
                lower.encode_utf8(&mut buf).bytes().for_each(&mut feed);
            }
        }
    }
    finish(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case_and_digits_only() {
        assert_eq!(word(1, "The"), word(1, "the"));
        assert_eq!(word(1, "ÉTÉ"), word(1, "été"));
        assert_eq!(word(1, "1999"), word(1, "2003"));
        assert_ne!(word(1, "the"), word(2, "the"));
        assert_ne!(word(1, "the"), word(1, "then"));
        assert_ne!(tag(1, "NN"), tag(1, "NNS"));
    }
}
