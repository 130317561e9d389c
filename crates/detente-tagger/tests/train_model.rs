//! Trains the committed model `models/tagger-en-v1.bin` (ignored by default).
//!
//! ```text
//! cargo test --release -p detente-tagger --test train_model -- --ignored --nocapture
//! ```
//!
//! Train on EWT train + GUM train, early-stop on EWT dev + GUM dev. One
//! thread, about two minutes on the reference machine.

mod common;

use common::treebank;
use detente_tagger::{accuracy, train, TrainConfig, TrainEvent};

#[test]
#[ignore = "trains the release model (minutes); run explicitly"]
fn train_release_model() {
    let mut train_set = treebank("ud-english-ewt/en_ewt-ud-train.conllu");
    train_set.extend(treebank("ud-english-gum/en_gum-ud-train.conllu"));
    let ewt_dev = treebank("ud-english-ewt/en_ewt-ud-dev.conllu");
    let gum_dev = treebank("ud-english-gum/en_gum-ud-dev.conllu");
    let dev: Vec<_> = ewt_dev.iter().chain(&gum_dev).cloned().collect();
    let cfg = TrainConfig {
        source: "UD English EWT train + GUM train (early stopping on EWT dev + GUM dev)".into(),
        ..TrainConfig::default()
    };
    println!("{cfg:?}");
    let tagger = train(&train_set, &dev, &cfg, &mut |event| match event {
        TrainEvent::Progress { .. } => {}
        event => println!("{event:?}"),
    });
    let path = detente_core::data::repo_root().join("models/tagger-en-v1.bin");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    tagger.save(&path).unwrap();
    println!("{}", tagger.description());
    println!("EWT dev: {:?}", accuracy(&tagger, &ewt_dev));
    println!("GUM dev: {:?}", accuracy(&tagger, &gum_dev));
}
