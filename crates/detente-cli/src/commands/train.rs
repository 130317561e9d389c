//! `detente train`: train Detente's models from annotated data.

use crate::commands::eval::read_conllu;
use anyhow::{Context, Result};
use clap::{Subcommand, ValueEnum};
use detente_conllu::ConlluSentence;
use detente_core::data::data_file;
use detente_pipeline::{default_models_dir, PARSER_FILE, TAGGER_FILE};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum TrainCommand {
    /// Train the tagger/lemmatiser and the dependency parser on CoNLL-U treebanks.
    ///
    /// Defaults: UD English EWT + GUM train files from $DETENTE_DATA, their dev
    /// files for early stopping, models written to the models directory.
    /// Training is single-threaded, seeded and reproducible: the same data,
    /// seed and settings give byte-identical models.
    Syntax(SyntaxArgs),
    /// Train the named-entity recogniser (PER, ORG, LOC).
    ///
    /// Defaults: UniversalNER English-EWT train (.iob2) plus the GUM train
    /// treebank's entity layer (.conllu), UniversalNER EWT dev for early
    /// stopping, the model written to the models directory. The PolNeAR train
    /// articles and PETRARCH's Phoenix dictionaries come from $DETENTE_DATA; the
    /// word classes from `detente train clusters`, read from the models directory.
    /// Single-threaded, seeded and reproducible.
    Ner(NerArgs),
    /// Learn distributional word classes from unlabelled text (for the NER features).
    ///
    /// Words that occur between the same neighbours get the same class: the exchange
    /// algorithm moves each word to the class that most raises the likelihood of the text
    /// under a class-bigram model, iterating until few words move, once per granularity.
    /// Defaults: the word forms of the training splits only (UD EWT and GUM train, the
    /// PolNeAR train articles, ConfliBERT's train sentences) from $DETENTE_DATA, lowercased,
    /// words seen at least 3 times, 32/128/512/1024 classes, written to
    /// clusters-en-v1.bin in the models directory. Seeded and reproducible. `detente train
    /// ner` copies the table into the NER model, so retrain NER after changing it.
    Clusters(ClustersArgs),
}

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
    detente train clusters                                  # training text from $DETENTE_DATA into models/\n  \
    detente train clusters --classes 64,256 --min-count 5 --out /tmp/clusters.bin --seed 2")]
