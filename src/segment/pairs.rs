//! Outermost double-quote pairs of a paragraph, so a sentence break inside a quote that opened
//! mid-sentence (`X said "A. B."`) can be suppressed. Unclosed quotes pair with nothing, so a
//! stray mark never swallows the rest of a paragraph.

use super::chars::Find3;
use crate::span::Span;
use memchr::memchr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Straight,
    /// “…” and „…“ / „…”.
    Curly,
    /// «…» and 「…」, which nest by repetition.
    Nesting(char, char),
}

/// Byte positions of the opening and closing mark of each outermost quote in `para`, in order.
/// `tags` are skipped: quotes inside HTML attributes are not quotes.
/// `any_e3`: the text has a byte 0xE3 somewhere (else no paragraph needs looking at for one).
/// `find3` looks for `"`, 0xE2 and 0xC2. Written to `out` (cleared first).
pub fn quote_pairs(
    text: &str,
    para: Span,
    tags: &[Span],
    any_e3: bool,
    find3: &Find3,
    out: &mut Vec<(usize, usize)>,
) {
    out.clear();
    let mut open: Option<(usize, Style, u32)> = None;
    let mut tag_i = tags.partition_point(|t| t.end <= para.start);
    let bytes = &text.as_bytes()[..para.end];
    let mut from = para.start;
    // Jump between `"` and the lead bytes of “ ” „ and « »; CJK text (「 」) is walked bytewise.
    let cjk = any_e3 && memchr(0xE3, &bytes[from..]).is_some();
    let find = |from: usize| {
        if cjk {
            bytes[from..]
                .iter()
                .position(|&b| matches!(b, b'"' | 0xE2 | 0xC2 | 0xE3))
        } else {
            find3.find(&bytes[from..])
        }
    };
    while let Some(j) = find(from) {
        let off = from + j - para.start;
        from += j + 1;
        let Some(c) = text[para.start + off..].chars().next() else {
            break;
        };
        if !matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '「' | '」') {
            continue;
        }
        let pos = para.start + off;
        while tag_i < tags.len() && tags[tag_i].end <= pos {
            tag_i += 1;
        }
        if tags.get(tag_i).is_some_and(|t| t.start <= pos) {
            continue;
        }
        open = match (open, c) {
            (None, '"') => Some((pos, Style::Straight, 0)),
            (None, '“') => Some((pos, Style::Curly, 0)),
            (None, '„') => Some((pos, Style::Curly, 0)),
            (None, '«') => Some((pos, Style::Nesting('«', '»'), 0)),
            (None, '「') => Some((pos, Style::Nesting('「', '」'), 0)),
            (Some((o, Style::Straight, _)), '"') | (Some((o, Style::Curly, _)), '”' | '“') => {
                out.push((o, pos));
                None
            }
            (Some((o, Style::Nesting(a, b), depth)), _) if c == a || c == b => {
                if c == a {
                    Some((o, Style::Nesting(a, b), depth + 1))
                } else if depth == 0 {
                    out.push((o, pos));
                    None
                } else {
                    Some((o, Style::Nesting(a, b), depth - 1))
                }
            }
            (state, _) => state,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<&str> {
        let mut pairs = vec![(0, 0)];
        quote_pairs(
            text,
            Span::new(0, text.len()),
            &crate::markup::tags(text),
            true,
            &Find3::new(b'"', 0xE2, 0xC2),
            &mut pairs,
        );
        pairs
            .into_iter()
            .map(|(o, c)| &text[o..c + text[c..].chars().next().unwrap().len_utf8()])
            .collect()
    }

    #[test]
    fn pairs_styles() {
        assert_eq!(
            pairs(r#"He said "A. B." and "C.""#),
            [r#""A. B.""#, r#""C.""#]
        );
        assert_eq!(
            pairs("«Да «нет»», — „ja“ “x”"),
            ["«Да «нет»»", "„ja“", "“x”"]
        );
    }

    #[test]
    fn unclosed_and_tag_quotes_are_ignored() {
        assert!(pairs("He said “it was over.").is_empty());
        assert!(pairs(r#"see <a href="x">here</a> now"#).is_empty());
    }
}
