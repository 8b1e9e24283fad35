//! Word and punctuation tokens, with inline tags skipped (they are transparent to matching).

use crate::lexicon::{Lexicon, WordInfo, lexicon};
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

/// The fields in this order (`repr(C)`): `kind` and `abbreviation_dot`, the same in every word
/// token, side by side, so that one store writes both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub struct Token {
    pub span: Span,
    /// What the lexicon says about the word, if it lists it.
    pub info: Option<&'static WordInfo>,
    /// The [`crate::lexicon::flags`] of `info` (0 without), kept in the token so the scans over
    /// every token (cues, names) read no lexicon entry.
    pub flags: u8,
    /// Starts with an uppercase letter.
    pub upper: bool,
    /// A line break lies between the previous token and this one.
    pub after_newline: bool,
    pub kind: TokenKind,
    /// A "." that belongs to an abbreviation or an initial ("U.S.", "Mr.", "J."), decided once
    /// from the token before it for the many calls of [`crate::doc::Doc::is_abbreviation_dot`].
    pub abbreviation_dot: bool,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span]
    }

    /// The lexicon lists the word as a verb form (`info.verb` or `info.phrasal`).
    #[inline]
    pub fn verb(&self) -> bool {
        self.flags & crate::lexicon::flags::VERB != 0
    }
}

/// Pushes the token at `span`, noting a line break before it and whether it is an abbreviation's
/// dot (decided here, from the token before it).
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn push_token(
    text: &str,
    out: &mut Tokens,
    span: Span,
    kind: TokenKind,
    upper: bool,
    info: Option<&'static WordInfo>,
    flags: u8,
    newline: &mut bool,
) {
    let abbreviation_dot = kind == TokenKind::Punct
        && span.len() == 1
        && text.as_bytes()[span.start] == b'.'
        && abbreviation_dot(text, out.tokens.last(), span.start);
    let token = Token {
        span,
        kind,
        upper,
        after_newline: std::mem::take(newline),
        info,
        flags,
        abbreviation_dot,
    };
    if kind == TokenKind::Word {
        let i = out.tokens.len();
        if upper {
            out.capitalised.push(i);
        }
        if crate::cues::may_start_cue(&token) {
            out.cue_candidates.push(i);
        }
        if span.len() == 4 && text.as_bytes()[span.start..span.end] == *b"that" {
            out.that.push(i);
        }
    }
    out.tokens.push(token);
}

/// The tokens of a text, with lists of those that later stages look for among all the
/// others, made here where each token's kind and case are at hand.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    /// Capitalised words, in order.
    pub capitalised: Vec<usize>,
    /// The tokens a cue may start at ([`crate::cues::may_start_cue`]), in order.
    pub cue_candidates: Vec<usize>,
    /// The tokens "that", in order.
    pub that: Vec<usize>,
}

impl Tokens {
    /// Drops the tokens from the `len`-th on, and their entries in the lists.
    fn truncate(&mut self, len: usize) {
        self.tokens.truncate(len);
        for list in [
            &mut self.capitalised,
            &mut self.cue_candidates,
            &mut self.that,
        ] {
            list.truncate(list.partition_point(|&k| k < len));
        }
    }
}

/// Tokens of `text`, skipping whitespace and the `tags` spans (sorted, from [`crate::markup::tags`]).
pub fn tokenize(text: &str, tags: &[Span]) -> Vec<Token> {
    tokenize_indexed(text, tags).tokens
}

/// [`tokenize`], with the lists of [`Tokens`].
pub fn tokenize_indexed(text: &str, tags: &[Span]) -> Tokens {
    // News text has a token every five bytes or so: room for one every four, so that the
    // vector (the largest of a document) is seldom moved while it grows.
    // The lists sized likewise, from what news text has: a capitalised word every 40 bytes
    // or so, a possible cue every 50, a "that" every 500.
    let mut out = Tokens {
        tokens: Vec::with_capacity(text.len() / 4 + 16),
        capitalised: Vec::with_capacity(text.len() / 24 + 4),
        cue_candidates: Vec::with_capacity(text.len() / 32 + 4),
        that: Vec::with_capacity(text.len() / 256 + 4),
    };
    let mut pos = 0;
    let mut newline = false;
    let lex = lexicon();
    for tag in tags
        .iter()
        .copied()
        .chain(std::iter::once(Span::new(text.len(), text.len())))
    {
        tokenize_piece(text, Span::new(pos, tag.start), lex, &mut out, &mut newline);
        pos = tag.end;
    }
    out
}

