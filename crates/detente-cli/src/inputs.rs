//! Input flags shared by every command that reads documents, and the loop that
//! applies `--keep-going`.

use anyhow::{bail, Result};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use detente_core::Document;
use detente_input::{read_inputs, InputFormat, InputOptions, DEFAULT_MAX_BYTES};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct InputArgs {
    /// Text files, JSON Lines files (*.jsonl), directories (searched recursively
    /// for *.txt and *.jsonl) or `-` for standard input.
    #[arg(value_name = "FILES", default_value = "-")]
    pub paths: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for plain text and for JSONL records without
    /// a "date"; relative dates ("Friday") are resolved against it.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// How to read named files and stdin: by extension (auto), as plain text or as JSON Lines.
    #[arg(long, value_enum, default_value_t = InputKind::Auto)]
    pub input_format: InputKind,
    /// Replace invalid UTF-8 with U+FFFD instead of rejecting the file.
    #[arg(long)]
    pub lossy: bool,
    /// Largest accepted document (a text file or one JSONL line), in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Report bad inputs and go on with the rest; the exit code is still
    /// non-zero unless every input succeeded.
    #[arg(long)]
    pub keep_going: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum InputKind {
    Auto,
    Text,
    Jsonl,
}

impl InputArgs {
    fn options(&self) -> InputOptions {
        InputOptions {
            max_bytes: self.max_bytes,
            lossy: self.lossy,
            date: self.date,
            format: match self.input_format {
                InputKind::Auto => InputFormat::Auto,
                InputKind::Text => InputFormat::Text,
                InputKind::Jsonl => InputFormat::Jsonl,
            },
        }
    }

    /// Calls `each` on every document; errors stop the run unless
    /// `--keep-going`, in which case they are counted and reported at the end.
    /// Returns the number of failed inputs.
    pub fn for_each(&self, mut each: impl FnMut(Document) -> Result<()>) -> Result<usize> {
        let progress = progress_bar();
        let mut failures = 0;
        for item in read_inputs(&self.paths, &self.options()) {
            match item {
                Ok(doc) => {
                    each(doc)?;
                    progress.inc(1);
                }
                Err(err) if self.keep_going => {
                    failures += 1;
                    progress.suspend(|| eprintln!("error: {err}"));
                }
                Err(err) => bail!("{err}\n(use --keep-going to skip bad inputs and process the rest)"),
            }
        }
        progress.finish_and_clear();
        if failures > 0 {
            eprintln!("{failures} input(s) failed; the others were processed");
        }
        Ok(failures)
    }
}

/// A documents/s spinner on a terminal's stderr, nothing otherwise.
fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(ProgressStyle::with_template("{spinner} {pos} documents ({per_sec}, {elapsed})").expect("valid template"));
    bar
}
