//! Detente's actor lexicon: who is who, with CAMEO codes.
//!
//! An [`ActorLexicon`] holds *entries* — countries, territories, regions, their capitals and
//! metonyms ("the Kremlin"), international organisations, non-state armed groups, agent words
//! ("troops", "foreign ministry") and people with date-ranged roles — and indexes every name of
//! every entry for three kinds of lookup:
//!
//! * by name: [`ActorLexicon::lookup`], [`ActorLexicon::lookup_all`], [`ActorLexicon::resolve`]
//!   (case-insensitive and punctuation-tolerant: "U.S." = "US" = "us"; a leading "the" is ignored);
//! * by kind: [`ActorLexicon::adjective`] ("Russian" → Russia), [`ActorLexicon::agent`]
//!   ("troops" → `MIL`), [`ActorLexicon::by_code`] (`"RUS"` → Russia);
//! * in running text: [`ActorLexicon::match_tokens`] finds leftmost-longest multi-word names in a
//!   token sequence, with case rules that keep "us" and "who" from matching USA and WHO.
//!
//! People are resolved by date ([`Entry::role_on`]): a role whose range holds the date is
//! *current*; otherwise the person is *former* (last role ended before the date) or *not yet* in
//! office. [`Entry::code_on`] gives a code only for a current role, so "Blinken" is `USAGOV` on
//! 2022-01-21 and has no code on 2026-01-01 (his `RoleOn::Former` role is still reported).
//!
//! Our lexicon lives in `lexicon/actors/*.tsv` (format: `lexicon/README.md`) and is embedded in
//! the binary ([`ActorLexicon::builtin`]); [`ActorLexicon::load_dir`] reads a user directory, and
//! [`petrarch`] reads PETRARCH-2 `.actors` / `.agents` dictionaries into the same type.

mod builder;
mod error;
pub mod petrarch;
mod text;
mod tsv;

// foldhash, not SipHash: these tables are looked up for every token.
use foldhash::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;

pub use builder::{BuildReport, FileReport, LexiconBuilder, INTERNATIONAL_PREFIXES, SECTOR_CODES, STATE_SECTORS};
pub use error::{LexiconError, Problem, ProblemKind};
pub use text::normalize;

/// Index of an entry in its lexicon.
pub type EntryId = u32;

/// What an entry stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryKind {
    /// A sovereign state (ISO 3166-1, plus Kosovo, Palestine, Taiwan).
    State,
    /// A dependent territory or special area with its own ISO 3166-1 code.
    Territory,
    /// A CAMEO region or bloc (`WST` the West, `MEA` Middle East, …).
    Region,
    /// A state that no longer exists (Soviet Union, Yugoslavia, …).
    Former,
    /// A country's capital city, coded as its government by metonymy (`Moscow` → `RUSGOV`).
    Capital,
    /// A province, region or city inside a country, coded as the country (`Idlib` → `SYR`).
    Place,
    /// Another metonym ("the Kremlin" → `RUSGOV`, "the Pentagon" → `USAMIL`, "Brussels" → EU).
    Metonym,
    /// An intergovernmental organisation (UN, NATO, EU, …).
    Igo,
    /// A non-governmental organisation (ICRC, Amnesty International, …).
    Ngo,
    /// A non-state armed group (Hamas, Taliban, Islamic State, …).
    ArmedGroup,
    /// A political party (`INDPTY` the BJP); one-party states' ruling parties are their government.
    Party,
    /// An agent (sector) word: "troops" → `MIL`, "foreign ministry" → `GOV`.
    Agent,
    /// A person with date-ranged roles.
    Person,
    /// An actor read from a PETRARCH dictionary (its kind is not recorded there).
    Actor,
}

impl EntryKind {
    /// The country-like kinds that own a code in `countries.tsv`.
    pub fn is_place(self) -> bool {
        matches!(self, EntryKind::State | EntryKind::Territory | EntryKind::Region | EntryKind::Former)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::State => "state",
            EntryKind::Territory => "territory",
            EntryKind::Region => "region",
            EntryKind::Former => "former",
            EntryKind::Capital => "capital",
            EntryKind::Place => "place",
            EntryKind::Metonym => "metonym",
            EntryKind::Igo => "igo",
            EntryKind::Ngo => "ngo",
            EntryKind::ArmedGroup => "armed",
            EntryKind::Party => "party",
            EntryKind::Agent => "agent",
            EntryKind::Person => "person",
            EntryKind::Actor => "actor",
        }
    }
}