/// Tokens of one piece of text between tags.
///
/// UAX #29 word segmentation is costly per character, and news text is mostly ASCII with a few
/// typographic marks. ASCII whitespace always has a word boundary on both sides (a whitespace
/// character only joins another space or a following combining mark, and whitespace-led
/// segments are skipped anyway), so the piece is read as runs without whitespace. A run whose
/// characters all have a class in [`class_of_char`] is split here by the UAX #29 rules for those
/// classes, in one pass; a run with any other character is split again, with the whitespace
/// before it, by `unicode-segmentation` ([`retokenize_run`]). The tokens are the same as from
/// `unicode-segmentation` over the whole piece (tested below on random text and the dev
/// articles).
///
/// The loop keeps nothing but the position and the line-break flag: what a run handed to
/// `unicode-segmentation` starts from is found again when that (rarely) happens, so the common
/// path of an ASCII word, number or mark keeps its state in registers.
fn tokenize_piece(
    text: &str,
    piece: Span,
    lex: &'static Lexicon,
    out: &mut Tokens,
    newline_out: &mut bool,
) {
    let newline_in = *newline_out;
    let mut newline = newline_in;
    let bytes = &text.as_bytes()[..piece.end];
    let mut i = piece.start;
    while let Some(&b) = bytes.get(i) {
        match FAST[usize::from(b)] {
            Fast::Space => {
                newline |= b == b'\n';
                i += 1;
                continue;
            }
            Fast::Letter => {
                // Most words: sixteen bytes classified at once give the word's end, whether a
                // space follows, and its lexicon key.
                if let Some(chunk) = bytes.get(i..i + 16) {
                    let chunk: &[u8; 16] = chunk.try_into().expect("sixteen bytes");
                    if let Some((n, key, space_after)) = short_word(chunk) {
                        let end = i + n;
                        if space_after || ends_ascii_word(bytes, end) {
                            let (info, flags) = lex.get_packed_entry(key);
                            push_word(
                                text,
                                out,
                                Span::new(i, end),
                                // A letter: upper case below `a`, one comparison.
                                b < b'a',
                                info,
                                flags,
                                &mut newline,
                            );
                            i = end + usize::from(space_after);
                            continue;
                        }
                        // Not ended by what follows: the general path.
                        (i, newline) =
                            slow_token(text, bytes, piece, i, end, lex, out, newline, newline_in);
                        continue;
                    }
                }
                // Near the end of the piece, or a word of sixteen letters and digits or more.
                let end = alnum_end(bytes, i + 1);
                if ends_ascii_word(bytes, end) {
                    // Letters and digits only, as `get_alnum_flags` needs.
                    let (info, flags) = match lex.get_alnum_flags(text, i, end) {
                        Some((info, flags)) => (Some(info), flags),
                        None => (None, 0),
                    };
                    push_word(
                        text,
                        out,
                        Span::new(i, end),
                        b.is_ascii_uppercase(),
                        info,
                        flags,
                        &mut newline,
                    );
                    i = end + usize::from(bytes.get(end) == Some(&b' '));
                    continue;
                }
            }
            Fast::Digit => {
                let end = alnum_end(bytes, i + 1);
                if ends_ascii_word(bytes, end) {
                    let token = Token {
                        span: Span::new(i, end),
                        kind: TokenKind::Number,
                        upper: false,
                        after_newline: std::mem::take(&mut newline),
                        info: None,
                        flags: 0,
                        abbreviation_dot: false,
                    };
                    out.tokens.push(token);
                    i = end + usize::from(bytes.get(end) == Some(&b' '));
                    continue;
                }
            }
            // A mark no rule joins to what follows when it starts a segment.
            Fast::Mid | Fast::Other => {
                let span = Span::new(i, i + 1);
                let abbreviation_dot = b == b'.' && abbreviation_dot(text, out.tokens.last(), i);
                let token = Token {
                    span,
                    kind: TokenKind::Punct,
                    upper: false,
                    after_newline: std::mem::take(&mut newline),
                    info: None,
                    flags: 0,
                    abbreviation_dot,
                };
                out.tokens.push(token);
                // A comma or stop is mostly followed by a space, skipped here too.
                i += 1 + usize::from(bytes.get(i + 1) == Some(&b' '));
                continue;
            }
            Fast::Slow => {}
        }
        // The flag goes by value: a reference to it would keep it in memory in this loop.
        (i, newline) = slow_token(text, bytes, piece, i, i, lex, out, newline, newline_in);
    }
    *newline_out = newline;
}

/// The length of the dash, quote mark or ellipsis at `i` (U+2010..U+203E, E2 80 xx) that
/// [`class_of_char`] makes `Other` or `MidNumLet`: a token of its own, as [`push_segment`]
/// makes it, since no rule joins it to what follows at the start of a segment. (A combining
/// mark after it is of unknown class, and has its run split again.)
#[inline]
fn typographic_mark(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i..i + 3)? {
        [0xE2, 0x80, 0x90..=0xA3 | 0xA5 | 0xA6 | 0xB0..=0xBE] => Some(3),
        _ => None,
    }
}

