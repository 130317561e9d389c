//! Evaluation: scores Detente's annotations against gold data, emulating the
//! standard scripts so numbers are comparable with published results.

pub mod events;
pub mod quotes;
pub mod segmentation;
pub mod syntax;

/// Precision, recall and F1 from counts, shared by every scorer.
pub use segmentation::Prf;
