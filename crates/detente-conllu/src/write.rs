use detente_core::{Document, Span};
use std::borrow::Cow;
use std::io::{self, Write};

/// CoNLL-U columns 3-9 of one word, supplied by whichever stages have run;
/// the writer itself owns ID, FORM and MISC, which come from the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Columns {
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 1-based word id within the sentence, `0` for the root, `None` for `_`.
    pub head: Option<u32>,
    pub deprel: String,
    pub deps: String,
    /// MISC attributes to add before `SpaceAfter` (e.g. `NE=B-PER`).
    pub misc: Option<String>,
}

/// Every column unannotated (`_`).
impl Default for Columns {
    fn default() -> Columns {
        let blank = || "_".to_string();
        Columns {
            lemma: blank(),
            upos: blank(),
            xpos: blank(),
            feats: blank(),
            head: None,
            deprel: blank(),
            deps: blank(),
            misc: None,
        }
    }
}

/// Writes `doc`'s sentences and tokens as CoNLL-U, columns 3-9 left `_`.
pub fn write_document(doc: &Document, w: &mut impl Write) -> io::Result<()> {
    write_document_with(doc, &|_| Columns::default(), w)
}

/// Writes `doc` as CoNLL-U, one block per sentence, taking columns 3-9 of
/// each word from `columns(index into doc.tokens)`.
///
/// Runs of `joined` tokens become a multiword range line carrying the surface
/// token's `SpaceAfter`, as UD does; a run is cut at the sentence's end
/// because a range cannot cross sentences.
pub fn write_document_with(
    doc: &Document,
    columns: &dyn Fn(usize) -> Columns,
    w: &mut impl Write,
) -> io::Result<()> {
    for (n, sentence) in doc.sentences.iter().enumerate() {
        if n == 0 {
            writeln!(w, "# newdoc id = {}", doc.id)?;
        }
        if n == 0 || doc.sentences[n - 1].paragraph != sentence.paragraph {
            writeln!(w, "# newpar")?;
        }
        writeln!(w, "# sent_id = {}-{}", doc.id, n + 1)?;
        writeln!(w, "# text = {}", one_line(doc.slice(sentence.span).trim()))?;

        let first_token = sentence.token_range().start;
        let tokens = doc.sentence_tokens(sentence);
        let mut i = 0;
        while i < tokens.len() {
            let mut last = i;
            while last + 1 < tokens.len() && tokens[last].joined {
                last += 1;
            }
            let multiword = last > i;
            if multiword {
                let span = Span { start: tokens[i].span.start, end: tokens[last].span.end };
                writeln!(
                    w,
                    "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}",
                    i + 1,
                    last + 1,
                    one_line(doc.slice(span)),
                    space_after_misc(&doc.text, span.end)
                )?;
            }
            for (j, token) in tokens.iter().enumerate().take(last + 1).skip(i) {
                let c = columns(first_token + j);
                let head = c.head.map_or_else(|| "_".to_string(), |h| h.to_string());
                let space = if multiword { "_" } else { space_after_misc(&doc.text, token.span.end) };
                let misc: Cow<str> = match (&c.misc, space) {
                    (None, space) => Cow::Borrowed(space),
                    (Some(extra), "_") => Cow::Borrowed(extra.as_str()),
                    (Some(extra), space) => Cow::Owned(format!("{extra}|{space}")),
                };
                writeln!(
                    w,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    j + 1,
                    one_line(doc.slice(token.span)),
                    c.lemma,
                    c.upos,
                    c.xpos,
                    c.feats,
                    head,
                    c.deprel,
                    c.deps,
                    misc
                )?;
            }
            i = last + 1;
        }
        writeln!(w)?;
    }
    Ok(())
}

/// UD marks `SpaceAfter=No` whenever the next character of the text is not
/// whitespace, sentence-final tokens included, so the text can be rebuilt
/// from the forms; at the end of the text nothing follows.
fn space_after_misc(text: &str, end: u32) -> &'static str {
    match text[end as usize..].chars().next() {
        Some(c) if !c.is_whitespace() => "SpaceAfter=No",
        _ => "_",
    }
}

/// A character that would break a CoNLL-U line or column.
fn breaks_line(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0B' | '\x0C' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// `s` with every whitespace run that holds a tab or line break collapsed to
/// one space, so it fits on one line and in one column; plain spaces are kept.
fn one_line(s: &str) -> Cow<'_, str> {
    if !s.contains(breaks_line) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.contains(breaks_line) {
            out.push(' ');
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in s.chars() {
        if c.is_whitespace() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn one_line_collapses_only_runs_with_breaks() {
        assert_eq!(one_line("a  b"), "a  b");
        assert_eq!(one_line("a \n\t b\tc\r\n"), "a b c ");
    }
}
