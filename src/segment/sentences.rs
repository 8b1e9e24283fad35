//! Sentence boundaries inside one paragraph.
//!
//! Candidates are the bytes of sentence-final punctuation, found with memchr; each is
//! judged from the word before it and the word after it, without allocating per token.

use super::abbrev::{AbbrevKind, abbreviation, credit_starts, is_starter, is_time_follower};
use super::chars::{
    Find1, Find3, char_at, char_before, is_bullet, is_closer, is_dash, is_opener, is_terminal,
};
use super::lists;
use super::pairs::quote_pairs;
use crate::span::Span;
use memchr::{memchr, memchr2, memchr2_iter};
use nom::bytes::complete::take_while_m_n;
use nom::character::complete::char as ch;
use nom::combinator::{all_consuming, recognize};
use nom::multi::many1;
use nom::{IResult, Parser};
use std::sync::LazyLock;

/// Longest word looked at before a period; longer tokens are never abbreviations.
const MAX_PREV: usize = 64;
/// How far around a period a URL or e-mail address is looked for.
const MAX_TOKEN: usize = 256;
/// Longest attribution fragment, in words, kept with the quote before it.
const TAIL_WORDS: usize = 10;
/// A clock time this many words into a sentence ends it before a capitalised word.
const TIME_INTRO_WORDS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Term {
    Period,
    /// `?`, `!` and their doubles.
    Strong,
    /// Full-width `。！？`, which need no following space.
    Full,
    /// Two or more dots or `…` (counted as three).
    Ellipsis(usize),
}

/// A run of terminal punctuation starting at `start`.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
    term: Term,
    /// Touches the preceding word ("that...." rather than "that ....").
    attached: bool,
    /// Dots separated by spaces (". . .").
    spaced: bool,
}

/// What the previous word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prev {
    Word,
    Abbrev(AbbrevKind),
    Initial,
}

/// What follows a run: where the next sentence would start and its first word.
struct Next<'a> {
    /// End of the run plus closing quotes, brackets and closing tags.
    end: usize,
    /// First non-space byte after `end`.
    start: usize,
    /// First char of the first word (after opening quotes, brackets and tags).
    first: Option<char>,
    second: Option<char>,
    word: &'a str,
    word_at: usize,
    spaced: bool,
    quote_closed: bool,
    paren: bool,
}

/// The searchers of every splitter, built once: a searcher in the splitter itself was copied to
/// the stack for every paragraph split.
static STOPS: LazyLock<Find3> = LazyLock::new(|| Find3::new(b'.', b'?', b'!'));
static QUOTE_BYTES: LazyLock<Find3> = LazyLock::new(|| Find3::new(b'"', 0xE2, 0xC2));

pub struct Splitter<'a> {
    text: &'a str,
    tags: &'a [Span],
    /// What each paragraph would otherwise search for again, found once in the whole text:
    /// the colons (credit labels end in one), the multi-byte terminal marks (`…` `。`), and
    /// whether there is any byte 0xE3 (CJK quote marks, which [`quote_pairs`] looks for).
    colons: Vec<usize>,
    wide_terminals: Vec<usize>,
    any_e3: bool,
    /// The ASCII terminal marks.
    stops: &'static Find3,
    /// What [`quote_pairs`] looks for.
    quote_bytes: &'static Find3,
}

