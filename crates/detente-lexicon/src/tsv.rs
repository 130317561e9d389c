//! Our own lexicon tables (`lexicon/actors/*.tsv`); the format is documented in
//! `lexicon/README.md`.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::builder::{check_code_shape, chunks, origin, LexiconBuilder, SECTOR_CODES};
use crate::error::ProblemKind;
use crate::{EntryKind, NameKind, Placement, Role};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    Countries,
    Organisations,
    Agents,
    People,
    Places,
}

const COUNTRIES: &[&str] =
    &["code", "kind", "iso2", "name", "short_names", "adjectives", "demonyms", "capital", "metonyms", "note"];
const ORGANISATIONS: &[&str] = &["code", "kind", "name", "aliases", "metonyms", "note"];
const AGENTS: &[&str] = &["term", "plural", "code", "note"];
const PEOPLE: &[&str] = &["name", "aliases", "code", "role", "start", "end", "note"];
const PLACES: &[&str] = &["country", "name", "aliases", "note"];

impl Table {
    fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Countries => COUNTRIES,
            Table::Organisations => ORGANISATIONS,
            Table::Agents => AGENTS,
            Table::People => PEOPLE,
            Table::Places => PLACES,
        }
    }

    /// Columns a row must have: the rest may be left off (with their tabs) when empty.
    fn required(self) -> usize {
        match self {
            Table::Countries => 4,
            Table::Organisations => 3,
            Table::Agents => 3,
            Table::People => 5,
            Table::Places => 2,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Table::Countries => "countries",
            Table::Organisations => "organisations",
            Table::Agents => "agents",
            Table::People => "people",
            Table::Places => "places",
        }
    }
}

/// The data lines of a table: (1-based line number, line), comments and blank lines removed.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

fn detect(header: &str) -> Option<Table> {
    let cells: Vec<String> = header.split('\t').map(|c| c.trim().to_ascii_lowercase()).collect();
    [Table::Countries, Table::Organisations, Table::Agents, Table::People, Table::Places]
        .into_iter()
        .find(|t| cells.iter().map(String::as_str).eq(t.columns().iter().copied()))
}

/// Load order of a table (countries first), for directory loads.
pub(crate) fn table_rank(text: &str) -> u8 {
    match data_lines(text).next().and_then(|(_, h)| detect(h)) {
        Some(Table::Countries) => 0,
        Some(Table::Organisations) => 1,
        Some(Table::Agents) => 2,
        Some(Table::People) => 3,
        Some(Table::Places) => 4,
        None => 5,
    }
}

/// Splits a multi-valued cell on `|`.
fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty())
}

fn opt(cell: &str) -> Option<String> {
    let t = cell.trim();
    (!t.is_empty()).then(|| t.to_string())
}

pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let t = s.trim();
    let bad = || format!("bad date {t:?}: expected YYYY-MM-DD");
    let parts: Vec<&str> = t.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return Err(bad());
    }
    let y: i32 = parts[0].parse().map_err(|_| bad())?;
    let m: u32 = parts[1].parse().map_err(|_| bad())?;
    let d: u32 = parts[2].parse().map_err(|_| bad())?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("bad date {t:?}: no such day"))
}

struct Ctx<'a> {
    file: Arc<str>,
    b: &'a mut LexiconBuilder,
    report: usize,
}

impl Ctx<'_> {
    fn err(&mut self, line: usize, kind: ProblemKind, msg: impl Into<String>) {
        let file = self.file.clone();
        self.b.problem(&file, line, kind, msg);
    }

    fn name(&mut self, id: u32, surface: &str, kind: NameKind, line: usize) {
        let o = origin(&self.file, line);
        if self.b.add_name(id, surface, kind, &o).is_some() {
            self.b.files[self.report].names += 1;
        }
    }

    fn role(&mut self, id: u32, role: Role) {
        let r = &mut self.b.files[self.report];
        r.roles += 1;
        if !role.is_undated() {
            r.dated_roles += 1;
        }
        self.b.add_role(id, role);
    }

    fn new_entry(&mut self, kind: EntryKind, name: &str, line: usize) -> u32 {
        self.b.files[self.report].entries += 1;
        self.b.push_entry(kind, name, origin(&self.file, line), false)
    }
}

