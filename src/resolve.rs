//! Resolution: maps each speaker mention to the fullest name it refers to in the article.
//!
//! Names are gathered from the whole text first: runs of two to four capitalised words. A run is
//! a person for sure when its first word is a known first name or a title stands before it
//! ("strong"); any other run ("Darian Lonechild") becomes a person once a speaker is referred to
//! by its last word ("Lonechild said"). Each person's gender comes from a first name or title, or
//! from the pronouns that follow the name ("… has proven herself"). Then, in document order:
//! a surname resolves to the full name, a role noun ("the mayor") to the person who carries that
//! role, "he"/"she" to the most recent person of that gender, "it"/"they" to the most recent
//! organisation or group speaker.

use crate::attribute::Attribution;
use crate::doc::Doc;
use crate::lexicon::{Gender, Number};
use crate::mentions::Mention;
use crate::statement::{SpeakerType, Statement};
use crate::tokens::TokenKind;
use rustc_hash::FxHashMap as HashMap;

/// How far after a name a gendered pronoun still counts as evidence of its gender.
const GENDER_EVIDENCE_TOKENS: usize = 25;
/// How many paragraphs back a pronoun's antecedent may be.
const MAX_ANTECEDENT_PARAGRAPHS: usize = 6;
/// How many paragraphs back the previous speaker is still the one "he" or "she" continues.
const SPEAKER_PARAGRAPHS: usize = 2;
/// How many earlier statements a pronoun or "the company" looks back over for its speaker, so a
/// run of 100,000 statements with none to find resolves in linear time (no real article comes
/// near: scanning them all was quadratic).
const MAX_LOOKBACK_STATEMENTS: usize = 256;
/// How many earlier name occurrences a pronoun looks back over (within its paragraphs), for the
/// same reason.
const MAX_LOOKBACK_OCCURRENCES: usize = 1024;

#[derive(Debug, Clone)]
struct Person {
    /// The fullest form seen, words joined by single spaces.
    name: String,
    gender: Gender,
    /// Certainly a person (see the module docs); weak names count once referred to.
    strong: bool,
    /// Lower-cased titles and roles written before the name ("mayor", "spokeswoman").
    roles: Vec<String>,
}

/// An occurrence of a person's name (full or partial) at a token.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    token: usize,
    person: usize,
}

struct People {
    people: Vec<Person>,
    /// In token order.
    occurrences: Vec<Occurrence>,
    /// Index of each name in `people`.
    by_name: HashMap<String, usize>,
    /// For each last word (first word, role) of the multi-word names (the names with that role),
    /// the indices into `occurrences` of their occurrences, in token order: the nearest one is a
    /// binary search away, where scanning every occurrence for each mention was quadratic.
    by_last: HashMap<String, Vec<usize>>,
    by_first: HashMap<String, Vec<usize>>,
    by_role: HashMap<String, Vec<usize>>,
}

impl People {
    /// The person of the latest occurrence in `index[key]` at or before token `at` (before it when
    /// not `inclusive`), or else, when `or_after`, of the first one after it.
    fn nearest(
        &self,
        index: &HashMap<String, Vec<usize>>,
        key: &str,
        at: usize,
        inclusive: bool,
        or_after: bool,
    ) -> Option<usize> {
        let list = index.get(key)?;
        let split =
            list.partition_point(|&k| self.occurrences[k].token < at + usize::from(inclusive));
        let k = match split {
            0 if or_after => *list.first()?,
            0 => return None,
            _ => list[split - 1],
        };
        Some(self.occurrences[k].person)
    }
}

