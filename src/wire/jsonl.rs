//! A direct JSON writer for [`DocumentRef`]: the bytes `serde_json::to_writer` gives (tested
//! below), without its per-field machinery. Writing was a tenth of the extraction time.

use super::{CharIndex, DocumentRef, WireKind, WireSpeakerType};
use crate::span::Span;
use crate::statement::Statement;

impl DocumentRef<'_> {
    /// Appends the compact JSON of the document to `out` (no newline).
    pub fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"id\":");
        string(out, self.id);
        out.extend_from_slice(b",\"quotes\":[");
        if !self.statements.is_empty() {
            let index = CharIndex::new(self.text);
            for (k, s) in self.statements.iter().enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                statement(out, &index, s);
            }
        }
        out.extend_from_slice(b"]}");
    }
}

fn statement(out: &mut Vec<u8>, index: &CharIndex<'_>, s: &Statement) {
    // One buffer for the numbers of every span, zeroed once.
    let mut buf = Buf::new();
    // Each key is written with the fixed text around it, in one piece.
    out.extend_from_slice(match WireKind::from(s.kind) {
        WireKind::Direct => b"{\"kind\":\"direct\",\"quote\":{\"text\":\"",
        WireKind::Mixed => b"{\"kind\":\"mixed\",\"quote\":{\"text\":\"",
        WireKind::Indirect => b"{\"kind\":\"indirect\",\"quote\":{\"text\":\"",
    });
    span_rest(out, index, s.quote, &mut buf);
    match s.speaker {
        Some(speaker) => {
            out.extend_from_slice(b",\"speaker\":{\"text\":\"");
            span_rest(out, index, speaker, &mut buf);
        }
        None => out.extend_from_slice(b",\"speaker\":null"),
    }
    match s.speaker_name.as_deref() {
        Some(name) => {
            out.extend_from_slice(b",\"speaker_name\":\"");
            escaped(out, name);
            out.push(b'"');
        }
        None => out.extend_from_slice(b",\"speaker_name\":null"),
    }
    out.extend_from_slice(match WireSpeakerType::from(s.speaker_type) {
        WireSpeakerType::Person => b",\"speaker_type\":\"person\",\"speaker_role\":",
        WireSpeakerType::Organization => b",\"speaker_type\":\"organization\",\"speaker_role\":",
        WireSpeakerType::Group => b",\"speaker_type\":\"group\",\"speaker_role\":",
        WireSpeakerType::Pronoun => b",\"speaker_type\":\"pronoun\",\"speaker_role\":",
        WireSpeakerType::Unknown => b",\"speaker_type\":\"unknown\",\"speaker_role\":",
    });
    match s.speaker_role {
        Some(role) => {
            out.extend_from_slice(b"{\"text\":\"");
            span_rest(out, index, role, &mut buf);
        }
        None => out.extend_from_slice(b"null"),
    }
    match s.cue {
        Some(cue) => {
            out.extend_from_slice(b",\"cue\":{\"text\":\"");
            span_rest(out, index, cue, &mut buf);
        }
        None => out.extend_from_slice(b",\"cue\":null"),
    }
    // The rest in the buffer, appended at once: the lemma and the rule name with it.
    buf.len = 0;
    match s.cue_lemma {
        Some(lemma) => {
            buf.put(b",\"cue_lemma\":\"");
            buffered_string(out, &mut buf, lemma);
            buf.put(b"\",\"confidence\":");
        }
        None => buf.put(b",\"cue_lemma\":null,\"confidence\":"),
    }
    confidence(&mut buf, s.confidence);
    buf.put(b",\"sentence\":[");
    buf.number(s.sentences.0);
    buf.put(b",");
    buf.number(s.sentences.1);
    buf.put(b"],\"rule\":\"");
    buffered_string(out, &mut buf, s.rule);
    buf.put(b"\"}");
    out.extend_from_slice(buf.bytes());
}

/// Longest string [`buffered_string`] puts in the buffer: with the statement's last fields,
/// well within it.
const BUFFERED_STRING: usize = 32;

/// `s` escaped, into the buffer when it is short and needs no escape (a cue lemma, a rule name),
/// to be appended with the text around it; else the buffer so far, then `s`, to `out` (and the
/// buffer emptied).
#[inline(always)]
fn buffered_string(out: &mut Vec<u8>, buf: &mut Buf, s: &str) {
    let bytes = s.as_bytes();
    if bytes.len() <= BUFFERED_STRING && short_needs_no_escape(bytes) {
        buf.put(bytes);
    } else {
        out.extend_from_slice(buf.bytes());
        buf.len = 0;
        escaped(out, s);
    }
}

