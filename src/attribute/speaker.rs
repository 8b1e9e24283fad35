//! Finding the speaker beside a cue, shared by the rules.

use crate::doc::Doc;
use crate::lexicon::VerbClass;
use crate::mentions::{Mention, mention_before};
use crate::statement::SpeakerType;
use crate::tokens::TokenKind;

/// Longest parenthetical between a speaker and its cue: "Hugh Hill, a doctor at X, said".
const MAX_APPOSITIVE_TOKENS: usize = 40;

/// Index of the first token left of `i` that is not an adverb or auxiliary ("she| also said").
pub fn skip_adverbs_back(doc: &Doc<'_>, i: usize, lo: usize) -> usize {
    let mut k = i;
    while k > lo && is_adverb(doc, k - 1) {
        k -= 1;
    }
    k
}

/// Index of the first token from `i` that is not an adverb ("said| Thursday that"). Auxiliaries
/// and modals are not skipped here: after a cue they open a clause ("said would double").
pub fn skip_adverbs_forward(doc: &Doc<'_>, i: usize, hi: usize) -> usize {
    let mut k = i;
    while k < hi
        && is_adverb(doc, k)
        && !doc.tokens[k].info.is_some_and(|x| x.finite)
        && !hyphenated(doc, k)
    {
        k += 1;
    }
    k
}

/// The word at `k` is joined to the next by a hyphen, as the first part of a compound
/// ("long-standing deals", "first-time offenders"), so no adverb of its own.
fn hyphenated(doc: &Doc<'_>, k: usize) -> bool {
    doc.tokens
        .get(k + 1)
        .is_some_and(|t| t.span.start == doc.tokens[k].span.end && doc.is_punct(k + 1, &["-", "‑"]))
}

pub(super) fn is_adverb(doc: &Doc<'_>, i: usize) -> bool {
    let t = &doc.tokens[i];
    // Lower-case "-ly" words are adverbs often enough here ("ultimately said").
    // Capitalised, "May" and "Will" are names, not modals.
    t.kind == TokenKind::Word
        && !t.upper
        && (t.info.is_some_and(|x| x.adverb)
            || (t.info.is_none() && doc.word_bytes(i).ends_with(b"ly")))
}

/// Periods a time adverbial names after "last", "this" or "next": "a poll last month showed".
const PERIODS: &[&str] = &[
    "week", "weekend", "month", "year", "spring", "summer", "fall", "autumn", "winter",
];

/// Index of the first token of a day set off by a preposition before `end`: "Jane Roe| on
/// Tuesday said", "officials| late Monday night said", "a poll| last month showed". `end` itself
/// when there is none.
fn skip_day_back(doc: &Doc<'_>, end: usize, lo: usize) -> usize {
    let lower =
        |k: usize, words: &[&str]| doc.is_word(k) && !doc.tokens[k].upper && doc.word_in(k, words);
    // "last month", "earlier this year": only after a word that can end a subject.
    if end > lo + 2 && lower(end - 1, PERIODS) && lower(end - 2, &["last", "this", "next"]) {
        let k = end - 2;
        let k = if lower(k - 1, &["earlier", "later"]) {
            k - 1
        } else {
            k
        };
        return if k > lo && doc.is_word(k - 1) { k } else { end };
    }
    let mut k = end;
    if k > lo && lower(k - 1, &["night", "morning", "afternoon", "evening"]) {
        k -= 1;
    }
    let day = k > lo
        && doc.tokens[k - 1].upper
        && doc.word_bytes(k - 1).ends_with(b"day")
        && doc.tokens[k - 1].info.is_some_and(|x| x.adverb);
    if !day {
        return end;
    }
    k -= 1;
    if k > lo && lower(k - 1, &["on", "late", "early", "last", "this"]) {
        k - 1
    } else {
        end
    }
}

/// The speaker left of the cue starting at token `cue`, within tokens `lo..`:
/// "Zakharova said", "she also said", "Hugh Hill, a doctor at X, said",
/// "The U.S. State Department, in its turn, said".
pub fn speaker_before(doc: &Doc<'_>, cue: usize, lo: usize) -> Option<Mention> {
    // Rules tried one after the other often ask for the same speaker: the last answer is kept.
    if let Some((c, l, m)) = doc.last_speaker.get()
        && (c, l) == (cue, lo)
    {
        return m;
    }
    let m = find_speaker_before(doc, cue, lo);
    doc.last_speaker.set(Some((cue, lo, m)));
    m
}

