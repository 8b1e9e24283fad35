//! A fast path for the usual JSONL record, `{"id": "…", "text": "…"}`.
//!
//! serde_json spent a tenth of a byte's budget per byte of text growing its string a few bytes
//! at a time and testing each byte for an escape. Here the text is copied in runs between
//! escapes, found with `memchr`, into a string sized once. Only the plainest records are read
//! here: an object of a string "text" and an optional string "id", each once, in either order,
//! keys without escapes. Anything else (other fields, another id type, a lone surrogate, a
//! control character, any syntax error) gives `None`, and serde_json reads the line as before,
//! so its results and its error messages stay the only ones.

use std::sync::LazyLock;

/// The fields of a record read by [`parse`].
#[derive(Debug, PartialEq, Eq)]
pub struct Record {
    pub id: Option<String>,
    pub text: String,
}

/// The record on `line`, when it has the plain shape this module reads (see above); what
/// serde_json would give for it.
pub fn parse(line: &str) -> Option<Record> {
    let mut p = Cursor { line, pos: 0 };
    p.skip_space();
    p.expect(b'{')?;
    let (mut id, mut text) = (None, None);
    loop {
        p.skip_space();
        let key = p.key()?;
        p.skip_space();
        p.expect(b':')?;
        p.skip_space();
        let value = p.string()?;
        let slot = match key {
            Key::Id => &mut id,
            Key::Text => &mut text,
        };
        if slot.replace(value).is_some() {
            return None; // a duplicate field: serde_json's error
        }
        p.skip_space();
        match p.next()? {
            b',' => continue,
            b'}' => break,
            _ => return None,
        }
    }
    p.skip_space();
    if p.pos != line.len() {
        return None;
    }
    Some(Record { id, text: text? })
}

/// Some byte is a control character: the least byte is below 0x20. A fold with no early exit
/// is vectorised, the minimum kept in a vector and reduced once at the end (a fold to a flag
/// was reduced every step).
fn has_control(bytes: &[u8]) -> bool {
    bytes.iter().fold(u8::MAX, |least, &b| least.min(b)) < 0x20
}

/// The searcher for `"` and `\`, built once: `memchr2` builds its own on every call (a few
/// dozen instructions), and a text is searched once per run between escapes (a paragraph).
static QUOTE_OR_BACKSLASH: LazyLock<Find2> = LazyLock::new(|| Find2::new(b'"', b'\\'));

/// `memchr::memchr2` for two bytes fixed up front.
struct Find2 {
    bytes: [u8; 2],
    #[cfg(target_arch = "x86_64")]
    avx2: Option<memchr::arch::x86_64::avx2::memchr::Two>,
}

impl Find2 {
    fn new(a: u8, b: u8) -> Self {
        Find2 {
            bytes: [a, b],
            #[cfg(target_arch = "x86_64")]
            avx2: memchr::arch::x86_64::avx2::memchr::Two::new(a, b),
        }
    }

    /// The first of the two bytes in `haystack`.
    #[inline]
    fn find(&self, haystack: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if let Some(two) = &self.avx2 {
            return two.find(haystack);
        }
        let [a, b] = self.bytes;
        memchr::memchr2(a, b, haystack)
    }
}

enum Key {
    Id,
    Text,
}