/// The confidence rounded to thousandths, as serde_json writes that `f32` (tested below for
/// every thousandth from 0 to 1): "0.0", "0.05", "0.123", "1.0". Its shortest digits are the
/// thousandths themselves, so they are written from the integer, where serde_json's float
/// formatting cost a tenth of the writing; into the buffer of the statement's last fields, so
/// they are appended with those.
fn confidence(buf: &mut Buf, confidence: f32) {
    let scaled = confidence * 1000.0;
    // `scaled.round()` is positive and at most 1000 exactly when this holds (not for NaN);
    // it is then the integer part, plus one from a half up (the fraction is exact, far below
    // 2^23): no call to `roundf`.
    if scaled.is_sign_positive() && scaled < 1000.5 {
        let whole = scaled as u32;
        let k = (whole + u32::from(scaled - whole as f32 >= 0.5)) as usize;
        debug_assert_eq!(k as f32, scaled.round());
        if k == 1000 {
            buf.put(b"1.0");
        } else if k == 0 {
            buf.put(b"0.0");
        } else {
            let written = [
                b'0',
                b'.',
                b'0' + (k / 100) as u8,
                b'0' + (k / 10 % 10) as u8,
                b'0' + (k % 10) as u8,
            ];
            let significant = if k.is_multiple_of(100) {
                1
            } else if k.is_multiple_of(10) {
                2
            } else {
                3
            };
            buf.put_head(&written, 2 + significant);
        }
        return;
    }
    // serde_json's float formatting, so the digits are the same.
    let written = serde_json::to_vec(&(scaled.round() / 1000.0)).expect("a float is written");
    buf.put(&written);
}

/// A small buffer on the stack for the fixed parts and numbers of a span or statement: each
/// piece is a copy of known length, and the whole is appended to the output with one.
struct Buf {
    bytes: [u8; 256],
    len: usize,
}

impl Buf {
    fn new() -> Self {
        Buf {
            bytes: [0; 256],
            len: 0,
        }
    }

    fn bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    /// Appends the `len` bytes at `at` (a number written before), by a copy of fixed length
    /// (the longest number's) of which the bytes past them are overwritten by what follows.
    #[inline(always)]
    fn repeat(&mut self, at: usize, len: usize) {
        const LONGEST: usize = 20;
        debug_assert!(len <= LONGEST && at + len <= self.len);
        self.bytes.copy_within(at..at + LONGEST, self.len);
        self.len += len;
    }

    /// Appends the first `len` bytes of `piece`, by a copy of all of it (of fixed length) of
    /// which the bytes past them are overwritten by what follows.
    #[inline(always)]
    fn put_head<const N: usize>(&mut self, piece: &[u8; N], len: usize) {
        debug_assert!(len <= N);
        self.bytes[self.len..self.len + N].copy_from_slice(piece);
        self.len += len;
    }

    #[inline(always)]
    fn put(&mut self, piece: &[u8]) {
        self.bytes[self.len..self.len + piece.len()].copy_from_slice(piece);
        self.len += piece.len();
    }

    /// `n` in decimal, two digits a step from a table, as itoa does.
    #[inline(always)]
    fn number(&mut self, n: usize) {
        const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
            2021222324252627282930313233343536373839\
            4041424344454647484950515253545556575859\
            6061626364656667686970717273747576777879\
            8081828384858687888990919293949596979899";
        if n < 10 {
            self.bytes[self.len] = b'0' + n as u8;
            self.len += 1;
            return;
        }
        // Offsets into an article mostly have fewer than six digits; `ilog10` cost more.
        let digits = match n {
            10..=99 => 2,
            100..=999 => 3,
            1000..=9999 => 4,
            10000..=99999 => 5,
            _ => n.ilog10() as usize + 1,
        };
        let (mut rest, mut i) = (n, self.len + digits);
        let buf = &mut self.bytes;
        while rest >= 100 {
            let pair = 2 * (rest % 100);
            rest /= 100;
            i -= 2;
            buf[i..i + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
        }
        if rest >= 10 {
            i -= 2;
            buf[i..i + 2].copy_from_slice(&PAIRS[2 * rest..2 * rest + 2]);
        } else {
            i -= 1;
            buf[i] = b'0' + rest as u8;
        }
        debug_assert_eq!(i, self.len);
        self.len += digits;
    }
}

/// A span after its `{"text":"` (which the caller writes with the key before it): the
/// escaped text and the offsets.
#[inline(always)]
fn span_rest(out: &mut Vec<u8>, index: &CharIndex<'_>, span: Span, buf: &mut Buf) {
    escaped(out, &index.text[span]);
    let (start, end) = index.char_span(span);
    buf.len = 0;
    buf.put(b"\",\"start\":");
    let start_digits = buf.len;
    buf.number(start);
    buf.put(b",\"end\":");
    let end_digits = buf.len;
    buf.number(end);
    if (start, end) == (span.start, span.end) {
        // ASCII up to here: the byte offsets are the same numbers, copied (with what
        // follows them, which the next piece overwrites) rather than written again.
        let (start_len, end_len) = (end_digits - start_digits - 7, buf.len - end_digits);
        buf.put(b",\"byte_start\":");
        buf.repeat(start_digits, start_len);
        buf.put(b",\"byte_end\":");
        buf.repeat(end_digits, end_len);
    } else {
        buf.put(b",\"byte_start\":");
        buf.number(span.start);
        buf.put(b",\"byte_end\":");
        buf.number(span.end);
    }
    buf.put(b"}");
    out.extend_from_slice(buf.bytes());
}

/// `s` as a JSON string, escaped as serde_json escapes: `"`, `\` and control characters only.
#[inline(always)]
fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    escaped(out, s);
    out.push(b'"');
}

