//! Input flags shared by every command that reads documents, and the loop that
//! applies `--keep-going`.

use anyhow::{bail, Context, Result};
use detente_eval::{segmentation::rebuild_text, syntax::gold_document};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use detente_core::Document;
use detente_input::{read_inputs, InputFormat, InputOptions, DEFAULT_MAX_BYTES};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::{Path, PathBuf};

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
    /// How to read named files and stdin: by extension (auto: *.jsonl, *.conllu, else text),
    /// as plain text, JSON Lines, or CoNLL-U (keeps the file's sentences and tokens).
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
    Conllu,
}

impl InputArgs {
    fn options(&self) -> InputOptions {
        InputOptions {
            max_bytes: self.max_bytes,
            lossy: self.lossy,
            date: self.date,
            // CoNLL-U never reaches the text/JSONL reader (see `is_conllu`).
            format: match self.input_format {
                InputKind::Text => InputFormat::Text,
                InputKind::Jsonl => InputFormat::Jsonl,
                InputKind::Auto | InputKind::Conllu => InputFormat::Auto,
            },
        }
    }

    /// Calls `each` on every document; errors stop the run unless
    /// `--keep-going`, in which case they are counted and reported at the end.
    /// Returns the number of failed inputs.
    pub fn for_each(&self, mut each: impl FnMut(Document) -> Result<()>) -> Result<usize> {
        let progress = progress_bar();
        let mut failures = 0;
        let items: Box<dyn Iterator<Item = Result<Document, String>>> = if self.is_conllu() {
            Box::new(self.paths.iter().flat_map(|p| match conllu_documents(p) {
                Ok(docs) => docs.into_iter().map(Ok).collect::<Vec<_>>(),
                Err(e) => vec![Err(format!("{e:#}"))],
            }))
        } else {
            Box::new(read_inputs(&self.paths, &self.options()).map(|r| r.map_err(|e| e.to_string())))
        };
        for item in items {
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

impl InputArgs {
    /// CoNLL-U input: asked for, or every named file is `*.conllu`.
    fn is_conllu(&self) -> bool {
        match self.input_format {
            InputKind::Conllu => true,
            InputKind::Auto => self.paths.iter().all(|p| p.extension().is_some_and(|e| e == "conllu")),
            _ => false,
        }
    }
}

/// The documents of a CoNLL-U file (split at `# newdoc`), with the file's
/// sentences and tokens: the text is rebuilt from the `# text` lines as the
/// evaluation does, and later stages keep the given tokenisation.
fn conllu_documents(path: &Path) -> Result<Vec<Document>> {
    let sentences = if path == Path::new("-") {
        detente_conllu::Reader::new(std::io::stdin().lock()).collect::<Result<Vec<_>, _>>()?
    } else {
        crate::commands::eval::read_conllu(path)?
    };
    let stem = path.file_stem().map_or("stdin".into(), |s| s.to_string_lossy().into_owned());
    let mut docs = Vec::new();
    let mut start = 0;
    for end in 1..=sentences.len() {
        if end == sentences.len() || sentences[end].newdoc.is_some() {
            let part = &sentences[start..end];
            let id = match part[0].newdoc.as_deref() {
                Some(id) if !id.is_empty() => id.to_string(),
                _ => format!("{stem}-{}", docs.len() + 1),
            };
            let gold = rebuild_text(part).with_context(|| format!("{}: document {id}", path.display()))?;
            docs.push(gold_document(&id, &gold, part));
            start = end;
        }
    }
    Ok(docs)
}

/// A documents/s spinner on a terminal's stderr, nothing otherwise.
fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(ProgressStyle::with_template("{spinner} {pos} documents ({per_sec}, {elapsed})").expect("valid template"));
    bar
}
