//! Integration tests.
mod sbd;
