//! The store's guarantees: idempotent ingest, cross-article deduplication,
//! foreign files left untouched, lock waits, queries and exports that agree
//! with what was stored.

mod common;

use common::{date, document, spec, Spec};
use detente_store::export::{gdelt_event_row, GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS};
use detente_store::{export, DyadFilter, EventFilter, ExportFormat, Period, Store, StoreError, StoreOptions};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

fn open(path: &Path) -> Store {
    Store::open(path, StoreOptions::default()).expect("open store")
}

fn sample_docs() -> Vec<detente_core::Document> {
    vec![
        document("a1", Some("Wire One"), &[spec("USAGOV", "RUSGOV", "036", 1, 4.0, "2022-01-10"), spec("RUS", "UKR", "190", 4, -10.0, "2022-01-11")]),
        // The same meeting reported by another wire: merged into one event.
        document("a2", Some("Wire Two"), &[spec("USAGOV", "RUSGOV", "036", 1, 4.0, "2022-01-10")]),
        // A third article from Wire One mentioning it twice.
        document("a3", Some("Wire One"), &[spec("USAGOV", "RUSGOV", "036", 1, 4.0, "2022-01-10"), spec("USAGOV", "RUSGOV", "036", 1, 4.0, "2022-01-10")]),
        document("a4", None, &[spec("RUSGOV", "USAGOV", "112", 3, -2.0, "2022-01-19")]),
    ]
}

#[test]
fn reinserting_by_id_or_content_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("e.db"));
    let docs = sample_docs();
    let first = store.insert_documents(&docs).unwrap();
    assert_eq!(first.inserted, 4);
    let counts = store.counts().unwrap();
    assert_eq!(counts.documents, 4);
    assert_eq!(counts.event_mentions, 6);

    let again = store.insert_documents(&docs).unwrap();
    assert_eq!((again.inserted, again.skipped), (0, 4));
    // Same text under a new id, and a new text under a known id: both skipped.
    let mut renamed = docs[0].clone();
    renamed.id = "other-id".into();
    let mut rewritten = docs[1].clone();
    rewritten.text.push_str(" More.");
    let third = store.insert_documents(&[renamed, rewritten]).unwrap();
    assert_eq!((third.inserted, third.skipped), (0, 2));
    assert_eq!(store.counts().unwrap(), counts);
}

#[test]
fn duplicates_inside_one_batch_are_written_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("e.db"));
    let doc = sample_docs().remove(0);
    let report = store.insert_documents(&[doc.clone(), doc]).unwrap();
    assert_eq!((report.inserted, report.skipped), (1, 1));
    assert_eq!(store.counts().unwrap().documents, 1);
}

#[test]
fn same_event_across_articles_is_one_event_with_every_mention() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("e.db"));
    store.insert_documents(&sample_docs()).unwrap();
    let meetings = store.events(&EventFilter { code: Some("036".into()), ..EventFilter::default() }).unwrap();
    assert_eq!(meetings.len(), 1, "{meetings:#?}");
    let m = &meetings[0];
    assert_eq!((m.num_mentions, m.num_articles, m.num_sources), (4, 3, 2));
    assert_eq!(m.first_document, "a1");
    assert_eq!(store.counts().unwrap().events, 3);

    // Every mention keeps its document, sentence and byte offsets.
    let out = dir.path().join("mentions.tsv");
    export(&store, ExportFormat::GdeltMentions, &out).unwrap();
    let docs = sample_docs();
    let lines: Vec<Vec<String>> =
        std::fs::read_to_string(&out).unwrap().lines().map(|l| l.split('\t').map(String::from).collect()).collect();
    let meeting_mentions: Vec<_> = lines.iter().filter(|c| c[0] == m.event_key.to_string()).collect();
    assert_eq!(meeting_mentions.len(), 4);
    for cols in &lines {
        assert_eq!(cols.len(), GDELT_MENTION_COLUMNS);
        let doc = docs.iter().find(|d| d.meta.url.as_deref() == Some(cols[5].as_str())).expect("mention names its document");
        let sentence: usize = cols[6].parse::<usize>().unwrap() - 1;
        let event = &doc.events[sentence];
        assert_eq!(cols[9], event.evidence.trigger.span.start.to_string());
        assert_eq!(cols[7], event.source[0].span.start.to_string());
        let trigger = &doc.text[event.evidence.trigger.span.start as usize..event.evidence.trigger.span.end as usize];
        assert_eq!(trigger, format!("acted-{}", event.cameo.code));
    }
}

