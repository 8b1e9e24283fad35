//! Byte spans into the original text.

use std::ops::{Index, Range};

/// A half-open range of byte offsets into the original `&str`, always on char boundaries.
///
/// Every stage reports positions as `Span`s of the text it was given, never of a normalised copy,
/// so `&text[span]` is always the exact characters the span stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; panics in debug builds when `start > end`.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    #[inline]
    pub fn len(self) -> usize {
        self.end - self.start
    }

    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    #[inline]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span can slice `text`: it ends inside it and both ends are on char boundaries.
    pub fn fits(self, text: &str) -> bool {
        self.start <= self.end
            && self.end <= text.len()
            && text.is_char_boundary(self.start)
            && text.is_char_boundary(self.end)
    }

    /// The span shrunk so it neither starts nor ends with whitespace.
    #[inline]
    pub fn trim(self, text: &str) -> Span {
        // Most spans start and end with an ASCII character that is no whitespace: nothing to
        // trim, and no character decoded to find that out. (An ASCII byte at either end is a
        // whole character: the span is on char boundaries, as `text[self]` would check.)
        let bytes = text.as_bytes();
        if self.start < self.end
            && let (Some(&first), Some(&last)) = (bytes.get(self.start), bytes.get(self.end - 1))
            && first < 0x80
            && last < 0x80
            && !is_ascii_space(first)
            && !is_ascii_space(last)
        {
            return self;
        }
        self.trim_decoded(text)
    }

    /// [`Span::trim`] by characters.
    #[inline(never)]
    fn trim_decoded(self, text: &str) -> Span {
        let s = &text[self];
        let rest = s.trim_start();
        let lead = s.len() - rest.len();
        Span::new(self.start + lead, self.start + lead + rest.trim_end().len())
    }
}

/// ASCII whitespace as `char::is_whitespace` sees it (vertical tab included).
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl Index<Span> for str {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_only_inside_the_text_on_char_boundaries() {
        let text = "a“b";
        assert!(Span::new(0, 1).fits(text) && Span::new(1, 4).fits(text));
        assert!(!Span::new(0, 2).fits(text), "inside “");
        assert!(!Span::new(0, 6).fits(text), "past the end");
    }

    #[test]
    fn slices_text() {
        let text = "«Да», — сказал он.";
        let s = Span::new(0, text.find('»').unwrap() + '»'.len_utf8());
        assert_eq!(&text[s], "«Да»");
    }

    #[test]
    fn trim_skips_outer_whitespace() {
        let text = "  hi there \n";
        assert_eq!(&text[Span::new(0, text.len()).trim(text)], "hi there");
        assert_eq!(Span::new(0, 2).trim(text), Span::new(2, 2));
        let text = "a \u{b}b\u{a0} c\t\u{2009}";
        for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for end in (start..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let s = &text[start..end];
                let lead = s.len() - s.trim_start().len();
                let expected = Span::new(start + lead, start + lead + s.trim().len());
                assert_eq!(Span::new(start, end).trim(text), expected, "{s:?}");
            }
        }
    }

    #[test]
    fn cover_and_overlap() {
        let a = Span::new(2, 5);
        let b = Span::new(4, 9);
        assert_eq!(a.cover(b), Span::new(2, 9));
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(5, 6)));
        assert!(a.cover(b).contains(b));
    }
}
