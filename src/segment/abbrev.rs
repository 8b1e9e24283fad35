//! Word lists for the sentence splitter, loaded once from `src/data/*.txt`.

use crate::lexicon::data_lines;
use memchr::memchr_iter;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// How an abbreviation behaves before a capitalised word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Ends a sentence only before a likely sentence starter ("Co. It closed").
    Plain,
    /// Precedes a name ("Mr. Smith"): never ends a sentence.
    Title,
    /// "a.m."/"p.m.": ends a sentence before most capitalised words.
    Time,
}

/// Keyed by the lower-cased bytes, so a word lower-cased on the stack is looked up as it is.
static ABBREVIATIONS: LazyLock<HashMap<Vec<u8>, AbbrevKind>> = LazyLock::new(|| {
    data_lines(include_str!("../data/abbreviations.txt"))
        .map(|line| {
            let mut fields = line.split_whitespace();
            let word = fields
                .next()
                .unwrap_or_default()
                .to_lowercase()
                .into_bytes();
            let kind = match fields.next() {
                Some("title") => AbbrevKind::Title,
                Some("time") => AbbrevKind::Time,
                _ => AbbrevKind::Plain,
            };
            (word, kind)
        })
        .collect()
});

static STARTERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../data/sentence_starters.txt")).collect());

static TIME_FOLLOWERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../data/time_followers.txt")).collect());

static CREDITS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../data/credit_markers.txt")).collect());

/// The kind of `word` (without its final period) if it is a known abbreviation.
pub fn abbreviation(word: &str) -> Option<AbbrevKind> {
    if word.is_empty() || word.len() > 16 {
        return None;
    }
    // Lower-case ASCII on the stack; other scripts are rare enough to allocate.
    if !word.is_ascii() {
        return ABBREVIATIONS.get(word.to_lowercase().as_bytes()).copied();
    }
    let mut buf = [0u8; 16];
    let buf = &mut buf[..word.len()];
    buf.copy_from_slice(word.as_bytes());
    buf.make_ascii_lowercase();
    ABBREVIATIONS.get(&buf[..]).copied()
}

/// Whether a capitalised `word` usually begins a sentence.
pub fn is_starter(word: &str) -> bool {
    STARTERS.contains(word)
}

/// Whether `word` commonly follows a clock time inside a sentence ("5 p.m. Eastern").
pub fn is_time_follower(word: &str) -> bool {
    TIME_FOLLOWERS.contains(word)
}

/// Starts of credit labels ("Image:", "Photo:") in `text[from..to]` that follow whitespace.
pub fn credit_starts(text: &str, from: usize, to: usize) -> Vec<usize> {
    // Every label ends in a colon, and colons are rare: jump between them.
    let mut out = Vec::new();
    for colon in memchr_iter(b':', &text.as_bytes()[from..to]) {
        let upto = &text[..from + colon + 1];
        if let Some(label) = CREDITS.iter().find(|l| upto.ends_with(*l)) {
            let start = upto.len() - label.len();
            if start > from && text[..start].ends_with(char::is_whitespace) {
                out.push(start);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_lists() {
        assert_eq!(abbreviation("Mr"), Some(AbbrevKind::Title));
        assert_eq!(abbreviation("Inc"), Some(AbbrevKind::Plain));
        assert_eq!(abbreviation("p.m"), Some(AbbrevKind::Time));
        assert_eq!(abbreviation("said"), None);
        assert!(is_starter("They"));
        assert!(!is_starter("Government"));
        assert!(is_time_follower("Friday"));
        assert_eq!(credit_starts("Talks. Image: TASS", 0, 18), [7]);
    }
}
