//! Pass 2: cues with the clause they govern (reported speech, with or without quoted parts).

use super::speaker::{is_adverb, skip_adverbs_back, skip_adverbs_forward, speaker_before};
use super::{Attribution, State};
use crate::cues::{Cue, cue_at};
use crate::doc::Doc;
use crate::lexicon::VerbClass;
use crate::mentions::{Mention, mention_after, mention_before};
use crate::span::Span;
use crate::statement::Kind;
use crate::tokens::TokenKind;
use std::sync::LazyLock;

/// Fewest words a reported clause has: "He said no." is not a statement worth reporting.
const MIN_CLAUSE_WORDS: usize = 3;
/// How far after the cue "that" may open the clause: "told reporters in Moscow on Friday that".
const MAX_THAT_DISTANCE: usize = 10;

/// Verbs whose first object is the hearer: "told reporters that".
const HEARER_VERBS: &[&str] = &[
    "tell", "inform", "assure", "reassure", "remind", "warn", "advise", "notify", "promise",
    "caution", "brief", "urge", "convince", "persuade",
];
/// Prepositions that open an adverbial between cue and clause: "said in a statement the …".
const ADVERBIAL_PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "during", "via", "through", "over", "after", "before", "from", "by", "to",
    "with",
];
/// Words right before a cue that make it passive or infinitive: "is said to", "declined to say".
const NOT_ASSERTED_BEFORE: &[&str] = &[
    "to", "is", "was", "are", "were", "be", "been", "being", "not", "never",
];

/// How many earlier statements a participle looks back over for its speaker's statement.
const MAX_NEARBY_STATEMENTS: usize = 256;

/// Participles that report what the subject of their sentence said.
const SAYING: &[&str] = &[
    "say",
    "add",
    "note",
    "tell",
    "claim",
    "insist",
    "argue",
    "warn",
    "explain",
    "write",
    "declare",
    "stress",
    "acknowledge",
    "admit",
    "suggest",
    "allege",
    "state",
    "announce",
    "assert",
    "concede",
    "complain",
    "contend",
    "maintain",
    "predict",
];

type Rule = fn(&Doc<'_>, &Cue, &State) -> Option<Attribution>;

pub(super) fn run(doc: &Doc<'_>, state: &mut State) {
    let rules: [Rule; 7] = [
        super::as_said::as_speaker_said,
        clause_then_according_to,
        according_to_then_clause,
        speaker_cue_clause,
        clause_then_speaker_cue,
        clause_then_cue_speaker,
        participle_clause,
    ];
    // Only the tokens a cue may start at can be one (`cue_at` is `None` elsewhere).
    for &i in &doc.cue_candidates {
        // The class first: it is the cheapest test, and `catenated` keeps the class and lemma.
        let cue = (!state.cue_used[i] && doc.token_quote[i].is_none())
            .then(|| cue_at(doc, i))
            .flatten()
            .filter(|c| {
                c.class == VerbClass::Speech
                    || c.lemma == "call"
                    || state.broad && matches!(c.class, VerbClass::Cognition | VerbClass::Evidence)
            })
            .map(|c| catenated(doc, &c).unwrap_or(c))
            // "Roe will argue that …": in the sense of speech, what a modal hedges is unsaid.
            .filter(|c| state.broad || !after_modal(doc, c.first));
        // "call" reports only what it calls something; the other rules are for verbs of saying.
        let found = |cue: &Cue| {
            if cue.lemma == "call" {
                speaker_calls_object_complement(doc, cue, state)
            } else {
                rules
                    .iter()
                    .find_map(|rule| rule(doc, cue, state))
                    .or_else(|| state.broad.then(|| cue_that_clause(doc, cue)).flatten())
            }
        };
        if let Some(cue) = cue
            && let Some(mut a) = found(&cue)
            // In the broad sense a cue inside content already read mostly belongs to it.
            && (!state.broad || state.split_nested(doc, &a))
        {
            let b = second_piece(doc, &cue, a.rule, a.mention)
                .filter(|&quote| quote != a.quote)
                .map(|quote| Attribution { quote, ..a.clone() });
            classify_content(doc, state, &mut a);
            state.push(doc, a);
            if let Some(mut b) = b {
                classify_content(doc, state, &mut b);
                state.push(doc, b);
            }
        }
    }
}

/// Mixed when the content holds a quotation (which is then taken), direct when it is one.
pub(super) fn classify_content(doc: &Doc<'_>, state: &mut State, a: &mut Attribution) {
    // Quotations are sorted and disjoint: only those from the first ending after the content's
    // start can overlap it (scanning them all was quadratic).
    let from = doc.quotes.partition_point(|q| q.span.end <= a.quote.start);
    for (qi, q) in doc
        .quotes
        .iter()
        .enumerate()
        .skip(from)
        .take_while(|(_, q)| q.span.start < a.quote.end)
    {
        if q.span.overlaps(a.quote) {
            state.quote_used[qi] = true;
            a.kind = if q.span == a.quote {
                Kind::Direct
            } else {
                Kind::Mixed
            };
        }
    }
}

pub(super) fn attribution(
    quote: Span,
    mention: Option<Mention>,
    cue: &Cue,
    confidence: f32,
    rule: &'static str,
) -> Attribution {
    Attribution {
        kind: Kind::Indirect,
        quote,
        mention,
        cue: Some(*cue),
        inherits: None,
        confidence,
        rule,
    }
}

pub(super) fn lower_word_is(doc: &Doc<'_>, i: usize, words: &[&str]) -> bool {
    doc.is_word(i) && !doc.tokens[i].upper && doc.word_in(i, words)
}

/// The cue is a participle after a form of "be": "is telling", "were saying".
pub(super) fn progressive(doc: &Doc<'_>, cue: &Cue) -> bool {
    if !cue.participle {
        return false;
    }
    // "is still weighing", "are gently urging"; a negated one asserts nothing ("isn't
    // guaranteeing that …").
    let mut k = cue.first;
    while k > 0 && doc.is_word(k - 1) && !doc.tokens[k - 1].upper && {
        let w = doc.word(k - 1);
        !BE_FORMS.contains(&w)
            && (w.ends_with("ly")
                || doc.tokens[k - 1]
                    .info
                    .is_some_and(|x| x.adverb && !x.finite))
    } {
        k -= 1;
    }
    k > 0 && (lower_word_is(doc, k - 1, BE_FORMS) || crate::mentions::contracted_be(doc, k - 1))
        || with_absolute(doc, cue.first, k)
}

/// Most tokens between "with" and the participle of an absolute construction.
const MAX_ABSOLUTE_SUBJECT_TOKENS: usize = 10;

/// The participle at token `participle` (after adverbs from `k`) follows "with" and its subject
/// after a clause: "…, with 30 percent of voters saying …", "…, with Roe calling Doe a fraud".
/// The subject holds the stance as in "30 percent of voters are saying".
fn with_absolute(doc: &Doc<'_>, participle: usize, k: usize) -> bool {
    if k == 0 || !doc.word(participle).ends_with("ing") {
        return false;
    }
    let lo = k.saturating_sub(MAX_ABSOLUTE_SUBJECT_TOKENS + 1);
    let Some(with) = (lo..k - 1)
        .rev()
        .find(|&j| lower_word_is(doc, j, &["with"]))
    else {
        return false;
    };
    // The construction follows a clause: "Tension flared, with …", "… went on with …"
    // rather than a noun it would modify ("a candidate with voters backing him").
    let after_clause = with > 0 && doc.is_punct(with - 1, &[",", "—", "–"]);
    after_clause
        && crate::mentions::mention_before(doc, k, with + 1).is_some_and(|m| m.last + 1 == k)
}

/// "isn't offering", "aren't saying": a progressive negated in one word.
pub(super) fn negated_progressive(doc: &Doc<'_>, cue: &Cue) -> bool {
    cue.participle
        && cue.first > 0
        && [
            "isn't",
            "aren't",
            "wasn't",
            "weren't",
            "isn’t",
            "aren’t",
            "wasn’t",
            "weren’t",
        ]
        .iter()
        .any(|w| doc.is_word(cue.first - 1) && doc.word(cue.first - 1).eq_ignore_ascii_case(w))
}

static CATENATIVE_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::lexicon::data_lines(include_str!("../data/catenative_verbs.txt")).collect()
});
static CATENATIVE_ADJECTIVES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::lexicon::data_lines(include_str!("../data/catenative_adjectives.txt")).collect()
});

/// The cue with the verb its infinitive hangs from, whose subject is the cue's: "continued to
/// insist that …", "is expected to endorse …", "went on to say …", "was quick to point out
/// that …". `None` when the cue is no such infinitive.
///
/// Example: Lewandowski continued to insist that he never touched her.
pub(super) fn catenated(doc: &Doc<'_>, cue: &Cue) -> Option<Cue> {
    let to = cue.first.checked_sub(1)?;
    if !lower_word_is(doc, to, &["to"]) || to == 0 {
        return None;
    }
    let mut k = to - 1;
    // "went on to say".
    if lower_word_is(doc, k, &["on"]) && k > 0 {
        k -= 1;
    }
    let first = if lower_word_is(doc, k, &CATENATIVE_VERBS) {
        k
    } else if lower_word_is(doc, k, &CATENATIVE_ADJECTIVES) {
        // "is expected", "are widely expected"; "was not expected" asserts nothing.
        let be = be_before(doc, k, 0)?;
        if (be + 1..k).any(|j| lower_word_is(doc, j, &["not", "never"])) {
            return None;
        }
        be
    } else {
        return None;
    };
    Some(Cue {
        first,
        span: Span::new(doc.tokens[first].span.start, cue.span.end),
        participle: false,
        ..*cue
    })
}

/// The form of "be" before token `k`, past adverbs ("is widely expected", "was not expected"),
/// within tokens `lo..`.
pub(super) fn be_before(doc: &Doc<'_>, k: usize, lo: usize) -> Option<usize> {
    let mut be = k;
    while be > lo && !lower_word_is(doc, be - 1, BE_FORMS) && is_adverb(doc, be - 1) {
        be -= 1;
    }
    let be = be.checked_sub(1).filter(|&b| b >= lo)?;
    (lower_word_is(doc, be, BE_FORMS) || crate::mentions::contracted_be(doc, be)).then_some(be)
}

/// Forms of "be" before a progressive participle.
pub(super) const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been"];

/// The cue is asserted: not passive ("is said to") nor an infinitive ("declined to say").
pub(super) fn asserted(doc: &Doc<'_>, cue: &Cue) -> bool {
    // The answer depends on these three only; the rules tried in turn ask it of one cue.
    let key = (cue.first, cue.last, cue.participle);
    if let Some((first, last, participle, answer)) = doc.last_asserted.get()
        && (first, last, participle) == key
    {
        return answer;
    }
    let answer = find_asserted(doc, cue);
    doc.last_asserted.set(Some((key.0, key.1, key.2, answer)));
    answer
}

/// [`asserted`], found.
fn find_asserted(doc: &Doc<'_>, cue: &Cue) -> bool {
    if progressive(doc, cue) {
        return !infinitive_after(doc, cue);
    }
    let passive_or_infinitive =
        cue.first > 0 && lower_word_is(doc, cue.first - 1, NOT_ASSERTED_BEFORE);
    !(passive_or_infinitive || infinitive_after(doc, cue))
}

/// "to" after the cue opens an infinitive ("declined to say", "is said to be"), not a hearer
/// ("wrote to the council that …", "said to reporters").
fn infinitive_after(doc: &Doc<'_>, cue: &Cue) -> bool {
    infinitive(doc, cue.last + 1)
}

/// "to" at token `to` opens an infinitive ("vowed to fight") rather than a noun phrase ("pointed
/// to the record", "said to reporters"): a lower-case word follows that opens no noun phrase and
/// names no hearer.
pub(super) fn infinitive(doc: &Doc<'_>, to: usize) -> bool {
    // "vowed to “take our fight” …": a quoted infinitive.
    let next = if to + 1 < doc.tokens.len() && doc.is_quote_mark(to + 1) {
        to + 2
    } else {
        to + 1
    };
    lower_word_is(doc, to, &["to"])
        && doc.tokens.get(next).is_some_and(|t| {
            let w = &doc.text[t.span];
            t.kind == TokenKind::Word
                && !t.upper
                && !t.info.is_some_and(|x| {
                    x.determiner || x.pronoun.is_some() || x.group || x.role.is_some()
                })
                && !super::object::reflexive(w)
                && !lower_word_is(doc, next, &["him", "her", "them", "me", "us"])
        })
}

/// Content from token `from` to the end of the sentence (exclusive token `end`), without the final
/// period; `None` when it is too short to be a statement.
pub(super) fn clause_to_end(doc: &Doc<'_>, from: usize, end: usize) -> Option<Span> {
    let next = next_report(doc, from, end);
    let end = next.unwrap_or(end);
    let mut last = end.checked_sub(1)?;
    // Nor the conjunction or dash that joined the next report: "… — and he noted …". At the
    // end of the sentence "yet" or "though" is an adverb: "money not spent yet".
    let joiners = if next.is_some() {
        REPORT_JOINERS
    } else {
        &["and", "but"][..]
    };
    while last > from
        && (doc.tokens[last].kind == TokenKind::Punct || lower_word_is(doc, last, joiners))
        && !doc.is_quote_mark(last)
    {
        last -= 1;
    }
    while last > from && doc.tokens[last].kind == TokenKind::Punct && doc.is_terminal(last) {
        last -= 1;
    }
    clause(doc, from, last)
}

/// Conjunctions that join a second report to the first: "…, though she noted …".
const REPORT_JOINERS: &[&str] = &[
    "and", "but", "while", "whereas", "though", "although", "yet",
];

/// Where a second report starts inside a clause: a subject and cue after a comma, dash,
/// semicolon or conjunction ("S said A — and he noted B"), or a participle of saying after a
/// comma ("S said A, adding B"): the first clause ends there.
fn next_report(doc: &Doc<'_>, from: usize, end: usize) -> Option<usize> {
    // Only the first few verbs of saying are read: a clause holds no more than a handful, and
    // reading every one in an unpunctuated run of them, for each, was quadratic.
    // Only the tokens a cue may start at: `cue_at` is `None` at every other.
    doc.cue_candidates_in(from + 2, end)
        .iter()
        .copied()
        // A report inside a quotation the clause opened is the quoted speaker's own: "that
        // “twice as many voters said …”" goes on.
        .filter(|&k| doc.token_quote[k].is_none() || doc.token_quote[k] == doc.token_quote[from])
        // "… and called him “a stiff”": what one calls something is a report too.
        .filter_map(|k| cue_at(doc, k))
        .take(MAX_CUES_IN_CLAUSE)
        .find_map(|cue| {
            let k = cue.first;
            // "…, though voters believe B": a subject with a verb of belief or stance.
            if cue.class != VerbClass::Speech && cue.lemma != "call" {
                if cue.participle || !asserted(doc, &cue) || after_modal(doc, cue.first) {
                    return None;
                }
                let m = speaker_before(doc, cue.first, from)?;
                let before = m.first.checked_sub(1)?;
                let joined = doc.is_punct(before, &[",", "—", "–", ";"])
                    || lower_word_is(doc, before, REPORT_JOINERS);
                return (joined && m.first > from + 1).then_some(m.first);
            }
            // "S said A, adding B": the participle reports B, in a statement of its own.
            if cue.participle {
                // The comma may stand inside a closing mark: … “a long way off,” noting …
                let comma = doc.is_punct(k - 1, &[","]) || comma_inside_mark(doc, k - 1);
                return (SAYING.contains(&cue.lemma) && comma).then_some(k);
            }
            // "… and his wife will also speak": a hedged verb goes on with the clause.
            if !asserted(doc, &cue) || after_modal(doc, cue.first) {
                return None;
            }
            // "S said A and said B", "…, but added B": a second verb of the same subject, when it
            // reports something itself ("… and added his own comment" does not).
            let before = skip_adverbs_back(doc, k, from);
            if before > from + 1
                && lower_word_is(doc, before - 1, &["and", "but"])
                && doc.token_quote[before - 1].is_none()
                && past_form(doc, k)
                && (cue.lemma == "call" || reports_something(doc, &cue, end))
            {
                return Some(before - 1);
            }
            // "an app called Research": "call" after its own subject mostly names something.
            if cue.lemma == "call" {
                return None;
            }
            let m = speaker_before(doc, cue.first, from)?;
            let before = m.first.checked_sub(1)?;
            let joined = doc.is_punct(before, &[",", "—", "–", ";", ":"])
                || comma_inside_mark(doc, before)
                || lower_word_is(doc, before, REPORT_JOINERS);
            (joined && m.first > from + 1).then_some(m.first)
        })
}

