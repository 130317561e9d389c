//! A PETRARCH-compatible coder over Detente's dependency parse.
//!
//! For each sentence: find the actor and agent names (PETRARCH's actor and agent
//! dictionaries, read by `detente-lexicon`), then each word that is a form of a dictionary
//! verb. The verb's source is its subject phrase and its target the first actor phrase among
//! its objects and obliques ([`crate::arguments`]); a phrase's code is its actor's code with
//! the codes of the agents in it appended ("Norland police" → `NRL` + `COP`), one code per
//! member of a coordination ("Norland and Sudmark"). A member naming only agents takes the
//! coordination's actor and the agents before its first head ("Norland Islamist media and
//! government" → `NRLMUSMED`, `NRLMUSGOV`); an agent after "former" in its phrase is the elite,
//! `ELI` (TABARI's conversion: "former Norland police" → `NRLELI`). An actor or agent phrase
//! written with spaces matches with other words of its noun phrase between its words ("ESTMOOR
//! TELEVISION" in "Estmoor state television"). The verb's patterns are then tried in
//! dictionary order against the words before the verb (nearest first) and the words of its
//! clause after it; the first that matches gives the event code and may name the source
//! (`$`), the target (`+`) or a compound actor (`%`) itself. Without a match the verb's
//! default code applies. A paired code (`[032:033]`) adds the reverse event.
//!
//! A sentence containing a discard phrase is not coded, nor is an event without both a source
//! and a target, or with the same code on both sides.
//!
//! Differences from PETRARCH: an agent with no actor ("a senior official") codes nothing here,
//! nor does an event without a target, as in PETRARCH with its default `require_dyad = true`
//! (the few unit-test records that expect `---GOV` or a `---` target were coded with it off,
//! which their file does not record); verbs are found by their tag in our parse, so a verb form
//! the tagger reads as a noun is not coded.

use std::path::Path;

use chrono::NaiveDate;
use detente_core::{Document, Meta, SentenceTree};
use detente_lexicon::{ActorLexicon, Entry, EntryKind, Placement};
use detente_pipeline::Pipeline;

use crate::arguments;
use crate::dictionary::{
    spaced_phrases as spaced_phrases_of, Discards, Element, Pattern, PatternElement, SpacedPhrase,
    VerbDictionary, VerbForm,
};
use crate::records::{Coding, Environment};
use crate::PetrarchError;

/// The dictionaries a coder uses.
pub struct Dictionaries {
    pub verbs: VerbDictionary,
    pub actors: ActorLexicon,
    pub discards: Discards,
    /// Actor and agent phrases whose words other words of the same noun phrase may separate.
    pub spaced_phrases: Vec<SpacedPhrase>,
}

impl Dictionaries {
    /// Loads the dictionaries an `<Environment>` names from `dir`.
    pub fn load(dir: &Path, env: &Environment) -> Result<Dictionaries, PetrarchError> {
        let missing = |what: &str| PetrarchError::Dictionary {
            path: dir.to_path_buf(),
            message: format!("the records' <Environment> names no {what}"),
        };
        let verb_file = env.verb_files.first().ok_or_else(|| missing("verb file"))?;
        let mut verbs = VerbDictionary::load(dir.join(verb_file))?;
        for extra in &env.verb_files[1..] {
            // Later verb files extend the first.
            verbs.absorb(VerbDictionary::load(dir.join(extra))?);
        }
        let actor_files: Vec<_> = env.actor_files.iter().map(|f| dir.join(f)).collect();
        let agent_files: Vec<_> = env.agent_files.iter().map(|f| dir.join(f)).collect();
        let (actors, _) =
            ActorLexicon::import_petrarch(&actor_files, &agent_files).map_err(|e| {
                PetrarchError::Dictionary {
                    path: dir.to_path_buf(),
                    message: e.to_string(),
                }
            })?;
        let mut spaced_phrases = Vec::new();
        for path in actor_files.iter().chain(&agent_files) {
            let text = std::fs::read_to_string(path).map_err(|source| PetrarchError::Io {
                path: path.clone(),
                source,
            })?;
            spaced_phrases.extend(spaced_phrases_of(&text));
        }
        let mut discards = Discards::default();
        for f in &env.discard_files {
            discards
                .phrases
                .extend(Discards::load(dir.join(f))?.phrases);
        }
        Ok(Dictionaries {
            verbs,
            actors,
            discards,
            spaced_phrases,
        })
    }
}

