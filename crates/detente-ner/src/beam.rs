//! Beam search over BILOU label sequences, for decoding and for training
//! the model as a structured perceptron (early update).
//!
//! A sequence's score is the sum over its words of the class score, which
//! is a word-only part (the same for every hypothesis) plus a part that
//! depends on the two previous labels. Hypotheses ending in the same two
//! labels are merged (their futures score alike, so only the best can
//! win), and only sequences that [`labels::allowed`] keeps well-formed are
//! extended, so every result is a valid BILOU sequence.

use crate::labels::{self, CLASSES};

/// The result of [`search`].
#[derive(Debug, PartialEq, Eq)]
pub struct Found {
    /// The best sequence: the whole sentence, or with `early`, the prefix
    /// up to the word where the gold sequence fell out of the beam.
    pub labels: Vec<u8>,
    pub early: bool,
}

/// The last two labels of a hypothesis (fewer at the sentence start),
/// oldest first: the state its extensions' scores depend on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Last {
    labels: [u8; 2],
    len: u8,
}

impl Last {
    pub fn labels(&self) -> &[u8] {
        &self.labels[..usize::from(self.len)]
    }

    /// The state after one more label `c`.
    fn then(self, c: u8) -> Last {
        match self.len {
            0 => Last { labels: [c, 0], len: 1 },
            1 => Last { labels: [self.labels[0], c], len: 2 },
            _ => Last { labels: [self.labels[1], c], len: 2 },
        }
    }
}

/// The best-scoring well-formed sequence of `n` labels keeping `width`
/// hypotheses. `word(k)` gives the word-only scores of word `k`,
/// `history(k, lasts, scores)` adds to each `scores[h]` (the word-only
/// scores on entry) the scores that depend on the labels before it, of
/// which `lasts[h]` holds the final two of hypothesis `h` (all hypotheses
/// at once, so that their lookups can overlap). With `gold`, the search
/// stops at the first word where no hypothesis in the beam is the gold
/// prefix (early update).
pub fn search(
    n: usize,
    width: usize,
    mut word: impl FnMut(usize) -> [i32; CLASSES],
    mut history: impl FnMut(usize, &[Last], &mut [[i32; CLASSES]]),
    gold: Option<&[u8]>,
) -> Found {
    /// A hypothesis: its score, its last node in `nodes`, its last two
    /// labels, and whether it is the gold prefix.
    #[derive(Clone, Copy)]
    struct Hyp {
        score: i64,
        node: u32,
        last: Last,
        gold: bool,
    }
    const ROOT: u32 = u32::MAX;
    let width = width.max(1);
    // Label and parent of every extension kept.
    let mut nodes: Vec<(u8, u32)> = Vec::with_capacity(n * width);
    let mut beam = vec![Hyp {
        score: 0,
        node: ROOT,
        last: Last::default(),
        gold: true,
    }];
    let mut lasts: Vec<Last> = Vec::with_capacity(width);
    let mut scores: Vec<[i32; CLASSES]> = Vec::with_capacity(width);
    /// A hypothesis' best classes (score, class), best first: `count`
    /// of them, the first `taken` already merged.
    struct Top {
        best: [(i32, u8); CLASSES],
        count: usize,
        taken: usize,
    }
    let mut tops: Vec<Top> = Vec::with_capacity(width);
    let mut kept: Vec<Hyp> = Vec::with_capacity(width);
    for k in 0..n {
        let base = word(k);
        lasts.clear();
        lasts.extend(beam.iter().map(|h| h.last));
        scores.clear();
        scores.resize(beam.len(), base);
        history(k, &lasts, &mut scores);
        tops.clear();
        for (hyp, scores) in beam.iter().zip(&scores) {
            let prev = hyp.last.labels().last().copied();
            // Only a hypothesis' `width` best classes can enter the beam:
            // they are better and lead to distinct states. Kept by a
            // branch-free insertion of keys that order by score
            // (descending), then class (ascending).
            let mut keys = [i64::MIN; CLASSES];
            let keys = &mut keys[..width.min(CLASSES)];
            let mut count = 0;
            for (c, &s) in scores.iter().enumerate() {
                if !labels::allowed(prev, c as u8, k + 1 == n) {
                    continue;
                }
                let mut x = i64::from(s) << 8 | (0xff - c as i64);
                for key in keys.iter_mut() {
                    (*key, x) = ((*key).max(x), (*key).min(x));
                }
                count += 1;
            }
            let count = count.min(keys.len());
            let mut best: [(i32, u8); CLASSES] = [(0, 0); CLASSES];
            for (slot, &key) in best.iter_mut().zip(&keys[..count]) {
                *slot = ((key >> 8) as i32, (0xff - (key & 0xff)) as u8);
            }
            tops.push(Top {
                best,
                count,
                taken: 0,
            });
        }
        // The extensions best first, ties to the earlier hypothesis, then
        // the lower class: a merge of the hypotheses' lists, each already
        // in that order, which stops once the beam is full.
        kept.clear();
        loop {
            let mut pick: Option<(i64, usize)> = None;
            for (h, (hyp, top)) in beam.iter().zip(&tops).enumerate() {
                let Some(&(s, _)) = top.best[..top.count].get(top.taken) else {
                    continue;
                };
                let total = hyp.score + i64::from(s);
                if pick.is_none_or(|(t, _)| total > t) {
                    pick = Some((total, h));
                }
            }
            let Some((score, h)) = pick else {
                break;
            };
            let top = &mut tops[h];
            let c = top.best[top.taken].1;
            top.taken += 1;
            let last = beam[h].last.then(c);
            if kept.iter().any(|hyp| hyp.last == last) {
                continue;
            }
            let on_gold = beam[h].gold && gold.is_some_and(|g| g[k] == c);
            nodes.push((c, beam[h].node));
            kept.push(Hyp {
                score,
                node: (nodes.len() - 1) as u32,
                last,
                gold: on_gold,
            });
            if kept.len() == width {
                break;
            }
        }
        std::mem::swap(&mut beam, &mut kept);
        if gold.is_some() && !beam.iter().any(|h| h.gold) {
            return Found {
                labels: unwind(&nodes, beam[0].node),
                early: true,
            };
        }
    }
    Found {
        labels: unwind(&nodes, beam[0].node),
        early: false,
    }
}

