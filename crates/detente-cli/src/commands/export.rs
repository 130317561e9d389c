//! `detente export`: the event store as files other tools read.

use super::ingest::DbArgs;
use anyhow::Result;
use clap::ValueEnum;
use detente_store::ExportFormat;
use std::path::PathBuf;
use std::process::ExitCode;

/// Write the stored events as GDELT 2.0 event or mention tables, PLOVER JSON
/// Lines, Parquet or CSV. The file is written under a temporary name and renamed
/// into place when complete.
#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
    detente export --db events.db --format gdelt --out events.export.CSV\n  \
    detente export --db events.db --format gdelt-mentions --out mentions.CSV\n  \
    detente export --db events.db --format plover --out events.jsonl\n  \
    detente export --db events.db --format parquet --out events.parquet")]
pub struct Args {
    #[command(flatten)]
    db: DbArgs,
    /// gdelt: 61 tab-separated columns (negated events left out); gdelt-mentions: 16 columns;
    /// plover: JSON Lines; parquet: typed columns; csv: with a header.
    #[arg(long, value_enum)]
    format: Format,
    /// Output file (replaced atomically if it exists).
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Gdelt,
    GdeltMentions,
    Plover,
    Parquet,
    Csv,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = args.db.open(true, None)?;
    let format = match args.format {
        Format::Gdelt => ExportFormat::Gdelt,
        Format::GdeltMentions => ExportFormat::GdeltMentions,
        Format::Plover => ExportFormat::Plover,
        Format::Parquet => ExportFormat::Parquet,
        Format::Csv => ExportFormat::Csv,
    };
    let rows = detente_store::export(&store, format, &args.out)?;
    eprintln!("wrote {rows} row(s) to {}", args.out.display());
    Ok(ExitCode::SUCCESS)
}
