//! Paragraph-level blocks: blank lines, headings, URL lines and title-like short lines end them;
//! a single line break inside running text (scraping, wrapping) does not.

use super::chars::Find1;
use super::{BlockKind, Paragraph};
use crate::span::Span;
use memchr::memrchr_iter;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// Lines longer than this (in bytes) are running text, never titles.
const MAX_TITLE_LEN: usize = 120;
/// A line this long (or of four words) followed by a lower-case line is wrapped prose, not a list entry.
const WRAP_LEN: usize = 50;

static CONTINUATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::lexicon::data_lines(include_str!("../data/line_continuations.txt")).collect()
});

/// The blocks of `text`, in order, each trimmed.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    paragraphs_into(text, &mut Vec::new(), &mut out);
    out
}

/// [`paragraphs`] into `out`, with `lines` to hold the text's lines (both cleared first, and
/// kept by the caller for the next text).
pub(super) fn paragraphs_into(text: &str, lines: &mut Vec<Span>, out: &mut Vec<Paragraph>) {
    // A byte-order mark is not content; skip it so no block starts with it.
    let first = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    // Room for a line every 64 bytes: most texts need no more, and the vector is not moved.
    lines.clear();
    lines.reserve(text.len() / 64 + 2);
    let mut start = first;
    let mut line_break = |nl: usize, start: &mut usize| {
        if nl >= *start {
            lines.push(Span::new(*start, nl));
            *start = nl + 1;
        }
    };
    // Built once: a text has a line break every hundred bytes or so.
    let newline = Find1::new(b'\n');
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(k) = newline.find(&bytes[from..]) {
        line_break(from + k, &mut start);
        from += k + 1;
        // Paragraphs are mostly set apart by a blank line: the break right after a break is
        // taken without a search.
        while bytes.get(from) == Some(&b'\n') {
            line_break(from, &mut start);
            from += 1;
        }
    }
    lines.push(Span::new(start.min(text.len()), text.len()));

    // At most a block per line: the vector is not moved as it grows.
    out.clear();
    out.reserve(lines.len());
    let mut open: Option<Span> = None;
    // Each block is made of trimmed lines that are not empty, so it is trimmed and not empty.
    let flush = |open: &mut Option<Span>, out: &mut Vec<Paragraph>| {
        if let Some(span) = open.take() {
            out.push(Paragraph {
                span,
                kind: BlockKind::Text,
            });
        }
    };
    // A blank line inside an unfinished sentence ("… services, as\n\nwell as …") is a scraping
    // artefact, so the paragraph stays open across it until the next line shows otherwise.
    let mut gap = false;
    for (n, &line) in lines.iter().enumerate() {
        // Half the lines are the empty ones between paragraphs: nothing to trim.
        let body = if line.is_empty() {
            line
        } else {
            line.trim(text)
        };
        if body.is_empty() {
            gap |= open.is_some();
            continue;
        }
        let content = &text[body];
        let kind = own_block(content);
        if std::mem::take(&mut gap)
            && (kind.is_some() || !open.is_some_and(|o| mid_sentence(&text[o], content)))
        {
            flush(&mut open, out);
        }
        if let Some(kind) = kind {
            flush(&mut open, out);
            out.push(Paragraph { span: body, kind });
            continue;
        }
        open = Some(open.map_or(body, |o| o.cover(body)));
        let next = lines.get(n + 1).map(|l| text[*l].trim_start());
        if ends_block(&text[line], content, next) {
            flush(&mut open, out);
        }
    }
    flush(&mut open, out);
}

/// Most words in a signature after a pull quote: "― Christina N. Luis Olidem".
const MAX_SIGNATURE_WORDS: usize = 6;

/// The line ends in a quotation and a dash before a name: "“…” ― Jane Roe".
fn signed_quotation(line: &str) -> bool {
    let Some(dash) = last_long_dash(line) else {
        return false;
    };
    let (quote, signature) = (
        line[..dash].trim_end(),
        line[dash..].trim_start_matches(['―', '—']),
    );
    if !quote.ends_with(['”', '"', '»']) {
        return false;
    }
    // One to six words, all capitalised; counted without collecting them.
    let mut words = 0;
    for word in signature.split_whitespace() {
        words += 1;
        if words > MAX_SIGNATURE_WORDS || !word.starts_with(char::is_uppercase) {
            return false;
        }
    }
    words > 0
}

/// The byte offset of the last `―` (U+2015) or `—` (U+2014) of `line`: found from the
/// lead byte 0xE2 they share (E2 80 95, E2 80 94) with `memrchr`, rather than by decoding
/// the whole line backwards.
fn last_long_dash(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    memrchr_iter(0xE2, bytes)
        .find(|&i| matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x94 | 0x95])))
}

/// Whether prose `before` stops mid-sentence and `after` carries on in lower case.
fn mid_sentence(before: &str, after: &str) -> bool {
    let last = before.chars().next_back();
    last.is_some_and(|c| c.is_lowercase() || c == ',')
        && after.chars().next().is_some_and(char::is_lowercase)
        && before.split_whitespace().nth(3).is_some()
}

/// Headings and URL-only lines are blocks of their own.
fn own_block(line: &str) -> Option<BlockKind> {
    // A heading starts with `#`, a URL line with `<`, `h` or `w`: most lines are told apart by
    // their first byte.
    if !matches!(line.as_bytes().first(), Some(b'#' | b'<' | b'h' | b'w')) {
        return None;
    }
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes)
        && line[hashes..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
    {
        return Some(BlockKind::Heading);
    }
    let url = line.trim_start_matches('<').trim_end_matches('>');
    if (url.starts_with("http://") || url.starts_with("https://") || url.starts_with("www."))
        && !url.contains(char::is_whitespace)
    {
        return Some(BlockKind::Url);
    }
    None
}

