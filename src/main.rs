//! The `whosaid` command line. Everything but argument handling, input and output lives in the
//! library; see `src/cli/` for the binary's own modules.

mod cli;

use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        // A reader that stopped reading (`whosaid extract big.jsonl | head -1`) is not an error:
        // end quietly with success, as the rest of a pipeline expects.
        Err(e) if cli::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // `writeln!` rather than `eprintln!`: a closed stderr must not turn into a panic.
            let _ = writeln!(io::stderr(), "whosaid: {e:#}");
            ExitCode::from(cli::EXIT_ERROR)
        }
    }
}
