//! One example per convention, on our own sentences.

use super::*;

fn split(text: &str) -> Vec<&str> {
    sentences(text).into_iter().map(|s| &text[s]).collect()
}

#[test]
fn plain_sentences() {
    assert_eq!(
        split("Talks ended. Both sides left!"),
        ["Talks ended.", "Both sides left!"]
    );
    assert_eq!(
        split("Was it over? Nobody knew."),
        ["Was it over?", "Nobody knew."]
    );
}

#[test]
fn abbreviations_and_titles() {
    assert_eq!(
        split("Mr. Lavrov met Sen. Risch on Feb. 3 at St. Regis Inc. headquarters."),
        ["Mr. Lavrov met Sen. Risch on Feb. 3 at St. Regis Inc. headquarters."]
    );
    // A closing mark used as an opening one, as some scraped pages have it.
    assert_eq!(
        split("”Mr. Lavrov left early. He was tired.”"),
        ["”Mr. Lavrov left early.", "He was tired.”"]
    );
    assert_eq!(
        split("He moved to the U.S. It was 1990."),
        ["He moved to the U.S.", "It was 1990."]
    );
    assert_eq!(
        split("He joined the U.S. Navy in 1990."),
        ["He joined the U.S. Navy in 1990."]
    );
    assert_eq!(
        split("Fruit, e.g. apples, etc. The rest rotted."),
        ["Fruit, e.g. apples, etc.", "The rest rotted."]
    );
}

#[test]
fn initials_decimals_times() {
    assert_eq!(
        split("J. R. R. Tolkien wrote it. Sales rose 3.5 percent to 1.2 million."),
        [
            "J. R. R. Tolkien wrote it.",
            "Sales rose 3.5 percent to 1.2 million."
        ]
    );
    assert_eq!(
        split("By 9 a.m. Ms. Ono had left. She returned at 5 p.m. Mr. Ito did not."),
        [
            "By 9 a.m. Ms. Ono had left.",
            "She returned at 5 p.m.",
            "Mr. Ito did not."
        ]
    );
    assert_eq!(
        split("The vote closes at 8 p.m. Eastern on Friday."),
        ["The vote closes at 8 p.m. Eastern on Friday."]
    );
}

#[test]
fn addresses_and_glued() {
    assert_eq!(
        split("Write to press@example.org. Or call."),
        ["Write to press@example.org.", "Or call."]
    );
    assert_eq!(
        split("See www.example.com/A.Html today."),
        ["See www.example.com/A.Html today."]
    );
    assert_eq!(
        split("It rained.Then it stopped."),
        ["It rained.", "Then it stopped."]
    );
}

#[test]
fn quotes() {
    assert_eq!(
        split("“Why now?” she asked. Nobody answered."),
        ["“Why now?” she asked.", "Nobody answered."]
    );
    assert_eq!(
        split("He said \"We won. They lost.\" Then he left."),
        ["He said \"We won. They lost.\"", "Then he left."]
    );
    assert_eq!(split("«We won. They lost.»"), ["«We won.", "They lost.»"]);
    assert_eq!(
        split("He said, \"We won. They lost.\""),
        ["He said, \"We won.", "They lost.\""]
    );
    assert_eq!(
        split("\"We won. They lost.\" - A. Fan"),
        ["\"We won. They lost.\" - A. Fan"]
    );
    assert_eq!(
        split("(It ended.) Then it began."),
        ["(It ended.)", "Then it began."]
    );
}

#[test]
fn credits_are_own_units() {
    assert_eq!(
        split("Delegates leave the talks Image: Nick Moreau."),
        ["Delegates leave the talks", "Image: Nick Moreau."]
    );
}

#[test]
fn ellipses() {
    assert_eq!(split("Well… maybe later."), ["Well… maybe later."]);
    assert_eq!(
        split("It ended.... Then silence."),
        ["It ended....", "Then silence."]
    );
}

#[test]
fn lists() {
    assert_eq!(
        split("1) Milk 2) Eggs 3) Bread"),
        ["1) Milk", "2) Eggs", "3) Bread"]
    );
    assert_eq!(split("• one • two"), ["• one", "• two"]);
}

