//! Training: an averaged perceptron with early stopping on dev F1, by
//! default structured: each training sentence is decoded by beam search
//! (`TrainConfig::beam`) with the current weights, and where the gold
//! sequence falls out of the beam (early update), or at the end when the
//! best sequence is not gold, the gold prefix's features are rewarded and
//! the predicted prefix's penalised, so the label-history features are
//! learnt from the histories decoding will see. With a beam of 1, the
//! label history a word sees in training is the *gold* one. Learning
//! greedily from the model's own (constrained) decisions was tried and
//! lost five points of dev F1: once a wrong `O` is decoded, the gold
//! `I-`/`L-` of the next word is not an allowed label, and the updates that
//! follow teach nothing useful; beam search with early update has no such
//! dead end. A beam over a model trained greedily loses ten points (its
//! scores were never meant to be summed).
//!
//! The document-memory features (see `features::Memory`) are learnt from
//! labels predicted by models trained on the other folds of the training
//! documents, so training runs the epochs `memory_folds + 1` times.
//!
//! Tried and dropped, measured on UNER EWT dev over two to four seeds
//! (seeds alone move F1 by about ±0.6): Viterbi decoding with a structured
//! perceptron and first-order label features (same F1, half the speed; the
//! beam of 4 with second-order features and early update that replaced
//! greedy training later did gain);
//! word classes from k-means over neighbour counts in the unlabelled text
//! (a point lower; the exchange-algorithm classes of `detente-clusters`
//! that replaced them gain, see the crate documentation); on top of those,
//! the ±2 neighbours' classes, the class of a capitalised run's last word
//! and the previous label with the word's class (72.96 / 73.64 / 72.19 on
//! seeds 1–3 against 73.07 / 72.94 / 72.31 without: not a gain on every
//! seed, and ORG lower on all three); a bias against `O` tuned on dev (no
//! gain: the missed entities are not near the decision boundary); the mean
//! of four runs' weights with different shuffles (no better than one run);
//! gazetteer matches that break a name's case rule ("florida"), as a marked
//! kind (−0.4/+0.4 on two seeds); a lowercased copy of every fifth training
//! sentence (no change); dropout 0.25 or 0.35 (a little lower); features of
//! how a word is written elsewhere in its document (capitalised or
//! lowercase mid-sentence, inside a gazetteer name, how often: a point
//! lower over four seeds, with or without the memory features).

use crate::features::{
    analyse, capitalised, case_value, dynamic_features, entity_value, lower_hash, name_parts,
    static_features, Gazetteer, Memory, Tables, WordInfo, PAD,
};
use crate::labels::{self, CLASSES};
use crate::weights::Weights;
use crate::{evaluate_model, EntityType, Model, Ner, NerScores, NerSentence, Scratch};
use detente_clusters::{ClassTable, Clusters};
use detente_lexicon::{ActorLexicon, EntryKind};
use detente_linear::{Perceptron, SplitMix, WordTable};
use std::collections::BTreeMap;
use std::ops::Range;

