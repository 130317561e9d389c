//! Questions analysts ask of the store: dyad time series, an actor's profile,
//! filtered event lists and quotations by speaker.
//!
//! Actor arguments are CAMEO code *prefixes*: `USA` covers `USA`, `USAGOV`,
//! `USAMIL`; a longer code narrows. Negated events ("did not attack") are kept
//! in the store and in event lists but never counted in dyad series or actor
//! profiles.

use crate::{Result, Store};
use chrono::{Datelike, NaiveDate};
use rusqlite::types::Value;
use serde::Serialize;
use std::collections::BTreeMap;

/// Width of the buckets of a time series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Day,
    /// ISO weeks, labelled by their Monday.
    Week,
    /// Calendar months, labelled by their first day.
    Month,
}

impl Period {
    /// The first day of the period holding `date`.
    pub fn start(self, date: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => date,
            Period::Week => date - chrono::Days::new(u64::from(date.weekday().num_days_from_monday())),
            Period::Month => date.with_day(1).expect("day 1 exists"),
        }
    }
}

/// A dyad series request: events from `a` to `b` and from `b` to `a`.
#[derive(Clone, Debug)]
pub struct DyadFilter {
    pub a: String,
    pub b: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub by: Period,
}

/// One period of one direction (`USA->RUS`, `RUS->USA` or `both`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DyadRow {
    pub period: NaiveDate,
    pub direction: String,
    pub events: u64,
    /// Events per QuadClass: verbal cooperation, material cooperation, verbal conflict, material conflict.
    pub verbal_cooperation: u64,
    pub material_cooperation: u64,
    pub verbal_conflict: u64,
    pub material_conflict: u64,
    pub goldstein_sum: f64,
    pub goldstein_mean: f64,
    /// Mentions of these events across articles.
    pub mentions: u64,
}

/// Which events to list; every field narrows.
#[derive(Clone, Debug, Default)]
pub struct EventFilter {
    /// CAMEO event code prefix, e.g. `19` or `036`.
    pub code: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub limit: Option<u64>,
}

/// An event row as stored, with its first document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredEvent {
    pub event_key: i64,
    pub date: NaiveDate,
    pub source_code: String,
    pub source_name: String,
    pub source_country: Option<String>,
    pub source_sector: Option<String>,
    pub target_code: String,
    pub target_name: String,
    pub target_country: Option<String>,
    pub target_sector: Option<String>,
    pub cameo: String,
    pub cameo_root: String,
    pub cameo_name: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub plover_type: String,
    pub plover_mode: Option<String>,
    pub location_name: Option<String>,
    pub location_country: String,
    pub negated: bool,
    pub is_root: bool,
    pub num_mentions: u32,
    pub num_sources: u32,
    pub num_articles: u32,
    pub first_document: String,
    pub first_url: Option<String>,
    /// Unix seconds (UTC) when the event row was created.
    pub added_at: i64,
}

/// What the store knows about one actor code (prefix).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorSummary {
    pub code: String,
    pub mentions: u64,
    pub documents: u64,
    /// Most frequent surface forms with their counts.
    pub names: Vec<(String, u64)>,
    /// Events as source, per QuadClass 1–4.
    pub as_source: [u64; 4],
    /// Events as target, per QuadClass 1–4.
    pub as_target: [u64; 4],
    pub first_event: Option<NaiveDate>,
    pub last_event: Option<NaiveDate>,
    /// Most frequent counterparts (either direction) with their event counts.
    pub partners: Vec<(String, u64)>,
}

/// A quotation with its document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredQuote {
    pub document: String,
    pub published: Option<String>,
    pub kind: String,
    pub speaker: Option<String>,
    pub speaker_code: Option<String>,
    pub content: String,
    pub cue: Option<String>,
}