impl<'a> Splitter<'a> {
    /// The splitter of `text`; `colons` is room for the positions of its colons (cleared
    /// first), which [`Splitter::into_colons`] hands back.
    pub fn new(text: &'a str, tags: &'a [Span], mut colons: Vec<usize>) -> Self {
        let bytes = text.as_bytes();
        // `…` `‼` `⁇` `⁈` `⁉` are E2 80 A6, E2 80 BC and E2 81 87..89: found from their rarer
        // last or middle byte (0xE2 leads every dash and typographic quote as well); the
        // full-width marks start with 0xE3 or 0xEF, which few texts have at all.
        let mut wide_terminals: Vec<usize> = memchr::memchr3_iter(0xA6, 0xBC, 0x81, bytes)
            .filter_map(|k| {
                let start = if bytes[k] == 0x81 {
                    k.checked_sub(1)?
                } else {
                    k.checked_sub(2)?
                };
                (bytes[start] == 0xE2 && is_e2_terminal(&bytes[start..])).then_some(start)
            })
            .collect();
        let any_e3_or_ef = memchr2(0xE3, 0xEF, bytes).is_some();
        if any_e3_or_ef {
            wide_terminals.extend(
                memchr2_iter(0xE3, 0xEF, bytes)
                    .filter(|&i| char_at(text, i).is_some_and(is_terminal)),
            );
            wide_terminals.sort_unstable();
        }
        colons.clear();
        colons.extend(Find1::new(b':').iter(bytes));
        Splitter {
            text,
            tags,
            colons,
            wide_terminals,
            any_e3: any_e3_or_ef && memchr(0xE3, bytes).is_some(),
            stops: &STOPS,
            quote_bytes: &QUOTE_BYTES,
        }
    }

    /// The room of the colons' positions, for the next text's splitter.
    pub fn into_colons(self) -> Vec<usize> {
        self.colons
    }

    /// The positions of `sorted` inside `span`.
    fn within(sorted: &[usize], span: Span) -> &[usize] {
        let from = sorted.partition_point(|&p| p < span.start);
        let to = from + sorted[from..].partition_point(|&p| p < span.end);
        &sorted[from..to]
    }

    /// Pushes the sentences of paragraph `para` onto `out`; `pairs` is room for the
    /// paragraph's quote pairs.
    pub fn split(&self, para: Span, out: &mut Vec<Span>, pairs: &mut Vec<(usize, usize)>) {
        let text = self.text;
        // Found when a break is first weighed: most paragraphs are one sentence, or have
        // quotes only where no period ends one.
        let mut pairs_found = false;
        let mut pair_i = 0;
        let mut cache = [None; 2];
        // Credit labels start a unit even after a caption without final punctuation.
        let credits = credit_starts(text, Self::within(&self.colons, para), para.start);
        let mut credit_i = 0;
        let end = para.end;
        let mut cur = para.start;
        let mut emit = |s: usize, e: usize| {
            let span = Span::new(s, e).trim(text);
            if !span.is_empty() {
                out.push(span);
            }
        };
        let (mut pos, mut list_break) = self.item_start(cur, end, true);
        loop {
            let cand = self.next_candidate(pos, end, &mut cache);
            while credits.get(credit_i).is_some_and(|&c| c <= cur) {
                credit_i += 1;
            }
            let forced = match (list_break, credits.get(credit_i).copied()) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            if let Some(b) = forced
                && cand.is_none_or(|i| i >= b)
            {
                emit(cur, b);
                cur = b;
                (pos, list_break) = self.item_start(cur, end, true);
                continue;
            }
            let Some(i) = cand else { break };
            if let Some(t) = self.tag_containing(i) {
                pos = t.end;
                continue;
            }
            let run = self.run(i, end);
            match self.decide(cur, &run, end) {
                Some((at, next))
                    if !self.in_embedded_quote(
                        cur,
                        i,
                        at,
                        self.quote_pairs(para, pairs, &mut pairs_found),
                        &mut pair_i,
                        end,
                    ) && !self.attribution_tail(at, next, end) =>
                {
                    emit(cur, at);
                    cur = next;
                    (pos, list_break) = self.item_start(cur, end, false);
                }
                _ => pos = run.end,
            }
        }
        emit(cur, end);
    }

