//! Integration tests.

mod cli;
mod wire;
