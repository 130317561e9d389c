//! Who is speaking: the subject of a cue, its span, and its actor code.
//!
//! The span is the whole description of the speaker, titles, appositions and relative clauses
//! included ("presidential candidate Jane Roe, a pollster who advised the campaign"), as
//! attribution corpora mark it, even where the parser split the apposition off as a second
//! subject or a clause of its own; the actor code comes from the head. A passive cue's speaker is
//! its agent ("was criticized by X"), never its subject.
//!
//! The subject comes from the dependency tree when the parser found one, and otherwise
//! from the words right next to the cue ("…,” Smith told reporters. / …, said the minister.),
//! because quotation frames are short, often verb-initial and easily misparsed.

use detente_core::{ActorMention, Document, Resolution, SentenceTree};
use std::ops::Range;

/// A speaker found in the text, before its actor code is looked up.
#[derive(Clone, Debug)]
pub struct FoundSpeaker {
    pub tokens: Range<u32>,
    pub head: u32,
    /// How it was found, e.g. `subject of 'said'`.
    pub how: String,
}

impl FoundSpeaker {
    /// The speaker headed by `head`, with its description ([`speaker_tokens`]).
    pub fn at(tree: &SentenceTree, head: u32, how: String) -> FoundSpeaker {
        FoundSpeaker {
            tokens: speaker_tokens(tree, head),
            head,
            how,
        }
    }
}

/// Relations of a subject's dependents that are not part of the speaker's description: asides
/// and adverbial clauses. Appositions, relative clauses and participles that restrict the noun
/// are kept, as attribution corpora do: the speaker is "Jane Roe, a pollster who worked for …"
/// or "officials familiar with the talks"; a participle set off by a comma ("…, speaking to
/// reporters,") is an aside.
const NOT_IN_SPAN: &[&str] = &["parataxis", "advcl", "dep", "discourse", "vocative", "list"];

/// The speaker span of a nominal head: its subtree without clauses and asides, the contiguous
/// block around the head, without punctuation at the edges.
pub fn speaker_tokens(tree: &SentenceTree, head: u32) -> Range<u32> {
    let mut kept = vec![head];
    // Nodes inside a clause that describes the speaker, whose own adverbial clauses belong to
    // it ("an aide who spoke on condition of anonymity *because he was not authorized to …*").
    let mut described: Vec<u32> = Vec::new();
    let mut k = 0;
    while k < kept.len() {
        let node = kept[k];
        let in_clause = described.contains(&node);
        for &c in tree.children(node) {
            let rel = tree.base_rel(c);
            let participle = rel == "acl" && tree.deprel(c) != "acl:relcl";
            // The comma may be the first token of the participle's own subtree.
            let first = tree.subtree(c)[0];
            let set_off = participle
                && (tree.word(first) == "," || (first > tree.first && tree.word(first - 1) == ","));
            // A date the parser hung on the speaker ("Trump on Tuesday") says when, not who.
            let date = node == head && is_time_word(&tree.lemma(c).to_lowercase());
            // An apposition whose first word the parser read as a verb ("Jane Roe, associate
            // director of X"): no subject, no finite verb, set off by a comma after a name.
            let misread_apposition = rel == "parataxis"
                && node == head
                && tree.upos(head) == "PROPN"
                && c > head
                && tree.syntax(c).xpos == "VB"
                && tree
                    .children(c)
                    .iter()
                    .all(|&g| !matches!(tree.base_rel(g), "nsubj" | "aux" | "mark" | "ccomp"))
                && (tree.word(first) == "," || (first > tree.first && tree.word(first - 1) == ","));
            let clause_of_description = in_clause && rel == "advcl";
            let aside = (NOT_IN_SPAN.contains(&rel) && !misread_apposition && !clause_of_description) || set_off || date;
            // The head's own preposition ("according to", possessive 's) is not the speaker.
            let marker = node == head && rel == "case";
            if !aside && !marker {
                kept.push(c);
                if in_clause || tree.deprel(c) == "acl:relcl" {
                    described.push(c);
                }
            }
        }
        k += 1;
    }
    kept.sort_unstable();
    let at = kept.binary_search(&head).unwrap_or(0);
    let (mut lo, mut hi) = (at, at);
    while lo > 0 && kept[lo - 1] + 1 == kept[lo] {
        lo -= 1;
    }
    while hi + 1 < kept.len() && kept[hi] + 1 == kept[hi + 1] {
        hi += 1;
    }
    let (mut start, mut end) = (kept[lo], kept[hi] + 1);
    // A determiner the parser hung elsewhere still opens the phrase ("the envoy").
    if start > tree.first && tree.upos(start - 1) == "DET" && start == head {
        start -= 1;
    }
    // Descriptions follow the head ("Jane Roe, a pollster,"); what a comma sets off before it is
    // an introductory phrase the parser hung there ("On Monday at the rally, candidate Roe").
    if let Some(comma) = (start..head).rev().find(|&i| tree.word(i) == ",") {
        start = comma + 1;
    }
    while start < head && matches!(tree.upos(start), "PUNCT" | "CCONJ") {
        start += 1;
    }
    while end - 1 > head && matches!(tree.upos(end - 1), "PUNCT" | "CCONJ") {
        end -= 1;
    }
    start..end
}