    /// The quote pairs of `para` in `pairs`, found on the first call (`found` says whether
    /// they were).
    fn quote_pairs<'p>(
        &self,
        para: Span,
        pairs: &'p mut Vec<(usize, usize)>,
        found: &mut bool,
    ) -> &'p [(usize, usize)] {
        if !*found {
            quote_pairs(
                self.text,
                para,
                self.tags,
                self.any_e3,
                self.quote_bytes,
                pairs,
            );
            *found = true;
        }
        pairs
    }

    /// Skips a list marker at `cur`; returns where to look for punctuation and the next item.
    /// Items are only looked ahead for at a paragraph start or after a found item (`search`):
    /// items after a period are found by the period, and this keeps the search linear.
    #[inline]
    fn item_start(&self, cur: usize, end: usize, search: bool) -> (usize, Option<usize>) {
        // Most units start with a capital or a quote mark: no marker, seen from the bytes.
        if !lists::may_start_marker(&self.text.as_bytes()[cur..end]) {
            return (cur, None);
        }
        self.marked_item_start(cur, end, search)
    }

    /// [`Splitter::item_start`] where a marker may start.
    #[inline(never)]
    fn marked_item_start(&self, cur: usize, end: usize, search: bool) -> (usize, Option<usize>) {
        match lists::marker(&self.text[cur..end]) {
            Some(m) => (
                cur + m.len,
                search
                    .then(|| lists::next_item(self.text, m, cur + m.len, end))
                    .flatten(),
            ),
            None => (cur, None),
        }
    }

    /// The next terminal punctuation in `from..end`. `cache` holds the last answers (ASCII, then
    /// multi-byte `…` `。`), still valid while not behind `from`, so forced breaks (lists,
    /// credits) in punctuation-free text do not rescan the paragraph.
    fn next_candidate(
        &self,
        from: usize,
        end: usize,
        cache: &mut [Option<usize>; 2],
    ) -> Option<usize> {
        // Nothing can start at or past the end: no search (every paragraph ends asking this).
        if from >= end {
            return None;
        }
        let bytes = &self.text.as_bytes()[..end];
        if cache[0].is_none_or(|a| a < from) {
            cache[0] = Some(self.stops.find(&bytes[from..]).map_or(end, |i| from + i));
        }
        if cache[1].is_none_or(|m| m < from) {
            let rest = &self.wide_terminals[self.wide_terminals.partition_point(|&m| m < from)..];
            cache[1] = Some(rest.first().map_or(end, |&m| m.min(end)));
        }
        // Both are set above.
        let (a, m) = (cache[0].unwrap_or(end), cache[1].unwrap_or(end));
        Some(a.min(m)).filter(|&c| c < end)
    }

    fn tag_containing(&self, pos: usize) -> Option<Span> {
        // Most texts have no tags: no search.
        if self.tags.is_empty() {
            return None;
        }
        let i = self.tags.partition_point(|t| t.end <= pos);
        self.tags.get(i).copied().filter(|t| t.start <= pos)
    }

    fn tag_at(&self, pos: usize) -> Option<Span> {
        // Every tag starts with `<`: other bytes need no search.
        if self.text.as_bytes().get(pos) != Some(&b'<') {
            return None;
        }
        self.tag_containing(pos).filter(|t| t.start == pos)
    }

    fn tag_ending_at(&self, pos: usize) -> Option<Span> {
        // Every tag ends with `>`.
        if pos == 0 || self.text.as_bytes().get(pos - 1) != Some(&b'>') {
            return None;
        }
        let i = self.tags.partition_point(|t| t.end < pos);
        self.tags.get(i).copied().filter(|t| t.end == pos)
    }

    fn run(&self, start: usize, end: usize) -> Run {
        let text = self.text;
        let bytes = text.as_bytes();
        // Most runs are one period before an ASCII character that is no stop and no space
        // before another period (". . ."): what the loop below ends with, on the bytes.
        if bytes[start] == b'.'
            && bytes[start + 1..end].first().is_none_or(|&b| {
                b < 0x80
                    && !matches!(b, b'.' | b'?' | b'!')
                    && !(b == b' ' && start + 2 < end && bytes[start + 2] == b'.')
            })
        {
            return Run {
                start,
                end: start + 1,
                term: Term::Period,
                attached: char_before(text, start).is_some_and(|c| !c.is_whitespace()),
                spaced: false,
            };
        }
        self.run_decoded(start, end)
    }

    /// [`Splitter::run`] by characters.
    fn run_decoded(&self, start: usize, end: usize) -> Run {
        let text = self.text;
        let (mut j, mut dots, mut strong, mut full, mut spaced) = (start, 0, false, false, false);
        while j < end {
            // Decoded once, for the match and for the step.
            let at = char_at(text, j);
            match at {
                Some('.') => dots += 1,
                Some('…') => dots += 3,
                Some(c @ ('。' | '！' | '？')) => {
                    full = true;
                    j += c.len_utf8();
                    continue;
                }
                Some(c) if is_terminal(c) => strong = true,
                // A spaced ellipsis: ". . ."
                // (On the bytes: both neighbours of the ASCII space are char boundaries.)
                Some(' ')
                    if j > 0
                        && text.as_bytes()[j - 1] == b'.'
                        && j + 1 < end
                        && text.as_bytes()[j + 1] == b'.' =>
                {
                    spaced = true;
                }
                _ => break,
            }
            j += at.map_or(1, char::len_utf8);
        }
        let term = if full {
            Term::Full
        } else if strong {
            Term::Strong
        } else if dots == 1 {
            Term::Period
        } else {
            Term::Ellipsis(dots)
        };
        let attached = char_before(text, start).is_some_and(|c| !c.is_whitespace());
        Run {
            start,
            end: j,
            term,
            attached,
            spaced,
        }
    }

    /// What [`Splitter::next`] skips after a run: closing marks and tags (to `k`, and whether
    /// a quote closed), then spaces, opening marks and tags (to `w`, with where the first of
    /// those started, whether there was a space, and whether a `(` opened).
    fn after_run(&self, run: &Run, end: usize) -> (usize, bool, usize, Option<usize>, bool, bool) {
        let text = self.text;
        let mut k = run.end;
        let mut quote_closed = false;
        while k < end {
            if let Some(c) = char_at(text, k).filter(|&c| is_closer(c)) {
                quote_closed |= !matches!(c, ')' | ']' | '}');
                k += c.len_utf8();
            } else if let Some(t) = self.tag_at(k).filter(|t| text[*t].starts_with("</")) {
                k = t.end;
            } else {
                break;
            }
        }
        let mut w = k;
        let (mut start, mut spaced, mut paren) = (None, false, false);
        while w < end {
            if let Some(t) = self.tag_at(w) {
                start.get_or_insert(w);
                w = t.end;
                continue;
            }
            let Some(c) = char_at(text, w) else { break };
            if c.is_whitespace() {
                spaced = true;
            } else if is_opener(c) {
                start.get_or_insert(w);
                paren |= c == '(';
            } else {
                break;
            }
            w += c.len_utf8();
        }
        (k, quote_closed, w, start, spaced, paren)
    }

    fn next(&self, run: &Run, end: usize) -> Next<'a> {
        let text = self.text;
        let bytes = text.as_bytes();
        let (k, quote_closed, w, start, spaced, paren) = if run.end + 1 < end
            && bytes[run.end] == b' '
            && bytes[run.end + 1].is_ascii_alphanumeric()
        {
            // Most stops are followed by a space and a word: what `after_run` finds, found
            // on two bytes (a space closes nothing, and neither it nor a letter or digit
            // opens anything or starts a tag).
            (run.end, false, run.end + 1, None, true, false)
        } else {
            self.after_run(run, end)
        };
        let rest = &text[w..end];
        // The first two characters: most are ASCII, taken from their bytes.
        let (first, second) = match rest.as_bytes() {
            &[a, b, ..] if a.is_ascii() && b.is_ascii() => {
                (Some(char::from(a)), Some(char::from(b)))
            }
            _ => {
                let mut chars = rest.chars();
                (chars.next(), chars.next())
            }
        };
        // The first UAX #29 word, without a clitic ("It's" -> "It"), as the lists spell words.
        // A word only when it starts with a letter: the first word starts with the first
        // character, so no segmentation is needed to find out that there is none.
        let word_len = if first.is_some_and(char::is_alphabetic) {
            let head = &rest[..floor_boundary(rest, 64)];
            // Most are ASCII letters and digits, with no apostrophe to cut at.
            crate::tokens::ascii_first_word(head)
                .unwrap_or_else(|| before_apostrophe(crate::tokens::first_word(head)).len())
        } else {
            0
        };
        Next {
            end: k,
            start: start.unwrap_or(w).min(w),
            first,
            second,
            word: &rest[..word_len],
            word_at: w,
            spaced,
            quote_closed,
            paren,
        }
    }

    /// `Some((sentence end, next sentence start))` when `run` ends a sentence.
    fn decide(&self, cur: usize, run: &Run, end: usize) -> Option<(usize, usize)> {
        let n = self.next(run, end);
        let c = n.first?;
        let upper = c.is_uppercase();
        match run.term {
            Term::Full => (!c.is_lowercase()).then_some((n.end, n.start)),
            Term::Strong if !n.spaced => {
                (self.glued_start(&n) && !self.in_address(run.start)).then_some((n.end, n.start))
            }
            // Lower case ("Yahoo! in"), dashes and commas continue the sentence.
            Term::Strong => {
                (!c.is_lowercase() && (c.is_alphanumeric() || !soft(c))).then_some((n.end, n.start))
            }
            Term::Period if !n.spaced => {
                let glued = self.glued_start(&n)
                    && n.end == run.end
                    && self.glued_word_ends(run.start)
                    && !self.in_address(run.start);
                glued.then_some((n.end, n.start))
            }
            Term::Period => self.after_period(cur, run, &n).then_some((n.end, n.start)),
            Term::Ellipsis(_) if !n.spaced => None,
            Term::Ellipsis(_)
                if char_before(self.text, run.start).is_some_and(|b| matches!(b, '[' | '('))
                    && n.end > run.end =>
            {
                // An elision mark "[...]" ends a sentence only before a capitalised word.
                (upper && !n.paren).then_some((n.end, n.start))
            }
            Term::Ellipsis(dots) if dots >= 4 && run.attached && run.spaced && upper => {
                // "compounds. . . . The": the period ends the sentence, the ellipsis opens the next.
                let next = run.start + 1;
                let lead = self.text[next..].len() - self.text[next..].trim_start().len();
                Some((next, next + lead))
            }
            Term::Ellipsis(dots) if dots >= 4 => upper.then_some((n.end, n.start)),
            Term::Ellipsis(_) => {
                let starter = run.attached && !run.spaced && is_starter(n.word) && n.word != "I";
                (upper && (n.quote_closed || starter)).then_some((n.end, n.start))
            }
        }
    }

    /// Whether a spaced period ends a sentence.
    fn after_period(&self, cur: usize, run: &Run, n: &Next) -> bool {
        let c = n.first.unwrap_or(' ');
        if c.is_lowercase() {
            return false;
        }
        let prev = self.prev(cur, run.start);
        if c.is_ascii_digit() {
            return prev == Prev::Word;
        }
        if c.is_uppercase() {
            // One character: the word starts with `c` (and is empty or longer otherwise).
            let initial = n.word.len() == c.len_utf8() && self.text[n.word_at..].len() > 1 && {
                self.text[n.word_at + n.word.len()..].starts_with('.')
            };
            return match prev {
                Prev::Word => true,
                Prev::Abbrev(AbbrevKind::Title) => false,
                Prev::Abbrev(AbbrevKind::Time) => {
                    is_starter(n.word)
                        || !is_time_follower(n.word)
                            && self.words_between(cur, run.start) > TIME_INTRO_WORDS
                }
                Prev::Abbrev(AbbrevKind::Plain) | Prev::Initial => is_starter(n.word) && !initial,
            };
        }
        if c.is_alphabetic() {
            // Uncased scripts.
            return prev == Prev::Word;
        }
        prev == Prev::Word && !soft(c)
    }

    /// The word before the period at `dot`, without tags or opening marks, classified.
    fn prev(&self, cur: usize, dot: usize) -> Prev {
        let text = self.text;
        let floor = cur.max(back(text, dot, MAX_PREV));
        let mut end = dot;
        while let Some(t) = self.tag_ending_at(end).filter(|t| t.start < end) {
            end = t.start;
        }
        let floor = floor.min(end);
        let mut start = word_start(text, floor, end);
        let mut word = &text[start..end];
        // A word that starts with an ASCII letter or digit (most) has no tag, mark or dash to
        // strip: none of them starts so.
        if !word
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphanumeric)
        {
            loop {
                if let Some(t) = self.tag_at(start).filter(|t| t.end <= end) {
                    word = &text[t.end..end];
                    start = t.end;
                } else if let Some(c) = word
                    .chars()
                    .next()
                    // A closing mark opens a quotation in some scraped text: ”Mr. Trump …
                    .filter(|&c| is_opener(c) || is_dash(c) || matches!(c, '”' | '’' | '»'))
                {
                    word = &word[c.len_utf8()..];
                    start += c.len_utf8();
                } else {
                    break;
                }
            }
        }
        if let Some(kind) = abbreviation(word) {
            return Prev::Abbrev(kind);
        }
        let mut chars = word.chars();
        if chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none() {
            return Prev::Initial;
        }
        if dotted(word) {
            return Prev::Abbrev(AbbrevKind::Plain);
        }
        Prev::Word
    }

    /// "world.Today": a capitalised word glued to a period (or ?/!) still starts a sentence.
    fn glued_start(&self, n: &Next) -> bool {
        n.first.is_some_and(char::is_uppercase) && n.second.is_some_and(char::is_lowercase)
    }

    /// The word glued before the period ends in two lower-case letters or a digit ("world.", "1,000.").
    fn glued_word_ends(&self, dot: usize) -> bool {
        let before = &self.text[back(self.text, dot, MAX_PREV)..dot];
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphanumeric())
            .last()
            .map_or(before.len(), |(i, _)| i);
        let word = &before[start..];
        let mut rev = word.chars().rev();
        match (rev.next(), rev.next()) {
            (Some(a), _) if a.is_ascii_digit() => true,
            (Some(a), Some(b)) => {
                a.is_lowercase() && b.is_lowercase() && abbreviation(word).is_none()
            }
            _ => false,
        }
    }

    /// Whether `pos` lies in an e-mail address or URL.
    fn in_address(&self, pos: usize) -> bool {
        let bytes = self.text.as_bytes();
        let lo = pos.saturating_sub(MAX_TOKEN);
        let hi = (pos + MAX_TOKEN).min(bytes.len());
        let back = bytes[lo..pos]
            .iter()
            .rev()
            .take_while(|b| !b.is_ascii_whitespace());
        let fwd = bytes[pos..hi]
            .iter()
            .take_while(|b| !b.is_ascii_whitespace());
        back.chain(fwd).any(|&b| b == b'@' || b == b'/')
    }

    /// Words from `from` to `to`, counting at most a few.
    fn words_between(&self, from: usize, to: usize) -> usize {
        if to - from > 200 {
            return usize::MAX;
        }
        self.text[from..to].split_whitespace().count()
    }

    /// `"…" Anonymous blogger, "Title"`: a closing quote followed by a short bare fragment that
    /// ends the paragraph keeps it, so the quote and its attribution stay one unit.
    fn attribution_tail(&self, at: usize, next: usize, end: usize) -> bool {
        let closed = char_before(self.text, at)
            .is_some_and(|c| is_closer(c) && !matches!(c, ')' | ']' | '}'));
        if !closed || end - next > MAX_TOKEN {
            return false;
        }
        let tail =
            self.text[next..end].trim_end_matches(|c: char| is_closer(c) || c.is_whitespace());
        !tail.ends_with(is_terminal) && tail.split_whitespace().nth(TAIL_WORDS).is_none()
    }

    /// Inside a quote that opened mid-sentence (`X said "A. B."`), periods do not split. A quote
    /// set off by a comma or colon (`X said, "A. B."`) or standing alone splits, unless it is an
    /// epigraph whose paragraph ends in a bare attribution (`"A. B." - Name`).
    fn in_embedded_quote(
        &self,
        cur: usize,
        dot: usize,
        at: usize,
        pairs: &[(usize, usize)],
        pair_i: &mut usize,
        para_end: usize,
    ) -> bool {
        while pairs.get(*pair_i).is_some_and(|p| p.1 < at) {
            *pair_i += 1;
        }
        let Some(&(open, close)) = pairs.get(*pair_i).filter(|p| p.0 < dot) else {
            return false;
        };
        if cur > open {
            return false;
        }
        let lead = &self.text[cur..open];
        if lead.trim_end().ends_with([',', ':']) {
            // `said, "... plied the detective"` continues the sentence; a capital starts a new one.
            let first = self.text[open..close].chars().find(|c| c.is_alphanumeric());
            return !first.is_some_and(char::is_uppercase);
        }
        let standalone = lead.len() <= MAX_PREV
            && lead
                .chars()
                .all(|c| c.is_whitespace() || is_opener(c) || is_dash(c) || is_bullet(c));
        if !standalone {
            return true;
        }
        let tail = self.text[close..para_end]
            .trim_start_matches(|c: char| is_closer(c) || c.is_whitespace())
            .trim_end_matches(|c: char| is_closer(c) || c.is_whitespace());
        !tail.is_empty() && !tail.ends_with(is_terminal)
    }
}

