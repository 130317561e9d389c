//! One line of a pattern file: a trigger lemma, the conditions its dependents must meet, where
//! the target is, and the CAMEO/PLOVER code it yields. See `lexicon/events/README.md` for the
//! format; this module parses it and tests a pattern against a parsed sentence.

use crate::error::LexiconError;
use crate::ontology::{CameoInfo, Ontology};
use detente_core::SentenceTree;
// foldhash, not SipHash: these tables are looked up for every token.
use foldhash::{HashMap, HashSet, HashSetExt};
use std::sync::Arc;

/// The part of speech a trigger must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriggerPos {
    /// `V`: UPOS `VERB`, or an adjective heading its clause with a copula ("is *skeptical* of
    /// the plan"), whose arguments sit where a verb's do.
    Verb,
    /// `N`: UPOS `NOUN` — nominal events ("invasion", "talks").
    Noun,
}

impl TriggerPos {
    /// The trigger class of a UPOS tag, if words with that tag can trigger events.
    pub fn from_upos(upos: &str) -> Option<TriggerPos> {
        match upos {
            "VERB" => Some(TriggerPos::Verb),
            "NOUN" => Some(TriggerPos::Noun),
            _ => None,
        }
    }

    /// The trigger class of token `i` in its sentence: by its UPOS, and a predicate adjective
    /// (one with a copula) counts as a verb.
    pub fn of(tree: &SentenceTree, i: u32) -> Option<TriggerPos> {
        match tree.upos(i) {
            "ADJ" if tree.children(i).iter().any(|&c| tree.base_rel(c) == "cop") => Some(TriggerPos::Verb),
            upos => TriggerPos::from_upos(upos),
        }
    }

