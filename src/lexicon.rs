//! Word lists compiled in from `src/data/*.txt`, merged into one table so that a token costs one
//! lookup. The code holds rules; these files hold the words.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    /// "it": an organisation or thing.
    Neuter,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    Singular,
    Plural,
}

/// How a verb attributes content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbClass {
    /// Speech: attributes a quotation or a reported clause ("said that …").
    Speech,
    /// Manner of speaking: attributes only a quotation beside it ("“No,” she laughed").
    Manner,
    /// Belief or intention ("believes that …"): an attribution in the broad sense, not speech.
    Cognition,
    /// Documents, polls and courts ("a poll shows that …").
    Evidence,
    /// Stance toward a thing or act ("endorsed Clinton"): broad sense only; see
    /// [`WordInfo::stance`].
    Stance,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verb {
    pub lemma: &'static str,
    pub class: VerbClass,
    /// This form is the present participle ("adding that …").
    pub participle: bool,
    /// Reports a clause without "that" ("said the talks stalled").
    pub bare_clause: bool,
    /// This form is the base form ("say"), which is also the noun for many verbs ("a report").
    pub base: bool,
    /// This form is the third person singular ("says"), also a plural noun for many ("reports").
    pub third_person: bool,
    /// The particle a phrasal verb needs to be a cue ("out" in "points out").
    pub particle: Option<&'static str>,
}

/// Everything the lists say about one lower-cased word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordInfo {
    pub verb: Option<Verb>,
    /// A form of a phrasal speech verb ("points" of "point out"): a cue only before its
    /// particle, and no verb for the other rules.
    pub phrasal: Option<Verb>,
    /// A verb of stance ("endorsed", "opposes"): an attribution in the broad sense only, whose
    /// content is its object; no verb for the other rules.
    pub stance: Option<Verb>,
    /// Title before a name ("Sen.", "Mr."), with the gender it marks.
    pub title: Option<Gender>,
    /// Role noun ("spokeswoman"), with the gender it marks.
    pub role: Option<Gender>,
    pub pronoun: Option<(Gender, Number)>,
    /// Plural noun naming a group of speakers ("officials").
    pub group: bool,
    /// Word that marks an organisation ("Department", "ministry").
    pub org: bool,
    /// Adverb or auxiliary that may stand between speaker and cue.
    pub adverb: bool,
    /// Opens a clause, so it ends a speaker mention scanned leftwards.
    pub clause_opener: bool,
    /// Capitalised, but not part of a name ("The", "Thursday").
    pub name_stop: bool,
    /// Opens a noun phrase.
    pub determiner: bool,
    /// A document or data that reports findings, not speech ("study", "survey", "data").
    pub document: bool,
    /// A verb form that shows a clause has its own verb (modals, irregular pasts, common bases).
    pub finite: bool,
    /// Names a part or count of what follows "of" ("half", "majority", "one").
    pub partitive: bool,
    /// A first name, with the gender it usually marks.
    pub first_name: Option<Gender>,
    /// A pronoun form that marks gender ("him", "herself"): evidence of a named person's gender.
    pub gender_form: Option<Gender>,
}

/// Bits of [`WordInfo::flags`]: what scans over many tokens ask of an entry, kept in each
/// token ([`crate::tokens::Token::flags`]) so they read no entry. The entries are large and
/// spread over several hundred KiB, and most reads of them were cache misses.
pub mod flags {
    /// A verb form: `verb` or `phrasal` is set.
    pub const VERB: u8 = 1;
    /// No word of a person's name: `name_stop`, `org`, `determiner`, `title`, `role` or
    /// `clause_opener` is set.
    pub const NOT_NAME: u8 = 2;
    /// `title` or `role` is set.
    pub const TITLE_OR_ROLE: u8 = 4;
    /// `gender_form` is set.
    pub const GENDER_FORM: u8 = 8;
}

impl WordInfo {
    /// The entry's [`flags`].
    pub fn flags(&self) -> u8 {
        let bit = |set: bool, flag: u8| if set { flag } else { 0 };
        bit(self.verb.is_some() || self.phrasal.is_some(), flags::VERB)
            | bit(
                self.name_stop
                    || self.org
                    || self.determiner
                    || self.title.is_some()
                    || self.role.is_some()
                    || self.clause_opener,
                flags::NOT_NAME,
            )
            | bit(
                self.title.is_some() || self.role.is_some(),
                flags::TITLE_OR_ROLE,
            )
            | bit(self.gender_form.is_some(), flags::GENDER_FORM)
    }
}

/// Sets one flag of a word's entry.
type SetFlag = fn(&mut WordInfo);

