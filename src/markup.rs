//! Residue of scraped pages: inline HTML tags that later stages treat as transparent.
//!
//! A tag is `<name …>`, `</name>` or `<name/>` on one line (name: ASCII letter first, then letters,
//! digits, `-`, `:`), at most [`MAX_TAG_LEN`] bytes, plus comments `<!-- … -->` on one line.
//! Anything else that starts with `<` ("x < y", "<3") is text.

use crate::span::Span;
use memchr::memchr_iter;

/// Longest tag recognised; longer `<…>` runs are treated as text so a stray `<` can't eat a paragraph.
pub const MAX_TAG_LEN: usize = 2048;

/// All inline tags in `text`, in order, non-overlapping.
pub fn tags(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut next_free = 0;
    for lt in memchr_iter(b'<', bytes) {
        if lt < next_free {
            continue;
        }
        if let Some(end) = tag_end(bytes, lt) {
            out.push(Span::new(lt, end));
            next_free = end;
        }
    }
    out
}

/// End (exclusive) of the tag starting at `lt`, if one starts there.
fn tag_end(bytes: &[u8], lt: usize) -> Option<usize> {
    let rest = &bytes[lt + 1..];
    let limit = rest.len().min(MAX_TAG_LEN);
    if rest.starts_with(b"!--") {
        // On one line like every tag: paragraphs end at line breaks, and a comment reaching
        // into the next paragraph made the stages that skip tags jump out of the paragraph
        // they were in (found by fuzzing: `<!-- x\n\n--> <br/>` panicked the splitter).
        let body = &rest[3..limit];
        let body = &body[..memchr::memchr(b'\n', body).unwrap_or(body.len())];
        return memchr::memmem::find(body, b"-->").map(|i| lt + 1 + 3 + i + 3);
    }
    let mut i = usize::from(rest.first() == Some(&b'/'));
    if !rest.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    while i < limit && (rest[i].is_ascii_alphanumeric() || rest[i] == b'-' || rest[i] == b':') {
        i += 1;
    }
    // After the name: `>`, `/>` or whitespace then attributes.
    match rest.get(i) {
        Some(b'>') => return Some(lt + 1 + i + 1),
        Some(b'/') if rest.get(i + 1) == Some(&b'>') => return Some(lt + 1 + i + 2),
        Some(b' ' | b'\t') => {}
        _ => return None,
    }
    let mut quote: Option<u8> = None;
    while i < limit {
        let b = rest[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some(lt + 1 + i + 1),
            None if b == b'<' || b == b'\n' => return None,
            None => {}
        }
        if b == b'\n' {
            return None;
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        tags(text).into_iter().map(|s| &text[s]).collect()
    }

    #[test]
    fn finds_inline_tags() {
        assert_eq!(found("the ministry <u>said</u> on"), vec!["<u>", "</u>"]);
        assert_eq!(
            found(r#"see <a href="https://x.org/?a=1>2">here</a>"#),
            vec![r#"<a href="https://x.org/?a=1>2">"#, "</a>"]
        );
        assert_eq!(
            found("line<br/>break <!-- c -->"),
            vec!["<br/>", "<!-- c -->"]
        );
    }

    #[test]
    fn comparison_signs_are_text() {
        assert!(found("if x < y and y > z").is_empty());
        assert!(found("I <3 this, a<-b").is_empty());
        assert!(found("<u unclosed\n>").is_empty());
        assert!(found("<!-- two\n\nparagraphs -->").is_empty());
    }
}
