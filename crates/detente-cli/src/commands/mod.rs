pub mod bench;
pub mod demo;
pub mod eval;
pub mod lexicon;
pub mod parse;
pub mod tokenize;
pub mod train;