struct Cursor<'a> {
    line: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn bytes(&self) -> &[u8] {
        self.line.as_bytes()
    }

    /// JSON whitespace, as serde_json skips it.
    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes().get(self.pos) {
            self.pos += 1;
        }
    }

    fn next(&mut self) -> Option<u8> {
        let b = *self.bytes().get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        (self.next()? == b).then_some(())
    }

    /// `"id"` or `"text"`, written without escapes.
    fn key(&mut self) -> Option<Key> {
        let rest = &self.bytes()[self.pos..];
        let (key, len) = if rest.starts_with(b"\"id\"") {
            (Key::Id, 4)
        } else if rest.starts_with(b"\"text\"") {
            (Key::Text, 6)
        } else {
            return None;
        };
        self.pos += len;
        Some(key)
    }

    /// A JSON string, unescaped.
    fn string(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let start = self.pos;
        let end = start + QUOTE_OR_BACKSLASH.find(&self.bytes()[start..])?;
        if self.bytes()[end] == b'"' {
            // No escapes (an id, a short text): the exact copy.
            let s = self.run(start, end)?.to_string();
            self.pos = end + 1;
            return Some(s);
        }
        // At most the rest of the line: the string never grows.
        let mut out = super::spare::string(self.line.len() - start);
        let mut run_start = start;
        loop {
            let end = run_start + QUOTE_OR_BACKSLASH.find(&self.bytes()[run_start..])?;
            // `run_start` and `end` are next to ASCII bytes (or the line's ends): char
            // boundaries.
            out.push_str(self.line.get(run_start..end)?);
            if self.bytes()[end] == b'"' {
                self.pos = end + 1;
                // Control characters tested once over the whole string (escapes have none),
                // not run by run: most runs are short, and each test had a scalar tail.
                return (!has_control(&self.bytes()[start..end])).then_some(out);
            }
            self.pos = end + 1;
            out.push(self.escape()?);
            // Escapes come in runs ("\n\n" between paragraphs): the next one is taken here,
            // not after a search that finds it at once and an empty run.
            while self.bytes().get(self.pos) == Some(&b'\\') {
                self.pos += 1;
                out.push(self.escape()?);
            }
            run_start = self.pos;
        }
    }

    /// `line[start..end]`, a run without quote or backslash, when it has no control character
    /// (which JSON strings may not hold: serde_json's error).
    fn run(&self, start: usize, end: usize) -> Option<&str> {
        if has_control(&self.bytes()[start..end]) {
            return None;
        }
        // `start` and `end` are next to ASCII bytes (or the line's ends): char boundaries.
        self.line.get(start..end)
    }

    /// The character of the escape after a backslash.
    fn escape(&mut self) -> Option<char> {
        Some(match self.next()? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                match unit {
                    0xd800..=0xdbff => {
                        // Only a high surrogate with its low one is read here.
                        if self.next()? != b'\\' || self.next()? != b'u' {
                            return None;
                        }
                        let low = self.hex4()?;
                        if !(0xdc00..=0xdfff).contains(&low) {
                            return None;
                        }
                        char::from_u32(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00))?
                    }
                    _ => char::from_u32(unit)?, // `None` for a lone low surrogate
                }
            }
            _ => return None,
        })
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes().get(self.pos..self.pos + 4)?;
        let mut n = 0;
        for &d in digits {
            n = n * 16 + char::from(d).to_digit(16)?;
        }
        self.pos += 4;
        Some(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    /// What `input.rs` asks serde_json for.
    #[derive(Deserialize)]
    struct SerdeRecord {
        #[serde(default)]
        id: Option<serde_json::Value>,
        text: String,
    }

    /// `parse` reads `line` as serde_json does.
    fn agrees(line: &str) -> Record {
        let fast = parse(line).unwrap_or_else(|| panic!("not read: {line:?}"));
        let serde: SerdeRecord = serde_json::from_str(line).unwrap();
        let id = match serde.id {
            Some(serde_json::Value::String(id)) => Some(id),
            _ => None,
        };
        assert_eq!(
            fast,
            Record {
                id,
                text: serde.text
            },
            "{line:?}"
        );
        fast
    }

    #[test]
    fn quotes_and_backslashes_are_found_as_memchr2_finds_them() {
        let hay: Vec<u8> = (0..300u32).map(|i| (i * 7 % 251) as u8).collect();
        for from in 0..hay.len() {
            for to in from..(from + 70).min(hay.len()) {
                let h = &hay[from..to];
                assert_eq!(QUOTE_OR_BACKSLASH.find(h), memchr::memchr2(b'"', b'\\', h));
            }
        }
    }

    #[test]
    fn control_characters_are_found_at_every_position() {
        for len in 0..140 {
            assert!(!has_control(&vec![b'a'; len]));
            for at in 0..len {
                for b in [0u8, 0x1f, 0x20, b'\n', 0x7f, 0xff] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    assert_eq!(has_control(&bytes), b < 0x20, "{len} {at} {b}");
                }
            }
        }
    }

    #[test]
    fn plain_records_either_order_any_spacing() {
        let r = agrees("{\"id\": \"a1\", \"text\": \"Hello, world.\"}\n");
        assert_eq!(r.id.as_deref(), Some("a1"));
        assert_eq!(r.text, "Hello, world.");
        agrees("{\"text\":\"x\",\"id\":\"y\"}");
        agrees(" \t{ \"text\" :\r\n\"x\" , \"id\"\t:\"y\" }\r\n");
        assert_eq!(agrees("{\"text\": \"only text\"}").id, None);
        agrees("{\"id\": \"\", \"text\": \"\"}");
    }

    #[test]
    fn escapes_are_decoded() {
        let r = agrees(r#"{"id": "q\"d", "text": "a\"b\\c\/d\be\ff\ng\rh\ti\n\nj"}"#);
        assert_eq!(r.id.as_deref(), Some("q\"d"));
        assert_eq!(r.text, "a\"b\\c/d\u{8}e\u{c}f\ng\rh\ti\n\nj");
        agrees(r#"{"id": "x", "text": "\\"}"#);
        agrees(r#"{"id": "x", "text": "end\n"}"#);
        // Runs of escapes, at the start, in the middle and at the end.
        let r = agrees(r#"{"id": "x", "text": "\n\n\"a\\\n\t\u00e9\ud83d\ude00b\n\n\\\""}"#);
        assert_eq!(r.text, "\n\n\"a\\\n\té😀b\n\n\\\"");
    }

    #[test]
    fn unicode_escapes_and_surrogate_pairs() {
        let r =
            agrees(r#"{"id": "u", "text": "caf\u00e9 \u00E9 \u2019 \ud83d\ude00 \u0000 \uFFFF"}"#);
        assert_eq!(r.text, "café é ’ 😀 \u{0} \u{ffff}");
        agrees("{\"id\": \"u\", \"text\": \"“raw” text, é and 😀\"}");
    }

    #[test]
    fn anything_else_is_left_to_serde() {
        for line in [
            r#"{"id": 7, "text": "numeric id"}"#,
            r#"{"id": null, "text": "null id"}"#,
            r#"{"id": "a", "extra": 1, "text": "extra field"}"#,
            r#"{"id": "a", "text": "t", "source": "extra field after"}"#,
            r#"{"id": "a"}"#,
            r#"{}"#,
            r#"{ }"#,
            r#"{"id": "a", "text": "dup", "text": "dup"}"#,
            r#"{"id": "a", "text": "trailing"} x"#,
            r#"{"id": "a", "text": "unterminated"#,
            r#"{"id": "a", "text": "lone \ud800 high"}"#,
            r#"{"id": "a", "text": "lone \udc00 low"}"#,
            r#"{"id": "a", "text": "high then other \ud800\u0041"}"#,
            r#"{"id": "a", "text": "bad \x escape"}"#,
            r#"{"id": "a", "text": "short \u12"}"#,
            r#"{"id": "a", "text": "bad hex \u12g4"}"#,
            r#"{"t\u0065xt": "escaped key"}"#,
            r#"{"id": "a", "text": 5}"#,
            r#"{"id": "a" "text": "no comma"}"#,
            r#"{"id": "a", "text": "x",}"#,
            "{\"id\": \"a\", \"text\": \"control \u{1} char\"}",
            "{\"id\": \"a\", \"text\": \"raw\nnewline\"}",
            "[1, 2]",
            "",
        ] {
            assert_eq!(parse(line), None, "{line:?}");
        }
    }
}
