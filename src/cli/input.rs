//! Turning PATH arguments into a stream of documents.
//!
//! Documents are handed to a callback one at a time, so a JSONL file of any size is read line
//! by line with one reused buffer and never held in memory. A document that cannot be read
//! arrives as `Err(message)`, so the caller can write an error record and carry on. A document
//! longer than the limit is never buffered: a JSONL line is read in chunks and, once it passes
//! the limit, skipped to its newline.

use super::args::InputKind;
use super::io_message;
use serde::Deserialize;
use std::ffi::OsStr;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Buffer size for reading files and standard input.
const READ_BUFFER: usize = 64 << 10;

/// One input document.
pub struct Doc {
    /// The path as given, the JSONL record's id, `<path>:<line>`, or `-` for stdin.
    pub id: String,
    /// The text, or a lowercase message naming the input and the position of the problem.
    pub text: Result<String, String>,
    /// Nothing more is buffered from its input: reading on may block (standard input), so
    /// the documents read so far should be processed and written now. This is what makes the
    /// command work as a pipe stage.
    pub idle: bool,
    /// Input bytes this document took (its line, newline included, or its file), for progress.
    pub bytes: u64,
    /// Invalid UTF-8 was replaced (`--lossy`).
    pub repaired: bool,
    /// A JSONL line not parsed yet: the reader only splits lines, and [`Doc::parse`] runs on
    /// the worker, so with several jobs the reader thread does not hold back the workers.
    pub raw: Option<Box<RawLine>>,
}

/// A JSONL line as read, with what [`parse_line`] needs to name it in an error.
pub struct RawLine {
    bytes: Vec<u8>,
    name: String,
    line: usize,
    offset: usize,
    lossy: bool,
}

impl Doc {
    /// The document with its JSONL line parsed (id and text set); as it is when already parsed.
    pub fn parse(mut self) -> Doc {
        let Some(raw) = self.raw.take() else {
            return self;
        };
        let RawLine {
            mut bytes,
            name,
            line,
            offset,
            lossy,
        } = *raw;
        let repaired = lossy && repair(&mut bytes);
        // The reader checked that the line is not blank, so this is a document.
        let parsed = parse_line(&bytes, &name, line, offset, self.idle);
        super::spare::give_bytes(bytes);
        debug_assert!(parsed.is_some());
        match parsed {
            Some(doc) => Doc {
                bytes: self.bytes,
                repaired,
                ..doc
            },
            None => self,
        }
    }
}

/// How documents are read.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    pub kind: Option<InputKind>,
    /// Replace invalid UTF-8 byte for byte with `?` (see [`repair`]).
    pub lossy: bool,
    /// Longest document read; a longer one becomes an error record.
    pub max_doc_bytes: usize,
    /// Parse each JSONL line as it is read, where the reader's buffer holds it, rather than
    /// copy it out for a worker to parse (see [`Doc::raw`]): for when the reader is the worker.
    pub parse_in_reader: bool,
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
    opts: ReadOptions,
    f: &mut dyn FnMut(Doc) -> io::Result<()>,
) -> io::Result<()> {
    for path in paths {
        if path.as_os_str() == "-" {
            let stdin = BufReader::with_capacity(READ_BUFFER, io::stdin().lock());
            match opts.kind.unwrap_or(InputKind::Text) {
                InputKind::Text => f(read_text(stdin, "-", None, opts))?,
                InputKind::Jsonl => read_jsonl(stdin, "-", true, opts, f)?,
            }
        } else if path.is_dir() {
            match list_dir(path, opts.kind) {
                Ok(files) => {
                    for file in files {
                        read_file(&file, opts, f)?;
                    }
                }
                Err(e) => f(failed(path, &e))?,
            }
        } else {
            read_file(path, opts, f)?;
        }
    }
    Ok(())
}

/// Total size in bytes of the inputs, when all are files or directories (for a progress bar
/// with an ETA); `None` when standard input is among them.
pub fn total_bytes(paths: &[PathBuf], kind: Option<InputKind>) -> Option<u64> {
    let mut total = 0;
    for path in paths {
        if path.as_os_str() == "-" {
            return None;
        } else if path.is_dir() {
            for file in list_dir(path, kind).unwrap_or_default() {
                total += fs::metadata(file).map_or(0, |m| m.len());
            }
        } else {
            total += fs::metadata(path).map_or(0, |m| m.len());
        }
    }
    Some(total)
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
    opts: ReadOptions,
    f: &mut dyn FnMut(Doc) -> io::Result<()>,
) -> io::Result<()> {
    let name = path.display().to_string();
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) => return f(failed(path, &e)),
    };
    let jsonl = path.extension() == Some(OsStr::new("jsonl"));
    let reader = BufReader::with_capacity(READ_BUFFER, file);
    match opts.kind.unwrap_or(if jsonl {
        InputKind::Jsonl
    } else {
        InputKind::Text
    }) {
        InputKind::Text => {
            let size = reader.get_ref().metadata().ok().map(|m| m.len());
            f(read_text(reader, &name, size, opts))
        }
        InputKind::Jsonl => read_jsonl(reader, &name, false, opts, f),
    }
}

