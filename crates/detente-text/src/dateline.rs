//! News datelines: "GENEVA (AFP) —", "KYIV, March 3 (Reuters) -", "BRUSSELS —".

use detente_core::{Dateline, Span};

/// Longest dateline we look for, in bytes; real ones are far shorter.
const MAX_DATELINE: usize = 100;
const DASHES: &[&str] = &["—", "–", "--", "-"];

/// Recognises a dateline at `start`: the story's first line, or the line after its headline.
pub fn detect(text: &str, start: usize) -> Option<Dateline> {
    let line = &text[start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let window = &line[..floor_boundary(line, MAX_DATELINE)];
    // The first dash surrounded by (or followed by) a space.
    let (dash_at, dash) = DASHES
        .iter()
        .filter_map(|d| find_spaced_dash(window, d).map(|i| (i, *d)))
        .min_by_key(|&(i, _)| i)?;
    let head = window[..dash_at].trim_end();
    let place_len = head
        .char_indices()
        .find(|&(_, c)| !(c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-')))
        .map_or(head.len(), |(i, _)| i);
    let place = head[..place_len].trim_end();
    if place.chars().filter(|c| c.is_uppercase()).count() < 2 || place.ends_with(['-', '.']) && place.len() < 3 {
        return None;
    }
    // The story starts after the dash: "NATO — the alliance at 75" is a headline.
    let story = line[dash_at + dash.len()..].trim_start();
    if story.starts_with(char::is_lowercase) {
        return None;
    }
    let rest = head[place_len..].trim_start();
    // After a comma come capitalised words and numbers ("KYIV, March 3",
    // "SPRINGFIELD, Ill.", "GOMA, Democratic Republic of Congo"), not a headline's words ("US,
    // EU agree on sanctions").
    let before_agency = &rest[..rest.find('(').unwrap_or(rest.len())];
    let name_word = |w: &str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || matches!(w, "of" | "and" | "the");
    if before_agency.strip_prefix(',').is_some_and(|s| s.split_whitespace().any(|w| !name_word(w))) {
        return None;
    }
    let agency = if rest.is_empty() {
        None
    } else {
        let ok_start = rest.starts_with(',') || rest.starts_with('(');
        if !ok_start || rest.len() > 60 {
            return None;
        }
        match (rest.rfind('('), rest.ends_with(')')) {
            (Some(open), true) => {
                let inner_start = start + place_len + (head[place_len..].len() - rest.len()) + open + 1;
                Some(Span::new(inner_start, start + head.len() - 1))
            }
            (None, _) if rest.starts_with(',') && !rest.contains(['(', ')']) => None,
            _ => return None,
        }
    };
    let end = start + dash_at + dash.len();
    Some(Dateline { span: Span::new(start, end), place: Span::new(start, start + place.len()), agency })
}

fn find_spaced_dash(s: &str, dash: &str) -> Option<usize> {
    s.match_indices(dash).map(|(i, _)| i).find(|&i| {
        let before = s[..i].chars().next_back();
        let after = s[i + dash.len()..].chars().next();
        before.is_some_and(char::is_whitespace) && after.is_none_or(|c| c.is_whitespace() || dash != "-")
            || (dash != "-" && before.is_some_and(|c| c == ')'))
    })
}

fn floor_boundary(s: &str, max: usize) -> usize {
    let mut i = max.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place_and_agency(text: &str) -> Option<(String, Option<String>, String)> {
        detect(text, 0).map(|d| {
            (
                d.place.slice(text).to_string(),
                d.agency.map(|a| a.slice(text).to_string()),
                d.span.slice(text).to_string(),
            )
        })
    }

    #[test]
    fn recognises_datelines() {
        assert_eq!(
            place_and_agency("GENEVA (AFP) — Talks resumed on Monday."),
            Some(("GENEVA".into(), Some("AFP".into()), "GENEVA (AFP) —".into()))
        );
        assert_eq!(
            place_and_agency("KYIV, March 3 (Detente Wire) - Sirens sounded."),
            Some(("KYIV".into(), Some("Detente Wire".into()), "KYIV, March 3 (Detente Wire) -".into()))
        );
        assert_eq!(place_and_agency("NEW YORK — The council met."), Some(("NEW YORK".into(), None, "NEW YORK —".into())));
        assert_eq!(
            place_and_agency("GOMA, Democratic Republic of Congo — Rebels entered the city."),
            Some(("GOMA".into(), None, "GOMA, Democratic Republic of Congo —".into()))
        );
        assert_eq!(place_and_agency("Iran, US and the EU agree — Officials"), None);
        assert_eq!(place_and_agency("The president — who spoke late — left."), None);
        assert_eq!(place_and_agency("US-Russia talks — a timeline"), None);
        assert_eq!(place_and_agency("No dash here at all."), None);
        assert_eq!(place_and_agency("US, EU agree on sanctions — Officials"), None);
        assert_eq!(place_and_agency("NATO — the alliance at 75"), None);
        assert_eq!(
            place_and_agency("SPRINGFIELD, Ill., Jan. 5 (AP) — Lawmakers met."),
            Some(("SPRINGFIELD".into(), Some("AP".into()), "SPRINGFIELD, Ill., Jan. 5 (AP) —".into()))
        );
    }
}
