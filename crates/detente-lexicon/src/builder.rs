//! Collects entries and names from any number of files, checks them, and builds the indexes.

// foldhash, not SipHash: these tables are looked up for every token.
use foldhash::{HashMap, HashMapExt};
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use crate::error::{LexiconError, Problem, ProblemKind};
use crate::text::{self, WordCase};
use crate::{ActorLexicon, Candidate, Entry, EntryId, EntryKind, NameKind, Origin, Placement, Role, TrieNode};

/// CAMEO sector (role) codes accepted after a country or organisation code. Domestic role codes
/// (COP GOV INS JUD MIL OPP REB SEP SPY UAF), primary/secondary role codes (AGR BUS CRM CVL DEV
/// EDU ELI ENV HLH HRI LAB LEG MED MOD RAD REF REL), party (PTY) and the organisation types
/// (IGO NGO IMG MNC).
pub const SECTOR_CODES: &[&str] = &[
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL", "DEV", "EDU",
    "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "MOD", "RAD", "REF", "REL", "PTY", "IGO", "NGO", "IMG", "MNC",
];

/// The sectors that act for a country's state (its government, armed forces, police, courts,
/// legislature, intelligence): `RUS` = `RUSGOV` = `RUSMIL` as one side of an event, and their
/// former members are elites (`ELI`).
pub const STATE_SECTORS: &[&str] = &["GOV", "MIL", "COP", "JUD", "LEG", "SPY"];

/// Prefixes that may start a code without being a country: international organisations,
/// NGOs, international militarised groups, multinational corporations.
pub const INTERNATIONAL_PREFIXES: &[&str] = &["IGO", "NGO", "IMG", "MNC"];

/// Counts of what one file contributed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileReport {
    pub file: String,
    /// `countries`, `organisations`, `agents`, `people`, `petrarch-actors`, `petrarch-agents`.
    pub format: String,
    /// Entries created (capitals and metonyms included; a person counts once).
    pub entries: usize,
    /// Names (phrases) indexed, plurals and PETRARCH synonyms included.
    pub names: usize,
    /// Codes (roles) read.
    pub roles: usize,
    /// Of those, roles with a date restriction.
    pub dated_roles: usize,
    /// PETRARCH: phrases that replaced an earlier definition of the same phrase.
    pub overridden: usize,
    /// PETRARCH agents: plural forms generated or listed in `{}`.
    pub plurals: usize,
    /// PETRARCH agents: forms generated from `!MARKER!` substitution sets.
    pub substitutions: usize,
}

/// What a build read: per-file counts and non-fatal warnings (PETRARCH dictionaries are read
/// leniently, as PETRARCH does; every oddity is reported here with its file and line).
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    pub files: Vec<FileReport>,
    pub warnings: Vec<Problem>,
}

impl fmt::Display for BuildReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<36} {:<16} {:>8} {:>8} {:>8} {:>8} {:>10}", "file", "format", "entries", "names", "codes", "dated", "overridden")?;
        for r in &self.files {
            let name = std::path::Path::new(&r.file).file_name().map(|n| n.to_string_lossy().into_owned());
            writeln!(
                f,
                "{:<36} {:<16} {:>8} {:>8} {:>8} {:>8} {:>10}",
                name.unwrap_or_else(|| r.file.clone()),
                r.format, r.entries, r.names, r.roles, r.dated_roles, r.overridden
            )?;
        }
        write!(f, "{} warning(s)", self.warnings.len())
    }
}

/// Builds an [`ActorLexicon`] from our TSV tables and/or PETRARCH dictionaries.
#[derive(Debug, Default)]
pub struct LexiconBuilder {
    pub(crate) entries: Vec<Entry>,
    imported: Vec<bool>,
    pub(crate) problems: Vec<Problem>,
    pub(crate) warnings: Vec<Problem>,
    keys: HashMap<String, u32>,
    groups: Vec<Vec<(Candidate, Origin)>>,
    pub(crate) place_codes: HashMap<String, EntryId>,
    pub(crate) org_codes: HashMap<String, EntryId>,
    pub(crate) people: HashMap<String, EntryId>,
    pub(crate) person_codes: Vec<(String, Origin)>,
    pub(crate) files: Vec<FileReport>,
}