/// An actor or agent name found in a sentence (document token indices, `end` exclusive).
#[derive(Debug, Clone)]
struct Mention {
    start: u32,
    end: u32,
    code: String,
    /// `Some` for agents: where the agent code goes relative to the actor's.
    agent: Option<Placement>,
}

/// One member of a coordination: its actor codes and its agents' codes.
struct Conjunct {
    actors: Vec<String>,
    agents: Vec<(String, Placement)>,
    /// The agents named before the conjunct's head ("Islamist" in "Islamist media"): a
    /// coordination shares them with members that name no actor of their own.
    premodifier_agents: Vec<(String, Placement)>,
}

/// TABARI's conversion of an agent after "former" ("former minister"): the elite sector.
const FORMER: &str = "FORMER";
const ELITE_AGENT: &str = "ELI";

/// Who a verb's event involves, before codes are composed.
#[derive(Debug, Default, Clone, Copy)]
struct Bindings {
    source: Option<u32>,
    target: Option<u32>,
    compound: Option<u32>,
}

/// The PETRARCH-compatible coder.
pub struct PetrarchCoder<'p> {
    pub dictionaries: Dictionaries,
    pipeline: &'p Pipeline,
}

impl<'p> PetrarchCoder<'p> {
    pub fn new(dictionaries: Dictionaries, pipeline: &'p Pipeline) -> PetrarchCoder<'p> {
        PetrarchCoder {
            dictionaries,
            pipeline,
        }
    }

    /// Codes a text (one or more sentences) as of `date` (actor codes are date-dependent).
    pub fn code(&self, text: &str, date: Option<NaiveDate>) -> Vec<Coding> {
        let mut doc = Document::new("petrarch", text, Meta::english());
        doc.meta.published = date;
        self.pipeline.run(&mut doc);
        let mut out = Vec::new();
        for s in 0..doc.sentences.len() {
            let tree = SentenceTree::new(&doc, s);
            SentenceCoder::new(self, &tree, date).code(&mut out);
        }
        let mut seen = std::collections::HashSet::new();
        out.retain(|c| seen.insert(c.clone()));
        out
    }
}

struct SentenceCoder<'a, 't> {
    dict: &'a Dictionaries,
    tree: &'t SentenceTree<'t>,
    /// Upper-case words of the sentence, by position in the sentence.
    words: Vec<String>,
    mentions: Vec<Mention>,
    /// Mention index per sentence position.
    mention_at: Vec<Option<usize>>,
}

impl<'a, 't> SentenceCoder<'a, 't> {
    fn new(
        coder: &'a PetrarchCoder,
        tree: &'t SentenceTree<'t>,
        date: Option<NaiveDate>,
    ) -> SentenceCoder<'a, 't> {
        let dict = &coder.dictionaries;
        let range = tree.tokens();
        let surface: Vec<&str> = range.clone().map(|i| tree.word(i)).collect();
        let words = surface.iter().map(|w| w.to_uppercase()).collect();
        let lookup = |tokens: &[&str]| match date {
            Some(d) => dict.actors.match_tokens_on(tokens, d),
            None => dict.actors.match_tokens(tokens),
        };
        let mut found: Vec<(usize, usize, &Entry)> = lookup(&surface)
            .into_iter()
            .map(|m| (m.start, m.end, m.entry))
            .collect();
        // A spaced phrase found with words between its own replaces the names inside it.
        for (start, end, entry) in spaced_matches(dict, tree, &surface, &lookup) {
            found.retain(|&(s, e, _)| e <= start || s >= end);
            found.push((start, end, entry));
        }
        found.sort_by_key(|&(s, _, _)| s);
        let mut mentions = Vec::new();
        let mut mention_at = vec![None; surface.len()];
        for (start, end, entry) in found {
            let code = match date {
                Some(d) => entry.code_on(d).or_else(|| entry.default_code()),
                None => entry.default_code(),
            };
            let Some(code) = code.filter(|c| !c.is_empty() && *c != "---") else {
                continue;
            };
            let agent = (entry.kind == EntryKind::Agent).then_some(entry.placement);
            mention_at[start..end].fill(Some(mentions.len()));
            mentions.push(Mention {
                start: tree.first + start as u32,
                end: tree.first + end as u32,
                code: code.to_string(),
                agent,
            });
        }
        SentenceCoder {
            dict,
            tree,
            words,
            mentions,
            mention_at,
        }
    }

