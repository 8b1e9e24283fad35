//! mentions
