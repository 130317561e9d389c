//! Training: builds the tag classes, tag dictionary, feature candidates and
//! lemmatiser from the training treebank, then runs perceptron epochs with
//! early stopping on dev UPOS accuracy.

use crate::features::{
    analyse, dynamic_features, feats_features, static_features, Lexicon, TagDict, WordInfo, PAD,
};
use crate::lemma::Lemmatiser;
use crate::linear::Weights;
use crate::{
    accuracy, argmax, feats_key, history, is_nominal, lookahead, padded_tags, subject_of, Model,
    TagClass, TagScores, Tagger,
};
use detente_conllu::ConlluSentence;
use detente_linear::{hash_str, Perceptron};
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Most epochs to run.
    pub epochs: usize,
    /// Seeds the per-epoch shuffle: the same seed and data give a
    /// byte-identical model.
    pub seed: u64,
    /// Stop after this many epochs without a better dev UPOS accuracy.
    pub patience: usize,
    /// Averaged weights smaller than this (in perceptron update units) are
    /// dropped from the model. 0 keeps every weight that survives the `i16`
    /// quantisation: with the feature-frequency cutoff the model is well
    /// within budget, and pruning at 0.5–1 cost dev accuracy.
    pub prune: f64,
    /// What the training and dev data are (file names): stored in the
    /// model's description.
    pub source: String,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            epochs: 15,
            seed: 1,
            patience: 3,
            prune: 0.0,
            source: String::new(),
        }
    }
}

/// Training progress, for a progress bar and a log.
#[derive(Clone, Debug)]
pub enum TrainEvent {
    /// Data analysed; epochs start.
    Started {
        sentences: usize,
        words: usize,
        classes: usize,
        feats: usize,
    },
    /// Within an epoch: `done` of `total` training sentences.
    Progress {
        epoch: usize,
        done: usize,
        total: usize,
    },
    /// An epoch ended; `best` when it is the best on dev so far (and kept).
    Epoch {
        epoch: usize,
        dev: TagScores,
        best: bool,
    },
    /// Training stopped; the returned model is the one from `best_epoch`.
    Finished { best_epoch: usize, dev: TagScores },
}

/// Joint XPOS+UPOS pairs seen fewer times than this are merged into their
/// XPOS's most frequent pair: too rare to learn, and mostly annotation noise.
const MIN_CLASS_COUNT: u32 = 3;
/// Training sentences see a tag dictionary built without their own fold
/// (jackknifing): with the full dictionary, a word seen once has exactly its
/// gold tag as ambiguity class, and the perceptron learns to trust that
/// feature far more than it deserves on new text.
const FOLDS: usize = 10;
/// Tag dictionary thresholds, see [`TagDict::build`].
const SURE_COUNT: u32 = 20;
const SURE_RATIO: f64 = 0.995;
/// Words seen this often are closed to the tags they were seen with.
const CLOSED_COUNT: u32 = 5;
/// The same thresholds for a word+tag's feature bundle, see `Model::feats_dict`.
const SURE_FEATS_COUNT: u32 = 10;
const SURE_FEATS_RATIO: f64 = 0.995;
/// Features rarer than this in training get no weights: a feature seen once
/// only memorises its token, and every row makes the tables the tagger must
/// search larger and slower.
const MIN_FEATURE_COUNT: u32 = 2;
/// Sentences between two progress events.
const PROGRESS_EVERY: usize = 250;

/// Per-word gold data of one training sentence.
struct Example<'a> {
    forms: Vec<&'a str>,
    classes: Vec<u16>,
    feats: Vec<u16>,
}

