//! What one quote mark does in its context: opens, closes, or is an apostrophe.
//!
//! Decisions look only at the neighbouring characters (and, for apostrophes, the word next to
//! the mark), never further, so the scan stays linear.

use super::QuoteStyle::{self, *};
use std::sync::OnceLock;

/// What the stack machine should do with a mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Action {
    /// Not a quote mark here (apostrophe, stray, inch sign…).
    Skip,
    /// Opens a quotation of this style.
    Open(QuoteStyle),
    /// Closes the innermost open quotation of one of these styles; when none is open, opens
    /// the fallback style (if any).
    CloseOr(&'static [QuoteStyle], Option<QuoteStyle>),
    /// Probably an apostrophe, but closes the innermost open quotation of one of these styles if
    /// nothing later in the paragraph does ("‘We back the nurses’ says PM").
    CloseIfUnclosed(&'static [QuoteStyle]),
}

/// The characters around a mark, with inline tags already skipped. `None` is the paragraph edge.
#[derive(Debug, Clone, Copy)]
pub(super) struct Context<'a> {
    pub prev: Option<char>,
    pub next: Option<char>,
    /// Text before the mark, within the paragraph (for the word an apostrophe ends).
    pub before: &'a str,
    /// Text after the mark, within the paragraph (for the word an apostrophe starts).
    pub after: &'a str,
}

/// Bytes that can start a quote mark: `"`, `'`, and the UTF-8 lead bytes of « » (C2),
/// ‘ ’ ‚ “ ” „ ‹ › (E2) and 「 」 『 』 (E3).
pub(super) static CANDIDATE: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t
};

/// Stands for `''` (two typewriter apostrophes used as a double quote, as in newspaper
/// archives: ''Yes,'' he said) in [`classify`]; never occurs in text as a mark of its own.
pub(super) const DOUBLED_STRAIGHT: char = '\u{FFFF}';

/// The mark at byte `pos` of `text` (not past `end`): its span and the character to classify.
/// Doubled singles are one mark: `''` reads as [`DOUBLED_STRAIGHT`], ‘‘ as “ and ’’ as ”.
/// In a run of three (`,'''` closing '…' inside ''…''), the single mark is inner: last when
/// opening, first when closing (after a non-space).
pub(super) fn read_mark(text: &str, start: usize, pos: usize, end: usize) -> Option<(char, usize)> {
    // Most marks are no single mark doubled: known from their bytes, without decoding.
    let bytes = &text.as_bytes()[..end];
    let (c, len) = match bytes.get(pos..(pos + 3).min(end))? {
        [b'"', ..] => ('"', 1),
        [b'\'', ..] => ('\'', 1),
        [0xC2, 0xAB, ..] => ('«', 2),
        [0xC2, 0xBB, ..] => ('»', 2),
        [0xE2, 0x80, 0x98] => ('‘', 3),
        [0xE2, 0x80, 0x99] => ('’', 3),
        [0xE2, 0x80, 0x9A] => ('‚', 3),
        [0xE2, 0x80, 0x9C] => ('“', 3),
        [0xE2, 0x80, 0x9D] => ('”', 3),
        [0xE2, 0x80, 0x9E] => ('„', 3),
        [0xE2, 0x80, 0xB9] => ('‹', 3),
        [0xE2, 0x80, 0xBA] => ('›', 3),
        _ => return read_mark_decoded(text, start, pos, end),
    };
    let doubled = matches!(c, '\'' | '‘' | '’')
        && bytes.get(pos + len..pos + 2 * len) == Some(&bytes[pos..pos + len]);
    if doubled {
        return read_mark_decoded(text, start, pos, end);
    }
    Some((c, len))
}

/// [`read_mark`] by characters.
fn read_mark_decoded(text: &str, start: usize, pos: usize, end: usize) -> Option<(char, usize)> {
    let c = text[pos..end].chars().next()?;
    if !is_mark(c) {
        return None;
    }
    let len = c.len_utf8();
    let rest = &text[pos + len..end];
    let closing_triple = rest.starts_with(c)
        && rest[len..].starts_with(c)
        && text[start..pos]
            .chars()
            .next_back()
            .is_some_and(|p| !is_space(p));
    if matches!(c, '\'' | '‘' | '’') && rest.starts_with(c) && !closing_triple {
        let as_double = match c {
            '\'' => DOUBLED_STRAIGHT,
            '‘' => '“',
            _ => '”',
        };
        return Some((as_double, 2 * len));
    }
    Some((c, len))
}

/// A quote mark of any style (an apostrophe's character too: context decides which it is).
pub(crate) fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
    )
}

fn is_space(c: char) -> bool {
    // NUL and BOM show up in scraped text where a space or line start was.
    c.is_whitespace() || c == '\u{feff}' || c == '\0'
}

/// Characters after which a mark starts a quotation: line start, space, bracket, dash, slash,
/// or another opening mark ("‘…’" nested right at the start).
fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            is_space(c)
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '<'
                        | '>'
                        | '-'
                        | '–'
                        | '—'
                        | '/'
                        | '"'
                        | '\''
                        | '“'
                        | '‘'
                        | '„'
                        | '‚'
                        | '«'
                        | '»'
                        | '‹'
                        | '›'
                        | '「'
                        | '『'
                )
        }
    }
}