#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Most epochs to run.
    pub epochs: usize,
    /// Seeds the per-epoch shuffle and the feature dropout: the same seed
    /// and data give a byte-identical model.
    pub seed: u64,
    /// Stop after this many epochs without a better dev F1.
    pub patience: usize,
    /// Averaged weights smaller than this (in perceptron update units) are
    /// left out of the model: they barely move a score and dominate the size.
    pub prune: f64,
    /// Each word-only feature of a training word is left out with this
    /// probability (a fresh draw every time the word is seen), so that no
    /// single feature — above all the word itself — can carry a decision
    /// alone; the model then leans on context and shape, which is what new
    /// names have. 0.15 gains about 0.8 F1 on UNER EWT dev (four seeds).
    pub dropout: f64,
    /// Use the part-of-speech tags of the sentences as features. Off by
    /// default: trained on the treebanks' gold tags and run on
    /// `models/tagger-en-v1.bin`'s, they score 70.3 on UNER EWT dev against
    /// 70.6 without tags (they gain only with gold tags on dev too). The
    /// tagger's output on its own training sentences is nearly gold, so
    /// training on it would not close the gap; jackknifed tags might.
    pub use_pos: bool,
    /// What the training and dev data are: stored in the model's description.
    pub source: String,
    /// More names for the gazetteer, with their type (PETRARCH's Phoenix
    /// dictionaries, see [`petrarch_names`]); the actor lexicon's names are
    /// always used.
    pub names: Vec<(String, EntityType)>,
    /// Tokenised sentences of unlabelled text, used (with the training
    /// sentences) only to learn how each word is usually capitalised.
    pub unlabelled: Vec<Vec<String>>,
    /// Folds of training documents for the jackknifed document-memory
    /// features (see `remember_jackknifed`); below 2, no memory features
    /// are learnt.
    pub memory_folds: usize,
    /// Beam width: 1 trains on gold label histories and decodes greedily;
    /// wider trains a structured perceptron by beam search with early
    /// update (`learn_beam`) and decodes with the same beam. 4 gains about
    /// 1.3 F1 on UNER EWT dev over greedy (four seeds, 72.1 against 70.8 on
    /// average) at about 1.6 times the training time; 8 is no better.
    pub beam: usize,
    /// Distributional word classes (`detente train clusters`), copied into
    /// the model; set with [`TrainConfig::with_clusters`].
    pub clusters: Option<Clusters>,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            epochs: 30,
            seed: 1,
            patience: 4,
            prune: 0.5,
            dropout: 0.15,
            use_pos: false,
            source: String::new(),
            names: Vec::new(),
            unlabelled: Vec::new(),
            memory_folds: 5,
            beam: 4,
            clusters: None,
        }
    }
}

/// Training progress, for a log.
#[derive(Clone, Debug)]
pub enum TrainEvent {
    /// Features extracted; epochs start.
    Started {
        sentences: usize,
        words: usize,
        entities: usize,
    },
    /// `done` of the `total` training sentences of `epoch` are learnt
    /// (reported every [`PROGRESS_EVERY`] sentences and at the epoch's end).
    Progress {
        epoch: usize,
        done: usize,
        total: usize,
    },
    /// An epoch ended: `errors` training words got a wrong label; `best` when
    /// its dev F1 is the best so far (and that model is kept).
    Epoch {
        epoch: usize,
        errors: usize,
        rows: usize,
        dev: NerScores,
        best: bool,
    },
    /// Training stopped; the returned model is the one from `best_epoch`.
    Finished { best_epoch: usize, dev: NerScores },
}

/// How many sentences apart [`TrainEvent::Progress`] is reported.
pub const PROGRESS_EVERY: usize = 500;

/// One training sentence, analysed once.
struct Example {
    info: Vec<WordInfo>,
    /// The word-only features of every word, concatenated; word `k` owns
    /// `features[offsets[k]..offsets[k + 1]]`.
    features: Vec<u64>,
    offsets: Vec<usize>,
    gold: Vec<u8>,
}

