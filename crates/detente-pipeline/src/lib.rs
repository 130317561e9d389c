//! The pipeline: every stage in order over one shared [`Document`].
//!
//! Each stage reads the layers earlier stages wrote and adds its own; a
//! document that already has a layer (a CoNLL-U input brings its own
//! tokenisation) keeps it.

mod entities;
mod syntax;

pub use entities::{EntityStage, NER_FILE};
pub use syntax::{default_models_dir, SyntaxStage, MODELS_ENV, PARSER_FILE, TAGGER_FILE};

use detente_lexicon::{Entry, EntryKind, Name, NameKind};
use detente_tagger::KnownNames;
use detente_actors::ActorResolver;
use detente_events::EventCoder;
use detente_quotes::QuoteExtractor;
use detente_core::Document;
use detente_text::Segmenter;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Why the pipeline could not be built.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// `message` names the file; the models directory and how to change it are added.
    #[error("cannot load the {stage} model: {message}\n(models are looked up in {}; pass --models DIR or set {MODELS_ENV})", dir.display())]
    Model { stage: &'static str, dir: PathBuf, message: String },
}

/// The stages Detente runs on a document, in order.
pub struct Pipeline {
    segmenter: Segmenter,
    syntax: Option<SyntaxStage>,
    entities: Option<EntityStage>,
    actors: Option<ActorResolver<'static>>,
    quotes: Option<QuoteExtractor>,
    events: Option<EventCoder<'static>>,
}

impl Pipeline {
    /// Segmentation only: no models needed.
    pub fn segmentation() -> Pipeline {
        Pipeline { segmenter: Segmenter::new(), syntax: None, entities: None, actors: None, quotes: None, events: None }
    }

    /// Every stage, with models from `models` (see [`default_models_dir`]).
    pub fn with_models(models: &Path) -> Result<Pipeline, PipelineError> {
        let actors = ActorResolver::builtin();
        let mut syntax = SyntaxStage::load(models)?;
        // The lexicon's multi-word names tell the tagger that "Human Rights Watch" is a name,
        // its places that "Guinea" is one, and its country adjectives that "Cambodian" is no name.
        let entries = actors.lexicon().entries();
        let names = entries.iter().filter(|e| e.kind != EntryKind::Agent).flat_map(|e| e.names.iter().map(|n| n.text.as_str()));
        let place = |e: &&Entry| matches!(e.kind, EntryKind::State | EntryKind::Territory | EntryKind::Former | EntryKind::Capital | EntryKind::Place);
        let naming = |n: &&Name| matches!(n.kind, NameKind::Name | NameKind::Short | NameKind::Alias | NameKind::Capital);
        let places = entries.iter().filter(place).flat_map(|e| e.names.iter().filter(naming).map(|n| n.text.as_str()));
        let adjectives = entries.iter().filter(place).flat_map(|e| e.names.iter().filter(|n| n.kind == NameKind::Adjective).map(|n| n.text.as_str()));
        syntax.set_known_names(KnownNames::new(names).with_places(places).with_adjectives(adjectives));
        Ok(Pipeline {
            segmenter: Segmenter::new(),
            syntax: Some(syntax),
            entities: Some(EntityStage::load(models)?),
            actors: Some(actors),
            quotes: Some(QuoteExtractor::new()),
            events: Some(EventCoder::builtin()),
        })
    }

    pub fn syntax(&self) -> Option<&SyntaxStage> {
        self.syntax.as_ref()
    }

    /// Runs every stage on `doc`, skipping layers it already has.
    pub fn run(&self, doc: &mut Document) {
        self.run_timed(doc, &mut StageTimes::default());
    }

    /// [`Pipeline::run`], adding each stage's wall time to `times` (for benchmarks).
    pub fn run_timed(&self, doc: &mut Document, times: &mut StageTimes) {
        let mut clock = Instant::now();
        let mut lap = |slot: &mut Duration| {
            let now = Instant::now();
            *slot += now - clock;
            clock = now;
        };
        if doc.tokens.is_empty() {
            self.segmenter.annotate(doc);
        }
        lap(&mut times.segmentation);
        if let Some(syntax) = &self.syntax {
            syntax.annotate(doc);
        }
        lap(&mut times.syntax);
        if let Some(entities) = &self.entities {
            entities.annotate(doc);
        }
        lap(&mut times.entities);
        if let Some(actors) = &self.actors {
            actors.annotate(doc);
        }
        lap(&mut times.actors);
        if let Some(quotes) = &self.quotes {
            doc.quotes = quotes.extract(doc);
        }
        lap(&mut times.quotes);
        if let Some(events) = &self.events {
            events.annotate(doc);
        }
        lap(&mut times.events);
    }
}

/// Wall time spent in each stage, summed over documents.
#[derive(Clone, Copy, Debug, Default)]
pub struct StageTimes {
    pub segmentation: Duration,
    pub syntax: Duration,
    pub entities: Duration,
    pub actors: Duration,
    pub quotes: Duration,
    pub events: Duration,
}

impl StageTimes {
    /// (stage name, time) in pipeline order.
    pub fn stages(&self) -> [(&'static str, Duration); 6] {
        [
            ("segmentation", self.segmentation),
            ("tagging + parsing", self.syntax),
            ("entities", self.entities),
            ("actors", self.actors),
            ("quotations", self.quotes),
            ("events", self.events),
        ]
    }

    pub fn total(&self) -> Duration {
        self.stages().iter().map(|(_, d)| *d).sum()
    }
}
