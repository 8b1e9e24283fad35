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
    let kind = match WireKind::from(s.kind) {
        WireKind::Direct => "direct",
        WireKind::Mixed => "mixed",
        WireKind::Indirect => "indirect",
    };
    let speaker_type = match WireSpeakerType::from(s.speaker_type) {
        WireSpeakerType::Person => "person",
        WireSpeakerType::Organization => "organization",
        WireSpeakerType::Group => "group",
        WireSpeakerType::Pronoun => "pronoun",
        WireSpeakerType::Unknown => "unknown",
    };
    out.extend_from_slice(b"{\"kind\":\"");
    out.extend_from_slice(kind.as_bytes());
    out.extend_from_slice(b"\",\"quote\":");
    span(out, index, Some(s.quote));
    out.extend_from_slice(b",\"speaker\":");
    span(out, index, s.speaker);
    out.extend_from_slice(b",\"speaker_name\":");
    optional_string(out, s.speaker_name.as_deref());
    out.extend_from_slice(b",\"speaker_type\":\"");
    out.extend_from_slice(speaker_type.as_bytes());
    out.extend_from_slice(b"\",\"speaker_role\":");
    span(out, index, s.speaker_role);
    out.extend_from_slice(b",\"cue\":");
    span(out, index, s.cue);
    out.extend_from_slice(b",\"cue_lemma\":");
    optional_string(out, s.cue_lemma.as_deref());
    out.extend_from_slice(b",\"confidence\":");
    let confidence = (s.confidence * 1000.0).round() / 1000.0;
    // serde_json's float formatting, so the digits are the same.
    serde_json::to_writer(&mut *out, &confidence).expect("writing to a Vec cannot fail");
    out.extend_from_slice(b",\"sentence\":[");
    number(out, s.sentences.0);
    out.push(b',');
    number(out, s.sentences.1);
    out.extend_from_slice(b"],\"rule\":");
    string(out, s.rule);
    out.push(b'}');
}

fn span(out: &mut Vec<u8>, index: &CharIndex<'_>, span: Option<Span>) {
    let Some(span) = span else {
        out.extend_from_slice(b"null");
        return;
    };
    out.extend_from_slice(b"{\"text\":");
    string(out, &index.text[span]);
    out.extend_from_slice(b",\"start\":");
    number(out, index.char_offset(span.start));
    out.extend_from_slice(b",\"end\":");
    number(out, index.char_offset(span.end));
    out.extend_from_slice(b",\"byte_start\":");
    number(out, span.start);
    out.extend_from_slice(b",\"byte_end\":");
    number(out, span.end);
    out.push(b'}');
}

fn optional_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

fn number(out: &mut Vec<u8>, n: usize) {
    // Two digits a step, from a table, as itoa does, into the front of a fixed buffer that is
    // appended whole and cut back: a copy of constant length, where one of the number's length
    // was a call to `memcpy`.
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    if n < 10 {
        out.push(b'0' + n as u8);
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
    let mut buf = [0u8; 20];
    let (mut rest, mut i) = (n, digits);
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
    debug_assert_eq!(i, 0);
    let len = out.len();
    out.extend_from_slice(&buf);
    out.truncate(len + digits);
}

/// `s` as a JSON string, escaped as serde_json escapes: `"`, `\` and control characters only.
fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
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
    out.push(b'"');
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
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + CHUNK) {
        if any_escape(chunk) {
            break;
        }
        i += CHUNK;
    }
    // A rest shorter than a chunk, when sixteen bytes or more were scanned, as the last
    // sixteen (which overlap bytes found clean): most strings end without a byte-by-byte scan
    // of their tail.
    if i < bytes.len()
        && bytes.len() - i < CHUNK
        && bytes.len() - from >= CHUNK
        && !any_escape(&bytes[bytes.len() - CHUNK..])
    {
        return None;
    }
    bytes[i..]
        .iter()
        .position(|&b| needs_escape(b))
        .map(|k| i + k)
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

    proptest::proptest! {
        #[test]
        fn any_string_escapes_as_serde_json_does(s in "\\PC{0,40}|[\\x00-\\x7f]{0,40}") {
            let mut fast = Vec::new();
            string(&mut fast, &s);
            proptest::prop_assert_eq!(fast, serde_json::to_vec(&s).unwrap());
        }

        #[test]
        fn numbers_print_as_serde_json_does(n in proptest::num::usize::ANY) {
            let mut fast = Vec::new();
            number(&mut fast, n);
            proptest::prop_assert_eq!(fast, serde_json::to_vec(&n).unwrap());
        }
    }
}