/// Trains a recogniser on `train`, keeping the epoch with the best F1 on
/// `dev`. Reproducible: the only randomness is the seeded shuffle.
pub fn train(
    train: &[NerSentence],
    dev: &[NerSentence],
    cfg: &TrainConfig,
    progress: &mut dyn FnMut(TrainEvent),
) -> Ner {
    // Non-empty sentences, each with whether it opens a document.
    let mut opens = Vec::new();
    let mut pending = true;
    let train: Vec<&NerSentence> = train
        .iter()
        .filter(|s| {
            pending |= s.newdoc;
            let keep = !s.words.is_empty();
            if keep {
                opens.push(std::mem::take(&mut pending));
            }
            keep
        })
        .collect();
    let tables = Tables {
        gazetteer: Gazetteer::build(ActorLexicon::builtin(), &cfg.names),
        parts: name_parts(
            &lexicon_people()
                .chain(cfg.names.iter().cloned())
                .collect::<Vec<_>>(),
        ),
        case: case_table(train.iter().map(|s| &s.words).chain(&cfg.unlabelled)),
        seen: seen_table(&train, None),
        clusters: cfg.clusters.as_ref().map_or_else(ClassTable::default, |c| {
            ClassTable::new(c).expect("checked by TrainConfig::with_clusters")
        }),
    };
    let fold_tables: Vec<WordTable> = (0..FOLDS).map(|f| seen_table(&train, Some(f))).collect();
    let infos: Vec<Vec<WordInfo>> = train
        .iter()
        .enumerate()
        .map(|(k, s)| {
            analyse(
                &s.inputs(),
                &tables,
                Some(&fold_tables[k % FOLDS]),
                cfg.use_pos,
            )
        })
        .collect();
    let mut docs: Vec<Range<usize>> = Vec::new();
    for (k, &open) in opens.iter().enumerate() {
        match docs.last_mut() {
            Some(d) if !open => d.end = k + 1,
            _ => docs.push(k..k + 1),
        }
    }
    let mut examples: Vec<Example> = train
        .iter()
        .zip(infos)
        .map(|(s, info)| {
            let mut ex = Example {
                info,
                features: Vec::new(),
                offsets: Vec::new(),
                gold: labels::encode(s.words.len(), &s.entities),
            };
            ex.extract();
            ex
        })
        .collect();
    let words: usize = examples.iter().map(|e| e.gold.len()).sum();
    progress(TrainEvent::Started {
        sentences: examples.len(),
        words,
        entities: train.iter().map(|s| s.entities.len()).sum(),
    });
    if cfg.memory_folds > 1 {
        remember_jackknifed(&mut examples, &docs, &tables, dev, cfg);
    }
    let all: Vec<usize> = (0..examples.len()).collect();
    let (best_epoch, dev_scores, mut ner) = fit(&examples, &all, &tables, dev, cfg, progress);
    ner.description = describe(cfg, examples.len(), words, best_epoch, &dev_scores, &ner);
    progress(TrainEvent::Finished {
        best_epoch,
        dev: dev_scores,
    });
    ner
}

impl Example {
    /// Computes the word-only features from `info`.
    fn extract(&mut self) {
        self.features.clear();
        self.offsets.clear();
        self.offsets.push(0);
        for k in 0..self.gold.len() {
            static_features(&self.info, k + PAD, &mut self.features);
            self.offsets.push(self.features.len());
        }
    }
}

/// Fills the [`Memory`] features of the training sentences as recognition
/// will see them: from labels *predicted* for the document's earlier
/// sentences, by a model trained without the document (documents split in
/// `memory_folds` folds). Gold labels there would be trusted far more than
/// a model's own guesses deserve.
fn remember_jackknifed(
    examples: &mut [Example],
    docs: &[Range<usize>],
    tables: &Tables,
    dev: &[NerSentence],
    cfg: &TrainConfig,
) {
    let folds = cfg.memory_folds;
    let mut predicted: Vec<Vec<u8>> = vec![Vec::new(); examples.len()];
    let mut scratch = Scratch::default();
    for f in 0..folds {
        let subset: Vec<usize> = docs
            .iter()
            .enumerate()
            .filter(|&(d, _)| d % folds != f)
            .flat_map(|(_, r)| r.clone())
            .collect();
        let (_, _, ner) = fit(examples, &subset, tables, dev, cfg, &mut |_| {});
        for r in docs.iter().skip(f).step_by(folds) {
            for k in r.clone() {
                predicted[k] = ner.decode(&examples[k].info, &mut scratch);
            }
        }
    }
    for r in docs {
        let mut memory = Memory::default();
        for k in r.clone() {
            let ex = &mut examples[k];
            memory.recall(&mut ex.info);
            memory.remember(&ex.info, &predicted[k]);
            ex.extract();
        }
    }
}

