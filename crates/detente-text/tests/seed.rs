//! The seed article (shared data, seed/000_b3abc5c9218013e2.txt): a wire story
//! with a headline line, one sentence per paragraph, curly quotes and
//! apostrophes. Only the words needed for the assertions are quoted here.

use detente_core::data::data_file;
use detente_text::{Segmentation, Segmenter};

const SEED: &str = "seed/000_b3abc5c9218013e2.txt";

fn load() -> (String, Segmentation) {
    let path = data_file(SEED).unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let seg = Segmenter::new().segment(&text);
    (text, seg)
}

/// The tokens of each sentence, as strings.
fn sentence_tokens<'a>(text: &'a str, seg: &Segmentation) -> Vec<Vec<&'a str>> {
    seg.sentences.iter().map(|s| seg.tokens[s.token_range()].iter().map(|t| t.span.slice(text)).collect()).collect()
}

/// Whether `first` and `second` occur as consecutive tokens, with `joined` on the first as given.
fn has_pair(text: &str, seg: &Segmentation, first: &str, second: &str, joined: bool) -> bool {
    seg.tokens
        .windows(2)
        .any(|w| w[0].span.slice(text) == first && w[1].span.slice(text) == second && w[0].joined == joined)
}

#[test]
fn headline_is_its_own_sentence() {
    let (text, seg) = load();
    assert!(seg.dateline.is_none());
    let title = text.lines().next().unwrap();
    assert!(title.starts_with("America, Russia agreed") && title.ends_with("over Ukraine"));
    let first = &seg.sentences[0];
    assert_eq!(first.span.slice(&text), title);
    assert_eq!(first.paragraph, 0);
    assert_eq!(sentence_tokens(&text, &seg)[0].last(), Some(&"Ukraine"));
}

#[test]
fn one_sentence_per_paragraph() {
    let (text, seg) = load();
    // The headline and fifteen body paragraphs of one sentence each.
    assert_eq!(seg.sentences.len(), 16);
    let paragraphs: Vec<u32> = seg.sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(paragraphs, (0..16).collect::<Vec<u32>>());
    for (n, sent) in sentence_tokens(&text, &seg).iter().enumerate().skip(1) {
        let last = *sent.last().unwrap();
        assert!(last == "." || last == "”", "sentence {n} ends with {last:?}");
    }
}

#[test]
fn quotation_marks_stay_with_their_sentence() {
    let (text, seg) = load();
    let sentences = sentence_tokens(&text, &seg);
    let mut quoting = 0;
    for (n, sent) in sentences.iter().enumerate() {
        let mut depth = 0i32;
        for &tok in sent {
            match tok {
                "“" => depth += 1,
                "”" => depth -= 1,
                _ => {}
            }
            assert!(depth >= 0, "sentence {n} closes a quotation it did not open");
        }
        assert_eq!(depth, 0, "sentence {n} leaves a quotation open");
        quoting += usize::from(sent.contains(&"“"));
    }
    // Five full quotations and the partial ones ("frank", "premature", ...).
    assert_eq!(quoting, 10);

    // A quotation followed by its attribution is one sentence ending with the
    // attribution, the closing mark after the comma.
    let ends = |tail: &[&str]| sentences.iter().filter(|s| s.ends_with(tail) && s[0] == "“").count();
    assert_eq!(ends(&[",", "”", "he", "added", "."]), 1);
    assert_eq!(ends(&[",", "”", "Blinken", "told", "reporters", "."]), 1);
    assert_eq!(ends(&[",", "”", "Blinken", "said", "."]), 1);
    assert_eq!(ends(&[",", "”", "she", "said", "."]), 1);
    // A quotation introduced by a colon keeps its closing mark after the full stop.
    assert_eq!(sentences.iter().filter(|s| s.ends_with(&["decrease", ".", "”"]) && s.contains(&":")).count(), 1);
    // A partial quotation ending the sentence.
    assert_eq!(sentences.iter().filter(|s| s.ends_with(&["“", "our", "allies", "”", "."])).count(), 1);
}

#[test]
fn curly_apostrophes_split_as_ud_does() {
    let (text, seg) = load();
    assert!(has_pair(&text, &seg, "did", "n’t", true), "didn’t → did n’t");
    assert!(has_pair(&text, &seg, "we", "’re", true), "we’re → we ’re");
    assert!(has_pair(&text, &seg, "Moscow", "’s", true), "Moscow’s → Moscow ’s");
    assert!(has_pair(&text, &seg, "other", "’s", true), "other’s → other ’s");
    // No token keeps an apostrophe glued to a word.
    let forms: Vec<&str> = seg.tokens.iter().map(|t| t.span.slice(&text)).collect();
    let with_apostrophe: Vec<&str> = forms.into_iter().filter(|f| f.contains('’')).collect();
    assert!(with_apostrophe.iter().all(|f| ["’s", "’re", "n’t"].contains(f)), "{with_apostrophe:?}");
}

#[test]
fn words_and_numbers() {
    let (text, seg) = load();
    let forms: Vec<&str> = seg.tokens.iter().map(|t| t.span.slice(&text)).collect();
    assert!(has_pair(&text, &seg, "90", "minutes", false), "90 minutes are two tokens");
    assert!(forms.contains(&"pro-Western"));
    assert!(has_pair(&text, &seg, "high", "-", false) && has_pair(&text, &seg, "-", "stakes", false));
    assert_eq!(forms.iter().filter(|&&f| f == "US").count(), 2);
    assert!(!forms.iter().any(|f| f.starts_with("US") && f.len() > 2));
    assert!(has_pair(&text, &seg, "(", "and", false) && has_pair(&text, &seg, "and", ")", false));
}
