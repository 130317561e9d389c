//! `detente parse`: part-of-speech tags, lemmas, features and dependency trees.

use crate::inputs::InputArgs;
use crate::output::DocumentJson;
use anyhow::Result;
use clap::ValueEnum;
use detente_conllu::Columns;
use detente_pipeline::{default_models_dir, Pipeline};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// IOB2 entity tags per token (`B-PER`, `I-PER`, `O`), for CoNLL-U MISC `NE=`.
fn ne_tags(doc: &detente_core::Document) -> Vec<String> {
    let mut tags = vec!["O".to_string(); doc.tokens.len()];
    for e in &doc.entities {
        for i in e.tokens.clone() {
            let prefix = if i == e.tokens.start { "B" } else { "I" };
            tags[i as usize] = format!("{prefix}-{}", e.label);
        }
    }
    tags
}

/// Tag, lemmatise and parse documents and find named entities, with Detente's
/// own models (trained on Universal Dependencies and UniversalNER, shipped in models/).
///
/// Text input is segmented first; CoNLL-U input (`*.conllu` or
/// `--input-format conllu`) keeps its sentences and tokens and gets columns 3-8 filled.
#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
    echo 'Russia massed troops on the border.' | detente parse\n  \
    detente parse article.txt --format json\n  \
    detente parse en_ewt-ud-dev.conllu > predicted.conllu")]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// conllu: CoNLL-U (UD columns 1-10, entities as MISC NE=B-PER/I-ORG/O);
    /// json: one JSON object per document per line, entities as spans.
    #[arg(long, value_enum, default_value_t = Format::Conllu)]
    format: Format,
    /// Directory holding the syntax models (default: $DETENTE_MODELS, else the repository's models/).
    #[arg(long, value_name = "DIR")]
    models: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Conllu,
    Json,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = Pipeline::with_models(&args.models.unwrap_or_else(default_models_dir))?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let failures = args.input.for_each(|mut doc| {
        pipeline.run(&mut doc);
        match args.format {
            Format::Json => {
                serde_json::to_writer(&mut out, &DocumentJson::new(&doc))?;
                writeln!(out)?;
            }
            Format::Conllu => {
                let ne = ne_tags(&doc);
                let columns = |i: usize| {
                    let s = &doc.syntax[i];
                    Columns {
                        lemma: s.lemma.clone(),
                        upos: s.upos.to_string(),
                        xpos: s.xpos.to_string(),
                        feats: s.feats.to_string(),
                        head: Some(s.head),
                        deprel: s.deprel.to_string(),
                        deps: "_".into(),
                        misc: Some(format!("NE={}", ne[i])),
                    }
                };
                detente_conllu::write_document_with(&doc, &columns, &mut out)?;
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(if failures == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