/// Trains on the `subset` of `examples`; returns the epoch with the best
/// dev F1, its scores and its model.
fn fit(
    examples: &[Example],
    subset: &[usize],
    tables: &Tables,
    dev: &[NerSentence],
    cfg: &TrainConfig,
    progress: &mut dyn FnMut(TrainEvent),
) -> (usize, NerScores, Ner) {
    // One more class than decoded: the sink of one-sided structured updates.
    let mut perceptron = Perceptron::new(CLASSES + usize::from(cfg.beam > 1));
    let mut order = subset.to_vec();
    let mut rng = SplitMix::new(cfg.seed);
    let mut best: Option<(usize, NerScores, Ner)> = None;
    let mut features = Vec::new();
    let cut = (cfg.dropout.clamp(0.0, 1.0) * u64::MAX as f64) as u64;
    for epoch in 1..=cfg.epochs {
        shuffle(&mut order, &mut rng);
        let mut errors = 0;
        for (done, &e) in order.iter().enumerate() {
            if done % PROGRESS_EVERY == 0 {
                progress(TrainEvent::Progress {
                    epoch,
                    done,
                    total: order.len(),
                });
            }
            let ex = &examples[e];
            if cfg.beam > 1 {
                errors += learn_beam(&mut perceptron, ex, cfg, cut, &mut rng);
                continue;
            }
            let mut history: Vec<u8> = Vec::with_capacity(ex.gold.len());
            for k in 0..ex.gold.len() {
                features.clear();
                features.extend(
                    ex.features[ex.offsets[k]..ex.offsets[k + 1]]
                        .iter()
                        .filter(|_| rng.next() >= cut),
                );
                let (t1, t2) = labels::history(&history);
                dynamic_features(&ex.info, k + PAD, t1, t2, &mut features);
                let mut scores = [0i32; CLASSES];
                perceptron.add_scores(&features, &mut scores);
                let guess =
                    labels::best_allowed(&scores, history.last().copied(), k + 1 == ex.gold.len());
                let gold = ex.gold[k];
                if guess != gold {
                    errors += 1;
                    perceptron.update(&features, usize::from(gold), usize::from(guess));
                }
                perceptron.tick();
                history.push(gold);
            }
        }
        progress(TrainEvent::Progress {
            epoch,
            done: order.len(),
            total: order.len(),
        });
        let model = Model {
            use_pos: cfg.use_pos,
            beam: cfg.beam.max(1),
            tables: tables.clone(),
            weights: Weights::averaged(&perceptron, CLASSES, cfg.prune),
        };
        let ner = Ner::new(String::new(), model);
        let scores = evaluate_model(&ner, dev);
        let improved = best
            .as_ref()
            .filter(|(_, b, _)| scores.f1 <= b.f1)
            .is_none();
        progress(TrainEvent::Epoch {
            epoch,
            errors,
            rows: perceptron.rows(),
            dev: scores.clone(),
            best: improved,
        });
        if improved {
            best = Some((epoch, scores, ner));
        } else if best
            .as_ref()
            .is_some_and(|(b, _, _)| epoch - b >= cfg.patience)
        {
            break;
        }
    }
    best.expect("at least one epoch runs")
}

