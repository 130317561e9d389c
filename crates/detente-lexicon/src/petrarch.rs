//! PETRARCH-2 actor and agent dictionaries, read into an [`crate::ActorLexicon`].
//!
//! Both formats share PETRARCH's comment rules: a line starting with `#` or `<!` is skipped,
//! `<!-- … -->` comments may span lines, and anything after a `#` is dropped.
//!
//! **Actor dictionaries** (`*.actors.txt`) are blocks:
//!
//! ```text
//! UNITED_STATES  [USA]          a phrase starts an entry; codes may follow on the line
//! +U.S.                          "+" adds a synonym of the entry
//! SAM_GAMGEE [HOB]               an undated code is the default
//!     [HOBGOV 20121109-20130119] a line of codes adds them to the entry; dated codes win
//!     [HOBELI >20130119]         on the dates they cover (the first listed wins)
//! ```
//!
//! Words are joined by `_` or spaces; a trailing `_` (TABARI's "no stemming" mark) is ignored,
//! as in PETRARCH-2. Date restrictions: `<D` (before D), `>D` (after D), `D1-D2` (from D1 to
//! D2, both inclusive); dates are `YYYYMMDD` or `YYMMDD` (00–30 → 20YY, else 19YY), spaces
//! allowed (`[HOBGOV 19950601 - 19990815]`). Several code blocks may share a line
//! (`[IGOEUREEC 950701-951231][IGOWSTNAT 951205-991006]`). Codes are kept as written, upper-cased
//! (`---`, `ELR/GAL` included). A phrase defined again later (in the same or a later file)
//! replaces the earlier definition, as in PETRARCH.
//!
//! **Agent dictionaries** (`*.agents.txt`) have one agent per line:
//!
//! ```text
//! !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON     a substitution set
//! TROOP [~MIL]                                   ~ before: the code follows the actor code
//! HUMAN_RIGHTS_BODY [NGO~]                       ~ after: the code precedes it
//! ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]    an irregular plural
//! POLICE {} [~COP]                               no plural
//! CONGRESS!PERSON! [~LEG]                        one agent per member of the set, no plurals
//! ```
//!
//! Regular plurals are generated as PETRARCH does (`+S`, `Y` → `IES`, `S` → `+ES`), with two
//! corrections of English: a vowel before the `Y` keeps it (`ATTORNEYS`), and `-MAN` becomes
//! `-MEN`.
//!
//! One deliberate difference: PETRARCH-2 leaves a phrase without codes when the next line
//! starts another entry, although the Phoenix dictionaries group names that way
//! (`IVO_JOSIPOVIC_` / `PRESIDENT_JOSIPOVIC_` / `JOSIPOVIC_` / `[HRVGOV >20120219]`). Here a run
//! of entries without codes takes the codes of the first *code line* that follows (codes written
//! on an entry's own line belong to that entry only); each such entry is listed as a warning.
//!
//! Oddities PETRARCH tolerates are tolerated here too and listed as warnings with file and line
//! in the [`crate::BuildReport`]: entries without a code, a `+` line before any entry, two
//! synonyms on one `+` line (split), lower-case codes, 7-digit dates (read as PETRARCH does,
//! from the first six digits as `YYMMDD`), impossible dates (the code is dropped), agents without
//! a code (skipped), unknown substitution markers (skipped).

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Days, NaiveDate};

use crate::builder::{origin, LexiconBuilder};
use crate::error::ProblemKind;
use crate::{EntryId, EntryKind, NameKind, Placement, Role};

/// Strips PETRARCH comments from a file: yields (1-based line number, content) for lines with
/// content left. Shared by every PETRARCH dictionary reader (the verb dictionaries of
/// `detente-petrarch` too).
pub fn logical_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let mut line = raw.strip_suffix('\r').unwrap_or(raw).to_string();
        if in_comment {
            if line.contains("-->") {
                in_comment = false;
            }
            continue;
        }
        let t = line.trim_start();
        if t.starts_with('#') {
            continue;
        }
        if t.starts_with("<!") {
            if t.starts_with("<!--") && !t.contains("-->") {
                in_comment = true;
            }
            continue;
        }
        // inline <!-- ... --> comments
        while let Some(a) = line.find("<!--") {
            match line[a..].find("-->") {
                Some(b) => line.replace_range(a..a + b + 3, ""),
                None => {
                    line.truncate(a);
                    in_comment = true;
                    break;
                }
            }
        }
        if let Some(h) = line.find('#') {
            line.truncate(h);
        }
        let t = line.trim();
        if !t.is_empty() {
            out.push((n, t.to_string()));
        }
    }
    out
}