/// [`string`] without its quotes. Most strings need no escape: that is tested here, inlined,
/// at once over the whole string for a short one (a name, a cue, a rule) and the string
/// copied in one piece; the rest is left to [`escaped_runs`].
#[inline(always)]
fn escaped(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    if short_needs_no_escape(bytes) {
        out.extend_from_slice(bytes);
    } else {
        escaped_runs(out, bytes);
    }
}

/// `bytes` are at most 32 and none needs an escape, tested at once over them all (words that
/// overlap, or the first, middle and last bytes of three or fewer); false for a longer string.
#[inline(always)]
fn short_needs_no_escape(bytes: &[u8]) -> bool {
    let len = bytes.len();
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight"));
    match len {
        0 => true,
        // The first, middle and last bytes are all the bytes.
        1..=3 => {
            !(needs_escape(bytes[0]) | needs_escape(bytes[len / 2]) | needs_escape(bytes[len - 1]))
        }
        // Two words that overlap.
        4..=7 => {
            let half = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four"));
            !word_needs_escape(u64::from(half(0)) << 32 | u64::from(half(len - 4)))
        }
        8..=16 => !(word_needs_escape(word(0)) | word_needs_escape(word(len - 8))),
        // Two halves of sixteen that overlap.
        17..=32 => {
            !(word_needs_escape(word(0))
                | word_needs_escape(word(8))
                | word_needs_escape(word(len - 16))
                | word_needs_escape(word(len - 8)))
        }
        _ => false,
    }
}

/// [`escaped`] for a longer string, or one that needs an escape: the runs between escapes
/// copied whole.
#[inline(never)]
fn escaped_runs(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut done = 0;
    while let Some(i) = next_escape(bytes, done) {
        out.extend_from_slice(&bytes[done..i]);
        let b = bytes[i];
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0a => out.extend_from_slice(b"\\n"),
            0x0c => out.extend_from_slice(b"\\f"),
            0x0d => out.extend_from_slice(b"\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.extend_from_slice(&[HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]]);
            }
        }
        done = i + 1;
    }
    out.extend_from_slice(&bytes[done..]);
}

