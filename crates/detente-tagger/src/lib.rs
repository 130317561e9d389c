//! Detente's part-of-speech tagger, morphological features and lemmatiser.
//!
//! Trained on Universal Dependencies English (EWT + GUM), it fills the
//! `upos`, `xpos`, `feats` and `lemma` of [`detente_core::WordSyntax`] for
//! already tokenised sentences (UD words: contractions split).
//!
//! ```no_run
//! # use detente_tagger::Tagger;
//! let tagger = Tagger::load("models/tagger-en-v1.bin".as_ref())?;
//! for word in tagger.tag(&["Troops", "massed", "on", "the", "border", "."]) {
//!     println!("{} {} {} {}", word.upos, word.xpos, word.feats, word.lemma);
//! }
//! # Ok::<(), detente_tagger::ModelError>(())
//! ```
//!
//! Three stages per sentence, each chosen for speed at a good accuracy:
//! 1. **Tags**: greedy averaged-perceptron decoding of the joint class
//!    "XPOS+UPOS" (UPOS mostly follows XPOS, but "has" is AUX or VERB by
//!    context, so the pair is one decision), in two left-to-right passes: the
//!    second also sees the first pass's tags of the next two words.
//!    Features are the word, its affixes and shape, the neighbours ±2, the
//!    sentence's capitalisation, the previous two predicted tags, and the
//!    *ambiguity classes* (tags seen in training) of the word and the next
//!    words. Frequent words that training saw with a single tag skip the
//!    classifier.
//! 2. **UFeats**: a second perceptron choosing among the feature bundles seen
//!    with the predicted tag. Most tags have one bundle (NNS → Number=Plur),
//!    most words one bundle per tag ("he"/PRP); the rest (a past-tense verb's
//!    Person and Number) use the word and its left context.
//! 3. **Lemmas**: see [`Tagger::lemma`]: exception lexicon, learned suffix
//!    rewrites, English inflection rules.
//!
//! Speed comes from data layout: features are hashed `u64`s (no allocation
//! per feature) looked up in an open-addressing table whose slot holds the
//! feature's weight row directly; rows are sparse `(class, i16)` lists or,
//! for frequent features, dense `i16` arrays added with vector instructions;
//! lookups are prefetched in batches so their cache misses overlap. Both
//! passes share one table, so a word-only feature is looked up once.
//!
//! [`jackknife`] tags a training treebank fold by fold with taggers that
//! never saw the fold: the parser trains on those tags too, so that it
//! expects the tagger's mistakes.

mod features;
mod jackknife;
mod lemma;
mod linear;
mod model;
mod names;
mod train;

pub use jackknife::{jackknife, JackknifeError, JackknifeEvent};
pub use model::{ModelError, FORMAT_VERSION};
pub use names::KnownNames;
pub use train::{train, TrainConfig, TrainEvent};

use detente_conllu::ConlluSentence;
use features::{
    analyse, feats_features, history_features, lookahead_features, static_features, tag_value,
    Lexicon, TagDict, WordInfo, PAD,
};
use lemma::Lemmatiser;
use linear::Weights;
use serde::{Deserialize, Serialize};

/// One word's predicted morphosyntax; the tag strings borrow from the model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaggedWord<'t> {
    pub upos: &'t str,
    pub xpos: &'t str,
    /// UD features (`Name=Value|...`), `_` when none.
    pub feats: &'t str,
    pub lemma: String,
}

/// Accuracy in percent over all words of a gold treebank.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TagScores {
    pub upos: f64,
    pub xpos: f64,
    /// All features of a word exactly right.
    pub ufeats: f64,
    pub lemma: f64,
    pub words: usize,
}

/// A joint tagger class.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct TagClass {
    xpos: String,
    upos: String,
}

/// The trained model, as stored (after the file header).
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Model {
    classes: Vec<TagClass>,
    dict: TagDict,
    /// Both tagging passes in one table: classes `0..C` score pass 1 (left
    /// to right, left context from its own decisions), classes `C..2C` pass 2
    /// (left to right again, also seeing pass 1's tags of the next two
    /// words). Sharing rows means a word-only feature is looked up once for
    /// both passes.
    tag_weights: Weights,
    /// Every feature bundle, most frequent first.
    feats: Vec<String>,
    /// For each tag class, the bundles it was seen with, most frequent first.
    feats_candidates: Vec<Vec<u16>>,
    /// `feats_key(form, class)` → bundle, for words that always had the same
    /// bundle with that tag ("year"/NN, "he"/PRP): they skip the classifier,
    /// which is left with the words whose bundle depends on context (a
    /// past-tense verb's Person and Number).
    feats_dict: Lexicon,
    feats_weights: Weights,
    lemmatiser: Lemmatiser,
}

/// Tags whose word can be the subject a finite verb agrees with.
fn is_nominal(xpos: &str) -> bool {
    matches!(
        xpos,
        "PRP" | "NN" | "NNS" | "NNP" | "NNPS" | "EX" | "WP" | "WDT" | "CD" | "DT"
    )
}

/// How far back to look for a verb's subject.
const SUBJECT_WINDOW: usize = 8;

