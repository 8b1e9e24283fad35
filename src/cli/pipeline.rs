//! Running a command over a stream of documents: batches, worker threads, ordered output,
//! progress and the closing summary.
//!
//! The reader (the calling thread) groups documents into batches of at most [`BATCH_DOCS`]
//! documents or [`BATCH_BYTES`] bytes of input. With one job each document is processed on the
//! calling thread as it is read, and the output written a batch at a time. With N jobs, N
//! workers process batches and one writer thread writes them back in input order. At most `2 N + 2` batches are in flight (read, not yet written),
//! so memory stays bounded whatever the input's length. The output is flushed after every
//! batch, and a batch is also cut short when reading on from standard input could block, so
//! the command works as a pipe stage.

use super::args::RunArgs;
use super::input::{self, Doc, ReadOptions};
use super::output::Output;
use super::report;
use crossbeam_channel::{Receiver, Sender, bounded};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Most documents in one batch.
const BATCH_DOCS: usize = 64;
/// Most input bytes in one batch (a single larger document makes a batch of its own).
const BATCH_BYTES: u64 = 128 << 10;
/// Room for a batch's output with one job: about one and a half times its input (see
/// [`output_room`]).
const BATCH_OUTPUT_BYTES: usize = (BATCH_BYTES as usize) * 3 / 2 + (16 << 10);
/// Most room an output buffer keeps from one batch to the next.
const KEPT_OUTPUT_BYTES: usize = 4 * BATCH_OUTPUT_BYTES;

/// What processing one document yields, besides its rendered output.
pub struct Outcome {
    /// Statements (or sentences) found.
    pub items: usize,
    /// The document's error message, reported on stderr in input order.
    pub error: Option<String>,
}

/// A processed batch: the rendered documents, one after the other, and what each yielded.
#[derive(Default)]
struct Done {
    bytes: Vec<u8>,
    /// End offset in `bytes` of each document, and its outcome.
    docs: Vec<(usize, Outcome)>,
    input_bytes: u64,
    repaired: usize,
}

/// Totals of a run.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    pub docs: usize,
    pub items: usize,
    pub errors: usize,
    pub repaired: usize,
    pub bytes: u64,
}

fn process<F>(work: &F, batch: Vec<Doc>) -> io::Result<Done>
where
    F: Fn(Doc, &mut Vec<u8>) -> io::Result<Outcome>,
{
    let mut done = Done {
        bytes: Vec::with_capacity(output_room(&batch)),
        ..Done::default()
    };
    for doc in batch {
        process_one(work, doc, &mut done)?;
    }
    Ok(done)
}

/// Processes `doc`, adding its output and outcome to `done`.
fn process_one<F>(work: &F, doc: Doc, done: &mut Done) -> io::Result<()>
where
    F: Fn(Doc, &mut Vec<u8>) -> io::Result<Outcome>,
{
    let doc = doc.parse();
    done.input_bytes += doc.bytes;
    done.repaired += usize::from(doc.repaired);
    let outcome = work(doc, &mut done.bytes)?;
    done.docs.push((done.bytes.len(), outcome));
    Ok(())
}

/// Bytes to reserve for a batch's output: its JSONL output is about one and a half times its
/// input, so with room for that the buffer is seldom moved (copied) while it grows. A buffer
/// that started small was reallocated several times a batch, and how often it was copied
/// depended on what else the allocator held. Documents that were not read (too long, or
/// unreadable) only get an error record, and count for nothing.
fn output_room(batch: &[Doc]) -> usize {
    const MOST: u64 = 64 << 20;
    let input: u64 = batch
        .iter()
        .filter(|doc| doc.raw.is_some() || doc.text.is_ok())
        .map(|doc| doc.bytes)
        .sum();
    (input.min(MOST) * 3 / 2) as usize + (16 << 10)
}

/// Writes a processed batch, reports its errors, updates the totals and the progress bar.
struct Writer<W: Write> {
    out: Output<W>,
    summary: Summary,
    progress: Option<ProgressBar>,
}

