//! Match criteria, greedy one-to-one matching, and the text normalisations the scorer compares by.
//!
//! All arithmetic is on integer code-point counts, so thresholds such as "more than 30%" are exact
//! and not at the mercy of float rounding.

use serde::Serialize;

/// A half-open range of code points.
pub type Range = (usize, usize);

fn len((s, e): Range) -> usize {
    e.saturating_sub(s)
}

fn intersection(a: Range, b: Range) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Whether two ranges share at least one code point.
pub fn overlaps(a: Range, b: Range) -> bool {
    intersection(a, b) > 0
}

/// When a predicted quote counts as finding a gold quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Criterion {
    /// The prediction covers more than 30% of the gold quote's code points.
    Cov30,
    /// The prediction covers more than 80% of the gold quote's code points.
    Cov80,
    /// Intersection over union of the two ranges is at least 0.5.
    Jaccard,
    /// The ranges are equal after trimming quote marks, whitespace and `.,;:` at both ends.
    Exact,
}

impl Criterion {
    pub const ALL: [Criterion; 4] = [
        Criterion::Cov30,
        Criterion::Cov80,
        Criterion::Jaccard,
        Criterion::Exact,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Criterion::Cov30 => "cov30",
            Criterion::Cov80 => "cov80",
            Criterion::Jaccard => "jaccard",
            Criterion::Exact => "exact",
        }
    }

    /// How well `pred` matches `gold` as a fraction `(num, den)`, or `None` when it fails the
    /// criterion. Higher is better; fractions are compared by cross-multiplication.
    fn score(self, gold: &QuoteRange, pred: &QuoteRange) -> Option<(u128, u128)> {
        let inter = intersection(gold.raw, pred.raw) as u128;
        let gold_len = len(gold.raw) as u128;
        match self {
            // Coverage of the gold quote: comparing by intersection is enough, as the gold
            // length is the same for every candidate.
            Criterion::Cov30 => (inter * 10 > gold_len * 3 && inter > 0).then_some((inter, 1)),
            Criterion::Cov80 => (inter * 10 > gold_len * 8 && inter > 0).then_some((inter, 1)),
            Criterion::Jaccard => {
                let union = gold_len + len(pred.raw) as u128 - inter;
                (union > 0 && inter * 2 >= union).then_some((inter, union))
            }
            Criterion::Exact => {
                (gold.trimmed == pred.trimmed && len(gold.trimmed) > 0).then_some((1, 1))
            }
        }
    }
}

/// A quote's range, and that range with quote marks, whitespace and `.,;:` trimmed off both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteRange {
    pub raw: Range,
    pub trimmed: Range,
}

impl QuoteRange {
    /// `raw` is clamped to `chars`, so a prediction made on a different text cannot panic.
    /// Trimming looks at the gold text for predictions too: both sides are then trimmed by the
    /// same characters, and equal ranges mean equal texts.
    pub fn new(chars: &[char], raw: Range) -> QuoteRange {
        let e = raw.1.min(chars.len());
        let s = raw.0.min(e);
        let (mut ts, mut te) = (s, e);
        while ts < te && is_trimmed(chars[ts]) {
            ts += 1;
        }
        while te > ts && is_trimmed(chars[te - 1]) {
            te -= 1;
        }
        QuoteRange {
            raw: (s, e),
            trimmed: (ts, te),
        }
    }
}

/// Characters that the exact criterion ignores at either end of a quote: annotators differ on
/// whether closing punctuation and the quote marks belong to the quote.
fn is_trimmed(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '"'
                | '\''
                | '`'
                | '“'
                | '”'
                | '„'
                | '‟'
                | '‘'
                | '’'
                | '‚'
                | '‛'
                | '«'
                | '»'
                | '‹'
                | '›'
                | '「'
                | '」'
                | '『'
                | '』'
                | '″'
                | '〝'
                | '〞'
                | '＂'
                | '＇'
        )
}

