//! Pass 1, bylines: quotations introduced by a name and a colon, or signed with a dash, with no
//! verb of saying ("And from Chairwoman Jane Doe: “…”", "“…” ― Jane Doe").

use super::Attribution;
use super::direct::{Site, statement};
use super::speaker::speaker_before;
use crate::doc::Doc;
use crate::lexicon::{Gender, Number};
use crate::mentions::mention_after;
use crate::statement::{Kind, SpeakerType};

/// S: “Q”. A speaker and a colon, with no cue: in transcripts, and in a heading-like line
/// before a quotation that opens the next paragraph.
///
/// Example: And from Chairwoman Jane Doe: ¶ “We will hold hearings.”
pub(super) fn speaker_colon_quote(doc: &Doc<'_>, site: &Site) -> Option<Attribution> {
    let colon = site.open.checked_sub(1)?;
    if !doc.is_punct(colon, &[":"]) {
        return None;
    }
    // The colon ends this paragraph's lead-in, or the whole line before.
    let lo = doc.paragraph_range(colon).start;
    let m = speaker_before(doc, colon, lo)?;
    // Or after a dash, as a byline after a headline: "POLLS WERE EARLY - Jane Roe: “…”".
    let lead = (lo..m.first)
        .all(|k| lower_or_upper_is(doc, k, &["and", "from", "by", "says", "said"]))
        || m.first > lo && doc.is_punct(m.first - 1, &["-", "—", "–"]);
    let named = doc.tokens[m.last].upper || m.kind == crate::statement::SpeakerType::Pronoun;
    // "READ MORE: ‘…’", "WATCH: …": a label in capitals introduces a link, not a speaker.
    let label = !doc.text[m.span].chars().any(char::is_lowercase);
    (lead && named && !label)
        .then(|| statement(doc, site, Some(m), None, 0.7, "speaker_colon_quote"))
}

/// Longest clause between a subject and the colon before its quotation, in tokens.
const MAX_COLON_CLAUSE_TOKENS: usize = 24;

/// S VP: “Q.” A sentence whose subject leads into a quoted sentence with a colon, without a verb
/// of saying: "Clinton has since apologized for the emails: “I take full responsibility.”"
///
/// Example: The ministry was blunt in its reply: “The talks are over.”
pub(super) fn subject_clause_colon_quote(doc: &Doc<'_>, site: &Site) -> Option<Attribution> {
    let colon = site.open.checked_sub(1)?;
    if colon <= site.lo || !doc.is_punct(colon, &[":"]) {
        return None;
    }
    // The quotation is a sentence of its own.
    let q = doc.quotes[site.quote];
    let opens_upper = doc.text[q.inner()]
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    if !opens_upper || !q.inner_trimmed(doc.text).ends_with(['.', '?', '!', '…']) {
        return None;
    }
    let sentence = doc.sentence_range(colon);
    if colon - sentence.start > MAX_COLON_CLAUSE_TOKENS
        || (sentence.start..colon).any(|k| doc.is_quotation_mark(k))
    {
        return None;
    }
    // A person, a group or an organisation, not a headline in capitals or a possessor.
    let m = super::reported::main_subject(doc, &sentence, colon)?;
    let kind_ok = match m.kind {
        SpeakerType::Person | SpeakerType::Organization | SpeakerType::Group => true,
        // "he", "she", "they"; "it" is seldom a speaker here.
        SpeakerType::Pronoun => {
            matches!(m.gender, Gender::Male | Gender::Female) || m.number == Number::Plural
        }
        _ => false,
    };
    let text = &doc.text[m.span];
    if !kind_ok
        || m.last + 1 >= colon
        || super::reported::is_document(doc, &m)
        || !text.chars().any(char::is_lowercase)
        || doc.is_possessive(m.last)
    {
        return None;
    }
    let mut a = statement(doc, site, Some(m), None, 0.6, "subject_clause_colon_quote");
    (a.kind, a.quote) = (Kind::Direct, q.span);
    Some(a)
}