impl<W: Write> Writer<W> {
    /// Writes `done` and empties it (its output buffer keeps its room, unless that is large).
    fn write(&mut self, done: &mut Done) -> io::Result<()> {
        if self.out.joins_bodies_as_they_are() {
            // JSONL: the batch is written in one piece (not copied into the writer's buffer
            // a document at a time), after its errors are reported, as they were before its
            // output was flushed.
            let n = done.docs.len();
            for (_, outcome) in done.docs.drain(..) {
                self.count(outcome);
            }
            self.out.joined_bodies(&done.bytes, n)?;
        } else {
            let mut start = 0;
            for (end, outcome) in done.docs.drain(..) {
                self.out.body(&done.bytes[start..end])?;
                start = end;
                self.count(outcome);
            }
        }
        self.out.flush()?;
        self.summary.bytes += std::mem::take(&mut done.input_bytes);
        self.summary.repaired += std::mem::take(&mut done.repaired);
        if done.bytes.capacity() > KEPT_OUTPUT_BYTES {
            // A huge document's output: not held for the rest of the run.
            done.bytes = Vec::new();
        }
        done.bytes.clear();
        if let Some(bar) = &self.progress {
            bar.set_position(self.summary.bytes);
            bar.set_message(format!("{} documents", self.summary.docs));
        }
        Ok(())
    }
}

impl<W: Write> Writer<W> {
    /// Counts a written document, and reports its error.
    fn count(&mut self, outcome: Outcome) {
        self.summary.docs += 1;
        self.summary.items += outcome.items;
        if let Some(message) = outcome.error {
            self.summary.errors += 1;
            report(&message);
        }
    }
}

/// A progress bar on stderr, or none when stderr is not a terminal or `quiet` is set.
fn progress_bar(total: Option<u64>, quiet: bool) -> Option<ProgressBar> {
    if quiet || !io::stderr().is_terminal() {
        return None;
    }
    let (bar, template) = match total {
        Some(total) => (
            ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()),
            "{msg} {wide_bar} {decimal_bytes}/{decimal_total_bytes} \
             {decimal_bytes_per_sec} ETA {eta}",
        ),
        None => (
            ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
            "{spinner} {msg} {decimal_bytes} {decimal_bytes_per_sec} {elapsed}",
        ),
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    Some(bar)
}

/// Reads every document of `paths`, runs `work` on each (it writes the document's rendered
/// output into the buffer it is given) and writes the results to `out` in input order.
pub fn run<W, F>(
    paths: &[PathBuf],
    read: ReadOptions,
    run: &RunArgs,
    noun: &str,
    out: Output<W>,
    work: F,
) -> io::Result<Summary>
where
    W: Write + Send,
    F: Fn(Doc, &mut Vec<u8>) -> io::Result<Outcome> + Sync,
{
    let started = Instant::now();
    let jobs = run.jobs();
    let mut writer = Writer {
        out,
        summary: Summary::default(),
        progress: progress_bar(input::total_bytes(paths, read.kind), run.quiet),
    };
    let summary = if jobs <= 1 {
        // The reader is the worker: each document is processed as it is read (a JSONL line
        // parsed where the reader holds it), not held in a batch first, and the output is
        // written a batch at a time, from one buffer kept from batch to batch.
        let read = ReadOptions {
            parse_in_reader: true,
            ..read
        };
        let mut done = Done {
            bytes: Vec::with_capacity(BATCH_OUTPUT_BYTES),
            ..Done::default()
        };
        input::for_each_doc(paths, read, &mut |doc| {
            // Where `Batcher::push` ends a batch.
            let idle = doc.idle;
            process_one(&work, doc, &mut done)?;
            if idle || done.docs.len() >= BATCH_DOCS || done.input_bytes >= BATCH_BYTES {
                writer.write(&mut done)?;
            }
            Ok(())
        })?;
        if !done.docs.is_empty() {
            writer.write(&mut done)?;
        }
        let progress = writer.progress.take();
        writer.out.finish()?;
        if let Some(bar) = progress {
            bar.finish_and_clear();
        }
        writer.summary
    } else {
        parallel(paths, read, jobs, writer, &work, &mut Batcher::default())?
    };
    if run.stats {
        let secs = started.elapsed().as_secs_f64();
        let mb = summary.bytes as f64 / 1e6;
        let repaired = if read.lossy {
            format!(", {} repaired", summary.repaired)
        } else {
            String::new()
        };
        report(&format!(
            "{} documents, {} {noun}, {} errors{repaired}, {mb:.1} MB in {secs:.2} s ({:.1} MB/s, {jobs} jobs)",
            summary.docs,
            summary.items,
            summary.errors,
            mb / secs.max(1e-9),
        ));
    }
    Ok(summary)
}

/// Groups documents into batches.
#[derive(Default)]
struct Batcher {
    docs: Vec<Doc>,
    bytes: u64,
}

impl Batcher {
    /// Adds `doc`; the batch to process now, if it is complete.
    fn push(&mut self, doc: Doc) -> Option<Vec<Doc>> {
        self.bytes += doc.bytes;
        let idle = doc.idle;
        self.docs.push(doc);
        (idle || self.docs.len() >= BATCH_DOCS || self.bytes >= BATCH_BYTES).then(|| self.take())
    }

