//! The syntax stage: tagger, lemmatiser and parser over each sentence.

use crate::PipelineError;
use detente_core::{data::repo_root, Document, WordSyntax};
use detente_parser::{ParseInput, Parser};
use detente_tagger::{KnownNames, Tagger};
use std::path::{Path, PathBuf};

/// Overrides the models directory (as `--models` does).
pub const MODELS_ENV: &str = "DETENTE_MODELS";
/// File names of the current model versions inside a models directory.
pub const TAGGER_FILE: &str = "tagger-en-v1.bin";
pub const PARSER_FILE: &str = "parser-en-v1.bin";

/// `$DETENTE_MODELS`, else the repository's `models/` (the binary finds the
/// committed models after `cargo build` without any flag).
pub fn default_models_dir() -> PathBuf {
    std::env::var_os(MODELS_ENV).map(PathBuf::from).unwrap_or_else(|| repo_root().join("models"))
}

/// Tags, lemmatises and parses every sentence: fills `Document::syntax`.
pub struct SyntaxStage {
    tagger: Tagger,
    parser: Parser,
}

impl SyntaxStage {
    pub fn new(tagger: Tagger, parser: Parser) -> SyntaxStage {
        SyntaxStage { tagger, parser }
    }

    /// Loads both models from `dir`.
    pub fn load(dir: &Path) -> Result<SyntaxStage, PipelineError> {
        let error = |stage, message: String| PipelineError::Model { stage, dir: dir.to_path_buf(), message };
        let tagger = Tagger::load(&dir.join(TAGGER_FILE)).map_err(|e| error("tagger", e.to_string()))?;
        let parser = Parser::load(&dir.join(PARSER_FILE)).map_err(|e| error("parser", e.to_string()))?;
        Ok(SyntaxStage { tagger, parser })
    }

    /// See [`Tagger::set_known_names`].
    pub fn set_known_names(&mut self, names: KnownNames) {
        self.tagger.set_known_names(names);
    }

    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    pub fn parser(&self) -> &Parser {
        &self.parser
    }

    pub fn annotate(&self, doc: &mut Document) {
        let mut syntax = Vec::with_capacity(doc.tokens.len());
        let mut words: Vec<&str> = Vec::new();
        for sentence in &doc.sentences {
            words.clear();
            words.extend(doc.sentence_tokens(sentence).iter().map(|t| doc.slice(t.span)));
            let tagged = self.tagger.tag(&words);
            let inputs: Vec<ParseInput> = words
                .iter()
                .zip(&tagged)
                .map(|(form, t)| ParseInput { form, lemma: &t.lemma, upos: t.upos, xpos: t.xpos })
                .collect();
            let parsed = self.parser.parse(&inputs);
            drop(inputs);
            for (t, (head, deprel)) in tagged.into_iter().zip(parsed) {
                syntax.push(WordSyntax {
                    lemma: t.lemma,
                    upos: t.upos.into(),
                    xpos: t.xpos.into(),
                    feats: t.feats.into(),
                    head,
                    deprel: deprel.into(),
                });
            }
        }
        doc.syntax = syntax;
    }
}
