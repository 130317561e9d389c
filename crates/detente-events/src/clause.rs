//! What the clause around a trigger says about it: who its subject is when it has none of its
//! own (control, participles, conjoined verbs, relative clauses), whether it is negated or
//! denied, and its modality.

use detente_core::{Modality, SentenceTree};

/// Words whose complement is denied: "denying it plans to invade" codes no invasion; nor do
/// "blocked an aid package", "foiled an attack", "ended the trade agreement" or "a suspension
/// of aid" code the aid, the attack or the agreement.
const DENIALS: &[&str] = &[
    "deny", "refuse", "reject", "dismiss", "decline", "rebuff", "fail", "block", "veto", "prevent", "obstruct", "thwart",
    "foil", "avert", "end", "halt", "stop", "cancel", "scrap", "abandon", "suspend", "terminate", "suspension",
    "cancellation", "termination", "reduction",
];

/// Denials whose "to" clause is what was refused, never a purpose ("stopped the convoy to
/// search it" searched it).
const REFUSALS: &[&str] = &["refuse", "reject", "decline", "rebuff", "fail"];

/// Verbs and adjectives whose complement is only possible or forecast.
const HYPOTHETICAL_HEADS: &[&str] = &[
    "likely", "unlikely", "possible", "able", "could", "might", "may", "fear", "warn", "threaten", "risk", "want",
    "hope", "seek", "try", "consider", "expect", "predict", "forecast", "urge", "ask", "call", "demand", "propose",
    "suggest", "would", "if", "unless", "appeal", "press", "implore", "plead", "exhort", "encourage", "allow", "permit", "pressure",
    "pressurise", "pressurize", "persuade", "convince", "lobby", "push", "invite", "instruct", "request", "beg", "advise", "order",
    "empower", "enable", "offer",
];

/// Adjectives of doubt and fear, whose clause (however the parser attaches it) is not asserted.
const DOUBTS: &[&str] = &[
    "skeptical", "sceptical", "doubtful", "dubious", "unsure", "uncertain", "unconvinced", "afraid", "fearful", "wary",
];

/// Nouns whose clausal complement is only proposed or possible: "an offer to mediate", "plans to
/// invade", "the group's ability to attack shipping"; or habitual, no one event: "its long
/// experience of guarding a frontier"; or not done at all: "his failure to denounce the group".
const PROPOSAL_NOUNS: &[&str] = &[
    "offer", "proposal", "plan", "threat", "call", "demand", "request", "bid", "attempt", "effort", "willingness",
    "readiness", "intention", "desire", "promise", "pledge", "suggestion", "idea", "invitation", "chance", "opportunity",
    "appeal", "option", "ability", "capacity", "capability", "power", "right", "means", "permission", "authority",
    "licence", "license", "freedom", "need", "experience", "history", "record", "tradition", "habit", "practice", "failure",
    "refusal", "reluctance",
];

/// Verbs whose "of" clause is an allegation: "accused the group of shelling homes".
const ALLEGATIONS: &[&str] = &["accuse", "blame", "suspect", "charge", "allege", "accusation", "allegation", "suspicion"];

/// Nouns of what a speaker issues, whose participles ("a statement *calling* for …") speak for
/// the author.
const DOCUMENT_NOUNS: &[&str] = &[
    "statement", "report", "letter", "communique", "communiqué", "declaration", "message", "note", "resolution", "post", "tweet", "video",
    "editorial", "petition", "memo",
];

/// Verbs and adjectives whose complement is announced for the future, an intent ("willing to
/// send aid"); "decided to ease sanctions" is news of the act itself, so "decide" is not one.
const FUTURE_HEADS: &[&str] = &[
    "plan", "intend", "prepare", "aim", "schedule", "set", "promise", "pledge", "vow", "agree", "willing", "ready", "prepared",
];

