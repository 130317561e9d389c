use std::io::BufRead;

/// A CoNLL-U problem, located by 1-based line number so a broken treebank or
/// a bad writer can be fixed at the exact place.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("CoNLL-U line {line}: {message}")]
    Syntax { line: usize, message: String },
    #[error("reading CoNLL-U after line {line}: {source}")]
    Io {
        line: usize,
        #[source]
        source: std::io::Error,
    },
}

/// One syntactic word (a line with an integer ID).
///
/// Unannotated columns keep their `_`, so a sentence writes back unchanged and
/// "no value" is not confused with a value that was lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub id: u32,
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// `None` when the HEAD column is `_`; `Some(0)` is the root.
    pub head: Option<u32>,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

impl Word {
    /// The value of `key` in the MISC column (`SpaceAfter`, `CorrectForm`, ...).
    pub fn misc_get(&self, key: &str) -> Option<&str> {
        self.misc
            .split('|')
            .find_map(|field| field.split_once('=').filter(|(k, _)| *k == key).map(|(_, v)| v))
    }
}

/// A surface token split into several words (`3-4 didn't`): it covers words
/// `first..=last`, and its MISC carries the token's `SpaceAfter`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MultiwordToken {
    pub first: u32,
    pub last: u32,
    pub form: String,
    pub misc: String,
}

/// One sentence block: its comments, words and multiword ranges.
///
/// Empty nodes (`8.1`, enhanced-graph ellipsis) are skipped: nothing in
/// Detente predicts them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConlluSentence {
    /// Every comment line without its leading `# `, in order.
    pub comments: Vec<String>,
    /// From `# text = ...`.
    pub text: Option<String>,
    /// From `# sent_id = ...`.
    pub sent_id: Option<String>,
    /// From `# newdoc id = ...`; empty when `# newdoc` has no id.
    pub newdoc: Option<String>,
    /// The sentence starts a paragraph (`# newpar` or `# newpar id = ...`).
    pub newpar: bool,
    pub words: Vec<Word>,
    pub multiwords: Vec<MultiwordToken>,
}

impl ConlluSentence {
    /// The surface tokens' forms in order: a multiword range stands for its
    /// words, every other word is its own token. This is what a tokenizer
    /// sees in the raw text, before contractions are split.
    pub fn surface_forms(&self) -> impl Iterator<Item = &str> + '_ {
        let mut multiwords = self.multiwords.iter().peekable();
        let mut words = self.words.iter();
        std::iter::from_fn(move || {
            let word = words.next()?;
            match multiwords.next_if(|m| m.first == word.id) {
                Some(m) => {
                    for _ in m.first..m.last {
                        words.next();
                    }
                    Some(m.form.as_str())
                }
                None => Some(word.form.as_str()),
            }
        })
    }

    fn add_comment(&mut self, raw: &str) {
        let body = raw.strip_prefix(' ').unwrap_or(raw);
        match body.split_once('=') {
            Some((key, value)) => {
                let value = value.strip_prefix(' ').unwrap_or(value);
                match key.trim() {
                    "text" => self.text = Some(value.to_string()),
                    "sent_id" => self.sent_id = Some(value.trim().to_string()),
                    "newdoc id" => self.newdoc = Some(value.trim().to_string()),
                    "newpar id" => self.newpar = true,
                    _ => {}
                }
            }
            None => match body.trim() {
                "newdoc" => self.newdoc = Some(String::new()),
                "newpar" => self.newpar = true,
                _ => {}
            },
        }
        self.comments.push(body.to_string());
    }
}

/// Whether whitespace follows a token, from its MISC column: UD marks only the
/// exception, `SpaceAfter=No`.
pub fn space_after(misc: &str) -> bool {
    !misc.split('|').any(|field| field == "SpaceAfter=No")
}

/// Streams [`ConlluSentence`]s from CoNLL-U text, one blank-line separated
/// block at a time, so a whole treebank never has to be in memory.
///
/// Iteration stops after the first error: once a block is malformed, the
/// lines after it cannot be trusted to start a new sentence.
pub struct Reader<R> {
    input: R,
    line: usize,
    buf: String,
    failed: bool,
}

const COLUMNS: [&str; 10] =
    ["ID", "FORM", "LEMMA", "UPOS", "XPOS", "FEATS", "HEAD", "DEPREL", "DEPS", "MISC"];

/// A reference to a word id not read yet (a head, or a multiword range's end),
/// checked once the sentence is complete.
struct Forward {
    line: usize,
    id: u32,
    what: &'static str,
}

impl<R: BufRead> Reader<R> {
    pub fn new(input: R) -> Reader<R> {
        Reader { input, line: 0, buf: String::new(), failed: false }
    }

