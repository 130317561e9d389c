//! `detente tokenize`: sentences and tokens with byte offsets.

use crate::inputs::InputArgs;
use crate::output::DocumentJson;
use anyhow::Result;
use clap::ValueEnum;
use detente_text::Segmenter;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

/// Split documents into sentences and Universal Dependencies tokens.
///
/// Each token is a byte span into the original text; contractions are split as
/// UD does ("didn't" → did n't) and marked `joined`. A dateline ("GENEVA (AFP) —")
/// is its own sentence, kept out of the first.
#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
    detente tokenize article.txt --date 2022-01-21\n  \
    cat article.txt | detente tokenize --format conllu\n  \
    detente tokenize feed.jsonl --keep-going > tokens.jsonl")]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// json: one JSON object per document per line; conllu: CoNLL-U blocks
    /// (columns 3-8 empty until the syntax stage fills them).
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Conllu,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let segmenter = Segmenter::new();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let failures = args.input.for_each(|mut doc| {
        if doc.tokens.is_empty() {
            segmenter.annotate(&mut doc);
        }
        match args.format {
            Format::Json => {
                serde_json::to_writer(&mut out, &DocumentJson::new(&doc))?;
                writeln!(out)?;
            }
            Format::Conllu => detente_conllu::write_document(&doc, &mut out)?,
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(if failures == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
