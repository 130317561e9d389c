//! PETRARCH verb dictionaries (`PETR.Validate.verbs.txt`, `CAMEO.verbpatterns.*.txt`) and
//! discard lists.
//!
//! A verb dictionary is a sequence of synsets and verb blocks (comments as in every PETRARCH
//! file: `#` to the end of the line, `<!-- … -->`):
//!
//! ```text
//! &TIES_                       a synset: "&" + name (a trailing "_" is ignored)
//! +ECONOMIC                     members, one per "+" line; a member may be several words
//! +&OTHER_SET                   or another synset
//!
//! --- RESTORE [064] ---         a verb block: its name and default code
//! RESTORE                       verb forms; regular -S/-ED/-ING forms are generated
//! BREAK {BROKE BROKEN}          irregular forms in braces
//! +BREAK_DOWN {+BROKE_DOWN}     a multi-word verb: "+" marks the inflected word
//! DOWNPLAY [014]                a form with a default code of its own
//! - * DIPLOMATIC TIES [901]     a pattern: words around the verb "*", and its code
//! - % HAVE * [191]              "%" a compound actor (coded among its members),
//! - + WAS * DEAD IN $ [224]     "$" the source, "+" the target, "^" skips a noun phrase,
//! - * &TIES RELATIONS [902]     "&NAME" any member of a synset,
//! - IN_* [075]                  "_" joins words that must be adjacent (a space allows a gap)
//! ```
//!
//! Codes are `[CODE]` or `[CODE:PAIRED]` (a block header without one has `---`): the paired code is the reverse event (target →
//! source), as in `LEFT [032:033]` (a visit, and its reception). `---` codes nothing. A code
//! that does not start with a digit is one of TABARI's markers (`[+++]` a complex event, `[###]`
//! a discard) or a placeholder: a block or form with one codes nothing, and a pattern with one
//! is skipped, so that the verb's later patterns are tried.
//! A verb form defined again in a later block belongs to the later block, as in PETRARCH.
//!
//! Actor and agent dictionaries are read by `detente-lexicon`; [`spaced_phrases`] lists their
//! phrases written with spaces, whose words may be separated by other words.
//!
//! Discard files list phrases, one a line; a sentence containing one is not coded (`+` marks
//! a story-level discard; a unit-test record is its own story, so both apply).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use detente_lexicon::petrarch::logical_lines;

use crate::PetrarchError;

/// An event code with its optional paired (reverse-direction) code: `[032:033]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbCode {
    pub code: String,
    pub paired: Option<String>,
}

impl VerbCode {
    /// `---` (and an empty code) codes no event; so do TABARI's markers that are no CAMEO
    /// code (`+++` "complex event", `###` "discard") and placeholders such as `xxy`.
    pub fn is_null(&self) -> bool {
        self.code == "---" || !self.is_cameo()
    }

    /// A CAMEO code starts with a digit (`064`, `0331`, `075A`).
    fn is_cameo(&self) -> bool {
        self.code.starts_with(|c: char| c.is_ascii_digit())
    }
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// A word, upper-case.
    Word(String),
    /// Any member of the named synset (name without `&` and trailing `_`).
    Synset(String),
    /// `$`: an actor phrase that becomes the source.
    Source,
    /// `+`: an actor phrase that becomes the target.
    Target,
    /// `%`: a compound actor phrase; before the verb its members code events among
    /// themselves, after it they are the targets.
    Compound,
    /// `^`: skips one noun phrase.
    Skip,
}

/// An element and whether it must touch its neighbour nearer the verb (`_`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternElement {
    pub element: Element,
    /// For elements before the verb: joined to the next element (or the verb); after the verb:
    /// joined to the previous element (or the verb).
    pub joined: bool,
}

/// A pattern of a verb block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// Elements before the verb, nearest the verb first.
    pub before: Vec<PatternElement>,
    /// Elements after the verb, in text order.
    pub after: Vec<PatternElement>,
    pub code: VerbCode,
    pub line: usize,
}

/// A verb form: one or more words, one of which is the inflected verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbForm {
    pub words: Vec<String>,
    /// Index in `words` of the verb itself.
    pub verb: usize,
    /// Index of the block in [`VerbDictionary::blocks`].
    pub block: usize,
    /// The form's own default code, overriding the block's.
    pub code: Option<VerbCode>,
}

/// A verb block: `--- NAME [code] ---`, its forms and patterns.
#[derive(Debug, Clone)]
pub struct VerbBlock {
    pub name: String,
    pub code: VerbCode,
    pub patterns: Vec<Pattern>,
    pub line: usize,
}

