//! Command-line arguments (clap derive).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Who said what: finds quotes, reported speech, speakers and attribution cues in news text.
///
/// Exit status: 0 on success, 1 when `extract --fail-on-empty` found no statement at all,
/// 2 on any error (bad arguments, unreadable input, invalid UTF-8, malformed JSONL line),
/// reported after every other input was processed.
#[derive(Debug, Parser)]
#[command(name = "whosaid", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find statements (quote, speaker, cue) in each document.
    ///
    /// Writes {"id", "quotes": [...]} per document (wire format v1, offsets in code points and
    /// bytes). The id is the path as given, the JSONL record's "id", `<path>:<line>` for a
    /// record without a string id, or `-` for stdin. A document that cannot be read is written
    /// as {"id", "error": {"message"}} and reported on stderr; the run goes on and exits 2.
    Extract(ExtractArgs),
    /// Split each document into sentences.
    ///
    /// Writes {"id", "sentences": [span, ...]} per document; ids and error records as for
    /// `extract`.
    Sentences(InputArgs),
    /// Score extraction against gold annotations.
    Eval(EvalArgs),
}

/// Where the documents come from and how they are written; shared by `extract` and `sentences`.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Text file, directory (its *.txt files, sorted, not recursive; *.jsonl with
    /// `--input jsonl`), or `-` for standard input (the default).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// How to read inputs [default: jsonl for *.jsonl paths, else text; text for stdin].
    /// jsonl: one {"id", "text"} object a line (other fields ignored, blank lines skipped).
    #[arg(long, value_enum, value_name = "KIND")]
    pub input: Option<InputKind>,

    /// jsonl: one document a line, in input order; json: one pretty-printed array of
    /// documents; text: for people, a header line per document then one row per statement
    /// or sentence.
    #[arg(long, value_enum, default_value_t = Format::Jsonl, value_name = "FORMAT")]
    pub format: Format,

    #[command(flatten)]
    pub run: RunArgs,
}

/// How a run is carried out: parallelism, limits, progress. Shared by `extract` and `sentences`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Process documents on N threads [default: all cores]. The output is in input order and
    /// identical whatever N is.
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// No progress bar (it is drawn on stderr only when stderr is a terminal).
    #[arg(short, long)]
    pub quiet: bool,

    /// At the end, print one summary line on stderr: documents, statements, errors, bytes,
    /// time, throughput.
    #[arg(long)]
    pub stats: bool,

    /// Replace each byte of an invalid UTF-8 sequence by `?` instead of rejecting the
    /// document. One byte for one byte, so byte offsets in the output are offsets into the
    /// original input.
    #[arg(long)]
    pub lossy: bool,

    /// A document (a text file, or a JSONL line) longer than N bytes becomes an error record
    /// instead of being read into memory.
    #[arg(long, value_name = "N", default_value_t = 64 << 20)]
    pub max_doc_bytes: usize,
}

impl RunArgs {
    /// The number of worker threads.
    pub fn jobs(&self) -> usize {
        match self.jobs {
            Some(n) => usize::from(n),
            None => std::thread::available_parallelism().map_or(1, usize::from),
        }
    }
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub options: ExtractOptions,

    /// Exit with status 1 when no statement was found in any document.
    #[arg(long)]
    pub fail_on_empty: bool,
}

/// Extraction options; shared by `extract` and `eval` (which runs the extractor without `--pred`).
#[derive(Debug, Args)]
pub struct ExtractOptions {
    /// Drop statements scored below F (0 to 1).
    #[arg(long, value_name = "F", default_value_t = 0.0, value_parser = parse_confidence)]
    pub min_confidence: f32,

    /// Leave out reported speech without quote marks.
    #[arg(long)]
    pub no_indirect: bool,

    /// Attributions in the broad sense too: beliefs and intentions ("believes that"), and what
    /// documents, polls and studies show ("a poll shows that"), as PolNeAR annotates them.
    #[arg(long)]
    pub broad: bool,

    /// Report a quotation split by its attribution (“A,” she said, “B.”) as one statement over
    /// both pieces, and each attribution over all its pieces (the paragraphs a quotation goes on
    /// into, the rest of its sentence), as PolNeAR annotates them.
    #[arg(long)]
    pub join_split_quotes: bool,
}

impl ExtractOptions {
    pub fn extractor(&self) -> whosaid::Extractor {
        whosaid::Extractor {
            min_confidence: self.min_confidence,
            indirect: !self.no_indirect,
            broad: self.broad,
            join_split_quotes: self.join_split_quotes,
        }
    }
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold annotations (JSONL: id, text, quotes).
    #[arg(long, value_name = "GOLD.jsonl")]
    pub gold: PathBuf,

    /// Predictions to score (JSONL of `whosaid extract` documents) instead of running the
    /// extractor on the gold texts.
    #[arg(long, value_name = "PRED.jsonl")]
    pub pred: Option<PathBuf>,

    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,

    /// List up to N missed and N spurious quotes.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub errors: usize,

    /// Print the confidence table fitted on these predictions (the format of
    /// `src/data/confidence.txt`) instead of the report.
    #[arg(long)]
    pub fit_confidence: bool,

    #[command(flatten)]
    pub options: ExtractOptions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputKind {
    Text,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Jsonl,
    Json,
    Text,
}

fn parse_confidence(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(f) if (0.0..=1.0).contains(&f) => Ok(f),
        _ => Err(format!("expected a number from 0 to 1, got `{s}`")),
    }
}
