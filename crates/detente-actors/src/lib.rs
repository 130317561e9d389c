//! The actor stage: every actor mention of a document, with a CAMEO-style code and the
//! reason for it.
//!
//! [`ActorResolver::annotate`] reads a parsed document (tokens, `syntax`, `entities`) and
//! writes `Document::actors`. It works in two passes:
//!
//! 1. **Mentions** ([`mentions`]): every nominal head that is not part of a larger name gets a
//!    phrase (its compounds, adjectives, determiners and flat names, widened to whole lexicon
//!    names). The phrase is coded from the lexicon names inside it: a person's current role, an
//!    organisation, a country or capital — or, by *composition*, a country word plus a sector word
//!    or title ("the Russian foreign ministry" → RUS + GOV, "Burundian militiamen" → BDI + MIL,
//!    a possessor country: "Moscow's diplomats" → RUS + GOV). A country adjective on a word
//!    that is not an actor ("Western reprisals") is a mention of that country; on a place noun
//!    ("the Ukrainian border") it is not an actor at all.
//! 2. **Coreference** ([`coref`]): surnames after a full name, pronouns by recency, syntactic
//!    salience (subjects first) and agreement (person / organisation, number), and definite
//!    descriptions ("the minister", "the country", "the two", "the former foes"). Mentions inside
//!    quotation marks are not antecedents of pronouns outside them.
//!
//! Every mention records how it was resolved ([`detente_core::Resolution`]), so a user can see
//! why "he" became `USAGOV`.

mod coref;
mod mentions;
mod quotes;

use chrono::NaiveDate;
use detente_core::{ActorMention, Document};
use detente_lexicon::ActorLexicon;

/// Finds and codes the actor mentions of documents. Cheap to share between threads.
pub struct ActorResolver<'l> {
    lexicon: &'l ActorLexicon,
}

impl ActorResolver<'static> {
    /// A resolver over Detente's own lexicon, compiled into the binary.
    pub fn builtin() -> ActorResolver<'static> {
        ActorResolver { lexicon: ActorLexicon::builtin() }
    }
}

impl<'l> ActorResolver<'l> {
    /// A resolver over any lexicon (e.g. one imported from PETRARCH dictionaries).
    pub fn new(lexicon: &'l ActorLexicon) -> ActorResolver<'l> {
        ActorResolver { lexicon }
    }

    pub fn lexicon(&self) -> &'l ActorLexicon {
        self.lexicon
    }

    /// Fills `doc.actors`. The document must have sentences, tokens and its syntax layer;
    /// without syntax there is nothing to resolve and the layer stays empty.
    pub fn annotate(&self, doc: &mut Document) {
        doc.actors = self.resolve(doc);
    }

    /// The actor mentions of `doc` in text order (mentions of "the two" share a span).
    pub fn resolve(&self, doc: &Document) -> Vec<ActorMention> {
        if doc.syntax.len() != doc.tokens.len() || doc.tokens.is_empty() {
            return Vec::new();
        }
        let date = doc.meta.published;
        let in_quote = quotes::quotation_mask(doc);
        let mut found = mentions::find(self.lexicon, doc, date, &in_quote);
        let context = self.dateline_country(doc);
        coref::resolve(self.lexicon, doc, &mut found, context.as_ref());
        found.into_iter().map(|m| m.into_mention(doc, self.lexicon)).collect()
    }
}

impl ActorResolver<'_> {
    /// The country of the dateline's place ("CONAKRY" → GIN), when the lexicon knows it.
    fn dateline_country(&self, doc: &Document) -> Option<coref::Context> {
        let d = doc.dateline.as_ref()?;
        let country = self.lexicon.country_of_place(doc.slice(d.place))?;
        let code = country.default_code()?.to_string();
        Some(coref::Context { code, place: detente_core::TextSpan { text: doc.slice(d.place).to_string(), span: d.place } })
    }
}

/// Splits a CAMEO-style code into its country and sector parts with the lexicon's codes:
/// `USAGOV` → (`USA`, `GOV`); `IGOWSTNAT` → (none, `IGO`).
pub fn split_code(lexicon: &ActorLexicon, code: &str) -> (Option<String>, Option<String>) {
    let head = code.get(..3).unwrap_or(code);
    let rest = code.get(3..).unwrap_or("");
    let is_country = lexicon.by_code(head).is_some_and(|e| e.kind.is_place());
    let sector = |s: &str| {
        (0..s.len() / 3)
            .map(|i| &s[i * 3..i * 3 + 3])
            .find(|c| detente_lexicon::SECTOR_CODES.contains(c))
            .map(str::to_string)
    };
    if is_country {
        (Some(head.to_string()), sector(rest))
    } else {
        (None, sector(code))
    }
}

/// The date people's offices are resolved on: the publication date, else none (a person's
/// latest office, see `Entry::default_code`).
fn office_code<'a>(entry: &'a detente_lexicon::Entry, date: Option<NaiveDate>) -> Option<&'a str> {
    match date {
        Some(d) => entry.code_on(d),
        None => entry.default_code(),
    }
}
