use super::*;
use crate::segment::segment;

fn quotes(text: &str) -> Vec<&str> {
    find_quotes(text, &segment(text))
        .iter()
        .map(|q| &text[q.span])
        .collect()
}

fn check_invariants(text: &str) -> Vec<Quotation> {
    let qs = find_quotes(text, &segment(text));
    let mut last = 0;
    for q in &qs {
        assert!(q.span.start >= last, "out of order or overlapping: {qs:?}");
        assert!(q.span.contains(q.open) && q.span.contains(q.close));
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        last = q.span.end;
    }
    qs
}

#[test]
fn english_curly_pair() {
    let t = "“We agreed on joint steps,” Maria Zakharova said.";
    assert_eq!(quotes(t), ["“We agreed on joint steps,”"]);
    assert_eq!(find_quotes(t, &segment(t))[0].style, QuoteStyle::English);
}

#[test]
fn german_low_high_pair() {
    let t = "Er sagte: „Wir kommen morgen“, und ging.";
    assert_eq!(quotes(t), ["„Wir kommen morgen“"]);
}

#[test]
fn french_and_danish_guillemets() {
    assert_eq!(
        quotes("Il a dit « nous verrons » hier."),
        ["« nous verrons »"]
    );
    assert_eq!(quotes("Han sagde »det går« i går."), ["»det går«"]);
    assert_eq!(quotes("Er sagte ‹ja› und ›nein‹."), ["‹ja›", "›nein‹"]);
}

#[test]
fn german_single_and_cjk_corners() {
    assert_eq!(quotes("Das ‚Wunder‘ blieb aus."), ["‚Wunder‘"]);
    assert_eq!(
        quotes("彼は「行く」と言った。『本』"),
        ["「行く」", "『本』"]
    );
}

#[test]
fn straight_double_direction_from_context() {
    let t = "Officials \"agreed on steps\" and called it \"constructive,\" adding more.";
    assert_eq!(quotes(t), ["\"agreed on steps\"", "\"constructive,\""]);
    let t = "(\"Yes\") and -\"no\"";
    assert_eq!(quotes(t), ["\"Yes\"", "\"no\""]);
}

#[test]
fn straight_double_unclosed_does_not_hide_next_quote() {
    // The first quote lost its closing mark; the second must still pair on its own.
    let t = "\"We will go, he said. \"Later we stay,\" she said.";
    assert_eq!(quotes(t), ["\"Later we stay,\""]);
}

#[test]
fn apostrophes_never_open() {
    let t = "Ukraine's students' union didn't mind the '90s or rock 'n' roll, 'til ’em all left.";
    assert!(quotes(t).is_empty(), "{:?}", quotes(t));
    let t = "“I don’t know the students’ plans,” she said of Ukraine’s ’90s.";
    assert_eq!(quotes(t), ["“I don’t know the students’ plans,”"]);
}

#[test]
fn british_single_quote_headline() {
    let t = "‘We will win’, says PM";
    assert_eq!(quotes(t), ["‘We will win’"]);
    let t = "'We will win the votes', says PM";
    assert_eq!(quotes(t), ["'We will win the votes'"]);
    let t = "‘Our nurses’ pay will rise’, says minister";
    assert_eq!(quotes(t), ["‘Our nurses’ pay will rise’"]);
    let t = "‘We back the nurses’ says PM, “and the doctors,” he added.";
    assert_eq!(quotes(t), ["‘We back the nurses’", "“and the doctors,”"]);
    let t = "'We back the nurses' says PM";
    assert_eq!(quotes(t), ["'We back the nurses'"]);
    let t = "‘The students’ union backs the nurses’ says PM";
    assert_eq!(quotes(t), ["‘The students’ union backs the nurses’"]);
}

#[test]
fn nested_quotes_belong_to_outer() {
    let t = "“He told me ‘no way’ twice,” she said.";
    assert_eq!(quotes(t), ["“He told me ‘no way’ twice,”"]);
    let t = "Il a dit «il a crié „non“ hier» enfin.";
    assert_eq!(quotes(t), ["«il a crié „non“ hier»"]);
}

#[test]
fn unmatched_mark_does_not_swallow() {
    let t = "“This never closes.\n\nShe said “yes” later.";
    assert_eq!(quotes(t), ["“yes”"]);
    let t = "A stray ” mark and then “a quote” here.";
    assert_eq!(quotes(t), ["“a quote”"]);
    // An unclosed open inside a paragraph keeps the quotes after it.
    let t = "He wrote “one and then said “two” and “three” too.";
    assert_eq!(quotes(t), ["“two”", "“three”"]);
}

