//! Pronouns: the person "he" or "she" refers to, the organisation or group for "it" and "they".

use super::*;

/// The speaker "he" or "she" most likely continues: the person of the latest statement before it,
/// a few paragraphs back at most, whose gender agrees; with the token its mention starts at.
pub(super) fn last_speaker(
    doc: &Doc<'_>,
    people: &People,
    out: &[Statement],
    resolved: &[Option<usize>],
    m: &Mention,
) -> Option<(usize, usize)> {
    statements_before(doc, out, resolved, m, SPEAKER_PARAGRAPHS)
        .filter_map(|(s, p)| {
            Some((
                doc.token_at(s.speaker.map_or(s.quote.start, |sp| sp.start)),
                p?,
            ))
        })
        .find(|&(_, p)| {
            let g = people.gender(doc, p);
            g == m.gender || g == Gender::Unknown || m.gender == Gender::Unknown
        })
}

/// The latest person of the right gender who opens a sentence before the pronoun, in its
/// paragraph or the one before ("Mamadou Dia was on a business trip … ¶ “…,” he said."); with
/// the token the name starts at.
pub(super) fn introduced_subject(
    doc: &Doc<'_>,
    people: &People,
    m: &Mention,
) -> Option<(usize, usize)> {
    let para = doc.seg.paragraph_at(m.span.start);
    let before = people.occurrences.partition_point(|o| o.token < m.first);
    people.occurrences[..before]
        .iter()
        .rev()
        // The token's paragraph is the one its first byte is in (asserted in `doc`).
        .take_while(|o| para - doc.paragraph_of(o.token) <= 1)
        .take(MAX_LOOKBACK_OCCURRENCES)
        .filter(|o| {
            !people.in_caption(doc, o) && (opens_sentence(doc, o.token) || aged(doc, people, o))
        })
        // Its gender must agree: known from a first name, a title or the pronouns after it, or
        // unknown for the latest such subject ("Shanaaz Roe, president of …, is hopeful …").
        .enumerate()
        .find(|(i, o)| {
            let g = people.gender(doc, o.person);
            g == m.gender || *i == 0 && g == Gender::Unknown
        })
        .map(|(_, o)| (o.token, o.person))
}

/// The occurrence is a full name followed by an age, as news introduces a new voice:
/// "… positive results for Mississauga accountant Jane Roe, 50." (wherever it stands).
fn aged(doc: &Doc<'_>, people: &People, o: &Occurrence) -> bool {
    let words = people.people[o.person].words;
    let after = o.token + words;
    words >= 2
        && doc.is_punct(after, &[","])
        && doc
            .tokens
            .get(after + 1)
            .is_some_and(|t| t.kind == TokenKind::Number && doc.text[t.span].len() <= 3)
}

/// The person "he" or "she" refers to: the most recent person named before it, recently enough,
/// whose gender agrees (an unknown gender agrees with both).
pub(super) fn antecedent(doc: &Doc<'_>, people: &People, m: &Mention) -> Option<usize> {
    let para = doc.seg.paragraph_at(m.span.start);
    // Paragraphs only grow in token order, so the window can be cut before the filter.
    let before = people.occurrences.partition_point(|o| o.token < m.first);
    let candidates = people.occurrences[..before]
        .iter()
        .rev()
        .take_while(|o| para - doc.paragraph_of(o.token) <= MAX_ANTECEDENT_PARAGRAPHS)
        .take(MAX_LOOKBACK_OCCURRENCES)
        .filter(|o| people.people[o.person].strong && !people.in_caption(doc, o));
    let agrees = |p: usize, strict: bool| {
        let g = people.gender(doc, p);
        g == m.gender || (!strict && (g == Gender::Unknown || m.gender == Gender::Unknown))
    };
    candidates.map(|o| o.person).find(|&p| agrees(p, false))
}

/// The latest organisation (for "it"; also a group for "they") speaking before `pos`.
pub(super) fn last_collective(
    out: &[Statement],
    pos: usize,
    organisation_only: bool,
) -> Option<Name> {
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

/// How many sentences back "they" or "it" looks for a collective noun that no one quoted.
pub(super) const COLLECTIVE_SENTENCES: usize = 2;

/// The nearest collective written with "the" before a pronoun, in its sentence or the two before,
/// when no organisation or group has spoken: "the union started a campaign. … they tweeted
/// that …" → "union"; "the Liberals" for "they". For "it" (`neuter`), organisations only.
pub(super) fn collective_before(doc: &Doc<'_>, m: &Mention, neuter: bool) -> Option<Name> {
    let sentence = doc.sentence_of(m.first);
    let lo = doc
        .sentence_tokens
        .get(sentence.saturating_sub(COLLECTIVE_SENTENCES))
        .map_or(0, |r| r.start);
    (lo.max(1)..m.first).rev().find_map(|k| {
        let t = &doc.tokens[k];
        if t.kind != TokenKind::Word || !doc.word(k - 1).eq_ignore_ascii_case("the") {
            return None;
        }
        let x = t.info;
        let word = doc.word(k);
        let collective = if neuter {
            x.is_some_and(|x| x.org)
        } else {
            x.is_some_and(|x| x.group || x.org)
                || t.upper && word.len() > 3 && word.ends_with('s') && x.is_none()
        };
        // The head noun: the next word must not continue the phrase ("the union's").
        let head = !doc.is_word(k + 1)
            || !doc.tokens[k + 1]
                .info
                .is_some_and(|x| x.org || x.group || x.role.is_some());
        (collective && head).then(|| Name::from(word))
    })
}
