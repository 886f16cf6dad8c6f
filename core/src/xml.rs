//! XML character data for the workbook and the Word report: `&`, `<`, `>` and `"` escaped, and
//! the characters XML 1.0 cannot hold dropped, so any imported text is safe to write.

/// `text` as XML character data; tabs and line breaks kept, or written as spaces
/// (`breaks_as_spaces`, where a run of text cannot hold them).
pub(crate) fn escape(text: &str, breaks_as_spaces: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' if breaks_as_spaces => out.push(' '),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}
