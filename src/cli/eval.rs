//! `whosaid eval`: score the extractor, or a predictions file, against gold annotations.

use super::args::EvalArgs;
use super::{EXIT_ERROR, error_message, io_message, report};
use anyhow::{Result, anyhow};
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use whosaid::score;
use whosaid::wire::{self, WireDocument};

pub fn run(args: EvalArgs) -> Result<ExitCode> {
    let gold = score::read_gold(&args.gold).map_err(|e| anyhow!(error_message(&e)))?;
    let pred = match &args.pred {
        None => {
            let extractor = args.options.extractor();
            gold.iter()
                .map(|g| wire::document(&g.id, &g.text, &extractor.extract(&g.text)))
                .collect()
        }
        Some(path) => match read_predictions(path)? {
            Some(pred) => pred,
            // A score over a partly read file would look valid and be wrong: print none.
            None => return Ok(ExitCode::from(EXIT_ERROR)),
        },
    };
    let report = score::evaluate(&gold, &pred, args.errors);
    let mut out = BufWriter::new(io::stdout().lock());
    if args.fit_confidence {
        write!(out, "{}", score::fit_confidence(&report.points))?;
    } else if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        let text = report.to_text();
        write!(out, "{text}")?;
        if !text.ends_with('\n') {
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Every `WireDocument` line of `path`; `None` when some line was bad (each one is reported).
fn read_predictions(path: &Path) -> Result<Option<Vec<WireDocument>>> {
    let name = path.display().to_string();
    let file = File::open(path).map_err(|e| anyhow!("{name}: {}", io_message(&e)))?;
    let mut reader = BufReader::new(file);
    let (mut docs, mut ok) = (Vec::new(), true);
    let mut buf = String::new();
    for line in 1.. {
        buf.clear();
        match reader.read_line(&mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => return Err(anyhow!("{name}: line {line}: {}", io_message(&e))),
        }
        if buf.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<WireDocument>(&buf) {
            Ok(doc) => docs.push(doc),
            Err(e) => {
                report(&format!("{name}: line {line}: {e}"));
                ok = false;
            }
        }
    }
    Ok(ok.then_some(docs))
}
