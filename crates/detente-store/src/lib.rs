//! Detente's event store: an embedded SQLite database of coded documents.
//!
//! Analysts code a feed for months and then ask questions across it ("how did
//! US–Russia relations move this week?"), so what the pipeline produces is kept
//! in one file: documents (id, content hash, metadata), actor mentions, events,
//! event mentions with their byte offsets, and quotations. The schema is in
//! [`schema`] and documented in the crate's README.md.
//!
//! Safety properties, each tested:
//! - **Idempotent ingest.** A document whose id or content hash (SHA-256 of the
//!   text) is already stored is skipped whole: ingesting twice changes nothing.
//! - **Atomic batches.** [`Store::insert_documents`] writes a batch in one
//!   transaction (WAL mode): a process killed at any moment leaves whole
//!   documents or none, and re-running the same ingest finishes the job.
//! - **Foreign files are never touched.** [`Store::open`] reads the SQLite header
//!   and the `application_id` before SQLite opens the file; anything else is
//!   refused with a clear error and left byte-for-byte as it was.
//! - **Locks wait, then fail clearly.** A write waits for another writer up to
//!   [`StoreOptions::busy_timeout`], says that it is waiting, and then reports
//!   the lock instead of a bare "database is locked".
//!
//! **Deduplication across articles**, as GDELT does: an event's identity is
//! (date, source code, target code, CAMEO code, location country, negated). A
//! coded event whose identity fields equal those of a stored event dated within
//! [`StoreOptions::dedup_window_days`] of it (default 0: the same date) is a new
//! *mention* of that event, not a new event; the nearest such event wins (the
//! earlier on a tie). Each event row keeps `num_mentions` (mentions),
//! `num_articles` (distinct documents) and `num_sources` (distinct `Meta::source`
//! values; documents without a source count as one unknown source), and every
//! mention keeps its document, sentence and byte offsets. An event with several
//! sources or targets ("the US and Britain condemned …") is one event per
//! (source, target) pair, as GDELT's dyadic rows are.

pub mod export;
mod ingest;
pub mod query;
pub mod schema;

pub use export::{export, ExportFormat};
pub use ingest::{content_hash, InsertReport};
pub use query::{ActorSummary, DyadFilter, DyadRow, EventFilter, Period, StoredEvent, StoredQuote};

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: not a Detente database: {reason}; the file was left untouched", path.display())]
    Foreign { path: PathBuf, reason: String },
    #[error("{}: the database is damaged ({reason}); the file was left untouched (restore it from a copy or ingest again into a new file)", path.display())]
    Corrupt { path: PathBuf, reason: String },
    #[error("{}: written by a newer Detente (schema version {found}; this build knows up to {})", path.display(), schema::SCHEMA_VERSION)]
    TooNew { path: PathBuf, found: i32 },
    #[error("{}: the database is locked by another process; gave up after waiting {:.1} s (wait longer with a larger lock timeout, or stop the other writer)", path.display(), waited.as_secs_f64())]
    Locked { path: PathBuf, waited: Duration },
    #[error("{}: the database deduplicates events within {stored} day(s); it cannot be used with a window of {requested} day(s)", path.display())]
    WindowMismatch { path: PathBuf, stored: u32, requested: u32 },
    #[error("{}: no Detente database here", path.display())]
    Missing { path: PathBuf },
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: {source}", path.display())]
    Sqlite { path: PathBuf, source: rusqlite::Error },
    #[error("{}: {message}", path.display())]
    Export { path: PathBuf, message: String },
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Called once when a write has to wait for another process's lock.
pub type LockWaitNotice = Arc<dyn Fn(&Path, Duration) + Send + Sync>;

/// How a store is opened.
#[derive(Clone)]
pub struct StoreOptions {
    /// How long a write waits for another writer before failing with [`StoreError::Locked`].
    pub busy_timeout: Duration,
    /// Events with the same identity dated at most this many days apart are one
    /// event. Fixed when the database is created; `None` takes the stored value
    /// (0 for a new database), and a different `Some` is refused.
    pub dedup_window_days: Option<u32>,
    /// Open an existing database for queries and exports only.
    pub read_only: bool,
    /// Told when a write starts waiting for a lock (the CLI prints a line).
    pub on_lock_wait: Option<LockWaitNotice>,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions { busy_timeout: Duration::from_secs(10), dedup_window_days: None, read_only: false, on_lock_wait: None }
    }
}

/// Row counts of every table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub documents: u64,
    pub actor_mentions: u64,
    pub events: u64,
    pub event_mentions: u64,
    pub quotes: u64,
}

/// An open Detente database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    options: StoreOptions,
    dedup_window_days: u32,
}

