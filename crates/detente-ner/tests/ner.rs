//! The IOB2 reader, span extraction, a small training run, and the
//! committed model's score on UniversalNER EWT dev.

use detente_ner::{
    documents, evaluate, iob2_spans, iob2_tags, read_iob2, train, EntitySpan, EntityType,
    Iob2Error, Iob2Tag, Ner, NerInput, NerSentence, TrainConfig, TrainEvent,
};
use std::path::Path;

fn span(start: usize, end: usize, label: EntityType) -> EntitySpan {
    EntitySpan { start, end, label }
}

/// A shared data file; panics with the message telling the user to set
/// `DETENTE_DATA` when the data is missing.
fn uner(relative: &str) -> Vec<NerSentence> {
    let path = detente_core::data::data_file(relative).unwrap_or_else(|e| panic!("{e}"));
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    read_iob2(std::io::BufReader::new(file)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn reads_universalner_files() {
    let text = "# newdoc id = a\n# sent_id = a-1\n# text = Jeff met John Smith in New York\n\
                1\tJeff\tB-PER\t-\tstephen\n2\tmet\tO\t-\t-\n3\tJohn\tB-PER\t-\t-\n4\tSmith\tI-PER\t-\t-\n\
                5\tin\tO\t-\t-\n6\tNew\tB-LOC\t-\t-\n7\tYork\tI-LOC\t-\t-\n\n\
                # text = Enron\n1\tEnron\tB-ORG\n";
    let sentences = read_iob2(text.as_bytes()).unwrap();
    assert_eq!(sentences.len(), 2);
    assert_eq!(
        sentences[0].words,
        ["Jeff", "met", "John", "Smith", "in", "New", "York"]
    );
    assert_eq!(
        sentences[0].entities,
        [
            span(0, 1, EntityType::Per),
            span(2, 4, EntityType::Per),
            span(5, 7, EntityType::Loc)
        ]
    );
    assert_eq!(sentences[0].upos, vec![String::new(); 7]);
    assert_eq!(sentences[1].entities, [span(0, 1, EntityType::Org)]);
    assert!(sentences[0].newdoc && !sentences[1].newdoc);
    assert_eq!(documents(&sentences).count(), 1);
    let dev = uner("uner-english/en_ewt-ud-dev.iob2");
    assert_eq!(documents(&dev).count(), 318);
    assert_eq!(documents(&dev).map(<[_]>::len).sum::<usize>(), dev.len());
}

#[test]
fn malformed_iob2_is_reported_with_its_line() {
    let line_of = |text: &str| match read_iob2(text.as_bytes()) {
        Err(Iob2Error::Syntax { line, message }) => (line, message),
        other => panic!("expected a syntax error, got {other:?}"),
    };
    let (line, message) = line_of("1\tJeff\tB-PER\n2\tmet\tB-GPE\n");
    assert_eq!(line, 2);
    assert!(message.contains("B-GPE"), "{message}");
    assert_eq!(
        line_of("# c\n1\tJeff\tO\n3\tmet\tO\n").0,
        3,
        "skipped index"
    );
    assert_eq!(
        line_of("1\tJeff\tO\n\n1\tJeff\n").0,
        3,
        "missing tag column"
    );
    assert_eq!(
        line_of("1\tJeff\tO\n# late comment\n").0,
        2,
        "comment inside a sentence"
    );
    assert_eq!(line_of("1\tJeff\tX-PER\n").0, 1, "bad prefix");
    let err = read_iob2("1\tJeff\tper\n".as_bytes()).unwrap_err();
    assert!(err.to_string().starts_with("IOB2 line 1:"), "{err}");
}

#[test]
fn spans_from_iob2_read_ill_formed_tags_like_conlleval() {
    let tags: Vec<Iob2Tag> = [
        "I-PER", "I-PER", "O", "B-ORG", "I-LOC", "I-LOC", "B-LOC", "B-LOC", "O", "I-ORG",
    ]
    .iter()
    .map(|t| t.parse().unwrap())
    .collect();
    assert_eq!(
        iob2_spans(&tags),
        [
            span(0, 2, EntityType::Per), // I- at the start opens an entity
            span(3, 4, EntityType::Org),
            span(4, 6, EntityType::Loc), // I- of another type opens a new one
            span(6, 7, EntityType::Loc), // B- after B- of the same type: two entities
            span(7, 8, EntityType::Loc),
            span(9, 10, EntityType::Org), // I- after O
        ]
    );
    // Well-formed tags round-trip through spans.
    let spans = iob2_spans(&tags);
    let canonical = iob2_tags(tags.len(), &spans);
    assert_eq!(canonical[0].to_string(), "B-PER");
    assert_eq!(canonical[4], Iob2Tag::B(EntityType::Loc));
    assert_eq!(iob2_spans(&canonical), spans);
    assert!("B-MISC".parse::<Iob2Tag>().is_err());
}

#[test]
fn small_training_run_learns_round_trips_and_is_reproducible() {
    let train_set: Vec<NerSentence> = uner("uner-english/en_ewt-ud-train.iob2")
        .into_iter()
        .take(300)
        .collect();
    let dev = uner("uner-english/en_ewt-ud-dev.iob2");
    let cfg = TrainConfig {
        epochs: 2,
        patience: 2,
        use_pos: false,
        source: "test".into(),
        // Fold models of 240 sentences guess too badly for the memory
        // features to help; they are checked for reproducibility below.
        memory_folds: 0,
        ..TrainConfig::default()
    };
    let mut epochs = Vec::new();
    let mut progress = Vec::new();
    let ner = train(&train_set, &dev, &cfg, &mut |e| match e {
        TrainEvent::Epoch { errors, dev, .. } => epochs.push((errors, dev.f1)),
        TrainEvent::Progress { epoch, done, total } => progress.push((epoch, done, total)),
        _ => {}
    });
    assert_eq!(epochs.len(), 2);
    // Progress counts up to the whole training set once per epoch.
    assert_eq!(progress.first(), Some(&(1, 0, 300)));
    assert_eq!(progress.last(), Some(&(2, 300, 300)));
    assert!(progress.windows(2).all(|w| w[0] < w[1]), "{progress:?}");
    assert!(
        epochs[1].0 < epochs[0].0,
        "training errors did not fall: {epochs:?}"
    );
    assert!(
        epochs[1].1 > epochs[0].1 && epochs[1].1 > 10.0,
        "dev F1 did not rise: {epochs:?}"
    );
    // Its own training data is learnt far better than new text.
    assert!(evaluate(&ner, &train_set).f1 > epochs[1].1 + 10.0);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ner.bin");
    ner.save(&path).unwrap();
    let back = Ner::load(&path).unwrap();
    assert_eq!(back.to_bytes(), ner.to_bytes());
    assert_eq!(back.description(), ner.description());
    for s in &dev {
        assert_eq!(back.recognise(&s.inputs()), ner.recognise(&s.inputs()));
    }
    let memory = TrainConfig {
        memory_folds: 2,
        ..cfg.clone()
    };
    let once = train(&train_set, &dev, &memory, &mut |_| {});
    let again = train(&train_set, &dev, &memory, &mut |_| {});
    assert_eq!(
        again.to_bytes(),
        once.to_bytes(),
        "same seed and data, different model"
    );
    assert_ne!(once.to_bytes(), ner.to_bytes());
}

#[test]
fn damaged_models_are_errors() {
    assert!(matches!(
        Ner::from_bytes(b"not a model"),
        Err(detente_ner::ModelError::NotAModel)
    ));
    let mut header = b"DTNTNER1".to_vec();
    header.extend_from_slice(&999u32.to_le_bytes());
    assert!(Ner::from_bytes(&header)
        .unwrap_err()
        .to_string()
        .contains("version 999"));
}

/// UNER EWT dev span F1 of `models/ner-en-v1.bin` (gold tokens, no
/// part-of-speech tags given); a retrained model must not lose more than
/// half a point of it. Issue 4 asks for 85, which this model does not reach
/// (see the crate documentation): the floor guards what exists.
const EWT_DEV_F1: f64 = 72.3;

#[test]
fn committed_model_scores_on_uner_ewt_dev() {
    let path = detente_core::data::repo_root().join("models/ner-en-v1.bin");
    assert!(
        path.exists(),
        "{} is missing: train it with `detente train ner`",
        path.display()
    );
    // Load time is measured by `detente bench`, not here: it depends on the machine.
    let ner = Ner::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        ner.description().contains("en_ewt-ud-train.iob2"),
        "the description names no training file: {}",
        ner.description()
    );

    let dev = uner("uner-english/en_ewt-ud-dev.iob2");
    let scores = evaluate(&ner, &dev);
    println!(
        "UNER EWT dev: P {:.2} R {:.2} F1 {:.2}",
        scores.precision, scores.recall, scores.f1
    );
    for t in &scores.per_type {
        println!(
            "  {}: P {:.2} R {:.2} F1 {:.2}",
            t.label, t.precision, t.recall, t.f1
        );
    }
    assert!(
        scores.f1 >= EWT_DEV_F1 - 0.5,
        "UNER EWT dev F1 {:.2} < {EWT_DEV_F1} - 0.5",
        scores.f1
    );

    let words = [
        "Antony", "Blinken", "met", "Sergei", "Lavrov", "in", "Geneva", "on", "Friday", ".",
    ];
    let inputs: Vec<NerInput> = words.iter().map(|w| NerInput::word(w)).collect();
    let expected = [
        span(0, 2, EntityType::Per),
        span(3, 5, EntityType::Per),
        span(6, 7, EntityType::Loc),
    ];
    assert_eq!(ner.recognise(&inputs), expected);
    assert!(ner.recognise(&[]).is_empty());
}

#[test]
fn gum_mentions_become_uner_like_names() {
    // "President Obama met him at the Royal University of Portsmouth, United Kingdom."
    let conllu = "\
1\tPresident\tPresident\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(1-person-new-x-x-1-sgl
2\tObama\tObama\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=1)
3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_
4\thim\the\tPRON\tPRP\t_\t3\tobj\t_\tEntity=(2-person-giv-x-x-1-sgl)
5\tat\tat\tADP\tIN\t_\t8\tcase\t_\t_
6\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\tEntity=(3-organization-new-x-x-1-sgl
7\tRoyal\tRoyal\tPROPN\tNNP\t_\t8\tcompound\t_\t_
8\tUniversity\tUniversity\tPROPN\tNNP\t_\t3\tobl\t_\t_
9\tof\tof\tADP\tIN\t_\t10\tcase\t_\t_
10\tPortsmouth\tPortsmouth\tPROPN\tNNP\t_\t8\tnmod\t_\tEntity=(4-place-new-x-x-1-sgl)
11\t,\t,\tPUNCT\t,\t_\t13\tpunct\t_\t_
12\tUnited\tUnite\tVERB\tNNP\t_\t13\tamod\t_\tEntity=(5-place-new-x-x-1-sgl
13\tKingdom\tKingdom\tPROPN\tNNP\t_\t8\tappos\t_\tEntity=5)3)
14\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

";
    let sentences: Vec<_> = detente_conllu::Reader::new(conllu.as_bytes())
        .collect::<Result<_, _>>()
        .unwrap();
    let ner = detente_ner::gum_entities(&sentences);
    assert_eq!(ner.len(), 1);
    assert_eq!(ner[0].upos[3], "PRON");
    // The title goes, the pronoun is no name, the nested place inside the
    // organisation goes, "United" (VERB, but NNP) stays in the name.
    assert_eq!(
        ner[0].entities,
        [
            span(1, 2, EntityType::Per),
            span(6, 10, EntityType::Org),
            span(11, 13, EntityType::Loc)
        ]
    );
}