    fn pos(&self, t: u32) -> usize {
        (t - self.tree.first) as usize
    }

    fn word(&self, t: u32) -> &str {
        &self.words[self.pos(t)]
    }

    fn mention(&self, t: u32) -> Option<&Mention> {
        self.mention_at[self.pos(t)].map(|m| &self.mentions[m])
    }

    fn code(&self, out: &mut Vec<Coding>) {
        if self.dict.discards.discards(&self.words) {
            return;
        }
        for v in self.tree.tokens() {
            if let Some(form) = self.verb_form(v) {
                self.code_verb(v, form, out);
            }
        }
    }

    fn is_verb(&self, t: u32) -> bool {
        self.tree.upos(t) == "VERB" || self.tree.syntax(t).xpos.starts_with("VB")
    }

    /// The longest dictionary form whose inflected word is `v` and whose other words surround
    /// it in the sentence; one of its words must be tagged as a verb ("wire tap" may come out
    /// as verb + determiner, but "attack" as a noun is no verb).
    fn verb_form(&self, v: u32) -> Option<&'a VerbForm> {
        let range = self.tree.tokens();
        self.dict.verbs.forms_of(self.word(v)).iter().find(|f| {
            let start = v as i64 - f.verb as i64;
            let end = start + f.words.len() as i64;
            start >= range.start as i64
                && end <= range.end as i64
                && f.words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| self.word((start + k as i64) as u32) == w)
                && (start..end).any(|t| self.is_verb(t as u32))
        })
    }

    fn code_verb(&self, v: u32, form: &VerbForm, out: &mut Vec<Coding>) {
        let tree = self.tree;
        let block = self.dict.verbs.block(form);
        let first = v - form.verb as u32;
        let last = first + form.words.len() as u32 - 1;
        // The tree is read from the form's word tagged as a verb ("wire" in "wire tap" when
        // "tap" comes out as a determiner).
        let v = if self.is_verb(v) {
            v
        } else {
            (first..=last).find(|&t| self.is_verb(t)).unwrap_or(v)
        };
        // Words before the verb, nearest first; words of the verb's clause after it.
        let before: Vec<u32> = (tree.tokens().start..first).rev().collect();
        let after: Vec<u32> = tree.subtree(v).into_iter().filter(|&t| t > last).collect();

        let mut code = form.code.clone().unwrap_or_else(|| block.code.clone());
        let mut bound = Bindings::default();
        for pattern in &block.patterns {
            if let Some(b) = self.match_pattern(pattern, &before, &after) {
                code = pattern.code.clone();
                bound = b;
                break;
            }
        }
        if code.is_null() {
            return;
        }

        // Compound before the verb: events among its members.
        if let Some(c) = bound.compound.filter(|&c| c < first) {
            let members = self.phrase_codes(arguments::phrase_head(tree, c));
            for i in 0..members.len() {
                for j in i + 1..members.len() {
                    push(out, &members[i], &members[j], &code.code);
                    push(
                        out,
                        &members[j],
                        &members[i],
                        code.paired.as_deref().unwrap_or(&code.code),
                    );
                }
            }
            return;
        }

        let subject = arguments::subject(tree, v);
        let passive = arguments::is_passive(tree, v);
        let agent = if passive {
            arguments::passive_agent(tree, v)
        } else {
            None
        };
        let bound_target = bound
            .target
            .or(bound.compound)
            .map(|t| arguments::phrase_head(tree, t));
        let mut sources = match bound.source {
            Some(t) => self.phrase_codes(arguments::phrase_head(tree, t)),
            None if passive => agent.map(|a| self.phrase_codes(a)).unwrap_or_default(),
            None => self.subject_codes(v, subject.as_ref()),
        };
        // A pattern that names the subject as target: the source is the governing subject
        // ("X noted + regretted").
        if bound.source.is_none()
            && bound_target.is_some()
            && subject.as_ref().map(|s| s.head) == bound_target
        {
            sources = arguments::governing_subject(tree, v)
                .map(|g| self.subject_phrase_codes(&g))
                .unwrap_or_default();
        }
        let targets = match bound_target {
            Some(t) => self.phrase_codes(t),
            None if passive => subject
                .as_ref()
                .map(|s| self.phrase_codes(s.head))
                .unwrap_or_default(),
            None => arguments::target_candidates(tree, v, agent)
                .into_iter()
                .map(|c| self.phrase_codes(c))
                .find(|codes| !codes.is_empty())
                .or_else(|| self.first_actor_after(&after))
                .unwrap_or_default(),
        };
        for s in &sources {
            for t in &targets {
                push(out, s, t, &code.code);
                if let Some(p) = &code.paired {
                    push(out, t, s, p);
                }
            }
        }
    }

    /// The phrase of the first actor named after the verb in its clause (up to a comma): PETRARCH's target
    /// when the tree offers none (an actor inside a participle, "roads leading into X").
    fn first_actor_after(&self, after: &[u32]) -> Option<Vec<String>> {
        // Not past a comma: what follows is an apposition or another clause.
        let t = after
            .iter()
            .copied()
            .take_while(|&t| self.word(t) != ",")
            .find(|&t| self.mention(t).is_some_and(|m| m.agent.is_none()))?;
        Some(self.phrase_codes(arguments::phrase_head(self.tree, t))).filter(|c| !c.is_empty())
    }

    /// Codes of the subject; a pronoun naming no actor stands for the governing verb's subject.
    fn subject_codes(&self, v: u32, subject: Option<&arguments::Subject>) -> Vec<String> {
        let Some(s) = subject else { return Vec::new() };
        let codes = self.subject_phrase_codes(s);
        if codes.is_empty() && self.tree.upos(s.head) == "PRON" {
            if let Some(g) = arguments::governing_subject(self.tree, v).filter(|g| g.head != s.head)
            {
                return self.subject_phrase_codes(&g);
            }
        }
        codes
    }

    fn subject_phrase_codes(&self, s: &arguments::Subject) -> Vec<String> {
        match &s.split_span {
            Some(span) => self.flat_codes(span),
            None => self.phrase_codes(s.head),
        }
    }

    /// The codes of the noun phrase headed by `n`: one per actor of a coordination, each with
    /// the codes of the agents in its phrase.
    fn phrase_codes(&self, n: u32) -> Vec<String> {
        self.phrase_codes_at(n, 0)
    }

    fn phrase_codes_at(&self, n: u32, depth: usize) -> Vec<String> {
        let parts: Vec<Conjunct> = arguments::conjuncts(self.tree, n)
            .into_iter()
            .map(|c| self.conjunct(c, depth))
            .collect();
        // Agents without an actor of their own share their coordination's actors and the
        // agents before its first head ("lawmakers and officials in Norland", "Norland
        // Islamist media and government").
        let shared = parts.iter().find(|p| !p.actors.is_empty());
        let mut out = Vec::new();
        for part in &parts {
            let (actors, agents) = match shared {
                Some(s) if part.actors.is_empty() && !part.agents.is_empty() => {
                    let mut agents = s.premodifier_agents.clone();
                    agents.extend(part.agents.iter().cloned());
                    (s.actors.clone(), agents)
                }
                _ => (part.actors.clone(), part.agents.clone()),
            };
            for a in actors {
                let code = compose(&a, &agents);
                if !out.contains(&code) {
                    out.push(code);
                }
            }
        }
        out
    }

    /// The code of a run of words read as one phrase: its first actor with its agents.
    fn flat_codes(&self, tokens: &[u32]) -> Vec<String> {
        let mut seen = Vec::new();
        for &t in tokens {
            if let Some(m) = self.mention_at[self.pos(t)] {
                if !seen.contains(&m) {
                    seen.push(m);
                }
            }
        }
        let mentions = seen.iter().map(|&m| &self.mentions[m]);
        let agents: Vec<(String, Placement)> = mentions
            .clone()
            .filter_map(|m| self.agent_code(m, tokens))
            .collect();
        mentions
            .filter(|m| m.agent.is_none())
            .map(|m| compose(&m.code, &agents))
            .take(1)
            .collect()
    }

    /// Actors and agents of one conjunct: the actors named in its own words (the first, and
    /// those coordinated with it), else those of its prepositional modifiers.
    fn conjunct(&self, c: u32, depth: usize) -> Conjunct {
        let core = arguments::phrase_core(self.tree, c);
        let mut seen = Vec::new();
        for &t in &core {
            if let Some(m) = self.mention_at[self.pos(t)] {
                if !seen.contains(&m) {
                    seen.push(m);
                }
            }
        }
        let mut actors: Vec<String> = Vec::new();
        let mut agents = Vec::new();
        let mut premodifier_agents = Vec::new();
        for &m in &seen {
            let mention = &self.mentions[m];
            match self.agent_code(mention, &core) {
                Some(agent) => {
                    if mention.end <= c {
                        premodifier_agents.push(agent.clone());
                    }
                    agents.push(agent);
                }
                None => {
                    let coordinated = (mention.start..mention.end)
                        .any(|t| t != c && self.tree.base_rel(t) == "conj");
                    if (actors.is_empty() || coordinated) && !actors.contains(&mention.code) {
                        actors.push(mention.code.clone());
                    }
                }
            }
        }
        if actors.is_empty() && depth < 3 {
            for m in arguments::noun_modifiers(self.tree, c) {
                let codes = self.phrase_codes_at(m, depth + 1);
                if !codes.is_empty() {
                    actors = codes;
                    break;
                }
            }
        }
        Conjunct {
            actors,
            agents,
            premodifier_agents,
        }
    }

    /// The code and placement of an agent mention in the phrase of `tokens`; `None` for an
    /// actor. An agent after "former" in its phrase is coded as the elite.
    fn agent_code(&self, mention: &Mention, tokens: &[u32]) -> Option<(String, Placement)> {
        let placement = mention.agent?;
        let former = tokens
            .iter()
            .any(|&t| t < mention.start && self.word(t) == FORMER);
        Some(if former {
            (ELITE_AGENT.to_string(), Placement::Suffix)
        } else {
            (mention.code.clone(), placement)
        })
    }

    fn match_pattern(&self, pattern: &Pattern, before: &[u32], after: &[u32]) -> Option<Bindings> {
        let mut b = Bindings::default();
        if !self.match_seq(&pattern.before, before, 0, true, &mut b) {
            return None;
        }
        if !self.match_seq(&pattern.after, after, 0, false, &mut b) {
            return None;
        }
        Some(b)
    }

    /// Matches `elems` against `window` from position `pos`; an element not joined to its
    /// predecessor may skip words. `backward`: the window runs from the verb leftwards.
    fn match_seq(
        &self,
        elems: &[PatternElement],
        window: &[u32],
        pos: usize,
        backward: bool,
        b: &mut Bindings,
    ) -> bool {
        let Some((e, rest)) = elems.split_first() else {
            return true;
        };
        let last = if e.joined { pos + 1 } else { window.len() };
        for k in pos..last.min(window.len()) {
            let saved = *b;
            if let Some(len) = self.match_element(&e.element, window, k, backward, b) {
                if self.match_seq(rest, window, k + len, backward, b) {
                    return true;
                }
            }
            *b = saved;
        }
        false
    }

    /// How many window positions element `e` covers at `k`, if it matches there.
    fn match_element(
        &self,
        e: &Element,
        window: &[u32],
        k: usize,
        backward: bool,
        b: &mut Bindings,
    ) -> Option<usize> {
        match e {
            Element::Word(w) => (self.word(window[k]) == w).then_some(1),
            Element::Skip => self.skip_noun_phrase(window, k, backward),
            Element::Synset(name) => {
                let members = self.dict.verbs.synsets.get(name)?;
                members
                    .iter()
                    .filter_map(|m| self.match_words(m, window, k, backward))
                    .max()
            }
            Element::Source | Element::Target | Element::Compound => {
                let t = window[k];
                let m = self.mention(t).filter(|m| m.agent.is_none())?;
                // The actor must start here, in the window's direction.
                let edge = if backward { m.end - 1 } else { m.start };
                if t != edge {
                    return None;
                }
                let len = window[k..]
                    .iter()
                    .take_while(|&&u| u >= m.start && u < m.end)
                    .count();
                match e {
                    Element::Source => b.source = Some(t),
                    Element::Target => b.target = Some(t),
                    _ => {
                        if backward
                            && self
                                .phrase_codes(arguments::phrase_head(self.tree, t))
                                .len()
                                < 2
                        {
                            return None;
                        }
                        b.compound = Some(t)
                    }
                }
                Some(len)
            }
        }
    }

    /// `^`: one noun phrase, from `k` up to and including its head (its last noun in text
    /// order), read in the window's direction.
    fn skip_noun_phrase(&self, window: &[u32], k: usize, backward: bool) -> Option<usize> {
        let nominal = |t: u32| matches!(self.tree.upos(t), "NOUN" | "PROPN" | "PRON" | "NUM");
        let mut j = (k..window.len()).find(|&j| nominal(window[j]))?;
        // Extend over the rest of the phrase: adjacent words attached inside it.
        while j + 1 < window.len() {
            let (a, b) = (window[j], window[j + 1]);
            let adjacent = if backward { b + 1 == a } else { a + 1 == b };
            let same_phrase = if backward {
                self.tree.head(b) == Some(a)
            } else {
                self.tree.head(a) == Some(b) && nominal(b)
            };
            if !(adjacent && same_phrase) {
                break;
            }
            j += 1;
        }
        Some(j - k + 1)
    }

    /// A multi-word synset member, read in the window's direction.
    fn match_words(
        &self,
        words: &[String],
        window: &[u32],
        k: usize,
        backward: bool,
    ) -> Option<usize> {
        if k + words.len() > window.len() {
            return None;
        }
        let ok = if backward {
            words
                .iter()
                .rev()
                .enumerate()
                .all(|(i, w)| self.word(window[k + i]) == w)
        } else {
            words
                .iter()
                .enumerate()
                .all(|(i, w)| self.word(window[k + i]) == w)
        };
        ok.then_some(words.len())
    }
}