/// The token at `i` that the fast paths of [`tokenize_piece`] leave: one starting with a
/// connector or a non-ASCII character, or a word or number that a middle character, a
/// connector or a non-ASCII character may continue ("U.S", "don't", "3.5", "Café", "a_b").
/// Pushes it (or, for a run with a character of unknown class, the whole run) and returns
/// where to go on, with the line-break flag. `alnum_end` is where the ASCII letters and digits
/// from `i` end when the caller has found it, else `i`.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn slow_token(
    text: &str,
    bytes: &[u8],
    piece: Span,
    i: usize,
    alnum_end: usize,
    lex: &'static Lexicon,
    out: &mut Tokens,
    mut newline: bool,
    newline_in: bool,
) -> (usize, bool) {
    if let Some((end, curly)) = apostrophe_word(bytes, i, alnum_end) {
        let (info, flags) = match apostrophe_key(bytes, i, end, curly) {
            Some(key) => lex.get_packed_entry(key),
            None => {
                let info = lex.get(&text[i..end]);
                (info, info.map_or(0, WordInfo::flags))
            }
        };
        push_word(
            text,
            out,
            Span::new(i, end),
            bytes[i].is_ascii_uppercase(),
            info,
            flags,
            &mut newline,
        );
        return (end, newline);
    }
    if let Some(len) = typographic_mark(bytes, i) {
        let token = Token {
            span: Span::new(i, i + len),
            kind: TokenKind::Punct,
            upper: false,
            after_newline: std::mem::take(&mut newline),
            info: None,
            flags: 0,
            abbreviation_dot: false,
        };
        out.tokens.push(token);
        return (i + len, newline);
    }
    let (class, len) = class_at(bytes, i);
    let end = match class {
        Class::Letter | Class::Digit | Class::Connector => word_end(bytes, i + len, class),
        Class::Unknown => None,
        _ => Some(i + len),
    };
    match end {
        Some(end) => {
            push_segment(text, i, end, class, lex, out, &mut newline);
            (end, newline)
        }
        None => {
            let end = retokenize_run(text, bytes, piece, i, out, &mut newline, newline_in);
            (end, newline)
        }
    }
}

/// The end of the word at `i` when it is ASCII letters and digits joined by apostrophes (`'`
/// or `’`) that have a letter on both sides ("don't", "Russia’s", "rock'n'roll") and ends where
/// [`ends_ascii_word`] says, and where its `’` are: UAX #29 joins a letter, a single quote
/// or `’` and a letter (WB6, WB7). Found on the bytes, where the general path classified each
/// character; `None` for any other word. `alnum_end`, as [`slow_token`] has it, is where the
/// letters and digits from `i` end, if known.
#[inline]
fn apostrophe_word(bytes: &[u8], i: usize, alnum_end: usize) -> Option<(usize, Curly)> {
    if !bytes[i].is_ascii_alphabetic() {
        return None;
    }
    let run_end = |from: usize| {
        from + bytes[from..]
            .iter()
            .position(|&b| ALNUM[usize::from(b)] == 0)
            .unwrap_or(bytes.len() - from)
    };
    // The first run is mostly known already: the word was read up to a mark.
    let first_end = if alnum_end > i {
        alnum_end
    } else {
        run_end(i + 1)
    };
    let (mut end, mut curly) = (first_end, Curly::None);
    loop {
        let len = match bytes.get(end..end + 3) {
            Some([b'\'', ..]) => 1,
            Some([0xE2, 0x80, 0x99]) => 3,
            Some(_) => return None,
            // Two bytes or fewer left: at most `'` and one letter.
            None if bytes.get(end) == Some(&b'\'') => 1,
            None => return None,
        };
        let after = end + len;
        if !bytes[end - 1].is_ascii_alphabetic()
            || !bytes.get(after).is_some_and(u8::is_ascii_alphabetic)
        {
            return None;
        }
        if len == 3 {
            curly = match curly {
                Curly::None => Curly::At(end),
                _ => Curly::Several,
            };
        }
        end = run_end(after + 1);
        if ends_ascii_word(bytes, end) {
            return Some((end, curly));
        }
    }
}

/// The `’` (E2 80 99) of an apostrophe word ([`apostrophe_word`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Curly {
    None,
    /// One, at this byte.
    At(usize),
    Several,
}

/// The lexicon key of the word `bytes[start..end]` that [`apostrophe_word`] found, with its
/// `curly` apostrophes: its bytes lower-cased with `’` as `'`, as [`Lexicon::get`] normalises
/// it, packed as [`short_word`] packs a key; `None` when that is longer than sixteen bytes.
/// Setting 0x20 lower-cases the letters and leaves the digits and `'` as they are.
#[inline]
fn apostrophe_key(bytes: &[u8], start: usize, end: usize, curly: Curly) -> Option<u128> {
    // Most words in one read of sixteen bytes, rather than byte by byte.
    let n = end - start;
    if n < 16
        && let Some(wide) = bytes.get(start..start + 16)
    {
        let raw = u128::from_le_bytes(wide.try_into().expect("sixteen bytes"));
        match curly {
            Curly::None => return Some((raw | LOWER_16) & LOW_BYTES[n]),
            Curly::At(at) => {
                // The bytes before the `’`, then `'`, then the bytes after it two places
                // down. A letter is on both sides: `1 <= p` and `p + 3 < n`.
                let p = at - start;
                let spliced = (raw & LOW_BYTES[p])
                    | u128::from(b'\'') << (8 * p)
                    | (raw >> (8 * (p + 3))) << (8 * (p + 1));
                return Some((spliced | LOWER_16) & LOW_BYTES[n - 2]);
            }
            Curly::Several => {}
        }
    }
    let mut key = [0u8; 16];
    let (mut k, mut len) = (start, 0);
    while k < end {
        // `’` is E2 80 99; every other byte of the word is ASCII.
        let (normalised, step) = if bytes[k] == 0xE2 {
            (b'\'', 3)
        } else {
            (bytes[k] | 0x20, 1)
        };
        *key.get_mut(len)? = normalised;
        len += 1;
        k += step;
    }
    Some(u128::from_le_bytes(key))
}