/// A loaded verb dictionary.
#[derive(Debug, Clone, Default)]
pub struct VerbDictionary {
    pub blocks: Vec<VerbBlock>,
    /// Synset name → members, each a word sequence with nested synsets expanded.
    pub synsets: HashMap<String, Vec<Vec<String>>>,
    /// Inflected verb word → the forms built on it.
    forms: HashMap<String, Vec<VerbForm>>,
    /// Synset names used by patterns but never defined (such elements match nothing).
    pub undefined_synsets: Vec<String>,
    /// Patterns skipped because they cannot be read (more than one `*`, no code), as
    /// (line, message): real dictionaries have a few, and PETRARCH skips them too.
    pub skipped_patterns: Vec<(usize, String)>,
}

impl VerbDictionary {
    /// Reads a PETRARCH verb dictionary.
    pub fn load(path: impl AsRef<Path>) -> Result<VerbDictionary, PetrarchError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| PetrarchError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        VerbDictionary::parse(&text, path)
    }

    /// Reads a verb dictionary from text; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<VerbDictionary, PetrarchError> {
        Reader {
            path: path.to_path_buf(),
            dict: VerbDictionary::default(),
            raw_synsets: Vec::new(),
        }
        .read(text)
    }

    /// Number of distinct verb forms (inflections included).
    pub fn form_count(&self) -> usize {
        self.forms.values().map(Vec::len).sum()
    }

    pub fn pattern_count(&self) -> usize {
        self.blocks.iter().map(|b| b.patterns.len()).sum()
    }

    /// The forms whose inflected word is `word` (upper-case), longest first.
    pub fn forms_of(&self, word: &str) -> &[VerbForm] {
        self.forms.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The block a verb form belongs to.
    pub fn block(&self, form: &VerbForm) -> &VerbBlock {
        &self.blocks[form.block]
    }

    /// Adds a later dictionary's blocks and synsets; its forms replace this one's.
    pub fn absorb(&mut self, other: VerbDictionary) {
        let offset = self.blocks.len();
        self.blocks.extend(other.blocks);
        self.synsets.extend(other.synsets);
        for (word, forms) in other.forms {
            let list = self.forms.entry(word).or_default();
            for mut f in forms {
                f.block += offset;
                list.retain(|g| g.words != f.words);
                list.push(f);
            }
            list.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
        }
        self.undefined_synsets
            .retain(|n| !self.synsets.contains_key(n));
        self.undefined_synsets.extend(
            other
                .undefined_synsets
                .into_iter()
                .filter(|n| !self.synsets.contains_key(n)),
        );
    }

    /// The block whose name is `name` (the last one, if defined twice).
    pub fn block_named(&self, name: &str) -> Option<&VerbBlock> {
        self.blocks.iter().rev().find(|b| b.name == name)
    }
}

struct Reader {
    path: PathBuf,
    dict: VerbDictionary,
    /// Synsets as written (members may name other synsets), expanded at the end.
    raw_synsets: Vec<(String, Vec<Vec<String>>, usize)>,
}

enum Context {
    Start,
    Synset,
    Block,
}

impl Reader {
    fn error(&self, line: usize, message: impl Into<String>) -> PetrarchError {
        PetrarchError::Syntax {
            path: self.path.clone(),
            line,
            message: message.into(),
        }
    }

    fn read(mut self, text: &str) -> Result<VerbDictionary, PetrarchError> {
        let mut context = Context::Start;
        for (line, content) in code_aware_lines(text) {
            if content.starts_with("---") {
                self.block_header(line, &content)?;
                context = Context::Block;
            } else if let Some(name) = content.strip_prefix('&') {
                let name = synset_name(name);
                if name.is_empty() {
                    return Err(self.error(line, "synset without a name"));
                }
                self.raw_synsets.push((name, Vec::new(), line));
                context = Context::Synset;
            } else if let Some(rest) = content.strip_prefix('-') {
                if !matches!(context, Context::Block) {
                    return Err(self.error(line, "pattern outside a verb block"));
                }
                match self.pattern(line, rest) {
                    Ok(p) => self
                        .dict
                        .blocks
                        .last_mut()
                        .expect("in a block")
                        .patterns
                        .push(p),
                    Err(PetrarchError::Syntax { line, message, .. }) => {
                        self.dict.skipped_patterns.push((line, message))
                    }
                    Err(e) => return Err(e),
                }
            } else {
                match context {
                    Context::Synset if content.starts_with('+') => {
                        let member = words_of(&content[1..]);
                        if member.is_empty() {
                            return Err(self.error(line, "empty synset member"));
                        }
                        self.raw_synsets
                            .last_mut()
                            .expect("in a synset")
                            .1
                            .push(member);
                    }
                    Context::Block => self.verb_form(line, &content)?,
                    _ => {
                        return Err(self.error(
                            line,
                            format!("{content:?} is neither a synset, a verb block nor a pattern"),
                        ))
                    }
                }
            }
        }
        self.expand_synsets()?;
        Ok(self.dict)
    }

