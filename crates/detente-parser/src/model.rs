//! The model: errors, header, the label inventory, and the file format.

use crate::transition::{Kind, State};
use crate::weights::Weights;
use crate::TrainConfig;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::path::PathBuf;

/// Why a model file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("cannot read parser model {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("parser model {}: {error}", path.display())]
    File {
        path: PathBuf,
        #[source]
        error: Box<ModelError>,
    },
    #[error("not a Detente parser model (the file does not start with the parser's magic bytes)")]
    NotAModel,
    #[error(
        "parser model format version {found}, but this build reads version {expected}: \
         retrain the model or use a matching build"
    )]
    Version { found: u32, expected: u32 },
    #[error("corrupt parser model: {0}")]
    Corrupt(String),
}

/// How the model was made, stored in its header.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelInfo {
    /// Free text from [`TrainConfig::description`], e.g. the training files.
    pub description: String,
    pub config: TrainConfig,
    pub train_sentences: usize,
    pub train_words: usize,
    /// Epochs trained before early stopping (or the limit) ended training.
    pub epochs_run: usize,
    /// The epoch whose averaged weights were kept.
    pub best_epoch: usize,
    /// Scores of the kept weights on the development data, gold tags.
    pub dev_uas: f64,
    pub dev_las: f64,
}

/// The classifier's classes: `SHIFT`, then `LEFT` with each label seen on
/// a left dependent (`root` first: the arc to the root is a `LEFT`), then
/// `RIGHT` with each label seen on a right dependent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Classes {
    pub left: Vec<u8>,
    pub right: Vec<u8>,
}

/// Label id 0 is always `root`.
pub(crate) const ROOT_LABEL: u8 = 0;

impl Classes {
    pub fn count(&self) -> usize {
        1 + self.left.len() + self.right.len()
    }

    pub fn get(&self, class: usize) -> (Kind, u8) {
        let l = self.left.len();
        if class == 0 {
            (Kind::Shift, 0)
        } else if class <= l {
            (Kind::Left, self.left[class - 1])
        } else {
            (Kind::Right, self.right[class - 1 - l])
        }
    }

    /// The classes allowed in `state`, as three index ranges.
    pub fn allowed(&self, state: &State) -> [Range<usize>; 3] {
        let l = self.left.len();
        let shift = if state.can_shift() { 0..1 } else { 0..0 };
        let left = match (state.can_left(), state.left_is_root()) {
            (false, _) => 0..0,
            (true, true) => 1..2,
            (true, false) => 2..1 + l,
        };
        let right = if state.can_right() {
            1 + l..self.count()
        } else {
            0..0
        };
        [shift, left, right]
    }

    /// The class of `state` when it is the only one allowed.
    pub fn only_allowed(&self, state: &State) -> Option<usize> {
        let [shift, left, right] = self.allowed(state);
        match (shift.len(), left.len(), right.len()) {
            (1, 0, 0) => Some(shift.start),
            (0, 1, 0) => Some(left.start),
            (0, 0, 1) => Some(right.start),
            _ => None,
        }
    }

    /// The allowed class with the highest score (the first on ties).
    pub fn best(&self, state: &State, scores: &[i32]) -> usize {
        let allowed = self.allowed(state);
        // The top score, then its first class: two plain passes (the first
        // vectorises) cost less than one that compares and branches as it goes.
        let top = allowed
            .iter()
            .filter_map(|r| scores[r.clone()].iter().copied().max())
            .max()
            .expect("a non-terminal state allows a transition");
        allowed
            .into_iter()
            .find_map(|r| Some(r.start + scores[r].iter().position(|&s| s == top)?))
            .expect("the top score is an allowed class's")
    }
}

/// The model file: magic, format version, checksum of the rest, then the
/// header (postcard) and the weight arrays as raw little-endian words, which
/// load without per-element decoding.
const MAGIC: [u8; 8] = *b"DTPARSER";
/// The model file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Header {
    info: ModelInfo,
    labels: Vec<String>,
    classes: Classes,
    slots: u64,
    entries: u64,
    dense: u64,
}

/// A fast checksum over whole words: catches truncation and damage, not
/// tampering.
fn checksum(bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    let mut h = crate::hash::mix(0, bytes.len() as u64);
    for chunk in &mut chunks {
        h = crate::hash::mix(h, u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
    }
    for &b in chunks.remainder() {
        h = crate::hash::mix(h, u64::from(b));
    }
    crate::hash::finish(h)
}

/// Everything a model file holds.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Model {
    pub info: ModelInfo,
    pub labels: Vec<String>,
    pub classes: Classes,
    pub weights: Weights,
}