/// Token `k` is a closing quotation mark with a comma inside it: … “less advanced schools,”.
fn comma_inside_mark(doc: &Doc<'_>, k: usize) -> bool {
    doc.is_quotation_mark(k)
        && doc.token_quote[k].is_some_and(|q| {
            let quote = &doc.quotes[q as usize];
            quote.span.end == doc.tokens[k].span.end
                && doc.text[quote.inner()].trim_end().ends_with(',')
        })
}

/// The cue governs a reported clause of its own: "that …", or a clause with a verb ("She says
/// they are going ahead").
pub(super) fn governs_clause(doc: &Doc<'_>, cue: &Cue) -> bool {
    let end = doc.sentence_range(cue.first).end;
    clause_start(doc, cue, end).is_some_and(|s| {
        lower_word_is(doc, s, &["that"])
            || doc.tokens[s].kind == TokenKind::Word
                && opens_bare_clause(doc, s)
                && has_verb(doc, s, end)
    })
}

/// What follows the cue is a report: "that", a comma or colon, a quotation, or a clause with a
/// verb of its own.
fn reports_something(doc: &Doc<'_>, cue: &Cue, end: usize) -> bool {
    let k = skip_adverbs_forward(doc, cue.last + 1, end);
    k < end
        && (lower_word_is(doc, k, &["that"])
            || doc.is_punct(k, &[",", ":"])
            || doc.is_quote_mark(k)
            || clause_start(doc, cue, end)
                .is_some_and(|s| opens_bare_clause(doc, s) && has_verb(doc, s, end)))
}

/// The verb at `k` is a past form, as a coordinated verb of saying mostly is in news ("and
/// said", "but added"). A base form more often continues the clause ("would review and report"),
/// and a form in -s may be a noun ("highlighted and notes written in the margins").
pub(super) fn past_form(doc: &Doc<'_>, k: usize) -> bool {
    doc.tokens[k]
        .info
        .and_then(|x| x.verb)
        .is_some_and(|v| !v.base && !v.third_person && !v.participle)
}

/// How many verbs of saying [`next_report`] reads inside one clause.
const MAX_CUES_IN_CLAUSE: usize = 16;

/// Content from token `first` to `last` inclusive, if it has enough words.
pub(super) fn clause(doc: &Doc<'_>, first: usize, last: usize) -> Option<Span> {
    if first > last || last >= doc.tokens.len() {
        return None;
    }
    // Counting stops at the few words needed: a clause can be a whole unpunctuated page.
    let words = (first..=last)
        .filter(|&k| doc.tokens[k].kind != TokenKind::Punct)
        .take(MIN_CLAUSE_WORDS)
        .count();
    (words >= MIN_CLAUSE_WORDS).then(|| doc.tokens_span(first, last))
}

/// Where the reported clause after a cue begins: at "that" when present, else after the hearer
/// ("told reporters") and adverbials ("on Friday", "in a statement"). `None` when the cue is
/// followed by punctuation, i.e. governs nothing to its right.
fn clause_start(doc: &Doc<'_>, cue: &Cue, end: usize) -> Option<usize> {
    let mut k = cue.last + 1;
    // An aside set off by commas: "He added, though, that …", "said, for example, that …".
    if let Some(that) = that_after_aside(doc, k, end) {
        k = that;
    }
    // A reported question: "asked whether …", "wondered why …".
    if is_question_word(doc, k) {
        return Some(k);
    }
    for j in k..end.min(k + MAX_THAT_DISTANCE) {
        // "says he opposes violence but that the plans won't help": a second complement, after
        // a first one without "that".
        if j > k + 1
            && lower_word_is(doc, j, &["that"])
            && lower_word_is(doc, j - 1, &["but", "and"])
        {
            break;
        }
        if lower_word_is(doc, j, &["that"]) && complementiser(doc, j) {
            return Some(j);
        }
        let joiner = doc.is_punct(j, &["-", "’", "'"])
            && j > 0
            && doc.tokens[j - 1].span.end == doc.tokens[j].span.start;
        // "said at a stop in Toledo, Ohio, that …": the commas of a place name.
        let place_comma = doc.is_punct(j, &[","])
            && j > k
            && doc.tokens[j - 1].upper
            && doc.tokens.get(j + 1).is_some_and(|t| t.upper)
            || doc.is_punct(j, &[","])
                && j > k + 2
                && doc.is_punct(j - 2, &[","])
                && doc.tokens[j - 1].upper
                && lower_word_is(doc, j + 1, &["that"]);
        if (doc.tokens[j].kind == TokenKind::Punct
            && !doc.is_abbreviation_dot(j)
            && !joiner
            && !place_comma)
            || doc.is_quote_mark(j)
        {
            break;
        }
        if j > k && cue_at(doc, j).is_some() {
            break;
        }
    }
    if HEARER_VERBS.contains(&cue.lemma) || cue.lemma == "ask" {
        // A hearer is a person or a body ("told reporters", "warned the council"), not a thing
        // ("promised a rise in spending").
        let hearer = |m: &Mention| {
            !is_question_word(doc, m.first)
                && (doc.tokens[m.last].upper || m.kind != crate::statement::SpeakerType::Unknown)
        };
        if let Some(m) = mention_after(doc, k, end).filter(hearer) {
            k = m.last + 1;
        } else if lower_word_is(
            doc,
            k,
            &["him", "her", "them", "me", "us", "you", "reporters"],
        ) {
            k += 1;
        }
    }
    if is_question_word(doc, k) {
        return Some(k);
    }
    let before_adverbials = k;
    k = skip_adverbs_forward(doc, k, end);
    // "said Tuesday the plan …", "said Tuesday in Paris, …": a day is an adverbial.
    if k < end && doc.word_in(k, WEEKDAYS) {
        k = skip_adverbs_forward(doc, k + 1, end);
    }
    // "told the paper last week she …", "said this month the …".
    // ("last" may have been read as an adverb already.)
    if k + 1 < end
        && lower_word_is(doc, k, &["last", "this", "next"])
        && lower_word_is(doc, k + 1, TIME_NOUNS)
    {
        k = skip_adverbs_forward(doc, k + 2, end);
    } else if k < end
        && k > before_adverbials
        && lower_word_is(doc, k, TIME_NOUNS)
        && lower_word_is(doc, k - 1, &["last", "this", "next"])
    {
        k = skip_adverbs_forward(doc, k + 1, end);
    }
    while k < end && lower_word_is(doc, k, ADVERBIAL_PREPOSITIONS) {
        k += 1;
        let phrase_start = k;
        if k < end && doc.tokens[k].info.is_some_and(|x| x.determiner) {
            k += 1;
        }
        while k < end && k - phrase_start < 6 {
            let t = &doc.tokens[k];
            let opens_clause = t.info.is_some_and(|x| x.determiner || x.pronoun.is_some());
            if opens_clause
                || lower_word_is(doc, k, &["that"])
                || (t.kind == TokenKind::Punct && !doc.is_abbreviation_dot(k))
            {
                break;
            }
            k += 1;
        }
        k = skip_adverbs_forward(doc, k, end);
    }
    // "admits in this instance, there were …", "said often, paramedics …": an adverbial set off
    // by a comma belongs to the reported clause.
    // But "said Tuesday in Paris, noting …" goes on with an aside.
    let aside = doc.is_word(k + 1) && !doc.tokens[k + 1].upper && doc.word(k + 1).ends_with("ing");
    if k > before_adverbials
        && doc.is_punct(k, &[","])
        && k + 1 < end
        && doc.is_word(k + 1)
        && !aside
    {
        return Some(before_adverbials);
    }
    if k >= end || (doc.tokens[k].kind == TokenKind::Punct && !doc.is_quote_mark(k)) {
        return None;
    }
    Some(k)
}

/// Longest aside between a cue and its "that", in words: "said, in a statement on Friday, that".
const MAX_ASIDE_WORDS: usize = 6;

/// The "that" after an aside set off by commas from token `comma`: "He added, though, that …",
/// "She said, for example, that …".
fn that_after_aside(doc: &Doc<'_>, comma: usize, end: usize) -> Option<usize> {
    if !doc.is_punct(comma, &[","]) {
        return None;
    }
    let close = (comma + 1..end.min(comma + 2 + MAX_ASIDE_WORDS))
        .find(|&j| doc.tokens[j].kind == TokenKind::Punct && !doc.is_abbreviation_dot(j))?;
    let that = close + 1;
    (close > comma + 1
        && doc.is_punct(close, &[","])
        && that < end
        && lower_word_is(doc, that, &["that"])
        && complementiser(doc, that))
    .then_some(that)
}

fn is_question_word(doc: &Doc<'_>, i: usize) -> bool {
    lower_word_is(
        doc,
        i,
        &[
            "whether", "if", "why", "how", "what", "when", "where", "who",
        ],
    )
}

/// The speaker left of the cue, also through a relative pronoun: "supporters who said …".
pub(super) fn subject(doc: &Doc<'_>, cue: &Cue, lo: usize) -> Option<Mention> {
    if let Some(m) = speaker_before(doc, cue.first, lo) {
        // "Roe’s repeated calls": a possessor right before the form, which is an adjective.
        let possessor = m.last + 1 == cue.first
            && doc.ends_possessive(m.last)
            && !crate::mentions::contracted_be(doc, m.last);
        return (!possessor).then_some(m);
    }
    let k = skip_adverbs_back(doc, cue.first, lo);
    if k > lo
        && (lower_word_is(doc, k - 1, PERSON_RELATIVES)
            || lower_word_is(doc, k - 1, &["which", "that"]))
    {
        // "Trump, who said …": the relative clause is set off after the name.
        let end = if k >= lo + 2 && doc.is_punct(k - 2, &[","]) {
            k - 2
        } else {
            k - 1
        };
        let m = mention_before(doc, end, lo)?;
        // "a reaction from Barack Obama, who called …": "who" is the named person's.
        if lower_word_is(doc, k - 1, PERSON_RELATIVES)
            && m.kind != crate::statement::SpeakerType::Person
            && let Some(inner) = (m.first + 1..end)
                .rev()
                .find(|&j| lower_word_is(doc, j, &["from", "by", "with", "to"]))
                .and_then(|j| mention_before(doc, end, j + 1))
                .filter(|n| n.kind == crate::statement::SpeakerType::Person)
        {
            return Some(inner);
        }
        return Some(m);
    }
    // "… but added", "… but praised …"; not a belief: "… but understood why" is part of the
    // report.
    let joins = if cue.class != VerbClass::Cognition {
        &["and", "but"][..]
    } else {
        &["and"][..]
    };
    if k > lo && lower_word_is(doc, k - 1, joins) {
        return coordinated_subject(doc, k - 1, lo);
    }
    None
}

/// Relative pronouns for people, "has" or "had" run into them too: "Graham, who's called for …",
/// "Collins, who'd endorsed …".
pub(super) const PERSON_RELATIVES: &[&str] = &["who", "who's", "who’s", "who'd", "who’d"];

/// The subject shared by coordinated verbs: "when Rubio thanked Miami and said …" → "Rubio". It
/// opens the clause the "and" is in: after the sentence start or the last clause opener.
fn coordinated_subject(doc: &Doc<'_>, and: usize, lo: usize) -> Option<Mention> {
    let opener_before = |end: usize, auxiliaries: bool| {
        (lo..end)
            .rev()
            .find(|&k| {
                doc.tokens[k]
                    .info
                    .is_some_and(|x| x.clause_opener && !x.determiner)
                    && !lower_word_is(doc, k, &["and"])
                    && (auxiliaries
                        || !lower_word_is(doc, k, HAVE_FORMS) && !lower_word_is(doc, k, BE_FORMS))
                    || doc.is_punct(k, &[";"])
            })
            .map_or(lo, |k| k + 1)
    };
    let start = opener_before(and, true);
    // "Roe has cast Doe as unqualified and accused her …": "as" may open a complement, not a
    // clause; then the clause opens further left, before the verb and its auxiliary.
    if start > lo
        && lower_word_is(doc, start - 1, &["as", "like"])
        && let found @ Some(_) =
            coordinated_subject_from(doc, opener_before(start - 1, false), and, lo)
    {
        return found;
    }
    coordinated_subject_from(doc, start, and, lo).or_else(|| {
        // "Roe has used the phrase and criticized …", "Roe tried to visit and promised …": an
        // auxiliary or "to" opens no clause of its own; the subject stands before it.
        (start > lo && lower_word_is(doc, start - 1, &["has", "have", "had", "to"]))
            .then(|| coordinated_subject_from(doc, opener_before(start - 1, false), and, lo))
            .flatten()
    })
}

/// [`coordinated_subject`] for a clause that opens at token `start`.
fn coordinated_subject_from(doc: &Doc<'_>, start: usize, and: usize, lo: usize) -> Option<Mention> {
    // "On Monday, Mike Pompeo praised … and said": past an opening adverbial too.
    let after_comma = (start..and)
        .find(|&k| doc.is_punct(k, &[","]))
        .map(|k| k + 1);
    let named =
        |m: &Mention| doc.tokens[m.last].upper || m.kind == crate::statement::SpeakerType::Pronoun;
    // "Jones said “…,” and added": the clause opens with a verb of saying, whose subject is
    // the one of both.
    let said_before = || {
        let verb = start.checked_sub(1)?;
        cue_at(doc, verb).filter(|c| c.class == VerbClass::Speech && !c.participle)?;
        speaker_before(doc, verb, lo).filter(named)
    };
    // "Lazar said he welcomed extradition to the United States and added …": a verb of saying
    // joined to a report shares the subject of the report's cue.
    let reporter = || {
        let cue = (lo..and)
            .rev()
            .filter_map(|k| cue_at(doc, k))
            .find(|c| c.class == VerbClass::Speech && !c.participle && asserted(doc, c))?;
        speaker_before(doc, cue.first, lo).filter(|m| agrees(doc, &cue, m))
    };
    let verb = skip_adverbs_forward(doc, and + 1, doc.tokens.len());
    let speech_after =
        past_form(doc, verb) && cue_at(doc, verb).is_some_and(|c| c.class == VerbClass::Speech);
    if speech_after && let Some(m) = reporter() {
        return Some(m);
    }
    // A description is the subject only where it opens the clause: "Advocacy groups condemned
    // … and praised …".
    let subject = |m: &Mention, at: usize| named(m) || m.first == at;
    mention_after(doc, start, and)
        .filter(|m| subject(m, start))
        .or_else(|| {
            let at = after_comma?;
            mention_after(doc, at, and).filter(|m| subject(m, at))
        })
        .or_else(said_before)
}