    fn parse(s: &str) -> Option<TriggerPos> {
        match s {
            "V" => Some(TriggerPos::Verb),
            "N" => Some(TriggerPos::Noun),
            _ => None,
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// A set of lemmas a dependent may have: `troop`, `talk|negotiation`, `@MIL` (a class from
/// `classes.tsv`) or a mix (`@TRUCE|withdrawal`).
#[derive(Debug, Clone)]
pub struct Term {
    /// As written in the pattern file.
    pub text: String,
    /// `None` for a bare `obj` / `xcomp`: any word.
    words: Option<Arc<HashSet<String>>>,
    /// `@NAME` is in the term: any proper noun ("called Lavrov").
    names: bool,
}

impl Term {
    /// Whether token `i` is in the set: by lemma, by lowercased form, by the form without a
    /// plural "s" or "es" or with "-ies" as "-y" (the lemmatiser leaves some plurals, such as
    /// "troops" and "supplies", as they are, and makes "embargoe" of "embargoes"), or as the
    /// end of a compound split at its hyphen ("cease-fire").
    pub fn matches(&self, tree: &SentenceTree, i: u32) -> bool {
        let Some(words) = &self.words else {
            return true;
        };
        let contains = |w: &str| {
            if w.bytes().any(|b| b.is_ascii_uppercase()) {
                words.contains(&w.to_ascii_lowercase())
            } else {
                words.contains(w)
            }
        };
        let form = tree.word(i);
        (self.names && tree.upos(i) == "PROPN")
            || contains(tree.lemma(i))
            || contains(form)
            || form.strip_suffix('s').is_some_and(contains)
            || form.strip_suffix("oes").is_some_and(|stem| contains(&format!("{stem}o")))
            || form.strip_suffix("ies").is_some_and(|stem| contains(&format!("{stem}y")))
            || hyphenated(tree, i).is_some_and(|joined| contains(&joined))
    }

    fn any(text: &str) -> Term {
        Term { text: text.to_string(), words: None, names: false }
    }

    /// The term matches one of `heads` or, where a head is a light noun ("a *round* of
    /// talks", "mediation *efforts*", "a new *package* of sanctions"), the word it quantifies.
    fn matches_any(&self, tree: &SentenceTree, heads: &[u32]) -> bool {
        heads.iter().any(|&h| {
            self.matches(tree, h)
                || (lemma_in(tree, h, LIGHT_NOUNS)
                    && tree.children(h).iter().any(|&c| {
                        (tree.deprel(c) == "compound"
                            || (tree.base_rel(c) == "nmod" && tree.case_marker(c).as_deref() == Some("of")))
                            && self.matches(tree, c)
                    }))
        })
    }
}

/// Whether token `i`'s lemma is one of `words` (lowercase), ASCII case aside.
fn lemma_in(tree: &SentenceTree, i: u32, words: &[&str]) -> bool {
    words.iter().any(|w| tree.lemma(i).eq_ignore_ascii_case(w))
}

/// A compound the tokenizer split at its hyphen, ending at token `i`: "cease-fire" for the "fire"
/// of "cease" "-" "fire".
fn hyphenated(tree: &SentenceTree, i: u32) -> Option<String> {
    if i < tree.first + 2 || tree.word(i - 1) != "-" {
        return None;
    }
    Some(format!("{}-{}", tree.word(i - 2), tree.word(i)).to_lowercase())
}

/// Nouns that carry little meaning of their own in an argument: the term is also tried on the
/// noun they quantify or are compounded with.
const LIGHT_NOUNS: &[&str] = &[
    "act",
    "effort",
    "attempt",
    "process",
    "bid",
    "initiative",
    "round",
    "agreement",
    "deal",
    "series",
    "wave",
    "package",
    "set",
    "kind",
    "form",
    "number",
    "host",
    "batch",
    "level",
    "hundred",
    "thousand",
    "dozen",
    "score",
    "group",
    "delivery",
    "shipment",
    "consignment",
    "shipload",
    "planeload",
    "convoy",
    "truck",
    "ton",
    "tonne",
    "million",
    "line",
    "plan",
    "hour",
    "state",
    // Quantifiers: "gave Armenia *some* of its equipment", "withdrew *most* of its troops".
    "some",
    "all",
    "most",
    "part",
    "half",
    "rest",
    "bulk",
    "portion",
    "much",
    "many",
    "several",
    // "defend every *inch* of its territory".
    "inch",
];

/// A condition on the trigger or its dependents. All of a pattern's constraints must hold.
#[derive(Debug, Clone)]
pub enum Constraint {
    /// `prt:LEMMA`: a phrasal-verb particle ("rule *out*").
    Particle(Term),
    /// `obj:TERM`: the object slot's head (or a conjunct of it) is in TERM; bare `obj`: there
    /// is an object.
    Object(Term),
    /// `prep:P` / `prep:P:TERM`: an oblique or nominal modifier introduced by P.
    Prep { markers: Vec<String>, head: Option<Term> },
    /// `xcomp:TERM`: a controlled clause ("agreed to *resume* talks") headed by TERM; bare
    /// `xcomp`: there is one.
    Xcomp(Term),
    /// `xcomp-obj:TERM`: the controlled clause's object (or a conjunct) is in TERM ("did not rule
    /// out using *force*").
    XcompObject(Term),
    /// `ccomp`: a clausal complement ("warned *that* ...").
    Ccomp,
    /// `head:TERM`: the trigger's own head is in TERM ("war" in "war *games*").
    Head(Term),
    /// `subj:TERM`: the subject's head (or a conjunct) is in TERM ("*troops* arrived").
    Subject(Term),
    /// `rel:REL`: the trigger's own relation, with subtype (`amod` for "Iranian-*backed*").
    Relation(String),
    /// `mod:TERM`: an adjectival, compound or adverbial modifier in TERM ("*peace* talks"); for a
    /// verb, of the verb or of a noun it governs ("held *joint* exercises").
    Modifier(Term),
    /// `neg` / `!neg`.
    Negated(bool),
    /// `pass` / `!pass`.
    Passive(bool),
}

/// Where an argument of the event is found, relative to the trigger.
#[derive(Debug, Clone, PartialEq)]
pub enum Slot {
    /// `obj`: the direct object; for a passive verb, its passive subject; for a noun, its "of"
    /// modifier or, failing that, a compound ("troop deployment").
    Object,
    /// `iobj`.
    IndirectObject,
    /// `nsubj`: the (active or passive) subject.
    Subject,
    /// `poss`: a possessor ("Ukraine's army").
    Possessor,
    /// `prep:P|Q`: an obl/nmod child introduced by one of the markers, first in text order; for
    /// a verb, also an nmod of its object ("imposed sanctions *on Iran*").
    Prep(Vec<String>),
    /// `xcomp-obj`: the object of the controlled clause ("agreed to *free* the hostages").
    XcompObject,
    /// `xcomp-prep:P|Q`: a phrase of the controlled clause (or of one it controls) introduced by
    /// one of the markers ("offered to (help) mediate *between* the two countries").
    XcompPrep(Vec<String>),
}

/// The complete description of one lexicon pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// `FILE:LINE`, e.g. `15.tsv:12` — the event's evidence names it.
    pub id: String,
    /// Lowercase lemma.
    pub trigger: String,
    pub pos: TriggerPos,
    pub constraints: Vec<Constraint>,
    /// Slots tried in order for the target; empty for `none`.
    pub target: Vec<Slot>,
    /// Where the source is when it is not the subject (or possessor of a noun); `None` leaves
    /// it to the coder.
    pub source: Option<Vec<Slot>>,
    pub cameo: &'static CameoInfo,
    pub plover_type: Option<String>,
    pub plover_mode: Option<String>,
    pub note: String,
    /// Position in load order, for ties in specificity.
    pub(crate) order: usize,
}

impl Pattern {
    /// The PLOVER type and mode, as the document model stores them.
    pub fn plover(&self) -> Option<detente_core::Plover> {
        self.plover_type
            .as_ref()
            .map(|t| detente_core::Plover { event_type: t.clone(), mode: self.plover_mode.clone() })
    }

    /// Whether every constraint holds at `trigger`.
    pub fn matches(&self, tree: &SentenceTree, trigger: u32) -> bool {
        all_hold(&self.constraints, tree, trigger, self.pos)
    }

    /// Whether the pattern requires a negated trigger: the negation is part of its meaning
    /// ("not rule out" → 036), so the event itself is not negated.
    pub fn absorbs_negation(&self) -> bool {
        self.constraints.iter().any(|c| matches!(c, Constraint::Negated(true)))
    }
}

/// A pattern line whose code is `none`: where it holds, the trigger reports no event ("Cold
/// War" is no fight). It competes with patterns by specificity like any other.
#[derive(Debug, Clone)]
pub struct Blocker {
    pub id: String,
    pub trigger: String,
    pub pos: TriggerPos,
    pub constraints: Vec<Constraint>,
    pub note: String,
    pub(crate) order: usize,
}

/// One parsed line: a pattern or a blocker.
pub(crate) enum Line {
    Pattern(Pattern),
    Blocker(Blocker),
}

/// Specificity, higher first: the number of constraints, then how many of them restrict a
/// word (carry a term).
pub(crate) fn specificity(constraints: &[Constraint]) -> (usize, usize) {
    let with_terms = constraints
        .iter()
        .filter(|c| match c {
            Constraint::Prep { head, .. } => head.is_some(),
            Constraint::Particle(t)
            | Constraint::Object(t)
            | Constraint::Xcomp(t)
            | Constraint::XcompObject(t)
            | Constraint::Modifier(t)
            | Constraint::Head(t)
            | Constraint::Subject(t) => t.words.is_some(),
            Constraint::Ccomp | Constraint::Negated(_) | Constraint::Passive(_) | Constraint::Relation(_) => false,
        })
        .count();
    (constraints.len(), with_terms)
}

pub(crate) fn all_hold(constraints: &[Constraint], tree: &SentenceTree, trigger: u32, pos: TriggerPos) -> bool {
    constraints.iter().all(|c| constraint_holds(c, tree, trigger, pos))
}

fn constraint_holds(c: &Constraint, tree: &SentenceTree, t: u32, pos: TriggerPos) -> bool {
    match c {
        Constraint::Particle(term) => {
            // The parser sometimes attaches a particle as advmod; accept it right after the verb.
            let attached = tree.children(t).iter().any(|&k| {
                (tree.deprel(k) == "compound:prt" || (tree.base_rel(k) == "advmod" && k > t && k <= t + 3)) && term.matches(tree, k)
            });
            // "handed over 30 vehicles": the particle read as "more than" on the object's number.
            let on_number = || {
                let k = t + 1;
                tree.tokens().contains(&k)
                    && tree.base_rel(k) == "advmod"
                    && term.matches(tree, k)
                    && tree.head(k).is_some_and(|n| tree.base_rel(n) == "nummod" && tree.head(n).and_then(|o| tree.head(o)) == Some(t))
            };
            attached
                || on_number()
                || particle_object(tree, t).is_some_and(|o| tree.children(o).iter().any(|&k| k == t + 1 && term.matches(tree, k)))
        }
        Constraint::Object(term) => {
            slot_heads(tree, t, &Slot::Object, pos).is_some_and(|heads| term.matches_any(tree, &heads))
        }
        Constraint::Prep { markers, head } => prep_children(tree, t, markers, pos).any(|k| match head {
            Some(term) => term.matches_any(tree, &tree.conjuncts(k)),
            None => true,
        }),
        // Also one level down, through an aspectual verb: "agreed to keep talking" has xcomp
        // "keep" and, under it, "talking".
        // A predicate noun may be light: "called it an *act* of war".
        Constraint::Xcomp(term) => clausal_complements(tree, t)
            .any(|k| term.matches_any(tree, &[k]) || tree.children_with(k, "xcomp").any(|g| term.matches(tree, g))),
        Constraint::XcompObject(term) => {
            clausal_complements(tree, t).filter_map(|x| tree.child_with(x, "obj")).any(|o| term.matches_any(tree, &tree.conjuncts(o)))
        }
        Constraint::Ccomp => tree.children(t).iter().any(|&k| tree.base_rel(k) == "ccomp"),
        Constraint::Head(term) => tree.head(t).is_some_and(|h| term.matches(tree, h)),
        Constraint::Subject(term) => {
            slot_heads(tree, t, &Slot::Subject, pos).is_some_and(|heads| term.matches_any(tree, &heads))
        }
        Constraint::Relation(rel) => tree.deprel(t) == rel || tree.base_rel(t) == rel,
        Constraint::Modifier(term) => {
            // The first word of a hyphenated compound ("*test*-fired"), however it is attached,
            // modifies the second.
            let hyphenated = |k: u32, h: u32| k + 2 == h && tree.word(k + 1) == "-";
            // An adjective in quotation marks after its noun is read as its apposition ("called
            // the decision “regrettable”").
            let quoted_adjective = |k: u32| tree.base_rel(k) == "appos" && tree.upos(k) == "ADJ";
            let modified = |h: u32| {
                tree.children(h).iter().any(|&k| {
                    (matches!(tree.base_rel(k), "amod" | "compound" | "advmod") || hyphenated(k, h) || quoted_adjective(k))
                        && tree.deprel(k) != "compound:prt"
                        && term.matches(tree, k)
                })
            };
            // A verb's modifier may sit on the noun it governs: "held *joint* exercises", "made a
            // *phone* call", "called for *military* cooperation".
            let arguments = || {
                tree.children(t).iter().copied().filter(|&k| matches!(tree.base_rel(k), "obj" | "obl" | "nsubj")).flat_map(|k| tree.conjuncts(k))
            };
            modified(t) || (pos == TriggerPos::Verb && arguments().any(modified))
        }
        Constraint::Negated(want) => is_negated(tree, t, pos) == *want,
        Constraint::Passive(want) => tree.is_passive(t) == *want,
    }
}

/// Whether the trigger is negated. A noun is also negated when it is the object (or passive
/// subject) of a negated support verb that only carries it ("did not *impose* sanctions", "no
/// talks were *held*") — not of a verb with a meaning of its own ("did not rule out talks").
pub(crate) fn is_negated(tree: &SentenceTree, t: u32, pos: TriggerPos) -> bool {
    if tree.is_negated(t) || is_refused(tree, t) {
        return true;
    }
    pos == TriggerPos::Noun
        && matches!(tree.deprel(t), "obj" | "nsubj:pass")
        && tree.head(t).is_some_and(|h| {
            tree.upos(h) == "VERB"
                && lemma_in(tree, h, SUPPORT_VERBS)
                && tree.is_negated(h)
        })
}

/// "refused to rule out talks" says what "did not rule out talks" says: the controlled clause of
/// a verb of refusal or avoidance is negated ("avoided attacking", "refrained from attacking").
fn is_refused(tree: &SentenceTree, t: u32) -> bool {
    let Some(h) = tree.head(t) else { return false };
    let lemma = tree.lemma(h).to_ascii_lowercase();
    match tree.base_rel(t) {
        "xcomp" => matches!(lemma.as_str(), "refuse" | "decline" | "fail" | "avoid" | "refrain" | "abstain"),
        "advcl" => {
            matches!(lemma.as_str(), "refrain" | "abstain" | "desist")
                && tree.children(t).iter().any(|&c| tree.base_rel(c) == "mark" && tree.word(c).eq_ignore_ascii_case("from"))
        }
        _ => false,
    }
}

/// "have yet to ratify it", "is yet to decide": what has not happened so far. Unlike a negation
/// it refuses nothing, so no `neg` pattern ("will not sign" → 127) matches it; the event is
/// simply not asserted.
pub(crate) fn is_pending(tree: &SentenceTree, t: u32) -> bool {
    tree.base_rel(t) == "xcomp"
        && tree.head(t).is_some_and(|h| {
            matches!(tree.lemma(h).to_ascii_lowercase().as_str(), "have" | "be")
                && tree.children(h).iter().any(|&c| tree.word(c).eq_ignore_ascii_case("yet"))
        })
}

/// Verbs that report a nominal event without adding meaning: negating them negates the event.
const SUPPORT_VERBS: &[&str] = &[
    "hold", "have", "impose", "launch", "conduct", "carry", "make", "take", "give", "stage", "mount", "wage", "sign",
    "reach", "issue", "announce", "declare", "begin", "start", "open", "attend", "join", "get", "receive", "provide",
    "deliver", "do", "commit", "pay", "level", "slap", "see", "continue", "resume", "renew", "intensify", "escalate", "press",
];

/// Controlled clauses: `xcomp` of a verb, or a "to"-infinitive `acl` of a noun ("a pledge to
/// withdraw"), or a gerund the parser made an adverbial clause right after the verb or its
/// particle, with no marker or comma between ("has not ruled out *using* force").
fn clausal_complements<'a>(tree: &'a SentenceTree, t: u32) -> impl Iterator<Item = u32> + 'a {
    tree.children(t).iter().copied().filter(move |&k| match tree.base_rel(k) {
        "xcomp" => true,
        "acl" => tree.has_mark(k, "to"),
        "advcl" => {
            let particle = |j: u32| tree.head(j) == Some(t) && tree.deprel(j) == "compound:prt";
            tree.syntax(k).xpos == "VBG"
                && !tree.has_any_mark(k)
                && (k == t + 1 || (k == t + 2 && particle(t + 1)))
        }
        _ => false,
    })
}

