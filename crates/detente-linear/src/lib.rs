//! The machinery Detente's linear models share: features hashed to `u64`
//! keys ([`hash`]), an open-addressing key index ([`KeyIndex`]), the
//! averaged perceptron that trains them ([`Perceptron`]) and the versioned
//! model-file header ([`ModelFile`]). Each model keeps its own feature
//! templates and inference weight layout.

pub mod file;
pub mod hash;
mod perceptron;

pub use file::{HeaderError, ModelFile};
pub use hash::{hash_str, mix, prefetch, KeyIndex, StrHash};
pub use perceptron::Perceptron;
