//! `detente query`: questions asked of an event store built by `detente ingest`.

use super::ingest::DbArgs;
use anyhow::Result;
use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};
use detente_store::{DyadFilter, EventFilter, Period};
use serde::Serialize;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

/// Ask the event store: dyad time series, actor profiles, events, quotations.
///
/// Actor codes are CAMEO code prefixes: USA covers USA, USAGOV, USAMIL, …
#[derive(Subcommand)]
pub enum QueryCommand {
    /// Events between two actors per day, week or month, each direction and both
    /// together: counts per QuadClass, Goldstein sum and mean, mentions.
    #[command(after_help = "Examples:\n  \
        detente query dyad USA RUS --db events.db\n  \
        detente query dyad USA RUS --db events.db --from 2022-01-01 --to 2022-03-31 --by month --format csv")]
    Dyad {
        /// First actor code (prefix), e.g. USA.
        a: String,
        /// Second actor code (prefix), e.g. RUS.
        b: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<NaiveDate>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<NaiveDate>,
        /// Bucket size; weeks are ISO weeks labelled by their Monday.
        #[arg(long, value_enum, default_value_t = By::Week)]
        by: By,
        #[command(flatten)]
        common: Common,
    },
    /// What the store knows about an actor code: mentions, names, events by QuadClass, partners.
    #[command(after_help = "Example:\n  detente query actor RUSGOV --db events.db")]
    Actor {
        /// Actor code (prefix), e.g. RUS or RUSGOV.
        code: String,
        #[command(flatten)]
        common: Common,
    },
    /// List events, by date.
    #[command(after_help = "Examples:\n  \
        detente query events --db events.db --source USA --code 19\n  \
        detente query events --db events.db --from 2022-02-01 --to 2022-02-28 --format json")]
    Events {
        /// CAMEO event code prefix, e.g. 19 (fight) or 036.
        #[arg(long, value_name = "PREFIX")]
        code: Option<String>,
        /// Source actor code (prefix).
        #[arg(long, value_name = "CODE")]
        source: Option<String>,
        /// Target actor code (prefix).
        #[arg(long, value_name = "CODE")]
        target: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<NaiveDate>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<NaiveDate>,
        /// At most this many events.
        #[arg(long, value_name = "N")]
        limit: Option<u64>,
        #[command(flatten)]
        common: Common,
    },
    /// Quotations by speaker.
    #[command(after_help = "Example:\n  detente query quotes --speaker USAGOV --db events.db --format json")]
    Quotes {
        /// Speaker code (prefix).
        #[arg(long, value_name = "CODE")]
        speaker: String,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(clap::Args)]
pub struct Common {
    #[command(flatten)]
    db: DbArgs,
    /// table: aligned columns; csv: with a header; json: an array of objects (an object for `actor`).
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum By {
    Day,
    Week,
    Month,
}

pub fn run(cmd: QueryCommand) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match cmd {
        QueryCommand::Dyad { a, b, from, to, by, common } => {
            let store = common.db.open(true, None)?;
            let by = match by {
                By::Day => Period::Day,
                By::Week => Period::Week,
                By::Month => Period::Month,
            };
            let rows = store.dyad(&DyadFilter { a, b, from, to, by })?;
            let header = [
                "period", "direction", "events", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
                "goldstein_sum", "goldstein_mean", "mentions",
            ];
            let cells = rows
                .iter()
                .map(|r| {
                    vec![
                        r.period.to_string(),
                        r.direction.clone(),
                        r.events.to_string(),
                        r.verbal_cooperation.to_string(),
                        r.material_cooperation.to_string(),
                        r.verbal_conflict.to_string(),
                        r.material_conflict.to_string(),
                        format!("{:.1}", r.goldstein_sum),
                        format!("{:.2}", r.goldstein_mean),
                        r.mentions.to_string(),
                    ]
                })
                .collect();
            write_rows(&mut out, common.format, &header, cells, &rows)?;
        }
        QueryCommand::Actor { code, common } => {
            let store = common.db.open(true, None)?;
            let s = store.actor(&code)?;
            let pairs = |list: &[(String, u64)]| list.iter().map(|(k, n)| format!("{k} ({n})")).collect::<Vec<_>>().join("; ");
            let quads = |q: &[u64; 4]| format!("{} / {} / {} / {}", q[0], q[1], q[2], q[3]);
            let date = |d: Option<NaiveDate>| d.map_or_else(String::new, |d| d.to_string());
            let fields = [
                ("code", s.code.clone()),
                ("mentions", s.mentions.to_string()),
                ("documents", s.documents.to_string()),
                ("names", pairs(&s.names)),
                ("as source (quad 1/2/3/4)", quads(&s.as_source)),
                ("as target (quad 1/2/3/4)", quads(&s.as_target)),
                ("first event", date(s.first_event)),
                ("last event", date(s.last_event)),
                ("partners", pairs(&s.partners)),
            ];
            match common.format {
                Format::Json => {
                    serde_json::to_writer_pretty(&mut out, &s)?;
                    writeln!(out)?;
                }
                format => {
                    let cells = fields.iter().map(|(k, v)| vec![k.to_string(), v.clone()]).collect();
                    write_rows(&mut out, format, &["field", "value"], cells, &[] as &[()])?;
                }
            }
        }
        QueryCommand::Events { code, source, target, from, to, limit, common } => {
            let store = common.db.open(true, None)?;
            let events = store.events(&EventFilter { code, source, target, from, to, limit })?;
            let header = ["date", "source", "target", "cameo", "name", "quad", "goldstein", "mentions", "articles", "negated", "location", "document"];
            let cells = events
                .iter()
                .map(|e| {
                    vec![
                        e.date.to_string(),
                        e.source_code.clone(),
                        e.target_code.clone(),
                        e.cameo.clone(),
                        e.cameo_name.clone(),
                        e.quad_class.to_string(),
                        format!("{:.1}", e.goldstein),
                        e.num_mentions.to_string(),
                        e.num_articles.to_string(),
                        if e.negated { "yes" } else { "no" }.to_string(),
                        e.location_name.clone().unwrap_or_default(),
                        e.first_document.clone(),
                    ]
                })
                .collect();
            write_rows(&mut out, common.format, &header, cells, &events)?;
        }
        QueryCommand::Quotes { speaker, common } => {
            let store = common.db.open(true, None)?;
            let quotes = store.quotes(&speaker)?;
            let header = ["published", "document", "speaker", "code", "kind", "cue", "content"];
            let cells = quotes
                .iter()
                .map(|q| {
                    vec![
                        q.published.clone().unwrap_or_default(),
                        q.document.clone(),
                        q.speaker.clone().unwrap_or_default(),
                        q.speaker_code.clone().unwrap_or_default(),
                        q.kind.clone(),
                        q.cue.clone().unwrap_or_default(),
                        q.content.clone(),
                    ]
                })
                .collect();
            write_rows(&mut out, common.format, &header, cells, &quotes)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Prints `cells` as an aligned table or CSV, or `records` as a JSON array.
fn write_rows<T: Serialize>(out: &mut impl Write, format: Format, header: &[&str], cells: Vec<Vec<String>>, records: &[T]) -> Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, records)?;
            writeln!(out)?;
        }
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(out);
            writer.write_record(header)?;
            for row in &cells {
                writer.write_record(row)?;
            }
            writer.flush()?;
        }
        Format::Table => {
            let one_line = |s: &str| s.replace(['\n', '\r', '\t'], " ");
            let cells: Vec<Vec<String>> = cells.iter().map(|r| r.iter().map(|c| one_line(c)).collect()).collect();
            let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
            for row in &cells {
                for (w, c) in widths.iter_mut().zip(row) {
                    *w = (*w).max(c.chars().count());
                }
            }
            // Numbers are right-aligned, text (and codes with leading zeros such as
            // CAMEO "042") left-aligned; the last column is not padded.
            let is_number = |c: &str| c.parse::<f64>().is_ok() && !(c.len() > 1 && c.starts_with('0') && !c.contains('.'));
            let numeric: Vec<bool> =
                (0..header.len()).map(|i| !cells.is_empty() && cells.iter().all(|r| r[i].is_empty() || is_number(&r[i]))).collect();
            let line = |row: Vec<&str>| -> String {
                let last = row.len() - 1;
                let parts: Vec<String> = row
                    .iter()
                    .enumerate()
                    .map(|(i, c)| match (numeric[i], i == last) {
                        (true, _) => format!("{c:>w$}", w = widths[i]),
                        (false, true) => c.to_string(),
                        (false, false) => format!("{c:<w$}", w = widths[i]),
                    })
                    .collect();
                parts.join("  ")
            };
            writeln!(out, "{}", line(header.to_vec()))?;
            for row in &cells {
                writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
            }
            if cells.is_empty() {
                writeln!(out, "(no rows)")?;
            }
        }
    }
    Ok(())
}