/// obl/nmod children introduced by one of `markers`; for a verb, its object's nmod children
/// after its own, and those of a participle describing the object ("lifted the ban *imposed
/// on* X").
fn prep_children<'a>(
    tree: &'a SentenceTree,
    t: u32,
    markers: &'a [String],
    pos: TriggerPos,
) -> impl Iterator<Item = u32> + 'a {
    let object = match pos {
        TriggerPos::Verb => tree.child_with(t, "obj"),
        TriggerPos::Noun => None,
    };
    let own = tree.children(t).iter().copied().filter(|&k| matches!(tree.base_rel(k), "obl" | "nmod"));
    let participle_obl = move |k: u32| {
        let participle = tree.base_rel(k) == "acl" && tree.syntax(k).xpos == "VBN";
        tree.children(k).iter().copied().filter(move |&g| participle && tree.base_rel(g) == "obl")
    };
    let of_object = object.into_iter().flat_map(move |o| {
        let nmods = tree.children(o).iter().copied().filter(move |&k| tree.base_rel(k) == "nmod");
        nmods.chain(tree.children(o).iter().copied().flat_map(participle_obl))
    });
    own.chain(of_object).filter(move |&k| {
        tree.deprel(k) != "nmod:poss"
            && !is_time_word(&tree.syntax(k).lemma)
            && tree.case_marker(k).is_some_and(|m| markers.iter().any(|p| p.as_str() == m.as_str()))
    })
}