#[test]
fn date_window_is_configurable_and_fixed_at_creation() {
    let dir = tempfile::tempdir().unwrap();
    let docs = [
        document("d1", Some("W"), &[spec("FRA", "DEU", "042", 1, 1.9, "2022-03-01")]),
        document("d2", Some("W"), &[spec("FRA", "DEU", "042", 1, 1.9, "2022-03-02")]),
        document("d3", Some("W"), &[spec("FRA", "DEU", "042", 1, 1.9, "2022-03-05")]),
    ];
    let same_day = dir.path().join("same-day.db");
    let mut store = open(&same_day);
    store.insert_documents(&docs).unwrap();
    assert_eq!(store.counts().unwrap().events, 3);

    let window = dir.path().join("window.db");
    let mut store = Store::open(&window, StoreOptions { dedup_window_days: Some(1), ..StoreOptions::default() }).unwrap();
    store.insert_documents(&docs).unwrap();
    let events = store.events(&EventFilter::default()).unwrap();
    assert_eq!(events.iter().map(|e| e.num_mentions).collect::<Vec<_>>(), vec![2, 1]);
    drop(store);

    let err = Store::open(&window, StoreOptions { dedup_window_days: Some(0), ..StoreOptions::default() }).err().unwrap();
    assert!(matches!(err, StoreError::WindowMismatch { stored: 1, requested: 0, .. }), "{err}");
    assert_eq!(open(&window).dedup_window_days(), 1);
}

#[test]
fn location_and_negation_are_part_of_the_identity() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("e.db"));
    let base = spec("ISR", "PSE", "190", 4, -10.0, "2022-05-01");
    let located = Spec { location: Some("LBN"), ..base.clone() };
    let denied = Spec { negated: true, ..base.clone() };
    store
        .insert_documents(&[document("x1", None, std::slice::from_ref(&base)), document("x2", None, &[located]), document("x3", None, &[denied]), document("x4", None, &[base])])
        .unwrap();
    let events = store.events(&EventFilter::default()).unwrap();
    assert_eq!(events.len(), 3);
    assert_eq!(events.iter().map(|e| e.num_mentions).sum::<u32>(), 4);
    // Negated events are not counted in dyad series.
    let rows = store.dyad(&DyadFilter { a: "ISR".into(), b: "PSE".into(), from: None, to: None, by: Period::Day }).unwrap();
    let both = rows.iter().find(|r| r.direction == "both").unwrap();
    assert_eq!(both.material_conflict, 2);
}

#[test]
fn dyad_series_by_week_both_directions() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("e.db"));
    store.insert_documents(&sample_docs()).unwrap();
    store
        .insert_documents(&[document("b1", Some("W"), &[spec("RUS", "USA", "173", 4, -5.0, "2022-01-12"), spec("USAMIL", "RUSMIL", "057", 2, 8.0, "2022-01-13")])])
        .unwrap();
    let rows = store.dyad(&DyadFilter { a: "USA".into(), b: "RUS".into(), from: None, to: None, by: Period::Week }).unwrap();
    let week = |d: &str, dir: &str| rows.iter().find(|r| r.period == date(d) && r.direction == dir).cloned().unwrap();
    // Week of Monday 2022-01-10: USA→RUS meeting (036) and military pact (057); RUS→USA 173.
    let forward = week("2022-01-10", "USA->RUS");
    assert_eq!((forward.events, forward.verbal_cooperation, forward.material_cooperation), (2, 1, 1));
    assert_eq!(forward.goldstein_sum, 12.0);
    assert_eq!(forward.mentions, 5);
    let backward = week("2022-01-10", "RUS->USA");
    assert_eq!((backward.events, backward.material_conflict, backward.goldstein_mean), (1, 1, -5.0));
    let both = week("2022-01-10", "both");
    assert_eq!((both.events, both.goldstein_sum), (3, 7.0));
    assert_eq!(week("2022-01-17", "RUS->USA").verbal_conflict, 1);
    assert_eq!(rows.len(), 6);

    let january = store.dyad(&DyadFilter { a: "USA".into(), b: "RUS".into(), from: Some(date("2022-01-12")), to: None, by: Period::Month }).unwrap();
    assert_eq!(january.len(), 3);
    assert_eq!(january[2].events, 3, "12 Jan onwards: 173, 057 and 112");
}

