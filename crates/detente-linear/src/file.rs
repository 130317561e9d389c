//! The model file: a small fixed header, then the model in postcard.
//!
//! ```text
//! magic: 8 bytes | format version: u32 LE | description length: u32 LE |
//! description (UTF-8) | postcard(model)
//! ```
//!
//! The version and description sit in front of the postcard body so that a
//! file from another format version is reported as such (not as a decoding
//! failure), and so the description can be read by anything.

use serde::{de::DeserializeOwned, Serialize};
use std::io::{self, Write};
use std::path::Path;

/// One kind of model file: its magic bytes and the format version this
/// build reads and writes.
#[derive(Clone, Copy, Debug)]
pub struct ModelFile {
    pub magic: &'static [u8; 8],
    pub version: u32,
}

/// Why [`ModelFile::decode`] rejected some bytes.
#[derive(Debug, thiserror::Error)]
pub enum HeaderError {
    #[error("bad magic bytes")]
    NotAModel,
    #[error("format version {found}, but this build reads version {expected}")]
    Version { found: u32, expected: u32 },
    #[error("{0}")]
    Corrupt(String),
}

impl ModelFile {
    /// The header, then `model` in postcard.
    pub fn encode<M: Serialize>(&self, description: &str, model: &M) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(self.magic);
        out.extend_from_slice(&self.version.to_le_bytes());
        out.extend_from_slice(&(description.len() as u32).to_le_bytes());
        out.extend_from_slice(description.as_bytes());
        postcard::to_io(model, &mut out).expect("writing to a Vec cannot fail");
        out
    }

    /// The description and model of bytes written by [`ModelFile::encode`].
    pub fn decode<M: DeserializeOwned>(&self, bytes: &[u8]) -> Result<(String, M), HeaderError> {
        if bytes.len() < 8 || &bytes[..8] != self.magic {
            return Err(HeaderError::NotAModel);
        }
        let word = |at: usize| {
            bytes
                .get(at..at + 4)
                .map(|b| u32::from_le_bytes(b.try_into().unwrap()))
                .ok_or_else(|| HeaderError::Corrupt("truncated header".into()))
        };
        let found = word(8)?;
        if found != self.version {
            return Err(HeaderError::Version {
                found,
                expected: self.version,
            });
        }
        let len = word(12)? as usize;
        let description = bytes
            .get(16..16 + len)
            .ok_or_else(|| HeaderError::Corrupt("truncated description".into()))?;
        let description = std::str::from_utf8(description)
            .map_err(|_| HeaderError::Corrupt("description is not UTF-8".into()))?
            .to_string();
        let model = postcard::from_bytes(&bytes[16 + len..])
            .map_err(|e| HeaderError::Corrupt(e.to_string()))?;
        Ok((description, model))
    }
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into
/// place, so a reader never sees a half-written model.
pub fn save(path: &Path, bytes: &[u8]) -> io::Result<()> {
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
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: ModelFile = ModelFile {
        magic: b"DTNTTEST",
        version: 3,
    };

    #[test]
    fn round_trips_and_rejects_other_files() {
        let bytes = FILE.encode("a model", &vec![1u32, 2, 3]);
        assert_eq!(&bytes[..8], b"DTNTTEST");
        let (description, model): (String, Vec<u32>) = FILE.decode(&bytes).unwrap();
        assert_eq!((description.as_str(), model), ("a model", vec![1, 2, 3]));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.bin");
        save(&path, &bytes).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), bytes);

        let newer = ModelFile { version: 4, ..FILE };
        assert!(matches!(
            newer.decode::<Vec<u32>>(&bytes),
            Err(HeaderError::Version {
                found: 3,
                expected: 4
            })
        ));
        assert!(matches!(
            FILE.decode::<Vec<u32>>(b"DTNTOTHR"),
            Err(HeaderError::NotAModel)
        ));
        assert!(matches!(
            FILE.decode::<Vec<u32>>(&bytes[..14]),
            Err(HeaderError::Corrupt(_))
        ));
    }
}
