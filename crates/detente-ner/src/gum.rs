//! Named entities from GUM's entity layer, made to look like UniversalNER.
//!
//! GUM brackets every mention in MISC (`Entity=(12-person-new-...`, closed
//! by `12)`), pronouns and common nouns included, with spans that take in
//! determiners, modifiers and appositions ("the University of Portsmouth,
//! United Kingdom"), and nests mentions. UniversalNER marks only names, as
//! their bare name, outermost name only. So a GUM mention becomes an entity
//! when:
//!
//! 1. its type is person → PER, organization → ORG, place → LOC (GUM's other
//!    types — event, object, abstract, time, … — are not UNER types);
//! 2. its *head* (the word of the mention whose syntactic head lies outside
//!    it) is a proper noun: UPOS PROPN or XPOS NNP/NNPS (UD tags the "New"
//!    of "New York" and the "United" of "United States" ADJ and VERB, but
//!    NNP). This is what separates "Obama" from "he" and "the president".
//!    A common-noun head counts through a proper noun that is its `flat` or
//!    `appos` dependent ("musician Tiziano Lugli", GUM's analysis of a
//!    description before a name);
//! 3. the entity is the run of proper nouns around the head, joined across
//!    name-internal words ("of", "the", "de", "&", hyphens) only when a
//!    proper noun follows inside the mention: "University of Portsmouth",
//!    "Claire Bailey - Ross", but not "the", nor ", United Kingdom";
//! 4. a person loses leading titles ("President", "Mr.", "Dr."): UNER
//!    leaves them out; a person that is a single plural proper noun
//!    ("Americans") is a group, not a name, and is dropped;
//! 5. an entity inside another entity is dropped (UNER does not nest), as is
//!    one overlapping a longer one.

use crate::{EntitySpan, EntityType, NerSentence};
use detente_conllu::{ConlluSentence, Word};

/// A mention read from the brackets: words `start..end`, GUM type.
struct Mention {
    start: usize,
    end: usize,
    etype: String,
}

/// The UNER-like entities of GUM sentences (words and gold UPOS/XPOS kept,
/// so the result can train directly). See the module documentation.
pub fn gum_entities(sentences: &[ConlluSentence]) -> Vec<NerSentence> {
    sentences
        .iter()
        .map(|s| {
            let mut entities: Vec<EntitySpan> = mentions(&s.words)
                .iter()
                .filter_map(|m| named_span(&s.words, m))
                .collect();
            // Longest first, then by position: an entity survives only if it
            // overlaps nothing kept before it.
            entities.sort_by_key(|e| (std::cmp::Reverse(e.end - e.start), e.start));
            let mut kept: Vec<EntitySpan> = Vec::new();
            for e in entities {
                if kept.iter().all(|k| e.end <= k.start || k.end <= e.start) {
                    kept.push(e);
                }
            }
            kept.sort();
            NerSentence {
                words: s.words.iter().map(|w| w.form.clone()).collect(),
                upos: s.words.iter().map(|w| w.upos.clone()).collect(),
                xpos: s.words.iter().map(|w| w.xpos.clone()).collect(),
                entities: kept,
                newdoc: s.newdoc.is_some(),
            }
        })
        .collect()
}

/// The mentions bracketed in the words' `Entity=` MISC values. Brackets
/// left open at the sentence end (GUM closes every mention within its
/// sentence) are ignored.
fn mentions(words: &[Word]) -> Vec<Mention> {
    let mut open: Vec<(String, usize, String)> = Vec::new(); // (id, start, type)
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some(value) = w.misc_get("Entity") else {
            continue;
        };
        let mut rest = value;
        while !rest.is_empty() {
            if let Some(body) = rest.strip_prefix('(') {
                // "(id-type-…" up to the next bracket; a ')' right after the
                // attributes closes a one-word mention.
                let end = body.find(['(', ')']).unwrap_or(body.len());
                let mut attrs = body[..end].split('-');
                let id = attrs.next().unwrap_or_default().to_string();
                let etype = attrs.next().unwrap_or_default().to_string();
                if body[end..].starts_with(')') {
                    out.push(Mention {
                        start: i,
                        end: i + 1,
                        etype,
                    });
                    rest = &body[end + 1..];
                } else {
                    open.push((id, i, etype));
                    rest = &body[end..];
                }
            } else {
                let end = rest.find(')').unwrap_or(rest.len());
                let id = &rest[..end];
                if let Some(k) = open.iter().rposition(|(open_id, _, _)| open_id == id) {
                    let (_, start, etype) = open.remove(k);
                    out.push(Mention {
                        start,
                        end: i + 1,
                        etype,
                    });
                }
                rest = rest.get(end + 1..).unwrap_or("");
            }
        }
    }
    out
}