#[test]
fn actor_events_and_quotes_queries() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("e.db"));
    store.insert_documents(&sample_docs()).unwrap();
    let rus = store.actor("RUS").unwrap();
    assert_eq!((rus.mentions, rus.documents), (6, 4));
    assert_eq!(rus.as_source, [0, 0, 1, 1]);
    assert_eq!(rus.as_target, [1, 0, 0, 0]);
    assert_eq!(rus.partners[0], ("USAGOV".to_string(), 2));
    assert_eq!(rus.first_event, Some(date("2022-01-10")));
    assert_eq!(rus.last_event, Some(date("2022-01-19")));

    let filtered = store
        .events(&EventFilter { source: Some("RUS".into()), from: Some(date("2022-01-11")), to: Some(date("2022-01-11")), ..EventFilter::default() })
        .unwrap();
    assert_eq!(filtered.iter().map(|e| e.cameo.as_str()).collect::<Vec<_>>(), vec!["190"]);

    let quotes = store.quotes("USAGOV").unwrap();
    assert_eq!(quotes.iter().map(|q| q.document.as_str()).collect::<Vec<_>>(), vec!["a1", "a2", "a3"]);
    assert_eq!(quotes[0].content, "We keep talking,");
}

#[test]
fn foreign_and_corrupt_files_are_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "these are someone's notes, not a database\n").unwrap();
    let garbage = dir.path().join("garbage.db");
    std::fs::write(&garbage, (0..4096u32).map(|i| (i * 7 % 251) as u8).collect::<Vec<_>>()).unwrap();
    let other_app = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&other_app).unwrap();
        conn.execute_batch("CREATE TABLE mine(x); INSERT INTO mine VALUES (1);").unwrap();
    }
    // A Detente database whose pages after the header were overwritten.
    let corrupt = dir.path().join("corrupt.db");
    open(&corrupt).insert_documents(&sample_docs()).unwrap();
    let mut bytes = std::fs::read(&corrupt).unwrap();
    for b in &mut bytes[100..] {
        *b = 0xAB;
    }
    std::fs::write(&corrupt, &bytes).unwrap();

    for path in [&text, &garbage, &other_app, &corrupt] {
        let before = std::fs::read(path).unwrap();
        let err = Store::open(path, StoreOptions::default()).err().unwrap_or_else(|| panic!("{} was accepted", path.display()));
        let message = err.to_string();
        assert!(message.contains(&path.display().to_string()), "{message}");
        if path == &corrupt {
            assert!(matches!(err, StoreError::Corrupt { .. }), "{message}");
        } else {
            assert!(message.contains("not a Detente database"), "{message}");
        }
        assert!(message.contains("left untouched"), "{message}");
        assert_eq!(std::fs::read(path).unwrap(), before, "{} was modified", path.display());
    }
    let names: Vec<String> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!names.iter().any(|n| n.ends_with("-wal") && !n.starts_with("corrupt")), "{names:?}");
}

#[test]
fn a_locked_database_waits_then_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.db");
    drop(open(&path));
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();

    let told = Arc::new(AtomicBool::new(false));
    let flag = told.clone();
    let options = StoreOptions {
        busy_timeout: Duration::from_millis(300),
        on_lock_wait: Some(Arc::new(move |_: &Path, _: Duration| flag.store(true, Ordering::SeqCst))),
        ..StoreOptions::default()
    };
    let mut store = Store::open(&path, options).unwrap();
    let err = store.insert_documents(&sample_docs()).unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    assert!(err.to_string().contains("locked by another process"), "{err}");
    assert!(told.load(Ordering::SeqCst), "the wait was not reported");

    holder.execute_batch("COMMIT").unwrap();
    assert_eq!(store.insert_documents(&sample_docs()).unwrap().inserted, 4);
}

#[test]
fn gdelt_export_has_61_columns_and_matches_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("e.db"));
    let mut docs = sample_docs();
    docs.push(document("n1", None, &[Spec { negated: true, ..spec("USA", "CHN", "0211", 1, 3.0, "2022-02-01") }]));
    docs.push(document("n2", None, &[Spec { location: Some("CHE"), ..spec("USA", "CHN", "0211", 1, 3.0, "2022-02-01") }]));
    store.insert_documents(&docs).unwrap();
    let out = dir.path().join("events.tsv");
    let rows = export(&store, ExportFormat::Gdelt, &out).unwrap();
    let stored: Vec<_> = store.events(&EventFilter::default()).unwrap().into_iter().filter(|e| !e.negated).collect();
    assert_eq!(rows as usize, stored.len());
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), stored.len());
    for (line, event) in lines.iter().zip(&stored) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), GDELT_EVENT_COLUMNS, "{line}");
        assert_eq!(cols, gdelt_event_row(event));
        assert_eq!(cols[0], event.event_key.to_string());
        assert_eq!(cols[1], event.date.format("%Y%m%d").to_string());
        assert_eq!((cols[5], cols[15]), (event.source_code.as_str(), event.target_code.as_str()));
        assert_eq!(cols[26], event.cameo);
        assert_eq!(cols[29], event.quad_class.to_string());
        assert_eq!(cols[31].parse::<u32>().unwrap(), event.num_mentions);
    }
    let greeting = lines.iter().map(|l| l.split('\t').collect::<Vec<_>>()).find(|c| c[26] == "0211").unwrap();
    assert_eq!((greeting[27], greeting[28]), ("021", "02"), "EventBaseCode and EventRootCode keep leading zeros");
    assert_eq!((greeting[51], greeting[53]), ("1", "CHE"));
    assert_eq!((greeting[12], greeting[7]), ("", "USA"));
    let meeting = lines.iter().map(|l| l.split('\t').collect::<Vec<_>>()).find(|c| c[26] == "036").unwrap();
    assert_eq!((meeting[6], meeting[12]), ("USAGOV", "GOV"));
    assert_eq!(meeting[60], "https://example.org/a1");
}