    fn next_sentence(&mut self) -> Result<Option<ConlluSentence>, Error> {
        let mut sentence = ConlluSentence::default();
        let mut forward = Vec::new();
        let mut start_line = None;
        loop {
            self.buf.clear();
            let read = self.input.read_line(&mut self.buf);
            let n = read.map_err(|source| Error::Io { line: self.line, source })?;
            if n == 0 {
                break;
            }
            self.line += 1;
            let mut line = self.buf.trim_end_matches(['\n', '\r']);
            if self.line == 1 {
                line = line.strip_prefix('\u{feff}').unwrap_or(line);
            }
            if line.trim().is_empty() {
                if start_line.is_some() {
                    break;
                }
                continue;
            }
            start_line.get_or_insert(self.line);
            if let Some(comment) = line.strip_prefix('#') {
                if !sentence.words.is_empty() || !sentence.multiwords.is_empty() {
                    return Err(syntax(
                        self.line,
                        "comment line among the word lines of a sentence",
                    ));
                }
                sentence.add_comment(comment);
            } else {
                parse_word_line(line, self.line, &mut sentence, &mut forward)?;
            }
        }
        let Some(start_line) = start_line else { return Ok(None) };
        if sentence.words.is_empty() {
            return Err(syntax(start_line, "sentence block has no word lines"));
        }
        let count = sentence.words.len() as u32;
        if let Some(f) = forward.iter().find(|f| f.id > count) {
            return Err(syntax(
                f.line,
                format!("{} {} is past the sentence's last word {count}", f.what, f.id),
            ));
        }
        Ok(Some(sentence))
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Result<ConlluSentence, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let item = self.next_sentence().transpose();
        self.failed = matches!(item, Some(Err(_)));
        item
    }
}

fn syntax(line: usize, message: impl Into<String>) -> Error {
    Error::Syntax { line, message: message.into() }
}

fn parse_word_line(
    line: &str,
    line_no: usize,
    sentence: &mut ConlluSentence,
    forward: &mut Vec<Forward>,
) -> Result<(), Error> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != COLUMNS.len() {
        return Err(syntax(
            line_no,
            format!("expected 10 tab-separated columns, found {}", cols.len()),
        ));
    }
    if let Some(i) = cols.iter().position(|c| c.is_empty()) {
        return Err(syntax(line_no, format!("column {} ({}) is empty", i + 1, COLUMNS[i])));
    }
    let id = cols[0];
    let next = sentence.words.len() as u32 + 1;
    let parse_id = |s: &str| s.parse::<u32>().ok().filter(|&n| n > 0);

    if id.contains('.') {
        return Ok(());
    }
    if let Some((a, b)) = id.split_once('-') {
        let (Some(first), Some(last)) = (parse_id(a), parse_id(b)) else {
            return Err(syntax(line_no, format!("bad multiword range id {id:?}")));
        };
        if first != next {
            return Err(syntax(
                line_no,
                format!("multiword range {id} does not start at the next word id {next}"),
            ));
        }
        if last <= first {
            return Err(syntax(
                line_no,
                format!("multiword range {id} covers fewer than two words"),
            ));
        }
        if let Some(prev) = sentence.multiwords.last().filter(|m| m.last >= first) {
            return Err(syntax(
                line_no,
                format!("multiword range {id} overlaps range {}-{}", prev.first, prev.last),
            ));
        }
        forward.push(Forward { line: line_no, id: last, what: "multiword range end" });
        sentence.multiwords.push(MultiwordToken {
            first,
            last,
            form: cols[1].to_string(),
            misc: cols[9].to_string(),
        });
        return Ok(());
    }

    let Some(word_id) = parse_id(id) else {
        return Err(syntax(line_no, format!("bad word id {id:?}")));
    };
    if word_id != next {
        return Err(syntax(line_no, format!("word id {word_id} out of sequence, expected {next}")));
    }
    let head = match cols[6] {
        "_" => None,
        h => match h.parse::<u32>() {
            Ok(h) if h == word_id => {
                return Err(syntax(line_no, format!("word {word_id} is its own head")));
            }
            Ok(h) => Some(h),
            Err(_) => return Err(syntax(line_no, format!("bad head {h:?}"))),
        },
    };
    if let Some(h) = head.filter(|&h| h > word_id) {
        forward.push(Forward { line: line_no, id: h, what: "head" });
    }
    sentence.words.push(Word {
        id: word_id,
        form: cols[1].to_string(),
        lemma: cols[2].to_string(),
        upos: cols[3].to_string(),
        xpos: cols[4].to_string(),
        feats: cols[5].to_string(),
        head,
        deprel: cols[7].to_string(),
        deps: cols[8].to_string(),
        misc: cols[9].to_string(),
    });
    Ok(())
}