/// One structured-perceptron step on `ex`: beam search with the current
/// weights (word features dropped out as in greedy training); where the
/// gold sequence leaves the beam, or at the end if the best sequence is
/// not gold, the features of the gold prefix are rewarded and those of the
/// predicted prefix penalised. Returns the number of words predicted wrong.
fn learn_beam(
    perceptron: &mut Perceptron,
    ex: &Example,
    cfg: &TrainConfig,
    cut: u64,
    rng: &mut SplitMix,
) -> usize {
    let n = ex.gold.len();
    let mut kept = Vec::with_capacity(ex.features.len());
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0);
    for k in 0..n {
        kept.extend(
            ex.features[ex.offsets[k]..ex.offsets[k + 1]]
                .iter()
                .filter(|_| rng.next() >= cut),
        );
        offsets.push(kept.len());
    }
    let dynamic = |k: usize, seq: &[u8], out: &mut Vec<u64>| {
        out.clear();
        let (t1, t2) = labels::history(seq);
        dynamic_features(&ex.info, k + PAD, t1, t2, out);
    };
    let mut features = Vec::with_capacity(16);
    let found = {
        let p = &*perceptron;
        crate::beam::search(
            n,
            cfg.beam,
            |k| {
                let mut scores = [0i32; CLASSES];
                p.add_scores(&kept[offsets[k]..offsets[k + 1]], &mut scores);
                scores
            },
            |k, lasts, scores| {
                for (last, scores) in lasts.iter().zip(scores) {
                    dynamic(k, last.labels(), &mut features);
                    p.add_scores(&features, scores);
                }
            },
            Some(&ex.gold),
        )
    };
    let predicted = &found.labels;
    let gold = &ex.gold[..predicted.len()];
    let mut errors = 0;
    if predicted[..] != gold[..] {
        const SINK: usize = CLASSES;
        let mut other = Vec::with_capacity(16);
        for k in 0..predicted.len() {
            let (g, p) = (usize::from(gold[k]), usize::from(predicted[k]));
            errors += usize::from(g != p);
            perceptron.update(&kept[offsets[k]..offsets[k + 1]], g, p);
            dynamic(k, &gold[..k], &mut features);
            if labels::history(&gold[..k]) == labels::history(&predicted[..k]) {
                perceptron.update(&features, g, p);
            } else {
                dynamic(k, &predicted[..k], &mut other);
                perceptron.update(&features, g, SINK);
                perceptron.update(&other, SINK, p);
            }
        }
    }
    for _ in 0..n {
        perceptron.tick();
    }
    errors
}

fn describe(
    cfg: &TrainConfig,
    sentences: usize,
    words: usize,
    epoch: usize,
    dev: &NerScores,
    ner: &Ner,
) -> String {
    let per_type: Vec<String> = dev
        .per_type
        .iter()
        .map(|t| format!("{} {:.2}/{:.2}/{:.2}", t.label, t.precision, t.recall, t.f1))
        .collect();
    format!(
        "Detente NER (PER/ORG/LOC, {} BILOU averaged perceptron with document memory), format {}\n\
         training data: {}; {sentences} training sentences, {words} words\n\
         settings: epoch {epoch} of at most {}, seed {}, patience {}, prune {}, dropout {}, pos features {}, memory folds {}; \
         {} weights in {} rows; {} gazetteer keys, {} name parts, {} words with case statistics, {} with training labels, {} with word classes\n\
         dev P/R/F1: {:.2}/{:.2}/{:.2}; {}",
        if cfg.beam > 1 {
            format!("beam-{} structured", cfg.beam)
        } else {
            "greedy".to_string()
        },
        crate::FORMAT_VERSION,
        cfg.source,
        cfg.epochs,
        cfg.seed,
        cfg.patience,
        cfg.prune,
        cfg.dropout,
        if cfg.use_pos { "yes" } else { "no" },
        cfg.memory_folds,
        ner.model.weights.len(),
        ner.model.weights.rows(),
        ner.model.tables.gazetteer.len(),
        ner.model.tables.parts.len(),
        ner.model.tables.case.len(),
        ner.model.tables.seen.len(),
        ner.model.tables.clusters.len(),
        dev.precision,
        dev.recall,
        dev.f1,
        per_type.join(", "),
    )
}

/// The names of the people in the actor lexicon.
fn lexicon_people() -> impl Iterator<Item = (String, EntityType)> {
    ActorLexicon::builtin()
        .entries()
        .iter()
        .filter(|e| e.kind == EntryKind::Person)
        .flat_map(|e| e.names.iter().map(|n| (n.text.clone(), EntityType::Per)))
}

