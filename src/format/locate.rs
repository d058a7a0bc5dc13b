//! Finds where JSON paths sit in a file's text (1-based line and character column), so
//! problems found in a decoded map can be reported the way editors jump to them.
//! Runs only when there is something to report, over text that already parsed. The
//! wanted paths form a tree the scan walks down; values on no wanted path are passed
//! over without looking inside.

use std::collections::HashMap;

use super::source::plain_run;
use crate::model::IdHashing;

/// For each of `pointers` (JSON pointers, "" for the whole file), where its value is,
/// or the nearest enclosing value when the file does not spell it out (an absent key):
/// 1-based line and character column, in the order asked.
pub fn locate(text: &str, pointers: &[String]) -> Vec<(usize, usize)> {
    let mut tree = vec![Node::default()];
    let paths: Vec<Vec<usize>> = pointers
        .iter()
        .map(|pointer| {
            let mut path = vec![0];
            for segment in pointer.split('/').skip(1) {
                let here = path[path.len() - 1];
                let next = tree.len();
                let step = match segment.parse::<usize>() {
                    Ok(index) => *tree[here].items.entry(index).or_insert(next),
                    Err(_) => *tree[here].keys.entry(segment).or_insert(next),
                };
                if step == next {
                    tree.push(Node::default());
                }
                path.push(step);
            }
            path
        })
        .collect();
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        text,
        pos: 0,
        line: 1,
        line_start: 0,
        counted: (0, 0),
        tree: &tree,
        found: vec![None; tree.len()],
    };
    scanner.skip_space();
    scanner.value(0, 0);
    let found = scanner.found;
    paths
        .iter()
        .map(|path| path.iter().rev().find_map(|&node| found[node]).unwrap_or((1, 1)))
        .collect()
}

/// A step of the wanted paths, and the steps on from it (indices into the tree).
#[derive(Default)]
struct Node<'p> {
    keys: HashMap<&'p str, usize, IdHashing>,
    items: HashMap<usize, usize, IdHashing>,
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
    tree: &'t [Node<'t>],
    /// Where each step of the tree was found.
    found: Vec<Option<(usize, usize)>>,
}

impl<'t> Scanner<'t> {
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

    /// Scans the value of tree step `node`, starting at the current byte (whitespace
    /// already skipped).
    fn value(&mut self, node: usize, depth: usize) {
        if self.found[node].is_none() {
            self.found[node] = Some((self.line, self.column()));
        }
        let step = &self.tree[node];
        if depth > MAX_DEPTH || (step.keys.is_empty() && step.items.is_empty()) {
            self.skip_value();
            return;
        }
        match self.peek() {
            Some(b'{') => self.object(node, depth),
            Some(b'[') => self.array(node, depth),
            _ => self.skip_value(),
        }
    }

    /// Passes over one value (whitespace already skipped), its lines counted.
    fn skip_value(&mut self) {
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'"' => {
                    self.string();
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.bump();
                }
                b'}' | b']' if depth == 0 => return,
                b'}' | b']' => {
                    depth -= 1;
                    self.bump();
                }
                b',' | b' ' | b'\t' | b'\r' | b'\n' if depth == 0 => return,
                _ => self.bump(),
            }
            if depth == 0 && matches!(b, b'"' | b'}' | b']') {
                return;
            }
        }
    }

    /// Passes over a string and returns its raw contents (escapes left as written); JSON
    /// text has no raw line break inside one.
    fn string(&mut self) -> &'t str {
        let start = self.pos + 1;
        self.pos = start;
        loop {
            self.pos += plain_run(self.bytes.get(self.pos..).unwrap_or_default());
            match self.peek() {
                Some(b'\\') => self.pos += 2,
                Some(b'"') | None => break,
                Some(_) => self.pos += 1,
            }
        }
        let raw = self.text.get(start..self.pos).unwrap_or_default();
        self.pos += 1;
        raw
    }

    fn object(&mut self, node: usize, depth: usize) {
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
                    match self.tree[node].keys.get(key) {
                        Some(&child) => self.value(child, depth + 1),
                        None => self.skip_value(),
                    }
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

    fn array(&mut self, node: usize, depth: usize) {
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
                    let before = self.pos;
                    match self.tree[node].items.get(&index) {
                        Some(&child) => self.value(child, depth + 1),
                        None => self.skip_value(),
                    }
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
        assert_eq!(
            found,
            [(1, 1), (2, 18), (4, 10), (1, 1)],
            "/zz is absent: the file"
        );
        let absent = locate(text, &["/c/zz".to_owned(), "/a/7".to_owned()]);
        assert_eq!(absent, [(3, 8), (2, 8)], "the nearest value that is there");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\"é\": \"ü\", \"k\": 5}";
        let found = locate(text, &["/k".to_owned()]);
        assert_eq!(found, [(1, 17)]);
    }

    #[test]
    fn escaped_quotes_do_not_end_strings() {
        let text = r#"{"a": "say \"hi\"", "b": 2}"#;
        let found = locate(text, &["/b".to_owned()]);
        assert_eq!(found, [(1, 26)]);
    }
}