impl fmt::Display for EntryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which column (or dictionary line) a name came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// The entry's main name (`name` / `term` column, PETRARCH base phrase).
    Name,
    /// A short name ("Russia", "U.S.").
    Short,
    /// Another name or spelling ("Nato", "Zelensky", "Blinken").
    Alias,
    /// A country adjective ("Russian", "American").
    Adjective,
    /// A demonym ("Russians", "Americans", "Briton").
    Demonym,
    /// A capital city.
    Capital,
    /// A metonym ("Kremlin", "Brussels").
    Metonym,
    /// A plural form of an agent word ("troops", "ministries").
    Plural,
    /// A PETRARCH `+` synonym line.
    Synonym,
}

impl NameKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NameKind::Name => "name",
            NameKind::Short => "short name",
            NameKind::Alias => "alias",
            NameKind::Adjective => "adjective",
            NameKind::Demonym => "demonym",
            NameKind::Capital => "capital",
            NameKind::Metonym => "metonym",
            NameKind::Plural => "plural",
            NameKind::Synonym => "synonym",
        }
    }
}

/// Where an agent's code goes when composed with an actor code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Placement {
    /// After the actor code: "Russian" + "troops" (`~MIL`) → `RUSMIL`. The default.
    #[default]
    Suffix,
    /// Before it: PETRARCH's `[NGO~]`, `[IGO~]`.
    Prefix,
}

/// The file and 1-based line an entry or role was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: Arc<str>,
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One surface name of an entry, as written in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub text: String,
    pub kind: NameKind,
}

/// The day the lexicon's open-ended roles were last checked to be current.
pub const CURRENT_TO: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 26) {
    Some(d) => d,
    None => panic!("CURRENT_TO is a valid date"),
};

/// A code an entry carries, possibly only between two dates (both inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// CAMEO code (`USAGOV`, `IGOWSTNAT`) or, for agents, the sector code (`MIL`, `GOV`).
    pub code: String,
    /// The office held, for people ("Secretary of State").
    pub title: Option<String>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub note: Option<String>,
    pub origin: Origin,
}

impl Role {
    /// No date restriction: the entry's default code.
    pub fn is_undated(&self) -> bool {
        self.start.is_none() && self.end.is_none()
    }

    /// Days from start to end; an open end counts to [`CURRENT_TO`], an open start from the
    /// end (the length is unknown, so it counts as none).
    pub fn days_held(&self) -> i64 {
        let end = self.end.unwrap_or(CURRENT_TO);
        self.start.map_or(0, |s| (end - s).num_days())
    }

    /// The role's range holds `date` (bounds inclusive; a missing bound is open).
    pub fn covers(&self, date: NaiveDate) -> bool {
        !matches!(self.start, Some(s) if s > date) && !matches!(self.end, Some(e) if e < date)
    }
}

/// The standing of an entry on a date; see [`Entry::role_on`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleOn<'a> {
    /// A role valid on the date (a dated role covering it, else the undated default).
    Current(&'a Role),
    /// No role on the date; this is the role that ended most recently before it.
    Former(&'a Role),
    /// No role on the date and none before it; this is the first role after it.
    NotYet(&'a Role),
    /// The entry has no code at all.
    None,
}

impl<'a> RoleOn<'a> {
    /// The role, whatever its standing.
    pub fn role(self) -> Option<&'a Role> {
        match self {
            RoleOn::Current(r) | RoleOn::Former(r) | RoleOn::NotYet(r) => Some(r),
            RoleOn::None => None,
        }
    }

    /// The code of a current role.
    pub fn code(self) -> Option<&'a str> {
        match self {
            RoleOn::Current(r) => Some(&r.code),
            _ => None,
        }
    }
}

