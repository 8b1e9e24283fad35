//! Integration tests: the command line, the wire format, the example article, the dev sets,
//! sentence boundaries, properties over generated text, regressions and adversarial inputs.

mod cli;
mod devset;
mod example;
mod props;
mod regressions;
mod sbd;
mod valid;
mod wire;
