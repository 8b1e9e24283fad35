//! Spare text and line buffers per thread, handed back when a document is done with them and
//! taken for the next: each document's text (and JSONL line) was a fresh allocation of a few
//! kilobytes, and the system allocator spent thousands of instructions on each, sorting the
//! chunks freed since. With one job the reader and the worker are one thread; with several, a
//! worker reuses its texts, and the lines it frees are kept up to a bound.

use std::cell::RefCell;

/// Most bytes of spare buffers a thread keeps: a few articles' worth. Larger buffers are freed:
/// one huge document must not hold its memory for the rest of the run, and a megabyte per
/// thread (a batch of lines) raised the peak RSS of a 1 GB stream from 14.6 to 15.9 MiB, near
/// its 16 MiB bound.
const MOST: usize = 1 << 16;

thread_local! {
    static TEXT: RefCell<Option<String>> = const { RefCell::new(None) };
    static LINES: RefCell<(Vec<Vec<u8>>, usize)> = const { RefCell::new((Vec::new(), 0)) };
}

/// An empty string with room for `capacity` bytes.
pub fn string(capacity: usize) -> String {
    let mut s = TEXT
        .with(|spare| spare.borrow_mut().take())
        .unwrap_or_default();
    s.clear();
    s.reserve(capacity);
    s
}

/// A text no longer needed, kept for [`string`].
pub fn give_string(s: String) {
    if s.capacity() <= MOST {
        TEXT.with(|spare| *spare.borrow_mut() = Some(s));
    }
}

/// An empty buffer with room for `capacity` bytes.
pub fn bytes(capacity: usize) -> Vec<u8> {
    let spare = LINES.with(|spare| {
        let (lines, held) = &mut *spare.borrow_mut();
        let line = lines.pop()?;
        *held -= line.capacity();
        Some(line)
    });
    let mut line = spare.unwrap_or_default();
    line.reserve(capacity);
    line
}

/// A line no longer needed, kept for [`bytes`] while the thread holds little.
pub fn give_bytes(mut line: Vec<u8>) {
    LINES.with(|spare| {
        let (lines, held) = &mut *spare.borrow_mut();
        if *held + line.capacity() <= MOST {
            *held += line.capacity();
            line.clear();
            lines.push(line);
        }
    });
}
