//! The NER model file: [`detente_linear::ModelFile`] with magic
//! `b"DTNTNER1"`.

use crate::{Model, Ner};
use detente_linear::{file, HeaderError, ModelFile};
use std::io;
use std::path::{Path, PathBuf};

/// Bump whenever the feature templates, hashing, labels or [`Model`]
/// layout change: an old model would load but recognise nonsense.
pub const FORMAT_VERSION: u32 = 4;

const FILE: ModelFile = ModelFile {
    magic: b"DTNTNER1",
    version: FORMAT_VERSION,
};

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("cannot read NER model {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("not a Detente NER model (bad magic bytes)")]
    NotAModel,
    #[error("NER model format version {found}, but this build reads version {expected}: retrain or use a matching build")]
    Version { found: u32, expected: u32 },
    #[error("corrupt NER model: {0}")]
    Corrupt(String),
}

impl Ner {
    /// Loads a model file written by [`Ner::save`].
    pub fn load(path: &Path) -> Result<Ner, ModelError> {
        let bytes = std::fs::read(path).map_err(|source| ModelError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Ner::from_bytes(&bytes)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Ner, ModelError> {
        let (description, model): (String, Model) = FILE.decode(bytes)?;
        model
            .weights
            .validate(crate::labels::CLASSES)
            .map_err(ModelError::Corrupt)?;
        model.tables.validate().map_err(ModelError::Corrupt)?;
        Ok(Ner::new(description, model))
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
