//! The `whosaid` binary end to end: inputs, ids, order, formats, exit codes, messages.
//! Extraction quality is tested elsewhere; nothing here depends on what is found.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use whosaid::wire::{WireDocument, WireSentences};

const QUOTED: &str = "“The bridge will reopen in spring,” the mayor, Lena Varga, said on Monday.\n";

/// A fresh directory under the system temp dir, removed on drop. No crate needed for this.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new() -> TempDir {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("whosaid-cli-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    /// Writes `name` and returns its path.
    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `whosaid` in `dir` (so ids are the short relative paths) with `stdin` as input.
pub fn run(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The child reads all of stdin before writing, so writing first cannot deadlock.
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn docs(out: &Output) -> Vec<WireDocument> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn ids(docs: &[WireDocument]) -> Vec<&str> {
    docs.iter().map(|d| d.id.as_str()).collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn text_file_is_one_document_named_by_its_path() {
    let tmp = TempDir::new();
    tmp.file("bridge.txt", QUOTED);
    let out = run(&tmp.0, &["extract", "bridge.txt"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = docs(&out);
    assert_eq!(ids(&docs), ["bridge.txt"]);
    assert!(docs[0].quotes.is_some() && docs[0].error.is_none());
    assert!(out.stderr.is_empty());
}

#[test]
fn directory_gives_its_txt_files_sorted() {
    let tmp = TempDir::new();
    std::fs::create_dir_all(tmp.0.join("news/sub.txt")).unwrap();
    tmp.file("news/b.txt", QUOTED);
    tmp.file("news/a.txt", QUOTED);
    tmp.file("news/c.md", QUOTED);
    tmp.file("news/sub.txt/d.txt", QUOTED);
    tmp.file("top.txt", QUOTED);
    let out = run(&tmp.0, &["extract", "top.txt", "news"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(ids(&docs(&out)), ["top.txt", "news/a.txt", "news/b.txt"]);
}

#[test]
fn stdin_is_the_default_and_dash() {
    let tmp = TempDir::new();
    for args in [&["extract"][..], &["extract", "-"]] {
        let out = run(&tmp.0, args, QUOTED.as_bytes());
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(ids(&docs(&out)), ["-"]);
    }
}

#[test]
fn jsonl_bad_line_becomes_an_error_record_and_the_stream_goes_on() {
    let tmp = TempDir::new();
    let lines = [
        r#"{"id": "first", "text": "Nothing to see.", "source": "ignored"}"#,
        r#"{"id": "second", "text": oops}"#,
        "",
        r#"{"id": 7, "text": "A numeric id is not an id."}"#,
        r#"{"id": "fifth", "title": "no text field"}"#,
        r#"{"id": "last", "text": "The end."}"#,
    ];
    tmp.file("feed.jsonl", lines.join("\n"));
    let out = run(&tmp.0, &["extract", "feed.jsonl"], b"");
    assert_eq!(out.status.code(), Some(2));
    let docs = docs(&out);
    assert_eq!(
        ids(&docs),
        [
            "first",
            "feed.jsonl:2",
            "feed.jsonl:4",
            "feed.jsonl:5",
            "last"
        ]
    );
    for bad in [&docs[1], &docs[3]] {
        let message = &bad.error.as_ref().unwrap().message;
        assert!(message.starts_with("feed.jsonl: line "), "{message}");
        assert!(bad.quotes.is_none());
    }
    assert!(docs[4].quotes.is_some());
    let err = stderr(&out);
    assert!(err.contains("whosaid: feed.jsonl: line 2: "), "{err}");
    assert!(
        err.contains("whosaid: feed.jsonl: line 5: missing field `text`"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_file_is_reported_with_its_byte_offset_and_others_still_run() {
    let tmp = TempDir::new();
    tmp.file("a.txt", QUOTED);
    tmp.file("broken.txt", b"Caf\xc3\xa9 owner\xff said so.");
    tmp.file("c.txt", QUOTED);
    let out = run(&tmp.0, &["extract", "a.txt", "broken.txt", "c.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    let docs = docs(&out);
    assert_eq!(ids(&docs), ["a.txt", "broken.txt", "c.txt"]);
    let expected = "broken.txt: invalid utf-8 at byte 11";
    assert_eq!(docs[1].error.as_ref().unwrap().message, expected);
    assert!(docs[0].quotes.is_some() && docs[2].quotes.is_some());
    assert_eq!(stderr(&out), format!("whosaid: {expected}\n"));
}

#[test]
fn invalid_utf8_in_a_jsonl_line_names_line_and_byte() {
    let tmp = TempDir::new();
    let mut feed = br#"{"id": "ok", "text": "Fine."}"#.to_vec();
    feed.extend_from_slice(b"\n{\"id\": \"x\", \"text\": \"\xfe\"}\n");
    tmp.file("feed.jsonl", feed);
    let out = run(&tmp.0, &["extract", "feed.jsonl"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(ids(&docs(&out)), ["ok", "feed.jsonl:2"]);
    assert!(stderr(&out).contains("feed.jsonl: line 2: invalid utf-8 at byte 51"));
}

#[test]
fn missing_file_exits_2_naming_it_after_the_other_inputs() {
    let tmp = TempDir::new();
    tmp.file("here.txt", QUOTED);
    let out = run(&tmp.0, &["extract", "gone.txt", "here.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(ids(&docs(&out)), ["gone.txt", "here.txt"]);
    assert_eq!(
        stderr(&out),
        "whosaid: gone.txt: no such file or directory\n"
    );
}

#[test]
fn bad_arguments_exit_2() {
    let tmp = TempDir::new();
    for args in [
        &["extract", "--min-confidence", "lots"][..],
        &["extract", "--format", "xml"],
        &["summarise"],
        &["eval"],
    ] {
        let out = run(&tmp.0, args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn input_option_overrides_the_extension() {
    let tmp = TempDir::new();
    tmp.file("notes.jsonl", "not json at all");
    let out = run(&tmp.0, &["extract", "--input", "text", "notes.jsonl"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(ids(&docs(&out)), ["notes.jsonl"]);

    let feed = "{\"id\": \"s1\", \"text\": \"One.\"}\n{\"text\": \"Two.\"}\n";
    let out = run(&tmp.0, &["extract", "--input", "jsonl"], feed.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(ids(&docs(&out)), ["s1", "-:2"]);
}

#[test]
fn empty_blank_and_lone_quote_inputs_are_valid() {
    let tmp = TempDir::new();
    for text in ["", "  \n\t\n", "“", "\"", "«"] {
        let out = run(&tmp.0, &["extract"], text.as_bytes());
        assert_eq!(out.status.code(), Some(0), "{text:?}: {}", stderr(&out));
        let docs = docs(&out);
        assert_eq!(ids(&docs), ["-"]);
        assert!(docs[0].quotes.is_some());
        if text.trim().is_empty() {
            assert_eq!(docs[0].quotes.as_deref(), Some(&[][..]));
        }
    }
}

#[test]
fn text_format_has_a_header_per_document_and_one_line_per_statement() {
    let tmp = TempDir::new();
    tmp.file("a.txt", QUOTED);
    tmp.file("b.txt", b"\xff");
    let out = run(
        &tmp.0,
        &["extract", "--format", "text", "a.txt", "b.txt"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    let json = run(&tmp.0, &["extract", "a.txt"], b"");
    let found = docs(&json)[0].quotes.as_ref().unwrap().len();
    let noun = if found == 1 {
        "statement"
    } else {
        "statements"
    };
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], format!("# a.txt: {found} {noun}"));
    assert_eq!(lines.len(), 1 + found + 2, "{text}");
    assert_eq!(lines[found + 1], "");
    assert_eq!(lines[found + 2], "# error: b.txt: invalid utf-8 at byte 0");
}

#[test]
fn json_format_is_one_array() {
    let tmp = TempDir::new();
    tmp.file("a.txt", QUOTED);
    tmp.file("b.txt", "Plain words.");
    let out = run(
        &tmp.0,
        &["extract", "--format", "json", "a.txt", "b.txt"],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    let all: Vec<WireDocument> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ids(&all), ["a.txt", "b.txt"]);
    assert!(String::from_utf8(out.stdout).unwrap().lines().count() > 2);

    let empty = TempDir::new();
    std::fs::create_dir(empty.0.join("none")).unwrap();
    let out = run(&empty.0, &["extract", "--format", "json", "none"], b"");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "[]\n");
}

#[test]
fn sentences_lists_spans_per_document() {
    let tmp = TempDir::new();
    let text = "First sentence here. Second one follows.";
    tmp.file("s.txt", text);
    let out = run(&tmp.0, &["sentences", "s.txt", "-"], b"");
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<WireSentences> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!((lines[0].id.as_str(), lines[1].id.as_str()), ("s.txt", "-"));
    for s in lines[0].sentences.as_ref().unwrap() {
        assert_eq!(&text[s.byte_start..s.byte_end], s.text);
    }

    let out = run(&tmp.0, &["sentences", "--format", "text", "s.txt"], b"");
    let listing = String::from_utf8(out.stdout).unwrap();
    let mut lines = listing.lines();
    assert!(lines.next().unwrap().starts_with("# s.txt: "));
    for (i, line) in lines.enumerate() {
        assert!(line.starts_with(&format!("{i}\t")), "{line}");
    }
}

#[test]
fn fail_on_empty_exits_1_only_when_nothing_was_found() {
    let tmp = TempDir::new();
    tmp.file("blank.txt", "");
    let out = run(&tmp.0, &["extract", "--fail-on-empty", "blank.txt"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(ids(&docs(&out)), ["blank.txt"]);

    tmp.file("quoted.txt", QUOTED);
    let out = run(&tmp.0, &["extract", "--fail-on-empty", "quoted.txt"], b"");
    let found: usize = docs(&out)
        .iter()
        .map(|d| d.quotes.as_ref().unwrap().len())
        .sum();
    assert_eq!(out.status.code(), Some(if found == 0 { 1 } else { 0 }));

    // An error outranks an empty result.
    let out = run(&tmp.0, &["extract", "--fail-on-empty", "nope.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn closed_pipe_ends_quietly_with_success() {
    let tmp = TempDir::new();
    let mut feed = String::new();
    for i in 0..20_000 {
        feed.push_str(&format!(
            "{{\"id\": \"r{i}\", \"text\": \"“Item {i} is ready,” the clerk said.\"}}\n"
        ));
    }
    let path = tmp.file("big.jsonl", feed);
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .arg("extract")
        .arg(&path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"id\":\"r0\""), "{first}");
    // The reader is dropped here: the child's next write hits a closed pipe.
    let out = child.wait_with_output().unwrap();
    assert_eq!(stderr(&out), "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn stdin_documents_are_flushed_one_by_one() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["extract", "--input", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(b"{\"id\": \"p1\", \"text\": \"Hi.\"}\n")
        .unwrap();
    stdin.flush().unwrap();
    let stdout = child.stdout.take().unwrap();
    // Read on a thread so a missing flush fails the test instead of hanging it.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx.recv_timeout(Duration::from_secs(60));
    drop(stdin);
    let status = child.wait().unwrap();
    assert!(line.unwrap().starts_with("{\"id\":\"p1\""));
    assert!(status.success());
}

/// Gold in the shape of `../shared/eval`, invented text.
fn gold_file(tmp: &TempDir) -> PathBuf {
    let text = "“We will build it,” said Ada Reyes.";
    let gold = serde_json::json!({
        "id": "g1", "text": text,
        "quotes": [{"kind": "direct",
            "quote": {"start": 0, "end": 19, "text": "“We will build it,”"},
            "speaker": {"start": 25, "end": 34, "text": "Ada Reyes"},
            "cue": {"start": 20, "end": 24, "text": "said"}}]
    });
    tmp.file("gold.jsonl", format!("{gold}\n"))
}

#[test]
fn eval_runs_the_extractor_or_reads_predictions() {
    let tmp = TempDir::new();
    gold_file(&tmp);
    let out = run(&tmp.0, &["eval", "--gold", "gold.jsonl"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!out.stdout.is_empty());

    let out = run(&tmp.0, &["eval", "--gold", "gold.jsonl", "--json"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap();

    tmp.file("pred.jsonl", "{\"id\": \"g1\", \"quotes\": []}\n");
    let out = run(
        &tmp.0,
        &["eval", "--gold", "gold.jsonl", "--pred", "pred.jsonl"],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn eval_bad_prediction_line_exits_2_without_a_report() {
    let tmp = TempDir::new();
    gold_file(&tmp);
    tmp.file(
        "pred.jsonl",
        "{\"id\": \"g1\", \"quotes\": []}\n{\"id\": \"g2\", \"extra\": 1}\n",
    );
    let out = run(
        &tmp.0,
        &["eval", "--gold", "gold.jsonl", "--pred", "pred.jsonl"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).starts_with("whosaid: pred.jsonl: line 2: "));

    let out = run(&tmp.0, &["eval", "--gold", "absent.jsonl"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("whosaid: absent.jsonl"),
        "{}",
        stderr(&out)
    );
}
