//! Pass 2: document-level coreference, simple and explainable.
//!
//! Each unresolved mention looks back over earlier mentions (at most [`WINDOW`] sentences) and
//! takes the best one that agrees with it:
//!
//! * a lone surname → the earlier full name ending in it (`rule: surname`);
//! * he/she → the nearest singular person, it/its → the nearest state, government or
//!   organisation, they → the nearest group or coordination ("Lavrov and Kerry", one mention per
//!   actor); nearer sentences first, then clause subjects, then
//!   (same sentence) the closest or (earlier sentence) the first mention (`rule: pronoun`);
//! * "the minister", "the president" → the last person holding such a title or described so;
//!   "the country" → the last country that is not the subject of the description's own clause,
//!   and as a subject, the last country that was one (`rule: definite description`);
//! * "the two", "both", "the former foes" → the last coordination of two ("Germany and France"),
//!   else the last two actors with different codes, persons or countries as the head noun
//!   suggests (`rule: pair`); one mention is written per actor; "both sides" → the story's two
//!   most-named parties; a later "they" → the whole pair;
//! * "the group", "the alliance", "the bloc" → the last organisation, else an organisation's
//!   officer or members ("NATO Secretary General X … the alliance");
//! * an unknown acronym → the coded name it follows in brackets, "the Nigerian Air Force (NAF)",
//!   and later the same acronym (`rule: acronym`);
//! * an unknown person described by an apposition → the actor the description names: "X, an
//!   Afghan defence spokesperson", "Y, a spokesman for the UN" (`rule: apposition`).
//!
//! Mentions inside quotation marks are antecedents only for mentions inside quotation marks.

use detente_core::{Document, Resolution, SentenceTree, TextSpan};
use detente_lexicon::ActorLexicon;

use crate::mentions::{compose, from_elsewhere, sector_code, Found, Kind, Pending, PERSON_PAIR_NOUNS, SPEAKS_FOR};

/// How many sentences back an antecedent may be.
const WINDOW: u32 = 4;

/// How many sentences back "the Commission" or "both countries" may look for the story's
/// organisations and main pair of countries: a long news story, which keeps a huge document
/// linear.
const STORY_WINDOW: u32 = 100;

/// The country a story is filed from (its dateline), for agents that name no country.
pub(crate) struct Context {
    pub code: String,
    pub place: TextSpan,
}

pub(crate) fn resolve(lexicon: &ActorLexicon, doc: &Document, found: &mut Vec<Found>, context: Option<&Context>) {
    // `origin[i]`: the mention whose identity mention i carries (itself when resolved directly).
    let mut origin: Vec<usize> = (0..found.len()).collect();
    // `group[i]`: the antecedents of a mention that stands for several ("the two countries"),
    // whose further mentions wait in `extra` until the end; a later "they" stands for all.
    let mut group: Vec<Vec<usize>> = vec![Vec::new(); found.len()];
    let mut extra = Vec::new();
    // "BERLIN — … France was ready to send troops": a sentence that names another country
    // before the agent does not leave it to the dateline; nor does one set in another country's
    // place ("KYIV — Protesters rallied in Tbilisi"), wherever the place is named.
    // Mentions are in sentence order, so a sentence's are one slice.
    let elsewhere: Vec<bool> = (0..found.len()).map(|i| context.is_some_and(|x| set_elsewhere(found, i, x))).collect();
    if let Some(context) = context {
        for i in 0..found.len() {
            if found[i].pending == Pending::Nothing && !elsewhere[i] {
                from_dateline(lexicon, doc, &mut found[i], context);
            }
        }
    }
    from_appositions(doc, found);
    for i in 0..found.len() {
        let pending = std::mem::replace(&mut found[i].pending, Pending::Nothing);
        let choice = match &pending {
            Pending::Nothing if found[i].code.is_none() => organisation_named_again(doc, found, i).map(|j| (vec![j], "organisation named again")),
            Pending::Nothing => continue,
            Pending::Surname => surname(doc, found, i).map(|j| (vec![j], "surname")),
            Pending::Pronoun(p) => pronoun(doc, found, i, p).map(|js| match js[..] {
                [j] if PLURAL_PRONOUNS.contains(&p.as_str()) && group[j].len() > 1 => (group[j].clone(), "pronoun"),
                _ => (js, "pronoun"),
            }),
            Pending::Definite(lemma) => match definite(doc, found, i, lemma).or_else(|| organisation_named_again(doc, found, i)) {
                Some(j) => Some((vec![j], "definite description")),
                None => {
                    // Checked again now that the mentions before it are resolved ("He chaired a
                    // meeting, which authorised the armed forces": his country's).
                    if let Some(context) = context.filter(|x| !elsewhere[i] && !set_elsewhere(found, i, x)) {
                        from_dateline(lexicon, doc, &mut found[i], context);
                        if found[i].code.as_deref().is_some_and(|c| c.len() > 3) {
                            continue;
                        }
                    }
                    if let Some((code, j)) = in_focus(lexicon, doc, found, i) {
                        let antecedent = found[origin[j]].text_span(doc);
                        found[i].code = Some(code);
                        found[i].how = Resolution::Coreference { antecedent, rule: "country in focus".to_string() };
                    } else if let Some(agent) = agent_of(lexicon, &found[i]).filter(|_| found[i].code.is_none()) {
                        // "The governor declined to comment" with no governor before and no
                        // country in sight: a governor all the same.
                        found[i].code = sector_code(agent);
                        found[i].entry = Some(agent.id);
                        found[i].how = Resolution::Lexicon;
                    }
                    continue;
                }
            },
            Pending::Pair => {
                let both = pair(doc, found, i);
                // "Both sides" that name no one are no actor; "both governments" keep their sector.
                if both.is_none() && both_sides(doc, &found[i]) {
                    found[i].actor = false;
                } else if let Some(agent) = agent_of(lexicon, &found[i]).filter(|_| both.is_none() && opened_by_both(doc, &found[i])) {
                    found[i].code = sector_code(agent);
                    found[i].entry = Some(agent.id);
                    found[i].how = Resolution::Lexicon;
                }
                both.map(|js| (js, "pair"))
            }
            Pending::Acronym => acronym(doc, found, i).map(|j| (vec![j], "acronym")),
            Pending::Possessor(p) => {
                let Some(owner) = found.iter().position(|m| m.head == *p && m.tokens.contains(p)) else { continue };
                // "Their leaders" after "Mali, Burkina Faso and Niger": each owner's.
                let owners = if group[owner].len() > 1 { group[owner].clone() } else { vec![owner] };
                let owned = |j: usize| {
                    let code = found[j].code.as_deref()?;
                    if found[i].kind == Kind::State {
                        // "his country": the owner's country, if the owner has one.
                        code.get(..3).filter(|c| !detente_lexicon::SECTOR_CODES.contains(c)).map(str::to_string)
                    } else {
                        compose(code, agent_of(lexicon, &found[i])?)
                    }
                };
                let codes: Vec<(String, usize)> = owners.into_iter().filter_map(|j| Some((owned(j)?, j))).collect();
                for (k, (code, j)) in codes.into_iter().enumerate() {
                    let mut m = found[i].clone();
                    m.code = Some(code);
                    m.how = Resolution::Coreference { antecedent: found[origin[j]].text_span(doc), rule: "possessor".to_string() };
                    if k == 0 {
                        found[i] = m;
                    } else {
                        extra.push(m);
                    }
                }
                continue;
            }
        };
        let Some((antecedents, rule)) = choice else { continue };
        if antecedents.len() > 1 {
            group[i] = antecedents.clone();
        }
        for (k, &j) in antecedents.iter().enumerate() {
            let o = origin[j];
            let mut m = found[i].clone();
            m.code = found[o].code.clone();
            // "both governments" of two countries are their governments.
            if matches!(pending, Pending::Pair) && m.code.as_deref().is_some_and(|c| c.len() == 3) {
                if let Some(code) = agent_of(lexicon, &found[i]).and_then(|a| compose(m.code.as_deref()?, a)) {
                    m.code = Some(code);
                }
            }
            m.entry = found[o].entry;
            if matches!(pending, Pending::Pronoun(_) | Pending::Pair) {
                m.kind = found[o].kind;
            }
            m.titles = found[o].titles.clone();
            m.how = Resolution::Coreference { antecedent: found[o].text_span(doc), rule: rule.to_string() };
            if k == 0 {
                found[i] = m;
                origin[i] = o;
            } else {
                extra.push(m);
            }
        }
    }
    found.extend(extra);
    found.sort_by_key(|m| (m.tokens.start, m.tokens.end));
    found.retain(|m| m.actor);
    spokesmen_for_bodies_named_before(doc, found);
}

