//! Numbered, lettered and bulleted list items ("1.)", "2)", "a.", "• 9."), parsed with nom.

use super::chars::{char_at, char_before, is_bullet};
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::{digit1, multispace1, satisfy, space0};
use nom::combinator::{map, opt, peek, verify};
use nom::sequence::terminated;
use nom::{IResult, Offset, Parser};

/// How far ahead the next item is looked for; keeps the search linear on huge paragraphs.
const WINDOW: usize = 4096;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Value {
    Num(u32),
    Alpha(char),
}

/// A list marker at the start of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    bullet: Option<char>,
    label: Option<Label>,
    /// Bytes the marker takes, spaces between bullet and label included.
    pub len: usize,
}

/// A number or letter and the punctuation after it.
type Label = (Value, &'static str);

fn label(input: &str) -> IResult<&str, Label> {
    let number = map(verify(digit1, |d: &str| d.len() <= 3), |d: &str| {
        Value::Num(d.parse().unwrap_or(0))
    });
    let letter = map(satisfy(|c| c.is_ascii_lowercase()), Value::Alpha);
    let suffix = alt((
        map(tag(".)"), |_| ".)"),
        map(tag(")"), |_| ")"),
        map(tag("."), |_| "."),
    ));
    (alt((number, letter)), terminated(suffix, peek(multispace1))).parse(input)
}

fn marker_parts(input: &str) -> IResult<&str, (Option<char>, Option<Label>)> {
    (opt(terminated(satisfy(is_bullet), space0)), opt(label)).parse(input)
}

/// The list marker `s` starts with, if any.
pub fn marker(s: &str) -> Option<Marker> {
    // Most units start with a capital or a quote mark: turned away before the parsers run.
    if !may_start_marker(s.as_bytes()) {
        return None;
    }
    let (rest, (bullet, label)) = marker_parts(s).ok()?;
    if bullet.is_none() && label.is_none() {
        return None;
    }
    Some(Marker {
        bullet,
        label,
        len: s.offset(rest),
    })
}

/// Whether `s` starts as a marker can: with a digit, a lower-case letter and its `.` or `)`,
/// or a multi-byte character (a bullet).
#[inline]
pub(super) fn may_start_marker(s: &[u8]) -> bool {
    match s {
        [b'0'..=b'9', ..] | [b'a'..=b'z', b'.' | b')', ..] => true,
        [first, ..] => *first >= 0x80,
        [] => false,
    }
}

/// Where the item after the one starting with `m` begins, searching `text[from..end]`.
pub fn next_item(text: &str, m: Marker, from: usize, end: usize) -> Option<usize> {
    let end = end.min(from + WINDOW);
    if from >= end {
        return None;
    }
    let end = (end..=text.len()).find(|&e| text.is_char_boundary(e))?;
    let hay = &text[from..end];
    let spaced = |p: usize| char_before(text, p).is_some_and(char::is_whitespace);
    if let Some(b) = m.bullet {
        return hay
            .match_indices(b)
            .map(|(i, _)| from + i)
            .find(|&p| spaced(p));
    }
    let (value, suffix) = m.label?;
    let next = match value {
        Value::Num(n) => (n + 1).to_string(),
        Value::Alpha(c) => char::from_u32(c as u32 + 1)?.to_string(),
    };
    let needle = format!("{next}{suffix}");
    hay.match_indices(&needle)
        .map(|(i, _)| from + i)
        .find(|&p| spaced(p) && char_at(text, p + needle.len()).is_some_and(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_markers() {
        assert_eq!(marker("1.) The first").map(|m| m.len), Some(3));
        assert_eq!(marker("12) Twelve").map(|m| m.len), Some(3));
        assert_eq!(marker("b. Second").map(|m| m.len), Some(2));
        assert_eq!(marker("• 9. Nine").map(|m| m.len), Some(6));
        assert_eq!(marker("1.5 million"), None);
        assert_eq!(marker("2024. Year"), None);
        assert_eq!(marker("The end."), None);
        for s in [
            "", "a", "a.", "a. x", "ab. x", "1", "1 x", "• x", "“x", "é. x", "z) y", "A. x",
        ] {
            let parsed = marker_parts(s)
                .ok()
                .filter(|(_, (bullet, label))| bullet.is_some() || label.is_some());
            assert_eq!(marker(s).is_some(), parsed.is_some(), "{s:?}");
        }
    }

    #[test]
    fn finds_next_item() {
        let text = "1) Milk 2) Eggs";
        let m = marker(text).unwrap();
        assert_eq!(next_item(text, m, m.len, text.len()), Some(8));
        let text = "a. Apples and b. Pears";
        let m = marker(text).unwrap();
        assert_eq!(next_item(text, m, m.len, text.len()), Some(14));
        let text = "⁃9. Nine ⁃10. Ten";
        let m = marker(text).unwrap();
        assert_eq!(
            &text[next_item(text, m, m.len, text.len()).unwrap()..],
            "⁃10. Ten"
        );
    }
}