pub(crate) fn load(b: &mut LexiconBuilder, file: &str, text: &str) {
    let mut lines = data_lines(text);
    let Some((hline, header)) = lines.next() else {
        b.problem(file, 1, ProblemKind::Header, "empty table: expected a header line");
        return;
    };
    let Some(table) = detect(header) else {
        b.problem(
            file,
            hline,
            ProblemKind::Header,
            format!(
                "unknown header {:?}; expected one of:\n    {}\n    {}\n    {}\n    {}\n    {}",
                header,
                COUNTRIES.join("\\t"),
                ORGANISATIONS.join("\\t"),
                AGENTS.join("\\t"),
                PEOPLE.join("\\t"),
                PLACES.join("\\t")
            ),
        );
        return;
    };
    let report = b.new_report(file, table.name());
    let mut cx = Ctx { file: Arc::from(file), b, report };
    let ncols = table.columns().len();
    let mut people_rows: HashMap<(u32, String, String, NaiveDate), usize> = HashMap::new();
    for (line, raw) in lines {
        let cells: Vec<&str> = raw.split('\t').map(str::trim).collect();
        // Trailing empty columns may be left off together with their tabs.
        if cells.len() < table.required() || cells.len() > ncols {
            cx.err(
                line,
                ProblemKind::ColumnCount,
                format!(
                    "wrong column count: {} tab-separated columns, expected {} to {} ({})",
                    cells.len(),
                    table.required(),
                    ncols,
                    table.columns().join(", ")
                ),
            );
            continue;
        }
        match table {
            Table::Countries => country(&mut cx, line, &cells),
            Table::Organisations => organisation(&mut cx, line, &cells),
            Table::Agents => agent(&mut cx, line, &cells),
            Table::People => person(&mut cx, line, &cells, &mut people_rows),
            Table::Places => place(&mut cx, line, &cells),
        }
    }
}

fn role(cx: &Ctx, code: &str, line: usize) -> Role {
    Role { code: code.to_string(), title: None, start: None, end: None, note: None, origin: origin(&cx.file, line) }
}

