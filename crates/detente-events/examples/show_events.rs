//! Prints the events of a text file: `cargo run --release -p detente-events --example show_events -- FILE [DATE]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).expect("read");
    let mut meta = detente_core::Meta::english();
    meta.published = args.get(2).map(|d| d.parse().expect("date"));
    let pipeline = detente_pipeline::Pipeline::with_models(&detente_pipeline::default_models_dir()).expect("models");
    let mut doc = detente_core::Document::new("doc", text, meta);
    pipeline.run(&mut doc);
    let names = |v: &[detente_core::ActorRef]| v.iter().map(|a| format!("{}={}", a.text, a.code.as_deref().unwrap_or("-"))).collect::<Vec<_>>().join("+");
    for e in &doc.events {
        println!(
            "s{:<3} {:<30} -> {:<30} {} {:<28} {:?} {} {:?} {} [{} {}]{}",
            e.sentence, names(&e.source), names(&e.target), e.cameo.code, e.cameo.name, e.modality, e.date,
            e.plover.event_type, e.location.as_ref().map_or("", |l| l.text.as_str()), e.evidence.trigger.text, e.evidence.pattern,
            e.reported_by.as_ref().map_or(String::new(), |r| format!(" reported_by={}", r.text)),
        );
    }
    for q in &doc.quotes {
        println!("Q {:?} {:?} <- {:?} {:?} cue={:?}", q.kind, q.content.text.chars().take(50).collect::<String>(), q.speaker.as_ref().map(|s| &s.text), q.speaker.as_ref().and_then(|s| s.code.as_ref()), q.cue.as_ref().map(|c| &c.text));
    }
}
