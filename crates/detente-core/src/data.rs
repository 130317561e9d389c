//! Where the shared reference data lives (`DETENTE_DATA`).
//!
//! Training corpora, ontologies and the seed article are never copied into the
//! repository; they are read at run time from this directory.

use std::path::PathBuf;

/// The environment variable that overrides the data directory.
pub const DATA_ENV: &str = "DETENTE_DATA";

/// The shared data directory: `$DETENTE_DATA`, else `../shared/data` beside the
/// repository this binary was built from, else `../shared/data` from the
/// working directory.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(DATA_ENV) {
        return PathBuf::from(dir);
    }
    let beside_repo = repo_root().join("../shared/data");
    if beside_repo.is_dir() {
        return beside_repo;
    }
    PathBuf::from("../shared/data")
}

/// The repository root, as known at build time.
pub fn repo_root() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// A file under the data directory, or an error telling the user what to set.
pub fn data_file(relative: &str) -> Result<PathBuf, String> {
    let dir = data_dir();
    let path = dir.join(relative);
    if path.exists() {
        Ok(path)
    } else {
        Err(format!(
            "shared data file {} not found (data directory {}); set {DATA_ENV} to the directory holding \
             Detente's shared data (e.g. /work/shared/data)",
            path.display(),
            dir.display()
        ))
    }
}
