use chrono::NaiveDate;
use detente_core::Document;
use detente_input::{read_inputs, InputError, InputFormat, InputOptions};
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

fn read<P: AsRef<Path>>(paths: &[P], opts: &InputOptions) -> Vec<Result<Document, InputError>> {
    read_inputs(paths, opts).collect()
}

/// The single document read from `path` with default options.
fn doc(path: &Path) -> Document {
    let mut items = read(&[path], &InputOptions::default());
    assert_eq!(items.len(), 1, "{items:?}");
    items.remove(0).unwrap()
}

/// The message of the single error reading `path` yields.
fn error(path: &Path, opts: &InputOptions) -> String {
    let items = read(&[path], opts);
    assert_eq!(items.len(), 1, "{items:?}");
    items[0].as_ref().unwrap_err().to_string()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn ids(items: &[Result<Document, InputError>]) -> Vec<String> {
    items
        .iter()
        .map(|item| match item {
            Ok(doc) => doc.id.clone(),
            Err(e) => format!("ERR {e}"),
        })
        .collect()
}

#[test]
fn text_file_is_one_unsegmented_document_named_by_its_stem() {
    let dir = TempDir::new().unwrap();
    let text = "GENEVA (AFP) — Talks resumed.\r\n\r\nBoth sides met.\n";
    let path = write(dir.path(), "000_b3abc5c9218013e2.txt", text);
    let opts = InputOptions { date: Some(date(2024, 3, 1)), ..InputOptions::default() };
    let items = read(&[path], &opts);
    let doc = items[0].as_ref().unwrap();
    assert_eq!(doc.id, "000_b3abc5c9218013e2");
    assert_eq!(doc.text, text);
    assert_eq!(doc.meta.published, Some(date(2024, 3, 1)));
    assert_eq!(doc.meta.language, "en");
    assert_eq!(doc.meta.title, None);
    assert!(doc.sentences.is_empty() && doc.tokens.is_empty() && doc.dateline.is_none());
}

#[test]
fn leading_bom_is_stripped_and_only_there() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "a.txt", "\u{FEFF}Hello \u{FEFF}world");
    assert_eq!(doc(&path).text, "Hello \u{FEFF}world");
    let path = write(dir.path(), "b.jsonl", "\u{FEFF}{\"text\":\"One\"}\n{\"text\":\"Two\"}\n");
    let items = read(&[path], &InputOptions::default());
    assert_eq!(items[0].as_ref().unwrap().text, "One");
    assert_eq!(items[1].as_ref().unwrap().text, "Two");
}

#[test]
fn invalid_utf8_names_path_offset_and_line() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "bad.txt", b"abc\nde\xFFf\n");
    let message = error(&path, &InputOptions::default());
    assert_eq!(
        message,
        format!(
            "{}: invalid UTF-8 at byte offset 6 (line 2); convert the file to UTF-8 (e.g. with iconv), \
             or pass --lossy to replace invalid bytes with U+FFFD",
            path.display()
        )
    );
}

#[test]
fn invalid_utf8_offset_counts_a_stripped_bom() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "bad.txt", b"\xEF\xBB\xBFab\xC3(");
    assert!(error(&path, &InputOptions::default()).contains("at byte offset 5 (line 1)"));
}

#[test]
fn lossy_replaces_invalid_bytes() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "bad.txt", b"caf\xE9 au lait");
    let opts = InputOptions { lossy: true, ..InputOptions::default() };
    let items = read(&[path], &opts);
    assert_eq!(items[0].as_ref().unwrap().text, "caf\u{FFFD} au lait");
}

#[test]
fn empty_and_whitespace_only_files_are_errors() {
    let dir = TempDir::new().unwrap();
    for (name, bytes) in [("zero.txt", ""), ("blank.txt", " \n\t\r\n"), ("bom.txt", "\u{FEFF}\n")] {
        let path = write(dir.path(), name, bytes);
        assert_eq!(
            error(&path, &InputOptions::default()),
            format!("{}: no text: the input is empty or only whitespace", path.display())
        );
    }
}