/// `code >= low AND code < high` selects every code starting with `prefix`.
pub(crate) fn prefix_bounds(prefix: &str) -> (String, String) {
    let mut high = prefix.to_string();
    match high.pop() {
        Some(last) if (last as u32) < 0x7f => high.push(char::from_u32(last as u32 + 1).expect("ASCII")),
        Some(last) => {
            high.push(last);
            high.push(char::MAX);
        }
        None => high.push(char::MAX),
    }
    (prefix.to_string(), high)
}

pub(crate) fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

pub(crate) fn date_of(day: i64) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day as i32).unwrap_or(NaiveDate::MIN)
}

pub(crate) const EVENT_COLUMNS: &str = "e.event_key, e.day, e.source_code, e.source_name, e.source_country, e.source_sector,
    e.target_code, e.target_name, e.target_country, e.target_sector, e.cameo, e.cameo_root, e.cameo_name, e.quad_class,
    e.goldstein, e.plover_type, e.plover_mode, e.location_name, e.location_country, e.negated, e.is_root,
    e.num_mentions, e.num_sources, e.num_articles, d.id, d.url, e.added_at";

pub(crate) fn event_from_row(r: &rusqlite::Row) -> rusqlite::Result<StoredEvent> {
    Ok(StoredEvent {
        event_key: r.get(0)?,
        date: date_of(r.get(1)?),
        source_code: r.get(2)?,
        source_name: r.get(3)?,
        source_country: r.get(4)?,
        source_sector: r.get(5)?,
        target_code: r.get(6)?,
        target_name: r.get(7)?,
        target_country: r.get(8)?,
        target_sector: r.get(9)?,
        cameo: r.get(10)?,
        cameo_root: r.get(11)?,
        cameo_name: r.get(12)?,
        quad_class: r.get(13)?,
        goldstein: r.get(14)?,
        plover_type: r.get(15)?,
        plover_mode: r.get(16)?,
        location_name: r.get(17)?,
        location_country: r.get(18)?,
        negated: r.get(19)?,
        is_root: r.get(20)?,
        num_mentions: r.get(21)?,
        num_sources: r.get(22)?,
        num_articles: r.get(23)?,
        first_document: r.get(24)?,
        first_url: r.get(25)?,
        added_at: r.get(26)?,
    })
}

impl Store {
    /// Counts by QuadClass and Goldstein sum and mean per period, for `a → b`,
    /// `b → a` and both together; periods without events are left out.
    pub fn dyad(&self, filter: &DyadFilter) -> Result<Vec<DyadRow>> {
        let ab = self.dyad_direction(&filter.a, &filter.b, filter)?;
        let ba = if filter.a == filter.b { BTreeMap::new() } else { self.dyad_direction(&filter.b, &filter.a, filter)? };
        let periods: std::collections::BTreeSet<NaiveDate> = ab.keys().chain(ba.keys()).copied().collect();
        let mut rows = Vec::new();
        for period in periods {
            let forward = ab.get(&period).copied().unwrap_or_default();
            let backward = ba.get(&period).copied().unwrap_or_default();
            let mut both = forward;
            both.add(&backward);
            for (direction, totals) in [
                (format!("{}->{}", filter.a, filter.b), forward),
                (format!("{}->{}", filter.b, filter.a), backward),
                ("both".to_string(), both),
            ] {
                rows.push(totals.row(period, direction));
            }
        }
        Ok(rows)
    }

