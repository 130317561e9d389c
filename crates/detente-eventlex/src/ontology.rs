//! The CAMEO ontology with Goldstein scores, QuadClass and the PLOVER crosswalk, and the
//! PLOVER event types with their modes.
//!
//! Both tables are our own files in `lexicon/events/` (generated from the shared data by
//! `examples/build_cameo_table.rs`), embedded in the binary so coding never depends on
//! `DETENTE_DATA` at run time.

use crate::error::{LexiconError, UnknownCode};
use std::collections::HashMap;
use std::sync::OnceLock;

const CAMEO_TSV: &str = include_str!("../../../lexicon/events/cameo.tsv");
const PLOVER_TSV: &str = include_str!("../../../lexicon/events/plover.tsv");

/// One CAMEO code and what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoInfo {
    /// With leading zeros: `"0871"`, `"154"`, `"02"`.
    pub code: String,
    /// The two-digit root: `"08"`.
    pub root: String,
    /// Short CAMEO title: "Declare truce, ceasefire".
    pub name: String,
    /// Goldstein conflict–cooperation score, −10 to +10.
    pub goldstein: f32,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// PLOVER event type from the CAMEO2PLOVER crosswalk; `None` for 01 and 02, which PLOVER dropped.
    pub plover_type: Option<String>,
    pub plover_mode: Option<String>,
}

impl CameoInfo {
    /// The code as the document model stores it.
    pub fn to_cameo(&self) -> detente_core::Cameo {
        detente_core::Cameo { code: self.code.clone(), root: self.root.clone(), name: self.name.clone() }
    }
}

/// The CAMEO codes and PLOVER types Detente codes with.
#[derive(Debug)]
pub struct Ontology {
    codes: Vec<CameoInfo>,
    by_code: HashMap<String, usize>,
    /// PLOVER types in codebook order, each with the modes the codebook lists.
    plover: Vec<(String, Vec<String>)>,
}

impl Ontology {
    /// The embedded ontology, parsed once.
    pub fn builtin() -> &'static Ontology {
        static BUILTIN: OnceLock<Ontology> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Ontology::parse(CAMEO_TSV, PLOVER_TSV).expect("embedded lexicon/events/cameo.tsv and plover.tsv are valid")
        })
    }

    /// Parses the two tables (`cameo.tsv`, `plover.tsv` formats).
    pub fn parse(cameo_tsv: &str, plover_tsv: &str) -> Result<Ontology, LexiconError> {
        let mut codes = Vec::new();
        let mut by_code = HashMap::new();
        for (n, line) in cameo_tsv.lines().enumerate() {
            if line.starts_with('#') || line.starts_with("code\t") || line.trim().is_empty() {
                continue;
            }
            let bad = |m: &str| LexiconError::line("cameo.tsv", n + 1, m);
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 6 {
                return Err(bad(
                    "expected 6 tab-separated columns: code name goldstein quad_class plover_type plover_mode",
                ));
            }
            let code = f[0];
            if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad(&format!("bad CAMEO code {code:?}")));
            }
            let goldstein = f[2].parse().map_err(|_| bad(&format!("bad Goldstein score {:?}", f[2])))?;
            let quad_class = match f[3].parse::<u8>() {
                Ok(q @ 1..=4) => q,
                _ => return Err(bad(&format!("bad QuadClass {:?} (1-4)", f[3]))),
            };
            let opt = |s: &str| (s != "-").then(|| s.to_string());
            if by_code.insert(code.to_string(), codes.len()).is_some() {
                return Err(bad(&format!("duplicate code {code}")));
            }
            codes.push(CameoInfo {
                code: code.to_string(),
                root: code[..2].to_string(),
                name: f[1].to_string(),
                goldstein,
                quad_class,
                plover_type: opt(f[4]),
                plover_mode: opt(f[5]),
            });
        }
        let mut plover = Vec::new();
        for (n, line) in plover_tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (event, modes) = line.split_once('\t').unwrap_or((line, ""));
            if event.is_empty() || !event.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(LexiconError::line("plover.tsv", n + 1, format!("bad PLOVER type {event:?}")));
            }
            plover.push((event.to_string(), modes.split_whitespace().map(str::to_string).collect()));
        }
        Ok(Ontology { codes, by_code, plover })
    }

    /// The entry of a code such as `"154"`, or `None` when CAMEO has no such code.
    pub fn cameo(&self, code: &str) -> Option<&CameoInfo> {
        self.by_code.get(code).map(|&i| &self.codes[i])
    }

    /// Like [`Ontology::cameo`], with an error that says what a valid code looks like.
    pub fn get(&self, code: &str) -> Result<&CameoInfo, UnknownCode> {
        self.cameo(code).ok_or_else(|| UnknownCode { code: code.to_string() })
    }

    pub fn is_valid(&self, code: &str) -> bool {
        self.by_code.contains_key(code)
    }

    /// Every code, in codebook order.
    pub fn codes(&self) -> &[CameoInfo] {
        &self.codes
    }

    /// The 16 PLOVER event types, in codebook order.
    pub fn plover_types(&self) -> impl Iterator<Item = &str> {
        self.plover.iter().map(|(t, _)| t.as_str())
    }

    pub fn is_plover_type(&self, event_type: &str) -> bool {
        self.plover.iter().any(|(t, _)| t == event_type)
    }

    /// Whether `mode` is a mode of `event_type`: listed in the PLOVER codebook, or used for
    /// that type by the CAMEO2PLOVER crosswalk.
    pub fn is_plover_mode(&self, event_type: &str, mode: &str) -> bool {
        self.plover.iter().any(|(t, modes)| t == event_type && modes.iter().any(|m| m == mode))
            || self
                .codes
                .iter()
                .any(|c| c.plover_type.as_deref() == Some(event_type) && c.plover_mode.as_deref() == Some(mode))
    }
}