/// The labels of the path ending at `node`.
fn unwind(nodes: &[(u8, u32)], mut node: u32) -> Vec<u8> {
    let mut out = Vec::new();
    while node != u32::MAX {
        let (label, parent) = nodes[node as usize];
        out.push(label);
        node = parent;
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny deterministic generator for score tables.
    fn table(seed: u64, n: usize) -> Vec<[i32; CLASSES]> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                let mut row = [0; CLASSES];
                for s in &mut row {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    *s = ((x >> 33) % 41) as i32 - 20;
                }
                row
            })
            .collect()
    }

    /// First-order scores: a bonus for some (previous, class) pairs.
    fn pair(prev: Option<u8>, c: u8) -> i32 {
        match prev {
            Some(p) => ((u32::from(p) * 7 + u32::from(c) * 3) % 11) as i32 - 5,
            None => i32::from(c % 3),
        }
    }

    fn score(words: &[[i32; CLASSES]], seq: &[u8]) -> i64 {
        seq.iter()
            .enumerate()
            .map(|(k, &c)| {
                let prev = k.checked_sub(1).map(|j| seq[j]);
                i64::from(words[k][usize::from(c)] + pair(prev, c))
            })
            .sum()
    }

    fn valid(seq: &[u8]) -> bool {
        (0..seq.len())
            .all(|k| labels::allowed(k.checked_sub(1).map(|j| seq[j]), seq[k], k + 1 == seq.len()))
    }

    /// The best valid sequence by trying them all.
    fn exhaustive(words: &[[i32; CLASSES]]) -> i64 {
        let n = words.len();
        let mut best = i64::MIN;
        let mut seq = vec![0u8; n];
        let total = (CLASSES as u64).pow(n as u32);
        for mut code in 0..total {
            for slot in seq.iter_mut() {
                *slot = (code % CLASSES as u64) as u8;
                code /= CLASSES as u64;
            }
            if valid(&seq) {
                best = best.max(score(words, &seq));
            }
        }
        best
    }

    fn run(words: &[[i32; CLASSES]], width: usize, gold: Option<&[u8]>) -> Found {
        search(
            words.len(),
            width,
            |k| words[k],
            |_, lasts, scores| {
                for (last, scores) in lasts.iter().zip(scores) {
                    for (c, s) in scores.iter_mut().enumerate() {
                        *s += pair(last.labels().last().copied(), c as u8);
                    }
                }
            },
            gold,
        )
    }

    #[test]
    fn a_wide_beam_finds_the_best_valid_sequence() {
        for seed in 0..20 {
            let words = table(seed, 4);
            let found = run(&words, CLASSES * CLASSES, None);
            assert!(!found.early);
            assert!(valid(&found.labels), "{:?}", found.labels);
            assert_eq!(
                score(&words, &found.labels),
                exhaustive(&words),
                "seed {seed}"
            );
        }
    }

    #[test]
    fn every_width_yields_well_formed_sequences() {
        for seed in 0..50 {
            let words = table(100 + seed, 9);
            for width in [1, 2, 4, 8] {
                let found = run(&words, width, None);
                assert_eq!(found.labels.len(), 9);
                assert!(valid(&found.labels), "width {width}: {:?}", found.labels);
            }
        }
    }

    #[test]
    fn a_hand_made_table_decodes_to_its_best_path() {
        // Word scores favour B-PER, then O, then L-PER; greedy would take
        // B-PER and be forced into I/L-PER, the best path is B-PER L-PER O.
        let (b, l, u) = (1u8, 3u8, 4u8);
        let mut words = [[0i32; CLASSES]; 3];
        words[0][usize::from(b)] = 5;
        words[0][usize::from(u)] = 4;
        words[1][0] = 6;
        words[1][usize::from(l)] = 3;
        words[2][0] = 2;
        let found = search(3, 4, |k| words[k], |_, _, _| {}, None);
        assert_eq!(found.labels, [u, 0, 0]);
        let found = search(3, 1, |k| words[k], |_, _, _| {}, None);
        assert_eq!(found.labels, [b, l, 0]);
    }

    #[test]
    fn early_update_stops_where_gold_leaves_the_beam() {
        let mut words = [[0i32; CLASSES]; 3];
        words[0][0] = 10;
        words[1][0] = 10;
        words[1][4] = -10;
        let gold = [0u8, 4, 0];
        let found = run(&words, 1, Some(&gold));
        assert!(found.early);
        assert_eq!(found.labels.len(), 2);
        words[2][0] = 20;
        let found = run(&words, 1, Some(&[0, 0, 0]));
        assert!(!found.early);
        assert_eq!(found.labels, [0, 0, 0]);
    }
}
