//! The buffers of an article's names, kept per thread for the next article.

use super::*;

/// The buffers of an article's [`People`], kept per thread for the next article's: most were
/// a few kilobytes, which the allocator spent hundreds of instructions to find and to free
/// each.
#[derive(Default)]
pub(super) struct Spare {
    /// Empty; its lifetime is relabelled by [`relabel`].
    pub(super) people: Vec<Person<'static>>,
    pub(super) runs: Vec<Occurrence>,
    pub(super) occurrences: Vec<Occurrence>,
    pub(super) last_words: Vec<(WordKey, usize)>,
    pub(super) first_words: Vec<(WordKey, usize)>,
    pub(super) grouped: Vec<usize>,
    pub(super) starts: Vec<usize>,
}

thread_local! {
    static SPARE: std::cell::RefCell<Spare> = std::cell::RefCell::new(Spare::default());
}

/// Most bytes a spare buffer may hold: a long article's are freed, not kept.
const SPARE_BYTES: usize = 1 << 14;

impl Spare {
    /// The thread's spare buffers (empty ones the first time).
    pub(super) fn take() -> Spare {
        SPARE.with(|spare| std::mem::take(&mut *spare.borrow_mut()))
    }

    /// Keeps what is small enough of `spare` (emptied) for the next [`Spare::take`].
    fn keep(spare: impl FnOnce(&mut Spare)) {
        SPARE.with(|kept| spare(&mut kept.borrow_mut()));
    }

    pub(super) fn keep_runs(mut runs: Vec<Occurrence>) {
        if small(&runs) {
            runs.clear();
            Spare::keep(|spare| spare.runs = runs);
        }
    }
}

/// The buffer holds at most [`SPARE_BYTES`].
fn small<T>(buffer: &Vec<T>) -> bool {
    buffer.capacity() * std::mem::size_of::<T>() <= SPARE_BYTES
}

/// Emptied, `people` with another lifetime, in the same allocation: collecting a vector's
/// own iterator into a vector of the same layout reuses its buffer (and an empty one has no
/// element for the closure to see).
pub(super) fn relabel<'a, 'b>(mut people: Vec<Person<'a>>) -> Vec<Person<'b>> {
    people.clear();
    people
        .into_iter()
        .map(|_| unreachable!("the vector is empty"))
        .collect()
}

impl People<'_> {
    /// Hands the buffers that are small enough to the next article's [`find_people`] (taken
    /// by reference: the whole value is large to move).
    pub(in crate::resolve) fn recycle(&mut self) {
        let people = std::mem::take(&mut self.people);
        let mut occurrences = std::mem::take(&mut self.occurrences);
        let last_words = std::mem::take(&mut self.last_words.keys);
        let first_words = std::mem::take(&mut self.first_words.keys);
        let mut grouped = std::mem::take(&mut self.grouped);
        let mut starts = std::mem::take(&mut self.starts);
        Spare::keep(|spare| {
            if small(&people) {
                spare.people = relabel(people);
            }
            if small(&occurrences) {
                occurrences.clear();
                spare.occurrences = occurrences;
            }
            for (kept, mut keys) in [
                (&mut spare.last_words, last_words),
                (&mut spare.first_words, first_words),
            ] {
                if small(&keys) {
                    keys.clear();
                    *kept = keys;
                }
            }
            if small(&grouped) {
                grouped.clear();
                spare.grouped = grouped;
            }
            if small(&starts) {
                starts.clear();
                spare.starts = starts;
            }
        });
    }
}
