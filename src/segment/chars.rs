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

#[cfg(test)]
mod tests {
    use super::*;

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