/// "The M23 rebels … A spokesman for *the group* said": a spokesman with no country of his own
/// speaks for the body his "for" phrase refers to, once that phrase is resolved (it comes after
/// him, so it is resolved after him).
fn spokesmen_for_bodies_named_before(doc: &Document, found: &mut [Found]) {
    for i in 0..found.len() {
        let m = &found[i];
        let sector_only = m.code.as_deref().is_none_or(|c| detente_lexicon::SECTOR_CODES.contains(&c));
        if !sector_only || !m.titles.iter().any(|t| SPEAKS_FOR.contains(&t.as_str())) {
            continue;
        }
        let tree = SentenceTree::new(doc, m.sentence as usize);
        let Some(body) = tree.children(m.head).iter().copied().find(|&c| tree.base_rel(c) == "nmod" && tree.case_marker(c).as_deref() == Some("for")) else { continue };
        let Some(j) = found.iter().position(|f| f.sentence == m.sentence && f.head == body && f.code.is_some()) else { continue };
        let antecedent = found[j].text_span(doc);
        found[i].code = found[j].code.clone();
        found[i].how = Resolution::Coreference { antecedent, rule: "spokesman for".to_string() };
    }
}

/// Whether mention `i`'s sentence names another country than the dateline's before it, or is set
/// in another country's place wherever it names it, or the story so far is about two other
/// countries, each named more often than the dateline's ("WASHINGTON — Congo and Rwanda signed
/// … *Aid groups* said": filed from Washington, not about it).
fn set_elsewhere(found: &[Found], i: usize, context: &Context) -> bool {
    fn country_of(m: &Found) -> Option<&str> {
        m.code.as_deref().and_then(|c| c.get(..3)).filter(|c| !detente_lexicon::SECTOR_CODES.contains(c))
    }
    let other = |m: &Found| country_of(m).is_some_and(|c| !context.code.starts_with(c));
    let s = found[i].sentence;
    let (lo, hi) = (found.partition_point(|m| m.sentence < s), found.partition_point(|m| m.sentence <= s));
    if found[lo..i].iter().any(other) || found[lo..hi].iter().any(|m| m.located && other(m)) {
        return true;
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for c in found[..i].iter().filter(|m| m.actor).filter_map(country_of) {
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some(entry) => entry.1 += 1,
            None => counts.push((c, 1)),
        }
    }
    let home = counts.iter().find(|(k, _)| context.code.starts_with(k)).map_or(0, |&(_, n)| n);
    counts.iter().filter(|&&(k, n)| !context.code.starts_with(k) && n > home).count() >= 2
}

/// Nouns of people who study a country rather than act for it ("a China specialist").
const EXPERTISE: &[&str] = &["specialist", "expert", "analyst", "scholar", "watcher", "hand", "researcher", "historian", "correspondent", "observer"];

