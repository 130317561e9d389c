//! Quotations: who said what, found in a parsed document.
//!
//! Analysts read news for its statements as much as for its events, so this stage lists every
//! quotation with its speaker, its cue word and the speaker's actor code. It reads the layers
//! of earlier stages and writes none of them:
//!
//! * **direct** and **partial** quotes come from quotation marks ([`marks`]): a quote that
//!   stands as a statement of its own (at a sentence start, after a colon or a comma) is direct,
//!   a few quoted words inside a sentence are partial. A direct quote is attributed through the
//!   words around it in its sentence (“…,” he said / X told reporters: “…”), or in the short
//!   sentence right after it when the segmenter split the frame off (“… right?” X asked.), or
//!   by the clause a colon ends before it even without a speech verb (X fired back: “…”), or
//!   by any verb right after its closing comma (“…,” X urged), or by the name a headline opens
//!   with (X: ‘…’), a partial quote through the cue verb that governs it in the dependency tree
//!   (X vowed “…”);
//! * **indirect** speech comes from the dependency tree: the clausal complement of a speech cue
//!   ("said that …"), the clause a fronted report hangs on ("…, officials said"; "…, said a
//!   spokesman for X, who …"), the infinitive of an intent verb with the object it urges
//!   ("vowed to …", "urged Y to …"), the object of a stance verb, or of any cue verb without a
//!   clause, up to the first phrase of time or place ("X endorsed Y", "accused Y of Z", "voted
//!   against Y", "said no", "…, calling Y Z", "a group backing Y"), the subject of a passive
//!   cue whose agent is named ("Y was criticized by X"), "according to X", "in a poll, …" (the
//!   poll is the source), a stance received ("Y drew criticism from X", "Y won the endorsement
//!   of X"), a relative clause whose relative word stands for the subject of the reported clause
//!   ("the fees, which officials said will rise", "a step they believe could help"), cue nouns ("X's statement that …", "X's criticism of Y", "his pledge
//!   to Z", "in a statement, X …"),
//!   nouns that a verb makes a cue ("X made the case that …", "X took swipes at Y"), nouns
//!   for who holds a stance ("X is a fierce supporter of Y"), a title-case headline split at its
//!   cue verb ("Senator X Endorses Y"),
//!   adjectives of stance ("X is wary of Y") and passives of feeling, whose subject feels ("X
//!   was angered that …", "X is encouraged by Y"), any verb or adjective with a subject and a
//!   clausal complement ("has learned that …", "is confident that …") or an "about" phrase
//!   ("X worries about Y"), a question put ("Asked whether Y, X …"), impressions and
//!   expectations without a source ("Y seems to …", "Y is expected to …", "Y reportedly …"),
//!   "Name: …" headlines and transcript turns ("SMITH: …"); the content is the reported clause
//!   or phrase, without the asides set off by a comma that end it (", which …", ", arguing …",
//!   ", although …", ", despite …") and without whom it was said to ("spoke to reporters about
//!   Y"), and without a second predicate coordinated with a noun inside it ("calling Y “…”
//!   and posting Z"), or a direct quote that has a frame of its own ("Y – “…,” she said");
//!   "As X said, Y" frames the clause after it. Attribution corpora such as PolNeAR count
//!   beliefs, findings and stances as attributions, and so do analysts asking who backs or
//!   opposes whom. A report interrupted by its frame ("Y, he said, Z", "Y, said X, Z") is two
//!   pieces sharing one cue and speaker, like an interrupted direct quote. A partial quote
//!   reported by a verb without a clause of its own ("X called Y “…”") makes the rest of that
//!   verb's phrase the reported content;
//! * a direct or partial quote whose sentence names no speaker continues the previous quote of
//!   its paragraph (or of the previous one, when the paragraph opens by carrying an unclosed
//!   quote on or holds nothing but the quote), with the report around it if that one is partial
//!   ("X said Y was “…” ¶ “…”"), or else takes the nearest speaker of its
//!   paragraph; [`Speaker::how`] says which. Indirect speech keeps only the speaker its own
//!   sentence names;
//! * a few quoted words inside a sentence that no report takes in are a scare quote or a coined
//!   term (the “establishment”), not a quotation, unless they are an utterance of their own
//!   (said, “No.”); a report of a cue that runs over the speaker of the direct quote that cue
//!   frames (“…,” said Jane Roe, a pollster) is the frame misread and is dropped.
//!
//! A named speaker's span goes on with the description set off after the name ("said Jane
//! Roe, a pollster at X", "Jane Roe, 52, a nurse, said"), whatever the parser did with it; a
//! speaker that is the last noun of such a description ("Jane Roe, the mayor of Springfield,
//! said" read with "Springfield" as the subject) is the name with its description, a relative
//! clause set off after the speaker that reports on its own ("Jane Roe, who backs Y, said") is
//! cut from it, and a story's dateline ("SPRINGFIELD, Ill. (AP) —") is never the speaker.
//!
//! A cue verb is given with its verb group ("has not yet said", "called for"). The speaker's
//! code is copied from the actor stage's mention covering the speaker's head token, with how
//! that mention was resolved. A quote interrupted by its attribution
//! (“X,” he said, “Y.”) is two quotes sharing one cue and speaker.

pub mod cues;
pub mod marks;
mod speaker;

pub use cues::{CueClass, CueClasses, CueLexicon};

use detente_core::{Document, Quote, QuoteKind, SentenceTree, Speaker};
use marks::Quoted;
use speaker::{
    actor_of, agent_of, describe_resolution, in_reporter_tense, is_participle, is_time_word,
    speaker_next_to, speaker_tokens, subject_of_cue, FoundSpeaker,
};
use std::borrow::Cow;
use std::ops::Range;

/// Prepositions of time, place or means, which open no part of a cue's verb group ("said on
/// Monday", "wrote in a letter"), unlike those that complete it ("called for", "spoke to").
const CIRCUMSTANCE_PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "by", "during", "after", "before", "since", "until", "amid", "from", "via",
    "through",
];

/// Cue verbs that frame a quote (“…,” she continued) or report a clause or an infinitive
/// ("maintained that …", "planned to veto") but take no position on an object ("continued the
/// tour", "maintained a lead", "planned the attack").
const FRAME_ONLY_CUES: &[&str] = &["continue", "add", "maintain", "plan"];

/// Whether verb `t` is what someone was not allowed to do: "(was) not authorized to discuss".
fn not_permitted(tree: &SentenceTree, t: u32) -> bool {
    const PERMISSIONS: &[&str] = &["authorize", "authorise", "allow", "permit", "clear", "empower", "entitle", "free"];
    let Some(h) = tree.head(t).filter(|_| tree.base_rel(t) == "xcomp") else { return false };
    PERMISSIONS.contains(&tree.lemma(h).to_lowercase().as_str()) && tree.is_negated(h)
}

/// Verbs that take a position on their object only with a predicate on it ("found the remark
/// offensive", not "found a job").
const PREDICATE_CUES: &[&str] = &["find"];

/// Stance verbs that are also acts of force ("attacked Y" in words or with arms).
const FORCE_CUES: &[&str] = &["attack", "target", "hit", "hammer", "blast", "strike", "bash", "assail"];

/// Arms and their use, with which an answer is force ("responded with a barrage of drones")
/// and which hold no view ("the strikes could release radiation").
const FORCE_MEANS: &[&str] = &[
    "missile", "rocket", "drone", "shell", "mortar", "artillery", "bomb", "strike", "airstrike", "raid", "shelling", "bombing",
    "bombardment", "barrage", "salvo", "volley", "fire", "gunfire", "force",
];

/// Sectors of armed forces, whose attacks are no words.
const ARMED_SECTORS: &[&str] = &["MIL", "REB", "UAF", "INS", "SEP", "COP", "SPY"];

/// What neighbours share that is no view: "Brazil, which shares borders with both countries".
const SHARED_GROUND: &[&str] = &["border", "frontier", "boundary", "coast", "coastline", "river", "lake", "sea", "airspace", "island"];

/// Words that take a question introduced by "if" ("wondered if", "is unsure if").
const QUESTIONING: &[&str] = &[
    "ask", "wonder", "know", "see", "check", "question", "decide", "doubt", "determine", "find", "remember", "learn", "consider", "care",
    "investigate", "inquire", "enquire", "examine", "debate", "discuss", "judge", "test", "assess", "verify", "confirm", "unclear",
    "clear", "sure", "unsure", "uncertain", "curious", "figure", "guess", "notice", "understand", "ponder", "query", "imagine", "predict",
    "forget", "hear", "read", "explain", "mind", "seek",
];

/// Conduct one shows, which is no view: "urged both sides to show *restraint*".
const SHOWN_CONDUCT: &[&str] = &["restraint", "strength", "leadership", "courage", "resolve", "flexibility", "patience", "mercy", "maturity", "force", "muscle", "discipline", "caution"];

/// Verbs of speaking whose "to" and "with" phrases name the audience and whose "on" phrase
/// the channel or terms ("spoke to reporters", "talked with aides", "spoke on condition of
/// anonymity"), unlike "responded to the charges".
const ADDRESSEE_CUES: &[&str] = &[
    "speak", "talk", "write", "explain", "complain", "say", "tweet", "announce",
];

/// Adjectives that state a stance on their object or infinitive ("wary of", "eager to").
/// Nouns for someone who holds a stance on what their "of" or "for" phrase names ("X is a fierce
/// supporter of Y", "X, a critic of Y,").
const STANCE_HOLDERS: &[&str] = &[
    "supporter",
    "backer",
    "proponent",
    "opponent",
    "critic",
    "advocate",
    "champion",
    "defender",
];

const STANCE_ADJECTIVES: &[&str] = &[
    "critical",
    "worried",
    "skeptical",
    "sceptical",
    "supportive",
    "concerned",
    "wary",
    "angry",
    "upset",
    "unhappy",
    "pleased",
    "nervous",
    "optimistic",
    "pessimistic",
    "eager",
    "willing",
    "reluctant",
    "unwilling",
    "adamant",
    "opposed",
    "aware",
    "convinced",
    "hopeful",
    "quick",
    "happy",
    "glad",
    "hostile",
    "ready",
];

/// Verbs of feeling whose passive names who feels in its subject and what the feeling is about
/// in its complement ("voters are worried about Y", "she was angered that Z", "leaders were
/// encouraged by the turnout"): a stance of the subject, never an agent's report.
const FEELING_VERBS: &[&str] = &[
    "worry",
    "concern",
    "anger",
    "disappoint",
    "encourage",
    "hearten",
    "shock",
    "surprise",
    "outrage",
    "please",
    "alarm",
    "thrill",
    "frustrate",
    "excite",
    "satisfy",
    "dismay",
    "offend",
    "delight",
    "bother",
    "trouble",
    "disturb",
    "disgust",
    "upset",
    "annoy",
    "enrage",
    "infuriate",
    "impress",
    "interest",
    "convince",
    "persuade",
    "determine",
    "commit",
    "incline",
    "oppose",
];

/// Feeling verbs whose "by" phrase names an agent ("was persuaded by X", "is opposed by X"),
/// whose passive is reported by that agent instead.
const AGENTIVE_FEELING_VERBS: &[&str] = &[
    "convince",
    "persuade",
    "determine",
    "commit",
    "incline",
    "oppose",
];

/// Nouns of a stance that someone receives from another ("drew criticism from X", "won the
/// endorsement of X").
const RECEIVED_STANCES: &[&str] = &[
    "criticism",
    "endorsement",
    "support",
    "backing",
    "opposition",
    "praise",
    "condemnation",
    "rebuke",
    "blessing",
    "approval",
    "applause",
    "backlash",
    "pushback",
    "scorn",
    "ridicule",
    "censure",
    "accolade",
    "plaudit",
];

/// Verbs of receiving a stance from someone: the subject is what the stance is about.
const RECEIVING_VERBS: &[&str] = &[
    "draw",
    "face",
    "receive",
    "win",
    "get",
    "gain",
    "earn",
    "attract",
    "garner",
    "secure",
    "pick",
    "have",
    "land",
    "snag",
    "consolidate",
    "collect",
    "meet",
    "encounter",
    "court",
    "lose",
];

/// Extracts quotations from documents that have been segmented, parsed and (optionally)
/// run through the entity and actor stages.
pub struct QuoteExtractor {
    cues: CueLexicon,
}

impl Default for QuoteExtractor {
    fn default() -> Self {
        QuoteExtractor::new()
    }
}

impl QuoteExtractor {
    /// An extractor with the built-in cue lexicon.
    pub fn new() -> QuoteExtractor {
        QuoteExtractor {
            cues: CueLexicon::builtin(),
        }
    }

    /// An extractor with another cue lexicon.
    pub fn with_cues(cues: CueLexicon) -> QuoteExtractor {
        QuoteExtractor { cues }
    }

    /// The quotations of `doc` in text order, with ids `q1`, `q2`, …. A document without its
    /// syntax layer has none (the extractor needs the dependency tree).
    pub fn extract(&self, doc: &Document) -> Vec<Quote> {
        if doc.sentences.is_empty() || doc.syntax.len() != doc.tokens.len() {
            return Vec::new();
        }
        let mut run = Run::new(&self.cues, doc);
        run.quoted_speech();
        run.reported_speech();
        run.fill_missing_speakers();
        run.drop_unattributed_slogans();
        run.drop_scare_quotes();
        run.drop_inverted_speakers();
        run.speakers_after_datelines();
        run.names_before_appositions();
        run.speakers_with_appositions();
        run.speakers_without_relative_reports();
        run.finish()
    }
}

/// Reported speech found in a sentence: content, cue and speaker.
type Report = (Range<u32>, Range<u32>, Option<FoundSpeaker>);

/// A one-token cue (a colon, a dash) and the name it attributes a quotation to, the name's last
/// word its head.
fn named_by(cue: u32, name: Range<u32>, how: &str) -> (Range<u32>, Option<FoundSpeaker>) {
    let head = name.end - 1;
    (cue..cue + 1, Some(FoundSpeaker { tokens: name, head, how: how.to_string() }))
}

/// A quotation before ids and actor codes are added.
struct Found {
    kind: QuoteKind,
    content: Range<u32>,
    cue: Option<Range<u32>>,
    speaker: Option<FoundSpeaker>,
    /// The quoted stretch a direct or partial quote comes from.
    quoted: Option<usize>,
    paragraph: u32,
}

/// Which side of a quotation a frame lies on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Before,
    After,
}

/// One extraction over one document.
struct Run<'a> {
    doc: &'a Document,
    cues: &'a CueLexicon,
    trees: Vec<SentenceTree<'a>>,
    quoted: Vec<Quoted>,
    /// For each token, the quoted stretch it belongs to (marks included).
    quote_of: Vec<Option<u32>>,
    /// For each quoted stretch, whether it is a direct quote (else partial).
    direct: Vec<bool>,
    found: Vec<Found>,
    /// Every token's form and lemma lowercased, once: the cue tests ask for them many times.
    lower_forms: Vec<Cow<'a, str>>,
    lower_lemmas: Vec<Cow<'a, str>>,
}

