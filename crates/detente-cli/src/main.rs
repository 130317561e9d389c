//! `detente`: political event data from news text.
//!
//! A thin binary: argument parsing and output formatting live here, every
//! stage lives in its own library crate (see ARCHITECTURE.md).

mod commands;
mod inputs;
mod output;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// mimalloc rather than the system allocator: the pipeline allocates many
/// small, short-lived vectors per sentence, and `detente bench` runs about 7%
/// faster with it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "detente",
    version,
    about = "Political event data from news text: who did what to whom, and who said what",
    long_about = "Detente reads news text and turns it into political event data.\n\n\
        Pipeline: segmentation → tags, lemmas, dependency parse → named entities → actors (lexicon, \
        composition, coreference) → quotations → events (CAMEO, Goldstein, QuadClass, PLOVER) → store.\n\
        Models are found in models/ (or --models / $DETENTE_MODELS); lexicons are built in.\n\
        Shared data (treebanks, PolNeAR, PETRARCH-2 records) for eval and train is read from \
        $DETENTE_DATA, default ../shared/data beside the repository.",
    after_help = "Examples:\n  \
        detente demo                                        every stage on the bundled demo corpus\n  \
        detente code article.txt --date 2022-01-21          events, actors and quotations as JSON\n  \
        detente code feed.jsonl --format gdelt > events.tsv GDELT 2.0 event table\n  \
        detente ingest feed.jsonl --db events.db            code into an SQLite event store\n  \
        detente query dyad USA RUS --db events.db --by week weekly cooperation/conflict series\n  \
        detente parse article.txt --format conllu           tags, lemmas, trees, entities\n  \
        detente eval petrarch --records R.xml --dictionaries DIR\n  \
        detente bench                                       throughput table"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Tokenize(commands::tokenize::Args),
    Parse(commands::parse::Args),
    Code(commands::code::Args),
    Demo(commands::demo::Args),
    /// Measure accuracy against gold data (thresholds make the command fail, for CI)
    #[command(subcommand)]
    Eval(commands::eval::EvalCommand),
    /// Inspect the actor lexicon; import PETRARCH-2 dictionaries
    #[command(subcommand)]
    Lexicon(commands::lexicon::LexiconCommand),
    /// Train Detente's models from annotated data
    #[command(subcommand)]
    Train(commands::train::TrainCommand),
    Bench(commands::bench::Args),
    Ingest(commands::ingest::Args),
    /// Ask the event store: dyad series, actors, events, quotations
    #[command(subcommand)]
    Query(commands::query::QueryCommand),
    Export(commands::export::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Tokenize(args) => commands::tokenize::run(args),
        Command::Parse(args) => commands::parse::run(args),
        Command::Code(args) => commands::code::run(args),
        Command::Demo(args) => commands::demo::run(args),
        Command::Eval(cmd) => commands::eval::run(cmd),
        Command::Lexicon(cmd) => commands::lexicon::run(cmd),
        Command::Train(cmd) => commands::train::run(cmd),
        Command::Bench(args) => commands::bench::run(args),
        Command::Ingest(args) => commands::ingest::run(args),
        Command::Query(cmd) => commands::query::run(cmd),
        Command::Export(args) => commands::export::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// `detente tokenize big.txt | head` is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .any(|e| e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
