//! Lookups of names by a word: the word groups of the first and last words, and the index
//! by key built for a long article.

use super::*;

/// The last (or first) words of the multi-word names, grouped by first byte (modulo 64) in a
/// counting sort, each group in order of person, with the [`WordKey`] of each: a word is
/// compared with the few of its group, without a loop over bytes, where each lookup looked at
/// every person.
#[derive(Debug)]
pub(super) struct WordGroups {
    /// Where each group starts in `keys`, and (last) where the last one ends.
    starts: [u32; 65],
    pub(super) keys: Vec<(WordKey, usize)>,
    /// Per group, bits for the lengths (modulo 64) of its words, with "'s" or "’s" after them
    /// too.
    shapes: [u64; 64],
}

impl WordGroups {
    /// The groups of `word` of each multi-word name, in `keys` (a spare buffer).
    pub(super) fn new<'p>(
        people: &'p [Person<'_>],
        word: impl Fn(&'p Person<'_>) -> &'p str,
        mut keys: Vec<(WordKey, usize)>,
    ) -> Self {
        let group = |w: &str| group_of(w.as_bytes());
        // Counted at each group's index, summed to where each one ends, and filled from the
        // end back, each count stepping down to its group's start; the last entry is the
        // total.
        let mut starts = [0u32; 65];
        let mut shapes = [0u64; 64];
        for person in people.iter().filter(|person| person.multi_word()) {
            let w = word(person);
            starts[group(w)] += 1;
            let len = w.len();
            shapes[group(w)] |= 1 << (len % 64) | 1 << ((len + 2) % 64) | 1 << ((len + 4) % 64);
        }
        for g in 1..65 {
            starts[g] += starts[g - 1];
        }
        keys.clear();
        keys.resize(starts[64] as usize, (WordKey::default(), 0));
        for (p, person) in people.iter().enumerate().rev() {
            if person.multi_word() {
                let w = word(person);
                starts[group(w)] -= 1;
                keys[starts[group(w)] as usize] = (WordKey::new(w.as_bytes()), p);
            }
        }
        WordGroups {
            starts,
            keys,
            shapes,
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Some word starts with `first` and has `len` bytes, or two or four fewer (a
    /// possessive's): most words are turned away here.
    #[inline]
    pub(super) fn may_hold(&self, first: u8, len: usize) -> bool {
        self.shapes[usize::from(first % 64)] & 1 << (len % 64) != 0
    }

    /// The words of the group `word` belongs in, with their people.
    pub(super) fn group(&self, word: &[u8]) -> &[(WordKey, usize)] {
        let g = group_of(word);
        &self.keys[self.starts[g] as usize..self.starts[g + 1] as usize]
    }

    /// The people whose word is `word`, in order; `word_of(p)` is person `p`'s, compared
    /// whole only for a word too long for its key.
    pub(super) fn people_with<'a, 'w>(
        &'a self,
        word: &'w [u8],
        word_of: impl Fn(usize) -> &'w str + 'a,
    ) -> impl Iterator<Item = usize> + 'a
    where
        'w: 'a,
    {
        let key = WordKey::new(word);
        let g = group_of(word);
        self.keys[self.starts[g] as usize..self.starts[g + 1] as usize]
            .iter()
            .filter(move |&&(other, p)| {
                other == key && (key.exact() || word_of(p).as_bytes() == word)
            })
            .map(|&(_, p)| p)
    }
}

/// The group of [`WordGroups`] a word belongs in.
fn group_of(word: &[u8]) -> usize {
    word.first().map_or(0, |&b| usize::from(b % 64))
}

/// A word's length and bytes in two words that hold them all when it has sixteen bytes or
/// fewer (overlapping, or the first, middle and last bytes of a short one): two such words
/// are equal when their keys are, compared without a loop over their bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(in crate::resolve) struct WordKey {
    len: usize,
    head: u64,
    tail: u64,
}

impl WordKey {
    pub(in crate::resolve) fn new(word: &[u8]) -> Self {
        let len = word.len();
        let (head, tail) = match len {
            0 => (0, 0),
            1..=3 => {
                let bytes = [word[0], word[len / 2], word[len - 1]];
                (
                    u64::from(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], 0])),
                    0,
                )
            }
            4..=7 => {
                let half = |at: usize| u32::from_le_bytes(word[at..at + 4].try_into().expect("4"));
                (u64::from(half(0)), u64::from(half(len - 4)))
            }
            _ => {
                let full = |at: usize| u64::from_le_bytes(word[at..at + 8].try_into().expect("8"));
                (full(0), full(len - 8))
            }
        };
        WordKey { len, head, tail }
    }

    /// Equal keys of this length are equal words (a longer word must be compared whole).
    pub(in crate::resolve) fn exact(&self) -> bool {
        self.len <= 16
    }
}

/// Indices into [`People::occurrences`] by key (a name's last or first word, a role), in
/// token order, built once per article: the keys in one buffer, the lists in another, where
/// a map of owned keys to vectors allocated twice per key.
#[derive(Debug, Default)]
pub(in crate::resolve) struct KeyIndex {
    keys: String,
    /// Sorted by the key's hash (then the key): each key's hash, its range in `keys` and its
    /// list's in `lists`. Sorting and searching compare hashes, where comparing the keys
    /// themselves was a `memcmp` call each time.
    entries: Vec<(u64, Range<usize>, Range<usize>)>,
    lists: Vec<usize>,
}

impl KeyIndex {
    /// The index of `pairs` (a key of a person), with `of_person(p)` the occurrences of person
    /// `p`, in token order. A key several people share lists all their occurrences.
    pub(in crate::resolve) fn new<'k, 'a>(
        pairs: impl Iterator<Item = (&'k str, usize)>,
        of_person: impl Fn(usize) -> &'a [usize],
    ) -> Self {
        // Sized for all the pairs at once (a filtered iterator would grow it step by step).
        let mut all = Vec::with_capacity(pairs.size_hint().1.unwrap_or(0));
        all.extend(pairs.map(|(k, p)| (key_hash(k), k, p)));
        let mut pairs: Vec<(u64, &str, usize)> = all;
        pairs.sort_unstable();
        let mut index = KeyIndex {
            keys: String::with_capacity(pairs.iter().map(|(_, k, _)| k.len()).sum()),
            entries: Vec::with_capacity(pairs.len()),
            lists: Vec::with_capacity(pairs.iter().map(|&(_, _, p)| of_person(p).len()).sum()),
        };
        for group in pairs.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
            let (hash, key) = (group[0].0, group[0].1);
            let range = index.keys.len()..index.keys.len() + key.len();
            index.keys.push_str(key);
            let list = index.lists.len();
            for &(_, _, p) in group {
                index.lists.extend_from_slice(of_person(p));
            }
            if group.len() > 1 {
                // One person's occurrences are in order already; several people's are merged.
                index.lists[list..].sort_unstable();
            }
            index.entries.push((hash, range, list..index.lists.len()));
        }
        index
    }

    /// The occurrences listed under `key`, in token order.
    pub(in crate::resolve) fn get(&self, key: &str) -> Option<&[usize]> {
        let hash = key_hash(key);
        let first = self.entries.partition_point(|e| e.0 < hash);
        self.entries[first..]
            .iter()
            .take_while(|e| e.0 == hash)
            .find(|e| &self.keys[e.1.clone()] == key)
            .map(|e| &self.lists[e.2.clone()])
    }
}

/// The hash [`KeyIndex`] orders its keys by.
fn key_hash(key: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(key.as_bytes());
    hasher.finish()
}
