//! `detente eval`: accuracy against gold data, with optional thresholds that
//! make the command fail, so CI checks accuracy deterministically.

use anyhow::{bail, Context, Result};
use clap::Subcommand;
use detente_conllu::Reader;
use detente_core::{Document, Meta};
use detente_eval::segmentation::{rebuild_text, score_segmentation, Prf};
use detente_eval::syntax::{gold_document, score_syntax};
use detente_pipeline::{default_models_dir, Pipeline};
use detente_text::Segmenter;
use serde_json::json;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Sentence-boundary and token F1 against a CoNLL-U treebank.
    ///
    /// The raw text is rebuilt from the `# text` lines (sentences of a paragraph
    /// joined by a space, a blank line at `# newpar`/`# newdoc`), segmented, and
    /// scored as the CoNLL 2018 shared task does: a sentence or token counts when
    /// its character span matches a gold one exactly; multiword tokens ("didn't")
    /// count as one surface token.
    Segmentation(SegmentationArgs),
    /// UPOS, XPOS, UFeats, lemma accuracy and UAS/LAS against a CoNLL-U treebank.
    ///
    /// With --pretokenized the gold sentences and words are kept and only tags,
    /// lemmas and trees are predicted; without it the raw text is rebuilt and
    /// segmented first, and words are aligned by characters (CoNLL 2018), so
    /// segmentation errors count too. Punctuation is included; LAS compares
    /// the full relation with its subtype.
    Syntax(SyntaxArgs),
    /// Named-entity span precision, recall and F1 against UniversalNER IOB2 (gold tokens).
    ///
    /// A span counts when its words and type (PER, ORG, LOC) match exactly, as
    /// conlleval scores; per-type scores too.
    Ner(NerArgs),
}

#[derive(clap::Args)]
#[command(after_help = "Example:\n  \
    detente eval ner --gold $DETENTE_DATA/uner-english/en_ewt-ud-dev.iob2 --json")]
pub struct NerArgs {
    /// Gold IOB2 file (UniversalNER format: index, token, tag, -, annotator).
    #[arg(long, value_name = "FILE.iob2")]
    gold: PathBuf,
    /// Print exactly one JSON object (scores in percent).
    #[arg(long)]
    json: bool,
    /// Directory holding the models (default: $DETENTE_MODELS, else the repository's models/).
    #[arg(long, value_name = "DIR")]
    models: Option<PathBuf>,
    /// Fail (exit code 1) if F1 is below this percentage.
    #[arg(long, value_name = "PERCENT")]
    min_f1: Option<f64>,
}

#[derive(clap::Args)]
#[command(after_help = "Example:
      detente eval syntax --gold $DETENTE_DATA/ud-english-ewt/en_ewt-ud-dev.conllu --pretokenized --min-las 85.5")]
pub struct SyntaxArgs {
    /// Gold CoNLL-U file.
    #[arg(long, value_name = "FILE.conllu")]
    gold: PathBuf,
    /// Keep the gold tokenisation (score tagging and parsing alone).
    #[arg(long)]
    pretokenized: bool,
    /// Print exactly one JSON object (scores in percent).
    #[arg(long)]
    json: bool,
    /// Directory holding the syntax models (default: $DETENTE_MODELS, else the repository's models/).
    #[arg(long, value_name = "DIR")]
    models: Option<PathBuf>,
    /// Fail (exit code 1) if UPOS accuracy/F1 is below this percentage.
    #[arg(long, value_name = "PERCENT")]
    min_upos: Option<f64>,
    /// Fail if lemma accuracy/F1 is below this percentage.
    #[arg(long, value_name = "PERCENT")]
    min_lemma: Option<f64>,
    /// Fail if UAS is below this percentage.
    #[arg(long, value_name = "PERCENT")]
    min_uas: Option<f64>,
    /// Fail if LAS is below this percentage.
    #[arg(long, value_name = "PERCENT")]
    min_las: Option<f64>,
}

