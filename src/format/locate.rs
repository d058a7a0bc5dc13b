//! Finds where JSON paths sit in a file's text (1-based line and character column), so
//! problems found in a decoded map can be reported the way editors jump to them.
//! Runs only when there is something to report, over text that already parsed.

use std::collections::HashMap;

/// Positions of the values at `pointers` (JSON pointers, "" for the whole file).
/// Pointers that are not found are absent from the result.
pub fn locate(text: &str, pointers: &[String]) -> HashMap<String, (usize, usize)> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        text,
        pos: 0,
        line: 1,
        line_start: 0,
        counted: (0, 0),
        pointer: String::new(),
        wanted: pointers.iter().map(String::as_str).collect(),
        found: HashMap::new(),
    };
    scanner.skip_space();
    scanner.value(0);
    scanner.found
}

/// Deeper than this the scanner stops; the parser refuses such files before it runs.
const MAX_DEPTH: usize = 256;

struct Scanner<'t> {
    bytes: &'t [u8],
    text: &'t str,
    pos: usize,
    line: usize,
    line_start: usize,
    /// A byte offset on the current line and the characters from the line's start to it,
    /// so columns on a long line are counted on from the last one, not from the start.
    counted: (usize, usize),
    pointer: String,
    wanted: std::collections::HashSet<&'t str>,
    found: HashMap<String, (usize, usize)>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) {
        if self.peek() == Some(b'\n') {
            self.line += 1;
            self.line_start = self.pos + 1;
        }
        self.pos += 1;
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.bump();
        }
    }

    fn column(&mut self) -> usize {
        let (mut from, mut chars) = self.counted;
        if from < self.line_start || from > self.pos {
            (from, chars) = (self.line_start.min(self.pos), 0);
        }
        chars += self.text.get(from..self.pos).map_or(0, |s| s.chars().count());
        self.counted = (self.pos, chars);
        chars + 1
    }

    fn record(&mut self) {
        if self.wanted.contains(self.pointer.as_str()) {
            let at = (self.line, self.column());
            self.found.entry(self.pointer.clone()).or_insert(at);
        }
    }

    /// Scans one value starting at the current byte (whitespace already skipped).
    fn value(&mut self, depth: usize) {
        self.record();
        if depth > MAX_DEPTH {
            return;
        }
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => {
                self.string();
            }
            Some(_) => {
                while matches!(self.peek(), Some(b) if !matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n'))
                {
                    self.bump();
                }
            }
            None => {}
        }
    }

    /// Scans a string and returns its raw contents (escapes left as written).
    fn string(&mut self) -> String {
        self.bump();
        let start = self.pos;
        while let Some(b) = self.peek() {
            match b {
                b'\\' => {
                    self.bump();
                    self.bump();
                }
                b'"' => break,
                _ => self.bump(),
            }
        }
        let raw = self.text.get(start..self.pos).unwrap_or_default().to_owned();
        self.bump();
        raw
    }

    fn object(&mut self, depth: usize) {
        self.bump();
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'"') => {
                    let key = self.string();
                    self.skip_space();
                    if self.peek() == Some(b':') {
                        self.bump();
                    }
                    self.skip_space();
                    let len = self.pointer.len();
                    self.pointer.push('/');
                    self.pointer.push_str(&key);
                    self.value(depth + 1);
                    self.pointer.truncate(len);
                    self.skip_space();
                    if self.peek() == Some(b',') {
                        self.bump();
                    }
                }
                Some(b'}') => {
                    self.bump();
                    return;
                }
                _ => return,
            }
        }
    }

    fn array(&mut self, depth: usize) {
        self.bump();
        let mut index = 0usize;
        loop {
            self.skip_space();
            match self.peek() {
                Some(b']') => {
                    self.bump();
                    return;
                }
                None => return,
                Some(_) => {
                    let len = self.pointer.len();
                    self.pointer.push('/');
                    self.pointer.push_str(&index.to_string());
                    let before = self.pos;
                    self.value(depth + 1);
                    self.pointer.truncate(len);
                    self.skip_space();
                    if self.peek() == Some(b',') {
                        self.bump();
                    } else if self.pos == before {
                        return;
                    }
                    index += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values_by_pointer() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": {\n    \"d\": true\n  }\n}\n";
        let wanted = vec![
            "".to_owned(),
            "/a/1/b".to_owned(),
            "/c/d".to_owned(),
            "/zz".to_owned(),
        ];
        let found = locate(text, &wanted);
        assert_eq!(found[""], (1, 1));
        assert_eq!(found["/a/1/b"], (2, 18));
        assert_eq!(found["/c/d"], (4, 10));
        assert!(!found.contains_key("/zz"));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\"é\": \"ü\", \"k\": 5}";
        let found = locate(text, &["/k".to_owned()]);
        assert_eq!(found["/k"], (1, 17));
    }

    #[test]
    fn escaped_quotes_do_not_end_strings() {
        let text = r#"{"a": "say \"hi\"", "b": 2}"#;
        let found = locate(text, &["/b".to_owned()]);
        assert_eq!(found["/b"], (1, 26));
    }
}