/// One actor, organisation, agent word or person.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: EntryId,
    pub kind: EntryKind,
    /// The main name (display form).
    pub name: String,
    /// Every name indexed for this entry, the main name first.
    pub names: Vec<Name>,
    /// Codes in file order; see [`Entry::role_on`] for how a date picks one.
    pub roles: Vec<Role>,
    /// For capitals and metonyms: the country or organisation they stand for.
    pub parent: Option<EntryId>,
    /// For agents: where the code goes when composed with an actor code.
    pub placement: Placement,
    /// ISO 3166-1 alpha-2 code of a state or territory.
    pub iso2: Option<String>,
    pub note: Option<String>,
    pub origin: Origin,
}

impl Entry {
    /// The entry's standing on `date`. The rule, in order:
    ///
    /// 1. the first role (in file order) whose dated range holds `date` → `Current`
    ///    (PETRARCH: "a date restriction listed first overrides the next");
    /// 2. else the first undated role → `Current` (the default code of countries,
    ///    organisations, agents and PETRARCH entries);
    /// 3. else, if some role ended before `date`, the one that ended last → `Former`;
    /// 4. else the role starting first after `date` → `NotYet`;
    /// 5. `None` if the entry has no role.
    pub fn role_on(&self, date: NaiveDate) -> RoleOn<'_> {
        if let Some(r) = self.roles.iter().find(|r| !r.is_undated() && r.covers(date)) {
            return RoleOn::Current(r);
        }
        if let Some(r) = self.roles.iter().find(|r| r.is_undated()) {
            return RoleOn::Current(r);
        }
        let former = self
            .roles
            .iter()
            .filter(|r| r.end.is_some_and(|e| e < date))
            .max_by_key(|r| r.end);
        if let Some(r) = former {
            return RoleOn::Former(r);
        }
        match self.roles.iter().filter(|r| r.start.is_some_and(|s| s > date)).min_by_key(|r| r.start) {
            Some(r) => RoleOn::NotYet(r),
            None => RoleOn::None,
        }
    }

    /// The code valid on `date`, if any (only for a `Current` role).
    pub fn code_on(&self, date: NaiveDate) -> Option<&str> {
        self.role_on(date).code()
    }

    /// The code to use when no date is known: the first undated role, else the role held
    /// longest (ties: the later one). Undated text is mostly archive text, so the Taliban,
    /// in power 1996–2001 and again from 2021, default to the insurgents of the twenty years
    /// between; most people hold one office and default to it.
    pub fn default_code(&self) -> Option<&str> {
        if let Some(r) = self.roles.iter().find(|r| r.is_undated()) {
            return Some(&r.code);
        }
        self.roles.iter().max_by_key(|r| (r.days_held(), r.start)).map(|r| r.code.as_str())
    }

    /// True if a name of this kind is listed for the entry.
    pub fn has_name_kind(&self, kind: NameKind) -> bool {
        self.names.iter().any(|n| n.kind == kind)
    }
}

/// A name found by [`ActorLexicon::lookup_all`].
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a> {
    pub entry: &'a Entry,
    /// How the looked-up name relates to the entry.
    pub kind: NameKind,
}

/// A name resolved on a date by [`ActorLexicon::resolve`].
#[derive(Debug, Clone, Copy)]
pub struct Resolved<'a> {
    pub entry: &'a Entry,
    pub kind: NameKind,
    pub role: RoleOn<'a>,
}

impl<'a> Resolved<'a> {
    /// The code valid on the date, if any.
    pub fn code(&self) -> Option<&'a str> {
        self.role.code()
    }
}

/// A name found in a token sequence by [`ActorLexicon::match_tokens`].
#[derive(Debug, Clone)]
pub struct Match<'a> {
    /// Index of the first token of the name.
    pub start: usize,
    /// Index one past the last token of the name.
    pub end: usize,
    /// The best entry for the name (for [`ActorLexicon::match_tokens_on`], the first one with a
    /// current role on the date).
    pub entry: &'a Entry,
    pub kind: NameKind,
    /// Other entries sharing the name, best first ("Kim" → several people).
    pub alternatives: Vec<&'a Entry>,
}

/// Case check of an optional word requirement (a missing one accepts anything).
trait AcceptsExt {
    fn accepts_or_any(self, shape: text::Shape) -> bool;
}

