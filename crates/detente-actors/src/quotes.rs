//! Which tokens stand inside quotation marks: a pronoun outside a quotation never refers to
//! a name inside it ("X told reporters: “Y agreed …” He added …" — he is X).

use detente_core::Document;

/// `mask[i]` is true when token `i` is inside quotation marks (the marks themselves are not).
/// Marks pair up within a paragraph; a paragraph that ends inside a quotation closes it (news
/// style repeats the opening mark on the next paragraph).
pub(crate) fn quotation_mask(doc: &Document) -> Vec<bool> {
    let mut mask = vec![false; doc.tokens.len()];
    let mut paragraph = u32::MAX;
    let mut inside = false;
    for sentence in &doc.sentences {
        if sentence.paragraph != paragraph {
            paragraph = sentence.paragraph;
            inside = false;
        }
        for i in sentence.token_range() {
            // A closing mark with space before it and a word glued after it was typed for an
            // opening one (”Fear. I am afraid …”).
            let opens = (i == sentence.tokens.start as usize || doc.tokens[i - 1].space_after) && !doc.tokens[i].space_after;
            match doc.slice(doc.tokens[i].span) {
                "“" | "«" | "„" => inside = true,
                "”" if !inside && opens => inside = true,
                "”" | "»" => inside = false,
                "\"" | "''" | "``" => inside = !inside,
                _ => mask[i] = inside,
            }
        }
    }
    mask
}
