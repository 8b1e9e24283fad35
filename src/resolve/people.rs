//! Names in the article: capitalised runs that are people, where they occur, their gender and
//! roles; and the lookups from a mention to one of them.

use super::*;
use crate::lexicon::flags;
use std::cell::{Cell, OnceCell};
use std::collections::hash_map::Entry;
use std::ops::Range;

mod spare;
mod words;

use spare::{Spare, relabel};
use words::WordGroups;
pub(super) use words::{KeyIndex, WordKey};

#[derive(Debug, Clone)]
pub(super) struct Person<'t> {
    /// The fullest form seen, words joined by single spaces: mostly a slice of the text, so
    /// finding a name copies nothing.
    pub(super) name: Cow<'t, str>,
    /// Where the name's first word ends and its last word starts (the name's length and 0 for
    /// a one-word name), so the indexes by first and last word need no search for spaces.
    first_end: usize,
    last_start: usize,
    /// Words in the name.
    pub(super) words: usize,
    /// The gender a title marked ("Mr.", "spokeswoman"), or that of the mention that added the
    /// person while resolving; see [`People::gender`] for the rest.
    title_gender: Gender,
    /// The gender the pronouns after the name mark, counted on first use (see
    /// [`People::gender`]): most people's is never asked for.
    voted: Cell<Option<Gender>>,
    /// The gender of the first mention that named the person while no other was known.
    named_gender: Gender,
    /// Certainly a person (see the module docs); weak names count once referred to.
    pub(super) strong: bool,
    /// Titles and roles written before the name ("Mayor", "spokeswoman"), each as first
    /// written: looked up lower-cased (see [`role_is`]), with no lower-cased copy made of each.
    pub(super) roles: Vec<&'t str>,
    /// The gender the first name usually marks: a guess that the pronouns written after the
    /// name overrule (a census list knows "Lu" as a woman's name, not as Lu Kang's).
    pub(super) first_name_gender: Gender,
    /// The name as statements hold it, made for the first one: the others share it.
    shared: OnceCell<Name>,
}

impl<'t> Person<'t> {
    fn new(name: Cow<'t, str>, title_gender: Gender, strong: bool) -> Self {
        // Names are collapsed: no whitespace but single spaces between words.
        let bytes = name.as_bytes();
        let shape = Shape {
            first_end: memchr::memchr(b' ', bytes).unwrap_or(bytes.len()),
            last_start: memchr::memrchr(b' ', bytes).map_or(0, |k| k + 1),
            words: memchr::memchr_iter(b' ', bytes).count() + usize::from(!bytes.is_empty()),
        };
        Self::shaped(name, shape, title_gender, strong)
    }

    /// [`Person::new`] when the shape of the name is known.
    fn shaped(name: Cow<'t, str>, shape: Shape, title_gender: Gender, strong: bool) -> Self {
        let Shape {
            first_end,
            last_start,
            words,
        } = shape;
        Person {
            name,
            first_end,
            last_start,
            words,
            title_gender,
            voted: Cell::new(None),
            named_gender: Gender::Unknown,
            strong,
            roles: Vec::new(),
            first_name_gender: Gender::Unknown,
            shared: OnceCell::new(),
        }
    }

    /// The name for a statement (see [`Person::shared`]).
    pub(super) fn shared_name(&self) -> Name {
        self.shared.get_or_init(|| Name::from(&*self.name)).clone()
    }

    /// More than one word.
    fn multi_word(&self) -> bool {
        self.last_start > 0
    }

    fn first_word(&self) -> &str {
        &self.name[..self.first_end]
    }

    fn last_word(&self) -> &str {
        &self.name[self.last_start..]
    }
}

/// Where a name's first word ends and its last word starts, and its words.
#[derive(Debug, Clone, Copy)]
struct Shape {
    first_end: usize,
    last_start: usize,
    words: usize,
}

/// What [`People::nearest`] looks people up by.
#[derive(Debug, Clone, Copy)]
pub(super) enum Key {
    /// The last word of a multi-word name.
    Last,
    /// The first word of a multi-word name.
    First,
    /// A role written before the name.
    Role,
}

impl Key {
    /// The person's word of this kind (not for roles).
    fn word<'p>(self, person: &'p Person<'_>) -> &'p str {
        match self {
            Key::First => person.first_word(),
            _ => person.last_word(),
        }
    }
}

/// Lookups of a kind made by looking at each person, before its index is built. Looking costs
/// less than building up to here in news articles (16 built it for articles that then made few
/// more lookups); past it a long article still gets its index.
const DIRECT_LOOKUPS: u32 = 64;

/// An index built on demand (see [`People::by_last`]).
#[derive(Default)]
struct Lazy {
    index: OnceCell<KeyIndex>,
    lookups: Cell<u32>,
}

/// An occurrence of a person's name (full or partial) at a token.
#[derive(Debug, Clone, Copy)]
pub(super) struct Occurrence {
    pub(super) token: usize,
    pub(super) person: usize,
    /// The person was certainly one when the names were found: such an occurrence ends the
    /// evidence for the gender of the name before it (see [`People::gender`]).
    strong: bool,
}

