//! Finding quoted stretches from quotation-mark tokens.
//!
//! Curly marks say which way they face; straight ones do not, so a straight mark opens when
//! it stands before a word with space (or a paragraph start) before it, and otherwise closes
//! the quote that is open. A closing curly mark standing so with no quote open was typed for an
//! opening one. Single marks double as apostrophes ("voters’ concerns"), so a single
//! mark only closes a quote that a single mark opened, and singles inside a double quote are
//! nested quoting, left to the outer quote. A double quote still open at the end of its
//! paragraph is closed there: news style leaves the closing mark off when a quotation goes on
//! in the next paragraph, which then starts with an opening mark.

use detente_core::Document;
use std::ops::Range;

/// One quoted stretch of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quoted {
    /// Token index of the opening mark.
    pub open: u32,
    /// Token index of the closing mark; `None` when the quote runs to the end of its paragraph.
    pub close: Option<u32>,
    /// The tokens between the marks.
    pub inner: Range<u32>,
    /// The paragraph opens with this quote and carries on an unclosed quote of the previous one.
    pub continued: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    DoubleOpen,
    DoubleClose,
    DoubleStraight,
    SingleOpen,
    SingleClose,
    SingleStraight,
}

fn mark(token: &str) -> Option<Mark> {
    Some(match token {
        "“" | "„" | "«" => Mark::DoubleOpen,
        "”" | "»" => Mark::DoubleClose,
        "\"" | "``" | "''" => Mark::DoubleStraight,
        "‘" => Mark::SingleOpen,
        "’" => Mark::SingleClose,
        "'" => Mark::SingleStraight,
        _ => return None,
    })
}

/// Whether a token is a quotation mark (or an apostrophe standing alone).
pub fn is_mark(token: &str) -> bool {
    mark(token).is_some()
}

/// The quoted stretches of `doc`, in text order.
pub fn find_quoted(doc: &Document) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut unclosed_before = false;
    let mut s = 0;
    while s < doc.sentences.len() {
        let paragraph = doc.sentences[s].paragraph;
        let start = doc.sentences[s].tokens.start;
        while s < doc.sentences.len() && doc.sentences[s].paragraph == paragraph {
            s += 1;
        }
        let end = doc.sentences[s - 1].tokens.end;
        unclosed_before = scan_paragraph(doc, start..end, unclosed_before, &mut out);
    }
    out
}

/// Scans one paragraph's tokens; returns whether a double quote was left open at its end.
fn scan_paragraph(
    doc: &Document,
    tokens: Range<u32>,
    unclosed_before: bool,
    out: &mut Vec<Quoted>,
) -> bool {
    let word = |i: u32| doc.slice(doc.tokens[i as usize].span);
    // No space between token i and the next one.
    let glued = |i: u32| !doc.tokens[i as usize].space_after;
    let opens_here = |i: u32| {
        let before_ok = i == tokens.start
            || doc.tokens[i as usize - 1].space_after
            || matches!(word(i - 1), "(" | "[" | "—" | "–");
        before_ok && glued(i) && i + 1 < tokens.end
    };
    let mut double: Option<u32> = None;
    let mut single: Option<u32> = None;
    let push = |out: &mut Vec<Quoted>, open: u32, close: Option<u32>, end: u32| {
        let continued = unclosed_before && open == tokens.start;
        out.push(Quoted {
            open,
            close,
            inner: open + 1..end,
            continued,
        });
    };
    // Curly marks nested in a quotation that a straight mark opened ("PENCE: … an episode of
    // “Shark Tank.” But …): the curly pair is quoting inside the quotation, not its end.
    let mut nested_curly = false;
    for i in tokens.clone() {
        let Some(m) = mark(word(i)) else { continue };
        match m {
            Mark::DoubleOpen if double.is_none() => {
                double = Some(i);
                single = None;
            }
            // Not an opening mark doubled ("“You …”): that one opens with the straight mark.
            Mark::DoubleOpen
                if double.is_some_and(|open| open + 1 < i && mark(word(open)) == Some(Mark::DoubleStraight)) =>
            {
                nested_curly = true;
            }
            Mark::DoubleClose if nested_curly => nested_curly = false,
            Mark::DoubleClose => match double.take() {
                Some(open) => push(out, open, Some(i), i),
                // A closing mark typed for an opening one (”Fear. I am afraid …”): it faces
                // the wrong way but stands where a quotation opens.
                None if opens_here(i) => {
                    double = Some(i);
                    single = None;
                }
                None => {}
            },
            Mark::DoubleStraight => match double.take() {
                Some(open) => {
                    nested_curly = false;
                    push(out, open, Some(i), i)
                }
                None => {
                    if opens_here(i) || i == tokens.start {
                        double = Some(i);
                        single = None;
                    }
                }
            },
            Mark::SingleOpen | Mark::SingleClose | Mark::SingleStraight if double.is_none() => {
                let closes = i > tokens.start && glued(i - 1);
                match single {
                    Some(open) if closes && m != Mark::SingleOpen => {
                        push(out, open, Some(i), i);
                        single = None;
                    }
                    None if m != Mark::SingleClose && opens_here(i) => single = Some(i),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    if let Some(open) = double {
        if open + 1 < tokens.end {
            push(out, open, None, tokens.end);
        }
        return true;
    }
    false
}
