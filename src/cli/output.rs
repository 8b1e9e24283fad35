//! Writing documents as JSONL, one JSON array, or text tables.

use super::args::Format;
use serde::Serialize;
use std::io::{self, Write};
use whosaid::wire::{WireDocument, WireSentences, WireSpan};

/// Writes one `extract` document's body (no separator) into `out`.
pub fn render_document(format: Format, doc: &WireDocument, out: &mut Vec<u8>) -> io::Result<()> {
    render(format, doc, out, |w| match (&doc.quotes, &doc.error) {
        (_, Some(error)) => writeln!(w, "# error: {}", error.message),
        (quotes, None) => statements_table(w, &doc.id, quotes.as_deref().unwrap_or(&[])),
    })
}

/// Writes any serialisable document's body into `out` in the `jsonl` or `json` format.
pub fn render_json<T: Serialize>(format: Format, doc: &T, out: &mut Vec<u8>) -> io::Result<()> {
    debug_assert!(format != Format::Text);
    render(format, doc, out, |_| Ok(()))
}

/// Writes one `sentences` document's body into `out`.
pub fn render_sentences(format: Format, doc: &WireSentences, out: &mut Vec<u8>) -> io::Result<()> {
    render(format, doc, out, |w| match (&doc.sentences, &doc.error) {
        (_, Some(error)) => writeln!(w, "# error: {}", error.message),
        (sentences, None) => sentence_list(w, &doc.id, sentences.as_deref().unwrap_or(&[])),
    })
}

fn render<T: Serialize>(
    format: Format,
    doc: &T,
    out: &mut Vec<u8>,
    text: impl FnOnce(&mut Vec<u8>) -> io::Result<()>,
) -> io::Result<()> {
    match format {
        Format::Jsonl => {
            serde_json::to_writer(&mut *out, doc)?;
            out.push(b'\n');
        }
        Format::Json => {
            // One element of an array. JSON strings never hold a raw newline, so indenting
            // after each newline cannot alter a value.
            let start = out.len();
            serde_json::to_writer_pretty(&mut *out, doc)?;
            let pretty = out.split_off(start);
            for (i, line) in pretty.split(|&b| b == b'\n').enumerate() {
                if i > 0 {
                    out.extend_from_slice(b"\n  ");
                }
                out.extend_from_slice(line);
            }
        }
        Format::Text => text(out)?,
    }
    Ok(())
}

/// The writer of rendered documents: adds what goes between and around them. Errors are
/// plain `io::Error`s so a closed pipe can be recognised.
pub struct Output<W: Write> {
    w: W,
    format: Format,
    docs: usize,
}

impl<W: Write> Output<W> {
    pub fn new(w: W, format: Format) -> Self {
        Output { w, format, docs: 0 }
    }

    /// Writes one rendered document body.
    pub fn body(&mut self, body: &[u8]) -> io::Result<()> {
        let first = self.docs == 0;
        self.docs += 1;
        match self.format {
            Format::Jsonl => {}
            Format::Json => self.w.write_all(if first { b"[\n  " } else { b",\n  " })?,
            Format::Text if !first => self.w.write_all(b"\n")?,
            Format::Text => {}
        }
        self.w.write_all(body)
    }

    /// Nothing goes between two bodies (JSONL), so [`Output::joined_bodies`] may write many.
    pub fn joins_bodies_as_they_are(&self) -> bool {
        self.format == Format::Jsonl
    }

    /// Writes `n` rendered bodies, one after the other in `bodies`, as [`Output::body`] would
    /// one by one; only when [`Output::joins_bodies_as_they_are`].
    pub fn joined_bodies(&mut self, bodies: &[u8], n: usize) -> io::Result<()> {
        debug_assert!(self.joins_bodies_as_they_are());
        self.docs += n;
        self.w.write_all(bodies)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }

    /// Closes the JSON array and flushes.
    pub fn finish(mut self) -> io::Result<()> {
        if self.format == Format::Json {
            let close = if self.docs == 0 { "[]\n" } else { "\n]\n" };
            self.w.write_all(close.as_bytes())?;
        }
        self.w.flush()
    }
}

/// One header line, then `speaker (name)  cue  quote` a line, columns aligned per document.
fn statements_table<W: Write>(
    w: &mut W,
    id: &str,
    quotes: &[whosaid::wire::WireStatement],
) -> io::Result<()> {
    writeln!(w, "# {id}: {}", count(quotes.len(), "statement"))?;
    let rows: Vec<[String; 3]> = quotes
        .iter()
        .map(|s| {
            let speaker = match (&s.speaker, &s.speaker_name) {
                (Some(sp), Some(name)) if &sp.text != name => format!("{} ({name})", sp.text),
                (Some(sp), _) => sp.text.clone(),
                (None, Some(name)) => format!("({name})"),
                (None, None) => "-".to_string(),
            };
            let cue = s.cue.as_ref().map_or("-".to_string(), |c| c.text.clone());
            [one_line(&speaker), one_line(&cue), one_line(&s.quote.text)]
        })
        .collect();
    let width = |col: usize| {
        rows.iter()
            .map(|r| r[col].chars().count())
            .max()
            .unwrap_or(0)
    };
    let (sw, cw) = (width(0), width(1));
    for [speaker, cue, quote] in &rows {
        writeln!(w, "{speaker:<sw$}  {cue:<cw$}  {quote}")?;
    }
    Ok(())
}

/// One header line, then `index<TAB>sentence` a line.
fn sentence_list<W: Write>(w: &mut W, id: &str, sentences: &[WireSpan]) -> io::Result<()> {
    writeln!(w, "# {id}: {}", count(sentences.len(), "sentence"))?;
    for (i, s) in sentences.iter().enumerate() {
        writeln!(w, "{i}\t{}", one_line(&s.text))?;
    }
    Ok(())
}

fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// Whitespace runs (line breaks included) as one space, so each row stays on one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
