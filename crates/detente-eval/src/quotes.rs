//! Scoring quotations against PolNeAR, the attribution corpus of political news.
//!
//! PolNeAR is brat standoff: `text/ARTICLE.txt` holds an article and
//! `attributions/ARTICLE_ANNOTATOR.ann` one annotator's attributions of it (the four-hex suffix is
//! the annotator, as `metadata.tsv`'s `annotators` column lists them); an article read by several
//! annotators has one `.ann` file per annotator. An attribution is an event (`E` line) tying a
//! `Content`, a `Cue` and usually a `Source` text-bound annotation (`T` lines, possibly in several
//! pieces `start end;start end`); `Discuss`/`Discard` and attribute lines are ignored.
//!
//! Spans are compared as sets of words (runs of letters and digits) so that punctuation and
//! quotation marks at the edges, which annotators include or leave out inconsistently, do not
//! decide a match: *exact* means the same words, *overlap* means the shared words are at least
//! half of the longer side's. Each gold span is matched at most once. Contents are scored
//! separately for attributions in quotation marks (gold content holding a quotation mark;
//! predicted direct or partial quotes, or indirect ones holding a partial quote) and for the
//! others; sources and cues as the sets of distinct spans of a document. An article annotated
//! several times is scored against each annotator and the counts averaged, so that it weighs as
//! much as an article read once.

use crate::Prf;
use detente_core::{Quote, QuoteKind, Span};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why PolNeAR data could not be read; every message names the file (and line).
#[derive(Debug, thiserror::Error)]
pub enum PolnearError {
    #[error("cannot read {}: {error}", path.display())]
    Io { path: PathBuf, error: std::io::Error },
    #[error("{}:{line}: {message}", path.display())]
    Format { path: PathBuf, line: usize, message: String },
    #[error("{}: no .ann files in {}/attributions (expected PolNeAR's brat layout: text/ and attributions/)", dir.display(), dir.display())]
    Empty { dir: PathBuf },
}

/// One gold attribution: what was said, by whom, and the word that says so.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    pub content: Vec<Span>,
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
}

/// One annotator's attributions of an article.
#[derive(Clone, Debug)]
pub struct Annotation {
    pub annotator: String,
    pub attributions: Vec<Attribution>,
}

/// An article with every annotator's attributions.
#[derive(Clone, Debug)]
pub struct Article {
    pub name: String,
    pub text: String,
    pub annotations: Vec<Annotation>,
}

/// Reads a PolNeAR split directory (`train`, `dev`, …), articles sorted by name.
pub fn read_polnear(dir: &Path) -> Result<Vec<Article>, PolnearError> {
    let ann_dir = dir.join("attributions");
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| PolnearError::Io { path, error }
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&ann_dir)
        .map_err(io(&ann_dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(PolnearError::Empty { dir: dir.to_path_buf() });
    }
    let mut articles: BTreeMap<String, Article> = BTreeMap::new();
    for path in files {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let Some((name, annotator)) = stem.rsplit_once('_') else {
            return Err(PolnearError::Format { path, line: 0, message: "file name is not ARTICLE_ANNOTATOR.ann".into() });
        };
        if !articles.contains_key(name) {
            let text_path = dir.join("text").join(format!("{name}.txt"));
            let text = std::fs::read_to_string(&text_path).map_err(io(&text_path))?;
            articles.insert(name.to_string(), Article { name: name.to_string(), text, annotations: Vec::new() });
        }
        let article = articles.get_mut(name).expect("inserted above");
        let source = std::fs::read_to_string(&path).map_err(io(&path))?;
        let attributions = parse_ann(&path, &source, &article.text)?;
        article.annotations.push(Annotation { annotator: annotator.to_string(), attributions });
    }
    Ok(articles.into_values().collect())
}