pub(super) struct People<'t> {
    pub(super) people: Vec<Person<'t>>,
    /// In token order.
    pub(super) occurrences: Vec<Occurrence>,
    /// Index of each name in `people`.
    pub(super) by_name: HashMap<Cow<'t, str>, usize>,
    /// For each last word (first word, role) of the multi-word names (the names with that role),
    /// the indices into `occurrences` of their occurrences, in token order: the nearest one is a
    /// binary search away, where scanning every occurrence for each mention was quadratic.
    /// Built only after [`DIRECT_LOOKUPS`] lookups of its kind: before, each looks at the
    /// people one by one, which in most articles costs less than building the index.
    by_last: Lazy,
    by_first: Lazy,
    by_role: Lazy,
    /// The last and first words of the multi-word names found in the text, for the lookups
    /// made before an index is built.
    last_words: WordGroups,
    first_words: WordGroups,
    /// The occurrences of each person found in the text, grouped by person: those of person
    /// `p` are `grouped[starts[p]..starts[p + 1]]`. People added while resolving have none.
    grouped: Vec<usize>,
    starts: Vec<usize>,
    /// Per paragraph, whether it is a photo caption (0 not known yet, 1 no, 2 yes): decided
    /// on first use, for the few paragraphs a pronoun looks back over.
    captions: OnceCell<Vec<Cell<u8>>>,
}

impl<'t> People<'t> {
    /// The occurrences of person `p` (none for a person added while resolving).
    fn of_person(&self, p: usize) -> &[usize] {
        match (self.starts.get(p), self.starts.get(p + 1)) {
            (Some(&start), Some(&end)) => &self.grouped[start..end],
            _ => &[],
        }
    }