/// A PETRARCH date: `YYYYMMDD`, or `YYMMDD` (00–30 → 20YY). Returns the date and whether it was
/// read from a 7-digit string.
fn petrarch_date(s: &str) -> Result<(NaiveDate, bool), String> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("bad date {s:?}: expected YYYYMMDD or YYMMDD"));
    }
    let num = |a: usize, b: usize| s[a..b].parse::<u32>().unwrap_or(0);
    let (y, m, d, seven) = if s.len() >= 8 {
        (num(0, 4) as i32, num(4, 6), num(6, 8), false)
    } else if s.len() >= 6 {
        let yy = num(0, 2) as i32;
        (if yy <= 30 { 2000 + yy } else { 1900 + yy }, num(2, 4), num(4, 6), s.len() == 7)
    } else {
        return Err(format!("bad date {s:?}: expected YYYYMMDD or YYMMDD"));
    };
    NaiveDate::from_ymd_opt(y, m, d).map(|dt| (dt, seven)).ok_or_else(|| format!("bad date {s:?}: no such day"))
}

struct CodeBlock {
    code: String,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
}

/// Parses every `[...]` block of `s`, warning about malformed ones.
fn code_blocks(b: &mut LexiconBuilder, file: &str, line: usize, s: &str) -> Vec<CodeBlock> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(a) = rest.find('[') {
        let Some(len) = rest[a..].find(']') else {
            b.warn(file, line, ProblemKind::Syntax, format!("unclosed code block {:?}; ignored", &rest[a..]));
            break;
        };
        let inner = rest[a + 1..a + len].trim();
        rest = &rest[a + len + 1..];
        let mut parts = inner.split_whitespace();
        let Some(code) = parts.next() else {
            b.warn(file, line, ProblemKind::Syntax, "empty code block []; ignored");
            continue;
        };
        let upper = code.to_uppercase();
        if upper != code {
            b.warn(file, line, ProblemKind::BadCode, format!("lower-case code {code:?} read as {upper:?}"));
        }
        let restriction: String = parts.collect();
        let mut block = CodeBlock { code: upper, start: None, end: None };
        if !restriction.is_empty() {
            match restriction_dates(&restriction) {
                Ok((start, end, seven)) => {
                    if seven {
                        b.warn(
                            file,
                            line,
                            ProblemKind::BadDate,
                            format!("7-digit date in {restriction:?} read as YYMMDD from its first six digits, as PETRARCH does"),
                        );
                    }
                    if let (Some(s), Some(e)) = (start, end) {
                        if e < s {
                            b.warn(file, line, ProblemKind::BadDate, format!("date range {restriction:?} ends before it starts; the code never applies"));
                        }
                    }
                    block.start = start;
                    block.end = end;
                }
                Err(msg) => {
                    b.warn(file, line, ProblemKind::BadDate, format!("[{inner}]: {msg}; code dropped"));
                    continue;
                }
            }
        }
        out.push(block);
    }
    out
}

type Range = (Option<NaiveDate>, Option<NaiveDate>, bool);

fn restriction_dates(r: &str) -> Result<Range, String> {
    if let Some(d) = r.strip_prefix('<') {
        let (d, seven) = petrarch_date(d)?;
        return Ok((None, d.checked_sub_days(Days::new(1)), seven));
    }
    if let Some(d) = r.strip_prefix('>') {
        let (d, seven) = petrarch_date(d)?;
        return Ok((d.checked_add_days(Days::new(1)), None, seven));
    }
    if let Some((a, z)) = r.split_once('-') {
        let (a, s1) = petrarch_date(a)?;
        let (z, s2) = petrarch_date(z)?;
        return Ok((Some(a), Some(z), s1 || s2));
    }
    Err(format!("bad date restriction {r:?}: expected <DATE, >DATE or DATE-DATE"))
}

/// The display form of a PETRARCH phrase: `_` as spaces, trimmed.
fn display(phrase: &str) -> String {
    phrase.replace('_', " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Loader<'a> {
    b: &'a mut LexiconBuilder,
    file: Arc<str>,
    report: usize,
}

impl Loader<'_> {
    fn name(&mut self, id: EntryId, phrase: &str, kind: NameKind, line: usize) {
        let shown = display(phrase);
        let o = origin(&self.file, line);
        if let Some(replaced) = self.b.add_name(id, &shown, kind, &o) {
            let r = &mut self.b.files[self.report];
            r.names += 1;
            r.overridden += replaced;
        }
    }

    fn role(&mut self, id: EntryId, block: CodeBlock, line: usize) {
        let r = &mut self.b.files[self.report];
        r.roles += 1;
        if block.start.is_some() || block.end.is_some() {
            r.dated_roles += 1;
        }
        let role = Role {
            code: block.code,
            title: None,
            start: block.start,
            end: block.end,
            note: None,
            origin: origin(&self.file, line),
        };
        self.b.add_role(id, role);
    }

    fn entry(&mut self, kind: EntryKind, phrase: &str, line: usize) -> EntryId {
        self.b.files[self.report].entries += 1;
        self.b.push_entry(kind, &display(phrase), origin(&self.file, line), true)
    }

    fn warn(&mut self, line: usize, kind: ProblemKind, msg: impl Into<String>) {
        let file = self.file.clone();
        self.b.warn(&file, line, kind, msg);
    }
}

