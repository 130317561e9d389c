//! Event coding against human-labelled sentences (the ConfliBERT CAMEO sets in
//! `events/conflibert-cameo/`): how often the coder finds an event, whether its QuadClass is
//! right, and whether its source and target are the labelled ones.
//!
//! Two files, scored separately because their sentences are not aligned one to one:
//! `class-train.tsv` (sentence, Phoenix quad class 0–4: 0 neutral statements, 1 verbal
//! cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict) and
//! `source-target-train.txt` (one token and a B-S/I-S/B-T/I-T/B-R/I-R/O tag per line, blank
//! line between sentences; R, the event words, is not scored).

use std::io::BufRead;
use std::ops::Range;

/// A sentence with its gold Phoenix quad class.
#[derive(Debug, Clone)]
pub struct QuadSentence {
    pub text: String,
    pub quad: u8,
}

/// A sentence rebuilt from tokens (joined by spaces) with its gold source and target spans
/// (byte ranges into `text`; empty when unlabelled).
#[derive(Debug, Clone)]
pub struct DyadSentence {
    pub text: String,
    pub source: Option<Range<usize>>,
    pub target: Option<Range<usize>>,
}

/// Reads `class-train.tsv`; errors name the line.
pub fn read_quad_sentences(reader: impl BufRead) -> Result<Vec<QuadSentence>, String> {
    let mut out = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| format!("line {}: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let (text, quad) = line.rsplit_once('\t').ok_or_else(|| format!("line {}: expected TEXT<TAB>QUAD", n + 1))?;
        let quad: u8 = quad.trim().parse().ok().filter(|q| *q <= 4).ok_or_else(|| format!("line {}: quad class {quad:?} is not 0-4", n + 1))?;
        out.push(QuadSentence { text: text.to_string(), quad });
    }
    Ok(out)
}

/// Reads `source-target-train.txt`; errors name the line.
pub fn read_dyad_sentences(reader: impl BufRead) -> Result<Vec<DyadSentence>, String> {
    let mut out = Vec::new();
    let mut current = DyadSentence { text: String::new(), source: None, target: None };
    let mut flush = |s: &mut DyadSentence| {
        if !s.text.is_empty() {
            out.push(std::mem::replace(s, DyadSentence { text: String::new(), source: None, target: None }));
        }
    };
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| format!("line {}: {e}", n + 1))?;
        if line.trim().is_empty() {
            flush(&mut current);
            continue;
        }
        let (token, tag) = line.rsplit_once(' ').ok_or_else(|| format!("line {}: expected TOKEN TAG", n + 1))?;
        if !current.text.is_empty() {
            current.text.push(' ');
        }
        let start = current.text.len();
        current.text.push_str(token);
        let span = start..current.text.len();
        let slot = match tag {
            // R marks the event words in part of the file; we score actors only.
            "O" | "B-R" | "I-R" => continue,
            "B-S" | "I-S" => &mut current.source,
            "B-T" | "I-T" => &mut current.target,
            other => return Err(format!("line {}: unknown tag {other:?}", n + 1)),
        };
        *slot = Some(match slot.take() {
            Some(r) if !tag.starts_with("B-") => r.start..span.end,
            Some(r) => r, // a second span of the same role: keep the first
            None => span,
        });
    }
    flush(&mut current);
    Ok(out)
}

/// Phoenix's quad class of a CAMEO root (the scheme of the gold labels).
pub fn phoenix_quad(root: &str) -> u8 {
    match root {
        "01" | "02" => 0,
        "03" | "04" | "05" => 1,
        "06" | "07" | "08" => 2,
        "09" | "10" | "11" | "12" | "13" | "16" => 3,
        _ => 4,
    }
}

/// What the coder said about one sentence: the quad class (Phoenix scheme) of its most
/// confident event, and that event's source and target spans.
#[derive(Debug, Clone, Default)]
pub struct Prediction {
    pub quad: Option<u8>,
    pub sources: Vec<Range<usize>>,
    pub targets: Vec<Range<usize>>,
}

