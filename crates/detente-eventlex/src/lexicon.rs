//! The event lexicon: every pattern file loaded, indexed by trigger lemma, and the matcher that
//! picks the most specific pattern holding at a trigger.

use crate::error::LexiconError;
use crate::ontology::Ontology;
use crate::pattern::{self, Blocker, Classes, Constraint, Line, Pattern, TriggerPos};
use detente_core::SentenceTree;
// foldhash, not SipHash: these tables are looked up for every token.
use foldhash::{HashMap, HashMapExt, HashSet};
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// The shipped lexicon files, embedded: `(name, text)`.
const BUILTIN_CLASSES: &str = include_str!("../../../lexicon/events/classes.tsv");
const BUILTIN_FORMS: &str = include_str!("../../../lexicon/events/forms.tsv");
const BUILTIN_PATTERNS: [(&str, &str); 20] = [
    ("01.tsv", include_str!("../../../lexicon/events/patterns/01.tsv")),
    ("02.tsv", include_str!("../../../lexicon/events/patterns/02.tsv")),
    ("03.tsv", include_str!("../../../lexicon/events/patterns/03.tsv")),
    ("04.tsv", include_str!("../../../lexicon/events/patterns/04.tsv")),
    ("05.tsv", include_str!("../../../lexicon/events/patterns/05.tsv")),
    ("06.tsv", include_str!("../../../lexicon/events/patterns/06.tsv")),
    ("07.tsv", include_str!("../../../lexicon/events/patterns/07.tsv")),
    ("08.tsv", include_str!("../../../lexicon/events/patterns/08.tsv")),
    ("09.tsv", include_str!("../../../lexicon/events/patterns/09.tsv")),
    ("10.tsv", include_str!("../../../lexicon/events/patterns/10.tsv")),
    ("11.tsv", include_str!("../../../lexicon/events/patterns/11.tsv")),
    ("12.tsv", include_str!("../../../lexicon/events/patterns/12.tsv")),
    ("13.tsv", include_str!("../../../lexicon/events/patterns/13.tsv")),
    ("14.tsv", include_str!("../../../lexicon/events/patterns/14.tsv")),
    ("15.tsv", include_str!("../../../lexicon/events/patterns/15.tsv")),
    ("16.tsv", include_str!("../../../lexicon/events/patterns/16.tsv")),
    ("17.tsv", include_str!("../../../lexicon/events/patterns/17.tsv")),
    ("18.tsv", include_str!("../../../lexicon/events/patterns/18.tsv")),
    ("19.tsv", include_str!("../../../lexicon/events/patterns/19.tsv")),
    ("20.tsv", include_str!("../../../lexicon/events/patterns/20.tsv")),
];

/// The event lexicon: patterns by trigger, most specific first.
#[derive(Debug)]
pub struct EventLexicon {
    patterns: Vec<Pattern>,
    blockers: Vec<Blocker>,
    /// Lemma → candidates for verbs and for nouns (`TriggerPos::index`), sorted by
    /// specificity then load order.
    by_trigger: HashMap<String, [Candidates; 2]>,
    /// Lemmatiser output → the lemma the patterns use ("met" → "meet").
    forms: HashMap<String, String>,
}

/// An entry of the trigger index: a pattern or a blocker, by index.
#[derive(Debug, Clone, Copy)]
enum Candidate {
    Pattern(usize),
    Blocker(usize),
}

/// The candidates of one trigger, each with the range of its constraints, copied side by side:
/// trying them reads one array instead of chasing a pointer (a cache miss) per pattern.
#[derive(Debug, Default)]
struct Candidates {
    list: Vec<(Candidate, Range<usize>)>,
    constraints: Vec<Constraint>,
}

/// No candidates, for a word that is no trigger.
static NO_CANDIDATES: Candidates = Candidates { list: Vec::new(), constraints: Vec::new() };

/// The pattern that holds at a trigger, with the heads of its target slot.
#[derive(Debug, Clone)]
pub struct PatternMatch<'l> {
    pub pattern: &'l Pattern,
    /// Document token indices of the target slot's head(s), conjuncts expanded; empty when
    /// the pattern has no target or the slot is empty.
    pub target_heads: Vec<u32>,
    /// Heads of the pattern's source slot when it overrides the default (the subject).
    pub source_heads: Option<Vec<u32>>,
    /// The event is negated: the trigger is ("did not meet", "no invasion", "did not impose
    /// sanctions") and the pattern does not make the negation part of its meaning — "did not
    /// rule out a meeting" matches `rule prt:out neg` → 036 and is *not* negated.
    pub negated: bool,
    /// The trigger is negated, whatever the pattern makes of it.
    pub trigger_negated: bool,
}