    /// The index of `key`, once it has been looked in [`DIRECT_LOOKUPS`] times (built then);
    /// `None` before, for a lookup that looks at each person.
    fn index(&self, key: Key) -> Option<&KeyIndex> {
        let lazy = match key {
            Key::Last => &self.by_last,
            Key::First => &self.by_first,
            Key::Role => &self.by_role,
        };
        if lazy.index.get().is_none() && lazy.lookups.get() < DIRECT_LOOKUPS {
            lazy.lookups.set(lazy.lookups.get() + 1);
            return None;
        }
        Some(lazy.index.get_or_init(|| match key {
            Key::Last | Key::First => {
                let words = self
                    .found()
                    .filter(|(_, person)| person.multi_word())
                    .map(|(p, person)| (key.word(person), p));
                KeyIndex::new(words, |p| self.of_person(p))
            }
            Key::Role => {
                let roles: Vec<(Cow<'_, str>, usize)> = self
                    .found()
                    .flat_map(|(p, person)| person.roles.iter().map(move |r| (lowercase(r), p)))
                    .collect();
                let roles = roles.iter().map(|(r, p)| (r.as_ref(), *p));
                KeyIndex::new(roles, |p| self.of_person(p))
            }
        }))
    }

    /// Calls `f` with each person found in the text listed under `key` as `word`, in order,
    /// and their occurrences. Plain loops: the chain of iterator adapters it replaced cost
    /// more than the few people it yields.
    fn each_listed(&self, key: Key, word: &str, mut f: impl FnMut(usize, &[usize])) {
        let mut visit = |p: usize| {
            let list = self.of_person(p);
            if !list.is_empty() {
                f(p, list);
            }
        };
        let words = match key {
            Key::First => &self.first_words,
            Key::Last => &self.last_words,
            Key::Role => {
                for (p, person) in self.people.iter().enumerate() {
                    if person.roles.iter().any(|r| role_is(r, word)) {
                        visit(p);
                    }
                }
                return;
            }
        };
        // Names by their first or last word: those in the word's group.
        let word = word.as_bytes();
        let wanted = WordKey::new(word);
        for &(other, p) in words.group(word) {
            if other == wanted && (wanted.exact() || key.word(&self.people[p]).as_bytes() == word) {
                visit(p);
            }
        }
    }

    /// The people found in the text with at least one occurrence, with their indices.
    fn found(&self) -> impl Iterator<Item = (usize, &Person<'t>)> {
        self.people
            .iter()
            .enumerate()
            .filter(|&(p, _)| !self.of_person(p).is_empty())
    }

    /// The latest occurrence listed under `key` as `word` at or before token `at` (before it
    /// when not `inclusive`), or else, when `or_after`, the first one after it.
    pub(super) fn nearest(
        &self,
        key: Key,
        word: &str,
        at: usize,
        inclusive: bool,
        or_after: bool,
    ) -> Option<Occurrence> {
        let limit = at + usize::from(inclusive);
        let k = if let Some(index) = self.index(key) {
            let list = index.get(word)?;
            let split = list.partition_point(|&k| self.occurrences[k].token < limit);
            match split {
                0 if or_after => *list.first()?,
                0 => return None,
                _ => list[split - 1],
            }
        } else {
            // Each person's latest before the limit, the latest of those; else each one's
            // first, the first of those: what the index's merged list gives.
            let (mut latest, mut first) = (None, None);
            self.each_listed(key, word, |_, list| {
                let split = list.partition_point(|&k| self.occurrences[k].token < limit);
                if split > 0 {
                    latest = latest.max(Some(list[split - 1]));
                }
                first = Some(first.map_or(list[0], |f: usize| f.min(list[0])));
            });
            match latest {
                Some(k) => k,
                None if or_after => first?,
                None => return None,
            }
        };
        Some(self.occurrences[k])
    }

    /// Person `p`'s gender: the one a title marks; else the one the pronouns after the name
    /// mark most often ("Darian Lonechild has proven herself"), or at a tie the first name's;
    /// else that of the first mention naming the person while none was known. Inlined: most
    /// calls find it known; the vote is counted once, out of line.
    #[inline]
    pub(super) fn gender(&self, doc: &Doc<'_>, p: usize) -> Gender {
        let person = &self.people[p];
        if person.title_gender != Gender::Unknown {
            return person.title_gender;
        }
        let voted = match person.voted.get() {
            Some(g) => g,
            None => {
                let g = self.vote(doc, p);
                person.voted.set(Some(g));
                g
            }
        };
        if voted != Gender::Unknown {
            voted
        } else {
            person.named_gender
        }
    }

    /// The gender the pronouns after person `p`'s occurrences mark, or at a tie the first
    /// name's.
    #[inline(never)]
    fn vote(&self, doc: &Doc<'_>, p: usize) -> Gender {
        let (mut male, mut female) = (0u32, 0u32);
        for &n in self.of_person(p) {
            let o = &self.occurrences[n];
            // Only within the name's sentence: "Darian Lonechild has proven herself."
            // Up to the next person certainly named: a place or a firm in between ("Mamadou Dia
            // was on a trip from Paris for STP Consultants when he …") is nobody "he" could be.
            let mut limit = (o.token + GENDER_EVIDENCE_TOKENS).min(doc.sentence_range(o.token).end);
            if let Some(next) = self.occurrences[n + 1..]
                .iter()
                .take_while(|x| x.token < limit)
                .find(|x| x.strong)
            {
                limit = next.token;
            }
            // Over a slice of the tokens: no bounds check per token.
            let found = doc
                .tokens
                .get(o.token + 1..limit)
                .unwrap_or_default()
                .iter()
                .filter(|t| t.flags & flags::GENDER_FORM != 0)
                .find_map(|t| t.info.and_then(|x| x.gender_form))
                .or_else(|| next_subject_pronoun(doc, o.token));
            match found {
                Some(Gender::Male) => male += 1,
                Some(Gender::Female) => female += 1,
                _ => {}
            }
        }
        match male.cmp(&female) {
            std::cmp::Ordering::Greater => Gender::Male,
            std::cmp::Ordering::Less => Gender::Female,
            std::cmp::Ordering::Equal => self.people[p].first_name_gender,
        }
    }

    /// A mention names person `p` with `gender`: the person's gender when no other is known
    /// (the first such mention's: [`People::gender`] reads it only then, so the votes need
    /// not be counted here).
    fn named(&mut self, p: usize, gender: Gender) {
        let person = &mut self.people[p];
        if person.named_gender == Gender::Unknown {
            person.named_gender = gender;
        }
    }

    /// The occurrence is in a photo caption (see [`is_caption`]), decided once a paragraph.
    #[inline]
    pub(super) fn in_caption(&self, doc: &Doc<'_>, o: &Occurrence) -> bool {
        let paragraph = doc.paragraph_of(o.token);
        let captions = self
            .captions
            .get_or_init(|| vec![Cell::new(0); doc.paragraph_tokens.len()]);
        let Some(known) = captions.get(paragraph) else {
            return false;
        };
        if known.get() == 0 {
            known.set(if is_caption(doc, paragraph) { 2 } else { 1 });
        }
        known.get() == 2
    }
}

/// The person a name mention refers to: the same name, or the fullest known name that ends (then
/// starts) with a one-word mention, nearest before it (or else the first after it).
pub(super) fn person_named<'t>(
    doc: &Doc<'t>,
    people: &mut People<'t>,
    m: &Mention,
) -> Option<usize> {
    let name = collapsed(&doc.text[m.name?]);
    let found = if name.contains(' ') {
        // "Al Hashish" → "Fouzia Al Hashish": the latest longer name before it that ends with it,
        // else the same name.
        longer_name_before(people, &name, m.first)
            .or_else(|| people.by_name.get(name.as_ref()).copied())
    } else {
        // A first name alone ("Justin said") stands for the full name, but a capitalised word
        // that opens some longer name need not: "Facebook" is not "Facebook Research".
        let first_name = doc.tokens[m.first]
            .info
            .is_some_and(|x| x.first_name.is_some());
        people
            .nearest(Key::Last, &name, m.first, true, true)
            .map(|o| o.person)
            .or_else(|| {
                // Or a titled person's first word, which is the surname in names written
                // surname first: "Vice-President Wang Qishan … Wang said".
                // A lone first name stands for someone named recently, not for a namesake
                // far back.
                let para = doc.paragraph_of(m.first);
                people
                    .nearest(Key::First, &name, m.first, true, true)
                    .filter(|o| {
                        doc.paragraph_of(o.token).abs_diff(para) <= MAX_ANTECEDENT_PARAGRAPHS
                    })
                    .map(|o| o.person)
                    .filter(|&p| first_name || !people.people[p].roles.is_empty())
            })
    };
    match found {
        Some(p) => {
            people.people[p].strong = true;
            people.named(p, m.gender);
            Some(p)
        }
        None if m.kind == SpeakerType::Person && name.contains(' ') => {
            people.by_name.insert(name.clone(), people.people.len());
            people.people.push(Person::new(name, m.gender, true));
            Some(people.people.len() - 1)
        }
        None => None,
    }
}