/// Whether the cue may report a clause without "that": a verb that does so, in a form that is
/// not also a noun after its subject ("they report the …", not "a report the …").
fn takes_bare_clause(doc: &Doc<'_>, cue: &Cue, subject: &Mention) -> bool {
    doc.tokens[cue.first]
        .info
        .and_then(|x| x.verb)
        .is_some_and(|v| v.bare_clause)
        && agrees(doc, cue, subject)
}

/// Subject and verb agree, so the cue is a verb and not a noun: "they report", "she reports",
/// but not "the PBO report" or "a constitutional challenge" or "50 member states".
pub(super) fn agrees(doc: &Doc<'_>, cue: &Cue, subject: &Mention) -> bool {
    agreement(doc, cue, subject, false)
}

/// [`agrees`], but a lower-case noun no list knows may head the subject: right before "that"
/// the cue is a verb ("an impersonator who promises that …").
fn agrees_before_that(doc: &Doc<'_>, cue: &Cue, subject: &Mention) -> bool {
    agreement(doc, cue, subject, true)
}

fn agreement(doc: &Doc<'_>, cue: &Cue, subject: &Mention, unknown_head: bool) -> bool {
    use crate::lexicon::Number;
    use crate::statement::SpeakerType;
    let Some(verb) = doc.tokens[cue.first].info.and_then(|x| x.verb.or(x.stance)) else {
        return true;
    };
    if !(verb.base || verb.third_person) {
        return true;
    }
    // "Roe will support", "Roe did not respond": after a modal or "do", a base form is a verb
    // whatever the subject.
    if verb.base && after_modal(doc, cue.first) {
        return true;
    }
    // "They had reasons to …": a form in -s after "have" or a modal is a noun.
    if verb.third_person
        && !verb.base
        && after_one_of(doc, cue.first, &[MODALS, HAVE_FORMS, BE_FORMS])
    {
        return false;
    }
    let pronoun = subject.kind == SpeakerType::Pronoun;
    let first_or_second = pronoun
        && ["i", "you", "we", "they"]
            .iter()
            .any(|p| doc.word(subject.first).eq_ignore_ascii_case(p));
    // A lower-case word before the cue that no list knows is an adjective or noun of a compound.
    let head = &doc.tokens[head_word(doc, subject)];
    let compound = !head.upper
        && !pronoun
        && head
            .info
            .is_none_or(|x| x.role.is_none() && !x.group && !x.org && !x.document);
    // "The advisers think": a plural noun in -s before a base form is its subject.
    let plural_noun =
        !head.upper && !pronoun && crate::mentions::looks_plural(&doc.text[head.span]);
    // "Those surveyed say", "42% say": a counted phrase is plural whatever its head.
    let counted = !pronoun && subject.number == crate::lexicon::Number::Plural;
    // "Men support", "People say": plurals without -s.
    let irregular = !pronoun && {
        let w = doc.word(head_word(doc, subject));
        IRREGULAR_PLURALS.iter().any(|p| w.eq_ignore_ascii_case(p))
    };
    // "China and Russia support", "the caucus and Sen. Roe oppose": a subject joined by "and"
    // is plural, whatever kind of mention it made.
    let coordinated = (subject.first..subject.last).any(|k| lower_word_is(doc, k, &["and"]));
    if verb.base && (plural_noun || counted || irregular || coordinated) {
        return true;
    }
    // "The clip says": forms that are no noun leave no compound to fear.
    if compound && !unknown_head && !doc.word_in(cue.first, NEVER_NOUNS) {
        return false;
    }
    // "The Democrats say", "Reuters says": a capitalised word in -s may be either number.
    let word = &doc.text[head.span];
    if subject.kind == SpeakerType::Unknown
        && head.upper
        && word.ends_with('s')
        && !word.ends_with("ss")
    {
        return true;
    }
    if verb.base {
        subject.number == Number::Plural || first_or_second
    } else {
        subject.number == Number::Singular && !first_or_second
    }
}

/// Plural nouns without -s that head a subject, either case: "Men support", "women say".
const IRREGULAR_PLURALS: &[&str] = &["men", "women", "people", "children"];

/// Modals and forms of "do" that a base form follows as a verb.
const MODALS: &[&str] = &[
    "will", "would", "can", "could", "should", "shall", "may", "might", "must", "do", "does", "did",
];

/// A modal or "do" stands before token `k`, past adverbs and "not": "will also support", "did
/// not respond", "won't endorse".
fn after_modal(doc: &Doc<'_>, k: usize) -> bool {
    after_one_of(doc, k, &[MODALS])
}

/// Forms of "have", after which, as after [`BE_FORMS`], a form in -s is a noun: "had reasons",
/// "are plans".
const HAVE_FORMS: &[&str] = &["have", "has", "had", "having"];

/// A word of one of `lists` (or a contraction in "n't") stands before token `k`, past adverbs
/// and "not".
fn after_one_of(doc: &Doc<'_>, k: usize, lists: &[&[&str]]) -> bool {
    let mut j = k;
    while j > 0
        && doc.is_word(j - 1)
        && !doc.tokens[j - 1].upper
        && (lower_word_is(doc, j - 1, &["not", "never"])
            || is_adverb(doc, j - 1) && !doc.tokens[j - 1].info.is_some_and(|x| x.finite))
    {
        j -= 1;
    }
    j > 0
        && doc.is_word(j - 1)
        && !doc.tokens[j - 1].upper
        && (lists.iter().any(|list| lower_word_is(doc, j - 1, list))
            || doc.word_bytes(j - 1).ends_with(b"n't")
            || doc.word_bytes(j - 1).ends_with("n’t".as_bytes()))
}

/// "that" after the cue opens a reported clause, not a relative clause ("echoed that killed
/// 67 people") nor a noun phrase ("appeal that decision").
pub(super) fn complementiser(doc: &Doc<'_>, that: usize) -> bool {
    let Some(next) = doc.tokens.get(that + 1) else {
        return false;
    };
    // "at that point": after a preposition "that" is a determiner ("after that" may be a
    // conjunction).
    if that > 0
        && lower_word_is(doc, that - 1, ADVERBIAL_PREPOSITIONS)
        && !lower_word_is(doc, that - 1, &["after", "before"])
    {
        return false;
    }
    let word = &doc.text[next.span];
    let verb_like = !next.upper
        && (next
            .info
            .is_some_and(|x| x.adverb && !matches!(word, "also" | "not" | "then" | "now"))
            || next.info.is_none() && word.ends_with("ed"));
    let determiner_use = !next.upper
        && next.info.is_none()
        && doc
            .tokens
            .get(that + 2)
            .is_none_or(|t| t.kind == TokenKind::Punct);
    !(verb_like || determiner_use)
}

/// A clause without "that" does not open with a preposition: "warns of a rise" and "called for
/// calm" report no clause.
fn opens_bare_clause(doc: &Doc<'_>, start: usize) -> bool {
    // "said more than 300 emails contained …" opens a clause; "warned of more cuts" does not.
    let comparison = lower_word_is(doc, start + 1, &["than"])
        && doc
            .tokens
            .get(start + 2)
            .is_some_and(|t| t.kind == TokenKind::Number);
    let preposition = doc.is_word(start)
        && (matches!(
            doc.word(start),
            "of" | "for" | "to" | "with" | "by" | "on" | "into" | "against"
        ) || matches!(doc.word(start), "more" | "less") && !comparison);
    // "added 0.4 per cent": an amount, not a clause.
    let amount = doc.tokens[start].kind == TokenKind::Number
        && (doc.is_punct(start + 1, &["%"])
            || lower_word_is(doc, start + 1, &["per", "percent", "points", "goals"]));
    !(preposition || amount)
}

/// The word after token `k` is a counted noun, not a verb in -s: "three more goals", "two
/// unanswered goals", "5 points".
fn counted(doc: &Doc<'_>, k: usize) -> bool {
    doc.tokens[k].kind == TokenKind::Number
        || lower_word_is(doc, k, NUMBER_WORDS)
        || lower_word_is(doc, k, &["more", "fewer", "many", "several"])
        || doc.is_word(k) && !doc.tokens[k].upper && doc.word(k).ends_with("ed")
}

/// Numbers written as words.
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
];

/// Third-person forms of verbs of saying or belief that are never nouns.
const NEVER_NOUNS: &[&str] = &[
    "says",
    "tells",
    "adds",
    "insists",
    "explains",
    "argues",
    "writes",
    "wants",
    "believes",
    "thinks",
    "knows",
    "expects",
    "suggests",
    "contends",
    "acknowledges",
    "admits",
    "denies",
    "asserts",
    "predicts",
    "agrees",
    "disagrees",
];

/// Forms that are verbs after a quantifier or demonstrative: "the two are", "these were".
pub(super) const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should",
    "shall", "may", "must", "might", "do", "does", "did", "won't", "wouldn't", "can't", "couldn't",
    "isn't", "wasn't",
];
/// Determiners after which every form is a noun: "the will", "his must-haves".
const ARTICLES: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "no", "every", "such",
];

/// The word at `k` (after a determiner) is a noun: "a plan", "the will"; not "the two are".
fn noun_after_determiner(doc: &Doc<'_>, k: usize) -> bool {
    let auxiliary = lower_word_is(doc, k, AUXILIARIES) && !lower_word_is(doc, k - 1, ARTICLES);
    doc.tokens[k - 1].info.is_some_and(|x| x.determiner) && !auxiliary
}

/// How far into a clause without "that" its verb must appear.
const MAX_SUBJECT_TOKENS: usize = 14;

/// The clause from `start` has a verb of its own before its first comma: an auxiliary or modal,
/// a listed form ("plan", "became"), a cue, or a lower-case "-ed" word. Without one, the words
/// after the cue are its object ("wrote a letter", "confirmed the move").
fn has_verb(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    // An opening adverbial set off by a comma does not count: "too often, that's not happening";
    // but a clause may reach its first comma quickly: "he expects Obama, Abe and Park to …".
    let comma = (start..end.min(start + 4)).find(|&k| doc.is_punct(k, &[","]));
    if let Some(comma) = comma
        && verb_in(doc, start, comma, start)
    {
        return true;
    }
    let from = comma.map_or(start, |k| k + 1);
    if verb_in(doc, from, end.min(from + MAX_SUBJECT_TOKENS), from) {
        return true;
    }
    // "says the scandal, while troublesome, was dealt with", "said she, too, wants": an aside
    // set off by two commas; "said the visit — the state's biggest market — would help": by
    // two dashes.
    let dashes = &["—", "–"];
    let second = match comma {
        Some(_) => (from..end.min(from + MAX_ASIDE_TOKENS)).find(|&k| doc.is_punct(k, &[","])),
        None => (start..end.min(start + MAX_SUBJECT_TOKENS))
            .take_while(|&k| !doc.is_punct(k, &[",", ";", ":"]))
            .find(|&k| doc.is_punct(k, dashes))
            .and_then(|first| {
                (first + 1..end.min(first + 1 + MAX_ASIDE_TOKENS))
                    .find(|&k| doc.is_punct(k, dashes))
            }),
    };
    let Some(second) = second else {
        return false;
    };
    if verb_in(doc, second + 1, end.min(second + 1 + 3), second + 1) {
        return true;
    }
    // "said the business, along with a union run by his friend, Jane Roe, gave …": the aside
    // may end in an appositive of its own.
    comma.is_some()
        && (second + 1..end.min(second + 1 + MAX_APPOSITIVE_TOKENS))
            .take_while(|&k| !doc.is_punct(k, &[";", ":", "—", "–"]))
            .find(|&k| doc.is_punct(k, &[","]))
            .is_some_and(|third| verb_in(doc, third + 1, end.min(third + 1 + 3), third + 1))
}

/// Longest appositive that may end an aside in [`has_verb`], in tokens: "Jane Roe,".
const MAX_APPOSITIVE_TOKENS: usize = 5;

/// Longest aside set off by commas inside a subject: ", while troublesome,".
const MAX_ASIDE_TOKENS: usize = 12;

/// How many tokens before its end [`any_verb`] reads.
const MAX_VERB_SCAN_TOKENS: usize = 120;

/// A verb in any piece of tokens `from..to` set off by commas or dashes: the tokens hold a
/// clause, not only a subject with its appositive ("Rahm Roe, his chief of staff,").
pub(super) fn any_verb(doc: &Doc<'_>, from: usize, to: usize) -> bool {
    // The last stretch only: a clause that long has a verb there, and one scan per cue over a
    // whole unpunctuated page would be quadratic.
    let from = from.max(to.saturating_sub(MAX_VERB_SCAN_TOKENS));
    std::iter::once(from)
        .chain(
            (from..to)
                .filter(|&j| doc.is_punct(j, &[",", "—", "–"]))
                .map(|j| j + 1),
        )
        .any(|start| verb_in(doc, start, to, start))
}

/// A verb among tokens `from..to`, up to the first comma, semicolon, dash or colon; a form at
/// `clause_start` is read as the clause's first word.
fn verb_in(doc: &Doc<'_>, from: usize, to: usize, clause_start: usize) -> bool {
    let start = clause_start;
    (from..to)
        .take_while(|&k| !doc.is_punct(k, &[",", ";", "—", "–", ":"]))
        .any(|k| {
            let t = &doc.tokens[k];
            let word = &doc.text[t.span];
            t.kind == TokenKind::Word
                && !t.upper
                // After a determiner a form is a noun: "a plan", "the help" (but an auxiliary
                // after a quantifier is a verb: "the two are", "both have").
                // Nor is an infinitive the clause's own verb: "a letter asking them to call".
                && !(k > start && (noun_after_determiner(doc, k) || lower_word_is(doc, k - 1, &["to"])))
                && (t.info.is_some_and(|x| x.finite || x.verb.is_some_and(|v| !v.participle))
                    || word.ends_with("ed") && !(k > start && counted(doc, k - 1))
                    || [
                        "n't", "’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m",
                        "’m",
                    ]
                        .iter()
                        .any(|end| word.ends_with(end))
                    || contracted_is(word)
                    // "in his filing": a determiner or pronoun in -s is no verb.
                    || word.ends_with('s')
                        && k > start
                        && !counted(doc, k - 1)
                        && !t.info.is_some_and(|x| x.determiner || x.pronoun.is_some()))
        })
}

/// "it's", "that's", "there's": a contracted "is" (not a possessive, "the nominee's").
fn contracted_is(word: &str) -> bool {
    let Some(stem) = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) else {
        return false;
    };
    [
        "it", "that", "he", "she", "there", "here", "what", "who", "where", "this",
    ]
    .iter()
    .any(|w| stem.eq_ignore_ascii_case(w))
}

/// "…, said Sutopo Purwo Nugroho, a spokesman": a comma before the cue and a name after it make
/// the name the speaker of what came before, not the subject of a clause after.
fn inverted_attribution(doc: &Doc<'_>, cue: &Cue, end: usize) -> bool {
    cue.first > 0
        && doc.is_punct(cue.first - 1, &[","])
        && mention_after(doc, cue.last + 1, end).is_some_and(|m| {
            doc.tokens[m.last].upper
                && (m.last + 1 >= end
                    || doc.is_punct(m.last + 1, &[","])
                    || doc.is_terminal(m.last + 1))
        })
}

