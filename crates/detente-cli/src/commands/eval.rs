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
    /// PETRARCH-2 unit-test records coded with PETRARCH dictionaries over our own parse.
    ///
    /// Each record's <Text> is parsed by Detente (the record's own tree is ignored) and coded
    /// with the verb, actor, agent and discard dictionaries its <Environment> names, read from
    /// --dictionaries. A record is correct when every expected coding is found and none is extra.
    Petrarch(PetrarchArgs),
    /// Quotation content, source and cue P/R/F1 against PolNeAR attributions (brat standoff).
    ///
    /// Every article of the split is run through the full pipeline and the quotation
    /// extractor. Spans are compared as sets of words: exact (same words) and overlap (shared
    /// words at least half of the longer span). Contents are scored separately for
    /// attributions in quotation marks ("direct") and the others ("indirect"); an article read
    /// by several annotators is scored against each and the counts averaged.
    Quotes(QuotesArgs),
    /// Event coding against the ConfliBERT CAMEO sentences: coverage, QuadClass, source/target.
    ///
    /// Each sentence is coded on its own (no publication date); the most confident event is
    /// compared with the gold Phoenix quad class (0 neutral … 4 material conflict) and, on the
    /// source/target file, with the gold spans (an actor counts when its span overlaps; a pronoun
    /// counts with its antecedent). The tokenised sentences are put back as printed text first.
    /// These are the training split: the coder's rules were checked against its errors, never
    /// fitted to single sentences; a held-out split measures how it generalises.
    Events(EventsArgs),
}

#[derive(clap::Args)]
#[command(after_help = "Example:\n  \
    detente eval events --conflibert $DETENTE_DATA/events/conflibert-cameo --json")]
pub struct EventsArgs {
    /// Directory holding class-train.tsv and source-target-train.txt.
    #[arg(long, value_name = "DIR")]
    conflibert: PathBuf,
    #[arg(long)]
    json: bool,
    #[arg(long, value_name = "DIR")]
    models: Option<PathBuf>,
    /// Fail below this QuadClass accuracy (percent of coded sentences).
    #[arg(long, value_name = "PCT")]
    min_quad_accuracy: Option<f64>,
    /// Fail below this source accuracy (percent of coded sentences).
    #[arg(long, value_name = "PCT")]
    min_source_accuracy: Option<f64>,
    /// Fail below this coverage (percent of sentences with an event).
    #[arg(long, value_name = "PCT")]
    min_coverage: Option<f64>,
}

#[derive(clap::Args)]
#[command(after_help = "Example:\n  \
    detente eval quotes --polnear $DETENTE_DATA/polnear/dev --min-direct-content-f1 90 --min-source-f1 80")]
pub struct QuotesArgs {
    /// PolNeAR split directory holding text/ and attributions/.
    #[arg(long, value_name = "DIR")]
    polnear: PathBuf,
    /// Print exactly one JSON object (scores in percent).
    #[arg(long)]
    json: bool,
    /// Directory holding the models (default: $DETENTE_MODELS, else the repository's models/).
    #[arg(long, value_name = "DIR")]
    models: Option<PathBuf>,
    /// Fail (exit code 1) if the overlap F1 of quoted contents is below this percentage.
    #[arg(long, value_name = "PERCENT")]
    min_direct_content_f1: Option<f64>,
    /// Fail if the overlap F1 of unquoted (indirect) contents is below this percentage.
    #[arg(long, value_name = "PERCENT")]
    min_indirect_content_f1: Option<f64>,
    /// Fail if the overlap F1 of sources is below this percentage.
    #[arg(long, value_name = "PERCENT")]
    min_source_f1: Option<f64>,
    /// Fail if the overlap F1 of cues is below this percentage.
    #[arg(long, value_name = "PERCENT")]
    min_cue_f1: Option<f64>,
}

#[derive(clap::Args)]
#[command(after_help = "Example:\n  \
    detente eval petrarch --records $DETENTE_DATA/events/petrarch2/unit-tests/PETR.UnitTest.records.public.xml \\\n    \
    --dictionaries $DETENTE_DATA/events/petrarch2/dictionaries --failures")]
