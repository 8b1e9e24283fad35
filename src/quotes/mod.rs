//! Quotations: paired quote marks, by style, across paragraphs where news convention says so.
//!
//! One pass over each paragraph: a byte scan jumps between candidate marks, each mark is judged
//! from its neighbours (`marks`: opening, closing or apostrophe) and fed to a small stack
//! machine that pairs marks of the same style. Inner quotations are absorbed by the outer one;
//! marks left open at the end of a paragraph produce nothing, except for the two cross-paragraph
//! conventions described on [`find_quotes`]. Inline tags (see [`crate::markup`]) are skipped and
//! transparent for the context of a mark.

mod marks;

pub(crate) use marks::is_mark;

use crate::markup;
use crate::segment::{BlockKind, Find3, Segmentation};
use crate::span::Span;
use marks::{Action, CANDIDATE, Context};
use std::sync::LazyLock;

/// Which pair of marks a quotation uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteStyle {
    /// “…”
    English,
    /// ‘…’
    EnglishSingle,
    /// „…“ (also „…” as in Polish)
    German,
    /// ‚…‘ (also ‚…’)
    GermanSingle,
    /// «…»
    Guillemets,
    /// »…« (Danish, German books)
    GuillemetsReversed,
    /// ‹…›
    SingleGuillemets,
    /// ›…‹
    SingleGuillemetsReversed,
    /// ”…” (Swedish, Finnish)
    RightDouble,
    /// 「…」
    Corner,
    /// 『…』
    WhiteCorner,
    /// "…"
    Straight,
    /// '…'
    StraightSingle,
    /// ''…'' (two typewriter apostrophes for a double quote, in newspaper archives)
    DoubledStraight,
}

/// One quotation: an opening mark, its closing mark and what lies between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotation {
    /// Opening mark to closing mark inclusive.
    pub span: Span,
    /// The opening mark.
    pub open: Span,
    /// The closing mark. Empty (at the end of the paragraph's last character) for a piece left
    /// open at the end of its paragraph because the next paragraph reopens the quote.
    pub close: Span,
    /// This piece continues the previous quotation, which was left open at the end of its
    /// paragraph (newspaper convention: the next paragraph reopens the quote). Both pieces share
    /// a speaker.
    pub continues: bool,
    /// The style of the opening mark (the closing mark may be a compatible variant, e.g. „…”).
    pub style: QuoteStyle,
}

impl Quotation {
    /// The content between the marks.
    pub fn inner(&self) -> Span {
        Span::new(self.open.end, self.close.start)
    }

    /// The content's text without trailing space and the closing marks of quotations nested at
    /// its end (“… fired for ‘insubordination,’”), so that its last character is the final
    /// punctuation when it has one.
    pub fn inner_trimmed<'t>(&self, text: &'t str) -> &'t str {
        text[self.inner()].trim_end_matches(|c: char| c.is_whitespace() || is_mark(c))
    }

    /// Left open at the end of its paragraph (no closing mark; the next piece continues it).
    pub fn is_open_ended(&self) -> bool {
        self.close.is_empty()
    }
}

/// Nesting deeper than this is noise (a run of stray marks); further opening marks are ignored,
/// which also bounds the work per closing mark.
const MAX_DEPTH: usize = 32;

#[derive(Debug, Clone, Copy)]
struct Open {
    style: QuoteStyle,
    span: Span,
    /// Length of `pending` when this mark opened: quotations completed after it are inside it.
    mark: usize,
    continues: bool,
    /// The last possessive-looking mark that could close this quotation, used if no real
    /// closing mark turns up before the paragraph ends.
    fallback: Option<Span>,
}

/// The pairing machine; [`find_quotes_into`] works in one the caller keeps for the next text,
/// so its stacks are not grown again from nothing for each.
#[derive(Debug, Default)]
pub(crate) struct Machine {
    stack: Vec<Open>,
    /// Completed quotations not yet known to be top-level (an open mark below may still close).
    pending: Vec<Quotation>,
    /// The next opening mark (the first of the next paragraph) continues a quotation.
    continue_next: bool,
}

impl Machine {
    fn open(&mut self, style: QuoteStyle, span: Span) {
        if self.stack.len() >= MAX_DEPTH {
            return;
        }
        let continues = std::mem::take(&mut self.continue_next);
        self.stack.push(Open {
            style,
            span,
            mark: self.pending.len(),
            continues,
            fallback: None,
        });
    }