/// A character this tokenizer has no class for lies at `i`: the whole run of non-space bytes
/// around it goes to `unicode-segmentation`, with the whitespace before it (which a combining
/// mark may join). The run's tokens pushed so far are dropped, and the line-break flag is put
/// back to what it was before that whitespace: `newline_in` at the start of the piece, and
/// after a token of the piece false, either way with any line break in the untokenized bytes
/// since (whitespace, and whitespace-led segments). Returns the run's end.
#[inline(never)]
fn retokenize_run(
    text: &str,
    bytes: &[u8],
    piece: Span,
    i: usize,
    out: &mut Tokens,
    newline: &mut bool,
    newline_in: bool,
) -> usize {
    let run_start = bytes[piece.start..i]
        .iter()
        .rposition(|&b| is_ascii_space(b))
        .map_or(piece.start, |k| piece.start + k + 1);
    let space_start = bytes[piece.start..run_start]
        .iter()
        .rposition(|&b| !is_ascii_space(b))
        .map_or(piece.start, |k| piece.start + k + 1);
    let kept = out
        .tokens
        .iter()
        .rposition(|t| t.span.start < space_start)
        .map_or(0, |k| k + 1);
    out.truncate(kept);
    let (from, before) = match out.tokens.last() {
        Some(t) if t.span.end > piece.start => (t.span.end, false),
        _ => (piece.start, newline_in),
    };
    *newline = before || memchr::memchr(b'\n', &bytes[from..space_start]).is_some();
    let run_end = bytes[i..]
        .iter()
        .position(|&b| is_ascii_space(b))
        .map_or(bytes.len(), |k| i + k);
    tokenize_unicode(text, Span::new(space_start, run_end), out, newline);
    run_end
}

/// Pushes a word token, with its entries in the lists of [`Tokens`].
#[inline(always)]
fn push_word(
    text: &str,
    out: &mut Tokens,
    span: Span,
    upper: bool,
    info: Option<&'static WordInfo>,
    flags: u8,
    newline: &mut bool,
) {
    let token = Token {
        span,
        kind: TokenKind::Word,
        upper,
        after_newline: std::mem::take(newline),
        info,
        flags,
        abbreviation_dot: false,
    };
    // The token's index read in each (rare) branch: kept nowhere for the others.
    if upper {
        out.capitalised.push(out.tokens.len());
    }
    if crate::cues::may_start_cue(&token) {
        out.cue_candidates.push(out.tokens.len());
    }
    if span.len() == 4 && text.as_bytes()[span.start..span.end] == *b"that" {
        out.that.push(out.tokens.len());
    }
    out.tokens.push(token);
}

/// What the fast paths of [`tokenize_piece`] make of a byte that starts a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fast {
    /// ASCII whitespace.
    Space,
    /// An ASCII letter: a word.
    Letter,
    /// An ASCII digit: a number.
    Digit,
    /// A middle character (`.` `,` `;` `:` `'`): a mark alone, but it may join two letters or
    /// digits.
    Mid,
    /// Any other ASCII character: a mark alone.
    Other,
    /// The connector `_` or a byte of a non-ASCII character: the general path.
    Slow,
}

/// The [`Fast`] class of every byte.
static FAST: [Fast; 256] = {
    let mut table = [Fast::Slow; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match CLASSES[b] {
            Class::Space => Fast::Space,
            Class::Letter => Fast::Letter,
            Class::Digit => Fast::Digit,
            Class::MidLetter | Class::MidNumLet | Class::MidNum => Fast::Mid,
            Class::Other => Fast::Other,
            Class::Connector | Class::Unknown => Fast::Slow,
        };
        b += 1;
    }
    table
};

/// Every byte set to 0x20: or-ed into a word's bytes, it lower-cases the letters and leaves
/// the digits as they are.
const LOWER_16: u128 = u128::from_le_bytes([0x20; 16]);

/// `LOW_BYTES[n]` has the low `n` bytes set: a table, because a variable shift of a `u128`
/// is a dozen instructions.
static LOW_BYTES: [u128; 16] = {
    let mut masks = [0; 16];
    let mut n = 1;
    while n < 16 {
        masks[n] = u128::MAX >> (8 * (16 - n));
        n += 1;
    }
    masks
};