/// The nearest preceding nominal word of padded position `i`.
fn subject_of(tags: &[u16], nominal: &[bool], i: usize) -> Option<usize> {
    (i.saturating_sub(SUBJECT_WINDOW).max(PAD)..i)
        .rev()
        .find(|&j| nominal[tags[j - PAD] as usize])
}

/// The part-of-speech tagger, feature predictor and lemmatiser.
#[derive(Clone, Debug)]
pub struct Tagger {
    description: String,
    model: Model,
    /// Per class: [`is_nominal`] of its XPOS.
    nominal: Vec<bool>,
    /// Per class: what [`Tagger::give_a_predicate`] needs to know of it.
    roles: Vec<Role>,
    /// The classes VERB/VBN and VERB/VBD, when the model has both.
    predicate_classes: Option<PredicateClasses>,
    /// The classes PROPN/NNP and NOUN/NNS, for [`Tagger::mark_acronyms`] and
    /// [`Tagger::read_plurals_before_verbs`].
    proper_noun: Option<u16>,
    plural_noun: Option<u16>,
    /// The class ADJ/JJ, for [`Tagger::read_acting_titles`] and the country adjectives of
    /// [`Tagger::read_known_names`].
    adjective: Option<u16>,
    perfect: Option<PerfectClasses>,
    /// Multi-word names whose words are proper nouns, from [`Tagger::set_known_names`].
    known_names: KnownNames,
}

/// A tag class's part in finding a sentence's predicate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// A finite verb or modal (VBD, VBZ, VBP, MD).
    Finite,
    Comma,
    /// A relative pronoun or determiner (WP, WDT).
    Relative,
    /// A subordinating conjunction ("if", "because", "while"): UPOS SCONJ.
    Subordinator,
    Other,
}

impl Role {
    fn of(upos: &str, xpos: &str) -> Role {
        match xpos {
            "VBD" | "VBZ" | "VBP" | "MD" => Role::Finite,
            "," => Role::Comma,
            "WP" | "WDT" => Role::Relative,
            _ if upos == "SCONJ" => Role::Subordinator,
            _ => Role::Other,
        }
    }
}

/// The classes of a perfect with "since" between auxiliary and participle ("have *since* fled"):
/// ADV/RB and the auxiliary's AUX/VBP, AUX/VBZ, AUX/VBD.
#[derive(Clone, Copy, Debug)]
struct PerfectClasses {
    adverb: u16,
    have: u16,
    has: u16,
    had: u16,
}

#[derive(Clone, Copy, Debug)]
struct PredicateClasses {
    participle: u16,
    past: u16,
    /// VERB/VBP and VERB/VB, when the model has them: a headline's plural subject's verb.
    present: Option<u16>,
    base: Option<u16>,
    /// VERB/VBZ: the verb of a name that looks plural ("The Emirates *denies* …").
    third_person: Option<u16>,
}

/// Per-sentence buffers, kept per thread so that tagging a sentence does
/// not allocate them again (the static scores alone are words × 2 × classes).
#[derive(Default)]
struct Scratch {
    chars: Vec<char>,
    features: Vec<u64>,
    /// Where each word's features end in `features`, when a sentence's are
    /// looked up together.
    ends: Vec<usize>,
    /// The next word's history features under a guess of this word's tag.
    next_features: Vec<u64>,
    /// The words whose feature bundle is left to the classifier.
    undecided: Vec<usize>,
    scores: Vec<i32>,
    /// Per word, both passes' scores from [`static_features`], and the second
    /// pass's from [`lookahead_features`].
    static_scores: Vec<i32>,
}

impl Tagger {
    fn new(description: String, mut model: Model) -> Tagger {
        model.dict.rebuild();
        model.tag_weights.rebuild();
        model.feats_weights.rebuild();
        model.feats_dict.rebuild();
        model.lemmatiser.rebuild();
        let nominal = model.classes.iter().map(|c| is_nominal(&c.xpos)).collect();
        let roles = model.classes.iter().map(|c| Role::of(&c.upos, &c.xpos)).collect();
        let class = |upos: &str, xpos: &str| model.classes.iter().position(|c| c.upos == upos && c.xpos == xpos).map(|i| i as u16);
        let (present, base, third_person) = (class("VERB", "VBP"), class("VERB", "VB"), class("VERB", "VBZ"));
        let predicate_classes = class("VERB", "VBN").zip(class("VERB", "VBD")).map(|(participle, past)| PredicateClasses { participle, past, present, base, third_person });
        let (proper_noun, plural_noun) = (class("PROPN", "NNP"), class("NOUN", "NNS"));
        let adjective = class("ADJ", "JJ");
        let perfect = (|| Some(PerfectClasses { adverb: class("ADV", "RB")?, have: class("AUX", "VBP")?, has: class("AUX", "VBZ")?, had: class("AUX", "VBD")? }))();
        Tagger {
            description,
            model,
            nominal,
            roles,
            predicate_classes,
            proper_noun,
            plural_noun,
            adjective,
            perfect,
            known_names: KnownNames::default(),
        }
    }

    /// Names (from the actor lexicon) whose words are proper nouns wherever they appear
    /// capitalised as a whole.
    pub fn set_known_names(&mut self, names: KnownNames) {
        self.known_names = names;
    }

