//! The default training text: needs the shared data (`DETENTE_DATA`).

#[test]
fn the_training_text_is_every_training_split_and_nothing_else() {
    let (text, source) = detente_clusters::training_text()
        .unwrap_or_else(|e| panic!("set DETENTE_DATA to the shared data directory: {e}"));
    let tokens: usize = text.iter().map(Vec::len).sum();
    assert!(
        (1_000_000..1_300_000).contains(&tokens),
        "{tokens} tokens from {source}"
    );
    for part in [
        "en_ewt-ud-train.conllu (12544 sentences)",
        "en_gum-ud-train.conllu",
        "polnear/train/text (840 articles)",
        "conflibert-cameo/*train*",
    ] {
        assert!(source.contains(part), "{part} missing from {source}");
    }
    assert!(
        !source.contains("dev") && !source.contains("test"),
        "{source}"
    );
    // EWT's first training sentence, as its word forms.
    assert_eq!(text[0][..4], ["Al", "-", "Zaman", ":"].map(String::from));
}