/// Bit `k` is set when byte `k` of `chunk` is an ASCII letter or digit.
#[inline(always)]
fn alnum_mask(chunk: &[u8; 16]) -> u32 {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is part of the x86_64 baseline: every x86_64 processor has the feature
        // the function is compiled with.
        unsafe { alnum_mask_sse2(chunk) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    alnum_mask_swar(chunk)
}

/// [`alnum_mask`] in ten instructions: two range tests on sixteen bytes at once, where the
/// tests on eight bytes in a register took twenty for half of them.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn alnum_mask_sse2(chunk: &[u8; 16]) -> u32 {
    use std::arch::x86_64::*;
    let lo = u64::from_le_bytes(chunk[..8].try_into().expect("eight bytes"));
    let hi = u64::from_le_bytes(chunk[8..].try_into().expect("eight bytes"));
    // One unaligned load, as the compiler makes it.
    let v = _mm_set_epi64x(hi as i64, lo as i64);
    // `x` in `lo..lo + len` as a signed compare: shifted so that `lo` is -128.
    let in_range = |x: __m128i, lo: u8, len: u8| {
        let shifted = _mm_add_epi8(x, _mm_set1_epi8(0x80u8.wrapping_sub(lo) as i8));
        _mm_cmplt_epi8(shifted, _mm_set1_epi8(0x80u8.wrapping_add(len) as i8))
    };
    let letter = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', 26);
    let digit = in_range(v, b'0', 10);
    _mm_movemask_epi8(_mm_or_si128(letter, digit)) as u32
}

/// [`alnum_mask`] without SSE2: [`not_alnum`] on each half, its flag bits gathered by a
/// multiply.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn alnum_mask_swar(chunk: &[u8; 16]) -> u32 {
    let half = |bytes: &[u8]| {
        let word = u64::from_le_bytes(bytes.try_into().expect("eight bytes"));
        // The flag of byte k at bit 8k; the multiply moves it to bit 56 + k.
        let flags = (!not_alnum(word) & 0x8080_8080_8080_8080) >> 7;
        (flags.wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
    };
    half(&chunk[..8]) | half(&chunk[8..]) << 8
}

/// The word of ASCII letters and digits that starts `chunk` with a letter, when it ends within
/// it: its length, its lexicon key ([`crate::lexicon::Lexicon::get_packed_flags`]: its bytes
/// lower-cased) and whether a space follows it. `None` for a word of sixteen bytes or more.
#[inline(always)]
fn short_word(chunk: &[u8; 16]) -> Option<(usize, u128, bool)> {
    // At least 1: the first byte is a letter. 16 for a longer word.
    let n = (!alnum_mask(chunk) | 1 << 16).trailing_zeros() as usize;
    if n == 16 {
        return None;
    }
    let key = (u128::from_le_bytes(*chunk) | LOWER_16) & LOW_BYTES[n];
    Some((n, key, chunk[n] == b' '))
}

/// The end of the run of ASCII letters and digits from `i`, eight bytes at a step: one
/// branch per step rather than one per byte, whose exit the branch predictor missed at the
/// end of almost every word.
#[inline]
fn alnum_end(bytes: &[u8], i: usize) -> usize {
    // Chunks of the rest rather than indexed loads: no bounds checks in the loop.
    let rest = &bytes[i..];
    let mut chunks = rest.chunks_exact(8);
    let mut k = i;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let other = not_alnum(word);
        if other != 0 {
            return k + (other.trailing_zeros() / 8) as usize;
        }
        k += 8;
    }
    let tail = chunks.remainder();
    k + tail
        .iter()
        .position(|&b| ALNUM[usize::from(b)] == 0)
        .unwrap_or(tail.len())
}

/// The high bit of each byte of `word` that is no ASCII letter or digit.
#[inline]
fn not_alnum(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // Each byte in 0..0x80, so the sums below carry into no neighbour; bytes from 0x80 on
    // are excluded through `!word` at the end.
    let low = word & !HIGH;
    // `low + (0x80 - lo)` has its high bit set when `low >= lo`.
    let in_range = |x: u64, lo: u8, hi: u8| {
        x.wrapping_add(ONES * u64::from(0x80 - lo)) & !x.wrapping_add(ONES * u64::from(0x7f - hi))
    };
    let digit = in_range(low, b'0', b'9');
    // Setting 0x20 lower-cases the letters, and puts no other byte in `a..=z`.
    let letter = in_range(low | (ONES * 0x20), b'a', b'z');
    !((digit | letter) & !word) & HIGH
}

/// Whether an ASCII word of letters and digits that runs up to `end` ends there, whatever its
/// last character, decided from ASCII bytes alone; `false` also when the general path must
/// decide. A space or symbol after it ends it. So does a middle character (`,` `.` `;` `:`
/// `'`) that no letter or digit follows: UAX #29 (WB6, WB7, WB11, WB12) joins only across a
/// middle character between two letters or two digits ("U.S", "don't", "3.5"). A connector
/// (`_`) or a non-ASCII character after it may continue it.
#[inline]
fn ends_ascii_word(bytes: &[u8], end: usize) -> bool {
    let Some(&next) = bytes.get(end) else {
        return true;
    };
    if next >= 0x80 {
        return false;
    }
    match CLASSES[usize::from(next)] {
        Class::Space | Class::Other => true,
        Class::MidLetter | Class::MidNumLet | Class::MidNum => match bytes.get(end + 1) {
            None => true,
            Some(&after) => after < 0x80 && ALNUM[usize::from(after)] == 0,
        },
        _ => false,
    }
}