/// Words naming a time, never a participant: "imposed sanctions on Iran *on Tuesday*" must
/// not look for the target in "on Tuesday". ("May" is left out: it is also a surname.)
fn is_time_word(lemma: &str) -> bool {
    const TIME_WORDS: [&str; 42] = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "day", "week", "weekend", "month", "year", "morning",
        "afternoon", "evening", "night", "hour", "eve", "anniversary",
    ];
    // "On Nov. 2": abbreviations keep their period.
    let word = lemma.strip_suffix('.').unwrap_or(lemma);
    TIME_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// The head(s) of a slot, conjuncts expanded, or `None` when the slot is empty.
pub(crate) fn slot_heads(tree: &SentenceTree, t: u32, slot: &Slot, pos: TriggerPos) -> Option<Vec<u32>> {
    let head = match slot {
        Slot::Object => match pos {
            TriggerPos::Verb => double_object(tree, t)
                .map(|(_, direct)| direct)
                .or_else(|| tree.child_with(t, "obj"))
                .or_else(|| tree.child_with(t, "nsubj:pass"))
                .or_else(|| particle_object(tree, t))
                .or_else(|| shared_object(tree, t))
                // "urged Washington to stop …" parsed with Washington as a lone `iobj`: an
                // indirect object needs a direct one, so a lone one is the object.
                .or_else(|| tree.child_with(t, "iobj")),
            TriggerPos::Noun => {
                let of = ["of".to_string()];
                let found = prep_children(tree, t, &of, pos).next();
                found.or_else(|| tree.children(t).iter().copied().find(|&k| tree.deprel(k) == "compound"))
            }
        },
        Slot::IndirectObject => tree.child_with(t, "iobj").or_else(|| double_object(tree, t).map(|(indirect, _)| indirect)),
        Slot::Subject => tree.child_with(t, "nsubj"),
        Slot::Possessor => tree.child_with(t, "nmod:poss"),
        Slot::Prep(markers) => prep_children(tree, t, markers, pos).next(),
        Slot::XcompObject => clausal_complements(tree, t).find_map(|x| tree.child_with(x, "obj")),
        // Through a chain of controlled clauses: "offered to help *mediate between* …".
        Slot::XcompPrep(markers) => {
            let mut clauses: Vec<u32> = clausal_complements(tree, t).collect();
            let mut found = None;
            while let Some(x) = clauses.pop() {
                found = prep_children(tree, x, markers, TriggerPos::Verb).next();
                if found.is_some() {
                    break;
                }
                clauses.extend(clausal_complements(tree, x));
            }
            found
        }
    }?;
    Some(tree.conjuncts(head))
}

