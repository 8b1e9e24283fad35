//! The buffers of an analysed text, kept per thread for the next text's: each was a fresh
//! allocation of a few kilobytes, which the system allocator spent hundreds of instructions to
//! find and to free (and the vectors grown from nothing were moved several times).

use super::Doc;
use crate::quotes::{self, Quotation};
use crate::segment::{self, Segmentation};
use std::cell::RefCell;
use std::ops::Range;

/// Most bytes a kept buffer may hold: a long text's are freed, not kept.
const SPARE_BYTES: usize = 1 << 16;

/// Empty vectors with room, for [`Doc::new`] to fill.
#[derive(Default)]
pub(super) struct Spare {
    pub(super) seg: Segmentation,
    pub(super) quotes: Vec<Quotation>,
    pub(super) token_sentence: Vec<u32>,
    pub(super) sentence_tokens: Vec<Range<usize>>,
    pub(super) paragraph_tokens: Vec<Range<usize>>,
    pub(super) token_quote: Vec<Option<u32>>,
    /// What the stages work in, which no [`Doc`] holds.
    pub(super) scratch: Scratch,
}

/// The buffers [`Doc::new`] only works in.
#[derive(Default)]
pub(super) struct Scratch {
    pub(super) segment: segment::Scratch,
    pub(super) quotes: quotes::Machine,
    /// The token range of each quotation.
    pub(super) quote_tokens: Vec<Range<usize>>,
}

thread_local! {
    static SPARE: RefCell<Spare> = RefCell::new(Spare::default());
}

impl Spare {
    /// The thread's spare buffers (empty ones the first time, or while a [`Doc`] of the
    /// thread holds them).
    pub(super) fn take() -> Spare {
        SPARE.with(|spare| std::mem::take(&mut *spare.borrow_mut()))
    }

    /// Keeps `scratch` for the next [`Spare::take`].
    pub(super) fn keep_scratch(scratch: Scratch) {
        SPARE.with(|spare| spare.borrow_mut().scratch = scratch);
    }
}

impl Drop for Doc<'_> {
    /// Hands the vectors that are small enough to the next text's [`Doc::new`].
    fn drop(&mut self) {
        SPARE.with(|spare| {
            let mut spare = spare.borrow_mut();
            keep(&mut spare.seg.paragraphs, &mut self.seg.paragraphs);
            keep(&mut spare.seg.sentences, &mut self.seg.sentences);
            keep(&mut spare.quotes, &mut self.quotes);
            keep(&mut spare.token_sentence, &mut self.token_sentence);
            keep(&mut spare.sentence_tokens, &mut self.sentence_tokens);
            keep(&mut spare.paragraph_tokens, &mut self.paragraph_tokens);
            keep(&mut spare.token_quote, &mut self.token_quote);
        });
    }
}

/// Moves `buffer` (emptied) to `kept` when it holds at most [`SPARE_BYTES`].
fn keep<T>(kept: &mut Vec<T>, buffer: &mut Vec<T>) {
    if buffer.capacity() * std::mem::size_of::<T>() <= SPARE_BYTES {
        buffer.clear();
        *kept = std::mem::take(buffer);
    }
}