/// ASCII whitespace as `char::is_whitespace` sees it.
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// UAX #29 word-break classes of the characters this tokenizer splits itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// ASCII whitespace (WSegSpace and the line breaks): always a boundary here.
    Space,
    /// ALetter.
    Letter,
    /// Numeric.
    Digit,
    /// MidLetter: `:`.
    MidLetter,
    /// MidNumLet and Single_Quote: `.` `'` `‘` `’`.
    MidNumLet,
    /// MidNum: `,` `;`.
    MidNum,
    /// ExtendNumLet: `_`.
    Connector,
    /// A character no rule joins to its neighbours (UAX #29 "Any").
    Other,
    /// Not handled here: the run goes to `unicode-segmentation`.
    Unknown,
}

/// The class of every ASCII byte.
static CLASSES: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => Class::Space,
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

/// 1 for the ASCII letters and digits, else 0.
static ALNUM: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() as u8;
        b += 1;
    }
    table
};

/// The class of the non-ASCII character `c`, from the UAX #29 word-break property table of
/// `unicode-segmentation` for the ranges news text uses: Latin letters, the no-break space and
/// Latin-1 signs, dashes, typographic quotes and the ellipsis. Anything else is `Unknown`.
fn class_of_char(c: u32) -> Class {
    match c {
        0xc0..=0xd6 | 0xd8..=0xf6 | 0xf8..=0x2d7 => Class::Letter,
        0xa0..=0xa9 | 0xab | 0xac | 0xae..=0xb4 | 0xb6 | 0xb9 | 0xbb..=0xbf | 0xd7 | 0xf7 => {
            Class::Other
        }
        0x2018 | 0x2019 => Class::MidNumLet,
        0x2010..=0x2017 | 0x201a..=0x2023 | 0x2025 | 0x2026 | 0x2030..=0x203e => Class::Other,
        _ => Class::Unknown,
    }
}

/// The class and UTF-8 length of the character at `i` (a character boundary) of `bytes`.
#[inline]
fn class_at(bytes: &[u8], i: usize) -> (Class, usize) {
    let b = bytes[i];
    if b < 0x80 {
        (CLASSES[usize::from(b)], 1)
    } else {
        class_at_multibyte(bytes, i)
    }
}

/// [`class_at`] for a character of two or more bytes.
fn class_at_multibyte(bytes: &[u8], i: usize) -> (Class, usize) {
    let b = bytes[i];
    let (c, len) = if b < 0xe0 {
        (u32::from(b & 0x1f) << 6 | u32::from(bytes[i + 1] & 0x3f), 2)
    } else if b < 0xf0 {
        let c = u32::from(b & 0x0f) << 12
            | u32::from(bytes[i + 1] & 0x3f) << 6
            | u32::from(bytes[i + 2] & 0x3f);
        (c, 3)
    } else {
        return (Class::Unknown, 4);
    };
    (class_of_char(c), len)
}

/// The class of the character at `i`, `Space` at the end of `bytes`.
#[inline]
fn class_or_end(bytes: &[u8], i: usize) -> Class {
    if i < bytes.len() {
        class_at(bytes, i).0
    } else {
        Class::Space
    }
}

/// The end of the word whose first character (of class `prev`) ends at `i`, or `None` when
/// a character of unknown class decides it.
///
/// A word is letters, digits and connectors (WB8-WB10, WB13a, WB13b), with a middle character
/// between two letters (WB6, WB7) or two digits (WB11, WB12).
#[inline]
fn word_end(bytes: &[u8], mut i: usize, mut prev: Class) -> Option<usize> {
    use Class::*;
    while i < bytes.len() {
        // Plain ASCII letters and digits first: most of a word.
        let run = bytes[i..]
            .iter()
            .position(|&b| ALNUM[usize::from(b)] == 0)
            .unwrap_or(bytes.len() - i);
        if run > 0 {
            i += run;
            prev = if bytes[i - 1].is_ascii_digit() {
                Digit
            } else {
                Letter
            };
            if i == bytes.len() {
                break;
            }
        }
        let b = bytes[i];
        let (cur, len) = if b < 0x80 {
            (CLASSES[usize::from(b)], 1)
        } else {
            class_at_multibyte(bytes, i)
        };
        if matches!(cur, Space | Other) {
            // What ends most words: a space or punctuation.
            break;
        }
        // The class a middle character needs after it: the one before it.
        let side = match (prev, cur) {
            (_, Letter | Digit | Connector) => {
                prev = cur;
                i += len;
                continue;
            }
            (_, Unknown) => return None,
            (Letter, MidLetter | MidNumLet) => Letter,
            (Digit, MidNum | MidNumLet) => Digit,
            _ => break,
        };
        match class_or_end(bytes, i + len) {
            next if next == side => {
                i += len + class_at(bytes, i + len).1;
            }
            Unknown => return None,
            _ => break,
        }
    }
    Some(i)
}

/// The length of [`first_word`] when it is ASCII letters and digits from a letter on that a
/// space or a mark ends, as most words are (decided as in the tokenizer); `None` otherwise.
#[inline]
pub(crate) fn ascii_first_word(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let end = alnum_end(bytes, 1);
    ends_ascii_word(bytes, end).then_some(end)
}

