//! Distributional word classes learnt from unlabelled text.
//!
//! Words that occur between the same neighbours get the same class, so a
//! linear model that has seen "Reuters said" learns something about
//! "Xinhua said" even if "Xinhua" never occurs in its labelled data. The
//! classes come from the exchange algorithm ([`exchange`](crate::exchange)
//! documents the objective and why a move is cheap), run once per
//! granularity (by default 32, 128, 512 and 1024 classes), so features can
//! use coarse classes that generalise widely and fine ones that say more.
//!
//! [`train`] learns a [`Clusters`] table from tokenised sentences;
//! [`training_text`] reads the default text (training splits only: EWT and
//! GUM train word forms, the PolNeAR train articles, ConfliBERT's train
//! sentences: 53,155 sentences, 1,134,511 tokens, 331,272 distinct
//! bigrams); `detente train clusters` writes
//! `models/clusters-en-v1.bin`. Models that use the classes copy them into
//! their own file as a [`ClassTable`] (keyed by lowercase word hash, classes
//! packed in a `u32`), so nothing loads this file at run time.
//!
//! On that text the defaults give 16,614 words a class; the four
//! clusterings take 30–45 s single-threaded (12, 14, 20 and 16
//! iterations), and the file is 233 KB.
//! What they buy, measured on the dev sets: UniversalNER EWT F1 +0.74 /
//! +0.19 / +0.26 on seeds 1–3 (see `detente-ner`). Tagger features (the
//! word's and the ±1 neighbours' classes) raised UPOS on EWT dev by 0.07 /
//! 0.13 and on GUM dev by 0.23 / 0.18 (seeds 1 / 2) and LAS with the
//! committed parser, but lowered PolNeAR direct-quote content F1 below its
//! guard (89.05 → 88.34), so the tagger does not use them until the parser
//! is retrained on the new tagger's jackknifed tags. `cargo run --release
//! -p detente-clusters --example cluster_members --
//! models/clusters-en-v1.bin Monday said` shows classes.
//!
//! Only words seen at least [`TrainConfig::min_count`] times get a class;
//! rarer ones are one token (`<unk>`) while learning, and have no class.
//! Forms are lowercased by default (cased classes were not tried): case is
//! a strong name cue that the models' own features already carry, and
//! lowercasing pools the counts of a word's spellings.

mod corpus;
mod exchange;
mod table;

pub use corpus::{training_text, CorpusError, TRAINING_FILES};
pub use exchange::Iteration;
pub use table::{lower_key, ClassTable, MAX_CLUSTERINGS};

use detente_linear::{file, HeaderError, ModelFile, SplitMix};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

/// Bump whenever the layout of [`Clusters`] or the meaning of its fields
/// changes.
pub const FORMAT_VERSION: u32 = 1;

const FILE: ModelFile = ModelFile {
    magic: b"DTNTCLU1",
    version: FORMAT_VERSION,
};

/// The default file name in the models directory.
pub const CLUSTERS_FILE: &str = "clusters-en-v1.bin";

#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Number of classes of each clustering, coarse to fine; each needs at
    /// most 16 bits.
    pub sizes: Vec<u32>,
    /// Words seen fewer times get no class.
    pub min_count: u32,
    /// Cluster lowercased forms (and look words up lowercased).
    pub lowercase: bool,
    /// Most exchange iterations per clustering.
    pub iterations: usize,
    /// Stop a clustering once an iteration moves fewer than this share of
    /// the vocabulary.
    pub converged: f64,
    /// Seeds the initial classes of the words beyond the most frequent.
    pub seed: u64,
    /// What the text is: stored in the description.
    pub source: String,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            sizes: vec![32, 128, 512, 1024],
            min_count: 3,
            lowercase: true,
            iterations: 20,
            converged: 0.002,
            seed: 1,
            source: String::new(),
        }
    }
}

/// Training progress, for a log.
#[derive(Clone, Debug)]
pub enum TrainEvent {
    /// The text is counted.
    Started {
        sentences: usize,
        tokens: usize,
        vocabulary: usize,
        bigrams: usize,
    },
    /// One exchange iteration of the clustering into `classes` classes ended.
    Iteration { classes: u32, iteration: Iteration },
}