/// A double-object verb the parser read as two objects, or as an object and an unmarked oblique
/// ("granted Egypt a loan"): (indirect, direct). The recipient is a name or a pronoun; after a
/// common noun the second noun is a measure ("violated the ceasefire *80 times*"), and a time
/// noun is never an object ("met Lavrov *Monday*").
fn double_object(tree: &SentenceTree, t: u32) -> Option<(u32, u32)> {
    let first = tree.child_with(t, "obj").filter(|&o| matches!(tree.upos(o), "PROPN" | "PRON"))?;
    let second = tree.children(t).iter().copied().find(|&k| {
        k > first
            && (tree.deprel(k) == "obj" || (tree.deprel(k) == "obl:unmarked" && tree.upos(k) == "NOUN"))
            && !is_time_word(&tree.syntax(k).lemma)
    })?;
    Some((first, second))
}

/// "called off the strike" parsed as "called [off the strike]": an oblique right after the verb
/// whose "preposition" is a particle word is the phrasal verb's object.
fn particle_object(tree: &SentenceTree, t: u32) -> Option<u32> {
    tree.children(t).iter().copied().find(|&c| {
        tree.base_rel(c) == "obl"
            && tree.children(c).iter().any(|&k| {
                k == t + 1 && tree.base_rel(k) == "case" && matches!(tree.word(k).to_ascii_lowercase().as_str(), "off" | "down" | "over" | "up" | "out" | "back")
            })
    })
}