/// `s` lowercased, borrowed when it already is (plain ASCII without capitals).
fn lowercase(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

impl<'a> Run<'a> {
    fn new(cues: &'a CueLexicon, doc: &'a Document) -> Run<'a> {
        let trees = (0..doc.sentences.len())
            .map(|s| SentenceTree::new(doc, s))
            .collect();
        let quoted = marks::find_quoted(doc);
        let mut quote_of = vec![None; doc.tokens.len()];
        for (qi, q) in quoted.iter().enumerate() {
            let end = q.close.map_or(q.inner.end, |c| c + 1);
            for t in q.open..end {
                quote_of[t as usize] = Some(qi as u32);
            }
        }
        Run {
            doc,
            cues,
            trees,
            quoted,
            quote_of,
            direct: Vec::new(),
            found: Vec::new(),
            lower_forms: doc.tokens.iter().map(|t| lowercase(doc.slice(t.span))).collect(),
            lower_lemmas: doc.syntax.iter().map(|s| lowercase(&s.lemma)).collect(),
        }
    }

    fn lower(&self, t: u32) -> &str {
        &self.lower_forms[t as usize]
    }

    fn lemma_lower(&self, t: u32) -> &str {
        &self.lower_lemmas[t as usize]
    }

    fn upos(&self, t: u32) -> &str {
        &self.doc.syntax[t as usize].upos
    }

    fn sentence(&self, t: u32) -> usize {
        self.doc
            .sentence_of_token(t)
            .expect("token inside a sentence")
    }

    fn tree_of(&self, t: u32) -> &SentenceTree<'a> {
        &self.trees[self.sentence(t)]
    }

    fn paragraph(&self, t: u32) -> u32 {
        self.doc.sentences[self.sentence(t)].paragraph
    }

    fn in_quote(&self, t: u32) -> bool {
        self.quote_of[t as usize].is_some()
    }

    /// The cue classes of token `t` as a verb. The form alone counts only for inflected forms
    /// ("told" tagged as a noun), so that nouns such as "report" or "post" are not verbs.
    fn verb_cue(&self, t: u32) -> CueClasses {
        let form = self.lower(t);
        let syntax = &self.doc.syntax[t as usize];
        let verbal = syntax.upos == "VERB"
            || (syntax.upos != "AUX"
                && (form.ends_with("ed")
                    || matches!(form, "said" | "told" | "says" | "wrote")));
        if verbal {
            self.cues.verb(form, self.lemma_lower(t))
        } else {
            CueClasses::default()
        }
    }

    fn is_word(&self, t: u32) -> bool {
        self.upos(t) != "PUNCT"
    }

    /// A finite verb or modal by its tag (VBD, VBZ, VBP, MD).
    fn is_finite(&self, t: u32) -> bool {
        matches!(
            self.doc.syntax[t as usize].xpos.as_str(),
            "VBD" | "VBZ" | "VBP" | "MD"
        )
    }

    /// A dash between words, not a hyphen inside one ("Jane Roe - the mayor", not "runner-up").
    fn is_dash(&self, t: u32) -> bool {
        let spaced = t > 0
            && self.doc.tokens[t as usize - 1].space_after
            && self.doc.tokens[t as usize].space_after;
        match self.lower(t) {
            "—" | "–" | "―" | "--" => true,
            "-" => spaced,
            _ => false,
        }
    }

    /// `range` without punctuation (other than quotation marks) and conjunctions at its edges.
    fn trim(&self, range: Range<u32>) -> Range<u32> {
        self.trim_edges(range, true)
    }

    fn trim_edges(&self, range: Range<u32>, conjunctions: bool) -> Range<u32> {
        let edge = |t: u32| {
            let p = self.upos(t);
            (p == "PUNCT" && !marks::is_mark(self.lower(t))) || (conjunctions && p == "CCONJ")
        };
        let (mut start, mut end) = (range.start, range.end);
        while start < end && edge(start) {
            start += 1;
        }
        while end > start && edge(end - 1) {
            end -= 1;
        }
        start..end
    }

    // ---- quotation marks -------------------------------------------------------------

    fn quoted_speech(&mut self) {
        for qi in 0..self.quoted.len() {
            let q = self.quoted[qi].clone();
            let direct = self.is_direct(&q);
            self.direct.push(direct);
            // Quoted words are kept as they are, a leading "but" included.
            let content = self.trim_edges(q.inner.clone(), false);
            if !content.clone().any(|t| self.is_word(t)) {
                continue;
            }
            // "“WALLACE: Let's start …": a transcript quoted whole, one speaker's turn per
            // paragraph; the turn is what the name before the colon said.
            let turn = self.transcript_turn(&q).filter(|_| direct);
            let content = turn.as_ref().map_or(content.clone(), |(colon, _)| self.trim_edges(colon.end..content.end, false));
            let attribution = if let Some(turn) = turn {
                Some(turn)
            } else if direct {
                self.attribute_direct(&q)
            } else {
                self.attribute_partial(&q)
            };
            // Quoted words that no verb reports are titles or scare quotes, not quotations; so
            // are capitalised words that no speech verb reports ("promoting his book “A Time
            // for Truth”"), even set off by commas, and capitalised words quoted inside a
            // sentence, whatever reports them ("told “Face the Nation”").
            // A quote after "Name:" is spoken, in whatever case a headline prints it.
            let spoken = attribution
                .as_ref()
                .is_some_and(|(c, _)| self.verb_cue(c.start).speech || self.lower(c.start) == ":");
            let inside_sentence = q.open != self.doc.sentences[self.sentence(q.open)].tokens.start;
            let title = (!spoken && self.is_title(&content, 2))
                || (!direct
                    && inside_sentence
                    && !self.is_utterance(&q)
                    && self.is_title(&content, 1));
            if (!direct && attribution.is_none()) || title {
                continue;
            }
            let (cue, speaker) = attribution.map_or((None, None), |(c, s)| (Some(c), s));
            let kind = if direct {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
            let paragraph = self.paragraph(q.open);
            self.found.push(Found {
                kind,
                content,
                cue,
                speaker,
                quoted: Some(qi),
                paragraph,
            });
        }
    }

    /// The colon and speaker of a quotation opening with a name in capitals and a colon, as
    /// transcripts print a speaker's turn ("“WALLACE: …", "“MR. SMITH: …").
    fn transcript_turn(&self, q: &Quoted) -> Option<(Range<u32>, Option<FoundSpeaker>)> {
        let name_start = q.open + 1;
        let colon = (name_start..q.inner.end.min(name_start + 4)).find(|&t| self.lower(t) == ":")?;
        let in_capitals = |t: u32| {
            let word = self.doc.slice(self.doc.tokens[t as usize].span);
            word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
        };
        let name = name_start..colon;
        let words = name.clone().filter(|&t| self.is_word(t)).count();
        if words == 0 || !name.clone().all(|t| in_capitals(t) || self.lower(t) == ".") || colon + 1 >= q.inner.end {
            return None;
        }
        Some(named_by(colon, name, "name before the colon opening a transcript's turn"))
    }

    /// At least `min_words` words that all start with a capital, small function words aside:
    /// the name of a book, a show or an event.
    fn is_title(&self, content: &Range<u32>, min_words: usize) -> bool {
        let words: Vec<&str> = content
            .clone()
            .filter(|&t| self.is_word(t))
            .map(|t| self.doc.slice(self.doc.tokens[t as usize].span))
            .collect();
        let minor = |w: &str| {
            matches!(
                w,
                "a" | "an"
                    | "the"
                    | "of"
                    | "for"
                    | "and"
                    | "&"
                    | "or"
                    | "to"
                    | "in"
                    | "on"
                    | "at"
                    | "with"
            )
        };
        let capital = |w: &str| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        };
        words.len() >= min_words && words.iter().all(|w| minor(w) || capital(w))
    }

    /// A quote is direct when it stands as a statement: it spans sentences, or it starts a
    /// sentence or follows a colon, comma or dash, and has more than one word.
    fn is_direct(&self, q: &Quoted) -> bool {
        let last = q.inner.end.saturating_sub(1).max(q.inner.start);
        if q.inner.is_empty() {
            return false;
        }
        if self.sentence(q.inner.start) != self.sentence(last) {
            return true;
        }
        let words = q.inner.clone().filter(|&t| self.is_word(t)).count();
        self.stands_as_statement(q) && words >= 2
    }

    /// Whether quote `q` starts its sentence or follows a colon, comma or dash.
    fn stands_as_statement(&self, q: &Quoted) -> bool {
        let s = self.sentence(q.open);
        q.open == self.doc.sentences[s].tokens.start
            || matches!(
                self.lower(q.open - 1),
                "," | ":" | ";" | "—" | "–" | "-" | "(" | "…" | "..."
            )
            || self.in_quote(q.open - 1)
    }

    /// Whether quote `q` is an utterance of its own however short: it stands as a statement and
    /// its words end with a full stop, question or exclamation mark (said, “No.” / “Out!” the
    /// crowd yelled).
    fn is_utterance(&self, q: &Quoted) -> bool {
        let last_word = q.inner.clone().rev().find(|&t| self.is_word(t));
        let ends_utterance = last_word.is_some_and(|w| {
            (w + 1..q.inner.end).any(|t| matches!(self.lower(t), "." | "?" | "!"))
        });
        ends_utterance && self.stands_as_statement(q)
    }

    /// The cue and speaker of a direct quote: after it in its last sentence (“…,” she said),
    /// else before it in its first sentence (She told reporters: “…”).
    fn attribute_direct(&self, q: &Quoted) -> Option<(Range<u32>, Option<FoundSpeaker>)> {
        let last = q.close.unwrap_or(q.inner.end - 1);
        let s_last = self.sentence(last);
        let mut after_end = self.doc.sentences[s_last].tokens.end;
        if let Some(next) = (last + 1..after_end).find(|&t| self.in_quote(t)) {
            after_end = next;
        }
        if let Some(found) = self.attribution_in(last + 1..after_end, Side::After) {
            return Some(found);
        }
        if let Some(found) = self.signature(q) {
            return Some(found);
        }
        let s_first = self.sentence(q.open);
        let mut before_start = self.doc.sentences[s_first].tokens.start;
        if let Some(prev) = (before_start..q.open).rev().find(|&t| self.in_quote(t)) {
            before_start = prev + 1;
        }
        if let Some(found) = self.attribution_in(before_start..q.open, Side::Before) {
            return Some(found);
        }
        if q.open > before_start && self.lower(q.open - 1) == ":" {
            // “Name: ‘…’”, in a headline or a transcript.
            let named = self
                .name_before_colon(self.tree_of(q.open))
                .filter(|(colon, _)| colon + 1 == q.open);
            if let Some(found) = named
                .map(|(colon, speaker)| (colon..colon + 1, Some(speaker)))
                .or_else(|| self.clause_before_colon(before_start..q.open))
            {
                return Some(found);
            }
        }
        if let Some(found) = self.frame_after_comma(q) {
            return Some(found);
        }
        // A quote that ends its sentence may have its frame in a short sentence of its own:
        // the segmenter splits “… right?” Smith said. A sentence that a colon ends introduces
        // what follows it ("She went on:"), and a cue with an object of its own reports that
        // object ("Smith did not concede defeat."): neither frames the quote before.
        if let Some(next) = self.doc.sentences.get(s_last + 1) {
            let frame = next.tokens.clone();
            let ends_sentence =
                !(last + 1..self.doc.sentences[s_last].tokens.end).any(|t| self.is_word(t));
            let short = frame.clone().filter(|&t| self.is_word(t)).count() <= 6;
            if ends_sentence
                && short
                && next.paragraph == self.doc.sentences[s_last].paragraph
                && !frame.clone().any(|t| self.in_quote(t))
                && self.lower(frame.end - 1) != ":"
            {
                let tree = self.tree_of(frame.start);
                let found = self.attribution_in(frame, Side::After).filter(|(cue, _)| {
                    !["obj", "ccomp", "xcomp"]
                        .iter()
                        .any(|rel| tree.child_with(cue.start, rel).is_some())
                });
                if found.is_some() {
                    return found;
                }
            }
        }
        // A paragraph of its own introduced by a colon at the end of the one before
        // ("X continued:").
        let introduced = s_first > 0 && q.open == self.doc.sentences[s_first].tokens.start;
        let previous = &self.doc.sentences[s_first.saturating_sub(1)];
        if introduced
            && previous.paragraph + 1 == self.doc.sentences[s_first].paragraph
            && self.lower(previous.tokens.end - 1) == ":"
        {
            return self
                .attribution_in(previous.tokens.clone(), Side::Before)
                .or_else(|| self.clause_before_colon(previous.tokens.clone()));
        }
        None
    }

    /// “…” ― Jane Roe, Tucson: a dash after a quotation that ends a sentence, then a name ending
    /// its line, signs the quotation (a reader's reply in a list of them, an epigraph). The dash
    /// is the cue and the name up to a comma the speaker.
    fn signature(&self, q: &Quoted) -> Option<(Range<u32>, Option<FoundSpeaker>)> {
        let close = q.close?;
        let dash = close + 1;
        let tokens = &self.doc.tokens;
        let words = tokens.len() as u32;
        let ends_sentence = matches!(self.lower(close - 1), "." | "!" | "?" | "…");
        if dash + 1 >= words
            || !ends_sentence
            || !self.is_dash(dash)
            || self.paragraph(dash + 1) != self.paragraph(close)
        {
            return None;
        }
        let paragraph = self.paragraph(close);
        let new_line =
            |t: u32| self.doc.text[tokens[t as usize - 1].span.end as usize..tokens[t as usize].span.start as usize].contains('\n');
        let line_end = (dash + 1..words)
            .find(|&t| new_line(t) || self.paragraph(t) != paragraph)
            .unwrap_or(words);
        let name_end = (dash + 1..line_end).find(|&t| self.upos(t) == "PUNCT").unwrap_or(line_end);
        let name = dash + 1..name_end;
        let capitalised = |t: u32| self.doc.slice(tokens[t as usize].span).starts_with(char::is_uppercase);
        let described = (name_end..line_end).all(|t| !self.in_quote(t) && !matches!(self.upos(t), "VERB" | "AUX"));
        if !(1..=5).contains(&name.len()) || !name.clone().all(capitalised) || !described {
            return None;
        }
        Some(named_by(dash, name, "name signing the quotation after a dash"))
    }

    /// “…,” Reyes urged. / “…,” beamed Jane Roe. / “…?” the senator asked at a hearing: the
    /// words right after a quote that a comma ends open with its frame, a noun phrase and a verb
    /// in either order, whatever the verb; after a quote's own "?" or "!", only a cue verb (not
    /// “…?” she put her house up for sale), even in the next sentence where the segmenter split
    /// it off.
    fn frame_after_comma(&self, q: &Quoted) -> Option<(Range<u32>, Option<FoundSpeaker>)> {
        let close = q.close?;
        let words = self.doc.tokens.len() as u32;
        let comma_after = close + 1 < words && self.lower(close + 1) == ",";
        let comma = comma_after || self.lower(close - 1) == ",";
        if !comma && !matches!(self.lower(close - 1), "?" | "!") {
            return None;
        }
        let start = close + 1 + u32::from(comma_after);
        if start >= words || self.paragraph(start) != self.paragraph(close) {
            return None;
        }
        let tree = self.tree_of(start);
        let frame = start
            ..(start..tree.tokens().end)
                .find(|&t| self.in_quote(t))
                .unwrap_or(tree.tokens().end);
        let nominal = |t: u32| {
            matches!(
                self.upos(t),
                "DET" | "ADJ" | "PROPN" | "NOUN" | "PRON" | "NUM"
            ) || matches!(self.lower(t), "'s" | "’s")
        };
        let mut verb = start;
        while verb < frame.end && nominal(verb) {
            verb += 1;
        }
        while verb < frame.end && self.upos(verb) == "ADV" {
            verb += 1;
        }
        // A cue by its form whatever its tag ("Ortiz answers" read as a noun), else any verb.
        let cue_form = || {
            self.cues
                .verb(self.lower(verb), self.lemma_lower(verb))
                .is_verb()
        };
        if verb >= frame.end || !((comma && self.upos(verb) == "VERB") || cue_form()) {
            return None;
        }
        // Not a relative clause on the quoted words ("“…,” which allows Y").
        let speaker = speaker_next_to(tree, verb, &frame)
            .filter(|s| !matches!(tree.syntax(s.head).xpos.as_str(), "WDT" | "WP"))?;
        Some((verb..verb + 1, Some(speaker)))
    }

    /// A quote introduced by a colon whose frame has no speech cue ("Rubio fired back:",
    /// "as X put it:"): the main verb of the clause the colon ends, in `frame` (the words
    /// before the colon), is the cue and its subject the speaker.
    fn clause_before_colon(&self, frame: Range<u32>) -> Option<(Range<u32>, Option<FoundSpeaker>)> {
        let tree = self.tree_of(frame.start);
        let verb = frame.clone().find(|&t| {
            self.upos(t) == "VERB"
                && !self.in_quote(t)
                && tree.head(t).is_none_or(|h| !frame.contains(&h))
        })?;
        let speaker = subject_of_cue(tree, verb, &frame).filter(|s| !self.in_quote(s.head))?;
        Some((verb..verb + 1, Some(speaker)))
    }

    /// The cue nearest to the quotation in `frame` (words outside quotes) and its subject.
    fn attribution_in(
        &self,
        frame: Range<u32>,
        side: Side,
    ) -> Option<(Range<u32>, Option<FoundSpeaker>)> {
        if frame.is_empty() {
            return None;
        }
        let tree = self.tree_of(frame.start);
        let order: Box<dyn Iterator<Item = u32>> = if side == Side::After {
            Box::new(frame.clone())
        } else {
            Box::new(frame.clone().rev())
        };
        for t in order {
            if self.in_quote(t) {
                continue;
            }
            if let Some(found) = self.according_to(tree, t, &frame) {
                return Some((found.0, found.1));
            }
            // A text "reads" the words it holds (“…,” the statement read / The sign read: “…”).
            let reads = self.upos(t) == "VERB" && tree.lemma(t).eq_ignore_ascii_case("read");
            if self.verb_cue(t).speech || reads {
                // A subject inside the quotation is the parser hanging the frame on the quoted
                // clause ("“…,” explained X" with X as an object): the words next to the cue tell.
                let speaker = subject_of_cue(tree, t, &frame)
                    .filter(|s| !self.in_quote(s.head))
                    .or_else(|| speaker_next_to(tree, t, &frame));
                return Some((t..t + 1, speaker));
            }
        }
        None
    }

    /// "according to X" at token `t`: the cue and X.
    fn according_to(
        &self,
        tree: &SentenceTree,
        t: u32,
        frame: &Range<u32>,
    ) -> Option<(Range<u32>, Option<FoundSpeaker>)> {
        if self.lower(t) != "according" || t + 1 >= frame.end || self.lower(t + 1) != "to" {
            return None;
        }
        let nominal = tree
            .head(t)
            .filter(|&h| h > t + 1 && frame.contains(&h))
            .or_else(|| {
                (t + 2..frame.end).find(|&i| matches!(self.upos(i), "PROPN" | "NOUN" | "PRON"))
            });
        let speaker = nominal.map(|head| {
            let mut tokens = speaker_tokens(tree, head);
            // "According to X, Y": a phrase opening the sentence ends at its comma, whatever the
            // parser hung on X after it.
            if let Some(comma) = self.opening_phrase_comma(tree, t, frame) {
                if head < comma {
                    tokens = tokens.start..tokens.end.min(comma);
                }
            }
            FoundSpeaker {
                tokens,
                head,
                how: "object of 'according to'".to_string(),
            }
        });
        Some((t..t + 2, speaker))
    }

    /// The comma that ends a phrase opening the sentence at `t` ("According to X, …", "But
    /// according to X, …"), if any.
    fn opening_phrase_comma(&self, tree: &SentenceTree, t: u32, frame: &Range<u32>) -> Option<u32> {
        let opens =
            (tree.tokens().start..t).all(|i| matches!(self.upos(i), "PUNCT" | "CCONJ" | "ADV"));
        if !opens {
            return None;
        }
        (t + 2..frame.end).find(|&i| self.lower(i) == "," && !self.in_quote(i))
    }

    /// A partial quote is attributed through the nearest cue verb above it in the tree, else
    /// the nearest cue of its sentence before it, else after it.
    fn attribute_partial(&self, q: &Quoted) -> Option<(Range<u32>, Option<FoundSpeaker>)> {
        let tree = self.tree_of(q.inner.start);
        let sentence = tree.tokens();
        let top = q
            .inner
            .clone()
            .find(|&t| !tree.head(t).is_some_and(|h| q.inner.contains(&h)))?;
        let ancestors: Vec<u32> = tree.ancestors(top).filter(|&a| !self.in_quote(a)).collect();
        let mut cues = ancestors.iter().copied().filter(|&a| self.verb_cue(a).is_verb());
        if let Some(mut a) = cues.next() {
            // "He said the alliance would respond to any attack “with overwhelming force”": a cue
            // whose argument the quote is not (here an oblique of "respond"), inside the clause a
            // speech verb reports, is part of that report, and the quoted words are that speech
            // verb's speaker's. ("what he called the “mismanagement”" keeps its cue.)
            let argument = tree.ancestors(top).take_while(|&x| x != a).chain(std::iter::once(top)).find(|&x| tree.head(x) == Some(a));
            let own = argument.is_some_and(|x| matches!(tree.base_rel(x), "obj" | "iobj" | "xcomp" | "ccomp" | "nsubj"));
            let reported_in = |o: u32| {
                tree.children(o).iter().any(|&c| matches!(tree.base_rel(c), "ccomp" | "parataxis") && tree.subtree(c).contains(&a))
            };
            if !own {
                if let Some(outer) = cues.find(|&o| self.verb_cue(o).speech && reported_in(o)) {
                    a = outer;
                }
            }
            return Some((a..a + 1, subject_of_cue(tree, a, &sentence)));
        }
        // Any verb with a subject reports the words it quotes in what follows it ("X dismissed Y
        // as “…”"), but not words inside its subject ("the ship nicknamed “…” entered"), nor a
        // single word, which without a cue verb is the writer's scare quote ("landed for a
        // “summit”").
        let words = q.inner.clone().filter(|&t| self.is_word(t)).count();
        let mut below = top;
        for a in tree.ancestors(top) {
            let through_subject = matches!(tree.base_rel(below), "nsubj" | "csubj");
            below = a;
            if through_subject {
                break;
            }
            if words > 1 && a < q.open && !self.in_quote(a) && self.upos(a) == "VERB" {
                if let Some(speaker) = tree
                    .child_with(a, "nsubj")
                    .and_then(|_| subject_of_cue(tree, a, &sentence))
                {
                    return Some((a..a + 1, Some(speaker)));
                }
            }
        }
        if let Some(found) = self.attribution_in(sentence.start..q.open, Side::Before) {
            return Some(found);
        }
        let after = q.close.map_or(q.inner.end, |c| c + 1);
        self.attribution_in(after..sentence.end.max(after), Side::After)
    }

    // ---- reported speech ---------------------------------------------------------------

    fn reported_speech(&mut self) {
        let mut reported = Vec::new();
        for s in 0..self.trees.len() {
            let tree = &self.trees[s];
            if let Some(found) = self
                .headline_speech(tree)
                .or_else(|| self.title_case_report(tree))
            {
                reported.push(found);
            }
            for t in tree.tokens() {
                if self.in_quote(t) {
                    continue;
                }
                // Reports with a frame of their own: "according to X", "Y seems to", "Y reportedly".
                let framed = self
                    .according_to_clause(tree, t)
                    .or_else(|| self.relative_report(tree, t))
                    .or_else(|| self.appearance(tree, t))
                    .or_else(|| self.hearsay_adverb(tree, t))
                    .or_else(|| self.verb_read_as_noun(tree, t))
                    .or_else(|| self.question_put(tree, t));
                if let Some(found) = framed {
                    reported.push(found);
                    continue;
                }
                if let Some(found) = self.feeling_passive(tree, t) {
                    reported.push(found);
                    continue;
                }
                // "who was not authorized to discuss strategy", "who asked not to be named": speech
                // not allowed, or a source's request for anonymity, reports nothing.
                // "a program *called* EB-5": the noun a passive participle right after it
                // describes is what was called, found or said of, not who did so. After a comma
                // the participle is more often a misparsed main verb ("X, the top Democrat on the
                // committee, *called* on …").
                let described = tree.deprel(t) == "acl" && tree.syntax(t).xpos == "VBN" && tree.head(t) == Some(t.wrapping_sub(1));
                if not_permitted(tree, t) || tree.requests_anonymity(t) || self.answered_with_force(tree, t) || described {
                    continue;
                }
                let classes = self.verb_cue(t);
                // "X, the president, accused Y of Z": a verb of stance with its object after it is
                // no inverted frame.
                let object_after = classes.stance && tree.children_with(t, "obj").any(|o| o > t);
                // "X, who has ruled since 1986, said …": a relative clause is no frame.
                let relative = tree
                    .children_with(t, "nsubj")
                    .any(|s| matches!(tree.syntax(s).xpos.as_str(), "WP" | "WDT"));
                if classes.speech && !object_after && !relative {
                    if let Some(found) = self.inverted_frame(tree, t) {
                        reported.extend(found);
                        continue;
                    }
                    if let Some(found) = self.as_frame(tree, t) {
                        reported.push(found);
                        continue;
                    }
                    if let Some([before, after]) = self.interrupting_frame(tree, t) {
                        reported.push(before);
                        reported.push(after);
                        continue;
                    }
                }
                let mut content = None;
                if classes.speech {
                    content = self
                        .speech_content(tree, t)
                        .or_else(|| self.stranded_predicate(tree, t));
                }
                if content.is_none() && classes.intent {
                    content = self
                        .infinitive_of(tree, t)
                        .map(|c| self.intent_content(tree, t, c));
                }
                // Any verb or adjective with a subject and a finite clausal complement reports a
                // claim, belief or finding ("has learned that", "questioned whether", "is
                // confident that"), but not "that means …", a consequence the writer draws.
                let consequence = tree.lemma(t).eq_ignore_ascii_case("mean");
                if content.is_none()
                    && matches!(self.upos(t), "VERB" | "ADJ")
                    && !consequence
                    && tree.child_with(t, "nsubj").is_some()
                {
                    // "would only work *if* Rwanda honoured …": a condition the parser took for a
                    // complement, unless the verb asks or knows ("asked if", "is unsure if").
                    content = self.clausal_complement(tree, t).filter(|c| {
                        self.lower(c.start) != "if" || classes.is_verb() || QUESTIONING.contains(&self.lemma_lower(t))
                    });
                }
                // Any cue verb without a clause or an infinitive takes a position on its object:
                // "endorsed Y", and also "said no", "explained the plan", "demanded an apology".
                let frame_only = FRAME_ONLY_CUES.contains(&self.lemma_lower(t));
                // In "…,” said one senator" what follows the cue is its speaker, not its object.
                let inverted = classes.speech
                    && !object_after
                    && t > tree.first
                    && (self.lower(t - 1) == "," || self.in_quote(t - 1));
                if content.is_none()
                    && classes.is_verb()
                    && self.upos(t) == "VERB"
                    && !frame_only
                    && !inverted
                {
                    content = self.stance_content(tree, t);
                }
                if content.is_none() && (classes.speech || classes.stance) {
                    content = self.passive_content(tree, t);
                }
                if content.is_none() {
                    content = self.misparsed_complement(tree, t);
                }
                if let Some(content) = content {
                    let speaker_cue = self.coordinated_report(tree, t).unwrap_or(t);
                    let mut speaker = subject_of_cue(tree, speaker_cue, &tree.tokens())
                        .filter(|sp| !content.contains(&sp.head));
                    // "strikes on nuclear sites could *release* radiation": arms hold no view. A
                    // cue that took them from a verb it was misparsed as coordinated with ("…
                    // reports that force had been used and *asked* …") still reports, for a
                    // speaker found later.
                    if speaker.as_ref().is_some_and(|sp| FORCE_MEANS.contains(&self.lemma_lower(sp.head))) {
                        if tree.child_with(speaker_cue, "nsubj").is_some() {
                            continue;
                        }
                        speaker = None;
                    }
                    reported.push((content, t..t + 1, speaker));
                    continue;
                }
                let found = self
                    .stance_adjective(tree, t)
                    .or_else(|| self.stance_holder(tree, t))
                    .or_else(|| self.received_stance(tree, t))
                    .or_else(|| self.light_verb(tree, t))
                    .or_else(|| self.made_clear(tree, t))
                    .or_else(|| self.topic_of(tree, t));
                if let Some(found) = found {
                    reported.push(found);
                    continue;
                }
                if self.upos(t) == "NOUN"
                    && self
                        .cues
                        .is_evidence(self.lower(t), self.lemma_lower(t))
                {
                    // A noun of evidence is a source only as "in a poll, …".
                    reported.extend(self.evidence_phrase(tree, t));
                    continue;
                }
                if self.upos(t) == "NOUN"
                    && self
                        .cues
                        .is_noun(self.lower(t), self.lemma_lower(t))
                {
                    if let Some(found) = self.noun_cue(tree, t) {
                        reported.push(found);
                    }
                }
            }
        }
        self.end_before_coordinated_reports(&mut reported);
        for found in reported {
            self.push_reported(found);
        }
        self.clauses_of_partial_quotes();
    }

    /// A report coordinated inside another's content ("X rejected the idea and said that Y")
    /// is a report of its own, not part of the first: that content ends before the "and",
    /// "but" or comma joining them.
    fn end_before_coordinated_reports(&self, reported: &mut [Report]) {
        let mut cues: Vec<(u32, Range<u32>)> = reported
            .iter()
            .map(|(content, cue, _)| (cue.start, content.clone()))
            .collect();
        cues.sort_by_key(|(cue, _)| *cue);
        for (content, _, _) in reported.iter_mut() {
            let from = cues.partition_point(|(cue, _)| *cue <= content.start);
            let inner = cues[from..]
                .iter()
                .take_while(|(cue, _)| *cue < content.end)
                .find(|(cue, inner)| {
                    *cue < inner.start
                        && inner.end <= content.end
                        && matches!(self.lower(cue - 1), "and" | "but" | ",")
                });
            if let Some((cue, _)) = inner {
                let cut = self.trim(content.start..cue - 1);
                if !cut.is_empty() {
                    *content = cut;
                }
            }
        }
    }

    /// A partial quote whose cue reports no clause of its own ("X called Y “…”", "X described
    /// Y as “…”") is part of reported speech all the same: what follows the cue in its phrase.
    fn clauses_of_partial_quotes(&mut self) {
        let mut reported = Vec::new();
        for f in self.found.iter().filter(|f| f.kind == QuoteKind::Partial) {
            let Some(cue) = f.cue.clone() else { continue };
            let covered = self.found.iter().any(|o| {
                o.kind == QuoteKind::Indirect
                    && o.content.start <= f.content.start
                    && f.content.end <= o.content.end
            });
            // A cue framing a direct quote has that quote for its content: a title quoted in its
            // circumstances (“…,” X said on the podcast “Y”) is no second report.
            let frames_direct = self
                .found
                .iter()
                .any(|o| o.kind == QuoteKind::Direct && o.cue.as_ref() == Some(&cue));
            if covered
                || frames_direct
                || self.upos(cue.start) != "VERB"
                || cue.start > f.content.start
            {
                continue;
            }
            // From after the cue and its particle ("talked up") to the end of the phrase holding
            // the quote, not through the circumstances or clauses after it.
            let tree = self.tree_of(cue.start);
            let mut start = cue.end;
            while start < f.content.start && tree.deprel(start) == "compound:prt" {
                start += 1;
            }
            let holding = tree
                .children(cue.start)
                .iter()
                .copied()
                .find(|&c| c > cue.start && tree.subtree(c).contains(&f.content.start));
            let Some(holding) = holding else { continue };
            let content = self.trim(
                start
                    ..*tree
                        .subtree(holding)
                        .last()
                        .expect("a subtree holds its root")
                        + 1,
            );
            if content.start <= f.content.start && f.content.end <= content.end {
                // Where the cue's report that stops short of the quoted words starts, not before
                // ("acknowledged in a televised address *that* …").
                let own_start = self
                    .found
                    .iter()
                    .filter(|o| o.kind == QuoteKind::Indirect && o.cue.as_ref() == Some(&cue))
                    .map(|o| o.content.start)
                    .find(|&s| content.start < s && s <= f.content.start);
                reported.push((own_start.unwrap_or(content.start)..content.end, cue, f.speaker.clone()));
            }
        }
        for found in reported {
            let cue = found.1.clone();
            let before = self.found.len();
            self.push_reported(found);
            // The cue's report that stopped short of the quoted words ("urged Iran to return to
            // talks" before “before there is nothing left”) is this one, not a second.
            if self.found.len() > before {
                let wider = self.found[before].content.clone();
                self.found.retain(|o| {
                    !(o.kind == QuoteKind::Indirect
                        && o.cue.as_ref() == Some(&cue)
                        && o.content != wider
                        && wider.start <= o.content.start
                        && o.content.end <= wider.end)
                });
            }
        }
    }

    /// The head of the infinitive verb `t` governs, or of one the parser took for an adverbial
    /// clause ("called on X to act").
    fn infinitive_of(&self, tree: &SentenceTree, t: u32) -> Option<u32> {
        tree.child_with(t, "xcomp").or_else(|| {
            tree.children_with(t, "advcl").find(|&c| {
                // Negated too: "called on Iran not to retaliate".
                let first = tree.subtree(c)[0];
                c > t && (self.lower(first) == "to" || (matches!(self.lower(first), "not" | "never") && tree.has_mark(c, "to")))
            })
        })
    }

    /// What intent verb `t` reports through the infinitive headed by `verb`, with the object
    /// between them whose action it is ("urged lawmakers to act").
    fn intent_content(&self, tree: &SentenceTree, t: u32, verb: u32) -> Range<u32> {
        let infinitive = self.block(tree, verb);
        let object = tree
            .children(t)
            .iter()
            .copied()
            .find(|&o| t < o && o < verb && matches!(tree.base_rel(o), "obj" | "iobj"));
        let content = match object {
            Some(object) => self.trim(tree.subtree(object)[0]..infinitive.end),
            None => infinitive,
        };
        // "called for Y to act, saying Z": the aside hung inside the infinitive is no part of it.
        self.before_second_predicate(tree, t, self.without_asides(tree, content))
    }

    /// `content` of cue `t` up to a second predicate of the speaker that the parser coordinated
    /// with a noun inside it: a verb joined by "and" or "but", with an object or complement but
    /// without a subject of its own, in the tense of a finite or gerund cue ("thanked Y “…” and
    /// called Z", "calling Y a fraud and mocking Z"); verbs coordinated with verbs stay ("vowed
    /// to cut taxes and raise wages").
    fn before_second_predicate(
        &self,
        tree: &SentenceTree,
        t: u32,
        content: Range<u32>,
    ) -> Range<u32> {
        if !matches!(tree.syntax(t).xpos.as_str(), "VBD" | "VBZ" | "VBP" | "VBG") {
            return content;
        }
        let second = content.clone().find(|&v| {
            let first = tree.subtree(v)[0];
            tree.base_rel(v) == "conj"
                && self.upos(v) == "VERB"
                && tree.head(v).is_some_and(|h| {
                    h < v
                        && content.contains(&h)
                        && matches!(self.upos(h), "NOUN" | "PROPN" | "NUM")
                })
                && first > content.start
                && matches!(self.lower(first), "and" | "but")
                && tree.child_with(v, "nsubj").is_none()
                && tree
                    .children(v)
                    .iter()
                    .any(|&c| matches!(tree.base_rel(c), "obj" | "obl" | "xcomp" | "ccomp"))
                && in_reporter_tense(tree, v, t)
        });
        match second {
            Some(v) => self.trim(content.start..tree.subtree(v)[0]),
            None => content,
        }
    }

    /// The contiguous token range of the subtree of `t`, trimmed.
    fn block(&self, tree: &SentenceTree, t: u32) -> Range<u32> {
        let sub = tree.subtree(t);
        self.trim(sub[0]..sub[sub.len() - 1] + 1)
    }

    /// The reported clause of speech cue `t`: its clausal complement, or the clause it is an
    /// aside of ("…, officials said").
    fn speech_content(&self, tree: &SentenceTree, t: u32) -> Option<Range<u32>> {
        if let Some(content) = self.clausal_complement(tree, t) {
            return Some(content);
        }
        if let Some(c) = self.clause_after_circumstance(tree, t) {
            return Some(self.without_asides(tree, self.block(tree, c)));
        }
        // An indirect question the parser hung as an adverbial clause ("asked whether …").
        let question = tree.children_with(t, "advcl").find(|&c| {
            c > t && matches!(self.lower(tree.subtree(c)[0]), "if" | "whether")
        });
        if let Some(c) = question {
            return Some(self.without_asides(tree, self.block(tree, c)));
        }
        if let Some(content) = self.fronted_content(tree, t) {
            return Some(content);
        }
        if tree.base_rel(t) == "parataxis" {
            let h = tree.head(t)?;
            // Not a cue the parser hung on a relative clause of its speaker ("X, who chairs Y,
            // said …").
            if h < t && tree.deprel(h) != "acl:relcl" {
                // The frame is the cue and its subject; what else the parser hung on the cue
                // before them belongs to the report ("Y did not object when Z, an official said").
                let clause = tree.subtree(h);
                let frame = tree
                    .child_with(t, "nsubj")
                    .filter(|&s| s < t)
                    .map_or(t, |s| tree.subtree(s)[0]);
                // "EU slaps tariffs on X; Beijing vows countermeasures": a clause after a
                // semicolon stands on its own and attributes nothing before it.
                if frame > tree.first && tree.word(frame - 1) == ";" {
                    return None;
                }
                return Some(self.trim(clause[0]..frame));
            }
        }
        None
    }

    /// The clausal complement of `t`, preferring one after it ("X, facing Y, said Z" with
    /// "facing" misread as a complement) and running through any further complement after
    /// it, which the parser split off ("said they were sure the vote did not …").
    fn clausal_complement(&self, tree: &SentenceTree, t: u32) -> Option<Range<u32>> {
        // "“…,” said X, who chairs Y": a relative clause of the speaker the parser took for
        // the complement.
        let relative = |c: u32| {
            let first = tree.subtree(c).into_iter().find(|&i| self.is_word(i));
            first.is_some_and(|f| {
                matches!(tree.syntax(f).xpos.as_str(), "WP" | "WP$" | "WDT")
                    && f > tree.first
                    && self.lower(f - 1) == ","
            })
        };
        // A clause after a semicolon is the next statement, not the cue's complement ("Y,
        // analysts say; in 2012, Z").
        let past_semicolon = |c: u32| {
            let first_word = tree
                .subtree(c)
                .into_iter()
                .find(|&i| self.is_word(i))
                .unwrap_or(c);
            c > t && (t + 1..first_word).any(|i| self.lower(i) == ";")
        };
        // "Y closed, an official said": the frame of a report, which the parser hung on the
        // report's own verb.
        let frame = |c: u32| {
            let opening = tree.subtree(c)[0];
            let set_off = self.lower(opening) == ","
                || (opening > tree.first && self.lower(opening - 1) == ",");
            c > t && set_off && self.verb_cue(c).speech && tree.child_with(c, "nsubj").is_some()
        };
        let first = tree
            .children_with(t, "ccomp")
            .find(|&c| c > t)
            .or_else(|| tree.child_with(t, "ccomp"))
            .filter(|&c| !relative(c) && !past_semicolon(c) && !frame(c))?;
        // A report before its frame runs to the frame's comma, whatever the parser split off
        // it ("Y, especially Z, she said" with Z hung on the cue).
        if first < t {
            if let Some(content) = self.fronted_content(tree, t) {
                return Some(content);
            }
        }
        let mut last = tree
            .children_with(t, "ccomp")
            .filter(|&c| c >= first)
            .last()
            .unwrap_or(first);
        // "said X and that Y" with the second clause hung on the cue.
        let that_clause = |c: u32| {
            tree.children_with(c, "mark")
                .any(|m| self.lower(m) == "that")
        };
        if first > t {
            last = tree
                .children_with(t, "conj")
                .filter(|&c| c > last && that_clause(c))
                .last()
                .unwrap_or(last);
        }
        let (start, mut end) = (tree.subtree(first)[0], *tree.subtree(last).last()?);
        // "said he would win because Y", "said he would gain once Z": a subordinate clause with a
        // subject of its own that follows the complement without a comma goes with it, though
        // the parser hung it on the cue.
        if first > t {
            let subordinate = |c: u32, end: u32| {
                let opening = tree.subtree(c)[0];
                matches!(tree.base_rel(c), "advcl" | "parataxis")
                    && opening == end + 1
                    && matches!(self.upos(opening), "SCONJ" | "ADV")
                    && tree.child_with(c, "nsubj").is_some()
            };
            // "says voters are “angry,” but also hungry for Z": a predicate that is no verb,
            // coordinated right after the complement, is the complement's, not a second
            // predicate of the speaker, though the parser hung it on the cue.
            let coordinated_predicate = |c: u32, end: u32| {
                let sub = tree.subtree(c);
                let opening = sub.iter().copied().find(|&i| self.upos(i) != "PUNCT").unwrap_or(c);
                tree.base_rel(c) == "conj"
                    && sub[0] > end
                    && (end + 1..opening).all(|i| self.upos(i) == "PUNCT")
                    && matches!(self.lower(opening), "and" | "but")
                    && !matches!(self.upos(c), "VERB" | "AUX")
            };
            while let Some(c) = tree
                .children(t)
                .iter()
                .copied()
                .find(|&c| subordinate(c, end) || coordinated_predicate(c, end))
            {
                end = *tree.subtree(c).last()?;
            }
        }
        Some(self.without_asides(tree, self.trim(start..end + 1)))
    }

    /// A reported clause the parser hung on a phrase of time or place after cue `t` ("said on
    /// Friday that …", "said on Friday he met …"), not a relative clause of that phrase ("spoke
    /// at a rally that drew thousands").
    fn clause_after_circumstance(&self, tree: &SentenceTree, t: u32) -> Option<u32> {
        tree.children_with(t, "obl")
            .filter(|&o| o > t && self.is_circumstance(tree, o))
            .find_map(|o| {
                let time = is_time_word(self.lemma_lower(o));
                tree.children(o).iter().copied().find(|&c| {
                    let first = tree.subtree(c)[0];
                    let subject_at = |at: u32| {
                        tree.children(c).iter().any(|&s| {
                            matches!(tree.base_rel(s), "nsubj" | "expl") && tree.subtree(s)[0] == at
                        })
                    };
                    // "said in an interview that Y had …" read as a relative clause of the
                    // interview: a relative "that" is the clause's subject or lacks one after it.
                    let that = tree
                        .children_with(c, "mark")
                        .any(|m| self.lower(m) == "that")
                        || (self.lower(first) == "that" && subject_at(first + 1));
                    let subject = subject_at(first);
                    c > o
                        && matches!(tree.base_rel(c), "acl" | "ccomp")
                        && self.upos(c) != "NOUN"
                        && (that || (time && subject))
                })
            })
    }

    /// What a cue verb with a speaker takes a position on: its object and the complements after
    /// it ("endorsed Y", "accused Y of Z", "called for Y"), up to the end of the last one that
    /// says more than when or where.
    fn stance_content(&self, tree: &SentenceTree, t: u32) -> Option<Range<u32>> {
        // Its own subject, or that of the verb it is coordinated with, adds to or completes
        // ("…, calling Y Z", "wants to endorse Y").
        let own = tree.child_with(t, "nsubj").is_some_and(|s| s < t);
        let shared = matches!(tree.base_rel(t), "conj" | "advcl" | "xcomp")
            && tree
                .head(t)
                .is_some_and(|h| tree.child_with(h, "nsubj").is_some());
        // A gerund adjunct takes the subject of the clause it hangs from, however deep
        // ("…, who won by attacking Y", "after endorsing Y"); the empty frame keeps the search
        // to the tree, without guessing from neighbouring words.
        let gerund = tree.base_rel(t) == "advcl"
            && tree.syntax(t).xpos == "VBG"
            && subject_of_cue(tree, t, &(t..t)).is_some();
        // A participle takes the noun it modifies as its subject ("a group backing Y").
        let participle = is_participle(tree, t, "VBG");
        // A finite verb whose subject the parser lost still has one next to it ("Jane Roe, the
        // mayor's aide, attacked Y").
        let finite = matches!(tree.syntax(t).xpos.as_str(), "VBD" | "VBZ" | "VBP");
        let beside = || {
            finite
                && tree.child_with(t, "nsubj").is_none()
                && speaker_next_to(tree, t, &tree.tokens()).is_some_and(|s| s.head < t)
        };
        if !own && !shared && !gerund && !participle && !beside() {
            return None;
        }
        if self.used_force(tree, t) {
            return None;
        }
        let complements: Vec<u32> = tree
            .children(t)
            .iter()
            .copied()
            .filter(|&c| {
                c > t
                    && matches!(
                        tree.base_rel(c),
                        "obj" | "iobj" | "xcomp" | "obl" | "ccomp" | "advcl"
                    )
            })
            .filter(|&c| tree.base_rel(c) != "obl" || !self.is_circumstance(tree, c))
            // A clause of the charge or the praise ("accused Y of lying", "praised Y for acting").
            .filter(|&c| {
                tree.base_rel(c) != "advcl"
                    || matches!(self.lower(tree.subtree(c)[0]), "of" | "for" | "as")
            })
            .collect();
        // An object, a prepositional one ("called for", "railed against") or a predicate
        // ("showed Y leading"); not a time or place.
        let lemma = self.lemma_lower(t);
        let addressed = ADDRESSEE_CUES.contains(&lemma);
        let predicate_only = PREDICATE_CUES.contains(&lemma);
        let position = |c: u32| match tree.base_rel(c) {
            "obj" => {
                !predicate_only
                    && !(lemma == "share" && SHARED_GROUND.contains(&self.lemma_lower(c)))
                    && !(lemma == "show" && SHOWN_CONDUCT.contains(&self.lemma_lower(c)))
            }
            "xcomp" => true,
            "obl" => match tree.case_marker(c).as_deref() {
                // Whom one speaks to or with, and how, is no position.
                Some("to" | "with" | "on") if addressed => false,
                Some("to") => true,
                Some("for" | "on" | "against" | "about" | "of" | "over" | "with") => {
                    !is_time_word(self.lemma_lower(c))
                }
                _ => false,
            },
            _ => false,
        };
        let last = *tree.subtree(*complements.last()?).last()?;
        // The parser may hang the topic on the addressee ("talked with voters about Y").
        let topic_on_addressee = || {
            let about = |n: u32| {
                tree.base_rel(n) == "nmod" && tree.case_marker(n).as_deref() == Some("about")
            };
            complements
                .iter()
                .filter(|&&c| tree.base_rel(c) == "obl")
                .find_map(|&c| {
                    tree.children(c)
                        .iter()
                        .copied()
                        .find(|&n| n > c && about(n))
                })
        };
        let first = match complements.iter().copied().find(|&c| position(c)) {
            Some(first) => first,
            None if addressed => topic_on_addressee()?,
            None => return None,
        };
        // "spoke to reporters about Y": the position starts after whom it was addressed to, and
        // then without its preposition.
        let start = match tree.subtree(first)[0] {
            opening
                if addressed
                    && complements
                        .iter()
                        .all(|&c| c >= first || tree.base_rel(c) == "obl") =>
            {
                opening + u32::from(opening > t + 1 && tree.base_rel(opening) == "case")
            }
            _ => t + 1,
        };
        let content = self.before_second_predicate(
            tree,
            t,
            self.without_asides(tree, self.trim(start..last + 1)),
        );
        (!content.is_empty()).then_some(content)
    }

    /// "Russian forces *attacked* Kharkiv", "drones *targeted* the port": a verb of attack whose
    /// subject is an armed force or a weapon, or whose object is a place, is force, not words.
    fn used_force(&self, tree: &SentenceTree, t: u32) -> bool {
        if !FORCE_CUES.contains(&self.lemma_lower(t)) {
            return false;
        }
        // Its own subject, or that of the verb it complements ("the RSF denied *targeting* …").
        let subject = tree.child_with(t, "nsubj").or_else(|| {
            let h = tree.head(t).filter(|_| matches!(tree.base_rel(t), "xcomp" | "ccomp" | "advcl" | "conj"))?;
            tree.child_with(h, "nsubj")
        });
        let armed = subject.and_then(|s| actor_of(self.doc, &(s..s + 1), s)).is_some_and(|a| {
            a.kind == "machine" || a.sector.as_deref().is_some_and(|s| ARMED_SECTORS.contains(&s))
        });
        let place = || tree.child_with(t, "obj").is_some_and(|o| self.doc.entities.iter().any(|e| e.label == "LOC" && e.tokens.contains(&o)));
        armed || place()
    }

    /// "Iran *answered* with waves of missiles": an answer given with arms is force, not words.
    fn answered_with_force(&self, tree: &SentenceTree, t: u32) -> bool {
        if !matches!(self.lemma_lower(t), "answer" | "respond" | "reply") {
            return false;
        }
        let means = |n: u32| FORCE_MEANS.contains(&self.lemma_lower(n));
        tree.children(t).iter().any(|&c| {
            tree.base_rel(c) == "obl"
                && tree.case_marker(c).as_deref() == Some("with")
                // Or what a quantity of it is made of ("a barrage of drones").
                && (means(c) || tree.children(c).iter().any(|&n| tree.base_rel(n) == "nmod" && tree.case_marker(n).as_deref() == Some("of") && means(n)))
        })
    }

    /// What "say" with a subject reports when the parser missed its clause: a verb tagged as
    /// a noun ("X said each year of study yields …") or the clause taken for the head of the
    /// cue ("while X says Y will …, Z"). "Say" rarely takes a plain object, so the words after
    /// it are the report, to the end of its clause: before a clause with a subject of its own
    /// that a comma sets off.
    fn misparsed_complement(&self, tree: &SentenceTree, t: u32) -> Option<Range<u32>> {
        let next = t + 1;
        if !tree.lemma(t).eq_ignore_ascii_case("say") || self.upos(t) != "VERB" || next >= tree.tokens().end {
            return None;
        }
        // The subject right before the cue ("Doyle said", "he then said"): a subject further
        // away is a fronted report the parser took for one ("“…,” said X").
        let adjacent = |s: u32| {
            (*tree.subtree(s).last().unwrap_or(&s) + 1..t)
                .all(|i| matches!(self.upos(i), "ADV" | "AUX" | "PART"))
        };
        let own = tree
            .child_with(t, "nsubj")
            .is_some_and(|s| s < t && adjacent(s));
        let shared = tree.base_rel(t) == "conj"
            && tree
                .head(t)
                .is_some_and(|h| h < t && tree.child_with(h, "nsubj").is_some());
        let after_word = t > tree.first && self.is_word(t - 1);
        // "…, saying Y": a gerund adjunct with the subject of the clause it hangs on.
        let gerund = tree.base_rel(t) == "advcl"
            && tree.syntax(t).xpos == "VBG"
            && subject_of_cue(tree, t, &(t..t)).is_some();
        // A finite cue the parser cut off from everything ("experts say Y" read with "say" as
        // a punctuation mark) still has its speaker right before it and its clause after it.
        let stray = matches!(tree.syntax(t).xpos.as_str(), "VBD" | "VBZ" | "VBP")
            && tree.children(t).is_empty()
            && speaker_next_to(tree, t, &tree.tokens()).is_some_and(|s| s.head < t);
        let framed = (own || shared) && after_word || gerund || stray;
        if !framed {
            return None;
        }
        // A clause opens with a nominal or "that", not with a date or an adverb ("said on
        // Sunday", "said so").
        let opens_clause = matches!(
            self.upos(next),
            "DET" | "NOUN" | "PROPN" | "PRON" | "NUM" | "ADJ" | "SCONJ"
        );
        if self.in_quote(next) || !opens_clause || is_time_word(self.lemma_lower(next)) {
            return None;
        }
        let clause = tree
            .head(t)
            .filter(|&h| h > t && tree.subtree(h).contains(&next))
            .unwrap_or(t);
        let sub = tree.subtree(clause);
        let mut end = if stray {
            tree.tokens().end
        } else {
            sub[sub.len() - 1] + 1
        };
        for &c in tree.children(clause) {
            let first = tree.subtree(c)[0];
            if first <= next || tree.child_with(c, "nsubj").is_none() {
                continue;
            }
            // The parser may hang the comma on the clause itself.
            if self.lower(first) == "," {
                end = end.min(first);
            } else if self.lower(first - 1) == "," {
                end = end.min(first - 1);
            }
        }
        let content = self.without_asides(tree, self.trim(next..end));
        (content.clone().filter(|&i| self.is_word(i)).count() >= 3).then_some(content)
    }

    /// "…, saying airstrikes have failed": the parser took the subject of the reported clause
    /// for the object of "say" and hung its predicate elsewhere. "Say" with an object right
    /// before a verb reports the clause the two make up.
    fn stranded_predicate(&self, tree: &SentenceTree, t: u32) -> Option<Range<u32>> {
        if !tree.lemma(t).eq_ignore_ascii_case("say") || self.upos(t) != "VERB" {
            return None;
        }
        let object = tree.children_with(t, "obj").find(|&o| o > t)?;
        let subject = tree.subtree(object);
        let (start, after) = (subject[0], subject[subject.len() - 1] + 1);
        // "said X and Y had been careful": the clause's coordinated subject, with its predicate
        // hung on the cue as a second clause.
        let coordinated = tree.children_with(t, "conj").find(|&c| {
            tree.subtree(c)[0] == after
                && self.upos(after) == "CCONJ"
                && tree.child_with(c, "nsubj").is_some_and(|s| s < c)
        });
        if let Some(c) = coordinated {
            let clause = tree.subtree(c);
            return Some(self.without_asides(tree, self.trim(start..clause[clause.len() - 1] + 1)));
        }
        if after >= tree.tokens().end
            || !matches!(self.upos(after), "AUX" | "VERB")
            || self.in_quote(after)
        {
            return None;
        }
        // The predicate: from the verb after the object up to the node the parser hung outside it.
        let mut top = after;
        while let Some(h) = tree.head(top).filter(|&h| h > after) {
            top = h;
        }
        let predicate = tree.subtree(top);
        if predicate[0] != after || matches!(tree.base_rel(top), "acl" | "amod") {
            return None;
        }
        Some(self.without_asides(tree, self.trim(start..predicate[predicate.len() - 1] + 1)))
    }

    /// What a passive cue with a named agent reports: its subject ("the plan was criticized by
    /// X"), or the clause an expletive subject stands for ("it was announced by X that …").
    fn passive_content(&self, tree: &SentenceTree, t: u32) -> Option<Range<u32>> {
        let subject = tree.child_with(t, "nsubj:pass")?;
        agent_of(tree, t)?;
        if matches!(self.lower(subject), "it" | "this") {
            return tree
                .child_with(t, "ccomp")
                .map(|c| self.without_asides(tree, self.block(tree, c)));
        }
        Some(self.block(tree, subject))
    }

    /// An oblique that says when, where or how rather than what a stance is about ("on Monday",
    /// "in Iowa", "by a wide margin"); stance contents end before it.
    fn is_circumstance(&self, tree: &SentenceTree, c: u32) -> bool {
        let marker = tree.case_marker(c);
        let circumstantial = matches!(
            marker.as_deref(),
            Some(
                "in" | "at"
                    | "by"
                    | "during"
                    | "after"
                    | "before"
                    | "since"
                    | "until"
                    | "amid"
                    | "while"
            )
        );
        circumstantial || is_time_word(self.lemma_lower(c))
    }

    /// `content` up to a comma that opens an aside: a relative clause (", which …") or a
    /// participle clause (", arguing that …"), which reports no longer include.
    fn without_asides(&self, tree: &SentenceTree, content: Range<u32>) -> Range<u32> {
        let mut end = content.end;
        for d in content.clone() {
            // The parser may hang the comma itself on the aside.
            let sub = tree.subtree(d);
            let Some(first) = sub.iter().copied().find(|&i| self.lower(i) != ",") else {
                continue;
            };
            if first <= content.start + 1 || first >= end {
                continue;
            }
            // Only an aside that runs to the end of the content: one inside it ("the mayor, who
            // …, said") leaves the rest of the clause standing.
            if (sub[sub.len() - 1] + 1..content.end).any(|i| self.is_word(i)) {
                continue;
            }
            // A second report the parser coordinated with the reported clause ("says she likes
            // Y but argues that Z") ends the content, comma or not.
            if self.coordinated_report(tree, d).is_some() {
                end = first;
                continue;
            }
            // The comma may stand inside a closing quotation mark (… “Y,” claiming …).
            let comma = if marks::is_mark(self.lower(first - 1)) {
                first - 2
            } else {
                first - 1
            };
            if !matches!(self.lower(comma), "," | "—" | "–") {
                continue;
            }
            let aside = match tree.deprel(d) {
                "acl:relcl" | "advcl:relcl" | "parataxis" => true,
                // ", arguing that …", ", while stressing …", ", compared with …", and the
                // reporter's contrast (", although Y", ", while Y", ", even as Y").
                "advcl" => {
                    tree.syntax(first).xpos == "VBG"
                        || matches!(tree.syntax(d).xpos.as_str(), "VBG" | "VBN")
                        || matches!(
                            self.lower(first),
                            "although" | "though" | "even" | "while" | "whereas"
                        )
                }
                // The same participle hung on the last noun of the content ("called it “Y,”
                // saying …", "praised the plan, promising …").
                "acl" => tree.syntax(d).xpos == "VBG" && first == d,
                // ", despite the polls": the reporter's concession, not the report's.
                "obl" | "nmod" => self.lower(first) == "despite",
                // ", a charge Phnom Penh denied": the reporter's word on the charge.
                "appos" => {
                    matches!(self.lemma_lower(d), "charge" | "claim" | "accusation" | "allegation" | "assertion")
                        && tree.children(d).iter().any(|&c| tree.deprel(c) == "acl:relcl")
                }
                _ => false,
            };
            if aside {
                end = comma;
            }
        }
        self.trim(content.start..end)
    }

    /// The cue verb whose reported clause cue verb `t` is coordinated with, when `t` has no
    /// subject of its own: "X says she likes Y but argues that Z" is two reports of X, though
    /// the parser hangs "argues" on "likes" (or on a verb deeper in the clause). A verb with a
    /// modal or another tense than the cue's goes on the reported clause ("X said she was Y and
    /// would back Z").
    fn coordinated_report(&self, tree: &SentenceTree, t: u32) -> Option<u32> {
        if tree.base_rel(t) != "conj"
            || self.upos(t) != "VERB"
            || tree.child_with(t, "nsubj").is_some()
            || !self.verb_cue(t).is_verb()
        {
            return None;
        }
        // The parser may hang it deeper in the reported clause ("said it was concerned by
        // reports that force had been used and asked …"): up through its phrases and clauses.
        let mut clause = tree.head(t).filter(|&h| h < t)?;
        for _ in 0..4 {
            let up = tree.head(clause).filter(|&u| u < clause)?;
            if tree.base_rel(clause) == "ccomp" && self.verb_cue(up).speech {
                return in_reporter_tense(tree, t, up).then_some(up);
            }
            if !matches!(tree.base_rel(clause), "ccomp" | "acl" | "obl" | "xcomp") {
                return None;
            }
            clause = up;
        }
        None
    }

    /// A report put before its frame, whatever the parser made of it: "Y, officials said." /
    /// "Y, said the minister." — a comma, the frame at the sentence end and at most a few
    /// words after the cue.
    fn fronted_content(&self, tree: &SentenceTree, t: u32) -> Option<Range<u32>> {
        let sentence = tree.tokens();
        // A participle adjunct after the frame is no part of it ("Y, officials said, adding Z").
        let tail = if self.opens_participle_adjunct(tree, t + 1) {
            t + 1..t + 1
        } else {
            t + 1..sentence.end
        };
        if tail.clone().filter(|&i| self.is_word(i)).count() > 5
            || tail.clone().any(|i| self.upos(i) == "VERB")
        {
            return None;
        }
        let subject = subject_of_cue(tree, t, &sentence)?;
        let comma = if subject.tokens.end <= t {
            subject.tokens.start.checked_sub(1)?
        } else {
            t.checked_sub(1)?
        };
        if comma <= sentence.start || !matches!(self.lower(comma), "," | "—" | "–") {
            return None;
        }
        let start = (sentence.start..comma)
            .rev()
            .find(|&i| self.lower(i) == ":")
            .map_or(sentence.start, |c| c + 1);
        Some(self.trim(start..comma))
    }

    /// A report with its frame inverted at the end, however the parser read it: "Y, said a
    /// spokesman for the ministry, Jane Roe, who …" — a comma before the cue, and after it a
    /// noun phrase (with its appositions and relative clauses) that runs to the sentence end or
    /// to a participle adjunct; or a frame inverted inside the report ("Y, said X, is Z"), two
    /// pieces with one cue and speaker.
    fn inverted_frame(&self, tree: &SentenceTree, t: u32) -> Option<Vec<Report>> {
        // The noun phrase after "told" or a participle ("…, showing Y") is its object, and a
        // day ("…, said Sunday") is no speaker.
        if tree.lemma(t).eq_ignore_ascii_case("tell") || tree.syntax(t).xpos == "VBG" {
            return None;
        }
        let sentence = tree.tokens();
        let comma = t
            .checked_sub(1)
            .filter(|&c| c > sentence.start && matches!(self.lower(c), "," | "—" | "–"))?;
        let mut end = t + 1;
        let mut head = None;
        while end < sentence.end
            && matches!(self.upos(end), "DET" | "ADJ" | "PROPN" | "NOUN" | "NUM")
        {
            if matches!(self.upos(end), "PROPN" | "NOUN")
                && !is_time_word(self.lemma_lower(end))
            {
                head = Some(end);
            }
            end += 1;
        }
        let head = head?;
        let phrase = speaker_tokens(tree, head);
        let tokens = if phrase.start == t + 1 && phrase.end >= end {
            phrase
        } else {
            t + 1..end
        };
        let start = (sentence.start..comma)
            .rev()
            .find(|&i| self.lower(i) == ":")
            .map_or(sentence.start, |c| c + 1);
        let content = self.trim(start..comma);
        if content.is_empty() || self.in_quote(comma - 1) {
            return None;
        }
        // Only punctuation may follow the speaker, else a participle adjunct ("…, adding that Z")
        // or, after a comma, the predicate of a subject the frame interrupts ("Y, said X, is
        // Z"); another tail is a clause of its own.
        let verbal = |range: Range<u32>| {
            range
                .into_iter()
                .any(|i| matches!(self.upos(i), "VERB" | "AUX"))
        };
        let rest = (tokens.end..sentence.end).find(|&i| self.is_word(i));
        // The first word of a tail set off from the speaker by a comma.
        let after_comma = rest.filter(|&r| r == tokens.end + 1 && self.lower(tokens.end) == ",");
        let xpos = |r: u32| tree.syntax(r).xpos.as_str();
        let predicate = after_comma.filter(|&r| {
            (!matches!(xpos(r), "VB" | "NN" | "NNP" | "JJ" | "DT") || verbal(r + 1..sentence.end))
                && !matches!(xpos(r), "WP" | "WDT" | "WRB" | "VBG" | "CC")
                && verbal(r..sentence.end)
                && !verbal(content.clone())
        });
        // A relative clause of the speaker ("…, said X, who chairs Y") is part of the speaker's
        // description, to the end of the sentence.
        let relative = after_comma.filter(|&r| matches!(xpos(r), "WP" | "WP$" | "WDT"));
        // An apposition after the name, to the end of the sentence, describes the speaker ("…,
        // said X, associate director of Y"), though the parser may read its first word as a verb.
        let apposition = after_comma.filter(|&r| {
            !matches!(
                xpos(r),
                "VBZ" | "VBD" | "VBP" | "MD" | "VBG" | "VBN" | "WP" | "WP$" | "WDT" | "WRB" | "CC"
            ) && self.upos(r) != "AUX"
                && !(r + 1..sentence.end)
                    .any(|i| matches!(self.upos(i), "VERB" | "AUX") || self.in_quote(i))
        });
        let relative = relative.or(apposition);
        let tokens = match relative {
            Some(_) => {
                let extended = self.trim(tokens.start..sentence.end);
                if extended.clone().any(|i| self.in_quote(i)) {
                    return None;
                }
                extended
            }
            None => tokens,
        };
        if rest.is_some()
            && relative.is_none()
            && !self.opens_participle_adjunct(tree, tokens.end)
            && predicate.is_none()
        {
            return None;
        }
        let how = format!("after '{}' ending the sentence", self.lower(t));
        let speaker = FoundSpeaker { tokens, head, how };
        let mut found = vec![(content, t..t + 1, Some(speaker.clone()))];
        if let Some(r) = predicate {
            found.push((self.trim(r..sentence.end), t..t + 1, Some(speaker)));
        }
        Some(found)
    }

    /// "the fees, which officials said will rise", "what she says is a rigged system": a
    /// relative clause whose relative word stands for the subject of the clause a cue reports,
    /// however the parser read it. The content is the reported predicate after the cue, to
    /// the end of the relative clause; the speaker, the cue's subject between the two.
    fn relative_report(&self, tree: &SentenceTree, t: u32) -> Option<Report> {
        let sentence = tree.tokens();
        let next = t + 1;
        if self.upos(t) != "VERB"
            || next >= sentence.end
            || self.in_quote(next)
            || !self.verb_cue(t).speech
        {
            return None;
        }
        // The reported clause has lost its subject: the cue is followed by its verb.
        let finite = self.is_finite(next) && matches!(self.upos(next), "AUX" | "VERB");
        if !finite {
            return None;
        }
        // Before the cue: its subject ("officials", "the mayor", "she"), then the relative word.
        let mut end = t;
        while end > sentence.start && matches!(self.upos(end - 1), "ADV" | "AUX" | "PART") {
            end -= 1;
        }
        let relative = |i: u32| {
            matches!(
                self.lower(i),
                "which" | "that" | "who" | "whom" | "what"
            )
        };
        let mut start = end;
        while start > sentence.start
            && end - start < 5
            && matches!(
                self.upos(start - 1),
                "DET" | "ADJ" | "NOUN" | "PROPN" | "PRON" | "NUM"
            )
            && !relative(start - 1)
        {
            start -= 1;
            // A personal pronoun takes no words before it.
            if tree.syntax(start).xpos == "PRP" {
                break;
            }
        }
        let head = (start..end)
            .rev()
            .find(|&i| matches!(self.upos(i), "NOUN" | "PROPN" | "PRON"))?;
        // The relative word may be left out after the noun when the subject is a pronoun ("a
        // step they believe could help").
        let pronoun = start + 1 == end && tree.syntax(start).xpos == "PRP";
        let word = start.checked_sub(1).filter(|&r| {
            r >= sentence.start
                && ((relative(r) && matches!(tree.syntax(r).xpos.as_str(), "WDT" | "WP"))
                    || (pronoun && self.upos(r) == "NOUN"))
        })?;
        if self.in_quote(word) {
            return None;
        }
        // The relative clause ends at the first comma, semicolon, colon, dash or parenthesis
        // outside a quotation.
        let stop = (next..sentence.end)
            .find(|&i| {
                !self.in_quote(i)
                    && matches!(
                        self.lower(i),
                        "," | ";" | ":" | "—" | "–" | "(" | ")"
                    )
            })
            .unwrap_or(sentence.end);
        let content = self.trim(next..stop);
        if content.clone().filter(|&i| self.is_word(i)).count() < 2 {
            return None;
        }
        let speaker = FoundSpeaker {
            tokens: start..end,
            head,
            how: format!("subject of '{}' in a relative clause", self.lower(t)),
        };
        Some((content, t..t + 1, Some(speaker)))
    }

    /// Whether token `i` is the comma of a participle adjunct that follows a frame ("…, officials
    /// said, adding that Z"), however the parser attached it.
    fn opens_participle_adjunct(&self, tree: &SentenceTree, i: u32) -> bool {
        i + 1 < tree.tokens().end && self.lower(i) == "," && tree.syntax(i + 1).xpos == "VBG"
    }

    /// "As X said, Y": a speech cue in an "as" clause that opens the clause it hangs on frames
    /// the rest of that clause.
    fn as_frame(&self, tree: &SentenceTree, t: u32) -> Option<Report> {
        let frame = tree.subtree(t);
        let opens_with_as =
            self.lower(frame[0]) == "as" && tree.children_with(t, "mark").any(|m| m == frame[0]);
        if !opens_with_as || tree.base_rel(t) != "advcl" || tree.child_with(t, "ccomp").is_some() {
            return None;
        }
        let host = tree.subtree(tree.head(t)?);
        if !self.trim(host[0]..frame[0]).is_empty() {
            return None;
        }
        let speaker =
            subject_of_cue(tree, t, &(frame[0]..t)).filter(|s| frame[0] < s.head && s.head < t)?;
        let content = self.trim(frame[frame.len() - 1] + 1..host[host.len() - 1] + 1);
        (content.clone().filter(|&i| self.is_word(i)).count() >= 3).then_some((
            content,
            t..t + 1,
            Some(speaker),
        ))
    }

    /// A report interrupted by its frame, which the parser hangs on either half: "The goal,
    /// he said, is a truce." — a short frame with a subject and no clause of its own, set off
    /// by commas inside the sentence. The two halves are reported like the two pieces of an
    /// interrupted direct quote, with one cue and speaker.
    fn interrupting_frame(&self, tree: &SentenceTree, t: u32) -> Option<[Report; 2]> {
        if matches!(tree.base_rel(t), "ccomp" | "xcomp" | "conj") {
            return None;
        }
        let sentence = tree.tokens();
        // The frame is the cue's subtree up to the clause it reports, if the parser hung it there.
        let clause = tree.child_with(t, "ccomp").map(|c| tree.subtree(c)[0]);
        if clause.is_some_and(|c| c < t) {
            return None;
        }
        let frame = self.trim(tree.subtree(t)[0]..clause.unwrap_or(*tree.subtree(t).last()? + 1));
        let (open, close) = (frame.start.checked_sub(1)?, frame.end);
        if open <= sentence.start
            || close >= sentence.end
            || self.lower(open) != ","
            || self.lower(close) != ","
        {
            return None;
        }
        if frame.clone().filter(|&i| self.is_word(i)).count() > 8
            || frame.clone().any(|i| self.in_quote(i))
        {
            return None;
        }
        // The subject is in the frame: "Democrats, fearing Y, opposed Z" is no frame.
        let speaker =
            subject_of_cue(tree, t, &frame).filter(|s| s.head < t && frame.contains(&s.head))?;
        let start = (sentence.start..open)
            .rev()
            .find(|&i| self.lower(i) == ":")
            .map_or(sentence.start, |c| c + 1);
        let (before, after) = (self.trim(start..open), self.trim(close + 1..sentence.end));
        if before.is_empty()
            || !after
                .clone()
                .any(|i| matches!(self.upos(i), "VERB" | "AUX"))
        {
            return None;
        }
        let cue = t..t + 1;
        Some([
            (before, cue.clone(), Some(speaker.clone())),
            (after, cue, Some(speaker)),
        ])
    }

    /// A paragraph that opens "Name: what they said": a headline ("Poll: X leads", the first
    /// paragraph of a document) or a speaker's turn in a transcript ("SMITH: We will …"), whose
    /// content runs to the end of the paragraph.
    fn headline_speech(&self, tree: &SentenceTree) -> Option<Report> {
        let (colon, speaker) = self.name_before_colon(tree)?;
        let paragraph = self.doc.sentences[tree.sentence].paragraph;
        let last = self.doc.sentences[tree.sentence..]
            .iter()
            .take_while(|s| s.paragraph == paragraph)
            .last()?;
        let content = self.trim(colon + 1..last.tokens.end);
        // What follows is a statement, not a list of figures or names.
        // A headline in title case is read as names ("Poll: Sanders Burns Clinton"); any
        // headline of a few words after a name states something.
        let headline = paragraph == 0;
        let clause = content
            .clone()
            .any(|i| matches!(self.upos(i), "VERB" | "AUX"))
            || (headline && content.clone().filter(|&i| self.is_word(i)).count() >= 4);
        clause.then_some((content, colon..colon + 1, Some(speaker)))
    }

    /// A headline in title case, which the parser reads as one long name ("Senate Leader Jane
    /// Roe Endorses John Doe"): its first word that is a cue verb in the third person ("Says",
    /// "Endorses", "Slams") splits it into the speaker before and the content after.
    fn title_case_report(&self, tree: &SentenceTree) -> Option<Report> {
        let sentence = tree.tokens();
        let words: Vec<u32> = sentence
            .clone()
            .filter(|&i| tree.word(i).chars().next().is_some_and(char::is_alphabetic))
            .collect();
        let capitalised = |i: u32| tree.word(i).chars().next().is_some_and(char::is_uppercase);
        // Short function words stay in lower case ("of", "on", "to").
        let title_case = words.len() >= 4
            && words
                .iter()
                .all(|&i| capitalised(i) || tree.word(i).chars().count() <= 3);
        if !title_case {
            return None;
        }
        let cue = words.iter().copied().skip(1).find(|&i| {
            let form = self.lower(i);
            form.len() > 3
                && form.ends_with('s')
                && !self.in_quote(i)
                && self.cues.verb(form, form).is_verb()
        })?;
        // The speaker runs from the start of the headline, or from its last colon or dash.
        let start = (sentence.start..cue)
            .rev()
            .find(|&i| matches!(self.lower(i), ":" | "—" | "–" | "-"))
            .map_or(sentence.start, |i| i + 1);
        let speaker = self.trim(start..cue);
        let content = self.trim(cue + 1..sentence.end);
        if speaker.is_empty()
            || content.is_empty()
            || !speaker.clone().all(|i| !self.is_word(i) || capitalised(i))
        {
            return None;
        }
        let head = speaker.end - 1;
        let speaker = FoundSpeaker {
            tokens: speaker,
            head,
            how: format!("headline before '{}'", self.lower(cue)),
        };
        Some((content, cue..cue + 1, Some(speaker)))
    }

    /// The colon and the name before it of a paragraph that opens "Name: …", in a headline (the
    /// first paragraph of a document) or a transcript ("SMITH: …").
    fn name_before_colon(&self, tree: &SentenceTree) -> Option<(u32, FoundSpeaker)> {
        let sentence = tree.tokens();
        let paragraph = self.doc.sentences[tree.sentence].paragraph;
        let opens_paragraph =
            tree.sentence == 0 || self.doc.sentences[tree.sentence - 1].paragraph != paragraph;
        if !opens_paragraph {
            return None;
        }
        let headline = paragraph == 0;
        let colon = sentence
            .clone()
            .take(if headline { 12 } else { 4 })
            .find(|&i| self.lower(i) == ":")?;
        // A headline may name the topic after the speaker ("Jane Roe on the Budget: …").
        let topic = (sentence.start + 1..colon).find(|&i| headline && self.lower(i) == "on");
        let name = sentence.start..topic.unwrap_or(colon);
        if name.len() >= if headline { 7 } else { 4 } {
            return None;
        }
        let named = if headline {
            name.clone().all(|i| {
                matches!(
                    self.upos(i),
                    "PROPN" | "NOUN" | "ADJ" | "DET" | "PUNCT" | "PART"
                )
            })
        } else {
            // In running text only a name or a capitalised label, as transcripts print them.
            name.clone().all(|i| {
                self.upos(i) == "PROPN"
                    || self.lower(i) != self.doc.slice(self.doc.tokens[i as usize].span)
            })
        };
        let head = name
            .clone()
            .rev()
            .find(|&i| matches!(self.upos(i), "PROPN" | "NOUN"))?;
        if !named || (colon - sentence.start == 1 && self.lower(sentence.start).len() == 1) {
            return None;
        }
        Some((
            colon,
            FoundSpeaker {
                tokens: name,
                head,
                how: "name before the colon opening the paragraph".to_string(),
            },
        ))
    }

    /// "Y seems/appears to Z", "Y is expected/believed to Z": an impression or expectation
    /// reported without a source; the content is the subject with what it is said to be or do.
    fn appearance(&self, tree: &SentenceTree, t: u32) -> Option<Report> {
        if self.upos(t) != "VERB" {
            return None;
        }
        let seems = matches!(self.lemma_lower(t), "seem" | "appear");
        let unattributed =
            tree.is_passive(t) && agent_of(tree, t).is_none() && self.verb_cue(t).is_verb();
        if !seems && !unattributed {
            return None;
        }
        let subject = tree
            .child_with(t, "nsubj")
            .filter(|&s| s < t && !matches!(self.lower(s), "it" | "there"))?;
        let complement = tree.child_with(t, "xcomp").filter(|&c| c > t)?;
        let (first, last) = (tree.subtree(subject)[0], *tree.subtree(complement).last()?);
        Some((
            self.without_asides(tree, self.trim(first..last + 1)),
            t..t + 1,
            None,
        ))
    }

    /// "Y reportedly/allegedly Z": a report without a source; the content is the clause the
    /// adverb modifies.
    fn hearsay_adverb(&self, tree: &SentenceTree, t: u32) -> Option<Report> {
        if self.upos(t) != "ADV"
            || !matches!(
                self.lower(t),
                "reportedly" | "allegedly" | "reputedly" | "purportedly"
            )
        {
            return None;
        }
        let clause = tree.head(t)?;
        Some((
            self.without_asides(tree, self.block(tree, clause)),
            t..t + 1,
            None,
        ))
    }

    /// "The group notes that Y" with "notes" tagged as a noun: a speech verb in the third person
    /// or the past after a noun phrase and before "that" and its clause, or closing the sentence
    /// after a comma ("Y, the paper reports."), is the cue of that clause, and the noun phrase
    /// before it its speaker.
    fn verb_read_as_noun(&self, tree: &SentenceTree, t: u32) -> Option<Report> {
        let form = self.lower(t);
        if !matches!(self.upos(t), "NOUN" | "PROPN")
            || !(form.ends_with('s') || form.ends_with("ed"))
            || !self.cues.verb(form, form).speech
            || t == tree.first
        {
            return None;
        }
        let mut start = t;
        while start > tree.first
            && matches!(
                self.upos(start - 1),
                "DET" | "ADJ" | "NOUN" | "PROPN" | "NUM" | "PRON"
            )
        {
            start -= 1;
        }
        if start == t || !matches!(self.upos(t - 1), "NOUN" | "PROPN" | "PRON") {
            return None;
        }
        let end = tree.tokens().end;
        // "Y, the local paper reports.": the frame closing the sentence reports all before it.
        let closing = (t + 1..end).all(|i| !self.is_word(i));
        let content = if closing {
            if start == tree.first || self.lower(start - 1) != "," {
                return None;
            }
            self.trim(tree.first..start - 1)
        } else {
            let mut that = t + 1;
            while that < end && tree.deprel(that) == "compound:prt" {
                that += 1;
            }
            if that >= end
                || self.lower(that) != "that"
                || self.upos(that) != "SCONJ"
                || self.in_quote(that)
            {
                return None;
            }
            let clause = tree.head(that).filter(|&h| h > that)?;
            tree.child_with(clause, "nsubj").filter(|&s| s > that)?;
            let sub = tree.subtree(clause);
            self.without_asides(tree, self.trim(that..sub[sub.len() - 1] + 1))
        };
        if content.is_empty() {
            return None;
        }
        let speaker = FoundSpeaker {
            tokens: start..t,
            head: t - 1,
            how: format!("next to '{form}'"),
        };
        Some((content, t..t + 1, Some(speaker)))
    }

    /// "Asked whether Y, X said …", "When asked about Y, X …": a question put to the subject
    /// of the main clause, whose content is the words up to the comma before that subject,
    /// however the parser joined the two clauses. Whoever asked is not named.
    fn question_put(&self, tree: &SentenceTree, t: u32) -> Option<Report> {
        let opens = t == tree.first || (t == tree.first + 1 && self.lower(tree.first) == "when");
        if !opens || self.lower(t) != "asked" || tree.children_with(t, "nsubj").any(|s| s < t) {
            return None;
        }
        // The main clause's subject: set off by a comma, before its verb, not a relative pronoun.
        let subject = (t + 2..tree.tokens().end).find(|&i| {
            let first = tree.subtree(i)[0];
            tree.base_rel(i) == "nsubj"
                && tree.head(i).is_some_and(|h| h > i)
                && !matches!(tree.syntax(i).xpos.as_str(), "WP" | "WDT")
                && first > t + 1
                && self.lower(first - 1) == ","
        })?;
        let end = tree.subtree(subject)[0] - 1;
        // Who asked ("by a reporter") is the source, and when or where is no part of the
        // question ("on Monday", "in Iowa").
        let mut start = t + 1;
        let mut speaker = None;
        while let Some(&c) = tree
            .children(t)
            .iter()
            .find(|&&c| tree.subtree(c)[0] == start && c < end)
        {
            let agent = agent_of(tree, t) == Some(c);
            if !(agent
                || (tree.base_rel(c) == "obl" && self.is_circumstance(tree, c))
                || matches!(self.upos(c), "ADV"))
            {
                break;
            }
            if agent {
                speaker = Some(FoundSpeaker::at(
                    tree,
                    c,
                    format!("agent of '{}'", self.lower(t)),
                ));
            }
            start = *tree.subtree(c).last().expect("a subtree holds its root") + 1;
        }
        let content = self.trim(start..end);
        (!content.is_empty()).then_some((content, t..t + 1, speaker))
    }

    /// "according to X" at `t`: the sentence without the phrase is the content.
    fn according_to_clause(&self, tree: &SentenceTree, t: u32) -> Option<Report> {
        let (cue, speaker) = self.according_to(tree, t, &tree.tokens())?;
        let speaker = speaker?;
        // The report is the rest of the sentence, on the longer side of the phrase, however
        // deep the parser attached it.
        let (lo, hi) = (tree.tokens().start, tree.tokens().end);
        let phrase = tree.subtree(speaker.head);
        let (p_lo, mut p_hi) = (phrase[0].min(cue.start), phrase[phrase.len() - 1] + 1);
        if let Some(comma) = self
            .opening_phrase_comma(tree, t, &tree.tokens())
            .filter(|&c| c > speaker.head)
        {
            p_hi = p_hi.min(comma + 1);
        }
        let before = self.trim(lo..p_lo.max(lo));
        let after = self.trim(p_hi.min(hi)..hi);
        let content = if before.len() >= after.len() {
            before
        } else {
            after
        };
        (!content.is_empty()).then_some((content, cue, Some(speaker)))
    }

    /// "In a new poll, X leads Y": the poll (noun of evidence `t`) is the source of the clause
    /// its phrase hangs on, and "in" the cue.
    fn evidence_phrase(&self, tree: &SentenceTree, t: u32) -> Option<Report> {
        // "leads in the polls", "in national polls" is a standing, not a source.
        let plural = tree.syntax(t).xpos == "NNS";
        if plural
            || !matches!(tree.base_rel(t), "obl" | "nmod")
            || tree.case_marker(t).as_deref() != Some("in")
        {
            return None;
        }
        let case = tree
            .children(t)
            .iter()
            .copied()
            .find(|&c| tree.base_rel(c) == "case")?;
        let mut clause = tree.head(t)?;
        while !matches!(self.upos(clause), "VERB" | "AUX" | "ADJ") {
            clause = tree.head(clause)?;
        }
        let (sub, phrase) = (tree.subtree(clause), tree.subtree(t));
        let before = self.trim(sub[0]..phrase[0].min(case));
        let after = self.trim(phrase[phrase.len() - 1] + 1..sub[sub.len() - 1] + 1);
        let content = if before.len() >= after.len() {
            before
        } else {
            after
        };
        let speaker = FoundSpeaker::at(tree, t, format!("'in' the {}", self.lower(t)));
        (!content.is_empty()).then_some((content, case..case + 1, Some(speaker)))
    }

    /// "X is a fierce supporter of Y", "X, a longtime critic of Y,": a noun for who holds a
    /// stance, said of its subject or of the name it describes; the cue runs from its modifiers
    /// to the preposition.
    fn stance_holder(&self, tree: &SentenceTree, t: u32) -> Option<Report> {
        if self.upos(t) != "NOUN"
            || !STANCE_HOLDERS.contains(&self.lemma_lower(t))
        {
            return None;
        }
        let object = tree.children(t).iter().copied().find(|&c| {
            c > t
                && tree.base_rel(c) == "nmod"
                && matches!(tree.case_marker(c).as_deref(), Some("of" | "for"))
        })?;
        let holder = match tree.base_rel(t) {
            "appos" => tree.head(t).filter(|&h| h < t)?,
            _ => tree.child_with(t, "nsubj").filter(|&s| s < t)?,
        };
        let phrase = self.block(tree, object);
        let cue_end = phrase.start + 1;
        let content = match phrase.start {
            p if tree.base_rel(p) == "case" => self.trim(p + 1..phrase.end),
            _ => phrase,
        };
        let mut first = t;
        while first > tree.first
            && matches!(self.upos(first - 1), "ADJ" | "ADV")
            && tree.head(first - 1).is_some_and(|h| h == t || h == first)
        {
            first -= 1;
        }
        // The name described, without the description.
        let mut tokens = speaker_tokens(tree, holder);
        if tokens.start < tree.subtree(t)[0] {
            tokens = self.trim(tokens.start..tokens.end.min(tree.subtree(t)[0]));
        }
        let speaker = FoundSpeaker {
            tokens,
            head: holder,
            how: format!("holder of the stance of a '{}'", self.lower(t)),
        };
        (!content.is_empty()).then_some((content, first..cue_end, Some(speaker)))
    }

    /// "X is critical of Y", "X is eager to Z": an adjective of stance with its subject and
    /// its object or infinitive.
    fn stance_adjective(&self, tree: &SentenceTree, t: u32) -> Option<Report> {
        if self.upos(t) != "ADJ"
            || !STANCE_ADJECTIVES.contains(&self.lemma_lower(t))
        {
            return None;
        }
        tree.child_with(t, "nsubj").filter(|&s| s < t)?;
        let object = tree.children(t).iter().copied().find(|&c| {
            c > t
                && match tree.base_rel(c) {
                    "obl" | "nmod" => matches!(
                        tree.case_marker(c).as_deref(),
                        Some("of" | "about" | "with" | "at" | "over" | "to")
                    ),
                    "xcomp" | "advcl" => self.lower(tree.subtree(c)[0]) == "to",
                    _ => false,
                }
        })?;
        let phrase = self.block(tree, object);
        let content = if tree.base_rel(phrase.start) == "case" {
            phrase.start + 1..phrase.end
        } else {
            phrase
        };
        let speaker = subject_of_cue(tree, t, &tree.tokens());
        (!content.is_empty()).then_some((self.without_asides(tree, content), t..t + 1, speaker))
    }

    /// "X is worried about Y", "X was angered that Z", "X is determined to Z": the passive of
    /// a verb of feeling, with its subject as the one who feels and its complement (a phrase,
    /// a clause or an infinitive) as what the feeling is about.
    fn feeling_passive(&self, tree: &SentenceTree, t: u32) -> Option<Report> {
        let lemma = self.lemma_lower(t);
        if self.upos(t) != "VERB" || !FEELING_VERBS.contains(&lemma) || !tree.is_passive(t)
        {
            return None;
        }
        let agentive = AGENTIVE_FEELING_VERBS.contains(&lemma);
        let subject = tree
            .child_with(t, "nsubj")
            .filter(|&s| s < t && !matches!(self.lower(s), "it" | "this" | "there"))?;
        let object = tree.children(t).iter().copied().find(|&c| {
            c > t
                && match tree.base_rel(c) {
                    "obl" => match tree.case_marker(c).as_deref() {
                        Some("by") => !agentive,
                        Some("of" | "about" | "with" | "at" | "over" | "to" | "in" | "for") => {
                            !is_time_word(self.lemma_lower(c))
                        }
                        _ => false,
                    },
                    "ccomp" => true,
                    "xcomp" | "advcl" => self.lower(tree.subtree(c)[0]) == "to",
                    _ => false,
                }
        })?;
        let phrase = self.block(tree, object);
        let content = if tree.base_rel(phrase.start) == "case" {
            phrase.start + 1..phrase.end
        } else {
            phrase
        };
        let speaker = FoundSpeaker::at(
            tree,
            subject,
            format!("subject of '{}', who feels", self.lower(t)),
        );
        (!content.is_empty()).then_some((
            self.without_asides(tree, content),
            t..t + 1,
            Some(speaker),
        ))
    }

    /// "X worries about Y", "X talked about how Z", "X is upbeat about Y": whatever someone
    /// says, thinks or feels "about" something takes a position on that topic, whatever the
    /// verb or adjective; the content is the topic.
    fn topic_of(&self, tree: &SentenceTree, t: u32) -> Option<Report> {
        if !matches!(self.upos(t), "VERB" | "ADJ") {
            return None;
        }
        tree.child_with(t, "nsubj").filter(|&s| {
            s < t && !matches!(self.lower(s), "it" | "there" | "this" | "that")
        })?;
        // With an object, the phrase is about the object ("raised questions about Y", "wrote a
        // book about Y"), which a cue noun reports if anything.
        if tree.child_with(t, "obj").is_some() {
            return None;
        }
        let topic = tree.children(t).iter().copied().find(|&c| {
            c > t
                && matches!(tree.base_rel(c), "obl" | "advcl")
                && self.lower(tree.subtree(c)[0]) == "about"
                && !is_time_word(self.lemma_lower(c))
        })?;
        let phrase = self.block(tree, topic);
        // "about 10 percent" is a quantity, not a topic.
        let quantity = (phrase.start + 1 < phrase.end
            && matches!(self.upos(phrase.start + 1), "NUM" | "SYM"))
            || matches!(
                self.lemma_lower(topic),
                "percent" | "%" | "same"
            );
        if quantity {
            return None;
        }
        let content = self.without_asides(tree, self.trim(phrase.start + 1..phrase.end));
        let speaker = subject_of_cue(tree, t, &tree.tokens());
        (!content.is_empty()).then_some((content, t..t + 1, speaker))
    }

    /// "Y drew criticism from X", "Y won the endorsement of X", "Y has the backing of X": a
    /// stance received, whose content is the subject that receives it and whose source is the
    /// "from" or "of" phrase, if any.
    fn received_stance(&self, tree: &SentenceTree, t: u32) -> Option<Report> {
        let noun = self.lemma_lower(t);
        if self.upos(t) != "NOUN"
            || tree.base_rel(t) != "obj"
            || !RECEIVED_STANCES.contains(&noun)
        {
            return None;
        }
        let verb = tree.head(t).filter(|&v| v < t && self.upos(v) == "VERB")?;
        if !RECEIVING_VERBS.contains(&self.lemma_lower(verb)) {
            return None;
        }
        let subject = tree
            .child_with(verb, "nsubj")
            .filter(|&s| s < verb && !matches!(self.lower(s), "it" | "there" | "this"))?;
        // The giver: "from X" on the noun or the verb, "of X" on the noun.
        let giver = |c: u32, rels: &[&str]| {
            c > t
                && tree.base_rel(c) == "nmod"
                && rels.contains(&tree.case_marker(c).as_deref().unwrap_or(""))
        };
        let source = tree
            .children(t)
            .iter()
            .copied()
            .find(|&c| giver(c, &["from", "of", "by"]))
            .or_else(|| {
                tree.children(verb).iter().copied().find(|&c| {
                    c > t
                        && tree.base_rel(c) == "obl"
                        && tree.case_marker(c).as_deref() == Some("from")
                })
            });
        // Without a giver, only a verb that cannot mean anything else ("drew criticism", not
        // "has support among voters").
        let receiving_only = matches!(
            self.lemma_lower(verb),
            "draw" | "face" | "receive" | "attract" | "garner" | "meet" | "encounter"
        );
        if source.is_none() && !receiving_only {
            return None;
        }
        let speaker = source.map(|head| {
            FoundSpeaker::at(
                tree,
                head,
                format!("giver of the {} '{}' received", noun, self.lower(verb)),
            )
        });
        let content = self.block(tree, subject);
        (!content.is_empty() && !content.contains(&verb)).then_some((content, verb..t + 1, speaker))
    }

    /// A noun that a verb makes into a cue: "X made the case that …", "X raised the
    /// possibility that …", "X has concerns about Y" (a cue noun); the content is the clause
    /// or the object of the noun, the speaker the verb's subject and the cue the verb phrase.
    fn light_verb(&self, tree: &SentenceTree, t: u32) -> Option<Report> {
        if self.upos(t) != "NOUN" || tree.base_rel(t) != "obj" {
            return None;
        }
        // Not under a verb of planning, which performs nothing ("planned the attack on Y").
        let verb = tree.head(t).filter(|&v| {
            v < t
                && self.upos(v) == "VERB"
                && tree.child_with(v, "nsubj").is_some()
                && !matches!(self.lemma_lower(v), "plan" | "plot" | "prepare" | "foil" | "thwart" | "prevent")
        })?;
        // A complement clause ("that" as its conjunction, not a relative pronoun).
        let clause = tree.children(t).iter().copied().find(|&c| {
            c > t
                && matches!(tree.base_rel(c), "acl" | "ccomp")
                && tree
                    .subtree(c)
                    .first()
                    .is_some_and(|&f| self.lower(f) == "that" && tree.base_rel(f) == "mark")
        });
        let content = match clause {
            Some(c) => self.without_asides(tree, self.block(tree, c)),
            None if self
                .cues
                .is_noun(self.lower(t), self.lemma_lower(t)) =>
            {
                // The phrase may hang on the noun or on the verb ("took swipes at Y").
                // Not a date ("made the announcement on Monday").
                let about = |c: u32| {
                    matches!(
                        tree.case_marker(c).as_deref(),
                        Some("about" | "over" | "of" | "for" | "to" | "on" | "at" | "against")
                    ) && !is_time_word(self.lemma_lower(c))
                };
                let of_noun = tree
                    .children(t)
                    .iter()
                    .copied()
                    .find(|&c| c > t && tree.base_rel(c) == "nmod" && about(c));
                let of_verb = || {
                    tree.children(verb)
                        .iter()
                        .copied()
                        .find(|&c| c > t && tree.base_rel(c) == "obl" && about(c))
                };
                let object = of_noun.or_else(of_verb)?;
                let phrase = self.block(tree, object);
                if tree.base_rel(phrase.start) == "case" {
                    phrase.start + 1..phrase.end
                } else {
                    phrase
                }
            }
            None => return None,
        };
        let speaker = subject_of_cue(tree, verb, &(t..t));
        (!content.is_empty()).then_some((content, verb..t + 1, speaker))
    }

    /// "X made clear that …", "X made it plain he would …": "make" with "clear" or "plain" as
    /// its predicate reports the clause or the object after that word, which the parser may
    /// hang on either of the two; the cue runs from "make" to the adjective.
    fn made_clear(&self, tree: &SentenceTree, t: u32) -> Option<Report> {
        if self.upos(t) != "VERB" || !tree.lemma(t).eq_ignore_ascii_case("make") {
            return None;
        }
        let adjective = tree
            .children_with(t, "xcomp")
            .find(|&c| c > t && matches!(self.lower(c), "clear" | "plain"))?;
        let reported = [adjective, t]
            .into_iter()
            .flat_map(|h| tree.children(h).iter().copied())
            .find(|&c| c > adjective && matches!(tree.base_rel(c), "ccomp" | "advcl" | "obj"))?;
        let content = self.without_asides(tree, self.block(tree, reported));
        let speaker = subject_of_cue(tree, t, &tree.tokens());
        (!content.is_empty()).then_some((content, t..adjective + 1, speaker))
    }

    /// A cue noun: "X's statement that …" (the clause), "X's criticism of Y" (the object), or
    /// "In a statement, X …" (the clause the phrase attaches to).
    fn noun_cue(&self, tree: &SentenceTree, t: u32) -> Option<Report> {
        let clause = tree.children(t).iter().copied().find(|&c| {
            matches!(tree.base_rel(c), "acl" | "ccomp")
                && tree
                    .subtree(c)
                    .first()
                    .is_some_and(|&f| self.lower(f) == "that")
        });
        if let Some(c) = clause {
            let owner = tree.children(t).iter().copied().find(|&c| {
                tree.deprel(c) == "nmod:poss"
                    || (tree.base_rel(c) == "nmod"
                        && matches!(tree.case_marker(c).as_deref(), Some("by" | "from")))
            });
            // A bare noun with a subject and no copula is a verb the tagger misread ("She fears
            // that …").
            let misread_verb = || {
                tree.child_with(t, "nsubj").filter(|&s| {
                    s < t
                        && tree.child_with(t, "cop").is_none()
                        && tree.child_with(t, "det").is_none()
                })
            };
            let speaker = match owner {
                Some(head) => Some(FoundSpeaker::at(
                    tree,
                    head,
                    format!("owner of '{}'", self.lower(t)),
                )),
                None => match misread_verb() {
                    Some(s) => Some(FoundSpeaker::at(
                        tree,
                        s,
                        format!("subject of '{}'", self.lower(t)),
                    )),
                    None => tree.head(t).and_then(|v| subject_of_cue(tree, v, &(t..t))),
                },
            };
            return Some((self.block(tree, c), t..t + 1, speaker));
        }
        // "X's criticism of Y", "her support for Y", "his pledge to leave": the owner takes a
        // position on the object or the infinitive.
        let owner = tree
            .children(t)
            .iter()
            .copied()
            .find(|&c| tree.deprel(c) == "nmod:poss");
        let object = tree.children(t).iter().copied().find(|&c| {
            c > t
                && match tree.base_rel(c) {
                    "nmod" => matches!(
                        tree.case_marker(c).as_deref(),
                        Some("of" | "for" | "to" | "about" | "on")
                    ),
                    "acl" => self.lower(tree.subtree(c)[0]) == "to",
                    _ => false,
                }
        });
        if let (Some(head), Some(object)) = (owner, object) {
            let phrase = self.block(tree, object);
            let content = if tree.base_rel(phrase.start) == "case" {
                phrase.start + 1..phrase.end
            } else {
                phrase
            };
            let speaker = FoundSpeaker::at(tree, head, format!("owner of '{}'", self.lower(t)));
            return Some((content, t..t + 1, Some(speaker)));
        }
        if tree.base_rel(t) == "obl" && tree.case_marker(t).as_deref() == Some("in") {
            let verb = tree.head(t)?;
            if self.verb_cue(verb).speech {
                return None;
            }
            let subject = tree.child_with(verb, "nsubj")?;
            let sub = tree.subtree(verb);
            let phrase = tree.subtree(t);
            let content = self.trim(phrase[phrase.len() - 1] + 1..sub[sub.len() - 1] + 1);
            let content = if content.contains(&subject) {
                content
            } else {
                self.trim(sub[0]..sub[sub.len() - 1] + 1)
            };
            // "In his view, Y": the owner holds the view, not the subject of Y; but in "in his
            // speech, X attacked Y" the owner is the subject.
            let held = matches!(self.lemma_lower(t), "view" | "belief");
            let speaker = match owner.filter(|_| held) {
                Some(head) => FoundSpeaker::at(tree, head, format!("owner of '{}'", self.lower(t))),
                None => FoundSpeaker::at(
                    tree,
                    subject,
                    format!("subject of the clause 'in a {}' introduces", self.lower(t)),
                ),
            };
            return Some((content, t..t + 1, Some(speaker)));
        }
        None
    }

    /// Records reported speech unless its content is one direct quote (found already), with or
    /// without the speaker of its frame, or repeats content found before.
    fn push_reported(&mut self, (content, cue, speaker): Report) {
        let Some(content) = self.before_direct_quote(content) else {
            return;
        };
        let content = self.before_participle_after_quote(self.through_closing_mark(content));
        if content.is_empty() || self.found.iter().any(|f| f.content == content) {
            return;
        }
        // Quoted words are what someone said, not who said it: a subject inside a quotation is
        // the parser hanging the frame on the quoted clause ("“This plan fails,” said X").
        let speaker = match speaker {
            Some(s) if self.in_quote(s.head) => {
                // The words next to the cue outside the quotation may still name the speaker.
                let tree = self.tree_of(cue.start);
                let sentence = tree.tokens();
                let start = (sentence.start..cue.start)
                    .rev()
                    .find(|&i| self.in_quote(i))
                    .map_or(sentence.start, |i| i + 1);
                let end = (cue.end..sentence.end)
                    .find(|&i| self.in_quote(i))
                    .unwrap_or(sentence.end);
                speaker_next_to(tree, cue.start, &(start..end))
                    .filter(|s| !content.contains(&s.head))
            }
            other => other,
        };
        let words: Vec<u32> = content.clone().filter(|&t| self.is_word(t)).collect();
        let quoted_direct =
            |t: &u32| self.quote_of[*t as usize].is_some_and(|q| self.direct[q as usize]);
        if words.is_empty() || words.iter().all(quoted_direct) {
            return;
        }
        // “…,” X, a pollster, said — the parser hung the frame's speaker on the quoted clause: a
        // direct quote followed by a noun phrase without a verb reports nothing beyond the quote.
        let unquoted = words.iter().position(|t| !quoted_direct(t)).unwrap_or(0);
        let noun_phrase = |rest: &[u32]| {
            matches!(self.upos(rest[0]), "PROPN" | "NOUN" | "DET" | "NUM" | "ADJ")
                && !rest
                    .iter()
                    .any(|&t| quoted_direct(&t) || matches!(self.upos(t), "VERB" | "AUX"))
        };
        if unquoted > 0 && noun_phrase(&words[unquoted..]) {
            return;
        }
        let paragraph = self.paragraph(content.start);
        self.found.push(Found {
            kind: QuoteKind::Indirect,
            content,
            cue: Some(cue),
            speaker,
            quoted: None,
            paragraph,
        });
    }

    /// `content` up to the closing mark of a quotation inside it that a participle set off by a
    /// comma follows ("hailed Y as “fantastic,” telling reporters Z"): the participle is a
    /// report of its own, not part of this one.
    fn before_participle_after_quote(&self, content: Range<u32>) -> Range<u32> {
        let cut = (content.start + 1..content.end.saturating_sub(2)).find(|&c| {
            let closes = self.quote_of[c as usize - 1]
                .is_some_and(|q| self.quoted[q as usize].close == Some(c));
            let after = if self.lower(c + 1) == "," { c + 2 } else { c + 1 };
            let set_off = after == c + 2 || self.lower(c - 1) == ",";
            closes
                && set_off
                && after < content.end
                && self.doc.syntax[after as usize].xpos == "VBG"
        });
        match cut {
            Some(c) => content.start..c + 1,
            None => content,
        }
    }

    /// `content` through the closing mark of a quotation it ends inside, when only punctuation
    /// stands between (“said the system is “complex” and …” ends at "complex”", not at "“complex").
    fn through_closing_mark(&self, content: Range<u32>) -> Range<u32> {
        let Some(last) = content.end.checked_sub(1).filter(|&l| l >= content.start) else {
            return content;
        };
        let close = self.quote_of[last as usize].and_then(|q| self.quoted[q as usize].close);
        match close {
            Some(c) if c >= content.end && (content.end..c).all(|t| self.upos(t) == "PUNCT") => {
                content.start..c + 1
            }
            _ => content,
        }
    }

    /// `content` up to the first direct quote inside it whose own frame it runs into ("X
    /// suggested that Y – “Z,” she said"): that quote is a statement of its own, not part of the
    /// report. None when the content is such a quote with its frame ("“No,” replied X"), which
    /// reports nothing beyond the quote.
    fn before_direct_quote(&self, content: Range<u32>) -> Option<Range<u32>> {
        // “…,” she said: the quote ends with a comma, and its cue and speaker follow it.
        let framed_inside = |qi: usize| {
            let Some(close) = self.quoted[qi].close else {
                return false;
            };
            let comma = self.lower(close - 1) == ","
                || (close + 1 < self.doc.tokens.len() as u32 && self.lower(close + 1) == ",");
            let frame = self
                .found
                .iter()
                .filter(|f| f.quoted == Some(qi))
                .find_map(|f| Some((f.cue.clone()?, f.speaker.as_ref()?.tokens.clone())));
            let after = |t: u32| t > close && content.contains(&t);
            self.direct[qi]
                && comma
                && frame.is_some_and(|(cue, speaker)| after(cue.start) && after(speaker.start))
        };
        let first = content
            .clone()
            .filter_map(|t| self.quote_of[t as usize])
            .map(|q| q as usize)
            .find(|&q| framed_inside(q));
        let Some(qi) = first else {
            return Some(content);
        };
        let open = self.quoted[qi].open;
        (content.start..open)
            .any(|t| self.is_word(t))
            .then(|| self.trim(content.start..open))
    }

    // ---- speakers from elsewhere in the paragraph ----------------------------------------

    fn fill_missing_speakers(&mut self) {
        self.found.sort_by_key(|f| (f.content.start, f.content.end));
        for i in 0..self.found.len() {
            if self.found[i].speaker.is_some() || self.found[i].kind == QuoteKind::Indirect {
                continue;
            }
            if let Some((cue, speaker)) = self.continued_from(i) {
                self.found[i].cue = self.found[i].cue.clone().or(cue);
                self.found[i].speaker = Some(speaker);
            } else if let Some(speaker) = self.nearest_speaker(i) {
                self.found[i].speaker = Some(speaker);
            }
        }
    }

    /// A few quoted words standing alone that nothing attributes, neither a quote before them
    /// nor anyone named in their paragraph (so after [`Self::fill_missing_speakers`]), are a
    /// slogan, a sign or a subheading ("'Relationships that last.'"), not a statement.
    fn drop_unattributed_slogans(&mut self) {
        let mut found = std::mem::take(&mut self.found);
        found.retain(|f| {
            let alone = f.kind == QuoteKind::Direct && f.cue.is_none() && f.speaker.is_none();
            !(alone && f.content.clone().filter(|&t| self.is_word(t)).count() <= 6)
        });
        self.found = found;
    }

    /// A few words quoted inside a sentence that no reported clause takes in are a scare quote
    /// or a coined term (the “establishment”, a federal “supermax” prison), not a quotation;
    /// a word quoted as an utterance of its own (“No,” she said) stays.
    fn drop_scare_quotes(&mut self) {
        let reported = |f: &Found| {
            self.found.iter().any(|o| {
                o.content != f.content
                    && o.content.start <= f.content.start
                    && f.content.end <= o.content.end
            })
        };
        let scare: Vec<bool> = self
            .found
            .iter()
            .map(|f| {
                let Some(q) = f.quoted.map(|qi| &self.quoted[qi]) else {
                    return false;
                };
                let uttered = q.open == self.doc.sentences[self.sentence(q.open)].tokens.start
                    || self.lower(q.open - 1) == ":"
                    || self.is_utterance(q);
                f.kind == QuoteKind::Partial
                    && !uttered
                    && f.content.clone().filter(|&t| self.is_word(t)).count() <= 3
                    && !reported(f)
            })
            .collect();
        let mut scare = scare.into_iter();
        self.found.retain(|_| !scare.next().unwrap_or(false));
    }

    /// A frame that puts the cue before its speaker after a direct quote (“…,” said Jane Roe, a
    /// pollster) has the speaker where a cue's object would be: a report of that cue whose
    /// content runs over the speaker is the frame misread.
    fn drop_inverted_speakers(&mut self) {
        let overlap = |a: &Range<u32>, b: &Range<u32>| a.start < b.end && b.start < a.end;
        let misread: Vec<bool> = self
            .found
            .iter()
            .map(|f| {
                f.kind == QuoteKind::Indirect
                    && f.cue.as_ref().is_some_and(|cue| {
                        self.found.iter().any(|quote| {
                            quote.kind == QuoteKind::Direct
                                && quote.cue.as_ref() == Some(cue)
                                && quote.content.end <= cue.start
                                && !overlap(&quote.content, &f.content)
                                && quote
                                    .speaker
                                    .as_ref()
                                    .is_some_and(|s| overlap(&s.tokens, &f.content))
                        })
                    })
            })
            .collect();
        let mut misread = misread.into_iter();
        self.found.retain(|_| !misread.next().unwrap_or(false));
    }

    /// A named speaker goes on with the description set off after it ("…,” said Jane Roe, a
    /// pollster at X. / Jane Roe, 52, of Y, said …"), however the parser hung the description.
    /// Quotes sharing a speaker keep sharing it: the description lies outside all their contents.
    fn speakers_with_appositions(&mut self) {
        let mut spans: Vec<Range<u32>> = self
            .found
            .iter()
            .filter_map(|f| f.speaker.as_ref().map(|s| s.tokens.clone()))
            .collect();
        spans.sort_by_key(|s| (s.start, s.end));
        spans.dedup();
        for span in spans {
            let sharing: Vec<usize> = (0..self.found.len())
                .filter(|&i| {
                    self.found[i]
                        .speaker
                        .as_ref()
                        .is_some_and(|s| s.tokens == span)
                })
                .collect();
            let Some(end) = self.described_end(&span, &sharing) else {
                continue;
            };
            for i in sharing {
                self.found[i]
                    .speaker
                    .as_mut()
                    .expect("shares the span")
                    .tokens = span.start..end;
            }
        }
    }

    /// A relative clause set off after a speaker that is a report of its own ("Jane Roe, who
    /// backs Y, said", "who" the speaker of "backs") is no part of that speaker, as attribution
    /// corpora mark nested reports; a relative clause that only describes stays ("Jane Roe, who
    /// ran in 2012, said").
    fn speakers_without_relative_reports(&mut self) {
        let relatives: Vec<u32> = self
            .found
            .iter()
            .filter_map(|f| f.speaker.as_ref())
            .filter(|s| {
                s.tokens.len() == 1
                    && matches!(self.doc.syntax[s.head as usize].xpos.as_str(), "WP" | "WDT")
            })
            .map(|s| s.head)
            .filter(|&r| r > 0 && self.lower(r - 1) == ",")
            .collect();
        for f in &mut self.found {
            let Some(speaker) = f.speaker.as_mut() else {
                continue;
            };
            let cut = relatives.iter().find(|&&r| {
                r > speaker.tokens.start + 1 && r < speaker.tokens.end && speaker.head < r - 1
            });
            if let Some(&relative) = cut {
                speaker.tokens.end = relative - 1;
            }
        }
    }

    /// Where speaker `span` ends with the apposition after its name, if that goes further: from
    /// the name at its end, or from the comma after its name when the span stops inside the
    /// description ("Jane Roe, a fellow" of "Jane Roe, a fellow at X,"). The apposition is none
    /// of the content or cue of the quotes in `sharing`, which have this speaker.
    fn described_end(&self, span: &Range<u32>, sharing: &[usize]) -> Option<u32> {
        let named = |t: u32| {
            self.upos(t) == "PROPN"
                || self
                    .doc
                    .entities
                    .iter()
                    .any(|e| e.label == "PER" && e.tokens.contains(&t))
        };
        let name_end = (span.start + 1..span.end)
            .find(|&t| self.lower(t) == "," && named(t - 1))
            .or(Some(span.end).filter(|&e| named(e - 1)))?;
        let reported = |t: u32| {
            sharing.iter().any(|&i| {
                self.found[i].content.contains(&t)
                    || self.found[i].cue.as_ref().is_some_and(|c| c.contains(&t))
            })
        };
        self.apposition_end(name_end, &reported)
            .filter(|&e| e > span.end)
    }

    /// A story's dateline ("SPRINGFIELD, Ill. (AP) —") is no speaker, however the parser hung
    /// the sentence after it on the place: the speaker is the noun phrase between the dash and
    /// the cue ("— Gov. Jane Roe said", "— In a speech, Jane Roe's spokesman said").
    fn speakers_after_datelines(&mut self) {
        for i in 0..self.found.len() {
            let (Some(speaker), Some(cue)) = (&self.found[i].speaker, &self.found[i].cue) else {
                continue;
            };
            let sentence_start = self.doc.sentences[self.sentence(cue.start)].tokens.start;
            let capitals = |t: u32| {
                let word = self.doc.slice(self.doc.tokens[t as usize].span);
                word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !word.chars().any(char::is_lowercase)
            };
            let Some(dash) = (speaker.tokens.start..cue.start).find(|&t| self.is_dash(t)) else {
                continue;
            };
            if speaker.tokens.start != sentence_start || !capitals(sentence_start) {
                continue;
            }
            // Names with a party and state ("Sen. Jane Roe (D-Ohio)") and possessives included.
            let nominal = |t: u32| {
                let word = self.lower(t);
                matches!(
                    self.upos(t),
                    "DET" | "ADJ" | "PROPN" | "NOUN" | "NUM" | "CCONJ"
                ) || matches!(word, "(" | ")" | "'s" | "’s")
                    || (word == "-" && !self.is_dash(t))
            };
            // Not the day it was said ("— Jane Roe on Monday said").
            let mut end = cue.start;
            if is_time_word(self.lemma_lower(end - 1)) {
                end -= 1;
                if self.upos(end - 1) == "ADP" {
                    end -= 1;
                }
            }
            let mut start = end;
            while start > dash + 1 && nominal(start - 1) && !self.in_quote(start - 1) {
                start -= 1;
            }
            let tokens = self.trim(start..end);
            let Some(head) = tokens
                .clone()
                .rev()
                .find(|&t| matches!(self.upos(t), "PROPN" | "NOUN"))
            else {
                continue;
            };
            let how = format!(
                "noun phrase before '{}' after the dateline",
                self.lower(cue.start)
            );
            self.found[i].speaker = Some(FoundSpeaker { tokens, head, how });
        }
    }

    /// In "Jane Roe, the mayor of Springfield, said" the parser may give the cue the last noun
    /// of the apposition ("Springfield") for its subject: a speaker set off by commas right
    /// before its cue, after a name, is that name with its description.
    fn names_before_appositions(&mut self) {
        for i in 0..self.found.len() {
            let (Some(speaker), Some(cue)) = (&self.found[i].speaker, &self.found[i].cue) else {
                continue;
            };
            if let Some(named) = self.name_before_apposition(speaker, cue.start) {
                self.found[i].speaker = Some(named);
            }
        }
    }

    fn name_before_apposition(&self, speaker: &FoundSpeaker, cue: u32) -> Option<FoundSpeaker> {
        let comma = speaker.tokens.end;
        if comma + 1 != cue || self.lower(comma) != "," {
            return None;
        }
        let sentence_start = self.doc.sentences[self.sentence(comma)].tokens.start;
        let opening = (sentence_start..speaker.tokens.start)
            .rev()
            .find(|&t| !self.is_word(t))?;
        // A description or a relative clause, not another name ("In May, Jane Roe, …").
        let set_off = |t: u32| {
            let xpos = self.doc.syntax[t as usize].xpos.as_str();
            matches!(self.upos(t), "DET" | "ADJ" | "NOUN" | "NUM")
                || matches!(xpos, "PRP$" | "WP" | "WP$")
        };
        let relative = matches!(
            self.doc.syntax[opening as usize + 1].xpos.as_str(),
            "WP" | "WP$"
        );
        let finite = (opening + 1..speaker.tokens.start).any(|t| self.is_finite(t));
        // "Jane Roe, the mayor's chief of staff,": a name's possessive opens a description too.
        let possessive =
            (opening + 1..comma).any(|t| matches!(self.lower(t), "'s" | "’s"));
        if self.lower(opening) != ","
            || !(set_off(opening + 1) || possessive)
            || (finite && !relative)
        {
            return None;
        }
        let tree = self.tree_of(comma);
        let name = opening
            .checked_sub(1)
            .filter(|&t| t >= sentence_start && self.upos(t) == "PROPN" && !self.in_quote(t))?;
        if is_time_word(self.lemma_lower(name)) {
            return None;
        }
        // The name with the words that modify it ("state Senator Jane Roe").
        let mut start = name;
        let modifies =
            |t: u32| self.upos(t) != "ADP" && tree.head(t).is_some_and(|h| t < h && h <= name);
        while start > sentence_start && (self.upos(start - 1) == "PROPN" || modifies(start - 1)) {
            start -= 1;
        }
        let how = format!(
            "name before the apposition '{}' of '{}'",
            self.text(&speaker.tokens),
            self.lower(cue)
        );
        Some(FoundSpeaker {
            tokens: start..comma,
            head: name,
            how,
        })
    }

    /// Where the apposition after a name (or an age) ending before token `after` ends: a noun
    /// phrase with a common noun or adjective (participles allowed, no finite verb: "a pollster
    /// working for X") between a comma and the next comma, colon, dash, quotation or sentence
    /// end, none of it `reported`; an age before it is part of it ("Jane Roe, 52, a nurse").
    fn apposition_end(&self, after: u32, reported: &dyn Fn(u32) -> bool) -> Option<u32> {
        let sentence_end = self.tree_of(after - 1).tokens().end;
        if after + 1 >= sentence_end || self.lower(after) != "," {
            return None;
        }
        let opens_phrase = |t: u32| {
            let xpos = self.doc.syntax[t as usize].xpos.as_str();
            matches!(self.upos(t), "DET" | "ADJ" | "NOUN" | "PROPN" | "NUM") || xpos == "PRP$"
        };
        if !opens_phrase(after + 1) {
            return None;
        }
        let stops = |t: u32| {
            t >= sentence_end
                || matches!(self.lower(t), "," | "." | ";" | ":")
                || self.is_dash(t)
        };
        // The last word of "a Republican strategist." is a noun whatever its tag says.
        let article = self.upos(after + 1) == "DET";
        let mut end = after + 1;
        while !stops(end) {
            let verb = self.is_finite(end) && !(article && stops(end + 1));
            if verb || self.upos(end) == "AUX" || reported(end) || self.in_quote(end) {
                return None;
            }
            end += 1;
        }
        let age = end == after + 2 && self.upos(after + 1) == "NUM";
        if age && end < sentence_end && self.lower(end) == "," {
            return self.apposition_end(end, reported).or(Some(end));
        }
        // Not another name of a list ("Jane Roe, John Doe and …").
        let described = (after + 1..end).any(|t| matches!(self.upos(t), "NOUN" | "ADJ"));
        (age || described).then_some(end)
    }

    /// A direct quote without its own attribution continues the quote before it in its
    /// paragraph, or the one of the previous paragraph when it carries that quote on or makes
    /// up a paragraph of its own (“…,” she said. ¶ “…”). That quote may be partial: the
    /// speaker goes on in full ("X said Y was “…” ¶ “…”"), and the two are one attribution,
    /// with the cue and speaker of the report holding the partial quote.
    fn continued_from(&self, i: usize) -> Option<(Option<Range<u32>>, FoundSpeaker)> {
        let this = &self.found[i];
        let qi = this.quoted.filter(|_| this.kind == QuoteKind::Direct)?;
        let carried_on = self.quoted[qi].continued || self.fills_paragraph(&self.quoted[qi]);
        // Not a partial quote inside the frame of a direct one ("“…,” said X, who called Y
        // “…”. “…”"): the direct quote goes on.
        let beside_direct = |f: &Found| {
            let s = self.sentence(f.content.start);
            let frames = |d: &Found| {
                (self.sentence(d.content.start)..=self.sentence(d.content.end - 1)).contains(&s)
            };
            f.kind == QuoteKind::Partial
                && self.found[..i]
                    .iter()
                    .any(|d| d.kind == QuoteKind::Direct && frames(d))
        };
        let quote = self.found[..i]
            .iter()
            .rev()
            .find(|f| f.quoted.is_some() && !beside_direct(f))?;
        let report = || {
            let holds = |f: &&Found| {
                f.kind == QuoteKind::Indirect
                    && f.content.start <= quote.content.start
                    && quote.content.end <= f.content.end
            };
            self.found
                .iter()
                .filter(holds)
                .find(|f| f.speaker.is_some())
        };
        let previous = if quote.kind == QuoteKind::Partial {
            report().unwrap_or(quote)
        } else {
            quote
        };
        let same_run = previous.paragraph == this.paragraph
            || (carried_on && previous.paragraph + 1 == this.paragraph);
        let speaker = previous.speaker.as_ref().filter(|_| same_run)?;
        let cue_word = previous
            .cue
            .as_ref()
            .map(|c| format!(" ('{}')", self.lower(c.start)))
            .unwrap_or_default();
        let how = format!(
            "continues the previous quote of {}{cue_word}; {}",
            self.text(&speaker.tokens),
            speaker.how
        );
        Some((
            previous.cue.clone(),
            FoundSpeaker {
                how,
                ..speaker.clone()
            },
        ))
    }

    /// Whether quoted stretch `q` is all its paragraph holds, words outside it aside.
    fn fills_paragraph(&self, q: &Quoted) -> bool {
        let s = self.sentence(q.open);
        let paragraph = self.doc.sentences[s].paragraph;
        let opens = s == 0 || self.doc.sentences[s - 1].paragraph != paragraph;
        let last = self.doc.sentences[s..]
            .iter()
            .take_while(|x| x.paragraph == paragraph)
            .last()
            .map_or(q.inner.end, |x| x.tokens.end);
        let end = q.close.map_or(q.inner.end, |c| c + 1);
        opens
            && q.open == self.doc.sentences[s].tokens.start
            && !(end..last).any(|t| self.is_word(t))
    }

    /// The nearest quote speaker of the paragraph, else the nearest person named in it.
    fn nearest_speaker(&self, i: usize) -> Option<FoundSpeaker> {
        let this = &self.found[i];
        let at = this.content.start as i64;
        let nearest = self
            .found
            .iter()
            .filter(|f| f.paragraph == this.paragraph)
            .filter_map(|f| f.speaker.as_ref())
            .min_by_key(|s| (s.head as i64 - at).abs());
        if let Some(speaker) = nearest {
            let how = format!(
                "no speaker in the sentence; nearest speaker in the paragraph, {}",
                self.text(&speaker.tokens)
            );
            return Some(FoundSpeaker {
                how,
                ..speaker.clone()
            });
        }
        let person = self
            .doc
            .entities
            .iter()
            .filter(|e| {
                e.label == "PER"
                    && !self.in_quote(e.tokens.start)
                    && self.paragraph(e.tokens.start) == this.paragraph
            })
            .min_by_key(|e| (e.tokens.start as i64 - at).abs())?;
        let head = person.tokens.end - 1;
        // The whole noun phrase of the name, with its titles and appositions, from the name's
        // syntactic head ("Jane" of "Jane Roe").
        let tree = self.tree_of(head);
        let top = person
            .tokens
            .clone()
            .find(|&t| !tree.head(t).is_some_and(|h| person.tokens.contains(&h)))
            .unwrap_or(head);
        let phrase = speaker_tokens(tree, top);
        let tokens =
            if phrase.start <= person.tokens.start && !phrase.clone().any(|t| self.in_quote(t)) {
                phrase
            } else {
                person.tokens.clone()
            };
        Some(FoundSpeaker {
            tokens,
            head,
            how: "no speaker in the sentence; nearest person named in the paragraph".to_string(),
        })
    }

    /// A cue verb with the words that make up its verb group: auxiliaries, negation and adverbs
    /// before it ("has not yet said", "also called") and the particle or preposition that
    /// completes it ("called off", "voted against", "spoke to"), outside the contents and
    /// speakers of the quotes it cues, so that quotes sharing a cue share its verb group.
    fn verb_group(&self, cue: &Range<u32>) -> Range<u32> {
        let verb = cue.start;
        if self.upos(verb) != "VERB" {
            return cue.clone();
        }
        let tree = self.tree_of(verb);
        let free = |t: u32| {
            !self.found.iter().any(|f| {
                f.cue.as_ref() == Some(cue)
                    && (f.content.contains(&t)
                        || f.speaker.as_ref().is_some_and(|s| s.tokens.contains(&t)))
            })
        };
        let mut start = verb;
        while start > tree.first
            && free(start - 1)
            && tree.head(start - 1) == Some(verb)
            && matches!(tree.base_rel(start - 1), "aux" | "advmod")
            && matches!(self.upos(start - 1), "AUX" | "ADV" | "PART")
        {
            start -= 1;
        }
        let next = cue.end;
        let completes = next < tree.tokens().end
            && free(next)
            && (tree.deprel(next) == "compound:prt" && tree.head(next) == Some(verb)
                || tree.deprel(next) == "case"
                    && !CIRCUMSTANCE_PREPOSITIONS.contains(&self.lower(next))
                    && tree.head(next).and_then(|h| tree.head(h)) == Some(verb));
        start..if completes { next + 1 } else { cue.end }
    }

    /// "Viktor Orban, who has resisted …": the actor a relative pronoun speaking stands for, its
    /// clause's antecedent's.
    fn antecedent_actor(&self, pronoun: u32) -> Option<&'a detente_core::ActorMention> {
        let tree = self.tree_of(pronoun);
        if !matches!(tree.syntax(pronoun).xpos.as_str(), "WP" | "WDT") {
            return None;
        }
        let antecedent = tree.relative_antecedent(pronoun)?;
        actor_of(self.doc, &(antecedent..antecedent + 1), antecedent)
    }

    fn text(&self, tokens: &Range<u32>) -> String {
        self.doc.token_text_span(tokens.clone()).text
    }

    // ---- output ----------------------------------------------------------------------------

    fn finish(self) -> Vec<Quote> {
        let doc = self.doc;
        self.found
            .iter()
            .enumerate()
            .map(|(n, f)| {
                let speaker = f.speaker.as_ref().map(|s| {
                    let span = doc.token_text_span(s.tokens.clone());
                    let own = actor_of(doc, &s.tokens, s.head);
                    let antecedent = own.is_none().then(|| self.antecedent_actor(s.head)).flatten();
                    let actor = own.or(antecedent);
                    let how = match (actor, antecedent) {
                        (Some(m), Some(_)) => format!("{}; relative pronoun of {}: {}", s.how, m.text, describe_resolution(m)),
                        (Some(m), None) => format!("{}; {}", s.how, describe_resolution(m)),
                        (None, _) => s.how.clone(),
                    };
                    Speaker {
                        text: span.text,
                        span: span.span,
                        code: actor.and_then(|m| m.code.clone()),
                        how,
                    }
                });
                let first = self.sentence(f.content.start) as u32;
                let last = self.sentence(f.content.end - 1) as u32;
                Quote {
                    id: format!("q{}", n + 1),
                    kind: f.kind,
                    content: doc.token_text_span(f.content.clone()),
                    speaker,
                    cue: f
                        .cue
                        .as_ref()
                        .map(|c| doc.token_text_span(self.verb_group(c))),
                    sentences: (first..=last).collect(),
                }
            })
            .collect()
    }
}
