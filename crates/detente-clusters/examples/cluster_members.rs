//! Prints, for each word given, its classes and the most frequent-looking
//! (first in word order) members of each:
//! `cargo run --release -p detente-clusters --example cluster_members -- models/clusters-en-v1.bin Reuters Baghdad`

use detente_clusters::Clusters;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: cluster_members CLUSTERS.bin WORD...");
        std::process::exit(2);
    };
    let clusters = Clusters::load(path.as_ref()).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    println!("{}\n", clusters.description());
    for word in args {
        let Some(classes) = clusters.classes(&word) else {
            println!("{word}: no class");
            continue;
        };
        for (g, (&class, size)) in classes.iter().zip(clusters.sizes()).enumerate() {
            let members: Vec<&str> = clusters.members(g, class).collect();
            let shown: Vec<&str> = members.iter().copied().take(25).collect();
            println!(
                "{word} / {size} classes: class {class}, {} words: {}",
                members.len(),
                shown.join(" ")
            );
        }
        println!();
    }
}