/// Characters before which a mark ends a quotation: line end, space, punctuation, closing
/// bracket, dash, or another closing mark.
fn closes_before(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => {
            is_space(c)
                || matches!(
                    c,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '<'
                        | '>'
                        | '-'
                        | '–'
                        | '—'
                        | '/'
                        | '…'
                        | '*'
                        | '"'
                        | '\''
                        | '”'
                        | '’'
                        | '»'
                        | '«'
                        | '›'
                        | '‹'
                        | '“'
                        | '」'
                        | '』'
                )
        }
    }
}

struct Elisions {
    /// Words after a dropped start: 'em, 'til.
    leading: Vec<String>,
    /// Words before a dropped end: ol', n'.
    trailing: Vec<String>,
}

fn elisions() -> &'static Elisions {
    static E: OnceLock<Elisions> = OnceLock::new();
    E.get_or_init(|| {
        let mut e = Elisions {
            leading: Vec::new(),
            trailing: Vec::new(),
        };
        for line in include_str!("../data/elisions.txt").lines() {
            let w = line.trim();
            if w.is_empty() || w.starts_with('#') {
                continue;
            }
            if let Some(rest) = w.strip_prefix('\'') {
                e.leading.push(rest.to_lowercase());
            } else if let Some(rest) = w.strip_suffix('\'') {
                e.trailing.push(rest.to_lowercase());
            }
        }
        e
    })
}

/// Longest word we look up in the elision lexicon; longer words are never elisions.
const MAX_WORD: usize = 16;

/// The mark begins an elided word ('em, ’til, the '90s), so it is an apostrophe.
fn leading_elision(after: &str) -> bool {
    let b = after.as_bytes();
    // Decades and years: '90s, ’08 — two digits then s or a non-alphanumeric.
    if b.len() >= 2 && b[0].is_ascii_digit() && b[1].is_ascii_digit() {
        return !b.get(2).is_some_and(|c| c.is_ascii_digit());
    }
    let word_len = after
        .char_indices()
        .take(MAX_WORD + 1)
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(after.len(), |(i, _)| i);
    if word_len == 0 || word_len > MAX_WORD {
        return false;
    }
    let word = &after[..word_len];
    elisions()
        .leading
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// The word ending right before the mark, if it is short enough to matter.
fn word_before(before: &str) -> &str {
    let start = before
        .char_indices()
        .rev()
        .take(MAX_WORD + 1)
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
}

/// How a mark after a word reads as an apostrophe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trailing {
    /// Not an apostrophe by these rules.
    No,
    /// An elided word from the lexicon: ol', rock 'n'.
    Elision,
    /// "students’ union", "goin' home": a word in -s or -in followed by a lower-case word.
    /// Usually an apostrophe, but "‘We back the nurses’ says PM" closes a quote.
    Possessive,
}

fn trailing(ctx: &Context) -> Trailing {
    let word = word_before(ctx.before);
    if word.is_empty() {
        return Trailing::No;
    }
    if elisions()
        .trailing
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
    {
        return Trailing::Elision;
    }
    let plural_or_in = word.len() >= 2 && (word.ends_with(['s', 'S']) || word.ends_with("in"));
    let mut rest = ctx.after.chars();
    let then_lower = matches!(rest.next(), Some(c) if is_space(c))
        && rest.next().is_some_and(char::is_lowercase);
    if plural_or_in && then_lower {
        Trailing::Possessive
    } else {
        Trailing::No
    }
}

/// A height or length in feet and inches: 6’2”, 5'11" — the mark after the inches is no quote.
fn inch_mark(before: &str) -> bool {
    let b = before.as_bytes();
    let digits = b.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 2 {
        return false;
    }
    let rest = &before[..before.len() - digits];
    let Some(rest) = rest
        .strip_suffix('\'')
        .or_else(|| rest.strip_suffix('’'))
        .or_else(|| rest.strip_suffix('′'))
    else {
        return false;
    };
    rest.bytes().next_back().is_some_and(|c| c.is_ascii_digit())
}