    fn dyad_direction(&self, source: &str, target: &str, filter: &DyadFilter) -> Result<BTreeMap<NaiveDate, Totals>> {
        let (source_low, source_high) = prefix_bounds(source);
        let (target_low, target_high) = prefix_bounds(target);
        let from = filter.from.map_or(i64::MIN, day_number);
        let to = filter.to.map_or(i64::MAX, day_number);
        let mut statement = self
            .conn
            .prepare_cached(
                // Without statistics the planner prefers the day index for an open date
                // range, which scans every event; the covering dyad index never does.
                "SELECT day, quad_class, count(*), total(goldstein), total(num_mentions) FROM events INDEXED BY events_dyad
                 WHERE source_code >= ?1 AND source_code < ?2 AND target_code >= ?3 AND target_code < ?4
                   AND day BETWEEN ?5 AND ?6 AND negated = 0
                 GROUP BY day, quad_class",
            )
            .map_err(|e| self.sqlite(e))?;
        let mut rows = statement
            .query(rusqlite::params![source_low, source_high, target_low, target_high, from, to])
            .map_err(|e| self.sqlite(e))?;
        let mut series: BTreeMap<NaiveDate, Totals> = BTreeMap::new();
        while let Some(r) = rows.next().map_err(|e| self.sqlite(e))? {
            let read = || -> rusqlite::Result<(i64, i64, i64, f64, f64)> {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            };
            let (day, quad, count, goldstein, mentions) = read().map_err(|e| self.sqlite(e))?;
            let totals = series.entry(filter.by.start(date_of(day))).or_default();
            if (1..=4).contains(&quad) {
                totals.quad[quad as usize - 1] += count as u64;
            }
            totals.events += count as u64;
            totals.goldstein += goldstein;
            totals.mentions += mentions as u64;
        }
        Ok(series)
    }

