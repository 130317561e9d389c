//! The on-disk schema, its migrations, and the check that a file is ours
//! before SQLite is allowed to write a single byte to it.
//!
//! A Detente database is an SQLite file whose header carries Detente's
//! `application_id` (bytes 68–71) and whose `user_version` is the schema
//! version. Migrations run in order inside one write transaction, so a
//! database is always at exactly one version.

use crate::StoreError;
use std::io::Read;
use std::path::Path;

/// `application_id` in the SQLite header: "DTNT".
pub const APPLICATION_ID: i32 = 0x4454_4E54;

/// The schema version this build writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i32 = 1;

/// Each entry upgrades the schema from version `index` to `index + 1`.
const MIGRATIONS: &[&str] = &[V1];

const V1: &str = "
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE documents (
    doc_key      INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    content_hash BLOB NOT NULL UNIQUE,   -- SHA-256 of the text
    title        TEXT,
    source       TEXT,
    url          TEXT,
    published    TEXT,                   -- YYYY-MM-DD
    language     TEXT NOT NULL,
    text_bytes   INTEGER NOT NULL,
    ingested_at  INTEGER NOT NULL        -- Unix seconds, UTC
);

CREATE TABLE actor_mentions (
    doc_key    INTEGER NOT NULL REFERENCES documents(doc_key),
    sentence   INTEGER NOT NULL,
    start      INTEGER NOT NULL,         -- byte offsets into the document text
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    code       TEXT,
    country    TEXT,
    sector     TEXT,
    entry      TEXT,
    kind       TEXT NOT NULL,
    resolution TEXT NOT NULL             -- JSON of detente_core::Resolution
);
CREATE INDEX actor_mentions_code ON actor_mentions(code);
CREATE INDEX actor_mentions_doc ON actor_mentions(doc_key);

-- One row per distinct event after cross-article deduplication (see the crate docs).
CREATE TABLE events (
    event_key        INTEGER PRIMARY KEY,
    day              INTEGER NOT NULL,   -- days since 0001-01-01 (day 1), the event date
    source_code      TEXT NOT NULL,      -- '' when unknown
    target_code      TEXT NOT NULL,
    cameo            TEXT NOT NULL,      -- with leading zeros, e.g. '036'
    location_country TEXT NOT NULL,
    negated          INTEGER NOT NULL,
    source_name      TEXT NOT NULL,
    source_country   TEXT,
    source_sector    TEXT,
    target_name      TEXT NOT NULL,
    target_country   TEXT,
    target_sector    TEXT,
    cameo_root       TEXT NOT NULL,
    cameo_name       TEXT NOT NULL,
    quad_class       INTEGER NOT NULL,
    goldstein        REAL NOT NULL,
    plover_type      TEXT NOT NULL,
    plover_mode      TEXT,
    location_name    TEXT,
    is_root          INTEGER NOT NULL,   -- first mention was in the lead paragraph
    num_mentions     INTEGER NOT NULL,
    num_sources      INTEGER NOT NULL,
    num_articles     INTEGER NOT NULL,
    first_doc_key    INTEGER NOT NULL REFERENCES documents(doc_key),
    added_at         INTEGER NOT NULL    -- Unix seconds, UTC
);
-- The deduplication lookup.
CREATE INDEX events_identity ON events(source_code, target_code, cameo, location_country, negated, day);
-- Covering index for dyad series: the query never touches the table.
CREATE INDEX events_dyad ON events(source_code, target_code, day, negated, quad_class, goldstein, num_mentions);
CREATE INDEX events_target ON events(target_code, day);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_cameo ON events(cameo);

CREATE TABLE event_mentions (
    event_key      INTEGER NOT NULL REFERENCES events(event_key),
    doc_key        INTEGER NOT NULL REFERENCES documents(doc_key),
    event_id       TEXT NOT NULL,        -- the coder's id within the document (e1, e2, ...)
    sentence       INTEGER NOT NULL,     -- 0-based sentence index
    trigger_start  INTEGER NOT NULL,     -- byte offsets into the document text
    trigger_end    INTEGER NOT NULL,
    trigger_text   TEXT NOT NULL,
    source_start   INTEGER,
    source_end     INTEGER,
    target_start   INTEGER,
    target_end     INTEGER,
    modality       TEXT NOT NULL,
    date_precision TEXT NOT NULL,
    confidence     REAL NOT NULL,
    pattern        TEXT NOT NULL,
    reported_by    TEXT                  -- speaker code for reported speech
);
CREATE INDEX event_mentions_event ON event_mentions(event_key);
CREATE INDEX event_mentions_doc ON event_mentions(doc_key);

CREATE TABLE quotes (
    doc_key       INTEGER NOT NULL REFERENCES documents(doc_key),
    quote_id      TEXT NOT NULL,
    kind          TEXT NOT NULL,
    content       TEXT NOT NULL,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    speaker_text  TEXT,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    speaker_code  TEXT,
    speaker_how   TEXT,
    cue_text      TEXT,
    cue_start     INTEGER,
    cue_end       INTEGER,
    sentences     TEXT NOT NULL          -- JSON array of sentence indices
);
CREATE INDEX quotes_speaker ON quotes(speaker_code);
CREATE INDEX quotes_doc ON quotes(doc_key);
";

/// What is at a `--db` path before we touch it.
pub(crate) enum FileState {
    /// Nothing there (or an empty file): a new database will be created.
    New,
    /// An SQLite file carrying Detente's application id.
    Detente,
}

/// Reads the first 100 bytes (the SQLite header) and refuses anything that is
/// not a Detente database. Nothing is written.
pub(crate) fn inspect(path: &Path) -> Result<FileState, StoreError> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileState::New),
        Err(e) => return Err(StoreError::Io { path: path.to_path_buf(), source: e }),
    };
    let mut header = Vec::with_capacity(100);
    file.by_ref().take(100).read_to_end(&mut header).map_err(|e| StoreError::Io { path: path.to_path_buf(), source: e })?;
    if header.is_empty() {
        return Ok(FileState::New);
    }
    let foreign = |reason: String| StoreError::Foreign { path: path.to_path_buf(), reason };
    if header.len() < 100 || !header.starts_with(b"SQLite format 3\0") {
        return Err(foreign("it is not an SQLite database (no 'SQLite format 3' header)".into()));
    }
    let application_id = i32::from_be_bytes(header[68..72].try_into().expect("4 bytes"));
    if application_id != APPLICATION_ID {
        return Err(foreign(format!(
            "it is an SQLite database of another application (application_id {application_id:#010x}, Detente's is {APPLICATION_ID:#010x})"
        )));
    }
    Ok(FileState::Detente)
}

/// Brings a connection's schema up to [`SCHEMA_VERSION`] inside the caller's transaction.
pub(crate) fn migrate(tx: &rusqlite::Transaction, from: i32) -> rusqlite::Result<()> {
    for (version, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version as i32 + 1)?;
    }
    Ok(())
}
