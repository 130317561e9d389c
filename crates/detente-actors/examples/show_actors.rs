//! Prints the actor mentions of a text file: `cargo run --release -p detente-actors --example show_actors -- FILE [DATE]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).expect("read");
    let mut meta = detente_core::Meta::english();
    meta.published = args.get(2).map(|d| d.parse().expect("date"));
    let pipeline = detente_pipeline::Pipeline::with_models(&detente_pipeline::default_models_dir()).expect("models");
    let mut doc = detente_core::Document::new("doc", text, meta);
    pipeline.run(&mut doc);
    detente_actors::ActorResolver::builtin().annotate(&mut doc);
    for m in &doc.actors {
        let how = match &m.how {
            detente_core::Resolution::Coreference { antecedent, rule } => format!("{rule} -> {}", antecedent.text),
            detente_core::Resolution::Composition { parts } => format!("composition {:?}", parts.iter().map(|p| p.text.as_str()).collect::<Vec<_>>()),
            other => format!("{other:?}"),
        };
        println!("s{:<3} {:<40} {:<12} {:<13} {}", m.sentence, format!("{} [{}]", m.text, doc.slice(doc.tokens[m.head as usize].span)), m.code.as_deref().unwrap_or("-"), m.kind, how);
    }
}