/// An unknown person whose name has an apposition naming an actor takes that actor's code (and
/// so does any unknown name whose acronym follows in brackets):
/// the apposition's own mention ("the president of the Red Cross"), else the first coded
/// country or organisation inside it ("an *Afghan* defence spokesperson", "a spokesman for *the
/// UN*").
fn from_appositions(doc: &Document, found: &mut [Found]) {
    for i in 0..found.len() {
        let m = &found[i];
        if m.code.is_some() || !matches!(m.pending, Pending::Nothing | Pending::Surname) {
            continue;
        }
        let tree = SentenceTree::new(doc, m.sentence as usize);
        let Some(appos) = tree.children_with(m.head, "appos").next() else { continue };
        let inside = tree.subtree(appos);
        // "the Eurasia Economic Union (EAEU)": any unknown name is what its bracketed acronym
        // names; otherwise only a person is described by an apposition.
        let bracketed = inside.first().is_some_and(|&k| tree.word(k) == "(" || (k > tree.first && tree.word(k - 1) == "("));
        if m.kind != Kind::Person && !bracketed {
            continue;
        }
        // Mentions are in sentence order: only this sentence's are looked at.
        let lo = found.partition_point(|k| k.sentence < m.sentence);
        let hi = found.partition_point(|k| k.sentence <= m.sentence);
        // "a *China* specialist at the Rhodium Group": a country compounded with a noun of
        // expertise is what the expert studies, not whom they work for ("a *U.S.* adviser").
        let topic = |j: usize| {
            let h = found[j].head;
            tree.base_rel(h) == "compound" && tree.head(h).is_some_and(|n| EXPERTISE.contains(&tree.lemma(n).to_lowercase().as_str()))
        };
        let names_actor = |j: &usize| {
            inside.contains(&found[*j].head) && found[*j].code.as_deref().is_some_and(|c| !detente_lexicon::SECTOR_CODES.contains(&c)) && !topic(*j)
        };
        let Some(j) = (lo..hi).filter(names_actor).find(|&j| found[j].head == appos).or_else(|| (lo..hi).find(names_actor)) else {
            continue;
        };
        let antecedent = found[j].text_span(doc);
        found[i].code = found[j].code.clone();
        found[i].how = Resolution::Coreference { antecedent, rule: "apposition".to_string() };
        found[i].pending = Pending::Nothing;
    }
}

fn agent_of<'l>(lexicon: &'l ActorLexicon, m: &Found) -> Option<&'l detente_lexicon::Entry> {
    m.agent.as_ref().map(|(id, _)| lexicon.entry(*id))
}

/// The agent of a mention that names no country, if it has one.
fn countryless_agent<'l>(lexicon: &'l ActorLexicon, doc: &Document, m: &Found) -> Option<&'l detente_lexicon::Entry> {
    let sector_only = m.code.as_deref().is_none_or(|c| detente_lexicon::SECTOR_CODES.contains(&c));
    if !sector_only || matches!(m.how, Resolution::Coreference { .. }) || of_no_country(doc, m) {
        return None;
    }
    let agent = m.agent.as_ref().map(|(id, _)| lexicon.entry(*id))?;
    (!speaks_for_unknown_body(doc, m, agent)).then_some(agent)
}

/// "a spokesman for the National Rifle Association": one who speaks for a body the lexicon does
/// not know is that body's, not the government of the dateline or of the country in focus.
fn speaks_for_unknown_body(doc: &Document, m: &Found, agent: &detente_lexicon::Entry) -> bool {
    if !SPEAKS_FOR.contains(&agent.name.as_str()) {
        return false;
    }
    let tree = SentenceTree::new(doc, m.sentence as usize);
    let body = |c: &u32| tree.base_rel(*c) == "nmod" && tree.upos(*c) == "PROPN" && matches!(tree.case_marker(*c).as_deref(), Some("for" | "of"));
    tree.children(m.head).iter().any(body)
}

/// Words that say an agent belongs to no one country: "an international tribunal", "a foreign
/// court", "Western diplomats" are neither the dateline's nor the country in focus; but "the
/// foreign ministry" is a country's own (`FOREIGN_AFFAIRS`).
const OF_NO_COUNTRY: &[&str] = &["international", "foreign", "global", "multinational", "western", "overseas"];

/// Words after "foreign" that name a government's office for foreign affairs.
const FOREIGN_AFFAIRS: &[&str] = &["minister", "ministry", "office", "secretary", "affairs", "policy", "service"];

fn of_no_country(doc: &Document, m: &Found) -> bool {
    let word = |t: u32| doc.slice(doc.tokens[t as usize].span).to_lowercase();
    m.tokens.clone().any(|t| {
        let w = word(t);
        OF_NO_COUNTRY.contains(&w.as_str()) && !(w == "foreign" && t + 1 < m.tokens.end && FOREIGN_AFFAIRS.contains(&word(t + 1).as_str()))
    })
}

/// "the government" with no government named before and no dateline: the agent's sector of
/// the country in focus, the nearest earlier mention of a country. Returns the code and that
/// mention.
fn in_focus(lexicon: &ActorLexicon, doc: &Document, found: &[Found], i: usize) -> Option<(String, usize)> {
    let agent = countryless_agent(lexicon, doc, &found[i])?;
    // A region ("West African neighbours") has no army or government of its own.
    let j = earlier(found, i).find(|&j| {
        matches!(found[j].kind, Kind::State | Kind::Government)
            && found[j].code.is_some()
            && found[j].entry.is_none_or(|e| lexicon.entry(e).kind != detente_lexicon::EntryKind::Region)
    })?;
    let code = compose(found[j].code.as_deref()?, agent)?;
    Some((code, j))
}

/// An agent with no country in a datelined story belongs to the dateline's country
/// ("CONAKRY — Soldiers said …" → GINMIL).
fn from_dateline(lexicon: &ActorLexicon, doc: &Document, m: &mut Found, context: &Context) {
    let Some(agent) = countryless_agent(lexicon, doc, m).filter(|a| !from_elsewhere(a)) else { return };
    let Some(code) = compose(&context.code, agent) else { return };
    let (_, tokens) = m.agent.clone().expect("agent checked above");
    m.code = Some(code);
    m.how = Resolution::Composition { parts: vec![context.place.clone(), doc.token_text_span(tokens)] };
}