impl LexiconBuilder {
    pub fn new() -> LexiconBuilder {
        LexiconBuilder::default()
    }

    /// Adds one TSV table; its header line decides whether it is countries, organisations,
    /// agents or people. Problems are collected and reported by [`LexiconBuilder::build`].
    pub fn add_tsv(&mut self, file: &str, text: &str) {
        crate::tsv::load(self, file, text);
    }

    /// Adds every `*.tsv` file of a directory. Tables are loaded countries first, then
    /// organisations, agents and people (each group sorted by file name), so codes can be
    /// checked against the countries and organisations whatever the file names.
    pub fn add_tsv_dir(&mut self, dir: &Path) -> Result<(), LexiconError> {
        let rd = std::fs::read_dir(dir).map_err(|source| LexiconError::Io { path: dir.to_path_buf(), source })?;
        let mut files = Vec::new();
        for item in rd {
            let item = item.map_err(|source| LexiconError::Io { path: dir.to_path_buf(), source })?;
            let path = item.path();
            if path.extension().is_some_and(|e| e == "tsv") && path.is_file() {
                let text = std::fs::read_to_string(&path).map_err(|source| LexiconError::Io { path: path.clone(), source })?;
                files.push((path, text));
            }
        }
        files.sort_by(|a, b| a.0.cmp(&b.0));
        files.sort_by_key(|(_, text)| crate::tsv::table_rank(text));
        for (path, text) in &files {
            self.add_tsv(&path.display().to_string(), text);
        }
        Ok(())
    }

    /// Adds a PETRARCH-2 actor dictionary (see [`crate::petrarch`]).
    pub fn add_petrarch_actors(&mut self, file: &str, text: &str) {
        crate::petrarch::load_actors(self, file, text);
    }

    /// Adds a PETRARCH-2 agent dictionary (see [`crate::petrarch`]).
    pub fn add_petrarch_agents(&mut self, file: &str, text: &str) {
        crate::petrarch::load_agents(self, file, text);
    }

    /// Reads and adds a PETRARCH actor dictionary file (bytes that are not UTF-8 are replaced).
    pub fn add_petrarch_actors_file(&mut self, path: &Path) -> Result<(), LexiconError> {
        let text = read_lossy(path)?;
        self.add_petrarch_actors(&path.display().to_string(), &text);
        Ok(())
    }

    /// Reads and adds a PETRARCH agent dictionary file.
    pub fn add_petrarch_agents_file(&mut self, path: &Path) -> Result<(), LexiconError> {
        let text = read_lossy(path)?;
        self.add_petrarch_agents(&path.display().to_string(), &text);
        Ok(())
    }

    pub(crate) fn problem(&mut self, file: &str, line: usize, kind: ProblemKind, message: impl Into<String>) {
        self.problems.push(Problem { file: file.to_string(), line, kind, message: message.into() });
    }

    pub(crate) fn warn(&mut self, file: &str, line: usize, kind: ProblemKind, message: impl Into<String>) {
        self.warnings.push(Problem { file: file.to_string(), line, kind, message: message.into() });
    }

    /// Creates an entry with no names; returns its id.
    pub(crate) fn push_entry(&mut self, kind: EntryKind, name: &str, origin: Origin, imported: bool) -> EntryId {
        let id = self.entries.len() as EntryId;
        self.entries.push(Entry {
            id,
            kind,
            name: name.to_string(),
            names: Vec::new(),
            roles: Vec::new(),
            parent: None,
            placement: Placement::Suffix,
            iso2: None,
            note: None,
            origin,
        });
        self.imported.push(imported);
        id
    }

    pub(crate) fn entry_mut(&mut self, id: EntryId) -> &mut Entry {
        &mut self.entries[id as usize]
    }

    pub(crate) fn add_role(&mut self, id: EntryId, role: Role) {
        self.entries[id as usize].roles.push(role);
    }

