//! Text from a map made safe for a document: control characters made visible (as on
//! screen), then escaped for HTML or Markdown so no text can become markup.

use std::borrow::Cow;

use crate::text::display::{clean, clean_line};

/// Text for an HTML element or attribute, line breaks kept.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_html(&mut out, s);
    out
}

/// Text for HTML with each line break as `<br/>`.
pub fn html_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_html_lines(&mut out, s);
    out
}

/// [`html`] written onto the end of `out`.
pub fn push_html(out: &mut String, s: &str) {
    escape_html(out, &clean(s), false);
}

/// [`html_lines`] written onto the end of `out`.
pub fn push_html_lines(out: &mut String, s: &str) {
    escape_html(out, &clean(s.trim_end_matches('\n')), true);
}

/// Cleaned text escaped for HTML onto `out`, line breaks as `<br/>` when `breaks`.
fn escape_html(out: &mut String, cleaned: &str, breaks: bool) {
    // Every character escaped is ASCII, so the text is copied in runs between them.
    let mut run = 0;
    for (i, b) in cleaned.bytes().enumerate() {
        let escaped = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            b'\n' if breaks => "<br/>",
            _ => continue,
        };
        out.push_str(&cleaned[run..i]);
        out.push_str(escaped);
        run = i + 1;
    }
    out.push_str(&cleaned[run..]);
}

/// One line of Markdown: inline markup characters escaped, and a line that would start
/// a heading, quote or list escaped at its start.
pub fn md_line(s: &str) -> String {
    md_escape(&clean_line(s))
}

/// The bytes Markdown escaping puts a backslash before.
const MD_SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let special = b"\\`*_[]<>|~";
    let mut i = 0;
    while i < special.len() {
        table[special[i] as usize] = true;
        i += 1;
    }
    table
};

/// [`md_line`] of text already cleaned for one line.
fn md_escape(cleaned: &str) -> String {
    let mut out = String::with_capacity(cleaned.len() + 8);
    if cleaned.starts_with(['#', '+', '-', '=']) {
        out.push('\\');
    }
    // Every character escaped is ASCII, so the text is copied in runs between them.
    let bytes = cleaned.as_bytes();
    let mut run = 0;
    while let Some(found) = bytes[run..].iter().position(|&b| MD_SPECIAL[usize::from(b)]) {
        let special = run + found;
        out.push_str(&cleaned[run..special]);
        out.push('\\');
        out.push(char::from(bytes[special]));
        run = special + 1;
    }
    out.push_str(&cleaned[run..]);
    out
}

/// Text that may hold line breaks as Markdown lines, each escaped by [`md_line`].
pub fn md_lines(s: &str) -> Vec<String> {
    let cleaned = clean(s);
    let lines: Vec<String> = cleaned
        .trim_end_matches('\n')
        .split('\n')
        // Cleaned whole, each line is as `clean_line` leaves it (no line break inside).
        .map(|line| md_escape(line.trim_end()))
        .collect();
    lines
}

/// Text as one line for a table cell: line breaks become `<br>`.
pub fn md_cell(s: &str) -> String {
    md_lines(s).join("<br>")
}

/// A path or URL as Markdown code, or escaped text when it holds a backtick.
pub fn md_code(s: &str) -> String {
    let cleaned = clean_line(s);
    if cleaned.contains('`') || cleaned.is_empty() {
        md_line(&cleaned)
    } else {
        format!("`{cleaned}`")
    }
}

/// Text on one line for plain text: line breaks become spaces, controls made visible.
pub fn one_line(s: &str) -> Cow<'_, str> {
    if s.contains('\n') {
        let joined: Vec<&str> = s.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect();
        Cow::Owned(clean_line(&joined.join(" ")).into_owned())
    } else {
        clean_line(s)
    }
}

/// Whether evidence is a web address (shown as a link) rather than a path. An address with a space inside is shown as text, never as a link.
pub fn is_web_address(s: &str) -> bool {
    crate::model::is_url(s) && !s.trim().contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(html("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
        assert_eq!(html_lines("a\nb\n"), "a<br/>b");
    }

    #[test]
    fn markdown_cannot_open_markup() {
        assert_eq!(md_line("a|b *c* [x](y) <z>"), "a\\|b \\*c\\* \\[x\\](y) \\<z\\>");
        assert_eq!(md_line("# not a heading"), "\\# not a heading");
        assert_eq!(md_cell("one\ntwo"), "one<br>two");
        assert_eq!(md_code("photos/a_b.jpg"), "`photos/a_b.jpg`");
    }

    #[test]
    fn controls_are_made_visible() {
        assert_eq!(md_line("a\u{1b}[31mb"), "a␛\\[31mb");
        assert_eq!(one_line("a\n b \n"), "a b");
    }

    #[test]
    fn only_web_addresses_are_links() {
        assert!(is_web_address("https://example.com/x"));
        assert!(!is_web_address("javascript:alert(1)"));
        assert!(!is_web_address("photos/a.jpg"));
    }
}