/// The statements, with `speaker_name` resolved within the article.
pub fn resolve(doc: &Doc<'_>, found: &[Attribution]) -> Vec<Statement> {
    let mut people = find_people(doc);
    let mut out: Vec<Statement> = Vec::with_capacity(found.len());
    // The person each statement resolved to, for pronouns and inherited speakers.
    let mut resolved: Vec<Option<usize>> = Vec::with_capacity(found.len());
    for a in found {
        let (mut speaker_name, mut speaker_type, mut person) = (None, SpeakerType::Unknown, None);
        match (a.mention, a.inherits) {
            (Some(m), _) => {
                speaker_type = m.kind;
                match m.kind {
                    SpeakerType::Pronoun
                        if m.number == Number::Plural || m.gender == Gender::Neuter =>
                    {
                        speaker_name =
                            last_collective(&out, m.span.start, m.gender == Gender::Neuter);
                    }
                    SpeakerType::Pronoun => {
                        // A person introduced as a sentence's subject after the last speaker
                        // spoke is who "he" or "she" now is.
                        let speaker = last_speaker(doc, &people, &out, &resolved, &m);
                        let introduced = introduced_subject(doc, &people, &m)
                            .filter(|&(token, _)| speaker.is_none_or(|(at, _)| token > at));
                        person = introduced
                            .map(|(_, p)| p)
                            .or(speaker.map(|(_, p)| p))
                            .or_else(|| antecedent(doc, &people, &m))
                    }
                    SpeakerType::Person | SpeakerType::Unknown => {
                        person = person_named(doc, &mut people, &m)
                            .or_else(|| person_by_role(doc, &people, &m));
                        if person.is_some() {
                            speaker_type = SpeakerType::Person;
                        } else {
                            // Unresolved, a described person is named by the description:
                            // "a spokesperson", "the father".
                            speaker_name = Some(collapse(&doc.text[m.name.unwrap_or(m.span)]));
                        }
                    }
                    SpeakerType::Organization
                        if !doc.text[m.span].chars().any(char::is_uppercase) =>
                    {
                        // "the company": the organisation named as speaker before, if any.
                        speaker_name = last_named_organisation(&out, m.span.start)
                            .or_else(|| m.name.map(|n| collapse(&doc.text[n])));
                    }
                    _ => speaker_name = m.name.map(|n| collapse(&doc.text[n])),
                }
            }
            (None, Some(p)) if p < out.len() => {
                speaker_name = out[p].speaker_name.clone();
                speaker_type = out[p].speaker_type;
                person = resolved[p];
            }
            _ => {}
        }
        if let Some(p) = person {
            speaker_name = Some(people.people[p].name.clone());
        }
        resolved.push(person);
        let first = doc.seg.sentence_at(a.quote.start);
        let last = doc
            .seg
            .sentence_at(a.quote.end.saturating_sub(1).max(a.quote.start));
        out.push(Statement {
            kind: a.kind,
            quote: a.quote,
            speaker: a.mention.map(|m| m.span),
            speaker_name,
            speaker_type,
            cue: a.cue.map(|c| c.span),
            cue_lemma: a.cue.map(|c| c.lemma.to_string()),
            confidence: {
                let feature = if a.mention.is_some() {
                    speaker_type.as_str()
                } else {
                    "none"
                };
                crate::confidence::fitted(a.rule, feature).unwrap_or(a.confidence)
            },
            sentences: (first, last),
            rule: a.rule,
        });
    }
    // Pieces that take their speaker from a later statement (the first paragraph of a quote
    // attributed at its end) are filled in once that one is resolved.
    for (i, a) in found.iter().enumerate() {
        if let (None, Some(p)) = (a.mention, a.inherits)
            && p > i
            && p < out.len()
        {
            out[i].speaker_name = out[p].speaker_name.clone();
            out[i].speaker_type = out[p].speaker_type;
        }
    }
    out
}

fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    collapse_into(&mut out, s);
    out
}

/// [`collapse`] into `out` (cleared first), so a loop can reuse one buffer.
fn collapse_into(out: &mut String, s: &str) {
    out.clear();
    for (k, w) in s.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
}

