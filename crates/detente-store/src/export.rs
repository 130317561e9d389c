//! Exports of the stored events to the formats other tools read: GDELT 2.0
//! event and mention tables, PLOVER JSON Lines, Parquet and CSV.
//!
//! Every export is written to a temporary file beside the output and renamed
//! into place when complete, so a reader never sees half a file.
//!
//! Where Detente differs from GDELT's own values (documented in README.md):
//! geography columns carry the event location's name and CAMEO country code
//! (not FIPS 10-4, and no coordinates); tone columns are empty; character
//! offsets in the mentions table are byte offsets into the UTF-8 text;
//! negated events are left out of both GDELT tables (GDELT has no negation).

use crate::query::{EventFilter, StoredEvent};
use crate::{Result, Store, StoreError};
use arrow::array::{ArrayRef, BooleanArray, Date32Array, Float32Array, Int32Array, Int64Array, Int8Array, StringArray, TimestampMillisecondArray};
use arrow::datatypes::{DataType, Field, Schema, TimeUnit};
use arrow::record_batch::RecordBatch;
use chrono::{Datelike, NaiveDate};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use serde_json::json;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::Arc;

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// GDELT 2.0 event table: 61 tab-separated columns, no header.
    Gdelt,
    /// GDELT 2.0 mentions table: 16 tab-separated columns, no header.
    GdeltMentions,
    /// PLOVER JSON Lines, one event per line.
    Plover,
    /// Apache Parquet, one row per event, typed columns.
    Parquet,
    /// CSV with a header, one row per event (the same columns as Parquet).
    Csv,
}

/// Number of columns of a GDELT 2.0 event row.
pub const GDELT_EVENT_COLUMNS: usize = 61;
/// Number of columns of a GDELT 2.0 mention row.
pub const GDELT_MENTION_COLUMNS: usize = 16;

const PARQUET_BATCH_ROWS: usize = 65_536;

/// Writes every stored event (or mention) to `out` in `format`; returns the number of rows.
pub fn export(store: &Store, format: ExportFormat, out: &Path) -> Result<u64> {
    let io = |source| StoreError::Io { path: out.to_path_buf(), source };
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new().prefix(".detente-export-").tempfile_in(dir).map_err(io)?;
    let rows = {
        let mut writer = BufWriter::new(&mut temp);
        let rows = match format {
            ExportFormat::Gdelt => gdelt_events(store, &mut writer, out)?,
            ExportFormat::GdeltMentions => gdelt_mentions(store, &mut writer, out)?,
            ExportFormat::Plover => plover(store, &mut writer, out)?,
            ExportFormat::Parquet => parquet(store, &mut writer, out)?,
            ExportFormat::Csv => csv(store, &mut writer, out)?,
        };
        writer.flush().map_err(io)?;
        rows
    };
    temp.as_file().sync_all().map_err(io)?;
    temp.persist(out).map_err(|e| io(e.error))?;
    Ok(rows)
}

fn export_error(out: &Path, message: impl std::fmt::Display) -> StoreError {
    StoreError::Export { path: out.to_path_buf(), message: message.to_string() }
}

