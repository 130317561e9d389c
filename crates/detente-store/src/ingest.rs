//! Writing coded documents: one transaction per batch, whole documents only,
//! and the cross-article event deduplication described in the crate docs.

use crate::{Result, Store, StoreError};
use detente_core::{ActorRef, DatePrecision, Document, Event, Modality, QuoteKind};
use chrono::Datelike;
use rusqlite::{params, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// What one [`Store::insert_documents`] call did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InsertReport {
    /// Documents written.
    pub inserted: u64,
    /// Documents skipped because their id or text was stored already.
    pub skipped: u64,
    /// Event rows created.
    pub new_events: u64,
    /// Event mentions merged into an event that was already stored.
    pub merged_mentions: u64,
}

/// SHA-256 of a document's text: the identity of its content.
pub fn content_hash(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

pub(crate) fn contains(conn: &rusqlite::Connection, id: &str, hash: &[u8; 32]) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT EXISTS(SELECT 1 FROM documents WHERE id = ?1 OR content_hash = ?2)")?
        .query_row(params![id, &hash[..]], |r| r.get(0))
}

impl Store {
    /// Writes `docs` in one transaction: every document, with its actor
    /// mentions, events and quotations, or none of them. Documents already
    /// stored (same id or same text) are skipped, so re-inserting changes nothing.
    pub fn insert_documents(&mut self, docs: &[Document]) -> Result<InsertReport> {
        let window = i64::from(self.dedup_window_days);
        let path = self.path.clone();
        let now = chrono::Utc::now().timestamp();
        self.write(|tx| {
            let mut writer = BatchWriter { tx, window, now, report: InsertReport::default(), touched: BTreeSet::new() };
            writer.write_all(docs).map_err(|source| StoreError::Sqlite { path: path.clone(), source })?;
            Ok(writer.report)
        })
    }
}

struct BatchWriter<'a, 'conn> {
    tx: &'a Transaction<'conn>,
    window: i64,
    now: i64,
    report: InsertReport,
    /// Events that got a mention in this batch: their counts are recomputed at the end.
    touched: BTreeSet<i64>,
}

impl BatchWriter<'_, '_> {
    fn write_all(&mut self, docs: &[Document]) -> rusqlite::Result<()> {
        for doc in docs {
            let hash = content_hash(&doc.text);
            if contains(self.tx, &doc.id, &hash)? {
                self.report.skipped += 1;
                continue;
            }
            let doc_key = self.insert_document(doc, &hash)?;
            self.insert_actor_mentions(doc_key, doc)?;
            self.insert_quotes(doc_key, doc)?;
            for event in &doc.events {
                self.insert_event(doc_key, doc, event)?;
            }
            self.report.inserted += 1;
        }
        self.update_counts()
    }