/// For each gold quote in order, the index of the prediction it is matched to.
///
/// Greedy, one to one: each gold quote takes the still unmatched prediction that scores best
/// under `criterion` (the earliest on ties), so the result does not depend on prediction order
/// except for ties.
pub fn greedy_match(
    criterion: Criterion,
    gold: &[QuoteRange],
    pred: &[QuoteRange],
) -> Vec<Option<usize>> {
    let mut used = vec![false; pred.len()];
    gold.iter()
        .map(|g| {
            let mut best: Option<(usize, (u128, u128))> = None;
            for (j, p) in pred.iter().enumerate() {
                if used[j] {
                    continue;
                }
                if let Some(s) = criterion.score(g, p)
                    && best.is_none_or(|(_, b)| s.0 * b.1 > b.0 * s.1)
                {
                    best = Some((j, s));
                }
            }
            let j = best?.0;
            used[j] = true;
            Some(j)
        })
        .collect()
}

/// A speaker name for comparison: lowercase, common Latin accents folded, possessive `'s`
/// dropped, hyphens and dashes as spaces, other punctuation dropped, whitespace collapsed.
/// So "J.K. Rowling's" and "jk rowling" are the same name.
pub fn normalise_name(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let possessive = matches!(c, '\'' | '’')
            && i > 0
            && chars[i - 1].is_alphanumeric()
            && matches!(chars.get(i + 1), Some('s' | 'S'))
            && chars.get(i + 2).is_none_or(|n| !n.is_alphanumeric());
        if possessive {
            i += 2;
            continue;
        }
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase().map(fold_accent));
        } else if c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '_')
        {
            out.push(' ');
        }
        i += 1;
    }
    // A leading article is not part of a name: "the EU" and "EU" name the same speaker.
    let words: Vec<&str> = out.split_whitespace().collect();
    let skip = usize::from(words.len() > 1 && matches!(words[0], "the" | "a" | "an"));
    words[skip..].join(" ")
}

/// The base letter of a lowercase accented Latin letter. Only common ones: the corpora are
/// English news, where accents appear in names that annotators sometimes write without them.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' => 's',
        'ţ' | 'ț' | 'ť' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