/// Earlier mentions that mention `i` may refer to: within the window, before it, and outside
/// quotations unless `i` is inside one. Nearest first.
fn earlier(found: &[Found], i: usize) -> impl Iterator<Item = usize> + '_ {
    let me = &found[i];
    // Mentions are in sentence order: only the window's slice is looked at, so long documents
    // stay linear.
    let lo = found.partition_point(|m| m.sentence + WINDOW < me.sentence);
    let hi = found.partition_point(|m| m.sentence <= me.sentence);
    (lo..hi).rev().filter(move |&j| {
        let m = &found[j];
        j != i
            && (m.sentence < me.sentence || (m.sentence == me.sentence && m.tokens.end <= me.tokens.start))
            && (me.in_quote || !m.in_quote)
            && m.pending == Pending::Nothing
    })
}

/// The best of `candidates` by salience: nearest sentence, then subjects, then closest in the
/// same sentence or first in an earlier one.
fn most_salient(found: &[Found], i: usize, candidates: impl Iterator<Item = usize>) -> Option<usize> {
    let me = &found[i];
    candidates.min_by_key(|&j| {
        let m = &found[j];
        let distance = me.sentence - m.sentence;
        let position = if distance == 0 { me.head.abs_diff(m.head) } else { m.tokens.start };
        (distance, !m.subject, position)
    })
}

/// An earlier, longer mention of the person a surname names: the same lexicon entry, else the
/// same word as that mention's head or last word ("President Alpha *Condé*", whose head is the
/// first word of the name).
fn surname(doc: &Document, found: &[Found], i: usize) -> Option<usize> {
    let me = &found[i];
    let word = |t: u32| doc.slice(doc.tokens[t as usize].span).to_lowercase();
    let mine = word(me.head);
    (0..i).rev().find(|&j| {
        let m = &found[j];
        m.kind == Kind::Person
            && m.tokens.len() > 1
            && match (me.entry, m.entry) {
                (Some(a), Some(b)) => a == b,
                _ => word(m.head) == mine || word(m.tokens.end - 1) == mine,
            }
    })
}

/// "The European Commission … The Commission said", "the International Criminal Court … the
/// court": "the" and the last word of an organisation's name stand for it, anywhere earlier in the
/// story.
fn organisation_named_again(doc: &Document, found: &[Found], i: usize) -> Option<usize> {
    let me = &found[i];
    let word = |t: u32| doc.slice(doc.tokens[t as usize].span);
    if me.tokens.len() != 2 || !word(me.tokens.start).eq_ignore_ascii_case("the") || me.head + 1 != me.tokens.end {
        return None;
    }
    let head = word(me.head);
    let lo = found.partition_point(|m| m.sentence + STORY_WINDOW < me.sentence);
    (lo..i).rev().find(|&j| {
        let m = &found[j];
        m.kind == Kind::Organisation && m.entry.is_some() && m.code.is_some() && m.tokens.len() >= 2 && word(m.tokens.end - 1).eq_ignore_ascii_case(head)
    })
}

/// "the Nigerian Air Force (NAF)": the coded mention just before the bracket; later, an earlier
/// use of the same acronym that was resolved.
fn acronym(doc: &Document, found: &[Found], i: usize) -> Option<usize> {
    let me = &found[i];
    let start = me.tokens.start as usize;
    if start >= 1 && doc.slice(doc.tokens[start - 1].span) == "(" {
        return (0..i).rev().find(|&j| found[j].tokens.end as usize + 1 == start && found[j].code.is_some());
    }
    let text = doc.slice(doc.tokens[start].span);
    (0..i).rev().find(|&j| {
        matches!(&found[j].how, Resolution::Coreference { rule, .. } if rule == "acronym")
            && doc.slice(doc.tokens[found[j].tokens.start as usize].span) == text
    })
}

/// Pronouns that stand for a group ("they"), or for each actor of a coordination.
const PLURAL_PRONOUNS: &[&str] = &["they", "them", "their", "theirs", "themselves"];

/// The antecedent(s) of a pronoun: one mention, or for "they" also the conjoined actors of a
/// coordination ("Lavrov and Kerry said they …" → both).
fn pronoun(doc: &Document, found: &[Found], i: usize, pronoun: &str) -> Option<Vec<usize>> {
    let plural = PLURAL_PRONOUNS.contains(&pronoun);
    let agrees = |m: &Found| match pronoun {
        "it" | "its" | "itself" => m.kind.is_it() && !m.plural && !m.coordinated && m.code.is_some(),
        _ if plural => (m.plural || m.kind == Kind::Group) && m.code.is_some(),
        _ => m.kind == Kind::Person && !m.plural,
    };
    let coordinated = |j: usize| if plural { conjoined_with(doc, found, j) } else { Vec::new() };
    // A reflexive or possessive may take its own clause's subject; other pronouns look further.
    // With no group to refer to, "they" may be an organisation ("the Houthis claimed they had
    // attacked …").
    let organisation = |m: &Found| plural && m.kind == Kind::Organisation && m.code.is_some();
    // The pronoun's sentence, parsed once for the tests that read its clause.
    let tree = SentenceTree::new(doc, found[i].sentence as usize);
    // "X called Y to congratulate *him*": an object pronoun is not its own clause's subject.
    // The subject may be a longer mention's inner word ("top *diplomat* Wang Yi"), and the same
    // person may be named again elsewhere ("Wang Yi met X. Wang Yi thanked him").
    let bound = bound_subject(&tree, &found[i])
        .and_then(|s| found.iter().position(|f| f.sentence == found[i].sentence && f.tokens.contains(&s)));
    let free = |j: &usize| bound.is_none_or(|b| *j != b && (found[b].entry.is_none() || found[*j].entry != found[b].entry));
    // "Both governments have boxed *themselves* in": a reflexive is its clause's subject.
    if pronoun.ends_with("self") || pronoun.ends_with("selves") {
        if let Some(b) = bound.filter(|&b| agrees(&found[b]) || organisation(&found[b])) {
            return Some(vec![b]);
        }
    }
    // "a Russian announcement that it had opened corridors": the author of what is said.
    if let Some(j) = author_of_content(&tree, found, i).or_else(|| controller(&tree, found, i)).filter(|&j| agrees(&found[j])) {
        return Some(vec![j]);
    }
    // "every inch of land *they* occupied": whoever uses force is no civilian, refugee or aid group.
    let forceful = plural && tree.base_rel(found[i].head) == "nsubj" && tree.head(found[i].head).is_some_and(|v| FORCE_VERBS.contains(&tree.lemma(v).to_lowercase().as_str()));
    let free = |j: &usize| free(j) && !(forceful && found[*j].code.as_deref().is_some_and(unarmed));
    let best = most_salient(found, i, earlier(found, i).filter(free).filter(|&j| agrees(&found[j]) || coordinated(j).len() > 1))
        .or_else(|| most_salient(found, i, earlier(found, i).filter(free).filter(|&j| organisation(&found[j]))))?;
    if matches!(pronoun, "it" | "its" | "itself") {
        // "rejected Trump's decision, calling it …": the decision, coded as its maker, or a thing.
        if let Some(object) = object_commented_on(&tree, found, i) {
            return object.map(|j| vec![j]);
        }
        if thing_outranks(doc, found, i, best) {
            return None;
        }
    }
    let group = coordinated(best);
    Some(if agrees(&found[best]) || organisation(&found[best]) || group.len() < 2 { vec![best] } else { group })
}

