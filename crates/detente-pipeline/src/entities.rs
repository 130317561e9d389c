//! The entity stage: named-entity mentions (PER, ORG, LOC) per sentence.

use crate::PipelineError;
use detente_core::{Document, Entity, Span};
use detente_ner::{Ner, NerInput};
use std::path::Path;

/// File name of the current NER model inside a models directory.
pub const NER_FILE: &str = "ner-en-v1.bin";

/// Finds named entities: fills `Document::entities` (needs the syntax layer for tags).
pub struct EntityStage {
    ner: Ner,
}

impl EntityStage {
    pub fn load(dir: &Path) -> Result<EntityStage, PipelineError> {
        let ner = Ner::load(&dir.join(NER_FILE))
            .map_err(|e| PipelineError::Model { stage: "entity", dir: dir.to_path_buf(), message: e.to_string() })?;
        Ok(EntityStage { ner })
    }

    pub fn annotate(&self, doc: &mut Document) {
        let mut entities = Vec::new();
        let mut inputs = Vec::new();
        for sentence in &doc.sentences {
            let range = sentence.token_range();
            inputs.clear();
            inputs.extend(range.clone().map(|i| NerInput {
                word: doc.slice(doc.tokens[i].span),
                upos: doc.syntax.get(i).map_or("_", |s| s.upos.as_str()),
                xpos: doc.syntax.get(i).map_or("_", |s| s.xpos.as_str()),
            }));
            for e in self.ner.recognise(&inputs) {
                let (first, last) = (range.start + e.start, range.start + e.end - 1);
                entities.push(Entity {
                    span: Span { start: doc.tokens[first].span.start, end: doc.tokens[last].span.end },
                    tokens: first as u32..last as u32 + 1,
                    label: e.label.as_str().to_string(),
                });
            }
        }
        doc.entities = entities;
    }
}