/// The subject of cue `cue`: its own `nsubj` (never a lone "this", nor a "which" that stands
/// for a thing rather than a name), else the nominal the parser hung a finite cue on ("4 in 10 say"), else the subject
/// of the verb it is coordinated with or attached to ("… and added", "…, adding that"), else
/// the nominal right next to it inside `frame` (the words around the cue that are outside any
/// quotation).
pub fn subject_of_cue(tree: &SentenceTree, cue: u32, frame: &Range<u32>) -> Option<FoundSpeaker> {
    let cue_word = tree.word(cue).to_lowercase();
    let found = |head: u32, how: String| {
        let (tokens, head) = widen_over_nominals(tree, speaker_tokens(tree, head), head, cue);
        // "this" or "that" alone stands for a fact, not for someone, and so does a relative
        // "which" or "that" unless it stands for a name ("the Sierra Club, which backs Y").
        let named_antecedent =
            || tree.relative_antecedent(head).is_some_and(|a| tree.upos(a) == "PROPN");
        let thing = tokens.len() == 1
            && tree.upos(head) == "PRON"
            && match tree.syntax(head).xpos.as_str() {
                "DT" => true,
                "WDT" => !named_antecedent(),
                _ => false,
            };
        (!thing).then_some(FoundSpeaker { tokens, head, how })
    };
    // A passive cue's subject is what is reported on ("X is expected to …"); its source is the
    // agent, if named ("it was announced by X").
    if tree.is_passive(cue) || is_participle(tree, cue, "VBN") {
        return found(agent_of(tree, cue)?, format!("agent of '{cue_word}'"));
    }
    // "a group backing Y", "Democrats, fearing Y,": a participle's subject is the noun it
    // modifies, without the participle; an object's ("issued a statement saying") is below.
    if is_participle(tree, cue, "VBG") {
        // Not a circumstance ("in addition to stating", "at a rally calling for").
        let circumstance = |n: u32| {
            matches!(
                tree.case_marker(n).as_deref(),
                Some("in" | "at" | "with" | "on" | "during" | "after" | "before")
            )
        };
        let noun = tree.head(cue).filter(|&n| {
            is_nominal(tree, n) && tree.base_rel(n) != "obj" && n < cue && !circumstance(n)
        });
        if let Some(noun) = noun {
            let span = speaker_tokens(tree, noun);
            let tokens = span.start..span.end.min(tree.subtree(cue)[0]);
            return Some(FoundSpeaker {
                tokens,
                head: noun,
                how: format!("noun that '{cue_word}' modifies"),
            });
        }
    }
    // A day the parser took for the subject ("…, Sunday said X") is never the speaker.
    let subject_of = |verb: u32| {
        tree.child_with(verb, "nsubj")
            .filter(|&s| !is_expletive(tree, s) && !is_time_word(&tree.lemma(s).to_lowercase()))
    };
    if let Some(subject) = subject_of(cue) {
        // A fronted report the parser hung on the cue by its subject ("Any move by Y would
        // fail, Jane Roe said"): the speaker is the subject after the report's comma.
        let last = tree
            .children_with(cue, "nsubj")
            .last()
            .filter(|&s| s > subject && s < cue);
        if let Some(last) = last {
            let span = speaker_tokens(tree, last);
            let report_between = (subject..span.start).any(|i| {
                tree.upos(i) == "AUX"
                    || matches!(tree.syntax(i).xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD")
            });
            if span.start > 0 && tree.word(span.start - 1) == "," && report_between {
                return found(last, format!("subject of '{cue_word}' after the report"));
            }
        }
        let mut speaker = found(subject, format!("subject of '{cue_word}'"))?;
        // An apposition the parser took for a second subject ("Jane Roe, the chief executive
        // of X, said") goes on describing the first.
        if let Some(last) = tree
            .children_with(cue, "nsubj")
            .filter(|&s| s > subject)
            .last()
        {
            let second = speaker_tokens(tree, last);
            let comma = speaker.tokens.end;
            if comma < cue
                && tree.word(comma) == ","
                && second.start == comma + 1
                && second.end <= cue
            {
                speaker.tokens = speaker.tokens.start..second.end;
            }
        }
        return Some(speaker);
    }
    // A finite verb hung on the nominal before it has that nominal as its subject, however the
    // parser read the phrase ("4 in 10 say …", "a quarter, 26 percent, say …"); an infinitive
    // with "to" is the noun's own ("a decision to say"), and a verb with a subject of its own
    // ("a statement that it welcomed …") is the noun's content.
    let infinitive = tree
        .children_with(cue, "mark")
        .any(|m| tree.word(m).eq_ignore_ascii_case("to"));
    let finite = matches!(tree.syntax(cue).xpos.as_str(), "VBP" | "VBZ" | "VBD" | "VB")
        && !infinitive
        && tree.child_with(cue, "nsubj").is_none();
    let hung_on = tree
        .head(cue)
        .filter(|&h| h < cue && matches!(tree.base_rel(cue), "nmod" | "acl" | "parataxis"));
    if let Some(noun) =
        hung_on.filter(|&h| finite && matches!(tree.upos(h), "NOUN" | "PROPN" | "NUM" | "PRON"))
    {
        let start = speaker_tokens(tree, noun).start;
        let end = (start..cue)
            .rev()
            .find(|&i| !matches!(tree.upos(i), "PUNCT" | "ADV" | "AUX"))
            .map_or(cue, |i| i + 1);
        return Some(FoundSpeaker {
            tokens: start..end,
            head: noun,
            how: format!("nominal that '{cue_word}' hangs on"),
        });
    }
    let mut verb = cue;
    for _ in 0..3 {
        let Some(mut up) = tree.head(verb) else { break };
        match tree.base_rel(verb) {
            // An adjunct of "say" with a subject is its speaker's ("Y, officials said, adding Z").
            "advcl" if tree.lemma(up).eq_ignore_ascii_case("say") && subject_of(up).is_some() => {}
            // An adjunct or a second verb of a reported clause is the reporter's ("X said Y won,
            // citing Z", "X said Y won and praised Z"): the speaker is the subject of the verb
            // that reports the clause.
            "conj" | "advcl" => up = tree.reporter_of(up).unwrap_or(up),
            // "X, who chairs Y, says …" read with the cue as an aside of the relative clause:
            // the speaker is X with its relative clause, not the relative pronoun.
            "parataxis" if tree.deprel(up) == "acl:relcl" && up < verb => {
                let relative = subject_of(up).is_some_and(|s| {
                    s < up && matches!(tree.syntax(s).xpos.as_str(), "WP" | "WDT")
                });
                let antecedent = tree
                    .head(up)
                    .filter(|&a| relative && a < up && is_nominal(tree, a));
                if let Some(antecedent) = antecedent {
                    return found(
                        antecedent,
                        format!("antecedent of the relative clause before '{cue_word}'"),
                    );
                }
            }
            "xcomp" | "ccomp" | "parataxis" => {}
            // "X issued a statement saying …": the speaker is whoever issued the statement; but
            // after an inverted "said X, adding …", X is.
            "acl" if tree.base_rel(up) == "obj" => {
                let verb_of_object = tree.head(up).unwrap_or(up);
                if verb_of_object < up && tree.lemma(verb_of_object).eq_ignore_ascii_case("say") {
                    return found(
                        up,
                        format!(
                            "speaker after '{}', which '{cue_word}' follows",
                            tree.word(verb_of_object).to_lowercase()
                        ),
                    );
                }
                up = verb_of_object;
            }
            _ => break,
        }
        verb = up;
        if let Some(subject) = subject_of(verb) {
            return found(
                subject,
                format!(
                    "subject of '{}', which '{cue_word}' depends on",
                    tree.word(verb).to_lowercase()
                ),
            );
        }
    }
    speaker_next_to(tree, cue, frame)
}

/// Whether `verb` has the tense of reporting verb `reporter` and no modal ("said … and praised",
/// not "said … and would praise").
pub fn in_reporter_tense(tree: &SentenceTree, verb: u32, reporter: u32) -> bool {
    let modal = tree
        .children_with(verb, "aux")
        .any(|a| tree.syntax(a).xpos == "MD");
    !modal && tree.syntax(verb).xpos == tree.syntax(reporter).xpos
}

/// The nominal right next to cue `cue` inside `frame`, as words when the parse of the frame
/// does not hold together: "…,” the envoy told reporters", "…,” said Jane Roe, a pollster".
pub fn speaker_next_to(tree: &SentenceTree, cue: u32, frame: &Range<u32>) -> Option<FoundSpeaker> {
    let cue_word = tree.word(cue).to_lowercase();
    let head = adjacent_nominal(tree, cue, frame)?;
    // A misparsed frame ("…,” the envoy told reporters) has no usable subtree: take the words.
    let mut start = head;
    while start > frame.start
        && (matches!(
            tree.upos(start - 1),
            "DET" | "ADJ" | "PROPN" | "NOUN" | "NUM"
        ) || tree.syntax(start - 1).xpos == "HYPH")
    {
        start -= 1;
    }
    while start < head && tree.syntax(start).xpos == "HYPH" {
        start += 1;
    }
    // Where the parse of the phrase does hold together, its own head adds an apposition
    // ("said Jane Roe, a pollster").
    let top = (start..=head)
        .find(|&i| is_nominal(tree, i) && tree.head(i).is_none_or(|h| h < start || h > head))
        .unwrap_or(head);
    // An apposition set off before the cue stands for the name it describes ("Jane Roe, a
    // pollster, told").
    let set_off = head < cue && tree.word(head + 1) == ",";
    let top = if set_off && tree.deprel(top) == "appos" {
        tree.head(top).filter(|&h| h < top).unwrap_or(top)
    } else {
        top
    };
    let phrase = speaker_tokens(tree, top);
    let holds = phrase.start <= start
        && head < phrase.end
        && frame.start <= phrase.start
        && phrase.end <= frame.end;
    let tokens = if holds && !phrase.contains(&cue) {
        phrase
    } else {
        start..head + 1
    };
    Some(FoundSpeaker {
        tokens,
        head,
        how: format!("next to '{cue_word}'"),
    })
}

/// A subject the parser split up ("presidential candidate" and "Jane Roe" as two subjects of
/// one verb, or "Unity" heading "American Unity Fund president Jane Roe"), widened over the
/// nominal words right next to it up to the cue; the head moves to the last noun it takes in.
fn widen_over_nominals(
    tree: &SentenceTree,
    span: Range<u32>,
    head: u32,
    cue: u32,
) -> (Range<u32>, u32) {
    let nominal = |i: u32| {
        let possessive = tree.upos(i) == "PART" && matches!(tree.word(i), "'s" | "’s");
        (matches!(tree.upos(i), "DET" | "ADJ" | "PROPN" | "NOUN" | "NUM") || possessive)
            && !is_time_word(&tree.lemma(i).to_lowercase())
    };
    let (mut start, mut end, mut head) = (span.start, span.end, head);
    // A relative pronoun stands for its antecedent, which is no part of the subject: "voters
    // who said …" (attribution corpora mark "who"); a personal pronoun takes no modifiers, so
    // the noun before it ends another phrase ("the bill he wrote", "sure they will").
    if end > cue
        || matches!(tree.syntax(head).xpos.as_str(), "WP" | "WDT")
        || (tree.upos(head) == "PRON" && span.len() == 1)
    {
        return (span, head);
    }
    // Leftwards only over words that may be a split-off part of the subject: not the noun the
    // cue's clause hangs on ("the third *time* AROS said"), nor a phrase the cue governs by
    // another relation ("In a Bloomberg *interview* Trump declared").
    let other_phrase = |i: u32| {
        match std::iter::once(i).chain(tree.ancestors(i)).find(|&a| tree.head(a) == Some(cue)) {
            Some(a) => !matches!(tree.base_rel(a), "nsubj" | "compound" | "amod" | "det" | "nummod" | "dep"),
            None => tree.ancestors(cue).any(|a| a == i),
        }
    };
    while start > tree.first && nominal(start - 1) && !other_phrase(start - 1) {
        start -= 1;
    }
    while end < cue && nominal(end) {
        if matches!(tree.upos(end), "PROPN" | "NOUN") {
            head = end;
        }
        end += 1;
    }
    (start..end, head)
}

/// The agent of passive verb `verb` ("by X"), if named.
pub fn agent_of(tree: &SentenceTree, verb: u32) -> Option<u32> {
    let by = |c: u32| {
        tree.deprel(c) == "obl:agent"
            || (tree.base_rel(c) == "obl" && tree.case_marker(c).as_deref() == Some("by"))
    };
    tree.children(verb).iter().copied().find(|&c| by(c))
}

/// Nouns of time: "on …" with one is a date rather than what a stance is about ("on Monday"),
/// and one is never a speaker ("…, said Thursday").
pub fn is_time_word(lemma: &str) -> bool {
    const TIME_WORDS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "day",
        "night",
        "morning",
        "afternoon",
        "evening",
        "weekend",
        "week",
        "month",
        "year",
        "occasion",
        "eve",
        "date",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    TIME_WORDS.contains(&lemma)
}

fn is_expletive(tree: &SentenceTree, token: u32) -> bool {
    tree.base_rel(token) == "expl"
        || matches!(tree.word(token).to_lowercase().as_str(), "it" | "there")
}

/// Whether `verb` is a participle (tag `tag`: VBG or VBN) modifying a noun, not a relative clause.
pub fn is_participle(tree: &SentenceTree, verb: u32, tag: &str) -> bool {
    tree.deprel(verb) == "acl" && tree.syntax(verb).xpos == tag
}

fn is_nominal(tree: &SentenceTree, i: u32) -> bool {
    matches!(tree.upos(i), "PROPN" | "NOUN" | "PRON")
}

/// The head of the nominal just before the cue (skipping adverbs: "Smith also said"), else just
/// after it ("said Smith", "said the minister"), within `frame`.
fn adjacent_nominal(tree: &SentenceTree, cue: u32, frame: &Range<u32>) -> Option<u32> {
    let mut i = cue;
    while i > frame.start && matches!(tree.upos(i - 1), "ADV" | "AUX" | "PART") {
        i -= 1;
    }
    let speaker_noun = |i: u32| is_nominal(tree, i) && !is_time_word(&tree.lemma(i).to_lowercase());
    if i > frame.start && speaker_noun(i - 1) && !matches!(tree.word(i - 1), "reporters") {
        return Some(i - 1);
    }
    // The speaker may end with an apposition set off by a comma ("…,” Jane Roe, a pollster, told
    // reporters", "Jane Roe, the mayor's aide, attacked Y"); what follows "told" is whom it was
    // told to.
    let appositive = i > frame.start + 1 && tree.word(i - 1) == "," && speaker_noun(i - 2);
    let finite = matches!(tree.syntax(cue).xpos.as_str(), "VBD" | "VBZ" | "VBP");
    if tree.lemma(cue).eq_ignore_ascii_case("tell")
        || (appositive && finite && tree.upos(i - 2) != "PRON")
    {
        return appositive.then_some(i - 2);
    }
    // Verb-first frame: the noun phrase after the cue, its head being its last noun; a phrase
    // without a noun that ends the frame stands for a person all the same ("said the
    // 61-year-old", "tweeted another").
    let hyphen = |j: u32| tree.syntax(j).xpos == "HYPH";
    let mut j = cue + 1;
    let mut head = None;
    let mut last_word = None;
    while j < frame.end
        && (hyphen(j)
            || matches!(
                tree.upos(j),
                "DET" | "ADJ" | "PROPN" | "NOUN" | "PRON" | "NUM"
            ))
    {
        if speaker_noun(j) {
            head = Some(j);
        }
        if !hyphen(j) {
            last_word = Some(j);
        }
        j += 1;
    }
    let article = |w: u32| matches!(tree.lemma(w), "a" | "an" | "the");
    let ends_clause = j < frame.end && matches!(tree.word(j), "," | "." | ";" | "!" | "?");
    let determined = cue + 1 < frame.end
        && tree.upos(cue + 1) == "DET"
        && !matches!(tree.lemma(cue + 1), "a" | "an");
    head.or(last_word.filter(|&w| {
        ends_clause && determined && !article(w) && matches!(tree.upos(w), "ADJ" | "DET")
    }))
}

/// The actor mention of the speaker: one whose head is the speaker's head, else one inside the
/// speaker span that contains the head.
pub fn actor_of<'d>(doc: &'d Document, tokens: &Range<u32>, head: u32) -> Option<&'d ActorMention> {
    let overlapping = doc
        .actors
        .iter()
        .filter(|m| m.tokens.start < tokens.end && tokens.start < m.tokens.end);
    let mut best = None;
    for m in overlapping {
        if m.head == head {
            return Some(m);
        }
        if m.tokens.contains(&head) && best.is_none() {
            best = Some(m);
        }
    }
    best
}

/// How an actor mention got its code, in words, e.g. `coreference → Antony Blinken (surname)`.
pub fn describe_resolution(mention: &ActorMention) -> String {
    match &mention.how {
        Resolution::Lexicon => format!(
            "lexicon: {}",
            mention.entry.as_deref().unwrap_or(&mention.text)
        ),
        Resolution::Composition { parts } => {
            let parts: Vec<&str> = parts.iter().map(|p| p.text.as_str()).collect();
            format!("composition: {}", parts.join(" + "))
        }
        Resolution::Coreference { antecedent, rule } => {
            format!("coreference → {} ({rule})", antecedent.text)
        }
        Resolution::Unresolved => "actor unresolved".to_string(),
    }
}