#[test]
fn nul_byte_in_first_8_kib_means_binary() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let message = error(&path, &InputOptions::default());
    assert_eq!(
        message,
        format!(
            "{}: looks like a binary file (NUL byte at byte offset 8); Detente reads UTF-8 text",
            path.display()
        )
    );

    // Past the first 8 KiB a NUL is not sniffed for; it is valid UTF-8.
    let mut late = vec![b'a'; 9000];
    late[8500] = 0;
    assert_eq!(doc(&write(dir.path(), "late.txt", late)).text.len(), 9000);
}

#[test]
fn utf16_gets_its_own_advice() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "windows.txt", b"\xFF\xFEH\x00i\x00");
    let message = error(&path, &InputOptions::default());
    assert!(message.starts_with(&format!("{}: file is UTF-16", path.display())), "{message}");
    assert!(message.contains("iconv -f UTF-16 -t UTF-8"), "{message}");
}

#[test]
fn file_over_max_bytes_reports_size_limit_and_flag() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "big.txt", "x".repeat(101));
    let opts = InputOptions { max_bytes: 100, ..InputOptions::default() };
    assert_eq!(
        error(&path, &opts),
        format!(
            "{}: input is 101 bytes, over the limit of 100 bytes; raise the limit with --max-bytes",
            path.display()
        )
    );
    let path = write(dir.path(), "fits.txt", "x".repeat(100));
    assert_eq!(read(&[path], &opts)[0].as_ref().unwrap().text.len(), 100);
}

#[test]
fn missing_path_is_an_error_naming_it() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("nope.txt");
    let message = error(&path, &InputOptions::default());
    assert!(message.starts_with(&format!("cannot read {}: ", path.display())), "{message}");
    assert!(message.contains("No such file or directory"), "{message}");
}

#[test]
fn inputs_keep_their_order_and_an_error_does_not_stop_the_others() {
    let dir = TempDir::new().unwrap();
    let b = write(dir.path(), "b.txt", "B");
    let a = write(dir.path(), "a.txt", "A");
    let missing = dir.path().join("missing.txt");
    let items = read(&[&b, &missing, &a], &InputOptions::default());
    assert_eq!(ids(&items)[0], "b");
    assert!(ids(&items)[1].starts_with(&format!("ERR cannot read {}", missing.display())));
    assert_eq!(ids(&items)[2], "a");
}

#[test]
fn jsonl_fields_ids_and_dates() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "wire.jsonl",
        concat!(
            r#"{"id":"reuters-1","text":"One.","title":"T","date":"2024-03-01","url":"https://x.test/1","source":"Reuters"}"#,
            "\n",
            r#"{"text":"Two.","date":"20240302"}"#,
            "\n\n   \r\n",
            r#"{"text":"Three.","date":"2024-03-03T23:30:00-05:00","extra":[1,2]}"#,
            "\r\n",
            r#"{"text":"Four.","date":null,"title":null}"#,
        ),
    );
    let opts = InputOptions { date: Some(date(2000, 1, 1)), ..InputOptions::default() };
    let docs: Vec<Document> = read(&[path], &opts).into_iter().map(Result::unwrap).collect();
    let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["reuters-1", "wire:2", "wire:5", "wire:6"]);
    let first = &docs[0];
    assert_eq!(first.text, "One.");
    assert_eq!(first.meta.title.as_deref(), Some("T"));
    assert_eq!(first.meta.url.as_deref(), Some("https://x.test/1"));
    assert_eq!(first.meta.source.as_deref(), Some("Reuters"));
    assert_eq!(first.meta.language, "en");
    let dates: Vec<_> = docs.iter().map(|d| d.meta.published.unwrap()).collect();
    // The timestamp's own date, not UTC's (which would be March 4th).
    assert_eq!(dates, [date(2024, 3, 1), date(2024, 3, 2), date(2024, 3, 3), date(2000, 1, 1)]);
    assert_eq!(docs[3].meta.title, None);
    assert!(docs.iter().all(|d| d.sentences.is_empty() && d.tokens.is_empty()));
}