/// The person of the latest occurrence at or before token `at`, among the last
/// [`MAX_LOOKBACK_OCCURRENCES`] occurrences, whose name is longer than the multi-word `name`
/// and ends with it ("Fouzia Al Hashish" for "Al Hashish"). Such a name has the same last
/// word, so only the occurrences [`People::by_last`] lists under it are looked at, where
/// every occurrence was.
fn longer_name_before(people: &People, name: &str, at: usize) -> Option<usize> {
    let before = people.occurrences.partition_point(|o| o.token <= at);
    let window = before.saturating_sub(MAX_LOOKBACK_OCCURRENCES);
    let last = last_word(name);
    let Some(index) = people.index(Key::Last) else {
        // Each such person's latest occurrence in the window, the latest of those.
        let mut latest = None;
        people.each_listed(Key::Last, last, |p, list| {
            if ends_with_words(&people.people[p].name, name) {
                let end = list.partition_point(|&k| k < before);
                if let Some(k) = end.checked_sub(1).map(|e| list[e]).filter(|&k| k >= window) {
                    latest = latest.max(Some(k));
                }
            }
        });
        return latest.map(|k| people.occurrences[k].person);
    };
    let list = index.get(last)?;
    let end = list.partition_point(|&k| k < before);
    list[..end]
        .iter()
        .rev()
        .take_while(|&&k| k >= window)
        .map(|&k| people.occurrences[k].person)
        .find(|&p| ends_with_words(&people.people[p].name, name))
}

/// `full` is longer than `name` and ends with a space and `name`.
pub(super) fn ends_with_words(full: &str, name: &str) -> bool {
    full.len() > name.len()
        && full.ends_with(name)
        && full.as_bytes()[full.len() - name.len() - 1] == b' '
}

/// "the mayor", "the spokeswoman": the latest person before the mention written with that role.
pub(super) fn person_by_role(doc: &Doc<'_>, people: &People, m: &Mention) -> Option<usize> {
    if m.name.is_some() {
        return None;
    }
    let role = lowercase(doc.word(m.last));
    people
        .nearest(Key::Role, &role, m.first, false, false)
        .map(|o| o.person)
}

/// The name at `token` opens its sentence, after nothing but capitalised words and titles:
/// "Chinese Foreign Ministry spokesperson Lu Kang gave …".
pub(super) fn opens_sentence(doc: &Doc<'_>, token: usize) -> bool {
    let start = doc.sentence_range(token).start;
    // After an opening adverbial set off by a comma: "Down the street, Mike Fadden cheered."
    let adverbial = token > start + 1
        && token - start <= MAX_OPENING_ADVERBIAL
        && doc.is_punct(token - 1, &[","])
        && (start..token - 1).all(|k| {
            let t = &doc.tokens[k];
            // "Given his previously stated views,": a participle after an adverb describes.
            let described =
                k > start && doc.word(k - 1).ends_with("ly") && doc.word(k).ends_with("ed");
            t.kind == TokenKind::Word
                && (!t.verb() || described)
                && !t.info.is_some_and(|x| x.finite)
        });
    adverbial
        || (start..token).all(|k| {
            let t = &doc.tokens[k];
            let x = t.info;
            t.kind == TokenKind::Word
                && (t.upper && !x.is_some_and(|x| x.name_stop || x.clause_opener)
                    || x.is_some_and(|x| x.title.is_some() || x.role.is_some()))
                || doc.is_abbreviation_dot(k)
        })
}

/// Longest opening adverbial before a sentence's subject, in tokens with its comma.
const MAX_OPENING_ADVERBIAL: usize = 7;