/// Whether the line break after `raw` (whose trimmed text is `content`) ends the paragraph:
/// the line looks like a title or list entry rather than wrapped running text.
fn ends_block(raw: &str, content: &str, next: Option<&str>) -> bool {
    let Some(next) = next else { return true };
    // A pull quote signed on its line, then the next one: “…” ― Jane Roe ¶ “…”
    // The next line's first character is checked first: it is cheap, and seldom a quote mark.
    if next.starts_with(['“', '"', '”', '«', '„']) && signed_quotation(content) {
        return true;
    }
    if content.len() > MAX_TITLE_LEN {
        return false;
    }
    // Trailing blanks before the break mark a soft wrap.
    let raw = raw.strip_suffix('\r').unwrap_or(raw);
    if raw.ends_with([' ', '\t']) {
        return false;
    }
    let last = content.chars().next_back().unwrap_or(' ');
    if matches!(
        last,
        '.' | '?'
            | '!'
            | '…'
            | ':'
            | ';'
            | ','
            | '"'
            | '”'
            | '’'
            | '\''
            | '»'
            | ')'
            | '-'
            | '–'
            | '—'
            | '/'
            | '&'
    ) {
        return false;
    }
    let last_word = content
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if CONTINUATIONS.contains(last_word) {
        return false;
    }
    let next_lower = next.chars().next().is_some_and(char::is_lowercase);
    let prose = content.len() >= WRAP_LEN || content.split_whitespace().nth(3).is_some();
    !(next_lower && prose)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<(&str, BlockKind)> {
        paragraphs(text)
            .into_iter()
            .map(|p| (&text[p.span], p.kind))
            .collect()
    }

    #[test]
    fn blank_lines_end_paragraphs() {
        let text = "First one. Still first.\n\n  \r\nSecond.\n";
        let got: Vec<_> = blocks(text).into_iter().map(|b| b.0).collect();
        assert_eq!(got, ["First one. Still first.", "Second."]);
    }

    #[test]
    fn blank_line_inside_a_sentence_is_bridged() {
        let text =
            "\"We raised concerns about banking, as\n\nwell as staffing,\" it said.\n\nNext.";
        let got: Vec<_> = blocks(text).into_iter().map(|b| b.0).collect();
        assert_eq!(got.len(), 2);
        assert!(got[0].ends_with("it said."));
        assert_eq!(blocks("features\n\ncontact manager").len(), 2);
    }

    #[test]
    fn headings_and_urls_are_own_blocks() {
        let text = "## Related article: Talks\nBody text here.\nhttps://example.org/a-b\nMore.";
        assert_eq!(
            blocks(text),
            [
                ("## Related article: Talks", BlockKind::Heading),
                ("Body text here.", BlockKind::Text),
                ("https://example.org/a-b", BlockKind::Url),
                ("More.", BlockKind::Text),
            ]
        );
    }

    #[test]
    fn own_blocks_by_their_first_byte_and_whole() {
        for (line, kind) in [
            ("# Head", Some(BlockKind::Heading)),
            ("###### Six", Some(BlockKind::Heading)),
            ("####### Seven", None),
            ("#tag", None),
            ("<https://example.org/a>", Some(BlockKind::Url)),
            ("<<www.example.org>>", Some(BlockKind::Url)),
            ("http://example.org", Some(BlockKind::Url)),
            ("www.example.org/a b", None),
            ("<b>bold</b>", None),
            ("hello there", None),
            ("With https://example.org", None),
        ] {
            assert_eq!(own_block(line), kind, "{line:?}");
        }
    }

    #[test]
    fn scraped_line_break_inside_text_is_kept() {
        let text = "The ministry said on Friday that the talks\nwould continue next week.";
        assert_eq!(blocks(text).len(), 1);
        assert_eq!(blocks("It was a cold \nnight in the city.").len(), 1);
    }

    #[test]
    fn short_title_line_ends_block() {
        let text = "Talks resume in Istanbul\nDiplomats met on Thursday.";
        let got: Vec<_> = blocks(text).into_iter().map(|b| b.0).collect();
        assert_eq!(
            got,
            ["Talks resume in Istanbul", "Diplomats met on Thursday."]
        );
        assert_eq!(blocks("features\ncontact manager\nevents\n").len(), 3);
    }

    #[test]
    fn signed_quotations_end_at_a_dash_and_a_short_name() {
        assert!(signed_quotation("“We won.” ― Jane Roe"));
        assert!(signed_quotation("\"We won.\" —Jane Q. Roe"));
        assert!(!signed_quotation("“We won.” ― jane roe"));
        assert!(!signed_quotation("“We won.” ― A B C D E F G"));
        assert!(!signed_quotation("“We won.” ―"));
        assert!(!signed_quotation("We won ― Jane Roe"));
        assert!(
            !signed_quotation("“A” – Jane Roe"),
            "an en dash is no signature dash"
        );
        for line in [
            "",
            "a—b―c",
            "—",
            "x\u{2013}y",
            "€ ― — \u{2016}",
            "“x” ― Ann ― Bob",
        ] {
            assert_eq!(last_long_dash(line), line.rfind(['―', '—']), "{line:?}");
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "",
            "\n",
            "\u{FEFF}",
            "\u{FEFF}\nx",
            " \r\n\r\n ",
            "#",
            "##x",
            "\0",
        ] {
            let _ = paragraphs(text);
        }
        assert_eq!(blocks("\u{FEFF}Hi."), [("Hi.", BlockKind::Text)]);
    }
}
