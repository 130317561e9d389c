//! `detente ingest`: code documents and keep them in an event store.
//!
//! Documents are read first (so the progress bar knows the total and a resumed
//! run skips what is stored before spending time coding it), then coded in
//! parallel on every core batch by batch, each batch written in one
//! transaction: a killed ingest loses at most the batch in flight, and running
//! the same command again completes the job.

use crate::inputs::InputArgs;
use anyhow::{Context, Result};
use detente_core::Document;
use detente_pipeline::{default_models_dir, Pipeline};
use detente_store::{Store, StoreOptions};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Code documents (segmentation, syntax, entities, actors, events, quotes) and
/// store them in an SQLite event store, creating it if needed.
///
/// Ingesting is idempotent: a document whose id or text is stored already is
/// skipped, so the same command can be re-run after an interruption. Events
/// reported by several articles are merged (same date, source, target, CAMEO
/// code and location country, within --dedup-window days) and counted as mentions.
#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
    detente ingest corpus/demo/articles.jsonl --db events.db\n  \
    detente ingest feed/ --db events.db --keep-going --batch-size 256\n  \
    detente ingest day.jsonl --db events.db --dedup-window 1   (only when creating events.db)")]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    db: DbArgs,
    /// Documents coded and written per transaction.
    #[arg(long, value_name = "N", default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..))]
    batch_size: u32,
    /// Events with the same date, actors, CAMEO code and location country at most
    /// this many days apart are one event. Fixed when the database is created
    /// (default 0: the same date).
    #[arg(long, value_name = "DAYS")]
    dedup_window: Option<u32>,
    /// Directory holding the models (default: $DETENTE_MODELS, else the repository's models/).
    #[arg(long, value_name = "DIR")]
    models: Option<PathBuf>,
}

/// The database flags shared by ingest, query and export.
#[derive(clap::Args)]
pub struct DbArgs {
    /// The event store (an SQLite file written by `detente ingest`).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// Seconds to wait for another process's write lock before giving up.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    pub lock_timeout: f64,
}

impl DbArgs {
    pub fn open(&self, read_only: bool, dedup_window_days: Option<u32>) -> Result<Store> {
        let notice: detente_store::LockWaitNotice = Arc::new(|path: &Path, timeout: Duration| {
            eprintln!(
                "{}: locked by another process; waiting up to {:.1} s (--lock-timeout)",
                path.display(),
                timeout.as_secs_f64()
            );
        });
        let options = StoreOptions {
            busy_timeout: Duration::from_secs_f64(self.lock_timeout.max(0.0)),
            dedup_window_days,
            read_only,
            on_lock_wait: Some(notice),
        };
        Store::open(&self.db, options).map_err(Into::into)
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let started = Instant::now();
    let mut store = args.db.open(false, args.dedup_window)?;
    let pipeline = Pipeline::with_models(&args.models.clone().unwrap_or_else(default_models_dir))?;

    let mut pending = Vec::new();
    let mut already_stored = 0u64;
    let failures = args.input.for_each(|doc| {
        if store.contains_document(&doc.id, &doc.text)? {
            already_stored += 1;
        } else {
            pending.push(doc);
        }
        Ok(())
    })?;

    let total = pending.len() as u64;
    let progress = Progress::new(total);
    let mut inserted = 0u64;
    let mut duplicates = 0u64;
    let mut documents = pending.into_iter();
    loop {
        let mut batch: Vec<Document> = documents.by_ref().take(args.batch_size as usize).collect();
        if batch.is_empty() {
            break;
        }
        batch.par_iter_mut().for_each(|doc| pipeline.run(doc));
        let report = store.insert_documents(&batch).with_context(|| format!("writing a batch of {} document(s)", batch.len()))?;
        inserted += report.inserted;
        duplicates += report.skipped;
        progress.advance(batch.len() as u64);
    }
    progress.finish();

    let counts = store.counts()?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "ingested {inserted} document(s) in {seconds:.1} s ({:.1} documents/s); {already_stored} already stored, {duplicates} duplicate(s) in the input",
        inserted as f64 / seconds.max(1e-9)
    );
    eprintln!(
        "{}: {} documents, {} actor mentions, {} events ({} mentions), {} quotes",
        args.db.db.display(),
        counts.documents,
        counts.actor_mentions,
        counts.events,
        counts.event_mentions,
        counts.quotes
    );
    Ok(if failures == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// A bar with documents/s and ETA on a terminal; a log line per committed batch otherwise.
enum Progress {
    Bar(ProgressBar),
    Log { total: u64, done: std::cell::Cell<u64>, started: Instant },
}

impl Progress {
    fn new(total: u64) -> Progress {
        if std::io::stderr().is_terminal() {
            let bar = ProgressBar::new(total);
            bar.set_style(
                ProgressStyle::with_template("{bar:40} {pos}/{len} documents ({per_sec}, ETA {eta})").expect("valid template"),
            );
            Progress::Bar(bar)
        } else {
            Progress::Log { total, done: std::cell::Cell::new(0), started: Instant::now() }
        }
    }

    fn advance(&self, documents: u64) {
        match self {
            Progress::Bar(bar) => bar.inc(documents),
            Progress::Log { total, done, started } => {
                done.set(done.get() + documents);
                let rate = done.get() as f64 / started.elapsed().as_secs_f64().max(1e-9);
                let eta = (*total - done.get()) as f64 / rate.max(1e-9);
                eprintln!("committed {}/{total} documents ({rate:.1} documents/s, ETA {eta:.0} s)", done.get());
            }
        }
    }

    fn finish(&self) {
        if let Progress::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }
}
