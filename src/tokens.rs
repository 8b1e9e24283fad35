//! Word and punctuation tokens, with inline tags skipped (they are transparent to matching).

use crate::lexicon::{WordInfo, lexicon};
use crate::span::Span;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, apostrophes, hyphens inside).
    Word,
    /// Starts with a digit.
    Number,
    /// Any other single non-space grapheme: punctuation, quote marks, symbols.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Starts with an uppercase letter.
    pub upper: bool,
    /// A line break lies between the previous token and this one.
    pub after_newline: bool,
    /// What the lexicon says about the word, if it lists it.
    pub info: Option<&'static WordInfo>,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span]
    }
}

/// Tokens of `text`, skipping whitespace and the `tags` spans (sorted, from [`crate::markup::tags`]).
pub fn tokenize(text: &str, tags: &[Span]) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut pos = 0;
    let mut newline = false;
    for tag in tags
        .iter()
        .copied()
        .chain(std::iter::once(Span::new(text.len(), text.len())))
    {
        tokenize_piece(text, Span::new(pos, tag.start), &mut out, &mut newline);
        pos = tag.end;
    }
    out
}

/// Tokens of one piece of text between tags.
///
/// UAX #29 word segmentation is costly per character, and news text is mostly ASCII. The piece
/// is cut at ASCII whitespace, where UAX #29 always has a boundary on both sides (a whitespace
/// character only joins another space or a following combining mark, and whitespace-led
/// segments are skipped anyway). A run of ASCII without whitespace is split by
/// [`ascii_segments`], which applies the UAX #29 rules for ASCII; a run with any other
/// character goes, with the whitespace before it, to `unicode-segmentation`. The tokens are the
/// same as from `unicode-segmentation` over the whole piece (tested below on random text).
fn tokenize_piece(text: &str, piece: Span, out: &mut Vec<Token>, newline: &mut bool) {
    let bytes = text.as_bytes();
    let mut i = piece.start;
    while i < piece.end {
        let space_start = i;
        while i < piece.end && is_ascii_space(bytes[i]) {
            *newline |= bytes[i] == b'\n';
            i += 1;
        }
        let run_start = i;
        let mut ascii = true;
        while i < piece.end && !is_ascii_space(bytes[i]) {
            ascii &= bytes[i].is_ascii();
            i += 1;
        }
        if run_start == i {
            continue;
        }
        if ascii {
            ascii_segments(bytes, run_start, i, |a, b| {
                push(text, Span::new(a, b), out, newline)
            });
        } else {
            tokenize_unicode(text, Span::new(space_start, i), out, newline);
        }
    }
}

/// ASCII whitespace as `char::is_whitespace` sees it.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// UAX #29 word-break classes of the ASCII characters that are not whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    /// MidLetter: `:`.
    MidLetter,
    /// MidNumLet and Single_Quote: `.` `'`.
    MidNumLet,
    /// MidNum: `,` `;`.
    MidNum,
    /// ExtendNumLet: `_`.
    Connector,
    Other,
}

/// The class of every ASCII byte (whitespace and non-ASCII bytes never reach it).
static CLASSES: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b':' => Class::MidLetter,
            b'.' | b'\'' => Class::MidNumLet,
            b',' | b';' => Class::MidNum,
            b'_' => Class::Connector,
            _ => Class::Other,
        };
        b += 1;
    }
    table
};

#[inline]
fn class(b: u8) -> Class {
    CLASSES[usize::from(b & 0x7f)]
}

/// Calls `f` with the start and end of each UAX #29 word segment of `bytes[start..end]`, which
/// is ASCII without whitespace.
fn ascii_segments(bytes: &[u8], start: usize, end: usize, mut f: impl FnMut(usize, usize)) {
    use Class::*;
    let run = &bytes[start..end];
    let at = |i: usize| run.get(i).map_or(Other, |&b| class(b));
    let mut seg = 0;
    let (mut before, mut prev) = (Other, at(0));
    for (i, &b) in run.iter().enumerate().skip(1) {
        let cur = class(b);
        let joined = match (prev, cur) {
            (Letter | Digit, Letter | Digit) => true,
            (Letter | Digit | Connector, Connector) | (Connector, Letter | Digit) => true,
            // WB6: Letter × (MidLetter | MidNumLetQ) Letter
            (Letter, MidLetter | MidNumLet) => at(i + 1) == Letter,
            // WB12: Digit × (MidNum | MidNumLetQ) Digit
            (Digit, MidNum | MidNumLet) => at(i + 1) == Digit,
            // WB7 and WB11: the other side of the middle character.
            (MidLetter | MidNumLet, Letter) => i >= 2 && before == Letter,
            (MidNum | MidNumLet, Digit) => i >= 2 && before == Digit,
            _ => false,
        };
        if !joined {
            f(start + seg, start + i);
            seg = i;
        }
        (before, prev) = (prev, cur);
    }
    if seg < run.len() {
        f(start + seg, end);
    }
}