impl Store {
    /// Opens the database at `path`, creating it when nothing (or an empty file)
    /// is there. Refuses, without writing anything, a file that is not a Detente
    /// database; migrates an older schema.
    pub fn open(path: &Path, options: StoreOptions) -> Result<Store> {
        match schema::inspect(path)? {
            schema::FileState::New if options.read_only => return Err(StoreError::Missing { path: path.to_path_buf() }),
            schema::FileState::New => create(path, options.dedup_window_days.unwrap_or(0))?,
            schema::FileState::Detente => {}
        }
        let sqlite = |source| StoreError::Sqlite { path: path.to_path_buf(), source };
        let flags = if options.read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let conn = Connection::open_with_flags(path, flags).map_err(sqlite)?;
        conn.busy_timeout(Duration::ZERO).map_err(sqlite)?;
        let mut store = Store { conn, path: path.to_path_buf(), options, dedup_window_days: 0 };
        // A damaged file fails here, on the first read of its schema, before anything
        // is written; the read is retried while another process recovers the WAL.
        let version: i32 = store
            .with_lock_retry(|c| {
                c.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
                c.pragma_query_value(None, "user_version", |r| r.get(0))
            })
            .map_err(|e| match e {
                StoreError::Sqlite { path, source }
                    if matches!(
                        source.sqlite_error_code(),
                        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
                    ) =>
                {
                    StoreError::Corrupt { path, reason: source.to_string() }
                }
                other => other,
            })?;
        // Per-connection settings, nothing written to the file. In WAL mode NORMAL
        // keeps the database consistent through any crash (a power cut may lose the
        // last commits, a killed process loses nothing committed); the larger page
        // cache keeps the event indexes in memory while batches are inserted.
        store.conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;").map_err(sqlite)?;
        if version > schema::SCHEMA_VERSION {
            return Err(StoreError::TooNew { path: path.to_path_buf(), found: version });
        }
        if version < schema::SCHEMA_VERSION {
            store.write(|tx| schema::migrate(tx, version).map_err(sqlite))?;
        }
        let stored: u32 = store
            .with_lock_retry(|c| c.query_row("SELECT value FROM settings WHERE key = 'dedup_window_days'", [], |r| r.get::<_, String>(0)))?
            .parse()
            .unwrap_or(0);
        if let Some(requested) = store.options.dedup_window_days {
            if requested != stored {
                return Err(StoreError::WindowMismatch { path: path.to_path_buf(), stored, requested });
            }
        }
        store.dedup_window_days = stored;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The date window of event deduplication, in days.
    pub fn dedup_window_days(&self) -> u32 {
        self.dedup_window_days
    }

    /// Row counts of every table.
    pub fn counts(&self) -> Result<Counts> {
        let count = |table: &str| -> Result<u64> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get::<_, i64>(0))
                .map(|n| n as u64)
                .map_err(|e| self.sqlite(e))
        };
        Ok(Counts {
            documents: count("documents")?,
            actor_mentions: count("actor_mentions")?,
            events: count("events")?,
            event_mentions: count("event_mentions")?,
            quotes: count("quotes")?,
        })
    }

    /// Whether a document with this id or this text is stored already (so a
    /// resumed ingest need not code it again).
    pub fn contains_document(&self, id: &str, text: &str) -> Result<bool> {
        ingest::contains(&self.conn, id, &content_hash(text)).map_err(|e| self.sqlite(e))
    }

    pub(crate) fn sqlite(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite { path: self.path.clone(), source }
    }

    /// Runs `write` in one write transaction (`BEGIN IMMEDIATE`) and commits it;
    /// waits for another writer up to the busy timeout, saying so once.
    pub(crate) fn write<T>(&mut self, write: impl FnOnce(&rusqlite::Transaction) -> Result<T>) -> Result<T> {
        let started = Instant::now();
        let mut told = false;
        loop {
            match self.conn.transaction_with_behavior(TransactionBehavior::Immediate) {
                Ok(tx) => {
                    let value = write(&tx)?;
                    tx.commit().map_err(|e| StoreError::Sqlite { path: self.path.clone(), source: e })?;
                    return Ok(value);
                }
                Err(e) if is_busy(&e) => {
                    let waited = started.elapsed();
                    if waited >= self.options.busy_timeout {
                        return Err(StoreError::Locked { path: self.path.clone(), waited });
                    }
                    if !told {
                        if let Some(notice) = &self.options.on_lock_wait {
                            notice(&self.path, self.options.busy_timeout);
                        }
                        told = true;
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(e) => return Err(StoreError::Sqlite { path: self.path.clone(), source: e }),
            }
        }
    }

    /// Runs a read, retrying while another process holds an exclusive lock.
    fn with_lock_retry<T>(&self, read: impl Fn(&Connection) -> rusqlite::Result<T>) -> Result<T> {
        let started = Instant::now();
        loop {
            match read(&self.conn) {
                Ok(v) => return Ok(v),
                Err(e) if is_busy(&e) && started.elapsed() < self.options.busy_timeout => {
                    std::thread::sleep(Duration::from_millis(50))
                }
                Err(e) if is_busy(&e) => return Err(StoreError::Locked { path: self.path.clone(), waited: started.elapsed() }),
                Err(e) => return Err(self.sqlite(e)),
            }
        }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

/// Creates a new database beside `path` under a temporary name and renames it
/// into place, so a crash never leaves a half-initialised file at `path`.
fn create(path: &Path, dedup_window_days: u32) -> Result<()> {
    let io = |source| StoreError::Io { path: path.to_path_buf(), source };
    let sqlite = |source| StoreError::Sqlite { path: path.to_path_buf(), source };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let temp = tempfile::Builder::new().prefix(".detente-db-").tempfile_in(dir).map_err(io)?;
    {
        let mut conn = Connection::open(temp.path()).map_err(sqlite)?;
        conn.pragma_update(None, "application_id", schema::APPLICATION_ID).map_err(sqlite)?;
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).map_err(sqlite)?;
        debug_assert_eq!(mode, "wal");
        let tx = conn.transaction().map_err(sqlite)?;
        schema::migrate(&tx, 0).map_err(sqlite)?;
        tx.execute("INSERT INTO settings(key, value) VALUES ('dedup_window_days', ?1)", [dedup_window_days.to_string()])
            .map_err(sqlite)?;
        tx.commit().map_err(sqlite)?;
        conn.close().map_err(|(_, e)| sqlite(e))?;
    }
    match temp.persist_noclobber(path) {
        Ok(_) => Ok(()),
        // Another process created it first: use theirs.
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(io(e.error)),
    }
}