/// Clause-internal path upward from a trigger: the verbs it is the complement, conjunct or
/// participle of, stopping at the first clause that has its own subject.
pub(crate) fn governors(tree: &SentenceTree, trigger: u32) -> Vec<u32> {
    let mut out = vec![trigger];
    let mut cur = trigger;
    for _ in 0..8 {
        if has_subject(tree, cur) {
            break;
        }
        let rel = tree.base_rel(cur);
        if !matches!(rel, "xcomp" | "conj" | "advcl" | "acl" | "ccomp" | "obj" | "nmod" | "obl") {
            break;
        }
        match tree.head(cur) {
            Some(h) => {
                out.push(h);
                cur = h;
            }
            None => break,
        }
    }
    out
}

pub(crate) fn has_subject(tree: &SentenceTree, v: u32) -> bool {
    tree.children(v).iter().any(|&c| matches!(tree.base_rel(c), "nsubj" | "csubj"))
}

/// The subject head(s) for a trigger: its own subject, or that of the verb it depends on
/// ("agreed to keep working", "…, denying it plans"), or the noun a relative clause modifies.
/// Returns (heads, passive).
pub(crate) fn subject_heads(tree: &SentenceTree, trigger: u32) -> (Vec<u32>, bool) {
    // "Burma took steps toward democracy, *encouraged by the United States*": a bare participle
    // with a "by" agent says what was done to the subject it shares.
    let bare_passive = tree.base_rel(trigger) == "advcl"
        && tree.syntax(trigger).xpos == "VBN"
        && !tree.children(trigger).iter().any(|&c| matches!(tree.base_rel(c), "aux" | "mark" | "nsubj"))
        && tree.children(trigger).iter().any(|&c| tree.deprel(c) == "obl:agent" || (tree.base_rel(c) == "obl" && tree.case_marker(c).as_deref() == Some("by")));
    let mut cur = trigger;
    for _ in 0..8 {
        let subjects: Vec<u32> = tree.children(cur).iter().copied().filter(|&c| tree.base_rel(c) == "nsubj").collect();
        if !subjects.is_empty() {
            let passive = bare_passive || subjects.iter().any(|&s| tree.deprel(s) == "nsubj:pass");
            // "…, who met in Geneva": the relative pronoun stands for the noun before it.
            let subjects = subjects
                .into_iter()
                .map(|s| {
                    if !matches!(tree.word(s).to_lowercase().as_str(), "who" | "which" | "that") || tree.base_rel(cur) != "acl" {
                        return s;
                    }
                    (tree.first..s)
                        .rev()
                        .find(|&k| matches!(tree.upos(k), "NOUN" | "PROPN"))
                        .or(tree.head(cur))
                        .unwrap_or(s)
                })
                .collect();
            return (subjects, passive);
        }
        if let Some(subject) = stranded_subject(tree, cur) {
            return (vec![subject], false);
        }
        // "with the United States promising …": the noun just before an absolute participle.
        if tree.syntax(cur).xpos == "VBG" && cur > tree.first {
            let prev = cur - 1;
            if matches!(tree.upos(prev), "PROPN" | "NOUN") && tree.case_marker(prev).as_deref() == Some("with") {
                return (vec![prev], false);
            }
        }
        let rel = tree.base_rel(cur);
        match (rel, tree.head(cur)) {
            // "an aid worker imprisoned in Egypt": the noun a passive participle modifies is
            // its patient; "troops guarding the border" are the agents of an active one, and so
            // are "jets struck Rafah" (a participle has no object: a past tense read as one).
            // "issued a statement calling on X", "Amnesty's report accusing Y": a document that
            // does something does it in its author's voice.
            ("acl", Some(n)) if tree.deprel(cur) != "acl:relcl" && tree.syntax(cur).xpos == "VBG" && DOCUMENT_NOUNS.contains(&tree.lemma(n)) => {
                let author = tree.children(n).iter().copied().find(|&c| {
                    tree.deprel(c) == "nmod:poss" || (tree.base_rel(c) == "nmod" && tree.case_marker(c).as_deref() == Some("by"))
                });
                match (author, tree.head(n)) {
                    (Some(a), _) => return (vec![a], false),
                    (None, Some(v)) if matches!(tree.base_rel(n), "obj" | "obl") && tree.upos(v) == "VERB" => cur = v,
                    _ => return (vec![n], false),
                }
            }
            ("acl", Some(n)) if tree.deprel(cur) != "acl:relcl" => {
                let passive = tree.syntax(cur).xpos == "VBN" && tree.child_with(cur, "obj").is_none();
                return (vec![n], passive);
            }
            // "X said the army was regrouping but ruled out talks": a verb joined to a reported
            // clause in the reporting verb's tense, where the clause's own verb is not, is the
            // reporter's second predicate (the parser joined it to the wrong verb).
            ("conj", Some(h)) if tree.reporter_of(h).filter(|&r| tree.upos(r) == "VERB").is_some_and(|r| in_tense_of(tree, cur, r) && !in_tense_of(tree, h, r)) => {
                cur = tree.head(h).expect("a reported clause has its reporter");
            }
            ("xcomp" | "conj" | "advcl" | "ccomp", Some(h)) => cur = h,
            _ => break,
        }
    }
    (Vec::new(), false)
}