/// "rejects and condemns the decision": a verb with no complement of its own shares the
/// object of the verb conjoined to it.
fn shared_object(tree: &SentenceTree, t: u32) -> Option<u32> {
    let complement = |k: u32| matches!(tree.base_rel(k), "obj" | "ccomp" | "xcomp" | "obl" | "iobj");
    if tree.children(t).iter().any(|&k| complement(k)) {
        return None;
    }
    let conj = tree.children(t).iter().copied().find(|&k| tree.base_rel(k) == "conj" && tree.upos(k) == "VERB")?;
    tree.child_with(conj, "obj")
}

/// Heads of the first non-empty slot of `slots`.
pub(crate) fn first_slot_heads(tree: &SentenceTree, t: u32, slots: &[Slot], pos: TriggerPos) -> Vec<u32> {
    slots.iter().find_map(|s| slot_heads(tree, t, s, pos)).unwrap_or_default()
}

/// Word classes from `classes.tsv`, by name.
pub(crate) type Classes = HashMap<String, Arc<HashSet<String>>>;

/// Parses one pattern line. `file` and `line` only serve error messages and the id.
pub(crate) fn parse_line(
    text: &str,
    file: &str,
    line: usize,
    classes: &Classes,
    ontology: &'static Ontology,
    order: usize,
) -> Result<Line, LexiconError> {
    let err = |m: String| LexiconError::line(file, line, m);
    let fields: Vec<&str> = text.split('\t').map(str::trim).filter(|f| !f.is_empty()).collect();
    if fields.len() < 6 {
        return Err(err(format!(
            "expected tab-separated columns: trigger pos constraints target cameo plover [note], found {}",
            fields.len()
        )));
    }
    let trigger = fields[0];
    if trigger.chars().any(|c| c.is_uppercase() || c.is_whitespace()) {
        return Err(err(format!("trigger {trigger:?} must be a lowercase lemma")));
    }
    let pos = TriggerPos::parse(fields[1]).ok_or_else(|| err(format!("bad pos {:?} (V or N)", fields[1])))?;
    let mut constraints = Vec::new();
    if fields[2] != "-" {
        for spec in fields[2].split_whitespace() {
            constraints.push(parse_constraint(spec, classes).map_err(&err)?);
        }
    }
    if fields[4] == "none" {
        if fields[3] != "-" || fields[5] != "-" {
            return Err(err("a blocker (cameo none) has target - and plover -".to_string()));
        }
        return Ok(Line::Blocker(Blocker {
            id: format!("{file}:{line}"),
            trigger: trigger.to_string(),
            pos,
            constraints,
            note: fields[6..].join(" "),
            order,
        }));
    }
    let (target_spec, source_spec) = match fields[3].split_once(";source=") {
        Some((t, s)) => (t, Some(s)),
        None => (fields[3], None),
    };
    let target = match target_spec {
        "-" => match pos {
            TriggerPos::Verb => vec![Slot::Object],
            TriggerPos::Noun => vec![Slot::Prep(["of", "on", "against", "with", "to"].map(String::from).to_vec())],
        },
        "none" => Vec::new(),
        spec => parse_slots(spec).map_err(&err)?,
    };
    let source = source_spec.map(parse_slots).transpose().map_err(&err)?;
    let cameo = ontology.get(fields[4]).map_err(|e| err(e.to_string()))?;
    let (plover_type, plover_mode) = match fields[5] {
        "-" => (cameo.plover_type.clone(), cameo.plover_mode.clone()),
        spec => {
            let (t, m) = match spec.split_once('/') {
                Some((t, m)) => (t, Some(m)),
                None => (spec, None),
            };
            if !ontology.is_plover_type(t) {
                return Err(err(format!("unknown PLOVER type {t:?}")));
            }
            if let Some(m) = m {
                if !ontology.is_plover_mode(t, m) {
                    return Err(err(format!("unknown mode {m:?} for PLOVER type {t}")));
                }
            }
            (Some(t.to_string()), m.map(str::to_string))
        }
    };
    Ok(Line::Pattern(Pattern {
        id: format!("{file}:{line}"),
        trigger: trigger.to_string(),
        pos,
        constraints,
        target,
        source,
        cameo,
        plover_type,
        plover_mode,
        note: fields[6..].join(" "),
        order,
    }))
}

