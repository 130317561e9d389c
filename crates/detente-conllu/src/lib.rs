//! CoNLL-U, the Universal Dependencies exchange format.
//!
//! The [`read`] side streams treebank sentences (UD English EWT and GUM are the
//! gold standard Detente is trained and scored on); the [`write`] side turns a
//! [`detente_core::Document`] into CoNLL-U so its output can be scored by the
//! standard tools and compared line by line with a treebank.

mod read;
mod write;

pub use read::{space_after, ConlluSentence, Error, MultiwordToken, Reader, Word};
pub use write::{write_document, write_document_with, Columns};