    fn block_header(&mut self, line: usize, content: &str) -> Result<(), PetrarchError> {
        let inner = content.trim_start_matches('-').trim_end_matches('-').trim();
        // A block without a code ("--- DEFEND ###") codes only through its patterns.
        let (name, code) = match inner.find('[') {
            Some(open) => (&inner[..open], self.code(line, &inner[open..])?),
            None => (
                inner,
                VerbCode {
                    code: "---".into(),
                    paired: None,
                },
            ),
        };
        let name = name.trim().trim_end_matches('_').replace('_', " ");
        if name.is_empty() {
            return Err(self.error(line, "verb block without a name"));
        }
        self.dict.blocks.push(VerbBlock {
            name,
            code,
            patterns: Vec::new(),
            line,
        });
        Ok(())
    }

    /// The first `[code]` or `[code:paired]` of `s`.
    fn code(&self, line: usize, s: &str) -> Result<VerbCode, PetrarchError> {
        let open = s
            .find('[')
            .ok_or_else(|| self.error(line, format!("missing [code] in {s:?}")))?;
        let close = s[open..]
            .find(']')
            .ok_or_else(|| self.error(line, format!("unclosed [code] in {s:?}")))?
            + open;
        let inner = s[open + 1..close].trim();
        let (code, paired) = match inner.split_once(':') {
            Some((a, b)) => (a.trim().to_string(), Some(b.trim().to_string())),
            None => (inner.to_string(), None),
        };
        Ok(VerbCode { code, paired })
    }

    fn verb_form(&mut self, line: usize, content: &str) -> Result<(), PetrarchError> {
        let block = self.dict.blocks.len() - 1;
        let (head, code) = match content.find('[') {
            Some(a) => (&content[..a], Some(self.code(line, &content[a..])?)),
            None => (content, None),
        };
        let (base, irregular) = match head.find('{') {
            Some(a) => {
                let close = head[a..]
                    .find('}')
                    .ok_or_else(|| self.error(line, "missing '}' after irregular forms"))?
                    + a;
                (
                    head[..a].trim(),
                    head[a + 1..close].split_whitespace().collect::<Vec<_>>(),
                )
            }
            None => (head.trim(), Vec::new()),
        };
        if base.is_empty() {
            return Err(self.error(line, format!("verb form line {content:?} has no verb")));
        }
        let (words, verb) = form_words(base);
        for (inflected, _) in regular_forms(&words[verb]) {
            let mut w = words.clone();
            w[verb] = inflected;
            self.add_form(VerbForm {
                words: w,
                verb,
                block,
                code: code.clone(),
            });
        }
        for irr in irregular {
            let (w, v) = form_words(irr);
            // Without a "+", an irregular form of a multi-word verb inflects the same word.
            let v = if irr.contains('+') || w.len() != words.len() {
                v
            } else {
                verb
            };
            self.add_form(VerbForm {
                words: w,
                verb: v,
                block,
                code: code.clone(),
            });
        }
        Ok(())
    }

    fn add_form(&mut self, form: VerbForm) {
        let list = self
            .dict
            .forms
            .entry(form.words[form.verb].clone())
            .or_default();
        // A form defined again belongs to the later block.
        list.retain(|f| f.words != form.words);
        list.push(form);
        list.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
    }

