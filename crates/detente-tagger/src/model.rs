//! The tagger's model file: [`detente_linear::ModelFile`] with magic
//! `b"DTNTAGGR"`.

use crate::{Model, Tagger};
use detente_linear::{file, HeaderError, ModelFile};
use std::io;
use std::path::{Path, PathBuf};

/// Bump whenever the feature templates, hashing or [`Model`] layout change:
/// an old model would load but tag nonsense.
pub const FORMAT_VERSION: u32 = 2;

const FILE: ModelFile = ModelFile {
    magic: b"DTNTAGGR",
    version: FORMAT_VERSION,
};

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("cannot read tagger model {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("not a Detente tagger model (bad magic bytes)")]
    NotAModel,
    #[error("tagger model format version {found}, but this build reads version {expected}: retrain or use a matching build")]
    Version { found: u32, expected: u32 },
    #[error("corrupt tagger model: {0}")]
    Corrupt(String),
}

impl Tagger {
    /// Loads a model file written by [`Tagger::save`].
    pub fn load(path: &Path) -> Result<Tagger, ModelError> {
        let bytes = std::fs::read(path).map_err(|source| ModelError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Tagger::from_bytes(&bytes)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let (description, model): (String, Model) = FILE.decode(bytes)?;
        model.validate().map_err(ModelError::Corrupt)?;
        Ok(Tagger::new(description, model))
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        FILE.encode(&self.description, &self.model)
    }

    /// Writes the model atomically (see [`file::save`]).
    pub fn save(&self, path: &Path) -> io::Result<()> {
        file::save(path, &self.to_bytes())
    }
}

impl From<HeaderError> for ModelError {
    fn from(e: HeaderError) -> ModelError {
        match e {
            HeaderError::NotAModel => ModelError::NotAModel,
            HeaderError::Version { found, expected } => ModelError::Version { found, expected },
            HeaderError::Corrupt(message) => ModelError::Corrupt(message),
        }
    }
}

impl Model {
    /// Checks every index the tagger follows, so a damaged file is an error
    /// at load time rather than a panic while tagging.
    fn validate(&self) -> Result<(), String> {
        let classes = self.classes.len();
        if classes == 0 || self.feats_candidates.len() != classes {
            return Err("tag classes and feature candidates disagree".into());
        }
        if self
            .feats_candidates
            .iter()
            .flatten()
            .any(|&f| f as usize >= self.feats.len())
            || self.feats_candidates.iter().any(Vec::is_empty)
        {
            return Err("feature candidate out of range".into());
        }
        self.tag_weights.validate(2 * classes)?;
        self.feats_weights.validate(self.feats.len())?;
        self.dict.validate(classes)?;
        self.feats_dict
            .validate(|f| (f as usize) < self.feats.len())?;
        self.lemmatiser.validate()
    }
}