/// Verbs of force, whose doer is armed.
const FORCE_VERBS: &[&str] = &[
    "occupy", "attack", "seize", "capture", "kill", "shell", "bomb", "invade", "storm", "raid", "ambush", "abduct", "kidnap", "loot",
    "besiege", "overrun", "shoot",
];

/// Whether `code` is of people who do not fight: civilians, refugees, aid, health, media,
/// education or rights groups.
fn unarmed(code: &str) -> bool {
    // Any three-letter part: "CVL", "SDNCVL", "IGOUNOREF".
    (0..code.len() / 3).filter_map(|k| code.get(3 * k..3 * k + 3)).any(|part| matches!(part, "CVL" | "REF" | "NGO" | "HLH" | "MED" | "JRN" | "EDU" | "HRI"))
}

/// "called on Rwanda to withdraw *its* forces", "urged Israel to halt *its* offensive": a
/// possessive in a clause with no subject of its own refers to whoever the clause is asked of
/// (the governing verb's object, or its "on" phrase), else to that verb's subject ("Russia agreed
/// to pull back *its* troops").
fn controller(tree: &SentenceTree, found: &[Found], i: usize) -> Option<usize> {
    let m = &found[i];
    if tree.deprel(m.head) != "nmod:poss" {
        return None;
    }
    let clause = tree.ancestors(m.head).find(|&a| tree.upos(a) == "VERB")?;
    let controlled = tree.base_rel(clause) == "xcomp" || (tree.base_rel(clause) == "advcl" && tree.has_mark(clause, "to"));
    if !controlled || tree.child_with(clause, "nsubj").is_some() {
        return None;
    }
    let verb = tree.head(clause)?;
    let asked = tree.children(verb).iter().copied().find(|&k| {
        matches!(tree.base_rel(k), "obj" | "iobj") || (tree.base_rel(k) == "obl" && matches!(tree.case_marker(k).as_deref(), Some("on" | "upon")))
    });
    let controller = asked.or_else(|| tree.child_with(verb, "nsubj"))?;
    found.iter().position(|f| f.sentence == m.sentence && f.tokens.contains(&controller))
}

/// The mention that authored the statement whose content clause pronoun `i` is the subject of:
/// "Russia's claim that it …", "a Russian announcement that it …", "a statement by X that he …".
fn author_of_content(tree: &SentenceTree, found: &[Found], i: usize) -> Option<usize> {
    let m = &found[i];
    if tree.base_rel(m.head) != "nsubj" {
        return None;
    }
    let clause = tree.head(m.head).filter(|&c| tree.base_rel(c) == "acl" && tree.deprel(c) != "acl:relcl")?;
    let said = tree.has_mark(clause, "that");
    let statement = tree.head(clause).filter(|&n| said && tree.upos(n) == "NOUN")?;
    let author = tree.children(statement).iter().copied().find(|&k| {
        let modifier = matches!(tree.base_rel(k), "amod" | "compound") && tree.upos(k) != "VERB";
        tree.deprel(k) == "nmod:poss" || modifier || (tree.base_rel(k) == "nmod" && tree.case_marker(k).as_deref() == Some("by"))
    })?;
    found.iter().position(|f| f.sentence == m.sentence && f.tokens.contains(&author))
}

/// The subject head of the clause an object pronoun ("him", "them", "it") sits in, its own or
/// the one its clause is controlled by ("called Y to congratulate him"): the pronoun cannot be
/// that subject, a reflexive would be.
fn bound_subject(tree: &SentenceTree, m: &Found) -> Option<u32> {
    if !matches!(tree.base_rel(m.head), "obj" | "iobj" | "obl") {
        return None;
    }
    tree.ancestors(m.head).find_map(|a| tree.child_with(a, "nsubj"))
}

/// "The text … was approved by 19 members. … It asks Grossi …": a singular common noun that is
/// no actor, as the subject of a clause before pronoun `i`, is a likelier "it" than actor `best`
/// when it ranks higher by [`most_salient`]'s order (nearer sentence, subject, first named).
fn thing_outranks(doc: &Document, found: &[Found], i: usize, best: usize) -> bool {
    let (m, b) = (&found[i], &found[best]);
    let rank = |sentence: u32, subject: bool, head: u32, start: u32| {
        let distance = m.sentence - sentence;
        (distance, !subject, if distance == 0 { m.head.abs_diff(head) } else { start })
    };
    let best_rank = rank(b.sentence, b.subject, b.head, b.tokens.start);
    let covered = |k: u32| found.iter().any(|f| f.tokens.contains(&k));
    let first = m.sentence.saturating_sub(WINDOW).max(b.sentence);
    (first..=m.sentence).any(|s| {
        let mut things = doc.sentences[s as usize].tokens.clone().filter(|&k| {
            let w = &doc.syntax[k as usize];
            k < m.head
                && w.deprel.starts_with("nsubj")
                && w.upos == "NOUN"
                && !w.feats.contains("Number=Plur")
                && !covered(k)
                && rank(s, true, k, k) < best_rank
        });
        let Some(first_thing) = things.next() else { return false };
        // "The NATO alliance": a noun compounded with an actor's name is that actor. Only a
        // sentence with a candidate is parsed into a tree.
        let tree = SentenceTree::new(doc, s as usize);
        std::iter::once(first_thing).chain(things).any(|k| !tree.children_with(k, "compound").any(covered))
    })
}

