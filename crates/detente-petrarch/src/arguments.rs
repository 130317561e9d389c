//! Verb arguments from the dependency tree: where the source and target of a verb are.
//!
//! PETRARCH reads them off a constituency parse (the subject NP before the VP; the first
//! actor inside the VP). Over Universal Dependencies the same roles are: the subject
//! (`nsubj`), inherited from the governing verb for controlled and conjoined verbs and for
//! relative clauses; in the passive, the `by`-agent as source and the subject as target; the
//! target among the object, indirect object and obliques after the verb, then inside clausal
//! complements. This module only walks the tree; what counts as an actor is the caller's
//! business. It is kept apart so that it can be merged with `detente-events`' argument finder.

use detente_core::SentenceTree;

/// The subject of a verb and whether the verb is passive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// Head token of the subject phrase.
    pub head: u32,
    /// The verb is passive (`nsubj:pass` or `aux:pass`): the subject is the target, the
    /// `by`-agent the source.
    pub passive: bool,
    /// When the parser split one subject phrase into several dependents of the verb ("Norland
    /// Prime Minister Vell" as two subjects), all their words, in order.
    pub split_span: Option<Vec<u32>>,
}

/// Relations along which a verb without a subject of its own inherits its governor's.
const INHERITS_SUBJECT: [&str; 4] = ["xcomp", "conj", "ccomp", "acl"];

/// Whether verb `v` is passive.
pub fn is_passive(tree: &SentenceTree, v: u32) -> bool {
    tree.children(v)
        .iter()
        .any(|&c| matches!(tree.deprel(c), "nsubj:pass" | "aux:pass"))
}

/// The subject of verb `v`: its own, else the governing verb's (through `xcomp`, `conj`,
/// subject-less `ccomp`), else for a relative or participial clause the noun it modifies.
pub fn subject(tree: &SentenceTree, v: u32) -> Option<Subject> {
    let passive = is_passive(tree, v);
    let mut cur = v;
    for _ in 0..4 {
        // The subject nearest the verb on its left (the parser may find several).
        let subjects: Vec<u32> = tree
            .children(cur)
            .iter()
            .copied()
            .filter(|&c| matches!(tree.deprel(c), "nsubj" | "nsubj:pass" | "csubj"))
            .collect();
        if let Some(s) = subjects
            .iter()
            .copied()
            .rfind(|&c| c < cur)
            .or(subjects.first().copied())
        {
            // A relative pronoun stands for the noun the clause modifies.
            if tree.upos(s) == "PRON"
                && tree.deprel(cur) == "acl:relcl"
                && is_relative_pronoun(tree.word(s))
            {
                return tree.head(cur).map(|h| Subject {
                    head: h,
                    passive,
                    split_span: None,
                });
            }
            return Some(Subject {
                head: s,
                passive,
                split_span: split_subject(tree, cur, s),
            });
        }
        // An adverbial clause without a subordinator ("it would acting") is the parser's
        // reading of a complement; one with it ("after leaving X") has its own implicit subject.
        let bare_adverbial = matches!(tree.base_rel(cur), "advcl" | "parataxis")
            && tree.child_with(cur, "mark").is_none();
        if !INHERITS_SUBJECT.contains(&tree.base_rel(cur)) && !bare_adverbial {
            return None;
        }
        let head = tree.head(cur)?;
        if tree.base_rel(cur) == "acl" {
            return Some(Subject {
                head,
                passive,
                split_span: None,
            });
        }
        cur = head;
    }
    None
}

/// The words of nominal dependents of `v` that run on, without a gap, into the subject `s`
/// from the left: one phrase the parser has split.
fn split_subject(tree: &SentenceTree, v: u32, s: u32) -> Option<Vec<u32>> {
    let mut span = tree.subtree(s);
    let mut merged = false;
    for &c in tree.children(v).iter().rev().filter(|&&c| c < s) {
        let nominal = matches!(tree.upos(c), "NOUN" | "PROPN")
            && matches!(
                tree.base_rel(c),
                "nsubj" | "obl" | "nmod" | "compound" | "appos" | "dep"
            )
            && tree.case_marker(c).is_none();
        let sub = tree.subtree(c);
        if !nominal || sub.last().map(|&l| l + 1) != span.first().copied() {
            break;
        }
        span.splice(0..0, sub);
        merged = true;
    }
    merged.then_some(span)
}

fn is_relative_pronoun(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "who" | "which" | "that" | "whom"
    )
}

/// The governing verb's subject, for a pronoun subject that names no actor ("X said it would").
pub fn governing_subject(tree: &SentenceTree, v: u32) -> Option<Subject> {
    tree.ancestors(v)
        .filter(|&a| matches!(tree.upos(a), "VERB" | "AUX"))
        .find_map(|a| subject(tree, a))
}