/// Trains a tagger on `train`, early-stopping on `dev` UPOS accuracy.
pub fn train(
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    cfg: &TrainConfig,
    progress: &mut dyn FnMut(TrainEvent),
) -> Tagger {
    let words = || train.iter().flat_map(|s| &s.words);
    let (classes, class_of) = tag_classes(words().map(|w| (w.xpos.as_str(), w.upos.as_str())));
    let (feats, feat_id) = frequency_order(words().map(|w| w.feats.as_str()));
    let examples: Vec<Example> = train
        .iter()
        .map(|s| Example {
            forms: s.words.iter().map(|w| w.form.as_str()).collect(),
            classes: s
                .words
                .iter()
                .map(|w| class_of[&(w.xpos.as_str(), w.upos.as_str())])
                .collect(),
            feats: s.words.iter().map(|w| feat_id[w.feats.as_str()]).collect(),
        })
        .collect();
    let mut candidates: Vec<BTreeMap<u16, u32>> = vec![BTreeMap::new(); classes.len()];
    for ex in &examples {
        for (&c, &f) in ex.classes.iter().zip(&ex.feats) {
            *candidates[c as usize].entry(f).or_default() += 1;
        }
    }
    let feats_candidates: Vec<Vec<u16>> = candidates
        .into_iter()
        .map(|c| {
            let mut v: Vec<(u16, u32)> = c.into_iter().collect();
            v.sort_by_key(|&(f, n)| (std::cmp::Reverse(n), f));
            v.into_iter().map(|(f, _)| f).collect()
        })
        .collect();
    let feats_dict = sure_feats(&examples);
    let build_dict = |skip_fold: Option<usize>| {
        let tokens = examples
            .iter()
            .enumerate()
            .filter(|&(k, _)| Some(k % FOLDS) != skip_fold)
            .flat_map(|(_, ex)| ex.forms.iter().copied().zip(ex.classes.iter().copied()));
        TagDict::build(tokens, SURE_COUNT, SURE_RATIO, CLOSED_COUNT)
    };
    let dict = build_dict(None);
    let fold_dicts: Vec<TagDict> = (0..FOLDS).map(|f| build_dict(Some(f))).collect();
    let lemmatiser =
        Lemmatiser::learn(words().map(|w| (w.form.as_str(), w.xpos.as_str(), w.lemma.as_str())));
    let nominal: Vec<bool> = classes.iter().map(|c| is_nominal(&c.xpos)).collect();
    let total_words: usize = examples.iter().map(|e| e.forms.len()).sum();
    progress(TrainEvent::Started {
        sentences: examples.len(),
        words: total_words,
        classes: classes.len(),
        feats: feats.len(),
    });

    let tag_allowed = frequent_tag_features(&examples, &fold_dicts);
    let mut tag_p = Perceptron::new(2 * classes.len());
    let mut feats_p = Perceptron::new(feats.len());
    let mut rng = Rng::new(cfg.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut best: Option<(Tagger, TagScores, usize)> = None;
    let (mut chars, mut features, mut scores) = (Vec::new(), Vec::new(), Vec::new());
    let mut ran = 0;
    for epoch in 1..=cfg.epochs.max(1) {
        ran = epoch;
        rng.shuffle(&mut order);
        for (done, &k) in order.iter().enumerate() {
            let ex = &examples[k];
            let info = analyse(&ex.forms, &fold_dicts[k % FOLDS], &mut chars);
            // Tags: greedy decoding with the current weights, updating as we
            // go, so the history features are the model's own predictions.
            // Pass 2 sees pass 1's predictions, as it will when tagging.
            let allowed = |f: u64| tag_allowed.contains(&f);
            let first = greedy_pass(
                &mut tag_p,
                &info,
                &ex.classes,
                None,
                &allowed,
                &mut features,
                &mut scores,
            );
            greedy_pass(
                &mut tag_p,
                &info,
                &ex.classes,
                Some(&first),
                &allowed,
                &mut features,
                &mut scores,
            );
            // Features: trained on gold tags (the candidates depend on them).
            let padded = padded_tags(&ex.classes);
            for (i, (&c, &gold)) in (PAD..).zip(ex.classes.iter().zip(&ex.feats)) {
                let cands = &feats_candidates[c as usize];
                if cands.len() == 1 || feats_dict.get(feats_key(info[i].form, c)).is_some() {
                    continue;
                }
                let subject = subject_of(&ex.classes, &nominal, i);
                features.clear();
                feats_features(&info, &padded, i, subject, &mut features);
                scores.clear();
                scores.resize(feats.len(), 0);
                feats_p.add_scores(&features, &mut scores);
                let guess = argmax(&scores, cands.iter().copied());
                feats_p.update(&features, gold as usize, guess as usize);
                feats_p.tick();
            }
            if (done + 1) % PROGRESS_EVERY == 0 || done + 1 == order.len() {
                progress(TrainEvent::Progress {
                    epoch,
                    done: done + 1,
                    total: order.len(),
                });
            }
        }
        let model = Model {
            classes: classes.clone(),
            dict: dict.clone(),
            tag_weights: Weights::averaged(&tag_p, cfg.prune),
            feats: feats.clone(),
            feats_candidates: feats_candidates.clone(),
            feats_dict: feats_dict.clone(),
            feats_weights: Weights::averaged(&feats_p, cfg.prune),
            lemmatiser: lemmatiser.clone(),
        };
        let tagger = Tagger::new(String::new(), model);
        let scores = accuracy(&tagger, dev);
        let improved = match &best {
            Some(b) => scores.upos > b.1.upos,
            None => true,
        };
        progress(TrainEvent::Epoch {
            epoch,
            dev: scores,
            best: improved,
        });
        if improved {
            best = Some((tagger, scores, epoch));
        } else if epoch - best.as_ref().map_or(0, |b| b.2) >= cfg.patience {
            break;
        }
    }
    let (mut tagger, dev_scores, best_epoch) = best.expect("at least one epoch ran");
    tagger.description = format!(
        "Detente tagger (format {format}). Trained on {source} ({sentences} sentences, {total_words} words). \
         Best epoch {best_epoch} of {ran} run (max {max}, patience {patience}, seed {seed}, prune {prune}). \
         Dev ({dev_words} words): UPOS {upos:.2}, XPOS {xpos:.2}, UFeats {ufeats:.2}, Lemma {lemma:.2}. \
         {n_classes} tag classes, {n_feats} feature bundles, {rows} tag feature rows ({tw} weights), {frows} feats feature rows ({fw} weights), \
         {dict} dictionary entries, {sure_feats} sure feature bundles, {exc} lemma exceptions, {rules} lemma rules.",
        format = crate::FORMAT_VERSION,
        source = if cfg.source.is_empty() { "unnamed data" } else { &cfg.source },
        sentences = examples.len(),
        max = cfg.epochs,
        patience = cfg.patience,
        seed = cfg.seed,
        prune = cfg.prune,
        dev_words = dev_scores.words,
        upos = dev_scores.upos,
        xpos = dev_scores.xpos,
        ufeats = dev_scores.ufeats,
        lemma = dev_scores.lemma,
        n_classes = classes.len(),
        n_feats = feats.len(),
        rows = tagger.model.tag_weights.rows(),
        frows = tagger.model.feats_weights.rows(),
        tw = tagger.model.tag_weights.weights(),
        fw = tagger.model.feats_weights.weights(),
        dict = tagger.model.dict.len(),
        sure_feats = tagger.model.feats_dict.len(),
        exc = tagger.model.lemmatiser.exceptions(),
        rules = tagger.model.lemmatiser.rules(),
    );
    progress(TrainEvent::Finished {
        best_epoch,
        dev: dev_scores,
    });
    tagger
}

/// The tagger features (of both passes, under gold tags) seen at least
/// [`MIN_FEATURE_COUNT`] times in training.
fn frequent_tag_features(examples: &[Example], fold_dicts: &[TagDict]) -> HashSet<u64> {
    let mut counts: HashMap<u64, u32> = HashMap::new();
    let (mut chars, mut features) = (Vec::new(), Vec::new());
    for (k, ex) in examples.iter().enumerate() {
        let info = analyse(&ex.forms, &fold_dicts[k % FOLDS], &mut chars);
        for (j, i) in (PAD..PAD + ex.forms.len()).enumerate() {
            let (t1, t2) = history(&ex.classes[..j]);
            features.clear();
            static_features(&info, i, &mut features);
            dynamic_features(
                &info,
                i,
                t1,
                t2,
                Some(lookahead(&ex.classes, j)),
                &mut features,
            );
            for &f in &features {
                *counts.entry(f).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= MIN_FEATURE_COUNT)
        .map(|(f, _)| f)
        .collect()
}

/// The word+tag pairs that (nearly) always had one feature bundle.
fn sure_feats(examples: &[Example]) -> Lexicon {
    let mut counts: BTreeMap<(&str, u16), BTreeMap<u16, u32>> = BTreeMap::new();
    for ex in examples {
        for ((&form, &c), &f) in ex.forms.iter().zip(&ex.classes).zip(&ex.feats) {
            *counts.entry((form, c)).or_default().entry(f).or_default() += 1;
        }
    }
    let mut lexicon = Lexicon::default();
    for ((form, c), feats) in counts {
        let total: u32 = feats.values().sum();
        let (&top, &n) = feats
            .iter()
            .max_by_key(|&(&f, &n)| (n, std::cmp::Reverse(f)))
            .unwrap();
        if total >= SURE_FEATS_COUNT && f64::from(n) >= SURE_FEATS_RATIO * f64::from(total) {
            lexicon.push(feats_key(hash_str(form), c), u32::from(top));
        }
    }
    lexicon.rebuild();
    lexicon
}

/// One greedy training pass over a sentence: predict each word, update on
/// mistakes, return the predictions. Pass 2 (`right` given) scores and
/// updates the upper half of the classes, see `Model::tag_weights`.
fn greedy_pass(
    p: &mut Perceptron,
    info: &[WordInfo],
    gold: &[u16],
    right: Option<&[u16]>,
    allowed: &dyn Fn(u64) -> bool,
    features: &mut Vec<u64>,
    scores: &mut Vec<i32>,
) -> Vec<u16> {
    let classes = p.classes() / 2;
    let offset = if right.is_some() { classes } else { 0 };
    let mut pred: Vec<u16> = Vec::with_capacity(gold.len());
    for (k, &g) in gold.iter().enumerate() {
        let tag = match info[k + PAD].sure {
            Some(t) => t,
            None => {
                let (t1, t2) = history(&pred);
                features.clear();
                static_features(info, k + PAD, features);
                dynamic_features(
                    info,
                    k + PAD,
                    t1,
                    t2,
                    right.map(|r| lookahead(r, k)),
                    features,
                );
                scores.clear();
                scores.resize(p.classes(), 0);
                p.add_scores(features, scores);
                let guess = argmax(&scores[offset..offset + classes], 0..classes as u16);
                p.update(
                    features.iter().filter(|&&f| allowed(f)),
                    offset + g as usize,
                    offset + guess as usize,
                );
                p.tick();
                guess
            }
        };
        pred.push(tag);
    }
    pred
}

/// The joint classes, most frequent first, and each seen pair's class.
#[allow(clippy::type_complexity)]
fn tag_classes<'a>(
    pairs: impl Iterator<Item = (&'a str, &'a str)>,
) -> (Vec<TagClass>, BTreeMap<(&'a str, &'a str), u16>) {
    let mut counts: BTreeMap<(&str, &str), u32> = BTreeMap::new();
    for p in pairs {
        *counts.entry(p).or_default() += 1;
    }
    let mut top: BTreeMap<&str, ((&str, &str), u32)> = BTreeMap::new();
    for (&p, &n) in &counts {
        let t = top.entry(p.0).or_insert((p, n));
        if n > t.1 {
            *t = (p, n);
        }
    }
    let mut kept: Vec<((&str, &str), u32)> = counts
        .iter()
        .filter(|&(p, &n)| n >= MIN_CLASS_COUNT || top[p.0].0 == *p)
        .map(|(&p, &n)| (p, n))
        .collect();
    kept.sort_by_key(|&(p, n)| (std::cmp::Reverse(n), p));
    let ids: BTreeMap<(&str, &str), u16> = kept
        .iter()
        .enumerate()
        .map(|(i, &(p, _))| (p, i as u16))
        .collect();
    let class_of = counts
        .keys()
        .map(|&p| (p, ids.get(&p).copied().unwrap_or(ids[&top[p.0].0])))
        .collect();
    let classes = kept
        .iter()
        .map(|&((x, u), _)| TagClass {
            xpos: x.to_string(),
            upos: u.to_string(),
        })
        .collect();
    (classes, class_of)
}

/// Distinct values, most frequent first, and each value's index.
fn frequency_order<'a>(
    values: impl Iterator<Item = &'a str>,
) -> (Vec<String>, BTreeMap<&'a str, u16>) {
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    let mut sorted: Vec<(&str, u32)> = counts.into_iter().collect();
    sorted.sort_by_key(|&(v, n)| (std::cmp::Reverse(n), v));
    let ids = sorted
        .iter()
        .enumerate()
        .map(|(i, &(v, _))| (v, i as u16))
        .collect();
    (
        sorted.into_iter().map(|(v, _)| v.to_string()).collect(),
        ids,
    )
}

/// xorshift64*: a tiny seeded generator, enough for shuffling and stable
/// across platforms and crate versions (unlike `rand`'s `StdRng`).
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // SplitMix64 of the seed, so that seeds 0, 1, 2 give unrelated streams
        // (and the state is never 0, where xorshift would stick).
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        Rng((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Fisher–Yates.
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (((self.next() >> 32) * (i as u64 + 1)) >> 32) as usize;
            v.swap(i, j);
        }
    }
}
