//! Pass 1: mention phrases, coded from the lexicon names inside them.

use std::ops::Range;

use chrono::NaiveDate;
use detente_core::{ActorMention, Document, Resolution, SentenceTree, TextSpan};
use detente_lexicon::{ActorLexicon, Entry, EntryId, EntryKind, Match, NameKind, Placement, RoleOn};

use crate::{office_code, split_code};

/// What a mention refers to; drives agreement in coreference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A person: a name, or a singular person noun ("the official").
    Person,
    /// A country or region (also an adjective use: "Western reprisals").
    State,
    /// A government by metonymy ("Washington", "the Kremlin") or an institution ("the ministry").
    Government,
    /// An organisation or armed group.
    Organisation,
    /// A plural group ("troops", "protesters", "the Russians").
    Group,
    /// A place inside a country ("Idlib"), standing for its country.
    Place,
    /// A machine of force ("Israeli drones") standing for whoever operates it; no pronoun
    /// refers to it.
    Machine,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::State => "state",
            Kind::Government => "government",
            Kind::Organisation => "organisation",
            Kind::Group => "group",
            Kind::Place => "place",
            Kind::Machine => "machine",
        }
    }

    /// Referred to by "it"/"its".
    pub(crate) fn is_it(self) -> bool {
        matches!(self, Kind::State | Kind::Government | Kind::Organisation)
    }
}

/// What the coreference pass still has to do for a mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Pending {
    Nothing,
    /// A pronoun (lowercased).
    Pronoun(String),
    /// A lone name of an unknown person that may shorten an earlier full name.
    Surname,
    /// "the minister", "the country": the head lemma.
    Definite(String),
    /// "the two", "both", "the former foes": two earlier actors.
    Pair,
    /// "its leaders", "their forces": the agent of whatever the possessive pronoun (this
    /// token) refers to.
    Possessor(u32),
    /// An unknown all-capitals name ("NAF"): the name it abbreviates in brackets, or an earlier
    /// use of it.
    Acronym,
}

/// A mention under construction.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub tokens: Range<u32>,
    pub head: u32,
    pub sentence: u32,
    pub kind: Kind,
    pub plural: bool,
    /// The mention is a clause subject (salient antecedent).
    pub subject: bool,
    pub in_quote: bool,
    pub code: Option<String>,
    pub entry: Option<EntryId>,
    pub how: Resolution,
    pub pending: Pending,
    /// Lowercased office titles of the person (for "the minister"), or the head lemma.
    pub titles: Vec<String>,
    /// False for a country named only as a place ("the Ukrainian border"): an antecedent for
    /// "the country", never an actor of its own.
    pub actor: bool,
    /// Named as where something happens ("in Tbilisi").
    pub located: bool,
    /// One of a coordination ("Russia, China and Burkina Faso voted against"): no antecedent
    /// for a singular "it".
    pub coordinated: bool,
    /// The agent word (sector or title) of the mention and its tokens, for composing with a
    /// country found later ("the government" → the country in focus).
    pub agent: Option<(EntryId, Range<u32>)>,
}

impl Found {
    pub(crate) fn text_span(&self, doc: &Document) -> TextSpan {
        doc.token_text_span(self.tokens.clone())
    }

    pub(crate) fn into_mention(self, doc: &Document, lexicon: &ActorLexicon) -> ActorMention {
        let ts = self.text_span(doc);
        let (country, sector) = match &self.code {
            Some(c) => split_code(lexicon, c),
            None => (None, None),
        };
        ActorMention {
            text: ts.text,
            span: ts.span,
            sentence: self.sentence,
            tokens: self.tokens,
            head: self.head,
            code: self.code,
            country,
            sector,
            entry: self.entry.map(|id| lexicon.entry(id).name.clone()),
            kind: self.kind.as_str().to_string(),
            how: self.how,
        }
    }
}

/// Pronouns the coreference pass resolves. First and second person are the quotation
/// stage's business (the speaker), not ours.
const PRONOUNS: &[&str] = &[
    "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them", "their",
    "theirs", "themselves",
];

/// Nouns naming where something is, not who acts: "the Ukrainian border" is not an actor.
const PLACE_NOUNS: &[&str] = &[
    "border", "frontier", "territory", "soil", "region", "city", "town", "village", "capital", "coast", "area",
    "airspace", "waters", "sea", "port", "province", "land", "map", "embassy", "consulate", "street", "streets",
    "side", "east", "west", "north", "south", "countryside", "mainland", "peninsula", "island", "enclave",
];

/// Weapons only armed forces use ([`Sentence::operated_by`]). Acts of force ("Russian
/// shelling") are not here: their adjective names the doer, a country.
const WEAPONS: &[&str] = &["drone", "warplane", "bomber", "gunship", "artillery", "missile", "rocket", "tank"];

/// Vehicles that act for the agent named with them ("army helicopters", "navy ships").
const VEHICLES: &[&str] = &["helicopter", "aircraft", "plane", "jet", "ship", "vessel", "boat", "vehicle", "convoy", "patrol"];

/// Posts of a force that stand for it when something is done to them ("attacked an army base",
/// "a police station in Kano"): whose they are is the agent named with them.
const POSTS: &[&str] = &["base", "camp", "barracks", "outpost", "checkpoint", "garrison", "station", "headquarters", "position", "post", "hideout", "stronghold"];

/// Plural nouns that name other actors by their relation: unresolved, but actors.
const RELATIONAL: &[&str] = &["ally", "partner", "neighbour", "neighbor", "friend", "adversary", "rival", "enemy"];

/// Heads of definite descriptions that point back to a country.
/// Not "state": in news it is as often a federal state ("the state went for Obama") or the state
/// apparatus.
const COUNTRY_NOUNS: &[&str] = &["country", "nation", "kingdom", "republic", "sultanate", "emirate"];

/// Heads of definite descriptions that point back to an organisation or armed group ("the group
/// said").
const ORGANISATION_NOUNS: &[&str] = &["group", "organisation", "organization", "movement", "alliance", "bloc"];

/// Private people a place name can say where they are from ("a Berlin man", "a Lebanese
/// woman"): so placed, a capital or country adjective names the country's civilians (`DEUCVL`),
/// not the government seated there.
const RESIDENTS: &[&str] = &["man", "woman", "resident", "native", "boy", "girl", "teenager", "teen", "youth", "couple", "family", "mother", "father"];

/// Two spellings of a given name: the same first two letters, case aside ("Jill" is not "Joe").
fn same_given_name(a: &str, b: &str) -> bool {
    let prefix = |w: &str| w.chars().take(2).flat_map(char::to_lowercase).collect::<String>();
    a.chars().count() >= 2 && prefix(a) == prefix(b)
}

/// Nouns naming people by what they belong to: "opposition supporters" are the opposition.
const AFFILIATION: &[&str] = &["supporter", "member", "loyalist", "follower", "sympathiser", "sympathizer"];

/// Agents who are, by definition, from somewhere else than where they are: "refugees in
/// Lebanon" or "peacekeepers in Mali" are not Lebanese or Malian, so neither the place nor the
/// dateline gives them a country (their origin does: "refugees from Syria").
const FROM_ELSEWHERE: &[&str] = &["refugee", "migrant", "immigrant", "asylum seeker", "peacekeeper", "tourist"];

/// Agent words for people who speak for whom the "for" phrase names ("a spokesman for the UN").
pub(crate) const SPEAKS_FOR: &[&str] = &["spokesman", "spokeswoman", "spokesperson"];