fn failed(path: &Path, e: &io::Error) -> Doc {
    let name = path.display().to_string();
    Doc {
        text: Err(format!("{name}: {}", io_message(e))),
        id: name,
        idle: false,
        bytes: 0,
        repaired: false,
        raw: None,
    }
}

fn too_long(bytes: u64, limit: usize) -> String {
    format!("document of {bytes} bytes exceeds the limit of {limit} bytes")
}

/// A whole text file (or stdin) as one document. The text is kept byte for byte (no BOM or
/// line-ending changes) so output offsets are offsets into the file. `size` is the file's
/// size when known, so an oversized file is not read at all.
fn read_text(mut reader: impl Read, name: &str, size: Option<u64>, opts: ReadOptions) -> Doc {
    let limit = opts.max_doc_bytes;
    let mut doc = Doc {
        id: name.to_string(),
        text: Err(String::new()),
        idle: true,
        bytes: 0,
        repaired: false,
        raw: None,
    };
    if let Some(size) = size.filter(|&n| n > limit as u64) {
        doc.bytes = size;
        doc.text = Err(format!("{name}: {}", too_long(size, limit)));
        return doc;
    }
    let mut bytes = Vec::new();
    let read = (&mut reader)
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .and_then(|n| {
            if n > limit {
                // Count the rest without keeping it.
                bytes = Vec::new();
                Ok(n as u64 + io::copy(&mut reader, &mut io::sink())?)
            } else {
                Ok(n as u64)
            }
        });
    doc.text = match read {
        Err(e) => Err(format!("{name}: {}", io_message(&e))),
        Ok(n) if n > limit as u64 => {
            doc.bytes = n;
            Err(format!("{name}: {}", too_long(n, limit)))
        }
        Ok(n) => {
            doc.bytes = n;
            if opts.lossy {
                doc.repaired = repair(&mut bytes);
            }
            String::from_utf8(bytes)
                .map_err(|e| whosaid::Error::from_utf8(name, e.utf8_error()).to_string())
        }
    };
    doc
}

/// Replaces each byte of every invalid UTF-8 sequence in `bytes` by `?`, one byte for one
/// byte, so that byte offsets into the result are byte offsets into the original. Whether
/// anything was replaced.
pub fn repair(bytes: &mut [u8]) -> bool {
    let mut start = 0;
    let mut repaired = false;
    while let Err(e) = std::str::from_utf8(&bytes[start..]) {
        let bad = start + e.valid_up_to();
        let end = e.error_len().map_or(bytes.len(), |n| bad + n);
        bytes[bad..end].fill(b'?');
        repaired = true;
        start = end;
    }
    repaired
}

/// How one JSONL line was read.
enum Line {
    End,
    /// A line of this many bytes (newline included) is in the buffer.
    Read(usize),
    /// The line had this many bytes (newline not included), more than the limit: it was
    /// skipped and the buffer is empty.
    TooLong(u64, usize),
}

/// Reads one line into `buf` (cleared first), but never more than `limit` bytes of it.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>, limit: usize) -> io::Result<Line> {
    buf.clear();
    let (mut total, mut skipping, mut newline) = (0u64, false, false);
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        let (n, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if !skipping {
            buf.extend_from_slice(&available[..n]);
            let content = buf.len() - usize::from(done);
            if content > limit {
                skipping = true;
                *buf = Vec::new();
            }
        }
        reader.consume(n);
        total += n as u64;
        if done {
            newline = true;
            break;
        }
    }
    Ok(if total == 0 {
        Line::End
    } else if skipping {
        Line::TooLong(total - u64::from(newline), total as usize)
    } else {
        Line::Read(total as usize)
    })
}