/// The first UAX #29 word segment of `s`, as `s.split_word_bounds().next()` gives it, found
/// here when it is a word of known characters.
pub fn first_word(s: &str) -> &str {
    let bytes = s.as_bytes();
    if let Some(end) = ascii_first_word(s) {
        return &s[..end];
    }
    if !bytes.is_empty()
        && let (Class::Letter, len) = class_at(bytes, 0)
        && let Some(end) = word_end(bytes, len, Class::Letter)
    {
        return &s[..end];
    }
    s.split_word_bounds().next().unwrap_or("")
}

/// [`push`] for a segment the one-pass tokenizer found, whose first character is of `class`.
#[inline]
fn push_segment(
    text: &str,
    start: usize,
    end: usize,
    class: Class,
    lex: &'static Lexicon,
    out: &mut Tokens,
    newline: &mut bool,
) {
    let bytes = text.as_bytes();
    let first = bytes[start];
    let (kind, upper, info) = if first.is_ascii_alphabetic() {
        let w = &text[start..end];
        let info = if w.is_ascii() {
            lex.get_ascii(w)
        } else {
            lex.get(w)
        };
        (TokenKind::Word, first.is_ascii_uppercase(), info)
    } else if first.is_ascii_digit() {
        (TokenKind::Number, false, None)
    } else if first.is_ascii()
        || (first == 0xe2 && class != Class::Letter && bytes[start + 1] == 0x80)
    {
        // ASCII punctuation, or a dash, quote mark or ellipsis from U+2010..U+203E (E2 80 xx):
        // none is a letter, digit or space.
        (TokenKind::Punct, false, None)
    } else {
        return push(text, Span::new(start, end), out, newline);
    };
    let flags = info.map_or(0, WordInfo::flags);
    push_token(
        text,
        out,
        Span::new(start, end),
        kind,
        upper,
        info,
        flags,
        newline,
    );
}

/// The "." at byte `dot` belongs to an abbreviation or an initial ("U.S.", "Mr.", "J."):
/// `prev`, the token before it, is a capitalised word right before it that has a dot, is one or
/// two characters long, is a title or is a listed abbreviation.
fn abbreviation_dot(text: &str, prev: Option<&Token>, dot: usize) -> bool {
    let Some(prev) = prev.filter(|p| p.kind == TokenKind::Word && p.upper && p.span.end == dot)
    else {
        return false;
    };
    let w = &text[prev.span];
    w.contains('.')
        || w.chars().count() <= 2
        || prev.info.is_some_and(|x| x.title.is_some())
        || crate::segment::abbreviation(w).is_some()
}

/// Tokens of `piece` by `unicode-segmentation`.
fn tokenize_unicode(text: &str, piece: Span, out: &mut Tokens, newline: &mut bool) {
    for (i, w) in text[piece].split_word_bound_indices() {
        let start = piece.start + i;
        push(text, Span::new(start, start + w.len()), out, newline);
    }
}