fn country(cx: &mut Ctx, line: usize, cells: &[&str]) {
    let cell = |i: usize| cells.get(i).copied().unwrap_or("");
    let code = cell(0);
    if let Err(e) = check_code_shape(code) {
        cx.err(line, ProblemKind::BadCode, e);
        return;
    }
    if code.len() != 3 && code.len() != 6 {
        cx.err(line, ProblemKind::BadCode, format!("bad code {code:?}: a country code has 3 letters (6 for a territory coded under its state)"));
        return;
    }
    let kind = match cell(1) {
        "state" => EntryKind::State,
        "territory" => EntryKind::Territory,
        "region" => EntryKind::Region,
        "former" => EntryKind::Former,
        other => {
            cx.err(line, ProblemKind::BadValue, format!("bad kind {other:?}: expected state, territory, region or former"));
            return;
        }
    };
    let iso2 = cell(2);
    let iso2_ok = iso2.is_empty() || (iso2.len() == 2 && iso2.bytes().all(|b| b.is_ascii_uppercase()));
    if !iso2_ok {
        cx.err(line, ProblemKind::BadValue, format!("bad iso2 {iso2:?}: expected two capital letters or nothing"));
        return;
    }
    let name = cell(3);
    if name.is_empty() {
        cx.err(line, ProblemKind::BadValue, "empty name");
        return;
    }
    if let Some(&other) = cx.b.place_codes.get(code) {
        let o = cx.b.entries[other as usize].origin.clone();
        cx.err(line, ProblemKind::Duplicate, format!("duplicate code {code}: already defined at {o}"));
        return;
    }
    let id = cx.new_entry(kind, name, line);
    cx.b.place_codes.insert(code.to_string(), id);
    {
        let e = cx.b.entry_mut(id);
        e.iso2 = opt(iso2);
        e.note = opt(cell(9));
    }
    let r = role(cx, code, line);
    cx.role(id, r);
    cx.name(id, name, NameKind::Name, line);
    for n in list(cell(4)) {
        cx.name(id, n, NameKind::Short, line);
    }
    for n in list(cell(5)) {
        cx.name(id, n, NameKind::Adjective, line);
    }
    for n in list(cell(6)) {
        cx.name(id, n, NameKind::Demonym, line);
    }
    for c in list(cell(7)) {
        let cid = cx.new_entry(EntryKind::Capital, c, line);
        cx.b.entry_mut(cid).parent = Some(id);
        let r = role(cx, &format!("{code}GOV"), line);
        cx.role(cid, r);
        cx.name(cid, c, NameKind::Capital, line);
    }
    for m in list(cell(8)) {
        let (text, sector) = match m.split_once('=') {
            Some((t, s)) => (t.trim(), s.trim()),
            None => (m, "GOV"),
        };
        if let Err(e) = check_sectors(sector) {
            cx.err(line, ProblemKind::BadCode, format!("metonym {text:?}: {e}"));
            continue;
        }
        let mid = cx.new_entry(EntryKind::Metonym, text, line);
        cx.b.entry_mut(mid).parent = Some(id);
        let r = role(cx, &format!("{code}{sector}"), line);
        cx.role(mid, r);
        cx.name(mid, text, NameKind::Metonym, line);
    }
}

/// A place inside a country: coded as the country, which must be in the countries table.
fn place(cx: &mut Ctx, line: usize, cells: &[&str]) {
    let cell = |i: usize| cells.get(i).copied().unwrap_or("");
    let code = cell(0);
    let Some(&country) = cx.b.place_codes.get(code) else {
        cx.err(line, ProblemKind::BadCode, format!("unknown country {code:?}: a place's country is a code of the countries table"));
        return;
    };
    let name = cell(1);
    if name.is_empty() {
        cx.err(line, ProblemKind::BadValue, "empty name");
        return;
    }
    let id = cx.new_entry(EntryKind::Place, name, line);
    {
        let e = cx.b.entry_mut(id);
        e.parent = Some(country);
        e.note = opt(cell(3));
    }
    let r = role(cx, code, line);
    cx.role(id, r);
    cx.name(id, name, NameKind::Name, line);
    for n in list(cell(2)) {
        cx.name(id, n, NameKind::Alias, line);
    }
}

/// Sector codes: one or more 3-letter CAMEO sector codes (`GOV`, `MIL`, `GOVMIL`).
fn check_sectors(sector: &str) -> Result<(), String> {
    check_code_shape(sector)?;
    for c in chunks(sector) {
        if !SECTOR_CODES.contains(&c) {
            return Err(format!("bad code {sector:?}: {c:?} is not a CAMEO sector code ({})", SECTOR_CODES.join(" ")));
        }
    }
    Ok(())
}

/// Parses `CODE` or `CODE@START..END` (either date may be empty).
type DatedCode = (String, Option<NaiveDate>, Option<NaiveDate>);

