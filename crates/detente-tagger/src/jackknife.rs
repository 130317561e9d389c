//! Jackknifed tagging of a training treebank.
//!
//! A parser trained on gold tags learns to trust them; at run time it gets
//! the tagger's tags, mistakes included. Training it also on tags predicted
//! the way they will be at run time fixes that, but a tagger tagging its own
//! training data is nearly perfect, so each contiguous fold of the data is
//! tagged by a tagger trained on the other folds only ("jackknifing").

use crate::{train, Tagger, TrainConfig, TrainEvent};
use detente_conllu::ConlluSentence;

/// Progress of [`jackknife`]: which fold is being worked on, and the fold
/// tagger's own training events.
#[derive(Clone, Debug)]
pub enum JackknifeEvent {
    /// Fold `fold` (1-based) of `folds` starts: a tagger is trained on the
    /// other folds, then tags this fold's `sentences` sentences.
    Fold {
        fold: usize,
        folds: usize,
        sentences: usize,
    },
    /// A training event of the current fold's tagger.
    Train { fold: usize, event: TrainEvent },
}

#[derive(Debug, thiserror::Error)]
pub enum JackknifeError {
    #[error("jackknifing needs at least 2 folds and at most one per training sentence ({sentences} sentences), not {folds}")]
    Folds { folds: usize, sentences: usize },
}

/// `train` with UPOS, XPOS, features and lemmas replaced by those of
/// taggers trained (with `cfg`, early stopping on `dev`) on all but one of
/// `folds` contiguous folds of `train` and tagging the left-out fold; every
/// other column (forms, heads, relations, comments) is kept. Deterministic:
/// the folds are contiguous and each tagger is trained with `cfg.seed`.
pub fn jackknife(
    train_set: &[ConlluSentence],
    dev: &[ConlluSentence],
    folds: usize,
    cfg: &TrainConfig,
    progress: &mut dyn FnMut(JackknifeEvent),
) -> Result<Vec<ConlluSentence>, JackknifeError> {
    let n = train_set.len();
    if folds < 2 || folds > n {
        return Err(JackknifeError::Folds {
            folds,
            sentences: n,
        });
    }
    let mut out = Vec::with_capacity(n);
    for k in 0..folds {
        let held_out = k * n / folds..(k + 1) * n / folds;
        progress(JackknifeEvent::Fold {
            fold: k + 1,
            folds,
            sentences: held_out.len(),
        });
        let rest: Vec<ConlluSentence> = train_set[..held_out.start]
            .iter()
            .chain(&train_set[held_out.end..])
            .cloned()
            .collect();
        let tagger = train(&rest, dev, cfg, &mut |event| {
            progress(JackknifeEvent::Train { fold: k + 1, event })
        });
        out.extend(train_set[held_out].iter().map(|s| retag(&tagger, s)));
    }
    Ok(out)
}

/// `sentence` with the tagger's columns predicted by `tagger`.
fn retag(tagger: &Tagger, sentence: &ConlluSentence) -> ConlluSentence {
    let forms: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
    let tagged = tagger.tag(&forms);
    let mut out = sentence.clone();
    for (word, predicted) in out.words.iter_mut().zip(tagged) {
        word.upos = predicted.upos.to_string();
        word.xpos = predicted.xpos.to_string();
        word.feats = predicted.feats.to_string();
        word.lemma = predicted.lemma;
    }
    out
}
