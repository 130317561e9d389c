//! The model file: a small fixed header, then the model in postcard.
//!
//! ```text
//! b"DTNTNER1" | format version: u32 LE | description length: u32 LE |
//! description (UTF-8) | postcard(Model)
//! ```
//!
//! The version and description come before the postcard body so that a
//! file of another format version is reported as such (not as a decoding
//! failure), and so anything can read the description.

use crate::{Model, Ner};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"DTNTNER1";

/// Bump whenever the feature templates, hashing, labels or [`Model`]
/// layout change: an old model would load but recognise nonsense.
pub const FORMAT_VERSION: u32 = 1;

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
        if bytes.len() < 8 || &bytes[..8] != MAGIC {
            return Err(ModelError::NotAModel);
        }
        let word = |at: usize| {
            bytes
                .get(at..at + 4)
                .map(|b| u32::from_le_bytes(b.try_into().unwrap()))
                .ok_or_else(|| ModelError::Corrupt("truncated header".into()))
        };
        let found = word(8)?;
        if found != FORMAT_VERSION {
            return Err(ModelError::Version {
                found,
                expected: FORMAT_VERSION,
            });
        }
        let len = word(12)? as usize;
        let description = bytes
            .get(16..16 + len)
            .ok_or_else(|| ModelError::Corrupt("truncated description".into()))?;
        let description = std::str::from_utf8(description)
            .map_err(|_| ModelError::Corrupt("description is not UTF-8".into()))?
            .to_string();
        let model: Model = postcard::from_bytes(&bytes[16 + len..])
            .map_err(|e| ModelError::Corrupt(e.to_string()))?;
        model
            .weights
            .validate(crate::labels::CLASSES)
            .map_err(ModelError::Corrupt)?;
        model.tables.validate().map_err(ModelError::Corrupt)?;
        Ok(Ner::new(description, model))
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(self.description.len() as u32).to_le_bytes());
        out.extend_from_slice(self.description.as_bytes());
        postcard::to_io(&self.model, &mut out).expect("writing to a Vec cannot fail");
        out
    }

    /// Writes the model to a temporary file beside `path`, then renames it
    /// into place, so that a reader never sees a half-written model.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let name = path.file_name().ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, "model path has no file name")
        })?;
        let tmp = path.with_file_name(format!(
            ".{}.tmp{}",
            name.to_string_lossy(),
            std::process::id()
        ));
        let written = (|| {
            let mut file = std::fs::File::create(&tmp)?;
            file.write_all(&self.to_bytes())?;
            file.sync_all()?;
            std::fs::rename(&tmp, path)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written
    }
}