/// Words that may sit inside a name between proper nouns.
fn name_internal(form: &str) -> bool {
    matches!(
        form,
        "of" | "the"
            | "The"
            | "de"
            | "da"
            | "del"
            | "du"
            | "von"
            | "van"
            | "and"
            | "&"
            | "-"
            | "."
            | "al"
    )
}

/// The entity a mention stands for, if it is a named one (see the module
/// documentation).
fn named_span(words: &[Word], m: &Mention) -> Option<EntitySpan> {
    let label = match m.etype.as_str() {
        "person" => EntityType::Per,
        "organization" => EntityType::Org,
        "place" => EntityType::Loc,
        _ => return None,
    };
    let inside =
        |head: Option<u32>| head.is_some_and(|h| h as usize > m.start && h as usize <= m.end);
    let head = (m.start..m.end).find(|&k| !inside(words[k].head))?;
    let propn =
        |k: usize| words[k].upos == "PROPN" || matches!(words[k].xpos.as_str(), "NNP" | "NNPS");
    // A common-noun head may carry the name as a flat or appositive
    // dependent: "musician Tiziano Lugli", "the city, Oslo".
    let head = if propn(head) {
        head
    } else {
        (m.start..m.end).find(|&k| {
            propn(k)
                && words[k].head == Some(head as u32 + 1)
                && matches!(words[k].deprel.as_str(), "flat" | "appos")
        })?
    };
    let mut start = head;
    while start > m.start {
        if propn(start - 1) {
            start -= 1;
        } else if start - 1 > m.start && name_internal(&words[start - 1].form) && propn(start - 2) {
            start -= 2;
        } else {
            break;
        }
    }
    let mut end = head + 1;
    while end < m.end {
        if propn(end) {
            end += 1;
        } else if end + 1 < m.end && name_internal(&words[end].form) && propn(end + 1) {
            end += 2;
        } else {
            break;
        }
    }
    if label == EntityType::Per {
        while start < end && is_title(&words[start].form) {
            start += 1;
        }
        if start == end || (end == start + 1 && words[start].xpos == "NNPS") {
            return None;
        }
    }
    Some(EntitySpan { start, end, label })
}

/// Titles and honorifics that UNER keeps out of a person's name.
fn is_title(form: &str) -> bool {
    matches!(
        form,
        "President"
            | "Vice"
            | "Mr."
            | "Mr"
            | "Mrs."
            | "Mrs"
            | "Ms."
            | "Ms"
            | "Dr."
            | "Dr"
            | "Prof."
            | "Professor"
            | "Sir"
            | "Dame"
            | "Lord"
            | "Lady"
            | "King"
            | "Queen"
            | "Prince"
            | "Princess"
            | "Pope"
            | "General"
            | "Gen."
            | "Colonel"
            | "Col."
            | "Captain"
            | "Capt."
            | "Lieutenant"
            | "Sergeant"
            | "Senator"
            | "Sen."
            | "Governor"
            | "Gov."
            | "Secretary"
            | "Minister"
            | "Prime"
            | "Chancellor"
            | "Judge"
            | "Justice"
            | "Rev."
            | "Reverend"
            | "Father"
            | "Sister"
            | "Brother"
            | "Uncle"
            | "Aunt"
            | "Mayor"
            | "Ambassador"
            | "Bishop"
            | "Cardinal"
            | "Archbishop"
            | "Emperor"
            | "Empress"
            | "Chairman"
            | "Officer"
            | "Detective"
            | "Coach"
            | "Agent"
            | "Representative"
            | "Rep."
            | "Congressman"
            | "Congresswoman"
    )
}