    /// Indexes `surface` as a name of entry `id`. Returns how many earlier PETRARCH definitions
    /// it replaced, or `None` if the name was rejected (a problem has been recorded).
    pub(crate) fn add_name(&mut self, id: EntryId, surface: &str, kind: NameKind, origin: &Origin) -> Option<usize> {
        let imported = self.imported[id as usize];
        let ws = text::strip_article(text::words(surface));
        if ws.is_empty() {
            let msg = format!("name {surface:?} has no letters or digits");
            if imported {
                self.warn(&origin.file, origin.line, ProblemKind::Syntax, format!("{msg}; skipped"));
            } else {
                self.problem(&origin.file, origin.line, ProblemKind::BadValue, msg);
            }
            return None;
        }
        let key = ws.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ");
        let cases: Box<[WordCase]> = if imported {
            vec![WordCase::Any; ws.len()].into()
        } else {
            ws.iter().map(WordCase::of_word).collect()
        };
        let g = match self.keys.get(&key) {
            Some(&g) => g,
            None => {
                let g = self.groups.len() as u32;
                self.groups.push(Vec::new());
                self.keys.insert(key.clone(), g);
                g
            }
        };
        let my_kind = self.entries[id as usize].kind;
        let mut replaced = 0;
        let group = &self.groups[g as usize];
        if group.iter().any(|(c, _)| c.entry == id && c.kind == kind) {
            return Some(0);
        }
        if !group.iter().any(|(c, _)| c.entry == id) {
            if imported {
                // PETRARCH: a later definition of the same phrase replaces the earlier one
                // (actors and agents are separate dictionaries).
                let is_agent = my_kind == EntryKind::Agent;
                let before = group.len();
                let entries = &self.entries;
                let imported_flags = &self.imported;
                self.groups[g as usize].retain(|(c, _)| {
                    !(imported_flags[c.entry as usize] && (entries[c.entry as usize].kind == EntryKind::Agent) == is_agent)
                });
                replaced = before - self.groups[g as usize].len();
            } else if exclusive(kind, my_kind) {
                let clash = self.groups[g as usize].iter().find(|(c, _)| {
                    !self.imported[c.entry as usize] && exclusive(c.kind, self.entries[c.entry as usize].kind)
                });
                if let Some((c, o)) = clash {
                    let other = &self.entries[c.entry as usize];
                    let msg = format!(
                        "duplicate name {surface:?}: already the {} of {} {:?} ({o})",
                        c.kind.as_str(),
                        other.kind,
                        other.name
                    );
                    self.problem(&origin.file, origin.line, ProblemKind::Duplicate, msg);
                    return None;
                }
            }
        }
        self.groups[g as usize].push((Candidate { entry: id, kind, cases }, origin.clone()));
        self.entries[id as usize].names.push(crate::Name { text: surface.trim().to_string(), kind });
        Some(replaced)
    }

    /// Checks cross-file references and builds the lexicon.
    pub fn build(mut self) -> Result<(ActorLexicon, BuildReport), LexiconError> {
        // People's codes: a known country/territory/region or organisation code, then sectors.
        let checks = std::mem::take(&mut self.person_codes);
        let have_places = !self.place_codes.is_empty();
        for (code, origin) in checks {
            if let Err(msg) = self.check_code(&code, have_places) {
                self.problem(&origin.file, origin.line, ProblemKind::BadCode, msg);
            }
        }
        if !self.problems.is_empty() {
            let mut problems = self.problems;
            problems.sort_by(|a, b| (a.file.as_str(), a.line).cmp(&(b.file.as_str(), b.line)));
            return Err(LexiconError::Invalid(problems));
        }
        let entries = self.entries;
        let mut groups: Vec<Vec<Candidate>> = Vec::with_capacity(self.groups.len());
        for g in self.groups {
            let mut cands: Vec<Candidate> = g.into_iter().map(|(c, _)| c).collect();
            cands.sort_by_key(|c| priority(c.kind, entries[c.entry as usize].kind));
            groups.push(cands);
        }
        // Drop names whose every candidate was replaced (PETRARCH overrides) from the index.
        let mut trie = vec![TrieNode::default()];
        let mut keys = HashMap::with_capacity(self.keys.len());
        for (key, g) in self.keys {
            if groups[g as usize].is_empty() {
                continue;
            }
            let mut node = 0usize;
            for w in key.split(' ') {
                let next = match trie[node].children.get(w) {
                    Some(&n) => n as usize,
                    None => {
                        let n = trie.len();
                        trie.push(TrieNode::default());
                        trie[node].children.insert(w.into(), n as u32);
                        n
                    }
                };
                node = next;
            }
            trie[node].group = Some(g);
            keys.insert(key, g);
        }
        let mut codes = self.place_codes;
        for (code, id) in self.org_codes {
            codes.entry(code).or_insert(id);
        }
        let lexicon = ActorLexicon { entries, keys, groups, trie, codes };
        Ok((lexicon, BuildReport { files: self.files, warnings: self.warnings }))
    }