#[test]
fn malformed_jsonl_lines_are_errors_with_path_and_line() {
    let dir = TempDir::new().unwrap();
    let cases = [
        (r#"{"text": "a""#, "invalid JSON at column 12: EOF while parsing an object"),
        (r#"["text"]"#, "expected a JSON object, found an array"),
        (r#"{"title":"no text"}"#, "missing field `text`"),
        (r#"{"text":42}"#, "field `text` must be a string, found a number"),
        (r#"{"text":"  "}"#, "field `text` is empty"),
        (r#"{"text":"ok","id":""}"#, "field `id` is empty"),
        (r#"{"text":"ok","url":["a"]}"#, "field `url` must be a string, found an array"),
        (r#"{"text":"ok","id":7}"#, "field `id` must be a string, found a number"),
        (
            r#"{"text":"ok","date":"March 1"}"#,
            "field `date` is not a date: \"March 1\" (expected YYYY-MM-DD, YYYYMMDD or an RFC 3339 timestamp)",
        ),
        (r#"{"text":"ok","date":"2024-02-30"}"#, "field `date` is not a date: \"2024-02-30\""),
    ];
    for (line, expected) in cases {
        let path = write(dir.path(), "bad.jsonl", format!("{{\"text\":\"fine\"}}\n\n{line}\n"));
        let items = read(&[&path], &InputOptions::default());
        assert_eq!(items.len(), 2, "{line}: {items:?}");
        let message = items[1].as_ref().unwrap_err().to_string();
        let prefix = format!("{}:3: ", path.display());
        assert!(message.starts_with(&prefix) && message.contains(expected), "{line}: {message}");
    }
}

#[test]
fn keep_going_past_bad_jsonl_lines() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "mixed.jsonl",
        b"{\"text\":\"a\"}\nnot json\n{\"text\":\"b\xFF\"}\n{\"text\":\"c\"}\n",
    );
    let after = write(dir.path(), "after.txt", "next input");
    let items = read(&[&path, &after], &InputOptions::default());
    let ids = ids(&items);
    assert_eq!(ids.len(), 5, "{ids:?}");
    assert_eq!(ids[0], "mixed:1");
    assert!(
        ids[1].starts_with(&format!(
            "ERR {}:2: invalid JSON at column 2: expected ident",
            path.display()
        )),
        "{}",
        ids[1]
    );
    // The offset is within the whole file, not the line.
    assert!(
        ids[2].starts_with(&format!(
            "ERR {}: invalid UTF-8 at byte offset 32 (line 3)",
            path.display()
        )),
        "{}",
        ids[2]
    );
    assert_eq!(ids[3..], ["mixed:4", "after"]);
}

#[test]
fn lossy_applies_to_jsonl_lines() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "l.jsonl", b"{\"text\":\"b\xFF\"}\n");
    let opts = InputOptions { lossy: true, ..InputOptions::default() };
    assert_eq!(read(&[path], &opts)[0].as_ref().unwrap().text, "b\u{FFFD}");
}

#[test]
fn max_bytes_limits_each_jsonl_record_not_the_file() {
    let dir = TempDir::new().unwrap();
    let small = r#"{"text":"small"}"#; // 16 bytes
    let big = format!(r#"{{"text":"{}"}}"#, "x".repeat(50)); // 61 bytes
    let path = write(dir.path(), "c.jsonl", format!("{small}\n{big}\n{small}\r\n{big}"));
    let opts = InputOptions { max_bytes: 20, ..InputOptions::default() };
    let items = read(&[&path], &opts);
    let ids = ids(&items);
    let too_large = |line| {
        format!(
            "ERR {}:{line}: record is 61 bytes, over the limit of 20 bytes; \
             raise the limit with --max-bytes",
            path.display()
        )
    };
    assert_eq!(ids, ["c:1".to_string(), too_large(2), "c:3".to_string(), too_large(4)]);
}

#[test]
fn jsonl_without_records_is_empty() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "none.jsonl", "\n  \n\n");
    assert_eq!(
        error(&path, &InputOptions::default()),
        format!("{}: no text: the input is empty or only whitespace", path.display())
    );
}

#[test]
fn binary_jsonl_is_one_error_not_one_per_line() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "x.jsonl", b"{\"text\":\"a\"}\n\x00\x01\n\x02\n\x03\n");
    let items = read(&[&path], &InputOptions::default());
    let binary = format!(
        "ERR {}: looks like a binary file (NUL byte at byte offset 13); Detente reads UTF-8 text",
        path.display()
    );
    assert_eq!(ids(&items), ["x:1".to_string(), binary]);
}

#[test]
fn directories_recurse_in_path_order_skipping_hidden_and_other_files() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("corpus");
    write(&root, "b.txt", "b");
    write(&root, "a/z.txt", "az");
    write(&root, "a/y/deep.TXT", "deep");
    write(&root, "a.txt", "a");
    write(&root, "feed.jsonl", "{\"text\":\"f1\"}\n{\"id\":\"f2\",\"text\":\"f2\"}\n");
    write(&root, ".hidden.txt", "hidden");
    write(&root, ".git/HEAD.txt", "hidden dir");
    write(&root, "notes.md", "not an input");
    write(&root, "data.json", "{}");
    let items = read(&[root], &InputOptions::default());
    assert_eq!(ids(&items), ["deep", "z", "a", "b", "feed:1", "f2"]);
}

#[test]
fn directory_files_follow_their_extension_whatever_the_format_option() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.jsonl", "{\"text\":\"x\"}\n");
    write(dir.path(), "b.txt", "{\"text\":\"y\"}\n");
    let opts = InputOptions { format: InputFormat::Text, ..InputOptions::default() };
    let items = read(&[dir.path()], &opts);
    assert_eq!(items[0].as_ref().unwrap().text, "x");
    assert_eq!(items[1].as_ref().unwrap().text, "{\"text\":\"y\"}\n");
}

