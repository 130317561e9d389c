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
        let mut seg = Segmentation::default();
        let mut para_tokens = Vec::new();
        for (p, para) in paragraphs(text).enumerate() {
            let mut start = para.start;
            if p == 0 {
                if let Some(d) = dateline::detect(text, para.start) {
                    // The dateline is a sentence of its own, never part of the first.
                    start = d.span.end as usize;
                    para_tokens.clear();
                    self.tokenizer.tokenize_range(text, d.span.range(), &mut para_tokens);
                    push_sentence(&mut seg, &para_tokens, 0);
                    seg.dateline = Some(d);
                }
            }
            para_tokens.clear();
            self.tokenizer.tokenize_range(text, start..para.end, &mut para_tokens);
            if para_tokens.is_empty() {
                continue;
            }
            let mut first = 0;
            for b in self.splitter.split(text, &para_tokens) {
                if b.split_period {
                    let tok = &mut para_tokens[b.end];
                    let period = Token { span: Span::new(tok.span.end as usize - 1, tok.span.end as usize), ..*tok };
                    tok.span.end -= 1;
                    tok.space_after = false;
                    tok.joined = false;
                    push_sentence(&mut seg, &para_tokens[first..b.end + 1], p as u32);
                    push_sentence_token(&mut seg, period);
                } else {
                    push_sentence(&mut seg, &para_tokens[first..b.end + 1], p as u32);
                }
                first = b.end + 1;
            }
        }
        seg
    }
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