pub struct Lexicon {
    /// Leaked: the lexicon is built once, into a static, and never dropped, so the short
    /// table refers to these entries rather than to copies of them.
    words: &'static HashMap<&'static str, WordInfo>,
    /// The entries whose key is ASCII of at most 16 bytes, keyed by [`packed`] form: most
    /// lookups hash and compare one integer instead of a string.
    short: ShortTable,
}

/// `LOW_BYTES[n]` has the low `n` bytes set: a table, because a variable shift of a `u128`
/// is a dozen instructions and this mask is made for most words of a text.
static LOW_BYTES: [u128; 17] = {
    let mut masks = [0; 17];
    let mut n = 1;
    while n <= 16 {
        masks[n] = u128::MAX >> (8 * (16 - n));
        n += 1;
    }
    masks
};

/// The hash of a packed key under `multiplier` (odd): its top bits are used.
#[inline]
fn mix(key: u128, multiplier: u64) -> u64 {
    ((key as u64) ^ ((key >> 64) as u64).rotate_left(29)).wrapping_mul(multiplier)
}

/// A perfect hash table (hash and displace) from packed keys to entries: a hash's top bits
/// pick a bucket, and the bucket's displacement, xor-ed into the hash bits below them, the one
/// slot where its key can be. A lookup is one multiply, two reads and one key compare, listed
/// word or not: no filter before it, no probing after it. The slot holds the key, a reference
/// to the entry and its [`WordInfo::flags`], so the tokenizer reads none of the (large,
/// cache-missing) entries for those.
struct ShortTable {
    /// The hash's multiplier, the first of [`multipliers`] that separates the keys.
    multiplier: u64,
    /// Per bucket. Fixed sizes: indices made of the hash's bits need no bounds checks.
    displacements: Box<[u16; BUCKETS]>,
    /// Key 0 marks an empty slot (no listed word is empty, so none packs to 0).
    slots: Box<[Slot; SHORT_SLOTS]>,
}

/// Bits of the hash that index [`ShortTable::slots`]: room for the lexicon's seven thousand
/// short words at most half full (checked as it is built), where displacements are quickly
/// found.
const SHORT_BITS: u32 = 14;
const SHORT_SLOTS: usize = 1 << SHORT_BITS;
/// Bits of the hash that pick a bucket: about two keys a bucket.
const BUCKET_BITS: u32 = 12;
const BUCKETS: usize = 1 << BUCKET_BITS;

#[derive(Clone, Copy, Default)]
struct Slot {
    /// The packed key as two words: no `u128` alignment padding.
    key: [u64; 2],
    /// The entry: a reference rather than an index into a vector, which a lookup would have
    /// to check against its length and scale.
    info: Option<&'static WordInfo>,
    /// The entry's [`WordInfo::flags`], so the tokenizer reads no entry for them.
    flags: u8,
}

/// The bucket of a hash: its top bits.
#[inline]
fn bucket(hash: u64) -> usize {
    (hash >> (64 - BUCKET_BITS)) as usize
}

/// The hash bits just below the bucket's, which the displacement moves: keys of one bucket
/// must differ in them.
#[inline]
fn slot_bits(hash: u64) -> usize {
    (hash >> (64 - BUCKET_BITS - SHORT_BITS)) as usize % SHORT_SLOTS
}

/// Odd multipliers to try, from the golden-ratio one on (splitmix64 steps): a multiplier fails
/// only when two keys of a bucket share their slot bits, and the next one mostly separates them.
fn multipliers() -> impl Iterator<Item = u64> {
    (0u64..64).map(|k| {
        let mut z = 0x9e37_79b9_7f4a_7c15u64.wrapping_mul(k + 1);
        if k > 0 {
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^= z >> 31;
        }
        z | 1
    })
}