#[test]
fn parquet_reads_back_with_the_same_rows() {
    use arrow::array::{Array, AsArray};
    use arrow::datatypes::{Date32Type, Float32Type, Int32Type, Int64Type};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("e.db"));
    store.insert_documents(&sample_docs()).unwrap();
    store.insert_documents(&[document("z", None, &[Spec { location: Some("AUT"), ..spec("IRN", "IGOUNO", "0311", 1, 3.0, "2023-07-04") }])]).unwrap();
    let out = dir.path().join("events.parquet");
    assert_eq!(export(&store, ExportFormat::Parquet, &out).unwrap(), 4);

    let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&out).unwrap()).unwrap().build().unwrap();
    let batches: Vec<_> = reader.collect::<Result<_, _>>().unwrap();
    let stored = store.events(&EventFilter::default()).unwrap();
    let mut row = 0;
    for batch in &batches {
        let schema = batch.schema();
        let col = |name: &str| batch.column(schema.index_of(name).unwrap()).clone();
        for i in 0..batch.num_rows() {
            let e = &stored[row];
            assert_eq!(col("global_event_id").as_primitive::<Int64Type>().value(i), e.event_key);
            assert_eq!(col("date").as_primitive::<Date32Type>().value_as_date(i), Some(e.date));
            assert_eq!(col("event_code").as_string::<i32>().value(i), e.cameo);
            assert_eq!(col("source_code").as_string::<i32>().value(i), e.source_code);
            assert_eq!(col("goldstein").as_primitive::<Float32Type>().value(i), e.goldstein as f32);
            assert_eq!(col("num_mentions").as_primitive::<Int32Type>().value(i) as u32, e.num_mentions);
            let added = col("date_added");
            assert_eq!(added.as_primitive::<arrow::datatypes::TimestampMillisecondType>().value(i), e.added_at * 1000);
            let location = col("location_country");
            assert_eq!(location.is_null(i), e.location_country.is_empty());
            row += 1;
        }
    }
    assert_eq!(row, stored.len());
}

#[test]
fn plover_and_csv_exports_hold_every_event() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("e.db"));
    store.insert_documents(&sample_docs()).unwrap();
    let stored = store.events(&EventFilter::default()).unwrap();

    let jsonl = dir.path().join("events.jsonl");
    export(&store, ExportFormat::Plover, &jsonl).unwrap();
    let records: Vec<serde_json::Value> =
        std::fs::read_to_string(&jsonl).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records.len(), stored.len());
    let meeting = records.iter().find(|r| r["cameo"] == "036").unwrap();
    assert_eq!(meeting["actor"][0]["code"], "USAGOV");
    assert_eq!(meeting["recipient"][0]["code"], "RUSGOV");
    assert_eq!(meeting["date"], "2022-01-10");
    assert_eq!(meeting["cite_info"].as_array().unwrap().len(), 4);
    assert_eq!(meeting["event_text"][0], "acted-036");

    let csv_path = dir.path().join("events.csv");
    export(&store, ExportFormat::Csv, &csv_path).unwrap();
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let header = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), stored.len());
    let cameo = header.iter().position(|h| h == "cameo").unwrap();
    assert_eq!(rows.iter().map(|r| r[cameo].to_string()).collect::<Vec<_>>(), stored.iter().map(|e| e.cameo.clone()).collect::<Vec<_>>());
}

#[test]
fn exports_replace_the_target_only_when_complete() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir.path().join("e.db"));
    let out = dir.path().join("missing-dir").join("events.tsv");
    assert!(export(&store, ExportFormat::Gdelt, &out).is_err());
    let existing = dir.path().join("events.tsv");
    std::fs::write(&existing, "old").unwrap();
    export(&store, ExportFormat::Gdelt, &existing).unwrap();
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().filter_map(|e| e.ok()).filter(|e| e.file_name().to_string_lossy().starts_with(".detente-export-")).collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.db");
    drop(open(&path));
    rusqlite::Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let err = Store::open(&path, StoreOptions::default()).err().unwrap();
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
}
