//! The model file: a small fixed header, then the model in postcard.
//!
//! ```text
//! b"DTNTAGGR" | format version: u32 LE | description length: u32 LE |
//! description (UTF-8) | postcard(Model)
//! ```
//!
//! The version and description sit in front of the postcard body so that a
//! file from another format version is reported as such (not as a decoding
//! failure), and so the description can be read by anything.

use crate::{Model, Tagger};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"DTNTAGGR";

/// Bump whenever the feature templates, hashing or [`Model`] layout change:
/// an old model would load but tag nonsense.
pub const FORMAT_VERSION: u32 = 1;

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
        model.validate().map_err(ModelError::Corrupt)?;
        Ok(Tagger::new(description, model))
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
    /// into place, so a reader never sees a half-written model.
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