fn last_word(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

fn first_word(name: &str) -> &str {
    name.split(' ').next().unwrap_or(name)
}

/// The person a name mention refers to: the same name, or the fullest known name that ends (then
/// starts) with a one-word mention, nearest before it (or else the first after it).
fn person_named(doc: &Doc<'_>, people: &mut People, m: &Mention) -> Option<usize> {
    let name = collapse(&doc.text[m.name?]);
    let found = if name.contains(' ') {
        // "Al Hashish" → "Fouzia Al Hashish": the latest longer name before it that ends with it,
        // else the same name.
        let suffix = format!(" {name}");
        let before = people.occurrences.partition_point(|o| o.token <= m.first);
        let longer = people.occurrences[..before]
            .iter()
            .rev()
            .take(MAX_LOOKBACK_OCCURRENCES)
            .map(|o| o.person)
            .find(|&p| people.people[p].name.ends_with(&suffix));
        longer.or_else(|| people.by_name.get(&name).copied())
    } else {
        people
            .nearest(&people.by_last, &name, m.first, true, true)
            .or_else(|| people.nearest(&people.by_first, &name, m.first, true, true))
    };
    match found {
        Some(p) => {
            let person = &mut people.people[p];
            person.strong = true;
            if person.gender == Gender::Unknown {
                person.gender = m.gender;
            }
            Some(p)
        }
        None if m.kind == SpeakerType::Person && name.contains(' ') => {
            people.by_name.insert(name.clone(), people.people.len());
            people.people.push(Person {
                name,
                gender: m.gender,
                strong: true,
                roles: Vec::new(),
            });
            Some(people.people.len() - 1)
        }
        None => None,
    }
}

/// "the mayor", "the spokeswoman": the latest person before the mention written with that role.
fn person_by_role(doc: &Doc<'_>, people: &People, m: &Mention) -> Option<usize> {
    if m.name.is_some() {
        return None;
    }
    let role = doc.word(m.last).to_lowercase();
    people.nearest(&people.by_role, &role, m.first, false, false)
}

/// The speaker "he" or "she" most likely continues: the person of the latest statement before it,
/// a few paragraphs back at most, whose gender agrees; with the token its mention starts at.
fn last_speaker(
    doc: &Doc<'_>,
    people: &People,
    out: &[Statement],
    resolved: &[Option<usize>],
    m: &Mention,
) -> Option<(usize, usize)> {
    let para = doc.seg.paragraph_at(m.span.start);
    out.iter()
        .zip(resolved)
        .rev()
        .take(MAX_LOOKBACK_STATEMENTS)
        .filter(|(s, _)| s.speaker.map_or(s.quote.start, |sp| sp.start) < m.span.start)
        .take_while(|(s, _)| {
            para - doc.seg.paragraph_at(s.quote.start).min(para) <= SPEAKER_PARAGRAPHS
        })
        .filter_map(|(s, p)| {
            Some((
                doc.token_at(s.speaker.map_or(s.quote.start, |sp| sp.start)),
                (*p)?,
            ))
        })
        .find(|&(_, p)| {
            let g = people.people[p].gender;
            g == m.gender || g == Gender::Unknown || m.gender == Gender::Unknown
        })
}

/// The latest person of the right gender who opens a sentence before the pronoun, in its
/// paragraph or the one before ("Mamadou Dia was on a business trip … ¶ “…,” he said."); with
/// the token the name starts at.
fn introduced_subject(doc: &Doc<'_>, people: &People, m: &Mention) -> Option<(usize, usize)> {
    let para = doc.seg.paragraph_at(m.span.start);
    let before = people.occurrences.partition_point(|o| o.token < m.first);
    people.occurrences[..before]
        .iter()
        .rev()
        .take_while(|o| para - doc.seg.paragraph_at(doc.tokens[o.token].span.start) <= 1)
        .take(MAX_LOOKBACK_OCCURRENCES)
        .filter(|o| doc.sentence_range(o.token).start == o.token)
        // Its gender must be known to agree: from a first name, a title or the pronouns after it.
        .find(|o| people.people[o.person].gender == m.gender)
        .map(|o| (o.token, o.person))
}

/// The person "he" or "she" refers to: the most recent person named before it, recently enough,
/// whose gender agrees (an unknown gender agrees with both).
fn antecedent(doc: &Doc<'_>, people: &People, m: &Mention) -> Option<usize> {
    let para = doc.seg.paragraph_at(m.span.start);
    // Paragraphs only grow in token order, so the window can be cut before the filter.
    let before = people.occurrences.partition_point(|o| o.token < m.first);
    let candidates = people.occurrences[..before]
        .iter()
        .rev()
        .take_while(|o| {
            para - doc.seg.paragraph_at(doc.tokens[o.token].span.start) <= MAX_ANTECEDENT_PARAGRAPHS
        })
        .take(MAX_LOOKBACK_OCCURRENCES)
        .filter(|o| people.people[o.person].strong);
    let agrees = |p: usize, strict: bool| {
        let g = people.people[p].gender;
        g == m.gender || (!strict && (g == Gender::Unknown || m.gender == Gender::Unknown))
    };
    candidates.map(|o| o.person).find(|&p| agrees(p, false))
}

/// The latest organisation (for "it"; also a group for "they") speaking before `pos`.
fn last_collective(out: &[Statement], pos: usize, organisation_only: bool) -> Option<String> {
    out.iter()
        .rev()
        .take(MAX_LOOKBACK_STATEMENTS)
        .filter(|s| s.speaker.map_or(s.quote.start, |sp| sp.start) < pos)
        .find(|s| {
            s.speaker_type == SpeakerType::Organization
                || (!organisation_only && s.speaker_type == SpeakerType::Group)
                || (organisation_only
                    && s.speaker_type == SpeakerType::Unknown
                    && s.speaker_name
                        .as_deref()
                        .is_some_and(|n| n.starts_with(char::is_uppercase)))
        })
        .and_then(|s| s.speaker_name.clone())
}

/// The latest organisation speaker before `pos` that was named with a capital ("Facebook").
fn last_named_organisation(out: &[Statement], pos: usize) -> Option<String> {
    out.iter()
        .rev()
        .take(MAX_LOOKBACK_STATEMENTS)
        .filter(|s| s.speaker.is_some_and(|sp| sp.start < pos))
        .filter(|s| {
            matches!(
                s.speaker_type,
                SpeakerType::Organization | SpeakerType::Unknown
            )
        })
        .filter_map(|s| s.speaker_name.clone())
        .find(|n| n.chars().next().is_some_and(char::is_uppercase))
}

/// Names in the text, and where they occur.
fn find_people(doc: &Doc<'_>) -> People {
    let mut people: Vec<Person> = Vec::new();
    let mut occurrences = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::default();
    let tokens = &doc.tokens;
    let mut name = String::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(run) = name_run(doc, i) else {
            i += 1;
            continue;
        };
        collapse_into(
            &mut name,
            &doc.text[doc.tokens_span(run.start, run.end - 1)],
        );
        if let Some(stem) = name.strip_suffix("'s").or_else(|| name.strip_suffix("’s")) {
            name.truncate(stem.len());
        }
        let p = match by_name.get(name.as_str()) {
            Some(&p) => p,
            None => {
                people.push(Person {
                    name: name.clone(),
                    gender: Gender::Unknown,
                    strong: false,
                    roles: Vec::new(),
                });
                by_name.insert(name.clone(), people.len() - 1);
                people.len() - 1
            }
        };
        let person = &mut people[p];
        person.strong |= run.strong;
        if person.gender == Gender::Unknown {
            person.gender = run.gender;
        }
        if let Some(role) = run.role {
            let role = doc.word(role).to_lowercase();
            if !person.roles.contains(&role) {
                person.roles.push(role);
            }
        }
        if !in_credit(doc, run.start, run.end) {
            occurrences.push(Occurrence {
                token: run.start,
                person: p,
            });
        }
        i = run.end;
    }
    // Later one-word occurrences: "Zakharova said" after "Maria Zakharova".
    let mut extra = Vec::new();
    let mut first_with_last: HashMap<&str, usize> = HashMap::default();
    for (p, person) in people
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, p)| p.name.contains(' '))
    {
        first_with_last.insert(last_word(&person.name), p);
    }
    for (k, t) in tokens.iter().enumerate() {
        if t.kind == TokenKind::Word
            && t.upper
            && !in_credit(doc, k, k + 1)
            && let Some(&p) = first_with_last.get(doc.word(k))
        {
            extra.push(Occurrence {
                token: k,
                person: p,
            });
        }
    }
    occurrences.extend(extra);
    occurrences.sort_by_key(|o| o.token);
    occurrences.dedup_by_key(|o| o.token);
    vote_genders(doc, &mut people, &occurrences);
    let (mut by_last, mut by_first, mut by_role) =
        (HashMap::default(), HashMap::default(), HashMap::default());
    // Each person's keys are looked up once, not once per occurrence; lists shared by several
    // people are put back in token order at the end.
    let mut by_person = vec![Vec::new(); people.len()];
    for (k, o) in occurrences.iter().enumerate() {
        by_person[o.person].push(k);
    }
    for (person, ks) in people.iter().zip(&by_person) {
        if ks.is_empty() {
            continue;
        }
        if person.name.contains(' ') {
            push_to(&mut by_last, last_word(&person.name), ks);
            push_to(&mut by_first, first_word(&person.name), ks);
        }
        for role in &person.roles {
            push_to(&mut by_role, role, ks);
        }
    }
    for list in by_last
        .values_mut()
        .chain(by_first.values_mut())
        .chain(by_role.values_mut())
    {
        list.sort_unstable();
    }
    People {
        people,
        occurrences,
        by_name,
        by_last,
        by_first,
        by_role,
    }
}