/// Adds the segment `span` as a token, or notes the line break in a whitespace segment.
fn push(text: &str, span: Span, out: &mut Tokens, newline: &mut bool) {
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
    let flags = info.map_or(0, WordInfo::flags);
    push_token(text, out, span, kind, upper, info, flags, newline);
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
    fn reference(text: &str) -> Tokens {
        let tags = tags(text);
        let mut out = Tokens::default();
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
            "Russia\u{2019}s \u{2018}x\u{2019} \u{201c}y\u{201d} a\u{2014}b\u{2026} \u{e9}\u{301} 1\u{2019}000 a\u{2019}\u{301}b \u{d7}\u{f7}\u{a0}",
            "\u{1f1fa}\u{1f1f8} a\u{200d}b \u{1f44d}\u{1f3fd} 1\u{2019}000 \u{5d0}\"\u{5d1}",
            // Runs handed to UAX #29 after a run that made no token, a tag, or a line break.
            "a\n\u{301} b\u{200d}c\n\n\u{301}\u{1f600} d <b>\n</b>\u{1f600}x \u{301}\n y\u{5d0}",
            // Words joined by apostrophes, and what ends or breaks them.
            "don't Russia\u{2019}s rock'n'roll F16's a'1 'a a' a\u{2019}\u{2019}b o'clock. I'd\u{2019}ve x'y.z",
            "it's\u{201d} can't_ a'b\u{e9} n'\u{2019}t d'Arc's, x'y'",
            "<i>\u{5d0}</i>\n\u{5d0} \n<i>x</i>\u{1f600}\t\u{301}\u{301} \u{301}\n\u{5d0}",
        ] {
            assert_eq!(
                tokenize_indexed(text, &tags(text)),
                reference(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn alnum_end_agrees_with_a_byte_loop() {
        let slow = |bytes: &[u8], i: usize| {
            i + bytes[i..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(bytes.len() - i)
        };
        for b in 0..=255u8 {
            for at in 0..12 {
                let mut bytes = *b"abcdefghijklmnopqrs";
                bytes[at] = b;
                for from in 0..4 {
                    assert_eq!(
                        alnum_end(&bytes, from),
                        slow(&bytes, from),
                        "{b} {at} {from}"
                    );
                }
            }
        }
    }

    #[test]
    fn apostrophe_keys_find_listed_words() {
        assert!(lexicon().get("don\u{2019}t").is_some());
        for word in [
            "don't",
            "Don\u{2019}t",
            "DIDN'T",
            "couldn\u{2019}t",
            "n\u{2019}t",
            "rock\u{2019}n\u{2019}roll",
            "Russia\u{2019}s",
            "wouldn\u{2019}t",
            "internationally\u{2019}s",
        ] {
            for tail in ["", " and more than sixteen bytes"] {
                let text = format!("{word}{tail}");
                let (end, curly) = apostrophe_word(text.as_bytes(), 0, 0).unwrap();
                assert_eq!(end, word.len());
                let key = apostrophe_key(text.as_bytes(), 0, end, curly);
                assert_eq!(
                    key.and_then(|k| lexicon().get_packed_flags(k)),
                    lexicon().get(word).map(|x| (x, x.flags())),
                    "{text}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn alnum_end_agrees_with_a_byte_loop_on_any_bytes(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..40),
            from in 0usize..40,
        ) {
            let from = from.min(bytes.len());
            let slow = from
                + bytes[from..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .unwrap_or(bytes.len() - from);
            proptest::prop_assert_eq!(alnum_end(&bytes, from), slow);
        }

        #[test]
        fn short_words_agree_with_alnum_end_and_the_lexicon_key(
            text in "[a-zA-Z][a-zA-Z0-9]{0,20}[ .,'_\u{e9}A-Z0-9]{15,20}"
        ) {
            let bytes = text.as_bytes();
            let chunk: &[u8; 16] = bytes[..16].try_into().unwrap();
            let end = alnum_end(bytes, 1);
            match short_word(chunk) {
                Some((n, key, space)) => {
                    proptest::prop_assert_eq!(n, end);
                    proptest::prop_assert_eq!(space, bytes[end] == b' ');
                    let lower = text[..end].to_ascii_lowercase();
                    let expected = lower
                        .bytes()
                        .enumerate()
                        .fold(0u128, |k, (n, b)| k | u128::from(b) << (8 * n));
                    proptest::prop_assert_eq!(key, expected);
                    proptest::prop_assert_eq!(
                        lexicon().get_packed_flags(key),
                        lexicon().get_alnum_flags(&text, 0, end)
                    );
                }
                None => proptest::prop_assert!(end >= 16),
            }
        }

        #[test]
        fn apostrophe_keys_find_what_the_lexicon_finds(
            text in "[a-zA-Z][a-zA-Z0-9]{0,6}(['\u{2019}](t|s|d|ll|re|ve|[a-zA-Z][a-zA-Z0-9]{0,6})){1,2}[ .]?x{0,16}"
        ) {
            let bytes = text.as_bytes();
            if let Some((end, curly)) = apostrophe_word(bytes, 0, 0) {
                let expected = lexicon().get(&text[..end]).map(|x| (x, x.flags()));
                match apostrophe_key(bytes, 0, end, curly) {
                    Some(key) => proptest::prop_assert_eq!(lexicon().get_packed_flags(key), expected),
                    None => {
                        let normalised = text[..end].replace('\u{2019}', "'");
                        proptest::prop_assert!(normalised.len() > 16);
                    }
                }
            }
        }

        #[test]
        fn alnum_masks_agree_with_a_byte_loop(bytes in proptest::array::uniform16(proptest::num::u8::ANY)) {
            let expected = bytes
                .iter()
                .enumerate()
                .fold(0u32, |m, (k, b)| m | u32::from(b.is_ascii_alphanumeric()) << k);
            proptest::prop_assert_eq!(alnum_mask(&bytes), expected);
            proptest::prop_assert_eq!(alnum_mask_swar(&bytes), expected);
        }

        #[test]
        fn first_word_agrees_with_uax29(
            text in "[a-cA-C0-2 .,;:'_\"\\-\n\u{e9}\u{301}\u{2019}\u{a0}\u{2018}\u{201c}\u{2014}\u{ad}\u{b7}\u{2d8}\u{2024}]{0,12}"
        ) {
            proptest::prop_assert_eq!(
                first_word(&text),
                text.split_word_bounds().next().unwrap_or("")
            );
            if let Some(len) = ascii_first_word(&text) {
                proptest::prop_assert_eq!(len, first_word(&text).len());
                let no_apostrophe = !first_word(&text).contains(['\'', '\u{2019}']);
                proptest::prop_assert!(no_apostrophe);
            }
        }

        #[test]
        fn ascii_fast_path_agrees_with_uax29(
            text in "[a-cA-C0-2 .,;:'_\"\\-\n\r\t\u{b}\u{c}\u{e9}\u{301}\u{2019}\u{a0}\u{2009}\u{3000}\u{200d}<>/u\u{2018}\u{201c}\u{2014}\u{2026}\u{ad}\u{b7}\u{d7}\u{2d7}\u{2d8}\u{17f}\u{2024}\u{202f}]{0,40}"
        ) {
            proptest::prop_assert_eq!(tokenize_indexed(&text, &tags(&text)), reference(&text));
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
                    tokenize_indexed(text, &tags(text)) == reference(text),
                    "{}",
                    doc["id"]
                );
            }
        }
    }
}