#[test]
fn training_files_are_read_by_extension_and_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let iob2 = write("a.iob2", "1\tMaria\tB-PER\n2\tsings\tO\n\n");
    assert_eq!(
        detente_ner::read_labelled(&iob2).unwrap()[0].entities,
        [span(0, 1, EntityType::Per)]
    );
    // "Oslo sleeps ." with a one-word place mention.
    let conllu = write(
        "b.conllu",
        "1\tOslo\tOslo\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(1-place-new-x-x-1-sgl)\n\
         2\tsleeps\tsleep\tVERB\tVBZ\t_\t0\troot\t_\t_\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n",
    );
    let gum = detente_ner::read_labelled(&conllu).unwrap();
    assert_eq!(gum[0].entities, [span(0, 1, EntityType::Loc)]);
    assert_eq!(gum[0].upos[0], "PROPN");

    let bad = write("c.iob2", "1\tMaria\tB-PER\n3\tsings\tO\n");
    let err = detente_ner::read_labelled(&bad).unwrap_err();
    let cause = std::error::Error::source(&err).map(ToString::to_string);
    assert!(err.to_string().contains("c.iob2"), "{err}");
    assert!(
        cause.as_deref().unwrap_or("").contains("line 2"),
        "{cause:?}"
    );
    let other = write("d.txt", "Maria sings.");
    let message = detente_ner::read_labelled(&other).unwrap_err().to_string();
    assert!(
        message.contains("d.txt") && message.contains(".iob2"),
        "{message}"
    );
    let missing = detente_ner::read_labelled(Path::new("/nonexistent/e.iob2")).unwrap_err();
    assert!(
        missing.to_string().contains("/nonexistent/e.iob2"),
        "{missing}"
    );
}

