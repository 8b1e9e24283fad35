//! Integration tests: the command line, the wire format, the example article, the dev sets.

mod cli;
mod devset;
mod example;
mod wire;