/// [`speaker_before`], found.
fn find_speaker_before(doc: &Doc<'_>, cue: usize, lo: usize) -> Option<Mention> {
    let mut end = skip_adverbs_back(doc, cue, lo);
    let before_time = skip_day_back(doc, end, lo);
    if before_time < end {
        end = skip_adverbs_back(doc, before_time, lo);
    }
    // "The ministers all urged", "They both said": a floating quantifier after the subject.
    // ("each" is left out: "Lee and Roe each added a goal" is a box score.)
    if end > lo + 1
        && doc.is_word(end - 1)
        && matches!(doc.word_bytes(end - 1), b"all" | b"both")
        && doc.is_word(end - 2)
    {
        // "Cruz and Rubio have both urged": an auxiliary may stand before it.
        end = skip_adverbs_back(doc, end - 1, lo);
    }
    // "Voters there say", "Officials here said": a place after the subject.
    if end > lo + 1
        && doc.is_word(end - 1)
        && matches!(doc.word_bytes(end - 1), b"there" | b"here")
        && doc.is_word(end - 2)
    {
        end -= 1;
    }
    // "Cruz himself said": the reflexive only stresses the speaker.
    if end > lo + 1
        && doc.is_word(end - 1)
        && matches!(
            doc.word_bytes(end - 1),
            b"himself" | b"herself" | b"themselves" | b"itself"
        )
    {
        end -= 1;
    }
    if end > lo && doc.is_punct(end - 1, &[",", "—", "–", ")"]) {
        return speaker_before_parenthetical(doc, end - 1, lo);
    }
    // "Roe, the host of “Morning Talk,” said": the comma closing the aside stands inside the
    // title's closing mark.
    if end > lo + 1
        && doc.is_quote_mark(end - 1)
        && doc.is_punct(end - 2, &[","])
        && doc.token_quote[end - 1]
            .is_some_and(|q| doc.quotes[q as usize].span.end == doc.tokens[end - 1].span.end)
    {
        return speaker_before_parenthetical(doc, end - 1, lo);
    }
    relative_head(doc, end, lo)
        .or_else(|| familiar_head(doc, end, lo))
        .or_else(|| mention_before(doc, end, lo))
}

/// Longest phrase after "familiar with" before the cue: "a source familiar with the
/// campaign's thinking| said".
const MAX_FAMILIAR_TOKENS: usize = 10;

/// The person or group "familiar with" something: "A source familiar with the plan said" →
/// "A source".
fn familiar_head(doc: &Doc<'_>, end: usize, lo: usize) -> Option<Mention> {
    let floor = end.saturating_sub(MAX_FAMILIAR_TOKENS).max(lo);
    // The length first: most words are told apart without slicing the text. The tokens are
    // walked as a slice: one bounds check for the window, not one per token.
    let window = doc.tokens.get(floor..end).unwrap_or_default();
    let (familiar, _) = window.iter().enumerate().rev().find(|&(i, t)| {
        let k = floor + i;
        t.span.len() == "familiar".len()
            && t.kind == TokenKind::Word
            && doc.word_bytes(k) == b"familiar"
            && doc.is_word(k + 1)
            && doc.word_bytes(k + 1) == b"with"
    })?;
    let familiar = floor + familiar;
    // Nothing but the phrase in between: no clause, no punctuation.
    if (familiar + 2..end)
        .any(|k| doc.tokens[k].kind == TokenKind::Punct && !doc.is_punct(k, &["’", "'"]))
    {
        return None;
    }
    mention_before(doc, familiar, lo).filter(|m| m.kind != SpeakerType::Pronoun)
}

/// Longest relative clause between a speaker and its cue: "An official who spoke on condition of
/// anonymity said".
const MAX_RELATIVE_TOKENS: usize = 14;

/// The person a relative clause ending at `end` describes: "An official who spoke on the
/// condition of anonymity| said" → "An official", not "the condition of anonymity".
fn relative_head(doc: &Doc<'_>, end: usize, lo: usize) -> Option<Mention> {
    let floor = end.saturating_sub(MAX_RELATIVE_TOKENS).max(lo);
    // The length first, and the tokens as a slice, as in `familiar_head`.
    let window = doc.tokens.get(floor..end).unwrap_or_default();
    let (who, _) = window
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, t)| t.kind != TokenKind::Punct || t.abbreviation_dot)
        .find(|&(i, t)| {
            matches!(t.span.len(), 3 | 5)
                && t.kind == TokenKind::Word
                && !t.upper
                && matches!(doc.word_bytes(floor + i), b"who" | b"which")
        })?;
    let who = floor + who;
    // The clause has a verb of its own before the mention: "who spoke on", "who has feuded with".
    let has_verb = (who + 1..end).any(|k| {
        let t = &doc.tokens[k];
        t.kind == TokenKind::Word
            && !t.upper
            && (t.info.is_some_and(|x| x.verb.is_some() || x.finite)
                || doc.word_bytes(k).ends_with(b"ed"))
    });
    if !has_verb {
        return None;
    }
    mention_before(doc, who, lo).filter(|h| h.kind != SpeakerType::Pronoun)
}

