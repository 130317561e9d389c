//! Detente's Universal Dependencies parser.
//!
//! A greedy transition-based parser: arc-hybrid transitions with the root at
//! the end of the buffer, each labelled transition scored by an averaged
//! perceptron over rich conjunctive features (Zhang & Nivre 2011), trained
//! with a dynamic oracle and exploration (Goldberg & Nivre 2012, 2013) so that
//! it learns to recover from its own mistakes.
//!
//! Greedy decoding makes exactly `2n` transitions for `n` words; the weights
//! sit in one cache-line-bucketed hash table of 16-bit values, so each
//! transition costs at most a hundred overlapping table probes and a few
//! hundred SIMD additions. Transitions that are the only one allowed are not
//! scored, and the features that read one position only (the buffer front,
//! `s0`, `s1`, each with its dependents) are scored once per node and
//! dependents, not once per transition (see `cache.rs`).
//!
//! ```no_run
//! use detente_parser::{ParseInput, Parser};
//! let parser = Parser::load("models/parser-en-v1.bin".as_ref())?;
//! let words = [
//!     ParseInput { form: "Talks", lemma: "talk", upos: "NOUN", xpos: "NNS" },
//!     ParseInput { form: "resumed", lemma: "resume", upos: "VERB", xpos: "VBD" },
//! ];
//! for (head, deprel) in parser.parse(&words) {
//!     println!("{head} {deprel}");
//! }
//! # Ok::<(), detente_parser::ModelError>(())
//! ```

mod cache;
mod features;
mod hash;
mod model;
mod train;
mod transition;
mod weights;

pub use model::{ModelError, ModelInfo, FORMAT_VERSION};
pub use train::{train, EpochReport, TrainConfig, TrainEvent};

use cache::Scorer;
use detente_conllu::ConlluSentence;
use model::Model;
use std::io::{self, Write};
use std::path::Path;
use transition::State;

/// One word to parse: its form and the tagger's lemma and tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseInput<'a> {
    pub form: &'a str,
    pub lemma: &'a str,
    pub upos: &'a str,
    pub xpos: &'a str,
}