/// Quad-class agreement.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuadScore {
    pub sentences: usize,
    /// Sentences where the coder found an event.
    pub coded: usize,
    /// Coded sentences whose quad class matches.
    pub correct: usize,
    /// `confusion[gold][predicted]`, predicted 5 = no event.
    pub confusion: [[usize; 6]; 5],
}

impl QuadScore {
    pub fn coverage(&self) -> f64 {
        percent(self.coded, self.sentences)
    }
    /// Accuracy over the sentences the coder coded.
    pub fn accuracy(&self) -> f64 {
        percent(self.correct, self.coded)
    }
}

pub fn score_quads(gold: &[QuadSentence], predicted: &[Prediction]) -> QuadScore {
    let mut s = QuadScore { sentences: gold.len(), ..QuadScore::default() };
    for (g, p) in gold.iter().zip(predicted) {
        let column = p.quad.map_or(5, usize::from);
        s.confusion[g.quad as usize][column] += 1;
        if let Some(q) = p.quad {
            s.coded += 1;
            s.correct += usize::from(q == g.quad);
        }
    }
    s
}

/// Source and target agreement: a predicted actor counts when its span overlaps the gold one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DyadScore {
    pub sentences: usize,
    pub coded: usize,
    pub source_correct: usize,
    pub target_correct: usize,
    /// Both right.
    pub dyad_correct: usize,
}

impl DyadScore {
    pub fn coverage(&self) -> f64 {
        percent(self.coded, self.sentences)
    }
    pub fn source_accuracy(&self) -> f64 {
        percent(self.source_correct, self.coded)
    }
    pub fn target_accuracy(&self) -> f64 {
        percent(self.target_correct, self.coded)
    }
    pub fn dyad_accuracy(&self) -> f64 {
        percent(self.dyad_correct, self.coded)
    }
}

pub fn score_dyads(gold: &[DyadSentence], predicted: &[Prediction]) -> DyadScore {
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let mut s = DyadScore { sentences: gold.len(), ..DyadScore::default() };
    for (g, p) in gold.iter().zip(predicted) {
        if p.quad.is_none() {
            continue;
        }
        s.coded += 1;
        let src = g.source.as_ref().is_some_and(|gs| p.sources.iter().any(|r| overlaps(r, gs)));
        let tgt = g.target.as_ref().is_some_and(|gt| p.targets.iter().any(|r| overlaps(r, gt)));
        s.source_correct += usize::from(src);
        s.target_correct += usize::from(tgt);
        s.dyad_correct += usize::from(src && tgt);
    }
    s
}

fn percent(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tagged_sentences_into_spans() {
        let text = "The B-S\narmy I-S\nshelled O\nthe B-T\ntown I-T\n. O\n\nRebels B-S\nfled O\n";
        let s = read_dyad_sentences(text.as_bytes()).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(&s[0].text[s[0].source.clone().unwrap()], "The army");
        assert_eq!(&s[0].text[s[0].target.clone().unwrap()], "the town");
        assert_eq!(s[1].target, None);
        assert!(read_dyad_sentences("word X-Y\n".as_bytes()).unwrap_err().contains("line 1"));
    }

    #[test]
    fn scores_quads_and_dyads() {
        let gold = read_quad_sentences("A met B.\t1\nA shelled B.\t4\nNothing.\t0\n".as_bytes()).unwrap();
        let p = |q: Option<u8>| Prediction { quad: q, ..Prediction::default() };
        let s = score_quads(&gold, &[p(Some(1)), p(Some(3)), p(None)]);
        assert_eq!((s.coded, s.correct), (2, 1));
        assert_eq!(s.confusion[4][3], 1);
        assert_eq!(s.confusion[0][5], 1);
        assert!(read_quad_sentences("no tab here\n".as_bytes()).is_err());

        let gold = vec![DyadSentence { text: "A hit B".into(), source: Some(0..1), target: Some(6..7) }];
        let hit = Prediction { quad: Some(4), sources: vec![0..1], targets: vec![2..5] };
        let s = score_dyads(&gold, &[hit]);
        assert_eq!((s.source_correct, s.target_correct, s.dyad_correct), (1, 0, 0));
        assert_eq!(phoenix_quad("16"), 3);
        assert_eq!(phoenix_quad("19"), 4);
    }
}