fn alnum(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// What mark `c` does in `ctx`.
pub(super) fn classify(c: char, ctx: &Context) -> Action {
    let next_solid = ctx.next.is_some_and(|c| !is_space(c));
    let prev_solid = ctx.prev.is_some_and(|c| !is_space(c));
    // Only an opening position (space before, text after) / only a closing one.
    let opening = opens_after(ctx.prev) && next_solid;
    let closing = closes_before(ctx.next) && prev_solid;
    let can_open = |s| if next_solid { Some(s) } else { None };
    if matches!(c, '"' | '”' | DOUBLED_STRAIGHT) && inch_mark(ctx.before) {
        return Action::Skip;
    }
    match c {
        '"' => match (opening, closing) {
            (false, true) => Action::CloseOr(&[Straight, English], None),
            // Nests even inside an open `"`: either a quote within a quote, or the earlier one
            // lost its closing mark and stays unmatched while this one pairs on its own.
            (true, false) => Action::Open(Straight),
            _ => Action::CloseOr(&[Straight], can_open(Straight)),
        },
        DOUBLED_STRAIGHT => match (opening, closing) {
            (false, true) => Action::CloseOr(&[DoubledStraight], None),
            (true, false) => Action::Open(DoubledStraight),
            _ => Action::CloseOr(&[DoubledStraight], can_open(DoubledStraight)),
        },
        '“' => match (opening, closing) {
            (true, false) => Action::Open(English),
            // A closing “ ends „…“, or a “…“ / "…“ typed with the wrong mark.
            (false, true) => Action::CloseOr(&[German, English, Straight], Some(English)),
            // In English text “ only opens, even set off by spaces: “ … if the primary”.
            _ => Action::CloseOr(&[German], Some(English)),
        },
        // At the start of a paragraph ” can only open: ”… he delivered a mix,” Roe wrote.
        '”' => Action::CloseOr(
            &[English, German, RightDouble, Straight],
            if (opening || ctx.prev.is_none_or(|c| c == '\n')) && !closing {
                Some(RightDouble)
            } else {
                None
            },
        ),
        '„' if !alnum(ctx.prev) && next_solid => Action::Open(German),
        '‚' if !alnum(ctx.prev) && next_solid => Action::Open(GermanSingle),
        '«' => match opening {
            true if !closing => Action::Open(Guillemets),
            // French sets guillemets off with (no-break) spaces: « oui ».
            _ => Action::CloseOr(&[GuillemetsReversed], Some(Guillemets)),
        },
        '»' => Action::CloseOr(&[Guillemets], can_open(GuillemetsReversed)),
        '‹' => match opening {
            true if !closing => Action::Open(SingleGuillemets),
            _ => Action::CloseOr(&[SingleGuillemetsReversed], Some(SingleGuillemets)),
        },
        '›' => Action::CloseOr(&[SingleGuillemets], can_open(SingleGuillemetsReversed)),
        '「' => Action::Open(Corner),
        '」' => Action::CloseOr(&[Corner], None),
        '『' => Action::Open(WhiteCorner),
        '』' => Action::CloseOr(&[WhiteCorner], None),
        '‘' | '’' | '\'' => single(c, ctx, opening, closing),
        _ => Action::Skip,
    }
}

/// Single marks double as apostrophes, so they only count where nothing else explains them.
fn single(c: char, ctx: &Context, opening: bool, closing: bool) -> Action {
    // don't, Ukraine's, O’Brien.
    if alnum(ctx.prev) && alnum(ctx.next) {
        return Action::Skip;
    }
    if opens_after(ctx.prev) && leading_elision(ctx.after) {
        return Action::Skip;
    }
    let closes: &'static [QuoteStyle] = match c {
        '\'' => &[StraightSingle],
        _ => &[EnglishSingle, GermanSingle],
    };
    match (opening, closing) {
        (true, false) => match c {
            '’' => Action::Skip, // a ’ after a space is an elision we don't know, not a quote
            '\'' => Action::Open(StraightSingle),
            _ => Action::Open(EnglishSingle),
        },
        (false, true) if c != '‘' => match trailing(ctx) {
            Trailing::Elision => Action::Skip,
            Trailing::Possessive => Action::CloseIfUnclosed(closes),
            Trailing::No => Action::CloseOr(closes, None),
        },
        (false, true) => match c {
            '‘' => Action::CloseOr(&[GermanSingle], None),
            _ => Action::CloseOr(closes, None),
        },
        _ => match c {
            '‘' => Action::CloseOr(
                &[GermanSingle],
                ctx.next.filter(|&n| !is_space(n)).map(|_| EnglishSingle),
            ),
            _ => Action::CloseOr(closes, None),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_read_on_the_bytes_agree_with_marks_decoded() {
        for text in [
            "\"a\" 'b' ''c'' '''d''' ,''' x''' \u{2018}\u{2018}e\u{2019}\u{2019} f\u{2019}\u{2019}\u{2019}",
            "\u{201c}g\u{201d} \u{201e}h\u{201c} \u{201a}i\u{2018} \u{ab}j\u{bb} \u{2039}k\u{203a} \u{300c}l\u{300d}",
            "\u{300e}m\u{300f} \u{a0}n\u{2014}o\u{2026} \u{feff}'' \u{2019}\u{2019}'\"'",
        ] {
            for start in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                for pos in (start..text.len()).filter(|&p| text.is_char_boundary(p)) {
                    for end in (pos + 1..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                        assert_eq!(
                            read_mark(text, start, pos, end),
                            read_mark_decoded(text, start, pos, end),
                            "{text:?} {start} {pos} {end}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn lexicon_loads_both_sides() {
        assert!(elisions().leading.iter().any(|w| w == "em"));
        assert!(elisions().trailing.iter().any(|w| w == "ol"));
    }

    #[test]
    fn decades_are_elisions() {
        assert!(leading_elision("90s were"));
        assert!(leading_elision("08,"));
        assert!(!leading_elision("2020"));
        assert!(leading_elision("em all"));
        assert!(!leading_elision("emotional"));
    }
}