/// The first byte at or after `from` that needs an escape. Sixteen bytes at a time while none
/// does (most text needs none), and again after each escape: a quotation with a `"` in it
/// is not finished a byte at a time.
#[inline]
fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    const CHUNK: usize = 16;
    // A fold with no early exit, over a fixed length: compiled to vector compares.
    let any_escape = |chunk: &[u8]| {
        let chunk: &[u8; CHUNK] = chunk.try_into().expect("sixteen bytes");
        chunk
            .iter()
            .fold(false, |found, &b| found | needs_escape(b))
    };
    // Long runs (a quotation) in blocks of four chunks first: one test of the four, without
    // the loop and the reduction to a flag of each.
    let any_escape_in_block = |block: &[u8]| {
        let block: &[u8; 4 * CHUNK] = block.try_into().expect("four chunks");
        block
            .iter()
            .fold(false, |found, &b| found | needs_escape(b))
    };
    let mut i = from;
    while let Some(block) = bytes.get(i..i + 4 * CHUNK) {
        if any_escape_in_block(block) {
            break;
        }
        i += 4 * CHUNK;
    }
    while let Some(chunk) = bytes.get(i..i + CHUNK) {
        if any_escape(chunk) {
            break;
        }
        i += CHUNK;
    }
    // A rest shorter than a chunk is tested at once, not a byte at a time: when sixteen bytes
    // or more were scanned, as the last sixteen (which overlap bytes found clean); else (a
    // short string: a name, a cue) as two words of eight or four that overlap.
    let (len, rest) = (bytes.len(), bytes.len() - i);
    let clean = if rest >= CHUNK {
        false
    } else if len - from >= CHUNK {
        !any_escape(&bytes[len - CHUNK..])
    } else if rest >= 8 {
        let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight"));
        !(word_needs_escape(word(i)) | word_needs_escape(word(len - 8)))
    } else if rest >= 4 {
        let word = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four"));
        !word_needs_escape(u64::from(word(i)) << 32 | u64::from(word(len - 4)))
    } else {
        false
    };
    if clean {
        return None;
    }
    // Within the word or chunk flagged: the lowest flagged byte of a word is exact (see
    // [`word_needs_escape`]), so the escape is found eight bytes at a time.
    let mut k = i;
    while let Some(word) = bytes.get(k..k + 8) {
        let flagged = escape_flags(u64::from_le_bytes(word.try_into().expect("eight")));
        if flagged != 0 {
            return Some(k + flagged.trailing_zeros() as usize / 8);
        }
        k += 8;
    }
    bytes[k..]
        .iter()
        .position(|&b| needs_escape(b))
        .map(|n| k + n)
}

/// Some byte of the word needs an escape (see [`escape_flags`]).
#[inline]
fn word_needs_escape(word: u64) -> bool {
    escape_flags(word) != 0
}

/// The high bit of each byte of the word (little-endian) that needs an escape, from the
/// lowest such byte on. Each test flags the high bit of the lowest byte below 0x20 (or 0,
/// after an exclusive or with `"` or `\`), which borrows; bytes above it may be flagged
/// wrongly, but only when one is flagged rightly, so the lowest flag is exact.
#[inline]
fn escape_flags(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |w: u64, n: u64| w.wrapping_sub(ONES * n) & !w & HIGH;
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    below(word, 0x20) | below(quote, 1) | below(backslash, 1)
}