    /// Closes stack entry `k` with `close`: everything opened after it is inside (or unmatched).
    fn close(&mut self, text: &str, k: usize, close: Span) {
        let o = self.stack[k];
        self.stack.truncate(k);
        // Quotations completed after `close` (only possible for a fallback close) stay.
        let after_close = self.pending.partition_point(|q| q.span.start < close.end);
        // Blank "quotes" (`" "`) are two stray marks, not a quotation.
        let quotation = (!text[o.span.end..close.start].trim().is_empty()).then(|| Quotation {
            span: o.span.cover(close),
            open: o.span,
            close,
            continues: o.continues,
            style: o.style,
        });
        // The quotations inside it are replaced by it, in place: splitting off the ones after
        // it allocated a vector for them at every close.
        self.pending
            .splice(o.mark..after_close.max(o.mark), quotation);
    }

    /// At the end of a paragraph: the lowest quotation still open that a possessive-looking
    /// mark could close is closed there.
    fn close_fallbacks(&mut self, text: &str) {
        if let Some(k) = self.stack.iter().position(|o| o.fallback.is_some())
            && let Some(f) = self.stack[k].fallback
        {
            self.close(text, k, f);
        }
    }

    fn innermost(&self, styles: &[QuoteStyle]) -> Option<usize> {
        self.stack.iter().rposition(|o| styles.contains(&o.style))
    }

    fn apply(&mut self, text: &str, action: Action, at: Span) {
        match action {
            Action::Skip => {}
            Action::Open(style) => self.open(style, at),
            Action::CloseIfUnclosed(styles) => {
                if let Some(k) = self.innermost(styles) {
                    self.stack[k].fallback = Some(at);
                }
            }
            Action::CloseOr(styles, fallback) => match self.innermost(styles) {
                Some(k) => self.close(text, k, at),
                None => {
                    if let Some(style) = fallback {
                        self.open(style, at);
                    }
                }
            },
        }
    }

    /// Drops unmatched marks and hands over what was found.
    fn reset(&mut self, out: &mut Vec<Quotation>) {
        self.stack.clear();
        out.append(&mut self.pending);
    }
}

/// All top-level quotations in `text`, in order. Nested quotations belong to the outer one and
/// are not listed; unmatched marks produce nothing.
///
/// A quotation stays within its paragraph, with two exceptions, both only between paragraphs of
/// kind [`BlockKind::Text`]:
/// - newspaper convention: a paragraph leaves a quote open and the next paragraph starts with an
///   opening mark of the same style. The first piece ends at the end of its paragraph, with an
///   empty `close` span at the paragraph's end; the next piece is its own [`Quotation`] with
///   `continues: true`. This chains over several paragraphs.
/// - scraping break: a quote left open where the next paragraph starts with a lower-case letter
///   (a line broken in the middle of a sentence) is one quotation spanning the break.
pub fn find_quotes(text: &str, seg: &Segmentation) -> Vec<Quotation> {
    let tags = if memchr::memchr(b'<', text.as_bytes()).is_some() {
        markup::tags(text)
    } else {
        Vec::new()
    };
    find_quotes_tagged(text, seg, &tags)
}

/// [`find_quotes`] for a text whose [`crate::markup::tags`] are known.
pub(crate) fn find_quotes_tagged(text: &str, seg: &Segmentation, tags: &[Span]) -> Vec<Quotation> {
    let mut out = Vec::new();
    find_quotes_into(text, seg, tags, &mut out, &mut Machine::default());
    out
}