impl AcceptsExt for Option<&text::WordCase> {
    fn accepts_or_any(self, shape: text::Shape) -> bool {
        match self {
            Some(wc) => wc.accepts(shape),
            None => true,
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub entry: EntryId,
    pub kind: NameKind,
    /// Case requirement per word of the key, for running-text matching.
    pub cases: Box<[text::WordCase]>,
}

#[derive(Debug, Default, Clone)]
pub(crate) struct TrieNode {
    pub children: HashMap<Box<str>, u32>,
    pub group: Option<u32>,
}

/// The actor lexicon. See the crate documentation.
#[derive(Debug, Clone)]
pub struct ActorLexicon {
    pub(crate) entries: Vec<Entry>,
    pub(crate) keys: HashMap<String, u32>,
    pub(crate) groups: Vec<Vec<Candidate>>,
    pub(crate) trie: Vec<TrieNode>,
    pub(crate) codes: HashMap<String, EntryId>,
}

/// The lexicon files compiled into the binary, as (file name, contents).
pub const EMBEDDED_FILES: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../../../lexicon/actors/countries.tsv")),
    ("organisations.tsv", include_str!("../../../lexicon/actors/organisations.tsv")),
    ("agents.tsv", include_str!("../../../lexicon/actors/agents.tsv")),
    ("people.tsv", include_str!("../../../lexicon/actors/people.tsv")),
    ("places.tsv", include_str!("../../../lexicon/actors/places.tsv")),
];

impl ActorLexicon {
    /// The lexicon built from [`EMBEDDED_FILES`], parsed once per process.
    ///
    /// # Panics
    /// If the embedded files are invalid (the crate's tests make sure they are not).
    pub fn builtin() -> &'static ActorLexicon {
        static LEXICON: OnceLock<ActorLexicon> = OnceLock::new();
        LEXICON.get_or_init(|| match ActorLexicon::embedded() {
            Ok(lexicon) => lexicon,
            Err(e) => panic!("the embedded actor lexicon is invalid: {e}"),
        })
    }

    /// Parses the embedded lexicon files afresh.
    pub fn embedded() -> Result<ActorLexicon, LexiconError> {
        ActorLexicon::from_tsv(EMBEDDED_FILES)
    }

    /// Builds a lexicon from in-memory TSV tables, as (file name, contents); the header line of
    /// each decides its table type.
    pub fn from_tsv(files: &[(&str, &str)]) -> Result<ActorLexicon, LexiconError> {
        let mut b = LexiconBuilder::new();
        for (name, text) in files {
            b.add_tsv(name, text);
        }
        b.build().map(|(lex, _)| lex)
    }

    /// Loads every `*.tsv` file of `dir` (sorted by name; the header line of each decides its
    /// table type). Errors name the file and line.
    pub fn load_dir(dir: impl AsRef<Path>) -> Result<ActorLexicon, LexiconError> {
        let mut b = LexiconBuilder::new();
        b.add_tsv_dir(dir.as_ref())?;
        b.build().map(|(lex, _)| lex)
    }

    /// Reads PETRARCH-2 actor and agent dictionaries, in order (a later definition of a phrase
    /// replaces an earlier one, as in PETRARCH). See [`petrarch`].
    pub fn import_petrarch<P: AsRef<Path>>(
        actor_files: &[P],
        agent_files: &[P],
    ) -> Result<(ActorLexicon, BuildReport), LexiconError> {
        let mut b = LexiconBuilder::new();
        for p in actor_files {
            b.add_petrarch_actors_file(p.as_ref())?;
        }
        for p in agent_files {
            b.add_petrarch_agents_file(p.as_ref())?;
        }
        b.build()
    }

    /// All entries, in load order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id as usize]
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of distinct normalised names.
    pub fn name_count(&self) -> usize {
        self.groups.len()
    }

    /// Number of entries of a kind.
    pub fn count(&self, kind: EntryKind) -> usize {
        self.entries.iter().filter(|e| e.kind == kind).count()
    }

    fn group(&self, name: &str) -> &[Candidate] {
        match self.keys.get(&text::normalize(name)) {
            Some(&g) => &self.groups[g as usize],
            None => &[],
        }
    }

