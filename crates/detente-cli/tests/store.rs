//! `detente ingest | query | export` end to end: idempotent and resumable
//! ingest (a SIGKILL mid-way, then the same command again), foreign and locked
//! databases, and the query and export commands on what the pipeline coded.
//!
//! The corpus is the repository's own demo corpus, repeated with distinct ids
//! and a distinct closing line so that no copy is a content duplicate.

use detente_store::{Counts, Store, StoreOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn detente(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_detente")).args(args).output().expect("run detente")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn demo_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/demo/articles.jsonl")
}

/// The demo corpus `copies` times, each copy with its own ids and closing line.
fn repeated_corpus(dir: &Path, copies: usize) -> PathBuf {
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(demo_corpus())
        .expect("demo corpus")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    let path = dir.join("corpus.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for copy in 0..copies {
        for line in &lines {
            let mut record = line.clone();
            record["id"] = format!("{}-copy{copy}", line["id"].as_str().unwrap()).into();
            record["text"] = format!("{}\n\nThis is edition {copy} of the report.", line["text"].as_str().unwrap()).into();
            serde_json::to_writer(&mut out, &record).unwrap();
            writeln!(out).unwrap();
        }
    }
    out.flush().unwrap();
    path
}

fn counts(db: &Path) -> Counts {
    Store::open(db, StoreOptions { read_only: true, ..StoreOptions::default() }).expect("open db").counts().expect("counts")
}

fn ingest(corpus: &Path, db: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["ingest", corpus.to_str().unwrap(), "--db", db.to_str().unwrap()];
    args.extend_from_slice(extra);
    detente(&args)
}

#[test]
fn ingesting_twice_gives_identical_counts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("events.db");
    let first = ingest(&demo_corpus(), &db, &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    let after_first = counts(&db);
    let lines = std::fs::read_to_string(demo_corpus()).unwrap().lines().count() as u64;
    assert_eq!(after_first.documents, lines);

    let second = ingest(&demo_corpus(), &db, &[]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert_eq!(counts(&db), after_first);
    assert!(stderr(&second).contains(&format!("ingested 0 document(s)")), "{}", stderr(&second));
    assert!(stderr(&second).contains(&format!("{lines} already stored")), "{}", stderr(&second));
}

#[test]
fn an_ingest_killed_mid_way_completes_on_rerun_with_the_same_counts() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = repeated_corpus(dir.path(), 20);
    let total = std::fs::read_to_string(&corpus).unwrap().lines().count() as u64;

    let reference = dir.path().join("reference.db");
    let out = ingest(&corpus, &reference, &["--batch-size", "8"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let expected = counts(&reference);
    assert_eq!(expected.documents, total);

    // Kill as soon as the first batch is committed (stderr is not a terminal,
    // so the command logs one line per committed batch).
    let db = dir.path().join("killed.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_detente"))
        .args(["ingest", corpus.to_str().unwrap(), "--db", db.to_str().unwrap(), "--batch-size", "8"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut log = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    loop {
        line.clear();
        assert!(log.read_line(&mut line).unwrap() > 0, "ingest ended before committing a batch");
        if line.starts_with("committed ") {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let partial = counts(&db);
    assert!(partial.documents > 0 && partial.documents < total, "killed too late to prove anything: {partial:?}");
    assert_eq!(partial.documents % 8, 0, "only whole batches are committed: {partial:?}");

    let rerun = ingest(&corpus, &db, &["--batch-size", "8"]);
    assert!(rerun.status.success(), "{}", stderr(&rerun));
    assert!(stderr(&rerun).contains(&format!("{} already stored", partial.documents)), "{}", stderr(&rerun));
    assert_eq!(counts(&db), expected);
}

#[test]
fn a_foreign_or_corrupt_db_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "a shopping list, not a database\n").unwrap();
    let other = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (42);").unwrap();
    for db in [&text, &other] {
        let before = std::fs::read(db).unwrap();
        for args in [
            vec!["ingest", demo_corpus().to_str().unwrap(), "--db", db.to_str().unwrap()],
            vec!["query", "events", "--db", db.to_str().unwrap()],
            vec!["export", "--db", db.to_str().unwrap(), "--format", "csv", "--out", dir.path().join("x.csv").to_str().unwrap()],
        ] {
            let out = detente(&args);
            assert!(!out.status.success());
            let message = stderr(&out);
            assert!(message.contains(db.to_str().unwrap()) && message.contains("not a Detente database"), "{message}");
            assert_eq!(std::fs::read(db).unwrap(), before, "{} was modified", db.display());
        }
    }
    assert!(!dir.path().join("x.csv").exists());
}

#[test]
fn a_locked_db_waits_then_errors_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("events.db");
    let corpus = repeated_corpus(dir.path(), 1);
    let out = ingest(&corpus, &db, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = counts(&db);

    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let out = ingest(&demo_corpus(), &db, &["--lock-timeout", "0.5"]);
    assert!(!out.status.success());
    let message = stderr(&out);
    assert!(message.contains("waiting up to 0.5 s"), "{message}");
    assert!(message.contains("locked by another process; gave up after waiting"), "{message}");
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert_eq!(counts(&db), before);
}

#[test]
fn query_and_export_commands_read_the_ingested_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("events.db");
    let out = ingest(&demo_corpus(), &db, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stored = counts(&db);
    let store = Store::open(&db, StoreOptions { read_only: true, ..StoreOptions::default() }).unwrap();
    let events = store.events(&detente_store::EventFilter::default()).unwrap();
    let db = db.to_str().unwrap();

    let json = detente(&["query", "events", "--db", db, "--format", "json"]);
    assert!(json.status.success(), "{}", stderr(&json));
    let listed: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(listed.len() as u64, stored.events);

    let csv = detente(&["query", "dyad", "USA", "RUS", "--db", db, "--by", "month", "--format", "csv"]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    assert!(String::from_utf8_lossy(&csv.stdout).starts_with("period,direction,events,"));

    let table = detente(&["query", "actor", "USA", "--db", db]);
    assert!(table.status.success(), "{}", stderr(&table));
    assert!(String::from_utf8_lossy(&table.stdout).lines().next().unwrap().starts_with("field"));

    let gdelt = dir.path().join("events.tsv");
    let out = detente(&["export", "--db", db, "--format", "gdelt", "--out", gdelt.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&gdelt).unwrap();
    assert_eq!(text.lines().count(), events.iter().filter(|e| !e.negated).count());
    assert!(text.lines().all(|l| l.split('\t').count() == 61));

    let parquet = dir.path().join("events.parquet");
    let out = detente(&["export", "--db", db, "--format", "parquet", "--out", parquet.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("wrote {} row(s)", stored.events)), "{}", stderr(&out));
}
