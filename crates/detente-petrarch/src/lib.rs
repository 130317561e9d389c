//! PETRARCH-2 compatibility, so that PETRARCH users can bring their dictionaries and check
//! Detente against PETRARCH's own unit tests.
//!
//! - [`dictionary`]: verb dictionaries (verb blocks, forms, synsets, patterns, paired codes)
//!   and discard lists. Actor and agent dictionaries are read by `detente-lexicon`
//!   (`ActorLexicon::import_petrarch`); their phrases written with spaces are listed here.
//! - [`records`]: the unit-test record files (XML).
//! - [`coder`]: a PETRARCH-style coder that reads our own dependency parse, not PETRARCH's
//!   constituency trees; [`arguments`] finds a verb's source and target in the tree.
//! - [`score`]: records fully correct, codings found and extra.
//!
//! ```no_run
//! use detente_petrarch::{read_records, score, Dictionaries, PetrarchCoder};
//! use detente_pipeline::{default_models_dir, Pipeline};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let set = read_records("PETR.UnitTest.records.public.xml")?;
//! let dicts = Dictionaries::load("dictionaries".as_ref(), &set.environment)?;
//! let pipeline = Pipeline::with_models(&default_models_dir())?;
//! let coder = PetrarchCoder::new(dicts, &pipeline);
//! let codings: Vec<_> = set.records.iter().map(|r| coder.code(&r.text, r.date)).collect();
//! println!("{:?}", score(&set.records, &codings));
//! # Ok(()) }
//! ```

pub mod arguments;
pub mod coder;
pub mod dictionary;
pub mod error;
pub mod records;
pub mod score;

pub use coder::{Dictionaries, PetrarchCoder};
pub use dictionary::{Discards, VerbDictionary};
pub use error::PetrarchError;
pub use records::{read_records, Coding, Environment, Record, RecordSet};
pub use score::{compare, score, PetrarchScore, RecordOutcome};