#[test]
fn newspaper_continuation_across_paragraphs() {
    let t = "“We came to talk.\n\n“We stayed to listen.\n\n“And we left,” he said.";
    let qs = check_invariants(t);
    let got: Vec<_> = qs.iter().map(|q| (&t[q.span], q.continues)).collect();
    assert_eq!(
        got,
        [
            ("“We came to talk.", false),
            ("“We stayed to listen.", true),
            ("“And we left,”", true)
        ]
    );
    assert!(qs[0].is_open_ended());
    assert_eq!(qs[0].close, Span::new(qs[0].span.end, qs[0].span.end));
    assert_eq!(qs[0].close.start, t.find(".\n").unwrap() + 1);
    assert!(!qs[2].is_open_ended());
}

#[test]
fn continuation_needs_same_style() {
    let t = "“We came to talk.\n\n\"Another one,\" he said.";
    assert_eq!(quotes(t), ["\"Another one,\""]);
}

#[test]
fn scraping_break_joins_paragraphs() {
    let t = "\"The United States raised concerns about banking, as\n\nwell as staffing in Moscow,\" the U.S. State Department <u>said</u>.";
    let qs = check_invariants(t);
    assert_eq!(qs.len(), 1);
    assert!(!qs[0].continues);
    assert_eq!(qs[0].span.start, 0);
    assert_eq!(&t[qs[0].close], "\"");
    assert!(t[qs[0].span].ends_with("Moscow,\""));
}

#[test]
fn headings_and_urls_stop_quotes() {
    let t = "“We came to talk.\n\n## “Related: a heading”\n\n“And we left,” he said.";
    assert_eq!(quotes(t), ["“Related: a heading”", "“And we left,”"]);
    let t = "\"It was\n\nhttps://example.com/x\n\nlater,\" he said.";
    assert!(quotes(t).is_empty());
}

#[test]
fn quotes_inside_tags_are_ignored() {
    let t = "He said <a href=\"x\">\"yes\"</a> to it.";
    assert_eq!(quotes(t), ["\"yes\""]);
}

#[test]
fn robustness_inputs() {
    assert!(quotes("").is_empty());
    for lone in ["\"", "'", "“", "”", "«", "»", "„", "‘", "’", "「"] {
        assert!(quotes(lone).is_empty(), "{lone}");
    }
    let many = "“".repeat(10_000) + &"\"".repeat(10_000) + &"’".repeat(10_000);
    check_invariants(&many);
    let nested = "“‘«„".repeat(2_000) + "x" + &"“»’”".repeat(2_000);
    check_invariants(&nested);
    let long = "a".repeat(1 << 20);
    assert!(quotes(&long).is_empty());
    let crlf = "“One,”\r\nhe said.\r\n\r\n“Two,” she said.";
    assert_eq!(quotes(crlf), ["“One,”", "“Two,”"]);
    let weird = "\u{feff}\"Hi\0there\" \0\"x\"";
    check_invariants(weird);
    assert_eq!(quotes("\u{feff}\"Hello,\" he said."), ["\"Hello,\""]);
}

#[test]
fn blank_pair_is_not_a_quote() {
    assert!(quotes("a \" \" b").is_empty());
}

#[test]
fn inch_marks_inside_quote_do_not_close_it() {
    let t = "“He is taller, he’s like 6’2”,” Rubio said. A 5'11\" man said \"hi.\"";
    assert_eq!(quotes(t), ["“He is taller, he’s like 6’2”,”", "\"hi.\""]);
}

#[test]
fn spaced_curly_open_still_opens() {
    let t = "As reported, “ … the vote would be close,” he said.";
    assert_eq!(quotes(t), ["“ … the vote would be close,”"]);
}

#[test]
fn straight_open_closed_by_curly_left_mark() {
    let t = "\"Change is needed now or it gets worse.“ the group wrote.";
    assert_eq!(quotes(t), ["\"Change is needed now or it gets worse.“"]);
}

#[test]
fn open_piece_after_closed_quote_in_same_paragraph() {
    let t = "“A,” he said. “B and more.\n\n“C.”";
    let qs = check_invariants(t);
    let got: Vec<_> = qs.iter().map(|q| (&t[q.span], q.continues)).collect();
    assert_eq!(
        got,
        [("“A,”", false), ("“B and more.", false), ("“C.”", true)]
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "\"", "'", "“", "”", "‘", "’", "„", "‚", "«", "»", "‹", "›", "「", "」", "『", "』",
            " ", "\n\n", "\r\n", "\0", "\u{feff}", "a", "s", "in", "em", "90", "Word", ".", ",",
            "<u>", "</u>", "## ", "http://x", "—", "(", "6’2",
        ])
    }

    proptest! {
        #[test]
        fn output_is_ordered_and_well_formed(parts in prop::collection::vec(piece(), 0..80)) {
            let text: String = parts.concat();
            let qs = check_invariants(&text);
            for q in qs {
                prop_assert!(marks::is_mark(text.as_str()[q.open].chars().next().unwrap()));
                prop_assert!(q.close.is_empty() || marks::is_mark(text.as_str()[q.close].chars().next().unwrap()));
                prop_assert_eq!(q.span.start, q.open.start);
                prop_assert_eq!(q.span.end, q.close.end);
            }
        }
    }
}