impl EventLexicon {
    /// The shipped lexicon (`lexicon/events/`, embedded), loaded once.
    pub fn builtin() -> &'static EventLexicon {
        static BUILTIN: OnceLock<EventLexicon> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            EventLexicon::from_sources(BUILTIN_CLASSES, BUILTIN_FORMS, &BUILTIN_PATTERNS)
                .unwrap_or_else(|e| panic!("the embedded event lexicon is invalid: {e}"))
        })
    }

    /// Loads a lexicon directory laid out like `lexicon/events/`: `classes.tsv`, optional
    /// `forms.tsv`, and `patterns/*.tsv` in file-name order.
    pub fn load_dir(dir: &Path) -> Result<EventLexicon, LexiconError> {
        let read = |path: &Path| {
            std::fs::read_to_string(path)
                .map_err(|e| LexiconError::Io { path: path.to_path_buf(), message: e.to_string() })
        };
        let classes = read(&dir.join("classes.tsv"))?;
        let forms_path = dir.join("forms.tsv");
        let forms = if forms_path.exists() { read(&forms_path)? } else { String::new() };
        let patterns_dir = dir.join("patterns");
        let listing = std::fs::read_dir(&patterns_dir)
            .map_err(|e| LexiconError::Io { path: patterns_dir.clone(), message: e.to_string() })?;
        let mut files = Vec::new();
        for entry in listing {
            let path =
                entry.map_err(|e| LexiconError::Io { path: patterns_dir.clone(), message: e.to_string() })?.path();
            if path.extension().is_some_and(|x| x == "tsv") {
                files.push(path);
            }
        }
        if files.is_empty() {
            return Err(LexiconError::Io { path: patterns_dir, message: "no pattern files (*.tsv)".to_string() });
        }
        files.sort();
        let mut sources = Vec::new();
        for path in &files {
            let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            sources.push((name, read(path)?));
        }
        let refs: Vec<(&str, &str)> = sources.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
        EventLexicon::from_sources(&classes, &forms, &refs)
    }

    /// Builds a lexicon from file contents: `patterns` as `(file name, text)` in load order.
    pub fn from_sources(classes: &str, forms: &str, patterns: &[(&str, &str)]) -> Result<EventLexicon, LexiconError> {
        let ontology = Ontology::builtin();
        let classes = parse_classes(classes)?;
        let forms = parse_forms(forms)?;
        let mut all = Vec::new();
        let mut blockers = Vec::new();
        let mut lists: HashMap<String, [Vec<Candidate>; 2]> = HashMap::new();
        for (file, text) in patterns {
            for (n, line) in text.lines().enumerate() {
                let content = line.trim();
                if content.is_empty() || content.starts_with('#') {
                    continue;
                }
                let order = all.len() + blockers.len();
                let (trigger, pos, candidate) = match pattern::parse_line(line, file, n + 1, &classes, ontology, order)?
                {
                    Line::Pattern(p) => {
                        all.push(p);
                        let p = &all[all.len() - 1];
                        (p.trigger.clone(), p.pos, Candidate::Pattern(all.len() - 1))
                    }
                    Line::Blocker(b) => {
                        blockers.push(b);
                        let b = &blockers[blockers.len() - 1];
                        (b.trigger.clone(), b.pos, Candidate::Blocker(blockers.len() - 1))
                    }
                };
                lists.entry(trigger).or_default()[pos.index()].push(candidate);
            }
        }
        let constraints_of = |c: &Candidate| match *c {
            Candidate::Pattern(i) => &all[i].constraints,
            Candidate::Blocker(i) => &blockers[i].constraints,
        };
        let rank = |c: &Candidate| {
            let order = match *c {
                Candidate::Pattern(i) => all[i].order,
                Candidate::Blocker(i) => blockers[i].order,
            };
            (std::cmp::Reverse(pattern::specificity(constraints_of(c))), order)
        };
        let gather = |mut list: Vec<Candidate>| {
            list.sort_by_key(rank);
            let mut gathered = Candidates::default();
            for c in list {
                let start = gathered.constraints.len();
                gathered.constraints.extend_from_slice(constraints_of(&c));
                gathered.list.push((c, start..gathered.constraints.len()));
            }
            gathered
        };
        let by_trigger = lists.into_iter().map(|(trigger, [verbs, nouns])| (trigger, [gather(verbs), gather(nouns)])).collect();
        Ok(EventLexicon { patterns: all, blockers, by_trigger, forms })
    }

    /// Every pattern, in load order.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// Every blocker (`cameo` column `none`), in load order.
    pub fn blockers(&self) -> &[Blocker] {
        &self.blockers
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Whether any pattern has this trigger lemma and part of speech: one hash lookup (two
    /// when the lemma is a known lemmatiser slip listed in `forms.tsv`).
    pub fn is_trigger(&self, lemma: &str, pos: TriggerPos) -> bool {
        !self.candidates(lemma, pos).list.is_empty()
    }

    /// The patterns for a trigger, most specific first (blockers left out).
    pub fn patterns_for(&self, lemma: &str, pos: TriggerPos) -> impl Iterator<Item = &Pattern> {
        self.candidates(lemma, pos).list.iter().filter_map(|(c, _)| match *c {
            Candidate::Pattern(i) => Some(&self.patterns[i]),
            Candidate::Blocker(_) => None,
        })
    }

    fn candidates(&self, lemma: &str, pos: TriggerPos) -> &Candidates {
        let lowered;
        let key = if lemma.bytes().any(|b| b.is_ascii_uppercase()) {
            lowered = lemma.to_ascii_lowercase();
            lowered.as_str()
        } else {
            lemma
        };
        let direct = self.by_trigger.get(key).map_or(&NO_CANDIDATES, |l| &l[pos.index()]);
        if !direct.list.is_empty() {
            return direct;
        }
        self.forms
            .get(key)
            .and_then(|lemma| self.by_trigger.get(lemma))
            .map_or(&NO_CANDIDATES, |l| &l[pos.index()])
    }

    /// The most specific pattern whose constraints all hold at token `trigger` (a document
    /// token index inside `tree`'s sentence), or `None` when the word is no trigger: it is no
    /// verb, noun or predicate adjective, no pattern holds, or the most specific line that holds is a
    /// blocker.
    pub fn best_match<'l>(&'l self, tree: &SentenceTree, trigger: u32) -> Option<PatternMatch<'l>> {
        let pos = TriggerPos::of(tree, trigger)?;
        let candidates = self.candidates(tree.lemma(trigger), pos);
        let (winner, _) = candidates
            .list
            .iter()
            .find(|(_, range)| pattern::all_hold(&candidates.constraints[range.clone()], tree, trigger, pos))?;
        let Candidate::Pattern(index) = *winner else {
            return None;
        };
        let pattern = &self.patterns[index];
        let trigger_negated = pattern::is_negated(tree, trigger, pos);
        Some(PatternMatch {
            pattern,
            target_heads: pattern::first_slot_heads(tree, trigger, &pattern.target, pos),
            source_heads: pattern.source.as_ref().map(|s| pattern::first_slot_heads(tree, trigger, s, pos)),
            negated: (trigger_negated && !pattern.absorbs_negation()) || pattern::is_pending(tree, trigger),
            trigger_negated,
        })
    }
}

