//! Resolution: maps each speaker mention to the fullest name it refers to in the article.

use crate::attribute::Doc;
use crate::statement::Statement;

/// Fills `speaker_name` for every statement.
pub fn resolve(_doc: &Doc<'_>, _statements: &mut [Statement]) {}