/// The `by`-agent of a passive verb: a `by` phrase among its dependents, or theirs
/// ("opposed earlier by X"), not inside another clause.
pub fn passive_agent(tree: &SentenceTree, v: u32) -> Option<u32> {
    let mut queue = vec![v];
    let mut k = 0;
    while k < queue.len() {
        for &c in tree.children(queue[k]) {
            if CLAUSES.contains(&tree.base_rel(c)) {
                continue;
            }
            if tree.deprel(c) == "obl:agent"
                || (matches!(tree.base_rel(c), "obl" | "nmod")
                    && tree.case_marker(c).as_deref() == Some("by"))
            {
                return Some(c);
            }
            if matches!(tree.base_rel(c), "advmod" | "obl") {
                queue.push(c);
            }
        }
        k += 1;
    }
    None
}

const CLAUSES: [&str; 6] = ["advcl", "ccomp", "xcomp", "acl", "parataxis", "conj"];

/// Candidate heads of the target phrase of verb `v`, best first: objects, then obliques after
/// the verb, then the same inside clausal complements (a complement clause's subject first).
/// `skip` is a token whose phrase must not be offered (the passive agent).
pub fn target_candidates(tree: &SentenceTree, v: u32, skip: Option<u32>) -> Vec<u32> {
    let mut out = Vec::new();
    collect_targets(tree, v, skip, &mut out, 0);
    out
}

fn collect_targets(
    tree: &SentenceTree,
    v: u32,
    skip: Option<u32>,
    out: &mut Vec<u32>,
    depth: usize,
) {
    let children = tree.children(v);
    let keep = |c: &u32| Some(*c) != skip && *c > v;
    out.extend(
        children
            .iter()
            .copied()
            .filter(keep)
            .filter(|&c| matches!(tree.base_rel(c), "obj" | "iobj")),
    );
    out.extend(
        children
            .iter()
            .copied()
            .filter(keep)
            .filter(|&c| matches!(tree.base_rel(c), "obl" | "nmod")),
    );
    if depth >= 3 {
        return;
    }
    for c in children.iter().copied().filter(keep) {
        match tree.base_rel(c) {
            "ccomp" => {
                if let Some(s) = tree
                    .children(c)
                    .iter()
                    .copied()
                    .find(|&s| matches!(tree.base_rel(s), "nsubj"))
                {
                    out.push(s);
                }
                collect_targets(tree, c, skip, out, depth + 1);
            }
            "xcomp" | "advcl" => collect_targets(tree, c, skip, out, depth + 1),
            _ => {}
        }
    }
}

/// Relations that end a noun phrase's own words: what follows them is another phrase.
const OUTSIDE_PHRASE: [&str; 14] = [
    "conj",
    "cc",
    "nmod",
    "obl",
    "acl",
    "appos",
    "punct",
    "parataxis",
    "advcl",
    "ccomp",
    "xcomp",
    "nsubj",
    "obj",
    "dep",
];

/// The words of the noun phrase headed by `n`, without its conjuncts, prepositional modifiers
/// and clauses (sorted token indices).
pub fn phrase_core(tree: &SentenceTree, n: u32) -> Vec<u32> {
    let mut out = vec![n];
    for &c in tree.children(n) {
        if in_phrase_nmod(tree, c) || !OUTSIDE_PHRASE.contains(&tree.base_rel(c)) {
            out.extend(tree.subtree(c));
        }
    }
    out.sort_unstable();
    out
}

/// Possessors ("Norland's minister") and titles ("Minister" in "Prime Minister Vell", UD
/// `nmod:desc`) belong to the phrase; other `nmod`s are phrases of their own.
fn in_phrase_nmod(tree: &SentenceTree, c: u32) -> bool {
    matches!(tree.deprel(c), "nmod:poss" | "nmod:desc")
}

/// Prepositional modifiers of a noun (`nmod`, possessors excluded), in text order.
pub fn noun_modifiers(tree: &SentenceTree, n: u32) -> Vec<u32> {
    tree.children(n)
        .iter()
        .copied()
        .filter(|&c| tree.base_rel(c) == "nmod" && !in_phrase_nmod(tree, c))
        .collect()
}

/// `n` and its conjuncts ("Norland and Sudmark"), in text order.
pub fn conjuncts(tree: &SentenceTree, n: u32) -> Vec<u32> {
    let mut out = vec![n];
    let mut k = 0;
    while k < out.len() {
        let c = out[k];
        // A list "A, B and C" may come out as A with the appositive "B and C".
        let list_appos = |d: u32| {
            tree.base_rel(d) == "appos"
                && tree.upos(d) == "PROPN"
                && tree.child_with(d, "conj").is_some()
        };
        out.extend(
            tree.children(c)
                .iter()
                .copied()
                .filter(|&d| tree.base_rel(d) == "conj" || list_appos(d)),
        );
        k += 1;
    }
    out.sort_unstable();
    out
}

/// The head of the noun phrase (coordination included) that token `t` belongs to: climbs
/// compounds, modifiers, possessors and conjuncts.
pub fn phrase_head(tree: &SentenceTree, t: u32) -> u32 {
    let mut cur = t;
    for _ in 0..8 {
        let climbs = matches!(
            tree.base_rel(cur),
            "compound" | "flat" | "amod" | "det" | "fixed" | "conj" | "nummod"
        ) || in_phrase_nmod(tree, cur);
        match tree.head(cur) {
            Some(h) if climbs => cur = h,
            _ => break,
        }
    }
    cur
}