/// The byte is below 0x20, `"` or `\`.
#[inline]
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_as_serde(doc: &DocumentRef<'_>) {
        let mut fast = Vec::new();
        doc.write_json(&mut fast);
        let serde = serde_json::to_vec(doc).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&fast),
            String::from_utf8_lossy(&serde)
        );
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let text = include_str!("../../examples/istanbul-talks.txt");
        let found = crate::extract(text);
        assert!(found.len() > 5);
        same_as_serde(&DocumentRef {
            id: "x\"\\\u{1}\u{1f}\n/é",
            text,
            statements: &found,
        });
        same_as_serde(&DocumentRef {
            id: "",
            text: "",
            statements: &[],
        });
    }

    #[test]
    fn every_kind_type_and_missing_field_writes_what_serde_json_writes() {
        use crate::statement::{Kind, SpeakerType};
        let text = "“Да,” she said. \"Yes\", said the mayor\t\\ of X.";
        let mut statements = Vec::new();
        let kinds = [Kind::Direct, Kind::Mixed, Kind::Indirect];
        let types = [
            SpeakerType::Person,
            SpeakerType::Organization,
            SpeakerType::Group,
            SpeakerType::Pronoun,
            SpeakerType::Unknown,
        ];
        for (n, (&kind, &speaker_type)) in kinds.iter().cycle().zip(&types).enumerate() {
            for missing in 0..16u8 {
                let some = |bit: u8, span: Span| (missing & 1 << bit == 0).then_some(span);
                statements.push(Statement {
                    kind,
                    quote: Span::new(0, 14),
                    speaker: some(0, Span::new(15, 18)),
                    speaker_name: (missing & 2 == 0).then(|| "Maria \"Z\"".into()),
                    speaker_type,
                    speaker_role: some(2, Span::new(37, 42)),
                    cue: some(3, Span::new(19, 23)),
                    cue_lemma: (missing & 4 == 0).then_some("say"),
                    confidence: 0.1 * n as f32,
                    sentences: (n, n + usize::from(missing)),
                    rule: "rule_\"odd\"",
                });
            }
        }
        same_as_serde(&DocumentRef {
            id: "d",
            text,
            statements: &statements,
        });
        // In ASCII, where the offsets in code points are the byte offsets, and long ones.
        let ascii = "\"Da,\" she said. ".to_string() + &"x".repeat(100_000) + &text[14..];
        for s in &mut statements {
            for span in [
                Some(&mut s.quote),
                s.speaker.as_mut(),
                s.speaker_role.as_mut(),
                s.cue.as_mut(),
            ] {
                if let Some(span) = span.filter(|span| span.start >= 14) {
                    *span = Span::new(span.start + 100_000, span.end + 100_000);
                }
            }
        }
        same_as_serde(&DocumentRef {
            id: "d",
            text: &ascii,
            statements: &statements,
        });
    }

    #[test]
    fn confidences_print_as_serde_json_does() {
        for k in 0..=1000u16 {
            let c = f32::from(k) / 1000.0;
            for written in [c, c + 1e-5, c - 1e-5] {
                let rounded = (written * 1000.0).round() / 1000.0;
                let mut fast = Buf::new();
                confidence(&mut fast, written);
                assert_eq!(
                    fast.bytes(),
                    serde_json::to_vec(&rounded).unwrap(),
                    "{written}"
                );
            }
        }
        // Halves and the floats next to them, where rounding turns.
        for k in 0..=1001u16 {
            let half = (f32::from(k) + 0.5) / 1000.0;
            for written in [half, half.next_up(), half.next_down()] {
                let rounded = (written * 1000.0).round() / 1000.0;
                let mut fast = Buf::new();
                confidence(&mut fast, written);
                assert_eq!(
                    fast.bytes(),
                    serde_json::to_vec(&rounded).unwrap(),
                    "{written}"
                );
            }
        }
        for odd in [
            -0.0,
            -0.3,
            -0.0004,
            1.0004,
            1.0005,
            1.5,
            1e9,
            f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
            -1e-9,
        ] {
            let rounded = (odd * 1000.0).round() / 1000.0;
            let mut fast = Buf::new();
            confidence(&mut fast, odd);
            assert_eq!(fast.bytes(), serde_json::to_vec(&rounded).unwrap(), "{odd}");
        }
    }

    #[test]
    fn short_strings_escape_at_every_position() {
        // Each length a block, a chunk, a word of eight or of four, or bytes one by one may test, each
        // byte that needs an escape and its neighbours that do not, at every position.
        for len in 1..150 {
            for at in 0..len {
                for b in [
                    0u8, 0x1f, 0x20, 0x21, b'"', b'#', b'[', b'\\', b']', 0x7f, b'\n',
                ] {
                    let mut s = vec![b'a'; len];
                    s[at] = b;
                    let s = String::from_utf8(s).unwrap();
                    let mut fast = Vec::new();
                    string(&mut fast, &s);
                    assert_eq!(fast, serde_json::to_vec(&s).unwrap(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        let all: String = (0u8..0x80).map(char::from).collect();
        for s in [
            all.as_str(),
            "plain text long enough for words",
            "“Yes,” she said.\t\"quoted\" back\\slash \u{7f}\u{80}\u{2028}",
            "0123456\"",
            "01234567\u{1}",
            "0123456789\"bcdef0123456789abcdef0123",
            "0123456789abcdef0123456789abc\\",
        ] {
            let mut fast = Vec::new();
            string(&mut fast, s);
            assert_eq!(fast, serde_json::to_vec(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn numbers_print_as_serde_json_does_at_every_length() {
        let mut numbers: Vec<usize> = (0..=100_000).collect();
        for digits in 1..=20u32 {
            let power = 10usize.checked_pow(digits);
            numbers.extend(
                [power.map(|p| p - 1), power, power.map(|p| p + 1)]
                    .into_iter()
                    .flatten(),
            );
            numbers.push(usize::MAX >> digits);
        }
        numbers.push(usize::MAX);
        for n in numbers {
            // After keys of any length, as in a span.
            for before in [0, 9, 60] {
                let mut fast = Buf::new();
                fast.put(&[b'x'; 64][..before]);
                fast.number(n);
                assert_eq!(&fast.bytes()[before..], n.to_string().as_bytes(), "{n}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_string_escapes_as_serde_json_does(s in "\\PC{0,40}|[\\x00-\\x7f]{0,40}") {
            let mut fast = Vec::new();
            string(&mut fast, &s);
            proptest::prop_assert_eq!(fast, serde_json::to_vec(&s).unwrap());
        }

        #[test]
        fn numbers_print_as_serde_json_does(n in proptest::num::usize::ANY) {
            let mut fast = Buf::new();
            fast.number(n);
            proptest::prop_assert_eq!(fast.bytes(), serde_json::to_vec(&n).unwrap());
        }
    }
}
