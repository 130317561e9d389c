//! Detente's event lexicon: what the event coder (`detente-events`) consults to decide whether a
//! word in a parsed sentence reports a political event, which CAMEO code and PLOVER type it
//! has, and where its target is.
//!
//! The lexicon is ours and human-editable: tab-separated pattern files in `lexicon/events/`
//! (one per CAMEO root, documented in `lexicon/events/README.md`), embedded in the binary.
//! Patterns are keyed by trigger lemma and constrained by the trigger's dependents (particle,
//! object, prepositional phrases, controlled clause, modifiers, negation, voice), so the same
//! verb codes differently by what it governs ("deploy troops" → 154, "deploy peacekeepers" → 074).
//!
//! # API
//! - [`Ontology::builtin`]: CAMEO codes ([`Ontology::cameo`] → [`CameoInfo`]: name, Goldstein
//!   score, QuadClass, PLOVER type and mode from the crosswalk), [`Ontology::plover_types`].
//! - [`EventLexicon::builtin`] / [`EventLexicon::load_dir`]: the patterns.
//! - [`EventLexicon::is_trigger`]`(lemma, pos)`: a hash lookup, for every verb and noun.
//! - [`EventLexicon::best_match`]`(tree, token)` → [`PatternMatch`]: the most specific pattern
//!   that holds at the token (its [`Pattern::id`] `NN.tsv:LINE` is the event's evidence), the
//!   target slot's head tokens with conjuncts expanded, the source slot's when the pattern
//!   overrides the subject ("received arms *from* X"), and negation: `negated` is the event's
//!   ("did not invade"), `trigger_negated` the surface fact — they differ where the pattern
//!   makes the negation part of its meaning ("did not rule out talks" → 036, asserted; "will
//!   not lift sanctions" → 1244). `None` also where a blocker line (code `none`: "war games",
//!   "spoke to reporters") is the most specific that holds.
//!   Target heads are syntactic heads ("border" in "massed troops on the border with
//!   Ukraine"); the coder looks for actor mentions in their subtrees.
//!
//! Lemmatiser slips on trigger words ("met", "invaded" → "invad") are repaired through
//! `lexicon/events/forms.tsv`, which `examples/find_lemma_slips.rs` regenerates.
//!
//! ```no_run
//! use detente_eventlex::{EventLexicon, TriggerPos};
//! # fn code(doc: &detente_core::Document) {
//! let lexicon = EventLexicon::builtin();
//! let tree = detente_core::SentenceTree::new(doc, 0);
//! for i in tree.tokens() {
//!     let Some(pos) = TriggerPos::of(&tree, i) else { continue };
//!     if lexicon.is_trigger(tree.lemma(i), pos) {
//!         if let Some(m) = lexicon.best_match(&tree, i) {
//!             println!("{} {} {:?} negated={}", m.pattern.cameo.code, m.pattern.id, m.target_heads, m.negated);
//!         }
//!     }
//! }
//! # }
//! ```

mod error;
mod lexicon;
mod ontology;
mod pattern;

pub use error::{LexiconError, UnknownCode};
pub use lexicon::{EventLexicon, PatternMatch};
pub use ontology::{CameoInfo, Ontology};
pub use pattern::{Blocker, Constraint, Pattern, Slot, Term, TriggerPos};