/// Verbs that name or judge a thing: "calling it dangerous", "blaming it on".
const COMMENTING_VERBS: &[&str] =
    &["call", "describe", "label", "term", "brand", "dub", "deem", "consider", "characterize", "characterise", "declare", "blame", "see", "view", "regard"];

/// "rejected the decision, *calling it* dangerous": "it", the object of a participle of naming or
/// judging (`COMMENTING_VERBS`) set off after a clause, is that clause's object when it is a
/// thing: the mention covering it, or its maker's ("Ruto's decision"), or none. ("eased pressure
/// on Tehran, *accusing it* of …" accuses someone.)
fn object_commented_on(tree: &SentenceTree, found: &[Found], i: usize) -> Option<Option<usize>> {
    let m = &found[i];
    let participle = tree.head(m.head).filter(|&v| {
        tree.base_rel(m.head) == "obj" && tree.base_rel(v) == "advcl" && tree.syntax(v).xpos == "VBG" && COMMENTING_VERBS.contains(&tree.lemma(v).to_lowercase().as_str())
    })?;
    let object = tree.head(participle).and_then(|h| tree.child_with(h, "obj")).filter(|&o| tree.upos(o) == "NOUN")?;
    let maker = tree.children(object).iter().copied().find(|&k| tree.deprel(k) == "nmod:poss");
    let named = |k: u32| found.iter().position(|f| f.sentence == m.sentence && f.tokens.contains(&k) && f.code.is_some());
    Some(named(object).or_else(|| maker.and_then(named)))
}

/// The coded mentions conjoined with mention `j` from it on ("Lavrov and Kerry"), `j` first; just
/// `j` when it heads no coordination of coded mentions.
fn conjoined_with(doc: &Document, found: &[Found], j: usize) -> Vec<usize> {
    let m = &found[j];
    if m.code.is_none() {
        return Vec::new();
    }
    // Most mentions are followed by no coded mention of their sentence: no tree needed.
    if !found.get(j + 1).is_some_and(|k| k.sentence == m.sentence && k.code.is_some()) {
        return vec![j];
    }
    let tree = SentenceTree::new(doc, m.sentence as usize);
    if tree.base_rel(m.head) == "conj" {
        return vec![j];
    }
    let heads = tree.conjuncts(m.head);
    let mut out = vec![j];
    out.extend((j + 1..found.len()).take_while(|&k| found[k].sentence == m.sentence).filter(|&k| {
        let k = &found[k];
        k.code.is_some() && k.head != m.head && heads.contains(&k.head) && k.pending == Pending::Nothing
    }));
    out
}

fn definite(doc: &Document, found: &[Found], i: usize, lemma: &str) -> Option<usize> {
    let me = &found[i];
    if me.kind == Kind::State {
        // "… demanding a ban on the country joining NATO": not the demanding country itself.
        let subject_code = clause_subject(doc, found, i);
        let fits = |m: &Found| m.kind == Kind::State && m.code.is_some() && country(&m.code) != country(&subject_code);
        // "Russia massed troops near Ukraine. The country denied …": a country acting is the
        // last country that acted, not the last one named.
        let acted = me.subject.then(|| earlier(found, i).find(|&j| found[j].subject && fits(&found[j]))).flatten();
        return acted.or_else(|| earlier(found, i).find(|&j| fits(&found[j])));
    }
    if me.kind == Kind::Organisation {
        // "the group said": the last organisation, or armed group named by its fighters ("M23
        // rebels").
        let armed = |m: &Found| m.kind == Kind::Group && matches!(m.code.as_deref().and_then(|c| c.get(3..6)), Some("REB" | "UAF"));
        // Else an organisation's officers or members ("NATO Secretary General X … the alliance",
        // "E.U. ambassadors … the bloc").
        let officer = |m: &Found| m.code.as_deref().is_some_and(|c| c.starts_with("IGO"));
        return earlier(found, i)
            .find(|&j| found[j].kind == Kind::Organisation && found[j].code.is_some())
            .or_else(|| earlier(found, i).find(|&j| armed(&found[j])))
            .or_else(|| earlier(found, i).find(|&j| officer(&found[j])));
    }
    if me.kind == Kind::Government {
        // "Colombia's government signed … (eight sentences on) The government's chief
        // negotiator": the last government so named, however far back, before the dateline's;
        // or an international body so named ("The International Court of Justice ordered …
        // Caracas does not recognise the court").
        return (0..i).rev().find(|&j| {
            let m = &found[j];
            let so_named = if m.kind == Kind::Organisation {
                m.code.as_deref().is_some_and(|c| c.starts_with("IGO")) && doc.syntax[m.head as usize].lemma.eq_ignore_ascii_case(lemma)
            } else {
                m.kind == Kind::Government && m.titles.iter().any(|t| t == lemma)
            };
            so_named && m.sentence < me.sentence && m.code.as_deref().is_some_and(|c| c.len() > 3)
        });
    }
    // "the minister" → the last person so titled; "the rebels" → the last group so named, else
    // the last armed group ("the ELN … The rebels deny that", "the RSF … the paramilitaries").
    earlier(found, i)
        .find(|&j| {
            let m = &found[j];
            m.kind == me.kind && matches!(m.kind, Kind::Person | Kind::Group) && m.code.is_some() && m.titles.iter().any(|t| t.contains(lemma))
        })
        .or_else(|| {
            let armed_word = me.kind == Kind::Group && matches!(lemma, "rebel" | "guerrilla" | "insurgent" | "militant" | "paramilitary" | "fighter");
            let armed = |m: &Found| m.code.as_deref().and_then(|c| c.get(3..6)).is_some_and(|s| matches!(s, "REB" | "UAF" | "INS"));
            earlier(found, i).find(|&j| armed_word && matches!(found[j].kind, Kind::Organisation | Kind::Group) && armed(&found[j]))
        })
}

