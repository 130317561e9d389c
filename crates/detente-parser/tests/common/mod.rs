//! Helpers shared by the integration tests.

use detente_conllu::{ConlluSentence, Reader};

/// The sentences of a shared treebank file; panics with the message telling
/// the user to set `DETENTE_DATA` when the data is missing.
pub fn treebank(relative: &str) -> Vec<ConlluSentence> {
    let path = detente_core::data::data_file(relative).unwrap_or_else(|e| panic!("{e}"));
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Reader::new(std::io::BufReader::new(file))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Asserts that `parse` is one tree over `n` words: heads in range, exactly
/// one root word labelled `root`, no other `root`, and no cycle.
pub fn assert_tree(parse: &[(u32, &str)], n: usize) {
    assert_eq!(parse.len(), n);
    if n == 0 {
        return;
    }
    let roots: Vec<usize> = (0..n).filter(|&i| parse[i].0 == 0).collect();
    assert_eq!(roots.len(), 1, "not single-rooted: {parse:?}");
    for (i, &(head, label)) in parse.iter().enumerate() {
        assert!(
            head as usize <= n && head as usize != i + 1,
            "bad head of word {}: {parse:?}",
            i + 1
        );
        assert_eq!(
            head == 0,
            label == "root",
            "root label misplaced at word {}: {parse:?}",
            i + 1
        );
        assert!(!label.is_empty());
        // Following heads from any word reaches the root within n steps.
        let mut at = i + 1;
        for _ in 0..=n {
            if at == 0 {
                break;
            }
            at = parse[at - 1].0 as usize;
        }
        assert_eq!(at, 0, "cycle through word {}: {parse:?}", i + 1);
    }
}