fn dated_code(item: &str) -> Result<DatedCode, (ProblemKind, String)> {
    let (code, range) = match item.split_once('@') {
        Some((c, r)) => (c.trim(), Some(r.trim())),
        None => (item.trim(), None),
    };
    check_code_shape(code).map_err(|e| (ProblemKind::BadCode, e))?;
    let Some(range) = range else { return Ok((code.to_string(), None, None)) };
    let Some((s, e)) = range.split_once("..") else {
        return Err((ProblemKind::BadDate, format!("bad date range {range:?}: expected START..END (either may be empty)")));
    };
    let start = if s.trim().is_empty() { None } else { Some(parse_date(s).map_err(|m| (ProblemKind::BadDate, m))?) };
    let end = if e.trim().is_empty() { None } else { Some(parse_date(e).map_err(|m| (ProblemKind::BadDate, m))?) };
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            return Err((ProblemKind::BadDate, format!("bad date range {range:?}: ends before it starts")));
        }
    }
    if start.is_none() && end.is_none() {
        return Err((ProblemKind::BadDate, format!("bad date range {range:?}: give a start or an end date")));
    }
    Ok((code.to_string(), start, end))
}

fn organisation(cx: &mut Ctx, line: usize, cells: &[&str]) {
    let cell = |i: usize| cells.get(i).copied().unwrap_or("");
    let mut codes = Vec::new();
    for item in list(cell(0)) {
        match dated_code(item) {
            Ok(c) => codes.push(c),
            Err((kind, msg)) => {
                cx.err(line, kind, msg);
                return;
            }
        }
    }
    if codes.is_empty() {
        cx.err(line, ProblemKind::BadCode, "empty code");
        return;
    }
    let kind = match cell(1) {
        "igo" => EntryKind::Igo,
        "ngo" => EntryKind::Ngo,
        "armed" => EntryKind::ArmedGroup,
        "party" => EntryKind::Party,
        other => {
            cx.err(line, ProblemKind::BadValue, format!("bad kind {other:?}: expected igo, ngo, armed or party"));
            return;
        }
    };
    let name = cell(2);
    if name.is_empty() {
        cx.err(line, ProblemKind::BadValue, "empty name");
        return;
    }
    let id = cx.new_entry(kind, name, line);
    cx.b.entry_mut(id).note = opt(cell(5));
    for (code, start, end) in &codes {
        cx.b.org_codes.entry(code.clone()).or_insert(id);
        let mut r = role(cx, code, line);
        r.start = *start;
        r.end = *end;
        cx.role(id, r);
    }
    cx.name(id, name, NameKind::Name, line);
    for n in list(cell(3)) {
        cx.name(id, n, NameKind::Alias, line);
    }
    for m in list(cell(4)) {
        let mid = cx.new_entry(EntryKind::Metonym, m, line);
        cx.b.entry_mut(mid).parent = Some(id);
        for (code, start, end) in &codes {
            let mut r = role(cx, code, line);
            r.start = *start;
            r.end = *end;
            cx.role(mid, r);
        }
        cx.name(mid, m, NameKind::Metonym, line);
    }
}

/// English plural of a (possibly multi-word) term: the last word takes the plural
/// (`soldier` → `soldiers`, `ministry` → `ministries`, `militiaman` → `militiamen`,
/// `press` → `presses`). A term written in capitals gets a suffix in capitals.
pub(crate) fn plural(term: &str) -> String {
    const MANS: &[&str] = &["human", "german", "roman", "shaman", "talisman", "caiman", "ottoman", "oman"];
    let lower = term.to_lowercase();
    let last = lower.rsplit([' ', '_', '-']).next().unwrap_or(&lower);
    let upper = !term.chars().any(char::is_lowercase);
    let (stem, suffix) = if last.ends_with("man") && !MANS.contains(&last) {
        (&term[..term.len() - 3], "men")
    } else if last.ends_with('y') && !last[..last.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']) {
        (&term[..term.len() - 1], "ies")
    } else if ["s", "x", "z", "ch", "sh"].iter().any(|e| last.ends_with(e)) {
        (term, "es")
    } else {
        (term, "s")
    };
    if upper {
        format!("{stem}{}", suffix.to_uppercase())
    } else {
        format!("{stem}{suffix}")
    }
}