/// Parses one brat `.ann` file of PolNeAR (offsets in characters of `text`); `path` is for
/// error messages only.
pub fn parse_ann(path: &Path, source: &str, text: &str) -> Result<Vec<Attribution>, PolnearError> {
    let error = |line: usize, message: String| PolnearError::Format { path: path.to_path_buf(), line, message };
    // brat offsets count characters; spans here are bytes.
    let byte_of_char: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    let mut bound: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
    let mut events: Vec<(usize, Vec<(&str, &str)>)> = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let number = n + 1;
        let mut columns = line.split('\t');
        let id = columns.next().unwrap_or_default();
        // An annotation's text may hold newlines, so a line that is not `ID<TAB>…` continues
        // the text column of the one before.
        let numbered = id.len() > 1 && id[1..].bytes().all(|b| b.is_ascii_digit()) && line.contains('\t');
        match id.chars().next().filter(|_| numbered) {
            Some('T') => {
                let annotation = columns.next().ok_or_else(|| error(number, "text-bound annotation without type and offsets".into()))?;
                let (_, offsets) = annotation.split_once(' ').ok_or_else(|| error(number, format!("no offsets in `{annotation}`")))?;
                let mut spans = Vec::new();
                for piece in offsets.split(';') {
                    let parsed = piece.split_once(' ').and_then(|(a, b)| Some((a.parse::<usize>().ok()?, b.parse::<usize>().ok()?)));
                    let (start, end) = parsed.ok_or_else(|| error(number, format!("bad offsets `{piece}`")))?;
                    if start > end || end >= byte_of_char.len() {
                        let chars = byte_of_char.len() - 1;
                        return Err(error(number, format!("offsets {start}..{end} do not fit the article text ({chars} characters)")));
                    }
                    spans.push(Span::new(byte_of_char[start], byte_of_char[end]));
                }
                bound.insert(id, spans);
            }
            Some('E') => {
                let arguments = columns.next().ok_or_else(|| error(number, "event without arguments".into()))?;
                let roles = arguments
                    .split(' ')
                    .filter(|a| !a.is_empty())
                    .map(|a| a.split_once(':').ok_or_else(|| error(number, format!("bad event argument `{a}`"))))
                    .collect::<Result<Vec<_>, _>>()?;
                events.push((number, roles));
            }
            _ => {} // attributes, notes, relations
        }
    }
    let mut out = Vec::new();
    for (number, roles) in events {
        let mut attribution = Attribution::default();
        for (role, id) in roles.into_iter().skip(1) {
            let spans = bound.get(id).ok_or_else(|| error(number, format!("event refers to unknown annotation {id}")))?;
            let slot = if role.starts_with("Content") {
                &mut attribution.content
            } else if role.starts_with("Source") {
                &mut attribution.source
            } else if role.starts_with("Cue") {
                &mut attribution.cue
            } else {
                continue;
            };
            slot.extend_from_slice(spans);
        }
        if !attribution.content.is_empty() {
            out.push(attribution);
        }
    }
    Ok(out)
}

/// A predicted attribution: quotes sharing cue and speaker (the parts of an interrupted quote,
/// a quote carried into the next paragraph) are one, and a partial quote inside another
/// quote's content is part of that one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Predicted {
    pub content: Vec<Span>,
    /// In quotation marks.
    pub marked: bool,
    pub source: Option<Span>,
    pub cue: Option<Span>,
}

/// Groups quotes into attributions, as PolNeAR annotates them.
pub fn predicted_attributions(text: &str, quotes: &[Quote]) -> Vec<Predicted> {
    let inside_other = |q: &Quote| {
        quotes.iter().any(|o| !std::ptr::eq(o, q) && o.content.span.contains(q.content.span) && o.content.span != q.content.span)
    };
    let mut out: Vec<Predicted> = Vec::new();
    for q in quotes {
        if inside_other(q) {
            continue;
        }
        let marked = q.kind != QuoteKind::Indirect || has_quotation_mark(q.content.span.slice(text));
        let source = q.speaker.as_ref().map(|s| s.span);
        let cue = q.cue.as_ref().map(|c| c.span);
        match out.iter_mut().find(|p| cue.is_some() && p.cue == cue && p.source == source && p.marked == marked) {
            Some(group) => group.content.push(q.content.span),
            None => out.push(Predicted { content: vec![q.content.span], marked, source, cue }),
        }
    }
    out
}

/// Straight, curly and single opening marks, and the doubled apostrophes some archives
/// (the New York Times texts of PolNeAR) print for quotation marks.
fn has_quotation_mark(s: &str) -> bool {
    s.contains(['"', '“', '”', '‘']) || s.contains("''")
}