/// Appends `ks` to `index[key]`, allocating the key only when it is new.
fn push_to(index: &mut HashMap<String, Vec<usize>>, key: &str, ks: &[usize]) {
    match index.get_mut(key) {
        Some(list) => list.extend_from_slice(ks),
        None => {
            index.insert(key.to_string(), ks.to_vec());
        }
    }
}

/// A photo or byline credit: "(Luis Tato/AFP)", "Kirill Zharov / TASS". Its name is nobody
/// the article quotes, so it is no antecedent.
fn in_credit(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    let slash_after = doc.is_punct(end, &["/"]);
    let in_parentheses =
        start > 0 && doc.is_punct(start - 1, &["("]) && doc.is_punct(end, &[")", "/"]);
    slash_after || in_parentheses
}

/// Gives each name of unknown gender the one the pronouns right after it mark.
fn vote_genders(doc: &Doc<'_>, people: &mut [Person], occurrences: &[Occurrence]) {
    let mut votes = vec![(0u32, 0u32); people.len()];
    for (n, o) in occurrences.iter().enumerate() {
        // Only within the name's sentence: "Darian Lonechild has proven herself."
        let limit = occurrences
            .get(n + 1)
            .map_or(doc.tokens.len(), |next| next.token)
            .min(o.token + GENDER_EVIDENCE_TOKENS)
            .min(doc.sentence_range(o.token).end);
        let found =
            (o.token + 1..limit).find_map(|k| doc.tokens[k].info.and_then(|x| x.gender_form));
        match found {
            Some(Gender::Male) => votes[o.person].0 += 1,
            Some(Gender::Female) => votes[o.person].1 += 1,
            _ => {}
        }
    }
    for (person, (male, female)) in people.iter_mut().zip(votes) {
        if person.gender == Gender::Unknown && male != female {
            person.gender = if male > female {
                Gender::Male
            } else {
                Gender::Female
            };
        }
    }
}