/// Names in the text, and where they occur.
pub(super) fn find_people<'t>(doc: &Doc<'t>) -> People<'t> {
    // Sized for a name every four capitalised words, seldom outgrown.
    let spare = Spare::take();
    let mut people: Vec<Person<'t>> = relabel(spare.people);
    people.reserve(doc.capitalised.len() / 4);
    let mut runs = spare.runs;
    runs.reserve(doc.capitalised.len() / 4);
    // Room for a distinct name every eight capitalised words, about what news articles have
    // (most names have two words or more, and recur): a table for one every two cost more to
    // allocate and clear than the few that outgrow this one cost to rehash (every twelve did).
    let mut by_name: HashMap<Cow<'t, str>, usize> =
        HashMap::with_capacity_and_hasher(doc.capitalised.len() / 8, Default::default());
    // Names start at, and one-word occurrences are, capitalised words: most tokens are none,
    // so both scans below walk this list instead of every token.
    let capitalised = &doc.capitalised;
    // The end of the last name found: the next one starts at or after it.
    let mut i = 0;
    for &k in capitalised {
        if k < i {
            continue;
        }
        let Some(run) = name_run(doc, k) else {
            continue;
        };
        let text = &doc.text[doc.tokens_span(run.start, run.end - 1)];
        // Tokens hold no whitespace, so with nothing or one space between each two the text
        // is collapsed already (most names): the text as it is, with no copy.
        // The spaces between the tokens give the name's shape (the text's start is the first
        // token's).
        let (bytes, base) = (doc.text.as_bytes(), doc.tokens[run.start].span.start);
        let mut shape = Shape {
            first_end: text.len(),
            last_start: 0,
            words: 1,
        };
        let mut collapsed = true;
        for t in run.start + 1..run.end {
            let (end, start) = (doc.tokens[t - 1].span.end, doc.tokens[t].span.start);
            if start == end + 1 && bytes[end] == b' ' {
                shape.first_end = shape.first_end.min(end - base);
                shape.last_start = start - base;
                shape.words += 1;
            } else if start != end {
                collapsed = false;
            }
        }
        let name = if collapsed {
            Cow::Borrowed(strip_possessive(text))
        } else {
            let mut name = collapse(text);
            name.truncate(strip_possessive(&name).len());
            Cow::Owned(name)
        };
        // One hash of the name, whether it is new or not.
        let p = match by_name.entry(name) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                let name = e.key().clone();
                people.push(if collapsed {
                    // A one-word name may have lost its "'s".
                    shape.first_end = shape.first_end.min(name.len());
                    Person::shaped(name, shape, Gender::Unknown, false)
                } else {
                    Person::new(name, Gender::Unknown, false)
                });
                *e.insert(people.len() - 1)
            }
        };
        let person = &mut people[p];
        person.strong |= run.strong;
        if person.title_gender == Gender::Unknown {
            person.title_gender = run.title_gender;
        }
        if person.first_name_gender == Gender::Unknown {
            person.first_name_gender = run.first_name_gender;
        }
        if let Some(role) = run.role {
            add_role(&mut person.roles, doc.word(role));
        }
        if !in_credit(doc, run.start, run.end) {
            runs.push(Occurrence {
                token: run.start,
                person: p,
                strong: false,
            });
        }
        i = run.end;
    }
    // Later one-word occurrences: "Zakharova said" after "Maria Zakharova". Most capitalised
    // words are turned away by their first byte and length (see [`WordGroups::may_hold`]), and
    // the rest compared with the few last words of their group, the first equal one being
    // that of the first person with it; no hash computed.
    let last_words = WordGroups::new(&people, |person| person.last_word(), spare.last_words);
    let first_words = WordGroups::new(&people, |person| person.first_word(), spare.first_words);
    let bytes = doc.text.as_bytes();
    let lookup = |k: usize| -> Option<usize> {
        let span = doc.tokens[k].span;
        if !last_words.may_hold(bytes[span.start], span.end - span.start) {
            return None;
        }
        let word = strip_possessive_bytes(&bytes[span.start..span.end]);
        last_words
            .people_with(word, |p| people[p].last_word())
            .next()
    };
    let mut titled: Vec<(usize, &'t str)> = Vec::new();
    // The runs' occurrences and these merged in token order; at a token that has both, the
    // run's.
    let mut occurrences = spare.occurrences;
    occurrences.reserve(runs.len() * 2 + 8);
    let mut next_run = runs.iter().peekable();
    for &k in capitalised.iter().filter(|_| !last_words.is_empty()) {
        let Some(p) = lookup(k) else {
            continue;
        };
        if in_credit(doc, k, k + 1) {
            continue;
        }
        // "Mayor McCallum": the title is a role the person carries.
        if let Some(r) = k.checked_sub(1).filter(|&r| {
            doc.tokens[r]
                .info
                .is_some_and(|x| x.title.is_some() || x.role.is_some())
        }) {
            titled.push((p, doc.word(r)));
        }
        while let Some(o) = next_run.next_if(|o| o.token <= k) {
            occurrences.push(*o);
        }
        if occurrences.last().is_none_or(|o: &Occurrence| o.token != k) {
            occurrences.push(Occurrence {
                token: k,
                person: p,
                strong: false,
            });
        }
    }
    occurrences.extend(next_run);
    runs.clear();
    for (p, role) in titled {
        add_role(&mut people[p].roles, role);
    }
    for o in &mut occurrences {
        o.strong = people[o.person].strong;
    }
    // Each person's occurrences, grouped by person in one buffer (a counting sort), so each
    // person's keys are taken once, not once per occurrence.
    // Counted at each person's index, summed to where each one's run ends, and filled from
    // the end back: each count steps down to its person's start, and the last entry is the
    // total.
    let mut starts = spare.starts;
    starts.resize(people.len() + 1, 0);
    for o in &occurrences {
        starts[o.person] += 1;
    }
    for p in 1..starts.len() {
        starts[p] += starts[p - 1];
    }
    let mut grouped = spare.grouped;
    grouped.resize(occurrences.len(), 0);
    for (k, o) in occurrences.iter().enumerate().rev() {
        starts[o.person] -= 1;
        grouped[starts[o.person]] = k;
    }
    Spare::keep_runs(runs);
    People {
        people,
        occurrences,
        by_name,
        by_last: Lazy::default(),
        by_first: Lazy::default(),
        by_role: Lazy::default(),
        last_words,
        first_words,
        grouped,
        starts,
        captions: OnceCell::new(),
    }
}

