//! One analysed text: what the earlier stages found, indexed for the attribution rules.

use crate::markup;
use crate::mentions::Mention;
use crate::quotes::{self, Quotation};
use crate::segment::{self, Segmentation};
use crate::span::Span;
use crate::tokens::{self, Token, TokenKind};
use spare::Spare;
use std::cell::Cell;
use std::ops::Range;

mod spare;

/// A `Doc` is `Send` but not `Sync`: it keeps the last answers of a few lookups the rules repeat
/// (`Cell`s), so each thread analyses its own documents.
pub struct Doc<'t> {
    pub text: &'t str,
    pub seg: Segmentation,
    pub quotes: Vec<Quotation>,
    pub tokens: Vec<Token>,
    /// Sentence index of each token.
    pub token_sentence: Vec<u32>,
    /// Token range of each sentence.
    pub sentence_tokens: Vec<Range<usize>>,
    /// Token range of each paragraph.
    pub paragraph_tokens: Vec<Range<usize>>,
    /// The quotation each token lies in (marks included), if any.
    pub token_quote: Vec<Option<u32>>,
    /// Capitalised words, in order: where names start.
    pub capitalised: Vec<usize>,
    /// The tokens a cue may start at ([`crate::cues::may_start_cue`]), in order: the rules that
    /// try every cue read these rather than every token.
    pub cue_candidates: Vec<usize>,
    /// The tokens "that", in order: the rules that need one after a word start from these.
    pub that_tokens: Vec<usize>,
    /// The last answer of `attribute::speaker::speaker_before` (cue, lower bound,
    /// speaker): the rules often ask for one cue's speaker twice in a row.
    pub(crate) last_speaker: Cell<Option<(usize, usize, Option<Mention>)>>,
    /// The last answer of `mentions::head_token` (first and last token, head): a mention is
    /// classified and then judged, each asking for its head.
    pub(crate) last_head: Cell<Option<(usize, usize, usize)>>,
    /// The last answer of `attribute::reported::asserted` (cue's first and last token, whether
    /// it is a participle; answer): several rules in a row ask it of one cue.
    pub(crate) last_asserted: Cell<Option<(usize, usize, bool, bool)>>,
}

impl<'t> Doc<'t> {
    pub fn new(text: &'t str) -> Self {
        // Every vector but the tokenizer's is filled in one an earlier text left.
        let Spare {
            mut seg,
            mut quotes,
            mut token_sentence,
            mut sentence_tokens,
            mut paragraph_tokens,
            mut token_quote,
            mut scratch,
        } = Spare::take();
        let tags = markup::tags(text);
        segment::segment_into(text, &tags, &mut seg, &mut scratch.segment);
        quotes::find_quotes_into(text, &seg, &tags, &mut quotes, &mut scratch.quotes);
        let tokens::Tokens {
            tokens,
            capitalised,
            cue_candidates,
            that: that_tokens,
        } = tokens::tokenize_indexed(text, &tags);
        ranges(
            &tokens,
            seg.sentences.iter().map(|s| s.span),
            &mut sentence_tokens,
        );
        paragraph_ranges(&tokens, &seg, &sentence_tokens, &mut paragraph_tokens);
        assign(&sentence_tokens, tokens.len(), &mut token_sentence);
        // Quotes are sorted and disjoint, and so are tokens: the tokens inside a quote are the
        // run from its first token that ends within it. Found by binary search per quote
        // rather than a branchy walk over every token.
        // Written once each, in order, rather than zeroed first and then filled.
        let quote_tokens = &mut scratch.quote_tokens;
        ranges(&tokens, quotes.iter().map(|q| q.span), quote_tokens);
        token_quote.clear();
        token_quote.reserve(tokens.len());
        for (k, r) in quote_tokens.iter().enumerate() {
            token_quote.resize(r.start, None);
            token_quote.resize(r.end, Some(k as u32));
        }
        token_quote.resize(tokens.len(), None);
        Spare::keep_scratch(scratch);
        Doc {
            text,
            seg,
            quotes,
            tokens,
            token_sentence,
            sentence_tokens,
            paragraph_tokens,
            token_quote,
            capitalised,
            cue_candidates,
            that_tokens,
            last_speaker: Cell::new(None),
            last_head: Cell::new(None),
            last_asserted: Cell::new(None),
        }
    }

