//! Training end to end on a little data: the perceptron learns, training is
//! reproducible, a model survives saving and loading, and whatever the model
//! or the input, the output is one tree.

mod common;

use common::{assert_tree, treebank};
use detente_conllu::ConlluSentence;
use detente_parser::{
    attachment_scores, train, EpochReport, ModelError, ParseInput, Parser, TrainConfig, TrainEvent,
};

fn small_config() -> TrainConfig {
    TrainConfig {
        epochs: 2,
        seed: 7,
        patience: 2,
        description: "smoke test".into(),
        ..TrainConfig::default()
    }
}

fn train_small(train_set: &[ConlluSentence], dev: &[ConlluSentence]) -> (Parser, Vec<EpochReport>) {
    let mut reports = Vec::new();
    let mut progress_seen = 0;
    let parser = train(train_set, dev, &small_config(), &mut |event| match event {
        TrainEvent::Progress { done, total, .. } => {
            assert!(done <= total);
            progress_seen += 1;
        }
        TrainEvent::Epoch(report) => reports.push(report),
    });
    assert!(progress_seen >= 2);
    (parser, reports)
}

fn parses<'p>(parser: &'p Parser, sentences: &[ConlluSentence]) -> Vec<Vec<(u32, &'p str)>> {
    sentences
        .iter()
        .map(|s| {
            parser.parse(
                &s.words
                    .iter()
                    .map(ParseInput::from_word)
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}

#[test]
fn learns_reproducibly_and_round_trips() {
    let train_set: Vec<ConlluSentence> = treebank("ud-english-ewt/en_ewt-ud-train.conllu")
        .into_iter()
        .take(300)
        .collect();
    let dev: Vec<ConlluSentence> = treebank("ud-english-ewt/en_ewt-ud-dev.conllu")
        .into_iter()
        .take(200)
        .collect();
    let (parser, reports) = train_small(&train_set, &dev);

    // The training error falls from the first epoch to the second.
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0].states, reports[1].states);
    assert!(reports[1].errors < reports[0].errors, "{reports:?}");
    // Even 300 sentences teach a good deal.
    let (uas, las) = attachment_scores(&parser, &dev);
    assert!(
        uas > 60.0 && las > 50.0 && uas >= las,
        "dev UAS {uas} LAS {las}"
    );
    let info = parser.info();
    assert_eq!((info.epochs_run, info.train_sentences), (2, 300));
    assert_eq!(info.dev_las, reports[info.best_epoch - 1].dev_las);
    assert_eq!(info.config, small_config());

    // Same seed, same model, byte for byte.
    let (again, _) = train_small(&train_set, &dev);
    assert!(
        again.to_bytes() == parser.to_bytes(),
        "training is not reproducible"
    );

    // Save, load, identical parses.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parser.bin");
    parser.save(&path).unwrap();
    let loaded = Parser::load(&path).unwrap();
    assert!(loaded == parser);
    assert_eq!(parses(&loaded, &dev), parses(&parser, &dev));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "a temporary file was left"
    );

    for (parse, sentence) in parses(&loaded, &dev).iter().zip(&dev) {
        assert_tree(parse, sentence.words.len());
    }
}

fn word<'a>(form: &'a str, upos: &'a str, xpos: &'a str) -> ParseInput<'a> {
    ParseInput {
        form,
        lemma: form,
        upos,
        xpos,
    }
}

/// 1-word, 200-word and nonsense sentences are still parsed into one tree,
/// by a trained model and by one that has learnt nothing (all scores zero).
#[test]
fn always_returns_one_tree() {
    let train_set: Vec<ConlluSentence> = treebank("ud-english-ewt/en_ewt-ud-train.conllu")
        .into_iter()
        .take(100)
        .collect();
    let cfg = TrainConfig {
        epochs: 1,
        ..TrainConfig::default()
    };
    let trained = train(&train_set, &[], &cfg, &mut |_| {});
    let blank = train(
        &train_set,
        &[],
        &TrainConfig { epochs: 0, ..cfg },
        &mut |_| {},
    );
    assert_eq!(blank.size().0, 0);

    let long: Vec<ParseInput> = (0..200)
        .map(|i| match i % 4 {
            0 => word("the", "DET", "DT"),
            1 => word("cat", "NOUN", "NN"),
            2 => word("sat", "VERB", "VBD"),
            _ => word(",", "PUNCT", ","),
        })
        .collect();
    let garbage = [
        word("", "", ""),
        word("\u{0}\u{FFFD}", "NOPE", "???"),
        word("🙂🙂", "X", "ADD"),
        word("ǅemal", "PROPN", "NNP"),
        word("1,000,000", "NUM", "CD"),
    ];
    let punctuation = [
        word(".", "PUNCT", "."),
        word(".", "PUNCT", "."),
        word(".", "PUNCT", "."),
    ];
    for parser in [&trained, &blank] {
        assert_eq!(parser.parse(&[]), vec![]);
        let one = parser.parse(&[word("Hello", "INTJ", "UH")]);
        assert_eq!(one, vec![(0, "root")]);
        for sentence in [&long[..], &garbage[..], &punctuation[..]] {
            assert_tree(&parser.parse(sentence), sentence.len());
        }
    }
}

#[test]
fn parser_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Parser>();
}

#[test]
fn bad_model_files_are_reported_clearly() {
    let train_set: Vec<ConlluSentence> = treebank("ud-english-ewt/en_ewt-ud-train.conllu")
        .into_iter()
        .take(50)
        .collect();
    let parser = train(
        &train_set,
        &[],
        &TrainConfig {
            epochs: 1,
            ..TrainConfig::default()
        },
        &mut |_| {},
    );
    let bytes = parser.to_bytes();

    let missing = Parser::load("/nonexistent/parser.bin".as_ref()).unwrap_err();
    assert!(matches!(missing, ModelError::Io { .. }));
    assert!(missing.to_string().contains("/nonexistent/parser.bin"));

    assert!(matches!(
        Parser::from_bytes(b"not a model at all"),
        Err(ModelError::NotAModel)
    ));
    assert!(matches!(
        Parser::from_bytes(&[]),
        Err(ModelError::NotAModel)
    ));

    let mut newer = bytes.clone();
    newer[8] = newer[8].wrapping_add(1);
    let err = Parser::from_bytes(&newer).unwrap_err();
    assert!(matches!(err, ModelError::Version { .. }), "{err}");
    assert!(err.to_string().contains("version"));

    for cut in [9, 20, bytes.len() / 2, bytes.len() - 1] {
        let err = Parser::from_bytes(&bytes[..cut]).unwrap_err();
        assert!(matches!(err, ModelError::Corrupt(_)), "cut at {cut}: {err}");
    }
    let mut damaged = bytes.clone();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0x40;
    assert!(matches!(
        Parser::from_bytes(&damaged),
        Err(ModelError::Corrupt(_))
    ));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.bin");
    std::fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
    let err = Parser::load(&path).unwrap_err();
    assert!(
        err.to_string().contains("broken.bin") && err.to_string().contains("corrupt"),
        "{err}"
    );
}
