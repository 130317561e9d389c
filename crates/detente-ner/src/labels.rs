//! BILOU labels: class 0 is `O`; an entity type `t` has classes
//! `1 + 4t + part` with part B (begin), I (inside), L (last), U (unit).

use crate::{EntitySpan, EntityType};

pub const CLASSES: usize = 1 + 4 * EntityType::ALL.len();
const B: u8 = 0;
const I: u8 = 1;
const L: u8 = 2;
const U: u8 = 3;

fn class(t: EntityType, part: u8) -> u8 {
    1 + 4 * t.index() as u8 + part
}

/// The class of a one-word entity of type `t`.
pub fn unit(t: EntityType) -> u8 {
    class(t, U)
}

/// The type and part of a class other than `O`.
fn split(class: u8) -> Option<(usize, u8)> {
    class.checked_sub(1).map(|c| (usize::from(c / 4), c % 4))
}

/// The BILOU classes of `len` words with these (non-overlapping) entities.
pub fn encode(len: usize, entities: &[EntitySpan]) -> Vec<u8> {
    let mut out = vec![0; len];
    for e in entities {
        if e.end == e.start + 1 {
            out[e.start] = class(e.label, U);
            continue;
        }
        for (k, slot) in out[e.start..e.end].iter_mut().enumerate() {
            let part = if k == 0 {
                B
            } else if e.start + k + 1 == e.end {
                L
            } else {
                I
            };
            *slot = class(e.label, part);
        }
    }
    out
}

/// Whether `class` may follow `prev` (`None` at the sentence start), and
/// may stand at the last word when `last`.
pub fn allowed(prev: Option<u8>, class: u8, last: bool) -> bool {
    let open = prev
        .and_then(split)
        .filter(|&(_, part)| part == B || part == I)
        .map(|(t, _)| t);
    match (open, split(class)) {
        // Inside an entity only its own I or L may follow.
        (Some(t), Some((ct, part))) => ct == t && (part == L || (part == I && !last)),
        (Some(_), None) => false,
        (None, None) => true,
        (None, Some((_, part))) => part == U || (part == B && !last),
    }
}

/// The best-scoring class that keeps the sequence well-formed; ties go to
/// the lower class (`O` first), which keeps decoding deterministic.
pub fn best_allowed(scores: &[i32], prev: Option<u8>, last: bool) -> u8 {
    let mut best = (i32::MIN, 0u8);
    for (c, &s) in scores.iter().enumerate() {
        let c = c as u8;
        if s > best.0 && allowed(prev, c, last) {
            best = (s, c);
        }
    }
    best.1
}

/// The entity type index of a class, `None` for `O`.
pub fn type_index(class: u8) -> Option<usize> {
    split(class).map(|(t, _)| t)
}

/// The entities of a well-formed class sequence.
pub fn spans(classes: &[u8]) -> Vec<EntitySpan> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in classes.iter().enumerate() {
        match split(c) {
            Some((_, B)) => start = i,
            Some((t, part @ (L | U))) => {
                let start = if part == U { i } else { start };
                out.push(EntitySpan {
                    start,
                    end: i + 1,
                    label: EntityType::ALL[t],
                });
            }
            _ => {}
        }
    }
    out
}

/// Feature values of the two previous labels (a boundary value before the
/// sentence start).
pub fn history(labels: &[u8]) -> (u64, u64) {
    let value = |k: Option<usize>| k.map_or(0xff, |k| u64::from(labels[k]));
    let n = labels.len();
    (value(n.checked_sub(1)), value(n.checked_sub(2)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_round_trips_and_is_well_formed() {
        let entities = vec![
            EntitySpan {
                start: 0,
                end: 1,
                label: EntityType::Per,
            },
            EntitySpan {
                start: 2,
                end: 5,
                label: EntityType::Org,
            },
            EntitySpan {
                start: 5,
                end: 7,
                label: EntityType::Loc,
            },
        ];
        let classes = encode(8, &entities);
        assert_eq!(spans(&classes), entities);
        let mut prev = None;
        for (k, &c) in classes.iter().enumerate() {
            assert!(allowed(prev, c, k + 1 == classes.len()), "class {c} at {k}");
            prev = Some(c);
        }
    }

    #[test]
    fn decoding_never_leaves_an_entity_open() {
        // Scores prefer B-PER everywhere; the last word must close it.
        let mut scores = [0; CLASSES];
        scores[usize::from(class(EntityType::Per, B))] = 10;
        scores[usize::from(class(EntityType::Per, L))] = 5;
        let first = best_allowed(&scores, None, false);
        assert_eq!(first, class(EntityType::Per, B));
        assert_eq!(
            best_allowed(&scores, Some(first), true),
            class(EntityType::Per, L)
        );
        assert_eq!(best_allowed(&scores, None, true), 0);
    }
}