/// Adds `word` to `roles` unless it is there in any case: a role written again ("President
/// Trump" ten times) is found without lower-casing either into a new string.
fn add_role<'t>(roles: &mut Vec<&'t str>, word: &'t str) {
    let known = roles.iter().any(|r| {
        if r.is_ascii() && word.is_ascii() {
            r.eq_ignore_ascii_case(word)
        } else {
            lowercase(r) == lowercase(word)
        }
    });
    if !known {
        roles.push(word);
    }
}

/// `role` lower-cased is `lower`: an ASCII role compared byte by byte, without a copy.
fn role_is(role: &str, lower: &str) -> bool {
    if role.is_ascii() {
        role.len() == lower.len()
            && role
                .bytes()
                .zip(lower.bytes())
                .all(|(r, l)| r.to_ascii_lowercase() == l)
    } else {
        lowercase(role) == lower
    }
}

/// Words of a photo credit, lower-cased.
pub(super) static CREDIT_WORDS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| {
        crate::lexicon::data_lines(include_str!("../data/credit_words.txt")).collect()
    });

/// Most tokens in a credit at the end of a caption.
pub(super) const MAX_CREDIT_TOKENS: usize = 16;

/// A photo caption: a paragraph that ends with a credit, in parentheses ("… at Windsor station.
/// ( THE CANADIAN PRESS FILE PHOTO )") or after the last sentence ("… on Carita beach.
/// RONALD/AFP/Getty Images"). The people it names are shown, not speaking, so it holds no
/// antecedent for a pronoun in the story around it.
pub(super) fn is_caption(doc: &Doc<'_>, paragraph: usize) -> bool {
    let Some(range) = doc.paragraph_tokens.get(paragraph) else {
        return false;
    };
    if range.is_empty() {
        return false;
    }
    let last = range.end - 1;
    let lo = range.start.max(last.saturating_sub(MAX_CREDIT_TOKENS));
    let credit_start = if doc.is_punct(last, &[")"]) {
        match (lo..last).rev().find(|&k| doc.is_punct(k, &["("])) {
            Some(open) => open,
            None => return false,
        }
    } else if doc.is_terminal(last) {
        return false;
    } else {
        // Unpunctuated: the credit is the words after the last sentence's end.
        (lo..last)
            .rev()
            .find(|&k| doc.is_terminal(k))
            .map_or(lo, |k| k + 1)
    };
    (credit_start..=last).any(|k| {
        doc.is_punct(k, &["/"])
            || doc.is_word(k) && crate::lexicon::lowercase_in(doc.word(k), &CREDIT_WORDS)
    })
}

/// A photo or byline credit: "(Luis Tato/AFP)", "Kirill Zharov / TASS". Its name is nobody
/// the article quotes, so it is no antecedent.
#[inline]
pub(super) fn in_credit(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    // A slash after the name, or a closing parenthesis (or slash) after it with an opening
    // one before: punctuation after it either way, which most names do not have.
    let Some(after) = doc.tokens.get(end).filter(|t| t.kind == TokenKind::Punct) else {
        return false;
    };
    match &doc.text.as_bytes()[after.span.start..after.span.end] {
        b"/" => true,
        b")" => start > 0 && doc.is_punct(start - 1, &["("]),
        _ => false,
    }
}

/// The gender of "he" or "she" opening the sentence after one that a name opens, in the same
/// paragraph: "Spokesman Lu Kang gave no details. But he said …".
pub(super) fn next_subject_pronoun(doc: &Doc<'_>, token: usize) -> Option<Gender> {
    if !opens_sentence(doc, token) {
        return None;
    }
    let next = doc.sentence_range(token).end;
    if next >= doc.tokens.len() || doc.paragraph_of(next) != doc.paragraph_of(token) {
        return None;
    }
    let k = if doc.tokens[next].info.is_some_and(|x| x.clause_opener) {
        next + 1
    } else {
        next
    };
    doc.tokens
        .get(k)
        .filter(|t| t.kind == TokenKind::Word)
        .and_then(|t| t.info)
        .and_then(|x| x.pronoun)
        .map(|(gender, _)| gender)
        .filter(|g| matches!(g, Gender::Male | Gender::Female))
}

