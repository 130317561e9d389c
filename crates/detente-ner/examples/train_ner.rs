//! Trains `models/ner-en-v1.bin` from the shared data (single-threaded,
//! seeded, early stopping on UNER EWT dev) and prints the dev scores.
//!
//! ```text
//! cargo run --release -p detente-ner --example train_ner -- [--out PATH] [--tagger PATH]
//!     [--pos] [--no-gum] [--no-news] [--no-phoenix] [--epochs N] [--seed N] [--prune X] [--dropout X]
//! ```
//!
//! Part-of-speech features are off unless `--pos` is given (see
//! `TrainConfig::use_pos`). UNER EWT and GUM sentences carry the UD
//! treebanks' gold tags; with `--tagger`, dev gets the tagger's predicted
//! tags instead (what the model sees in the pipeline).

use detente_conllu::{ConlluSentence, Reader};
use detente_lexicon::ActorLexicon;
use detente_ner::{
    attach_pos, gum_entities, petrarch_names, read_iob2, train, NerSentence, TrainConfig,
    TrainEvent,
};
use detente_tagger::Tagger;
use detente_text::Segmenter;
use std::path::PathBuf;
use std::time::Instant;

fn data(relative: &str) -> PathBuf {
    detente_core::data::data_file(relative).unwrap_or_else(|e| panic!("{e}"))
}

fn treebank(relative: &str) -> Vec<ConlluSentence> {
    let file = std::fs::File::open(data(relative)).expect("open treebank");
    Reader::new(std::io::BufReader::new(file))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{relative}: {e}"))
}

fn uner(relative: &str, ud: &str) -> Vec<NerSentence> {
    let file = std::fs::File::open(data(relative)).expect("open IOB2 file");
    let mut sentences =
        read_iob2(std::io::BufReader::new(file)).unwrap_or_else(|e| panic!("{relative}: {e}"));
    let paired = attach_pos(&mut sentences, &treebank(ud));
    eprintln!(
        "{relative}: {} sentences, {paired} paired with {ud}",
        sentences.len()
    );
    sentences
}

/// The news articles of PolNeAR's train split, segmented: unlabelled text
/// for the case statistics (its annotations are not used).
fn polnear_train() -> Vec<Vec<String>> {
    let dir = data("polnear/train/text");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("list polnear")
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let segmenter = Segmenter::new();
    let mut out = Vec::new();
    for path in paths {
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let seg = segmenter.segment(&text);
        for s in &seg.sentences {
            out.push(
                seg.tokens[s.token_range()]
                    .iter()
                    .map(|t| t.span.slice(&text).to_string())
                    .collect(),
            );
        }
    }
    out
}

fn main() {
    let mut cfg = TrainConfig::default();
    let mut out = detente_core::data::repo_root().join("models/ner-en-v1.bin");
    let (mut tagger, mut gum, mut news, mut phoenix) = (None, true, true, true);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        match arg.as_str() {
            "--out" => out = value().into(),
            "--tagger" => tagger = Some(PathBuf::from(value())),
            "--pos" => cfg.use_pos = true,
            "--no-gum" => gum = false,
            "--no-news" => news = false,
            "--no-phoenix" => phoenix = false,
            "--epochs" => cfg.epochs = value().parse().expect("--epochs N"),
            "--seed" => cfg.seed = value().parse().expect("--seed N"),
            "--prune" => cfg.prune = value().parse().expect("--prune X"),
            "--dropout" => cfg.dropout = value().parse().expect("--dropout X"),
            _ => panic!("unknown argument {arg}"),
        }
    }
    let mut train_set = uner(
        "uner-english/en_ewt-ud-train.iob2",
        "ud-english-ewt/en_ewt-ud-train.conllu",
    );
    let mut dev = uner(
        "uner-english/en_ewt-ud-dev.iob2",
        "ud-english-ewt/en_ewt-ud-dev.conllu",
    );
    let mut source = "UNER English-EWT train (draft, normalised)".to_string();
    if gum {
        let g = gum_entities(&treebank("ud-english-gum/en_gum-ud-train.conllu"));
        eprintln!(
            "GUM train: {} sentences, {} entities",
            g.len(),
            g.iter().map(|s| s.entities.len()).sum::<usize>()
        );
        train_set.extend(g);
        source.push_str(" + GUM train entity layer (named PER/ORG/LOC)");
    }
    if news {
        cfg.unlabelled = polnear_train();
        let words: usize = cfg.unlabelled.iter().map(Vec::len).sum();
        eprintln!(
            "PolNeAR train text: {} sentences, {words} words (case statistics only)",
            cfg.unlabelled.len()
        );
        source.push_str("; case statistics also from PolNeAR train text");
    }
    if phoenix {
        let dir = "events/petrarch2/dictionaries";
        let files: Vec<PathBuf> = [
            "Phoenix.Countries.actors.txt",
            "Phoenix.International.actors.txt",
            "Phoenix.MilNonState.actors.txt",
        ]
        .iter()
        .map(|f| data(&format!("{dir}/{f}")))
        .collect();
        let (dictionary, _) =
            ActorLexicon::import_petrarch(&files, &[]).unwrap_or_else(|e| panic!("{e}"));
        cfg.names = petrarch_names(&dictionary);
        eprintln!(
            "Phoenix dictionaries: {} typed names for the gazetteer",
            cfg.names.len()
        );
        source.push_str("; gazetteer also from the Phoenix actor dictionaries");
    }
    source.push_str("; dev UNER English-EWT dev");
    if let Some(path) = &tagger {
        let tagger = Tagger::load(path).unwrap_or_else(|e| panic!("{e}"));
        for s in &mut dev {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let tags = tagger.tag(&words);
            s.upos = tags.iter().map(|t| t.upos.to_string()).collect();
            s.xpos = tags.iter().map(|t| t.xpos.to_string()).collect();
        }
        source.push_str(" with predicted tags");
    }
    cfg.source = source;
    let start = Instant::now();
    let ner = train(&train_set, &dev, &cfg, &mut |e| {
        match e {
        TrainEvent::Started { sentences, words, entities } => {
            eprintln!("training on {sentences} sentences, {words} words, {entities} entities")
        }
        TrainEvent::Epoch { epoch, errors, rows, dev, best } => eprintln!(
            "epoch {epoch}: {errors} training errors, {rows} rows; dev P/R/F1 {:.2}/{:.2}/{:.2} [{}]{}",
            dev.precision,
            dev.recall,
            dev.f1,
            dev.per_type.iter().map(|t| format!("{} {:.2}", t.label, t.f1)).collect::<Vec<_>>().join(" "),
            if best { " *" } else { "" }
        ),
        TrainEvent::Finished { best_epoch, dev } => eprintln!("best epoch {best_epoch}: dev F1 {:.2}", dev.f1),
    }
    });
    eprintln!("trained in {:.1} s", start.elapsed().as_secs_f64());
    ner.save(&out)
        .unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    eprintln!(
        "{}: {} bytes\n{}",
        out.display(),
        std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0),
        ner.description()
    );
}