#[test]
fn straight_double_nested_in_straight_double() {
    let t = "He tweeted, \"Reports say he shouted \"Go!\" as he ran.\" Then nothing.";
    assert_eq!(quotes(t), ["\"Reports say he shouted \"Go!\" as he ran.\""]);
}

#[test]
fn continuation_sees_through_leading_tags() {
    let t = "<p>“We came to talk.\n\n<p><b>“We stayed,” he said.\n\n<i>\"It was\n\n<i>late,\" she said.";
    let got: Vec<_> = check_invariants(t)
        .iter()
        .map(|q| (&t[q.span], q.continues))
        .collect();
    assert_eq!(
        got,
        [
            ("“We came to talk.", false),
            ("“We stayed,”", true),
            ("\"It was\n\n<i>late,\"", false)
        ]
    );
}

#[test]
fn doubled_apostrophes_are_one_double_mark() {
    let t = "(''This is less a 'refugee crisis' and more a siege,'' she wrote.) Signs read ''Welcome home!''";
    assert_eq!(
        quotes(t),
        [
            "''This is less a 'refugee crisis' and more a siege,''",
            "''Welcome home!''"
        ]
    );
    let t = "''She had me at 'hello,''' he said. '''Sir,' they said.''";
    assert_eq!(
        quotes(t),
        ["''She had me at 'hello,'''", "'''Sir,' they said.''"]
    );
    let t = "a “question’’ that ended and ‘‘another’’ one";
    assert_eq!(quotes(t), ["“question’’", "‘‘another’’"]);
    let t = "''It was late.\n\n''We left,'' he said.";
    let got: Vec<_> = check_invariants(t).iter().map(|q| q.continues).collect();
    assert_eq!(got, [false, true]);
}

#[test]
fn bare_mark_at_paragraph_end_does_not_start_a_chain() {
    let t = "He said “\n\n“Yes,” she said.";
    let got: Vec<_> = check_invariants(t)
        .iter()
        .map(|q| (&t[q.span], q.continues))
        .collect();
    assert_eq!(got, [("“Yes,”", false)]);
}

proptest::proptest! {
    #[test]
    fn candidate_search_agrees_with_the_table(
        s in "[a-z \"'.\u{e9}\u{2019}\u{201c}\u{ab}\u{300c}]{0,40}"
    ) {
        let bytes = s.as_bytes();
        for from in 0..=bytes.len() {
            let naive = bytes[from..].iter().position(|&b| super::CANDIDATE[usize::from(b)]);
            proptest::prop_assert_eq!(super::next_candidate(&bytes[from..]), naive);
        }
    }
}

#[test]
fn a_right_mark_opening_a_paragraph_opens_before_a_space() {
    let t = "Roe wrote a review.\n\n” … he spoke with a calm that few could match,” Roe wrote.";
    assert_eq!(
        quotes(t),
        ["” … he spoke with a calm that few could match,”"]
    );
}

#[test]
fn apostrophes_in_words_are_marks_classify_skips() {
    for text in [
        "don't",
        "Russia\u{2019}s x",
        "a'b 'a a' 1\u{2019}2",
        "<b>a</b>'s a'<i>b</i>",
        "a\u{2019}\u{2019}b a''b \u{e9}\u{2019}s",
    ] {
        let para = Span::new(0, text.len());
        let tags = markup::tags(text);
        for pos in (0..text.len()).filter(|&p| text.is_char_boundary(p)) {
            let Some(len) = apostrophe_in_word(text.as_bytes(), para, pos) else {
                continue;
            };
            let (c, read) = marks::read_mark(text, 0, pos, text.len()).unwrap();
            assert_eq!(read, len, "{text:?} {pos}");
            let at = Span::new(pos, pos + len);
            let ctx = context(
                text,
                para,
                at,
                &tags,
                tags.partition_point(|t| t.end <= pos),
            );
            assert_eq!(marks::classify(c, &ctx), Action::Skip, "{text:?} {pos}");
        }
    }
}

#[test]
fn e2_non_marks_are_the_characters_from_e2_that_are_no_marks() {
    for c in '\u{2000}'..='\u{2fff}' {
        let mut buf = [0; 4];
        let s = c.encode_utf8(&mut buf).as_bytes();
        assert_eq!(
            super::is_e2_non_mark(s, 0),
            s[0] == 0xE2 && !super::is_mark(c),
            "{c:?}"
        );
    }
}