#[derive(clap::Args)]
#[command(after_help = "Example:\n  \
    detente eval segmentation --gold $DETENTE_DATA/ud-english-ewt/en_ewt-ud-dev.conllu --min-token-f1 99 --min-sentence-f1 80")]
pub struct SegmentationArgs {
    /// Gold CoNLL-U file.
    #[arg(long, value_name = "FILE.conllu")]
    gold: PathBuf,
    /// Print exactly one JSON object (scores in percent).
    #[arg(long)]
    json: bool,
    /// Fail (exit code 1) if sentence F1 is below this percentage.
    #[arg(long, value_name = "PERCENT")]
    min_sentence_f1: Option<f64>,
    /// Fail (exit code 1) if token F1 is below this percentage.
    #[arg(long, value_name = "PERCENT")]
    min_token_f1: Option<f64>,
}

pub fn run(cmd: EvalCommand) -> Result<ExitCode> {
    match cmd {
        EvalCommand::Segmentation(args) => segmentation(args),
        EvalCommand::Syntax(args) => syntax(args),
        EvalCommand::Ner(args) => ner(args),
    }
}

pub(crate) fn read_conllu(path: &Path) -> Result<Vec<detente_conllu::ConlluSentence>> {
    let file = File::open(path).with_context(|| format!("cannot open gold file {}", path.display()))?;
    let sentences = Reader::new(BufReader::new(file))
        .collect::<Result<Vec<_>, _>>()
        .with_context(|| format!("{} is not valid CoNLL-U", path.display()))?;
    if sentences.is_empty() {
        bail!("{} holds no sentences", path.display());
    }
    Ok(sentences)
}

fn segmentation(args: SegmentationArgs) -> Result<ExitCode> {
    let gold = rebuild_text(&read_conllu(&args.gold)?).with_context(|| format!("cannot rebuild text of {}", args.gold.display()))?;
    let mut doc = Document::new("gold", gold.text.clone(), Meta::english());
    Segmenter::new().annotate(&mut doc);
    let scores = score_segmentation(&gold, &doc);
    if args.json {
        let value = json!({
            "gold": args.gold,
            "sentence_precision": round2(scores.sentences.precision),
            "sentence_recall": round2(scores.sentences.recall),
            "sentence_f1": round2(scores.sentences.f1),
            "token_precision": round2(scores.tokens.precision),
            "token_recall": round2(scores.tokens.recall),
            "token_f1": round2(scores.tokens.f1),
            "gold_sentences": scores.sentences.gold,
            "gold_tokens": scores.tokens.gold,
        });
        println!("{value}");
    } else {
        println!("Segmentation of {}", args.gold.display());
        println!("{:<10} {:>9} {:>9} {:>9} {:>9} {:>9}", "", "gold", "system", "precision", "recall", "F1");
        for (name, prf) in [("sentences", &scores.sentences), ("tokens", &scores.tokens)] {
            println!(
                "{:<10} {:>9} {:>9} {:>9.2} {:>9.2} {:>9.2}",
                name, prf.gold, prf.predicted, prf.precision, prf.recall, prf.f1
            );
        }
    }
    Ok(check_thresholds(&[
        ("sentence F1", &scores.sentences, args.min_sentence_f1),
        ("token F1", &scores.tokens, args.min_token_f1),
    ]))
}