pub struct ClustersArgs {
    /// Where to write the table (default: clusters-en-v1.bin in $DETENTE_MODELS, else the repository's models/).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Number of classes of each clustering, coarse to fine, comma-separated (2 to 65536 each).
    #[arg(long, value_delimiter = ',', value_name = "N[,N]", default_values_t = [32u32, 128, 512, 1024])]
    classes: Vec<u32>,
    /// Words seen fewer times in the text get no class.
    #[arg(long, default_value_t = 3)]
    min_count: u32,
    /// Most exchange iterations per clustering (each stops earlier once fewer than 0.2% of the words move).
    #[arg(long, default_value_t = 20)]
    iterations: usize,
    /// Seeds the initial classes of all but the most frequent words.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
    detente train ner                                       # UNER EWT + GUM from $DETENTE_DATA into models/\n  \
    detente train ner --train a.iob2,b.conllu --dev d.iob2 --out /tmp/ner.bin --epochs 5 --seed 2")]
pub struct NerArgs {
    /// Labelled training files, comma-separated: UniversalNER .iob2, or .conllu with GUM's entity layer.
    #[arg(long, value_delimiter = ',', value_name = "FILE[,FILE]")]
    train: Vec<PathBuf>,
    /// UniversalNER .iob2 file for early stopping.
    #[arg(long, value_name = "FILE")]
    dev: Option<PathBuf>,
    /// Where to write the model (default: ner-en-v1.bin in $DETENTE_MODELS, else the repository's models/).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Word classes from `detente train clusters`, copied into the model (default:
    /// clusters-en-v1.bin in $DETENTE_MODELS, else the repository's models/).
    #[arg(long, value_name = "FILE")]
    clusters: Option<PathBuf>,
    /// Most epochs.
    #[arg(long)]
    epochs: Option<usize>,
    /// Stop after this many epochs without a better dev F1.
    #[arg(long)]
    patience: Option<usize>,
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
    detente train syntax                                    # EWT+GUM from $DETENTE_DATA into models/\n  \
    detente train syntax --train my.conllu --dev my-dev.conllu --out /tmp/models --only tagger\n  \
    detente train syntax --only parser --jackknife 0                # parser on gold tags only")]
pub struct SyntaxArgs {
    /// Training treebanks, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "FILE[,FILE]")]
    train: Vec<PathBuf>,
    /// Development treebanks for early stopping, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "FILE[,FILE]")]
    dev: Vec<PathBuf>,
    /// Where to write the models (default: $DETENTE_MODELS, else the repository's models/).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Train only one model.
    #[arg(long, value_enum)]
    only: Option<Model>,
    /// Most epochs per model (default: each trainer's own).
    #[arg(long)]
    epochs: Option<usize>,
    /// Stop after this many epochs without a better dev score.
    #[arg(long)]
    patience: Option<usize>,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The parser trains on every sentence twice: with gold tags, and with tags
    /// from K taggers each trained on all but one of K contiguous folds of the
    /// training data and tagging that fold. 0 trains on gold tags only.
    #[arg(long, value_name = "K", default_value_t = 5, value_parser = jackknife_folds)]
    jackknife: usize,
}

/// `--jackknife`: 0 (off) or at least 2 folds, checked before any training.
fn jackknife_folds(arg: &str) -> Result<usize, String> {
    match arg.parse::<usize>().map_err(|e| e.to_string())? {
        1 => Err("one fold leaves no data to train its tagger: use 0 (gold tags only) or at least 2".into()),
        k => Ok(k),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Model {
    Tagger,
    Parser,
}

pub fn run(cmd: TrainCommand) -> Result<ExitCode> {
    match cmd {
        TrainCommand::Syntax(args) => syntax(args),
        TrainCommand::Ner(args) => ner(args),
        TrainCommand::Clusters(args) => clusters(args),
    }
}

fn default_files(kind: &str) -> Result<Vec<PathBuf>> {
    ["ud-english-ewt/en_ewt-ud-", "ud-english-gum/en_gum-ud-"]
        .iter()
        .map(|prefix| data_file(&format!("{prefix}{kind}.conllu")).map_err(anyhow::Error::msg))
        .collect()
}

fn read_all(paths: &[PathBuf]) -> Result<Vec<ConlluSentence>> {
    let mut all = Vec::new();
    for p in paths {
        all.extend(read_conllu(p)?);
    }
    Ok(all)
}

fn names(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.file_name().unwrap_or_default().to_string_lossy().into_owned()).collect::<Vec<_>>().join("+")
}

fn bar(total: usize, what: &str) -> ProgressBar {
    let bar = ProgressBar::new(total as u64);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} sentences ({per_sec}, eta {eta})")
            .expect("valid template")
            .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
}

fn syntax(args: SyntaxArgs) -> Result<ExitCode> {
    let train_paths = if args.train.is_empty() { default_files("train")? } else { args.train.clone() };
    let dev_paths = if args.dev.is_empty() { default_files("dev")? } else { args.dev.clone() };
    let out = args.out.clone().unwrap_or_else(default_models_dir);
    std::fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
    let train = read_all(&train_paths)?;
    let dev = read_all(&dev_paths)?;
    let source = format!("train {} ({} sentences); dev {}", names(&train_paths), train.len(), names(&dev_paths));
    eprintln!("Training on {source}");

    if args.only != Some(Model::Parser) {
        train_tagger(&args, &train, &dev, &source, &out.join(TAGGER_FILE))?;
    }
    if args.only != Some(Model::Tagger) {
        train_parser(&args, &train, &dev, &source, &out.join(PARSER_FILE))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The word classes of `--clusters` (default: the models directory's), checked
/// for use as a model's class table.
fn load_clusters(path: Option<&Path>) -> Result<detente_clusters::Clusters> {
    let path = path.map_or_else(|| default_models_dir().join(detente_clusters::CLUSTERS_FILE), Path::to_path_buf);
    let clusters = detente_clusters::Clusters::load(&path)
        .with_context(|| format!("word clusters (make them with `detente train clusters --out {}`)", path.display()))?;
    detente_clusters::ClassTable::new(&clusters).map_err(anyhow::Error::msg)?;
    Ok(clusters)
}

fn tagger_config(args: &SyntaxArgs, source: &str) -> detente_tagger::TrainConfig {
    let mut cfg = detente_tagger::TrainConfig { seed: args.seed, source: source.to_string(), ..Default::default() };
    cfg.epochs = args.epochs.unwrap_or(cfg.epochs);
    cfg.patience = args.patience.unwrap_or(cfg.patience);
    cfg
}

/// Logs a tagger's training events as `name` (a progress bar per epoch).
fn report_tagger(name: &str, progress: &mut Option<ProgressBar>, event: detente_tagger::TrainEvent) {
    use detente_tagger::TrainEvent;
    match event {
        TrainEvent::Started { sentences, words, classes, feats } => {
            eprintln!("{name}: {sentences} sentences, {words} words, {classes} tag classes, {feats} feature bundles")
        }
        TrainEvent::Progress { epoch, done, total } => {
            let bar = progress.get_or_insert_with(|| bar(total, &format!("{name} epoch {epoch}")));
            bar.set_message(format!("{name} epoch {epoch}"));
            bar.set_position(done as u64);
        }
        TrainEvent::Epoch { epoch, dev, best } => {
            if let Some(bar) = progress.take() {
                bar.finish_and_clear();
            }
            eprintln!(
                "{name} epoch {epoch}: dev UPOS {:.2} XPOS {:.2} UFeats {:.2} lemma {:.2}{}",
                dev.upos,
                dev.xpos,
                dev.ufeats,
                dev.lemma,
                if best { "  (best)" } else { "" }
            );
        }
        TrainEvent::Finished { best_epoch, dev } => {
            eprintln!("{name}: keeping epoch {best_epoch} (dev UPOS {:.2})", dev.upos)
        }
    }
}

fn train_tagger(args: &SyntaxArgs, train: &[ConlluSentence], dev: &[ConlluSentence], source: &str, path: &Path) -> Result<()> {
    let cfg = tagger_config(args, source);
    let mut progress: Option<ProgressBar> = None;
    let tagger = detente_tagger::train(train, dev, &cfg, &mut |event| report_tagger("tagger", &mut progress, event));
    tagger.save(path).with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!("tagger written to {}", path.display());
    Ok(())
}

/// The training data with tags from `args.jackknife` fold taggers (see
/// [`detente_tagger::jackknife`]).
fn jackknifed(args: &SyntaxArgs, train: &[ConlluSentence], dev: &[ConlluSentence], source: &str) -> Result<Vec<ConlluSentence>> {
    use detente_tagger::JackknifeEvent;
    let cfg = tagger_config(args, source);
    let mut progress: Option<ProgressBar> = None;
    let tagged = detente_tagger::jackknife(train, dev, args.jackknife, &cfg, &mut |event| match event {
        JackknifeEvent::Fold { fold, folds, sentences } => {
            eprintln!("jackknife fold {fold}/{folds}: training a tagger without its {sentences} sentences")
        }
        JackknifeEvent::Train { fold, event } => report_tagger(&format!("fold {fold} tagger"), &mut progress, event),
    })?;
    Ok(tagged)
}

fn train_parser(args: &SyntaxArgs, train: &[ConlluSentence], dev: &[ConlluSentence], source: &str, path: &Path) -> Result<()> {
    use detente_parser::{TrainConfig, TrainEvent};
    let mut description = source.to_string();
    let gold_and_predicted: Vec<ConlluSentence>;
    let train = if args.jackknife == 0 {
        train
    } else {
        gold_and_predicted = [train.to_vec(), jackknifed(args, train, dev, source)?].concat();
        description.push_str(&format!("; parser trained on gold tags plus {}-fold jackknifed tagger output", args.jackknife));
        &gold_and_predicted
    };
    let mut cfg = TrainConfig { seed: args.seed, description, ..TrainConfig::default() };
    cfg.epochs = args.epochs.unwrap_or(cfg.epochs);
    cfg.patience = args.patience.unwrap_or(cfg.patience);
    let mut progress: Option<ProgressBar> = None;
    let parser = detente_parser::train(train, dev, &cfg, &mut |event| match event {
        TrainEvent::Progress { epoch, done, total } => {
            let bar = progress.get_or_insert_with(|| bar(total, &format!("parser epoch {epoch}")));
            bar.set_message(format!("parser epoch {epoch}"));
            bar.set_position(done as u64);
        }
        TrainEvent::Epoch(r) => {
            if let Some(bar) = progress.take() {
                bar.finish_and_clear();
            }
            eprintln!(
                "parser epoch {}: training errors {:.2}%, dev UAS {:.2} LAS {:.2}{}",
                r.epoch,
                100.0 * r.errors as f64 / r.states.max(1) as f64,
                r.dev_uas,
                r.dev_las,
                if r.improved { "  (best)" } else { "" }
            );
        }
    });
    parser.save(path).with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!("parser written to {}", path.display());
    Ok(())
}

fn ner(args: NerArgs) -> Result<ExitCode> {
    use detente_ner::{read_labelled, TrainConfig, TrainEvent};
    let data = |relative: &str| data_file(relative).map_err(anyhow::Error::msg);
    let train_paths = if args.train.is_empty() {
        vec![data("uner-english/en_ewt-ud-train.iob2")?, data("ud-english-gum/en_gum-ud-train.conllu")?]
    } else {
        args.train.clone()
    };
    let dev_path = match &args.dev {
        Some(p) => p.clone(),
        None => data("uner-english/en_ewt-ud-dev.iob2")?,
    };
    let out = args.out.clone().unwrap_or_else(|| default_models_dir().join(detente_pipeline::NER_FILE));
    let mut train = Vec::new();
    for p in &train_paths {
        train.extend(read_labelled(p)?);
    }
    let dev = read_labelled(&dev_path)?;
    let source = format!("train {} ({} sentences); dev {}", names(&train_paths), train.len(), names(std::slice::from_ref(&dev_path)));
    eprintln!("Training on {source}");
    let clusters = load_clusters(args.clusters.as_deref())?;
    let mut cfg = TrainConfig { seed: args.seed, source, ..TrainConfig::default() }
        .with_shared_resources()?
        .with_clusters(clusters)?;
    cfg.epochs = args.epochs.unwrap_or(cfg.epochs);
    cfg.patience = args.patience.unwrap_or(cfg.patience);
    let mut progress: Option<ProgressBar> = None;
    let ner = detente_ner::train(&train, &dev, &cfg, &mut |event| match event {
        TrainEvent::Started { sentences, words, entities } => {
            eprintln!("ner: {sentences} sentences, {words} words, {entities} entities")
        }
        TrainEvent::Progress { epoch, done, total } => {
            let bar = progress.get_or_insert_with(|| bar(total, &format!("ner epoch {epoch}")));
            bar.set_message(format!("ner epoch {epoch}"));
            bar.set_position(done as u64);
        }
        TrainEvent::Epoch { epoch, errors, dev, best, .. } => {
            if let Some(bar) = progress.take() {
                bar.finish_and_clear();
            }
            let per_type: Vec<String> = dev.per_type.iter().map(|t| format!("{} {:.2}", t.label, t.f1)).collect();
            eprintln!(
                "ner epoch {epoch}: {errors} training errors, dev P {:.2} R {:.2} F1 {:.2} ({}){}",
                dev.precision,
                dev.recall,
                dev.f1,
                per_type.join(", "),
                if best { "  (best)" } else { "" }
            );
        }
        TrainEvent::Finished { best_epoch, dev } => {
            eprintln!("ner: keeping epoch {best_epoch} (dev F1 {:.2})", dev.f1)
        }
    });
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    ner.save(&out).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!("ner model written to {}", out.display());
    Ok(ExitCode::SUCCESS)
}

fn clusters(args: ClustersArgs) -> Result<ExitCode> {
    use detente_clusters::{TrainConfig, TrainEvent};
    if let Some(bad) = args.classes.iter().find(|&&n| !(2..=65536).contains(&n)) {
        anyhow::bail!("--classes {bad}: a clustering needs 2 to 65536 classes");
    }
    let out = args.out.clone().unwrap_or_else(|| default_models_dir().join(detente_clusters::CLUSTERS_FILE));
    let (text, source) = detente_clusters::training_text()?;
    eprintln!("Clustering {source}");
    let cfg = TrainConfig {
        sizes: args.classes.clone(),
        min_count: args.min_count,
        iterations: args.iterations,
        seed: args.seed,
        source,
        ..TrainConfig::default()
    };
    let started = std::time::Instant::now();
    let mut progress: Option<(u32, ProgressBar)> = None;
    let mut last: Option<(u32, detente_clusters::Iteration)> = None;
    let summary = |(classes, it): (u32, detente_clusters::Iteration)| {
        eprintln!(
            "clusters: {classes} classes after {} iterations ({} words moved in the last), objective {:.4}",
            it.iteration, it.moved, it.objective
        )
    };
    let clusters = detente_clusters::train(&text, &cfg, &mut |event| match event {
        TrainEvent::Started { sentences, tokens, vocabulary, bigrams } => {
            eprintln!("clusters: {sentences} sentences, {tokens} tokens, {vocabulary} words with a class, {bigrams} distinct bigrams")
        }
        TrainEvent::Iteration { classes, iteration } => {
            if progress.as_ref().is_some_and(|(c, _)| *c != classes) {
                if let Some((_, bar)) = progress.take() {
                    bar.finish_and_clear();
                }
                if let Some(finished) = last.take() {
                    summary(finished);
                }
            }
            last = Some((classes, iteration));
            let (_, bar) = progress.get_or_insert_with(|| {
                let bar = ProgressBar::new(args.iterations as u64);
                bar.set_style(
                    ProgressStyle::with_template("{msg:40} [{bar:30}] {pos}/{len} iterations ({elapsed})")
                        .expect("valid template")
                        .progress_chars("=> "),
                );
                (classes, bar)
            });
            bar.set_position(iteration.iteration as u64);
            bar.set_message(format!(
                "{classes} classes: {} moved, objective {:.4}",
                iteration.moved, iteration.objective
            ));
        }
    });
    if let Some((_, bar)) = progress.take() {
        bar.finish_and_clear();
    }
    if let Some(finished) = last.take() {
        summary(finished);
    }
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    clusters.save(&out).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "clusters: {} words in {:.1}s; written to {}",
        clusters.len(),
        started.elapsed().as_secs_f64(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}