/// Word classes at several granularities.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clusters {
    description: String,
    lowercase: bool,
    /// Classes of each clustering.
    sizes: Vec<u32>,
    /// The words with a class, sorted.
    words: Vec<String>,
    /// `classes[w * sizes.len() + g]`: word `w`'s class in clustering `g`.
    classes: Vec<u16>,
}

impl Clusters {
    /// The class of `word` in each clustering (coarse to fine), or `None`
    /// when the word was too rare to get one.
    pub fn classes(&self, word: &str) -> Option<&[u16]> {
        let key;
        let word = if self.lowercase {
            key = word.to_lowercase();
            key.as_str()
        } else {
            word
        };
        let w = self
            .words
            .binary_search_by(|probe| probe.as_str().cmp(word))
            .ok()?;
        let g = self.sizes.len();
        Some(&self.classes[w * g..(w + 1) * g])
    }

    /// Every word with a class and its classes, in word order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u16])> {
        let g = self.sizes.len().max(1);
        self.words
            .iter()
            .map(String::as_str)
            .zip(self.classes.chunks(g))
    }

    /// The number of classes of each clustering, coarse to fine.
    pub fn sizes(&self) -> &[u32] {
        &self.sizes
    }

    /// Whether words are clustered (and looked up) lowercased.
    pub fn lowercase(&self) -> bool {
        self.lowercase
    }

    /// Words with a class.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// How the table was made (the file header's description).
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The members of class `class` of clustering `g`, in word order.
    pub fn members(&self, g: usize, class: u16) -> impl Iterator<Item = &str> {
        self.iter()
            .filter(move |(_, c)| c[g] == class)
            .map(|(w, _)| w)
    }

    /// Loads a table written by [`Clusters::save`].
    pub fn load(path: &Path) -> Result<Clusters, ClustersError> {
        let bytes = std::fs::read(path).map_err(|source| ClustersError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Clusters::from_bytes(&bytes)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Clusters, ClustersError> {
        let (description, mut clusters): (String, Clusters) = FILE.decode(bytes)?;
        clusters.description = description;
        clusters.validate().map_err(ClustersError::Corrupt)?;
        Ok(clusters)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        // The description lives in the header only.
        let body = Clusters {
            description: String::new(),
            ..self.clone()
        };
        FILE.encode(&self.description, &body)
    }

    /// Writes the table atomically (see [`file::save`]).
    pub fn save(&self, path: &Path) -> io::Result<()> {
        file::save(path, &self.to_bytes())
    }

    fn validate(&self) -> Result<(), String> {
        if self.classes.len() != self.words.len() * self.sizes.len() {
            return Err("word and class counts disagree".into());
        }
        if !self.words.windows(2).all(|p| p[0] < p[1]) {
            return Err("words are not sorted".into());
        }
        for (g, &size) in self.sizes.iter().enumerate() {
            if self.iter().any(|(_, c)| u32::from(c[g]) >= size) {
                return Err(format!("a class of clustering {g} is out of range"));
            }
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ClustersError {
    #[error("cannot read word clusters {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("not a Detente word-cluster file (bad magic bytes)")]
    NotAModel,
    #[error("word-cluster format version {found}, but this build reads version {expected}: retrain with `detente train clusters`")]
    Version { found: u32, expected: u32 },
    #[error("corrupt word-cluster file: {0}")]
    Corrupt(String),
}

impl From<HeaderError> for ClustersError {
    fn from(e: HeaderError) -> ClustersError {
        match e {
            HeaderError::NotAModel => ClustersError::NotAModel,
            HeaderError::Version { found, expected } => ClustersError::Version { found, expected },
            HeaderError::Corrupt(message) => ClustersError::Corrupt(message),
        }
    }
}

/// Learns word classes from tokenised `sentences`, one clustering per
/// entry of `cfg.sizes`. The same text and configuration give the same
/// table: the vocabulary is ordered by frequency then spelling, and the
/// only randomness is `cfg.seed`'s initial assignment.
///
/// The text is read as one stream with a boundary token between
/// sentences. Each clustering starts with the most frequent words one to
/// a class and the others spread at random, then runs the exchange
/// algorithm.
pub fn train(
    sentences: &[Vec<String>],
    cfg: &TrainConfig,
    progress: &mut dyn FnMut(TrainEvent),
) -> Clusters {
    assert!(
        cfg.sizes.iter().all(|&s| (2..=1 << 16).contains(&s)),
        "clusterings need 2 to 65536 classes"
    );
    let norm = |w: &str| {
        if cfg.lowercase {
            w.to_lowercase()
        } else {
            w.to_string()
        }
    };
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    for s in sentences {
        for w in s {
            *counts.entry(norm(w)).or_default() += 1;
        }
    }
    // Ids: the boundary, the rare words' token, then kept words by
    // frequency (ties in spelling order).
    const BOUNDARY: u32 = 0;
    const RARE: u32 = 1;
    let mut kept: Vec<(&String, u32)> = counts
        .iter()
        .filter(|&(_, &n)| n >= cfg.min_count.max(1))
        .map(|(w, &n)| (w, n))
        .collect();
    kept.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let ids: BTreeMap<&str, u32> = kept
        .iter()
        .enumerate()
        .map(|(k, (w, _))| (w.as_str(), k as u32 + 2))
        .collect();
    let vocab = kept.len() + 2;
    let mut stream = vec![BOUNDARY];
    for s in sentences {
        stream.extend(
            s.iter()
                .map(|w| ids.get(norm(w).as_str()).copied().unwrap_or(RARE)),
        );
        stream.push(BOUNDARY);
    }
    let bigrams = exchange::Bigrams::new(vocab, &stream);
    progress(TrainEvent::Started {
        sentences: sentences.len(),
        tokens: stream.len() - sentences.len() - 1,
        vocabulary: kept.len(),
        bigrams: bigrams.types(),
    });
    let mut fixed = vec![false; vocab];
    fixed[BOUNDARY as usize] = true;
    let mut per_clustering = Vec::new();
    for &size in &cfg.sizes {
        let mut rng = SplitMix::new(cfg.seed ^ u64::from(size).wrapping_mul(0x9e37_79b9));
        // The boundary owns class 0; the most frequent words one class
        // each; the rest at random.
        let mut class: Vec<u32> = (0..vocab as u32)
            .map(|w| {
                if w < size {
                    w
                } else {
                    1 + (rng.next() % u64::from(size - 1)) as u32
                }
            })
            .collect();
        let min_moved = (cfg.converged * vocab as f64).ceil() as usize;
        exchange::exchange(
            &bigrams,
            size as usize,
            &mut class,
            &fixed,
            cfg.iterations,
            min_moved,
            &mut |iteration| {
                progress(TrainEvent::Iteration {
                    classes: size,
                    iteration,
                })
            },
        );
        // Renumber classes by their most frequent word, so that numbers
        // depend on the partition only.
        let mut renumber = vec![u32::MAX; size as usize];
        let mut next = 0;
        for &c in &class[2..] {
            if renumber[c as usize] == u32::MAX {
                renumber[c as usize] = next;
                next += 1;
            }
        }
        per_clustering.push(
            class
                .iter()
                .map(|&c| renumber[c as usize])
                .collect::<Vec<_>>(),
        );
    }
    let mut words: Vec<(&str, u32)> = ids.iter().map(|(&w, &id)| (w, id)).collect();
    words.sort_unstable();
    let mut classes = Vec::with_capacity(words.len() * cfg.sizes.len());
    for &(_, id) in &words {
        classes.extend(per_clustering.iter().map(|c| c[id as usize] as u16));
    }
    let tokens = stream.len() - sentences.len() - 1;
    let description = format!(
        "Detente word clusters (exchange algorithm, two-sided predictive class bigrams), format {FORMAT_VERSION}\n\
         text: {}; {} sentences, {tokens} tokens\n\
         settings: {} classes, {} forms, minimum count {}, at most {} iterations, seed {}; {} words with a class",
        cfg.source,
        sentences.len(),
        cfg.sizes
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join("/"),
        if cfg.lowercase { "lowercased" } else { "cased" },
        cfg.min_count,
        cfg.iterations,
        cfg.seed,
        words.len(),
    );
    Clusters {
        description,
        lowercase: cfg.lowercase,
        sizes: cfg.sizes.clone(),
        words: words.into_iter().map(|(w, _)| w.to_string()).collect(),
        classes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every animal with every verb of motion and every place: the words
    /// of each group have identical contexts.
    fn toy_corpus() -> Vec<Vec<String>> {
        let animals = ["cat", "dog", "horse", "cow"];
        let verbs = ["runs", "walks", "jumps", "swims"];
        let places = ["home", "away", "there"];
        let mut out = Vec::new();
        let words = |s: String| s.split(' ').map(String::from).collect();
        for a in animals {
            for v in verbs {
                for p in places {
                    out.push(words(format!("the {a} {v} {p} .")));
                    out.push(words(format!("a {a} {v} {p} today")));
                }
            }
        }
        out
    }

    fn small_config() -> TrainConfig {
        TrainConfig {
            sizes: vec![4, 8],
            min_count: 2,
            ..TrainConfig::default()
        }
    }

    #[test]
    fn words_in_the_same_contexts_share_a_class() {
        // Six classes: the boundary's, the articles, and one per slot.
        let cfg = TrainConfig {
            sizes: vec![6],
            ..small_config()
        };
        let clusters = train(&toy_corpus(), &cfg, &mut |_| {});
        let class = |w: &str| clusters.classes(w).unwrap()[0];
        for group in [
            &["cat", "dog", "horse", "cow"][..],
            &["runs", "walks", "jumps", "swims"],
            &["home", "away", "there"],
        ] {
            assert!(
                group.iter().all(|w| class(w) == class(group[0])),
                "{group:?}"
            );
        }
        assert_ne!(class("cat"), class("runs"));
        assert_ne!(class("runs"), class("home"));
        assert_ne!(class("cat"), class("home"));
        // Lookup is lowercased; unknown words have no class.
        assert_eq!(clusters.classes("Cat"), clusters.classes("cat"));
        assert_eq!(clusters.classes("zebra"), None);
        assert_eq!(clusters.sizes(), [6]);
    }

    #[test]
    fn rare_words_get_no_class() {
        let mut text = toy_corpus();
        text.push(vec!["the".into(), "zebra".into(), "runs".into()]);
        let clusters = train(&text, &small_config(), &mut |_| {});
        assert_eq!(clusters.classes("zebra"), None);
        assert!(clusters.classes("the").is_some());
    }

    #[test]
    fn training_is_deterministic_and_seeded() {
        let text = toy_corpus();
        let a = train(&text, &small_config(), &mut |_| {});
        let b = train(&text, &small_config(), &mut |_| {});
        assert_eq!(a.to_bytes(), b.to_bytes());
    }

    #[test]
    fn the_objective_never_falls_and_classes_stay_in_range() {
        let mut objectives = Vec::new();
        let clusters = train(&toy_corpus(), &small_config(), &mut |e| {
            if let TrainEvent::Iteration {
                classes: 8,
                iteration,
            } = e
            {
                objectives.push(iteration.objective);
            }
        });
        assert!(!objectives.is_empty());
        assert!(
            objectives.windows(2).all(|p| p[1] >= p[0] - 1e-9),
            "{objectives:?}"
        );
        assert!(clusters.iter().all(|(_, c)| c[0] < 4 && c[1] < 8));
    }

    #[test]
    fn round_trips_through_a_file_and_rejects_other_files() {
        let clusters = train(&toy_corpus(), &small_config(), &mut |_| {});
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CLUSTERS_FILE);
        clusters.save(&path).unwrap();
        let loaded = Clusters::load(&path).unwrap();
        assert_eq!(loaded, clusters);
        assert!(loaded.description().contains("4/8 classes"));
        assert!(matches!(
            Clusters::from_bytes(b"DTNTNER1xxxxxxxx"),
            Err(ClustersError::NotAModel)
        ));
    }

    #[test]
    fn a_class_table_gives_each_word_its_classes_in_every_clustering() {
        let clusters = train(&toy_corpus(), &small_config(), &mut |_| {});
        let table = ClassTable::new(&clusters).unwrap();
        assert_eq!(table.len(), clusters.len());
        for (word, classes) in clusters.iter() {
            let got = table.get(lower_key(&word.to_uppercase()));
            let want: Vec<u64> = classes.iter().map(|&c| u64::from(c) + 1).collect();
            assert_eq!(&got[..2], &want[..], "{word}");
            assert_eq!(&got[2..], [0, 0]);
        }
        assert_eq!(table.get(lower_key("zebra")), [0; MAX_CLUSTERINGS]);
        let cased = train(
            &toy_corpus(),
            &TrainConfig {
                lowercase: false,
                ..small_config()
            },
            &mut |_| {},
        );
        assert!(ClassTable::new(&cased).is_err());
    }
}