/// A capitalised run that may be a person's name.
struct NameRun {
    start: usize,
    end: usize,
    gender: Gender,
    /// A first name or a title marks it as a person's.
    strong: bool,
    /// The title or role word right before it.
    role: Option<usize>,
}

/// A capitalised possessive that would be a name word without its "'s": "Garnier's".
fn is_possessive_name_word(doc: &Doc<'_>, k: usize) -> bool {
    let t = &doc.tokens[k];
    let w = &doc.text[t.span];
    let stem = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s"));
    t.kind == TokenKind::Word
        && t.upper
        && stem.is_some_and(|s| !s.is_empty())
        && !crate::lexicon::lexicon()
            .get(stem.unwrap_or_default())
            .is_some_and(|x| x.name_stop || x.org || x.title.is_some() || x.role.is_some())
}

#[inline]
fn is_name_word(doc: &Doc<'_>, k: usize) -> bool {
    let t = &doc.tokens[k];
    let w = || &doc.text[t.span];
    t.kind == TokenKind::Word
        && t.upper
        && !t.info.is_some_and(|x| {
            x.name_stop
                || x.org
                || x.determiner
                || x.title.is_some()
                || x.role.is_some()
                || x.clause_opener
        })
        && !w().ends_with("'s")
        && !w().ends_with("’s")
}

