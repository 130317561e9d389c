//! Scoring codings against unit-test records, as PETRARCH's validation does: a record is
//! correct when every expected coding is found and nothing else is coded.

use crate::records::{Coding, Record};

/// Totals over a set of records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PetrarchScore {
    pub records: usize,
    pub records_correct: usize,
    pub codings_expected: usize,
    /// Expected codings that were produced.
    pub codings_found: usize,
    /// Produced codings that were not expected.
    pub codings_extra: usize,
}

impl PetrarchScore {
    /// Percentage of records fully correct.
    pub fn records_correct_percent(&self) -> f64 {
        percent(self.records_correct, self.records)
    }

    /// Percentage of expected codings found.
    pub fn codings_found_percent(&self) -> f64 {
        percent(self.codings_found, self.codings_expected)
    }
}

fn percent(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// The outcome of one record.
#[derive(Debug, Clone)]
pub struct RecordOutcome {
    pub found: Vec<Coding>,
    pub missing: Vec<Coding>,
    pub extra: Vec<Coding>,
}

impl RecordOutcome {
    pub fn correct(&self) -> bool {
        self.missing.is_empty() && self.extra.is_empty()
    }
}

/// Compares one record's expected codings with the produced ones (as multisets).
pub fn compare(expected: &[Coding], produced: &[Coding]) -> RecordOutcome {
    let mut left: Vec<&Coding> = produced.iter().collect();
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for e in expected {
        match left.iter().position(|p| *p == e) {
            Some(i) => {
                left.swap_remove(i);
                found.push(e.clone());
            }
            None => missing.push(e.clone()),
        }
    }
    RecordOutcome {
        found,
        missing,
        extra: left.into_iter().cloned().collect(),
    }
}

/// Scores `codings[i]` (what was produced for `records[i]`).
pub fn score(records: &[Record], codings: &[Vec<Coding>]) -> PetrarchScore {
    assert_eq!(
        records.len(),
        codings.len(),
        "one list of codings per record"
    );
    let mut s = PetrarchScore {
        records: records.len(),
        ..PetrarchScore::default()
    };
    for (r, c) in records.iter().zip(codings) {
        let o = compare(&r.expected, c);
        s.codings_expected += r.expected.len();
        s.codings_found += o.found.len();
        s.codings_extra += o.extra.len();
        s.records_correct += o.correct() as usize;
    }
    s
}