    /// Every entry with this name, best first: names of countries, organisations and agents,
    /// then people, then capitals. Case-insensitive; punctuation-tolerant ("U.S." = "US");
    /// a leading "the" is ignored.
    pub fn lookup_all(&self, name: &str) -> Vec<Hit<'_>> {
        self.group(name).iter().map(|c| Hit { entry: self.entry(c.entry), kind: c.kind }).collect()
    }

    /// The best entry with this name (see [`ActorLexicon::lookup_all`]).
    pub fn lookup(&self, name: &str) -> Option<&Entry> {
        self.group(name).first().map(|c| self.entry(c.entry))
    }

    /// Resolves a name on a date: among the entries with the name, the first with a current
    /// role on `date`; if none has one, the best entry with its `Former`/`NotYet` standing.
    pub fn resolve(&self, name: &str, date: NaiveDate) -> Option<Resolved<'_>> {
        let group = self.group(name);
        let pick = |c: &Candidate| {
            let entry = self.entry(c.entry);
            Resolved { entry, kind: c.kind, role: entry.role_on(date) }
        };
        group
            .iter()
            .map(pick)
            .find(|r| matches!(r.role, RoleOn::Current(_)))
            .or_else(|| group.first().map(pick))
    }

    /// The country or region whose adjective (or demonym) this is: "Russian" → Russia.
    pub fn adjective(&self, word: &str) -> Option<&Entry> {
        let group = self.group(word);
        group
            .iter()
            .find(|c| c.kind == NameKind::Adjective)
            .or_else(|| group.iter().find(|c| c.kind == NameKind::Demonym))
            .map(|c| self.entry(c.entry))
    }

    /// The agent entry of a word or phrase, singular or plural: "troops" → `MIL`.
    pub fn agent(&self, word: &str) -> Option<&Entry> {
        self.group(word).iter().map(|c| self.entry(c.entry)).find(|e| e.kind == EntryKind::Agent)
    }

    /// The people with this name or alias.
    pub fn people(&self, name: &str) -> Vec<&Entry> {
        self.group(name).iter().map(|c| self.entry(c.entry)).filter(|e| e.kind == EntryKind::Person).collect()
    }

    /// The country a place name stands in: a country or territory itself, or a capital's
    /// country ("Conakry" → Guinea). `None` for other names and unknown places.
    pub fn country_of_place(&self, name: &str) -> Option<&Entry> {
        let entry = self.lookup(name)?;
        match entry.kind {
            EntryKind::Capital | EntryKind::Place => entry.parent.map(|p| self.entry(p)),
            k if k.is_place() => Some(entry),
            _ => None,
        }
    }

    /// The country, region or organisation that owns a code: `"RUS"` → Russia,
    /// `"IGOWSTNAT"` → NATO.
    pub fn by_code(&self, code: &str) -> Option<&Entry> {
        self.codes.get(code).map(|&id| self.entry(id))
    }

    /// Leftmost-longest matches of lexicon names in a token sequence (token indices, `end`
    /// exclusive).
    ///
    /// Tokens are normalised like names ("U.S." = "US"); tokens made only of `-` `/` `.` `'`
    /// are stepped over inside a name ("al", "-", "Qaeda"); a match starts and ends on token
    /// boundaries, so "pro-Western" does not match "Western" (but "ex-minister" matches "minister"). Case rules for running text: a
    /// lexicon word written in capitals ("US", "WHO", "IS") matches only a text word in
    /// capitals; a capitalised lexicon word ("Turkey", "West") only a capitalised or all-caps
    /// text word, but not a lone short one (a lone "GAO" is an acronym, not the town of Gao; a
    /// headline in capitals is a run of them); a lower-case lexicon word ("troops") any spelling. A leading "the" is not
    /// part of a match.
    pub fn match_tokens(&self, tokens: &[&str]) -> Vec<Match<'_>> {
        self.match_impl(tokens, None)
    }

    /// [`ActorLexicon::match_tokens`], choosing among entries that share a name the first one
    /// with a current role on `date` (e.g. the "Kim" in office).
    pub fn match_tokens_on(&self, tokens: &[&str], date: NaiveDate) -> Vec<Match<'_>> {
        self.match_impl(tokens, Some(date))
    }

    fn match_impl(&self, tokens: &[&str], date: Option<NaiveDate>) -> Vec<Match<'_>> {
        struct Sub {
            word: text::Word,
            token: usize,
            first: bool,
            last: bool,
        }
        let mut subs: Vec<Option<Sub>> = Vec::with_capacity(tokens.len() + 4);
        // Tokens all of whose words are in capitals (none when it has no word).
        let mut all_upper = vec![false; tokens.len()];
        for (i, tok) in tokens.iter().enumerate() {
            let ws = text::words(tok);
            all_upper[i] = !ws.is_empty() && ws.iter().all(|x| x.shape == text::Shape::Upper);
            if ws.is_empty() {
                if !text::is_transparent(tok) {
                    subs.push(None); // a barrier: commas, brackets, quotes
                }
                continue;
            }
            let n = ws.len();
            for (k, w) in ws.into_iter().enumerate() {
                subs.push(Some(Sub { word: w, token: i, first: k == 0, last: k + 1 == n }));
            }
        }
        // "the GAO said": a short word in capitals with none beside it is an acronym, not a
        // capitalised name shouted ("Gao"); a headline in capitals is a run of them, and a
        // longer word is a name set in capitals ("MERCOSUR", "HAMAS").
        let upper = |t: usize| all_upper.get(t).copied().unwrap_or(false);
        let lone_upper: Vec<bool> = subs
            .iter()
            .map(|s| {
                s.as_ref().is_some_and(|s| {
                    s.word.shape == text::Shape::Upper && s.word.text.len() <= 3 && !(s.token > 0 && upper(s.token - 1)) && !upper(s.token + 1)
                })
            })
            .collect();
        let fits = |c: &Candidate, i: usize, depth: usize| {
            (0..=depth).all(|k| {
                let shape = subs[i + k].as_ref().map(|s| s.word.shape).unwrap_or(text::Shape::Lower);
                let case = c.cases.get(k);
                case.accepts_or_any(shape) && !(lone_upper[i + k] && case == Some(&text::WordCase::Cap))
            })
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < subs.len() {
            let Some(s0) = &subs[i] else {
                i += 1;
                continue;
            };
            // A match starts on a token, or inside one after "ex-" ("ex-minister").
            let after_ex = i > 0 && subs[i - 1].as_ref().is_some_and(|p| p.first && p.token == s0.token && p.word.text.eq_ignore_ascii_case("ex"));
            if !s0.first && !after_ex {
                i += 1;
                continue;
            }
            let mut node = 0u32;
            let mut best: Option<(usize, u32, usize)> = None; // (end sub, group, candidate)
            let mut j = i;
            while j < subs.len() {
                let Some(sj) = &subs[j] else { break };
                match self.trie[node as usize].children.get(sj.word.text.as_str()) {
                    Some(&next) => node = next,
                    None => break,
                }
                if sj.last {
                    if let Some(g) = self.trie[node as usize].group {
                        let depth = j - i;
                        let ok = self.groups[g as usize].iter().position(|c| fits(c, i, depth));
                        if let Some(c) = ok {
                            best = Some((j, g, c));
                        }
                    }
                }
                j += 1;
            }
            match best {
                Some((j, g, first_ok)) => {
                    let start = s0.token;
                    let end = subs[j].as_ref().map(|s| s.token).unwrap_or(start) + 1;
                    let depth = j - i;
                    let accepted: Vec<&Candidate> = self.groups[g as usize][first_ok..]
                        .iter()
                        .filter(|c| fits(c, i, depth))
                        .collect();
                    let chosen = match date {
                        Some(d) => accepted
                            .iter()
                            .position(|c| matches!(self.entry(c.entry).role_on(d), RoleOn::Current(_)))
                            .unwrap_or(0),
                        None => 0,
                    };
                    let mut alternatives = Vec::new();
                    for (k, c) in accepted.iter().enumerate() {
                        if k != chosen && c.entry != accepted[chosen].entry {
                            let e = self.entry(c.entry);
                            if !alternatives.iter().any(|a: &&Entry| a.id == e.id) {
                                alternatives.push(e);
                            }
                        }
                    }
                    out.push(Match {
                        start,
                        end,
                        entry: self.entry(accepted[chosen].entry),
                        kind: accepted[chosen].kind,
                        alternatives,
                    });
                    // continue after the last token of the match
                    let last_token = end - 1;
                    i = j + 1;
                    while i < subs.len() && subs[i].as_ref().is_some_and(|s| s.token == last_token) {
                        i += 1;
                    }
                }
                None => i += 1,
            }
        }
        out
    }
}