/// `CLASS<TAB>lemma lemma ...`; a class may continue on further lines with the same name.
fn parse_classes(text: &str) -> Result<Classes, LexiconError> {
    let mut sets: HashMap<String, HashSet<String>> = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let content = line.trim();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let err = |m: String| LexiconError::line("classes.tsv", n + 1, m);
        let (name, words) =
            line.split_once('\t').ok_or_else(|| err("expected CLASS<TAB>lemma lemma ...".to_string()))?;
        let name = name.trim();
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_') {
            return Err(err(format!("bad class name {name:?} (uppercase letters, digits, _)")));
        }
        let set = sets.entry(name.to_string()).or_default();
        for word in words.split_whitespace() {
            if word.chars().any(char::is_uppercase) {
                return Err(err(format!("class {name}: {word:?} must be a lowercase lemma")));
            }
            set.insert(word.to_string());
        }
    }
    Ok(sets.into_iter().map(|(k, v)| (k, Arc::new(v))).collect())
}

/// `form<TAB>lemma`: what the lemmatiser sometimes outputs, and the lemma patterns use.
fn parse_forms(text: &str) -> Result<HashMap<String, String>, LexiconError> {
    let mut forms = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let content = line.trim();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = content.split('\t').map(str::trim).filter(|f| !f.is_empty()).collect();
        match fields.as_slice() {
            [form, lemma] if !form.chars().any(char::is_uppercase) && !lemma.chars().any(char::is_uppercase) => {
                forms.insert(form.to_string(), lemma.to_string());
            }
            _ => return Err(LexiconError::line("forms.tsv", n + 1, "expected form<TAB>lemma, both lowercase")),
        }
    }
    Ok(forms)
}
