//! The machinery Detente's linear models share: features hashed to `u64`
//! keys ([`hash`]), an open-addressing key index ([`KeyIndex`]) and the
//! word tables built on it ([`WordTable`]), the
//! averaged perceptron that trains them ([`Perceptron`]), the seeded
//! generator of their training runs ([`SplitMix`]) and the versioned
//! model-file header ([`ModelFile`]). Each model keeps its own feature
//! templates and inference weight layout.

pub mod file;
pub mod hash;
mod perceptron;
mod rng;
mod table;

pub use file::{HeaderError, ModelFile};
pub use hash::{hash_str, mix, prefetch, KeyIndex, StrHash};
pub use perceptron::Perceptron;
pub use rng::SplitMix;
pub use table::WordTable;