pub(crate) fn from_elsewhere(agent: &Entry) -> bool {
    FROM_ELSEWHERE.contains(&agent.name.as_str())
}

/// Person nouns that make "the two …" a pair of people rather than of countries.
pub(crate) const PERSON_PAIR_NOUNS: &[&str] = &["leader", "president", "minister", "counterpart", "man", "woman", "diplomat"];

/// Plural heads that stand for two actors already named ("the former Cold War foes").
const PAIR_NOUNS: &[&str] = &[
    "two", "both", "foe", "rival", "adversary", "side", "neighbour", "neighbor", "leader", "president",
    "minister", "counterpart", "country", "nation", "power", "superpower", "government", "army", "military",
];

/// Agent words that name an institution rather than a person ("the ministry said" is not "she").
const INSTITUTIONS: &[&str] = &[
    "government", "administration", "regime", "authority", "cabinet", "ministry", "department", "parliament",
    "congress", "senate", "army", "navy", "military", "police", "court", "junta", "council", "party", "agency",
    "office", "presidency", "legislature", "assembly", "committee", "media", "press", "force", "business", "company",
    "opposition", "command", "service", "embassy", "legation", "mission",
];

/// One lexicon name found in a sentence, in document token indices.
struct Name<'a> {
    start: u32,
    end: u32,
    entry: &'a Entry,
    kind: NameKind,
}

impl Name<'_> {
    fn covers(&self, i: u32) -> bool {
        self.start <= i && i < self.end
    }
}

pub(crate) fn find(lexicon: &ActorLexicon, doc: &Document, date: Option<NaiveDate>, in_quote: &[bool]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let first = sentence.tokens.start;
        words.clear();
        words.extend(doc.sentence_tokens(sentence).iter().map(|t| doc.slice(t.span)));
        let matches: Vec<Match<'_>> = match date {
            Some(d) => lexicon.match_tokens_on(&words, d),
            None => lexicon.match_tokens(&words),
        };
        let names: Vec<Name<'_>> = matches
            .iter()
            .map(|m| Name { start: first + m.start as u32, end: first + m.end as u32, entry: m.entry, kind: m.kind })
            .collect();
        let tree = SentenceTree::new(doc, s);
        let ctx = Sentence { lexicon, doc, date, tree: &tree, names: &names, in_quote, sentence: s as u32 };
        let dateline = doc.dateline.as_ref().map(|d| d.span);
        let mut found = Vec::new();
        for h in sentence.tokens.clone() {
            // "CONAKRY, Sept. 6 (DW) -" says where the story was filed, not who acted.
            if dateline.is_some_and(|d| d.contains(doc.tokens[h as usize].span)) {
                continue;
            }
            let before = found.len();
            ctx.mentions_at(h, &mut found);
            found[before..].iter_mut().for_each(|f| ctx.former_officials_are_elites(f));
        }
        // Sentence by sentence: a mention nests only in one of its own sentence.
        drop_nested(&mut found);
        out.append(&mut found);
    }
    out
}

/// A phrase found again inside a larger mention of the same sentence (a title whose parse
/// split it from its name) is not a mention of its own. Equal spans with one head ("the two":
/// one mention per antecedent) stay; equal spans found from two heads ("Secretary-General",
/// split at its hyphen) are one mention, the one at the last head, as English phrases end
/// with their head.
fn drop_nested(found: &mut Vec<Found>) {
    let nested: Vec<bool> = found
        .iter()
        .enumerate()
        .map(|(i, m)| {
            // A country word found from two heads of one phrase ("the ruling Georgian Dream
            // party") is one mention.
            let again = found[..i].iter().any(|o| o.sentence == m.sentence && o.tokens == m.tokens && o.head == m.head && o.code == m.code && o.pending == m.pending);
            again || found.iter().any(|o| {
                let inside = o.tokens.start <= m.tokens.start && m.tokens.end <= o.tokens.end;
                let split_head = o.tokens == m.tokens && o.head > m.head;
                o.sentence == m.sentence && o.actor && ((o.tokens != m.tokens && inside) || split_head)
            })
        })
        .collect();
    let mut k = 0;
    found.retain(|_| {
        k += 1;
        !nested[k - 1]
    });
}

struct Sentence<'a, 'd> {
    lexicon: &'a ActorLexicon,
    doc: &'d Document,
    date: Option<NaiveDate>,
    tree: &'a SentenceTree<'d>,
    names: &'a [Name<'a>],
    in_quote: &'a [bool],
    sentence: u32,
}