/// Spaced phrases found with other words between their runs, all inside one noun phrase, as
/// (start, end) sentence positions and the entry the run of words names. The last word is
/// left to the lexicon (an agent's plural), which must name exactly the phrase's words.
fn spaced_matches<'d>(
    dict: &'d Dictionaries,
    tree: &SentenceTree,
    surface: &[&str],
    lookup: &dyn Fn(&[&str]) -> Vec<detente_lexicon::Match<'d>>,
) -> Vec<(usize, usize, &'d Entry)> {
    let upper: Vec<String> = surface.iter().map(|w| w.to_uppercase()).collect();
    let run_at =
        |run: &[String], p: usize| p + run.len() <= upper.len() && upper[p..p + run.len()] == *run;
    let mut out = Vec::new();
    for phrase in &dict.spaced_phrases {
        let (last, inner) = phrase
            .split_last()
            .expect("a spaced phrase has several runs");
        for start in (0..upper.len()).filter(|&p| run_at(&phrase[0], p)) {
            // The inner runs at their first place after the previous one.
            let mut taken: Vec<usize> = (start..start + phrase[0].len()).collect();
            let mut next = taken.len() + start;
            for run in &inner[1..] {
                let Some(p) = (next..upper.len()).find(|&p| run_at(run, p)) else {
                    break;
                };
                taken.extend(p..p + run.len());
                next = p + run.len();
            }
            if taken.len() != inner.iter().map(Vec::len).sum::<usize>() {
                continue;
            }
            // The last run, after a gap: its words but the last exact, the last checked by
            // the lexicon.
            let last_exact = &last[..last.len() - 1];
            for p in next + 1..upper.len() {
                let end = p + last.len();
                if end > upper.len() || upper[p..end - 1] != *last_exact {
                    continue;
                }
                let tokens: Vec<u32> = taken
                    .iter()
                    .copied()
                    .chain(p..end)
                    .map(|q| tree.first + q as u32)
                    .collect();
                let head = arguments::phrase_head(tree, tree.first + end as u32 - 1);
                let phrase_tokens = tree.subtree(head);
                let within = (tree.first + start as u32..tree.first + end as u32)
                    .all(|t| phrase_tokens.contains(&t));
                if !within {
                    continue;
                }
                let words: Vec<&str> = tokens.iter().map(|&t| tree.word(t)).collect();
                if let Some(m) = lookup(&words)
                    .into_iter()
                    .find(|m| m.start == 0 && m.end == words.len())
                {
                    out.push((start, end, m.entry));
                    break;
                }
            }
        }
    }
    out
}

/// An actor code with its agents' codes: `ARN` + `~COP` → `ARNCOP`, `NGO~` + `AMN` → `NGOAMN`.
/// An agent code the actor code already ends with is not repeated.
fn compose(actor: &str, agents: &[(String, Placement)]) -> String {
    let mut code = actor.to_string();
    for (a, placement) in agents {
        match placement {
            Placement::Suffix if !code.ends_with(a.as_str()) => code.push_str(a),
            Placement::Prefix if !code.starts_with(a.as_str()) => code.insert_str(0, a),
            _ => {}
        }
    }
    code
}

fn push(out: &mut Vec<Coding>, source: &str, target: &str, event: &str) {
    if source != target && event != "---" {
        out.push(Coding {
            source: source.to_string(),
            target: target.to_string(),
            event: event.to_string(),
        });
    }
}