/// Typed names from PETRARCH actor dictionaries read into a lexicon
/// (PETRARCH records codes, not kinds). The rule: an entry with a dated
/// code is a person (offices have dates; states and organisations do not);
/// an undated three-letter code is a country, whose synonyms are its other
/// names and cities — less its adjectives ("AMERICAN"), which UNER does not
/// mark; a longer undated code (`MNCUSA`, `IGOUNO`, `NGO...`) is an
/// organisation. Names opening with a title ("PRESIDENT_...") are dropped:
/// UNER leaves titles out of names.
pub fn petrarch_names(dictionary: &ActorLexicon) -> Vec<(String, EntityType)> {
    const TITLES: &[&str] = &[
        "president",
        "prime",
        "minister",
        "general",
        "gen",
        "king",
        "queen",
        "prince",
        "princess",
        "lord",
        "baron",
        "sheikh",
        "sheik",
        "dr",
        "mr",
        "mrs",
        "ms",
        "senator",
        "sen",
        "governor",
        "gov",
        "emir",
        "sultan",
        "colonel",
        "col",
        "chancellor",
        "premier",
        "vice",
        "secretary",
        "foreign",
        "defense",
        "defence",
        "former",
        "ambassador",
        "mayor",
        "judge",
        "justice",
        "chief",
        "commander",
        "ayatollah",
        "pope",
        "cardinal",
        "bishop",
        "rev",
        "lieutenant",
        "lt",
        "major",
        "maj",
        "captain",
        "capt",
        "admiral",
        "adm",
        "marshal",
        "field",
    ];
    let builtin = ActorLexicon::builtin();
    let mut out = Vec::new();
    for e in dictionary.entries() {
        let dated = e.roles.iter().any(|r| !r.is_undated());
        let code = e.roles.first().map(|r| r.code.as_str()).unwrap_or("");
        let label = if dated {
            EntityType::Per
        } else if code.len() == 3 {
            EntityType::Loc
        } else if code.len() > 3 {
            EntityType::Org
        } else {
            continue;
        };
        for n in &e.names {
            let key = detente_lexicon::normalize(&n.text);
            let first = key.split(' ').next().unwrap_or("");
            if TITLES.contains(&first)
                || (label == EntityType::Loc && builtin.adjective(&key).is_some())
            {
                continue;
            }
            out.push((n.text.clone(), label));
        }
    }
    out
}

/// Training sentences see a training-label table built without their own
/// fold (jackknifing): with the full table every training word has been
/// "seen" with exactly its gold label, and the perceptron would learn to
/// trust that feature far more than it deserves on new text.
const FOLDS: usize = 10;

/// How each lowercase word is capitalised where it is not sentence-initial
/// ([`case_value`]).
fn case_table<'a>(sentences: impl Iterator<Item = &'a Vec<String>>) -> WordTable {
    let mut counts: BTreeMap<u64, (u32, u32)> = BTreeMap::new();
    for words in sentences {
        for w in words.iter().skip(1) {
            let (initial, all) = capitalised(w);
            let c = counts.entry(lower_hash(w)).or_default();
            c.0 += 1;
            c.1 += u32::from(initial && !all);
        }
    }
    WordTable::from_map(
        counts
            .into_iter()
            .map(|(k, (n, cap))| (k, case_value(n, cap)))
            .filter(|&(_, v)| v != 0)
            .collect(),
    )
}

/// The BILOU classes each lowercase word had in the training sentences,
/// leaving out fold `skip` ([`entity_value`]).
fn seen_table(sentences: &[&NerSentence], skip: Option<usize>) -> WordTable {
    let mut seen: BTreeMap<u64, (u32, u32)> = BTreeMap::new();
    for (_, s) in sentences
        .iter()
        .enumerate()
        .filter(|&(k, _)| Some(k % FOLDS) != skip)
    {
        for (w, c) in s
            .words
            .iter()
            .zip(labels::encode(s.words.len(), &s.entities))
        {
            let e = seen.entry(lower_hash(w)).or_default();
            e.0 |= 1 << c;
            e.1 += 1;
        }
    }
    WordTable::from_map(
        seen.into_iter()
            .map(|(k, (mask, n))| (k, entity_value(mask, n)))
            .collect(),
    )
}

/// Fisher–Yates.
fn shuffle(v: &mut [usize], rng: &mut SplitMix) {
    for i in (1..v.len()).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
}
