//! Text as people type it, made comparable: the one normaliser of the core. Number parsing, the
//! form and Word readers, the printed-figure check and the monitoring merge all fold text through
//! it, so `９２．００`, `≧95％` and `≥ 95%` read alike everywhere.

/// One character in its plain form: full-width digits, Latin letters and the signs
/// `％ ． ＋ － ＝ ＜ ＞ ／` as ASCII, and the look-alike operators `≧ ⩾` as `≥`, `≦ ⩽` as `≤`,
/// `═` as `=`. One character for one, so positions in a text hold.
pub(crate) fn fold(c: char) -> char {
    match c {
        '０'..='９'
        | 'Ａ'..='Ｚ'
        | 'ａ'..='ｚ'
        | '％'
        | '．'
        | '＋'
        | '－'
        | '＝'
        | '＜'
        | '＞'
        | '／' => char::from_u32((c as u32).saturating_sub(0xFEE0)).unwrap_or(c),
        '≧' | '⩾' => '≥',
        '≦' | '⩽' => '≤',
        '═' => '=',
        _ => c,
    }
}

/// Each character folded ([`fold`]), as a vector (positions hold).
pub(crate) fn folded(text: &str) -> Vec<char> {
    text.chars().map(fold).collect()
}

/// The text folded ([`fold`]), its spaces (full-width ones too) removed, and the Chinese full
/// stop and comma as `.` and `,`: what the readers compare titles and written values by.
pub(crate) fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '。' => '.',
            '，' => ',',
            c => fold(c),
        })
        .collect()
}

/// The part of a sentence that prints `value`: from the clause it is in to the sentence's end,
/// `…` where the sentence is cut (`…为预算金额的84.28%。`). A table row is kept whole.
pub(crate) fn excerpt(sentence: &str, value: &str) -> String {
    let Some(at) = sentence.find(value) else {
        return sentence.to_string();
    };
    if sentence.contains(" | ") {
        return sentence.to_string();
    }
    let before = sentence.get(..at).unwrap_or_default();
    let start = before.rfind(['，', ',', '；', '：']).map_or(0, |i| {
        i.saturating_add(
            before
                .get(i..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8),
        )
    });
    let end = sentence
        .get(at..)
        .and_then(|rest| {
            rest.find(['，', ',', '。', '；']).map(|i| {
                at.saturating_add(i).saturating_add(
                    rest.get(i..)
                        .and_then(|t| t.chars().next())
                        .map_or(1, char::len_utf8),
                )
            })
        })
        .unwrap_or(sentence.len());
    let piece = sentence.get(start..end).unwrap_or(sentence);
    let cut_before = if start > 0 { "…" } else { "" };
    let cut_after = if end < sentence.len() && !piece.ends_with('。') {
        "…"
    } else {
        ""
    };
    format!("{cut_before}{piece}{cut_after}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_and_look_alikes_read_as_ascii() {
        assert_eq!(normalise(" ≧９５．５％ "), "≥95.5%");
        assert_eq!(normalise("≦２６万元，以内。"), "≤26万元,以内.");
        assert_eq!(normalise("一级\u{3000}指标"), "一级指标");
        assert_eq!(normalise("⩾ 1"), "≥1");
        assert_eq!(normalise("═100"), "=100");
        assert_eq!(folded("８４．２８％"), "84.28%".chars().collect::<Vec<_>>());
    }
}