/// Studies, data and polls report findings, not speech: "the data suggests …", "a survey showed".
pub(super) fn is_document(doc: &Doc<'_>, m: &Mention) -> bool {
    doc.tokens[head_word(doc, m)]
        .info
        .is_some_and(|x| x.document)
}

/// The mention's head noun ("officials" in "officials from both parties"), as a word token.
fn head_word(doc: &Doc<'_>, m: &Mention) -> usize {
    let head = crate::mentions::head_token(doc, m.first, m.last);
    (m.first..=head)
        .rev()
        .find(|&k| doc.is_word(k))
        .unwrap_or(head)
}

/// Longest clause [`cue_that_clause`] reports, in tokens.
const MAX_SUBJECTLESS_CLAUSE_TOKENS: usize = 120;

/// In the broad sense only, V that CLAUSE where no subject was found for the verb, which a
/// long or nested subject hides: the clause is still reported, by someone unknown.
///
/// Example: Other former officers with experience in war zones chafed at it and said that
/// seeking reinforcements was right.
fn cue_that_clause(doc: &Doc<'_>, cue: &Cue) -> Option<Attribution> {
    // "…, perhaps recognizing that …": a participle right before "that" reports too.
    let participle_that = cue.participle && lower_word_is(doc, cue.last + 1, &["that"]);
    if cue.participle && !participle_that || !asserted(doc, cue) {
        return None;
    }
    let sentence = doc.sentence_range(cue.first);
    if inverted_attribution(doc, cue, sentence.end) {
        return None;
    }
    let start = clause_start(doc, cue, sentence.end)?;
    // Other forms may be nouns ("the report that …", "her claim that …"), which report the clause
    // too when "that" opens a clause with a subject.
    let subject_next = doc
        .tokens
        .get(start + 1)
        .is_some_and(|t| t.upper || t.info.is_some_and(|x| x.determiner || x.pronoun.is_some()));
    let with_that = start == cue.last + 1
        && lower_word_is(doc, start, &["that"])
        && (past_form(doc, cue.first) || subject_next || participle_that);
    // "… and said the plan would work": a past form before a clause with a verb of its own; a
    // present form too, right after a long subject ("activists clamoring to … say they …").
    let bare = (past_form(doc, cue.first) || after_long_subject(doc, cue))
        && cue.class == VerbClass::Speech
        && doc.tokens[cue.first]
            .info
            .and_then(|x| x.verb)
            .is_some_and(|v| v.bare_clause)
        && opens_bare_clause(doc, start)
        && has_verb(doc, start, sentence.end);
    if !(with_that || bare) {
        return None;
    }
    // Without a subject, a following report is not told apart (it needs one too), so a run of
    // cues would make every clause read to the end of the sentence: a cap keeps it linear.
    let end = subordinate_end(doc, cue, &sentence).min(start + MAX_SUBJECTLESS_CLAUSE_TOKENS);
    let content = clause_to_end(doc, start, end)?;
    let speaker = (!cue.participle)
        .then(|| modified_subject(doc, &sentence, cue))
        .flatten();
    Some(attribution(content, speaker, cue, 0.3, "cue_that_clause"))
}

/// Words that go on from a participle modifying a subject: "conducted last week", "obtained by".
const PARTICIPLE_ADVERBIALS: &[&str] = &[
    "by", "in", "on", "at", "for", "during", "last", "this", "earlier", "since", "from",
];

/// Longest subject with its modifiers that [`modified_subject`] reads, in tokens.
const MAX_MODIFIED_SUBJECT_TOKENS: usize = 40;

/// The subject that opens the sentence when a modifier stands between it and the cue, which
/// the scan back from the cue does not cross: a relative clause ("some who advocate free speech
/// argue"), a participle ("a poll conducted last week found") or an appositive set off by
/// commas ("Hemsley, the co-author of “Going Viral,” about …, said").
fn modified_subject(
    doc: &Doc<'_>,
    sentence: &std::ops::Range<usize>,
    cue: &Cue,
) -> Option<Mention> {
    if cue.first - sentence.start > MAX_MODIFIED_SUBJECT_TOKENS {
        return None;
    }
    // "But some who …".
    let start = subject_start(doc, sentence);
    // On the bytes: this is asked of every word before the cue.
    let any_case = |k: usize, words: &[&str]| {
        doc.is_word(k)
            && words
                .iter()
                .any(|w| doc.word_bytes(k).eq_ignore_ascii_case(w.as_bytes()))
    };
    let opens_modifier = |k: usize| {
        lower_word_is(doc, k, &["who", "that", "which", "whose"])
            // "a poll conducted last week", not "Khan decried …": a participle is no cue and
            // goes on with an adverbial.
            || doc.is_word(k)
                && !doc.tokens[k].upper
                && doc.word_bytes(k).ends_with(b"ed")
                && !doc.tokens[k].info.is_some_and(|x| x.finite)
                && cue_at(doc, k).is_none()
                && lower_word_is(doc, k + 1, PARTICIPLE_ADVERBIALS)
            || any_case(k, &["i", "we", "you", "he", "she", "they"])
    };
    let boundary = (start + 1..cue.first)
        .take_while(|&k| !doc.is_punct(k, &[";", ":", "."]))
        .find(|&k| doc.is_punct(k, &[","]) || opens_modifier(k))?;
    let comma = doc.is_punct(boundary, &[","]);
    // An appositive runs to a comma right before the cue; a relative clause or participle
    // holds no comma.
    let rest = boundary..cue.first;
    // A modifier holds two words or more: in "Okoro’s repeated calls" the cue is a noun.
    let fits = if comma {
        doc.is_punct(cue.first - 1, &[","]) && cue.first - 1 > boundary
    } else {
        rest.len() >= 2 && !rest.clone().any(|k| doc.is_punct(k, &[",", ";", ":", "."]))
    };
    if !fits {
        return None;
    }
    // "All| the experts I interviewed": a predeterminer may stand before the mention.
    crate::mentions::mention_before(doc, boundary, start).filter(|m| m.first <= start + 1)
}

/// Words before a present form of saying that leave it no verb: "to say", "him say", "a say".
/// ([`MODALS`] leave it none either.)
const NO_SUBJECT_BEFORE: &[&str] = &[
    "to", "not", "never", "him", "her", "them", "me", "us", "you", "it", "let", "lets", "final",
];

/// Verbs whose present forms are verbs after any noun.
const LONG_SUBJECT_VERBS: &[&str] = &["say", "insist", "contend", "argue", "acknowledge"];

/// The present form at the cue follows a word that can end a subject the other rules could not
/// read: "Republican activists clamoring to block the nominee say", "Majorities of Democrats in
/// five states say". Not after a determiner, a preposition, an object pronoun or a modal.
fn after_long_subject(doc: &Doc<'_>, cue: &Cue) -> bool {
    let k = cue.first;
    // Other forms are nouns as often ("states", "reports", "answers"); "say" rarely is.
    if !LONG_SUBJECT_VERBS.contains(&cue.lemma) {
        return false;
    }
    let present = doc.tokens[k]
        .info
        .and_then(|x| x.verb)
        .is_some_and(|v| v.base || v.third_person);
    if !present || k == 0 || doc.tokens[k].upper {
        return false;
    }
    let before = &doc.tokens[k - 1];
    before.kind == TokenKind::Word
        && !lower_word_is(doc, k - 1, NO_SUBJECT_BEFORE)
        && !lower_word_is(doc, k - 1, MODALS)
        && !lower_word_is(doc, k - 1, ADVERBIAL_PREPOSITIONS)
        && !before
            .info
            .is_some_and(|x| x.determiner || x.finite || x.verb.is_some())
        && !is_adverb(doc, k - 1)
        && !doc.is_possessive(k - 1)
}

/// S said (that) CLAUSE.
///
/// Example: Lonechild said that the relationship between youth and police needs work.
fn speaker_cue_clause(doc: &Doc<'_>, cue: &Cue, state: &State) -> Option<Attribution> {
    let sentence = doc.sentence_range(cue.first);
    let of_noun = (state.broad && cue.participle && !progressive(doc, cue))
        .then(|| noun_before_participle(doc, cue, sentence.start))
        .flatten();
    if cue.participle && !progressive(doc, cue) && of_noun.is_none() || !asserted(doc, cue) {
        return None;
    }
    if inverted_attribution(doc, cue, sentence.end) {
        return None;
    }
    // In the sense of speech, a thing ("Emails obtained by …") is no speaker.
    let m = match of_noun {
        Some(m) => m,
        None => subject(doc, cue, sentence.start).or_else(|| {
            modified_subject(doc, &sentence, cue)
                .filter(|m| state.broad || m.kind != crate::statement::SpeakerType::Unknown)
        })?,
    };
    if !state.broad && is_document(doc, &m) {
        return None;
    }
    // "lower than TransLink says they are": the comparison is the cue's object, and what follows
    // is the rest of the sentence.
    if m.first > 0 && lower_word_is(doc, m.first - 1, &["than"]) {
        return None;
    }
    // "These workers, Roe said in a hearing, were paid well": the attribution is set off inside
    // the report (see `clause_then_speaker_cue`), not followed by it.
    if m.first > sentence.start
        && doc.is_punct(m.first - 1, &[","])
        && adverbial_end(doc, cue.last, sentence.end) != cue.last
    {
        return None;
    }
    let start = clause_start(doc, cue, sentence.end)?;
    let with_that = lower_word_is(doc, start, &["that"]) || is_question_word(doc, start);
    // "that" then a subject, not a verb: "rules that could lead" is a relative clause.
    let that_next = with_that
        && start == cue.last + 1
        && doc.tokens.get(start + 1).is_some_and(|t| {
            t.upper || t.info.is_some_and(|x| x.determiner || x.pronoun.is_some())
        });
    // "Their experience shows that …": after a determiner, the word before "V that" heads the
    // subject rather than compounding with a noun "shows".
    let determined = with_that
        && start == cue.last + 1
        && m.last > m.first
        && doc.tokens[m.first].info.is_some_and(|x| x.determiner)
        // "The committee rules that could …": a verb after "that" makes it a relative clause.
        && !doc
            .tokens
            .get(start + 1)
            .is_some_and(|t| t.info.is_some_and(|x| x.finite || x.verb.is_some()));
    if !(agrees(doc, cue, &m) || (that_next || determined) && agrees_before_that(doc, cue, &m)) {
        return None;
    }
    if !(with_that
        || takes_bare_clause(doc, cue, &m)
            && opens_bare_clause(doc, start)
            && has_verb(doc, start, sentence.end))
    {
        return None;
    }
    // "the committee's report| was presented": a plural-looking form before an auxiliary is
    // a noun, and the auxiliary its verb.
    let possessor = doc.ends_possessive(m.last);
    let noun_form = doc.tokens[cue.first]
        .info
        .and_then(|x| x.verb)
        .is_some_and(|v| v.third_person || v.base && possessor)
        && !doc.word_in(cue.first, NEVER_NOUNS);
    if noun_form && !with_that && lower_word_is(doc, start, AUXILIARIES) {
        return None;
    }
    let content = clause_to_end(doc, start, subordinate_end(doc, cue, &sentence))?;
    let confidence = if with_that { 0.75 } else { 0.7 };
    Some(attribution(
        content,
        Some(m),
        cue,
        confidence,
        "speaker_cue_clause",
    ))
}

/// The noun a participle of saying describes: "a statement saying …", "911 calls reporting …".
/// In the broad sense the noun is the source.
fn noun_before_participle(doc: &Doc<'_>, cue: &Cue, lo: usize) -> Option<Mention> {
    if !matches!(cue.class, VerbClass::Speech | VerbClass::Evidence)
        || !doc.word(cue.first).ends_with("ing")
    {
        return None;
    }
    crate::mentions::mention_before(doc, cue.first, lo).filter(|m| {
        m.last + 1 == cue.first
            && m.kind != crate::statement::SpeakerType::Pronoun
            && !doc.ends_possessive(m.last)
            && super::object::nominal_head(doc, m)
    })
}

/// Nouns of a time after "last", "this" or "next": an adverbial, "last week".
const TIME_NOUNS: &[&str] = &[
    "week",
    "month",
    "year",
    "night",
    "weekend",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "morning",
    "afternoon",
    "evening",
];

/// Prepositions before a participle of saying whose subject is the sentence's: "Trump landed in
/// trouble by saying that …".
const GERUND_PREPOSITIONS: &[&str] = &["by", "after", "before", "while", "when", "in"];

/// Days, which open adverbials rather than name speakers ("Tuesday night", "spoke on Tuesday").
pub(super) const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words that open a subordinate clause at the start of a sentence.
pub(super) const SUBORDINATORS: &[&str] = &[
    "when", "after", "before", "as", "while", "although", "though", "if", "because", "since",
    "once", "until", "whereas", "unless",
];

fn is_subordinator(doc: &Doc<'_>, k: usize) -> bool {
    doc.is_word(k)
        && SUBORDINATORS
            .iter()
            .any(|w| doc.word_bytes(k).eq_ignore_ascii_case(w.as_bytes()))
}

/// Where the report ends when its cue stands in an opening subordinate clause ("When Rubio said
/// it was great to be home, a man yelled …") or a relative clause set off by commas ("Trump, who
/// said it would fail, left"): at the comma that closes the clause. Otherwise the sentence end.
fn subordinate_end(doc: &Doc<'_>, cue: &Cue, sentence: &std::ops::Range<usize>) -> usize {
    // Within a short opening clause only: scans from the sentence start must stay bounded.
    let first = (sentence.start..cue.first).find(|&k| doc.is_word(k));
    let subordinate = cue.first - sentence.start <= MAX_SUBORDINATE_TOKENS
        && first.is_some_and(|k| is_subordinator(doc, k))
        && !(sentence.start..cue.first).any(|k| doc.is_punct(k, &[","]));
    // "Trump, who said the plan would fail, left early": a relative clause set off by commas.
    let k = skip_adverbs_back(doc, cue.first, sentence.start);
    let relative = k >= sentence.start + 2
        && lower_word_is(doc, k - 1, &["who", "which"])
        && doc.is_punct(k - 2, &[","]);
    if !(subordinate || relative) {
        return sentence.end;
    }
    (cue.last + 1..sentence.end.min(cue.last + 1 + MAX_SUBORDINATE_TOKENS))
        .find(|&k| doc.is_punct(k, &[","]) && doc.token_quote[k].is_none())
        .unwrap_or(sentence.end)
}

/// Longest opening subordinate or relative clause the scans above read, in tokens.
const MAX_SUBORDINATE_TOKENS: usize = 120;

/// Nothing but adverbials between the cue and the end of the sentence or a comma:
/// "…, Zakharova said on Friday." / "…, she said, adding …".
fn cue_ends_clause(doc: &Doc<'_>, cue: &Cue, end: usize) -> bool {
    let k = skip_adverbs_forward(doc, cue.last + 1, end);
    // "…, she said in a video message to the convention.": what follows has no verb of its own.
    k >= end
        || doc.is_terminal(k)
        || doc.is_punct(k, &[","])
        // "…, she said in a hearing, …"
        || adverbial_end(doc, cue.last, end) != cue.last
        // "…, Smith told the paper.": a hearer, and nothing after it but an adverbial.
        || HEARER_VERBS.contains(&cue.lemma)
            && (mention_after(doc, cue.last + 1, end).map(|m| m.last))
                .or_else(|| noun_phrase_last(doc, cue.last + 1, end))
                .is_some_and(|last| {
                    let next = adverbial_end(doc, last, end) + 1;
                    next >= end || doc.is_terminal(next) || doc.is_punct(next, &[","])
                })
        || clause_start(doc, cue, end).is_none_or(|s| {
            lower_word_is(doc, k, ADVERBIAL_PREPOSITIONS)
                && !lower_word_is(doc, s, &["that"])
                && !has_verb(doc, s, end)
        })
}

