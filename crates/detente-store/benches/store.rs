//! `cargo bench -p detente-store`: ingest throughput on ≥ 10,000 documents built
//! from the demo corpus, database bytes per event, and the latency of a weekly
//! dyad series over 1,000,000 stored events. Prints a table.

#[path = "../tests/common/mod.rs"]
mod common;

use chrono::NaiveDate;
use common::{document, Spec};
use detente_store::{DyadFilter, Period, Store, StoreOptions};
use std::time::Instant;

const DEMO_DOCUMENTS: usize = 10_000;
const TARGET_EVENTS: u64 = 1_000_000;
const BATCH: usize = 500;

const COUNTRIES: [&str; 20] = [
    "USA", "RUS", "CHN", "UKR", "FRA", "DEU", "GBR", "IRN", "ISR", "PSE", "IND", "PAK", "TUR", "SYR", "EGY", "JPN", "KOR",
    "PRK", "BRA", "ZAF",
];
const SECTORS: [&str; 4] = ["", "GOV", "MIL", "BUS"];
const CODES: [(&str, u8, f32); 8] =
    [("036", 1, 4.0), ("042", 1, 1.9), ("0211", 1, 3.4), ("057", 2, 8.0), ("070", 2, 7.0), ("112", 3, -2.0), ("173", 4, -5.0), ("190", 4, -10.0)];

/// A small deterministic generator (no dependency needed for a benchmark).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn random_specs(rng: &mut Lcg, n: usize, codes: &[&'static str]) -> Vec<Spec> {
    let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    (0..n)
        .map(|_| {
            let (cameo, quad, goldstein) = CODES[rng.next(CODES.len())];
            let mut target = rng.next(codes.len());
            let source = rng.next(codes.len());
            if target == source {
                target = (target + 1) % codes.len();
            }
            Spec {
                source: codes[source],
                target: codes[target],
                cameo,
                quad,
                goldstein,
                date: start + chrono::Days::new(rng.next(3 * 365) as u64),
                location: None,
                negated: false,
            }
        })
        .collect()
}

fn main() {
    let demo_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/demo/articles.jsonl");
    let demo: Vec<String> = std::fs::read_to_string(demo_path)
        .unwrap_or_else(|e| panic!("{demo_path}: {e}"))
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON line")["text"].as_str().expect("text").to_string())
        .collect();
    let codes: Vec<&'static str> =
        COUNTRIES.iter().flat_map(|c| SECTORS.iter().map(move |s| leak(format!("{c}{s}")))).collect();
    let sources: Vec<String> = (0..40).map(|i| format!("Wire {i}")).collect();

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    let mut store = Store::open(&path, StoreOptions::default()).expect("open");
    let mut rng = Lcg(7);

    // 1. Ingest throughput: demo articles with distinct ids and texts, three events each.
    let docs: Vec<_> = (0..DEMO_DOCUMENTS)
        .map(|i| {
            let mut doc = document(&format!("demo-{i}"), Some(&sources[i % sources.len()]), &random_specs(&mut rng, 3, &codes));
            doc.text = format!("{}\n\nEdition {i}.", demo[i % demo.len()]);
            doc
        })
        .collect();
    let started = Instant::now();
    for batch in docs.chunks(BATCH) {
        store.insert_documents(batch).expect("insert");
    }
    let ingest_seconds = started.elapsed().as_secs_f64();
    drop(docs);

    // 2. Fill up to a million events with ten-event documents.
    let started = Instant::now();
    let mut next_id = 0usize;
    while store.counts().expect("counts").events < TARGET_EVENTS {
        let batch: Vec<_> = (0..BATCH)
            .map(|_| {
                next_id += 1;
                document(&format!("synthetic-{next_id}"), Some(&sources[next_id % sources.len()]), &random_specs(&mut rng, 10, &codes))
            })
            .collect();
        store.insert_documents(&batch).expect("insert");
    }
    let fill_seconds = started.elapsed().as_secs_f64();
    let counts = store.counts().expect("counts");

    // 3. Weekly dyad series over three years, USA and RUS with every sector.
    let filter = DyadFilter { a: "USA".into(), b: "RUS".into(), from: None, to: None, by: Period::Week };
    let mut latencies: Vec<f64> = (0..21)
        .map(|_| {
            let t = Instant::now();
            let rows = store.dyad(&filter).expect("dyad");
            assert!(!rows.is_empty());
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    latencies.sort_by(f64::total_cmp);
    let dyad_events: u64 = store.dyad(&filter).unwrap().iter().filter(|r| r.direction == "both").map(|r| r.events).sum();
    drop(store); // checkpoints the WAL into the main file
    let bytes = std::fs::metadata(&path).expect("db size").len();

    println!("| measure | value |");
    println!("|---|---|");
    println!("| ingest, {DEMO_DOCUMENTS} demo-corpus documents (3 events each, batches of {BATCH}) | {:.0} documents/s ({ingest_seconds:.2} s) |", DEMO_DOCUMENTS as f64 / ingest_seconds);
    println!("| fill to {} events ({} documents, {} mentions) | {:.0} events/s ({fill_seconds:.1} s) |", counts.events, counts.documents, counts.event_mentions, (counts.events as f64) / fill_seconds);
    println!("| database size | {:.1} MiB |", bytes as f64 / (1024.0 * 1024.0));
    println!("| database bytes per event (everything stored / events) | {:.0} |", bytes as f64 / counts.events as f64);
    println!("| weekly dyad USA-RUS over {} events ({dyad_events} in the dyad), median of 21 | {:.1} ms |", counts.events, latencies[10]);
    println!("| same, slowest of 21 | {:.1} ms |", latencies[20]);
}
