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

/// Many small documents, some with statements, some bad, as JSONL.
fn mixed_feed(n: usize) -> String {
    let mut feed = String::new();
    for i in 0..n {
        match i % 7 {
            3 => feed.push_str(&format!("{{\"id\": \"bad{i}\", \"text\": oops}}\n")),
            5 => feed.push('\n'),
            _ => feed.push_str(&format!(
                "{{\"id\": \"d{i}\", \"text\": \"“Item {i} is ready,” the clerk, Ana Diaz, said. She left.\"}}\n"
            )),
        }
    }
    feed
}

#[test]
fn jobs_keep_input_order_and_give_the_same_bytes() {
    let tmp = TempDir::new();
    tmp.file("feed.jsonl", mixed_feed(2_000));
    let one = run(&tmp.0, &["extract", "-j", "1", "feed.jsonl"], b"");
    assert_eq!(one.status.code(), Some(2)); // the bad lines
    let docs = docs(&one);
    assert_eq!(docs.len(), (0..2_000).filter(|i| i % 7 != 5).count());
    assert_eq!(docs[0].id, "d0");
    assert!(
        docs.iter()
            .any(|d| d.quotes.as_ref().is_some_and(|q| !q.is_empty()))
    );
    for jobs in ["2", "3", "8"] {
        let many = run(&tmp.0, &["extract", "--jobs", jobs, "feed.jsonl"], b"");
        assert_eq!(many.status.code(), Some(2));
        assert!(many.stdout == one.stdout, "-j {jobs} differs from -j 1");
        // Errors are reported in input order too.
        assert_eq!(stderr(&many), stderr(&one));
    }
    for format in ["json", "text"] {
        let a = run(
            &tmp.0,
            &["extract", "-j1", "--format", format, "feed.jsonl"],
            b"",
        );
        let b = run(
            &tmp.0,
            &["extract", "-j2", "--format", format, "feed.jsonl"],
            b"",
        );
        assert!(a.stdout == b.stdout, "{format}");
    }
    let a = run(&tmp.0, &["sentences", "-j1", "feed.jsonl"], b"");
    let b = run(&tmp.0, &["sentences", "-j2", "feed.jsonl"], b"");
    assert!(a.stdout == b.stdout && !a.stdout.is_empty());
}

#[test]
fn lines_parsed_where_the_reader_holds_them_give_what_copied_lines_give() {
    // With one job a line that lies whole in the reader's buffer is parsed there; with two, and
    // for a line across the end of the buffer (64 KiB) or longer than it, it is copied out. A
    // BOM first, CRLF endings, blank and spaced lines, a bad record, invalid UTF-8, a line at
    // the length limit and one over it, and a last line without its newline.
    let mut feed = b"\xEF\xBB\xBF".to_vec();
    let long = "A clerk said so. ".repeat(5_000);
    for i in 0..3_000 {
        let line = match i % 11 {
            1 => "\r\n".to_string(),
            2 => "   \n".to_string(),
            3 => format!("{{\"id\": \"bad{i}\", \"text\": oops}}\n"),
            4 => format!(
                "{{\"id\": \"crlf{i}\", \"text\": \"\\u201cYes,\\u201d Ana Diaz said.\"}}\r\n"
            ),
            6 if i % 3 == 0 => format!("{{\"id\": \"long{i}\", \"text\": \"{long}\"}}\n"),
            _ => format!(
                "{{\"id\": \"d{i}\", \"text\": \"\\u201cItem {i} is ready,\\u201d the clerk, Ana Diaz, said.\\n\\nShe left.\"}}\n"
            ),
        };
        feed.extend_from_slice(line.as_bytes());
        if i % 500 == 7 {
            feed.extend_from_slice(b"{\"id\": \"utf8\", \"text\": \"caf\xE9\"}\n");
        }
    }
    feed.extend_from_slice(b"{\"id\": \"last\", \"text\": \"No newline.\"}");
    // Standard input gets the lines of the first 60 kB: `run` writes all of it before
    // reading the output, which must not fill the pipe first.
    let head = &feed[..=feed[..60_000].iter().rposition(|&b| b == b'\n').unwrap()];
    let tmp = TempDir::new();
    tmp.file("feed.jsonl", &feed);
    let limit = long.len().to_string();
    for args in [&[][..], &["--max-doc-bytes", &limit][..], &["--lossy"][..]] {
        let with = |jobs: &str, input: &str| {
            let mut all = vec!["extract", "--input", "jsonl", "-j", jobs];
            all.extend_from_slice(args);
            if input == "-" {
                run(&tmp.0, &all, head)
            } else {
                all.push(input);
                run(&tmp.0, &all, b"")
            }
        };
        let copied = with("2", "feed.jsonl");
        assert!(docs(&copied).len() > 2_000, "{args:?}");
        for (input, copied) in [("feed.jsonl", copied), ("-", with("2", "-"))] {
            let in_place = with("1", input);
            assert!(in_place.stdout == copied.stdout, "{args:?} {input}");
            assert_eq!(stderr(&in_place), stderr(&copied), "{args:?} {input}");
            assert_eq!(in_place.status.code(), copied.status.code());
        }
    }
}