/// A cue for comparison: trimmed and lowercased; an empty cue is no cue.
pub fn normalise_cue(cue: Option<&str>) -> Option<String> {
    cue.map(|c| c.trim().to_lowercase())
        .filter(|c| !c.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges(text: &str, raw: &[Range]) -> Vec<QuoteRange> {
        let chars: Vec<char> = text.chars().collect();
        raw.iter().map(|&r| QuoteRange::new(&chars, r)).collect()
    }

    const TEXT: &str = "0123456789abcdefghijklmnopqrstuvwxyz";

    #[test]
    fn coverage_thresholds_are_strict() {
        let gold = ranges(TEXT, &[(0, 10)]);
        // 30% exactly is not "more than 30%"; 40% is.
        for (pred, cov30, cov80) in [
            ((0, 3), false, false),
            ((0, 4), true, false),
            ((5, 13), true, false),
            ((0, 8), true, false),
            ((0, 9), true, true),
            ((0, 30), true, true),
        ] {
            let pred = ranges(TEXT, &[pred]);
            assert_eq!(
                greedy_match(Criterion::Cov30, &gold, &pred)[0].is_some(),
                cov30,
                "{pred:?}"
            );
            assert_eq!(
                greedy_match(Criterion::Cov80, &gold, &pred)[0].is_some(),
                cov80,
                "{pred:?}"
            );
        }
    }

    #[test]
    fn jaccard_is_symmetric() {
        let gold = ranges(TEXT, &[(0, 10)]);
        // Covers the whole gold quote but is three times its length: cov80 yes, jaccard no.
        let long = ranges(TEXT, &[(0, 30)]);
        assert!(greedy_match(Criterion::Cov80, &gold, &long)[0].is_some());
        assert!(greedy_match(Criterion::Jaccard, &gold, &long)[0].is_none());
        // 5 / 10 = 0.5 passes; 5 / 11 does not.
        assert!(greedy_match(Criterion::Jaccard, &gold, &ranges(TEXT, &[(5, 10)]))[0].is_some());
        assert!(greedy_match(Criterion::Jaccard, &gold, &ranges(TEXT, &[(5, 11)]))[0].is_none());
        assert!(greedy_match(Criterion::Jaccard, &gold, &ranges(TEXT, &[(0, 20)]))[0].is_some());
    }

    #[test]
    fn exact_trims_quote_marks_and_punctuation() {
        let text = "“We agreed on steps,” she said. 'Fine.' «Oui» ";
        let find = |s: &str| {
            let b = text.find(s).unwrap();
            let start = text[..b].chars().count();
            (start, start + s.chars().count())
        };
        let gold = ranges(text, &[find("“We agreed on steps,”")]);
        for (pred, exact) in [
            ("We agreed on steps", true),
            ("“We agreed on steps,", true),
            ("“We agreed on steps,” ", true),
            ("We agreed on steps,” she", false),
            ("We agreed on", false),
        ] {
            let p = ranges(text, &[find(pred)]);
            assert_eq!(
                greedy_match(Criterion::Exact, &gold, &p)[0].is_some(),
                exact,
                "{pred}"
            );
        }
        let gold = ranges(text, &[find("'Fine.'"), find("«Oui»")]);
        let pred = ranges(text, &[find("Fine"), find("Oui")]);
        assert_eq!(
            greedy_match(Criterion::Exact, &gold, &pred),
            vec![Some(0), Some(1)]
        );
        // Nothing left after trimming never matches, not even itself.
        let empty = ranges(text, &[find("“")]);
        assert_eq!(greedy_match(Criterion::Exact, &empty, &empty), vec![None]);
    }

    #[test]
    fn greedy_is_one_to_one_best_first() {
        // Gold 0 overlaps both predictions and takes the better one (pred 1), which leaves
        // pred 0 for gold 1.
        let gold = ranges(TEXT, &[(0, 10), (10, 20)]);
        let pred = ranges(TEXT, &[(6, 16), (0, 9)]);
        assert_eq!(
            greedy_match(Criterion::Cov30, &gold, &pred),
            vec![Some(1), Some(0)]
        );
        // One prediction spanning two gold quotes finds only the first.
        let pred = ranges(TEXT, &[(0, 20)]);
        assert_eq!(
            greedy_match(Criterion::Cov30, &gold, &pred),
            vec![Some(0), None]
        );
        // Ties go to the earliest prediction.
        let pred = ranges(TEXT, &[(0, 5), (5, 10)]);
        assert_eq!(
            greedy_match(Criterion::Cov30, &gold[..1], &pred),
            vec![Some(0)]
        );
    }

    #[test]
    fn out_of_range_predictions_are_clamped() {
        let r = ranges("abc", &[(2, 99), (50, 60)]);
        assert_eq!(r[0].raw, (2, 3));
        assert_eq!(r[1].raw, (3, 3));
    }

    #[test]
    fn names_normalise() {
        for (a, b) in [
            ("Maria Zakharova's", "maria  zakharova"),
            ("J.K. Rowling", "JK Rowling"),
            ("José  Ángel Gurría", "Jose Angel Gurria"),
            ("Jean-Pierre Raffarin", "jean pierre raffarin"),
            ("Trump’s", "Trump"),
            ("Dr. O'Sullivan", "dr osullivan"),
        ] {
            assert_eq!(normalise_name(a), normalise_name(b), "{a} vs {b}");
        }
        assert_ne!(normalise_name("Jones"), normalise_name("Jonas"));
        assert_eq!(normalise_name(" Charles's "), "charles");
        assert_eq!(normalise_name("…"), "");
        assert_eq!(
            normalise_name("The U.S. State Department"),
            normalise_name("U.S. State Department")
        );
        assert_eq!(normalise_name("the"), "the");
    }

    #[test]
    fn cues_normalise() {
        assert_eq!(normalise_cue(Some(" Said ")), Some("said".into()));
        assert_eq!(normalise_cue(Some("  ")), None);
        assert_eq!(normalise_cue(None), None);
    }
}