/// "NAME, APPOSITIVE, said": `comma` is the comma just before the cue. The parenthetical may
/// hold several comma-separated parts and a relative clause ("Howell, who has two children in
/// the school, says"; "Joe Nienaber, a graduate and a commissioner in Kenton County, where the
/// school is, said"), but no quotation and no other cue.
fn speaker_before_parenthetical(doc: &Doc<'_>, comma: usize, lo: usize) -> Option<Mention> {
    let floor = comma.saturating_sub(MAX_APPOSITIVE_TOKENS).max(lo);
    // When `comma` is a closing mark, the comma inside it closes the aside, opening none.
    let closing = |k: usize| k + 1 == comma && doc.is_quote_mark(comma);
    // "The firm's agent, Jane Doe, said": a name set off after a description is the mention
    // nearest the cue.
    if let Some(open) = (floor..comma)
        .rev()
        .find(|&k| doc.is_punct(k, &[","]) && !closing(k))
        && open > lo
        && doc.is_word(open - 1)
        && !doc.tokens[open - 1].upper
        && (open + 1..comma).all(|k| doc.is_word(k) && doc.tokens[k].upper)
        && let Some(m) = mention_before(doc, comma, open + 1)
        && m.first == open + 1
        && m.kind == SpeakerType::Person
    {
        return Some(m);
    }
    let mut open = comma;
    // A mention opening with "a"/"the" may itself be an appositive: look further left first.
    let mut fallback = None;
    // A comma inside a quoted title opens nothing: "Roe, the author of “Going Viral,” about
    // rumours, said".
    while let Some(k) = (floor..open).rev().find(|&k| {
        doc.is_punct(k, &[",", "(", "—", "–"]) && !closing(k) && doc.token_quote[k].is_none()
    }) {
        open = k;
        // "(they tied for fourth)" closed inside an aside opened further left opens nothing:
        // "Hadwin, who played with Taylor (they tied for fourth) in 2018, said"; but "Sen. Jane
        // Roe (D-Mass.), said".
        if doc.is_punct(k, &["("])
            && (k + 1..comma).any(|j| doc.is_punct(j, &[")"]))
            && (floor..k).any(|j| doc.is_punct(j, &[","]))
        {
            continue;
        }
        // Quotation marks only around a title inside it: "the co-author of “Going Viral,”".
        // Apostrophes do not count: "the girls’ school graduate".
        let marks = (open + 1..=comma)
            .filter(|&k| doc.is_quotation_mark(k))
            .count();
        let starts_relative = doc.is_word(open + 1)
            && matches!(
                doc.word(open + 1),
                "who" | "which" | "whose" | "where" | "whom"
            );
        // A relative clause about a person may hold any verb: "Trump, who has told aides …,
        // said"; "Jane Roe, an oncologist who advised the mayor, said".
        let who = (open + 1..comma)
            .find(|&k| doc.is_word(k) && matches!(doc.word(k), "who" | "whom" | "whose"));
        let inner_ok = marks % 2 == 0
            && marks <= 2
            && (open + 1..comma).all(|k| {
                // No other cue; a participle only describes ("seen smiling", "speaking to
                // reporters"), and inside a relative clause only speech counts ("whose firm
                // helps brands find suppliers").
                let t = &doc.tokens[k];
                // After a determiner a form is a noun: "outside the state capital"; so is a
                // capitalised word: "the founder of the Free State Project".
                let noun = doc.tokens[k - 1].info.is_some_and(|x| x.determiner) || t.upper;
                // A passive participle opening it describes too: "Trump, asked about it, said".
                let passive = k == open + 1 && doc.word_bytes(k).ends_with(b"ed");
                // Part of a compound: "self-described", "much-quoted".
                let compound = doc.is_punct(k - 1, &["-", "‑"]);
                noun || passive
                    || compound
                    || who.is_some_and(|w| w < k)
                    || !t.info.is_some_and(|x| {
                        // A base form is a noun here: "a former state party chairman".
                        x.verb.is_some_and(|v| {
                            !v.participle
                                && !v.base
                                && (v.class == VerbClass::Speech
                                    || !starts_relative
                                        && matches!(
                                            v.class,
                                            VerbClass::Manner | VerbClass::Evidence
                                        ))
                        })
                    })
            });
        if !inner_ok {
            return None;
        }
        // A bare clause is not an appositive: "…, which is fair, said" needs a named speaker;
        // "who" and "whose" tell of a person ("a citizen, whose name is withheld, wrote").
        let personal =
            doc.is_word(open + 1) && matches!(doc.word(open + 1), "who" | "whose" | "whom");
        let m = mention_before(doc, open, lo).filter(|m| {
            matches!(
                m.kind,
                SpeakerType::Person
                    | SpeakerType::Organization
                    | SpeakerType::Unknown
                    | SpeakerType::Group
            ) && (doc.tokens[m.last].upper || !starts_relative || personal)
        });
        if let Some(m) = m {
            let clause_free = (open + 1..comma).all(|k| {
                let x = doc.tokens[k].info;
                starts_relative
                    || !x.is_some_and(|x| x.clause_opener && !x.determiner)
                    || x.is_some_and(|x| x.role.is_some())
            });
            if clause_free || doc.tokens[m.last].upper {
                // "a 55-year-old salesman from Sumter": the count opened the phrase after its
                // article.
                let article = |k: usize| {
                    doc.tokens[k].info.is_some_and(|x| x.determiner) && !doc.tokens[k].upper
                };
                let described = article(m.first) || m.first > 0 && article(m.first - 1);
                // A lone unknown word may be a place inside the appositive ("…, a company
                // based in Antigonish, N.S., says"): a person further left comes first.
                let place_like = m.kind == SpeakerType::Unknown && m.first == m.last;
                // "Jane Doe of Raleigh, N.C., said": a name after "of" or "from" is a place;
                // the person comes before it.
                let of_place = m.first > lo
                    && doc.is_word(m.first - 1)
                    && matches!(doc.word(m.first - 1), "of" | "from");
                if of_place {
                    if let Some(p) = mention_before(doc, m.first - 1, lo)
                        .filter(|p| p.kind == SpeakerType::Person)
                    {
                        return Some(p);
                    }
                    fallback = fallback.or(Some(m));
                    continue;
                }
                if !described && !place_like {
                    return Some(m);
                }
                fallback = fallback.or(Some(m));
            }
        }
    }
    fallback
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before(text: &str) -> Option<String> {
        let doc = Doc::new(text);
        let cue = doc.token_at(text.find("said").unwrap());
        speaker_before(&doc, cue, 0).map(|m| text[m.span].to_string())
    }

    #[test]
    fn a_floating_quantifier_after_an_auxiliary_is_skipped() {
        assert_eq!(
            before("Roe and Doe have both said the vote was fair.").as_deref(),
            Some("Roe and Doe")
        );
    }

    #[test]
    fn a_place_after_the_subject_is_skipped() {
        assert_eq!(
            before("Officials there said the road was closed.").as_deref(),
            Some("Officials")
        );
        assert_eq!(
            before("Farmers here said the rain came late.").as_deref(),
            Some("Farmers")
        );
    }

    #[test]
    fn a_comma_inside_a_quoted_title_opens_no_aside() {
        let got =
            before("Roe, the author of “Going Viral,” about rumours, said the days are gone.");
        assert_eq!(got.as_deref(), Some("Roe"));
        let got = before("Roe, the host of “Morning Talk,” said the plan would fail.");
        assert_eq!(got.as_deref(), Some("Roe"));
    }

    #[test]
    fn a_parenthetical_may_open_with_a_passive_participle() {
        let got = before("Jane Roe, asked about the deaths, had said it.");
        assert_eq!(got.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn a_parenthetical_may_hold_a_verb_form_as_a_noun_or_in_a_compound() {
        let got = before("Jane Roe, a former state party chairman, said it.");
        assert_eq!(got.as_deref(), Some("Jane Roe"));
        let got = before("Jane Roe, a senator and self-described socialist, said it.");
        assert_eq!(got.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn a_parenthesis_closed_inside_an_aside_opens_nothing() {
        let got = before(
            "Hadwin, who played at the cup with Taylor (they tied for fourth) in the fall, said it.",
        );
        assert_eq!(got.as_deref(), Some("Hadwin"));
        assert_eq!(
            before("Sen. Jane Roe (D-Mass.), said it.").as_deref(),
            Some("Sen. Jane Roe")
        );
    }

    #[test]
    fn a_day_between_speaker_and_cue_is_skipped() {
        let got = before("Jane Roe on Tuesday said it was over.");
        assert_eq!(got.as_deref(), Some("Jane Roe"));
        let got = before("Officials late Monday night also said it was over.");
        assert_eq!(got.as_deref(), Some("Officials"));
        // Without a preposition a day may be part of a name.
        assert_eq!(before("USA Today said it.").as_deref(), Some("USA Today"));
    }

    #[test]
    fn long_and_itself_between_speaker_and_cue() {
        let got = before("Jane Roe has long said it was over.");
        assert_eq!(got.as_deref(), Some("Jane Roe"));
        assert_eq!(
            before("The firm itself said so.").as_deref(),
            Some("The firm")
        );
    }

    #[test]
    fn the_head_of_a_relative_clause_is_the_speaker() {
        assert_eq!(
            before("An official who spoke on the condition of anonymity said it.").as_deref(),
            Some("An official")
        );
        // Without a verb of its own the clause names no one: "the plan which officials said".
        assert_eq!(
            before("It is the plan which officials said would work.").as_deref(),
            Some("officials")
        );
    }

    #[test]
    fn a_relative_clause_about_a_person_may_hold_a_cue() {
        assert_eq!(
            before("Jane Roe, who has told aides she sees the issues as one, said it.").as_deref(),
            Some("Jane Roe")
        );
        assert_eq!(
            before("Jane Roe, an oncologist who advised the mayor, said it.").as_deref(),
            Some("Jane Roe")
        );
    }

    #[test]
    fn a_source_familiar_with_something_and_a_reflexive() {
        assert_eq!(
            before("A source familiar with the campaign’s thinking said it.").as_deref(),
            Some("A source")
        );
        assert_eq!(
            before("Jane Roe herself said it.").as_deref(),
            Some("Jane Roe")
        );
    }

    #[test]
    fn a_noun_that_looks_like_a_cue_inside_an_appositive() {
        assert_eq!(
            before("Jane Roe, who lives outside the state capital, said it.").as_deref(),
            Some("Jane Roe")
        );
    }

    #[test]
    fn a_determiner_can_stand_for_people() {
        assert_eq!(
            before("Yet another said it was over.").as_deref(),
            Some("another")
        );
    }

    #[test]
    fn skips_adverbs_and_auxiliaries() {
        assert_eq!(
            before("She has also repeatedly said no.").as_deref(),
            Some("She")
        );
    }

    #[test]
    fn place_inside_an_appositive_is_no_speaker() {
        assert_eq!(
            before("Tareq Haddon, the co-founder of a company based in Antigonish, N.S., said it.")
                .as_deref(),
            Some("Tareq Haddon")
        );
    }

    #[test]
    fn skips_appositives() {
        assert_eq!(
            before("Hugh Hill, a doctor at the clinic, said it.").as_deref(),
            Some("Hugh Hill")
        );
        assert_eq!(
            before("The U.S. State Department, in its turn, said it.").as_deref(),
            Some("The U.S. State Department")
        );
        assert_eq!(
            before("Jane Doe, 45, said it.").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            before("Jane Doe, the founder of the Free State Project, said it.").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            before("Jane Doe, 45, of Raleigh, N.C., said it.").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            before("Jane Doe of Raleigh, N.C., said it.").as_deref(),
            Some("Jane Doe of Raleigh")
        );
        assert_eq!(
            before("Howell, who has two children in the school, said it.").as_deref(),
            Some("Howell")
        );
        assert_eq!(
            before("Joe Nienaber, a graduate and a commissioner in Kenton County, where the school is, said it.").as_deref(),
            Some("Joe Nienaber")
        );
    }

    #[test]
    fn a_person_described_by_a_relative_clause() {
        assert_eq!(
            before("A resident, whose name was withheld, said it.").as_deref(),
            Some("A resident")
        );
    }

    #[test]
    fn a_name_after_a_description() {
        assert_eq!(
            before("The golfer's agent, Danny Fritz, said it.").as_deref(),
            Some("Danny Fritz")
        );
        assert_eq!(
            before("Jane Doe, the student seen smiling in the video, said it.").as_deref(),
            Some("Jane Doe")
        );
    }

    #[test]
    fn a_clause_is_not_an_appositive() {
        assert_eq!(before("Prices rose, which is fair, said the report."), None);
    }
}
