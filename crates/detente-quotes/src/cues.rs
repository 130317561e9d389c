//! The cue lexicon: which words introduce reported speech, and how.
//!
//! Cues are matched on the lowercased surface form as well as on the lemma, because the
//! quotation frame is where the tagger errs most ("Smith told reporters" after a closing
//! quotation mark is easily tagged as a noun compound); the form list makes a cue findable
//! whatever tag or lemma it received.

// foldhash, not SipHash: these tables are looked up for every token.
use foldhash::{HashMap, HashMapExt};

/// What a cue word takes as its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    /// A verb whose clausal complement is the content ("said that …", "…, he said").
    Speech,
    /// A verb whose infinitive complement is the content ("vowed to retaliate").
    Intent,
    /// A noun whose clause is the content ("her statement that …", "in a statement, …").
    Noun,
    /// A verb of stance whose object is the content ("X endorsed Y", "X accused Y of Z").
    Stance,
    /// A noun that is itself the source of what a clause reports ("in a new poll, X leads").
    Evidence,
}

/// The classes a word can have (a word like "vow" is both speech and intent).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CueClasses {
    pub speech: bool,
    pub intent: bool,
    pub noun: bool,
    pub stance: bool,
    pub evidence: bool,
}

impl CueClasses {
    fn add(&mut self, class: CueClass) {
        match class {
            CueClass::Speech => self.speech = true,
            CueClass::Intent => self.intent = true,
            CueClass::Noun => self.noun = true,
            CueClass::Stance => self.stance = true,
            CueClass::Evidence => self.evidence = true,
        }
    }

    pub fn is_verb(self) -> bool {
        self.speech || self.intent || self.stance
    }
}

/// Cue words by lemma and by lowercased form.
pub struct CueLexicon {
    /// Verb cues by every form, the lemma included.
    verbs: HashMap<String, CueClasses>,
    /// Verb cues by lemma only, so that a lemma matches no other verb's form ("found" as the
    /// lemma of "founded" is not the past of "find").
    verb_lemmas: HashMap<String, CueClasses>,
    nouns: HashMap<String, CueClasses>,
}

const BUILTIN: &str = include_str!("cues.tsv");

impl CueLexicon {
    /// The lexicon shipped with the crate (`src/cues.tsv`).
    pub fn builtin() -> CueLexicon {
        CueLexicon::parse(BUILTIN).expect("the built-in cue lexicon is valid")
    }

    /// Reads the lexicon format of `cues.tsv`; errors name the line.
    pub fn parse(source: &str) -> Result<CueLexicon, String> {
        let mut lexicon = CueLexicon {
            verbs: HashMap::new(),
            verb_lemmas: HashMap::new(),
            nouns: HashMap::new(),
        };
        for (number, line) in source.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut columns = line.split('\t');
            let (class, lemma) = match (columns.next(), columns.next()) {
                (Some(c), Some(l)) if !l.is_empty() => (c, l),
                _ => {
                    return Err(format!(
                        "cue lexicon line {}: expected `class<TAB>lemma[<TAB>forms]`",
                        number + 1
                    ))
                }
            };
            let class = match class {
                "speech" => CueClass::Speech,
                "intent" => CueClass::Intent,
                "noun" => CueClass::Noun,
                "stance" => CueClass::Stance,
                "evidence" => CueClass::Evidence,
                other => {
                    return Err(format!(
                        "cue lexicon line {}: unknown class `{other}`",
                        number + 1
                    ))
                }
            };
            let extra: Vec<&str> = columns
                .next()
                .map(|f| f.split(' ').filter(|s| !s.is_empty()).collect())
                .unwrap_or_default();
            let nominal = matches!(class, CueClass::Noun | CueClass::Evidence);
            if !nominal {
                lexicon
                    .verb_lemmas
                    .entry(lemma.to_string())
                    .or_default()
                    .add(class);
            }
            let table = if nominal {
                &mut lexicon.nouns
            } else {
                &mut lexicon.verbs
            };
            let mut forms = vec![lemma.to_string()];
            forms.extend(extra.iter().map(|s| s.to_string()));
            if nominal {
                forms.push(format!("{lemma}s"));
            } else if extra.is_empty() {
                forms.extend(regular_forms(lemma));
            }
            for form in forms {
                table.entry(form).or_default().add(class);
            }
        }
        Ok(lexicon)
    }

    /// The verb classes of a word given its lowercased form and lemma.
    pub fn verb(&self, form: &str, lemma: &str) -> CueClasses {
        let by_form = self.verbs.get(form).copied().unwrap_or_default();
        let by_lemma = self.verb_lemmas.get(lemma).copied().unwrap_or_default();
        CueClasses {
            speech: by_form.speech || by_lemma.speech,
            intent: by_form.intent || by_lemma.intent,
            noun: false,
            stance: by_form.stance || by_lemma.stance,
            evidence: false,
        }
    }

    /// Whether a word (lowercased form or lemma) is a cue noun.
    pub fn is_noun(&self, form: &str, lemma: &str) -> bool {
        self.nouns.contains_key(form) || self.nouns.contains_key(lemma)
    }

    /// Whether a word (lowercased form or lemma) is a noun of evidence such as "poll".
    pub fn is_evidence(&self, form: &str, lemma: &str) -> bool {
        [form, lemma]
            .iter()
            .any(|w| self.nouns.get(*w).is_some_and(|c| c.evidence))
    }
}

/// -s, -ed and -ing forms of a regular verb: "warn" → warns, warned, warning;
/// "note" → notes, noted, noting; "deny" → denies, denied, denying.
fn regular_forms(lemma: &str) -> Vec<String> {
    if let Some(stem) = lemma
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        return vec![
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{lemma}ing"),
        ];
    }
    if let Some(stem) = lemma.strip_suffix('e') {
        return vec![
            format!("{lemma}s"),
            format!("{lemma}d"),
            format!("{stem}ing"),
        ];
    }
    let s = if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("sh") || lemma.ends_with("ch") {
        "es"
    } else {
        "s"
    };
    vec![
        format!("{lemma}{s}"),
        format!("{lemma}ed"),
        format!("{lemma}ing"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_forms_follow_spelling_rules() {
        assert_eq!(regular_forms("note"), ["notes", "noted", "noting"]);
        assert_eq!(regular_forms("deny"), ["denies", "denied", "denying"]);
        assert_eq!(
            regular_forms("stress"),
            ["stresses", "stressed", "stressing"]
        );
        assert_eq!(regular_forms("warn"), ["warns", "warned", "warning"]);
    }

    #[test]
    fn builtin_lexicon_knows_forms_and_classes() {
        let lexicon = CueLexicon::builtin();
        assert!(lexicon.verb("told", "told").speech);
        assert!(lexicon.verb("vowed", "vow").intent);
        assert!(!lexicon.verb("walked", "walk").is_verb());
        // A lemma is looked up among lemmas, not among the forms of other verbs.
        assert!(lexicon.verb("found", "find").is_verb());
        assert!(!lexicon.verb("founded", "found").is_verb());
        assert!(lexicon.verb("endorsed", "endorse").stance);
        assert!(lexicon.is_noun("statements", "statement"));
        assert!(lexicon.is_evidence("polls", "poll"));
        assert!(!lexicon.is_evidence("statement", "statement"));
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let err = CueLexicon::parse("speech\tsay\nverb\tgo\n").err().unwrap();
        assert!(err.contains("line 2"), "{err}");
    }
}