/// Whether `verb` has the tense of `reporter` with no auxiliary of its own ("said … and
/// praised", not "said … had rammed" or "said … would praise"); a past participle without one is
/// a past tense the tagger misread ("was reviewing X but ruled out Y").
fn in_tense_of(tree: &SentenceTree, verb: u32, reporter: u32) -> bool {
    let tense = |v: u32| match tree.syntax(v).xpos.as_str() {
        "VBN" => "VBD",
        other => other,
    };
    tree.children_with(verb, "aux").next().is_none() && tense(verb) == tense(reporter)
}

/// A tensed verb always has a subject in English, so when the parse gave it none (",
/// Secretary of State Antony Blinken renewed warnings" with the name taken as an apposition of
/// the previous clause) the noun phrase ending right before it is that subject. Conjoined verbs
/// share their first conjunct's subject and are left to the caller.
fn stranded_subject(tree: &SentenceTree, verb: u32) -> Option<u32> {
    if !matches!(tree.syntax(verb).xpos.as_str(), "VBD" | "VBZ" | "VBP") || tree.base_rel(verb) == "conj" || verb == tree.first {
        return None;
    }
    let prev = verb - 1;
    let nominal = matches!(tree.upos(prev), "PROPN" | "NOUN" | "PRON");
    (nominal && !tree.ancestors(prev).any(|a| a == verb)).then_some(prev)
}

/// The "by" agent of a passive verb.
pub(crate) fn passive_agent(tree: &SentenceTree, v: u32) -> Vec<u32> {
    let by = |c: &u32| tree.case_marker(*c).as_deref() == Some("by");
    let agents: Vec<u32> = tree
        .children(v)
        .iter()
        .copied()
        .filter(|&c| tree.deprel(c) == "obl:agent" || (tree.base_rel(c) == "obl" && by(&c)))
        .collect();
    if !agents.is_empty() {
        return agents;
    }
    // "were wounded in an attack by militants": the agent of the act it happened in.
    tree.children(v)
        .iter()
        .copied()
        .filter(|&c| tree.base_rel(c) == "obl" && matches!(tree.case_marker(c).as_deref(), Some("in" | "during")) && tree.upos(c) == "NOUN")
        .flat_map(|c| tree.children(c).iter().copied().filter(|&g| tree.base_rel(g) == "nmod" && by(&g)))
        .collect()
}

/// The trigger is inside a denial ("denying it plans to invade", "blocked an *aid* package") or
/// under a negated governor ("did not agree to impose").
pub(crate) fn denied(tree: &SentenceTree, trigger: u32) -> bool {
    let mut cur = trigger;
    for _ in 0..6 {
        let Some(h) = tree.head(cur) else { return false };
        let lemma = tree.lemma(h).to_lowercase();
        // "refused a request to step down": a "to" clause the parser hung on a verb of refusal
        // (past its object) is what was refused.
        let refused = tree.base_rel(cur) == "advcl" && tree.has_mark(cur, "to") && REFUSALS.contains(&lemma.as_str());
        if !refused && !is_gerund_complement(tree, cur) && !matches!(tree.base_rel(cur), "xcomp" | "ccomp" | "obj" | "acl" | "nmod" | "compound") {
            return false;
        }
        // "ruled out sending warships": a phrasal denial.
        let ruled_out = lemma == "rule" && tree.children_with(h, "compound:prt").any(|p| tree.word(p).eq_ignore_ascii_case("out"));
        if DENIALS.contains(&lemma.as_str()) || ruled_out || tree.is_negated(h) {
            return true;
        }
        cur = h;
    }
    false
}

