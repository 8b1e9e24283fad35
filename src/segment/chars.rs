//! Character classes and small helpers shared by the block and sentence splitters.

/// The char starting at byte `i`.
#[inline]
pub fn char_at(text: &str, i: usize) -> Option<char> {
    // An ASCII byte is a whole character; others are decoded.
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        _ => text.get(i..)?.chars().next(),
    }
}

/// The char ending at byte `i`.
#[inline]
pub fn char_before(text: &str, i: usize) -> Option<char> {
    // An ASCII byte is a whole character, and no continuation byte follows it, so `i` is then
    // a char boundary.
    match i.checked_sub(1).and_then(|k| text.as_bytes().get(k)) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        _ => text.get(..i)?.chars().next_back(),
    }
}

/// Sentence-final punctuation.
#[inline]
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '?' | '!' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？'
    )
}

/// Marks that close a quote or bracket and stay with the sentence that ends before them.
#[inline]
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | '」' | '』' | ')' | ']' | '}'
    )
}

/// Marks that may precede the first word of a sentence.
#[inline]
pub fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '«'
            | '‹'
            | '「'
            | '『'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '*'
            | '_'
    )
}

/// List bullets that start an item (and, mid-paragraph, the next item).
#[inline]
pub fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '▪' | '◦' | '‣' | '●')
}

/// Dashes that may open a sentence or follow a dateline.
#[inline]
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―')
}

/// `memchr::memchr3` for three bytes fixed up front. `memchr3` builds its vector searcher
/// again on every call (about thirty instructions); the splitter and the quote finder call it
/// once per mark, tens of thousands of times per megabyte, so the searcher is built once here.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Find3 {
    bytes: [u8; 3],
    #[cfg(target_arch = "x86_64")]
    avx2: Option<memchr::arch::x86_64::avx2::memchr::Three>,
}

impl Find3 {
    pub(crate) fn new(a: u8, b: u8, c: u8) -> Self {
        Find3 {
            bytes: [a, b, c],
            #[cfg(target_arch = "x86_64")]
            avx2: memchr::arch::x86_64::avx2::memchr::Three::new(a, b, c),
        }
    }

    /// The first of the three bytes in `haystack`.
    #[inline]
    pub(crate) fn find(&self, haystack: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if let Some(three) = &self.avx2 {
            return three.find(haystack);
        }
        let [a, b, c] = self.bytes;
        memchr::memchr3(a, b, c, haystack)
    }
}

/// [`Find3`] for one byte, for the scans that stop at every line break or `…`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Find1 {
    byte: u8,
    #[cfg(target_arch = "x86_64")]
    avx2: Option<memchr::arch::x86_64::avx2::memchr::One>,
}

impl Find1 {
    pub(crate) fn new(byte: u8) -> Self {
        Find1 {
            byte,
            #[cfg(target_arch = "x86_64")]
            avx2: memchr::arch::x86_64::avx2::memchr::One::new(byte),
        }
    }

    /// The first `byte` in `haystack`.
    #[inline]
    pub(crate) fn find(&self, haystack: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if let Some(one) = &self.avx2 {
            return one.find(haystack);
        }
        memchr::memchr(self.byte, haystack)
    }

    /// Every position of `byte` in `haystack`, in order (`memchr::memchr_iter`).
    pub(crate) fn iter<'a>(&'a self, haystack: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
        let mut from = 0;
        std::iter::from_fn(move || {
            let at = from + self.find(haystack.get(from..)?)?;
            from = at + 1;
            Some(at)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find1_agrees_with_memchr() {
        let hay: Vec<u8> = (0..300u32).map(|i| (i * 7 % 251) as u8).collect();
        for b in [0, 3, 200, 250] {
            let f = Find1::new(b);
            for from in 0..hay.len() {
                for to in from..(from + 70).min(hay.len()) {
                    let h = &hay[from..to];
                    assert_eq!(f.find(h), memchr::memchr(b, h));
                    assert!(f.iter(h).eq(memchr::memchr_iter(b, h)));
                }
            }
        }
    }

    #[test]
    fn find3_agrees_with_memchr3() {
        let hay: Vec<u8> = (0..300u32).map(|i| (i * 7 % 251) as u8).collect();
        for (a, b, c) in [(b'.', b'?', b'!'), (b'"', b'\'', 0xE2), (3, 200, 9)] {
            let f = Find3::new(a, b, c);
            for from in 0..hay.len() {
                for to in from..(from + 70).min(hay.len()) {
                    assert_eq!(
                        f.find(&hay[from..to]),
                        memchr::memchr3(a, b, c, &hay[from..to])
                    );
                }
            }
        }
    }

    #[test]
    fn chars_at_and_before_agree_with_str_slicing() {
        let text = "a“b é\u{1f600}.";
        for i in 0..=text.len() + 2 {
            assert_eq!(
                char_at(text, i),
                text.get(i..).and_then(|s| s.chars().next()),
                "{i}"
            );
            assert_eq!(
                char_before(text, i),
                text.get(..i).and_then(|s| s.chars().next_back()),
                "{i}"
            );
        }
    }
}