impl ShortTable {
    fn new(entries: &[(u128, &'static WordInfo)]) -> ShortTable {
        assert!(
            2 * entries.len() <= SHORT_SLOTS,
            "the short table would be more than half full: raise SHORT_BITS"
        );
        multipliers()
            .find_map(|multiplier| ShortTable::with_multiplier(entries, multiplier))
            .expect("a multiplier that separates the short keys")
    }

    /// The table for `multiplier`, `None` when two keys of a bucket share their slot bits (or,
    /// never seen, no displacement places a bucket).
    fn with_multiplier(
        entries: &[(u128, &'static WordInfo)],
        multiplier: u64,
    ) -> Option<ShortTable> {
        let hashes: Vec<u64> = entries
            .iter()
            .map(|&(key, _)| {
                assert_ne!(key, 0, "an empty word in the lexicon");
                mix(key, multiplier)
            })
            .collect();
        // The entries by bucket (a counting sort): bucket `b` is `members[starts[b]..starts[b + 1]]`.
        let mut starts = vec![0usize; BUCKETS + 1];
        for &h in &hashes {
            starts[bucket(h) + 1] += 1;
        }
        for b in 0..BUCKETS {
            starts[b + 1] += starts[b];
        }
        let mut members = vec![0usize; entries.len()];
        let mut next = starts.clone();
        for (k, &h) in hashes.iter().enumerate() {
            members[next[bucket(h)]] = k;
            next[bucket(h)] += 1;
        }
        // The largest buckets placed first, while most slots are free.
        let largest = (0..BUCKETS).map(|b| starts[b + 1] - starts[b]).max()?;
        let mut by_size: Vec<Vec<usize>> = vec![Vec::new(); largest + 1];
        for b in 0..BUCKETS {
            by_size[starts[b + 1] - starts[b]].push(b);
        }
        let mut displacements = Box::new([0u16; BUCKETS]);
        let mut slots: Box<[Slot; SHORT_SLOTS]> = vec![Slot::default(); SHORT_SLOTS]
            .into_boxed_slice()
            .try_into()
            .unwrap_or_else(|_| unreachable!("SHORT_SLOTS slots"));
        let mut bits = Vec::with_capacity(largest);
        for &b in by_size[1..].iter().rev().flatten() {
            let bucket_members = &members[starts[b]..starts[b + 1]];
            bits.clear();
            bits.extend(bucket_members.iter().map(|&k| slot_bits(hashes[k])));
            // Keys of a bucket with the same slot bits would share a slot whatever the
            // displacement. (Buckets are small: pairs compared, not sorted.)
            if (1..bits.len()).any(|n| bits[..n].contains(&bits[n])) {
                return None;
            }
            let free = |d: usize| bits.iter().all(|&s| slots[s ^ d].key == [0, 0]);
            let d = (0..SHORT_SLOTS).find(|&d| free(d))?;
            displacements[b] = d as u16;
            for &k in bucket_members {
                let (key, info) = entries[k];
                slots[slot_bits(hashes[k]) ^ d] = Slot {
                    key: split(key),
                    info: Some(info),
                    flags: info.flags(),
                };
            }
        }
        Some(ShortTable {
            multiplier,
            displacements,
            slots,
        })
    }

    #[inline]
    fn get(&self, key: u128) -> Option<(&'static WordInfo, u8)> {
        let (info, flags) = self.entry(key);
        info.map(|info| (info, flags))
    }

    /// The entry of `key` and its flags, `(None, 0)` when it has none.
    #[inline]
    fn entry(&self, key: u128) -> (Option<&'static WordInfo>, u8) {
        let hash = mix(key, self.multiplier);
        let d = usize::from(self.displacements[bucket(hash)]);
        // Below `SHORT_SLOTS` already (as built): the `%` only spares a bounds check.
        let slot = &self.slots[(slot_bits(hash) ^ d) % SHORT_SLOTS];
        if slot.key == split(key) {
            (slot.info, slot.flags)
        } else {
            (None, 0)
        }
    }
}

#[inline]
fn split(key: u128) -> [u64; 2] {
    [key as u64, (key >> 64) as u64]
}

/// `word` (ASCII, at most 16 bytes, no NUL) as one integer, lower-cased when `lower`.
#[inline]
fn packed(word: &[u8], lower: bool) -> Option<u128> {
    let n = word.len();
    // Read with (overlapping) unaligned loads rather than through a stack buffer, whose
    // byte-wise stores would stall the wide load that follows.
    let (lo, hi) = if n > 16 {
        return None;
    } else if n >= 8 {
        let first = u64::from_le_bytes(word[..8].try_into().ok()?);
        let last = u64::from_le_bytes(word[n - 8..].try_into().ok()?);
        // `last` holds bytes n-8..n; bytes 8..n are its top n-8 bytes.
        (first, last.checked_shr(8 * (16 - n) as u32).unwrap_or(0))
    } else if n >= 4 {
        let first = u32::from_le_bytes(word[..4].try_into().ok()?) as u64;
        let last = u32::from_le_bytes(word[n - 4..].try_into().ok()?) as u64;
        (first | (last >> (8 * (8 - n))) << 32, 0)
    } else {
        let mut first = 0u64;
        for (i, &b) in word.iter().enumerate() {
            first |= u64::from(b) << (8 * i);
        }
        (first, 0)
    };
    let (lo, hi) = if lower {
        (ascii_lower(lo), ascii_lower(hi))
    } else {
        (lo, hi)
    };
    Some(u128::from(lo) | u128::from(hi) << 64)
}

/// Eight ASCII bytes lower-cased at once: `A`..=`Z` get bit 0x20.
#[inline]
fn ascii_lower(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // With every byte below 0x80, no sum carries into the next byte.
    let at_least_a = x.wrapping_add(ONES * (0x80 - b'A' as u64));
    let above_z = x.wrapping_add(ONES * (0x80 - b'Z' as u64 - 1));
    let upper = at_least_a & !above_z & (ONES * 0x80);
    x | (upper >> 2)
}

/// `word` lower-cased with `’` as `'` into `buf`, when it is ASCII but for `’`, has no NUL and
/// fits; the normalised length.
fn ascii_with_apostrophes(word: &str, buf: &mut [u8; 32]) -> Option<usize> {
    // On the bytes: ASCII ones are characters, and `’` is E2 80 99.
    let bytes = word.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < bytes.len() {
        let b = match bytes[i] {
            0 => return None,
            b if b < 0x80 => {
                i += 1;
                b.to_ascii_lowercase()
            }
            0xE2 if bytes[i + 1..].starts_with(&[0x80, 0x99]) => {
                i += 3;
                b'\''
            }
            _ => return None,
        };
        *buf.get_mut(n)? = b;
        n += 1;
    }
    Some(n)
}

/// `word` lower-cased (as `str::to_lowercase` does) is one of `list`, found without
/// allocating the lower-cased copy when `word` is ASCII.
pub(crate) fn lowercase_in(word: &str, list: &[&str]) -> bool {
    if !word.is_ascii() {
        return list.contains(&word.to_lowercase().as_str());
    }
    list.iter().any(|e| {
        e.len() == word.len()
            && e.bytes()
                .zip(word.bytes())
                .all(|(a, b)| a == b.to_ascii_lowercase())
    })
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

/// The compiled-in lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// The non-empty, non-comment lines of a data file in `src/data/`, trimmed.
///
/// Split on the bytes: `str::lines` looked for each line's end a character at a time, and the
/// lists (six thousand lines) are read at every start, which is most of the time of a short run.
/// The same lines as `data.lines().map(str::trim)`: a `\r` before the newline is trimmed anyway.
pub(crate) fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', data.as_bytes()).chain(std::iter::once(data.len()));
    ends.map(move |end| {
        let line = &data[start..end];
        start = end + 1;
        trim(line)
    })
    .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// `str::trim`, at once for a line that starts and ends with a visible ASCII character.
#[inline]
fn trim(line: &str) -> &str {
    match line.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => line,
        [only] if only.is_ascii_graphic() => line,
        _ => line.trim(),
    }
}

fn entries(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data_lines(data).map(|l| l.split_whitespace().collect())
}

/// The first two fields of each line of a data file: [`entries`] without a vector per line,
/// for the long lists (first names) whose lines are a word and a code.
fn word_codes(data: &'static str) -> impl Iterator<Item = (&'static str, Option<&'static str>)> {
    data_lines(data).map(|l| {
        if !l.is_ascii() {
            let mut fields = l.split_whitespace();
            // Trimmed and not empty, the line has a first field.
            return (fields.next().unwrap_or(l), fields.next());
        }
        // ASCII (as almost every line is): the fields are split at ASCII whitespace, as
        // `split_whitespace` splits them. The line is trimmed, so it starts with a field.
        let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
        let Some(gap) = l.bytes().position(|b| space(&b)) else {
            return (l, None);
        };
        let rest = &l[gap..];
        let code_start = rest.bytes().position(|b| !space(&b)).unwrap_or(rest.len());
        let rest = &rest[code_start..];
        let code_len = rest.bytes().position(|b| space(&b)).unwrap_or(rest.len());
        (&l[..gap], Some(&rest[..code_len]))
    })
}

fn gender(code: &str) -> Gender {
    match code {
        "m" => Gender::Male,
        "f" => Gender::Female,
        "n" => Gender::Neuter,
        _ => Gender::Unknown,
    }
}

impl Lexicon {
    fn build() -> Lexicon {
        // Room for every word the lists hold (about six thousand): the table is not rebuilt
        // as it grows, moving its large entries each time.
        let mut words: HashMap<&'static str, WordInfo> =
            HashMap::with_capacity_and_hasher(8192, Default::default());
        // A set: looked up for every form of every verb.
        let bare: rustc_hash::FxHashSet<&str> = entries(include_str!("data/bare_clause_verbs.txt"))
            .map(|e| e[0])
            .collect();
        let verb_files = [
            (include_str!("data/speech_verbs.txt"), VerbClass::Speech),
            (include_str!("data/manner_verbs.txt"), VerbClass::Manner),
            (
                include_str!("data/cognition_verbs.txt"),
                VerbClass::Cognition,
            ),
            (include_str!("data/evidence_verbs.txt"), VerbClass::Evidence),
        ];
        for (data, class) in verb_files {
            for forms in entries(data) {
                let lemma = forms[0];
                // Lines list: lemma, third person, past, participle (, past participle).
                let third_person = forms.get(1).copied();
                for &form in &forms {
                    let info = words.entry(form).or_default();
                    // The first file that lists a form decides its class (speech before belief).
                    if info.verb.is_none() {
                        let participle = form.ends_with("ing") && !lemma.ends_with("ing");
                        info.verb = Some(Verb {
                            lemma,
                            class,
                            participle,
                            bare_clause: bare.contains(lemma),
                            base: form == lemma,
                            third_person: Some(form) == third_person,
                            particle: None,
                        });
                    }
                }
            }
        }
        for forms in entries(include_str!("data/stance_verbs.txt")) {
            let (lemma, third_person) = (forms[0], forms.get(1).copied());
            for &form in &forms {
                words.entry(form).or_default().stance = Some(Verb {
                    lemma,
                    class: VerbClass::Stance,
                    participle: form.ends_with("ing") && !lemma.ends_with("ing"),
                    bare_clause: false,
                    base: form == lemma,
                    third_person: Some(form) == third_person,
                    particle: None,
                });
            }
        }
        for forms in entries(include_str!("data/phrasal_verbs.txt")) {
            // Lines list: verb, particle, then the forms.
            let (Some(&verb), Some(&particle)) = (forms.first(), forms.get(1)) else {
                continue;
            };
            let lemma: &'static str = Box::leak(format!("{verb} {particle}").into_boxed_str());
            for &form in &forms[2..] {
                words.entry(form).or_default().phrasal = Some(Verb {
                    lemma,
                    class: VerbClass::Speech,
                    participle: form.ends_with("ing"),
                    bare_clause: false,
                    base: form == verb,
                    third_person: false,
                    particle: Some(particle),
                });
            }
        }
        for (word, code) in word_codes(include_str!("data/titles.txt")) {
            words.entry(word).or_default().title = Some(gender(code.unwrap_or("-")));
        }
        for (word, code) in word_codes(include_str!("data/roles.txt")) {
            words.entry(word).or_default().role = Some(gender(code.unwrap_or("-")));
        }
        for (word, code) in word_codes(include_str!("data/first_names.txt")) {
            let code = code.expect("a gender code after the word");
            words.entry(word).or_default().first_name = Some(gender(code));
        }
        for (word, code) in word_codes(include_str!("data/pronoun_forms.txt")) {
            let code = code.expect("a gender code after the word");
            words.entry(word).or_default().gender_form = Some(gender(code));
        }
        for e in entries(include_str!("data/pronouns.txt")) {
            let number = if e.get(2) == Some(&"p") {
                Number::Plural
            } else {
                Number::Singular
            };
            words.entry(e[0]).or_default().pronoun = Some((gender(e[1]), number));
        }
        let flag_files: [(&'static str, SetFlag); 9] = [
            (include_str!("data/finite_verbs.txt"), |i| i.finite = true),
            (include_str!("data/document_nouns.txt"), |i| {
                i.document = true
            }),
            (include_str!("data/groups.txt"), |i| i.group = true),
            (include_str!("data/org_words.txt"), |i| i.org = true),
            (include_str!("data/adverbs.txt"), |i| i.adverb = true),
            (include_str!("data/clause_openers.txt"), |i| {
                i.clause_opener = true
            }),
            (include_str!("data/name_stopwords.txt"), |i| {
                i.name_stop = true
            }),
            (include_str!("data/determiners.txt"), |i| {
                i.determiner = true
            }),
            (include_str!("data/partitives.txt"), |i| i.partitive = true),
        ];
        for (data, set) in flag_files {
            for (word, _) in word_codes(data) {
                set(words.entry(word).or_default());
            }
        }
        let words: &'static HashMap<&'static str, WordInfo> = Box::leak(Box::new(words));
        // Sized at once: grown from empty, the vector was copied as it doubled.
        let mut short: Vec<(u128, &'static WordInfo)> = Vec::with_capacity(words.len());
        short.extend(
            words
                .iter()
                // ASCII without NUL, checked on the bytes at once.
                .filter(|(w, _)| w.bytes().all(|b| b != 0 && b < 0x80))
                .filter_map(|(w, info)| packed(w.as_bytes(), false).map(|k| (k, info))),
        );
        let short = ShortTable::new(&short);
        Lexicon { words, short }
    }

    /// What the lists say about `word`, compared case-insensitively; `None` for unlisted words.
    pub fn get(&self, word: &str) -> Option<&WordInfo> {
        if word.is_ascii() {
            return if word.contains('\0') {
                self.get_unpacked(word)
            } else {
                self.get_ascii(word)
            };
        }
        // "Russia’s" is looked up as "russia's", normalised in a stack buffer.
        let mut buf = [0u8; 32];
        if let Some(n) = ascii_with_apostrophes(word, &mut buf) {
            // Lower-cased, without NUL and ASCII already: packed as it is, with no second
            // pass to check it is UTF-8 or to lower-case it.
            let normalised = &buf[..n];
            return match packed(normalised, false) {
                Some(key) => self.get_packed_flags(key).map(|(info, _)| info),
                None => self.get_unpacked(std::str::from_utf8(normalised).ok()?),
            };
        }
        let normalised = word.to_lowercase().replace('’', "'");
        self.words.get(normalised.as_str())
    }

    /// [`Lexicon::get`] for an ASCII word without NUL bytes.
    #[inline]
    pub fn get_ascii(&self, word: &str) -> Option<&WordInfo> {
        self.get_ascii_flags(word).map(|(info, _)| info)
    }

    /// [`Lexicon::get_ascii`], and the entry's [`WordInfo::flags`], known without reading the
    /// entry.
    #[inline]
    pub fn get_ascii_flags(&self, word: &str) -> Option<(&WordInfo, u8)> {
        debug_assert!(word.is_ascii() && !word.contains('\0'));
        let Some(key) = packed(word.as_bytes(), true) else {
            return self.get_unpacked(word).map(|x| (x, x.flags()));
        };
        self.short.get(key)
    }

    /// [`Lexicon::get_ascii_flags`] for a word of one to sixteen ASCII bytes without NUL given
    /// by its key: its bytes lower-cased, little-endian, the rest zero (as [`packed`] makes it).
    #[inline]
    pub fn get_packed_flags(&self, key: u128) -> Option<(&'static WordInfo, u8)> {
        let (info, flags) = self.get_packed_entry(key);
        info.map(|info| (info, flags))
    }

    /// [`Lexicon::get_packed_flags`] as a token holds it: `(None, 0)` for an unlisted word.
    #[inline]
    pub fn get_packed_entry(&self, key: u128) -> (Option<&'static WordInfo>, u8) {
        self.short.entry(key)
    }

    /// [`Lexicon::get_ascii_flags`] for the word `text[start..end]` of ASCII letters and digits
    /// only. Where sixteen bytes can be read from `start`, the key is one load, masked to the
    /// word's length and lower-cased by setting 0x20 in each of its bytes (which leaves digits
    /// as they are): no branch on the length, which varies from word to word and so was
    /// mispredicted.
    #[inline]
    pub fn get_alnum_flags(&self, text: &str, start: usize, end: usize) -> Option<(&WordInfo, u8)> {
        // The length without slicing the word: a slice's bounds checks cost more than the
        // checks of the wide load below, which cover it.
        debug_assert!(
            text.as_bytes()[start..end]
                .iter()
                .all(u8::is_ascii_alphanumeric)
        );
        let (n, Some(wide)) = (end - start, text.as_bytes().get(start..start + 16)) else {
            return self.get_ascii_flags(&text[start..end]);
        };
        if n > 16 {
            return self.get_ascii_flags(&text[start..end]);
        }
        let mask = LOW_BYTES[n];
        let raw = u128::from_le_bytes(wide.try_into().expect("sixteen bytes"));
        let key = (raw | u128::from_le_bytes([0x20; 16])) & mask;
        self.short.get(key)
    }

    /// [`Lexicon::get`] for an ASCII word, through the string-keyed table.
    fn get_unpacked(&self, word: &str) -> Option<&WordInfo> {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.words.get(word);
        }
        // Lower-case into a stack buffer: no allocation per token.
        let mut buf = [0u8; 32];
        if word.len() <= buf.len() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            return std::str::from_utf8(lower)
                .ok()
                .and_then(|w| self.words.get(w));
        }
        self.words.get(word.to_ascii_lowercase().as_str())
    }

    /// Every listed word in `class`, for tests and documentation.
    pub fn verbs(&self, class: VerbClass) -> impl Iterator<Item = (&'static str, Verb)> + '_ {
        self.words
            .iter()
            .filter_map(move |(w, i)| i.verb.filter(|v| v.class == class).map(|v| (*w, v)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_have_lemmas_and_classes() {
        let lex = lexicon();
        let said = lex.get("said").unwrap().verb.unwrap();
        assert_eq!((said.lemma, said.class), ("say", VerbClass::Speech));
        assert!(lex.get("adding").unwrap().verb.unwrap().participle);
        assert_eq!(
            lex.get("Believes").unwrap().verb.unwrap().class,
            VerbClass::Cognition
        );
        assert_eq!(
            lex.get("laughed").unwrap().verb.unwrap().class,
            VerbClass::Manner
        );
    }

    #[test]
    fn enough_speech_lemmas() {
        let lex = lexicon();
        let mut lemmas: Vec<_> = lex
            .verbs(VerbClass::Speech)
            .chain(lex.verbs(VerbClass::Manner))
            .map(|(_, v)| v.lemma)
            .collect();
        lemmas.sort_unstable();
        lemmas.dedup();
        assert!(lemmas.len() >= 150, "{} lemmas", lemmas.len());
    }

    #[test]
    fn titles_roles_pronouns() {
        let lex = lexicon();
        assert_eq!(lex.get("Mrs").unwrap().title, Some(Gender::Female));
        assert_eq!(lex.get("spokeswoman").unwrap().role, Some(Gender::Female));
        assert_eq!(
            lex.get("She").unwrap().pronoun,
            Some((Gender::Female, Number::Singular))
        );
        assert!(lex.get("officials").unwrap().group);
        assert!(lex.get("Department").unwrap().org);
        assert!(lex.get("zzyzx").is_none());
    }

    #[test]
    fn the_short_table_finds_every_listed_word_and_no_other() {
        let lex = lexicon();
        for (word, info) in lex.words {
            if word.is_ascii() && !word.contains('\0') && word.len() <= 16 {
                assert_eq!(lex.get_ascii(word), Some(info), "{word}");
                let key = packed(word.as_bytes(), false).unwrap();
                assert_eq!(lex.short.get(key), Some((info, info.flags())), "{word}");
            }
        }
        for word in ["zzyzx", "Zakharovaa", "q", "saidx", "0123456789abcdef"] {
            assert_eq!(lex.get_ascii(word), None, "{word}");
        }
    }

    #[test]
    fn the_perfect_hash_finds_every_key_and_no_other() {
        // More keys than the lexicon has, of the shapes it has: short and long, shared prefixes.
        let info: &'static WordInfo = Box::leak(Box::new(WordInfo::default()));
        let words: Vec<String> = (0..8000)
            .map(|n| match n % 3 {
                0 => format!("w{n}"),
                1 => format!("internation{n}"),
                _ => format!("{n}x"),
            })
            .collect();
        let entries: Vec<(u128, &'static WordInfo)> = words
            .iter()
            .map(|w| (packed(w.as_bytes(), false).unwrap(), info))
            .collect();
        let table = ShortTable::new(&entries);
        for (w, &(key, _)) in words.iter().zip(&entries) {
            assert!(
                table.get(key).is_some_and(|(i, _)| std::ptr::eq(i, info)),
                "{w}"
            );
        }
        for w in ["w8000", "internation8001", "8002x", "x", "internatio"] {
            assert_eq!(
                table.entry(packed(w.as_bytes(), false).unwrap()),
                (None, 0),
                "{w}"
            );
        }
    }

    #[test]
    fn alnum_lookups_agree_with_ascii_lookups() {
        let lex = lexicon();
        let text = "Said SAID said0 Zakharova spokeswoman 0123456789abcdefXYZ officials x \
                    International believes Sen Mrs 1 42 ab CD ministry";
        let mut start = 0;
        for word in text.split(' ') {
            let end = start + word.len();
            assert_eq!(
                lex.get_alnum_flags(text, start, end),
                lex.get_ascii_flags(word),
                "{word}"
            );
            start = end + 1;
        }
        for (word, _) in lex
            .words
            .iter()
            .filter(|(w, _)| w.bytes().all(|b| b.is_ascii_alphanumeric()))
        {
            let padded = format!("{}{word} and more than sixteen bytes", word.to_uppercase());
            let n = word.len();
            assert_eq!(
                lex.get_alnum_flags(&padded, n, 2 * n),
                lex.get_ascii_flags(word),
                "{word}"
            );
        }
    }

    #[test]
    fn apostrophes_normalised_on_the_bytes_as_on_the_chars() {
        let by_chars = |word: &str| {
            let mut out = Vec::new();
            for c in word.chars() {
                match c {
                    '’' => out.push(b'\''),
                    '\0' => return None,
                    c if c.is_ascii() => out.push((c as u8).to_ascii_lowercase()),
                    _ => return None,
                }
            }
            (out.len() <= 32).then_some(out)
        };
        for word in [
            "",
            "Russia’s",
            "don't",
            "Café",
            "a\0b",
            "’",
            "x’’y",
            "‘a’",
            "a\u{2018}",
            "\u{2019}s",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg",
            "é’",
        ] {
            let mut buf = [0u8; 32];
            let n = ascii_with_apostrophes(word, &mut buf);
            assert_eq!(n.map(|n| buf[..n].to_vec()), by_chars(word), "{word:?}");
        }
    }

    #[test]
    fn lowercase_in_agrees_with_to_lowercase() {
        let list = [
            "photo",
            "getty",
            "images",
            "afp",
            "\u{e9}t\u{e9}",
            "k",
            "Upper",
        ];
        for word in [
            "Photo",
            "PHOTO",
            "photo",
            "photos",
            "Getty",
            "Images",
            "AFP",
            "afp",
            "\u{c9}T\u{c9}",
            "\u{212a}",
            "K",
            "Upper",
            "upper",
            "",
            "x",
        ] {
            assert_eq!(
                lowercase_in(word, &list),
                list.contains(&word.to_lowercase().as_str()),
                "{word}"
            );
        }
    }

    #[test]
    fn low_byte_masks_keep_the_first_bytes() {
        for (n, &mask) in LOW_BYTES.iter().enumerate() {
            assert_eq!(mask.to_le_bytes().iter().filter(|&&b| b == 0xff).count(), n);
            assert_eq!(
                mask,
                u128::MAX.checked_shr(8 * (16 - n) as u32).unwrap_or(0)
            );
        }
    }

    #[test]
    fn packed_words_are_zero_padded_bytes_lower_cased() {
        for word in [
            "",
            "a",
            "ab",
            "abc",
            "Abcd",
            "aBcDe",
            "SAID",
            "Zakharova",
            "0123456789ABCDEF",
            "@[`{Z",
        ] {
            let mut buf = [0u8; 16];
            buf[..word.len()].copy_from_slice(word.as_bytes());
            assert_eq!(
                packed(word.as_bytes(), false),
                Some(u128::from_le_bytes(buf)),
                "{word}"
            );
            buf.make_ascii_lowercase();
            assert_eq!(
                packed(word.as_bytes(), true),
                Some(u128::from_le_bytes(buf)),
                "{word}"
            );
        }
        for n in 0..=16 {
            let word = &"AbCdEfGhIjKlMnOpQ"[..n];
            let mut buf = [0u8; 16];
            buf[..n].copy_from_slice(word.to_ascii_lowercase().as_bytes());
            assert_eq!(
                packed(word.as_bytes(), true),
                Some(u128::from_le_bytes(buf)),
                "{word}"
            );
        }
        assert_eq!(packed(b"0123456789abcdefg", true), None);
    }

    #[test]
    fn data_lines_and_word_codes_split_as_str_methods_do() {
        let tricky = "a b\n\n  # c\r\n\u{a0}x\u{a0}\n d\u{a0}e f \n\u{b}g\u{b}h\u{c}\t\n#\nz\r\n\r\nq\t\u{2003}r";
        for data in [
            tricky,
            "",
            "\n",
            "x",
            "x\n",
            include_str!("data/abbreviations.txt"),
            include_str!("data/adverbs.txt"),
            include_str!("data/bare_clause_verbs.txt"),
            include_str!("data/catenative_adjectives.txt"),
            include_str!("data/catenative_verbs.txt"),
            include_str!("data/clause_adjectives.txt"),
            include_str!("data/clause_openers.txt"),
            include_str!("data/cognition_verbs.txt"),
            include_str!("data/confidence.txt"),
            include_str!("data/confidence_broad.txt"),
            include_str!("data/credit_markers.txt"),
            include_str!("data/credit_words.txt"),
            include_str!("data/determiners.txt"),
            include_str!("data/document_nouns.txt"),
            include_str!("data/elisions.txt"),
            include_str!("data/evidence_verbs.txt"),
            include_str!("data/finite_verbs.txt"),
            include_str!("data/first_names.txt"),
            include_str!("data/groups.txt"),
            include_str!("data/honorifics.txt"),
            include_str!("data/line_continuations.txt"),
            include_str!("data/manner_verbs.txt"),
            include_str!("data/message_nouns.txt"),
            include_str!("data/name_stopwords.txt"),
            include_str!("data/no_object_verbs.txt"),
            include_str!("data/non_speaker_labels.txt"),
            include_str!("data/org_words.txt"),
            include_str!("data/partitives.txt"),
            include_str!("data/phrasal_stance.txt"),
            include_str!("data/phrasal_verbs.txt"),
            include_str!("data/pronoun_forms.txt"),
            include_str!("data/pronouns.txt"),
            include_str!("data/receiving_verbs.txt"),
            include_str!("data/roles.txt"),
            include_str!("data/self_depiction_verbs.txt"),
            include_str!("data/sentence_starters.txt"),
            include_str!("data/source_nouns.txt"),
            include_str!("data/speech_nouns.txt"),
            include_str!("data/speech_verbs.txt"),
            include_str!("data/stance_nouns.txt"),
            include_str!("data/stance_verbs.txt"),
            include_str!("data/time_followers.txt"),
            include_str!("data/titles.txt"),
            include_str!("data/to_object_verbs.txt"),
        ] {
            let expected: Vec<&str> = data
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect();
            assert_eq!(data_lines(data).collect::<Vec<_>>(), expected);
            let expected_codes: Vec<_> = expected
                .iter()
                .filter_map(|l| {
                    let mut fields = l.split_whitespace();
                    Some((fields.next()?, fields.next()))
                })
                .collect();
            assert_eq!(word_codes(data).collect::<Vec<_>>(), expected_codes);
        }
    }
}