/// "denies *backing* the group": the parser makes many gerund complements adverbial clauses; one
/// right after its verb, with no marker of its own, is its complement.
pub(crate) fn is_gerund_complement(tree: &SentenceTree, clause: u32) -> bool {
    tree.base_rel(clause) == "advcl"
        && tree.syntax(clause).xpos == "VBG"
        && tree.head(clause) == Some(clause - 1)
        && !tree.has_any_mark(clause)
}

/// The trigger heads what someone is accused of ("accused Kyiv *of shelling* the plant", "blamed
/// the rebels for the attack" is a noun, not a clause): an allegation the accusation codes (1123),
/// not an event of its own.
pub(crate) fn alleged(tree: &SentenceTree, trigger: u32) -> bool {
    // "accused Israel of violating the ceasefire *by killing* …": the means of an alleged act
    // is alleged too, and so are its purpose, what it controls, an act joined to it and a
    // participle set after it ("accused Rwanda of sending soldiers *to back* the rebels", "of
    // shelling and *killing*", "of shelling the town, *killing* five").
    let means = tree.has_mark(trigger, "by") && tree.base_rel(trigger) == "advcl";
    let purpose = tree.has_mark(trigger, "to") && tree.base_rel(trigger) == "advcl";
    let gerund = tree.syntax(trigger).xpos == "VBG";
    let participle = gerund && tree.base_rel(trigger) == "advcl" && !tree.has_any_mark(trigger);
    if means || purpose || participle || matches!(tree.base_rel(trigger), "xcomp" | "conj") {
        // "accused X of ramming and *firing*" read with the gerund joined to "accused": a
        // gerund cannot be joined to a tensed verb, so it is part of the allegation.
        let joined_to_accusation = gerund
            && tree.base_rel(trigger) == "conj"
            && tree.head(trigger).is_some_and(|h| tree.syntax(h).xpos != "VBG" && ALLEGATIONS.contains(&tree.lemma(h).to_lowercase().as_str()));
        return joined_to_accusation || tree.head(trigger).is_some_and(|h| alleged(tree, h));
    }
    if !tree.has_mark(trigger, "of") || !matches!(tree.base_rel(trigger), "advcl" | "acl") {
        return false;
    }
    // The clause hangs off the verb, or off its object ("accused *the group* of shelling").
    let head = tree.head(trigger);
    let verb = head.filter(|&h| tree.base_rel(h) == "obj").and_then(|h| tree.head(h)).into_iter();
    head.into_iter().chain(verb).any(|h| ALLEGATIONS.contains(&tree.lemma(h).to_lowercase().as_str()))
}