/// Longest plain noun phrase [`noun_phrase_last`] reads, in words after the determiner.
const MAX_NOUN_PHRASE_WORDS: usize = 3;

/// The last token of a plain noun phrase that opens with a determiner at `k` ("the court", "a
/// federal judge"): lower-case words up to a preposition, punctuation or the sentence end.
fn noun_phrase_last(doc: &Doc<'_>, k: usize, end: usize) -> Option<usize> {
    if k >= end || !doc.tokens[k].info.is_some_and(|x| x.determiner) {
        return None;
    }
    let last = (k + 1..end.min(k + 1 + MAX_NOUN_PHRASE_WORDS))
        .take_while(|&j| {
            doc.is_word(j)
                && !doc.tokens[j].upper
                && !lower_word_is(doc, j, ADVERBIAL_PREPOSITIONS)
                && !lower_word_is(doc, j, &["that"])
                && !doc.tokens[j].info.is_some_and(|x| x.finite)
        })
        .last()?;
    Some(last)
}

/// Farthest a "but" or semicolon before the speaker opens its report, in tokens.
const MAX_BUT_DISTANCE: usize = 80;

/// CLAUSE, S said.
///
/// Example: Moscow is seeking the return of six properties, Zakharova said.
fn clause_then_speaker_cue(doc: &Doc<'_>, cue: &Cue, state: &State) -> Option<Attribution> {
    if cue.participle || !asserted(doc, cue) {
        return None;
    }
    let sentence = doc.sentence_range(cue.first);
    let m = speaker_before(doc, cue.first, sentence.start)?;
    if !state.broad && is_document(doc, &m) {
        return None;
    }
    if m.first <= sentence.start + 1
        || !doc.is_punct(m.first - 1, &[",", "—", "–"])
        || !cue_ends_clause(doc, cue, sentence.end)
    {
        return None;
    }
    // "A, he said, B.": B is a piece of its own (see [`second_piece`]); with it, A may be a
    // single word ("Police, she says, have no policy").
    let rest = || {
        rest_after(
            doc,
            adverbial_end(doc, hearer_end(doc, cue, sentence.end), sentence.end),
            sentence.end,
            &[",", ";"],
        )
    };
    // "Instead, Trump told CNN, his policy …": a lone connective is no piece; the rest is all.
    let connective = m.first == sentence.start + 2
        && doc.is_word(sentence.start)
        && (doc.tokens[sentence.start]
            .info
            .is_some_and(|x| x.adverb || x.clause_opener)
            || doc.word(sentence.start).ends_with("ly"));
    // "China had resisted such deals, but the pollution was so bad, Obama noted, that …": the
    // report is the clause after the last "but" or semicolon, not the writer's before it.
    // Only a window back: scanning to the sentence start for each cue was quadratic in a run of
    // attributions with no full stop.
    let from = (sentence.start.max(m.first.saturating_sub(MAX_BUT_DISTANCE)) + 2
        ..m.first.saturating_sub(3))
        .rev()
        .find(|&k| {
            doc.token_quote[k].is_none()
                && (doc.is_punct(k, &[";"])
                    || lower_word_is(doc, k, &["but"]) && doc.is_punct(k - 1, &[","]))
        })
        .map_or(sentence.start, |k| k + 1);
    let content = if connective {
        rest()?
    } else {
        clause(doc, from, m.first - 2)
            .or_else(|| rest().and(Some(doc.tokens_span(from, m.first - 2))))?
    };
    // Alone, an opening adverbial is no report: "In July 2017, the board asked Lee, …".
    let adverbial = doc.is_word(sentence.start)
        && ADVERBIAL_PREPOSITIONS
            .iter()
            .any(|p| doc.word(sentence.start).eq_ignore_ascii_case(p))
        && !has_verb(doc, sentence.start, m.first - 1)
        // "In a general election, he could win the South, Roe said": a clause after it.
        && !(sentence.start..m.first - 1)
            .find(|&k| doc.is_punct(k, &[","]))
            .is_some_and(|c| verb_in(doc, c + 1, m.first - 1, c + 1));
    if adverbial && rest().is_none() {
        return None;
    }
    // "Although the mayor said the plan was working, critics disagreed.": the opening clause is
    // a report of its own, not the content of the second verb.
    if is_subordinator(doc, sentence.start)
        && m.first - sentence.start <= MAX_SUBORDINATE_TOKENS
        && (sentence.start..m.first)
            .filter_map(|k| cue_at(doc, k))
            .any(|c| {
                c.class == VerbClass::Speech
                    && !c.participle
                    && asserted(doc, &c)
                    && speaker_before(doc, c.first, sentence.start)
                        .is_some_and(|s| agrees(doc, &c, &s))
            })
    {
        return None;
    }
    Some(attribution(
        content,
        Some(m),
        cue,
        0.75,
        "clause_then_speaker_cue",
    ))
}

/// The report that goes on after an attribution ending at token `last`: "A, he said, B." / "A,
/// she writes; B." — B, up to the end of the sentence, when a comma (or one of `marks`) follows
/// and no other cue opens it.
pub(super) fn rest_after(doc: &Doc<'_>, last: usize, end: usize, marks: &[&str]) -> Option<Span> {
    let after = skip_adverbs_forward(doc, last + 1, end);
    if !doc.is_punct(after, marks) || cue_at(doc, after + 1).is_some() {
        return None;
    }
    // Not an aside of the writer's: "…, she said, raising fears …", "…, he said, though he
    // named no one".
    let first = after + 1;
    let aside = doc.is_word(first)
        && !doc.tokens[first].upper
        && (doc.word(first).ends_with("ing") || lower_word_is(doc, first, &["though", "although"]));
    if aside {
        return None;
    }
    clause_to_end(doc, first, end)
}

/// Longest adverbial after an attribution inside a report, in tokens.
const MAX_ADVERBIAL_TOKENS: usize = 10;

/// The last token of an adverbial phrase right after token `last` ("…, she explained| earlier in
/// the hearing|, …"), or `last` when none follows: a preposition, then words up to a comma with no
/// verb of saying, quotation mark or sentence end.
pub(super) fn adverbial_end(doc: &Doc<'_>, last: usize, end: usize) -> usize {
    let from = skip_adverbs_forward(doc, last + 1, end);
    if !lower_word_is(doc, from, ADVERBIAL_PREPOSITIONS) {
        return last;
    }
    // "…, he told the court in his filing.": a phrase that runs to the end of the sentence ends
    // there.
    for k in from + 1..end.min(from + MAX_ADVERBIAL_TOKENS) {
        if doc.is_punct(k, &[","]) || doc.is_terminal(k) && k + 1 >= end {
            return k - 1;
        }
        // A verb ends it, but a form after a determiner is a noun: "in his filing".
        let verb =
            cue_at(doc, k).is_some() && !doc.tokens[k - 1].info.is_some_and(|x| x.determiner);
        if doc.is_terminal(k) || doc.is_quote_mark(k) || verb {
            return last;
        }
    }
    if end <= from + MAX_ADVERBIAL_TOKENS && end > from + 1 {
        return end - 1;
    }
    last
}

/// The last token of the attribution: the cue, or the hearer after it ("…, Trump told CNN, …").
pub(super) fn hearer_end(doc: &Doc<'_>, cue: &Cue, end: usize) -> usize {
    if !HEARER_VERBS.contains(&cue.lemma) {
        return cue.last;
    }
    mention_after(doc, cue.last + 1, end)
        .filter(|m| doc.tokens[m.last].upper || m.kind != crate::statement::SpeakerType::Unknown)
        .map_or(cue.last, |m| m.last)
}

/// The second piece of a report split by its attribution: "A, he said, B." gives A (from the
/// rule) and B (from here), as for a quotation split by "she said". Likewise "A, according to S,
/// B." and "A, S writes; B.".
fn second_piece(doc: &Doc<'_>, cue: &Cue, rule: &str, mention: Option<Mention>) -> Option<Span> {
    let sentence = doc.sentence_range(cue.first);
    match rule {
        "clause_then_speaker_cue" => rest_after(
            doc,
            adverbial_end(doc, hearer_end(doc, cue, sentence.end), sentence.end),
            sentence.end,
            &[",", ";"],
        ),
        "clause_then_according_to" => {
            let m = mention?;
            // After the source only a clause with a verb of its own, not an appositive:
            // "according to Jane Doe, a professor at the university."
            let rest = rest_after(doc, m.last, sentence.end, &[","])?;
            let from = doc.token_at(rest.start);
            has_verb(doc, from, sentence.end).then_some(rest)
        }
        _ => None,
    }
}

/// CLAUSE, said S.
///
/// Example: The talks will resume in the spring, said a spokesman for the ministry.
fn clause_then_cue_speaker(doc: &Doc<'_>, cue: &Cue, _: &State) -> Option<Attribution> {
    let sentence = doc.sentence_range(cue.first);
    let k = skip_adverbs_back(doc, cue.first, sentence.start);
    // Only a verb of saying inverts with its subject: not "…, she, too, wants an inquiry".
    if k <= sentence.start + 1
        || !doc.is_punct(k - 1, &[","])
        || cue.participle
        || cue.class != VerbClass::Speech
    {
        return None;
    }
    let m = mention_after(doc, cue.last + 1, sentence.end)?;
    let next = m.last + 1;
    if !(next >= sentence.end || doc.is_terminal(next) || doc.is_punct(next, &[","])) {
        return None;
    }
    // "…, recounted the incident": a thing after the verb is its object, no speaker.
    if m.kind == crate::statement::SpeakerType::Unknown
        && !doc.tokens[m.last].upper
        && !is_document(doc, &m)
    {
        return None;
    }
    // "Rahm Roe, his chief of staff, urged a strong stand": a subject and its appositive are no
    // clause.
    if !any_verb(doc, sentence.start, k - 1) {
        return None;
    }
    let content = clause(doc, sentence.start, k - 2)?;
    Some(attribution(
        content,
        Some(m),
        cue,
        0.72,
        "clause_then_cue_speaker",
    ))
}

/// Longest object between "call" and what it is called: "called the new funding program| one of …".
const MAX_CALLED_OBJECT_TOKENS: usize = 5;

/// S called X a Y. / what S calls Y. — what the speaker calls something, without quote marks.
///
/// Example: The union called the offer a step backwards for nurses.
fn speaker_calls_object_complement(doc: &Doc<'_>, cue: &Cue, state: &State) -> Option<Attribution> {
    if !asserted(doc, cue) {
        return None;
    }
    let sentence = doc.sentence_range(cue.first);
    // "Then he cut into Bush, calling him a “stiff”": a participle after a comma tells more of
    // the sentence's subject.
    let lead = skip_adverbs_back(doc, cue.first, sentence.start);
    let m = if cue.participle && lead > sentence.start && doc.is_punct(lead - 1, &[","]) {
        main_subject(doc, &sentence, lead - 1)?
    } else {
        speaker_before(doc, cue.first, sentence.start)?
    };
    // Who calls is named, a pronoun or a body: not "an app called …".
    if m.kind == crate::statement::SpeakerType::Unknown && !doc.tokens[m.last].upper {
        return None;
    }
    let k = cue.last + 1;
    // "what he calls the …", "who she calls a …": the object stands before the speaker.
    let object_before = m.first > sentence.start
        && lower_word_is(doc, m.first - 1, &["what", "who", "whom", "which"]);
    let complement = |j: usize| lower_word_is(doc, j, &["a", "an", "one", "another"]);
    let start = if object_before {
        (doc.is_word(k) && opens_bare_clause(doc, k)).then_some(k)?
    } else if lower_word_is(
        doc,
        k,
        &["it", "them", "him", "her", "this", "that", "these", "those"],
    ) {
        complement(k + 1).then_some(k + 1)?
    } else if doc
        .tokens
        .get(k)
        .is_some_and(|t| t.info.is_some_and(|x| x.determiner))
    {
        // "called the program one of …": a short object, then the complement.
        (k + 1..sentence.end.min(k + 1 + MAX_CALLED_OBJECT_TOKENS))
            .take_while(|&j| doc.is_word(j))
            .find(|&j| complement(j))?
    } else {
        return None;
    };
    // In the broad sense what one calls something is both: "called [him a stiff]".
    let start = if state.broad && !object_before {
        k
    } else {
        start
    };
    // "calling him a stiff and accusing him of …": a second cue ends it.
    let end = (start + 1..sentence.end)
        .find(|&j| lower_word_is(doc, j, &["and"]) && super::object::second_cue(doc, j + 1))
        .map_or(sentence.end, |and| {
            if doc.is_punct(and - 1, &[","]) {
                and - 1
            } else {
                and
            }
        });
    let content = clause_to_end(doc, start, end)?;
    Some(attribution(
        content,
        Some(m),
        cue,
        0.6,
        "speaker_calls_object_complement",
    ))
}

/// Longest source after "according to" when it is not a plain mention: "according to the most
/// recent numbers from Statistics Canada, …".
const MAX_SOURCE_TOKENS: usize = 24;

/// The source after "according to": a mention, or everything up to the comma that ends it.
fn according_to_source(doc: &Doc<'_>, cue: &Cue, end: usize) -> Option<Mention> {
    let start = cue.last + 1;
    // Only punctuation may follow the source: "according to the AP." ends in a dot that may
    // read as an abbreviation's.
    if let Some(m) = mention_after(doc, start, end).filter(|m| {
        doc.is_punct(m.last + 1, &[","])
            || (m.last + 1..end).all(|k| doc.tokens[k].kind == TokenKind::Punct)
    }) {
        return Some(m);
    }
    let stop = (start..end.min(start + MAX_SOURCE_TOKENS))
        .find(|&k| doc.is_punct(k, &[",", "—", "–"]) || doc.is_terminal(k))?;
    (stop > start && !doc.is_quote_mark(start))
        .then(|| crate::mentions::classify(doc, start, stop - 1))
}

/// According to S, CLAUSE.
///
/// Example: According to the ministry, the talks lasted six hours.
fn according_to_then_clause(doc: &Doc<'_>, cue: &Cue, _: &State) -> Option<Attribution> {
    if !cue.is_according_to() {
        return None;
    }
    let sentence = doc.sentence_range(cue.first);
    let m = according_to_source(doc, cue, sentence.end)?;
    // The source may run on with an aside: "According to the study — which used … —, CLAUSE".
    let comma = (m.last + 1..sentence.end).find(|&k| doc.is_punct(k, &[","]))?;
    if comma > m.last + 1 + MAX_SOURCE_TOKENS {
        return None;
    }
    let content = clause_to_end(doc, comma + 1, sentence.end)?;
    Some(attribution(
        content,
        Some(m),
        cue,
        0.72,
        "according_to_then_clause",
    ))
}

