//! Properties over generated text that mixes quote marks of every style, apostrophes, inline
//! tags, headings, URL lines, CRLF, NUL, BOM, non-breaking spaces, emoji, combining marks, speech
//! verbs and capitalised names: no panic, every span valid (see [`super::valid::check`]), the
//! output deterministic, and a CRLF copy of a text saying what the LF original says.

use super::valid::check;
use proptest::prelude::*;
use whosaid::wire::WireDocument;

const PIECES: &[&str] = &[
    // Quote marks of every style, alone and glued to words.
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "‚",
    "‹",
    "›",
    "「",
    "」",
    "『",
    "』",
    "'",
    "''",
    "“We agreed on joint steps,”",
    "«Мы готовы»",
    "„Ja“",
    "「はい」",
    "'Really,'",
    "\"No.\"",
    // Apostrophes that are not quotes.
    "didn't",
    "Russia's",
    "the Nations’",
    "rock ’n’ roll",
    "'90s",
    "O'Brien",
    // Markup residue.
    "<u>said</u>",
    "<a href=\"x\">",
    "</a>",
    "<br/>",
    "<!-- c -->",
    "<",
    ">",
    "\n## Related article: talks\n",
    "\nhttps://example.org/a?b=1\n",
    // Line breaks and odd characters.
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\0",
    "\u{FEFF}",
    "\u{a0}",
    "🙂",
    "👩‍👩‍👧",
    "e\u{301}",
    "\u{2028}",
    "\t",
    // Speech and its speakers.
    "said",
    "says",
    "told reporters",
    "according to",
    "that",
    "added",
    "described it as",
    "she",
    "he",
    "they",
    "it",
    "Maria Zakharova",
    "Zakharova",
    "Mr. Smith",
    "the ministry",
    "officials from both sides",
    "the mayor, Lena Varga,",
    "Kadzik",
    "the U.S. State Department",
    // Punctuation and filler.
    ".",
    ",",
    ":",
    "?",
    "!",
    "…",
    "—",
    "(",
    ")",
    "1.",
    "- ",
    "the talks",
    "would resume",
    "on Friday",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[a-zA-Z]{1,8}",
    ]
}

/// Pieces joined by spaces or nothing, so marks land both inside and between words.
fn article() -> impl Strategy<Value = String> {
    proptest::collection::vec((piece(), any::<bool>()), 0..80).prop_map(|v| {
        let mut s = String::new();
        for (p, glue) in v {
            if !glue {
                s.push(' ');
            }
            s.push_str(&p);
        }
        s
    })
}

/// Quote, speaker and cue texts, with line ends normalised.
fn said(doc: &WireDocument) -> Vec<[Option<String>; 3]> {
    let norm = |s: &str| s.replace("\r\n", "\n");
    doc.quotes
        .as_ref()
        .unwrap()
        .iter()
        .map(|s| {
            [
                Some(norm(&s.quote.text)),
                s.speaker.as_ref().map(|w| norm(&w.text)),
                s.cue.as_ref().map(|w| norm(&w.text)),
            ]
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_mix_gives_valid_results(text in article()) {
        check(&text);
    }

    #[test]
    fn crlf_says_what_lf_says(text in article()) {
        let lf = text.replace('\r', "");
        let crlf = lf.replace('\n', "\r\n");
        prop_assert_eq!(said(&check(&crlf)), said(&check(&lf)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any string at all, not only the pieces above.
    #[test]
    fn any_string_gives_valid_results(text in any::<String>()) {
        check(&text);
    }
}

#[test]
fn crlf_copy_of_the_example_says_the_same() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/istanbul-talks.txt");
    let lf = std::fs::read_to_string(path).unwrap().replace('\r', "");
    let crlf = lf.replace('\n', "\r\n");
    assert_eq!(said(&check(&crlf)), said(&check(&lf)));
}
