//! Inputs that once broke whosaid (found by `fuzz/run.sh` or by `bench/adversarial.sh`), and the
//! adversarial inputs of the robustness issue at small sizes: each must give a valid result
//! without panicking. Timing is not tested here: `bench/adversarial.sh` shows the growth is linear.

use super::valid::check;

/// An HTML comment running over a blank line made the sentence splitter skip past the end of its
/// paragraph and slice backwards (fuzz: segment, extract, find_quotes, jsonl). Comments are now
/// tags only on one line, like every other tag.
#[test]
fn html_comment_across_paragraphs() {
    for text in [
        " href=\"x\">thead/ e<la> was off. <!-- 6\n\n--> <br/>\n",
        "He left. <!-- a\n\nb. --> Then. He said it.\n",
        "“Yes. <!-- x\n\n--> No,” she said. Fine.\n",
        "Officials said. A <!-- \n\nB -->. C.\n",
        "<!--\n-->",
        "<!--",
    ] {
        check(text);
    }
    // On one line a comment is still transparent.
    let text = "“Yes,” she <!-- c --> said.";
    let doc = check(text);
    assert_eq!(doc.quotes.unwrap()[0].cue.as_ref().unwrap().text, "said");
}

/// 100,000 `"a," she said,` in a row: settling overlapping candidates compared each with every
/// kept one, and resolving "she" scanned every earlier statement (quadratic: minutes at 1.5 MB).
#[test]
fn long_run_of_she_said() {
    let text = "\"a,\" she said, ".repeat(5_000);
    let doc = check(&text);
    assert!(doc.quotes.unwrap().len() >= 4_000);
}

/// The same run with `--join-split-quotes`: extending each quotation to the end of its sentence
/// read the whole sentence for every statement in it (quadratic: 26 s at 1.5 MB). The extensions
/// now read no further than the statements beside them.
#[test]
fn joined_run_of_she_said() {
    for piece in ["\"a,\" she said, ", "“a,” she said, that it was so, "] {
        let doc = check(&piece.repeat(5_000));
        assert!(doc.quotes.unwrap().len() >= 4_000);
    }
}

/// Resolving a one-word name ("Kim said") that matches no full name scanned every name
/// occurrence in the article, and finding names compared each with every name found before
/// (quadratic: 17 s for 20,000 pairs of statements).
#[test]
fn surnames_that_match_no_one() {
    let text = "“a,” Ann Lee said. “b,” Kim said. “c,” the mayor said. ".repeat(1_000);
    let doc = check(&format!("{text} Mayor Bob Kay and Kim Park."));
    let quotes = doc.quotes.unwrap();
    assert!(quotes.len() >= 2_000);
    // The nearest full name still wins: after the last "Kim said" comes "Kim Park".
    assert!(
        quotes
            .iter()
            .any(|q| q.speaker_name.as_deref() == Some("Kim Park"))
    );
}

#[test]
fn many_distinct_names() {
    let names: Vec<String> = (0..5_000u32)
        .map(|i| {
            let l = |n: u32| char::from(b'a' + (n % 26) as u8);
            format!(
                "{}{}{} {}ee",
                l(i).to_ascii_uppercase(),
                l(i / 26),
                l(i / 676),
                l(i / 17).to_ascii_uppercase()
            )
        })
        .collect();
    check(&format!("{} said. “Yes,” Aaa Aee said.", names.join(" ")));
}

/// Reported speech counted every word of each clause back to the start of its sentence, and
/// matched each clause against every quotation; a participle ("adding") scanned every statement
/// found before it (quadratic in a long unpunctuated sentence).
#[test]
fn speech_in_an_unpunctuated_sentence() {
    check(&"officials said, ".repeat(5_000));
    check(&"she said that ".repeat(5_000));
    check(&"“a,” she said, adding ".repeat(3_000));
    check(&"They said that it was “x”. ".repeat(2_000));
}

/// Each report read every later verb of saying in its sentence to find where it ends, and a
/// report in an opening "When …" clause scanned back to the sentence start (quadratic in an
/// unpunctuated run of reports).
#[test]
fn reports_in_an_unpunctuated_run() {
    let doc = check(&"officials said the plan ".repeat(3_000));
    assert!(!doc.quotes.unwrap().is_empty());
    let doc = check(&format!(
        "When {}.",
        "officials said the plan ".repeat(3_000)
    ));
    assert!(!doc.quotes.unwrap().is_empty());
}

/// The floating rules (continuations, quotes alone in their paragraph, quotes beside a
/// statement) scanned every statement for each leftover quotation (quadratic).
#[test]
fn many_floating_quotes() {
    let doc = check(&"“a,” she said. “b.” ".repeat(2_000));
    let quotes = doc.quotes.unwrap();
    assert!(quotes.iter().any(|q| q.rule == "quote_beside_statement"));
    check(&"“a,” she said.\n\n“b.”\n\n".repeat(2_000));
    check(&"“a b.\n\n“c,” she said.\n\n".repeat(2_000));
}

#[test]
fn straight_quotes_only() {
    check(&"\"".repeat(100_000));
    check(&"'".repeat(20_001));
}

#[test]
fn curly_openings_without_closings() {
    check(&"“ a ".repeat(15_000));
}

#[test]
fn long_line_without_punctuation() {
    let words = ["lorem", "ipsum", "Dolor", "sit", "said", "Consectetur"];
    let text: Vec<&str> = (0..15_000).map(|i| words[i % words.len()]).collect();
    check(&text.join(" "));
}

#[test]
fn deeply_nested_marks() {
    let text = format!("{} deep {}", "“‘«„".repeat(10_000), "“»’”".repeat(10_000));
    check(&text);
    check(&"“‘«„‚‹「『".repeat(5_000));
}

#[test]
fn run_of_said_in_tags() {
    check(&"<u>said</u>".repeat(10_000));
    check(&"<u>said</u> ".repeat(5_000));
}

#[test]
fn one_long_word() {
    check(&"a".repeat(100_000));
    check(&"É".repeat(30_000));
}

#[test]
fn odd_characters() {
    for text in [
        "",
        "\0",
        "\u{FEFF}",
        "\u{FEFF}\u{FEFF}“Hi,” she said.",
        "\r\n\r\n",
        "\u{a0}“Caf\u{e9}\u{301} 🙂\0,” said José Núñez.\u{2028}",
        "\"",
        "<",
        "<a href=\"",
        "## ",
        "https://",
        "1.",
    ] {
        check(text);
    }
}

/// A noun of intention whose infinitive ends the text without punctuation ("The mayor's eagerness
/// to go") looked up the token after the last one and panicked in the broad sense (fuzz:
/// extract). The statement's extent is now read from its byte spans.
#[test]
fn noun_infinitive_at_the_end_of_the_text() {
    for text in [
        "The mayor's eagerness to go",
        "Roe's plan to se",
        "her decision not to",
    ] {
        check(text);
    }
}