/// [`find_quotes_tagged`] into `out` (cleared first), with the machine `m` (reset first).
pub(crate) fn find_quotes_into(
    text: &str,
    seg: &Segmentation,
    tags: &[Span],
    out: &mut Vec<Quotation>,
    m: &mut Machine,
) {
    out.clear();
    m.stack.clear();
    m.pending.clear();
    m.continue_next = false;
    let mut candidates = Candidates::new(text.as_bytes());
    let paras = &seg.paragraphs;
    for (i, p) in paras.iter().enumerate() {
        if p.kind == BlockKind::Url {
            m.reset(out);
            m.continue_next = false;
            continue;
        }
        scan(text, p.span, tags, &mut candidates, m);
        m.continue_next = false;
        m.close_fallbacks(text);
        if m.stack.is_empty() {
            m.reset(out);
            continue;
        }
        let next = paras
            .get(i + 1)
            .filter(|n| p.kind == BlockKind::Text && n.kind == BlockKind::Text);
        let Some(next) = next else {
            m.reset(out);
            continue;
        };
        let first = text[skip_tags(next.span, tags)..next.span.end]
            .chars()
            .next();
        if first.is_some_and(char::is_lowercase) {
            // Scraping break: keep the open marks, the sentence goes on.
            continue;
        }
        // A bare opening mark at the very end is a stray, not a piece worth continuing.
        let reopened = opening_style(text, next.span, tags)
            .and_then(|style| m.stack.iter().position(|o| o.style == style))
            .filter(|&k| !text[m.stack[k].span.end..p.span.end].trim().is_empty());
        if let Some(k) = reopened {
            let o = m.stack[k];
            let end = Span::new(p.span.end, p.span.end);
            m.pending.truncate(o.mark);
            m.pending.push(Quotation {
                span: o.span.cover(end),
                open: o.span,
                close: end,
                continues: o.continues,
                style: o.style,
            });
            m.reset(out);
            m.continue_next = true;
        } else {
            m.reset(out);
        }
    }
    m.reset(out);
}

/// The style a paragraph opens with, if its first character is an opening mark.
fn opening_style(text: &str, para: Span, tags: &[Span]) -> Option<QuoteStyle> {
    let start = skip_tags(para, tags);
    let (c, len) = marks::read_mark(text, para.start, start, para.end)?;
    let at = Span::new(start, start + len);
    let ctx = context(
        text,
        para,
        at,
        tags,
        tags.partition_point(|t| t.end <= at.start),
    );
    match marks::classify(c, &ctx) {
        Action::Open(s) | Action::CloseOr(_, Some(s)) => Some(s),
        _ => None,
    }
}

/// Where the paragraph's text starts once the inline tags opening it (`<p><u>`) are skipped.
fn skip_tags(para: Span, tags: &[Span]) -> usize {
    let mut start = para.start;
    let mut ti = tags.partition_point(|t| t.end <= start);
    while ti < tags.len() && tags[ti].start == start && tags[ti].end <= para.end {
        start = tags[ti].end;
        ti += 1;
    }
    start
}

/// The neighbourhood of mark `at` inside `para`, looking through inline tags. `ti` is the index
/// of the first tag ending after `at.start`.
fn context<'a>(text: &'a str, para: Span, at: Span, tags: &[Span], ti: usize) -> Context<'a> {
    let mut before = at.start;
    let mut j = ti;
    while j > 0 && tags[j - 1].end == before && tags[j - 1].start >= para.start {
        before = tags[j - 1].start;
        j -= 1;
    }
    let mut after = at.end;
    let mut j = ti;
    while j < tags.len() && tags[j].start == after && tags[j].end <= para.end {
        after = tags[j].end;
        j += 1;
    }
    let before = &text[para.start..before];
    let after = &text[after..para.end];
    Context {
        prev: before.chars().next_back(),
        next: after.chars().next(),
        before,
        after,
    }
}