/// The words of `spans` (start offsets of letter/digit runs); a span without any (a cue such
/// as ":" or "—") stands for itself by its first non-space character.
fn words(text: &str, spans: &[Span]) -> Vec<u32> {
    let mut out = Vec::new();
    for span in spans {
        let piece = span.slice(text);
        let before = out.len();
        let mut previous_alnum = text[..span.start as usize].chars().next_back().is_some_and(char::is_alphanumeric);
        for (i, c) in piece.char_indices() {
            let alnum = c.is_alphanumeric();
            if alnum && !previous_alnum {
                out.push(span.start + i as u32);
            }
            previous_alnum = alnum;
        }
        if out.len() == before {
            if let Some((i, _)) = piece.char_indices().find(|(_, c)| !c.is_whitespace()) {
                out.push(span.start + i as u32);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether two spans match as the scorer's overlap does: their shared words are at least half
/// of the longer side's (for error analysis of single attributions).
pub fn spans_overlap(text: &str, gold: &[Span], predicted: &[Span]) -> bool {
    let (g, p) = (words(text, gold), words(text, predicted));
    let n = shared(&g, &p);
    n > 0 && 2 * n >= g.len().max(p.len())
}

/// Counts of one comparison; fractional once annotators are averaged.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    pub gold: f64,
    pub predicted: f64,
    pub correct: f64,
}

impl Counts {
    fn add(&mut self, other: Counts, weight: f64) {
        self.gold += other.gold * weight;
        self.predicted += other.predicted * weight;
        self.correct += other.correct * weight;
    }

    /// Precision, recall and F1 in percent (counts rounded for display).
    pub fn prf(&self) -> Prf {
        let percent = |num: f64, den: f64| if den == 0.0 { 0.0 } else { 100.0 * num / den };
        Prf {
            precision: percent(self.correct, self.predicted),
            recall: percent(self.correct, self.gold),
            f1: percent(2.0 * self.correct, self.gold + self.predicted),
            gold: self.gold.round() as usize,
            predicted: self.predicted.round() as usize,
            correct: self.correct.round() as usize,
        }
    }
}

/// Exact and overlap matches of one kind of span.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SpanCounts {
    pub exact: Counts,
    pub overlap: Counts,
}

impl SpanCounts {
    fn add(&mut self, other: SpanCounts, weight: f64) {
        self.exact.add(other.exact, weight);
        self.overlap.add(other.overlap, weight);
    }
}

/// Scores of a whole data set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuoteScores {
    /// Contents of attributions in quotation marks.
    pub direct_content: SpanCounts,
    /// Contents of the other attributions.
    pub indirect_content: SpanCounts,
    /// All contents, whatever their marks.
    pub content: SpanCounts,
    pub source: SpanCounts,
    pub cue: SpanCounts,
    pub articles: usize,
    pub annotations: usize,
}

/// Matches gold word sets with predicted ones, each at most once.
fn match_spans(gold: &[Vec<u32>], predicted: &[Vec<u32>]) -> SpanCounts {
    let count = |correct: usize| Counts { gold: gold.len() as f64, predicted: predicted.len() as f64, correct: correct as f64 };
    let mut used = vec![false; predicted.len()];
    let mut exact = 0;
    for g in gold {
        if let Some(p) = predicted.iter().enumerate().position(|(i, p)| !used[i] && p == g) {
            used[p] = true;
            exact += 1;
        }
    }
    let mut used = vec![false; predicted.len()];
    let mut overlap = 0;
    for g in gold {
        let best = predicted
            .iter()
            .enumerate()
            .filter(|(i, p)| !used[*i] && 2 * shared(g, p) >= g.len().max(p.len()) && shared(g, p) > 0)
            .max_by_key(|(_, p)| shared(g, p))
            .map(|(i, _)| i);
        if let Some(i) = best {
            used[i] = true;
            overlap += 1;
        }
    }
    SpanCounts { exact: count(exact), overlap: count(overlap) }
}

fn distinct(mut sets: Vec<Vec<u32>>) -> Vec<Vec<u32>> {
    sets.retain(|s| !s.is_empty());
    sets.sort();
    sets.dedup();
    sets
}

impl QuoteScores {
    /// Adds one article: its predicted quotes against each annotator's attributions, averaged.
    pub fn add_article(&mut self, article: &Article, quotes: &[Quote]) {
        let text = article.text.as_str();
        let predicted = predicted_attributions(text, quotes);
        let predicted_content = |marked: bool| -> Vec<Vec<u32>> {
            predicted.iter().filter(|p| p.marked == marked).map(|p| words(text, &p.content)).collect()
        };
        let (p_direct, p_indirect) = (predicted_content(true), predicted_content(false));
        let p_all: Vec<Vec<u32>> = predicted.iter().map(|p| words(text, &p.content)).collect();
        let p_source = distinct(predicted.iter().filter_map(|p| p.source).map(|s| words(text, &[s])).collect());
        let p_cue = distinct(predicted.iter().filter_map(|p| p.cue).map(|s| words(text, &[s])).collect());
        let weight = 1.0 / article.annotations.len().max(1) as f64;
        for annotation in &article.annotations {
            let gold = &annotation.attributions;
            let marked = |a: &Attribution| a.content.iter().any(|s| has_quotation_mark(s.slice(text)));
            let g_direct: Vec<Vec<u32>> = gold.iter().filter(|a| marked(a)).map(|a| words(text, &a.content)).collect();
            let g_indirect: Vec<Vec<u32>> = gold.iter().filter(|a| !marked(a)).map(|a| words(text, &a.content)).collect();
            let g_all: Vec<Vec<u32>> = gold.iter().map(|a| words(text, &a.content)).collect();
            let g_source = distinct(gold.iter().map(|a| words(text, &a.source)).collect());
            let g_cue = distinct(gold.iter().map(|a| words(text, &a.cue)).collect());
            self.direct_content.add(match_spans(&g_direct, &p_direct), weight);
            self.indirect_content.add(match_spans(&g_indirect, &p_indirect), weight);
            self.content.add(match_spans(&g_all, &p_all), weight);
            self.source.add(match_spans(&g_source, &p_source), weight);
            self.cue.add(match_spans(&g_cue, &p_cue), weight);
            self.annotations += 1;
        }
        self.articles += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_letter_digit_runs_and_marks_do_not_count() {
        let text = "He said: “We stay, 100%.”";
        let span = Span::new(text.find('“').unwrap(), text.len());
        let plain = Span::new(text.find('W').unwrap(), text.find('%').unwrap());
        assert_eq!(words(text, &[span]), words(text, &[plain]));
        assert_eq!(words(text, &[span]).len(), 3);
        // A cue without letters stands for itself.
        let colon = Span::new(7, 8);
        assert_eq!(words(text, &[colon]), vec![7]);
    }

    #[test]
    fn doubled_apostrophes_are_quotation_marks() {
        assert!(has_quotation_mark("''We stay,'' he said"));
        assert!(has_quotation_mark("“We stay”"));
        assert!(!has_quotation_mark("the party's plan, and the voters' choice"));
    }

    #[test]
    fn overlap_needs_half_of_the_longer_side() {
        let gold = vec![vec![1, 2, 3, 4]];
        assert_eq!(match_spans(&gold, &[vec![1, 2]]).overlap.correct, 1.0);
        assert_eq!(match_spans(&gold, &[vec![1]]).overlap.correct, 0.0);
        assert_eq!(match_spans(&gold, &[vec![1, 2, 3, 4]]).exact.correct, 1.0);
        assert_eq!(match_spans(&gold, &[vec![1, 2, 3, 4, 5, 6, 7, 8, 9]]).overlap.correct, 0.0);
    }

    #[test]
    fn single_spans_overlap_as_the_scorer_counts() {
        let text = "Ana Ruiz, a pollster, said the vote was close.";
        let name = Span::new(0, 8);
        let described = Span::new(0, text.find(", said").unwrap());
        assert!(spans_overlap(text, &[described], &[Span::new(0, text.find(" a pollster").unwrap())]));
        assert!(!spans_overlap(text, &[name], &[Span::new(text.find("the vote").unwrap(), text.len())]));
        assert!(!spans_overlap(text, &[described], &[Span::new(0, 3)]));
    }

    #[test]
    fn brat_errors_name_file_and_line() {
        let text = "Officials said “so”.";
        let ok = "T1\tSource 0 9\tOfficials\nT2\tCue 10 14\tsaid\nT3\tContent 15 19\t“so”\nT4\tAttribution 10 14\tsaid\n\
                  E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        let parsed = parse_ann(Path::new("a.ann"), ok, text).unwrap();
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed[0].source, vec![Span::new(0, 9)]);
        // Character offsets become byte offsets past multi-byte characters.
        assert_eq!(parsed[0].content[0].slice(text), "“so”");
        let bad = "T1\tSource 0 99\tOfficials\n";
        let err = parse_ann(Path::new("a.ann"), bad, text).unwrap_err().to_string();
        assert!(err.starts_with("a.ann:1:"), "{err}");
        // Text columns holding a newline go on over lines of their own.
        let wrapped = format!("{ok}T5\tDiscuss 0 14\tOfficials\nThe said\n");
        assert_eq!(parse_ann(Path::new("a.ann"), &wrapped, text).unwrap().len(), 1);
        let dangling = "E1\tAttribution:T4 Content:T3\n";
        let err = parse_ann(Path::new("b.ann"), dangling, text).unwrap_err().to_string();
        assert!(err.contains("b.ann:1") && err.contains("T3"), "{err}");
    }
}
