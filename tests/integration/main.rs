//! Integration tests: the command line, the wire format, the example article, the dev sets,
//! sentence boundaries.

mod cli;
mod devset;
mod example;
mod sbd;
mod wire;