/// One pass over a paragraph, feeding every quote mark to the machine.
fn scan(text: &str, para: Span, tags: &[Span], candidates: &mut Candidates, m: &mut Machine) {
    let mut pos = para.start;
    let mut ti = tags.partition_point(|t| t.end <= pos);
    while pos < para.end {
        match candidates.next(pos, para.end) {
            Some(i) => pos = i,
            None => break,
        }
        while ti < tags.len() && tags[ti].end <= pos {
            ti += 1;
        }
        if ti < tags.len() && tags[ti].start <= pos {
            // Quotes inside a tag are attribute syntax.
            pos = tags[ti].end;
            continue;
        }
        if let Some(len) = apostrophe_in_word(text.as_bytes(), para, pos) {
            pos += len;
            m.continue_next = false;
            continue;
        }
        if is_e2_non_mark(text.as_bytes(), pos) {
            pos += 3;
            continue;
        }
        // Candidate bytes are ASCII or UTF-8 lead bytes, so `pos` is a char boundary.
        let Some((c, len)) = marks::read_mark(text, para.start, pos, para.end) else {
            pos += text[pos..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let at = Span::new(pos, pos + len);
        pos = at.end;
        let ctx = context(text, para, at, tags, ti);
        m.apply(text, marks::classify(c, &ctx), at);
        // Only the paragraph's first mark may continue the previous paragraph's quote.
        m.continue_next = false;
    }
}

/// A character from 0xE2 at `pos` that is no quote mark (a dash, `…`): what [`marks::read_mark`]
/// turns away after decoding it, decided on the bytes. The marks from 0xE2 are ‘ ’ ‚ “ ” „
/// (E2 80 98..9A, 9C..9E) and ‹ › (E2 80 B9, BA); the text is UTF-8, so every other
/// character led by 0xE2 is three bytes long.
#[inline]
fn is_e2_non_mark(bytes: &[u8], pos: usize) -> bool {
    bytes[pos] == 0xE2
        && !matches!(
            bytes.get(pos + 1..pos + 3),
            Some([0x80, 0x98..=0x9A | 0x9C..=0x9E | 0xB9 | 0xBA])
        )
}

/// The length of the `'` or `’` at `pos` when ASCII letters or digits are on both sides of it
/// inside `para` ("don't", "Russia’s"): an apostrophe, which [`marks::classify`] skips. Most
/// single marks are these, decided here without decoding the mark and its context. (No tag
/// lies between: a tag ends in `>` and starts with `<`.)
#[inline]
fn apostrophe_in_word(bytes: &[u8], para: Span, pos: usize) -> Option<usize> {
    let len = match bytes[pos] {
        b'\'' => 1,
        0xE2 if bytes.get(pos + 1..pos + 3) == Some(&[0x80, 0x99]) => 3,
        _ => return None,
    };
    let inside = pos > para.start
        && pos + len < para.end
        && bytes[pos - 1].is_ascii_alphanumeric()
        && bytes[pos + len].is_ascii_alphanumeric();
    inside.then_some(len)
}

/// The searcher of [`Candidates`], built once rather than per text.
static MARKS: LazyLock<Find3> = LazyLock::new(|| Find3::new(b'"', b'\'', 0xE2));

/// Finds the bytes that may start a mark ([`CANDIDATE`]) in a text. Without the rare 0xE3
/// (CJK corner brackets), they are `"`, `'` and 0xE2, found with one `memchr3` from each
/// position, and 0xC2 (« », also the no-break space), whose next position is found once and
/// kept while it lies ahead.
struct Candidates<'a> {
    bytes: &'a [u8],
    any_e3: bool,
    /// `"`, `'` and 0xE2.
    marks: &'static Find3,
    /// The first 0xC2 at or after the last position asked about (the text's length if none).
    next_c2: Option<usize>,
}

impl<'a> Candidates<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Candidates {
            bytes,
            any_e3: memchr::memchr(0xE3, bytes).is_some(),
            marks: &MARKS,
            next_c2: None,
        }
    }

    /// The first candidate in `from..end`.
    #[inline]
    fn next(&mut self, from: usize, end: usize) -> Option<usize> {
        let bytes = self.bytes;
        if self.any_e3 {
            return next_candidate(&bytes[from..end]).map(|i| from + i);
        }
        let c2 = match self.next_c2 {
            Some(c2) if c2 >= from => c2,
            _ => {
                let c2 = memchr::memchr(0xC2, &bytes[from..]).map_or(bytes.len(), |i| from + i);
                self.next_c2 = Some(c2);
                c2
            }
        };
        let limit = c2.min(end);
        match self.marks.find(&bytes[from..limit]) {
            Some(i) => Some(from + i),
            None => (limit < end).then_some(limit),
        }
    }
}

/// The first byte of `bytes` that may start a mark ([`CANDIDATE`]).
#[inline]
fn next_candidate(bytes: &[u8]) -> Option<usize> {
    const CHUNK: usize = 16;
    // Sixteen bytes at a time while none is `"`, `'` or above 0x7f (every other candidate is
    // a UTF-8 lead byte): most of a paragraph is skipped without the table. A fold with no
    // early exit over a fixed length, which is compiled to vector compares.
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + CHUNK) {
        let chunk: &[u8; CHUNK] = chunk.try_into().expect("sixteen bytes");
        if chunk.iter().fold(false, |found, &b| {
            found | (b >= 0x80 || b == b'"' || b == b'\'')
        }) {
            break;
        }
        i += CHUNK;
    }
    bytes[i..]
        .iter()
        .position(|&b| CANDIDATE[usize::from(b)])
        .map(|k| i + k)
}

#[cfg(test)]
mod tests;