fn lower_or_upper_is(doc: &Doc<'_>, i: usize, words: &[&str]) -> bool {
    doc.is_word(i) && words.iter().any(|w| doc.word(i).eq_ignore_ascii_case(w))
}

/// “Q” — S. A dash and a name after the quotation, as under a pull quote or a tweet.
///
/// Example: “We will not back down.” — Jane Doe, union president
pub(super) fn quote_then_dash_speaker(doc: &Doc<'_>, site: &Site) -> Option<Attribution> {
    if !doc.is_punct(site.after, &["—", "–", "―"]) {
        return None;
    }
    // A name, not a description or a pronoun: "“George” — the rich man to whom …" is an aside.
    let m = mention_after(doc, site.after + 1, site.hi).filter(|m| {
        matches!(m.kind, SpeakerType::Person | SpeakerType::Organization)
            && doc.tokens[m.first].upper
            && !doc.tokens[m.first].info.is_some_and(|x| x.determiner)
    })?;
    Some(statement(
        doc,
        site,
        Some(m),
        None,
        0.7,
        "quote_then_dash_speaker",
    ))
}

#[cfg(test)]
mod tests {
    fn run(text: &str) -> Vec<(String, Option<String>, Option<String>, &'static str)> {
        crate::attribute::texts(text)
    }

    #[test]
    fn a_byline_after_a_dash_and_a_colon() {
        let got = run("POLLS WERE EARLY - Jane Roe: “The polls ended too early.”");
        assert_eq!(got[0].1.as_deref(), Some("Jane Roe"));
        assert_eq!(got[0].3, "speaker_colon_quote");
    }

    #[test]
    fn subject_clause_colon_quote() {
        let got =
            run("Jane Roe has since apologized for the emails: “I take full responsibility.”");
        assert_eq!(got[0].0, "“I take full responsibility.”");
        assert_eq!(got[0].1.as_deref(), Some("Jane Roe"));
        assert_eq!(got[0].3, "subject_clause_colon_quote");
        // A headline in capitals, "it", or a quoted term is no such lead-in.
        for text in [
            "POLLS WERE NOT WRONG, JUST EARLY: “The polls ended too early.”",
            "It read in part: “We are sorry, it did not work out.”",
            "Jane Roe has a word for it: “chaos.”",
        ] {
            assert!(
                run(text)
                    .iter()
                    .all(|g| g.3 != "subject_clause_colon_quote"),
                "{text}"
            );
        }
    }

    #[test]
    fn a_dash_before_a_description_is_an_aside() {
        for text in [
            "A porter was just “George” — the tall man to whom he was bound — and smiled.",
            "A porter was just “George” — a metaphor for the whole job.",
        ] {
            assert_eq!(run(text), vec![], "{text}");
        }
        let got = run("“We will not back down.” — Jane Roe, union president");
        assert_eq!(got[0].1.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn colon_lead_in_without_cue() {
        let got = run("And from Chairwoman Jane Doe:\n\n“We will hold hearings on this.”");
        assert_eq!(got[0].1.as_deref(), Some("Chairwoman Jane Doe"));
        assert_eq!(got[0].2, None);
        let got = run("Trump: “We will win.”");
        assert_eq!(got[0].1.as_deref(), Some("Trump"));
        assert!(run("The message was clear: “We will win.”").is_empty());
        assert!(run("READ MORE: ‘Still in shock’").is_empty());
    }

    #[test]
    fn horizontal_bar_attribution() {
        let got = run("“We will not back down.” ― Jane Doe");
        assert_eq!(got[0].1.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn dash_attribution() {
        let got = run("“We will not back down.” — Jane Doe, union president");
        assert_eq!(got[0].1.as_deref(), Some("Jane Doe"));
        assert_eq!(got[0].2, None);
    }
}