/// The code of the subject of the clause holding mention `i`, if it is a country or government.
fn clause_subject(doc: &Document, found: &[Found], i: usize) -> Option<String> {
    let me = &found[i];
    let tree = SentenceTree::new(doc, me.sentence as usize);
    for a in tree.ancestors(me.head) {
        if let Some(s) = tree.child_with(a, "nsubj") {
            // Only a country acting ("Russia … demanding a ban on the country joining NATO")
            // rules itself out; its soldiers or officials do not.
            return found
                .iter()
                .find(|m| m.head == s && m.sentence == me.sentence && matches!(m.kind, Kind::State | Kind::Government))
                .and_then(|m| m.code.clone());
        }
    }
    None
}

/// The two countries the story has named most often before mention `i` (as states or
/// governments, each at least twice and more often than any third), in text order: whom "both
/// countries" or "the two nuclear-armed rivals" mean when no pair is named nearby.
fn most_named_states(found: &[Found], i: usize) -> Option<Vec<usize>> {
    most_named(found, i, state_or_government, |m| country(&m.code))
}

/// The two parties the story has named most often before mention `i` (states with their
/// governments, international organisations, and armed or political groups by their whole code;
/// not people, civilians or aid groups), on the same terms, leaving out whoever the mention's
/// own sentence has speak or act of them ("Canberra urged both sides"): whom "both sides" mean
/// ("the army" and "the RSF", "Ethiopia" and "Eritrea").
fn most_named_parties<'f>(found: &'f [Found], i: usize) -> Option<Vec<usize>> {
    let me = &found[i];
    let contender = |m: &Found| {
        m.code.as_deref().is_some_and(|c| c.starts_with("IGO") || (c.len() >= 6 && CONTENDING_SECTORS.contains(&&c[c.len() - 3..])))
    };
    // A state's forces fight for it ("Israel struck …, killing commanders of the Revolutionary
    // Guards": the sides are Israel and Iran), unless the story names a group of that country
    // contending with the state (the army and the RSF are two sides).
    let lo = found.partition_point(|m| m.sentence + STORY_WINDOW < me.sentence);
    let story = &found[lo..i];
    let divided: Vec<&str> = story
        .iter()
        .filter(|m| m.kind != Kind::Person && contender(m) && !m.code.as_deref().is_some_and(|k| k.ends_with("GOV") || k.ends_with("MIL")))
        .filter_map(|m| country(&m.code))
        .collect();
    let united: Vec<&str> = story.iter().filter(|m| state_or_government(m)).filter_map(|m| country(&m.code)).filter(|c| !divided.contains(c)).collect();
    let stately = |m: &Found| {
        state_or_government(m) || m.code.as_deref().is_some_and(|k| k.len() == 6 && k.ends_with("MIL") && united.contains(&&k[..3]))
    };
    fn side<'m>(m: &'m Found, stately: bool) -> Option<&'m str> {
        if stately { country(&m.code) } else { m.code.as_deref() }
    }
    let key = |m: &'f Found| side(m, stately(m));
    let bystanders: Vec<&str> = found
        .iter()
        .filter(|m| m.sentence == me.sentence && m.subject && m.tokens.end <= me.tokens.start)
        .filter_map(key)
        .collect();
    let party = |m: &Found| {
        let kind = state_or_government(m) || (!matches!(m.kind, Kind::Person | Kind::Place | Kind::Machine) && contender(m));
        kind && side(m, stately(m)).is_some_and(|k| !bystanders.contains(&k))
    };
    most_named(found, i, party, key)
}

/// Sectors of the parties to a conflict or a negotiation.
const CONTENDING_SECTORS: &[&str] = &["GOV", "MIL", "REB", "OPP", "PTY", "COP", "SPY", "INS", "SEP", "UAF", "MOD", "RAD", "LEG"];

/// The two keys of mentions that fit, named most often before mention `i` within
/// [`STORY_WINDOW`] (each at least twice and more often than any third), as a mention of each in
/// text order (the last naming a state itself, if any).
fn most_named<'f>(found: &'f [Found], i: usize, fits: impl Fn(&Found) -> bool, key: impl Fn(&'f Found) -> Option<&'f str>) -> Option<Vec<usize>> {
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    let lo = found.partition_point(|m| m.sentence + STORY_WINDOW < found[i].sentence);
    for (j, m) in found[..i].iter().enumerate().skip(lo).filter(|(_, m)| fits(m) && m.actor) {
        let Some(c) = key(m) else { continue };
        match counts.iter_mut().find(|(k, ..)| *k == c) {
            Some(entry) => {
                entry.1 += 1;
                if m.kind == Kind::State || found[entry.2].kind != Kind::State {
                    entry.2 = j;
                }
            }
            None => counts.push((c, 1, j)),
        }
    }
    counts.sort_by_key(|&(_, n, last)| std::cmp::Reverse((n, last)));
    match counts[..] {
        [(_, _, ja), (_, b, jb), ..] if b >= 2 && counts.get(2).is_none_or(|&(_, c, _)| c < b) => Some(vec![ja.min(jb), ja.max(jb)]),
        _ => None,
    }
}

/// A state, or its government ("Islamabad", "the Pakistani government"), not its army.
fn state_or_government(m: &Found) -> bool {
    matches!(m.kind, Kind::State | Kind::Government) && m.code.as_deref().is_some_and(|c| c.len() == 3 || (c.len() == 6 && c.ends_with("GOV")))
}