#[cfg(unix)]
#[test]
fn directory_listing_errors_come_before_its_files() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.txt", "A");
    fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let items = ids(&read(&[dir.path()], &InputOptions::default()));
    assert_eq!(items.len(), 2, "{items:?}");
    let prefix =
        format!("ERR cannot list directory {}: File system loop found", dir.path().display());
    assert!(items[0].starts_with(&prefix), "{}", items[0]);
    assert_eq!(items[1], "a");
}

#[test]
fn directory_without_inputs_is_an_error() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "readme.md", "nothing to read");
    write(dir.path(), ".secret.txt", "hidden");
    assert_eq!(
        error(dir.path(), &InputOptions::default()),
        format!(
            "{}: no *.txt or *.jsonl files in this directory (hidden files and directories are skipped)",
            dir.path().display()
        )
    );
}

#[test]
fn explicit_format_overrides_the_extension_of_named_files() {
    let dir = TempDir::new().unwrap();
    let jsonl = write(dir.path(), "feed.jsonl", "{\"text\":\"x\"}\n");
    let text = write(dir.path(), "feed.txt", "{\"text\":\"y\"}\n");
    let as_text = InputOptions { format: InputFormat::Text, ..InputOptions::default() };
    assert_eq!(read(&[jsonl], &as_text)[0].as_ref().unwrap().id, "feed");
    let as_jsonl = InputOptions { format: InputFormat::Jsonl, ..InputOptions::default() };
    let docs = read(&[text], &as_jsonl);
    assert_eq!(docs[0].as_ref().unwrap().id, "feed:1");
    assert_eq!(docs[0].as_ref().unwrap().text, "y");
}

#[test]
fn named_files_are_read_whatever_their_name() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), ".article", "Text.");
    assert_eq!(doc(&path).text, "Text.");
}