    fn pattern(&mut self, line: usize, rest: &str) -> Result<Pattern, PetrarchError> {
        let open = rest
            .find('[')
            .ok_or_else(|| self.error(line, format!("pattern {:?} has no [code]", rest.trim())))?;
        let code = self.code(line, &rest[open..])?;
        // A pattern coded with a TABARI marker is not read, so that a later pattern can match
        // ("* FXLL DIPLOMATIC [+++]" before "* DIPLOMATIC [064]").
        if code.code != "---" && !code.is_cameo() {
            return Err(self.error(
                line,
                format!("pattern code [{}] is no CAMEO code", code.code),
            ));
        }
        // Each whitespace chunk is one or more elements joined by "_".
        let mut elements: Vec<(Option<Element>, bool)> = Vec::new(); // None = the verb
        for chunk in rest[..open].split_whitespace() {
            let parts: Vec<&str> = chunk.split('_').filter(|p| !p.is_empty()).collect();
            for (k, part) in parts.iter().enumerate() {
                let element = match *part {
                    "*" => None,
                    "$" => Some(Element::Source),
                    "+" => Some(Element::Target),
                    "%" => Some(Element::Compound),
                    "^" => Some(Element::Skip),
                    p if p.starts_with('&') => Some(Element::Synset(synset_name(&p[1..]))),
                    p => Some(Element::Word(p.to_uppercase())),
                };
                elements.push((element, k > 0));
            }
        }
        let verbs: Vec<usize> = elements
            .iter()
            .enumerate()
            .filter(|(_, e)| e.0.is_none())
            .map(|(i, _)| i)
            .collect();
        if verbs.len() != 1 {
            return Err(self.error(
                line,
                format!(
                    "pattern {:?} must have exactly one '*' (the verb)",
                    rest[..open].trim()
                ),
            ));
        }
        let v = verbs[0];
        // Joins are stored on the element farther from the verb.
        let mut before = Vec::new();
        for i in (0..v).rev() {
            before.push(PatternElement {
                element: elements[i].0.clone().expect("not the verb"),
                joined: elements[i + 1].1,
            });
        }
        let after = (v + 1..elements.len())
            .map(|i| PatternElement {
                element: elements[i].0.clone().expect("not the verb"),
                joined: elements[i].1,
            })
            .collect();
        Ok(Pattern {
            before,
            after,
            code,
            line,
        })
    }

    fn expand_synsets(&mut self) -> Result<(), PetrarchError> {
        let raw: HashMap<String, (Vec<Vec<String>>, usize)> = self
            .raw_synsets
            .iter()
            .map(|(n, m, l)| (n.clone(), (m.clone(), *l)))
            .collect();
        for (name, (_, line)) in &raw {
            let mut out = Vec::new();
            expand(name, &raw, &mut Vec::new(), &mut out).map_err(|msg| self.error(*line, msg))?;
            self.dict.synsets.insert(name.clone(), out);
        }
        let mut undefined: Vec<String> = self
            .dict
            .blocks
            .iter()
            .flat_map(|b| b.patterns.iter())
            .flat_map(|p| p.before.iter().chain(p.after.iter()))
            .filter_map(|e| match &e.element {
                Element::Synset(n) if !self.dict.synsets.contains_key(n) => Some(n.clone()),
                _ => None,
            })
            .collect();
        undefined.sort();
        undefined.dedup();
        self.dict.undefined_synsets = undefined;
        Ok(())
    }
}

/// PETRARCH's logical lines, except that a `#` inside a `[code]` is part of the code (the
/// validation dictionary has `[###]`).
fn code_aware_lines(text: &str) -> Vec<(usize, String)> {
    const HASH_IN_CODE: char = '\u{1}';
    let mut protected = String::with_capacity(text.len());
    let mut in_code = false;
    for ch in text.chars() {
        match ch {
            '[' => in_code = true,
            ']' | '\n' => in_code = false,
            _ => {}
        }
        protected.push(if in_code && ch == '#' {
            HASH_IN_CODE
        } else {
            ch
        });
    }
    logical_lines(&protected)
        .into_iter()
        .map(|(n, l)| (n, l.replace(HASH_IN_CODE, "#")))
        .collect()
}

/// Expands a synset's members, nested synsets included; a cycle is an error.
fn expand(
    name: &str,
    raw: &HashMap<String, (Vec<Vec<String>>, usize)>,
    stack: &mut Vec<String>,
    out: &mut Vec<Vec<String>>,
) -> Result<(), String> {
    if stack.iter().any(|s| s == name) {
        return Err(format!("synset &{name} contains itself"));
    }
    let Some((members, _)) = raw.get(name) else {
        return Err(format!("synset &{name} is used but not defined"));
    };
    stack.push(name.to_string());
    for m in members {
        if m.len() == 1 && m[0].starts_with('&') {
            expand(&synset_name(&m[0][1..]), raw, stack, out)?;
        } else {
            out.push(m.clone());
        }
    }
    stack.pop();
    Ok(())
}

fn synset_name(s: &str) -> String {
    s.trim().trim_end_matches('_').to_uppercase()
}

/// The words of a phrase joined by spaces or `_`, upper-case.
fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_uppercase)
        .collect()
}

