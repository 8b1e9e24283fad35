//! The library's one error type.

use thiserror::Error;

/// Everything that can go wrong in the library. Messages are lowercase and name the input and
/// the position.
#[derive(Debug, Error)]
pub enum Error {
    /// Bytes that are not UTF-8.
    #[error("{source_name}: invalid utf-8 at byte {offset}")]
    InvalidUtf8 { source_name: String, offset: usize },
    /// A JSONL line that is not a `{"id", "text"}` object.
    #[error("{source_name}: line {line}: {message}")]
    BadRecord {
        source_name: String,
        line: usize,
        message: String,
    },
    /// A file or stream that could not be read or written.
    #[error("{source_name}: {source}")]
    Io {
        source_name: String,
        #[source]
        source: std::io::Error,
    },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The error for bytes `bytes` read from `source_name` that fail UTF-8 validation.
    pub fn from_utf8(source_name: &str, err: std::str::Utf8Error) -> Error {
        Error::InvalidUtf8 {
            source_name: source_name.to_string(),
            offset: err.valid_up_to(),
        }
    }
}