fn syntax(args: SyntaxArgs) -> Result<ExitCode> {
    let pipeline = Pipeline::with_models(&args.models.clone().unwrap_or_else(default_models_dir))?;
    let sentences = read_conllu(&args.gold)?;
    let gold = rebuild_text(&sentences).with_context(|| format!("cannot rebuild text of {}", args.gold.display()))?;
    let mut doc = if args.pretokenized {
        gold_document("gold", &gold, &sentences)
    } else {
        Document::new("gold", gold.text.clone(), Meta::english())
    };
    pipeline.run(&mut doc);
    let scores = score_syntax(&gold, &sentences, &doc);
    let columns = [
        ("words", &scores.words),
        ("upos", &scores.upos),
        ("xpos", &scores.xpos),
        ("ufeats", &scores.ufeats),
        ("lemma", &scores.lemma),
        ("uas", &scores.uas),
        ("las", &scores.las),
    ];
    if args.json {
        let mut value = serde_json::Map::new();
        value.insert("gold".into(), json!(args.gold));
        value.insert("pretokenized".into(), json!(args.pretokenized));
        for (name, prf) in columns {
            value.insert(name.into(), json!(round2(prf.f1)));
        }
        value.insert("gold_words".into(), json!(scores.words.gold));
        println!("{}", serde_json::Value::Object(value));
    } else {
        let mode = if args.pretokenized { "gold tokenisation" } else { "from raw text" };
        println!("Syntax on {} ({mode}, {} gold words)", args.gold.display(), scores.words.gold);
        println!("{:<8} {:>9} {:>9} {:>9}", "", "precision", "recall", "F1");
        for (name, prf) in columns {
            println!("{:<8} {:>9.2} {:>9.2} {:>9.2}", name, prf.precision, prf.recall, prf.f1);
        }
    }
    Ok(check_thresholds(&[
        ("UPOS", &scores.upos, args.min_upos),
        ("lemma", &scores.lemma, args.min_lemma),
        ("UAS", &scores.uas, args.min_uas),
        ("LAS", &scores.las, args.min_las),
    ]))
}

fn ner(args: NerArgs) -> Result<ExitCode> {
    let dir = args.models.clone().unwrap_or_else(default_models_dir);
    let model = dir.join(detente_pipeline::NER_FILE);
    let ner = detente_ner::Ner::load(&model).with_context(|| format!("cannot load the NER model (pass --models DIR)"))?;
    let file = File::open(&args.gold).with_context(|| format!("cannot open gold file {}", args.gold.display()))?;
    let gold = detente_ner::read_iob2(BufReader::new(file)).with_context(|| format!("{} is not valid IOB2", args.gold.display()))?;
    if gold.is_empty() {
        bail!("{} holds no sentences", args.gold.display());
    }
    let scores = detente_ner::evaluate(&ner, &gold);
    if args.json {
        let mut value = serde_json::Map::new();
        value.insert("gold".into(), json!(args.gold));
        for (k, v) in [("precision", scores.precision), ("recall", scores.recall), ("f1", scores.f1)] {
            value.insert(k.into(), json!(round2(v)));
        }
        for t in &scores.per_type {
            value.insert(
                t.label.as_str().into(),
                json!({"precision": round2(t.precision), "recall": round2(t.recall), "f1": round2(t.f1), "gold": t.gold}),
            );
        }
        value.insert("gold_entities".into(), json!(scores.gold));
        println!("{}", serde_json::Value::Object(value));
    } else {
        println!("Named entities on {} ({} gold entities)", args.gold.display(), scores.gold);
        println!("{:<8} {:>9} {:>9} {:>9} {:>7}", "", "precision", "recall", "F1", "gold");
        for t in &scores.per_type {
            println!("{:<8} {:>9.2} {:>9.2} {:>9.2} {:>7}", t.label.as_str(), t.precision, t.recall, t.f1, t.gold);
        }
        println!("{:<8} {:>9.2} {:>9.2} {:>9.2} {:>7}", "all", scores.precision, scores.recall, scores.f1, scores.gold);
    }
    let overall = Prf::new(scores.gold, scores.predicted, scores.correct);
    Ok(check_thresholds(&[("NER F1", &overall, args.min_f1)]))
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Reports every score below its threshold on stderr; failure if any.
fn check_thresholds(checks: &[(&str, &Prf, Option<f64>)]) -> ExitCode {
    let mut ok = true;
    for &(name, prf, min) in checks {
        if let Some(min) = min {
            if prf.f1 < min {
                eprintln!("FAIL: {name} {:.2} is below the threshold {min:.2}", prf.f1);
                ok = false;
            }
        }
    }
    if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