/// A capitalised run that may be a person's name.
pub(super) struct NameRun {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The gender a title or role before it marks ("Mr.", "spokeswoman").
    pub(super) title_gender: Gender,
    pub(super) first_name_gender: Gender,
    /// A first name or a title marks it as a person's.
    pub(super) strong: bool,
    /// The title or role word right before it.
    pub(super) role: Option<usize>,
}

/// Tokens an appositive may take before its role noun: "Yuni, a resident of", "Roman, a
/// 42-year-old fisherman".
pub(super) const APPOSITIVE_ROLE_TOKENS: usize = 5;

/// A one-word name described as a person right after it: "Yuni, a resident of Lampung, …".
pub(super) fn described_as_person(doc: &Doc<'_>, end: usize) -> bool {
    if !doc.is_punct(end, &[","])
        || !doc.tokens.get(end + 1).is_some_and(|t| {
            t.kind == TokenKind::Word && !t.upper && t.info.is_some_and(|x| x.determiner)
        })
    {
        return false;
    }
    (end + 2..(end + 2 + APPOSITIVE_ROLE_TOKENS).min(doc.tokens.len()))
        .take_while(|&k| doc.tokens[k].kind != TokenKind::Punct || doc.is_punct(k, &["-"]))
        .any(|k| doc.tokens[k].info.is_some_and(|x| x.role.is_some()))
}

/// A capitalised possessive that would be a name word without its "'s": "Garnier's".
pub(super) fn is_possessive_name_word(doc: &Doc<'_>, k: usize) -> bool {
    let t = &doc.tokens[k];
    // The kind and case first: most tokens after a capitalised word fail them, and need no
    // look at their text.
    if t.kind != TokenKind::Word || !t.upper {
        return false;
    }
    let w = &doc.text[t.span];
    let stem = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s"));
    stem.is_some_and(|s| !s.is_empty())
        && !crate::lexicon::lexicon()
            .get(stem.unwrap_or_default())
            .is_some_and(|x| x.name_stop || x.org || x.title.is_some() || x.role.is_some())
}

#[inline]
pub(super) fn is_name_word(doc: &Doc<'_>, k: usize) -> bool {
    // Callers look one past a mention, which may end the text.
    let Some(t) = doc.tokens.get(k) else {
        return false;
    };
    // Not `name_stop`, `org`, `determiner`, `title`, `role` or `clause_opener`; not possessive
    // (tested on the bytes: no char boundaries to check).
    t.kind == TokenKind::Word && t.upper && t.flags & flags::NOT_NAME == 0 && {
        let w = &doc.text.as_bytes()[t.span.start..t.span.end];
        strip_possessive_bytes(w).len() == w.len()
    }
}

/// "Vice-President": token `k` opens a hyphenated title, which is no part of a name ("Chinese
/// Vice-President Wang Qishan").
pub(super) fn hyphenated_title(doc: &Doc<'_>, k: usize) -> bool {
    doc.is_punct(k + 1, &["-"])
        && doc
            .tokens
            .get(k + 2)
            .is_some_and(|t| t.flags & flags::TITLE_OR_ROLE != 0)
}

/// A name starting at token `i`: two to four capitalised words ("Maria Zakharova",
/// "John F. Kennedy", "Kim Jong-un").
#[inline(always)]
pub(super) fn name_run(doc: &Doc<'_>, i: usize) -> Option<NameRun> {
    // Most capitalised words stand alone: when the token after one can neither continue a
    // name (a capitalised word, an initial's dot, a hyphen) nor set off a description of it (a
    // comma), there is no run, and the rest is not worth a call. Tested before the word's own
    // text is (by `is_name_word`).
    let next = doc.tokens.get(i + 1)?;
    // Before a comma, only a word described as a person is a name (one word: nothing
    // continues it past the comma), so the description is tested here: most capitalised
    // words before a comma are none ("In Ottawa, …").
    let may_continue = next.kind == TokenKind::Word && next.upper
        || next.abbreviation_dot
        || doc.is_punct(i + 1, &["-"])
        || doc.is_punct(i + 1, &[","]) && described_as_person(doc, i + 1);
    if !may_continue || !is_name_word(doc, i) {
        return None;
    }
    name_run_from(doc, i)
}