    /// The token's text.
    #[inline]
    pub fn word(&self, i: usize) -> &'t str {
        &self.text[self.tokens[i].span]
    }

    /// The token's bytes, for comparisons: the slice of the text's bytes needs no test that
    /// its ends are char boundaries, as [`Doc::word`]'s slice of the text does.
    #[inline]
    pub fn word_bytes(&self, i: usize) -> &'t [u8] {
        let span = self.tokens[i].span;
        &self.text.as_bytes()[span.start..span.end]
    }

    /// The tokens a cue may start at among tokens `from..to`, in order: a scan for cues reads
    /// these rather than every token.
    pub fn cue_candidates_in(&self, from: usize, to: usize) -> &[usize] {
        let a = self.cue_candidates.partition_point(|&k| k < from);
        let b = a + self.cue_candidates[a..].partition_point(|&k| k < to);
        &self.cue_candidates[a..b]
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// The token is punctuation equal to one of `marks`.
    #[inline]
    pub fn is_punct(&self, i: usize, marks: &[&str]) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct && {
                let w = &self.text.as_bytes()[t.span.start..t.span.end];
                marks.iter().any(|m| short_eq(m.as_bytes(), w))
            }
        })
    }

    /// The token's text is one of `words` (compared without a `memcmp` call per entry).
    #[inline]
    pub fn word_in(&self, i: usize, words: &[&str]) -> bool {
        let t = &self.tokens[i];
        let w = &self.text.as_bytes()[t.span.start..t.span.end];
        words.iter().any(|m| short_eq(m.as_bytes(), w))
    }

    /// The token is a quote mark (of any style).
    pub fn is_quote_mark(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct
                && match self.text.as_bytes().get(t.span.start) {
                    // Most marks are ASCII: a first byte below 0x80 is the first char, and no
                    // char is decoded.
                    Some(&b) if b.is_ascii() && !t.span.is_empty() => {
                        quotes::is_mark(char::from(b))
                    }
                    _ => self.text[t.span]
                        .chars()
                        .next()
                        .is_some_and(quotes::is_mark),
                }
        })
    }

    /// A quote mark that opens or closes a quotation, not an apostrophe ("Sanders' aide").
    pub fn is_quotation_mark(&self, i: usize) -> bool {
        self.is_quote_mark(i) && self.token_quote.get(i).is_some_and(Option::is_some)
    }

    /// A word ending in a possessive 's ("Russia's", "Clinton’s").
    pub fn is_possessive(&self, i: usize) -> bool {
        self.is_word(i) && {
            let w = self.word_bytes(i);
            w.ends_with(b"'s") || w.ends_with("’s".as_bytes())
        }
    }

    /// A possessive word ("Clinton's") or the apostrophe of a plural possessive ("the
    /// candidates'"), which a mention may end with.
    pub fn ends_possessive(&self, i: usize) -> bool {
        self.is_possessive(i)
            || i > 0
                && self.is_punct(i, &["'", "’"])
                && self.is_word(i - 1)
                && self.tokens[i - 1].span.end == self.tokens[i].span.start
                && self.word(i - 1).ends_with(['s', 'S'])
    }

    pub fn sentence_of(&self, i: usize) -> usize {
        self.token_sentence.get(i).copied().unwrap_or(0) as usize
    }

    /// The paragraph of token `i` (0 past the last token): its sentence's. A paragraph's tokens
    /// start where its first sentence's do, so the last paragraph whose tokens start at or
    /// before `i` holds the last sentence whose tokens do; no table of every token's paragraph
    /// is written for the few tokens asked about.
    pub fn paragraph_of(&self, i: usize) -> usize {
        match self.token_sentence.get(i) {
            Some(&s) => self
                .seg
                .sentences
                .get(s as usize)
                .map_or(0, |s| s.paragraph),
            None => 0,
        }
    }

    /// Token range of the paragraph holding token `i`.
    pub fn paragraph_range(&self, i: usize) -> Range<usize> {
        self.paragraph_tokens
            .get(self.paragraph_of(i))
            .cloned()
            .unwrap_or(0..self.tokens.len())
    }

    /// Token range of the sentence holding token `i`.
    pub fn sentence_range(&self, i: usize) -> Range<usize> {
        self.sentence_tokens
            .get(self.sentence_of(i))
            .cloned()
            .unwrap_or(0..self.tokens.len())
    }

    /// A "." that belongs to an abbreviation or an initial: "U.S.", "Mr.", "J.".
    #[inline]
    pub fn is_abbreviation_dot(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.abbreviation_dot)
    }

    /// Sentence-final punctuation (not an abbreviation's dot).
    pub fn is_terminal(&self, i: usize) -> bool {
        self.is_punct(i, &[".", "?", "!", ";"]) && !self.is_abbreviation_dot(i)
    }

    /// Span from the start of token `a` to the end of token `b` (inclusive).
    pub fn tokens_span(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span.start, self.tokens[b].span.end)
    }
}

