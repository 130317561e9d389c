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

/// The best-scoring well-formed sequence of `n` labels keeping `width`
/// hypotheses. `word(k)` gives the word-only scores of word `k`,
/// `history(k, last, scores)` adds the scores that depend on the labels
/// before it, of which `last` holds the final two (fewer at the sentence
/// start), oldest first. With `gold`, the search stops at the first word
/// where no hypothesis in the beam is the gold prefix (early update).
pub fn search(
    n: usize,
    width: usize,
    mut word: impl FnMut(usize) -> [i32; CLASSES],
    mut history: impl FnMut(usize, &[u8], &mut [i32; CLASSES]),
    gold: Option<&[u8]>,
) -> Found {
    /// A hypothesis: its score, its last node in `nodes`, and whether it
    /// is the gold prefix.
    #[derive(Clone, Copy)]
    struct Hyp {
        score: i64,
        node: u32,
        gold: bool,
    }
    const ROOT: u32 = u32::MAX;
    let width = width.max(1);
    // Label and parent of every extension kept.
    let mut nodes: Vec<(u8, u32)> = Vec::with_capacity(n * width);
    let last_two = |nodes: &[(u8, u32)], node: u32| -> ([u8; 2], usize) {
        if node == ROOT {
            return ([0; 2], 0);
        }
        let (l1, parent) = nodes[node as usize];
        if parent == ROOT {
            ([l1, 0], 1)
        } else {
            ([nodes[parent as usize].0, l1], 2)
        }
    };
    let mut beam = vec![Hyp {
        score: 0,
        node: ROOT,
        gold: true,
    }];
    let mut next: Vec<(i64, usize, u8)> = Vec::with_capacity(width * CLASSES);
    let mut kept: Vec<(Hyp, [u8; 2], usize)> = Vec::with_capacity(width);
    for k in 0..n {
        let base = word(k);
        next.clear();
        for (h, hyp) in beam.iter().enumerate() {
            let (last, m) = last_two(&nodes, hyp.node);
            let mut scores = base;
            history(k, &last[..m], &mut scores);
            let prev = m.checked_sub(1).map(|j| last[j]);
            // Only a hypothesis' `width` best classes can enter the beam:
            // they are better and lead to distinct states.
            let mut best: [(i32, u8); CLASSES] = [(0, 0); CLASSES];
            let mut count = 0;
            for (c, &s) in scores.iter().enumerate() {
                if !labels::allowed(prev, c as u8, k + 1 == n) {
                    continue;
                }
                // Insert by score (descending), ties keeping the lower class first.
                let mut j = count.min(width);
                if j == width && best[j - 1].0 >= s {
                    continue;
                }
                while j > 0 && best[j - 1].0 < s {
                    if j < width {
                        best[j] = best[j - 1];
                    }
                    j -= 1;
                }
                best[j] = (s, c as u8);
                count = (count + 1).min(width);
            }
            for &(s, c) in &best[..count] {
                next.push((hyp.score + i64::from(s), h, c));
            }
        }
        // Best first; ties to the earlier hypothesis, then the lower class.
        next.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        kept.clear();
        for &(score, h, c) in &next {
            let (last, m) = last_two(&nodes, beam[h].node);
            // The state the features see next: this label and the one before.
            let state = [if m > 0 { last[m - 1] } else { 0xff }, c];
            let depth = (m + 1).min(2);
            if kept.iter().any(|&(_, s, d)| s == state && d == depth) {
                continue;
            }
            let on_gold = beam[h].gold && gold.is_some_and(|g| g[k] == c);
            nodes.push((c, beam[h].node));
            let hyp = Hyp {
                score,
                node: (nodes.len() - 1) as u32,
                gold: on_gold,
            };
            kept.push((hyp, state, depth));
            if kept.len() == width {
                break;
            }
        }
        beam.clear();
        beam.extend(kept.iter().map(|&(hyp, _, _)| hyp));
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
            |_, seq, scores| {
                for (c, s) in scores.iter_mut().enumerate() {
                    *s += pair(seq.last().copied(), c as u8);
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