    /// Events matching `filter`, by date then id.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>> {
        let mut events = Vec::new();
        self.for_each_event(filter, |e| {
            events.push(e);
            Ok(())
        })?;
        Ok(events)
    }

    /// Streams the events matching `filter`, by date then id.
    pub fn for_each_event(&self, filter: &EventFilter, mut each: impl FnMut(StoredEvent) -> Result<()>) -> Result<()> {
        let mut conditions = vec!["1".to_string()];
        let mut values: Vec<Value> = Vec::new();
        let mut prefix = |column: &str, p: &Option<String>, conditions: &mut Vec<String>| {
            if let Some(p) = p {
                let (low, high) = prefix_bounds(p);
                conditions.push(format!("{column} >= ?{} AND {column} < ?{}", values.len() + 1, values.len() + 2));
                values.push(Value::Text(low));
                values.push(Value::Text(high));
            }
        };
        prefix("e.cameo", &filter.code, &mut conditions);
        prefix("e.source_code", &filter.source, &mut conditions);
        prefix("e.target_code", &filter.target, &mut conditions);
        if let Some(from) = filter.from {
            values.push(Value::Integer(day_number(from)));
            conditions.push(format!("e.day >= ?{}", values.len()));
        }
        if let Some(to) = filter.to {
            values.push(Value::Integer(day_number(to)));
            conditions.push(format!("e.day <= ?{}", values.len()));
        }
        let limit = filter.limit.map_or(-1, |l| l as i64);
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.doc_key = e.first_doc_key
             WHERE {} ORDER BY e.day, e.event_key LIMIT {limit}",
            conditions.join(" AND ")
        );
        let mut statement = self.conn.prepare(&sql).map_err(|e| self.sqlite(e))?;
        let mut rows = statement.query(rusqlite::params_from_iter(values)).map_err(|e| self.sqlite(e))?;
        while let Some(row) = rows.next().map_err(|e| self.sqlite(e))? {
            each(event_from_row(row).map_err(|e| self.sqlite(e))?)?;
        }
        Ok(())
    }

    /// Mentions, names, events by QuadClass and main partners of an actor code (prefix).
    pub fn actor(&self, code: &str) -> Result<ActorSummary> {
        let (low, high) = prefix_bounds(code);
        let q = |e| self.sqlite(e);
        let (mentions, documents): (i64, i64) = self
            .conn
            .query_row(
                "SELECT count(*), count(DISTINCT doc_key) FROM actor_mentions WHERE code >= ?1 AND code < ?2",
                [&low, &high],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(q)?;
        let pairs = |sql: &str| -> Result<Vec<(String, u64)>> {
            let mut statement = self.conn.prepare(sql).map_err(q)?;
            let rows = statement.query_map([&low, &high], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))).map_err(q)?;
            rows.collect::<rusqlite::Result<Vec<_>>>().map_err(q)
        };
        let names = pairs(
            "SELECT text, count(*) AS n FROM actor_mentions WHERE code >= ?1 AND code < ?2
             GROUP BY text ORDER BY n DESC, text LIMIT 5",
        )?;
        let partners = pairs(
            "SELECT other, count(*) AS n FROM (
                 SELECT target_code AS other FROM events WHERE source_code >= ?1 AND source_code < ?2 AND negated = 0
                 UNION ALL
                 SELECT source_code FROM events WHERE target_code >= ?1 AND target_code < ?2 AND negated = 0)
             WHERE other <> '' GROUP BY other ORDER BY n DESC, other LIMIT 5",
        )?;
        let by_quad = |column: &str| -> Result<[u64; 4]> {
            let mut counts = [0; 4];
            for (quad, n) in pairs(&format!(
                "SELECT CAST(quad_class AS TEXT), count(*) FROM events WHERE {column} >= ?1 AND {column} < ?2 AND negated = 0
                 GROUP BY quad_class"
            ))? {
                if let Ok(i @ 1..=4) = quad.parse::<usize>() {
                    counts[i - 1] = n;
                }
            }
            Ok(counts)
        };
        let (first, last): (Option<i64>, Option<i64>) = self
            .conn
            .query_row(
                "SELECT min(day), max(day) FROM events WHERE negated = 0 AND
                     ((source_code >= ?1 AND source_code < ?2) OR (target_code >= ?1 AND target_code < ?2))",
                [&low, &high],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(q)?;
        Ok(ActorSummary {
            code: code.to_string(),
            mentions: mentions as u64,
            documents: documents as u64,
            names,
            as_source: by_quad("source_code")?,
            as_target: by_quad("target_code")?,
            first_event: first.map(date_of),
            last_event: last.map(date_of),
            partners,
        })
    }

    /// Quotations whose speaker's code starts with `speaker`, by publication date.
    pub fn quotes(&self, speaker: &str) -> Result<Vec<StoredQuote>> {
        let (low, high) = prefix_bounds(speaker);
        let q = |e| self.sqlite(e);
        let mut statement = self
            .conn
            .prepare(
                "SELECT d.id, d.published, q.kind, q.speaker_text, q.speaker_code, q.content, q.cue_text
                 FROM quotes q JOIN documents d ON d.doc_key = q.doc_key
                 WHERE q.speaker_code >= ?1 AND q.speaker_code < ?2
                 ORDER BY d.published, d.id, q.start",
            )
            .map_err(q)?;
        let rows = statement
            .query_map([&low, &high], |r| {
                Ok(StoredQuote {
                    document: r.get(0)?,
                    published: r.get(1)?,
                    kind: r.get(2)?,
                    speaker: r.get(3)?,
                    speaker_code: r.get(4)?,
                    content: r.get(5)?,
                    cue: r.get(6)?,
                })
            })
            .map_err(q)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(q)
    }
}

/// Running totals of one direction in one period.
#[derive(Clone, Copy, Debug, Default)]
struct Totals {
    events: u64,
    quad: [u64; 4],
    goldstein: f64,
    mentions: u64,
}

impl Totals {
    fn add(&mut self, other: &Totals) {
        self.events += other.events;
        for (a, b) in self.quad.iter_mut().zip(other.quad) {
            *a += b;
        }
        self.goldstein += other.goldstein;
        self.mentions += other.mentions;
    }

    fn row(self, period: NaiveDate, direction: String) -> DyadRow {
        DyadRow {
            period,
            direction,
            events: self.events,
            verbal_cooperation: self.quad[0],
            material_cooperation: self.quad[1],
            verbal_conflict: self.quad[2],
            material_conflict: self.quad[3],
            goldstein_sum: self.goldstein,
            goldstein_mean: if self.events == 0 { 0.0 } else { self.goldstein / self.events as f64 },
            mentions: self.mentions,
        }
    }
}