/// `a == b` for the short strings of tokens, without a call to `memcmp`.
#[inline]
fn short_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// For each of `n` tokens, the index of the last span (sorted, non-overlapping) starting at or
/// before it, from the spans' token `ranges`: a range starts at the first token starting in
/// its span, so the tokens from there to the next range's start go to its span (and those
/// before the second range's start to the first).
/// Written to `out` (cleared first).
fn assign(ranges: &[Range<usize>], n: usize, out: &mut Vec<u32>) {
    out.clear();
    out.reserve(n);
    for (k, r) in ranges.iter().enumerate().skip(1) {
        fill_to(out, r.start, (k - 1) as u32);
    }
    fill_to(out, n, ranges.len().saturating_sub(1) as u32);
}

/// `out.resize(len, value)` for a `len` not below `out.len()` (the ranges are sorted), by
/// `extend` of a repeated value: a plain store loop, where `resize` cost more per element.
#[inline]
fn fill_to(out: &mut Vec<u32>, len: usize, value: u32) {
    debug_assert!(len >= out.len());
    let run = len.saturating_sub(out.len());
    out.extend(std::iter::repeat_n(value, run));
}

/// Token range of each span (sorted, non-overlapping): the tokens from the first starting in
/// it to the last ending in it. Tokens are sorted, so both ends are searches onwards.
/// The end is first looked for where the text's average token length puts it: a sentence's
/// end is then a step or two away, where a gallop from its start took a dozen comparisons.
/// Written to `out` (cleared first).
fn ranges(tokens: &[Token], spans: impl Iterator<Item = Span>, out: &mut Vec<Range<usize>>) {
    out.clear();
    out.reserve(spans.size_hint().0);
    let text_len = tokens.last().map_or(1, |t| t.span.end.max(1));
    let mut i = 0;
    for s in spans {
        let a = gallop(tokens, i, |t| t.span.start < s.start);
        let guess = a + s.len() * tokens.len() / text_len;
        i = search_near(tokens, a, guess, |t| t.span.end <= s.end);
        out.push(a..i);
    }
}

/// `from + tokens[from..].partition_point(pred)`, searched outwards from `guess`: galloping
/// on from it when `pred` holds just before it, else galloping back towards `from`.
fn search_near(
    tokens: &[Token],
    from: usize,
    guess: usize,
    pred: impl Fn(&Token) -> bool,
) -> usize {
    let guess = guess.clamp(from, tokens.len());
    if guess == from || pred(&tokens[guess - 1]) {
        return gallop(tokens, guess, pred);
    }
    // `pred` fails at `hi`, so the answer is at most `hi`.
    let (mut hi, mut step) = (guess - 1, 1);
    loop {
        if hi < from + step {
            return from + tokens[from..hi].partition_point(&pred);
        }
        let probe = hi - step;
        if pred(&tokens[probe]) {
            return probe + 1 + tokens[probe + 1..hi].partition_point(&pred);
        }
        hi = probe;
        step *= 2;
    }
}

/// [`ranges`] of the paragraphs, from the sentences': a paragraph starts where its first
/// sentence starts and ends where its last one ends, so its range is most often theirs. Each
/// guess is checked against the definition (two comparisons per end) and searched for when it
/// fails, so the result is the same as `ranges` over the paragraph spans. Written to `out`
/// (cleared first).
fn paragraph_ranges(
    tokens: &[Token],
    seg: &Segmentation,
    sentences: &[Range<usize>],
    out: &mut Vec<Range<usize>>,
) {
    out.clear();
    out.reserve(seg.paragraphs.len());
    let (mut i, mut k) = (0, 0);
    for (p, para) in seg.paragraphs.iter().enumerate() {
        let s = para.span;
        let first = k;
        while k < seg.sentences.len() && seg.sentences[k].paragraph == p {
            k += 1;
        }
        let guess = (first < k).then(|| (sentences[first].start, sentences[k - 1].end));
        // `a` is `i + tokens[i..].partition_point(start < s.start)`, `e` likewise from `a`.
        let a = match guess {
            Some((a, _))
                if a >= i
                    && (a == i || tokens[a - 1].span.start < s.start)
                    && tokens.get(a).is_none_or(|t| t.span.start >= s.start) =>
            {
                a
            }
            _ => gallop(tokens, i, |t| t.span.start < s.start),
        };
        i = match guess {
            Some((_, e))
                if e >= a
                    && (e == a || tokens[e - 1].span.end <= s.end)
                    && tokens.get(e).is_none_or(|t| t.span.end > s.end) =>
            {
                e
            }
            _ => gallop(tokens, a, |t| t.span.end <= s.end),
        };
        out.push(a..i);
    }
}

