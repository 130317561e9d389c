//! Sentences and tokens for English news, compatible with Universal
//! Dependencies tokenisation, every token a byte span into the original text.
//!
//! [`Segmenter`] runs the whole stage: paragraphs (blank lines are hard
//! boundaries), the dateline, the [`Tokenizer`] and the [`SentenceSplitter`].

mod abbrev;
mod dateline;
mod splitter;
mod tokenizer;

pub use splitter::{Boundary, SentenceSplitter};
pub use tokenizer::Tokenizer;

use detente_core::{Dateline, Document, Sentence, Span, Token};
use std::ops::Range;

/// Paragraphs, dateline, tokens and sentences of a text.
#[derive(Clone, Debug, Default)]
pub struct Segmentation {
    pub dateline: Option<Dateline>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

/// The segmentation stage: text in, sentences and tokens out.
#[derive(Clone, Copy, Debug, Default)]
pub struct Segmenter {
    tokenizer: Tokenizer,
    splitter: SentenceSplitter,
}

impl Segmenter {
    pub fn new() -> Segmenter {
        Segmenter::default()
    }

    /// Fills `doc.sentences`, `doc.tokens` and `doc.dateline` from `doc.text`.
    pub fn annotate(&self, doc: &mut Document) {
        let seg = self.segment(&doc.text);
        doc.dateline = seg.dateline;
        doc.sentences = seg.sentences;
        doc.tokens = seg.tokens;
    }

    pub fn segment(&self, text: &str) -> Segmentation {
        let mut seg = Segmentation { dateline: find_dateline(text), ..Segmentation::default() };
        let mut para_tokens = Vec::new();
        for (p, para) in paragraphs(text).enumerate() {
            let p = p as u32;
            let mut start = para.start;
            if let Some(d) = seg.dateline.as_ref().filter(|d| para.contains(&(d.span.start as usize))) {
                // The dateline is a sentence of its own, never part of the first;
                // a headline may precede it on the line above.
                let d = d.span.range();
                self.split_range(text, para.start..d.start, p, &mut para_tokens, &mut seg);
                para_tokens.clear();
                self.tokenizer.tokenize_range(text, d.clone(), &mut para_tokens);
                push_sentence(&mut seg, &para_tokens, p);
                start = d.end;
            }
            self.split_range(text, start..para.end, p, &mut para_tokens, &mut seg);
        }
        seg
    }

    /// Tokenizes `range` (part of paragraph `p`) and appends its sentences to `seg`.
    fn split_range(&self, text: &str, range: Range<usize>, p: u32, para_tokens: &mut Vec<Token>, seg: &mut Segmentation) {
        para_tokens.clear();
        self.tokenizer.tokenize_range(text, range, para_tokens);
        let mut first = 0;
        for b in self.splitter.split(text, para_tokens, p == 0) {
            if b.split_period {
                let tok = &mut para_tokens[b.end];
                let period = Token { span: Span::new(tok.span.end as usize - 1, tok.span.end as usize), ..*tok };
                tok.span.end -= 1;
                tok.space_after = false;
                tok.joined = false;
                push_sentence(seg, &para_tokens[first..b.end + 1], p);
                push_sentence_token(seg, period);
            } else {
                push_sentence(seg, &para_tokens[first..b.end + 1], p);
            }
            first = b.end + 1;
        }
    }
}

/// The dateline opening the text, or the line after a headline (a first line without final
/// punctuation, as in "Talks resume\n\nGENEVA (AFP) — ..."). After a first line that ends like a
/// sentence, only a dateline naming its agency counts: some headlines end with a full stop ("X
/// upset fans by attending DNC.\n\nPHILADELPHIA, July 29 (UPI) — ...").
fn find_dateline(text: &str) -> Option<Dateline> {
    let skip_separators = |from: usize| text.len() - text[from..].trim_start_matches(tokenizer::is_separator).len();
    let start = skip_separators(paragraphs(text).next()?.start);
    if let Some(d) = dateline::detect(text, start) {
        return Some(d);
    }
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let headline = text[start..line_end].trim_end_matches(tokenizer::is_separator);
    let sentence_like = headline.ends_with(['.', '!', '?', '…', ':']);
    let next = skip_separators(line_end);
    if next == text.len() {
        return None;
    }
    dateline::detect(text, next).filter(|d| !sentence_like || d.agency.is_some())
}

fn push_sentence(seg: &mut Segmentation, tokens: &[Token], paragraph: u32) {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else { return };
    let start = seg.tokens.len() as u32;
    seg.tokens.extend_from_slice(tokens);
    seg.sentences.push(Sentence {
        span: Span { start: first.span.start, end: last.span.end },
        tokens: start..seg.tokens.len() as u32,
        paragraph,
    });
}

/// Appends a token to the last sentence (the period split off "etc.").
fn push_sentence_token(seg: &mut Segmentation, tok: Token) {
    seg.tokens.push(tok);
    let sent = seg.sentences.last_mut().expect("a sentence was just pushed");
    sent.tokens.end += 1;
    sent.span.end = tok.span.end;
}

/// Byte ranges of paragraphs: runs of lines that are not blank.
pub fn paragraphs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        let mut end = pos;
        while pos < text.len() {
            let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
            let line = &text[pos..line_end];
            let blank = line.chars().all(tokenizer::is_separator);
            let next = (line_end + 1).min(text.len());
            if blank {
                if start.is_some() {
                    pos = next;
                    break;
                }
            } else {
                start.get_or_insert(pos);
                end = line_end;
            }
            pos = if line_end == text.len() { text.len() } else { next };
        }
        start.map(|s| s..end)
    })
}
