use detente_conllu::{ConlluSentence, Reader};
use std::io::BufReader;

/// Reads a treebank from the shared data directory; a missing file is a
/// failure (with the message telling the user to set DETENTE_DATA), never a
/// skipped test.
pub fn treebank(relative: &str) -> Vec<ConlluSentence> {
    let path = detente_core::data::data_file(relative).unwrap_or_else(|e| panic!("{e}"));
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Reader::new(BufReader::new(file))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