/// `from + tokens[from..].partition_point(pred)`, found by galloping: steps of 1, 2, 4, …
/// from `from` until `pred` fails, then a binary search in the last step. A boundary a few
/// tokens on (the next sentence's) costs a few comparisons, where a binary search over the
/// rest of the article took a dozen cache-missing ones.
fn gallop(tokens: &[Token], from: usize, pred: impl Fn(&Token) -> bool) -> usize {
    let rest = &tokens[from..];
    // Mostly the answer is `from` itself (a sentence's first token is where the one before
    // ended): one comparison, and no search.
    if rest.first().is_none_or(|t| !pred(t)) {
        return from;
    }
    let (mut lo, mut step) = (0, 1);
    while lo + step < rest.len() && pred(&rest[lo + step]) {
        lo += step;
        step *= 2;
    }
    // `pred` holds up to `lo` (if `lo` > 0) and fails at `lo + step` (if in range).
    let hi = (lo + step).min(rest.len());
    from + lo + rest[lo..hi].partition_point(&pred)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The token-by-token walks these indexes were first built with.
    fn walked(doc: &Doc<'_>) -> (Vec<u32>, Vec<Range<usize>>, Vec<Option<u32>>) {
        let tokens = &doc.tokens;
        let starts: Vec<usize> = doc.seg.sentences.iter().map(|s| s.span.start).collect();
        let mut k = 0;
        let mut assigned = Vec::new();
        for t in tokens {
            while k + 1 < starts.len() && starts[k + 1] <= t.span.start {
                k += 1;
            }
            assigned.push(k as u32);
        }
        let mut ranges = Vec::new();
        let mut i = 0;
        for s in doc.seg.paragraphs.iter().map(|p| p.span) {
            while i < tokens.len() && tokens[i].span.start < s.start {
                i += 1;
            }
            let a = i;
            while i < tokens.len() && tokens[i].span.end <= s.end {
                i += 1;
            }
            ranges.push(a..i);
        }
        let mut k = 0;
        let mut quote = Vec::new();
        for t in tokens {
            while k < doc.quotes.len() && doc.quotes[k].span.end <= t.span.start {
                k += 1;
            }
            let inside = k < doc.quotes.len() && doc.quotes[k].span.contains(t.span);
            quote.push(inside.then_some(k as u32));
        }
        (assigned, ranges, quote)
    }

    /// Forty one-byte words, one byte apart.
    fn spaced_tokens() -> Vec<Token> {
        (0..40)
            .map(|k| Token {
                span: Span::new(2 * k, 2 * k + 1),
                kind: TokenKind::Word,
                upper: false,
                after_newline: false,
                info: None,
                flags: 0,
                abbreviation_dot: false,
            })
            .collect()
    }

    #[test]
    fn gallop_finds_the_partition_point() {
        let tokens = spaced_tokens();
        for from in 0..=tokens.len() {
            for pos in 0..=90 {
                let pred = |t: &Token| t.span.start < pos;
                assert_eq!(
                    gallop(&tokens, from, pred),
                    from + tokens[from..].partition_point(pred),
                    "{from} {pos}"
                );
            }
        }
    }

    #[test]
    fn search_near_finds_the_partition_point() {
        let tokens = spaced_tokens();
        for from in 0..=tokens.len() {
            for guess in 0..=tokens.len() + 3 {
                for pos in 0..=90 {
                    let pred = |t: &Token| t.span.start < pos;
                    assert_eq!(
                        search_near(&tokens, from, guess, pred),
                        from + tokens[from..].partition_point(pred),
                        "{from} {guess} {pos}"
                    );
                }
            }
        }
    }

    #[test]
    fn abbreviation_dots_are_decided_from_the_word_before() {
        for text in [
            include_str!("../examples/istanbul-talks.txt"),
            "Mr. Smith met J. R. R. Tolkien in the U.S. on Jan. 5. It rained. AB. Abc. Sen. Kay.",
            "Dr.\u{e9}t\u{301} x. <b>Mr</b>. Y. Mr<u>.</u> Z.",
        ] {
            let doc = Doc::new(text);
            for i in 0..doc.tokens.len() {
                let expected = i > 0 && doc.is_punct(i, &["."]) && {
                    let prev = &doc.tokens[i - 1];
                    let w = &text[prev.span];
                    prev.kind == TokenKind::Word
                        && prev.upper
                        && prev.span.end == doc.tokens[i].span.start
                        && (w.contains('.')
                            || w.chars().count() <= 2
                            || prev.info.is_some_and(|x| x.title.is_some())
                            || crate::segment::abbreviation(w).is_some())
                };
                assert_eq!(doc.is_abbreviation_dot(i), expected, "{text:?} {i}");
            }
        }
    }

    /// What a [`Doc`] holds besides the text and the tokenizer's vectors.
    fn indexes(doc: &Doc<'_>) -> String {
        format!(
            "{:?} {:?} {:?} {:?} {:?} {:?} {:?}",
            doc.seg.paragraphs,
            doc.seg.sentences,
            doc.quotes,
            doc.token_sentence,
            doc.sentence_tokens,
            doc.paragraph_tokens,
            doc.token_quote,
        )
    }

    #[test]
    fn kept_buffers_leave_the_indexes_as_they_were() {
        let texts = [
            include_str!("../examples/istanbul-talks.txt"),
            "“Yes,” she said. “No.”\n\n“Open to the end",
            "",
            "He said \"A. B.\" and left: Photo: X. Mr. Y. \"C\" she said.\n\n## Head\nhttps://a.b/c",
            "Short.",
        ];
        // Each text analysed on a thread of its own, with no buffers kept from another.
        let fresh: Vec<String> = texts
            .iter()
            .map(|&text| {
                std::thread::spawn(move || indexes(&Doc::new(text)))
                    .join()
                    .unwrap()
            })
            .collect();
        // On this thread, each in the buffers the one before left, twice over, and with
        // another alive at once.
        for _ in 0..2 {
            for (text, expected) in texts.iter().zip(&fresh) {
                let doc = Doc::new(text);
                let other = Doc::new(texts[0]);
                assert_eq!(&indexes(&doc), expected, "{text:?}");
                assert_eq!(indexes(&other), fresh[0]);
            }
        }
    }

    #[test]
    fn indexes_agree_with_a_walk_over_the_tokens() {
        for text in [
            include_str!("../examples/istanbul-talks.txt"),
            "",
            "“",
            "No quotes here. None at all.\n\nA second paragraph.",
            "“Yes,” she said. “No.”\n\n“Open to the end",
            "He said that. That was all, according to that man.\n\nThat said, thatch.",
            "\u{5d0}that \u{1f600}that said \u{dc}nal that<b>that</b> \u{c9}ric",
            "<br/>\n\nA b. <i></i>\n\n   \n\nC d.<br/>\n\n<p></p>",
            "\"A\" 'b' «c» „d“ ‹e› 「f」 ‘g’ x—y",
        ] {
            let doc = Doc::new(text);
            let (assigned, paragraphs, quote) = walked(&doc);
            assert_eq!(doc.token_sentence, assigned, "{text:?}");
            assert_eq!(doc.paragraph_tokens, paragraphs, "{text:?}");
            assert_eq!(doc.token_quote, quote, "{text:?}");
            for (i, t) in doc.tokens.iter().enumerate() {
                let mark = t.kind == TokenKind::Punct
                    && text[t.span].chars().next().is_some_and(quotes::is_mark);
                assert_eq!(doc.is_quote_mark(i), mark, "{text:?} {i}");
                assert_eq!(
                    doc.paragraph_of(i),
                    doc.seg.paragraph_at(t.span.start),
                    "{text:?} {i}"
                );
                let word = t.kind == TokenKind::Word;
                assert_eq!(doc.capitalised.contains(&i), word && t.upper);
                assert_eq!(
                    doc.cue_candidates.contains(&i),
                    crate::cues::may_start_cue(t),
                    "{text:?} {i}"
                );
                assert_eq!(doc.that_tokens.contains(&i), doc.word(i) == "that");
            }
        }
    }
}
