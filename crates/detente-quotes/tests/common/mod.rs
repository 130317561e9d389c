//! What the tests share: one loaded pipeline, and running it plus the extractor on a text.

use chrono::NaiveDate;
use detente_core::{Document, Meta, Quote};
use detente_pipeline::{default_models_dir, Pipeline};
use detente_quotes::QuoteExtractor;
use std::sync::OnceLock;

pub fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        Pipeline::with_models(&default_models_dir())
            .unwrap_or_else(|e| panic!("the quotation tests need the models: {e}"))
    })
}

/// The document after every pipeline stage, and the extractor's quotes.
pub fn quotes_of(text: &str, published: Option<NaiveDate>) -> (Document, Vec<Quote>) {
    let meta = Meta {
        published,
        ..Meta::english()
    };
    let mut doc = Document::new("test", text, meta);
    pipeline().run(&mut doc);
    let quotes = QuoteExtractor::new().extract(&doc);
    (doc, quotes)
}
