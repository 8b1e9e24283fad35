//! Word lists for the sentence splitter, loaded once from `src/data/*.txt`.

use crate::lexicon::data_lines;
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

/// The abbreviations, keyed by their lower-cased bytes.
struct Abbreviations {
    /// Every entry, so a word lower-cased on the stack is looked up as it is.
    by_bytes: HashMap<Vec<u8>, AbbrevKind>,
    /// The ASCII entries of at most [`SHORT_LEN`] bytes by [`short_key`]: the words looked
    /// up are mostly ASCII, and hashing one integer is cheaper than hashing a slice.
    short: HashMap<u64, AbbrevKind>,
    /// For those entries, by length and first byte, a bit per last byte (see [`edge_bit`]):
    /// most words looked up (the word before a period, "said") have no entry of their length
    /// with their first and last letters, and are turned away without hashing.
    short_edges: [[u32; 32]; SHORT_LEN + 1],
    /// The longest ASCII entry, in bytes: longer ASCII words are no abbreviation.
    longest_ascii: usize,
}

/// Longest ASCII word [`short_key`] packs.
const SHORT_LEN: usize = 7;

/// An ASCII word of at most [`SHORT_LEN`] bytes, lower-cased, as one integer: its bytes from
/// the low end and its length in the top byte (so a NUL byte in it cannot end it early).
#[inline]
fn short_key(word: &[u8]) -> u64 {
    debug_assert!(word.len() <= SHORT_LEN && word.is_ascii());
    let mut key = (word.len() as u64) << 56;
    for (i, &b) in word.iter().enumerate() {
        key |= u64::from(b.to_ascii_lowercase()) << (8 * i);
    }
    key
}

/// The bit of [`Abbreviations::short_edges`] for an ASCII byte, and its row: the byte's low five
/// bits, which a letter's case does not change (as the entries are lower-cased, the words
/// looked up need not be).
#[inline]
fn edge_bit(b: u8) -> usize {
    usize::from(b & 31)
}

static ABBREVIATIONS: LazyLock<Abbreviations> = LazyLock::new(|| {
    let by_bytes: HashMap<Vec<u8>, AbbrevKind> =
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
            .collect();
    let ascii = || by_bytes.iter().filter(|(w, _)| w.is_ascii());
    let mut short_edges = [[0; 32]; SHORT_LEN + 1];
    for (w, _) in ascii().filter(|(w, _)| (1..=SHORT_LEN).contains(&w.len())) {
        let (first, last) = (w[0], w[w.len() - 1]);
        short_edges[w.len()][edge_bit(first)] |= 1 << edge_bit(last);
    }
    Abbreviations {
        short_edges,
        short: ascii()
            .filter(|(w, _)| w.len() <= SHORT_LEN)
            .map(|(w, &kind)| (short_key(w), kind))
            .collect(),
        longest_ascii: ascii().map(|(w, _)| w.len()).max().unwrap_or(0),
        by_bytes,
    }
});

static STARTERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../data/sentence_starters.txt")).collect());

static TIME_FOLLOWERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../data/time_followers.txt")).collect());

/// The labels of `credit_markers.txt` (the lines ending in a colon; the words after them
/// that mark a credit at the end of a caption are matched elsewhere).
static CREDITS: LazyLock<Credits> = LazyLock::new(|| {
    let labels: Vec<&'static str> = data_lines(include_str!("../data/credit_markers.txt"))
        .filter(|l| l.ends_with(':'))
        .collect();
    let mut before_colon = [false; 256];
    for label in &labels {
        match label.as_bytes().iter().rev().nth(1) {
            Some(&b) => before_colon[usize::from(b)] = true,
            // A bare colon would follow anything.
            None => before_colon = [true; 256],
        }
    }
    Credits {
        labels,
        before_colon,
    }
});

/// The credit labels, and the bytes they have before their colon.
struct Credits {
    labels: Vec<&'static str>,
    /// Whether some label has the byte before its colon: most colons ("said:", "10:30") are
    /// turned away by it without comparing every label.
    before_colon: [bool; 256],
}

/// The kind of `word` (without its final period) if it is a known abbreviation.
pub fn abbreviation(word: &str) -> Option<AbbrevKind> {
    if word.is_empty() || word.len() > 16 {
        return None;
    }
    let table = &*ABBREVIATIONS;
    // Lower-case ASCII on the stack; other scripts are rare enough to allocate.
    if !word.is_ascii() {
        return table.by_bytes.get(word.to_lowercase().as_bytes()).copied();
    }
    // ASCII lower-casing keeps the length, so a word longer than every entry is none.
    if word.len() > table.longest_ascii {
        return None;
    }
    if word.len() <= SHORT_LEN {
        let bytes = word.as_bytes();
        let (first, last) = (bytes[0], bytes[bytes.len() - 1]);
        if table.short_edges[bytes.len()][edge_bit(first)] & 1 << edge_bit(last) == 0 {
            return None;
        }
        return table.short.get(&short_key(word.as_bytes())).copied();
    }
    let mut buf = [0u8; 16];
    let buf = &mut buf[..word.len()];
    buf.copy_from_slice(word.as_bytes());
    buf.make_ascii_lowercase();
    table.by_bytes.get(&buf[..]).copied()
}

/// Whether a capitalised `word` usually begins a sentence.
pub fn is_starter(word: &str) -> bool {
    STARTERS.contains(word)
}

/// Whether `word` commonly follows a clock time inside a sentence ("5 p.m. Eastern").
pub fn is_time_follower(word: &str) -> bool {
    TIME_FOLLOWERS.contains(word)
}

/// Starts of credit labels ("Image:", "Photo:") in `text[from..to]` that follow whitespace,
/// from the `colons` of `text[from..to]` (every label ends in one, and colons are rare).
pub fn credit_starts(text: &str, colons: &[usize], from: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for &colon in colons {
        // Every label ends in a letter and a colon: most colons (times, "said:") are turned
        // away by the byte before them without comparing labels.
        if colon == 0 || !text.as_bytes()[colon - 1].is_ascii_alphabetic() {
            continue;
        }
        let credits = &*CREDITS;
        if !credits.before_colon[usize::from(text.as_bytes()[colon - 1])] {
            continue;
        }
        let upto = &text[..colon + 1];
        if let Some(label) = credits.labels.iter().find(|l| upto.ends_with(*l)) {
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
        let text = "Rain. Image: A. B said: no. Photo credit: C. x:";
        let colons: Vec<usize> = text.match_indices(':').map(|(i, _)| i).collect();
        assert_eq!(credit_starts(text, &colons, 0), [6, 28]);
        assert!(is_time_follower("Friday"));
        assert_eq!(credit_starts("Talks. Image: TASS", &[12], 0), [7]);
    }

    #[test]
    fn short_keys_agree_with_the_byte_table() {
        let table = &*ABBREVIATIONS;
        for word in table
            .by_bytes
            .keys()
            .filter_map(|w| std::str::from_utf8(w).ok())
        {
            let upper = word.to_uppercase();
            assert_eq!(
                abbreviation(word),
                table.by_bytes.get(word.as_bytes()).copied()
            );
            if upper.len() == word.len() {
                assert_eq!(abbreviation(&upper), abbreviation(word), "{upper}");
            }
        }
        for word in [
            "", "a\0", "mr\0", "MR", "Mr\0", "Sen", "sen.", "x", "Jan", "Janu", "abcdefgh", "N°",
        ] {
            let slow = table.by_bytes.get(word.to_lowercase().as_bytes()).copied();
            assert_eq!(abbreviation(word), slow, "{word:?}");
        }
    }
}