    fn check_code(&self, code: &str, have_places: bool) -> Result<(), String> {
        check_code_shape(code)?;
        if !have_places {
            return Ok(());
        }
        let mut len = code.len();
        while len >= 3 {
            let base = &code[..len];
            if self.place_codes.contains_key(base) || self.org_codes.contains_key(base) || INTERNATIONAL_PREFIXES.contains(&base) {
                let rest = &code[len..];
                for chunk in chunks(rest) {
                    if !SECTOR_CODES.contains(&chunk) {
                        return Err(format!(
                            "bad code {code:?}: {chunk:?} after {base:?} is not a CAMEO sector code ({})",
                            SECTOR_CODES.join(" ")
                        ));
                    }
                }
                return Ok(());
            }
            len -= 3;
        }
        Err(format!("bad code {code:?}: {:?} is not a country, region or organisation code of the lexicon", &code[..3]))
    }

    pub(crate) fn new_report(&mut self, file: &str, format: &str) -> usize {
        self.files.push(FileReport { file: file.to_string(), format: format.to_string(), ..FileReport::default() });
        self.files.len() - 1
    }
}

/// A name that may belong to only one entry of our own tables.
fn exclusive(kind: NameKind, entry: EntryKind) -> bool {
    kind != NameKind::Capital && !matches!(entry, EntryKind::Person | EntryKind::Capital | EntryKind::Place)
}

/// Order of entries sharing a name: countries, organisations, metonyms and agents first, then
/// people, then capitals and other places.
fn priority(kind: NameKind, entry: EntryKind) -> u8 {
    if matches!(entry, EntryKind::Capital | EntryKind::Place) || kind == NameKind::Capital {
        2
    } else if entry == EntryKind::Person {
        1
    } else {
        0
    }
}

/// The 3-letter chunks of a code.
pub(crate) fn chunks(code: &str) -> impl Iterator<Item = &str> {
    (0..code.len() / 3).map(move |i| &code[i * 3..i * 3 + 3])
}

/// A CAMEO code: 3 to 15 capital letters (or digits), a multiple of 3 long.
pub(crate) fn check_code_shape(code: &str) -> Result<(), String> {
    if code.is_empty() {
        return Err("empty code".to_string());
    }
    if !code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
        return Err(format!("bad code {code:?}: only capital letters A-Z and digits are allowed"));
    }
    // `%`, not `is_multiple_of`: the workspace supports Rust 1.80
    #[allow(clippy::manual_is_multiple_of)]
    let bad_len = code.len() % 3 != 0 || code.len() > 15;
    if bad_len {
        return Err(format!("bad code {code:?}: a CAMEO code is made of 3-letter parts (3 to 15 letters)"));
    }
    Ok(())
}

pub(crate) fn origin(file: &Arc<str>, line: usize) -> Origin {
    Origin { file: file.clone(), line }
}

fn read_lossy(path: &Path) -> Result<String, LexiconError> {
    let bytes = std::fs::read(path).map_err(|source| LexiconError::Io { path: path.to_path_buf(), source })?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