pub struct PetrarchArgs {
    /// Unit-test records (PETRARCH's XML format).
    #[arg(long, value_name = "FILE.xml")]
    records: PathBuf,
    /// Directory holding the dictionaries the records' <Environment> names.
    #[arg(long, value_name = "DIR")]
    dictionaries: PathBuf,
    /// Print exactly one JSON object.
    #[arg(long)]
    json: bool,
    /// List the failing records with expected and produced codings, on stderr.
    #[arg(long, alias = "verbose")]
    failures: bool,
    /// Directory holding the models (default: $DETENTE_MODELS, else the repository's models/).
    #[arg(long, value_name = "DIR")]
    models: Option<PathBuf>,
    /// Fail (exit code 1) if the percentage of fully correct records is below this.
    #[arg(long, value_name = "PERCENT")]
    min_records_correct: Option<f64>,
}

#[derive(clap::Args)]
#[command(after_help = "Example:\n  \
    detente eval ner --gold $DETENTE_DATA/uner-english/en_ewt-ud-dev.iob2 --json\n  \
    detente eval ner --gold $DETENTE_DATA/ud-english-gum/en_gum-ud-dev.conllu")]
pub struct NerArgs {
    /// Gold entities: a UniversalNER IOB2 file (index, token, tag, -, annotator), or a CoNLL-U
    /// treebank with GUM's entity layer, whose named people, organisations and places are scored
    /// (by the extension: .iob2 or .conllu).
    #[arg(long, value_name = "FILE")]
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
        EvalCommand::Petrarch(args) => petrarch(args),
        EvalCommand::Quotes(args) => quotes(args),
        EvalCommand::Events(args) => events(args),
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
    let gold = detente_ner::read_labelled(&args.gold)?;
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

fn petrarch(args: PetrarchArgs) -> Result<ExitCode> {
    use detente_petrarch::{compare, read_records, score, Dictionaries, PetrarchCoder};
    let set = read_records(&args.records)?;
    let dictionaries = Dictionaries::load(&args.dictionaries, &set.environment)?;
    let dir = args.models.clone().unwrap_or_else(default_models_dir);
    let pipeline = Pipeline::with_models(&dir).with_context(|| "cannot load the models (pass --models DIR)".to_string())?;
    let coder = PetrarchCoder::new(dictionaries, &pipeline);
    let codings: Vec<_> = set.records.iter().map(|r| coder.code(&r.text, r.date)).collect();
    let totals = score(&set.records, &codings);
    if args.failures {
        for (r, c) in set.records.iter().zip(&codings) {
            let o = compare(&r.expected, c);
            if !o.correct() {
                let list = |v: &[detente_petrarch::Coding]| v.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(", ");
                eprintln!("FAILED {}: expected [{}] produced [{}]", r.id, list(&r.expected), list(c));
            }
        }
    }
    if args.json {
        println!(
            "{}",
            json!({
                "records_file": args.records,
                "records": totals.records,
                "records_correct": totals.records_correct,
                "records_correct_percent": round2(totals.records_correct_percent()),
                "codings_expected": totals.codings_expected,
                "codings_found": totals.codings_found,
                "codings_found_percent": round2(totals.codings_found_percent()),
                "codings_extra": totals.codings_extra,
            })
        );
    } else {
        println!("PETRARCH records {}", args.records.display());
        println!("records correct  {:>5} / {:<5} {:>6.2}%", totals.records_correct, totals.records, totals.records_correct_percent());
        println!("codings found    {:>5} / {:<5} {:>6.2}%", totals.codings_found, totals.codings_expected, totals.codings_found_percent());
        println!("codings extra    {:>5}", totals.codings_extra);
    }
    if let Some(min) = args.min_records_correct {
        if totals.records_correct_percent() < min {
            eprintln!("FAIL: records correct {:.2}% is below the threshold {min:.2}%", totals.records_correct_percent());
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
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

fn quotes(args: QuotesArgs) -> Result<ExitCode> {
    use detente_eval::quotes::{read_polnear, QuoteScores};
    use std::time::Duration;
    let pipeline = Pipeline::with_models(&args.models.clone().unwrap_or_else(default_models_dir))?;
    let articles = read_polnear(&args.polnear)?;
    let mut scores = QuoteScores::default();
    let (mut pipeline_time, mut quote_time) = (Duration::ZERO, Duration::ZERO);
    let (mut quote_count, mut tokens) = (0, 0);
    for article in &articles {
        let mut doc = Document::new(article.name.clone(), article.text.clone(), Meta::english());
        let mut times = detente_pipeline::StageTimes::default();
        pipeline.run_timed(&mut doc, &mut times);
        // The pipeline's quotation stage is the extractor; its time is set against the others.
        pipeline_time += times.total() - times.quotes;
        quote_time += times.quotes;
        quote_count += doc.quotes.len();
        tokens += doc.tokens.len();
        scores.add_article(article, &doc.quotes);
    }
    let rows = [
        ("direct_content", "quoted content", &scores.direct_content),
        ("indirect_content", "indirect content", &scores.indirect_content),
        ("content", "all content", &scores.content),
        ("source", "source", &scores.source),
        ("cue", "cue", &scores.cue),
    ];
    let cost = 100.0 * quote_time.as_secs_f64() / pipeline_time.as_secs_f64().max(1e-9);
    if args.json {
        let mut value = serde_json::Map::new();
        value.insert("polnear".into(), json!(args.polnear));
        for (key, _, counts) in rows {
            let (exact, overlap) = (counts.exact.prf(), counts.overlap.prf());
            value.insert(format!("{key}_f1"), json!(round2(overlap.f1)));
            value.insert(format!("{key}_precision"), json!(round2(overlap.precision)));
            value.insert(format!("{key}_recall"), json!(round2(overlap.recall)));
            value.insert(format!("{key}_exact_f1"), json!(round2(exact.f1)));
            value.insert(format!("{key}_gold"), json!(round2(counts.overlap.gold)));
        }
        value.insert("articles".into(), json!(scores.articles));
        value.insert("annotations".into(), json!(scores.annotations));
        value.insert("predicted_quotes".into(), json!(quote_count));
        value.insert("pipeline_seconds".into(), json!(pipeline_time.as_secs_f64()));
        value.insert("quote_seconds".into(), json!(quote_time.as_secs_f64()));
        value.insert("quote_cost_percent".into(), json!(round2(cost)));
        println!("{}", serde_json::Value::Object(value));
    } else {
        println!(
            "Quotations on {} ({} articles, {} annotations; counts averaged over annotators)",
            args.polnear.display(),
            scores.articles,
            scores.annotations
        );
        println!("{:<17} {:>7} {:>7} | {:>9} {:>9} {:>9} | {:>9} {:>9} {:>9}", "", "gold", "system", "exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1");
        for (_, name, counts) in rows {
            let (exact, overlap) = (counts.exact.prf(), counts.overlap.prf());
            println!(
                "{:<17} {:>7.1} {:>7.1} | {:>9.2} {:>9.2} {:>9.2} | {:>9.2} {:>9.2} {:>9.2}",
                name, counts.overlap.gold, counts.overlap.predicted, exact.precision, exact.recall, exact.f1, overlap.precision, overlap.recall, overlap.f1
            );
        }
        println!(
            "{quote_count} quotes from {tokens} tokens; other pipeline stages {:.2} s, quotation extraction {:.3} s (+{cost:.2}%)",
            pipeline_time.as_secs_f64(),
            quote_time.as_secs_f64()
        );
    }
    Ok(check_thresholds(&[
        ("quoted content F1", &scores.direct_content.overlap.prf(), args.min_direct_content_f1),
        ("indirect content F1", &scores.indirect_content.overlap.prf(), args.min_indirect_content_f1),
        ("source F1", &scores.source.overlap.prf(), args.min_source_f1),
        ("cue F1", &scores.cue.overlap.prf(), args.min_cue_f1),
    ]))
}

/// `detente eval events`: the coder on human-labelled sentences.
fn events(args: EventsArgs) -> Result<ExitCode> {
    use detente_eval::events::{phoenix_quad, read_dyad_sentences, read_quad_sentences, score_dyads, score_quads, Prediction};
    let open = |name: &str| -> Result<BufReader<File>> {
        let path = args.conflibert.join(name);
        Ok(BufReader::new(File::open(&path).with_context(|| format!("cannot open {}", path.display()))?))
    };
    let quads = read_quad_sentences(open("class-train.tsv")?).map_err(|e| anyhow::anyhow!("class-train.tsv: {e}"))?;
    let dyads = read_dyad_sentences(open("source-target-train.txt")?).map_err(|e| anyhow::anyhow!("source-target-train.txt: {e}"))?;
    let pipeline = Pipeline::with_models(&args.models.clone().unwrap_or_else(default_models_dir))?;
    let predict = |text: &str| {
        let mut doc = Document::new("sentence", text, Meta::english());
        pipeline.run(&mut doc);
        let best = doc.events.iter().max_by(|a, b| a.confidence.total_cmp(&b.confidence));
        // A pronoun resolved by coreference stands for its antecedent too ("Netanyahu says he
        // will seek …": the labelled source is the name).
        let spans = |actors: &[detente_core::ActorRef]| -> Vec<std::ops::Range<usize>> {
            let mut out = Vec::new();
            for a in actors {
                out.push(a.span.range());
                let mention = doc.actors.iter().find(|m| m.span == a.span);
                if let Some(detente_core::Resolution::Coreference { antecedent, .. }) = mention.map(|m| &m.how) {
                    out.push(antecedent.span.range());
                }
            }
            out
        };
        match best {
            None => Prediction::default(),
            Some(e) => Prediction { quad: Some(phoenix_quad(&e.cameo.root)), sources: spans(&e.source), targets: spans(&e.target) },
        }
    };
    let quad_predictions: Vec<Prediction> = quads.iter().map(|s| predict(&s.text)).collect();
    let dyad_predictions: Vec<Prediction> = dyads.iter().map(|s| predict(&s.text)).collect();
    let q = score_quads(&quads, &quad_predictions);
    let d = score_dyads(&dyads, &dyad_predictions);
    if args.json {
        println!(
            "{}",
            json!({
                "quad_sentences": q.sentences, "quad_coverage": round2(q.coverage()), "quad_accuracy": round2(q.accuracy()),
                "quad_confusion": q.confusion,
                "dyad_sentences": d.sentences, "dyad_coverage": round2(d.coverage()),
                "source_accuracy": round2(d.source_accuracy()), "target_accuracy": round2(d.target_accuracy()),
                "dyad_accuracy": round2(d.dyad_accuracy()),
            })
        );
    } else {
        println!("QuadClass ({} sentences): coded {:.2}%, quad class right on {:.2}% of coded", q.sentences, q.coverage(), q.accuracy());
        println!("  gold \\ predicted   0     1     2     3     4  none");
        for (g, row) in q.confusion.iter().enumerate() {
            println!("  {g:<17} {}", row.iter().map(|n| format!("{n:>5}")).collect::<Vec<_>>().join(" "));
        }
        println!(
            "Dyads ({} sentences): coded {:.2}%; of coded: source {:.2}%, target {:.2}%, both {:.2}%",
            d.sentences,
            d.coverage(),
            d.source_accuracy(),
            d.target_accuracy(),
            d.dyad_accuracy()
        );
    }
    let checks = [
        ("quad accuracy", q.accuracy(), args.min_quad_accuracy),
        ("source accuracy", d.source_accuracy(), args.min_source_accuracy),
        ("coverage", q.coverage(), args.min_coverage),
    ];
    let mut code = ExitCode::SUCCESS;
    for (name, value, min) in checks {
        if let Some(min) = min.filter(|m| value < *m) {
            eprintln!("{name} {value:.2} is below the threshold {min:.2}");
            code = ExitCode::FAILURE;
        }
    }
    Ok(code)
}