impl Sentence<'_, '_> {
    fn mentions_at(&self, h: u32, out: &mut Vec<Found>) {
        let t = self.tree;
        let upos = t.upos(h);
        let rel = t.base_rel(h);
        let form = t.word(h);
        let head_name = self.names.iter().find(|n| n.covers(h));
        let nominal = matches!(upos, "NOUN" | "PROPN" | "PRON")
            || (upos == "NUM" && (form.eq_ignore_ascii_case("two") || form.eq_ignore_ascii_case("both")))
            || (upos == "DET" && form.eq_ignore_ascii_case("both") && matches!(rel, "nsubj" | "obj" | "obl" | "nmod"))
            || (head_name.is_some() && matches!(rel, "nsubj" | "obj" | "obl" | "nmod" | "conj" | "root" | "appos") && !self.conjoined_modifier(h));
        if !nominal {
            return;
        }
        // Lowercased only now: most words are no nominal.
        let lemma = t.lemma(h).to_lowercase();
        let word = form.to_lowercase();
        // A word inside a larger name or compound belongs to its head's phrase.
        if matches!(rel, "compound" | "flat" | "fixed" | "goeswith") {
            if let Some(p) = t.head(h) {
                if matches!(t.upos(p), "NOUN" | "PROPN" | "NUM") {
                    return;
                }
            }
        }
        let plural = t.syntax(h).feats.contains("Number=Plur") || matches!(t.syntax(h).xpos.as_str(), "NNS" | "NNPS");
        let subject = rel.starts_with("nsubj");
        let base = Found {
            tokens: h..h + 1,
            head: h,
            sentence: self.sentence,
            kind: Kind::Person,
            plural,
            subject,
            in_quote: self.in_quote[h as usize],
            code: None,
            entry: None,
            how: Resolution::Unresolved,
            pending: Pending::Nothing,
            titles: Vec::new(),
            actor: true,
            located: false,
            coordinated: rel == "conj" || t.children(h).iter().any(|&c| t.base_rel(c) == "conj"),
            agent: None,
        };
        if upos == "PRON" {
            if PRONOUNS.contains(&word.as_str()) && !self.is_expletive(h) {
                let kind = match word.as_str() {
                    "it" | "its" | "itself" => Kind::State,
                    "they" | "them" | "their" | "theirs" | "themselves" => Kind::Group,
                    _ => Kind::Person,
                };
                out.push(Found { kind, plural: kind == Kind::Group, pending: Pending::Pronoun(word), ..base });
            }
            return;
        }
        let mut tokens = self.phrase(h);
        // "Chinese Foreign Ministry spokeswoman Mao Ning urged …" parsed with the name in
        // apposition right after its title: the title (which defers to the name) is the name's.
        if let Some(title) = self.tree.head(h).filter(|&t| self.tree.base_rel(h) == "appos" && t + 1 == h && self.titles_a_name(t, &["appos", "flat"])) {
            tokens = self.phrase(title).start..tokens.end;
        }
        let parts: Vec<&Name<'_>> =
            self.names.iter().filter(|n| tokens.start <= n.start && n.end <= tokens.end).collect();
        let mut found = Found { tokens: tokens.clone(), ..base };
        // A badly parsed name phrase still names its person: "US Secretary of State X" is X.
        // "Michelle Obama", "Hunter Biden": another given name before a known person's surname
        // is someone else of the family.
        let person = parts.iter().rev().find(|p| p.entry.kind == EntryKind::Person && !self.other_given_name(p)).copied();
        if let Some(p) = person.filter(|p| !p.covers(h)) {
            found.head = p.end - 1;
        }
        // Likewise an unknown person's name inside the phrase: "Chilean Defence Minister X".
        // A name, not the title's own words tagged as one ("Secretary-General").
        let named_word = |k: u32| {
            self.tree.upos(k) != "PUNCT" && !self.is_title(k)
        };
        let unknown_person = self.doc.entities.iter().find(|e| {
            e.label == "PER"
                && tokens.start <= e.tokens.start
                && e.tokens.end <= tokens.end
                && !e.tokens.contains(&h)
                && e.tokens.clone().any(named_word)
        });
        if let (None, Some(e)) = (person, unknown_person) {
            found.head = e.tokens.end - 1;
            self.unnamed(found, &parts, &lemma, out);
            return;
        }
        // "opposition supporters", "army loyalists": people named by what they belong to.
        // The last agent word of the phrase, for a head that stands for it.
        let agent_for = |heads: &[&str]| {
            heads.contains(&lemma.as_str()).then(|| parts.iter().rev().find(|p| p.entry.kind == EntryKind::Agent).copied()).flatten()
        };
        let affiliation = || agent_for(AFFILIATION);
        let post_of = || agent_for(POSTS);
        // "Kuwaiti Minister" parsed as a name with the title flat on the adjective: the title
        // heads the phrase.
        let title_on_country = head_name.filter(|n| is_base(n.entry)).and_then(|n| {
            parts.iter().find(|p| p.entry.kind == EntryKind::Agent && p.start == n.end && t.base_rel(p.start) == "flat" && t.head(p.start) == Some(h)).copied()
        });
        if let Some(title) = title_on_country.filter(|_| person.is_none()) {
            found.head = title.end - 1;
            let lemma = t.lemma(found.head).to_lowercase();
            out.extend(self.agent(found, title, &parts, &lemma));
            return;
        }
        // "the Trump administration", "the Assad regime": an institution named after its leader
        // is the institution (an "it"), coded as the leader is.
        let led_institution = person.is_some_and(|p| p.end <= h) && INSTITUTIONS.contains(&lemma.as_str());
        // "Trump Tower", "the Clinton Foundation", "the Sharon Statement": a capitalised name
        // after a person's is a place, body or text named after them, not the person.
        // The parser may make the name the head ("Trump" with "Tower" flat on it): the phrase's
        // last word decides.
        let last = tokens.end - 1;
        let named_after = person.is_some_and(|p| p.end <= last)
            && !INSTITUTIONS.contains(&t.lemma(last).to_lowercase().as_str())
            && !self.names.iter().any(|n| n.covers(last))
            && t.word(last).starts_with(|c: char| c.is_uppercase())
            && !self.is_title(last);
        // "the Washington Post", "the Moscow Times": a city's name opening a longer one.
        let named_after_city = person.is_none() && head_name.is_some_and(|n| self.opens_another_name(n));
        if named_after || named_after_city {
            out.push(Found { kind: Kind::Organisation, ..found });
            return;
        }
        match person.or(head_name) {
            Some(n) if n.entry.kind != EntryKind::Agent => {
                let mut m = self.named(found, n, &parts);
                if led_institution {
                    m.kind = Kind::Government;
                    m.head = h;
                }
                out.push(m);
            }
            Some(n) => out.extend(self.agent(found, n, &parts, &lemma)),
            None => match affiliation() {
                Some(n) => out.extend(self.agent(found, n, &parts, &lemma)),
                None => match post_of() {
                    // Composed as the agent word would be, but no pronoun refers to it.
                    Some(n) => out.extend(self.agent(found, n, &parts, &lemma).into_iter().map(|f| Found { kind: Kind::Machine, plural: false, ..f })),
                    None => self.unnamed(found, &parts, &lemma, out),
                },
            },
        }
    }

    /// "nuclear and *military* sites": an adjective conjoined with another describes the same
    /// noun and names no actor of its own.
    fn conjoined_modifier(&self, h: u32) -> bool {
        let t = self.tree;
        t.upos(h) == "ADJ" && t.base_rel(h) == "conj" && t.head(h).is_some_and(|p| t.upos(p) == "ADJ")
    }

    /// The mention's tokens: the head with its compounds, adjectives, determiners, numbers and
    /// flat names, widened to whole lexicon names ("Secretary of State").
    fn phrase(&self, h: u32) -> Range<u32> {
        let t = self.tree;
        let (mut lo, mut hi) = (h, h + 1);
        let mut stack = vec![h];
        while let Some(x) = stack.pop() {
            for &c in t.children(x) {
                if (matches!(t.base_rel(c), "compound" | "flat" | "amod" | "det" | "nummod") && t.deprel(c) != "det:poss")
                    || t.deprel(c) == "nmod:desc"
                {
                    // "Fayez al-Sarraj *meanwhile* rejected": a lowercase word closing a name
                    // parsed flat is not part of it ("bin" and "al" inside one are).
                    let last = t.children(x).last() == Some(&c) && t.children(c).iter().all(|&g| g < c);
                    if last && t.base_rel(c) == "flat" && c > x && t.word(c).starts_with(|ch: char| ch.is_lowercase()) {
                        continue;
                    }
                    // "X and Kuwaiti Minister Y *Taweel*": a word after a conjunct is the
                    // conjunct's, however the parser attached it.
                    if t.children(x).iter().any(|&k| x < k && k < c && t.base_rel(k) == "conj") {
                        continue;
                    }
                    lo = lo.min(c);
                    hi = hi.max(c + 1);
                    stack.push(c);
                }
            }
        }
        // "US Secretary of State Antony Blinken": a name in apposition to a title takes the title;
        // an acronym in brackets ("Air Force (NAF)") does not.
        if matches!(t.base_rel(h), "appos" | "flat") && !self.is_bracketed(h) {
            if let Some(p) = t.head(h).filter(|&p| p < h && self.is_title(p)) {
                let title = self.phrase(p);
                lo = lo.min(title.start);
            }
        }
        loop {
            let before = (lo, hi);
            for n in self.names {
                if n.start < hi && lo < n.end {
                    lo = lo.min(n.start);
                    hi = hi.max(n.end);
                }
            }
            if (lo, hi) == before {
                break;
            }
        }
        // "after meeting Estonian Prime Minister X": a country word right before a title is the
        // title's, however the parser attached it.
        let titled = self.names.iter().any(|n| n.start == lo && n.entry.kind == EntryKind::Agent);
        if let Some(country) = self.names.iter().find(|n| titled && n.end == lo && is_base(n.entry)) {
            lo = country.start;
        }
        lo..hi
    }

