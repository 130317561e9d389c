use std::fmt;
use std::path::PathBuf;

/// What is wrong with a line of a lexicon or dictionary file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// Missing or unknown header line of a TSV table.
    Header,
    /// A row with the wrong number of tab-separated columns.
    ColumnCount,
    /// A malformed or unknown CAMEO code.
    BadCode,
    /// A malformed date, or a range that ends before it starts.
    BadDate,
    /// Any other malformed cell (unknown kind, empty required cell, …).
    BadValue,
    /// An entry, name or role defined twice.
    Duplicate,
    /// A PETRARCH dictionary line that cannot be read.
    Syntax,
}

/// One error or warning, always naming the file and the 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub kind: ProblemKind,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Why a lexicon could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("cannot read {}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    /// Every problem found, in file order (loading does not stop at the first one).
    #[error("{}", list(.0))]
    Invalid(Vec<Problem>),
}

impl LexiconError {
    /// The problems behind an [`LexiconError::Invalid`] (empty for I/O errors).
    pub fn problems(&self) -> &[Problem] {
        match self {
            LexiconError::Invalid(p) => p,
            LexiconError::Io { .. } => &[],
        }
    }
}

fn list(problems: &[Problem]) -> String {
    let mut s = format!("{} error(s) in the actor lexicon:", problems.len());
    for p in problems.iter().take(50) {
        s.push_str("\n  ");
        s.push_str(&p.to_string());
    }
    if problems.len() > 50 {
        s.push_str(&format!("\n  … and {} more", problems.len() - 50));
    }
    s
}
