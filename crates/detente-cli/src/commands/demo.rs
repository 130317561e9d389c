//! `detente demo`: every stage that exists, on the bundled demo corpus.

use anyhow::{bail, Result};
use detente_core::{data::repo_root, Document};
use detente_input::{read_inputs, InputOptions};
use detente_pipeline::{default_models_dir, Pipeline};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Run every stage on the bundled demo corpus and print what each found:
/// sentences and tokens, syntax, entities, actors, events and quotations.
///
/// The corpus (corpus/demo/articles.jsonl) is news-style text written for
/// Detente; pass --corpus to run on your own files instead.
#[derive(clap::Args)]
pub struct Args {
    /// Corpus to run on (files or directories); defaults to the bundled demo corpus.
    #[arg(long, value_name = "PATH")]
    corpus: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let corpus = args.corpus.unwrap_or_else(|| repo_root().join("corpus/demo"));
    let started = Instant::now();
    let pipeline = Pipeline::with_models(&default_models_dir())?;
    let loaded = started.elapsed();
    let started = Instant::now();
    let mut docs: Vec<Document> = Vec::new();
    for item in read_inputs(&[&corpus], &InputOptions::default()) {
        let mut doc = item?;
        pipeline.run(&mut doc);
        docs.push(doc);
    }
    if docs.is_empty() {
        bail!("no documents in {}", corpus.display());
    }
    let elapsed = started.elapsed();

    println!("Detente demo on {} ({} documents)\n", corpus.display(), docs.len());
    println!("Stage 1 — segmentation: sentences and UD tokens with byte offsets\n");
    println!("{:<10} {:<10} {:>9} {:>7}  {:<24} title", "id", "date", "sentences", "tokens", "dateline");
    for doc in &docs {
        let date = doc.meta.published.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
        let dateline = doc.dateline.as_ref().map_or("-", |d| doc.slice(d.span));
        println!(
            "{:<10} {:<10} {:>9} {:>7}  {:<24} {}",
            doc.id,
            date,
            doc.sentences.len(),
            doc.tokens.len(),
            truncate(dateline, 24),
            truncate(doc.meta.title.as_deref().unwrap_or(""), 60)
        );
    }
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    println!(
        "\nTotal: {} documents, {sentences} sentences, {tokens} tokens in {:.1} ms (models loaded in {:.1} ms)\n",
        docs.len(),
        elapsed.as_secs_f64() * 1e3,
        loaded.as_secs_f64() * 1e3
    );

    let sample = docs.iter().find(|d| d.dateline.is_some()).unwrap_or(&docs[0]);
    println!("Sample: the first sentences of {} (tokens separated by │; ‿ joins the parts of one word)", sample.id);
    for sentence in sample.sentences.iter().take(3) {
        let rendered: Vec<String> = sample
            .sentence_tokens(sentence)
            .iter()
            .map(|t| format!("{}{}", sample.slice(t.span), if t.joined { "‿" } else { "" }))
            .collect();
        println!("  [{:>5}..{:<5}] {}", sentence.span.start, sentence.span.end, rendered.join(" │ ").replace("‿ │ ", "‿"));
    }

    println!("\nStage 2 — syntax: tags, lemmas and dependencies of sentence 2 of {}\n", sample.id);
    if let Some(sentence) = sample.sentences.get(1) {
        println!("  {:>3}  {:<16} {:<14} {:<6} {:<5} {:>4}  {:<12} head", "#", "word", "lemma", "UPOS", "XPOS", "head", "relation");
        let range = sentence.token_range();
        for (n, i) in range.clone().enumerate() {
            let s = &sample.syntax[i];
            let head = if s.head == 0 { "ROOT".to_string() } else { sample.slice(sample.tokens[range.start + s.head as usize - 1].span).to_string() };
            println!(
                "  {:>3}  {:<16} {:<14} {:<6} {:<5} {:>4}  {:<12} {}",
                n + 1,
                truncate(sample.slice(sample.tokens[i].span), 16),
                truncate(&s.lemma, 14),
                s.upos,
                s.xpos,
                s.head,
                s.deprel,
                head
            );
        }
    }

    let entities: Vec<String> = sample.entities.iter().take(12).map(|e| format!("{} [{}]", sample.slice(e.span), e.label)).collect();
    println!("\nStage 3 — named entities: {} in {}, the first: {}", sample.entities.len(), sample.id, entities.join(", "));

    println!("\nStage 4 — actors of {}: code and how it was resolved (first 14)\n", sample.id);
    for m in sample.actors.iter().take(14) {
        println!("  {:<34} {:<10} {}", truncate(&m.text, 34), m.code.as_deref().unwrap_or("-"), how(&m.how));
    }

    let events: usize = docs.iter().map(|d| d.events.len()).sum();
    let quotes: usize = docs.iter().map(|d| d.quotes.len()).sum();
    println!("\nStage 5 — events: {events} in {} documents; the first two of each of the first six documents\n", docs.len());
    println!("  {:<9} {:<26} {:<26} {:<5} {:>5} {:<12} {:<11} {:<10} trigger", "doc", "source", "target", "CAMEO", "gold", "PLOVER", "modality", "date");
    for doc in docs.iter().take(6) {
        for e in doc.events.iter().take(2) {
            let actors = |v: &[detente_core::ActorRef]| {
                v.iter().map(|a| format!("{} {}", a.code.as_deref().unwrap_or("-"), a.text)).collect::<Vec<_>>().join(" + ")
            };
            println!(
                "  {:<9} {:<26} {:<26} {:<5} {:>5.1} {:<12} {:<11} {:<10} {}",
                doc.id,
                truncate(&actors(&e.source), 26),
                truncate(&actors(&e.target), 26),
                e.cameo.code,
                e.goldstein,
                e.plover.event_type,
                format!("{:?}", e.modality).to_lowercase(),
                e.date.to_string(),
                e.evidence.trigger.text
            );
        }
    }

    println!("\nStage 6 — quotations: {quotes} in {} documents; those of {}\n", docs.len(), sample.id);
    for q in sample.quotes.iter().take(8) {
        let speaker = q.speaker.as_ref().map_or("-".to_string(), |s| format!("{} ({})", s.text, s.code.as_deref().unwrap_or("-")));
        println!("  {:<8} {:<28} {:<8} {}", format!("{:?}", q.kind).to_lowercase(), truncate(&speaker, 28), q.cue.as_ref().map_or("-", |c| c.text.as_str()), truncate(&q.content.text, 60));
    }
    println!("\nFull output for any text: detente code FILE --date YYYY-MM-DD (JSON: every actor, event and quotation with spans and evidence).");
    Ok(ExitCode::SUCCESS)
}

/// One line on how an actor mention was resolved.
fn how(r: &detente_core::Resolution) -> String {
    match r {
        detente_core::Resolution::Lexicon => "lexicon".to_string(),
        detente_core::Resolution::Composition { parts } => {
            format!("composition: {}", parts.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" + "))
        }
        detente_core::Resolution::Coreference { antecedent, rule } => format!("{rule} → {}", antecedent.text),
        detente_core::Resolution::Unresolved => "unresolved".to_string(),
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}