    /// The head is a lexicon name of an actor: a person, country, capital, organisation.
    fn named(&self, mut f: Found, n: &Name<'_>, parts: &[&Name<'_>]) -> Found {
        f.entry = Some(n.entry.id);
        f.how = Resolution::Lexicon;
        match n.entry.kind {
            EntryKind::Person => {
                f.kind = Kind::Person;
                f.titles = n.entry.roles.iter().filter_map(|r| r.title.as_deref()).map(str::to_lowercase).collect();
                f.code = office_code(n.entry, self.date).map(str::to_string);
                // Without a publication date a person's latest office is a guess; the title in
                // the text ("NATO Secretary General X") is better evidence.
                if f.code.is_none() || self.date.is_none() {
                    // Out of office on the date: the title in the text decides ("former minister").
                    if let Some((code, how)) = self.compose_from_parts(&f, parts) {
                        f.code = Some(code);
                        f.how = how;
                    }
                }
                // Out of office yet titled in the text ("detained President X" the day after the
                // coup): the title's sector in the country of the last office held before the
                // date, or of the first to come.
                let former = || self.says_former(f.tokens.start.saturating_sub(2).max(self.tree.first)..f.tokens.end);
                let last_role = || n.entry.roles.iter().filter(|r| r.start.zip(self.date).map_or(true, |(s, d)| s <= d)).max_by_key(|r| r.end);
                let not_yet = || self.date.map(|d| n.entry.role_on(d)).and_then(|r| if let RoleOn::NotYet(r) = r { Some(r) } else { None });
                if f.code.is_none() && !former() {
                    let title = parts.iter().rev().find(|p| p.entry.kind == EntryKind::Agent);
                    if let Some((title, role)) = title.zip(last_role().or_else(not_yet)) {
                        if let Some(code) = compose(&role.code, title.entry) {
                            f.code = Some(code);
                            f.how = Resolution::Composition { parts: vec![self.span_of(n.start..n.end), self.span_of(title.start..title.end)] };
                        }
                    }
                }
                // "former President X", "ex-Prime Minister Y": CAMEO's elites (ELI) of the country
                // they served, out of office whatever the date; so is a name alone whose offices
                // all ended before the date ("Obama said" in 2020), unless a title the parser
                // split from it says what they are now ("Opposition leader X").
                let titled = self.names.iter().any(|t| t.entry.kind == EntryKind::Agent && t.end == f.tokens.start);
                if former() || (f.code.is_none() && self.date.is_some() && !titled) {
                    let served = f.code.clone().or_else(|| last_role().map(|r| r.code.clone()));
                    let country = served.as_deref().and_then(|c| c.get(..3)).filter(|c| !matches!(*c, "IGO" | "NGO") && !detente_lexicon::SECTOR_CODES.contains(c));
                    if let Some(country) = country {
                        f.code = Some(format!("{country}ELI"));
                    }
                }
                if n.kind == NameKind::Alias && f.tokens.len() == 1 {
                    f.pending = Pending::Surname;
                }
            }
            kind => {
                // "met in Ankara", "fighting in Ukraine": a place where something happens.
                if self.is_locative(f.head) {
                    f.actor = false;
                    f.located = true;
                }
                f.kind = match kind {
                    EntryKind::Capital | EntryKind::Metonym => Kind::Government,
                    EntryKind::Igo | EntryKind::Ngo | EntryKind::ArmedGroup | EntryKind::Party | EntryKind::Actor => Kind::Organisation,
                    EntryKind::Place => Kind::Place,
                    _ if n.kind == NameKind::Demonym => Kind::Group,
                    _ => Kind::State,
                };
                f.plural = f.kind == Kind::Group;
                f.code = office_code(n.entry, self.date).map(str::to_string);
                if n.kind == NameKind::Adjective && f.head + 1 == n.end {
                    if let Some((code, how)) = self.share_conjoined_agent(&f, n) {
                        f.code = Some(code);
                        f.how = how;
                    }
                }
                // "the Pakistani Foreign Office", "Pakistan's Foreign Office": an institution's
                // name under another country's word or possessor is that country's institution.
                if kind == EntryKind::Metonym {
                    let code = f.code.clone().unwrap_or_default();
                    let owner = self.possessor(&f).and_then(|c| self.names.iter().find(|m| m.covers(c) && is_base(m.entry)));
                    let other = parts.iter().copied().filter(|p| p.end <= n.start && is_base(p.entry)).chain(owner).find_map(|p| {
                        let c = office_code(p.entry, self.date)?;
                        (c.len() == 3 && code.len() > 3 && !code.starts_with(c)).then(|| (format!("{c}{}", &code[3..]), p))
                    });
                    if let Some((composed, p)) = other {
                        f.code = Some(composed);
                        f.how = Resolution::Composition { parts: vec![self.span_of(p.start..p.end), self.span_of(n.start..n.end)] };
                    }
                }
            }
        }
        f
    }

    /// The head is an agent word ("troops", "minister", "foreign ministry"): composed with a
    /// country in the phrase or a possessor, else left for coreference or unresolved.
    fn agent(&self, mut f: Found, n: &Name<'_>, parts: &[&Name<'_>], lemma: &str) -> Vec<Found> {
        if self.titles_a_name(f.head, &["appos", "flat"]) {
            // "Defense Minister X" parsed with the name flat under the title: the name is in
            // this phrase, which is the person's; a name in apposition has its own mention,
            // which carries the title.
            let mut out = Vec::new();
            if !f.plural && !self.titles_a_name(f.head, &["appos"]) {
                self.unnamed(f, parts, lemma, &mut out);
            }
            return out;
        }
        let institution = INSTITUTIONS.iter().any(|w| lemma.ends_with(w));
        f.kind = if f.plural {
            Kind::Group
        } else if institution {
            Kind::Government
        } else {
            Kind::Person
        };
        // "opposition lawmakers": the side they are on outranks what they do.
        let n = opposition(parts).filter(|o| o.end <= f.head).unwrap_or(n);
        f.titles = vec![lemma.to_string()];
        f.agent = Some((n.entry.id, n.start..n.end));
        if let Some(found) = self.state_beside_group(&f, parts, n.entry) {
            return found;
        }
        if let Some((code, how)) = self.compose_from_parts(&f, parts) {
            let also = self.compose_with_conjoined(&f, parts, n.entry);
            f.code = Some(code);
            f.how = how;
            let mut out = vec![f.clone()];
            out.extend(also.into_iter().map(|(code, how)| Found { code: Some(code), how, ..f.clone() }));
            return out;
        }
        let mut composed = self.compose_with_possessors(&f, n.entry);
        if composed.is_empty() {
            composed = self.compose_with_places(&f, n.entry);
        }
        if !composed.is_empty() {
            return composed
                .into_iter()
                .map(|(code, how)| Found { code: Some(code), how, ..f.clone() })
                .collect();
        }
        // On any word of the agent's name: "his chief of staff" hangs "his" on "chief".
        if let Some(p) = self.possessor_to_resolve(f.tokens.clone()) {
            f.pending = Pending::Possessor(p);
        } else if f.plural && PAIR_NOUNS.contains(&lemma) && (self.has_definite_article(f.head) || (self.determined_by_both(f.head) && (!PERSON_PAIR_NOUNS.contains(&lemma) || lemma == "leader"))) {
            // "the two leaders", "both governments", "both leaders"; "both ministers" may be any
            // two of those named, and keep their sector.
            f.pending = Pending::Pair;
        } else if self.has_definite_article(f.head) {
            f.pending = Pending::Definite(lemma.to_string());
        } else {
            // A sector without a country: keep the sector, e.g. JRN for "reporters".
            f.code = sector_code(n.entry);
            f.how = Resolution::Lexicon;
            f.entry = Some(n.entry.id);
        }
        vec![f]
    }

    /// No lexicon name at the head: an unknown person, a country word modifying a non-actor
    /// ("Western reprisals"), or a definite description.
    fn unnamed(&self, mut f: Found, parts: &[&Name<'_>], lemma: &str, out: &mut Vec<Found>) {
        let h = f.head;
        let entity = self.doc.entities.iter().find(|e| e.tokens.contains(&h));
        // "Condé, 83": a name of one word, whatever the mention adds to it.
        let one_word_name = f.tokens.len() == 1 || entity.is_some_and(|e| e.tokens.len() == 1);
        let entity = entity.map(|e| e.label.as_str());
        if entity == Some("PER") || (self.tree.upos(h) == "PROPN" && parts.iter().any(|p| p.entry.kind == EntryKind::Agent)) {
            f.kind = Kind::Person;
            let title = parts.iter().rev().find(|p| p.entry.kind == EntryKind::Agent).copied();
            // "Chilean Defence Minister X"; "Ireland's deputy prime minister X", "the minister
            // of Mali X"; else "Defence Minister X" keeps the title's sector without a country.
            let composed = self.compose_from_parts(&f, parts).or_else(|| {
                let title = title?;
                let at_title = Found { head: title.end - 1, ..f.clone() };
                let by_possessor = [&f, &at_title]
                    .into_iter()
                    .find_map(|at| self.compose_with_possessors(at, title.entry).into_iter().next());
                by_possessor.or_else(|| self.compose_with_place(&at_title, title.entry))
            });
            if let Some((code, how)) = composed {
                f.code = Some(code);
                f.how = how;
            } else if let Some((title, code)) = title.and_then(|p| Some((p, sector_code(p.entry)?))) {
                f.code = Some(code);
                f.how = Resolution::Lexicon;
                if let Some(p) = self.possessor_to_resolve(title.start..title.end) {
                    f.pending = Pending::Possessor(p);
                }
            } else if let Some((p, code)) = parts.iter().rev().filter(|p| is_base(p.entry) && !self.opens_another_name(p)).find_map(|p| Some((p, office_code(p.entry, self.date)?))) {
                // "State Department spokesman X", "White House adviser Y": no title the lexicon
                // knows, but whom they speak for; not "Washington Post columnist Z".
                f.code = Some(code.to_string());
                f.how = Resolution::Composition { parts: vec![self.span_of(p.start..p.end)] };
            } else if one_word_name {
                f.pending = Pending::Surname;
            }
            if f.code.is_some() {
                f.titles = parts
                    .iter()
                    .filter(|p| p.entry.kind == EntryKind::Agent)
                    .map(|p| p.entry.name.to_lowercase())
                    .collect();
            }
            f.agent = parts.iter().find(|p| p.entry.kind == EntryKind::Agent).map(|p| (p.entry.id, p.start..p.end));
            out.push(f);
            return;
        }
        let word = self.tree.word(h);
        if f.tokens.len() == 1 && word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase()) {
            f.kind = Kind::Organisation;
            f.pending = Pending::Acronym;
            out.push(f);
            return;
        }
        if let Some(operator) = self.operated_by(&f, parts, lemma) {
            out.push(operator);
            return;
        }
        // "the U.N. Conciliation Commission", "the EU Naval Force": a capitalised body whose name
        // opens with an international organisation's is one of its organs.
        let first_word = (f.tokens.start..h).find(|&k| self.tree.upos(k) != "DET");
        let organ_of = parts.iter().find(|p| p.entry.kind == EntryKind::Igo && Some(p.start) == first_word && p.end <= h);
        if let Some(igo) = organ_of.filter(|_| self.tree.upos(h) == "PROPN") {
            if let Some(code) = office_code(igo.entry, self.date) {
                f.kind = Kind::Organisation;
                f.code = Some(code.to_string());
                f.how = Resolution::Composition { parts: vec![self.span_of(igo.start..igo.end)] };
                out.push(f);
                return;
            }
        }
        let place = PLACE_NOUNS.contains(&lemma);
        let determined = self.has_definite_article(h);
        // "The Southeast Asian nations", "the Gulf states": a place word names the group.
        let named = parts.iter().any(|p| p.entry.kind.is_place());
        // "both countries" as "the two countries", "both sides" as the story's main parties;
        // not "both sides of the border".
        let of_something = lemma == "side" && self.tree.children(h).iter().any(|&c| self.tree.base_rel(c) == "nmod");
        let both = !of_something && self.determined_by_both(h);
        if !place && (lemma == "two" || lemma == "both") && (determined || lemma == "both") || (f.plural && (determined || both) && PAIR_NOUNS.contains(&lemma) && !named) {
            f.kind = Kind::Group;
            f.pending = Pending::Pair;
            out.push(f);
            return;
        }
        // "denied that his country planned to invade": the possessor's country.
        let owner = self.tree.children(h).iter().copied().find(|&c| self.tree.deprel(c) == "nmod:poss" && self.tree.upos(c) == "PRON");
        if let Some(p) = owner.filter(|_| !place && !f.plural && COUNTRY_NOUNS.contains(&lemma) && parts.is_empty()) {
            f.kind = Kind::State;
            f.pending = Pending::Possessor(p);
            out.push(f);
            return;
        }
        if !place && determined && !f.plural && COUNTRY_NOUNS.contains(&lemma) && parts.is_empty() && !self.names_a_condition(h) {
            f.kind = Kind::State;
            f.pending = Pending::Definite(lemma.to_string());
            out.push(f);
            return;
        }
        // "the SITE Intelligence Group" is a name, not "the group".
        let t = self.tree;
        let proper = t.word(h).starts_with(|c: char| c.is_uppercase()) && t.children(h).iter().any(|&c| t.base_rel(c) == "compound");
        if determined && !f.plural && ORGANISATION_NOUNS.contains(&lemma) && parts.is_empty() && !proper {
            f.kind = Kind::Organisation;
            f.pending = Pending::Definite(lemma.to_string());
            out.push(f);
            return;
        }
        // A country or organisation word modifying something that is not an actor is a mention
        // of it ("Western reprisals", "Taliban hideouts"); modifying a place it is only a possible
        // antecedent of "the country".
        for p in parts {
            // "the Tokyo Stock Exchange", "a Beijing Daily editorial": a city's name opening a
            // longer one names no one.
            if self.opens_another_name(p) {
                continue;
            }
            let organisation = matches!(p.entry.kind, EntryKind::Ngo | EntryKind::ArmedGroup | EntryKind::Party);
            if p.entry.kind.is_place() || organisation || matches!(p.entry.kind, EntryKind::Capital | EntryKind::Metonym | EntryKind::Igo) {
                // "a Berlin man", "a Lebanese woman": a private person from there, the country's
                // civilians.
                let resident = RESIDENTS.contains(&lemma);
                let hometown = match p.entry.kind {
                    EntryKind::Capital if resident => p.entry.parent.map(|c| self.lexicon.entry(c)),
                    EntryKind::State if resident && p.kind == NameKind::Adjective => Some(p.entry),
                    _ => None,
                };
                let code = match hometown {
                    Some(country) => office_code(country, self.date).map(|c| format!("{c}CVL")),
                    None => office_code(p.entry, self.date).map(str::to_string),
                };
                let kind = match p.entry.kind {
                    _ if hometown.is_some() => Kind::Group,
                    k if k.is_place() => Kind::State,
                    _ if organisation => Kind::Organisation,
                    _ => Kind::Government,
                };
                out.push(Found {
                    tokens: p.start..p.end,
                    head: p.end - 1,
                    kind,
                    plural: false,
                    subject: false,
                    code,
                    entry: Some(p.entry.id),
                    how: Resolution::Lexicon,
                    actor: !place,
                    ..f.clone()
                });
            }
        }
        if !place && entity == Some("ORG") {
            f.kind = Kind::Organisation;
            out.push(f);
        } else if f.plural && RELATIONAL.contains(&lemma) && parts.is_empty() {
            // "our allies", "its partners": actors we cannot code but an event can name.
            f.kind = Kind::Group;
            out.push(f);
        }
    }

    /// A machine of force acts for whoever the phrase says operates it: "a Venezuelan police
    /// helicopter" is VENCOP, "army tanks" the army's; a weapon only armed forces use
    /// is the military of the country or group named with it ("Israeli drones" ISRMIL, "Hamas
    /// rockets" Hamas), and so is a vehicle of a military model ("Thai F-16 jets"). A vehicle with a country alone ("a Turkish plane") may be anyone's, and
    /// one with no country ("a military vehicle") is a thing, not an actor.
    fn operated_by(&self, f: &Found, parts: &[&Name<'_>], lemma: &str) -> Option<Found> {
        // "a Berlin think tank" is no weapon.
        let think_tank = lemma == "tank" && f.head > self.tree.first && self.tree.word(f.head - 1).eq_ignore_ascii_case("think");
        let vehicle = VEHICLES.contains(&lemma);
        // "Thai *F-16* jets", "Su-25 aircraft": a military model makes the vehicle a weapon.
        let t = self.tree;
        let model = |k: u32| {
            let letters = t.word(k);
            (1..=3).contains(&letters.len())
                && letters.starts_with(|c: char| c.is_ascii_uppercase())
                && letters.chars().all(|c| c.is_ascii_alphabetic())
                && t.word(k + 1) == "-"
                && t.word(k + 2).chars().all(|c| c.is_ascii_digit())
        };
        // "Iranian *air defences* shot down two drones": the units that fire them.
        let air_defence = matches!(lemma, "defence" | "defense") && f.head > t.first && t.word(f.head - 1).eq_ignore_ascii_case("air");
        let weapon = (WEAPONS.contains(&lemma) && !think_tank) || air_defence || (vehicle && (f.tokens.start..f.head.saturating_sub(2)).any(model));
        if !weapon && !vehicle {
            return None;
        }
        // "British-supplied missiles", "US-made jets": the country made or gave the machine;
        // who operates it is not said.
        let maker = |p: &&Name<'_>| {
            t.tokens().contains(&(p.end + 1))
                && t.word(p.end) == "-"
                && matches!(
                    t.word(p.end + 1).to_lowercase().as_str(),
                    "supplied" | "made" | "built" | "provided" | "donated" | "designed" | "manufactured" | "produced" | "funded" | "sourced"
                )
        };
        if parts.iter().any(maker) {
            return None;
        }
        let (code, how) = self.compose_from_parts(f, parts).or_else(|| {
            let base = parts.iter().find(|p| is_base(p.entry)).filter(|_| weapon)?;
            let code = compose(office_code(base.entry, self.date)?, self.lexicon.agent("military")?)?;
            Some((code, Resolution::Composition { parts: vec![self.span_of(base.start..base.end)] }))
        })?;
        Some(Found { code: Some(code), how, kind: Kind::Machine, plural: false, ..f.clone() })
    }

    /// Country (or organisation) + sector from the names inside the phrase.
    fn compose_from_parts(&self, f: &Found, parts: &[&Name<'_>]) -> Option<(String, Resolution)> {
        let base = parts.iter().find(|p| is_base(p.entry))?;
        let agent = opposition(parts)
            .or_else(|| parts.iter().find(|p| p.entry.kind == EntryKind::Agent && p.covers(f.head)).copied())
            .or_else(|| parts.iter().rev().find(|p| p.entry.kind == EntryKind::Agent).copied())?;
        let code = compose(office_code(base.entry, self.date)?, agent.entry)?;
        let parts = vec![self.span_of(base.start..base.end), self.span_of(agent.start..agent.end)];
        Some((code, Resolution::Composition { parts }))
    }

    /// "Armenian and Azerbaijani diplomats": besides the first country word (composed by
    /// [`Self::compose_from_parts`]), one code per country word conjoined to it.
    fn compose_with_conjoined(&self, f: &Found, parts: &[&Name<'_>], agent: &Entry) -> Vec<(String, Resolution)> {
        let Some(first) = parts.iter().find(|p| is_base(p.entry)) else { return Vec::new() };
        let conjuncts = self.tree.conjuncts(first.start);
        parts
            .iter()
            .filter(|p| p.start != first.start && is_base(p.entry) && conjuncts.contains(&p.start))
            .filter_map(|p| {
                let code = compose(office_code(p.entry, self.date)?, agent)?;
                let parts = vec![self.span_of(p.start..p.end), self.span_of(f.head..f.head + 1)];
                Some((code, Resolution::Composition { parts }))
            })
            .collect()
    }

    /// "Russian and US troops" parsed as two conjuncts, "Russian" alone: a lone country
    /// adjective shares the agent word heading the phrase conjoined to it.
    fn share_conjoined_agent(&self, f: &Found, n: &Name<'_>) -> Option<(String, Resolution)> {
        let t = self.tree;
        let conj = t.children(f.head).iter().copied().find(|&c| t.base_rel(c) == "conj")?;
        let agent_at = |k: u32| self.names.iter().find(|a| a.entry.kind == EntryKind::Agent && a.covers(k));
        // The conjunct is the agent phrase, or (parsed apart from it) the country word before it.
        let next = || self.names.iter().find(|c| is_base(c.entry) && c.covers(conj)).and_then(|c| agent_at(c.end));
        let agent = agent_at(conj).or_else(next)?;
        let code = compose(office_code(n.entry, self.date)?, agent.entry)?;
        Some((code, Resolution::Composition { parts: vec![self.span_of(n.start..n.end), self.span_of(agent.start..agent.end)] }))
    }

    /// "Moscow's top diplomats": the agent's country is its possessor; "Washington and
    /// Moscow's diplomats" gives one code per conjoined possessor.
    fn compose_with_possessors(&self, f: &Found, agent: &Entry) -> Vec<(String, Resolution)> {
        let t = self.tree;
        let Some(poss) = self.possessor(f) else {
            return Vec::new();
        };
        std::iter::once(poss)
            .chain(t.children_with(poss, "conj"))
            .filter_map(|p| {
                let name = self.names.iter().find(|n| n.covers(p) && is_base(n.entry))?;
                let code = compose(office_code(name.entry, self.date)?, agent)?;
                let parts = vec![self.span_of(name.start..name.end), self.span_of(f.head..f.head + 1)];
                Some((code, Resolution::Composition { parts }))
            })
            .collect()
    }

    /// The possessor of a mention's phrase: on the head, or on another word of it ("China's
    /// coast guard" parsed with the possessor on "coast").
    fn possessor(&self, f: &Found) -> Option<u32> {
        let t = self.tree;
        let on = |w: u32| t.children(w).iter().copied().find(|&c| t.deprel(c) == "nmod:poss");
        on(f.head).or_else(|| f.tokens.clone().find_map(on))
    }

    /// A possessor of one of `tokens` that coreference must resolve before the agent can be
    /// composed with it: a pronoun ("its leaders", "his chief of staff" with "his" hung on
    /// "chief") or an agent word ("the government's chief negotiator").
    fn possessor_to_resolve(&self, tokens: Range<u32>) -> Option<u32> {
        let t = self.tree;
        let agent_word = |c: u32| t.upos(c) == "NOUN" && self.is_title(c);
        tokens.flat_map(|w| t.children(w).iter().copied()).find(|&c| {
            matches!(t.deprel(c), "nmod:poss" | "det:poss") && (t.upos(c) == "PRON" || agent_word(c))
        })
    }

    /// "it was premature to …", "it is likely that …": an "it" that stands for a clause.
    fn is_expletive(&self, h: u32) -> bool {
        let t = self.tree;
        if t.base_rel(h) == "expl" {
            return true;
        }
        t.word(h).eq_ignore_ascii_case("it")
            && t.base_rel(h) == "nsubj"
            && t.head(h).is_some_and(|p| {
                t.child_with(p, "cop").is_some()
                    && t.children(p).iter().any(|&c| c > p && matches!(t.base_rel(c), "xcomp" | "ccomp" | "csubj"))
            })
    }

    /// A nominal introduced by a locative preposition: a place, not an actor.
    fn is_locative(&self, h: u32) -> bool {
        let t = self.tree;
        matches!(t.base_rel(h), "obl" | "nmod")
            && matches!(
                t.case_marker(h).as_deref(),
                Some("in" | "at" | "near" | "inside" | "across" | "throughout" | "around" | "outside" | "within")
            )
    }

    /// A word of an agent name such as "Secretary of State" or "Presidents".
    fn is_title(&self, h: u32) -> bool {
        self.names.iter().any(|n| n.covers(h) && n.entry.kind == EntryKind::Agent)
    }

    /// The word follows an opening bracket: an acronym ("Air Force (NAF)"), not a name.
    fn is_bracketed(&self, h: u32) -> bool {
        h > self.tree.first && self.tree.word(h - 1) == "("
    }

    /// A person's name hangs off this title ("Presidents Joe Biden and Vladimir Putin").
    fn titles_a_name(&self, h: u32, rels: &[&str]) -> bool {
        let t = self.tree;
        t.children(h).iter().any(|&c| {
            c > h
                && rels.contains(&t.base_rel(c))
                // "Defense Ministry" parsed as a flat name: the title's own word.
                && !self.names.iter().any(|n| n.covers(h) && n.covers(c))
                && !self.is_bracketed(c)
                && (t.upos(c) == "PROPN"
                    || self.names.iter().any(|n| n.covers(c) && n.entry.kind == EntryKind::Person))
        })
    }

    /// "soldiers in Guinea", "troops from Chad", "the army of Mali": a country in a
    /// prepositional modifier of the agent word. Where agents from elsewhere are ("refugees in
    /// Lebanon") is not their country.
    fn compose_with_place(&self, f: &Found, agent: &Entry) -> Option<(String, Resolution)> {
        let name = self.place_of(f, agent)?;
        self.compose_name(f, name, agent)
    }

    /// "the foreign ministers of Congo and Rwanda": the agent composed with each country of the
    /// place phrase, conjuncts included (the parser may hang them on a word inside the first
    /// name: "Republic of *Congo* and Rwanda").
    fn compose_with_places(&self, f: &Found, agent: &Entry) -> Vec<(String, Resolution)> {
        let Some(first) = self.place_of(f, agent) else { return Vec::new() };
        let t = self.tree;
        let conjoined = (first.start..first.end).flat_map(|k| t.children_with(k, "conj")).filter(|c| !first.covers(*c));
        let others = conjoined.filter_map(|c| self.names.iter().find(|n| n.covers(c) && is_base(n.entry)));
        std::iter::once(first).chain(others).filter_map(|name| self.compose_name(f, name, agent)).collect()
    }

    fn compose_name(&self, f: &Found, name: &Name<'_>, agent: &Entry) -> Option<(String, Resolution)> {
        let code = compose(office_code(name.entry, self.date)?, agent)?;
        let parts = vec![self.span_of(name.start..name.end), self.span_of(f.head..f.head + 1)];
        Some((code, Resolution::Composition { parts }))
    }

    /// The country in a prepositional modifier of the agent word (see [`Self::compose_with_place`]).
    fn place_of(&self, f: &Found, agent: &Entry) -> Option<&Name<'_>> {
        let t = self.tree;
        let cases: &[&str] = if from_elsewhere(agent) {
            &["from", "of"]
        } else if SPEAKS_FOR.contains(&agent.name.as_str()) {
            &["for", "of"]
        } else {
            &["in", "from", "of"]
        };
        let places_under = |h: u32| {
            t.children(h).iter().copied().filter(|&c| t.base_rel(c) == "nmod" && t.case_marker(c).is_some_and(|m| cases.contains(&m.as_str())))
        };
        // "the Ministry of Health of Ethiopia": one capitalised "of" phrase further; "Gov. X Y of
        // Nigeria": on the name parsed flat under the title.
        let capitalised = |k: u32| t.word(k).starts_with(|ch: char| ch.is_uppercase());
        let deeper = places_under(f.head).filter(|&c| capitalised(c) && t.case_marker(c).as_deref() == Some("of")).flat_map(places_under);
        let on_name = f.tokens.clone().filter(|&k| k != f.head && t.base_rel(k) == "flat").flat_map(places_under);
        places_under(f.head)
            .chain(deeper)
            .chain(on_name)
            .find_map(|place| self.names.iter().find(|n| n.covers(place) && is_base(n.entry)))
    }

    /// "Congo and M23 rebels": a country's name conjoined with an armed group whose code
    /// already carries the agent's sector names the country itself; the rebels are the
    /// group's. Country adjectives still share the agent ("Congolese and M23 fighters").
    fn state_beside_group(&self, f: &Found, parts: &[&Name<'_>], agent: &Entry) -> Option<Vec<Found>> {
        let group = parts.iter().find(|p| {
            p.entry.kind == EntryKind::ArmedGroup
                && office_code(p.entry, self.date).is_some_and(|c| compose(c, agent).as_deref() == Some(c))
        })?;
        let states: Vec<&&Name<'_>> = parts
            .iter()
            .filter(|p| p.end <= group.start && p.entry.kind.is_place() && p.kind != NameKind::Adjective)
            .filter(|p| self.tree.conjuncts(p.start).iter().any(|&c| group.covers(c)))
            .collect();
        if states.is_empty() {
            return None;
        }
        let mut out: Vec<Found> = states
            .iter()
            .map(|p| Found {
                tokens: p.start..p.end,
                head: p.end - 1,
                kind: Kind::State,
                plural: false,
                code: office_code(p.entry, self.date).map(str::to_string),
                entry: Some(p.entry.id),
                how: Resolution::Lexicon,
                titles: Vec::new(),
                agent: None,
                ..f.clone()
            })
            .collect();
        let tokens = group.start..f.tokens.end;
        let how = Resolution::Composition { parts: vec![self.span_of(group.start..group.end), self.span_of(f.head..f.head + 1)] };
        out.push(Found { tokens, code: office_code(group.entry, self.date).map(str::to_string), how, ..f.clone() });
        Some(out)
    }

    /// Whether noun `h` has "both" for its determiner ("both countries").
    fn determined_by_both(&self, h: u32) -> bool {
        self.tree.children(h).iter().any(|&c| self.tree.base_rel(c) == "det" && self.tree.word(c).eq_ignore_ascii_case("both"))
    }

    fn has_definite_article(&self, h: u32) -> bool {
        let t = self.tree;
        t.children(h).iter().any(|&c| {
            t.base_rel(c) == "det" && matches!(t.word(c).to_lowercase().as_str(), "the" | "this" | "that" | "these" | "those")
        })
    }

    /// "former leader X", "a former army officer": a title held no more makes its holder one of
    /// CAMEO's elites (`ELI`) of the country served (lexicon people get this from their roles).
    fn former_officials_are_elites(&self, f: &mut Found) {
        let Some(code) = f.code.as_deref().filter(|_| f.kind == Kind::Person && matches!(f.how, Resolution::Composition { .. } | Resolution::Lexicon)) else { return };
        let (country, sector) = if code.len() == 3 { ("", code) } else { code.split_at(3) };
        if self.says_former(f.tokens.start..f.head) && detente_lexicon::STATE_SECTORS.contains(&sector.get(..3).unwrap_or_default()) && !detente_lexicon::SECTOR_CODES.contains(&country) {
            f.code = Some(format!("{country}ELI"));
        }
    }

    /// Person name `p` is only a surname the lexicon knows, after a given name of someone else:
    /// a capitalised word that is no lexicon name, title or honorific ("Mrs.", "Secretary").
    fn other_given_name(&self, p: &Name<'_>) -> bool {
        const HONORIFICS: &[&str] = &[
            "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "sheikh", "mister", "madam", "madame", "secretary", "chairman",
            "chairwoman", "chair", "speaker", "deputy", "vice", "chief", "prince", "princess", "crown", "emir", "pope", "justice", "rabbi",
            "imam", "father", "saint", "comrade", "citizen",
        ];
        if p.kind != NameKind::Alias || p.start == self.tree.first {
            return false;
        }
        let k = p.start - 1;
        let word = self.tree.word(k);
        let lower = word.to_lowercase();
        self.tree.upos(k) == "PROPN"
            && word.len() > 2
            && word.chars().all(char::is_alphabetic)
            && word.starts_with(|c: char| c.is_uppercase())
            && !HONORIFICS.contains(&lower.as_str())
            && self.lexicon.agent(&lower).is_none()
            && !self.names.iter().any(|n| n.covers(k))
            // "Mohamed Farmaajo" for "Mohamed Abdullahi Farmaajo": a given name of the entry's own,
            // however spelt ("Omer" for "Omar", "Vladimir" for "Vlad": the first two letters).
            && !p.entry.names.iter().any(|n| n.text.split(' ').any(|w| same_given_name(w, word)))
    }

    /// Capital `p` opens a longer name the lexicon does not know ("*Washington* Post", "*Moscow*
    /// Times"): the capitalised word after it is no lexicon name nor title.
    fn opens_another_name(&self, p: &Name<'_>) -> bool {
        if p.entry.kind != EntryKind::Capital {
            return false;
        }
        let next = p.end;
        if next >= self.tree.tokens().end {
            return false;
        }
        let word = self.tree.word(next);
        // Nor a date ("Moscow Monday said").
        let date = word.parse::<chrono::Weekday>().is_ok() || word.parse::<chrono::Month>().is_ok();
        self.tree.upos(next) == "PROPN"
            && word.starts_with(|c: char| c.is_uppercase())
            && !date
            && !self.names.iter().any(|n| n.covers(next))
            && !self.is_title(next)
    }

    /// Whether a word of `tokens` says an office is held no more: "former", "ex", "ex-…", "late".
    fn says_former(&self, tokens: Range<u32>) -> bool {
        tokens.into_iter().any(|k| {
            let w = self.tree.word(k).to_lowercase();
            matches!(w.as_str(), "former" | "ex" | "late") || w.starts_with("ex-")
        })
    }

    /// "the state *of emergency*", "the state of the economy": a state of something common is a
    /// condition, not a country ("the State of Israel" names one).
    fn names_a_condition(&self, h: u32) -> bool {
        let t = self.tree;
        t.children(h).iter().any(|&c| t.base_rel(c) == "nmod" && t.upos(c) == "NOUN" && t.case_marker(c).as_deref() == Some("of"))
    }

    fn span_of(&self, tokens: Range<u32>) -> TextSpan {
        self.doc.token_text_span(tokens)
    }
}

/// An "opposition" word among the phrase's agents: it says which side the agent is on.
fn opposition<'n, 'a>(parts: &[&'n Name<'a>]) -> Option<&'n Name<'a>> {
    parts.iter().copied().find(|p| p.entry.kind == EntryKind::Agent && p.entry.default_code() == Some("OPP"))
}

/// Entries that can carry a sector: countries and places in them ("Donetsk separatists"),
/// capitals and metonyms, organisations.
fn is_base(e: &Entry) -> bool {
    e.kind.is_place()
        || matches!(e.kind, EntryKind::Capital | EntryKind::Place | EntryKind::Metonym | EntryKind::Igo | EntryKind::Ngo | EntryKind::ArmedGroup | EntryKind::Party)
}

/// An agent's sector code on its own ("reporters" → `JRN`), without the placement mark of
/// `NGO~`.
pub(crate) fn sector_code(agent: &Entry) -> Option<String> {
    agent.default_code().map(|c| c.trim_end_matches('~').to_string())
}

/// `base` (a country or organisation code, possibly with a sector already: `RUSGOV` for
/// "Moscow") composed with an agent's sector: RUS + MIL → `RUSMIL`; `NGO~` goes first.
pub(crate) fn compose(base: &str, agent: &Entry) -> Option<String> {
    // A bare sector ("GOV" of a title with no country) is nobody to compose with.
    if detente_lexicon::SECTOR_CODES.contains(&base) {
        return None;
    }
    let sector = agent.default_code()?.trim_end_matches('~');
    // "the UN envoy", "EU diplomats": an organisation's officials are the organisation; "Hamas
    // commanders" are Hamas (PSEREBHMS already has its sector).
    let has_sector = base.len() > 6 && base.get(3..6).is_some_and(|s| detente_lexicon::SECTOR_CODES.contains(&s));
    // "Boko Haram fighters": an armed group's fighters are the group (NGAREB, not NGAUAF). A
    // state's army is no such group: rebels of the country in focus of "the Congolese army" are
    // CODREB.
    let armed = |code: &str| matches!(code, "REB" | "INS" | "UAF" | "MIL");
    let armed_group = base.len() == 6 && armed(&base[3..]) && &base[3..] != "MIL";
    let group_fighters = armed(sector) && armed_group;
    // "the ELN's lead negotiator", "the rebels' spokesman": its officials too.
    let group_officials = sector == "GOV" && armed_group;
    // "BJP leaders", "Likud lawmakers": a party's people are the party.
    let party = base.len() == 6 && &base[3..] == "PTY";
    if (base.starts_with("IGO") && sector == "GOV") || has_sector || group_fighters || group_officials || party {
        return Some(base.to_string());
    }
    let country = if base.len() > 3 && detente_lexicon::SECTOR_CODES.contains(&&base[base.len() - 3..]) {
        &base[..base.len() - 3]
    } else {
        base
    };
    Some(match agent.placement {
        Placement::Prefix => format!("{sector}{country}"),
        Placement::Suffix => format!("{country}{sector}"),
    })
}