/// A name starting at token `i`: two to four capitalised words ("Maria Zakharova",
/// "John F. Kennedy", "Kim Jong-un").
fn name_run(doc: &Doc<'_>, i: usize) -> Option<NameRun> {
    if !is_name_word(doc, i)
        || (i > 0
            && is_name_word(doc, i - 1)
            && doc.tokens[i - 1].span.end + 1 >= doc.tokens[i].span.start)
    {
        return None;
    }
    let first_name = doc.tokens[i].info.and_then(|x| x.first_name);
    // A title or role right before: "Mr. Jonsson", "Mayor Doug McCallum", "spokeswoman Maria".
    let mut b = i;
    if b > 0 && doc.is_abbreviation_dot(b - 1) {
        b -= 1;
    }
    let role = (b > 0).then(|| b - 1).filter(|&r| {
        doc.tokens[r]
            .info
            .is_some_and(|x| x.title.is_some() || x.role.is_some())
    });
    let title_gender = role
        .and_then(|r| doc.tokens[r].info)
        .and_then(|x| x.title.or(x.role));
    let mut end = i + 1;
    let mut words = 1;
    while end < doc.tokens.len() && words < 4 {
        // After a first name or a title, a month is a surname: "Theresa May", "Ms. May".
        let month_surname = (first_name.is_some() || title_gender.is_some())
            && doc.tokens[end].upper
            && doc.tokens[end]
                .info
                .is_some_and(|x| x.name_stop && !x.determiner && x.pronoun.is_none())
            && doc.is_word(end)
            && doc.word(end).len() > 2;
        if is_name_word(doc, end) || month_surname {
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
        {
            // "Kim Jong-un": the hyphenated part belongs to the name.
            end += 2;
        } else {
            break;
        }
    }
    // Words of an organisation's name: "Federation of Sovereign Indigenous Nations".
    let org_after = end < doc.tokens.len()
        && doc.tokens[end].upper
        && doc.tokens[end].info.is_some_and(|x| x.org);
    let org_before = i >= 2
        && doc.is_word(i - 1)
        && doc.word(i - 1) == "of"
        && doc.tokens[i - 2].info.is_some_and(|x| x.org);
    if words < 2 || org_after || org_before {
        return None;
    }
    // Written like a person, with an age: "Babatunji Farinloye, 50,".
    let aged = doc.is_punct(end, &[","])
        && doc
            .tokens
            .get(end + 1)
            .is_some_and(|t| t.kind == TokenKind::Number)
        && doc.is_punct(end + 2, &[",", ")"]);
    let strong = first_name.is_some() || title_gender.is_some() || aged;
    let gender = title_gender
        .filter(|g| *g != Gender::Unknown)
        .or(first_name)
        .unwrap_or(Gender::Unknown);
    Some(NameRun {
        start: i,
        end,
        gender,
        strong,
        role,
    })
}

#[cfg(test)]
mod tests {
    use crate::extract;

    fn names(text: &str) -> Vec<Option<String>> {
        extract(text).into_iter().map(|s| s.speaker_name).collect()
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn surname_resolves_to_full_name() {
        let text = "Maria Zakharova spoke on Friday. The talks went well, Zakharova said.";
        assert_eq!(names(text), [some("Maria Zakharova")]);
    }

    #[test]
    fn unknown_first_name_resolves_through_surname() {
        let text = "Darian Lonechild is new to advocacy. Lonechild said the work matters to youth.";
        assert_eq!(names(text), [some("Darian Lonechild")]);
    }

    #[test]
    fn possessive_and_multiword_surnames() {
        let text =
            "The news about Christopher Garnier's benefits came out. Garnier said he was sorry.";
        assert_eq!(names(text), [some("Christopher Garnier")]);
        let text = "Fouzia Al Hashish arrived in 2016. Al Hashish said life was hard at first.";
        assert_eq!(names(text), [some("Fouzia Al Hashish")]);
    }

    #[test]
    fn pronoun_resolves_to_named_person_of_matching_gender() {
        let text = "Maria Lopez met John Smith. “It went well,” she said. “We agree,” he said.";
        assert_eq!(names(text), [some("Maria Lopez"), some("John Smith")]);
    }

    #[test]
    fn gender_from_following_pronouns() {
        let text = "Darian Lonechild has proven herself. Lonechild said the work matters to youth. She met Olek \
                    Brant.\n\n“It went well,” she said.";
        assert_eq!(
            names(text),
            [some("Darian Lonechild"), some("Darian Lonechild")]
        );
    }

    #[test]
    fn pronoun_after_a_newly_introduced_subject() {
        let text = "“We left early,” John Smith said.\n\nMamadou Dia was on a trip when he was trapped.\n\n“They came for us,” he said.";
        assert_eq!(names(text), [some("John Smith"), some("Mamadou Dia")]);
    }

    #[test]
    fn month_names_are_surnames_after_first_names() {
        let text =
            "Prime Minister Theresa May spoke. After the vote, Ms. May said she would stay on.";
        assert_eq!(names(text), [some("Theresa May")]);
    }

    #[test]
    fn title_marks_gender() {
        let text = "Mr. Stefan Jonsson spoke. Mrs. Ana Diaz listened. “No,” he said.";
        assert_eq!(names(text), [some("Stefan Jonsson")]);
    }

    #[test]
    fn role_noun_resolves_to_person_with_that_role() {
        let text =
            "Mayor Doug McCallum opened the session. The budget is balanced, the mayor said.";
        assert_eq!(names(text), [some("Doug McCallum")]);
    }

    #[test]
    fn it_resolves_to_organisation() {
        let text = "“We are investigating,” the U.S. State Department said. It said the review would take weeks.";
        assert_eq!(
            names(text),
            [some("U.S. State Department"), some("U.S. State Department")]
        );
    }

    #[test]
    fn organisation_name_drops_determiner() {
        let text = "“It went well,” the U.S. State Department said.";
        assert_eq!(names(text), [some("U.S. State Department")]);
    }
}