/// Modality from auxiliaries, conditional markers and governing verbs.
pub(crate) fn modality(tree: &SentenceTree, trigger: u32) -> Modality {
    let mut cur = trigger;
    let mut future = false;
    // Clause levels climbed so far, conjuncts and purposes not counted.
    let mut clauses = 0;
    let mut through_purpose = false;
    for depth in 0..6 {
        for &c in tree.children(cur) {
            // "they’ll", "it’d": the curly apostrophe of news text too.
            let w = tree.word(c).to_lowercase().replace('’', "'");
            match tree.base_rel(c) {
                "aux" => match w.as_str() {
                    "will" | "'ll" | "shall" | "wo" => future = true,
                    // "said it would allow …": the future of a past report, not a condition.
                    "would" | "'d" if reported_in_past(tree, cur) => future = true,
                    "could" | "would" | "might" | "may" | "should" | "'d" | "can" | "ca" | "must" | "ought" => return Modality::Hypothetical,
                    _ => {}
                },
                "mark" if matches!(w.as_str(), "if" | "unless" | "whether") => return Modality::Hypothetical,
                _ => {}
            }
        }
        if tree.word(cur).eq_ignore_ascii_case("going") && depth > 0 {
            future = true;
        }
        let rel = tree.base_rel(cur);
        let Some(h) = tree.head(cur) else { break };
        let lemma = tree.lemma(h).to_lowercase();
        if rel == "acl" && tree.upos(h) == "NOUN" && PROPOSAL_NOUNS.contains(&lemma.as_str()) && tree.deprel(cur) != "acl:relcl" {
            return Modality::Hypothetical;
        }
        if !matches!(rel, "xcomp" | "ccomp" | "conj" | "advcl") {
            break;
        }
        // "skeptical about Iran providing cash": what is doubted or feared is not asserted.
        if matches!(rel, "advcl" | "ccomp" | "xcomp") && DOUBTS.contains(&lemma.as_str()) {
            return Modality::Hypothetical;
        }
        // The parser often makes "threatened to attack" an adverbial clause: a "to" clause of a
        // verb that takes complements is read as its complement.
        let to_clause = rel == "advcl" && tree.has_mark(cur, "to");
        let takes_complement = HYPOTHETICAL_HEADS.contains(&lemma.as_str()) || FUTURE_HEADS.contains(&lemma.as_str());
        // "Russia can end this war by withdrawing its troops": the means shares the modality of
        // what it is the means of, and so does a consequence told by a bare participle ("could
        // declare a zone, forcing airliners to detour").
        let means = rel == "advcl"
            && (tree.has_mark(cur, "by")
                || (tree.syntax(cur).xpos == "VBG" && !tree.has_any_mark(cur)));
        // "pledged to build a force *to fight* the insurgents": a purpose shares the modality of
        // what it is the purpose of, as a clause of it.
        let purpose = to_clause && !takes_complement;
        if rel == "advcl" && !to_clause && !means {
            // "… if Washington kept ignoring …" was handled by the mark; other adverbial
            // clauses share their head's modality only through their own auxiliaries.
            break;
        }
        if rel == "xcomp" || rel == "ccomp" || rel == "advcl" {
            // The head's own complement only, or a conjunct of it ("agreed to hold meetings and
            // to share data").
            if HYPOTHETICAL_HEADS.contains(&lemma.as_str()) && clauses == 0 {
                // The purpose of an option weighed stays as told: it names whom the option is
                // aimed at ("considering sending aid to help Lebanon").
                if through_purpose {
                    break;
                }
                return Modality::Hypothetical;
            }
            if FUTURE_HEADS.contains(&lemma.as_str()) && clauses == 0 {
                future = true;
            }
            // Reported speech ("said that X will …") keeps the complement's own modality.
            if rel == "ccomp" {
                break;
            }
            // An aspectual verb is no clause level of its own: "urged them to *keep* protesting",
            // "offered to *help* mediate".
            if purpose {
                through_purpose = true;
            } else if !(rel == "xcomp" && ASPECTUAL.contains(&lemma.as_str())) {
                clauses += 1;
            }
        }
        cur = h;
    }
    if future {
        Modality::Future
    } else {
        Modality::Asserted
    }
}

/// Verbs that say when an act runs, or that one takes part in it ("offered to *help* mediate"),
/// not whether it happens.
const ASPECTUAL: &[&str] = &["keep", "continue", "start", "begin", "resume", "help"];

