//! Jackknifed tagging on a small slice of EWT: each fold is tagged by a
//! tagger that never saw it, so the parser can train on realistic tags.

mod common;

use common::treebank;
use detente_tagger::{jackknife, JackknifeError, JackknifeEvent, TrainConfig, TrainEvent};

fn config() -> TrainConfig {
    TrainConfig {
        epochs: 1,
        patience: 1,
        source: "EWT train[..240]".into(),
        ..TrainConfig::default()
    }
}

#[test]
fn folds_are_tagged_by_taggers_that_never_saw_them() {
    let train_set: Vec<_> = treebank("ud-english-ewt/en_ewt-ud-train.conllu")
        .into_iter()
        .take(240)
        .collect();
    let dev: Vec<_> = treebank("ud-english-ewt/en_ewt-ud-dev.conllu")
        .into_iter()
        .take(50)
        .collect();
    let mut events = Vec::new();
    let tagged = jackknife(&train_set, &dev, 3, &config(), &mut |e| events.push(e)).unwrap();

    let folds: Vec<(usize, usize)> = events
        .iter()
        .filter_map(|e| match e {
            JackknifeEvent::Fold {
                fold,
                folds,
                sentences,
            } => {
                assert_eq!(*folds, 3);
                Some((*fold, *sentences))
            }
            JackknifeEvent::Train { .. } => None,
        })
        .collect();
    assert_eq!(folds, [(1, 80), (2, 80), (3, 80)]);
    // Each fold's tagger trained on the other two folds only.
    let trained: Vec<usize> = events
        .iter()
        .filter_map(|e| match e {
            JackknifeEvent::Train {
                event: TrainEvent::Started { sentences, .. },
                ..
            } => Some(*sentences),
            _ => None,
        })
        .collect();
    assert_eq!(trained, [160, 160, 160]);

    assert_eq!(tagged.len(), train_set.len());
    let (mut words, mut same_upos) = (0, 0);
    for (gold, predicted) in train_set.iter().zip(&tagged) {
        assert_eq!(gold.sent_id, predicted.sent_id);
        assert_eq!(gold.words.len(), predicted.words.len());
        for (g, p) in gold.words.iter().zip(&predicted.words) {
            assert_eq!((&g.form, g.head, &g.deprel), (&p.form, p.head, &p.deprel));
            assert!(!p.upos.is_empty() && !p.xpos.is_empty() && !p.lemma.is_empty());
            words += 1;
            same_upos += usize::from(g.upos == p.upos);
        }
    }
    // Taggers trained on 160 sentences for one epoch tag unseen text well but
    // far from perfectly: the tags are predictions, not copies of the gold.
    let accuracy = 100.0 * same_upos as f64 / words as f64;
    assert!(
        accuracy > 60.0 && accuracy < 99.0,
        "UPOS agreement {accuracy:.2}"
    );

    let again = jackknife(&train_set, &dev, 3, &config(), &mut |_| {}).unwrap();
    assert_eq!(again, tagged, "jackknifing is deterministic");
}

#[test]
fn impossible_fold_counts_are_errors() {
    let train_set: Vec<_> = treebank("ud-english-ewt/en_ewt-ud-train.conllu")
        .into_iter()
        .take(3)
        .collect();
    for folds in [0, 1, 4] {
        let err = jackknife(&train_set, &[], folds, &config(), &mut |_| {}).unwrap_err();
        assert!(
            matches!(err, JackknifeError::Folds { sentences: 3, .. }),
            "{err}"
        );
        assert!(err.to_string().contains(&folds.to_string()), "{err}");
    }
}
