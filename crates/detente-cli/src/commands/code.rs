//! `detente code`: raw text in, coded events, actors and quotations out.

use crate::inputs::InputArgs;
use crate::output::CodedJson;
use anyhow::Result;
use clap::ValueEnum;
use detente_pipeline::{default_models_dir, Pipeline};
use detente_store::{export, ExportFormat, Store, StoreOptions};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Code political events from news text: who did what to whom, when and where
/// (CAMEO code, Goldstein score, QuadClass, PLOVER type and mode), every actor
/// mention with its code and how it was resolved, and every quotation with its speaker.
///
/// Give the publication date (--date, or a `date`/`published` field in JSONL
/// input): it anchors "Friday" and "last June" and decides who held which office.
/// Each event names its evidence: the trigger words and the lexicon pattern
/// (lexicon/events/patterns/NN.tsv:LINE) that matched.
#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
    echo 'Russia massed troops on the Ukrainian border on Friday.' | detente code --date 2022-01-21\n  \
    detente code article.txt --date 2022-01-21 --format json\n  \
    detente code corpus/demo/articles.jsonl --format jsonl > coded.jsonl\n\n\
Output schema: docs/event-json.md (schema version 1).")]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// json: one pretty-printed JSON document per input document;
    /// jsonl: one compact JSON document per line;
    /// petrarch: PETRARCH-2's tab-separated event lines (date YYYYMMDD, source, target,
    /// CAMEO code, DOCID-SENTENCE, publisher), one per source × target pair;
    /// gdelt: the GDELT 2.0 event table (61 columns) and plover: PLOVER JSONL, both written
    /// after all input is coded, with events deduplicated across documents exactly as
    /// `detente ingest` + `detente export` do.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Directory holding the models (default: $DETENTE_MODELS, else the repository's models/).
    #[arg(long, value_name = "DIR")]
    models: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Jsonl,
    Petrarch,
    Gdelt,
    Plover,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = Pipeline::with_models(&args.models.unwrap_or_else(default_models_dir))?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut coded = Vec::new();
    let failures = args.input.for_each(|mut doc| {
        pipeline.run(&mut doc);
        match args.format {
            Format::Json => {
                serde_json::to_writer_pretty(&mut out, &CodedJson::new(&doc))?;
                writeln!(out)?;
            }
            Format::Jsonl => {
                serde_json::to_writer(&mut out, &CodedJson::new(&doc))?;
                writeln!(out)?;
            }
            Format::Petrarch => write_petrarch(&doc, &mut out)?,
            Format::Gdelt | Format::Plover => coded.push(doc),
        }
        Ok(())
    })?;
    match args.format {
        Format::Gdelt => write_through_store(&coded, ExportFormat::Gdelt, &mut out)?,
        Format::Plover => write_through_store(&coded, ExportFormat::Plover, &mut out)?,
        _ => {}
    }
    out.flush()?;
    Ok(if failures == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// PETRARCH-2's event lines: the format its users' scripts read.
fn write_petrarch(doc: &detente_core::Document, out: &mut impl Write) -> std::io::Result<()> {
    let code = |a: &detente_core::ActorRef| a.code.clone().unwrap_or_else(|| "---".to_string());
    for e in &doc.events {
        let targets: Vec<String> = if e.target.is_empty() { vec!["---".to_string()] } else { e.target.iter().map(code).collect() };
        for s in &e.source {
            for t in &targets {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}-{}\t{}",
                    e.date.format("%Y%m%d"),
                    code(s),
                    t,
                    e.cameo.code,
                    doc.id,
                    e.sentence,
                    doc.meta.source.as_deref().unwrap_or("")
                )?;
            }
        }
    }
    Ok(())
}

/// GDELT and PLOVER rows come from the store's exporter, so `code` and `export` agree.
fn write_through_store(docs: &[detente_core::Document], format: ExportFormat, out: &mut impl Write) -> Result<()> {
    let dir = tempfile::tempdir()?;
    let mut store = Store::open(&dir.path().join("events.db"), StoreOptions::default())?;
    store.insert_documents(docs)?;
    let path = dir.path().join("export");
    export(&store, format, &path)?;
    std::io::copy(&mut std::fs::File::open(&path)?, out)?;
    Ok(())
}
