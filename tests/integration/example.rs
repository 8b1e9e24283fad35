//! The bundled example article: its statements as a snapshot, and the ones the README promises.

use whosaid::{Kind, Statement};

const ARTICLE: &str = include_str!("../../examples/istanbul-talks.txt");

fn find<'a>(found: &'a [Statement], quote_part: &str) -> &'a Statement {
    found
        .iter()
        .find(|s| ARTICLE[s.quote].contains(quote_part))
        .unwrap_or_else(|| panic!("no statement with {quote_part:?}"))
}

#[test]
fn example_snapshot() {
    let found = whosaid::extract(ARTICLE);
    let doc = whosaid::wire::document("examples/istanbul-talks.txt", ARTICLE, &found);
    insta::with_settings!({snapshot_path => "../../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_json_snapshot!("istanbul_talks", doc);
    });
}

#[test]
fn quote_broken_by_blank_line_is_one_statement() {
    let found = whosaid::extract(ARTICLE);
    let s = find(&found, "The United States raised concerns");
    assert_eq!(s.kind, Kind::Direct);
    let quote = &ARTICLE[s.quote];
    assert!(
        quote.starts_with("\"The United States") && quote.ends_with("in Moscow,\""),
        "{quote}"
    );
    assert_eq!(&ARTICLE[s.cue.unwrap()], "said");
    assert_eq!(&ARTICLE[s.speaker.unwrap()], "the U.S. State Department");
}

#[test]
fn zakharova_statements() {
    let found = whosaid::extract(ARTICLE);
    let s = find(&found, "agreed on joint steps");
    assert_eq!(s.kind, Kind::Mixed);
    assert_eq!(
        &ARTICLE[s.speaker.unwrap()],
        "Russia's Foreign Ministry spokeswoman Maria Zakharova"
    );
    assert_eq!(s.speaker_name.as_deref(), Some("Maria Zakharova"));

    let s = find(&found, "constructive and businesslike");
    assert_eq!(s.kind, Kind::Mixed);
    assert_eq!(&ARTICLE[s.speaker.unwrap()], "Zakharova");
    assert_eq!(s.speaker_name.as_deref(), Some("Maria Zakharova"));
    assert_eq!(&ARTICLE[s.cue.unwrap()], "described");

    let s = find(&found, "six Russian-owned properties");
    assert_eq!(s.kind, Kind::Indirect);
    assert_eq!(s.speaker_name.as_deref(), Some("Maria Zakharova"));
}

#[test]
fn organisations_and_groups_as_speakers() {
    let found = whosaid::extract(ARTICLE);
    let s = find(&found, "in the near term");
    assert_eq!(s.kind, Kind::Mixed);
    assert_eq!(s.speaker_name.as_deref(), Some("U.S. State Department"));

    let s = find(&found, "Russian and U.S. diplomats held talks");
    assert_eq!(s.kind, Kind::Indirect);
    assert_eq!(&ARTICLE[s.speaker.unwrap()], "officials from both sides");

    let s = find(&found, "Russia had tapped Darchiyev");
    assert_eq!(
        &ARTICLE[s.quote],
        "that Russia had tapped Darchiyev as its next ambassador to the United States"
    );
    assert_eq!(&ARTICLE[s.cue.unwrap()], "reported");
    assert_eq!(s.speaker_name.as_deref(), Some("Kommersant"));
}

#[test]
fn no_heading_inside_a_quote() {
    for s in whosaid::extract(ARTICLE) {
        let quote = &ARTICLE[s.quote];
        assert!(!quote.contains("##") && !quote.contains("http"), "{quote}");
    }
}