    fn take(&mut self) -> Vec<Doc> {
        self.bytes = 0;
        std::mem::replace(&mut self.docs, Vec::with_capacity(BATCH_DOCS))
    }

    fn finish(&mut self) -> Option<Vec<Doc>> {
        (!self.docs.is_empty()).then(|| self.take())
    }
}

/// The error the reader stops with when the writer has gone (its own error is returned).
fn writer_gone() -> io::Error {
    io::Error::other("the writer stopped")
}

fn parallel<W, F>(
    paths: &[PathBuf],
    read: ReadOptions,
    jobs: usize,
    mut writer: Writer<W>,
    work: &F,
    batcher: &mut Batcher,
) -> io::Result<Summary>
where
    W: Write + Send,
    F: Fn(Doc, &mut Vec<u8>) -> io::Result<Outcome> + Sync,
{
    let in_flight = 2 * jobs + 2;
    let (batch_tx, batch_rx) = bounded::<(u64, Vec<Doc>)>(jobs);
    let (done_tx, done_rx) = bounded::<(u64, io::Result<Done>)>(in_flight);
    // One permit per batch in flight: taken by the reader, given back by the writer.
    let (permit_tx, permit_rx) = bounded::<()>(in_flight);
    for _ in 0..in_flight {
        permit_tx.send(()).map_err(|_| writer_gone())?;
    }
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let (batch_rx, done_tx) = (batch_rx.clone(), done_tx.clone());
            scope.spawn(move || {
                for (seq, batch) in batch_rx {
                    if done_tx.send((seq, process(work, batch))).is_err() {
                        break;
                    }
                }
            });
        }
        drop((batch_rx, done_tx));
        let written = scope.spawn(move || -> io::Result<Summary> {
            write_in_order(&mut writer, done_rx, permit_tx)?;
            let progress = writer.progress.take();
            writer.out.finish()?;
            if let Some(bar) = progress {
                bar.finish_and_clear();
            }
            Ok(writer.summary)
        });
        let read_result = read_batches(paths, read, batcher, &batch_tx, &permit_rx);
        drop(batch_tx);
        let write_result = written
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the writer thread panicked")));
        // The writer's error is the real one (the reader only saw it go).
        let summary = write_result?;
        read_result?;
        Ok(summary)
    })
}

fn read_batches(
    paths: &[PathBuf],
    read: ReadOptions,
    batcher: &mut Batcher,
    batch_tx: &Sender<(u64, Vec<Doc>)>,
    permits: &Receiver<()>,
) -> io::Result<()> {
    let mut seq = 0;
    let mut send = |batch: Vec<Doc>| -> io::Result<()> {
        permits.recv().map_err(|_| writer_gone())?;
        batch_tx.send((seq, batch)).map_err(|_| writer_gone())?;
        seq += 1;
        Ok(())
    };
    input::for_each_doc(paths, read, &mut |doc| match batcher.push(doc) {
        Some(batch) => send(batch),
        None => Ok(()),
    })?;
    match batcher.finish() {
        Some(batch) => send(batch),
        None => Ok(()),
    }
}

/// Writes batches as they come back from the workers, in sequence order.
fn write_in_order<W: Write>(
    writer: &mut Writer<W>,
    done_rx: Receiver<(u64, io::Result<Done>)>,
    permits: Sender<()>,
) -> io::Result<()> {
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    for (seq, done) in done_rx {
        waiting.insert(seq, done);
        while let Some(done) = waiting.remove(&next) {
            writer.write(&mut done?)?;
            next += 1;
            // The reader may have stopped already; nothing to do then.
            let _ = permits.send(());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(bytes: u64, text: Result<String, String>) -> Doc {
        Doc {
            id: String::new(),
            text,
            idle: false,
            bytes,
            repaired: false,
            raw: None,
        }
    }

    #[test]
    fn output_room_counts_the_documents_read() {
        let base = 16 << 10;
        assert_eq!(output_room(&[]), base);
        let read = [doc(1000, Ok(String::new())), doc(2000, Ok(String::new()))];
        assert_eq!(output_room(&read), base + 4500);
        // A line far over the limit gets an error record: no room for its size.
        let skipped = [doc(u64::MAX, Err("too long".to_string()))];
        assert_eq!(output_room(&skipped), base);
        let huge = [doc(u64::MAX, Ok(String::new()))];
        assert_eq!(output_room(&huge), base + (96 << 20));
    }
}