    /// What the model was trained on, how, and its dev scores.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Tags one sentence's words (UD words, i.e. tokens after contraction
    /// splitting: "did", "n't").
    pub fn tag(&self, words: &[&str]) -> Vec<TaggedWord<'_>> {
        thread_local! {
            static SCRATCH: std::cell::RefCell<Scratch> = Default::default();
        }
        let (tags, feats) = SCRATCH.with(|scratch| {
            let scratch = &mut *scratch.borrow_mut();
            let mut info = analyse(words, &self.model.dict, &mut scratch.chars);
            self.mark_acronyms(words, &mut info);
            let tags = self.decode_tags(words, &info, scratch);
            let feats = self.decode_feats(&info, &tags, scratch);
            (tags, feats)
        });
        // The lemmas' lexicon lookups are independent: start them all first.
        for (w, &t) in words.iter().zip(&tags) {
            self.model.lemmatiser.prefetch(w, &self.model.classes[t as usize].xpos);
        }
        words
            .iter()
            .zip(tags.iter().zip(feats))
            .map(|(w, (&t, f))| {
                let class = &self.model.classes[t as usize];
                TaggedWord {
                    upos: &class.upos,
                    xpos: &class.xpos,
                    feats: &self.model.feats[f as usize],
                    // A country adjective keeps its capital, as UD lemmatises "American".
                    lemma: if class.xpos == "JJ" && self.known_names.is_adjective(w) { w.to_string() } else { self.model.lemmatiser.lemma(w, &class.xpos) },
                }
            })
            .collect()
    }

    /// The lemma of `form` tagged `xpos` (a PTB tag): the most frequent
    /// lemma of this form and tag in training; else the most frequent
    /// suffix rewrite of training words with this tag and ending; else
    /// English inflection rules. Lowercase except where training lemmas keep
    /// the case for this tag and capitalisation (proper nouns, "American"/JJ).
    pub fn lemma(&self, form: &str, xpos: &str) -> String {
        self.model.lemmatiser.lemma(form, xpos)
    }

    fn decode_tags(&self, words: &[&str], info: &[WordInfo], s: &mut Scratch) -> Vec<u16> {
        let n = info.len() - 2 * PAD;
        let width = 2 * self.model.classes.len();
        s.static_scores.clear();
        s.static_scores.resize(n * width, 0);
        self.add_static_scores(info, s, 0..width, |i, out| static_features(info, i, out));
        let first = self.decode_pass(info, None, s);
        let classes = self.model.classes.len();
        self.add_static_scores(info, s, classes..width, |i, out| {
            lookahead_features(info, i, lookahead(&first, i - PAD), out)
        });
        let mut tags = self.decode_pass(info, Some(&first), s);
        self.read_known_names(words, &mut tags);
        self.read_plurals_before_verbs(words, &mut tags);
        self.give_a_predicate(words, info, &mut tags);
        self.read_transitive_participles(words, info, &mut tags);
        self.read_reduced_relatives(words, &mut tags);
        self.read_interrupting_participles(words, info, &mut tags);
        self.read_perfects_with_since(words, info, &mut tags);
        self.read_acting_titles(words, &mut tags);
        self.read_infinitives_after_help(words, info, &mut tags);
        tags
    }

    /// Adds the weights of `features` (of a padded word index) of every word
    /// the tagger decodes to its static scores, classes `classes` only. All
    /// words' features are looked up together, so that their cache misses
    /// overlap.
    fn add_static_scores(
        &self,
        info: &[WordInfo],
        s: &mut Scratch,
        classes: std::ops::Range<usize>,
        features: impl Fn(usize, &mut Vec<u64>),
    ) {
        s.features.clear();
        s.ends.clear();
        for (i, word) in info.iter().enumerate().take(info.len() - PAD).skip(PAD) {
            if word.sure.is_none() {
                features(i, &mut s.features);
            }
            s.ends.push(s.features.len());
        }
        self.model.tag_weights.add_score_rows(
            &s.features,
            &s.ends,
            &mut s.static_scores,
            classes.start,
            classes.end,
        );
    }

    /// "Indian troops clashed with Chinese soldiers": greedy tagging may read
    /// the only verb as a participle, leaving a sentence of one long noun
    /// phrase. When no word outside a relative or subordinate clause is
    /// finite ("units threatened to shell the town *if* troops advanced"), the
    /// first participle after a nominal (or after the comma that closes an
    /// apposition or "X, who has ruled since 1986, accused …") that may be a
    /// past tense is read as one. With no participle, an "-ed" word read as a noun or adjective
    /// after a nominal is ("a court on Tuesday *freed* activist X"); with neither, a singular noun
    /// after a plural subject that may be a present tense is one (the headline "China and Russia
    /// *call* on US to lift sanctions"), and else a lowercase "-s" word read as a plural noun after
    /// a name, before a gerund, determiner or "to", is a third person ("The Emirates *denies*
    /// supplying weapons").
    fn give_a_predicate(&self, words: &[&str], info: &[WordInfo], tags: &mut [u16]) {
        let Some(verbs) = self.predicate_classes else { return };
        let mut in_relative = false;
        // Inside a subordinate clause, up to the next comma.
        let mut in_subordinate = false;
        let mut candidate = None;
        let mut ed_word = None;
        let mut present = None;
        let mut third = None;
        let mut pronoun_clause = false;
        // Whether a relative or subordinate clause has opened.
        let mut had_clause = false;
        for k in 0..tags.len() {
            let after_comma = k > 0 && self.roles[tags[k - 1] as usize] == Role::Comma;
            // "over fears *they* were helping", "the solutions *we* seek must …": a subject pronoun
            // right after a common noun opens a clause with no marker, whose first finite verb is
            // not the sentence's predicate.
            if k > 0 && matches!(words[k], "he" | "she" | "they" | "it" | "we") && matches!(self.xpos(tags[k - 1]), "NN" | "NNS") && !in_relative {
                pronoun_clause = true;
                had_clause = true;
            }
            if pronoun_clause && self.roles[tags[k] as usize] == Role::Finite {
                pronoun_clause = false;
                continue;
            }
            match self.roles[tags[k] as usize] {
                Role::Comma => {
                    in_subordinate = false;
                    if in_relative {
                        in_relative = false;
                        // The participle may follow the comma that closes the clause.
                        if let Some(&next) = tags.get(k + 1) {
                            if candidate.is_none() && next == verbs.participle {
                                candidate = Some(k + 1);
                            }
                        }
                    }
                    continue;
                }
                // "… at supporters *who* had gathered": a relative right after its noun too.
                Role::Relative if after_comma || (k > 0 && self.nominal[tags[k - 1] as usize]) => {
                    in_relative = true;
                    had_clause = true;
                }
                Role::Subordinator if !in_relative => {
                    in_subordinate = true;
                    had_clause = true;
                }
                // An attribution ends a clause of one predicate; after a relative or subordinate
                // clause, whose end the comma only guesses, the predicate may be hidden in it.
                Role::Finite if !in_relative && !in_subordinate && (had_clause || !self.attributes_what_came_before(words, tags, k)) => return,
                _ => {}
            }
            // After a nominal, or after the comma closing an apposition ("Okafor, the governor,
            // accused …").
            let after_nominal = (k > 0 && self.nominal[tags[k - 1] as usize]) || (k > 1 && after_comma && self.nominal[tags[k - 2] as usize]);
            if candidate.is_none() && tags[k] == verbs.participle && !in_relative && !in_subordinate && after_nominal {
                candidate = Some(k);
            }
            // Cheap tests first: this runs on every word of every sentence until a finite verb.
            if ed_word.is_none()
                && after_nominal
                && !in_relative
                && !in_subordinate
                && words[k].ends_with("ed")
                && words[k].starts_with(|c: char| c.is_lowercase())
                && matches!(self.xpos(tags[k]), "NN" | "JJ")
            {
                ed_word = Some(k);
            }
            // A verb takes something after it ("Good sports *bar*." is a noun phrase).
            let followed = tags.get(k + 1).is_some_and(|&t| !matches!(self.xpos(t), "." | "," | ":"));
            if present.is_none() && !in_relative && !in_subordinate && followed && self.xpos(tags[k]) == "NN" && self.plural_subject_before(tags, k) {
                present = Some(k);
            }
            let lowercase = || words[k].starts_with(|c: char| c.is_lowercase());
            if third.is_none() && !in_relative && !in_subordinate && followed && self.xpos(tags[k]) == "NNS" && k > 0 && matches!(self.xpos(tags[k - 1]), "NNP" | "NNPS") && lowercase() {
                third = Some(k);
            }
        }
        if let Some(k) = candidate.or(ed_word) {
            if self.may_be_past(words, info, k, verbs) {
                tags[k] = verbs.past;
            }
        } else if let Some((k, vbp)) = present.zip(verbs.present) {
            // Only a word training saw as a verb's base or present form ("call", "hand", "sign").
            let base = verbs.base;
            if info[k + PAD].closed.is_some_and(|class| self.model.dict.closed_tags(class).iter().any(|&t| t == vbp || Some(t) == base)) {
                tags[k] = vbp;
            }
        } else if let Some((k, vbz)) = third.zip(verbs.third_person) {
            // "The Emirates *denies* supplying …": an "-s" word after a name, read as a plural noun,
            // before what opens a verb's complement (a gerund, a determiner, "to"), that training
            // saw as a verb's third person or never saw ("Bechtel Corp *contracts* in Iraq" stays).
            let complement_next = tags.get(k + 1).is_some_and(|&t| matches!(self.xpos(t), "VBG" | "DT" | "TO"));
            let may_be_verb = match info[k + PAD].closed {
                Some(class) => self.model.dict.closed_tags(class).contains(&vbz),
                None => words[k].ends_with('s'),
            };
            if complement_next && may_be_verb {
                tags[k] = vbz;
            }
        }
    }

    /// Word `k` follows a plural subject: a plural noun, or two names joined by a conjunction
    /// ("China and Russia", "EU and UN").
    fn plural_subject_before(&self, tags: &[u16], k: usize) -> bool {
        let name = |j: usize| matches!(self.xpos(tags[j]), "NNP" | "NNPS");
        (k > 0 && self.xpos(tags[k - 1]) == "NNS") || (k > 2 && name(k - 1) && self.xpos(tags[k - 2]) == "CC" && name(k - 3))
    }

    /// "X donated $1 million to Y, *said* Prime Minister Z": a reporting verb after a comma, alone
    /// or after a short nominal phrase (", Z *said*"), attributes the clause before it and is no
    /// predicate of it.
    fn attributes_what_came_before(&self, words: &[&str], tags: &[u16], k: usize) -> bool {
        const REPORTING: &[&str] = &["said", "says", "told", "added", "stated", "announced"];
        if !REPORTING.contains(&words[k]) {
            return false;
        }
        let Some(comma) = (0..k).rev().find(|&j| self.roles[tags[j] as usize] == Role::Comma) else { return false };
        comma > 0 && k - comma <= 6 && (comma + 1..k).all(|j| self.nominal[tags[j] as usize] || matches!(self.xpos(tags[j]), "DT" | "JJ" | "NNP"))
    }

    /// The PTB tag of tag class `t`.
    fn xpos(&self, t: u16) -> &str {
        self.model.classes[t as usize].xpos.as_str()
    }

    /// Word `k` may be a past tense: it is no word training always saw with other tags. A form
    /// seen only as a participle may be one too, as English past tenses mostly share the
    /// participle's form ("donated", "shot", "held"), unless it is a participle's own form
    /// ("taken", "shown", "done", "begun").
    fn may_be_past(&self, words: &[&str], info: &[WordInfo], k: usize, verbs: PredicateClasses) -> bool {
        match info[k + PAD].closed {
            Some(class) => {
                let tags = self.model.dict.closed_tags(class);
                const PARTICIPLES_ONLY: &[&str] = &["done", "gone", "begun", "sung", "swum", "rung", "drunk", "sunk", "shrunk", "become", "come", "run", "overcome"];
                let own_participle = words[k].ends_with('n') || PARTICIPLES_ONLY.contains(&words[k]);
                // Lowercase: "Sent: Monday" heads an e-mail.
                let lower = words[k].starts_with(|c: char| c.is_lowercase());
                tags.contains(&verbs.past) || (lower && tags.contains(&verbs.participle) && !own_participle)
            }
            None => true,
        }
    }

    /// "as Syrian forces *launched* air strikes": a participle between a plural noun or a name and
    /// a noun phrase that can only be its object is a past tense (a reduced relative takes no bare
    /// object); so is one after a singular noun that opens a clause ("after the military *seized*
    /// power").
    fn read_transitive_participles(&self, words: &[&str], info: &[WordInfo], tags: &mut [u16]) {
        let Some(verbs) = self.predicate_classes else { return };
        for k in 1..tags.len().saturating_sub(1) {
            if tags[k] != verbs.participle {
                continue;
            }
            // After a plural or a name: "a figure of speech called X", "a family owned company"
            // follow singular common nouns.
            let clause_subject = k >= 3
                && self.xpos(tags[k - 1]) == "NN"
                && self.xpos(tags[k - 2]) == "DT"
                && matches!(words[k - 3].to_lowercase().as_str(), "after" | "before" | "when" | "as" | "since" | "because" | "while" | "until" | "once");
            let after_noun = matches!(self.xpos(tags[k - 1]), "NNS" | "NNP" | "NNPS") || clause_subject;
            let object_next = matches!(self.xpos(tags[k + 1]), "DT" | "PRP$" | "JJ" | "NN" | "NNS" | "CD");
            if after_noun && object_next && self.may_be_past(words, info, k, verbs) {
                tags[k] = verbs.past;
            }
        }
    }

    /// "dozens of *IS* fighters", "the *WHO* warned": a function word written in capitals that
    /// news uses as an acronym, in a sentence with lowercase words and not in a run of capitals, is
    /// the acronym: a proper noun, fixed before decoding so that its neighbours' tags see it. (Web
    /// text shouts other function words: "do *NOT* buy".)
    fn mark_acronyms(&self, words: &[&str], info: &mut [WordInfo]) {
        const ACRONYMS: [&str; 3] = ["IS", "WHO", "US"];
        if !words.iter().any(|w| ACRONYMS.contains(w)) || !words.iter().any(|w| w.starts_with(|c: char| c.is_lowercase())) {
            return;
        }
        let Some(proper) = self.proper_noun else { return };
        let capitals = |w: &str| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase());
        for (k, w) in words.iter().enumerate() {
            let in_run = (k > 0 && capitals(words[k - 1])) || words.get(k + 1).is_some_and(|w| capitals(w));
            if ACRONYMS.contains(w) && !in_run {
                info[k + PAD].sure = Some(proper);
            }
        }
    }

    /// A word of a known multi-word name read as a common noun, verb, modal or function word
    /// ("Human *Rights* *Watch*", "Theresa *May*") is a proper noun. Its adjectives stay
    /// adjectives, as UD tags them ("*Islamic* State", "*New* York"). So is a known one-word
    /// place name read as a common noun ("soldiers in *Guinea*"). A known country adjective read as a
    /// noun before a word it describes, outside a known name, is an adjective ("met *Cambodian*
    /// Prime Minister Hun Manet", "*Burkinabe* officials").
    fn read_known_names(&self, words: &[&str], tags: &mut [u16]) {
        let Some(proper) = self.proper_noun.filter(|_| !self.known_names.is_empty()) else { return };
        let in_names = self.known_names.words_in_names(words);
        for &k in &in_names {
            if !matches!(self.xpos(tags[k]), "NNP" | "NNPS" | "JJ" | "JJR" | "JJS" | "CD") {
                tags[k] = proper;
            }
        }
        for (k, word) in words.iter().enumerate() {
            if matches!(self.xpos(tags[k]), "NN" | "NNS") && self.known_names.is_place(word) {
                tags[k] = proper;
            }
            // A country adjective before a noun or name it describes; alone ("a Cambodian") it
            // may be a noun. Opening a sentence the model's reading stands: there the parser
            // reads "Dutch Prime Minister X, whose …, called" better with the name's tag.
            let describes = k > 0 && tags.get(k + 1).is_some_and(|&t| matches!(self.xpos(t), "NN" | "NNS" | "NNP" | "NNPS" | "JJ"));
            if let Some(adjective) = self.adjective.filter(|_| describes && matches!(self.xpos(tags[k]), "NNP" | "NN")) {
                if self.known_names.is_adjective(word) && !in_names.contains(&k) {
                    tags[k] = adjective;
                }
            }
        }
    }

    /// "Clinton *aides* have said", "*airstrikes* had hit": an "-s" word read as a verb (VBZ) right
    /// before a finite verb or modal that is not a third-person singular is a plural noun, the
    /// subject of that verb ("what it does is" keeps its two VBZ, "she says was" its pronoun's
    /// verb).
    fn read_plurals_before_verbs(&self, words: &[&str], tags: &mut [u16]) {
        let Some(plural) = self.plural_noun else { return };
        for k in 0..tags.len().saturating_sub(1) {
            // After a noun or adjective it modifies, or opening the sentence; not after a subject
            // pronoun ("a childhood she *says* was hard").
            let modified = k == 0 || matches!(self.xpos(tags[k - 1]), "NN" | "NNS" | "NNP" | "NNPS" | "JJ" | "CD");
            if self.xpos(tags[k]) != "VBZ" || !words[k].ends_with('s') || !modified {
                continue;
            }
            // The verb right after (adverbs aside: "Senate *aides* later said"), or a plural
            // present tense after a time or place phrase ("military *airstrikes* this month in
            // the area have killed").
            let next = (k + 1..tags.len()).map(|j| self.xpos(tags[j])).find(|t| !t.starts_with("RB")).unwrap_or("");
            let after_phrase = || {
                // Not across a clause opener ("the report states *that* few … use").
                let opener = |j: usize| matches!(words[j], "that" | "if" | "whether" | "because" | "as" | "while" | "when" | "since");
                let phrase = |j: usize| matches!(self.xpos(tags[j]), "DT" | "NN" | "NNS" | "NNP" | "IN" | "JJ" | "CD" | "PRP$") && !opener(j);
                (k + 1..tags.len().min(k + 8)).find(|&j| !phrase(j)).is_some_and(|j| self.xpos(tags[j]) == "VBP")
            };
            if matches!(next, "VBP" | "VBD" | "MD") || after_phrase() {
                tags[k] = plural;
            }
        }
    }

    /// "detained a citizen *accused* of plotting": an "-ed" past tense right after the object of
    /// an earlier finite verb, with nothing between to open a clause, and followed by a
    /// preposition is a participle modifying that object.
    fn read_reduced_relatives(&self, words: &[&str], tags: &mut [u16]) {
        let Some(verbs) = self.predicate_classes else { return };
        // Whether a finite verb has come since the last word that could open a clause; after a
        // relative or subordinate clause, whose end is unknown, that verb may be its own.
        let mut predicate = false;
        for k in 0..tags.len().saturating_sub(1) {
            if matches!(self.roles[tags[k] as usize], Role::Relative | Role::Subordinator) {
                return;
            }
            if self.roles[tags[k] as usize] == Role::Comma || matches!(self.xpos(tags[k]), "CC" | ":") {
                predicate = false;
                continue;
            }
            let reduced = predicate
                && tags[k] == verbs.past
                && words[k].ends_with("ed")
                && k > 0
                && matches!(self.xpos(tags[k - 1]), "NN" | "NNS")
                && matches!(self.xpos(tags[k + 1]), "IN" | "TO");
            if reduced {
                tags[k] = verbs.participle;
            } else if self.roles[tags[k] as usize] == Role::Finite {
                predicate = true;
            }
        }
    }

    /// "The RSF, *led* by Dagalo, said …", "the rebels, backed by Rwanda, seized …": a past tense
    /// set off by a comma after a noun, taking a "by" agent, with a finite verb after the closing
    /// comma, is a participle describing the noun (the verb after the comma is the clause's own).
    fn read_interrupting_participles(&self, words: &[&str], info: &[WordInfo], tags: &mut [u16]) {
        let Some(verbs) = self.predicate_classes else { return };
        let comma = |t: u16| self.roles[t as usize] == Role::Comma;
        for k in 2..tags.len().saturating_sub(1) {
            let set_off = tags[k] == verbs.past && comma(tags[k - 1]) && self.nominal[tags[k - 2] as usize] && words[k + 1].eq_ignore_ascii_case("by");
            if !set_off || !self.may_be_participle(words, info, k, verbs) {
                continue;
            }
            let close = (k + 2..tags.len()).find(|&j| comma(tags[j]));
            if close.is_some_and(|c| tags[c + 1..].iter().any(|&t| self.roles[t as usize] == Role::Finite)) {
                tags[k] = verbs.participle;
            }
        }
    }

    /// Word `k`, tagged a past tense, may be a participle: training saw it as one, or, unseen, it
    /// has the regular "-ed" form.
    /// "Troops have *since* reinforced positions", "the minister has since resigned": "since"
    /// between a form of "have" and a participle is an adverb, and "have" the perfect's
    /// auxiliary (the model reads a conjunction opening a clause, with "have" its main verb).
    fn read_perfects_with_since(&self, words: &[&str], info: &[WordInfo], tags: &mut [u16]) {
        let (Some(verbs), Some(perfect)) = (self.predicate_classes, self.perfect) else { return };
        for k in 0..words.len().saturating_sub(2) {
            let auxiliary = match words[k] {
                w if w.eq_ignore_ascii_case("have") => perfect.have,
                w if w.eq_ignore_ascii_case("has") => perfect.has,
                w if w.eq_ignore_ascii_case("had") => perfect.had,
                _ => continue,
            };
            let participle = matches!(self.xpos(tags[k + 2]), "VBN" | "VBD") || self.may_be_participle(words, info, k + 2, verbs);
            if words[k + 1].eq_ignore_ascii_case("since") && participle {
                tags[k] = auxiliary;
                tags[k + 1] = perfect.adverb;
                if self.xpos(tags[k + 2]) != "VBN" {
                    tags[k + 2] = verbs.participle;
                }
            }
        }
    }

    /// "Thailand's *acting* prime minister", "the acting director": "acting" after a determiner or
    /// a possessive, or opening the sentence, and before a noun or adjective describes the office
    /// holder. The treebanks hold no such use, and the model reads a participle whose object is
    /// the title.
    fn read_acting_titles(&self, words: &[&str], tags: &mut [u16]) {
        let Some(adjective) = self.adjective else { return };
        for k in 0..words.len().saturating_sub(1) {
            if !words[k].eq_ignore_ascii_case("acting") {
                continue;
            }
            let opens = k == 0 || matches!(self.xpos(tags[k - 1]), "DT" | "POS" | "PRP$");
            if opens && matches!(self.xpos(tags[k + 1]), "NN" | "NNP" | "JJ") {
                tags[k] = adjective;
            }
        }
    }

    /// "helped *broker* a truce", "offered to help *mediate* between …": a singular noun right
    /// after a verb "help" is its bare infinitive when training saw the word as a base verb or
    /// never saw it, or when a determiner follows (a bare singular noun takes none after it).
    fn read_infinitives_after_help(&self, words: &[&str], info: &[WordInfo], tags: &mut [u16]) {
        let Some(base) = self.predicate_classes.and_then(|v| v.base) else { return };
        for k in 1..words.len().saturating_sub(1) {
            // The tag first: most words are no noun after a verb, and no word is lowercased.
            if self.xpos(tags[k]) != "NN" || !self.xpos(tags[k - 1]).starts_with("VB") || !words[k].starts_with(|c: char| c.is_lowercase()) {
                continue;
            }
            if !["help", "helps", "helped", "helping"].iter().any(|h| words[k - 1].eq_ignore_ascii_case(h)) {
                continue;
            }
            let seen_as_verb = info[k + PAD].closed.is_none_or(|class| self.model.dict.closed_tags(class).contains(&base));
            if seen_as_verb || matches!(self.xpos(tags[k + 1]), "DT" | "PRP$" | "PDT") {
                tags[k] = base;
            }
        }
    }

    fn may_be_participle(&self, words: &[&str], info: &[WordInfo], k: usize, verbs: PredicateClasses) -> bool {
        match info[k + PAD].closed {
            Some(class) => self.model.dict.closed_tags(class).contains(&verbs.participle),
            None => words[k].ends_with("ed"),
        }
    }

    /// One greedy left-to-right pass; `right` is the first pass's output.
    fn decode_pass(&self, info: &[WordInfo], right: Option<&[u16]>, s: &mut Scratch) -> Vec<u16> {
        let n = info.len() - 2 * PAD;
        let classes = self.model.classes.len();
        let offset = if right.is_some() { classes } else { 0 };
        let mut tags: Vec<u16> = Vec::with_capacity(n);
        for k in 0..n {
            let tag = match info[k + PAD].sure {
                Some(t) => t,
                None => {
                    let (t1, t2) = history(&tags);
                    s.features.clear();
                    history_features(
                        info,
                        k + PAD,
                        t1,
                        t2,
                        right.map(|r| lookahead(r, k)),
                        &mut s.features,
                    );
                    self.prefetch_next_word(info, right, &tags, k, s);
                    s.scores.clear();
                    s.scores.extend_from_slice(
                        &s.static_scores[k * 2 * classes..(k + 1) * 2 * classes],
                    );
                    self.model.tag_weights.add_scores(
                        &s.features,
                        &mut s.scores,
                        offset,
                        offset + classes,
                    );
                    let scores = &s.scores[offset..offset + classes];
                    match info[k + PAD].closed {
                        Some(class) => argmax(scores, self.model.dict.closed_tags(class).iter().copied()),
                        None => argmax(scores, 0..classes as u16),
                    }
                }
            };
            tags.push(tag);
        }
        tags
    }

    /// Each word's history features wait for the tag before it, so their
    /// lookups cannot start early. Those of word `k + 1` under a guess of
    /// word `k`'s tag can: the first pass's tag in the second pass (they
    /// rarely differ), else the best tag on static scores. A right guess
    /// finds its table slots loaded or on their way; a wrong one only costs
    /// the loads.
    fn prefetch_next_word(
        &self,
        info: &[WordInfo],
        right: Option<&[u16]>,
        tags: &[u16],
        k: usize,
        s: &mut Scratch,
    ) {
        let next = k + 1 + PAD;
        if next >= info.len() - PAD || info[next].sure.is_some() {
            return;
        }
        let classes = self.model.classes.len();
        let guess = match right {
            Some(first) => first[k],
            None => {
                let first_pass = &s.static_scores[k * 2 * classes..][..classes];
                argmax(first_pass, 0..classes as u16)
            }
        };
        let t1 = tag_value(tags.last().copied());
        s.next_features.clear();
        history_features(
            info,
            next,
            tag_value(Some(guess)),
            t1,
            right.map(|r| lookahead(r, k + 1)),
            &mut s.next_features,
        );
        self.model.tag_weights.prefetch(&s.next_features);
    }

    fn decode_feats(&self, info: &[WordInfo], tags: &[u16], s: &mut Scratch) -> Vec<u16> {
        let padded = padded_tags(tags);
        let ambiguous = |k: usize| self.model.feats_candidates[tags[k] as usize].len() > 1;
        for k in (0..tags.len()).filter(|&k| ambiguous(k)) {
            self.model.feats_dict.prefetch(feats_key(info[k + PAD].form, tags[k]));
        }
        // The words whose bundle neither the tag nor the dictionary settles
        // are classified together, so that their lookups overlap.
        let mut bundles = Vec::with_capacity(tags.len());
        s.features.clear();
        s.ends.clear();
        s.undecided.clear();
        for k in 0..tags.len() {
            let candidates = &self.model.feats_candidates[tags[k] as usize];
            let i = k + PAD;
            let bundle = if candidates.len() == 1 {
                candidates[0]
            } else if let Some(f) = self.model.feats_dict.get(feats_key(info[i].form, tags[k])) {
                f as u16
            } else {
                let subject = subject_of(tags, &self.nominal, i);
                feats_features(info, &padded, i, subject, &mut s.features);
                s.ends.push(s.features.len());
                s.undecided.push(k);
                0
            };
            bundles.push(bundle);
        }
        let width = self.model.feats.len();
        s.scores.clear();
        s.scores.resize(s.undecided.len() * width, 0);
        self.model
            .feats_weights
            .add_score_rows(&s.features, &s.ends, &mut s.scores, 0, width);
        for (&k, scores) in s.undecided.iter().zip(s.scores.chunks_exact(width)) {
            let candidates = &self.model.feats_candidates[tags[k] as usize];
            bundles[k] = argmax(scores, candidates.iter().copied());
        }
        bundles
    }
}