/// Each non-blank line of a JSONL stream as one document; a line that is not a record becomes
/// an error document with id `<name>:<line>` and the stream goes on.
fn read_jsonl<R: Read>(
    mut reader: BufReader<R>,
    name: &str,
    may_block: bool,
    opts: ReadOptions,
    f: &mut dyn FnMut(Doc) -> io::Result<()>,
) -> io::Result<()> {
    let mut buf = Vec::new();
    let mut line = 0;
    let mut offset = 0; // byte offset of the current line in the stream, for utf-8 errors
    loop {
        line += 1;
        // A line that lies whole in the reader's buffer is parsed where it lies: what
        // `read_line` and the branches below give for it, without the copy. (Repair changes
        // the bytes, so `--lossy` copies them.)
        if opts.parse_in_reader
            && !opts.lossy
            && let Some(n) = memchr::memchr(b'\n', reader.buffer()).map(|i| i + 1)
            && n - 1 <= opts.max_doc_bytes
        {
            // Nothing more is buffered once this line is consumed.
            let idle = may_block && reader.buffer().len() == n;
            let doc = parse_line(&reader.buffer()[..n], name, line, offset, idle).map(|mut doc| {
                doc.bytes = n as u64;
                doc
            });
            reader.consume(n);
            offset += n;
            if let Some(doc) = doc {
                f(doc)?;
            }
            continue;
        }
        let read = read_line(&mut reader, &mut buf, opts.max_doc_bytes);
        let idle = may_block && reader.buffer().is_empty();
        let doc = match read {
            Ok(Line::End) => return Ok(()),
            Ok(Line::Read(n)) if surely_not_blank(&buf) => {
                offset += n;
                Some(Doc {
                    id: String::new(),
                    text: Err(String::new()),
                    idle,
                    bytes: n as u64,
                    repaired: false,
                    raw: Some(Box::new(RawLine {
                        // Handed over rather than copied; the next line is read into a buffer
                        // of this one's size.
                        bytes: std::mem::replace(&mut buf, super::spare::bytes(n)),
                        name: name.to_string(),
                        line,
                        offset: offset - n,
                        lossy: opts.lossy,
                    })),
                })
            }
            Ok(Line::Read(n)) => {
                let repaired = opts.lossy && repair(&mut buf);
                let doc = parse_line(&buf, name, line, offset, idle).map(|mut doc| {
                    doc.bytes = n as u64;
                    doc.repaired = repaired;
                    doc
                });
                offset += n;
                doc
            }
            Ok(Line::TooLong(len, n)) => {
                offset += n;
                Some(Doc {
                    id: format!("{name}:{line}"),
                    text: Err(format!(
                        "{name}: line {line}: {}",
                        too_long(len, opts.max_doc_bytes)
                    )),
                    idle,
                    bytes: n as u64,
                    repaired: false,
                    raw: None,
                })
            }
            Err(e) => {
                // The stream itself failed: report it at this line and give up on the file.
                let text = Err(format!("{name}: line {line}: {}", io_message(&e)));
                let id = format!("{name}:{line}");
                return f(Doc {
                    id,
                    text,
                    idle: true,
                    bytes: 0,
                    repaired: false,
                    raw: None,
                });
            }
        };
        if let Some(doc) = doc {
            f(doc)?;
        }
    }
}

/// The line is certainly not blank for [`parse_line`]: its first byte that is not ASCII
/// whitespace is ASCII (a BOM or other non-ASCII lead, or an all-space line, is left to
/// `parse_line` on the reader, which tells them apart). `--lossy` repair never changes
/// ASCII bytes, so it cannot change the answer.
fn surely_not_blank(raw: &[u8]) -> bool {
    // The ASCII characters `char::is_whitespace` accepts, as `str::trim` does.
    raw.iter()
        .find(|&&b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c))
        .is_some_and(u8::is_ascii)
}

/// `None` for a blank line.
fn parse_line(raw: &[u8], name: &str, line: usize, offset: usize, idle: bool) -> Option<Doc> {
    let bad = |message: String| {
        let error = whosaid::Error::BadRecord {
            source_name: name.to_string(),
            line,
            message,
        };
        Some(Doc {
            id: format!("{name}:{line}"),
            text: Err(error.to_string()),
            idle,
            bytes: 0,
            repaired: false,
            raw: None,
        })
    };
    // A vectorised check first (most lines are valid); std's again on failure, for the
    // position of the error.
    let checked = simdutf8::basic::from_utf8(raw).or_else(|_| std::str::from_utf8(raw));
    let s = match checked {
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
    if let Some(record) = super::record::parse(s) {
        return Some(Doc {
            id: record.id.unwrap_or_else(|| format!("{name}:{line}")),
            text: Ok(record.text),
            idle,
            bytes: 0,
            repaired: false,
            raw: None,
        });
    }
    match serde_json::from_str::<Record>(s) {
        Ok(record) => Some(Doc {
            id: match record.id {
                Some(serde_json::Value::String(id)) => id,
                _ => format!("{name}:{line}"),
            },
            text: Ok(record.text),
            idle,
            bytes: 0,
            repaired: false,
            raw: None,
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
