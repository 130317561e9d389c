//! Sentence boundaries over the tokens of one paragraph.
//!
//! A boundary follows a terminal mark (. ! ? …) and any closing quotes or
//! brackets glued to it, when the next token can open a sentence. Tokens that
//! keep an abbreviation's period ("U.S.", "etc.") end a sentence only when the
//! next word is a typical sentence opener, or for "etc."/"Inc." when it is
//! capitalised; titles ("Gen.", "Mr.") and initials never do.

use crate::abbrev::{self, AbbrevKind};
use detente_core::Token;

/// Finds sentence ends in a paragraph's tokens.
#[derive(Clone, Copy, Debug, Default)]
pub struct SentenceSplitter;

/// One decision of the splitter: the sentence ends after token `end`
/// (paragraph-relative); `split_period` asks the caller to split the
/// abbreviation's period off that token as the full stop ("etc" + ".").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Boundary {
    pub end: usize,
    pub split_period: bool,
}

fn is_terminal(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

fn is_closer(t: &str) -> bool {
    matches!(t, ")" | "]" | "}" | "”" | "’" | "'" | "''" | "\"" | "»" | "›")
}

fn opens_sentence(t: &str) -> bool {
    t.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '(' | '[' | '\'' | '¿' | '¡' | '•' | '-' | '—' | '*'))
}

impl SentenceSplitter {
    pub fn new() -> SentenceSplitter {
        SentenceSplitter
    }

    /// `tokens` are one paragraph's; returns the sentence ends in order, the
    /// paragraph's last token always among them. `opens_document` says the
    /// paragraph is the document's first, whose first line may be a headline
    /// without final punctuation (elsewhere a line break is only a line wrap).
    pub fn split(&self, text: &str, tokens: &[Token], opens_document: bool) -> Vec<Boundary> {
        let form = |i: usize| tokens[i].span.slice(text);
        let gap_has_newline = |i: usize| text.as_bytes()[tokens[i].span.end as usize..tokens[i + 1].span.start as usize].contains(&b'\n');
        let n = tokens.len();
        let mut out = Vec::new();
        let mut first_line = opens_document;
        // A line opening with a quotation mark glued to a capitalised word: in a list of
        // quotations one per line ("“…” ― Jane Roe"), each line is a sentence of its own.
        let quotation_line = |i: usize| {
            matches!(form(i), "“" | "\"" | "”") && i + 1 < n && !tokens[i].space_after && form(i + 1).starts_with(char::is_uppercase)
        };
        let mut in_quotation_line = n > 0 && quotation_line(0);
        let mut i = 0;
        while i < n {
            let t = form(i);
            let mut boundary = None;
            if is_terminal(t) {
                // Glue closing quotes and brackets to the sentence they end; a
                // straight quote closes only when glued to the mark before it.
                let mut j = i;
                while j + 1 < n {
                    let next = form(j + 1);
                    let closes = match next {
                        "\"" | "'" | "’" | "''" => !tokens[j].space_after,
                        _ => is_closer(next),
                    };
                    if !closes {
                        break;
                    }
                    j += 1;
                }
                let next = if j + 1 < n { form(j + 1) } else { "" };
                // A lone full stop is a sentence end even before a lowercase word
                // (informal text); an ellipsis before one is a pause, and so is a
                // closing quote before one ("“Why?” she asked").
                let lowercase_ok = j == i && matches!(t, "." | "!" | "?") && next.chars().next().is_some_and(char::is_lowercase);
                // "6. 3 million": a decimal point typed with a space (text converted from PDFs and
                // some wire feeds); a sentence seldom opens with a figure, and never after a
                // small number.
                let decimal = j == i
                    && t == "."
                    && i > 0
                    && form(i - 1).len() <= 3
                    && form(i - 1).bytes().all(|b| b.is_ascii_digit())
                    && next.bytes().all(|b| b.is_ascii_digit());
                if j + 1 < n && (opens_sentence(next) || lowercase_ok) && !decimal {
                    boundary = Some(Boundary { end: j, split_period: false });
                }
                i = j;
            } else if t.len() > 1 && t.ends_with('.') && i + 1 < n {
                boundary = self.after_abbreviation(t, form(i + 1)).map(|split_period| Boundary { end: i, split_period });
            }
            if boundary.is_none() && first_line && i + 1 < n && gap_has_newline(i) {
                // A first line without final punctuation is a headline.
                first_line = false;
                if !is_terminal(t) && opens_sentence(form(i + 1)) {
                    boundary = Some(Boundary { end: i, split_period: false });
                }
            }
            if i + 1 < n && gap_has_newline(i) {
                let next_is_quotation = quotation_line(i + 1);
                if boundary.is_none() && in_quotation_line && next_is_quotation {
                    boundary = Some(Boundary { end: i, split_period: false });
                }
                in_quotation_line = next_is_quotation;
            }
            // A sentence never ends inside a surface token ("'" of "'n't").
            if let Some(b) = boundary.filter(|b| !tokens[b.end].joined) {
                first_line = false;
                out.push(b);
            }
            i += 1;
        }
        if n > 0 && out.last().is_none_or(|b| b.end != n - 1) {
            // "etc." ending the paragraph ends its sentence: the period doubles as the full stop.
            let t = form(n - 1);
            let split_period = t.len() > 1 && t.ends_with('.') && abbrev::kind(&t[..t.len() - 1]) == Some(AbbrevKind::Terminal);
            out.push(Boundary { end: n - 1, split_period });
        }
        out
    }

    /// After a token that kept an abbreviation's period: `Some(split_period)`
    /// when a sentence ends there.
    fn after_abbreviation(&self, tok: &str, next: &str) -> Option<bool> {
        let stem = &tok[..tok.len() - 1];
        let capitalised = next.chars().next().is_some_and(char::is_uppercase);
        match abbrev::kind(stem) {
            Some(AbbrevKind::Prefix) => None,
            Some(AbbrevKind::Terminal) => (capitalised && abbrev::is_sentence_starter(next) || next.starts_with(['"', '“'])).then_some(true),
            Some(AbbrevKind::BeforeNumber) => None,
            None if stem.chars().count() == 1 => None, // an initial: "J. R. Smith"
            None => (capitalised && abbrev::is_sentence_starter(next)).then_some(false),
        }
    }
}
