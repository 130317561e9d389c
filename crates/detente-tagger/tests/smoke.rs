//! Training end to end on a small slice of EWT: fast enough for every CI run.

mod common;

use common::treebank;
use detente_conllu::ConlluSentence;
use detente_tagger::{
    accuracy, train, ModelError, Tagger, TrainConfig, TrainEvent, FORMAT_VERSION,
};

fn forms(sentence: &ConlluSentence) -> Vec<&str> {
    sentence.words.iter().map(|w| w.form.as_str()).collect()
}

fn small_model(seed: u64) -> (Tagger, Vec<TrainEvent>) {
    let train_set: Vec<_> = treebank("ud-english-ewt/en_ewt-ud-train.conllu")
        .into_iter()
        .take(300)
        .collect();
    let dev: Vec<_> = treebank("ud-english-ewt/en_ewt-ud-dev.conllu")
        .into_iter()
        .take(200)
        .collect();
    let cfg = TrainConfig {
        epochs: 2,
        seed,
        patience: 1,
        prune: 0.0,
        source: "EWT train[..300]".into(),
    };
    let mut events = Vec::new();
    let tagger = train(&train_set, &dev, &cfg, &mut |e| events.push(e));
    (tagger, events)
}

#[test]
fn small_training_run_learns_reports_and_round_trips() {
    let (tagger, events) = small_model(7);
    let dev: Vec<_> = treebank("ud-english-ewt/en_ewt-ud-dev.conllu")
        .into_iter()
        .take(200)
        .collect();
    let scores = accuracy(&tagger, &dev);
    // 300 sentences are enough for the frequent words and the lexicon.
    assert!(scores.upos > 75.0, "{scores:?}");
    assert!(scores.xpos > 70.0, "{scores:?}");
    assert!(scores.ufeats > 70.0, "{scores:?}");
    assert!(scores.lemma > 85.0, "{scores:?}");

    assert!(matches!(
        events.first(),
        Some(TrainEvent::Started { sentences: 300, .. })
    ));
    assert!(events.iter().any(|e| matches!(
        e,
        TrainEvent::Progress {
            epoch: 1,
            done: 300,
            total: 300
        }
    )));
    assert!(events.iter().any(|e| matches!(
        e,
        TrainEvent::Epoch {
            epoch: 1,
            best: true,
            ..
        }
    )));
    assert!(matches!(events.last(), Some(TrainEvent::Finished { .. })));
    assert!(
        tagger.description().contains("EWT train[..300]"),
        "{}",
        tagger.description()
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tagger.bin");
    tagger.save(&path).unwrap();
    let loaded = Tagger::load(&path).unwrap();
    assert_eq!(loaded.description(), tagger.description());
    for sentence in &dev {
        assert_eq!(loaded.tag(&forms(sentence)), tagger.tag(&forms(sentence)));
    }
    // Only the model is left behind, no temporary file.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn same_seed_gives_the_same_bytes() {
    assert_eq!(small_model(3).0.to_bytes(), small_model(3).0.to_bytes());
}

#[test]
fn bad_model_files_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.bin");
    let err = Tagger::load(&missing).unwrap_err();
    assert!(matches!(err, ModelError::Io { .. }));
    assert!(err.to_string().contains("nope.bin"), "{err}");

    assert!(matches!(
        Tagger::from_bytes(b"not a model at all"),
        Err(ModelError::NotAModel)
    ));

    let mut header = b"DTNTAGGR".to_vec();
    header.extend_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    let err = Tagger::from_bytes(&header).unwrap_err();
    assert!(
        matches!(err, ModelError::Version { found, expected } if found == FORMAT_VERSION + 1 && expected == FORMAT_VERSION)
    );

    let bytes = small_model(1).0.to_bytes();
    let truncated = &bytes[..bytes.len() / 2];
    assert!(matches!(
        Tagger::from_bytes(truncated),
        Err(ModelError::Corrupt(_))
    ));
}

#[test]
fn empty_sentence_tags_to_nothing() {
    let (tagger, _) = small_model(1);
    assert!(tagger.tag(&[]).is_empty());
}