/// Tabs and line breaks would break a TSV row.
fn tsv(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

fn yyyymmdd(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

fn timestamp(unix_seconds: i64) -> String {
    chrono::DateTime::from_timestamp(unix_seconds, 0).map_or_else(String::new, |t| t.format("%Y%m%d%H%M%S").to_string())
}

/// GDELT's Type1–3 codes: the sector part of an actor code in 3-letter chunks.
fn type_codes(sector: Option<&str>) -> [String; 3] {
    let sector = sector.unwrap_or("");
    let chunk = |i: usize| sector.get(i * 3..(i * 3 + 3).min(sector.len())).unwrap_or("").to_string();
    [chunk(0), chunk(1), chunk(2)]
}

/// The 61 columns of a GDELT 2.0 event row.
pub fn gdelt_event_row(e: &StoredEvent) -> Vec<String> {
    let d = e.date;
    let fraction = f64::from(d.year()) + f64::from(d.month() * 30 + d.day()) / 365.0;
    let actor = |code: &str, name: &str, country: Option<&str>, sector: Option<&str>| -> Vec<String> {
        let [t1, t2, t3] = type_codes(sector);
        vec![
            tsv(code),
            tsv(&name.to_uppercase()),
            country.unwrap_or("").to_string(),
            String::new(), // KnownGroupCode
            String::new(), // EthnicCode
            String::new(), // Religion1Code
            String::new(), // Religion2Code
            t1,
            t2,
            t3,
        ]
    };
    let base_code = if e.cameo.len() > 3 { e.cameo[..3].to_string() } else { e.cameo.clone() };
    let mut row = vec![e.event_key.to_string(), yyyymmdd(d), d.format("%Y%m").to_string(), d.year().to_string(), format!("{fraction:.4}")];
    row.extend(actor(&e.source_code, &e.source_name, e.source_country.as_deref(), e.source_sector.as_deref()));
    row.extend(actor(&e.target_code, &e.target_name, e.target_country.as_deref(), e.target_sector.as_deref()));
    row.extend([
        u8::from(e.is_root).to_string(),
        e.cameo.clone(),
        base_code,
        e.cameo_root.clone(),
        e.quad_class.to_string(),
        format!("{:.1}", e.goldstein),
        e.num_mentions.to_string(),
        e.num_sources.to_string(),
        e.num_articles.to_string(),
        String::new(), // AvgTone: not computed
    ]);
    // Actor1Geo and Actor2Geo: 8 empty columns each.
    row.extend(std::iter::repeat_n(String::new(), 16));
    let located = !e.location_country.is_empty() || e.location_name.is_some();
    row.extend([
        if located { "1".to_string() } else { String::new() },
        tsv(e.location_name.as_deref().unwrap_or("")),
        e.location_country.clone(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        timestamp(e.added_at),
        tsv(e.first_url.as_deref().unwrap_or(&e.first_document)),
    ]);
    debug_assert_eq!(row.len(), GDELT_EVENT_COLUMNS);
    row
}

fn gdelt_events(store: &Store, out: &mut impl Write, path: &Path) -> Result<u64> {
    let mut rows = 0;
    store.for_each_event(&EventFilter::default(), |e| {
        if e.negated {
            return Ok(());
        }
        writeln!(out, "{}", gdelt_event_row(&e).join("\t")).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
        rows += 1;
        Ok(())
    })?;
    Ok(rows)
}

fn gdelt_mentions(store: &Store, out: &mut impl Write, path: &Path) -> Result<u64> {
    let q = |e| store.sqlite(e);
    let mut statement = store
        .conn
        .prepare(
            "SELECT m.event_key, e.added_at, d.ingested_at, d.source, d.url, d.id, m.sentence,
                    m.source_start, m.target_start, m.trigger_start, m.confidence, d.text_bytes
             FROM event_mentions m JOIN events e ON e.event_key = m.event_key JOIN documents d ON d.doc_key = m.doc_key
             WHERE e.negated = 0 ORDER BY m.event_key, m.rowid",
        )
        .map_err(q)?;
    let mut rows = statement.query([]).map_err(q)?;
    let mut count = 0;
    while let Some(r) = rows.next().map_err(q)? {
        let line = (|| -> rusqlite::Result<Vec<String>> {
            let url: Option<String> = r.get(4)?;
            let offset = |i: usize| -> rusqlite::Result<String> { Ok(r.get::<_, Option<i64>>(i)?.unwrap_or(-1).to_string()) };
            Ok(vec![
                r.get::<_, i64>(0)?.to_string(),
                timestamp(r.get(1)?),
                timestamp(r.get(2)?),
                if url.is_some() { "1" } else { "2" }.to_string(),
                tsv(&r.get::<_, Option<String>>(3)?.unwrap_or_default()),
                tsv(&url.map_or_else(|| r.get::<_, String>(5), Ok)?),
                (r.get::<_, i64>(6)? + 1).to_string(),
                offset(7)?,
                offset(8)?,
                offset(9)?,
                "1".to_string(),
                ((r.get::<_, f64>(10)? * 100.0).round() as i64).to_string(),
                r.get::<_, i64>(11)?.to_string(),
                String::new(),
                String::new(),
                String::new(),
            ])
        })()
        .map_err(q)?;
        debug_assert_eq!(line.len(), GDELT_MENTION_COLUMNS);
        writeln!(out, "{}", line.join("\t")).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
        count += 1;
    }
    Ok(count)
}

fn plover(store: &Store, out: &mut impl Write, path: &Path) -> Result<u64> {
    let q = |e| store.sqlite(e);
    let mut mentions = store
        .conn
        .prepare(
            "SELECT d.id, d.url, m.sentence, m.trigger_start, m.trigger_end, m.trigger_text
             FROM event_mentions m JOIN documents d ON d.doc_key = m.doc_key WHERE m.event_key = ?1 ORDER BY m.rowid",
        )
        .map_err(q)?;
    let mut rows = 0;
    store.for_each_event(&EventFilter::default(), |e| {
        let cites = mentions
            .query_map([e.event_key], |r| {
                Ok((
                    r.get::<_, String>(5)?,
                    json!({"document": r.get::<_, String>(0)?, "url": r.get::<_, Option<String>>(1)?, "sentence": r.get::<_, i64>(2)?,
                           "trigger": {"start": r.get::<_, i64>(3)?, "end": r.get::<_, i64>(4)?}}),
                ))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(q)?;
        let actor = |code: &str, name: &str, country: &Option<String>, sector: &Option<String>| {
            if code.is_empty() {
                json!([])
            } else {
                json!([{"code": code, "text": name, "country": country, "sector": sector}])
            }
        };
        let mut record = json!({
            "id": format!("detente-{}", e.event_key),
            "date": e.date.to_string(),
            "actor": actor(&e.source_code, &e.source_name, &e.source_country, &e.source_sector),
            "recipient": actor(&e.target_code, &e.target_name, &e.target_country, &e.target_sector),
            "event": [e.plover_type],
            "quad_code": e.quad_class,
            "cameo": e.cameo,
            "goldstein": e.goldstein,
            "negated": e.negated,
            "num_mentions": e.num_mentions,
            "num_sources": e.num_sources,
            "num_articles": e.num_articles,
            "event_text": cites.iter().map(|(text, _)| text).collect::<Vec<_>>(),
            "cite_info": cites.iter().map(|(_, cite)| cite).collect::<Vec<_>>(),
            "coder": "detente",
            "coded_date": chrono::DateTime::from_timestamp(e.added_at, 0).map(|t| t.date_naive().to_string()),
        });
        if let Some(mode) = &e.plover_mode {
            record["mode"] = json!([mode]);
        }
        if e.location_name.is_some() || !e.location_country.is_empty() {
            record["event_loc"] = json!({"name": e.location_name, "country": e.location_country});
        }
        serde_json::to_writer(&mut *out, &record).map_err(|e| export_error(path, e))?;
        writeln!(out).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
        rows += 1;
        Ok(())
    })?;
    Ok(rows)
}

/// The Arrow schema of the Parquet export; signed types throughout so Spark reads every column.
pub fn parquet_schema() -> Schema {
    let text = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
    Schema::new(vec![
        Field::new("global_event_id", DataType::Int64, false),
        Field::new("date", DataType::Date32, false),
        text("source_code", true),
        text("source_name", true),
        text("source_country", true),
        text("source_sector", true),
        text("target_code", true),
        text("target_name", true),
        text("target_country", true),
        text("target_sector", true),
        text("event_code", false),
        text("event_root_code", false),
        text("event_name", false),
        Field::new("quad_class", DataType::Int8, false),
        Field::new("goldstein", DataType::Float32, false),
        text("plover_type", false),
        text("plover_mode", true),
        text("location_name", true),
        text("location_country", true),
        Field::new("negated", DataType::Boolean, false),
        Field::new("is_root", DataType::Boolean, false),
        Field::new("num_mentions", DataType::Int32, false),
        Field::new("num_sources", DataType::Int32, false),
        Field::new("num_articles", DataType::Int32, false),
        text("first_document", false),
        text("source_url", true),
        // Milliseconds: Parquet has no seconds unit, and every reader maps millis to a timestamp.
        Field::new("date_added", DataType::Timestamp(TimeUnit::Millisecond, Some("UTC".into())), false),
    ])
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

fn record_batch(schema: &Arc<Schema>, events: &[StoredEvent]) -> std::result::Result<RecordBatch, arrow::error::ArrowError> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    let strings = |f: &dyn Fn(&StoredEvent) -> Option<&str>| -> ArrayRef { Arc::new(events.iter().map(f).collect::<StringArray>()) };
    let int32 = |f: &dyn Fn(&StoredEvent) -> u32| -> ArrayRef { Arc::new(events.iter().map(|e| f(e) as i32).collect::<Int32Array>()) };
    let columns: Vec<ArrayRef> = vec![
        Arc::new(events.iter().map(|e| e.event_key).collect::<Int64Array>()),
        Arc::new(events.iter().map(|e| Some((e.date - epoch).num_days() as i32)).collect::<Date32Array>()),
        strings(&|e| non_empty(&e.source_code)),
        strings(&|e| non_empty(&e.source_name)),
        strings(&|e| e.source_country.as_deref()),
        strings(&|e| e.source_sector.as_deref()),
        strings(&|e| non_empty(&e.target_code)),
        strings(&|e| non_empty(&e.target_name)),
        strings(&|e| e.target_country.as_deref()),
        strings(&|e| e.target_sector.as_deref()),
        strings(&|e| Some(&e.cameo)),
        strings(&|e| Some(&e.cameo_root)),
        strings(&|e| Some(&e.cameo_name)),
        Arc::new(events.iter().map(|e| e.quad_class as i8).collect::<Int8Array>()),
        Arc::new(events.iter().map(|e| e.goldstein as f32).collect::<Float32Array>()),
        strings(&|e| Some(&e.plover_type)),
        strings(&|e| e.plover_mode.as_deref()),
        strings(&|e| e.location_name.as_deref()),
        strings(&|e| non_empty(&e.location_country)),
        Arc::new(events.iter().map(|e| Some(e.negated)).collect::<BooleanArray>()),
        Arc::new(events.iter().map(|e| Some(e.is_root)).collect::<BooleanArray>()),
        int32(&|e| e.num_mentions),
        int32(&|e| e.num_sources),
        int32(&|e| e.num_articles),
        strings(&|e| Some(&e.first_document)),
        strings(&|e| e.first_url.as_deref()),
        Arc::new(TimestampMillisecondArray::from(events.iter().map(|e| e.added_at * 1000).collect::<Vec<_>>()).with_timezone("UTC")),
    ];
    RecordBatch::try_new(schema.clone(), columns)
}

fn parquet(store: &Store, out: &mut (impl Write + Send), path: &Path) -> Result<u64> {
    let schema = Arc::new(parquet_schema());
    let properties = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
    let mut writer = ArrowWriter::try_new(out, schema.clone(), Some(properties)).map_err(|e| export_error(path, e))?;
    let mut pending = Vec::with_capacity(PARQUET_BATCH_ROWS);
    let mut rows = 0;
    let flush = |pending: &mut Vec<StoredEvent>, writer: &mut ArrowWriter<_>| -> Result<()> {
        let batch = record_batch(&schema, pending).map_err(|e| export_error(path, e))?;
        writer.write(&batch).map_err(|e| export_error(path, e))?;
        pending.clear();
        Ok(())
    };
    store.for_each_event(&EventFilter::default(), |e| {
        pending.push(e);
        rows += 1;
        if pending.len() == PARQUET_BATCH_ROWS {
            flush(&mut pending, &mut writer)?;
        }
        Ok(())
    })?;
    if !pending.is_empty() {
        flush(&mut pending, &mut writer)?;
    }
    writer.close().map_err(|e| export_error(path, e))?;
    Ok(rows)
}

/// CSV columns: the fields of [`StoredEvent`], in order.
const CSV_HEADER: [&str; 27] = [
    "event_key", "date", "source_code", "source_name", "source_country", "source_sector", "target_code", "target_name",
    "target_country", "target_sector", "cameo", "cameo_root", "cameo_name", "quad_class", "goldstein", "plover_type",
    "plover_mode", "location_name", "location_country", "negated", "is_root", "num_mentions", "num_sources",
    "num_articles", "first_document", "first_url", "added_at",
];

fn csv(store: &Store, out: &mut impl Write, path: &Path) -> Result<u64> {
    let mut writer = csv::WriterBuilder::new().has_headers(false).from_writer(out);
    writer.write_record(CSV_HEADER).map_err(|e| export_error(path, e))?;
    let mut rows = 0;
    store.for_each_event(&EventFilter::default(), |e| {
        writer.serialize(&e).map_err(|e| export_error(path, e))?;
        rows += 1;
        Ok(())
    })?;
    writer.flush().map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
    Ok(rows)
}