/// [`name_run`] past its first tests.
#[inline(never)]
fn name_run_from(doc: &Doc<'_>, i: usize) -> Option<NameRun> {
    if i > 0
        && is_name_word(doc, i - 1)
        && doc.tokens[i - 1].span.end + 1 >= doc.tokens[i].span.start
    {
        return None;
    }
    if hyphenated_title(doc, i) {
        return None;
    }
    let first_name = doc.tokens[i].info.and_then(|x| x.first_name);
    // A title or role right before: "Mr. Jonsson", "Mayor Doug McCallum", "spokeswoman Maria".
    let mut b = i;
    if b > 0 && doc.is_abbreviation_dot(b - 1) {
        b -= 1;
    }
    let role = (b > 0)
        .then(|| b - 1)
        .filter(|&r| doc.tokens[r].flags & flags::TITLE_OR_ROLE != 0);
    let title_gender = role
        .and_then(|r| doc.tokens[r].info)
        .and_then(|x| x.title.or(x.role));
    let mut end = i + 1;
    let mut words = 1;
    // A name never runs over a line break: "… across Canada¶¶Derek Horneland attended".
    while end < doc.tokens.len() && words < 4 && !doc.tokens[end].after_newline {
        // After a first name or a title, a month is a surname: "Theresa May", "Ms. May".
        let month_surname = (first_name.is_some() || title_gender.is_some())
            && doc.tokens[end].upper
            && doc.tokens[end]
                .info
                .is_some_and(|x| x.name_stop && !x.determiner && x.pronoun.is_none())
            && doc.is_word(end)
            && doc.word(end).len() > 2;
        if hyphenated_title(doc, end) {
            break;
        } else if is_name_word(doc, end) || month_surname {
            words += 1;
            end += 1;
        } else if is_possessive_name_word(doc, end) {
            // "Christopher Garnier's benefits": the possessive word ends the name.
            words += 1;
            end += 1;
            break;
        } else if doc.is_abbreviation_dot(end)
            && end + 1 < doc.tokens.len()
            && is_name_word(doc, end + 1)
        {
            // An initial inside the name: "John F. Kennedy".
            end += 1;
        } else if doc.is_punct(end, &["-"])
            && end + 1 < doc.tokens.len()
            && doc.is_word(end + 1)
            && doc.tokens[end].span.start == doc.tokens[end - 1].span.end
            && (doc.tokens[end + 1].upper || words >= 2)
        {
            // "Kim Jong-un", "Jane Smith-Jones": the hyphenated part belongs to the name;
            // "Texas-based" is a modifier.
            end += 2;
        } else {
            break;
        }
    }
    // A single word is a name only when described as a person (tested first: most runs that
    // are turned away are single capitalised words).
    if words < 2 && !(end == i + 1 && described_as_person(doc, end)) {
        return None;
    }
    // Words of an organisation's name: "Federation of Sovereign Indigenous Nations".
    let org_after = end < doc.tokens.len()
        && doc.tokens[end].upper
        && doc.tokens[end].info.is_some_and(|x| x.org);
    let org_before = i >= 2
        && doc.is_word(i - 1)
        && doc.word_in(i - 1, &["of"])
        && doc.tokens[i - 2].info.is_some_and(|x| x.org);
    if org_after || org_before {
        return None;
    }
    // Written like a person, with an age: "Babatunji Farinloye, 50,".
    let aged = doc.is_punct(end, &[","])
        && doc
            .tokens
            .get(end + 1)
            .is_some_and(|t| t.kind == TokenKind::Number)
        && doc.is_punct(end + 2, &[",", ")"]);
    let strong = first_name.is_some() || title_gender.is_some() || aged || words == 1;
    Some(NameRun {
        start: i,
        end,
        title_gender: title_gender.unwrap_or(Gender::Unknown),
        first_name_gender: first_name.unwrap_or(Gender::Unknown),
        strong,
        role,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_are_names_before_a_slash_or_in_parentheses() {
        let doc = Doc::new(
            "(Luis Tato/AFP) Kirill Zharov / TASS (Photo: Jane Roe) (Jane Roe) Jane Roe) \
             said (Mr. X), he/she (/) ( / ).",
        );
        for start in 0..doc.tokens.len() {
            for end in start..=doc.tokens.len() + 1 {
                // As it was written: each punctuation mark looked up.
                let slash_after = doc.is_punct(end, &["/"]);
                let in_parentheses =
                    start > 0 && doc.is_punct(start - 1, &["("]) && doc.is_punct(end, &[")", "/"]);
                assert_eq!(in_credit(&doc, start, end), slash_after || in_parentheses);
            }
        }
    }

    #[test]
    fn roles_are_added_once_in_any_case() {
        let mut roles = Vec::new();
        for word in [
            "Mayor",
            "mayor",
            "MAYOR",
            "Président",
            "président",
            "Mr.",
            "mr.",
        ] {
            add_role(&mut roles, word);
        }
        assert_eq!(roles, ["Mayor", "Président", "Mr."]);
        for (role, lower, same) in [
            ("Mayor", "mayor", true),
            ("MAYOR", "mayor", true),
            ("Mayor", "Mayor", false),
            ("Mayor", "mayors", false),
            ("Président", "président", true),
            ("Président", "president", false),
        ] {
            assert_eq!(role_is(role, lower), same, "{role} {lower}");
        }
    }

    #[test]
    fn relabelling_keeps_the_allocation() {
        let text = String::from("Maria Zakharova");
        let mut people = Vec::with_capacity(8);
        people.push(Person::new(
            Cow::Borrowed(text.as_str()),
            Gender::Female,
            true,
        ));
        let (buffer, capacity) = (people.as_ptr() as usize, people.capacity());
        let relabelled: Vec<Person<'static>> = relabel(people);
        assert!(relabelled.is_empty());
        assert_eq!(relabelled.capacity(), capacity);
        assert_eq!(relabelled.as_ptr() as usize, buffer);
    }
}