pub(crate) fn load_actors(b: &mut LexiconBuilder, file: &str, text: &str) {
    let report = b.new_report(file, "petrarch-actors");
    let mut ld = Loader { b, file: Arc::from(file), report };
    // The entry being read, and earlier entries of its group still without a code.
    let mut current: Option<EntryId> = None;
    let mut pending: Vec<EntryId> = Vec::new();
    let uncoded = |ld: &mut Loader, ids: &mut Vec<EntryId>| {
        for id in ids.drain(..) {
            let e = &ld.b.entries[id as usize];
            let (name, line) = (e.name.clone(), e.origin.line);
            ld.warn(line, ProblemKind::Syntax, format!("entry {name:?} has no code"));
        }
    };
    for (line, content) in logical_lines(text) {
        let (words, codes) = match content.find('[') {
            Some(a) => (content[..a].trim(), &content[a..]),
            None => (content.as_str(), ""),
        };
        if words.is_empty() {
            // A line of code blocks: the codes of the current entry, and of the entries just
            // before it that have no code of their own (a group of names sharing codes).
            let blocks = code_blocks(ld.b, &ld.file.clone(), line, codes);
            let Some(id) = current else {
                ld.warn(line, ProblemKind::Syntax, "codes before any entry; ignored");
                continue;
            };
            for blk in &blocks {
                ld.role(id, CodeBlock { code: blk.code.clone(), start: blk.start, end: blk.end }, line);
            }
            for p in std::mem::take(&mut pending) {
                let e = &ld.b.entries[p as usize];
                let (name, pline) = (e.name.clone(), e.origin.line);
                ld.warn(
                    pline,
                    ProblemKind::Syntax,
                    format!("entry {name:?} has no code of its own; given the codes of its group (line {line})"),
                );
                for blk in &blocks {
                    ld.role(p, CodeBlock { code: blk.code.clone(), start: blk.start, end: blk.end }, line);
                }
            }
            continue;
        }
        if let Some(syn) = words.strip_prefix('+') {
            let Some(id) = current else {
                ld.warn(line, ProblemKind::Syntax, format!("synonym {words:?} before any entry; ignored"));
                continue;
            };
            // "+TAIOAN_ +TAWIAN_": two synonyms on one line
            let parts: Vec<&str> = syn.split(" +").map(str::trim).filter(|p| !p.is_empty()).collect();
            if parts.len() > 1 {
                ld.warn(line, ProblemKind::Syntax, format!("{} synonyms on one line {words:?}; read separately", parts.len()));
            }
            for p in parts {
                let p = p.trim_start_matches('+');
                ld.name(id, p, NameKind::Synonym, line);
            }
            let blocks = code_blocks(ld.b, &ld.file.clone(), line, codes);
            for blk in blocks {
                ld.role(id, blk, line);
            }
            continue;
        }
        // A new entry. The previous one joins the uncoded group if it has no code yet.
        if let Some(prev) = current.take() {
            if ld.b.entries[prev as usize].roles.is_empty() {
                pending.push(prev);
            }
        }
        let id = ld.entry(EntryKind::Actor, words, line);
        ld.name(id, words, NameKind::Name, line);
        let blocks = code_blocks(ld.b, &ld.file.clone(), line, codes);
        if !blocks.is_empty() {
            // codes on the entry's own line are its alone: the group before it stays uncoded
            uncoded(&mut ld, &mut pending);
        }
        for blk in blocks {
            ld.role(id, blk, line);
        }
        current = Some(id);
    }
    if let Some(prev) = current.take() {
        if ld.b.entries[prev as usize].roles.is_empty() {
            pending.push(prev);
        }
    }
    uncoded(&mut ld, &mut pending);
}

/// PETRARCH's regular plural, corrected for vowel + Y and -MAN.
fn agent_plural(phrase: &str) -> String {
    let base = phrase.trim_end_matches(['_', ' ']);
    crate::tsv::plural(base)
}