fn agent(cx: &mut Ctx, line: usize, cells: &[&str]) {
    let cell = |i: usize| cells.get(i).copied().unwrap_or("");
    let term = cell(0);
    if term.is_empty() {
        cx.err(line, ProblemKind::BadValue, "empty term");
        return;
    }
    let raw = cell(2);
    let (code, placement) = if let Some(c) = raw.strip_suffix('~') {
        (c, Placement::Prefix)
    } else {
        (raw.strip_prefix('~').unwrap_or(raw), Placement::Suffix)
    };
    if let Err(e) = check_sectors(code) {
        cx.err(line, ProblemKind::BadCode, e);
        return;
    }
    let id = cx.new_entry(EntryKind::Agent, term, line);
    {
        let e = cx.b.entry_mut(id);
        e.placement = placement;
        e.note = opt(cell(3));
    }
    let r = role(cx, code, line);
    cx.role(id, r);
    cx.name(id, term, NameKind::Name, line);
    match cell(1) {
        "" => {
            let p = plural(term);
            cx.name(id, &p, NameKind::Plural, line);
        }
        "-" => {}
        forms => {
            for p in list(forms) {
                cx.name(id, p, NameKind::Plural, line);
            }
        }
    }
}

fn person(
    cx: &mut Ctx,
    line: usize,
    cells: &[&str],
    rows: &mut HashMap<(u32, String, String, NaiveDate), usize>,
) {
    let cell = |i: usize| cells.get(i).copied().unwrap_or("");
    let name = cell(0);
    if name.is_empty() {
        cx.err(line, ProblemKind::BadValue, "empty name");
        return;
    }
    let code = cell(2);
    if let Err(e) = check_code_shape(code) {
        cx.err(line, ProblemKind::BadCode, e);
        return;
    }
    let title = cell(3);
    if title.is_empty() {
        cx.err(line, ProblemKind::BadValue, "empty role");
        return;
    }
    let start = match parse_date(cell(4)) {
        Ok(d) => d,
        Err(e) => {
            cx.err(line, ProblemKind::BadDate, format!("start: {e}"));
            return;
        }
    };
    let end = if cell(5).is_empty() {
        None
    } else {
        match parse_date(cell(5)) {
            Ok(d) if d < start => {
                cx.err(line, ProblemKind::BadDate, format!("end {d} is before start {start}"));
                return;
            }
            Ok(d) => Some(d),
            Err(e) => {
                cx.err(line, ProblemKind::BadDate, format!("end: {e}"));
                return;
            }
        }
    };
    let key = crate::text::normalize(name);
    let id = match cx.b.people.get(&key) {
        Some(&id) => id,
        None => {
            let id = cx.new_entry(EntryKind::Person, name, line);
            cx.b.people.insert(key, id);
            cx.name(id, name, NameKind::Name, line);
            id
        }
    };
    let dup_key = (id, code.to_string(), title.to_ascii_lowercase(), start);
    if let Some(&first) = rows.get(&dup_key) {
        cx.err(line, ProblemKind::Duplicate, format!("duplicate role: {name} {code} {title} from {start} is already on line {first}"));
        return;
    }
    rows.insert(dup_key, line);
    for a in list(cell(1)) {
        cx.name(id, a, NameKind::Alias, line);
    }
    cx.b.person_codes.push((code.to_string(), origin(&cx.file, line)));
    let mut r = role(cx, code, line);
    r.title = Some(title.to_string());
    r.start = Some(start);
    r.end = end;
    r.note = opt(cell(6));
    cx.role(id, r);
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn plurals() {
        assert_eq!(plural("soldier"), "soldiers");
        assert_eq!(plural("militiaman"), "militiamen");
        assert_eq!(plural("ministry"), "ministries");
        assert_eq!(plural("attorney"), "attorneys");
        assert_eq!(plural("press"), "presses");
        assert_eq!(plural("foreign minister"), "foreign ministers");
        assert_eq!(plural("human"), "humans");
    }
}