fn country(code: &Option<String>) -> Option<&str> {
    code.as_deref().and_then(|c| c.get(..3))
}

/// Whether mention `m` opens with "both" ("both sides", "both governments").
fn opened_by_both(doc: &Document, m: &Found) -> bool {
    doc.syntax[m.tokens.start as usize].lemma.eq_ignore_ascii_case("both")
}

/// Whether mention `m` is "both sides".
fn both_sides(doc: &Document, m: &Found) -> bool {
    doc.syntax[m.head as usize].lemma == "side" && opened_by_both(doc, m)
}

fn pair(doc: &Document, found: &[Found], i: usize) -> Option<Vec<usize>> {
    let me = &found[i];
    let lemma = doc.syntax[me.head as usize].lemma.to_lowercase();
    let people_first = lemma == "two" || lemma == "both" || PERSON_PAIR_NOUNS.contains(&lemma.as_str());
    // "both armies" are the armies of the story's two states.
    let of_states = matches!(lemma.as_str(), "country" | "nation" | "state" | "neighbour" | "neighbor" | "power" | "superpower" | "government" | "army" | "military");
    let rivals = matches!(lemma.as_str(), "rival" | "foe" | "adversary");
    let wanted: &[fn(&Found) -> bool] = if people_first {
        &[|m| m.kind == Kind::Person, |m| m.kind != Kind::Person]
    } else if of_states {
        &[state_or_government]
    } else if rivals {
        // States, else people ("the two rivals" of a race).
        &[state_or_government, |m| m.kind == Kind::Person]
    } else {
        &[|m| m.kind != Kind::Person, |m| m.kind == Kind::Person]
    };
    // "urged both sides to show restraint": the story's two main parties; with none, "both
    // sides" of a first sentence are the coordination before them ("X and Y signed …,
    // committing both sides"), and "the two sides" may also be the last two named.
    if lemma == "side" {
        if let Some(pair) = most_named_parties(found, i) {
            return Some(pair);
        }
    }
    // "the two nuclear-armed rivals", "mediate between the two countries": the story's main
    // antagonists, wherever named, whoever was coordinated since ("Saudi Arabia and Qatar also
    // denounced the strikes").
    let tree = SentenceTree::new(doc, me.sentence as usize);
    let between = of_states && tree.case_marker(me.head).as_deref() == Some("between");
    if let Some(pair) = most_named_states(found, i).filter(|_| rivals || between) {
        return Some(pair);
    }
    // "Germany and France pledged jets to Poland. The two countries …", "X and Y held talks. The
    // two countries …": the last coordination of two (people, for "the two leaders") names the
    // pair.
    let coordinable = |m: &Found| m.code.is_some() && (!people_first || m.kind == Kind::Person);
    for j in earlier(found, i).filter(|&j| coordinable(&found[j])) {
        if let [first, second] = conjoined_with(doc, found, j)[..] {
            let before_me = earlier(found, i).any(|k| k == second);
            if before_me && coordinable(&found[second]) && country(&found[first].code) != country(&found[second].code) {
                return Some(vec![first, second]);
            }
        }
    }
    if both_sides(doc, me) {
        return None;
    }
    // "both countries", "both governments", "the two neighbours": the story's two main states,
    // unless a pair was just coordinated.
    let counted = (me.tokens.start..me.head).any(|k| matches!(doc.syntax[k as usize].lemma.to_lowercase().as_str(), "two" | "both"));
    if of_states && counted {
        if let Some(pair) = most_named_states(found, i) {
            return Some(pair);
        }
    }
    // "Angola offered to mediate between the two neighbours": not the sentence's own subject
    // nor, for states, any mention of its country ("Brazil, which borders both countries", Brazil
    // named before); not a capital named as a place ("talks in Luanda") nor a place of the
    // sentence itself ("leaders meeting in Barbados urged …").
    // The subject of the nearest clause holding the mention outside its subject (for a relative
    // clause, the noun it describes): in "X and Y agreed …, Z said after hosting talks between
    // the two leaders", Z hosts, X and Y are the leaders; in "Z said the ministers' meeting
    // would …", Z speaks.
    let path: Vec<u32> = std::iter::once(me.head).chain(tree.ancestors(me.head)).collect();
    let speaker = path.windows(2).find_map(|w| tree.child_with(w[1], "nsubj").filter(|&s| s != w[0]));
    let speaker = speaker.map(|s| if matches!(tree.syntax(s).xpos.as_str(), "WDT" | "WP") { tree.relative_antecedent(s).unwrap_or(s) } else { s });
    let speakers = speaker.map(|s| tree.conjuncts(s)).unwrap_or_default();
    let speaks_of_me = |m: &Found| !me.subject && m.sentence == me.sentence && speakers.contains(&m.head);
    let onlookers: Vec<&str> = found.iter().filter(|m| speaks_of_me(m)).filter_map(|m| country(&m.code)).collect();
    let outside = |m: &Found| {
        let onlooker = if m.kind == Kind::Person { speaks_of_me(m) } else { country(&m.code).is_some_and(|c| onlookers.contains(&c)) };
        !onlooker && !(m.located && (m.kind == Kind::Government || m.sentence == me.sentence))
    };
    for fits in wanted {
        let mut picked: Vec<usize> = Vec::new();
        for j in earlier(found, i) {
            let m = &found[j];
            if !fits(m) || m.code.is_none() || !outside(m) {
                continue;
            }
            let key = if m.kind == Kind::Person { m.code.as_deref() } else { country(&m.code) };
            if picked.iter().all(|&p| {
                let q = &found[p];
                let other = if q.kind == Kind::Person { q.code.as_deref() } else { country(&q.code) };
                other != key || (m.kind == Kind::Person && q.entry != m.entry && m.entry.is_some())
            }) {
                picked.push(j);
            }
            if picked.len() == 2 {
                picked.reverse();
                return Some(picked);
            }
        }
    }
    // "urged both countries to exercise restraint", the two named long before.
    if of_states {
        return most_named_states(found, i);
    }
    None
}
