pub mod bench;
pub mod demo;
pub mod eval;
pub mod tokenize;