#[test]
fn jobs_zero_is_a_bad_argument() {
    let tmp = TempDir::new();
    let out = run(&tmp.0, &["extract", "-j", "0"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn max_doc_bytes_turns_long_documents_into_error_records() {
    let tmp = TempDir::new();
    let long = "word ".repeat(100);
    let feed = format!(
        "{{\"id\": \"short\", \"text\": \"Fine.\"}}\n{{\"id\": \"long\", \"text\": \"{long}\"}}\n{{\"id\": \"after\", \"text\": \"Fine.\"}}\n"
    );
    tmp.file("feed.jsonl", &feed);
    tmp.file("long.txt", &long);
    tmp.file("short.txt", "Fine.");
    let line_len = feed.lines().nth(1).unwrap().len();
    for jobs in ["1", "2"] {
        let out = run(
            &tmp.0,
            &[
                "extract",
                "-j",
                jobs,
                "--max-doc-bytes",
                "100",
                "feed.jsonl",
                "long.txt",
                "short.txt",
            ],
            b"",
        );
        assert_eq!(out.status.code(), Some(2));
        let docs = docs(&out);
        assert_eq!(
            ids(&docs),
            ["short", "feed.jsonl:2", "after", "long.txt", "short.txt"]
        );
        let message = |i: usize| docs[i].error.as_ref().unwrap().message.clone();
        assert_eq!(
            message(1),
            format!(
                "feed.jsonl: line 2: document of {line_len} bytes exceeds the limit of 100 bytes"
            )
        );
        assert_eq!(
            message(3),
            "long.txt: document of 500 bytes exceeds the limit of 100 bytes"
        );
        assert!(docs[2].quotes.is_some() && docs[4].quotes.is_some());
    }
    // Standard input, whose size is not known beforehand.
    let out = run(
        &tmp.0,
        &["extract", "--max-doc-bytes", "100"],
        long.as_bytes(),
    );
    assert_eq!(
        docs(&out)[0].error.as_ref().unwrap().message,
        "-: document of 500 bytes exceeds the limit of 100 bytes"
    );
    // At the limit is fine.
    let out = run(
        &tmp.0,
        &["extract", "--max-doc-bytes", "500", "long.txt"],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn lossy_replaces_invalid_bytes_one_for_one_and_keeps_offsets() {
    let tmp = TempDir::new();
    let mut text = b"\xff\xfe \xe2\x80 ".to_vec(); // two bad bytes, a truncated sequence
    text.extend_from_slice(QUOTED.as_bytes());
    text.extend_from_slice(b"Caf\xe9.");
    tmp.file("bad.txt", &text);
    let strict = run(&tmp.0, &["extract", "bad.txt"], b"");
    assert_eq!(strict.status.code(), Some(2));
    let out = run(&tmp.0, &["extract", "--lossy", "--stats", "bad.txt"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 repaired"), "{}", stderr(&out));
    let docs = docs(&out);
    let quotes = docs[0].quotes.as_ref().unwrap();
    assert!(!quotes.is_empty());
    for q in quotes {
        // Byte offsets point into the original bytes, which hold the same text there.
        let original = std::str::from_utf8(&text[q.quote.byte_start..q.quote.byte_end]).unwrap();
        assert_eq!(original, q.quote.text);
    }
    // "\xff\xfe \xe2\x80 " became "?? ?? ": the quote starts at byte 6 as in the original.
    assert!(QUOTED.starts_with('“'));
    assert_eq!(quotes[0].quote.byte_start, 6);
    assert_eq!(quotes[0].quote.start, 6);

    // The same in a JSONL line.
    let mut feed = b"{\"id\": \"x\", \"text\": \"".to_vec();
    feed.extend_from_slice(b"\xff");
    feed.extend_from_slice(QUOTED.trim_end().as_bytes());
    feed.extend_from_slice(b"\"}\n");
    tmp.file("feed.jsonl", &feed);
    let out = run(&tmp.0, &["extract", "--lossy", "feed.jsonl"], b"");
    assert_eq!(out.status.code(), Some(0));
    let docs = self::docs(&out);
    assert_eq!(docs[0].id, "x");
    assert_eq!(docs[0].quotes.as_ref().unwrap()[0].quote.byte_start, 1);
}

#[test]
fn stats_prints_one_summary_line_and_quiet_nothing_else() {
    let tmp = TempDir::new();
    tmp.file("feed.jsonl", mixed_feed(30));
    let out = run(&tmp.0, &["extract", "--quiet", "feed.jsonl"], b"");
    assert!(!stderr(&out).contains("documents"));
    let out = run(
        &tmp.0,
        &["extract", "--quiet", "--stats", "-j2", "feed.jsonl"],
        b"",
    );
    let err = stderr(&out);
    let found: usize = docs(&out)
        .iter()
        .map(|d| d.quotes.as_ref().map_or(0, Vec::len))
        .sum();
    let summary = err.lines().last().unwrap();
    let expected = format!("whosaid: 26 documents, {found} statements, 4 errors, ");
    assert!(summary.starts_with(&expected), "{summary}");
    assert!(
        summary.contains(" MB in ") && summary.contains("MB/s"),
        "{summary}"
    );
    // Without a terminal there is no progress bar: stderr is the error lines and the summary.
    assert_eq!(err.lines().count(), 5, "{err}");
}