#[test]
fn tags_are_transparent() {
    let text = "The ministry <u>said</u>. It <b>added</b> more.</b> Then it ended.";
    assert_eq!(
        split(text),
        [
            "The ministry <u>said</u>.",
            "It <b>added</b> more.</b>",
            "Then it ended."
        ]
    );
    assert_eq!(split("Mr.<u> Smith</u> left."), ["Mr.<u> Smith</u> left."]);
}

#[test]
fn blocks_and_kinds() {
    let text = "## Talks resume\n\nMOSCOW (Reuters) — Talks began. They ended.\nhttps://x.org/a\n";
    let seg = segment(text);
    let kinds: Vec<_> = seg.paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [BlockKind::Heading, BlockKind::Text, BlockKind::Url]);
    let got: Vec<_> = seg
        .sentences
        .iter()
        .map(|s| (&text[s.span], s.paragraph))
        .collect();
    assert_eq!(
        got,
        [
            ("## Talks resume", 0),
            ("MOSCOW (Reuters) — Talks began.", 1),
            ("They ended.", 1),
            ("https://x.org/a", 2)
        ]
    );
    assert_eq!(seg.sentence_at(text.find("They").unwrap()), 2);
    assert_eq!(seg.paragraph_at(text.find("They").unwrap()), 1);
}

#[test]
fn a_signed_pull_quote_ends_its_line() {
    let long = "He has said hateful things time and again, and he uses hate as his flag in every single speech and rally and interview he gives.";
    let text =
        format!("“{long}” ― Jane Roe\n“We can build a wall around him.” ― Juan P. Doe\nMore text.");
    let seg = segment(&text);
    let got: Vec<_> = seg
        .paragraphs
        .iter()
        .map(|p| &text.as_str()[p.span])
        .collect();
    assert_eq!(
        got,
        [
            format!("“{long}” ― Jane Roe").as_str(),
            "“We can build a wall around him.” ― Juan P. Doe",
            "More text."
        ]
    );
}

#[test]
fn never_panics() {
    let long = "a".repeat(1 << 20);
    let greek = "αβγ".repeat(40) + ". " + &"Ωμέγα.Ωμ".repeat(30) + "! ...";
    let dots = ". ".repeat(1000) + &".".repeat(5000) + &"a.".repeat(5000);
    for text in [
        "",
        " ",
        "\n\n",
        "\u{FEFF}",
        "\u{FEFF}Hi. There.",
        "\0.\0",
        "\"",
        "“",
        "”. ”",
        "«",
        "»»",
        "a\r\nb.\r\n\r\nC. D.",
        "...",
        "…",
        "?!",
        "1.",
        "1)",
        "•",
        "• ",
        "<u>",
        "</u>.",
        "。",
        long.as_str(),
        dots.as_str(),
        "Mr.",
        "U.S.",
        "e.",
        "\u{a0}.\u{a0}A",
        greek.as_str(),
    ] {
        let seg = segment(text);
        let mut last = 0;
        for s in &seg.sentences {
            assert!(
                s.span.start >= last && s.span.start < s.span.end,
                "{text:?}"
            );
            assert!(seg.paragraphs[s.paragraph].span.contains(s.span));
            assert_eq!(&text[s.span], text[s.span].trim());
            last = s.span.end;
        }
    }
}

#[test]
fn adversarial_inputs_stay_linear() {
    let units = [
        "a. ",
        "A. ",
        "\"A. ",
        "“a. B.” ",
        "1. ",
        "1) 2) ",
        "• ",
        "Mr. ",
        ". . . ",
        "“",
        "<u>",
        "x\n",
        "a,\n\nb ",
        "Image: ",
        "a.B",
        "?!",
        "«",
        "[...] ",
        "U.S. It ",
        "word ",
    ];
    for unit in units {
        let text = unit.repeat((1 << 19) / unit.len());
        let start = std::time::Instant::now();
        let n = sentences(&text).len();
        assert!(n <= text.len());
        // Generous bound even for debug builds on a loaded machine; quadratic would take minutes.
        assert!(
            start.elapsed().as_secs() < 20,
            "{unit:?} took {:?}",
            start.elapsed()
        );
    }
}
