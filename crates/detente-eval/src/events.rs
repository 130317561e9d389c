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

/// A sentence rebuilt from its tokens with its gold source and target spans
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

/// Puts a sentence of space-separated tokens back the way news prints it — the coder reads raw
/// text — and returns each token's byte range: closing punctuation and clitics ("n't", "'s")
/// join the word before, opening brackets and quotation marks the word after, and split
/// possessives ("Trump ’ s") and hyphenated words ("rebel - held") close up.
pub fn detokenize(tokens: &[&str]) -> (String, Vec<Range<usize>>) {
    let wordish = |t: &str| t.chars().next_back().is_some_and(char::is_alphanumeric);
    let mut text = String::new();
    let mut spans = Vec::with_capacity(tokens.len());
    for (i, &token) in tokens.iter().enumerate() {
        let prev = if i > 0 { tokens[i - 1] } else { "" };
        let next = tokens.get(i + 1).copied().unwrap_or("");
        let clitic = matches!(token.to_lowercase().replace('’', "'").as_str(), "'s" | "n't" | "'re" | "'ve" | "'ll" | "'d" | "'m");
        let closing = matches!(token, "," | "." | ";" | ":" | "?" | "!" | ")" | "]" | "%" | "”");
        let apostrophe = matches!(token, "’" | "'") && wordish(prev) && matches!(next, "s" | "S");
        let after_apostrophe = matches!(prev, "’" | "'") && matches!(token, "s" | "S") && i >= 2 && wordish(tokens[i - 2]);
        let hyphen = token == "-" && wordish(prev) && wordish(next);
        let after_hyphen = prev == "-" && i >= 2 && wordish(tokens[i - 2]) && wordish(token);
        let opened = matches!(prev, "(" | "[" | "“" | "‘" | "$");
        if i > 0 && !(clitic || closing || apostrophe || after_apostrophe || hyphen || after_hyphen || opened) {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(token);
        spans.push(start..text.len());
    }
    (text, spans)
}

/// Reads `source-target-train.txt`; errors name the line.
pub fn read_dyad_sentences(reader: impl BufRead) -> Result<Vec<DyadSentence>, String> {
    let mut out = Vec::new();
    // The current sentence's tokens with their tags.
    let mut tagged: Vec<(String, String)> = Vec::new();
    let mut flush = |tagged: &mut Vec<(String, String)>| {
        if tagged.is_empty() {
            return;
        }
        let tokens: Vec<&str> = tagged.iter().map(|(t, _)| t.as_str()).collect();
        let (text, spans) = detokenize(&tokens);
        let mut sentence = DyadSentence { text, source: None, target: None };
        for ((_, tag), span) in tagged.iter().zip(spans) {
            let slot = match tag.as_str() {
                "B-S" | "I-S" => &mut sentence.source,
                "B-T" | "I-T" => &mut sentence.target,
                _ => continue,
            };
            *slot = Some(match slot.take() {
                Some(r) if !tag.starts_with("B-") => r.start..span.end,
                Some(r) => r, // a second span of the same role: keep the first
                None => span,
            });
        }
        out.push(sentence);
        tagged.clear();
    };
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| format!("line {}: {e}", n + 1))?;
        if line.trim().is_empty() {
            flush(&mut tagged);
            continue;
        }
        let (token, tag) = line.rsplit_once(' ').ok_or_else(|| format!("line {}: expected TOKEN TAG", n + 1))?;
        // R marks the event words in part of the file; we score actors only.
        if !matches!(tag, "O" | "B-R" | "I-R" | "B-S" | "I-S" | "B-T" | "I-T") {
            return Err(format!("line {}: unknown tag {tag:?}", n + 1));
        }
        tagged.push((token.to_string(), tag.to_string()));
    }
    flush(&mut tagged);
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
    fn puts_sentences_back_as_printed() {
        let tokens = "Kenya ’ s rebel - held town ( north ) said it was n't “ fair ” , not ' settled ' .";
        let text: String = tokens.split(' ').map(|t| format!("{t} {}\n", if t == "Kenya" { "B-S" } else if matches!(t, "’" | "s") { "I-S" } else { "O" })).collect();
        let s = &read_dyad_sentences(text.as_bytes()).unwrap()[0];
        assert_eq!(s.text, "Kenya’s rebel-held town (north) said it wasn't “fair”, not ' settled '.");
        assert_eq!(&s.text[s.source.clone().unwrap()], "Kenya’s");
        // A dash between spaces stays one.
        assert_eq!(detokenize(&["war", "-", "2019", "-"]).0, "war-2019 -");
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