/// `word` up to its first `'` or `’` (`word.split(['\'', '’']).next()`, found on the bytes).
fn before_apostrophe(word: &str) -> &str {
    let bytes = word.as_bytes();
    let cut = bytes
        .iter()
        .enumerate()
        .position(|(i, &b)| b == b'\'' || b == 0xE2 && bytes[i + 1..].starts_with(&[0x80, 0x99]));
    &word[..cut.unwrap_or(word.len())]
}

/// Where the word ending at `end` starts: after the last whitespace in `text[floor..end]`, or
/// at `floor`. ASCII bytes are checked one by one; from the first other byte on, characters.
fn word_start(text: &str, floor: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut start = end;
    // Eight bytes at a time back to the last that stops the byte loop below (whitespace or
    // non-ASCII), so that loop reads one byte where it read the word.
    while start >= floor + 8 {
        let chunk: [u8; 8] = bytes[start - 8..start].try_into().expect("eight bytes");
        let stops = space_or_high(u64::from_le_bytes(chunk));
        if stops != 0 {
            start -= (stops.leading_zeros() / 8) as usize;
            break;
        }
        start -= 8;
    }
    while start > floor && bytes[start - 1] < 0x80 {
        if matches!(bytes[start - 1], b'\t'..=b'\r' | b' ') {
            return start;
        }
        start -= 1;
    }
    for (i, c) in text[floor..start].char_indices().rev() {
        if c.is_whitespace() {
            break;
        }
        start = floor + i;
    }
    start
}