/// "X said Y must withdraw": the speech verb and the verb of the obliged clause holding
/// `trigger` (the trigger itself, or the verb it is the object or complement of).
pub(crate) fn reported_obligation(tree: &SentenceTree, trigger: u32) -> Option<(u32, u32)> {
    let governor = tree.head(trigger).filter(|_| matches!(tree.base_rel(trigger), "obj" | "xcomp"));
    let modal = |v: u32| tree.children(v).iter().any(|&c| tree.base_rel(c) == "aux" && matches!(tree.word(c).to_lowercase().as_str(), "must" | "should" | "ought"));
    // "insists that Armenia first amend its constitution": a subject with a bare verb, no
    // auxiliary and no "to", under a verb of demanding.
    let subjunctive = |v: u32| {
        tree.syntax(v).xpos == "VB"
            && tree.child_with(v, "nsubj").is_some()
            && !tree.children(v).iter().any(|&c| tree.base_rel(c) == "aux" || (tree.base_rel(c) == "mark" && tree.word(c).eq_ignore_ascii_case("to")))
            && tree.head(v).is_some_and(|h| DEMANDING.contains(&tree.lemma(h).to_lowercase().as_str()))
    };
    let obliged = std::iter::once(trigger).chain(governor).find(|&v| modal(v) || subjunctive(v))?;
    // "demonstrators must be protected" names no one the demand is made of.
    let speech = tree.head(obliged).filter(|_| tree.base_rel(obliged) == "ccomp" && !tree.is_passive(obliged))?;
    let lemma = tree.lemma(speech).to_lowercase();
    (SPEECH.contains(&lemma.as_str()) || DEMANDING.contains(&lemma.as_str())).then_some((speech, obliged))
}

/// Whether clause `c` tells of what is done or was so ("had failed", "were not implemented",
/// "has massed"), with no modal looking ahead ("would fail", "could face"): a warning of it
/// threatens nothing.
pub(crate) fn tells_of_the_past(tree: &SentenceTree, c: u32) -> bool {
    let auxiliaries: Vec<u32> = tree.children(c).iter().copied().filter(|&k| matches!(tree.base_rel(k), "aux" | "cop")).collect();
    if auxiliaries.iter().any(|&k| tree.syntax(k).xpos == "MD" || tree.word(k).eq_ignore_ascii_case("going")) {
        return false;
    }
    let past = |k: u32| tree.syntax(k).xpos == "VBD" || (tree.lemma(k).eq_ignore_ascii_case("have") && tree.syntax(c).xpos == "VBN");
    match auxiliaries.first() {
        Some(&k) => past(k),
        None => tree.syntax(c).xpos == "VBD",
    }
}

/// Verbs whose "that" clause is what they demand, in the subjunctive ("demanded that Israel
/// withdraw").
const DEMANDING: &[&str] = &["insist", "demand", "require", "request", "urge", "ask", "recommend", "propose"];

/// The clause is the complement of a speech or commitment verb in the past ("said", "had
/// promised"), where English moves "will" back to "would".
fn reported_in_past(tree: &SentenceTree, clause: u32) -> bool {
    let Some(h) = tree.head(clause).filter(|_| tree.base_rel(clause) == "ccomp") else { return false };
    let lemma = tree.lemma(h).to_lowercase();
    (SPEECH.contains(&lemma.as_str()) || matches!(lemma.as_str(), "promise" | "pledge" | "vow" | "indicate" | "signal"))
        && matches!(tree.syntax(h).xpos.as_str(), "VBD" | "VBN")
}

/// Speech verbs whose clausal complement is reported: "X said Y did Z" → reported by X.
pub(crate) const SPEECH: &[&str] = &[
    "say", "tell", "add", "state", "announce", "claim", "report", "declare", "insist", "argue", "assert",
    "confirm", "note", "explain", "allege", "accuse", "warn", "write", "tweet", "suggest",
];

/// The speech verb a trigger is reported under, if any.
pub(crate) fn reporting_verb(tree: &SentenceTree, trigger: u32) -> Option<u32> {
    let mut cur = trigger;
    for _ in 0..6 {
        let h = tree.head(cur)?;
        match tree.base_rel(cur) {
            "ccomp" | "parataxis" if SPEECH.contains(&tree.lemma(h).to_lowercase().as_str()) => return Some(h),
            "xcomp" | "conj" | "ccomp" | "advcl" => cur = h,
            _ => return None,
        }
    }
    None
}