/// The words of a verb form and the index of the inflected word (marked `+`, else the first).
fn form_words(s: &str) -> (Vec<String>, usize) {
    let s = s.trim().trim_start_matches('+');
    let mut verb = 0;
    let mut words = Vec::new();
    for (i, w) in s
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        if let Some(v) = w.strip_prefix('+') {
            verb = i;
            words.push(v.to_uppercase());
        } else {
            words.push(w.to_uppercase());
        }
    }
    // A leading "+" marks the first word, which is the default anyway.
    (words, verb)
}

/// The base form and its regular -S, -ED and -ING forms, as PETRARCH generates them (no
/// consonant doubling: irregular spellings are listed in braces).
fn regular_forms(verb: &str) -> Vec<(String, &'static str)> {
    let mut out = vec![(verb.to_string(), "base")];
    let consonant_y = verb.len() > 1
        && verb.ends_with('Y')
        && !matches!(
            verb.as_bytes()[verb.len() - 2],
            b'A' | b'E' | b'I' | b'O' | b'U'
        );
    let stem = &verb[..verb.len().saturating_sub(1)];
    let s = if ["S", "SH", "CH", "X", "Z"]
        .iter()
        .any(|e| verb.ends_with(e))
    {
        format!("{verb}ES")
    } else if consonant_y {
        format!("{stem}IES")
    } else {
        format!("{verb}S")
    };
    let ed = if verb.ends_with('E') {
        format!("{verb}D")
    } else if consonant_y {
        format!("{stem}IED")
    } else {
        format!("{verb}ED")
    };
    let ing = if verb.ends_with('E') && verb.len() > 2 {
        format!("{stem}ING")
    } else {
        format!("{verb}ING")
    };
    out.push((s, "s"));
    out.push((ed, "ed"));
    out.push((ing, "ing"));
    out
}

/// An actor or agent phrase written with spaces between its words (`ITHILEN TELEVISION`): its
/// runs of `_`-joined words, each run upper-case.
pub type SpacedPhrase = Vec<Vec<String>>;

/// The phrases of an actor or agent dictionary whose words are separated by a space, where
/// other words may come between them (PETRARCH's documentation of the agent format, from
/// TABARI; a `_` keeps words adjacent). Entries, `+` synonyms and agents are read; substitution
/// sets (`!PERSON!`) are not.
pub fn spaced_phrases(text: &str) -> Vec<SpacedPhrase> {
    let mut out = Vec::new();
    for (_, line) in logical_lines(text) {
        if line.contains('!') {
            continue;
        }
        // "+TAIOAN_ +TAWIAN_": several synonyms on one line.
        for phrase in line.split(" +") {
            let end = phrase.find(['[', '{']).unwrap_or(phrase.len());
            let runs: SpacedPhrase = phrase[..end]
                .trim()
                .trim_start_matches('+')
                .split_whitespace()
                .map(words_of)
                .filter(|run| !run.is_empty())
                .collect();
            if runs.len() > 1 && !out.contains(&runs) {
                out.push(runs);
            }
        }
    }
    out
}

/// Phrases whose presence keeps a sentence from being coded.
#[derive(Debug, Clone, Default)]
pub struct Discards {
    /// Upper-case word sequences.
    pub phrases: Vec<Vec<String>>,
}

impl Discards {
    pub fn load(path: impl AsRef<Path>) -> Result<Discards, PetrarchError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| PetrarchError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let phrases = logical_lines(&text)
            .into_iter()
            .map(|(_, l)| words_of(l.trim_start_matches('+')))
            .filter(|w| !w.is_empty())
            .collect();
        Ok(Discards { phrases })
    }

    /// Whether the upper-case words contain a discard phrase.
    pub fn discards(&self, words: &[String]) -> bool {
        self.phrases
            .iter()
            .any(|p| words.windows(p.len()).any(|w| w == p.as_slice()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_inflections() {
        let f: Vec<String> = regular_forms("ACCUSE")
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        assert_eq!(f, ["ACCUSE", "ACCUSES", "ACCUSED", "ACCUSING"]);
        let f: Vec<String> = regular_forms("DENY").into_iter().map(|(w, _)| w).collect();
        assert_eq!(f, ["DENY", "DENIES", "DENIED", "DENYING"]);
        let f: Vec<String> = regular_forms("PUSH").into_iter().map(|(w, _)| w).collect();
        assert_eq!(f, ["PUSH", "PUSHES", "PUSHED", "PUSHING"]);
    }

    #[test]
    fn form_with_marked_verb() {
        assert_eq!(
            form_words("WIRE_+TAP"),
            (vec!["WIRE".to_string(), "TAP".to_string()], 1)
        );
        assert_eq!(
            form_words("+CORDON_OFF"),
            (vec!["CORDON".to_string(), "OFF".to_string()], 0)
        );
    }
}
