//! Reading what training needs from files: labelled sentences (UniversalNER
//! IOB2, or CoNLL-U whose entity layer is read as GUM's), unlabelled news
//! text for the case statistics, and typed names from PETRARCH actor
//! dictionaries for the gazetteer.
//!
//! This lives in the library rather than in a command so that a model is
//! built from the same inputs in the same way whatever drives the training
//! (`detente train ner`, the tests).

use crate::{
    gum_entities, petrarch_names, read_iob2, EntityType, Iob2Error, NerSentence, TrainConfig,
};
use detente_lexicon::ActorLexicon;
use detente_text::Segmenter;
use std::io::BufReader;
use std::path::{Path, PathBuf};

/// A training input that could not be read; every variant names the file,
/// and the underlying error (with its line) is the `source`.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{path} is not valid IOB2")]
    Iob2 {
        path: PathBuf,
        #[source]
        source: Iob2Error,
    },
    #[error("{path} is not valid CoNLL-U")]
    Conllu {
        path: PathBuf,
        #[source]
        source: detente_conllu::Error,
    },
    #[error("cannot read {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not a file of labelled entities (expected a .iob2 or .conllu file)")]
    UnknownFormat { path: PathBuf },
    #[error("PETRARCH dictionaries: {0}")]
    Dictionary(String),
    #[error("word clusters: {0}")]
    Clusters(String),
    /// A shared data file is missing (the message names `DETENTE_DATA`).
    #[error("{0}")]
    MissingData(String),
}

fn open(path: &Path) -> Result<BufReader<std::fs::File>, CorpusError> {
    std::fs::File::open(path)
        .map(BufReader::new)
        .map_err(|source| CorpusError::Io {
            path: path.to_path_buf(),
            source,
        })
}

/// The labelled sentences of one file, by its extension: `.iob2` is
/// UniversalNER (see [`read_iob2`]), `.conllu` a treebank with GUM's
/// `Entity=` layer in MISC (see [`gum_entities`]; its gold tags are kept).
pub fn read_labelled(path: &Path) -> Result<Vec<NerSentence>, CorpusError> {
    match path.extension().and_then(|e| e.to_str()) {
        Some("iob2") => read_iob2(open(path)?).map_err(|source| CorpusError::Iob2 {
            path: path.to_path_buf(),
            source,
        }),
        Some("conllu") => {
            let sentences = detente_conllu::Reader::new(open(path)?)
                .collect::<Result<Vec<_>, _>>()
                .map_err(|source| CorpusError::Conllu {
                    path: path.to_path_buf(),
                    source,
                })?;
            Ok(gum_entities(&sentences))
        }
        _ => Err(CorpusError::UnknownFormat {
            path: path.to_path_buf(),
        }),
    }
}

/// Every `.txt` file under `dir` (sorted, not recursive), segmented into
/// sentences of word strings. Only the words are used: no labels exist.
pub fn read_unlabelled(dir: &Path) -> Result<Vec<Vec<String>>, CorpusError> {
    let io = |source| CorpusError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            paths.push(path);
        }
    }
    paths.sort();
    let segmenter = Segmenter::new();
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|source| CorpusError::Io {
            path: path.clone(),
            source,
        })?;
        let seg = segmenter.segment(&text);
        out.extend(seg.sentences.iter().map(|s| {
            seg.tokens[s.token_range()]
                .iter()
                .map(|t| t.span.slice(&text).to_string())
                .collect()
        }));
    }
    Ok(out)
}

/// Typed names from PETRARCH actor dictionaries ([`petrarch_names`]).
pub fn read_dictionary_names(files: &[PathBuf]) -> Result<Vec<(String, EntityType)>, CorpusError> {
    let (dictionary, _) = ActorLexicon::import_petrarch(files, &[])
        .map_err(|e| CorpusError::Dictionary(e.to_string()))?;
    Ok(petrarch_names(&dictionary))
}

/// Shared data (relative to `DETENTE_DATA`) that every released model is
/// trained with besides its labelled files.
pub const UNLABELLED_DIR: &str = "polnear/train/text";
pub const DICTIONARY_FILES: [&str; 3] = [
    "events/petrarch2/dictionaries/Phoenix.Countries.actors.txt",
    "events/petrarch2/dictionaries/Phoenix.International.actors.txt",
    "events/petrarch2/dictionaries/Phoenix.MilNonState.actors.txt",
];

impl TrainConfig {
    /// Adds the resources of the shared data to the configuration: the
    /// unlabelled PolNeAR train articles (case statistics only; their
    /// annotations are not used) and the names of PETRARCH's Phoenix actor
    /// dictionaries (gazetteer and name parts). Records both in `source`.
    pub fn with_shared_resources(mut self) -> Result<TrainConfig, CorpusError> {
        let data = |relative: &str| {
            detente_core::data::data_file(relative).map_err(CorpusError::MissingData)
        };
        self.unlabelled = read_unlabelled(&data(UNLABELLED_DIR)?)?;
        let files = DICTIONARY_FILES
            .iter()
            .map(|f| data(f))
            .collect::<Result<Vec<_>, _>>()?;
        self.names = read_dictionary_names(&files)?;
        let words: usize = self.unlabelled.iter().map(Vec::len).sum();
        self.source.push_str(&format!(
            "; case statistics also from PolNeAR train text ({words} words); \
             gazetteer also from the Phoenix actor dictionaries ({} names)",
            self.names.len()
        ));
        Ok(self)
    }

    /// Adds distributional word classes (which must be of lowercased forms,
    /// as `detente train clusters` makes by default) and records their
    /// description in `source`.
    pub fn with_clusters(
        mut self,
        clusters: detente_clusters::Clusters,
    ) -> Result<TrainConfig, CorpusError> {
        detente_clusters::ClassTable::new(&clusters).map_err(CorpusError::Clusters)?;
        let about: Vec<&str> = clusters.description().lines().skip(1).collect();
        self.source
            .push_str(&format!("; word clusters: {}", about.join("; ")));
        self.clusters = Some(clusters);
        Ok(self)
    }
}