    fn insert_document(&mut self, doc: &Document, hash: &[u8; 32]) -> rusqlite::Result<i64> {
        let m = &doc.meta;
        self.tx
            .prepare_cached(
                "INSERT INTO documents(id, content_hash, title, source, url, published, language, text_bytes, ingested_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                doc.id,
                &hash[..],
                m.title,
                m.source,
                m.url,
                m.published.map(|d| d.to_string()),
                m.language,
                doc.text.len() as i64,
                self.now
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    fn insert_actor_mentions(&mut self, doc_key: i64, doc: &Document) -> rusqlite::Result<()> {
        let mut insert = self.tx.prepare_cached(
            "INSERT INTO actor_mentions(doc_key, sentence, start, end, text, code, country, sector, entry, kind, resolution)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        for a in &doc.actors {
            let resolution = serde_json::to_string(&a.how).expect("Resolution serialises");
            insert.execute(params![
                doc_key, a.sentence, a.span.start, a.span.end, a.text, a.code, a.country, a.sector, a.entry, a.kind, resolution
            ])?;
        }
        Ok(())
    }

    fn insert_quotes(&mut self, doc_key: i64, doc: &Document) -> rusqlite::Result<()> {
        let mut insert = self.tx.prepare_cached(
            "INSERT INTO quotes(doc_key, quote_id, kind, content, start, end, speaker_text, speaker_start, speaker_end,
                                speaker_code, speaker_how, cue_text, cue_start, cue_end, sentences)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )?;
        for q in &doc.quotes {
            let speaker = q.speaker.as_ref();
            insert.execute(params![
                doc_key,
                q.id,
                quote_kind(q.kind),
                q.content.text,
                q.content.span.start,
                q.content.span.end,
                speaker.map(|s| &s.text),
                speaker.map(|s| s.span.start),
                speaker.map(|s| s.span.end),
                speaker.and_then(|s| s.code.as_ref()),
                speaker.map(|s| &s.how),
                q.cue.as_ref().map(|c| &c.text),
                q.cue.as_ref().map(|c| c.span.start),
                q.cue.as_ref().map(|c| c.span.end),
                serde_json::to_string(&q.sentences).expect("indices serialise"),
            ])?;
        }
        Ok(())
    }

    /// One event row per (source, target) pair, found or created, plus a mention.
    fn insert_event(&mut self, doc_key: i64, doc: &Document, event: &Event) -> rusqlite::Result<()> {
        let sources: Vec<Option<&ActorRef>> = optional_all(&event.source);
        let targets: Vec<Option<&ActorRef>> = optional_all(&event.target);
        let is_root = doc.sentences.get(event.sentence as usize).is_some_and(|s| s.paragraph == lead_paragraph(doc));
        for &source in &sources {
            for &target in &targets {
                let identity = Identity {
                    day: i64::from(event.date.num_days_from_ce()),
                    source_code: code_of(source),
                    target_code: code_of(target),
                    cameo: &event.cameo.code,
                    location_country: event.location.as_ref().and_then(|l| l.country.as_deref()).unwrap_or(""),
                    negated: event.negated,
                };
                let event_key = match self.find_event(&identity)? {
                    Some(key) => {
                        self.report.merged_mentions += 1;
                        key
                    }
                    None => {
                        self.report.new_events += 1;
                        self.create_event(&identity, doc_key, event, source, target, is_root)?
                    }
                };
                self.insert_mention(event_key, doc_key, event, source, target)?;
                self.touched.insert(event_key);
            }
        }
        Ok(())
    }

    /// The stored event with this identity dated nearest (within the window), earlier on a tie.
    fn find_event(&self, id: &Identity) -> rusqlite::Result<Option<i64>> {
        self.tx
            .prepare_cached(
                "SELECT event_key FROM events
                 WHERE source_code = ?1 AND target_code = ?2 AND cameo = ?3 AND location_country = ?4
                   AND negated = ?5 AND day BETWEEN ?6 - ?7 AND ?6 + ?7
                 ORDER BY abs(day - ?6), day, event_key LIMIT 1",
            )?
            .query_row(
                params![id.source_code, id.target_code, id.cameo, id.location_country, id.negated, id.day, self.window],
                |r| r.get(0),
            )
            .optional()
    }

    fn create_event(
        &self,
        id: &Identity,
        doc_key: i64,
        event: &Event,
        source: Option<&ActorRef>,
        target: Option<&ActorRef>,
        is_root: bool,
    ) -> rusqlite::Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO events(day, source_code, target_code, cameo, location_country, negated,
                    source_name, source_country, source_sector, target_name, target_country, target_sector,
                    cameo_root, cameo_name, quad_class, goldstein, plover_type, plover_mode, location_name,
                    is_root, num_mentions, num_sources, num_articles, first_doc_key, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
                         ?20, 0, 0, 0, ?21, ?22)",
            )?
            .execute(params![
                id.day,
                id.source_code,
                id.target_code,
                id.cameo,
                id.location_country,
                id.negated,
                source.map_or("", |a| a.text.as_str()),
                source.and_then(|a| a.country.as_deref()),
                source.and_then(|a| a.sector.as_deref()),
                target.map_or("", |a| a.text.as_str()),
                target.and_then(|a| a.country.as_deref()),
                target.and_then(|a| a.sector.as_deref()),
                event.cameo.root,
                event.cameo.name,
                event.quad_class,
                event.goldstein,
                event.plover.event_type,
                event.plover.mode,
                event.location.as_ref().map(|l| &l.text),
                is_root,
                doc_key,
                self.now,
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    fn insert_mention(
        &self,
        event_key: i64,
        doc_key: i64,
        event: &Event,
        source: Option<&ActorRef>,
        target: Option<&ActorRef>,
    ) -> rusqlite::Result<()> {
        let trigger = &event.evidence.trigger;
        self.tx
            .prepare_cached(
                "INSERT INTO event_mentions(event_key, doc_key, event_id, sentence, trigger_start, trigger_end, trigger_text,
                    source_start, source_end, target_start, target_end, modality, date_precision, confidence, pattern, reported_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            )?
            .execute(params![
                event_key,
                doc_key,
                event.id,
                event.sentence,
                trigger.span.start,
                trigger.span.end,
                trigger.text,
                source.map(|a| a.span.start),
                source.map(|a| a.span.end),
                target.map(|a| a.span.start),
                target.map(|a| a.span.end),
                modality(event.modality),
                date_precision(event.date_precision),
                event.confidence,
                event.evidence.pattern,
                event.reported_by.as_ref().and_then(|a| a.code.as_deref()),
            ])?;
        Ok(())
    }

    /// Recomputes mention, article and source counts of the events this batch touched.
    fn update_counts(&mut self) -> rusqlite::Result<()> {
        let mut update = self.tx.prepare_cached(
            "UPDATE events SET
                num_mentions = (SELECT count(*) FROM event_mentions WHERE event_key = ?1),
                num_articles = (SELECT count(DISTINCT doc_key) FROM event_mentions WHERE event_key = ?1),
                num_sources  = (SELECT count(DISTINCT coalesce(d.source, '')) FROM event_mentions m
                                JOIN documents d ON d.doc_key = m.doc_key WHERE m.event_key = ?1)
             WHERE event_key = ?1",
        )?;
        for key in std::mem::take(&mut self.touched) {
            update.execute([key])?;
        }
        Ok(())
    }
}

/// The fields that make two coded events the same event.
struct Identity<'a> {
    day: i64,
    source_code: &'a str,
    target_code: &'a str,
    cameo: &'a str,
    location_country: &'a str,
    negated: bool,
}

/// Every actor, or a single "unknown" when there is none.
fn optional_all(actors: &[ActorRef]) -> Vec<Option<&ActorRef>> {
    if actors.is_empty() {
        vec![None]
    } else {
        actors.iter().map(Some).collect()
    }
}

fn code_of(actor: Option<&ActorRef>) -> &str {
    actor.and_then(|a| a.code.as_deref()).unwrap_or("")
}

/// The paragraph of the first sentence after the dateline: GDELT's "root event" paragraph.
fn lead_paragraph(doc: &Document) -> u32 {
    let dateline_end = doc.dateline.as_ref().map_or(0, |d| d.span.end);
    doc.sentences.iter().find(|s| s.span.start >= dateline_end).map_or(0, |s| s.paragraph)
}

pub(crate) fn modality(m: Modality) -> &'static str {
    match m {
        Modality::Asserted => "asserted",
        Modality::Future => "future",
        Modality::Hypothetical => "hypothetical",
        Modality::Historical => "historical",
    }
}

fn date_precision(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Day => "day",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
    }
}

fn quote_kind(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
    }
}