/// The two previous tags' feature values.
fn history(tags: &[u16]) -> (u64, u64) {
    let n = tags.len();
    (
        tag_value(n.checked_sub(1).map(|k| tags[k])),
        tag_value(n.checked_sub(2).map(|k| tags[k])),
    )
}

/// The feature values of the (first-pass) tags of the two words after word `k`.
fn lookahead(tags: &[u16], k: usize) -> (u64, u64) {
    (
        tag_value(tags.get(k + 1).copied()),
        tag_value(tags.get(k + 2).copied()),
    )
}

/// The key of a word form with a tag in [`Model::feats_dict`].
fn feats_key(form: u64, class: u16) -> u64 {
    detente_linear::mix(form, u64::from(class))
}

/// Tag values with [`PAD`] boundary values on each side, for the feature
/// templates.
fn padded_tags(tags: &[u16]) -> Vec<u64> {
    let boundary = tag_value(None);
    let mut out = vec![boundary; PAD];
    out.extend(tags.iter().map(|&t| tag_value(Some(t))));
    out.extend([boundary; PAD]);
    out
}

/// The best-scoring candidate; ties go to the earliest candidate (the more
/// frequent class), which keeps decoding deterministic.
fn argmax(scores: &[i32], candidates: impl Iterator<Item = u16>) -> u16 {
    let mut best = (i32::MIN, 0);
    for c in candidates {
        if scores[c as usize] > best.0 {
            best = (scores[c as usize], c);
        }
    }
    best.1
}

/// Tags every sentence of `gold` from its gold words and scores the result.
pub fn accuracy(tagger: &Tagger, gold: &[ConlluSentence]) -> TagScores {
    let (mut upos, mut xpos, mut feats, mut lemma, mut words) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    for sentence in gold {
        let forms: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
        for (g, p) in sentence.words.iter().zip(tagger.tag(&forms)) {
            words += 1;
            upos += usize::from(g.upos == p.upos);
            xpos += usize::from(g.xpos == p.xpos);
            feats += usize::from(g.feats == p.feats);
            lemma += usize::from(g.lemma == p.lemma);
        }
    }
    let pct = |n: usize| {
        if words == 0 {
            0.0
        } else {
            100.0 * n as f64 / words as f64
        }
    };
    TagScores {
        upos: pct(upos),
        xpos: pct(xpos),
        ufeats: pct(feats),
        lemma: pct(lemma),
        words,
    }
}