/// CLAUSE, according to S.
///
/// Example: The talks lasted six hours, according to the ministry.
fn clause_then_according_to(doc: &Doc<'_>, cue: &Cue, _: &State) -> Option<Attribution> {
    if !cue.is_according_to() || cue.first < 2 {
        return None;
    }
    // The comma, or a closing mark after it: “The talks lasted six hours,” according to …
    let last = if doc.is_punct(cue.first - 1, &[","]) {
        cue.first - 2
    } else if doc.is_quotation_mark(cue.first - 1) && doc.is_punct(cue.first - 2, &[","]) {
        cue.first - 1
    } else {
        return None;
    };
    let sentence = doc.sentence_range(cue.first);
    let m = according_to_source(doc, cue, sentence.end)?;
    // "Some concerns, according to experts, include …": with a second piece after the source
    // (see [`second_piece`]) the first may be short.
    let content = clause(doc, sentence.start, last).or_else(|| {
        second_piece(doc, cue, "clause_then_according_to", Some(m))?;
        (last >= sentence.start).then(|| doc.tokens_span(sentence.start, last))
    })?;
    Some(attribution(
        content,
        Some(m),
        cue,
        0.72,
        "clause_then_according_to",
    ))
}

/// The subject of the sentence's main clause, before token `before`: the mention that opens the
/// sentence, or that follows an opening adverbial ("On Tuesday, Trump mocked …, saying …").
pub(super) fn main_subject(
    doc: &Doc<'_>,
    sentence: &std::ops::Range<usize>,
    before: usize,
) -> Option<Mention> {
    let after_comma = (sentence.start..before)
        .find(|&k| doc.is_punct(k, &[","]))
        .map(|k| k + 1);
    let subject_at = |from: usize| {
        mention_after(doc, from, before).filter(|m| {
            m.first == from
                && (m.kind != crate::statement::SpeakerType::Unknown
                    || doc.tokens[m.last].upper && !doc.word_in(m.first, WEEKDAYS))
        })
    };
    // "MIRAMICHI, N.B. — Justin Trudeau is warning …": past a dateline.
    if let Some(dash) = dateline_dash(doc, sentence, before) {
        return subject_at(dash + 1);
    }
    // "Then he cut into Bush, calling …": nor is an adverb opening it (a modal may be a name:
    // "May said").
    let start = subject_start(doc, sentence);
    let opening_adverb = doc.is_word(start)
        && doc.tokens[start]
            .info
            .is_some_and(|x| x.adverb && !x.finite && x.pronoun.is_none());
    let start = if opening_adverb { start + 1 } else { start };
    subject_at(start).or_else(|| subject_at(after_comma?))
}

/// Where the sentence's subject may start: after a conjunction opening it, which is no part of
/// it ("But Trump spoke …").
fn subject_start(doc: &Doc<'_>, sentence: &std::ops::Range<usize>) -> usize {
    let opener = doc.is_word(sentence.start)
        && matches!(
            doc.word_bytes(sentence.start),
            b"But" | b"And" | b"Yet" | b"Or" | b"So"
        );
    sentence.start + usize::from(opener)
}

/// Most tokens in a dateline ("MIRAMICHI, N.B. —").
const MAX_DATELINE_TOKENS: usize = 8;

/// The dash that ends a dateline opening the sentence: a place in capitals, then a dash.
fn dateline_dash(doc: &Doc<'_>, sentence: &std::ops::Range<usize>, before: usize) -> Option<usize> {
    let first = sentence.start;
    let word = doc.is_word(first).then(|| doc.word(first))?;
    if word.len() < 2 || word.chars().any(char::is_lowercase) {
        return None;
    }
    (first + 1..before.min(first + MAX_DATELINE_TOKENS))
        .take_while(|&k| doc.tokens[k].upper || doc.tokens[k].kind == TokenKind::Punct)
        .find(|&k| doc.is_punct(k, &["—", "–", "-"]))
}

/// …, adding (that) CLAUSE: the participle's speaker is the one of the statement before it in
/// the same sentence.
///
/// Example: Zakharova described the talks as “constructive,” adding that both sides would meet.
fn participle_clause(doc: &Doc<'_>, cue: &Cue, state: &State) -> Option<Attribution> {
    // The comma may stand inside a closing mark: “constructive,” adding …; a preposition may
    // govern the participle: "… by saying that …".
    // An adverb may stand between: "…, eventually saying …".
    let k = skip_adverbs_back(doc, cue.first, doc.sentence_range(cue.first).start);
    if !cue.participle
        || k == 0
        || !(doc.is_punct(k - 1, &[","])
            || doc.is_quote_mark(k - 1)
            || lower_word_is(doc, k - 1, GERUND_PREPOSITIONS))
    {
        return None;
    }
    let sentence = doc.sentence_range(cue.first);
    let sentence_span = doc.tokens_span(sentence.start, sentence.end.checked_sub(1)?);
    // The latest few only: scanning every statement for each participle was quadratic.
    let before = state
        .out
        .iter()
        .enumerate()
        .rev()
        .take(MAX_NEARBY_STATEMENTS)
        .find(|(_, a)| {
            a.cue
                .is_some_and(|c| sentence_span.contains(c.span) && c.first < cue.first)
        });
    // After a statement, the participle has that statement's speaker. It names no speaker of
    // its own, as GGT annotates it; PolNeAR (`broad`) gives it the main clause's subject.
    let mut inherits = None;
    // Without a statement before it, the participle's speaker is the sentence's subject:
    // "Former premier Brian Gallant announced he would step down, saying …".
    let m = match before {
        Some((i, a)) => {
            let m = a.mention?;
            if !state.broad {
                inherits = Some(i);
            }
            m
        }
        None => {
            // Only verbs of saying itself ("saying", "adding", "noting"): "rejecting a plea"
            // reports nothing.
            if !SAYING.contains(&cue.lemma) {
                return None;
            }
            main_subject(doc, &sentence, cue.first)?
        }
    };
    let start = clause_start(doc, cue, sentence.end)?;
    // Other participles ("rejecting", "confirming") report speech only with "that": "…,
    // rejecting a plea for changes" has an object (an attribution in the broad sense).
    let with_that = lower_word_is(doc, start, &["that"]) || is_question_word(doc, start);
    if !(SAYING.contains(&cue.lemma) || with_that || state.broad) {
        return None;
    }
    let content = clause_to_end(doc, start, sentence.end)?;
    let mut a = attribution(content, Some(m), cue, 0.6, "participle_clause");
    if inherits.is_some() {
        a.mention = None;
        a.inherits = inherits;
    }
    Some(a)
}

#[cfg(test)]
mod tests {
    use crate::attribute::{Doc, attribute};

    fn run(text: &str) -> Vec<(String, Option<String>, Option<String>, &'static str)> {
        crate::attribute::texts(text)
    }

    #[test]
    fn speaker_cue_clause() {
        let got = run("Lonechild said that the relationship with police needs work.");
        assert_eq!(got[0].0, "that the relationship with police needs work");
        assert_eq!(got[0].1.as_deref(), Some("Lonechild"));
        assert_eq!(got[0].3, "speaker_cue_clause");
    }

    #[test]
    fn a_cue_after_a_catenative_is_its_subjects_statement() {
        let got = run("Roe continued to insist that she never met the donor.");
        assert_eq!(got[0].0, "that she never met the donor");
        assert_eq!(got[0].1.as_deref(), Some("Roe"));
        assert_eq!(got[0].2.as_deref(), Some("continued to insist"));
        let got = run("The mayor was quick to point out that the bridge is safe.");
        assert_eq!(got[0].1.as_deref(), Some("The mayor"));
        assert_eq!(got[0].2.as_deref(), Some("was quick to point"));
        let got = run("He went on to say that the talks would resume.");
        assert_eq!(got[0].2.as_deref(), Some("went on to say"));
        // Negated, the expectation asserts nothing; nor does a refusal.
        assert!(run("Roe is not expected to say that the plan failed.").is_empty());
        assert!(run("Roe declined to say that the plan failed.").is_empty());
    }

    #[test]
    fn a_participle_after_with_and_its_subject_is_their_statement() {
        let got =
            run("The mayor gained ground, with 40 percent of residents saying the bridge helped.");
        assert_eq!(got[0].0, "the bridge helped");
        assert_eq!(got[0].1.as_deref(), Some("40 percent of residents"));
        let got = crate::attribute::broad_texts(
            "The debate turned bitter, with Roe repeatedly calling Doe a fraud.",
        );
        assert_eq!(got[0].0, "Doe a fraud");
        assert_eq!(got[0].1.as_deref(), Some("Roe"));
        // Without a clause before it, "with" makes a phrase of the noun: no subject.
        assert!(run("A mayor with residents saying the bridge helped won again.").is_empty());
    }

    #[test]
    fn a_participle_of_saying_after_its_noun_reports_a_clause_in_the_broad_sense() {
        let broad = crate::attribute::broad_texts;
        let got =
            broad("Later, the campaign released a statement saying it would postpone the rally.");
        assert_eq!(got[0].0, "it would postpone the rally");
        assert_eq!(got[0].1.as_deref(), Some("a statement"));
        // A noun that is neither a source nor plural: the participle is the subject's act.
        assert!(
            broad("Roe opened the debate saying the race was close.")
                .iter()
                .all(|g| g.1.as_deref() != Some("the debate"))
        );
        // In the sense of speech the statement is no speaker.
        assert!(
            run("Later, the campaign released a statement saying it would postpone the rally.")
                .is_empty()
        );
    }

    #[test]
    fn a_time_after_the_cue_or_hearer_and_a_contracted_would_open_the_clause() {
        let got = run("Roe told the council last week she would resign.");
        assert_eq!(got[0].0, "she would resign");
        let got = run("Officials said this month the plant would close.");
        assert_eq!(got[0].0, "the plant would close");
        let got = run("Roe convinced the board that the plan would work.");
        assert_eq!(got[0].0, "that the plan would work");
        let got = run("Roe told reporters he'd vote for the plan.");
        assert_eq!(got[0].0, "he'd vote for the plan");
    }

    #[test]
    fn a_thing_after_an_inverted_verb_is_its_object_not_a_speaker() {
        let got = run("Jane Roe, who said the mayor lied to her in 1998, recounted the incident.");
        assert_eq!(got[0].0, "the mayor lied to her in 1998");
        assert_eq!(got[0].1.as_deref(), Some("Jane Roe"));
        let got = run("The plan will fail, said the spokesman.");
        assert_eq!(got[0].1.as_deref(), Some("the spokesman"));
    }

    #[test]
    fn opining_and_instructing_report() {
        let got = run("The columnist opined that the race was over.");
        assert_eq!(got[0].0, "that the race was over");
        let got = run("The judge instructed jurors that the law was clear.");
        assert_eq!(got[0].1.as_deref(), Some("The judge"));
    }

    #[test]
    fn a_time_adverbial_may_stand_between_subject_and_cue() {
        let got = crate::attribute::broad_texts(
            "A state poll last month showed that the senator trails by four points.",
        );
        assert_eq!(got[0].1.as_deref(), Some("A state poll"));
        let got = run("Officials earlier this year said that the plant would close.");
        assert_eq!(got[0].1.as_deref(), Some("Officials"));
    }

    #[test]
    fn a_document_with_modifiers_and_a_plural_role_are_subjects() {
        let got = crate::attribute::broad_texts("Recent polls show that the race has tightened.");
        assert_eq!(got[0].1.as_deref(), Some("Recent polls"));
        let got = run("But security specialists say the leak is a realistic threat.");
        assert_eq!(got[0].1.as_deref(), Some("security specialists"));
    }

    #[test]
    fn a_determined_subject_before_v_that_is_no_compound() {
        let broad = crate::attribute::broad_texts;
        let got = broad("Their experience shows that cutting emissions remains hard.");
        assert_eq!(got[0].1.as_deref(), Some("Their experience"));
        // A verb after "that" makes it a relative clause of a compound noun.
        let got = broad("The budget shows that could change were debated.");
        assert!(
            got.iter().all(|g| g.2.as_deref() != Some("shows")),
            "{got:?}"
        );
    }

    #[test]
    fn an_opening_adverbial_with_a_clause_after_it_is_reported() {
        let got = run("In a general election, he could win the South, Roe said.");
        assert_eq!(got[0].0, "In a general election, he could win the South");
        assert_eq!(got[0].1.as_deref(), Some("Roe"));
    }

    #[test]
    fn a_participle_of_saying_after_a_comma_is_a_report_of_its_own() {
        let got = run("Roe praised the plan, suggesting that the bridge would open in May.");
        let last = got.last().unwrap();
        assert_eq!(last.0, "that the bridge would open in May");
        assert_eq!(last.1.as_deref(), Some("Roe"));
    }

