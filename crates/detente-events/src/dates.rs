//! Event dates from the publication date and the time expressions governed by the trigger:
//! "on Friday" (the last Friday on or before publication), "yesterday", "last June",
//! "next week", "in March", "last year", "in 2018", "from 1998 to 2000".

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use detente_core::{DatePrecision, SentenceTree};

/// A resolved time expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct When {
    pub date: NaiveDate,
    pub precision: DatePrecision,
    /// The expression points after publication ("next week", "tomorrow").
    pub future: bool,
}

const MONTHS: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// "Tuesday", "March": a day or month name, never a participant or a place.
pub(crate) fn names_a_day_or_month(tree: &SentenceTree, t: u32) -> bool {
    let word = tree.word(t).to_lowercase();
    weekday(&word).is_some() || month(&word).is_some()
}

fn month(word: &str) -> Option<u32> {
    // Full names only; "may" is decided by its tag at the call site.
    MONTHS.iter().position(|m| *m == word && word != "may").map(|i| i as u32 + 1)
}

/// The time expression among the dependents of `heads` (the trigger and the verbs its clause
/// hangs from), resolved against `published`.
pub(crate) fn event_date(tree: &SentenceTree, heads: &[u32], published: NaiveDate) -> Option<When> {
    for &h in heads {
        // The clause's own time expressions, then those hanging off its objects ("promised a
        // response next week").
        let own: Vec<u32> = tree.children(h).to_vec();
        let mut nested = Vec::new();
        let mut frontier: Vec<u32> = own.iter().copied().filter(|&c| matches!(tree.base_rel(c), "obj" | "obl")).collect();
        for _ in 0..3 {
            let next: Vec<u32> = frontier
                .iter()
                .flat_map(|&c| tree.children(c).iter().copied())
                .filter(|&c| matches!(tree.base_rel(c), "nmod" | "obl"))
                .collect();
            nested.extend_from_slice(&next);
            frontier = next;
        }
        for c in own.iter().copied().chain(nested) {
            if !matches!(tree.base_rel(c), "obl" | "nmod" | "advmod" | "obj" | "npmod") {
                continue;
            }
            if let Some(w) = resolve_phrase(tree, c, published) {
                return Some(w);
            }
        }
    }
    None
}

/// A nominal such as "Friday", "last June", "next week", "two days ago", or "yesterday".
fn resolve_phrase(tree: &SentenceTree, head: u32, published: NaiveDate) -> Option<When> {
    let word = tree.word(head).to_lowercase();
    let modifier = |w: &[&str]| {
        tree.children(head).iter().any(|&c| w.contains(&tree.word(c).to_lowercase().as_str()))
    };
    let day = |date| Some(When { date, precision: DatePrecision::Day, future: date > published });
    match word.as_str() {
        "today" | "tonight" => return day(published),
        "yesterday" => return day(published - Duration::days(1)),
        "tomorrow" => return day(published + Duration::days(1)),
        _ => {}
    }
    if let Some(wd) = weekday(&word) {
        let back = (7 + published.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64) % 7;
        let date = if modifier(&["next", "coming"]) {
            published + Duration::days(if back == 0 { 7 } else { 7 - back })
        } else {
            published - Duration::days(back)
        };
        return day(date);
    }
    let month_number = month(&word).or_else(|| (word == "may" && tree.upos(head) == "PROPN").then_some(5));
    if let Some(m) = month_number {
        let explicit = tree.children(head).iter().find_map(|&c| tree.word(c).parse::<i32>().ok().filter(|y| (1900..2200).contains(y)));
        let (this, pm) = (published.year(), published.month());
        let year = match explicit {
            Some(y) => y,
            // "next March": the first March after publication.
            None if modifier(&["next", "coming"]) => if m > pm { this } else { this + 1 },
            // "last June", "in June": the most recent June, this month counting unless "last".
            None if m < pm || (m == pm && !modifier(&["last", "past"])) => this,
            None => this - 1,
        };
        let date = NaiveDate::from_ymd_opt(year, m, 1)?;
        return Some(When { date, precision: DatePrecision::Month, future: date > published });
    }
    let next = modifier(&["next", "coming"]);
    let last = modifier(&["last", "past", "previous"]);
    if next || last {
        let sign = if next { 1 } else { -1 };
        let (date, precision) = match word.as_str() {
            "week" => (published + Duration::days(7 * sign), DatePrecision::Day),
            "month" => (shift_months(published, sign as i32)?, DatePrecision::Month),
            "year" => (NaiveDate::from_ymd_opt(published.year() + sign as i32, 1, 1)?, DatePrecision::Year),
            _ => return None,
        };
        return Some(When { date, precision, future: next });
    }
    if let Ok(y) = word.parse::<i32>() {
        // "in 2018", "from 1998 to 2000", "between 2014 and 2016"; not "since 2018", which runs
        // up to publication.
        if (1900..2200).contains(&y) && matches!(tree.case_marker(head).as_deref(), Some("in" | "from" | "between" | "during")) {
            let date = NaiveDate::from_ymd_opt(y, 1, 1)?;
            return Some(When { date, precision: DatePrecision::Year, future: y > published.year() });
        }
    }
    None
}

fn shift_months(d: NaiveDate, by: i32) -> Option<NaiveDate> {
    let total = d.year() * 12 + d.month0() as i32 + by;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
}

/// The event happened well before publication: an earlier month or year, or more than a week.
pub(crate) fn is_historical(when: &When, published: NaiveDate) -> bool {
    match when.precision {
        DatePrecision::Day => published - when.date > Duration::days(7),
        DatePrecision::Month => (when.date.year(), when.date.month()) < (published.year(), published.month()),
        DatePrecision::Year => when.date.year() < published.year(),
    }
}