pub(crate) fn to_bytes(model: &Model) -> Vec<u8> {
    let header = Header {
        info: model.info.clone(),
        labels: model.labels.clone(),
        classes: model.classes.clone(),
        slots: model.weights.n_slots() as u64,
        entries: model.weights.entries().len() as u64,
        dense: model.weights.dense().len() as u64,
    };
    let header = postcard::to_stdvec(&header).expect("the header serialises");
    let mut body = Vec::new();
    body.extend_from_slice(&(header.len() as u32).to_le_bytes());
    body.extend_from_slice(&header);
    body.extend(model.weights.slots().flat_map(|s| s.to_le_bytes()));
    body.extend(model.weights.entries().iter().flatten());
    body.extend(model.weights.dense().iter().flat_map(|w| w.to_le_bytes()));
    let mut out = Vec::with_capacity(20 + body.len());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&checksum(&body).to_le_bytes());
    out.extend_from_slice(&body);
    out
}

pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
    let corrupt = |why: &str| ModelError::Corrupt(why.to_string());
    if bytes.len() < MAGIC.len() || bytes[..MAGIC.len()] != MAGIC {
        return Err(ModelError::NotAModel);
    }
    let rest = &bytes[MAGIC.len()..];
    let (version, rest) = split_u32(rest).ok_or_else(|| corrupt("truncated before the version"))?;
    if version != FORMAT_VERSION {
        return Err(ModelError::Version {
            found: version,
            expected: FORMAT_VERSION,
        });
    }
    if rest.len() < 8 {
        return Err(corrupt("truncated before the checksum"));
    }
    let (sum, body) = rest.split_at(8);
    if u64::from_le_bytes(sum.try_into().expect("8 bytes")) != checksum(body) {
        return Err(corrupt(
            "checksum mismatch (the file is truncated or damaged)",
        ));
    }
    let (header_len, rest) = split_u32(body).ok_or_else(|| corrupt("truncated header"))?;
    let header_len = header_len as usize;
    if rest.len() < header_len {
        return Err(corrupt("truncated header"));
    }
    let header: Header = postcard::from_bytes(&rest[..header_len])
        .map_err(|e| ModelError::Corrupt(format!("unreadable header: {e}")))?;
    let mut arrays = &rest[header_len..];
    let slots = take(&mut arrays, header.slots, u64::from_le_bytes)
        .ok_or_else(|| corrupt("truncated weight table"))?;
    let entries = take(&mut arrays, header.entries, |e: [u8; 3]| e)
        .ok_or_else(|| corrupt("truncated sparse weights"))?;
    let dense = take(&mut arrays, header.dense, i16::from_le_bytes)
        .ok_or_else(|| corrupt("truncated dense weights"))?;
    if !arrays.is_empty() {
        return Err(corrupt("trailing bytes after the weights"));
    }
    validate(&header).map_err(ModelError::Corrupt)?;
    let weights =
        Weights::new(slots, entries, dense, header.classes.count()).map_err(ModelError::Corrupt)?;
    Ok(Model {
        info: header.info,
        labels: header.labels,
        classes: header.classes,
        weights,
    })
}

/// Splits `count` little-endian numbers of `N` bytes off the front of `bytes`.
fn take<T, const N: usize>(
    bytes: &mut &[u8],
    count: u64,
    decode: fn([u8; N]) -> T,
) -> Option<Vec<T>> {
    let len = usize::try_from(count).ok()?.checked_mul(N)?;
    if bytes.len() < len {
        return None;
    }
    let (words, rest) = bytes.split_at(len);
    *bytes = rest;
    Some(
        words
            .chunks_exact(N)
            .map(|c| decode(c.try_into().expect("N bytes")))
            .collect(),
    )
}

fn split_u32(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let (head, rest) = bytes.split_first_chunk::<4>()?;
    Some((u32::from_le_bytes(*head), rest))
}

/// Checks the labels and classes, which the parser indexes with.
fn validate(header: &Header) -> Result<(), String> {
    let labels = &header.labels;
    let classes = &header.classes;
    if labels.first().map(String::as_str) != Some("root") {
        return Err("label 0 is not `root`".into());
    }
    if labels.len() > 256 {
        return Err(format!("{} labels, at most 256 allowed", labels.len()));
    }
    if classes.left.first() != Some(&ROOT_LABEL) {
        return Err("the first LEFT class is not the root arc".into());
    }
    let ok = |&l: &u8| (l as usize) < labels.len() && l != ROOT_LABEL;
    if !classes.left[1..].iter().all(ok) || !classes.right.iter().all(ok) {
        return Err("a class has an unknown or misplaced label".into());
    }
    if classes.count() > 256 {
        return Err("more than 256 classes".into());
    }
    Ok(())
}
