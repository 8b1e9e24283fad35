//! The binary's commands: `extract`, `sentences`, `eval`.

mod args;
mod eval;
mod input;
mod output;
mod pipeline;
mod record;
mod spare;

use anyhow::Result;
use args::{Cli, Command, ExtractArgs, InputArgs};
use clap::Parser;
use input::ReadOptions;
use output::Output;
use pipeline::Outcome;
use std::io::{self, BufWriter, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;
use whosaid::wire::{self, CharIndex, WireSentences};

/// Ran but found nothing where the user asked to fail on that (`--fail-on-empty`).
pub const EXIT_EMPTY: u8 = 1;
/// Any error: bad arguments (clap's own default), unreadable input, malformed records.
pub const EXIT_ERROR: u8 = 2;

pub fn run() -> Result<ExitCode> {
    match Cli::parse().command {
        Command::Extract(args) => extract(args),
        Command::Sentences(args) => sentences(args),
        Command::Eval(args) => eval::run(args),
    }
}

/// Whether `e` comes from writing to a reader that went away.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// An `io::Error` as a lowercase message without the "(os error N)" suffix.
pub fn io_message(e: &io::Error) -> String {
    let full = e.to_string();
    let msg = full.split(" (os error").next().unwrap_or_default();
    let mut chars = msg.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_lowercase().chain(chars).collect())
}

/// A library error as a lowercase message naming the input.
pub fn error_message(e: &whosaid::Error) -> String {
    match e {
        whosaid::Error::Io {
            source_name,
            source,
        } => format!("{source_name}: {}", io_message(source)),
        other => other.to_string(),
    }
}

/// Tells the user about a bad input; the run goes on and ends with [`EXIT_ERROR`].
pub fn report(message: &str) {
    // Not `eprintln!`, which panics when stderr is closed.
    let _ = writeln!(io::stderr().lock(), "whosaid: {message}");
}

/// Runs the library on one document. A panic there must not lose the rest of a large run: the
/// document gets an error record instead (the panic message itself is already on stderr).
fn guarded<T>(id: &str, f: impl FnOnce() -> T) -> Result<T, String> {
    panic::catch_unwind(AssertUnwindSafe(f))
        .map_err(|_| format!("{id}: internal error: whosaid panicked on this document"))
}

fn paths(args: &InputArgs) -> Vec<PathBuf> {
    if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    }
}

fn read_options(args: &InputArgs) -> ReadOptions {
    ReadOptions {
        kind: args.input,
        lossy: args.run.lossy,
        max_doc_bytes: args.run.max_doc_bytes,
        parse_in_reader: false,
    }
}

fn extract(args: ExtractArgs) -> Result<ExitCode> {
    let extractor = args.options.extractor();
    let format = args.input.format;
    let out = Output::new(BufWriter::with_capacity(64 << 10, io::stdout()), format);
    let work = |doc: input::Doc, buf: &mut Vec<u8>| {
        let found = doc.text.and_then(|text| {
            guarded(&doc.id, || extractor.extract(&text)).map(|statements| (text, statements))
        });
        match found {
            // The common case, serialised from borrowed strings.
            Ok((text, statements)) if format != args::Format::Text => {
                let record = wire::DocumentRef {
                    id: &doc.id,
                    text: &text,
                    statements: &statements,
                };
                if format == args::Format::Jsonl {
                    record.write_json(buf);
                    buf.push(b'\n');
                } else {
                    output::render_json(format, &record, buf)?;
                }
                spare::give_string(text);
                Ok(Outcome {
                    items: statements.len(),
                    error: None,
                })
            }
            Ok((text, statements)) => {
                let record = wire::document(&doc.id, &text, &statements);
                output::render_document(format, &record, buf)?;
                Ok(Outcome {
                    items: statements.len(),
                    error: None,
                })
            }
            Err(message) => {
                let record = wire::error_document(&doc.id, message.clone());
                output::render_document(format, &record, buf)?;
                Ok(Outcome {
                    items: 0,
                    error: Some(message),
                })
            }
        }
    };
    let summary = pipeline::run(
        &paths(&args.input),
        read_options(&args.input),
        &args.input.run,
        "statements",
        out,
        work,
    )?;
    Ok(if summary.errors > 0 {
        ExitCode::from(EXIT_ERROR)
    } else if args.fail_on_empty && summary.items == 0 {
        ExitCode::from(EXIT_EMPTY)
    } else {
        ExitCode::SUCCESS
    })
}

fn sentences(args: InputArgs) -> Result<ExitCode> {
    let format = args.format;
    let out = Output::new(BufWriter::with_capacity(64 << 10, io::stdout()), format);
    let work = |doc: input::Doc, buf: &mut Vec<u8>| {
        let spans = doc.text.and_then(|text| {
            guarded(&doc.id, || whosaid::segment::sentences(&text)).map(|spans| {
                let index = CharIndex::new(&text);
                spans.into_iter().map(|s| index.span(s)).collect::<Vec<_>>()
            })
        });
        let (record, error) = match spans {
            Ok(spans) => (
                WireSentences {
                    id: doc.id,
                    sentences: Some(spans),
                    error: None,
                },
                None,
            ),
            Err(message) => (
                WireSentences {
                    id: doc.id,
                    sentences: None,
                    error: Some(wire::WireError {
                        message: message.clone(),
                    }),
                },
                Some(message),
            ),
        };
        output::render_sentences(format, &record, buf)?;
        Ok(Outcome {
            items: record.sentences.as_ref().map_or(0, Vec::len),
            error,
        })
    };
    let summary = pipeline::run(
        &paths(&args),
        read_options(&args),
        &args.run,
        "sentences",
        out,
        work,
    )?;
    Ok(if summary.errors > 0 {
        ExitCode::from(EXIT_ERROR)
    } else {
        ExitCode::SUCCESS
    })
}
