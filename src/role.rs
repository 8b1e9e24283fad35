//! The role written beside a speaker's name: "Russia's Foreign Ministry spokeswoman| Maria
//! Zakharova", "Hugh Hill, |a doctor at the clinic|, said", "|the director of operations for
//! EHS|, Jeff Fraser, says". Reported as `speaker_role`.

use crate::doc::Doc;
use crate::mentions::Mention;
use crate::span::Span;
use crate::tokens::TokenKind;
use std::sync::LazyLock;

/// Longest appositive read as a role, in tokens.
const MAX_APPOSITIVE_TOKENS: usize = 16;

/// Titles of courtesy, which say nothing of what a person does: "Mr.", "Ms.".
static HONORIFICS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::lexicon::data_lines(include_str!("data/honorifics.txt")).collect());

/// A word that names a role, or a title that is more than a courtesy.
fn is_role_word(doc: &Doc<'_>, k: usize) -> bool {
    doc.tokens[k].info.is_some_and(|x| {
        x.role.is_some()
            || x.title.is_some() && !crate::lexicon::lowercase_in(doc.word(k), &HONORIFICS)
    })
}

/// The role written beside a named speaker: in front of the name inside the mention, or set off
/// by commas right after it, or (`described_before`) the description the name was set off from.
pub fn speaker_role(doc: &Doc<'_>, m: &Mention, described_before: bool) -> Option<Span> {
    if described_before {
        return Some(description_span(doc, m));
    }
    let name = m.name?;
    if name.start > m.span.start {
        // "Russia's Foreign Ministry spokeswoman Maria Zakharova".
        let last = (m.first..=m.last)
            .take_while(|&k| doc.tokens[k].span.end <= name.start)
            .last()?;
        let role = (m.first..=last).any(|k| is_role_word(doc, k));
        return role.then(|| doc.tokens_span(m.first, last));
    }
    appositive_after(doc, m.last).or_else(|| description_before(doc, m))
}

/// "the director of operations for EHS, |Jeff Fraser|, says": the description a name is set off
/// from, when the name is the mention.
fn description_before(doc: &Doc<'_>, m: &Mention) -> Option<Span> {
    if m.first < 2 || !doc.is_punct(m.first - 1, &[","]) || !doc.is_punct(m.last + 1, &[","]) {
        return None;
    }
    let end = m.first - 2;
    let lo = doc
        .sentence_range(end)
        .start
        .max(end.saturating_sub(MAX_APPOSITIVE_TOKENS));
    // Back over the description's words to the determiner or role noun it opens with.
    let mut start = None;
    let mut k = end + 1;
    while k > lo {
        k -= 1;
        let t = &doc.tokens[k];
        if t.kind != TokenKind::Word && !doc.is_abbreviation_dot(k) {
            break;
        }
        if t.info
            .is_some_and(|x| x.verb.is_some() || x.finite || x.clause_opener && !x.determiner)
        {
            break;
        }
        if t.info.is_some_and(|x| x.determiner) || is_role_word(doc, k) {
            start = Some(k);
        }
    }
    let start = start?;
    (start..=end)
        .any(|k| is_role_word(doc, k))
        .then(|| doc.tokens_span(start, end))
}

/// Longest stretch left of a mention searched for the role noun its description hangs on.
const MAX_DESCRIPTION_REACH: usize = 8;

/// The whole description a mention ends: "the director of operations for |the agency|" reaches
/// back to the role noun it hangs on, and its determiner.
fn description_span(doc: &Doc<'_>, m: &Mention) -> Span {
    let lowercase = |k: usize| doc.tokens[k].kind == TokenKind::Word && !doc.tokens[k].upper;
    let lo = doc
        .sentence_range(m.first)
        .start
        .max(m.first.saturating_sub(MAX_DESCRIPTION_REACH));
    let mut k = m.first;
    while k > lo && lowercase(k - 1) {
        k -= 1;
        if doc.tokens[k].info.is_some_and(|x| x.role.is_some()) {
            let start = if k > lo && doc.tokens[k - 1].info.is_some_and(|x| x.determiner) {
                k - 1
            } else {
                k
            };
            return doc.tokens_span(start, m.last);
        }
    }
    m.span
}

/// ", a doctor at the clinic," after the name ending at token `last`.
fn appositive_after(doc: &Doc<'_>, last: usize) -> Option<Span> {
    if !doc.is_punct(last + 1, &[","]) {
        return None;
    }
    let first = last + 2;
    let sentence_end = doc.sentence_range(last).end;
    let limit = sentence_end.min(first + MAX_APPOSITIVE_TOKENS);
    let end = (first..limit)
        .find(|&k| doc.tokens[k].kind == TokenKind::Punct && !doc.is_abbreviation_dot(k))
        .unwrap_or(limit);
    if end <= first || !(first..end).any(|k| is_role_word(doc, k)) {
        return None;
    }
    // It must describe, not go on with the sentence: "a doctor", "the president of X",
    // "chief executive of Y"; not a verb or a clause.
    let opens = doc.tokens[first].info.is_some_and(|x| x.determiner)
        || is_role_word(doc, first)
        || doc.tokens[first].kind == TokenKind::Word && !doc.tokens[first].upper;
    let clause = (first..end).any(|k| {
        doc.tokens[k]
            .info
            .is_some_and(|x| x.verb.is_some() || x.finite || x.pronoun.is_some())
    });
    (opens && !clause).then(|| doc.tokens_span(first, end - 1))
}

#[cfg(test)]
mod tests {
    use crate::extract;

    fn roles(text: &str) -> Vec<Option<&str>> {
        extract(text)
            .into_iter()
            .map(|s| s.speaker_role.map(|r| &text[r]))
            .collect()
    }

    #[test]
    fn role_in_front_of_the_name() {
        let text = "“We agreed,” Russia's Foreign Ministry spokeswoman Maria Zakharova said.";
        assert_eq!(roles(text), [Some("Russia's Foreign Ministry spokeswoman")]);
    }

    #[test]
    fn role_set_off_after_the_name() {
        let text = "Hugh Hill, a doctor at the clinic, said the wait was long.";
        assert_eq!(roles(text), [Some("a doctor at the clinic")]);
    }

    #[test]
    fn role_the_name_was_set_off_from() {
        let text =
            "But the director of operations for the agency, Jeff Frase, says the system works.";
        assert_eq!(
            roles(text),
            [Some("the director of operations for the agency")]
        );
    }

    #[test]
    fn no_role_for_a_courtesy_title_or_a_bare_name() {
        let text = "“No,” Mr. Stefan Jonsson said. “Yes,” Ana Diaz said.";
        assert_eq!(roles(text), [None, None]);
    }

    #[test]
    fn an_age_is_no_role() {
        let text = "Babatunji Farin, 50, says he is happy with the results.";
        assert_eq!(roles(text), [None]);
    }
}
