//! Turning PATH arguments into a stream of documents.
//!
//! Documents are handed to a callback one at a time, so a JSONL file of any size is read line
//! by line with one reused buffer and never held in memory. A document that cannot be read
//! arrives as `Err(message)`, so the caller can write an error record and carry on.

use super::args::InputKind;
use super::io_message;
use serde::Deserialize;
use std::ffi::OsStr;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One input document.
pub struct Doc {
    /// The path as given, the JSONL record's id, `<path>:<line>`, or `-` for stdin.
    pub id: String,
    /// The text, or a lowercase message naming the input and the position of the problem.
    pub text: Result<String, String>,
    /// Read from stdin: the output should be flushed after it, so the command works as a
    /// pipe stage.
    pub interactive: bool,
}

/// A JSONL input line. Unknown fields are ignored (serde's default) so annotated corpora can
/// be fed as they are.
#[derive(Deserialize)]
#[serde(expecting = "an object with a \"text\" string")]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
}

/// Calls `f` with every document of `paths` in order (`-` is stdin). Stops only when `f`
/// fails, i.e. when the output cannot be written.
pub fn for_each_doc(
    paths: &[PathBuf],
    kind: Option<InputKind>,
    f: &mut dyn FnMut(Doc) -> io::Result<()>,
) -> io::Result<()> {
    for path in paths {
        if path.as_os_str() == "-" {
            match kind.unwrap_or(InputKind::Text) {
                InputKind::Text => f(read_text(io::stdin().lock(), "-", true))?,
                InputKind::Jsonl => read_jsonl(io::stdin().lock(), "-", true, f)?,
            }
        } else if path.is_dir() {
            match list_dir(path, kind) {
                Ok(files) => {
                    for file in files {
                        read_file(&file, kind, f)?;
                    }
                }
                Err(e) => f(failed(path, &e))?,
            }
        } else {
            read_file(path, kind, f)?;
        }
    }
    Ok(())
}

/// The directory's `*.txt` files (`*.jsonl` with `--input jsonl`), sorted by name.
fn list_dir(dir: &Path, kind: Option<InputKind>) -> io::Result<Vec<PathBuf>> {
    let wanted = match kind {
        Some(InputKind::Jsonl) => "jsonl",
        _ => "txt",
    };
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension() == Some(OsStr::new(wanted)) && !path.is_dir() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn read_file(
    path: &Path,
    kind: Option<InputKind>,
    f: &mut dyn FnMut(Doc) -> io::Result<()>,
) -> io::Result<()> {
    let name = path.display().to_string();
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) => return f(failed(path, &e)),
    };
    let jsonl = path.extension() == Some(OsStr::new("jsonl"));
    match kind.unwrap_or(if jsonl {
        InputKind::Jsonl
    } else {
        InputKind::Text
    }) {
        InputKind::Text => f(read_text(file, &name, false)),
        InputKind::Jsonl => read_jsonl(BufReader::new(file), &name, false, f),
    }
}

fn failed(path: &Path, e: &io::Error) -> Doc {
    let name = path.display().to_string();
    Doc {
        text: Err(format!("{name}: {}", io_message(e))),
        id: name,
        interactive: false,
    }
}

/// A whole text file (or stdin) as one document. The text is kept byte for byte (no BOM or
/// line-ending changes) so output offsets are offsets into the file.
fn read_text(mut reader: impl Read, name: &str, interactive: bool) -> Doc {
    let mut bytes = Vec::new();
    let text = match reader.read_to_end(&mut bytes) {
        Err(e) => Err(format!("{name}: {}", io_message(&e))),
        Ok(_) => String::from_utf8(bytes)
            .map_err(|e| whosaid::Error::from_utf8(name, e.utf8_error()).to_string()),
    };
    Doc {
        id: name.to_string(),
        text,
        interactive,
    }
}

/// Each non-blank line of a JSONL stream as one document; a line that is not a record becomes
/// an error document with id `<name>:<line>` and the stream goes on.
fn read_jsonl(
    mut reader: impl BufRead,
    name: &str,
    interactive: bool,
    f: &mut dyn FnMut(Doc) -> io::Result<()>,
) -> io::Result<()> {
    let mut buf = Vec::new();
    let mut line = 0;
    let mut offset = 0; // byte offset of the current line in the stream, for utf-8 errors
    loop {
        buf.clear();
        line += 1;
        let n = match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e) => {
                // The stream itself failed: report it at this line and give up on the file.
                let text = Err(format!("{name}: line {line}: {}", io_message(&e)));
                let id = format!("{name}:{line}");
                return f(Doc {
                    id,
                    text,
                    interactive,
                });
            }
        };
        let doc = parse_line(&buf, name, line, offset, interactive);
        offset += n;
        if let Some(doc) = doc {
            f(doc)?;
        }
    }
}

/// `None` for a blank line.
fn parse_line(
    raw: &[u8],
    name: &str,
    line: usize,
    offset: usize,
    interactive: bool,
) -> Option<Doc> {
    let bad = |message: String| {
        let error = whosaid::Error::BadRecord {
            source_name: name.to_string(),
            line,
            message,
        };
        Some(Doc {
            id: format!("{name}:{line}"),
            text: Err(error.to_string()),
            interactive,
        })
    };
    let s = match std::str::from_utf8(raw) {
        Ok(s) => s,
        Err(e) => {
            return bad(format!(
                "invalid utf-8 at byte {}",
                offset + e.valid_up_to()
            ));
        }
    };
    // A BOM before the first record is an editor's artefact, not part of the JSON.
    let s = if line == 1 {
        s.trim_start_matches('\u{feff}')
    } else {
        s
    };
    if s.trim().is_empty() {
        return None;
    }
    match serde_json::from_str::<Record>(s) {
        Ok(record) => Some(Doc {
            id: match record.id {
                Some(serde_json::Value::String(id)) => id,
                _ => format!("{name}:{line}"),
            },
            text: Ok(record.text),
            interactive,
        }),
        Err(e) => bad(json_message(&e)),
    }
}

/// serde_json's message with its "at line 1 column N" (always line 1 here) turned into
/// "at column N", since the line number is already in the message.
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match full.strip_suffix(&suffix) {
        Some(msg) => format!("{msg} at column {}", e.column()),
        None => full,
    }
}