#[test]
fn unlabelled_text_is_every_txt_file_segmented_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Rain fell in Tromsø. Boats stayed in port.",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), "Ferries ran late.").unwrap();
    std::fs::write(dir.path().join("notes.md"), "Not read.").unwrap();
    let sentences = detente_ner::read_unlabelled(dir.path()).unwrap();
    let first_words: Vec<&str> = sentences.iter().map(|s| s[0].as_str()).collect();
    assert_eq!(first_words, ["Ferries", "Rain", "Boats"]);
    assert_eq!(sentences[1], ["Rain", "fell", "in", "Tromsø", "."]);
}

#[test]
fn gum_names_after_a_description_are_kept() {
    // "The singer Ana Lima waved to the town of Belo." GUM heads a
    // description-plus-name mention on the common noun, the name `flat`
    // under it; a plain common-noun mention stays out.
    let conllu = "\
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-person-new-x-x-1-sgl
2\tsinger\tsinger\tNOUN\tNN\t_\t5\tnsubj\t_\t_
3\tAna\tAna\tPROPN\tNNP\t_\t2\tflat\t_\t_
4\tLima\tLima\tPROPN\tNNP\t_\t2\tflat\t_\tEntity=1)
5\twaved\twave\tVERB\tVBD\t_\t0\troot\t_\t_
6\tto\tto\tADP\tIN\t_\t8\tcase\t_\t_
7\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\tEntity=(2-place-new-x-x-1-sgl
8\ttown\ttown\tNOUN\tNN\t_\t5\tobl\t_\t_
9\tof\tof\tADP\tIN\t_\t10\tcase\t_\t_
10\tBelo\tBelo\tPROPN\tNNP\t_\t8\tnmod\t_\tEntity=(3-place-new-x-x-1-sgl)2)
11\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_

";
    let sentences: Vec<_> = detente_conllu::Reader::new(conllu.as_bytes())
        .collect::<Result<_, _>>()
        .unwrap();
    let ner = detente_ner::gum_entities(&sentences);
    assert_eq!(
        ner[0].entities,
        [span(2, 4, EntityType::Per), span(9, 10, EntityType::Loc)]
    );
}
