//! `detente lexicon`: inspect the actor lexicon and import PETRARCH dictionaries.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::Subcommand;
use detente_core::data::data_file;
use detente_lexicon::{ActorLexicon, RoleOn};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum LexiconCommand {
    /// Read PETRARCH-2 actor and agent dictionaries and report what was read.
    ///
    /// Without --actors/--agents, imports the Phoenix dictionaries from
    /// $DETENTE_DATA/events/petrarch2/dictionaries. Problems are reported with
    /// file and line; unreadable files are errors.
    ImportPetrarch(ImportArgs),
    /// Resolve a name in Detente's own lexicon on a date.
    Lookup(LookupArgs),
}

#[derive(clap::Args)]
#[command(after_help = "Example:\n  \
    detente lexicon import-petrarch --actors PETR.Validate.actors.txt --agents PETR.Validate.agents.txt")]
pub struct ImportArgs {
    /// Actor dictionaries, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "FILE[,FILE]")]
    actors: Vec<PathBuf>,
    /// Agent dictionaries, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "FILE[,FILE]")]
    agents: Vec<PathBuf>,
}

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  detente lexicon lookup Blinken --date 2022-01-21\n  detente lexicon lookup 'the Kremlin'")]
pub struct LookupArgs {
    /// A name as it appears in text ("Blinken", "the Kremlin", "U.S.").
    name: String,
    /// The date roles are resolved on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<NaiveDate>,
}

pub fn run(cmd: LexiconCommand) -> Result<ExitCode> {
    match cmd {
        LexiconCommand::ImportPetrarch(args) => import(args),
        LexiconCommand::Lookup(args) => lookup(args),
    }
}

fn phoenix(name: &str) -> Result<PathBuf> {
    data_file(&format!("events/petrarch2/dictionaries/{name}")).map_err(anyhow::Error::msg)
}

fn import(args: ImportArgs) -> Result<ExitCode> {
    let (actors, agents) = if args.actors.is_empty() && args.agents.is_empty() {
        (
            vec![
                phoenix("Phoenix.Countries.actors.txt")?,
                phoenix("Phoenix.International.actors.txt")?,
                phoenix("Phoenix.MilNonState.actors.txt")?,
            ],
            vec![phoenix("Phoenix.agents.txt")?],
        )
    } else {
        (args.actors, args.agents)
    };
    let (lexicon, report) = ActorLexicon::import_petrarch(&actors, &agents).context("PETRARCH import failed")?;
    println!("{report}");
    println!("{} entries in the imported lexicon", lexicon.len());
    Ok(ExitCode::SUCCESS)
}

fn lookup(args: LookupArgs) -> Result<ExitCode> {
    let date = args.date.unwrap_or_else(|| chrono::Utc::now().date_naive());
    let lexicon = ActorLexicon::builtin();
    let Some(found) = lexicon.resolve(&args.name, date) else {
        println!("{:?}: not in the lexicon", args.name);
        return Ok(ExitCode::FAILURE);
    };
    let describe = |r: &detente_lexicon::Role| {
        let span = match (r.start, r.end) {
            (None, None) => String::new(),
            (s, e) => format!(" {}..{}", s.map(|d| d.to_string()).unwrap_or_default(), e.map(|d| d.to_string()).unwrap_or_default()),
        };
        format!("{}{}{span}", r.code, r.title.as_deref().map(|t| format!(" ({t})")).unwrap_or_default())
    };
    let status = match found.role {
        RoleOn::Current(r) => format!("{} on {date}", describe(r)),
        RoleOn::Former(r) => format!("no code on {date}; formerly {}", describe(r)),
        RoleOn::NotYet(r) => format!("no code on {date}; later {}", describe(r)),
        RoleOn::None => format!("no code on {date}"),
    };
    println!("{:?} → {} [{:?}, matched as {:?}]: {status}", args.name, found.entry.name, found.entry.kind, found.kind);
    Ok(ExitCode::SUCCESS)
}