fn parse_constraint(spec: &str, classes: &Classes) -> Result<Constraint, String> {
    let term = |t: &str| parse_term(t, classes);
    Ok(match spec.split_once(':') {
        None => match spec {
            "neg" => Constraint::Negated(true),
            "!neg" => Constraint::Negated(false),
            "pass" => Constraint::Passive(true),
            "!pass" => Constraint::Passive(false),
            "ccomp" => Constraint::Ccomp,
            "obj" => Constraint::Object(Term::any(spec)),
            "xcomp" => Constraint::Xcomp(Term::any(spec)),
            _ => {
                return Err(format!("bad constraint {spec:?} (neg, !neg, pass, !pass, ccomp, obj, xcomp, or KIND:ARG)"))
            }
        },
        Some(("prt", t)) => Constraint::Particle(term(t)?),
        Some(("obj", t)) => Constraint::Object(term(t)?),
        Some(("xcomp", t)) => Constraint::Xcomp(term(t)?),
        Some(("xcomp-obj", t)) => Constraint::XcompObject(term(t)?),
        Some(("mod", t)) => Constraint::Modifier(term(t)?),
        Some(("head", t)) => Constraint::Head(term(t)?),
        Some(("subj", t)) => Constraint::Subject(term(t)?),
        Some(("rel", r)) if !r.is_empty() && r.bytes().all(|b| b.is_ascii_lowercase() || b == b':') => {
            Constraint::Relation(r.to_string())
        }
        Some(("rel", r)) => return Err(format!("bad relation {r:?} (a lowercase UD relation: amod, nsubj:pass)")),
        Some(("prep", rest)) => {
            let (markers, head) = match rest.split_once(':') {
                Some((p, t)) => (p, Some(term(t)?)),
                None => (rest, None),
            };
            Constraint::Prep { markers: parse_markers(markers)?, head }
        }
        Some((kind, _)) => {
            return Err(format!(
                "bad constraint {spec:?}: unknown kind {kind:?} (prt, obj, subj, prep, xcomp, xcomp-obj, mod, head, rel)"
            ))
        }
    })
}