impl<'a> ParseInput<'a> {
    /// The gold columns of a treebank word.
    pub fn from_word(word: &'a detente_conllu::Word) -> ParseInput<'a> {
        ParseInput {
            form: &word.form,
            lemma: &word.lemma,
            upos: &word.upos,
            xpos: &word.xpos,
        }
    }
}

/// "provided *over* $3 million to Fiji": the parser reads an approximating word before a sum of
/// money as a preposition, leaving the verb without its object. A sum introduced so, in an
/// oblique of a verb that has no object, is its object, and the word modifies the sum (as UD has
/// it).
fn approximate_amounts_as_objects(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    const APPROXIMATING: [&str; 7] = ["over", "around", "about", "nearly", "almost", "approximately", "roughly"];
    for i in 0..words.len() {
        let (amount, rel) = arcs[i];
        if rel != "case" || amount == 0 || !APPROXIMATING.iter().any(|w| words[i].form.eq_ignore_ascii_case(w)) {
            continue;
        }
        let a = amount as usize - 1;
        let (verb, amount_rel) = arcs[a];
        // Money only: "around 5:00" and "about September 23" are times.
        let money = words[a].xpos == "$" || matches!(words[a].form, "$" | "€" | "£" | "¥" | "US$");
        if amount_rel != "obl" || !money || verb == 0 || a < i || words[verb as usize - 1].upos != "VERB" {
            continue;
        }
        if arcs.iter().any(|&(h, r)| h == verb && matches!(r, "obj" | "ccomp" | "xcomp")) {
            continue;
        }
        arcs[a].1 = "obj";
        arcs[i].1 = "advmod";
    }
}

/// "will meet *Lebanese* Prime Minister X": the parser sometimes reads a proper adjective opening
/// a noun phrase as the verb's predicative complement ("will turn Lebanese") and hangs the phrase
/// on it, or leaves the phrase beside it as an oblique with no preposition ("called *Russian*
/// Foreign Minister X"). Such an adjective does not head a noun to its right, so the phrase is
/// the verb's object (when it has none) and the adjective modifies the phrase's first noun.
fn adjectives_opening_objects(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    let nominal = |k: usize| matches!(words[k].upos, "NOUN" | "PROPN");
    for a in 0..words.len() {
        let (verb, rel) = arcs[a];
        // A proper adjective ("Lebanese", "Western"), or one before a proper adjective or name
        // ("called *new* Australian Prime Minister X"): "made *sure* the people …" is a complement.
        let opens_name = || words.get(a + 1).is_some_and(|next| proper_adjective(next) || next.upos == "PROPN");
        if rel != "xcomp" || words[a].upos != "ADJ" || !(proper_adjective(&words[a]) || opens_name()) || verb == 0 || (verb as usize) > a || words[verb as usize - 1].upos != "VERB" {
            continue;
        }
        let me = a as u32 + 1;
        let under_adjective = (a + 1..words.len()).find(|&k| arcs[k].0 == me && nominal(k) && matches!(arcs[k].1, "xcomp" | "obj" | "nsubj" | "appos"));
        // "new Australian Prime Minister X": the name hung on the proper adjective after it.
        let under_next = || (a + 2..words.len()).find(|&k| arcs[k].0 == me + 1 && arcs[a + 1].0 == me && words[k].upos == "PROPN" && (a + 1..k).all(|j| dominates(arcs, a, j)));
        let bare_oblique = || {
            (a + 1..words.len()).find(|&k| {
                arcs[k] == (verb, "obl")
                    && nominal(k)
                    && !arcs.iter().any(|&(h, r)| h == k as u32 + 1 && r == "case")
                    && (a + 1..k).all(|j| dominates(arcs, k, j))
            })
        };
        let Some(noun) = under_adjective.or_else(under_next).or_else(bare_oblique) else {
            continue;
        };
        if arcs.iter().any(|&(h, r)| h == verb && matches!(r, "obj" | "ccomp")) {
            continue;
        }
        // The first noun after the adjective, inside the phrase.
        let Some(first) = (a + 1..=noun).find(|&k| nominal(k) && dominates(arcs, noun, k)) else { continue };
        arcs[noun] = (verb, "obj");
        arcs[a] = (first as u32 + 1, "amod");
        // Other modifiers the adjective held modify that noun too ("Australian").
        for k in a + 1..noun {
            if arcs[k].0 == me && k != first && !dominates(arcs, k, first) {
                arcs[k].0 = first as u32 + 1;
            }
        }
    }
}

/// "*Libyan* Defence Minister X has threatened …": a proper adjective opening the sentence, read
/// as its root with the real clause as a complement. The clause is the root, and the adjective
/// modifies the first noun of its subject.
fn adjectives_opening_subjects(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    let Some(a) = arcs.iter().position(|&(h, _)| h == 0) else { return };
    let me = a as u32 + 1;
    if !proper_adjective(&words[a]) || a + 1 >= words.len() || arcs.iter().any(|&(h, r)| h == me && r == "cop") {
        return;
    }
    let Some(verb) = (a + 1..words.len()).find(|&k| arcs[k] == (me, "ccomp") && words[k].upos == "VERB") else { return };
    // The subject must start right after the adjective.
    let Some(subject) = (a + 1..verb).find(|&k| arcs[k].0 == verb as u32 + 1 && arcs[k].1.starts_with("nsubj")) else { return };
    if !matches!(words[a + 1].upos, "NOUN" | "PROPN") || !(a + 1..subject).all(|j| dominates(arcs, subject, j)) {
        return;
    }
    take_place(arcs, a, verb);
    arcs[a] = (a as u32 + 2, "amod");
}

/// "met *Mauritania's* President Mohamed X", "his counterpart *Italian* President Sergio X":
/// the parser sometimes makes the name a conjunct of the possessor or adjective before it,
/// with nothing coordinating them. The name takes the modifier's place (an apposition where the
/// modifier was an adjective of another noun), and the modifier modifies the name's phrase.
fn names_after_modifiers_not_conjuncts(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for c in 0..words.len() {
        let (h, rel) = arcs[c];
        if rel != "conj" || words[c].upos != "PROPN" || h == 0 || h as usize > c {
            continue;
        }
        let m = h as usize - 1;
        if (m + 1..c).any(|k| matches!(words[k].upos, "CCONJ" | "PUNCT")) || arcs.iter().any(|&(hh, r)| hh == c as u32 + 1 && r == "cc") {
            continue;
        }
        let possessor = arcs.iter().enumerate().any(|(k, &(hh, r))| hh == h && r == "case" && matches!(words[k].form, "'s" | "’s" | "'"));
        if !possessor && !proper_adjective(&words[m]) {
            continue;
        }
        let (outer, outer_rel) = arcs[m];
        let first = if possessor { c } else { (m + 1..=c).find(|&k| matches!(words[k].upos, "NOUN" | "PROPN")).unwrap_or(c) };
        let saved = arcs[c];
        arcs[c] = (outer, if outer_rel == "amod" { "appos" } else { outer_rel });
        // A noun between them that hangs on the modifier cannot become its head.
        if dominates(arcs, m, first) {
            arcs[c] = saved;
            continue;
        }
        arcs[m] = (first as u32 + 1, if possessor { "nmod:poss" } else { "amod" });
    }
}

/// "provided *an* additional $2 million": an article read as the head of its own noun phrase
/// (here the verb's object, with the sum hanging on it). An article heads nothing in UD: the
/// first nominal it governs takes its place, and it becomes that word's determiner.
fn articles_as_determiners(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for a in 0..words.len() {
        let rel = arcs[a].1;
        let article = words[a].upos == "DET" && matches!(words[a].form.to_ascii_lowercase().as_str(), "a" | "an" | "the");
        if !article || !matches!(rel, "obj" | "nsubj" | "nsubj:pass" | "obl" | "nmod" | "iobj" | "conj") {
            continue;
        }
        let me = a as u32 + 1;
        let nominal = |k: usize| matches!(words[k].upos, "NOUN" | "PROPN" | "NUM" | "SYM");
        let Some(noun) = (a + 1..words.len()).find(|&k| arcs[k].0 == me && nominal(k)) else { continue };
        take_place(arcs, a, noun);
        arcs[a] = (noun as u32 + 1, "det");
    }
}

/// "rejected an extradition request *for* Catalonia's former leader X": a preposition read as
/// the head of its own phrase, the noun hanging on it. A preposition heads nothing in UD: the
/// first nominal it governs takes its place, and it becomes that word's case marker.
fn prepositions_as_case_markers(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for p in 0..words.len() {
        let rel = arcs[p].1;
        if words[p].upos != "ADP" || !matches!(rel, "obl" | "nmod") {
            continue;
        }
        let me = p as u32 + 1;
        let nominal = |k: usize| matches!(words[k].upos, "NOUN" | "PROPN");
        // Its own nominal, or the first one hung under a word it governs ("from *former*
        // President X", the name read as a conjunct of the adjective).
        let own = (p + 1..words.len()).find(|&k| arcs[k].0 == me && nominal(k));
        let under_modifier = || {
            (p + 1..words.len()).find(|&k| {
                let h = arcs[k].0 as usize;
                nominal(k) && h > p + 1 && arcs[h - 1].0 == me && !nominal(h - 1) && (p + 1..k).all(|j| dominates(arcs, p, j))
            })
        };
        let Some(noun) = own.or_else(under_modifier) else { continue };
        take_place(arcs, p, noun);
        arcs[p] = (noun as u32 + 1, "case");
    }
}

/// "Prime Minister Boris Johnson *today* signed": a day word read as the head of the name before
/// it (the name its compound). A name does not modify "today": the name takes the day word's
/// place and the day word modifies the verb.
fn day_words_after_names(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    const DAY_WORDS: [&str; 4] = ["today", "yesterday", "tonight", "tomorrow"];
    for d in 1..words.len() {
        let (head, rel) = arcs[d];
        if !DAY_WORDS.iter().any(|w| words[d].form.eq_ignore_ascii_case(w)) || !matches!(rel, "nsubj" | "nsubj:pass" | "obj") {
            continue;
        }
        let me = d as u32 + 1;
        if head == 0 || words[head as usize - 1].upos != "VERB" {
            continue;
        }
        // The name's head, with the name running up to the day word ("Boris [Johnson] today").
        let Some(name) = (0..d).rev().find(|&k| arcs[k] == (me, "compound") && words[k].upos == "PROPN") else { continue };
        if !(name..d).all(|k| dominates(arcs, name, k)) {
            continue;
        }
        take_place(arcs, d, name);
        arcs[d] = (head, "obl:unmarked");
    }
}

/// Nouns that name a time, which may open a clause without a preposition ("someday Kerry will",
/// "every month wikiHow gets").
const TIME_NOUNS: [&str; 20] = [
    "day", "week", "month", "year", "evening", "morning", "night", "time", "weekend", "someday", "today", "tonight", "afternoon",
    "yesterday", "tomorrow", "hour", "minute", "season", "decade", "century",
];

/// The head of the name that starts at word `b`: `b` itself, or the last word of a name built
/// of compounds ("Carlos *Beruff*").
fn name_from(words: &[ParseInput<'_>], arcs: &[(u32, &str)], b: usize) -> usize {
    let mut top = b;
    while arcs[top].1 == "compound" && arcs[top].0 as usize > top + 1 && words[arcs[top].0 as usize - 1].upos == "PROPN" {
        top = arcs[top].0 as usize - 1;
    }
    top
}

/// "Kenyan *official* John Ngata criticised": a common noun read as a subject of the verb right
/// before a name that is another subject of it describes the name (`nmod:desc`); with an article
/// ("the former Iraqi *leader* Saddam Hussein") the name is its apposition, as the English
/// treebanks have it.
fn titles_before_names_not_second_subjects(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    let subject = |r: &str| matches!(r, "nsubj" | "nsubj:pass");
    for a in 0..words.len().saturating_sub(1) {
        let Some(b) = name_after_title(words, arcs, a) else { continue };
        let n = name_from(words, arcs, b);
        // A title after a quotation may have been read as the quoted clause ("…,” campaign
        // *manager* Jeff Weaver said"); neither treebank has a noun in these relations right
        // before its verb's subject name. So may a modified title be read as a bare oblique or
        // a fronted object ("Conservative radio *host* Hugh Hewitt asked"), which the treebanks
        // have only for time words ("someday Kerry will") or with a determiner, number or
        // question word ("how many elephants Hannibal had").
        let misread = |r: &str| subject(r) || matches!(r, "ccomp" | "dep" | "parataxis") || (matches!(r, "obl" | "obl:unmarked" | "obj") && bare_title(words, arcs, a));
        if arcs[n].0 != arcs[a].0 || !subject(arcs[n].1) || !misread(arcs[a].1) {
            continue;
        }
        let (verb, read_as) = arcs[a];
        if !subject(read_as) {
            hand_back_before_title(words, arcs, a, verb, Some(read_as));
            arcs[a].1 = arcs[n].1;
        }
        describe_name(arcs, a, n);
    }
}

/// Where the name after title `a` starts: right after a common noun ("Kenyan *official* John
/// Ngata"), or after a capitalised title's "of" phrase ("*Secretary of State* Marco Rubio",
/// "Minister of Foreign Affairs Ana Ruiz"), which UD hangs on the name as `nmod:desc` too.
fn name_after_title(words: &[ParseInput<'_>], arcs: &[(u32, &str)], a: usize) -> Option<usize> {
    if words[a].upos == "NOUN" && words[a + 1].upos == "PROPN" {
        return Some(a + 1);
    }
    let title = a as u32 + 1;
    let capitalised = |k: usize| !matches!(words[k].upos, "NOUN" | "PROPN" | "ADJ") || words[k].form.starts_with(|c: char| c.is_uppercase());
    let of_phrase = (a + 1..words.len()).find(|&k| arcs[k] == (title, "nmod")).filter(|&k| dependents(arcs, k).iter().any(|&c| arcs[c].1 == "case" && words[c].lemma == "of"))?;
    let end = (of_phrase..words.len()).take_while(|&k| dominates(arcs, a, k)).last()?;
    let b = end + 1;
    let whole = (a + 1..=end).all(|k| dominates(arcs, a, k) && capitalised(k));
    (matches!(words[a].upos, "NOUN" | "PROPN") && capitalised(a) && whole && b < words.len() && words[b].upos == "PROPN").then_some(b)
}

/// Whether noun `a` looks like a title in front of a name: modified ("presidential
/// candidate", "campaign manager"), with no determiner, number or preposition, not a time
/// word, and not in a question ("how many elephants").
fn bare_title(words: &[ParseInput<'_>], arcs: &[(u32, &str)], a: usize) -> bool {
    let title = a as u32 + 1;
    // "many people Wikinews observed" is no title.
    let quantified = (0..a).any(|k| arcs[k].0 == title && matches!(words[k].lemma, "many" | "few" | "several" | "other" | "more" | "most" | "some" | "all"));
    let modified = !quantified && arcs.iter().any(|&(h, r)| h == title && matches!(r, "amod" | "compound"));
    let marked = arcs.iter().any(|&(h, r)| h == title && matches!(r, "det" | "case" | "nummod"));
    let question = (0..a).any(|k| dominates(arcs, a, k) && words[k].xpos.starts_with('W'));
    modified && !marked && !question && !one_of(words[a].lemma, &TIME_NOUNS)
}

/// The words title `a` governs before its own phrase (a quotation the parser hung on it and the
/// marks closing it, a coordinator) go to `verb`: punctuation as `punct`, the rest as `rel`, or
/// with their relation kept.
fn hand_back_before_title<'r>(words: &[ParseInput<'_>], arcs: &mut [(u32, &'r str)], a: usize, verb: u32, rel: Option<&'r str>) {
    let title = a as u32 + 1;
    let mut own = a;
    // The title's phrase ends at a mark or coordinator the title governs itself.
    let edge = |k: usize| arcs[k].0 == title && matches!(words[k].upos, "PUNCT" | "CCONJ");
    while own > 0 && !edge(own - 1) && dominates(arcs, a, own - 1) {
        own -= 1;
    }
    for k in 0..own {
        if arcs[k].0 == title {
            arcs[k] = (verb, if words[k].upos == "PUNCT" { "punct" } else { rel.unwrap_or(arcs[k].1) });
        }
    }
}

/// Title `t` before name `n`, both hanging on the name's verb: with an article the name is the
/// title's apposition, else the title describes the name.
fn describe_name(arcs: &mut [(u32, &str)], t: usize, n: usize) {
    let title = t as u32 + 1;
    if arcs.iter().any(|&(h, r)| h == title && r == "det") {
        arcs[n] = (title, "appos");
    } else {
        arcs[t] = (n as u32 + 1, "nmod:desc");
    }
}

/// "Former Gondorian *leader* Hirgon Tal says", "One protest *organizer* says": the first
/// words of a subject read as the root of a headline-like noun phrase, with the verb its
/// relative clause. A root noun with no subject, copula nor preposition, whose finite relative
/// clause has no relative word and a subject starting right after the root, opens that subject:
/// the verb becomes the root, and a common noun before a name describes it as in
/// [`titles_before_names_not_second_subjects`], any other noun is a compound of the subject's
/// head, which takes over its determiner. Neither treebank has a root of that shape ("the day
/// Tal said" keeps a subject of its own: "It was the day Tal said"). The same holds for a
/// title ([`bare_title`]) before a name that the parser read as the conjunct of the root
/// ("…, and presidential *candidate* Hirgon Tal called": the verb is the conjunct) or as its
/// dependent right after a quotation ("“…,” campaign *manager* Hirgon Tal said": the verb is
/// the root, reporting the quotation). Once on EWT dev, rightly ("The American-Arab
/// Discrimination Committee is suing").
fn subjects_not_roots_of_relative_clauses(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    let Some(top) = arcs.iter().position(|&(h, _)| h == 0) else { return };
    // The noun read as the root, or a title right after the quotation the root heads ("…,”
    // Clinton press *secretary* Brian Fallon said").
    let after_quotation = |k: usize| {
        let start = (0..k).rev().take_while(|&j| dominates(arcs, k, j) && words[j].upos != "PUNCT").last().unwrap_or(k);
        start > 0 && matches!(words[start - 1].form, "\"" | "”" | "'" | "’" | "''")
    };
    let candidates: Vec<usize> = std::iter::once(top)
        .chain(dependents(arcs, top).into_iter().filter(|&k| k > top && words[k].upos == "NOUN" && bare_title(words, arcs, k) && after_quotation(k)))
        .chain((0..words.len()).filter(|&k| arcs[k].1 == "conj" && words[k].upos == "NOUN" && bare_title(words, arcs, k)))
        .filter(|&t| bare_nominal(words, arcs, t))
        .collect();
    for t in candidates {
        if subject_from_relative_clause(words, arcs, top, t) {
            return;
        }
    }
}

/// [`subjects_not_roots_of_relative_clauses`] for noun `t` (the root `top` or a title under
/// it): whether the tree was changed.
fn subject_from_relative_clause(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)], top: usize, t: usize) -> bool {
    let nominal = |k: usize| matches!(words[k].upos, "NOUN" | "PROPN");
    let finite = |k: usize| matches!(words[k].xpos, "VBD" | "VBZ" | "VBP") || arcs.iter().any(|&(h, r)| h as usize == k + 1 && r == "aux");
    let Some(v) = (t + 1..words.len()).find(|&k| arcs[k] == (t as u32 + 1, "acl:relcl") && finite(k)) else { return false };
    let verb = v as u32 + 1;
    let verb_children = dependents(arcs, v);
    let relative = |k: usize| matches!(words[k].xpos, "WP" | "WDT" | "WP$" | "WRB") || words[k].form.eq_ignore_ascii_case("that");
    let Some(&n) = verb_children.iter().find(|&&k| arcs[k].1 == "nsubj" && nominal(k)) else { return false };
    let starts_after_noun = (t + 1..=n).all(|k| dominates(arcs, n, k));
    if !starts_after_noun || verb_children.iter().any(|&k| k < v && relative(k)) || (t != top && words[n].upos != "PROPN") {
        return false;
    }
    // What the noun governed after the verb is the verb's, and so is what the root did (the
    // full stop) where the verb becomes the root.
    let conjunct = t != top && arcs[t].1 == "conj";
    let governed = if conjunct { dependents(arcs, t) } else { [dependents(arcs, top), dependents(arcs, t)].concat() };
    for k in governed {
        if k > v {
            arcs[k].0 = verb;
        }
    }
    if t == top {
        arcs[v] = (0, "root");
    } else if conjunct {
        // "…, and presidential *candidate* Hirgon Tal called": the verb is the conjunct, with
        // the coordinator.
        arcs[v] = arcs[t];
        hand_back_before_title(words, arcs, t, verb, None);
    } else {
        // The quotation is what the verb reports.
        arcs[v] = (0, "root");
        hand_back_before_title(words, arcs, t, verb, None);
        arcs[top] = (verb, "ccomp");
    }
    arcs[t] = (verb, "nsubj");
    if words[t].upos == "NOUN" && words[n].upos == "PROPN" {
        describe_name(arcs, t, n);
    } else {
        for k in dependents(arcs, t) {
            if matches!(arcs[k].1, "det" | "nummod") {
                arcs[k].0 = n as u32 + 1;
            }
        }
        arcs[t] = (n as u32 + 1, "compound");
    }
    true
}

/// "Gondor, which is locked in a dispute with Rohan, *signed* a pact": the main verb read as a
/// conjunct of the subject's relative clause, leaving the subject the root. A root nominal with
/// no predicate of its own, whose relative clause (opened by a relative pronoun) has a finite
/// conjunct with no subject, is that conjunct's subject; neither treebank has a root of that
/// shape.
fn main_verbs_not_conjuncts_of_relative_clauses(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    let Some(n) = arcs.iter().position(|&(h, _)| h == 0) else { return };
    if !bare_nominal(words, arcs, n) {
        return;
    }
    for r in dependents(arcs, n).into_iter().filter(|&k| arcs[k].1 == "acl:relcl") {
        let clause = dependents(arcs, r);
        let opened = clause.iter().any(|&k| k < r && matches!(words[k].xpos, "WDT" | "WP"));
        let main = clause.into_iter().find(|&v| {
            arcs[v].1 == "conj" && matches!(words[v].xpos, "VBD" | "VBZ" | "VBP") && !dependents(arcs, v).iter().any(|&k| arcs[k].1.starts_with("nsubj"))
        });
        let Some(v) = main.filter(|_| opened) else { continue };
        let verb = v as u32 + 1;
        for k in dependents(arcs, n) {
            if k > v {
                arcs[k].0 = verb;
            }
        }
        arcs[v] = (0, "root");
        arcs[n] = (verb, "nsubj");
        return;
    }
}

/// "Gondor, which had hosted the talks, condemned the raid and *said* …": a verb read as a
/// conjunct of a verb inside a clause that a later verb governs (the relative clause of the
/// main verb's subject) coordinates with that later verb. Such an arc would cross the later
/// verb's; neither treebank has one.
fn conjuncts_not_across_their_clause(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for d in 0..words.len() {
        let (h, rel) = arcs[d];
        if rel != "conj" || h == 0 || words[d].upos != "VERB" {
            continue;
        }
        let h = h as usize - 1;
        if h >= d || words[h].upos != "VERB" {
            continue;
        }
        // The topmost such verb: the one no other in between governs.
        let governing: Vec<usize> = (h + 1..d).filter(|&v| words[v].upos == "VERB" && dominates(arcs, v, h)).collect();
        if let Some(&v) = governing.iter().find(|&&v| !governing.iter().any(|&o| o != v && dominates(arcs, o, v))) {
            arcs[d].0 = v as u32 + 1;
        }
    }
}

/// "signed a pact with *Rohan* last month": a name read as a compound of the time phrase after
/// it, across the time phrase's "last", "next" or "this" (which neither treebank has), is the
/// oblique itself, with the preposition; the time phrase is an oblique of its own.
fn names_before_time_phrases(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    const DEICTIC: [&str; 7] = ["last", "next", "this", "past", "previous", "coming", "following"];
    for c in 0..words.len() {
        let (head, rel) = arcs[c];
        let h = head as usize;
        if rel != "compound" || words[c].upos != "PROPN" || h <= c + 1 || !one_of(words[h - 1].lemma, &TIME_NOUNS) {
            continue;
        }
        let (time_head, time_rel) = arcs[h - 1];
        let deictic = (c + 1..h - 1).any(|k| arcs[k] == (head, "amod") && one_of(words[k].lemma, &DEICTIC));
        if !deictic || !time_rel.starts_with("obl") {
            continue;
        }
        for arc in arcs[..c].iter_mut().filter(|arc| **arc == (head, "case")) {
            arc.0 = c as u32 + 1;
        }
        arcs[c] = (time_head, "obl");
        arcs[h - 1] = (time_head, "obl:unmarked");
    }
}

/// "accused by *rights groups* of killing": a nominal with a preposition read as an object.
/// UD's objects take no case marker (neither treebank has one); it is an oblique, the agent
/// where "by" marks it under a passive verb.
fn prepositional_objects_as_obliques(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for o in 0..words.len() {
        let (verb, rel) = arcs[o];
        if !matches!(rel, "obj" | "iobj") || verb == 0 {
            continue;
        }
        let me = o as u32 + 1;
        // The preposition opens the phrase, hung on its head or on the word after it ("by
        // *rights* groups").
        let Some(marker) = (0..o).find(|&k| dominates(arcs, o, k)) else { continue };
        let on_the_phrase = |h: u32| h == me || (h != 0 && arcs[h as usize - 1].0 == me && matches!(arcs[h as usize - 1].1, "compound" | "amod" | "nmod:poss"));
        // Not "*at* least a couple weapons", where the preposition is the adverb's.
        if arcs[marker].1 != "case" || words[marker].upos != "ADP" || !on_the_phrase(arcs[marker].0) {
            continue;
        }
        arcs[marker].0 = me;
        let passive = arcs.iter().any(|&(h, r)| h == verb && r == "aux:pass");
        arcs[o].1 = if passive && words[marker].form.eq_ignore_ascii_case("by") { "obl:agent" } else { "obl" };
    }
}

/// "accused by rights groups *of killing* civilians": what a passive verb's agent is accused of,
/// thanked for …, read as a clause of the agent. A gerund marked "of" or "for" hung on an agent
/// is the verb's (neither treebank hangs one on an agent).
fn gerunds_after_agents(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for g in 0..words.len() {
        let (agent, rel) = arcs[g];
        if rel != "acl" || agent == 0 || words[g].xpos != "VBG" || arcs[agent as usize - 1].1 != "obl:agent" {
            continue;
        }
        let me = g as u32 + 1;
        let marked = (0..g).any(|k| arcs[k] == (me, "mark") && one_of(words[k].form, &["of", "for"]));
        if marked {
            arcs[g] = (arcs[agent as usize - 1].0, "advcl");
        }
    }
}

/// "rejected the warning*, accusing* the US of meddling": a participle set off by a comma after a
/// verb's object, read as the object's clause, is the verb's adverbial clause (so EWT and GUM
/// have it ten times out of eleven).
fn participles_after_objects_as_adverbial_clauses(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for g in 1..words.len() {
        let (object, rel) = arcs[g];
        if rel != "acl" || object == 0 || words[g].xpos != "VBG" || words[g - 1].form != "," {
            continue;
        }
        let (verb, object_rel) = arcs[object as usize - 1];
        // Not after an inverted frame read as an object ("…, said *the minister*, adding …"):
        // there the participle is the speaker's.
        if object_rel == "obj" && verb != 0 && words[verb as usize - 1].upos == "VERB" && has_subject(arcs, verb) {
            arcs[g] = (verb, "advcl");
        }
    }
}

/// "offered talks *between the two neighbours*": a "between" or "among" phrase right after a
/// verb's object, read as the verb's, is the object's (EWT and GUM train: 47 such phrases on
/// the noun, 4 on the verb, all of them verbs of sharing out or placing).
fn between_phrases_of_objects(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    const SHARING_OUT: &[&str] = &["split", "divide", "distribute", "share", "allocate", "sandwich", "rank", "rate", "choose", "place", "put", "spread"];
    for b in 1..words.len() {
        if arcs[b].1 != "case" || !one_of(words[b].form, &["between", "among"]) {
            continue;
        }
        let (phrase, object) = (arcs[b].0 as usize, b - 1);
        let (verb, object_rel) = arcs[object];
        if phrase == 0 || object_rel != "obj" || words[object].upos != "NOUN" || verb == 0 {
            continue;
        }
        let verb_word = &words[verb as usize - 1];
        if arcs[phrase - 1].0 == verb && arcs[phrase - 1].1.starts_with("obl") && verb_word.upos == "VERB" && !one_of(verb_word.lemma, SHARING_OUT) {
            arcs[phrase - 1] = (object as u32 + 1, "nmod");
        }
    }
}

/// "called it “a solution in search of a problem” and *said* …": a tensed verb read as a conjunct
/// of its verb's object or predicate noun is the verb's conjunct (one such arc in EWT and GUM
/// train, none on dev).
fn finite_verbs_not_conjuncts_of_nominals(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for c in 0..words.len() {
        let (noun, rel) = arcs[c];
        if rel != "conj" || noun == 0 || !matches!(words[c].xpos, "VBD" | "VBZ" | "VBP") || words[noun as usize - 1].upos != "NOUN" {
            continue;
        }
        let (verb, noun_rel) = arcs[noun as usize - 1];
        // Inside a reported clause the verb may as well be the reporter's ("told them that X
        // doesn't need a conflict and offered …"): left alone.
        let main = verb != 0 && !matches!(arcs[verb as usize - 1].1, "ccomp" | "xcomp" | "advcl" | "acl" | "acl:relcl" | "csubj");
        if matches!(noun_rel, "obj" | "xcomp") && main && words[verb as usize - 1].upos == "VERB" && !has_subject(arcs, c as u32 + 1) {
            arcs[c].0 = verb;
        }
    }
}

/// "India suspended a treaty after the attack, *expelled* diplomats and closed the border": a
/// subjectless tensed verb after a comma, read as a parataxis of a verb of the same tense with
/// a subject, is the second of a series when a verb joined by a coordinator follows it; it and
/// its own conjuncts join the first verb, as UD hangs every conjunct on the first. Rare in the
/// treebanks (one such arc right on EWT/GUM train and dev, three were right) but the way news
/// lists what a government did.
fn series_of_predicates_as_conjuncts(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for g in 1..words.len() {
        let (h, rel) = arcs[g];
        if rel != "parataxis" || h == 0 || h as usize > g || words[g - 1].form != "," || words[g].upos != "VERB" {
            continue;
        }
        let first = h as usize - 1;
        let me = g as u32 + 1;
        if words[first].upos != "VERB" || words[first].xpos != words[g].xpos || !matches!(words[g].xpos, "VBD" | "VBZ" | "VBP") || !has_subject(arcs, h) || has_subject(arcs, me) {
            continue;
        }
        let last: Vec<usize> =
            dependents(arcs, g).into_iter().filter(|&k| k > g && arcs[k].1 == "conj" && words[k].upos == "VERB" && dependents(arcs, k).iter().any(|&c| arcs[c].1 == "cc")).collect();
        if last.is_empty() {
            continue;
        }
        arcs[g] = (h, "conj");
        for k in last {
            arcs[k].0 = h;
        }
    }
}

/// "called the strikes “a heinous *act* of war”", "called the arrests a *travesty*": a noun or
/// adjective after the object of a verb of naming, read as the object's apposition (with no
/// comma, colon or dash between) or as a bare oblique of the verb (not a time word), is the
/// object's predicate (`xcomp`), as UD has "called it a disgrace". Quotation marks and long
/// objects hide the predicate from the parser; neither treebank has such an arc.
fn predicates_of_naming_verbs(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    const NAMING: &[&str] = &["call", "label", "brand", "dub", "term", "deem"];
    let naming = |v: u32| v != 0 && words[v as usize - 1].upos == "VERB" && one_of(words[v as usize - 1].lemma, NAMING);
    for g in 0..words.len() {
        let (h, rel) = arcs[g];
        if h == 0 || !matches!(words[g].upos, "NOUN" | "ADJ") {
            continue;
        }
        let verb = match rel {
            "appos" => {
                let o = h as usize - 1;
                let (v, object) = arcs[o];
                let start = first_word_of(words, arcs, g);
                let separated = (o + 1..start).any(|k| matches!(words[k].form, "," | ";" | ":" | "(" | "-" | "–" | "—"));
                (object == "obj" && naming(v) && (v as usize) <= o && !separated).then_some(v)
            }
            "obl:unmarked" | "obl:npmod" => {
                let object_before = (0..g).any(|k| arcs[k] == (h, "obj"));
                (words[g].upos == "NOUN" && naming(h) && object_before && !one_of(words[g].lemma, &TIME_NOUNS)).then_some(h)
            }
            _ => None,
        };
        if let Some(v) = verb {
            arcs[g] = (v, "xcomp");
        }
    }
}

/// "Opposition leaders *called* for a new election and urged their supporters …": a participle
/// read as a reduced relative clause of the subject, when the verb that subject governs comes
/// after a coordinator closing that clause, is the first of two coordinated predicates: the
/// participle (with no auxiliary, subject, marker or "by" agent of its own) takes the verb's
/// place, the subject and the later verb hang on it. The treebanks' parses have no such arc;
/// news openings do.
fn reduced_relatives_as_first_predicates(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for a in 0..words.len() {
        let (s, rel) = arcs[a];
        if rel != "acl" || s == 0 || s as usize > a || !matches!(words[a].xpos, "VBN" | "VBD") {
            continue;
        }
        let subject = s as usize - 1;
        let (r, subject_rel) = arcs[subject];
        if r == 0 || !subject_rel.starts_with("nsubj") || (r as usize) <= a + 1 {
            continue;
        }
        let verb = r as usize - 1;
        if words[verb].upos != "VERB" || !matches!(words[verb].xpos, "VBD" | "VBZ" | "VBP") {
            continue;
        }
        let own = dependents(arcs, a);
        let agent = |k: usize| arcs[k].1 == "obl" && dependents(arcs, k).iter().any(|&c| words[c].lemma == "by");
        if own.iter().any(|&k| matches!(arcs[k].1, "aux" | "aux:pass" | "nsubj" | "nsubj:pass" | "mark") || agent(k)) {
            continue;
        }
        let end = phrase_end(arcs, a);
        if !dependents(arcs, verb).iter().any(|&k| arcs[k].1 == "cc" && end < k && k < verb) {
            continue;
        }
        let me = a as u32 + 1;
        let last = words.len() - 1;
        arcs[a] = arcs[verb];
        arcs[subject].0 = me;
        arcs[verb] = (me, "conj");
        if arcs[last] == (r, "punct") {
            arcs[last].0 = me;
        }
    }
}

/// "said *states*, not Washington, *should set* the rules", "doubt *the party can win*": a verb
/// of saying or thinking whose object is followed by a verb with a modal, no subject and no
/// coordinator is reporting a clause, with the object as its subject (two such arcs right on
/// EWT/GUM dev, none wrong on train).
fn reported_clauses_after_objects(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    const REPORTING: &[&str] = &[
        "say", "argue", "insist", "warn", "believe", "think", "claim", "add", "suggest", "note", "predict", "fear", "hope", "expect", "doubt", "feel",
        "suspect", "admit", "acknowledge", "concede", "assume", "reckon", "contend", "maintain", "worry", "estimate", "guess", "bet",
    ];
    for v in 0..words.len() {
        if words[v].upos != "VERB" || !one_of(words[v].lemma, REPORTING) {
            continue;
        }
        let me = v as u32 + 1;
        let Some(o) = (v + 1..words.len()).find(|&k| arcs[k] == (me, "obj") && matches!(words[k].upos, "NOUN" | "PROPN" | "PRON")) else { continue };
        let end = phrase_end(arcs, o);
        let Some(x) = (end + 1..words.len()).find(|&k| matches!(words[k].upos, "VERB" | "AUX") && !matches!(arcs[k].1, "aux" | "aux:pass" | "cop")) else { continue };
        let deps = dependents(arcs, x);
        let modal = deps.iter().any(|&k| arcs[k].1 == "aux" && words[k].xpos == "MD");
        // A coordinated verb is the reporter's second predicate ("knows nothing and could not …").
        let subject = deps.iter().any(|&k| arcs[k].1.starts_with("nsubj") || arcs[k].1 == "cc");
        // Not when the reporting verb hangs below the clause ("…, he said, states should …").
        if modal && !subject && matches!(arcs[x].1, "advcl" | "conj" | "parataxis" | "xcomp" | "acl" | "acl:relcl") && !dominates(arcs, x, v) {
            arcs[x] = (me, "ccomp");
            arcs[o] = (x as u32 + 1, "nsubj");
        }
    }
}

/// "The Gondor Herald's Hirgon Tal sees": a possessor read as the verb's. UD hangs `nmod:poss`
/// on nominals only (neither treebank has one on a verb); a possessor right before a subject
/// or object of the same verb is that argument's.
fn possessors_of_arguments_not_of_verbs(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for p in 0..words.len() {
        let (verb, rel) = arcs[p];
        if rel != "nmod:poss" || verb == 0 || words[verb as usize - 1].upos != "VERB" {
            continue;
        }
        // The first word after the possessor's phrase ("'s" included), and the top of its phrase.
        let Some(next) = (p + 1..words.len()).find(|&k| !dominates(arcs, p, k)) else { continue };
        let mut top = next;
        while arcs[top].0 != verb {
            match arcs[top].0 as usize {
                h if h > p + 1 => top = h - 1,
                _ => break,
            }
        }
        let argument = arcs[top].0 == verb && matches!(arcs[top].1, "nsubj" | "nsubj:pass" | "obj");
        if argument && matches!(words[top].upos, "NOUN" | "PROPN") {
            arcs[p].0 = top as u32 + 1;
        }
    }
}

/// "Kenya, *Uganda* and Tanzania agreed", "Egypt, *Qatar* and the US brokered": the middle name
/// of a list of subjects read as a second subject of the verb, or as an apposition of the first.
/// A second name right after the comma that closes a first subject name, itself with a
/// coordinated conjunct, is a conjunct of the first, and so are its conjuncts.
fn subject_lists_as_conjuncts(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    let subject = |r: &str| matches!(r, "nsubj" | "nsubj:pass");
    for b in 2..words.len() {
        let (head, rel) = arcs[b];
        // Names only: "carelessness, failure to meet the standard, was …" is an apposition. The
        // name may open with words of its own ("Mali, *Burkina* Faso and Niger").
        let start = first_word_of(words, arcs, b);
        if start < 2 || words[start - 1].form != "," || words[b].upos != "PROPN" {
            continue;
        }
        // "Russia, China and Cuba voted": the first name may have been read as a vocative.
        let first_subject = |k: usize| k < start - 1 && (subject(arcs[k].1) || (k == 0 && arcs[k].1 == "vocative")) && words[k].upos == "PROPN";
        let a = match rel {
            r if subject(r) => (0..start - 1).find(|&k| arcs[k].0 == head && first_subject(k)),
            "appos" | "list" => Some(head as usize).filter(|&h| h > 0).map(|h| h - 1).filter(|&k| first_subject(k)),
            _ => None,
        };
        let Some(a) = a else { continue };
        let me = b as u32 + 1;
        // "B and C": a conjunct with its coordinator.
        let has_conjunct = (b + 1..words.len()).any(|c| arcs[c] == (me, "conj") && arcs.iter().any(|&(h, r)| h == c as u32 + 1 && r == "cc"));
        // The first subject's phrase runs up to the comma.
        if !has_conjunct || !(a..start - 1).all(|k| dominates(arcs, a, k)) {
            continue;
        }
        let first = a as u32 + 1;
        for arc in arcs.iter_mut().filter(|arc| **arc == (me, "conj")) {
            arc.0 = first;
        }
        if arcs[a].1 == "vocative" {
            arcs[a].1 = if subject(rel) { rel } else { "nsubj" };
        }
        arcs[b] = (first, "conj");
    }
}

/// "said on Friday *that* troops had crossed": a "that" clause read as a relative clause of the
/// day word before it. A relative "that" is a pronoun in UD; with "that" as a subordinator the
/// clause is the verb's complement, and so is a clause with a subject and no relative word after
/// a speech verb ("said on Sunday they had detained X").
fn that_clauses_after_day_words(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    const DAY_WORDS: [&str; 14] = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "week",
        "weekend", "morning", "evening",
    ];
    let day_word = |d: u32| d != 0 && DAY_WORDS.contains(&words[d as usize - 1].form.to_ascii_lowercase().as_str());
    for c in 0..arcs.len() {
        let (mut d, rel) = arcs[c];
        if !rel.starts_with("acl") || d == 0 {
            continue;
        }
        // "said on Monday that Belarus was arming …" read with "that" on the day word and the
        // clause on "that": "that" marks the clause.
        let head = &words[d as usize - 1];
        let mut that_on_day = None;
        if head.upos == "SCONJ" && head.form.eq_ignore_ascii_case("that") && day_word(arcs[d as usize - 1].0) {
            that_on_day = Some(d);
            d = arcs[d as usize - 1].0;
        }
        if !day_word(d) {
            continue;
        }
        let (v, day_rel) = arcs[d as usize - 1];
        if !day_rel.starts_with("obl") || v == 0 || words[v as usize - 1].upos != "VERB" {
            continue;
        }
        let me = c as u32 + 1;
        let marked = (0..c).any(|k| arcs[k] == (me, "mark") && words[k].form.eq_ignore_ascii_case("that") && words[k].upos == "SCONJ");
        // "said on Sunday they had detained X": after a speech verb, a clause with its own
        // subject and no relative pronoun is what was said.
        let relative = (0..c).any(|k| arcs[k].0 == me && matches!(words[k].form.to_ascii_lowercase().as_str(), "that" | "which" | "who" | "when" | "where"));
        let subject = (0..c).any(|k| arcs[k] == (me, "nsubj") || arcs[k] == (me, "nsubj:pass"));
        let speech = matches!(words[v as usize - 1].lemma, "say" | "tell" | "announce" | "report" | "claim" | "confirm" | "add" | "state" | "warn");
        if let Some(that) = that_on_day {
            arcs[that as usize - 1] = (me, "mark");
            arcs[c] = (v, "ccomp");
        } else if marked || (speech && subject && !relative) {
            arcs[c] = (v, "ccomp");
        }
    }
}

/// "sent to Armenia *some* of the weapons": an object read as hanging on a noun before it. Only a
/// verb takes an object in UD: the object joins the verb that noun depends on.
fn objects_of_verbs(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for o in 0..arcs.len() {
        let (h, rel) = arcs[o];
        if rel != "obj" || h == 0 || h as usize > o || !matches!(words[h as usize - 1].upos, "NOUN" | "PROPN" | "PRON" | "NUM") {
            continue;
        }
        // The noun is an argument of a verb that has no object of its own.
        let (v, noun_rel) = arcs[h as usize - 1];
        if v == 0 || words[v as usize - 1].upos != "VERB" || !matches!(noun_rel, "obl" | "iobj" | "obj") {
            continue;
        }
        if !arcs.iter().any(|&(hh, r)| hh == v && r == "obj") {
            arcs[o].0 = v;
        }
    }
}

/// "freed on bail *two ministers*": an object after an oblique read as the oblique's conjunct or
/// apposition, with nothing coordinating or setting them apart. Without a conjunction or comma
/// between, the noun phrase is the object of the verb, when the verb has none.
fn objects_after_obliques_not_conjuncts(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for c in 0..arcs.len() {
        let (h, rel) = arcs[c];
        if !matches!(rel, "conj" | "appos") || h == 0 || h as usize > c || !matches!(words[c].upos, "NOUN" | "PROPN" | "PRON" | "NUM") {
            continue;
        }
        let (v, oblique) = arcs[h as usize - 1];
        if oblique != "obl" || v == 0 || v > h || words[v as usize - 1].upos != "VERB" {
            continue;
        }
        let me = c as u32 + 1;
        let coordinated = (h as usize..c).any(|k| matches!(words[k].upos, "CCONJ" | "PUNCT"))
            || arcs.iter().any(|&(hh, r)| hh == me && matches!(r, "cc" | "punct"));
        if !coordinated && !arcs.iter().any(|&(hh, r)| hh == v && r == "obj") {
            arcs[c] = (v, "obj");
        }
    }
}

/// "called Prime Minister X on Wednesday *to congratulate* him": an infinitive read as a clause
/// modifying the name the verb takes as its object. A name takes no such clause; unless the
/// verb makes its object the doer ("urged X to", "invited X to": UD's object control), the
/// infinitive is the verb's purpose, an adverbial clause.
fn purposes_not_clauses_of_names(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    const OBJECT_CONTROL: &[&str] = &[
        "ask", "urge", "invite", "allow", "permit", "tell", "order", "force", "help", "encourage", "persuade", "press", "pressure",
        "push", "want", "expect", "need", "require", "warn", "advise", "instruct", "challenge", "compel", "oblige", "enable",
        "authorize", "authorise", "appoint", "elect", "nominate", "choose", "select", "name", "get", "cause", "lead", "leave",
        "beg", "implore", "remind", "teach", "train", "empower", "mandate", "commission", "recruit", "hire", "pick", "tap",
    ];
    for c in 0..words.len() {
        let (n, rel) = arcs[c];
        if rel != "acl" || words[c].xpos != "VB" || n == 0 || words[n as usize - 1].upos != "PROPN" || n as usize > c {
            continue;
        }
        let me = c as u32 + 1;
        if !arcs.iter().enumerate().any(|(k, &(h, r))| h == me && r == "mark" && words[k].form.eq_ignore_ascii_case("to")) {
            continue;
        }
        let (v, noun_rel) = arcs[n as usize - 1];
        if noun_rel != "obj" || v == 0 || words[v as usize - 1].upos != "VERB" || OBJECT_CONTROL.contains(&words[v as usize - 1].lemma) {
            continue;
        }
        arcs[c] = (v, "advcl");
    }
}

/// "China offered *to help* mediate": an infinitive right after a verb that takes one as its
/// complement is that complement (`xcomp`), not a clause of purpose. The treebanks have these
/// verbs with "to" and a verb right after them as `xcomp` some 950 times, never as `advcl`.
fn infinitives_of_control_verbs(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    const SUBJECT_CONTROL: &[&str] = &[
        "offer", "agree", "promise", "pledge", "vow", "threaten", "decide", "refuse", "plan", "want", "try", "seek", "hope", "attempt",
        "fail", "aim", "intend", "prepare", "wish", "expect", "choose", "tend", "vote", "volunteer", "undertake", "resolve",
    ];
    for t in 0..words.len().saturating_sub(2) {
        let (to, k) = (t + 1, t + 2);
        if words[t].upos != "VERB" || !SUBJECT_CONTROL.contains(&words[t].lemma) || !words[to].form.eq_ignore_ascii_case("to") {
            continue;
        }
        if words[k].upos == "VERB" && arcs[k] == (t as u32 + 1, "advcl") && arcs[to] == (k as u32 + 1, "mark") {
            arcs[k].1 = "xcomp";
        }
    }
}

/// "Last week, on August 6, *the government* expelled …": the subject read as an apposition of
/// the time phrase before it, which leaves the finite verb with no subject. A finite verb has
/// one in English: the noun phrase right before it, set off by a comma, is it.
fn subjects_not_appositions(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for v in 1..words.len() {
        if !matches!(words[v].xpos, "VBD" | "VBZ" | "VBP") || words[v].upos != "VERB" {
            continue;
        }
        let me = v as u32 + 1;
        let s = v - 1;
        let (h, rel) = arcs[s];
        if rel != "appos" || !matches!(words[s].upos, "NOUN" | "PROPN") || h == 0 || h as usize > s {
            continue;
        }
        // The apposition's head is the verb's adjunct, and the verb has no subject.
        let adjunct = matches!(arcs[h as usize - 1], (hh, r) if hh == me && (r.starts_with("obl") || r == "advmod"));
        let subject = arcs.iter().any(|&(hh, r)| hh == me && (r.starts_with("nsubj") || r.starts_with("csubj") || r == "expl"));
        let set_off = (h as usize..s).any(|k| words[k].xpos == "," && arcs[k].0 == s as u32 + 1);
        if adjunct && !subject && set_off {
            arcs[s] = (me, "nsubj");
        }
    }
}

/// "rolled *back* tariffs", "called *off* the talks": a particle right after its verb read as a
/// modifier of the noun after it. It completes the verb (`compound:prt`).
fn particles_not_compounds(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    const PARTICLES: &[&str] = &["back", "off", "up", "down", "out", "away"];
    for k in 1..words.len() {
        let (h, rel) = arcs[k];
        let particle = PARTICLES.contains(&words[k].form.to_ascii_lowercase().as_str());
        if !particle || words[k - 1].upos != "VERB" || (h as usize) <= k + 1 || !matches!(rel, "compound" | "amod" | "nmod" | "det") {
            continue;
        }
        if matches!(words[h as usize - 1].upos, "NOUN" | "PROPN") {
            arcs[k] = (k as u32, "compound:prt");
        }
    }
}

/// "lifted long-*standing* sanctions": a participle after a hyphen read as a clause taking the
/// noun after it as its object. The hyphenated word modifies the noun, which takes its place;
/// the words before the hyphen stay on the participle.
fn hyphenated_participles_as_modifiers(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for k in 1..words.len().saturating_sub(1) {
        let me = k as u32 + 1;
        let noun = k + 1;
        let clause = matches!(arcs[k].1, "xcomp" | "advcl" | "acl" | "ccomp" | "conj");
        if words[k - 1].form != "-" || !matches!(words[k].xpos, "VBG" | "VBN") || !clause || arcs[noun] != (me, "obj") || words[noun].upos != "NOUN" {
            continue;
        }
        for a in arcs[noun + 1..].iter_mut().filter(|a| a.0 == me) {
            a.0 = noun as u32 + 1;
        }
        let (head, rel) = arcs[k];
        arcs[noun] = (head, if rel == "xcomp" { "obj" } else { rel });
        arcs[k] = (noun as u32 + 1, "amod");
    }
}

/// Subordinating conjunctions of time, which also head noun phrases ("after the war"): the
/// repairs below recognise them where the parser took them for prepositions.
const TIME_CONJUNCTIONS: &[&str] = &["after", "before", "since", "until", "once", "while", "when"];
/// The other subordinating conjunctions that can open a sentence's first clause.
const OTHER_SUBORDINATORS: &[&str] = &["as", "because", "although", "though", "if", "unless"];

/// "defended its policy *after* the army shelled a village": a subordinating conjunction read as
/// a preposition, its clause's subject as the preposition's object, and the clause's verb as a
/// conjunct of the main verb. The verb heads an adverbial clause marked by the conjunction, with
/// that noun its subject.
fn clauses_after_conjunctions_not_prepositions(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for p in 0..words.len() {
        let (n, rel) = arcs[p];
        if rel != "case" || words[p].upos != "ADP" || !TIME_CONJUNCTIONS.contains(&words[p].form.to_ascii_lowercase().as_str()) || n as usize <= p + 1 {
            continue;
        }
        let noun = n as usize - 1;
        let (v, noun_rel) = arcs[noun];
        if v == 0 || !noun_rel.starts_with("obl") || !matches!(words[noun].upos, "NOUN" | "PROPN" | "PRON") {
            continue;
        }
        // The verb right after the noun's phrase, hung on the same verb with nothing joining them.
        let Some(w) = (noun + 1..words.len()).find(|&k| !dominates(arcs, noun, k)) else { continue };
        let finite = matches!(words[w].xpos, "VBD" | "VBZ" | "VBP") && words[w].upos == "VERB";
        let me = w as u32 + 1;
        let joined = arcs.iter().any(|&(h, r)| h == me && matches!(r, "cc" | "nsubj" | "nsubj:pass"));
        if !finite || !matches!(arcs[w], (h, "conj" | "parataxis") if h == v) || joined {
            continue;
        }
        arcs[noun] = (me, "nsubj");
        arcs[p] = (me, "mark");
        arcs[w] = (v, "advcl");
    }
}

/// "*After* the court refused …, the attorney general asked …": a sentence opened by a
/// subordinating conjunction (or one read as a preposition), with its clause taken for the
/// sentence and the main clause hung on it as a conjunct. The main verb (the first finite verb after the comma
/// that ends the opening clause, with no subject of its own) becomes the root, the opening
/// clause its adverbial clause, and the noun phrase between the comma and the verb its subject.
fn opening_clauses_not_main_clauses(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    let Some(p) = (0..words.len()).find(|&k| words[k].upos != "PUNCT") else { return };
    let (h, rel) = arcs[p];
    let word = words[p].form.to_ascii_lowercase();
    if !(TIME_CONJUNCTIONS.contains(&word.as_str()) || OTHER_SUBORDINATORS.contains(&word.as_str())) || h == 0 {
        return;
    }
    // The conjunction marks the verb, or was read as the case of its subject.
    let v = match rel {
        "mark" => h,
        "case" if words[p].upos == "ADP" && arcs[h as usize - 1].1.starts_with("nsubj") => arcs[h as usize - 1].0,
        _ => return,
    };
    if v == 0 || arcs[v as usize - 1] != (0, "root") {
        return;
    }
    let verb = v as usize - 1;
    let finite = |k: usize| words[k].upos == "VERB" && matches!(words[k].xpos, "VBD" | "VBZ" | "VBP");
    let Some(w) = (verb + 1..words.len()).find(|&k| finite(k) && arcs[k].0 == v) else { return };
    let me = w as u32 + 1;
    let Some(comma) = (verb + 1..w).rev().find(|&k| words[k].form == ",") else { return };
    if arcs.iter().any(|&(h, r)| h == me && r.starts_with("nsubj")) {
        return;
    }
    // The noun phrase before the verb, bracketed words aside: its words whose heads lie outside
    // it, the last nominal one heading it.
    let span = comma + 1..w;
    if span.clone().any(|k| words[k].upos == "PUNCT" && !matches!(words[k].form, "(" | ")")) {
        return;
    }
    let tops: Vec<usize> = span.clone().filter(|&k| !span.contains(&(arcs[k].0 as usize).wrapping_sub(1)) && words[k].upos != "PUNCT").collect();
    let Some(&subject) = tops.iter().rev().find(|&&k| matches!(words[k].upos, "NOUN" | "PROPN" | "PRON")) else { return };
    if tops.iter().any(|&k| !matches!(words[k].upos, "NOUN" | "PROPN" | "ADJ" | "DET" | "NUM")) {
        return;
    }
    for &k in tops.iter().filter(|&&k| k != subject) {
        arcs[k] = (subject as u32 + 1, if words[k].upos == "PROPN" || words[k].upos == "NOUN" { "compound" } else { "amod" });
    }
    arcs[subject] = (me, "nsubj");
    arcs[w] = (0, "root");
    arcs[verb] = (me, "advcl");
    arcs[p] = (v, "mark");
    arcs[comma] = (v, "punct");
    // What followed the main verb belongs to it ("… for quick action *.*").
    for a in arcs[w + 1..].iter_mut().filter(|a| a.0 == v) {
        a.0 = me;
    }
}

/// "spoke at a rally *that drew* thousands": a clause whose subject is a relative pronoun right
/// after a noun, read as the verb's complement. It is a relative clause of that noun, or after
/// the verb's obliques, of its object ("fought a *war* from 1998 to 2000 that killed …").
fn relative_clauses_not_complements(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for c in 1..words.len() {
        if arcs[c].1 != "ccomp" {
            continue;
        }
        let me = c as u32 + 1;
        let Some(s) = (0..c).find(|&k| arcs[k] == (me, "nsubj")) else { continue };
        let relative = words[s].upos == "PRON" && matches!(words[s].form.to_ascii_lowercase().as_str(), "that" | "which" | "who");
        if !relative || s == 0 || (s + 1..c).any(|k| !dominates(arcs, c, k)) {
            continue;
        }
        // The noun right before, else the verb's object with only its obliques between ("fought
        // a border *war* from 1998 to 2000 that killed …": no year is what killed).
        let verb = arcs[c].0;
        let object = || {
            let o = (0..s).rev().find(|&k| arcs[k] == (verb, "obj"))?;
            let obliques = |k: usize| (0..words.len()).any(|t| arcs[t].0 == verb && arcs[t].1.starts_with("obl") && dominates(arcs, t, k));
            (o + 1..s).all(|k| dominates(arcs, o, k) || obliques(k)).then_some(o)
        };
        let antecedent = if matches!(words[s - 1].upos, "NOUN" | "PROPN") { Some(s - 1) } else { object() };
        // The noun is inside what the verb governs, so the clause can hang on it.
        let Some(noun) = antecedent.filter(|&n| !dominates(arcs, c, n)) else { continue };
        arcs[c] = (noun as u32 + 1, "acl:relcl");
    }
}

/// "called on the Emirates, *which* the army accuses of …": a clause opened by "which", "who" or
/// "whom" right after a comma that follows a noun, read as a clause of the verb, describes that
/// noun (`acl:relcl`).
fn relative_clauses_after_commas(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for p in 2..words.len() {
        let relative = words[p].upos == "PRON" && ["which", "who", "whom"].iter().any(|w| words[p].form.eq_ignore_ascii_case(w));
        let noun = p - 2;
        if !relative || words[p - 1].form != "," || !matches!(words[noun].upos, "NOUN" | "PROPN") {
            continue;
        }
        let (c, rel) = arcs[p];
        if c == 0 || !matches!(rel, "nsubj" | "nsubj:pass" | "obj") {
            continue;
        }
        let c = c as usize - 1;
        if c < p || !matches!(arcs[c].1, "advcl" | "ccomp" | "parataxis") || dominates(arcs, c, noun) {
            continue;
        }
        arcs[c] = (noun as u32 + 1, "acl:relcl");
    }
}

/// "accuse *Rwanda* of supporting M23": the accused read as a compound of the noun after the
/// gerund, with the gerund hanging on it. The accused takes that noun's place (the verb's
/// object), the gerund becomes an adverbial clause of the verb, and the noun its object.
fn gerunds_after_of_not_inside_compounds(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for g in 1..words.len() {
        let (x, rel) = arcs[g];
        if words[g].xpos != "VBG" || x == 0 || !matches!(rel, "nmod" | "acl" | "advcl") {
            continue;
        }
        let x = x as usize - 1;
        let (y, x_rel) = arcs[x];
        let marked = arcs[g - 1] == (g as u32 + 1, "mark") && words[g - 1].form.eq_ignore_ascii_case("of");
        if !marked || x_rel != "compound" || x + 1 >= g || (y as usize) <= g + 1 {
            continue;
        }
        let y = y as usize - 1;
        let (v, y_rel) = arcs[y];
        if v == 0 || words[v as usize - 1].upos != "VERB" || y_rel != "obj" {
            continue;
        }
        arcs[x] = (v, "obj");
        arcs[g] = (v, "advcl");
        arcs[y] = (g as u32 + 1, "obj");
    }
}

/// "thanked *Macron* for France's help": an object read as a compound of the noun after a
/// preposition. A compound does not reach across a preposition of another phrase: the word takes
/// the noun's place as the verb's object, and the noun becomes an oblique of the verb, marked by
/// the preposition.
fn compounds_across_prepositions(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for x in 0..arcs.len() {
        let (y, rel) = arcs[x];
        if rel != "compound" || (y as usize) <= x + 2 || !matches!(words[x].upos, "PROPN" | "NOUN") {
            continue;
        }
        let y = y as usize - 1;
        let (v, y_rel) = arcs[y];
        if y_rel != "obj" || v == 0 || words[v as usize - 1].upos != "VERB" {
            continue;
        }
        let Some(p) = (x + 1..y).find(|&p| words[p].upos == "ADP" && !dominates(arcs, x, p)) else { continue };
        if !dominates(arcs, y, p) {
            continue;
        }
        arcs[x] = (v, "obj");
        arcs[y] = (v, "obl");
        arcs[p] = (y as u32 + 1, "case");
    }
}

/// "$22. 5 million": a decimal point typed with a space, which the parser reads as a full stop
/// between two numbers. Both parts of the number are compounds of the scale word, as in
/// "22.5 million", and the point is punctuation on it.
fn decimals_typed_with_a_space(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    const SCALES: [&str; 4] = ["thousand", "million", "billion", "trillion"];
    let digits = |w: &ParseInput<'_>| !w.form.is_empty() && w.form.bytes().all(|b| b.is_ascii_digit());
    for i in 0..words.len().saturating_sub(3) {
        let [a, point, b, scale] = [&words[i], &words[i + 1], &words[i + 2], &words[i + 3]];
        if !(digits(a) && a.form.len() <= 3 && point.form == "." && digits(b) && SCALES.contains(&scale.form.to_ascii_lowercase().as_str())) {
            continue;
        }
        let scale_id = i as u32 + 4;
        let depth = |arcs: &[(u32, &str)], mut k: usize| {
            let mut d = 0;
            while arcs[k].0 != 0 && d <= arcs.len() {
                k = arcs[k].0 as usize - 1;
                d += 1;
            }
            d
        };
        // The scale word keeps its attachment ("million" of "euros"), unless it hangs below a
        // part of the number: then it takes the place of the part nearest the root. The parts'
        // dependents go to the scale word, or to the noun it counts ("to 1. 5 million people":
        // "to" marks "people").
        let mut phrase = scale_id;
        if (i..i + 3).any(|k| dominates(arcs, k, i + 3)) {
            let top = (i..i + 3).min_by_key(|&k| depth(arcs, k)).expect("three words");
            take_place(arcs, top, i + 3);
        } else if arcs[i + 3].1 == "nummod" && arcs[i + 3].0 > scale_id {
            phrase = arcs[i + 3].0;
        }
        let mut marked = false;
        for arc in arcs.iter_mut().filter(|(h, _)| (i as u32 + 1..i as u32 + 4).contains(h)) {
            arc.0 = phrase;
            marked |= arc.1 == "case";
        }
        let noun = phrase as usize - 1;
        if marked && arcs[noun].1 == "obj" {
            arcs[noun].1 = "obl";
        }
        arcs[i] = (scale_id, "compound");
        arcs[i + 1] = (scale_id, "punct");
        arcs[i + 2] = (scale_id, "compound");
    }
}

/// "met Hun Manet and *Thailand's* foreign minister": a name with "'s" right after a coordinator,
/// read as the conjunct of the name before it, possesses only the noun phrase after it, which is
/// the conjunct; when the parser made both names the possessors ("[Hun Manet and Thailand]'s
/// minister"), the first name takes the noun's place. The treebanks hold no possessor shared by
/// two names without a "'s" each ("Atta's and Moussaoui's inquiries"); the few shared ones are
/// common nouns ("my mother and father's health").
fn possessors_after_conjunctions(words: &[ParseInput<'_>], arcs: &mut [(u32, &str)]) {
    for s in 3..words.len() {
        let (y, cc) = (s - 1, s - 2);
        let own_possessive = words[cc - 1].xpos == "POS";
        if words[s].xpos != "POS" || arcs[s] != (y as u32 + 1, "case") || words[y].upos != "PROPN" || !matches!(words[cc].lemma, "and" | "or") || own_possessive {
            continue;
        }
        let (hx, rel) = arcs[y];
        if rel != "conj" || hx == 0 || hx as usize - 1 >= cc || words[hx as usize - 1].upos != "PROPN" {
            continue;
        }
        let x = hx as usize - 1;
        // The possessed phrase: the nominal words after "'s", with one head among them.
        let run = (s + 1..words.len()).take_while(|&k| matches!(words[k].upos, "ADJ" | "NOUN" | "PROPN" | "NUM")).last().map_or(s + 1..s + 1, |end| s + 1..end + 1);
        let roots: Vec<usize> = run.clone().filter(|&k| !run.contains(&(arcs[k].0 as usize).wrapping_sub(1))).collect();
        let [z] = roots[..] else { continue };
        if arcs[x] == (z as u32 + 1, "nmod:poss") {
            for k in 0..x {
                if arcs[k].0 == z as u32 + 1 {
                    arcs[k].0 = x as u32 + 1;
                }
            }
            arcs[x] = arcs[z];
        } else if dominates(arcs, z, x) {
            continue;
        }
        arcs[z] = (x as u32 + 1, "conj");
        arcs[y] = (z as u32 + 1, "nmod:poss");
        if arcs[cc].0 == y as u32 + 1 {
            arcs[cc].0 = z as u32 + 1;
        }
    }
}

/// "Trade Representative Robert Zoellick *and* Kuwaiti Minister X": a conjunct read as one of
/// the words of the name before it. A word of a flat name heads nothing: the conjunct joins the
/// name's head.
fn conjuncts_of_names_not_of_their_words(arcs: &mut [(u32, &str)]) {
    for c in 0..arcs.len() {
        let (h, rel) = arcs[c];
        if rel != "conj" || h == 0 || arcs[h as usize - 1].1 != "flat" {
            continue;
        }
        arcs[c].0 = arcs[h as usize - 1].0;
    }
}

/// Puts word `by` in the place of word `word`: `word`'s dependents and its own attachment pass
/// to `by`. The caller then re-attaches `word`.
fn take_place(arcs: &mut [(u32, &str)], word: usize, by: usize) {
    let attachment = arcs[word];
    for (h, _) in arcs.iter_mut().filter(|(h, _)| *h == word as u32 + 1) {
        *h = by as u32 + 1;
    }
    arcs[by] = attachment;
}

/// A capitalised adjective ("Lebanese", "Western"), which the repairs trust to open a name.
fn proper_adjective(word: &ParseInput<'_>) -> bool {
    word.upos == "ADJ" && word.form.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `word` is one of the lowercase `list`, in any case, without allocating.
fn one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The dependents of word `h` (0-based indices, 1-based heads), in order.
fn dependents(arcs: &[(u32, &str)], h: usize) -> Vec<usize> {
    (0..arcs.len()).filter(|&k| arcs[k].0 as usize == h + 1).collect()
}

/// Whether word `n` is a noun with no predicate of its own: no subject, copula or preposition.
fn bare_nominal(words: &[ParseInput<'_>], arcs: &[(u32, &str)], n: usize) -> bool {
    matches!(words[n].upos, "NOUN" | "PROPN") && !dependents(arcs, n).iter().any(|&k| matches!(arcs[k].1, "nsubj" | "nsubj:pass" | "cop" | "case"))
}

/// Whether word `h` (1-based) has a subject of its own.
fn has_subject(arcs: &[(u32, &str)], h: u32) -> bool {
    arcs.iter().any(|&(head, r)| head == h && r.starts_with("nsubj"))
}

/// Whether the arcs (1-based heads) form one tree: a single root that every word reaches.
fn is_tree(arcs: &[(u32, &str)]) -> bool {
    let rooted = |mut k: usize| {
        for _ in 0..=arcs.len() {
            match arcs[k].0 {
                0 => return true,
                h => k = h as usize - 1,
            }
        }
        false
    };
    arcs.iter().filter(|&&(h, _)| h == 0).count() == 1 && (0..arcs.len()).all(rooted)
}

/// The last word of word `h`'s phrase (0-based).
fn phrase_end(arcs: &[(u32, &str)], h: usize) -> usize {
    (h..arcs.len()).filter(|&k| dominates(arcs, h, k)).max().unwrap_or(h)
}

/// The first word of word `h`'s phrase that is no punctuation (0-based): "Mali" of "Mali," or of
/// an opening quotation mark.
fn first_word_of(words: &[ParseInput<'_>], arcs: &[(u32, &str)], h: usize) -> usize {
    (0..h).find(|&k| words[k].upos != "PUNCT" && dominates(arcs, h, k)).unwrap_or(h)
}

/// Whether word `k` lies in the subtree of word `top` (0-based indices, 1-based heads).
fn dominates(arcs: &[(u32, &str)], top: usize, mut k: usize) -> bool {
    for _ in 0..arcs.len() {
        if k == top {
            return true;
        }
        match arcs[k].0 {
            0 => return false,
            h => k = h as usize - 1,
        }
    }
    false
}

/// A trained parser.
#[derive(Clone, Debug, PartialEq)]
pub struct Parser {
    model: Model,
    /// The classes that would make a finite verb a noun modifier (`amod`,
    /// `compound`, ...): UD never does, yet a linear model tempted by
    /// "Blinken *renewed* warnings" sometimes would.
    nominal_classes: Vec<usize>,
}

/// Relations a finite verb (VBD, VBZ, VBP) never bears in UD.
const NOMINAL_RELATIONS: [&str; 6] = ["amod", "compound", "det", "nummod", "case", "nmod:poss"];

impl Parser {
    /// Reads a model written by [`Parser::save`].
    pub fn load(path: &Path) -> Result<Parser, ModelError> {
        let bytes = std::fs::read(path).map_err(|source| ModelError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Parser::from_bytes(&bytes).map_err(|error| ModelError::File {
            path: path.to_path_buf(),
            error: Box::new(error),
        })
    }

    /// Reads a model from its file contents (e.g. `include_bytes!`).
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ModelError> {
        Ok(Parser::from_model(model::from_bytes(bytes)?))
    }

    pub(crate) fn from_model(model: Model) -> Parser {
        let nominal_classes = (0..model.classes.count())
            .filter(|&class| {
                let (_, label) = model.classes.get(class);
                NOMINAL_RELATIONS.contains(&model.labels[label as usize].as_str())
            })
            .collect();
        Parser {
            model,
            nominal_classes,
        }
    }

    /// The model file's contents.
    pub fn to_bytes(&self) -> Vec<u8> {
        model::to_bytes(&self.model)
    }

    /// Writes the model to a temporary file beside `path` and renames it into
    /// place, so a reader never sees a half-written model.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let name = path.file_name().ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, "model path has no file name")
        })?;
        let mut tmp_name = name.to_os_string();
        tmp_name.push(format!(".tmp{}", std::process::id()));
        let tmp = path.with_file_name(tmp_name);
        let written = std::fs::File::create(&tmp).and_then(|mut file| {
            file.write_all(&self.to_bytes())?;
            file.sync_all()
        });
        match written.and_then(|()| std::fs::rename(&tmp, path)) {
            Ok(()) => Ok(()),
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                Err(e)
            }
        }
    }

    /// How the model was trained.
    pub fn info(&self) -> &ModelInfo {
        &self.model.info
    }

    /// The dependency relations the model can predict.
    pub fn labels(&self) -> &[String] {
        &self.model.labels
    }

    /// Number of features and of stored weights in the model.
    pub fn size(&self) -> (usize, usize) {
        self.model.weights.size()
    }

    /// Parses one sentence. Returns `(head, deprel)` per word: heads are
    /// 1-based with 0 for the root, and the result is always a tree with
    /// exactly one root word, whatever the input.
    pub fn parse(&self, words: &[ParseInput<'_>]) -> Vec<(u32, &str)> {
        let n = words.len() as u32;
        let state = self.decode(&features::encode(words));
        let mut arcs: Vec<(u32, &str)> = state.nodes[..words.len()]
            .iter()
            .map(|node| {
                let head = if node.head == n { 0 } else { node.head + 1 };
                (head, self.model.labels[node.label as usize].as_str())
            })
            .collect();
        // The repairs below each keep a tree; should any combination ever fail to, the
        // decoder's tree stands rather than a cycle that later stages would walk forever.
        let decoded = arcs.clone();
        approximate_amounts_as_objects(words, &mut arcs);
        adjectives_opening_objects(words, &mut arcs);
        adjectives_opening_subjects(words, &mut arcs);
        names_after_modifiers_not_conjuncts(words, &mut arcs);
        articles_as_determiners(words, &mut arcs);
        prepositions_as_case_markers(words, &mut arcs);
        day_words_after_names(words, &mut arcs);
        subject_lists_as_conjuncts(words, &mut arcs);
        titles_before_names_not_second_subjects(words, &mut arcs);
        subjects_not_roots_of_relative_clauses(words, &mut arcs);
        possessors_of_arguments_not_of_verbs(words, &mut arcs);
        main_verbs_not_conjuncts_of_relative_clauses(words, &mut arcs);
        names_before_time_phrases(words, &mut arcs);
        prepositional_objects_as_obliques(words, &mut arcs);
        gerunds_after_agents(words, &mut arcs);
        participles_after_objects_as_adverbial_clauses(words, &mut arcs);
        between_phrases_of_objects(words, &mut arcs);
        finite_verbs_not_conjuncts_of_nominals(words, &mut arcs);
        reported_clauses_after_objects(words, &mut arcs);
        series_of_predicates_as_conjuncts(words, &mut arcs);
        predicates_of_naming_verbs(words, &mut arcs);
        reduced_relatives_as_first_predicates(words, &mut arcs);
        conjuncts_of_names_not_of_their_words(&mut arcs);
        possessors_after_conjunctions(words, &mut arcs);
        objects_of_verbs(words, &mut arcs);
        objects_after_obliques_not_conjuncts(words, &mut arcs);
        purposes_not_clauses_of_names(words, &mut arcs);
        infinitives_of_control_verbs(words, &mut arcs);
        subjects_not_appositions(words, &mut arcs);
        particles_not_compounds(words, &mut arcs);
        hyphenated_participles_as_modifiers(words, &mut arcs);
        clauses_after_conjunctions_not_prepositions(words, &mut arcs);
        opening_clauses_not_main_clauses(words, &mut arcs);
        relative_clauses_not_complements(words, &mut arcs);
        relative_clauses_after_commas(words, &mut arcs);
        conjuncts_not_across_their_clause(words, &mut arcs);
        that_clauses_after_day_words(words, &mut arcs);
        gerunds_after_of_not_inside_compounds(words, &mut arcs);
        compounds_across_prepositions(words, &mut arcs);
        decimals_typed_with_a_space(words, &mut arcs);
        if is_tree(&arcs) {
            arcs
        } else {
            decoded
        }
    }

    /// Greedy decoding: the best allowed transition until the tree is done.
    fn decode(&self, atoms: &[features::Atoms]) -> State {
        thread_local! {
            /// Kept per thread, so that its buffers (kilobytes per word) are
            /// not allocated and zeroed again for every sentence.
            static SCORER: std::cell::RefCell<Scorer> = Default::default();
        }
        SCORER.with(|scorer| self.decode_with(atoms, &mut scorer.borrow_mut()))
    }

    fn decode_with(&self, atoms: &[features::Atoms], scorer: &mut Scorer) -> State {
        let model = &self.model;
        let width = model.weights.score_len();
        let mut state = State::new(atoms.len() - 1);
        let mut scores = vec![0i32; width];
        scorer.reset(&state, width);
        while !state.is_terminal() {
            // When one class is allowed (the first SHIFT, a SHIFT onto an
            // empty stack, the final root arc) the scores cannot change the
            // choice, so they are not computed.
            let class = match model.classes.only_allowed(&state) {
                Some(class) => class,
                None => {
                    scorer.score(&model.weights, &state, atoms, &mut scores);
                    let s0 = state.s(0);
                    if s0 != transition::NONE && atoms[s0 as usize].finite_verb {
                        for &class in &self.nominal_classes {
                            scores[class] = i32::MIN;
                        }
                    }
                    model.classes.best(&state, &scores)
                }
            };
            let (kind, label) = model.classes.get(class);
            state.apply(kind, label);
        }
        state
    }
}

/// Unlabelled and labelled attachment scores (percent, punctuation
/// included, the full relation with its subtype compared) of `parser` on
/// `gold`, parsing from the gold forms, lemmas and tags. Words without a gold
/// head are not counted.
pub fn attachment_scores(parser: &Parser, gold: &[ConlluSentence]) -> (f64, f64) {
    let (mut total, mut heads, mut labelled) = (0usize, 0usize, 0usize);
    for sentence in gold {
        let inputs: Vec<ParseInput<'_>> =
            sentence.words.iter().map(ParseInput::from_word).collect();
        for (word, (head, deprel)) in sentence.words.iter().zip(parser.parse(&inputs)) {
            let Some(gold_head) = word.head else { continue };
            total += 1;
            if head == gold_head {
                heads += 1;
                labelled += usize::from(deprel == word.deprel);
            }
        }
    }
    let percent = |x: usize| {
        if total == 0 {
            0.0
        } else {
            100.0 * x as f64 / total as f64
        }
    };
    (percent(heads), percent(labelled))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word<'a>(form: &'a str, upos: &'a str) -> ParseInput<'a> {
        ParseInput { form, lemma: form, upos, xpos: "" }
    }

    #[test]
    fn the_middle_name_of_a_subject_list_is_a_conjunct() {
        // "Arnor , Calenardhon and Gondor welcomed": "Calenardhon" read as a second subject.
        let words = [
            word("Arnor", "PROPN"),
            word(",", "PUNCT"),
            word("Calenardhon", "PROPN"),
            word("and", "CCONJ"),
            word("Gondor", "PROPN"),
            word("welcomed", "VERB"),
        ];
        let mut arcs = vec![(6, "nsubj"), (3, "punct"), (6, "nsubj"), (5, "cc"), (3, "conj"), (0, "root")];
        subject_lists_as_conjuncts(&words, &mut arcs);
        assert_eq!(arcs, vec![(6, "nsubj"), (3, "punct"), (1, "conj"), (5, "cc"), (1, "conj"), (0, "root")]);
        // Or read as an apposition of the first.
        let mut arcs = vec![(6, "nsubj"), (3, "punct"), (1, "appos"), (5, "cc"), (3, "conj"), (0, "root")];
        subject_lists_as_conjuncts(&words, &mut arcs);
        assert_eq!(arcs, vec![(6, "nsubj"), (3, "punct"), (1, "conj"), (5, "cc"), (1, "conj"), (0, "root")]);
        // Or with the first name read as a vocative.
        let mut arcs = vec![(6, "vocative"), (1, "punct"), (6, "nsubj"), (5, "cc"), (3, "conj"), (0, "root")];
        subject_lists_as_conjuncts(&words, &mut arcs);
        assert_eq!(arcs, vec![(6, "nsubj"), (1, "punct"), (1, "conj"), (5, "cc"), (1, "conj"), (0, "root")]);
        // Or a name of two words read as a list item ("Arnor, Eriador Calenardhon and Gondor").
        let words = [
            word("Arnor", "PROPN"),
            word(",", "PUNCT"),
            word("Eriador", "PROPN"),
            word("Calenardhon", "PROPN"),
            word("and", "CCONJ"),
            word("Gondor", "PROPN"),
            word("welcomed", "VERB"),
        ];
        let mut arcs = vec![(7, "nsubj"), (4, "punct"), (4, "compound"), (1, "list"), (6, "cc"), (4, "conj"), (0, "root")];
        subject_lists_as_conjuncts(&words, &mut arcs);
        assert_eq!(arcs, vec![(7, "nsubj"), (4, "punct"), (4, "compound"), (1, "conj"), (6, "cc"), (1, "conj"), (0, "root")]);
        let words = [
            word("Arnor", "PROPN"),
            word(",", "PUNCT"),
            word("Calenardhon", "PROPN"),
            word("and", "CCONJ"),
            word("Gondor", "PROPN"),
            word("welcomed", "VERB"),
        ];
        // Without a coordinated third name it may be an apposition: left alone.
        leaves_alone(subject_lists_as_conjuncts, &words, vec![(6, "nsubj"), (3, "punct"), (6, "nsubj"), (5, "cc"), (6, "obj"), (0, "root")]);
    }

    /// Asserts that `repair` changes none of `arcs`.
    #[track_caller]
    fn leaves_alone(repair: fn(&[ParseInput<'_>], &mut [(u32, &str)]), words: &[ParseInput<'_>], mut arcs: Vec<(u32, &str)>) {
        let before = arcs.clone();
        repair(words, &mut arcs);
        assert_eq!(arcs, before);
    }

    fn tagged<'a>(form: &'a str, upos: &'a str, xpos: &'a str) -> ParseInput<'a> {
        ParseInput { form, lemma: form, upos, xpos }
    }

    /// "“We won,” campaign manager Hirgon Tal said."
    fn quotation_then_titled_name() -> [ParseInput<'static>; 11] {
        [
            word("“", "PUNCT"),
            word("We", "PRON"),
            tagged("won", "VERB", "VBD"),
            word(",", "PUNCT"),
            word("”", "PUNCT"),
            word("campaign", "NOUN"),
            word("manager", "NOUN"),
            word("Hirgon", "PROPN"),
            word("Tal", "PROPN"),
            tagged("said", "VERB", "VBD"),
            word(".", "PUNCT"),
        ]
    }

    #[test]
    fn a_title_read_as_the_quoted_clause_or_a_bare_oblique_describes_the_name() {
        // "“We won,” campaign manager Hirgon Tal said": the quotation hung on the title, and the
        // title read as what Tal said.
        let words = quotation_then_titled_name();
        let mut arcs = vec![(3, "punct"), (3, "nsubj"), (7, "amod"), (7, "punct"), (7, "punct"), (7, "compound"), (10, "ccomp"), (10, "nsubj"), (8, "flat"), (0, "root"), (10, "punct")];
        titles_before_names_not_second_subjects(&words, &mut arcs);
        assert_eq!(arcs, vec![(3, "punct"), (3, "nsubj"), (10, "ccomp"), (10, "punct"), (10, "punct"), (7, "compound"), (8, "nmod:desc"), (10, "nsubj"), (8, "flat"), (0, "root"), (10, "punct")]);
        // "Conservative radio host Hugh Hewitt asked": the title read as a bare oblique.
        let words = [word("Conservative", "ADJ"), word("radio", "NOUN"), word("host", "NOUN"), word("Hugh", "PROPN"), word("Hewitt", "PROPN"), word("asked", "VERB")];
        let mut arcs = vec![(3, "amod"), (3, "compound"), (6, "obl:unmarked"), (6, "nsubj"), (4, "flat"), (0, "root")];
        titles_before_names_not_second_subjects(&words, &mut arcs);
        assert_eq!(arcs, vec![(3, "amod"), (3, "compound"), (4, "nmod:desc"), (6, "nsubj"), (4, "flat"), (0, "root")]);
        // A coordinated modifier stays in the title's phrase ("Gondor's awful and evil minister").
        let words = [
            word("Gondor", "PROPN"),
            word("'s", "PART"),
            word("awful", "ADJ"),
            word("and", "CCONJ"),
            word("evil", "ADJ"),
            word("minister", "NOUN"),
            word("Tal", "PROPN"),
            word("warned", "VERB"),
        ];
        let mut arcs = vec![(6, "nmod:poss"), (1, "case"), (6, "amod"), (5, "cc"), (3, "conj"), (8, "obl:unmarked"), (8, "nsubj"), (0, "root")];
        titles_before_names_not_second_subjects(&words, &mut arcs);
        assert_eq!(arcs, vec![(6, "nmod:poss"), (1, "case"), (6, "amod"), (5, "cc"), (3, "conj"), (7, "nmod:desc"), (8, "nsubj"), (0, "root")]);
        // A time phrase is an oblique indeed ("Last week Tal said").
        let words = [word("Last", "ADJ"), word("week", "NOUN"), word("Tal", "PROPN"), word("said", "VERB")];
        leaves_alone(titles_before_names_not_second_subjects, &words, vec![(2, "amod"), (4, "obl:unmarked"), (4, "nsubj"), (0, "root")]);
    }

    #[test]
    fn the_opening_of_a_subject_read_as_the_root_gives_way_to_the_verb() {
        // "Former Gondorian leader Hirgon Tal says": the title read as the root, "says" its
        // relative clause.
        let words = [
            word("Former", "ADJ"),
            word("Gondorian", "ADJ"),
            word("leader", "NOUN"),
            word("Hirgon", "PROPN"),
            word("Tal", "PROPN"),
            tagged("says", "VERB", "VBZ"),
            word(".", "PUNCT"),
        ];
        let mut arcs = vec![(3, "amod"), (3, "amod"), (0, "root"), (6, "nsubj"), (4, "flat"), (3, "acl:relcl"), (3, "punct")];
        subjects_not_roots_of_relative_clauses(&words, &mut arcs);
        assert_eq!(arcs, vec![(3, "amod"), (3, "amod"), (4, "nmod:desc"), (6, "nsubj"), (4, "flat"), (0, "root"), (6, "punct")]);
        // "One protest organizer says": a compound, which hands its number to the head.
        let words = [word("One", "NUM"), word("protest", "NOUN"), word("organizer", "NOUN"), tagged("says", "VERB", "VBZ"), word(".", "PUNCT")];
        let mut arcs = vec![(2, "nummod"), (0, "root"), (4, "nsubj"), (2, "acl:relcl"), (2, "punct")];
        subjects_not_roots_of_relative_clauses(&words, &mut arcs);
        assert_eq!(arcs, vec![(3, "nummod"), (3, "compound"), (4, "nsubj"), (0, "root"), (4, "punct")]);
        // "It was the day Tal said": a root with a subject of its own keeps its relative clause.
        let words = [word("It", "PRON"), word("was", "AUX"), word("the", "DET"), word("day", "NOUN"), word("Tal", "PROPN"), tagged("said", "VERB", "VBD")];
        leaves_alone(subjects_not_roots_of_relative_clauses, &words, vec![(4, "nsubj"), (4, "cop"), (4, "det"), (0, "root"), (6, "nsubj"), (4, "acl:relcl")]);
    }

    #[test]
    fn a_title_after_a_quotation_or_a_coordinator_gives_way_to_the_verb() {
        // "“We won,” campaign manager Hirgon Tal said": the title read as an apposition of the
        // quotation's root, "said" as its relative clause.
        let words = quotation_then_titled_name();
        let mut arcs = vec![(3, "punct"), (3, "nsubj"), (0, "root"), (7, "punct"), (7, "punct"), (7, "compound"), (3, "appos"), (10, "nsubj"), (8, "flat"), (7, "acl:relcl"), (3, "punct")];
        subjects_not_roots_of_relative_clauses(&words, &mut arcs);
        assert_eq!(arcs, vec![(3, "punct"), (3, "nsubj"), (10, "ccomp"), (10, "punct"), (10, "punct"), (7, "compound"), (8, "nmod:desc"), (10, "nsubj"), (8, "flat"), (0, "root"), (10, "punct")]);
        // "Tal won, and presidential candidate Hirgon Ost called": the title read as the
        // conjunct.
        let words = [
            word("Tal", "PROPN"),
            tagged("won", "VERB", "VBD"),
            word(",", "PUNCT"),
            word("and", "CCONJ"),
            word("presidential", "ADJ"),
            word("candidate", "NOUN"),
            word("Hirgon", "PROPN"),
            word("Ost", "PROPN"),
            tagged("called", "VERB", "VBD"),
            word(".", "PUNCT"),
        ];
        let mut arcs = vec![(2, "nsubj"), (0, "root"), (6, "punct"), (6, "cc"), (6, "amod"), (2, "conj"), (9, "nsubj"), (7, "flat"), (6, "acl:relcl"), (2, "punct")];
        subjects_not_roots_of_relative_clauses(&words, &mut arcs);
        assert_eq!(arcs, vec![(2, "nsubj"), (0, "root"), (9, "punct"), (9, "cc"), (6, "amod"), (7, "nmod:desc"), (9, "nsubj"), (7, "flat"), (2, "conj"), (2, "punct")]);
        // "…, and many people Ost met agreed": a quantified noun is no title.
        let words = [word("and", "CCONJ"), word("many", "ADJ"), word("people", "NOUN"), word("Ost", "PROPN"), tagged("met", "VERB", "VBD"), tagged("agreed", "VERB", "VBD")];
        leaves_alone(subjects_not_roots_of_relative_clauses, &words, vec![(3, "cc"), (3, "amod"), (6, "conj"), (5, "nsubj"), (3, "acl:relcl"), (0, "root")]);
    }

    #[test]
    fn a_main_verb_read_as_a_conjunct_of_the_subjects_relative_clause_is_the_root() {
        // "Gondor , which is locked in a dispute , signed a pact".
        let words = [
            word("Gondor", "PROPN"),
            word(",", "PUNCT"),
            tagged("which", "PRON", "WDT"),
            tagged("is", "AUX", "VBZ"),
            tagged("locked", "VERB", "VBN"),
            word("in", "ADP"),
            word("a", "DET"),
            word("dispute", "NOUN"),
            word(",", "PUNCT"),
            tagged("signed", "VERB", "VBD"),
            word("a", "DET"),
            word("pact", "NOUN"),
            word(".", "PUNCT"),
        ];
        let mut arcs = vec![(0, "root"), (5, "punct"), (5, "nsubj:pass"), (5, "aux:pass"), (1, "acl:relcl"), (8, "case"), (8, "det"), (5, "obl"), (10, "punct"), (5, "conj"), (12, "det"), (10, "obj"), (1, "punct")];
        main_verbs_not_conjuncts_of_relative_clauses(&words, &mut arcs);
        assert_eq!(arcs[0], (10, "nsubj"));
        assert_eq!(arcs[9], (0, "root"));
        assert_eq!(arcs[12], (10, "punct"));
        assert_eq!(arcs[4], (1, "acl:relcl"));
    }

    #[test]
    fn a_conjunct_across_the_verb_governing_its_head_joins_that_verb() {
        // "Gondor , which hosted talks , condemned the raid and said no".
        let words = [
            word("Gondor", "PROPN"),
            word(",", "PUNCT"),
            tagged("which", "PRON", "WDT"),
            tagged("hosted", "VERB", "VBD"),
            word("talks", "NOUN"),
            word(",", "PUNCT"),
            tagged("condemned", "VERB", "VBD"),
            word("the", "DET"),
            word("raid", "NOUN"),
            word("and", "CCONJ"),
            tagged("said", "VERB", "VBD"),
            word("no", "INTJ"),
        ];
        let mut arcs = vec![(7, "nsubj"), (4, "punct"), (4, "nsubj"), (1, "acl:relcl"), (4, "obj"), (4, "punct"), (0, "root"), (9, "det"), (7, "obj"), (11, "cc"), (4, "conj"), (11, "obj")];
        conjuncts_not_across_their_clause(&words, &mut arcs);
        assert_eq!(arcs[10], (7, "conj"));
        // Coordinated with the main verb already, it stays.
        leaves_alone(conjuncts_not_across_their_clause, &words, vec![(7, "nsubj"), (4, "punct"), (4, "nsubj"), (1, "acl:relcl"), (4, "obj"), (4, "punct"), (0, "root"), (9, "det"), (7, "obj"), (11, "cc"), (7, "conj"), (11, "obj")]);
    }

    #[test]
    fn a_name_read_as_a_compound_of_last_month_is_the_oblique() {
        // "signed a pact with Rohan last month".
        let words = [word("signed", "VERB"), word("a", "DET"), word("pact", "NOUN"), word("with", "ADP"), word("Rohan", "PROPN"), word("last", "ADJ"), word("month", "NOUN")];
        let mut arcs = vec![(0, "root"), (3, "det"), (1, "obj"), (7, "case"), (7, "compound"), (7, "amod"), (1, "obl")];
        names_before_time_phrases(&words, &mut arcs);
        assert_eq!(arcs, vec![(0, "root"), (3, "det"), (1, "obj"), (5, "case"), (1, "obl"), (7, "amod"), (1, "obl:unmarked")]);
        // A name inside a name keeps its place ("the Rohan Democratic Party").
        let words = [word("the", "DET"), word("Rohan", "PROPN"), word("Democratic", "ADJ"), word("Party", "PROPN")];
        leaves_alone(names_before_time_phrases, &words, vec![(4, "det"), (4, "compound"), (4, "amod"), (0, "root")]);
    }

    #[test]
    fn an_object_with_a_preposition_is_an_oblique_and_a_gerund_on_the_agent_the_verbs() {
        // "troops were accused by rights groups of killing civilians".
        let words = [
            word("troops", "NOUN"),
            word("were", "AUX"),
            word("accused", "VERB"),
            word("by", "ADP"),
            word("rights", "NOUN"),
            word("groups", "NOUN"),
            word("of", "SCONJ"),
            tagged("killing", "VERB", "VBG"),
            word("civilians", "NOUN"),
        ];
        let mut arcs = vec![(3, "nsubj:pass"), (3, "aux:pass"), (0, "root"), (5, "case"), (6, "compound"), (3, "obj"), (8, "mark"), (6, "acl"), (8, "obj")];
        prepositional_objects_as_obliques(&words, &mut arcs);
        assert_eq!(arcs[3], (6, "case"));
        assert_eq!(arcs[5], (3, "obl:agent"));
        gerunds_after_agents(&words, &mut arcs);
        assert_eq!(arcs[7], (3, "advcl"));
        // "has at least two weapons": the preposition is the adverb's.
        let words = [word("has", "VERB"), word("at", "ADP"), word("least", "ADV"), word("two", "NUM"), word("weapons", "NOUN")];
        leaves_alone(prepositional_objects_as_obliques, &words, vec![(0, "root"), (3, "case"), (4, "advmod"), (5, "nummod"), (1, "obj")]);
    }

    #[test]
    fn a_participle_after_the_objects_comma_is_the_verbs_adverbial_clause() {
        // "Maduro rejected the warning, accusing Washington of meddling".
        let words = [
            word("Maduro", "PROPN"),
            word("rejected", "VERB"),
            word("the", "DET"),
            word("warning", "NOUN"),
            word(",", "PUNCT"),
            tagged("accusing", "VERB", "VBG"),
            word("Washington", "PROPN"),
            word("of", "SCONJ"),
            tagged("meddling", "VERB", "VBG"),
        ];
        let mut arcs = vec![(2, "nsubj"), (0, "root"), (4, "det"), (2, "obj"), (6, "punct"), (4, "acl"), (6, "obj"), (9, "mark"), (6, "advcl")];
        participles_after_objects_as_adverbial_clauses(&words, &mut arcs);
        assert_eq!(arcs[5], (2, "advcl"));
        // Without the comma the participle is the object's: "a petition asking the government".
        let mut words = words;
        words[4] = word("now", "ADV");
        leaves_alone(participles_after_objects_as_adverbial_clauses, &words, vec![(2, "nsubj"), (0, "root"), (4, "det"), (2, "obj"), (6, "punct"), (4, "acl"), (6, "obj"), (9, "mark"), (6, "advcl")]);
        // After an inverted frame ("…, said the minister, adding …") it stays the speaker's.
        let words = [word("said", "VERB"), word("the", "DET"), word("minister", "NOUN"), word(",", "PUNCT"), tagged("adding", "VERB", "VBG")];
        leaves_alone(participles_after_objects_as_adverbial_clauses, &words, vec![(0, "root"), (3, "det"), (1, "obj"), (5, "punct"), (3, "acl")]);
    }

    #[test]
    fn a_between_phrase_after_the_object_is_the_objects() {
        // "Brazil offered talks between the two neighbours".
        let words = [word("Brazil", "PROPN"), word("offered", "VERB"), word("talks", "NOUN"), word("between", "ADP"), word("the", "DET"), word("two", "NUM"), word("neighbours", "NOUN")];
        let mut arcs = vec![(2, "nsubj"), (0, "root"), (2, "obj"), (7, "case"), (7, "det"), (7, "nummod"), (2, "obl")];
        between_phrases_of_objects(&words, &mut arcs);
        assert_eq!(arcs[6], (3, "nmod"));
        // Sharing out between two: the verb's ("split the bill between them").
        let words = [word("They", "PRON"), word("split", "VERB"), word("the", "DET"), word("bill", "NOUN"), word("between", "ADP"), word("them", "PRON")];
        leaves_alone(between_phrases_of_objects, &words, vec![(2, "nsubj"), (0, "root"), (4, "det"), (2, "obj"), (6, "case"), (2, "obl")]);
    }

    #[test]
    fn a_tensed_verb_read_as_a_conjunct_of_the_object_is_the_verbs() {
        // "Tal called it a disgrace and said …".
        let words = [word("Tal", "PROPN"), tagged("called", "VERB", "VBD"), word("it", "PRON"), word("a", "DET"), word("disgrace", "NOUN"), word("and", "CCONJ"), tagged("said", "VERB", "VBD")];
        let mut arcs = vec![(2, "nsubj"), (0, "root"), (2, "obj"), (5, "det"), (2, "xcomp"), (7, "cc"), (5, "conj")];
        finite_verbs_not_conjuncts_of_nominals(&words, &mut arcs);
        assert_eq!(arcs[6], (2, "conj"));
        // A verb with its own subject may be a clause joined to the noun: left alone.
        let words = [word("Tal", "PROPN"), tagged("called", "VERB", "VBD"), word("it", "PRON"), word("a", "DET"), word("disgrace", "NOUN"), word("and", "CCONJ"), word("Roe", "PROPN"), tagged("agreed", "VERB", "VBD")];
        leaves_alone(finite_verbs_not_conjuncts_of_nominals, &words, vec![(2, "nsubj"), (0, "root"), (2, "obj"), (5, "det"), (2, "xcomp"), (8, "cc"), (8, "nsubj"), (5, "conj")]);
        // Nor when the object's verb is itself a reported clause ("told them Roe needs no war and
        // offered …": the offer may be the teller's).
        let words = [word("Tal", "PROPN"), tagged("told", "VERB", "VBD"), word("Roe", "PROPN"), tagged("needs", "VERB", "VBZ"), word("war", "NOUN"), word("and", "CCONJ"), tagged("offered", "VERB", "VBD")];
        leaves_alone(finite_verbs_not_conjuncts_of_nominals, &words, vec![(2, "nsubj"), (0, "root"), (4, "nsubj"), (2, "ccomp"), (4, "obj"), (7, "cc"), (5, "conj")]);
    }

    #[test]
    fn the_second_of_a_series_of_predicates_read_as_parataxis_is_a_conjunct() {
        // "Tal shut a road, expelled envoys and closed the border".
        let words = [
            word("Tal", "PROPN"),
            tagged("shut", "VERB", "VBD"),
            word("a", "DET"),
            word("road", "NOUN"),
            word(",", "PUNCT"),
            tagged("expelled", "VERB", "VBD"),
            word("envoys", "NOUN"),
            word("and", "CCONJ"),
            tagged("closed", "VERB", "VBD"),
            word("the", "DET"),
            word("border", "NOUN"),
        ];
        let arcs = vec![(2, "nsubj"), (0, "root"), (4, "det"), (2, "obj"), (6, "punct"), (2, "parataxis"), (6, "obj"), (9, "cc"), (6, "conj"), (11, "det"), (9, "obj")];
        let mut repaired = arcs.clone();
        series_of_predicates_as_conjuncts(&words, &mut repaired);
        assert_eq!((repaired[5], repaired[8]), ((2, "conj"), (2, "conj")));
        // Without a coordinated verb after it, a parataxis stays one ("Tal shut a road, expelled envoys").
        leaves_alone(series_of_predicates_as_conjuncts, &words[..7], arcs[..7].to_vec());
        // Nor with a subject of its own ("…, envoys expelled and closed …").
        let mut arcs2 = arcs.clone();
        arcs2[6] = (6, "nsubj");
        leaves_alone(series_of_predicates_as_conjuncts, &words, arcs2);
    }

    #[test]
    fn a_name_with_s_after_a_coordinator_possesses_only_the_conjunct_after_it() {
        // "Tal met Hun Roe and Gondor's foreign minister".
        let pos = |form| tagged(form, "PART", "POS");
        let words = [
            word("Tal", "PROPN"),
            tagged("met", "VERB", "VBD"),
            word("Hun", "PROPN"),
            word("Roe", "PROPN"),
            ParseInput { lemma: "and", ..word("and", "CCONJ") },
            word("Gondor", "PROPN"),
            pos("'s"),
            word("foreign", "ADJ"),
            word("minister", "NOUN"),
        ];
        // Read as two possessors of the minister.
        let shared = vec![(2, "nsubj"), (0, "root"), (9, "nmod:poss"), (3, "flat"), (6, "cc"), (3, "conj"), (6, "case"), (9, "amod"), (2, "obj")];
        let mut repaired = shared.clone();
        possessors_after_conjunctions(&words, &mut repaired);
        assert_eq!(repaired[2], (2, "obj"));
        assert_eq!((repaired[4], repaired[5], repaired[8]), ((9, "cc"), (9, "nmod:poss"), (3, "conj")));
        // Read as a conjunct of its own, the minister hanging elsewhere.
        let mut own = shared.clone();
        own[2] = (2, "obj");
        own[8] = (2, "obl");
        possessors_after_conjunctions(&words, &mut own);
        assert_eq!(own, repaired);
        // Each name with its own "'s" shares the noun ("Roe's and Gondor's claims").
        let words = [word("Tal", "PROPN"), tagged("met", "VERB", "VBD"), word("Roe", "PROPN"), pos("'s"), ParseInput { lemma: "and", ..word("and", "CCONJ") }, word("Gondor", "PROPN"), pos("'s"), word("claims", "NOUN")];
        leaves_alone(possessors_after_conjunctions, &words, vec![(2, "nsubj"), (0, "root"), (8, "nmod:poss"), (3, "case"), (6, "cc"), (3, "conj"), (6, "case"), (2, "obj")]);
    }

    #[test]
    fn an_infinitive_right_after_a_control_verb_is_its_complement() {
        // "Tal offered to help", the infinitive read as a purpose.
        let words = [word("Tal", "PROPN"), ParseInput { lemma: "offer", ..tagged("offered", "VERB", "VBD") }, word("to", "PART"), ParseInput { lemma: "help", ..tagged("help", "VERB", "VB") }];
        let mut arcs = vec![(2, "nsubj"), (0, "root"), (4, "mark"), (2, "advcl")];
        infinitives_of_control_verbs(&words, &mut arcs);
        assert_eq!(arcs[3], (2, "xcomp"));
        // Other verbs keep their purpose ("Tal came to help").
        let words = [word("Tal", "PROPN"), ParseInput { lemma: "come", ..tagged("came", "VERB", "VBD") }, word("to", "PART"), ParseInput { lemma: "help", ..tagged("help", "VERB", "VB") }];
        leaves_alone(infinitives_of_control_verbs, &words, vec![(2, "nsubj"), (0, "root"), (4, "mark"), (2, "advcl")]);
    }

    #[test]
    fn a_clause_opened_by_which_after_a_comma_describes_the_noun_before() {
        // "Tal called on Gondor, which Roe accuses, to act".
        let words = [
            word("Tal", "PROPN"),
            tagged("called", "VERB", "VBD"),
            word("on", "ADP"),
            word("Gondor", "PROPN"),
            word(",", "PUNCT"),
            word("which", "PRON"),
            word("Roe", "PROPN"),
            tagged("accuses", "VERB", "VBZ"),
        ];
        let arcs = vec![(2, "nsubj"), (0, "root"), (4, "case"), (2, "obl"), (8, "punct"), (8, "obj"), (8, "nsubj"), (2, "advcl")];
        let mut repaired = arcs.clone();
        relative_clauses_after_commas(&words, &mut repaired);
        assert_eq!(repaired[7], (4, "acl:relcl"));
        // Without the comma after a noun ("called, which …") it stays.
        let mut words2 = words;
        words2[3] = word("again", "ADV");
        leaves_alone(relative_clauses_after_commas, &words2, arcs);
    }

    #[test]
    fn a_noun_after_the_object_of_called_is_its_predicate() {
        // "Tal called the raid “an act of war”".
        let words = [
            word("Tal", "PROPN"),
            ParseInput { lemma: "call", ..word("called", "VERB") },
            word("the", "DET"),
            word("raid", "NOUN"),
            word("\u{201c}", "PUNCT"),
            word("an", "DET"),
            word("act", "NOUN"),
            word("of", "ADP"),
            word("war", "NOUN"),
            word("\u{201d}", "PUNCT"),
        ];
        let arcs = vec![(2, "nsubj"), (0, "root"), (4, "det"), (2, "obj"), (7, "punct"), (7, "det"), (4, "appos"), (9, "case"), (7, "nmod"), (7, "punct")];
        let mut repaired = arcs.clone();
        predicates_of_naming_verbs(&words, &mut repaired);
        assert_eq!(repaired[6], (2, "xcomp"));
        // After a comma it stays an apposition ("called Roe, an envoy").
        let mut comma = words;
        comma[4] = word(",", "PUNCT");
        leaves_alone(predicates_of_naming_verbs, &comma, arcs);
        // A bare oblique after the object: "Tal called the raid a travesty" (not "last week").
        let words = [word("Tal", "PROPN"), ParseInput { lemma: "call", ..word("called", "VERB") }, word("the", "DET"), word("raid", "NOUN"), word("a", "DET"), word("travesty", "NOUN")];
        let arcs = vec![(2, "nsubj"), (0, "root"), (4, "det"), (2, "obj"), (6, "det"), (2, "obl:unmarked")];
        let mut repaired = arcs.clone();
        predicates_of_naming_verbs(&words, &mut repaired);
        assert_eq!(repaired[5], (2, "xcomp"));
        let mut week = words;
        week[5] = word("week", "NOUN");
        leaves_alone(predicates_of_naming_verbs, &week, arcs);
    }

    #[test]
    fn a_reduced_relative_before_a_coordinated_verb_is_the_first_predicate() {
        // "Leaders called for talks and urged calm", "called" read as "leaders (who were) called".
        let words = [
            word("Leaders", "NOUN"),
            tagged("called", "VERB", "VBN"),
            word("for", "ADP"),
            word("talks", "NOUN"),
            word("and", "CCONJ"),
            tagged("urged", "VERB", "VBD"),
            word("calm", "NOUN"),
            word(".", "PUNCT"),
        ];
        let arcs = vec![(6, "nsubj"), (1, "acl"), (4, "case"), (2, "obl"), (6, "cc"), (0, "root"), (6, "obj"), (6, "punct")];
        let mut repaired = arcs.clone();
        reduced_relatives_as_first_predicates(&words, &mut repaired);
        assert_eq!(repaired, vec![(2, "nsubj"), (0, "root"), (4, "case"), (2, "obl"), (6, "cc"), (2, "conj"), (6, "obj"), (2, "punct")]);
        // With a "by" agent it is a passive participle ("Leaders elected by the party urged calm").
        let mut by = words;
        by[2] = ParseInput { lemma: "by", ..word("by", "ADP") };
        leaves_alone(reduced_relatives_as_first_predicates, &by, arcs);
    }

    #[test]
    fn an_object_of_said_before_a_modal_verb_is_the_reported_subject() {
        // "Tal said states should set the rules", "set" read as an adverbial clause of "said".
        let mut words = [word("Tal", "PROPN"), word("said", "VERB"), word("states", "NOUN"), tagged("should", "AUX", "MD"), word("set", "VERB"), word("the", "DET"), word("rules", "NOUN")];
        words[1].lemma = "say";
        let mut arcs = vec![(2, "nsubj"), (0, "root"), (2, "obj"), (5, "aux"), (2, "advcl"), (7, "det"), (5, "obj")];
        reported_clauses_after_objects(&words, &mut arcs);
        assert_eq!((arcs[2], arcs[4]), ((5, "nsubj"), (2, "ccomp")));
        // A reporting verb below the clause it would take ("…, Tal said Monday, should end"): no
        // cycle, left alone.
        let mut below = [word("left", "VERB"), word("Tal", "PROPN"), word("said", "VERB"), word("Monday", "PROPN"), tagged("should", "AUX", "MD"), word("end", "VERB")];
        below[2].lemma = "say";
        leaves_alone(reported_clauses_after_objects, &below, vec![(0, "root"), (3, "nsubj"), (6, "parataxis"), (3, "obj"), (6, "aux"), (1, "advcl")]);
        // "said nothing and could not help": a second predicate of the reporter, left alone.
        let mut second = [word("Tal", "PROPN"), word("said", "VERB"), word("nothing", "PRON"), word("and", "CCONJ"), tagged("could", "AUX", "MD"), word("help", "VERB")];
        second[1].lemma = "say";
        leaves_alone(reported_clauses_after_objects, &second, vec![(2, "nsubj"), (0, "root"), (2, "obj"), (6, "cc"), (6, "aux"), (2, "conj")]);
        // "kept saying dates and didn't seem sorry": no modal, left alone.
        words[3] = tagged("did", "AUX", "VBD");
        leaves_alone(reported_clauses_after_objects, &words, vec![(2, "nsubj"), (0, "root"), (2, "obj"), (5, "aux"), (2, "conj"), (7, "det"), (5, "obj")]);
    }

    #[test]
    fn only_trees_are_trees() {
        assert!(is_tree(&[(2, "nsubj"), (0, "root"), (2, "obj")]));
        assert!(!is_tree(&[(2, "nsubj"), (1, "root"), (2, "obj")]), "a cycle");
        assert!(!is_tree(&[(0, "root"), (0, "root")]), "two roots");
        assert!(!is_tree(&[(3, "nsubj"), (0, "root"), (1, "obj")]), "a cycle beside the root");
    }

    #[test]
    fn a_possessor_read_as_the_verbs_is_its_subjects() {
        // "The Gondor Herald's Hirgon Tal sees it".
        let words = [
            word("The", "DET"),
            word("Gondor", "PROPN"),
            word("Herald", "PROPN"),
            word("'s", "PART"),
            word("Hirgon", "PROPN"),
            word("Tal", "PROPN"),
            word("sees", "VERB"),
            word("it", "PRON"),
        ];
        let mut arcs = vec![(3, "det"), (3, "compound"), (7, "nmod:poss"), (3, "case"), (7, "nsubj"), (5, "flat"), (0, "root"), (7, "obj")];
        possessors_of_arguments_not_of_verbs(&words, &mut arcs);
        assert_eq!(arcs[2], (5, "nmod:poss"));
        // "Tal's leaving": nothing but the verb follows the possessor.
        let words = [word("Tal", "PROPN"), word("'s", "PART"), word("leaving", "VERB")];
        leaves_alone(possessors_of_arguments_not_of_verbs, &words, vec![(3, "nmod:poss"), (1, "case"), (0, "root")]);
    }

    #[test]
    fn a_title_read_as_a_second_subject_describes_the_name() {
        // "Gondorian official Hirgon Tal said": "official" and "Hirgon" both read as subjects.
        let words = [word("Gondorian", "ADJ"), word("official", "NOUN"), word("Hirgon", "PROPN"), word("Tal", "PROPN"), word("said", "VERB")];
        let mut arcs = vec![(2, "amod"), (5, "nsubj"), (5, "nsubj"), (3, "flat"), (0, "root")];
        titles_before_names_not_second_subjects(&words, &mut arcs);
        assert_eq!(arcs, vec![(2, "amod"), (3, "nmod:desc"), (5, "nsubj"), (3, "flat"), (0, "root")]);
        // With an article, the name is the title's apposition.
        let words = [word("The", "DET"), word("official", "NOUN"), word("Hirgon", "PROPN"), word("said", "VERB")];
        let mut arcs = vec![(2, "det"), (4, "nsubj"), (4, "nsubj"), (0, "root")];
        titles_before_names_not_second_subjects(&words, &mut arcs);
        assert_eq!(arcs, vec![(2, "det"), (4, "nsubj"), (2, "appos"), (0, "root")]);
        // A subject and an object are left alone.
        leaves_alone(titles_before_names_not_second_subjects, &words, vec![(2, "det"), (4, "nsubj"), (4, "obj"), (0, "root")]);
        // A capitalised title with an "of" phrase: "Secretary of State Hirgon Tal said".
        let words = [word("Secretary", "PROPN"), word("of", "ADP"), word("State", "PROPN"), word("Hirgon", "PROPN"), word("Tal", "PROPN"), word("said", "VERB")];
        let mut arcs = vec![(6, "nsubj"), (3, "case"), (1, "nmod"), (6, "nsubj"), (4, "flat"), (0, "root")];
        titles_before_names_not_second_subjects(&words, &mut arcs);
        assert_eq!(arcs[0], (4, "nmod:desc"));
        // Not a lowercase one ("the head of security Tal"), nor a name inside the phrase.
        let mut lower = words;
        lower[2] = word("security", "NOUN");
        leaves_alone(titles_before_names_not_second_subjects, &lower, vec![(6, "nsubj"), (3, "case"), (1, "nmod"), (6, "nsubj"), (4, "flat"), (0, "root")]);
    }

    #[test]
    fn a_preposition_heading_its_phrase_becomes_its_case_marker() {
        // "rejected a request for the former leader": "for" read as the head, "leader" under it.
        let words = [
            word("rejected", "VERB"),
            word("a", "DET"),
            word("request", "NOUN"),
            word("for", "ADP"),
            word("the", "DET"),
            word("former", "ADJ"),
            word("leader", "NOUN"),
        ];
        let mut arcs = vec![(0, "root"), (3, "det"), (1, "obj"), (3, "nmod"), (7, "det"), (7, "amod"), (4, "compound")];
        prepositions_as_case_markers(&words, &mut arcs);
        assert_eq!(arcs, vec![(0, "root"), (3, "det"), (1, "obj"), (7, "case"), (7, "det"), (7, "amod"), (3, "nmod")]);
        // A preposition that governs no nominal is left alone.
        leaves_alone(prepositions_as_case_markers, &words, vec![(0, "root"), (3, "det"), (1, "obj"), (3, "nmod"), (7, "det"), (7, "amod"), (1, "obl")]);
        // "a request from former President Lee": the name hung on the adjective under "from".
        let words = [word("request", "NOUN"), word("from", "ADP"), word("former", "ADJ"), word("President", "PROPN"), word("Lee", "PROPN")];
        let mut arcs = vec![(0, "root"), (1, "nmod"), (2, "amod"), (5, "nmod:desc"), (3, "conj")];
        prepositions_as_case_markers(&words, &mut arcs);
        assert_eq!(arcs, vec![(0, "root"), (5, "case"), (5, "amod"), (5, "nmod:desc"), (1, "nmod")]);
    }

    #[test]
    fn a_day_word_after_a_name_modifies_the_verb() {
        // "Minister Ada Obi today signed": "today" read as the subject, the name its compound.
        let words = [word("Minister", "PROPN"), word("Ada", "PROPN"), word("Obi", "PROPN"), word("today", "NOUN"), word("signed", "VERB")];
        let mut arcs = vec![(2, "nmod:desc"), (4, "compound"), (2, "flat"), (5, "nsubj"), (0, "root")];
        day_words_after_names(&words, &mut arcs);
        assert_eq!(arcs, vec![(2, "nmod:desc"), (5, "nsubj"), (2, "flat"), (5, "obl:unmarked"), (0, "root")]);
    }

    #[test]
    fn a_conjunct_on_a_word_of_a_name_joins_the_names_head() {
        // "Envoy Ada Obi and Minister Li signed": "Minister" read as a conjunct of "Ada".
        let mut arcs = vec![(6, "nsubj"), (1, "flat"), (2, "flat"), (5, "cc"), (2, "conj"), (0, "root")];
        conjuncts_of_names_not_of_their_words(&mut arcs);
        assert_eq!(arcs, vec![(6, "nsubj"), (1, "flat"), (2, "flat"), (5, "cc"), (1, "conj"), (0, "root")]);
    }

    #[test]
    fn a_decimal_typed_with_a_space_is_one_number() {
        // "gave 4. 5 million euros": "4" read as the object, "." as a full stop.
        let words = [word("gave", "VERB"), word("4", "NUM"), word(".", "PUNCT"), word("5", "NUM"), word("million", "NUM"), word("euros", "NOUN")];
        let mut arcs = vec![(0, "root"), (1, "obj"), (1, "punct"), (5, "compound"), (6, "nummod"), (1, "obj")];
        decimals_typed_with_a_space(&words, &mut arcs);
        assert_eq!(arcs, vec![(0, "root"), (5, "compound"), (5, "punct"), (5, "compound"), (6, "nummod"), (1, "obj")]);
        // The scale word below a part of the number takes that part's place.
        let mut arcs = vec![(0, "root"), (1, "obj"), (2, "punct"), (5, "compound"), (2, "nummod"), (5, "nmod")];
        decimals_typed_with_a_space(&words, &mut arcs);
        assert_eq!(arcs, vec![(0, "root"), (5, "compound"), (5, "punct"), (5, "compound"), (1, "obj"), (5, "nmod")]);
        // "sent tents to 1. 5 million people": the preposition on the number marks the noun.
        let words = [
            word("sent", "VERB"), word("tents", "NOUN"), word("to", "ADP"), word("1", "NUM"), word(".", "PUNCT"),
            word("5", "NUM"), word("million", "NUM"), word("people", "NOUN"),
        ];
        let mut arcs = vec![(0, "root"), (1, "obj"), (4, "case"), (1, "obl"), (4, "punct"), (7, "compound"), (8, "nummod"), (1, "obj")];
        decimals_typed_with_a_space(&words, &mut arcs);
        assert_eq!(
            arcs,
            vec![(0, "root"), (1, "obj"), (8, "case"), (7, "compound"), (7, "punct"), (7, "compound"), (8, "nummod"), (1, "obl")]
        );
    }

    #[test]
    fn an_object_on_a_noun_joins_the_verb() {
        // "sent to Oslo some of the arms": "some" read as the object of "Oslo".
        let words = [word("sent", "VERB"), word("to", "ADP"), word("Oslo", "PROPN"), word("some", "DET"), word("of", "ADP"), word("arms", "NOUN")];
        let mut arcs = vec![(0, "root"), (3, "case"), (1, "obl"), (3, "obj"), (6, "case"), (4, "nmod")];
        objects_of_verbs(&words, &mut arcs);
        assert_eq!(arcs, vec![(0, "root"), (3, "case"), (1, "obl"), (1, "obj"), (6, "case"), (4, "nmod")]);
    }

    #[test]
    fn a_noun_phrase_after_an_oblique_with_nothing_between_is_the_object() {
        // "released on parole two aides": "aides" read as a conjunct of "parole".
        let words = [word("released", "VERB"), word("on", "ADP"), word("parole", "NOUN"), word("two", "NUM"), word("aides", "NOUN")];
        let mut arcs = vec![(0, "root"), (3, "case"), (1, "obl"), (5, "nummod"), (3, "conj")];
        objects_after_obliques_not_conjuncts(&words, &mut arcs);
        assert_eq!(arcs, vec![(0, "root"), (3, "case"), (1, "obl"), (5, "nummod"), (1, "obj")]);
        // A conjunction between them coordinates: "on parole and two aides" stays.
        let words = [word("released", "VERB"), word("on", "ADP"), word("parole", "NOUN"), word("and", "CCONJ"), word("aides", "NOUN")];
        leaves_alone(objects_after_obliques_not_conjuncts, &words, vec![(0, "root"), (3, "case"), (1, "obl"), (5, "cc"), (3, "conj")]);
    }

    #[test]
    fn an_adjective_opening_a_titled_name_modifies_it() {
        // "called new Kenyan President Ruto": "new" read as a complement, the name under
        // "Kenyan" under it.
        let words = [word("called", "VERB"), word("new", "ADJ"), word("Kenyan", "ADJ"), word("President", "PROPN"), word("Ruto", "PROPN")];
        let mut arcs = vec![(0, "root"), (1, "xcomp"), (2, "amod"), (5, "nmod:desc"), (3, "obl")];
        adjectives_opening_objects(&words, &mut arcs);
        assert_eq!(arcs, vec![(0, "root"), (4, "amod"), (4, "amod"), (5, "nmod:desc"), (1, "obj")]);
        // "called it new": no name after the adjective.
        let words = [word("called", "VERB"), word("it", "PRON"), word("new", "ADJ")];
        leaves_alone(adjectives_opening_objects, &words, vec![(0, "root"), (1, "obj"), (1, "xcomp")]);
    }

    #[test]
    fn an_infinitive_after_a_named_object_is_the_verbs_purpose() {
        // "phoned Ruto to congratulate him": read as a clause of "Ruto".
        let phoned = ParseInput { lemma: "phone", ..word("phoned", "VERB") };
        let words = [phoned, word("Ruto", "PROPN"), ParseInput { xpos: "TO", ..word("to", "PART") }, ParseInput { xpos: "VB", ..word("congratulate", "VERB") }, word("him", "PRON")];
        let mut arcs = vec![(0, "root"), (1, "obj"), (4, "mark"), (2, "acl"), (4, "obj")];
        purposes_not_clauses_of_names(&words, &mut arcs);
        assert_eq!(arcs[3], (1, "advcl"));
        // "invited Ruto to visit": the object is the visitor, as the parse says.
        let invited = ParseInput { lemma: "invite", ..word("invited", "VERB") };
        let words = [invited, word("Ruto", "PROPN"), ParseInput { xpos: "TO", ..word("to", "PART") }, ParseInput { xpos: "VB", ..word("visit", "VERB") }];
        let mut arcs = vec![(0, "root"), (1, "obj"), (4, "mark"), (2, "acl")];
        purposes_not_clauses_of_names(&words, &mut arcs);
        assert_eq!(arcs[3], (2, "acl"));
    }

    #[test]
    fn a_subject_after_a_time_phrase_is_no_apposition() {
        // "Last week, the army shelled …": "army" read as an apposition of "week".
        let shelled = ParseInput { xpos: "VBD", ..word("shelled", "VERB") };
        let words = [word("Last", "ADJ"), word("week", "NOUN"), ParseInput { xpos: ",", ..word(",", "PUNCT") }, word("the", "DET"), word("army", "NOUN"), shelled, word("towns", "NOUN")];
        let mut arcs = vec![(2, "amod"), (6, "obl:unmarked"), (5, "punct"), (5, "det"), (2, "appos"), (0, "root"), (6, "obj")];
        subjects_not_appositions(&words, &mut arcs);
        assert_eq!(arcs[4], (6, "nsubj"));
        // A verb with a subject keeps it.
        leaves_alone(subjects_not_appositions, &words, vec![(2, "amod"), (6, "obl:unmarked"), (5, "punct"), (5, "det"), (2, "appos"), (0, "root"), (6, "nsubj")]);
    }

    #[test]
    fn a_particle_after_its_verb_completes_it() {
        // "called off the talks": "off" read as a modifier of "talks".
        let words = [word("called", "VERB"), word("off", "ADP"), word("the", "DET"), word("talks", "NOUN")];
        let mut arcs = vec![(0, "root"), (4, "amod"), (4, "det"), (1, "obj")];
        particles_not_compounds(&words, &mut arcs);
        assert_eq!(arcs[1], (1, "compound:prt"));
        // "moved back home": a particle before no noun it modifies stays.
        let words = [word("moved", "VERB"), word("back", "ADV"), word("home", "ADV")];
        leaves_alone(particles_not_compounds, &words, vec![(0, "root"), (1, "advmod"), (1, "advmod")]);
    }

    #[test]
    fn a_hyphenated_participle_modifies_the_noun_after_it() {
        // "lifted long-standing sanctions": "standing" read as a clause with "sanctions" its object.
        let standing = ParseInput { xpos: "VBG", ..word("standing", "VERB") };
        let words = [word("lifted", "VERB"), word("long", "ADV"), word("-", "PUNCT"), standing, word("sanctions", "NOUN")];
        let mut arcs = vec![(0, "root"), (4, "advmod"), (2, "punct"), (1, "xcomp"), (4, "obj")];
        hyphenated_participles_as_modifiers(&words, &mut arcs);
        assert_eq!(arcs, vec![(0, "root"), (4, "advmod"), (2, "punct"), (5, "amod"), (1, "obj")]);
    }

    #[test]
    fn a_conjunction_read_as_a_preposition_opens_a_clause() {
        // "defended it after the army shelled X": "army" the object of "after", "shelled" a
        // conjunct of "defended".
        let shelled = ParseInput { xpos: "VBD", ..word("shelled", "VERB") };
        let words = [word("defended", "VERB"), word("it", "PRON"), word("after", "ADP"), word("the", "DET"), word("army", "NOUN"), shelled, word("towns", "NOUN")];
        let mut arcs = vec![(0, "root"), (1, "obj"), (5, "case"), (5, "det"), (1, "obl"), (1, "conj"), (6, "obj")];
        clauses_after_conjunctions_not_prepositions(&words, &mut arcs);
        assert_eq!(arcs, vec![(0, "root"), (1, "obj"), (6, "mark"), (5, "det"), (6, "nsubj"), (1, "advcl"), (6, "obj")]);
        // "after the war and shelled towns": a conjunction joins the verbs.
        leaves_alone(clauses_after_conjunctions_not_prepositions, &words, vec![(0, "root"), (1, "obj"), (5, "case"), (6, "cc"), (1, "obl"), (1, "conj"), (6, "obj")]);
    }

    #[test]
    fn an_opening_clause_read_as_the_sentence_gives_way_to_the_main_clause() {
        // "After Kenya refused, the minister asked Uganda.": "refused" read as the root, "asked"
        // as its conjunct and "minister" as an apposition of "Kenya".
        let finite = |form, lemma| ParseInput { xpos: "VBD", lemma, ..word(form, "VERB") };
        let words = [
            word("After", "ADP"),
            word("Kenya", "PROPN"),
            finite("refused", "refuse"),
            ParseInput { form: ",", ..word(",", "PUNCT") },
            word("the", "DET"),
            word("minister", "NOUN"),
            finite("asked", "ask"),
            word("Uganda", "PROPN"),
            word(".", "PUNCT"),
        ];
        let mut arcs = vec![(2, "case"), (3, "nsubj"), (0, "root"), (6, "punct"), (6, "det"), (2, "appos"), (3, "conj"), (7, "obj"), (3, "punct")];
        opening_clauses_not_main_clauses(&words, &mut arcs);
        assert_eq!(arcs, vec![(3, "mark"), (3, "nsubj"), (7, "advcl"), (3, "punct"), (6, "det"), (7, "nsubj"), (0, "root"), (7, "obj"), (7, "punct")]);
    }

    #[test]
    fn a_clause_with_a_relative_subject_after_a_noun_is_a_relative_clause() {
        // "spoke at a rally that drew crowds": "drew" read as the complement of "spoke".
        let that = ParseInput { upos: "PRON", ..word("that", "PRON") };
        let words = [word("spoke", "VERB"), word("at", "ADP"), word("a", "DET"), word("rally", "NOUN"), that, word("drew", "VERB"), word("crowds", "NOUN")];
        let mut arcs = vec![(0, "root"), (4, "case"), (4, "det"), (1, "obl"), (6, "nsubj"), (1, "ccomp"), (6, "obj")];
        relative_clauses_not_complements(&words, &mut arcs);
        assert_eq!(arcs[5], (4, "acl:relcl"));
        // "said that was wrong": no noun before the pronoun, a complement it stays.
        let words = [word("said", "VERB"), word("that", "PRON"), word("was", "AUX"), word("wrong", "ADJ")];
        leaves_alone(relative_clauses_not_complements, &words, vec![(0, "root"), (4, "nsubj"), (4, "cop"), (1, "ccomp")]);
        // "fought a war from 1998 to 2000 that killed thousands": the object, past the obliques.
        let words = [
            word("fought", "VERB"),
            word("a", "DET"),
            word("war", "NOUN"),
            word("from", "ADP"),
            word("1998", "NUM"),
            word("to", "ADP"),
            word("2000", "NUM"),
            word("that", "PRON"),
            word("killed", "VERB"),
            word("thousands", "NOUN"),
        ];
        let mut arcs = vec![(0, "root"), (3, "det"), (1, "obj"), (5, "case"), (1, "obl"), (7, "case"), (5, "nmod"), (9, "nsubj"), (1, "ccomp"), (9, "obj")];
        relative_clauses_not_complements(&words, &mut arcs);
        assert_eq!(arcs[8], (3, "acl:relcl"));
    }

    #[test]
    fn a_that_clause_after_a_day_word_is_the_verbs_complement() {
        // "said Friday that troops crossed": read as a relative clause of "Friday".
        let words = [word("said", "VERB"), word("Friday", "PROPN"), word("that", "SCONJ"), word("troops", "NOUN"), word("crossed", "VERB")];
        let mut arcs = vec![(0, "root"), (1, "obl:unmarked"), (5, "mark"), (5, "nsubj"), (2, "acl:relcl")];
        that_clauses_after_day_words(&words, &mut arcs);
        assert_eq!(arcs, vec![(0, "root"), (1, "obl:unmarked"), (5, "mark"), (5, "nsubj"), (1, "ccomp")]);
        // After a speech verb, a clause with a subject and no relative word is what was said.
        let words = [ParseInput { lemma: "say", ..word("said", "VERB") }, word("Sunday", "PROPN"), word("they", "PRON"), word("detained", "VERB"), word("Conde", "PROPN")];
        let mut arcs = vec![(0, "root"), (1, "obl"), (4, "nsubj"), (2, "acl:relcl"), (4, "obj")];
        that_clauses_after_day_words(&words, &mut arcs);
        assert_eq!(arcs, vec![(0, "root"), (1, "obl"), (4, "nsubj"), (1, "ccomp"), (4, "obj")]);
        // "said on Monday that Belarus was arming": "that" read as the day word's and the clause as "that"'s.
        let words = [word("said", "VERB"), word("on", "ADP"), word("Monday", "PROPN"), word("that", "SCONJ"), word("Belarus", "PROPN"), word("armed", "VERB")];
        let mut arcs = vec![(0, "root"), (3, "case"), (1, "obl"), (3, "nmod"), (6, "nsubj"), (4, "acl:relcl")];
        that_clauses_after_day_words(&words, &mut arcs);
        assert_eq!(arcs, vec![(0, "root"), (3, "case"), (1, "obl"), (6, "mark"), (6, "nsubj"), (1, "ccomp")]);
        // A relative "that" is a pronoun: "the Friday that troops crossed" stays.
        let words = [word("said", "VERB"), word("Friday", "PROPN"), word("that", "PRON"), word("troops", "NOUN"), word("crossed", "VERB")];
        leaves_alone(that_clauses_after_day_words, &words, vec![(0, "root"), (1, "obl:unmarked"), (5, "obl"), (5, "nsubj"), (2, "acl:relcl")]);
    }

    #[test]
    fn an_accused_read_as_a_compound_is_the_object() {
        // "accuse Rwanda of supporting M23": "Rwanda" read as a compound of "M23".
        let words = [word("accuse", "VERB"), word("Rwanda", "PROPN"), word("of", "SCONJ"), ParseInput { xpos: "VBG", ..word("supporting", "VERB") }, word("M23", "PROPN")];
        let mut arcs = vec![(0, "root"), (5, "compound"), (4, "mark"), (2, "nmod"), (1, "obj")];
        gerunds_after_of_not_inside_compounds(&words, &mut arcs);
        assert_eq!(arcs, vec![(0, "root"), (1, "obj"), (4, "mark"), (1, "advcl"), (4, "obj")]);
    }

    #[test]
    fn a_compound_does_not_reach_across_a_preposition() {
        // "thanked Macron for France's help": "Macron" read as a compound of "help".
        let words = [word("thanked", "VERB"), word("Macron", "PROPN"), word("for", "ADP"), word("France", "PROPN"), word("'s", "PART"), word("help", "NOUN")];
        let mut arcs = vec![(0, "root"), (6, "compound"), (4, "case"), (6, "nmod:poss"), (4, "case"), (1, "obj")];
        compounds_across_prepositions(&words, &mut arcs);
        assert_eq!(arcs, vec![(0, "root"), (1, "obj"), (6, "case"), (6, "nmod:poss"), (4, "case"), (1, "obl")]);
    }
}
