//! The default training text: the word forms of the training splits only
//! (never a dev or test file, not even its raw text).

use detente_text::Segmenter;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The training text, relative to `DETENTE_DATA`: EWT and GUM train
/// treebanks (word forms), the PolNeAR train articles (a directory of
/// `.txt`), and ConfliBERT's CAMEO train sentences (raw in the `.tsv`;
/// tokenised in the `.txt`, of which only sentences missing from the
/// `.tsv` are read).
pub const TRAINING_FILES: [&str; 5] = [
    "ud-english-ewt/en_ewt-ud-train.conllu",
    "ud-english-gum/en_gum-ud-train.conllu",
    "polnear/train/text",
    "events/conflibert-cameo/class-train.tsv",
    "events/conflibert-cameo/source-target-train.txt",
];

#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not valid CoNLL-U: {source}")]
    Conllu {
        path: PathBuf,
        #[source]
        source: detente_conllu::Error,
    },
    /// A shared data file is missing (the message names `DETENTE_DATA`).
    #[error("{0}")]
    MissingData(String),
}

fn read(path: &Path) -> Result<String, CorpusError> {
    std::fs::read_to_string(path).map_err(|source| CorpusError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// The sentences of [`TRAINING_FILES`] as word strings, and a description
/// of what was read (files and sentence counts).
pub fn training_text() -> Result<(Vec<Vec<String>>, String), CorpusError> {
    let data =
        |relative: &str| detente_core::data::data_file(relative).map_err(CorpusError::MissingData);
    let segmenter = Segmenter::new();
    let segment = |text: &str, out: &mut Vec<Vec<String>>| {
        let seg = segmenter.segment(text);
        out.extend(seg.sentences.iter().map(|s| {
            seg.tokens[s.token_range()]
                .iter()
                .map(|t| t.span.slice(text).to_string())
                .collect()
        }));
    };
    let mut out = Vec::new();
    let mut parts = Vec::new();
    let mut note = |what: &str, out: &Vec<Vec<String>>, before: usize| {
        parts.push(format!("{what} ({} sentences)", out.len() - before));
    };

    for relative in &TRAINING_FILES[..2] {
        let path = data(relative)?;
        let before = out.len();
        let file = std::fs::File::open(&path).map_err(|source| CorpusError::Io {
            path: path.clone(),
            source,
        })?;
        for sentence in detente_conllu::Reader::new(std::io::BufReader::new(file)) {
            let sentence = sentence.map_err(|source| CorpusError::Conllu {
                path: path.clone(),
                source,
            })?;
            out.push(sentence.words.into_iter().map(|w| w.form).collect());
        }
        note(relative, &out, before);
    }

    let dir = data(TRAINING_FILES[2])?;
    let io = |source| CorpusError::Io {
        path: dir.clone(),
        source,
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            paths.push(path);
        }
    }
    paths.sort();
    let before = out.len();
    for path in &paths {
        segment(&read(path)?, &mut out);
    }
    note(
        &format!("{} ({} articles)", TRAINING_FILES[2], paths.len()),
        &out,
        before,
    );

    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let before = out.len();
    let mut seen = HashSet::new();
    for line in read(&data(TRAINING_FILES[3])?)?.lines() {
        let text = line.split('\t').next().unwrap_or("");
        seen.insert(squash(text));
        segment(text, &mut out);
    }
    for block in read(&data(TRAINING_FILES[4])?)?.split("\n\n") {
        let words: Vec<String> = block
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .map(String::from)
            .collect();
        if !words.is_empty() && !seen.contains(&words.concat()) {
            out.push(words);
        }
    }
    note("events/conflibert-cameo/*train*", &out, before);
    Ok((out, parts.join(", ")))
}
