//! The entity stage: named-entity mentions (PER, ORG, LOC), a document at a time.

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

    /// The whole document at once: how a word was labelled in earlier sentences is a feature.
    pub fn annotate(&self, doc: &mut Document) {
        let inputs: Vec<Vec<NerInput>> = doc
            .sentences
            .iter()
            .map(|sentence| {
                sentence
                    .token_range()
                    .map(|i| NerInput {
                        word: doc.slice(doc.tokens[i].span),
                        upos: doc.syntax.get(i).map_or("_", |s| s.upos.as_str()),
                        xpos: doc.syntax.get(i).map_or("_", |s| s.xpos.as_str()),
                    })
                    .collect()
            })
            .collect();
        let refs: Vec<&[NerInput]> = inputs.iter().map(Vec::as_slice).collect();
        let mut entities = Vec::new();
        for (sentence, found) in doc.sentences.iter().zip(self.ner.recognise_document(&refs)) {
            let range = sentence.token_range();
            for e in found {
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