/// The high bit of each byte of `word` that is ASCII whitespace (`\t`..`\r`, space) or not
/// ASCII.
#[inline]
fn space_or_high(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // Each byte below 0x80, so the sums carry into no neighbour (as in the tokenizer).
    let low = word & !HIGH;
    let in_range = |lo: u8, hi: u8| {
        low.wrapping_add(ONES * u64::from(0x80 - lo))
            & !low.wrapping_add(ONES * u64::from(0x7f - hi))
    };
    (in_range(b'\t', b'\r') | in_range(b' ', b' ') | word) & HIGH
}

/// Whether `s`, which starts with the byte 0xE2, starts with a terminal mark ([`is_terminal`]):
/// `…` (E2 80 A6), `‼` (E2 80 BC), `⁇` `⁈` `⁉` (E2 81 87..89).
#[inline]
fn is_e2_terminal(s: &[u8]) -> bool {
    matches!(s.get(1..3), Some([0x80, 0xA6 | 0xBC] | [0x81, 0x87..=0x89]))
}

/// The last char boundary at or before byte `i` (clamped to the text).
fn floor_boundary(text: &str, i: usize) -> usize {
    // The end of a short text: no boundary to look for.
    if i >= text.len() {
        return text.len();
    }
    (0..=i)
        .rev()
        .find(|&j| text.is_char_boundary(j))
        .unwrap_or(0)
}