pub(crate) fn load_agents(b: &mut LexiconBuilder, file: &str, text: &str) {
    let report = b.new_report(file, "petrarch-agents");
    let mut ld = Loader { b, file: Arc::from(file), report };
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    for (line, content) in logical_lines(text) {
        if content.contains('!') && content.contains('=') && !content.contains('[') {
            // !MARKER! = A, B, C
            let Some(a) = content.find('!') else { continue };
            let Some(len) = content[a + 1..].find('!') else {
                ld.warn(line, ProblemKind::Syntax, "substitution marker incorrectly defined; line skipped");
                continue;
            };
            let marker = content[a + 1..a + 1 + len].to_string();
            let Some(eq) = content.find('=') else { continue };
            let items = content[eq + 1..].split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
            sets.insert(marker, items);
            continue;
        }
        let Some(a) = content.find('[') else {
            ld.warn(line, ProblemKind::Syntax, format!("agent {content:?} has no code; line skipped"));
            continue;
        };
        let phrase_part = content[..a].trim();
        let inner = match content[a..].find(']') {
            Some(z) => content[a + 1..a + z].trim(),
            None => {
                let inner = content[a + 1..].trim().trim_end_matches(['}', ')']).trim();
                ld.warn(line, ProblemKind::Syntax, format!("unclosed code block {:?} read as [{inner}]", &content[a..]));
                inner
            }
        };
        let (code, placement) = if let Some(c) = inner.strip_prefix('~') {
            (c.trim(), Placement::Suffix)
        } else if let Some(c) = inner.strip_suffix('~') {
            (c.trim(), Placement::Prefix)
        } else {
            ld.warn(line, ProblemKind::BadCode, format!("agent code {inner:?} has no '~'; read as a suffix"));
            (inner, Placement::Suffix)
        };
        if code.is_empty() || phrase_part.is_empty() {
            ld.warn(line, ProblemKind::Syntax, "agent without a phrase or a code; line skipped");
            continue;
        }
        let code = code.to_uppercase();
        let mut forms: Vec<(String, NameKind)> = Vec::new();
        if let Some(m1) = phrase_part.find('!') {
            let Some(len) = phrase_part[m1 + 1..].find('!') else {
                ld.warn(line, ProblemKind::Syntax, "substitution marker syntax incorrect; line skipped");
                continue;
            };
            let marker = &phrase_part[m1 + 1..m1 + 1 + len];
            let Some(items) = sets.get(marker) else {
                ld.warn(line, ProblemKind::Syntax, format!("substitution marker !{marker}! is not defined; line skipped"));
                continue;
            };
            let (pre, post) = (&phrase_part[..m1], &phrase_part[m1 + len + 2..]);
            for it in items {
                forms.push((format!("{pre}{it}{post}"), NameKind::Name));
            }
            ld.b.files[ld.report].substitutions += forms.len();
        } else if let Some(o) = phrase_part.find('{') {
            let Some(z) = phrase_part[o..].find('}') else {
                ld.warn(line, ProblemKind::Syntax, "missing '}'; line skipped");
                continue;
            };
            forms.push((phrase_part[..o].trim().to_string(), NameKind::Name));
            let plural = phrase_part[o + 1..o + z].trim();
            if !plural.is_empty() {
                forms.push((plural.to_string(), NameKind::Plural));
                ld.b.files[ld.report].plurals += 1;
            }
        } else {
            forms.push((phrase_part.to_string(), NameKind::Name));
            forms.push((agent_plural(phrase_part), NameKind::Plural));
            ld.b.files[ld.report].plurals += 1;
        }
        let id = ld.entry(EntryKind::Agent, &forms[0].0, line);
        ld.b.entry_mut(id).placement = placement;
        for (form, kind) in &forms {
            ld.name(id, form, *kind, line);
        }
        ld.role(id, CodeBlock { code, start: None, end: None }, line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(petrarch_date("20130926").unwrap().0, NaiveDate::from_ymd_opt(2013, 9, 26).unwrap());
        assert_eq!(petrarch_date("090120").unwrap().0, NaiveDate::from_ymd_opt(2009, 1, 20).unwrap());
        assert_eq!(petrarch_date("510724").unwrap().0, NaiveDate::from_ymd_opt(1951, 7, 24).unwrap());
        assert!(petrarch_date("20100931").is_err());
        assert!(petrarch_date("2004017").unwrap().1);
    }

    #[test]
    fn comments() {
        let t = "<!-- a\n# b\n -->\nA [X] # c\n<!-- d -->\nB <!-- e --> [Y]\n";
        let l = logical_lines(t);
        assert_eq!(l, vec![(4, "A [X]".to_string()), (6, "B  [Y]".to_string())]);
    }

    #[test]
    fn plurals() {
        assert_eq!(agent_plural("TROOP"), "TROOPS");
        assert_eq!(agent_plural("MINISTRY_"), "MINISTRIES");
        assert_eq!(agent_plural("ATTORNEY"), "ATTORNEYS");
        assert_eq!(agent_plural("CONGRESS"), "CONGRESSES");
        assert_eq!(agent_plural("GUNMAN"), "GUNMEN");
    }
}