/// Tokens of `piece` by `unicode-segmentation`.
fn tokenize_unicode(text: &str, piece: Span, out: &mut Vec<Token>, newline: &mut bool) {
    for (i, w) in text[piece].split_word_bound_indices() {
        let start = piece.start + i;
        push(text, Span::new(start, start + w.len()), out, newline);
    }
}

/// Adds the segment `span` as a token, or notes the line break in a whitespace segment.
fn push(text: &str, span: Span, out: &mut Vec<Token>, newline: &mut bool) {
    let w = &text[span];
    let first = w.chars().next().unwrap_or(' ');
    if first.is_whitespace() {
        *newline |= w.contains('\n');
        return;
    }
    let (kind, upper) = if first.is_alphabetic() {
        (TokenKind::Word, first.is_uppercase())
    } else if first.is_numeric() {
        (TokenKind::Number, false)
    } else {
        (TokenKind::Punct, false)
    };
    let info = if kind == TokenKind::Word {
        lexicon().get(w)
    } else {
        None
    };
    out.push(Token {
        span,
        kind,
        upper,
        after_newline: std::mem::take(newline),
        info,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::tags;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, &tags(text))
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn tags_are_transparent() {
        assert_eq!(
            words("the ministry <u>said</u> on"),
            ["the", "ministry", "said", "on"]
        );
    }

    #[test]
    fn abbreviations_and_possessives_split_as_uax29_does() {
        // Later stages rely on this: "U.S." is "U.S" + "."; a plural possessive keeps its mark apart.
        assert_eq!(words("the U.S. panel"), ["the", "U.S", ".", "panel"]);
        assert_eq!(words("Mr. Smith"), ["Mr", ".", "Smith"]);
        assert_eq!(
            words("the Nations’ panel"),
            ["the", "Nations", "’", "panel"]
        );
    }

    #[test]
    fn apostrophes_stay_inside_words() {
        assert_eq!(
            words("Russia's envoy didn't"),
            ["Russia's", "envoy", "didn't"]
        );
        assert_eq!(
            words("“Yes,” she said."),
            ["“", "Yes", ",", "”", "she", "said", "."]
        );
    }

    /// The tokens `unicode-segmentation` alone gives, as the tokenizer did before its ASCII
    /// fast path.
    fn reference(text: &str) -> Vec<Token> {
        let tags = tags(text);
        let mut out = Vec::new();
        let mut newline = false;
        let mut pos = 0;
        for tag in tags
            .iter()
            .copied()
            .chain(std::iter::once(Span::new(text.len(), text.len())))
        {
            tokenize_unicode(text, Span::new(pos, tag.start), &mut out, &mut newline);
            pos = tag.end;
        }
        out
    }

    #[test]
    fn ascii_fast_path_agrees_with_uax29_on_tricky_text() {
        for text in [
            "U.S. a.b.c 3.5 3,5,6 a:b a::b 1:2 x'y 'x' 9.a a.9 _a a_ 1_2 __ ._. a.'b",
            "e.g. 1.2.3 v1.2a a1.b2 ..a a.. ,1 1, 1,,2 a'.b 1'2 a;b 1;2",
            "Caf\u{e9} \u{301}x na\u{ef}ve x\u{2009} y \u{3000} z\r\n\u{b}\u{c}\t\u{a0}",
            "\u{201c}Yes,\u{201d} she said. Russia\u{2019}s U.S.-led <u>said</u>\n\n## Head",
            "\u{1f1fa}\u{1f1f8} a\u{200d}b \u{1f44d}\u{1f3fd} 1\u{2019}000 \u{5d0}\"\u{5d1}",
        ] {
            assert_eq!(tokenize(text, &tags(text)), reference(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_fast_path_agrees_with_uax29(
            text in "[a-cA-C0-2 .,;:'_\"\\-\n\r\t\u{b}\u{c}\u{e9}\u{301}\u{2019}\u{a0}\u{2009}\u{3000}\u{200d}<>/u]{0,40}"
        ) {
            proptest::prop_assert_eq!(tokenize(&text, &tags(&text)), reference(&text));
        }
    }

    #[test]
    fn ascii_fast_path_agrees_with_uax29_on_the_dev_articles() {
        for name in ["ggt.dev.jsonl", "polnear.dev.jsonl"] {
            let path = format!("{}/../shared/eval/{name}", env!("CARGO_MANIFEST_DIR"));
            let Ok(jsonl) = std::fs::read_to_string(&path) else {
                eprintln!("skipping: {path} not found");
                continue;
            };
            for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
                let doc: serde_json::Value = serde_json::from_str(line).unwrap();
                let text = doc["text"].as_str().unwrap();
                assert!(
                    tokenize(text, &tags(text)) == reference(text),
                    "{}",
                    doc["id"]
                );
            }
        }
    }
}