    #[test]
    fn a_dateline_is_no_subject() {
        let got = run("OTTAWA — Jane Roe is warning voters, suggesting the vote will be close.");
        assert_eq!(got[0].1.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn regression_a_participle_before_that_reports_in_the_broad_sense() {
        let got = crate::attribute::broad_texts(
            "Critics of the plan are gathering and loudly claiming that the deal is dead.",
        );
        assert!(
            got.iter().any(|g| g.0 == "that the deal is dead"),
            "{got:?}"
        );
    }

    #[test]
    fn regression_a_modal_hedges_a_report_in_the_sense_of_speech() {
        assert!(run("The Greens will argue that the plan goes too far.").is_empty());
        assert!(run("We can't predict that the plan will fail.").is_empty());
        // In the broad sense it is an attribution.
        let got =
            crate::attribute::broad_texts("The Greens will argue that the plan goes too far.");
        assert_eq!(got[0].0, "that the plan goes too far");
    }

    #[test]
    fn a_form_that_is_never_a_noun_needs_no_known_head() {
        let got = crate::attribute::broad_texts("Each side wants a truce before the winter.");
        assert_eq!(got[0].1.as_deref(), Some("Each side"));
        let got = crate::attribute::broad_texts("Neither side believes the truce will hold.");
        assert_eq!(got[0].1.as_deref(), Some("Neither side"));
    }

    #[test]
    fn regression_a_hedged_verb_in_a_reported_clause_does_not_end_it() {
        let got =
            run("Roe has said four of her aides and her husband will also speak at the rally.");
        assert_eq!(
            got[0].0,
            "four of her aides and her husband will also speak at the rally"
        );
    }

    #[test]
    fn a_report_set_off_after_but_starts_after_it() {
        let got = run(
            "The city resisted the plan, but the traffic was so bad, Roe noted, that it gave in.",
        );
        assert_eq!(got[0].0, "the traffic was so bad");
    }

    #[test]
    fn a_progressive_may_hold_adverbs_and_a_contraction() {
        let got = run("The union is still arguing that the plan will fail.");
        assert_eq!(got[0].1.as_deref(), Some("The union"));
        let got = run("He’s also arguing that the plan will fail.");
        assert_eq!(got[0].1.as_deref(), Some("He"));
        // Negated, the progressive asserts nothing.
        let got = run("She isn't arguing that the plan will fail.");
        assert!(
            got.iter().all(|g| g.2.as_deref() != Some("arguing")),
            "{got:?}"
        );
    }

    #[test]
    fn a_contraction_of_are_makes_a_form_in_ed_passive() {
        assert_eq!(run("We’re told that the plan will fail."), vec![]);
        let got = run("They’ve said that the plan will fail.");
        assert_eq!(got[0].1.as_deref(), Some("They"));
        // "'s" before a past form is "has", unless "to" makes it passive.
        let got = run("He's said that the plan will fail.");
        assert_eq!(got[0].1.as_deref(), Some("He"));
        assert_eq!(run("He's said to be rich."), vec![]);
    }

    #[test]
    fn hearer_and_adverbials_are_skipped() {
        let got = run("The minister told reporters on Friday the talks had stalled.");
        assert_eq!(got[0].0, "the talks had stalled");
        let got = run("The ministry said in a statement the talks had stalled.");
        assert_eq!(got[0].0, "the talks had stalled");
    }

    #[test]
    fn clause_then_speaker_cue() {
        let got = run("Moscow is seeking the return of six properties, Zakharova said.");
        assert_eq!(got[0].0, "Moscow is seeking the return of six properties");
        assert_eq!(got[0].1.as_deref(), Some("Zakharova"));
        let got = run("Diplomats held talks on Thursday, officials from both sides said.");
        assert_eq!(got[0].1.as_deref(), Some("officials from both sides"));
    }

    #[test]
    fn a_bare_clause_with_a_comma_soon_after_its_verb() {
        let got = run("Jane Roe said he expects Lee, Kim and Park to win the race.");
        assert_eq!(got[0].0, "he expects Lee, Kim and Park to win the race");
        // An opening adverbial set off by a comma still does not count as the clause's verb.
        let got = run("Too often, that is not happening, she said.");
        assert_eq!(got[0].0, "Too often, that is not happening");
    }

    #[test]
    fn an_opening_conjunction_is_no_part_of_the_main_subject() {
        let got = run("But Roe spoke to donors, claiming he had won the vote.");
        assert_eq!(got[0].1.as_deref(), Some("Roe"));
    }

    #[test]
    fn a_report_inside_a_quotation_does_not_end_the_clause() {
        let got = run(
            "Pew reported that “about twice as many voters and their friends said it was important.”",
        );
        assert_eq!(
            got[0].0,
            "that “about twice as many voters and their friends said it was important.”"
        );
    }

    #[test]
    fn a_cue_inside_a_broad_report_belongs_to_it() {
        let broad = crate::Extractor {
            broad: true,
            ..crate::Extractor::default()
        };
        let text = "Aides said the senator simply believed in airing differences openly.";
        let got = broad.extract(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            &text[got[0].quote],
            "the senator simply believed in airing differences openly"
        );
    }

    #[test]
    fn a_hearer_after_a_trailing_attribution() {
        let got = run("The union will sit out the election, Phil Smith told the paper.");
        assert_eq!(got[0].0, "The union will sit out the election");
    }

    #[test]
    fn a_long_source_after_according_to() {
        let got = run(
            "According to early results of exit polls conducted by a research firm for the wire \
             service and two television networks, voters trust the senator more.",
        );
        assert_eq!(got[0].0, "voters trust the senator more");
    }

    #[test]
    fn a_hyphenated_word_after_the_cue_opens_the_clause() {
        let got = run("Experts said first-time offenders are often sent to courses.");
        assert_eq!(got[0].0, "first-time offenders are often sent to courses");
    }

    #[test]
    fn a_hearer_after_to_is_no_infinitive() {
        let got = run("The group wrote to the council that it had no permission.");
        assert_eq!(got[0].0, "that it had no permission");
        assert!(run("He declined to say that the plan failed.").is_empty());
    }

    #[test]
    fn an_adverb_set_off_between_cue_and_that() {
        let got = run("She said, however, that the plan would fail.");
        assert_eq!(got[0].0, "that the plan would fail");
        assert_eq!(got[0].1.as_deref(), Some("She"));
        let got = run("He said, in a statement on Friday, that the plan would fail.");
        assert_eq!(got[0].0, "that the plan would fail");
        // Two commas with no "that" after them set off something else.
        let got = run("He said, in a statement on Friday, the plan that failed was his.");
        assert_ne!(
            got.first().map(|g| g.0.as_str()),
            Some("that failed was his")
        );
    }

    #[test]
    fn parenthetical_attribution_splits_the_report() {
        let got = run("In a merger, he said, the brand would survive.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "In a merger");
        assert_eq!(got[1].0, "the brand would survive");
        assert_eq!(got[1].1.as_deref(), Some("he"));
        // With a second piece, the first may be a single word.
        let got = run("Teachers, the union says, have had no raise in six years.");
        assert_eq!(got[0].0, "Teachers");
        assert_eq!(got[1].0, "have had no raise in six years");
        // An aside after the attribution is not reported.
        let got =
            run("The flood killed nine people, officials said, raising fears of more deaths.");
        assert_eq!(got.len(), 1, "{got:?}");
        // An adverbial may follow the cue inside the attribution.
        let got = run("Teachers, the union said in a hearing, have had no raise in six years.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "Teachers");
        assert_eq!(got[1].0, "have had no raise in six years");
    }

    #[test]
    fn semicolon_after_the_attribution_goes_on_with_the_report() {
        let got =
            run("Wages fell for a decade, the author writes; most families borrowed to cope.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0, "most families borrowed to cope");
        assert_eq!(got[1].1.as_deref(), Some("the author"));
    }

    #[test]
    fn according_to_between_two_pieces() {
        let got = run("Many tenants, according to the housing board, face steep rent increases.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "Many tenants");
        assert_eq!(got[1].0, "face steep rent increases");
        assert_eq!(got[1].1.as_deref(), Some("the housing board"));
        // A source with commas of its own is no second piece.
        let got =
            run("The dam broke at noon, according to the Office of Water, Parks and Forests.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "The dam broke at noon");
    }

    #[test]
    fn participle_of_saying_ends_the_main_clause() {
        let got = crate::extract(
            "Mayor Ann Lee said the budget was balanced, noting that taxes would not rise.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        let text = "Mayor Ann Lee said the budget was balanced, noting that taxes would not rise.";
        assert_eq!(&text[got[0].quote], "the budget was balanced");
        assert_eq!(&text[got[1].quote], "that taxes would not rise");
        // The participle names no speaker of its own; it has the main clause's.
        assert_eq!(got[1].speaker, None);
        assert_eq!(got[1].speaker_name.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn clause_then_cue_speaker() {
        let got = run("The talks will resume in the spring, said a spokesman for the ministry.");
        assert_eq!(got[0].0, "The talks will resume in the spring");
        assert_eq!(got[0].1.as_deref(), Some("a spokesman for the ministry"));
    }

    #[test]
    fn a_subject_and_its_appositive_are_no_clause_before_an_inverted_cue() {
        let got =
            crate::attribute::broad_texts("Rahm Okoro, his chief of staff, urged a strong stand.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "a strong stand");
        assert_eq!(got[0].1.as_deref(), Some("Rahm Okoro"));
    }

    #[test]
    fn according_to() {
        let got = run("According to the ministry, the talks lasted six hours.");
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_deref()),
            ("the talks lasted six hours", Some("the ministry"))
        );
        let got = run("The talks lasted six hours, according to the ministry.");
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_deref()),
            ("The talks lasted six hours", Some("the ministry"))
        );
        // The comma inside a closing mark.
        let got = run("“The talks will end within weeks,” according to the ministry.");
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_deref()),
            ("“The talks will end within weeks,”", Some("the ministry"))
        );
    }

    #[test]
    fn mixed_clause_with_partial_quote() {
        let text = "Zakharova said officials \"agreed on joint steps to ensure financing.\"";
        let doc = Doc::new(text);
        let got = attribute(&doc, false);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].kind, crate::Kind::Mixed);
        assert_eq!(
            &text[got[0].quote],
            "officials \"agreed on joint steps to ensure financing.\""
        );
    }

    #[test]
    fn participle_inherits_speaker() {
        let got = run(
            "Zakharova described the talks as “constructive,” adding that both sides had agreed to continue.",
        );
        let last = got.last().unwrap();
        assert_eq!(last.0, "that both sides had agreed to continue");
        assert_eq!(last.1, None);
        let text = "Maria Zakharova described the talks as “constructive,” adding that both sides had agreed to continue.";
        let got = crate::extract(text);
        assert_eq!(got[1].speaker_name.as_deref(), Some("Maria Zakharova"));
        // In the broad sense (PolNeAR), the participle's speaker is the main clause's subject.
        let broad = crate::Extractor {
            broad: true,
            ..crate::Extractor::default()
        };
        let got = broad.extract(text);
        assert_eq!(&text[got[1].speaker.unwrap()], "Maria Zakharova");
    }

    #[test]
    fn a_that_clause_without_a_subject_found_is_reported_in_the_broad_sense() {
        let text = "Officers in the war zones, with years of it behind them, chafed and then \
                    argued that seeking help was right.";
        assert!(crate::extract(text).is_empty());
        let broad = crate::Extractor {
            broad: true,
            ..crate::Extractor::default()
        };
        let got = broad.extract(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(&text[got[0].quote], "that seeking help was right");
        assert_eq!(got[0].rule, "cue_that_clause");
        // Or a bare clause with a verb of its own after a past form of a verb of saying.
        let text = text.replace("argued that", "said");
        let text = text.as_str();
        let got = broad.extract(text);
        assert_eq!(&text[got[0].quote], "seeking help was right");
        // A noun reports its clause too: "her claim that …".
        let text = "It ran against her claim that Jane Roe had voted no.";
        let got = broad.extract(text);
        assert_eq!(&text[got[0].quote], "that Jane Roe had voted no");
    }

    #[test]
    fn a_run_of_cues_without_subjects_reads_bounded_clauses() {
        // Each clause read to the end of the sentence: quadratic in a megabyte of "said".
        let text = "<u>said</u>".repeat(400);
        let doc = Doc::new(&text);
        let first = (0..doc.tokens.len())
            .find_map(|i| crate::cues::cue_at(&doc, i))
            .unwrap();
        let a = super::cue_that_clause(&doc, &first).unwrap();
        let tokens = doc.token_at(a.quote.end) - doc.token_at(a.quote.start);
        assert!(
            tokens <= super::MAX_SUBJECTLESS_CLAUSE_TOKENS,
            "{tokens} tokens"
        );
    }

    #[test]
    fn according_to_a_long_source() {
        let got = run(
            "According to the most recent numbers from Statistics Canada, the jobless rate rose.",
        );
        assert_eq!(got[0].0, "the jobless rate rose");
        assert_eq!(
            got[0].1.as_deref(),
            Some("the most recent numbers from Statistics Canada")
        );
    }

    #[test]
    fn an_adverb_may_stand_between_the_comma_and_the_participle() {
        let got = run("Okoro turned tougher on Dunn, eventually saying he would be a disaster.");
        assert_eq!(got[0].0, "he would be a disaster");
        assert_eq!(got[0].1.as_deref(), Some("Okoro"));
    }

    #[test]
    fn participle_takes_the_sentence_subject() {
        let got = run(
            "Former premier Brian Gallant announced his exit, saying the party needs to move on.",
        );
        assert_eq!(got[0].0, "the party needs to move on");
        assert_eq!(got[0].1.as_deref(), Some("Former premier Brian Gallant"));
    }

    #[test]
    fn a_second_report_ends_the_first_clause() {
        let got = run(
            "But Fowler said the politics would be more intense — and he noted that any change would occur.",
        );
        assert_eq!(got[0].0, "the politics would be more intense");
        assert_eq!(got[1].0, "that any change would occur");
        let got =
            run("Most voters said the plan works, while other voters said it had failed them.");
        assert_eq!(got[0].0, "the plan works");
        assert_eq!(got[1].0, "it had failed them");
        assert_eq!(got[1].1.as_deref(), Some("other voters"));
        // The comma may stand inside a closing mark.
        let got = run(
            "After Roe said that students do better at “smaller schools,” Doe said: “I disagree with all of that.”",
        );
        assert_eq!(
            got[0].0, "that students do better at “smaller schools,”",
            "{got:?}"
        );
        assert_eq!(got[1].1.as_deref(), Some("Doe"));
        // A subject with a verb of belief after "though" or a comma ends the first report too.
        let got = run("Roe said the plan works, though she noted that it had cost a great deal.");
        assert_eq!(got[0].0, "the plan works");
        assert_eq!(got[1].0, "that it had cost a great deal");
        let got = crate::attribute::broad_texts(
            "Roe said the plan works, and the voters believe it will last for years.",
        );
        assert_eq!(got[0].0, "the plan works", "{got:?}");
    }

    #[test]
    fn coordinated_verbs_share_the_subject() {
        let got = run("Then Rubio thanked Miami and said it was great to be home.");
        assert_eq!(got[0].1.as_deref(), Some("Rubio"));
        assert_eq!(got[0].0, "it was great to be home");
    }

    #[test]
    fn coordinated_verbs_after_an_as_complement_share_the_subject() {
        let got = crate::attribute::broad_texts(
            "Roe has cast the mayor as reckless and accused him of hiding the costs.",
        );
        let accused = got.iter().find(|g| g.2.as_deref() == Some("accused"));
        assert_eq!(accused.and_then(|g| g.1.as_deref()), Some("Roe"), "{got:?}");
        let got = run("He stood as the crowd cheered and said the plan would pass.");
        assert_eq!(got[0].1.as_deref(), Some("He"));
    }

    #[test]
    fn coordinated_verbs_after_an_auxiliary_or_infinitive_share_the_subject() {
        for text in [
            "Okoro has used the phrase often and criticized Dunn for his record.",
            "Okoro tried to visit the plant and promised to deliver change.",
        ] {
            let got = crate::attribute::broad_texts(text);
            assert_eq!(got.len(), 1, "{got:?}");
            assert_eq!(got[0].1.as_deref(), Some("Okoro"), "{text}");
        }
    }

    #[test]
    fn a_description_opening_the_clause_is_the_subject_of_coordinated_verbs() {
        let got = crate::attribute::broad_texts(
            "Advocacy groups condemned the bill but praised the senators.",
        );
        let praised = got.iter().find(|g| g.2.as_deref() == Some("praised"));
        assert_eq!(
            praised.map(|g| (g.0.as_str(), g.1.as_deref())),
            Some(("the senators", Some("Advocacy groups"))),
            "{got:?}"
        );
    }

    #[test]
    fn a_coordinated_call_ends_the_report_before_it() {
        let got = crate::attribute::broad_texts(
            "Dunn said the plan would cost money, and called him the leading proponent.",
        );
        let pieces: Vec<_> = got.iter().map(|g| (g.0.as_str(), g.2.as_deref())).collect();
        assert_eq!(
            pieces,
            vec![
                ("the plan would cost money", Some("said")),
                ("him the leading proponent", Some("called"))
            ]
        );
        // After its own subject "called" names something inside the report.
        let got = run("Roe said the firm paid users who downloaded an app called Research.");
        assert_eq!(
            got[0].0,
            "the firm paid users who downloaded an app called Research"
        );
    }

    #[test]
    fn a_second_complement_with_that_does_not_skip_the_first() {
        let got = run("Roe says he opposes violence but that the plans won’t help prevent it.");
        assert_eq!(
            got[0].0,
            "he opposes violence but that the plans won’t help prevent it"
        );
    }

    #[test]
    fn an_aside_between_subject_and_verb_keeps_a_bare_clause() {
        let got = run("He also says the scandal, while troublesome, was handled well.");
        assert_eq!(got[0].0, "the scandal, while troublesome, was handled well");
        let got =
            crate::attribute::broad_texts("Jane Dunn said Wednesday she, too, wants an inquiry.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "she, too, wants an inquiry");
        let got = run("Roe said the visit — the state’s biggest market — would help him.");
        assert_eq!(
            got[0].0,
            "the visit — the state’s biggest market — would help him"
        );
        // A longer aside that ends in an appositive of its own.
        let got = run(
            "He said the dairy, along with a bank run by his old friend, Jane Roe, gave the town a boost.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].0.ends_with("gave the town a boost"), "{got:?}");
    }

    #[test]
    fn maintain_and_rule_report_a_clause_only_after_that() {
        assert_eq!(
            run("The party maintains a program to develop young leaders."),
            vec![]
        );
        let got = run("Roe maintained that she had complied with the rules.");
        assert_eq!(got[0].0, "that she had complied with the rules");
    }

    #[test]
    fn a_participle_of_calling_after_a_comma_tells_of_the_sentences_subject() {
        let got = run("Jane Roe cut into Doe on Monday, calling him a big stiff.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "a big stiff");
        assert_eq!(got[0].1.as_deref(), Some("Jane Roe"));
        // In the broad sense the object goes with its complement.
        let got = crate::attribute::broad_texts(
            "Jane Roe cut into Doe on Monday, calling him a big stiff.",
        );
        assert!(got.iter().any(|g| g.0 == "him a big stiff"), "{got:?}");
        // An adverb opening the sentence is no part of its subject.
        let got = run("Then she cut into Doe, calling him a big stiff.");
        assert_eq!(got[0].1.as_deref(), Some("she"), "{got:?}");
    }

    #[test]
    fn a_sentence_final_yet_stays_in_the_report() {
        let got = run("Roe said the money has not been spent yet.");
        assert_eq!(got[0].0, "the money has not been spent yet");
    }

    #[test]
    fn a_subject_with_a_modifier_before_the_cue_is_the_speaker() {
        let got = run("All the experts I interviewed said her proposals were more detailed.");
        assert_eq!(got[0].1.as_deref(), Some("the experts"));
        let got = run(
            "Roe, the author of a book about rumours and how they spread, said the days of one story are gone.",
        );
        assert_eq!(got[0].1.as_deref(), Some("Roe"));
        assert_eq!(got[0].0, "the days of one story are gone");
        let got = crate::attribute::broad_texts(
            "But some who advocate free speech argue that the rules put companies in a bind.",
        );
        assert_eq!(got[0].1.as_deref(), Some("some"), "{got:?}");
    }

    #[test]
    fn a_hearer_and_an_adverbial_after_the_speaker_end_the_report() {
        // "his" is no verb in -s, so "the court in his filing" is no reported clause.
        let got = run("The state was only doing what others do, he told the court in his filing.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "The state was only doing what others do");
        assert_eq!(got[0].1.as_deref(), Some("he"));
    }

    #[test]
    fn a_second_verb_of_saying_gives_a_second_report() {
        let got = run("The mayor said the bridge was safe and said the repairs were done.");
        let pieces: Vec<_> = got.iter().map(|g| (g.0.as_str(), g.1.as_deref())).collect();
        assert_eq!(
            pieces,
            vec![
                ("the bridge was safe", Some("The mayor")),
                ("the repairs were done", Some("The mayor"))
            ]
        );
        // Its subject is the reporter's, not a name inside the report.
        let got = run("Lee said he welcomed the ruling from the High Court and added: “We won.”");
        assert_eq!(got[1].1.as_deref(), Some("Lee"));
        // A second verb with no report of its own leaves the first report whole.
        let got = run("A photo showed that the mayor had shared it and added a comment.");
        assert!(got.iter().all(|g| g.0 != "that the mayor had shared it"));
    }

    #[test]
    fn a_report_in_an_opening_subordinate_clause_ends_at_its_comma() {
        let got = run("When the coach said the team was ready, a fan yelled “Go home!”");
        assert_eq!(got[0].0, "the team was ready");
        let got = run("Although the mayor said the plan was working, critics disagreed.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.as_deref(), Some("the mayor"));
        // A noun that looks like a verb in the opening clause does not block the report.
        let got = run("If the demands are not met, the union warned, the workers will strike.");
        assert_eq!(got[0].1.as_deref(), Some("the union"));
    }

    #[test]
    fn a_report_that_runs_into_a_quotation_with_its_own_cue_keeps_its_start() {
        let got = run("He said he wept after the vote in what he called “the loneliest day.”");
        assert_eq!(got[0].0, "he wept after the vote");
        assert_eq!(got[1].0, "“the loneliest day.”");
    }

    #[test]
    fn a_count_is_no_clause() {
        assert!(run("Carolina added three more unanswered goals before the break.").is_empty());
        let got = run("Officials said two more people died.");
        assert_eq!(got[0].0, "two more people died");
        assert!(run("Vancouver responded more than a minute later with a goal.").is_empty());
    }

    #[test]
    fn a_report_after_a_colon_ends_the_first() {
        let got = run("She says the family never cooked: she notes that her mom used the oven.");
        assert_eq!(got[0].0, "the family never cooked");
        assert_eq!(got[1].0, "that her mom used the oven");
    }

    #[test]
    fn a_day_after_the_cue_is_an_adverbial() {
        let got = run("The mayor said Tuesday the plan would fail.");
        assert_eq!(got[0].0, "the plan would fail");
        let got = run("The plan is dead, the mayor said Tuesday in Paris, noting the vote.");
        assert_eq!(got[0].0, "The plan is dead");
    }

    #[test]
    fn a_possessive_is_no_contracted_is() {
        // "nominee's" is no verb, so "in Paris, noting the nominee's comments" is no clause.
        let got = run("The mayor said in Paris, noting the nominee's comments.");
        assert!(got.iter().all(|g| g.2.as_deref() != Some("said")));
        let got = run("The mayor said it's over for the bridge.");
        assert_eq!(got[0].0, "it's over for the bridge");
    }

    #[test]
    fn a_noun_form_before_an_auxiliary_is_no_cue() {
        assert!(run("The revolt began after the committee's report was presented.").is_empty());
        assert!(run("Questions and answers have been edited for length.").is_empty());
    }

    #[test]
    fn an_adverbial_after_a_closing_attribution_is_no_clause() {
        let got = run("The party made history, she said in a message to the convention.");
        assert_eq!(got[0].0, "The party made history");
        let got = run("The talks failed, current and former officials said.");
        assert_eq!(got[0].1.as_deref(), Some("current and former officials"));
    }

    #[test]
    fn according_to_a_source_ending_in_an_abbreviation() {
        let got = run("The plane is cleared to fly again, according to the F.A.A.");
        assert_eq!(got[0].0, "The plane is cleared to fly again");
        let got = run("She had been in Paris for a month, according to the AP.");
        assert_eq!(got[0].1.as_deref(), Some("the AP"));
    }

    #[test]
    fn an_unknown_noun_before_that_and_a_subject_is_a_speaker() {
        let got = run("The ad stars an impersonator who promises that the mayor will win.");
        assert_eq!(got[0].0, "that the mayor will win");
        // "that" then a verb opens a relative clause: no report.
        assert!(run("The panel left open questions that could sink the plan.").is_empty());
    }

    #[test]
    fn a_participle_of_saying_after_a_preposition() {
        let got = run("The mayor angered voters by saying that the bridge was safe.");
        assert_eq!(got[0].0, "that the bridge was safe");
        assert_eq!(got[0].1.as_deref(), Some("The mayor"));
    }

    #[test]
    fn a_relative_clause_set_off_by_commas_reports_to_its_close() {
        let got = run("The mayor, who said the bridge was safe, left early.");
        assert_eq!(got[0].0, "the bridge was safe");
        assert_eq!(got[0].1.as_deref(), Some("The mayor"));
    }

    #[test]
    fn a_document_noun_agrees_with_its_verb() {
        let broad = crate::Extractor {
            broad: true,
            ..crate::Extractor::default()
        };
        let text = "The poll shows that the mayor leads the race.";
        let found = broad.extract(text);
        assert_eq!(&text[found[0].speaker.unwrap()], "The poll");
    }

    #[test]
    fn names_joined_by_and_agree_with_a_base_form() {
        let got = crate::attribute::broad_texts("China and Russia support the government.");
        assert_eq!(got[0].0, "the government");
        assert_eq!(got[0].1.as_deref(), Some("China and Russia"));
        let got = run("Okoro and Dunn say the plan failed.");
        assert_eq!(got[0].1.as_deref(), Some("Okoro and Dunn"));
    }

    #[test]
    fn a_plural_noun_agrees_with_a_base_form() {
        let got = run("The advisers say she has the discipline.");
        assert_eq!(got[0].1.as_deref(), Some("The advisers"));
    }

    #[test]
    fn progressive_cue_reports() {
        let got = run("The mayor is telling voters that the bridge will open.");
        assert_eq!(got[0].0, "that the bridge will open");
        assert_eq!(got[0].1.as_deref(), Some("The mayor"));
    }

    #[test]
    fn a_possessive_opens_a_speaker_and_more_than_opens_a_clause() {
        let got = run("The city's engineers said more than 300 bridges needed repairs.");
        assert_eq!(got[0].0, "more than 300 bridges needed repairs");
        assert_eq!(got[0].1.as_deref(), Some("The city's engineers"));
        // "added more" with no verb after it is an amount, not a report.
        assert!(run("The firm added more jobs in May.").is_empty());
    }

    #[test]
    fn a_lone_connective_before_the_attribution_is_no_piece() {
        let got = run("Instead, the mayor told reporters, the bridge would open in May.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "the bridge would open in May");
    }

    #[test]
    fn a_third_person_form_that_is_no_noun_agrees() {
        let got = run("The clip says the senator has a passion for the wrong causes.");
        assert_eq!(got[0].1.as_deref(), Some("The clip"));
    }

    #[test]
    fn agreement_reads_the_head_noun() {
        // The head of "officials from both parties" is plural; of "The Democrats", unknown.
        let got = run("Elected officials from both parties say he has been a hard worker.");
        assert_eq!(
            got[0].1.as_deref(),
            Some("Elected officials from both parties")
        );
        let got = run("The Democrats say the new rules would help.");
        assert_eq!(got[0].1.as_deref(), Some("The Democrats"));
        // A phrase ending in a preposition is no subject: "to campaign in| states hit hard".
        assert!(run("He plans to campaign in states hit hard by the closures.").is_empty());
    }

    #[test]
    fn nouns_that_look_like_cues_are_not_cues() {
        assert!(
            run("Critics raised a constitutional challenge that the province rejected.").is_empty()
        );
        assert!(run("Officials from 50 member states that have French in common met.").is_empty());
        assert!(run("The region's economy grew, the PBO report shows in its tables.").is_empty());
    }

    #[test]
    fn agreement_keeps_real_verbs() {
        assert_eq!(
            run("The U.S. alleges Meng deceived the banks.")[0].0,
            "Meng deceived the banks"
        );
        assert_eq!(
            run("They report the talks went well.")[0].0,
            "the talks went well"
        );
        assert_eq!(
            run("She said she has longed to move beyond that status.")[0].0,
            "she has longed to move beyond that status"
        );
    }

    #[test]
    fn relative_that_is_not_a_complementiser() {
        let got = run("The siege echoed an attack that killed 67 people in the same district.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn reported_questions() {
        let got = run("The senator asked reporters whether the vote would be delayed.");
        assert_eq!(got[0].0, "whether the vote would be delayed");
    }

    #[test]
    fn sentence_initial_group_is_plural() {
        let got = run("Aides say the former governor plans to campaign.");
        assert_eq!(got[0].1.as_deref(), Some("Aides"));
    }

    #[test]
    fn adverbial_set_off_by_comma_stays_in_the_clause() {
        let got = run("Chapman admits in this instance, there were fatalities.");
        assert_eq!(got[0].0, "in this instance, there were fatalities");
    }

    #[test]
    fn passive_cue_inside_the_clause_does_not_end_it() {
        let got =
            run("Dudi Dwiriadi said personnel and volunteers had been briefed to sweep the coast.");
        assert_eq!(
            got[0].0,
            "personnel and volunteers had been briefed to sweep the coast"
        );
    }

    #[test]
    fn coordinated_subject_after_an_opening_adverbial() {
        let got =
            run("On Monday, Mike Pompeo praised the talks and said he did not expect delays.");
        assert_eq!(got[0].1.as_deref(), Some("Mike Pompeo"));
    }

    #[test]
    fn an_object_is_not_a_clause() {
        assert!(run("Schniederjans confirmed the move to the Sony Open in January.").is_empty());
        assert!(run("Her sister wrote a letter asking the ministry for help.").is_empty());
        assert_eq!(
            run("The ministry said the two sides plan to hold a meeting.")[0].0,
            "the two sides plan to hold a meeting"
        );
    }

    #[test]
    fn what_a_speaker_calls_something() {
        let got = run("The union called the offer a step backwards for nurses.");
        assert_eq!(got[0].0, "a step backwards for nurses");
        assert_eq!(got[0].1.as_deref(), Some("The union"));
        assert_eq!(got[0].3, "speaker_calls_object_complement");
        let got = run("Residents called it an insult to the people who live here.");
        assert_eq!(got[0].0, "an insult to the people who live here");
        let got = run("He praised the coach, who he calls a mentor and a friend to all.");
        assert_eq!(got[0].0, "a mentor and a friend to all");
        assert_eq!(got[0].1.as_deref(), Some("he"));
        for text in [
            "The mayor called the police after the break-in.",
            "Neighbours called for a new crossing near the school.",
            "She uses an app called Meter to track her spending.",
            "The new rule is called a reform by its supporters.",
        ] {
            assert!(run(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn points_out_that() {
        let got = run("The author points out that the rule kept many families apart.");
        assert_eq!(got[0].0, "that the rule kept many families apart");
        assert_eq!(got[0].2.as_deref(), Some("points"));
    }

    #[test]
    fn an_auxiliary_after_a_quantifier_is_a_verb() {
        let got = run("The coach said the two are very close.");
        assert_eq!(got[0].0, "the two are very close");
        assert!(run("The coach said the will of the players.").is_empty());
    }

    #[test]
    fn participle_after_a_comma_inside_the_closing_mark() {
        let got = run(
            "Lee said he is a “long way from a decision,” noting that he has served for years.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0, "that he has served for years");
    }

    #[test]
    fn an_opening_adverbial_alone_is_no_report() {
        let got = run("In June 2018, the council asked Lee, a retired judge, to review the case.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_participle_after_an_opening_adverbial_takes_the_subject() {
        let got = run("On Tuesday, Jane Roe visited the plant, saying the jobs would stay.");
        assert_eq!(got[0].0, "the jobs would stay");
        assert_eq!(got[0].1.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn participles_other_than_saying_need_that() {
        let got =
            run("“We will not change the law,” the minister said, rejecting a plea for changes.");
        assert_eq!(got.len(), 1, "{got:?}");
        let got =
            run("“We will not change it,” she said, confirming that the law would stay as it is.");
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn a_comparison_is_not_a_report() {
        assert!(run("Costs are higher than the agency says they are, critics fear.").is_empty());
    }

    #[test]
    fn a_thing_is_not_a_hearer() {
        let got = run("The premier promised a rise in school funding over the next decade.");
        assert!(got.is_empty(), "{got:?}");
        let got = run("The premier promised voters the schools would reopen.");
        assert_eq!(got[0].0, "the schools would reopen");
    }

    #[test]
    fn that_after_a_preposition_is_a_determiner() {
        let got = run(
            "He plays well at Augusta (we explained his record at that course above) and Troon.",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn an_infinitive_is_not_the_clause_verb() {
        let got = run("A group of nurses wrote a letter asking the province to hire more staff.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn passive_and_infinitive_cues_are_not_statements() {
        assert!(run("Rogers is said to have two interested parties.").is_empty());
        assert!(run("The minister declined to say whether the talks would resume.").is_empty());
    }
}