/// `a|b|@CLASS|...`: lemmas and classes, united; `@NAME` stands for any proper noun.
fn parse_term(text: &str, classes: &Classes) -> Result<Term, String> {
    let mut words = HashSet::new();
    let mut names = false;
    for part in text.split('|') {
        if part == "@NAME" {
            names = true;
        } else if let Some(name) = part.strip_prefix('@') {
            let class = classes.get(name).ok_or_else(|| format!("unknown class @{name} (not in classes.tsv)"))?;
            words.extend(class.iter().cloned());
        } else if part.is_empty() || part.chars().any(char::is_uppercase) {
            return Err(format!("bad term {text:?}: lowercase lemmas and @CLASSes separated by |"));
        } else {
            words.insert(part.to_string());
        }
    }
    Ok(Term { text: text.to_string(), words: Some(Arc::new(words)), names })
}

/// `with|against`; a multi-word marker is written with `_` ("because_of").
fn parse_markers(text: &str) -> Result<Vec<String>, String> {
    let markers: Vec<String> = text.split('|').map(|m| m.replace('_', " ")).collect();
    if markers.iter().any(|m| m.is_empty() || m.chars().any(char::is_uppercase)) {
        return Err(format!("bad preposition list {text:?}: lowercase words separated by |"));
    }
    Ok(markers)
}

fn parse_slots(spec: &str) -> Result<Vec<Slot>, String> {
    spec.split(',')
        .map(|s| match s {
            "obj" => Ok(Slot::Object),
            "iobj" => Ok(Slot::IndirectObject),
            "nsubj" => Ok(Slot::Subject),
            "poss" => Ok(Slot::Possessor),
            "xcomp-obj" => Ok(Slot::XcompObject),
            _ => match (s.strip_prefix("prep:"), s.strip_prefix("xcomp-prep:")) {
                (Some(p), _) => Ok(Slot::Prep(parse_markers(p)?)),
                (_, Some(p)) => Ok(Slot::XcompPrep(parse_markers(p)?)),
                _ => Err(format!("bad slot {s:?} (obj, iobj, nsubj, poss, xcomp-obj, prep:P, xcomp-prep:P, or none / - alone)")),
            },
        })
        .collect()
}
