//! End-to-end tests of the `detente` binary: inputs, outputs, errors.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn detente(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_detente")).args(args).output().expect("run detente")
}

fn detente_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_detente"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run detente");
    // The command may exit before reading its input (a usage or model error).
    if let Err(e) = child.stdin.take().unwrap().write_all(input) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn shared(relative: &str) -> PathBuf {
    detente_core::data::data_file(relative).unwrap_or_else(|e| panic!("{e}"))
}

fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    stdout(o).lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn tokenize_seed_article_keeps_title_and_quotes_as_sentences() {
    let seed = shared("seed/000_b3abc5c9218013e2.txt");
    let out = detente(&["tokenize", "--date", "2022-01-21", seed.to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(doc["published"], "2022-01-21");
    let sentences = doc["sentences"].as_array().unwrap();
    let texts: Vec<&str> = sentences.iter().map(|s| s["text"].as_str().unwrap()).collect();
    let raw = std::fs::read_to_string(&seed).unwrap();
    assert_eq!(texts[0], raw.lines().next().unwrap(), "the headline line is the first sentence");
    assert_eq!(texts.len(), 16, "{texts:#?}");
    // Every sentence that opens a quotation also closes it.
    for t in &texts {
        assert_eq!(t.matches('“').count(), t.matches('”').count(), "unbalanced quotes in {t:?}");
    }
    assert!(texts[8].ends_with("he added."), "{}", texts[8]);
    // Spans point at the exact characters of the input.
    for s in sentences {
        let span = s["span"].as_array().unwrap();
        let (a, b) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
        assert_eq!(&raw[a..b], s["text"].as_str().unwrap());
        for t in s["tokens"].as_array().unwrap() {
            let span = t["span"].as_array().unwrap();
            let (a, b) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
            assert_eq!(&raw[a..b], t["text"].as_str().unwrap());
        }
    }
}

#[test]
fn conllu_output_marks_contractions_as_multiword_tokens() {
    let out = detente_stdin(&["tokenize", "--format", "conllu"], "Officials didn't deny it.\n".as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("# text = Officials didn't deny it."), "{text}");
    assert!(text.contains("2-3\tdidn't\t"), "{text}");
    assert!(text.contains("2\tdid\t") && text.contains("3\tn't\t"), "{text}");
    assert!(text.contains("5\tit\t") && text.contains("6\t.\t"), "{text}");
}

#[test]
fn jsonl_input_carries_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "feed.jsonl",
        br#"{"id":"a1","text":"The envoy met the minister. Talks resume Monday.","title":"Envoy meets minister","date":"2024-03-05","source":"Test Wire","url":"https://example.org/a1"}"#,
    );
    let out = detente(&["tokenize", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = &json_lines(&out)[0];
    assert_eq!(doc["id"], "a1");
    assert_eq!(doc["title"], "Envoy meets minister");
    assert_eq!(doc["published"], "2024-03-05");
    assert_eq!(doc["source"], "Test Wire");
    assert_eq!(doc["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn dateline_is_reported_and_kept_out_of_the_first_sentence() {
    let out = detente_stdin(&["tokenize"], "KYIV (Detente Wire) — Air raid sirens sounded overnight.".as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = &json_lines(&out)[0];
    assert_eq!(doc["dateline"]["place"], "KYIV");
    assert_eq!(doc["dateline"]["agency"], "Detente Wire");
    let sentences = doc["sentences"].as_array().unwrap();
    assert_eq!(sentences[1]["text"], "Air raid sirens sounded overnight.");
}

#[test]
fn invalid_utf8_names_file_and_offset_and_lossy_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "bad.txt", b"Troops moved \xff north.");
    let out = detente(&["tokenize", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("bad.txt") && err.contains("13"), "{err}");
    let out = detente(&["tokenize", "--lossy", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains('\u{fffd}'));
}

#[test]
fn empty_binary_and_oversized_files_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", b"");
    let binary = write(dir.path(), "blob.txt", b"PK\x03\x04\x00\x00binary");
    let big = write(dir.path(), "big.txt", "word ".repeat(100).as_bytes());
    for (path, extra, expect) in [
        (&empty, None, "empty"),
        (&binary, None, "binary"),
        (&big, Some("--max-bytes=100"), "--max-bytes"),
    ] {
        let mut args = vec!["tokenize", path.to_str().unwrap()];
        args.extend(extra);
        let out = detente(&args);
        assert!(!out.status.success(), "{path:?} accepted");
        assert!(stderr(&out).contains(expect), "{path:?}: {}", stderr(&out));
    }
}

#[test]
fn keep_going_processes_the_rest_and_still_fails() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "feed.jsonl", b"{\"text\":\"First story.\"}\n{not json\n{\"text\":\"Third story.\"}\n");
    let out = detente(&["tokenize", file.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains(":2"), "{}", stderr(&out));
    assert_eq!(json_lines(&out).len(), 1, "stops at the bad line without --keep-going");

    let out = detente(&["tokenize", "--keep-going", file.to_str().unwrap()]);
    assert!(!out.status.success(), "a failed input makes the exit code non-zero");
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1]["id"], "feed:3");
    assert!(stderr(&out).contains("1 input(s) failed"), "{}", stderr(&out));
}

#[test]
fn directories_are_read_recursively_in_path_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    write(dir.path(), "b.txt", b"Second file.");
    write(&dir.path().join("sub"), "c.txt", b"Third file.");
    write(dir.path(), "a.jsonl", b"{\"id\":\"x\",\"text\":\"First file.\"}\n");
    write(dir.path(), "notes.md", b"Not an input.");
    let out = detente(&["tokenize", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = json_lines(&out).iter().map(|d| d["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["x", "b", "c"]);
}

#[test]
fn bad_date_flag_is_a_usage_error() {
    let out = detente(&["tokenize", "--date", "21/01/2022", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--date"), "{}", stderr(&out));
}

#[test]
fn demo_runs_on_the_bundled_corpus() {
    let out = detente(&["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let rows = text.lines().filter(|l| l.starts_with("demo-")).count();
    assert!(rows >= 12, "{text}");
    assert!(text.contains("Total:"), "{text}");
    assert!(text.contains("Stage 2 — syntax") && text.contains("root"), "{text}");
    assert!(text.contains("Stage 3 — named entities") && text.contains("[PER]"), "{text}");
}

#[test]
fn bench_prints_its_table() {
    let out = detente(&["bench", "--mb", "1", "--syntax-mb", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("MB/s") && text.contains("tokens/s"), "{text}");
    assert!(text.contains("tagging + parsing") && text.contains("Peak memory"), "{text}");
}

/// The accuracy thresholds of issue 2, checked on the dev files (the test
/// files are for reporting only, never for tuning).
fn eval_segmentation(gold: &str, min_sentence: f64, min_token: f64) {
    let path = shared(gold);
    let out = detente(&[
        "eval",
        "segmentation",
        "--gold",
        path.to_str().unwrap(),
        "--json",
        &format!("--min-sentence-f1={min_sentence}"),
        &format!("--min-token-f1={min_token}"),
    ]);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1, "exactly one JSON object");
    let scores = &lines[0];
    let sentence = scores["sentence_f1"].as_f64().unwrap();
    let token = scores["token_f1"].as_f64().unwrap();
    assert!(sentence >= min_sentence, "{gold}: sentence F1 {sentence} < {min_sentence}");
    assert!(token >= min_token, "{gold}: token F1 {token} < {min_token}");
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn segmentation_accuracy_on_ewt_dev() {
    eval_segmentation("ud-english-ewt/en_ewt-ud-dev.conllu", 80.0, 99.0);
}

#[test]
fn segmentation_accuracy_on_gum_dev() {
    eval_segmentation("ud-english-gum/en_gum-ud-dev.conllu", 90.0, 99.0);
}

#[test]
fn eval_threshold_failure_sets_exit_code() {
    let path = shared("ud-english-gum/en_gum-ud-dev.conllu");
    let out = detente(&["eval", "segmentation", "--gold", path.to_str().unwrap(), "--min-token-f1=100.5"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("below the threshold"), "{}", stderr(&out));
}

#[test]
fn eval_rejects_malformed_conllu() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "bad.conllu", b"# text = Hi\n1\tHi\n\n");
    let out = detente(&["eval", "segmentation", "--gold", file.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("line 2"), "{}", stderr(&out));
}

#[test]
fn lexicon_lookup_resolves_people_by_date() {
    let out = detente(&["lexicon", "lookup", "Blinken", "--date", "2022-01-21"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("USAGOV"), "{}", stdout(&out));
    let out = detente(&["lexicon", "lookup", "Blinken", "--date", "2026-01-01"]);
    assert!(stdout(&out).contains("no code on 2026-01-01; formerly USAGOV"), "{}", stdout(&out));
    let out = detente(&["lexicon", "lookup", "Gondor"]);
    assert!(!out.status.success());
}

#[test]
fn lexicon_imports_petrarch_validation_dictionaries() {
    let actors = shared("events/petrarch2/dictionaries/PETR.Validate.actors.txt");
    let agents = shared("events/petrarch2/dictionaries/PETR.Validate.agents.txt");
    let out = detente(&[
        "lexicon",
        "import-petrarch",
        "--actors",
        actors.to_str().unwrap(),
        "--agents",
        agents.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("PETR.Validate.actors.txt") && text.contains("216 entries"), "{text}");
}

/// CoNLL-U rows of a parse: (id, form, lemma, upos, head, deprel) per word line.
fn conllu_words(text: &str) -> Vec<Vec<(u32, String, String, String, u32, String)>> {
    let mut sentences = vec![Vec::new()];
    for line in text.lines() {
        if line.is_empty() {
            sentences.push(Vec::new());
        } else if !line.starts_with('#') {
            let c: Vec<&str> = line.split('\t').collect();
            assert_eq!(c.len(), 10, "{line}");
            if c[0].contains('-') {
                continue;
            }
            let row = (c[0].parse().unwrap(), c[1].into(), c[2].into(), c[3].into(), c[6].parse().unwrap(), c[7].into());
            sentences.last_mut().unwrap().push(row);
        }
    }
    sentences.retain(|s| !s.is_empty());
    sentences
}

#[test]
fn parse_fills_every_column_with_a_well_formed_tree() {
    let text = "Belarus has massed armoured units near the Polish frontier. The ministers didn't meet.";
    let out = detente_stdin(&["parse"], text.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let sentences = conllu_words(&stdout(&out));
    assert_eq!(sentences.len(), 2);
    for words in &sentences {
        assert_eq!(words.iter().filter(|w| w.4 == 0).count(), 1, "one root: {words:?}");
        for w in words {
            assert!(w.4 as usize <= words.len() && w.4 != w.0, "{w:?}");
            assert!(w.2 != "_" && w.3 != "_" && w.5 != "_", "{w:?}");
        }
    }
    let massed = sentences[0].iter().find(|w| w.1 == "massed").unwrap();
    assert_eq!((massed.2.as_str(), massed.3.as_str(), massed.4, massed.5.as_str()), ("mass", "VERB", 0, "root"));
    let russia = &sentences[0][0];
    assert_eq!((russia.4, russia.5.as_str()), (3, "nsubj"));
}

#[test]
fn parse_keeps_the_tokens_of_conllu_input_and_prints_json() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "in.conllu",
        b"# newdoc id = d1\n# text = Talks resumed.\n1\tTalks\t_\t_\t_\t_\t_\t_\t_\t_\n2\tresumed\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n",
    );
    let out = detente(&["parse", file.to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = &json_lines(&out)[0];
    assert_eq!(doc["id"], "d1");
    let tokens = doc["sentences"][0]["tokens"].as_array().unwrap();
    assert_eq!(tokens.len(), 3);
    assert_eq!(tokens[1]["lemma"], "resume");
    assert_eq!(tokens[1]["deprel"], "root");
    assert_eq!(tokens[0]["head"], 2);
}

#[test]
fn parse_reports_a_missing_models_directory() {
    let dir = tempfile::tempdir().unwrap();
    let out = detente_stdin(&["parse", "--models", dir.path().to_str().unwrap()], b"Hello.");
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--models"), "{}", stderr(&out));
}

/// Regression guards for the shipped syntax models on EWT dev (gold tokens).
/// They sit just below what the models reach today (see README), which is
/// still short of issue 3's targets (UPOS 96, lemma 97, UAS 89, LAS 86).
#[test]
fn syntax_accuracy_on_ewt_dev() {
    let path = shared("ud-english-ewt/en_ewt-ud-dev.conllu");
    let out = detente(&[
        "eval", "syntax", "--gold", path.to_str().unwrap(), "--pretokenized", "--json",
        "--min-upos=95.0", "--min-lemma=96.5", "--min-uas=84.5", "--min-las=81.5",
    ]);
    let scores = &json_lines(&out)[0];
    for key in ["upos", "xpos", "ufeats", "lemma", "uas", "las"] {
        assert!(scores[key].as_f64().is_some(), "{key} missing: {scores}");
    }
    assert!(out.status.success(), "{scores} {}", stderr(&out));
}

#[test]
fn syntax_from_raw_text_aligns_by_characters() {
    let path = shared("ud-english-gum/en_gum-ud-dev.conllu");
    let out = detente(&["eval", "syntax", "--gold", path.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let scores = &json_lines(&out)[0];
    let words = scores["words"].as_f64().unwrap();
    assert!(words > 99.0 && words < 100.0, "{scores}");
    assert!(scores["las"].as_f64().unwrap() > 75.0, "{scores}");
}

#[test]
fn parse_marks_named_entities_in_misc_and_json() {
    let text = "Foreign Minister Sergei Lavrov arrived in Geneva on Friday.";
    let out = detente_stdin(&["parse"], text.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let conllu = stdout(&out);
    assert!(conllu.contains("\tNE=B-PER") && conllu.contains("\tNE=I-PER") && conllu.contains("\tNE=O"), "{conllu}");
    // Other MISC attributes follow the entity tag.
    assert!(conllu.contains("Friday\t") && conllu.contains("\tNE=O|SpaceAfter=No\n"), "{conllu}");
    let out = detente_stdin(&["parse", "--format", "json"], text.as_bytes());
    let doc = &json_lines(&out)[0];
    let entities: Vec<(String, String)> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["text"].as_str().unwrap().to_string(), e["label"].as_str().unwrap().to_string()))
        .collect();
    assert!(entities.contains(&("Sergei Lavrov".to_string(), "PER".to_string())), "{entities:?}");
    assert!(entities.contains(&("Geneva".to_string(), "LOC".to_string())), "{entities:?}");
}

/// Regression guard for the shipped NER model on UniversalNER EWT dev: it sits
/// below today's 73.46 F1, still short of issue 4's target of 85.
#[test]
fn ner_accuracy_on_uner_dev() {
    let path = shared("uner-english/en_ewt-ud-dev.iob2");
    let out = detente(&["eval", "ner", "--gold", path.to_str().unwrap(), "--json", "--min-f1=72.5"]);
    let scores = &json_lines(&out)[0];
    for key in ["precision", "recall", "f1", "PER", "ORG", "LOC"] {
        assert!(!scores[key].is_null(), "{key} missing: {scores}");
    }
    assert!(out.status.success(), "{scores} {}", stderr(&out));
}

/// GUM's entity layer (its named people, organisations and places, news among its genres)
/// scores the same model from a treebank (71.37 F1 on dev today).
#[test]
fn ner_accuracy_on_gum_dev_entity_layer() {
    let path = shared("ud-english-gum/en_gum-ud-dev.conllu");
    let out = detente(&["eval", "ner", "--gold", path.to_str().unwrap(), "--json", "--min-f1=70.0"]);
    let scores = &json_lines(&out)[0];
    assert!(scores["gold_entities"].as_u64().is_some_and(|n| n > 500), "{scores}");
    assert!(out.status.success(), "{scores} {}", stderr(&out));
}

#[test]
fn code_prints_events_actors_and_quotes_with_exact_spans() {
    let text = "ANKARA — Russian Foreign Minister Sergei Lavrov met his Turkish counterpart on Tuesday. \
                \u{201c}The talks were useful,\u{201d} he told reporters.";
    let out = detente_stdin(&["code", "--date", "2023-02-09", "--format", "jsonl"], text.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = json_lines(&out);
    let doc = &docs[0];
    assert_eq!(doc["schema_version"], 1);
    let slice = |v: &serde_json::Value| &text[v["start"].as_u64().unwrap() as usize..v["end"].as_u64().unwrap() as usize];
    // Actors: the minister by lexicon, "he" by coreference to him.
    let actors = doc["actors"].as_array().unwrap();
    for a in actors {
        assert_eq!(slice(&a["span"]), a["text"].as_str().unwrap());
    }
    let he = actors.iter().find(|a| a["text"] == "he").expect("he");
    assert_eq!(he["code"], "RUSGOV");
    assert_eq!(he["how"]["method"], "coreference");
    assert!(he["how"]["antecedent"]["text"].as_str().unwrap().ends_with("Sergei Lavrov"));
    // The meeting: Lavrov (RUSGOV) meets the Turkish counterpart (TURGOV), on Tuesday 2023-02-07.
    let events = doc["events"].as_array().unwrap();
    let meeting = events.iter().find(|e| e["cameo"]["root"] == "04").unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(meeting["source"][0]["code"], "RUSGOV");
    assert_eq!(meeting["target"][0]["code"], "TURGOV");
    assert_eq!(meeting["date"], "2023-02-07");
    assert_eq!(meeting["quad_class"], 1);
    assert_eq!(meeting["plover"]["type"], "CONSULT");
    assert_eq!(slice(&meeting["evidence"]["trigger"]["span"]), "met");
    assert!(meeting["evidence"]["pattern"].as_str().unwrap().starts_with("04.tsv:"));
    // The quotation, attributed to "he" = Lavrov.
    let quote = &doc["quotes"].as_array().unwrap()[0];
    assert_eq!(quote["kind"], "direct");
    assert_eq!(quote["content"]["text"], "The talks were useful");
    assert_eq!(quote["speaker"]["code"], "RUSGOV");
    assert_eq!(quote["cue"]["text"], "told");
}

#[test]
fn code_does_not_code_denied_or_hypothetical_events() {
    let text = "Moscow denied that its troops had invaded Ukraine. Officials said Russia could attack Poland.";
    let out = detente_stdin(&["code", "--date", "2022-02-10", "--format", "jsonl"], text.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let events = json_lines(&out)[0]["events"].as_array().unwrap().clone();
    assert!(events.iter().all(|e| e["cameo"]["root"] != "19" && e["cameo"]["root"] != "18"), "{events:#?}");
    // The same sentences asserted do code the attacks.
    let out = detente_stdin(&["code", "--date", "2022-02-10", "--format", "jsonl"], b"Russian troops invaded Ukraine on Thursday.");
    let events = json_lines(&out)[0]["events"].as_array().unwrap().clone();
    let invasion = events.iter().find(|e| e["cameo"]["code"] == "192").unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(invasion["source"][0]["code"], "RUSMIL");
    assert_eq!(invasion["target"][0]["code"], "UKR");
}

#[test]
fn code_addresses_an_unaddressed_demand_to_the_documents_counterpart() {
    let story = "Chinese Foreign Minister Wang Yi met his Japanese counterpart in Hanoi on Monday. \
                 Beijing accused Tokyo of provocations in the East China Sea. China also demanded a formal apology.";
    let out = detente_stdin(&["code", "--date", "2024-03-05", "--format", "jsonl"], story.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let events = json_lines(&out)[0]["events"].as_array().unwrap().clone();
    let demand = events.iter().find(|e| e["cameo"]["root"] == "10").unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(demand["sentence"], 2);
    assert_eq!(demand["source"][0]["country"], "CHN");
    assert_eq!(demand["target"][0]["country"], "JPN");
    // Alone, the demand names no addressee and is not coded.
    let out = detente_stdin(&["code", "--date", "2024-03-05", "--format", "jsonl"], b"China demanded a formal apology.");
    let events = json_lines(&out)[0]["events"].as_array().unwrap().clone();
    assert!(events.is_empty(), "{events:#?}");
}

#[test]
fn code_finds_the_subject_the_parse_left_behind() {
    // The name after the comma reads as an apposition of "neighbour"; the tensed verb after it
    // still needs a subject, and it is the name.
    let text = "As worries grew that Iran could attack its neighbour, Israeli Prime Minister Benjamin Netanyahu \
                renewed threats of military action against Tehran.";
    let out = detente_stdin(&["code", "--date", "2024-04-10", "--format", "jsonl"], text.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let events = json_lines(&out)[0]["events"].as_array().unwrap().clone();
    let threat = events.iter().find(|e| e["cameo"]["root"] == "13").unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(threat["source"][0]["country"], "ISR", "{threat:#?}");
    assert_eq!(threat["target"][0]["country"], "IRN", "{threat:#?}");
}

#[test]
fn code_tells_rebels_from_their_state_and_reads_objects_of_phrases() {
    let story = "Malian rebels attacked a Malian army base on Sunday. Egypt lifted its blockade of Qatar.";
    let out = detente_stdin(&["code", "--date", "2024-05-05", "--format", "jsonl"], story.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let events = json_lines(&out)[0]["events"].as_array().unwrap().clone();
    let attack = events.iter().find(|e| e["cameo"]["root"] == "18").unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(attack["source"][0]["code"], "MLIREB");
    // The base stands for the army whose it is.
    assert_eq!(attack["target"][0]["code"], "MLIMIL");
    let lifted = events.iter().find(|e| e["sentence"] == 1).unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(lifted["source"][0]["code"], "EGY");
    assert_eq!(lifted["target"][0]["code"], "QAT");
    assert_eq!(lifted["quad_class"], 2, "{lifted:#?}");
}

#[test]
fn code_does_not_aim_force_at_the_dateline_when_the_text_names_another_place() {
    let story = "DOHA (Detente Wire) — Congolese rebels seized Goma in January. Qatar can end the war, the envoy said.";
    let out = detente_stdin(&["code", "--date", "2025-03-01", "--format", "jsonl"], story.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let events = json_lines(&out)[0]["events"].as_array().unwrap().clone();
    assert!(events.iter().all(|e| e["target"].as_array().unwrap().iter().all(|a| a["country"] != "QAT")), "{events:#?}");
    // "can end the war" is a possibility, not an event.
    assert!(events.iter().all(|e| e["cameo"]["root"] != "08"), "{events:#?}");
    // With no place named, force used in a story filed from Doha is used in Qatar.
    let out = detente_stdin(&["code", "--date", "2025-03-01", "--format", "jsonl"], "DOHA (Detente Wire) — Gunmen attacked a police station on Friday.".as_bytes());
    let events = json_lines(&out)[0]["events"].as_array().unwrap().clone();
    assert!(events.iter().any(|e| e["target"][0]["country"] == "QAT"), "{events:#?}");
}