/// The char boundary at most `n` bytes before `i`.
fn back(text: &str, i: usize, n: usize) -> usize {
    (i.saturating_sub(n)..=i)
        .find(|&j| text.is_char_boundary(j))
        .unwrap_or(i)
}

/// Punctuation that continues a sentence rather than opening one.
fn soft(c: char) -> bool {
    is_dash(c) || matches!(c, ',' | ';' | ':' | '.' | '%' | '/' | '&' | '<' | '>' | '=')
}

fn letters(input: &str) -> IResult<&str, &str> {
    take_while_m_n(1, 3, |c: char| c.is_alphabetic()).parse(input)
}

/// Dotted abbreviations without their final period: "U.S", "Ph.D", "a.m", "e.g".
fn dotted(word: &str) -> bool {
    // Most words have no dot: turned away before the parser runs.
    // A byte loop: words are short, and `contains` calls `memchr`.
    if !word.bytes().any(|b| b == b'.') {
        return false;
    }
    all_consuming(recognize((many1((letters, ch('.'))), letters)))
        .parse(word)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_starts_and_apostrophes_agree_with_char_loops() {
        for text in [
            "",
            "a",
            " a",
            "ab cd",
            "x\u{a0}Mr",
            "é\u{2009}Jr",
            "\tU.S",
            "a\u{3000}b’c",
            "don't",
            "’s",
            "x’",
            "‘a’",
            "a long\u{b}word without spaces",
            "\u{2009}abcdefghijklmnopq rstuvwxyzabcdefgh\u{e9}ijklmnop\tqrs",
        ] {
            for floor in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                for end in (floor..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                    let mut start = end;
                    for (i, c) in text[floor..end].char_indices().rev() {
                        if c.is_whitespace() {
                            break;
                        }
                        start = floor + i;
                    }
                    assert_eq!(
                        word_start(text, floor, end),
                        start,
                        "{text:?} {floor} {end}"
                    );
                }
            }
            assert_eq!(
                before_apostrophe(text),
                text.split(['\'', '’']).next().unwrap(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn space_or_high_flags_whitespace_and_non_ascii_bytes() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let word = u64::from(b) << (8 * at) | 0x6161_6161_6161_6161 & !(0xff << (8 * at));
                let flagged = b >= 0x80 || matches!(b, b'\t'..=b'\r' | b' ');
                let expected = if flagged { 0x80 << (8 * at) } else { 0 };
                assert_eq!(space_or_high(word), expected, "{b} {at}");
            }
        }
    }

    #[test]
    fn runs_read_on_bytes_agree_with_runs_decoded() {
        let text = "A. b.c a.. d. . . e.\u{2026} f.? g.\u{a0}h. <b>i.</b> j.\" k.\n l.";
        let splitter = Splitter::new(text, &[], Vec::new());
        for start in (0..text.len()).filter(|&i| matches!(text.as_bytes()[i], b'.' | b'?')) {
            for end in start + 1..=text.len() {
                if !text.is_char_boundary(end) {
                    continue;
                }
                let (a, b) = (splitter.run(start, end), splitter.run_decoded(start, end));
                assert_eq!(
                    (a.end, a.term, a.attached, a.spaced),
                    (b.end, b.term, b.attached, b.spaced),
                    "{start} {end}"
                );
            }
        }
    }

    #[test]
    fn wide_terminals_are_found_from_their_last_bytes() {
        let text = "a\u{2026} b\u{203c}c\u{2047}\u{2048}\u{2049} \u{e6}\u{fc}\u{c1}\u{a6}\u{bc} \u{2014}\u{2019}\u{2081}\u{2026}\u{3002}x\u{ff01}";
        let bytes = text.as_bytes();
        let mut expected: Vec<usize> = (0..bytes.len())
            .filter(|&i| bytes[i] == 0xE2 && is_e2_terminal(&bytes[i..]))
            .collect();
        expected.extend(
            text.char_indices()
                .filter(|&(i, c)| matches!(bytes[i], 0xE3 | 0xEF) && is_terminal(c))
                .map(|(i, _)| i),
        );
        expected.sort_unstable();
        assert_eq!(
            Splitter::new(text, &[], Vec::new()).wide_terminals,
            expected
        );
    }

    #[test]
    fn e2_terminals_are_the_terminal_marks_from_e2() {
        for c in '\u{2000}'..='\u{2fff}' {
            let mut buf = [0; 4];
            let s = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(is_e2_terminal(s), s[0] == 0xE2 && is_terminal(c), "{c:?}");
        }
    }

    #[test]
    fn dotted_shapes() {
        assert!(dotted("U.S"));
        assert!(dotted("Ph.D"));
        assert!(dotted("U.S.A"));
        assert!(!dotted("example.com"));
        assert!(!dotted("US"));
    }
}
