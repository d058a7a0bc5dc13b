//! The shape of the source, read from its text so it stays true: modules import only
//! from their own layer or below (model, text < format, export, import, store < app <
//! session < commands, ui < terminal < main), no two modules of one folder import each
//! other round a circle, the app does no I/O of its own, no file is over 600 lines and no
//! function over 120 (data tables aside).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod source;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use source::{rust_files, src};

/// Each top-level module's layer: a module may import from its layer and the ones below.
const LAYERS: &[(&str, usize)] = &[
    ("model", 0),
    ("text", 0),
    ("format", 1),
    ("export", 1),
    ("import", 1),
    ("store", 1),
    ("assets", 1),
    ("generate", 1),
    ("app", 2),
    ("session", 3),
    ("lookout", 3),
    ("commands", 4),
    ("ui", 4),
    ("cli", 4),
    ("terminal", 5),
    ("main", 6),
];

const MAX_FILE_LINES: usize = 600;
const MAX_FUNCTION_LINES: usize = 120;

/// Functions that are tables of data rather than logic, allowed past the function limit.
const DATA_TABLES: &[(&str, &str)] = &[("src/app/keymap/defaults.rs", "default_bindings")];

/// Functions over the limit in files another engineer is changing right now, to split
/// when their change lands (see /work/coord/notes.md). Each must still be over the limit:
/// once split, its line here has to go.
const BEING_SPLIT: &[(&str, &str)] = &[];

/// What the app may not call: the disk, the environment, other processes, the zone files.
const APP_IO: &[&str] = &[
    "std::fs",
    "std::env",
    "std::process",
    "std::net",
    "Command::new",
    "TimeZone::system",
    "read_dir",
    ".exists()",
    ".is_file()",
    ".is_dir()",
    ".metadata(",
    "File::open",
    "File::create",
];

struct Source {
    path: PathBuf,
    /// The module path, e.g. ["app", "update", "grid"]; ["main"] for the binary.
    module: Vec<String>,
    /// The text with comments, strings and test modules blanked out.
    code: String,
}

/// `path` from the crate's folder, as messages show it.
fn relative(path: &Path) -> PathBuf {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .to_path_buf()
}

fn module_of(path: &Path) -> Vec<String> {
    let relative = path.strip_prefix(src()).unwrap();
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let file = parts.pop().unwrap();
    match file.as_str() {
        "lib.rs" => {}
        "main.rs" if parts.is_empty() => parts.push("main".to_owned()),
        "mod.rs" => {}
        other => parts.push(other.trim_end_matches(".rs").to_owned()),
    }
    parts
}

/// The text with comments, string and character literals replaced by spaces (line
/// breaks kept, so line numbers hold).
fn blank_literals(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                out.push(blank(chars[i]));
                i += 1;
            }
            out.push_str("  ");
            i += 2;
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !is_ident(chars.get(i.wrapping_sub(1)))
        {
            let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let end: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let start = i + 2 + hashes;
            let close = (start..chars.len())
                .find(|&j| chars[j..].iter().take(end.len()).copied().collect::<String>() == end)
                .unwrap_or(chars.len());
            for &c in &chars[i..(close + end.len()).min(chars.len())] {
                out.push(blank(c));
            }
            i = close + end.len();
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && (next == Some('\\') || chars.get(i + 2) == Some(&'\'')) {
            let close = (i + 2..chars.len())
                .find(|&j| chars[j] == '\'')
                .unwrap_or(chars.len());
            for _ in i..=close.min(chars.len() - 1) {
                out.push(' ');
            }
            i = close + 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// Blanks every `#[cfg(test)] mod … { … }` block: tests may reach anywhere.
fn blank_test_modules(code: &str) -> String {
    let mut out = code.to_owned();
    let mut from = 0;
    while let Some(at) = out[from..].find("#[cfg(test)]").map(|at| at + from) {
        let rest = &out[at..];
        let Some(open) = rest.find('{') else { break };
        let header = &rest[..open];
        if !header.contains("mod ") {
            from = at + 1;
            continue;
        }
        let mut depth = 0;
        let mut end = at + open;
        for (offset, c) in out[at + open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = at + open + offset + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        let blanked: String = out[at..end]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        out.replace_range(at..end, &blanked);
        from = end;
    }
    out
}

fn sources() -> Vec<Source> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            Source {
                module: module_of(&path),
                code: blank_test_modules(&blank_literals(&text)),
                path,
            }
        })
        .collect()
}

/// Every path a `use` declaration names, its braces spelled out.
fn use_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before = rest[..at].chars().last();
        let tail = &rest[at + 4..];
        rest = tail;
        if is_ident(before.as_ref()) {
            continue;
        }
        let Some(end) = tail.find(';') else { break };
        let tree = tail[..end].split_whitespace().collect::<Vec<_>>().join(" ");
        expand(&tree, "", &mut paths);
    }
    paths
}

fn expand(tree: &str, prefix: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(tree).replace(' ', "");
        out.push(format!("{prefix}{path}"));
        return;
    };
    let head = tree[..open].replace(' ', "");
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut depth = 0;
    let mut start = 0;
    let mut parts = Vec::new();
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    for part in parts.into_iter().filter(|p| !p.trim().is_empty()) {
        expand(part, &format!("{prefix}{head}"), out);
    }
}

/// Paths written in the code itself: `crate::a::b`, `super::x`, `cxmap::…` in the binary.
fn inline_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    for root in ["crate::", "super::", "cxmap::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(root).map(|at| at + from) {
            from = at + root.len();
            if is_ident(code[..at].chars().last().as_ref()) || code[..at].ends_with("::") {
                continue;
            }
            let end = code[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |e| at + e);
            paths.push(code[at..end].trim_end_matches(':').to_owned());
        }
    }
    paths
}

/// The module a path names (the longest module prefix), from module `here`.
fn resolve(path: &str, here: &[String], modules: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
    let (mut base, rest): (Vec<String>, &[&str]) = match parts.first()? {
        &"crate" | &"cxmap" => (Vec::new(), &parts[1..]),
        &"self" => (here.to_vec(), &parts[1..]),
        &"super" => {
            // `a/b.rs` and `a/b/mod.rs` are both the module a::b, whose `super` is a.
            let mut base = here.to_vec();
            let supers = parts.iter().take_while(|p| **p == "super").count();
            for _ in 0..supers {
                base.pop()?;
            }
            (base, &parts[supers..])
        }
        first => {
            let mut child = here.to_vec();
            child.push((*first).to_owned());
            if !modules.contains(&child) {
                return None;
            }
            (here.to_vec(), &parts[..])
        }
    };
    let mut found = base.clone();
    for part in rest {
        base.push((*part).to_owned());
        if modules.contains(&base) {
            found = base.clone();
        } else {
            break;
        }
    }
    Some(found)
}

/// Every import between modules: (from, to, file).
fn imports(sources: &[Source]) -> Vec<(Vec<String>, Vec<String>, PathBuf)> {
    let mut modules: BTreeSet<Vec<String>> = sources.iter().map(|s| s.module.clone()).collect();
    modules.insert(Vec::new());
    let mut edges = Vec::new();
    for source in sources {
        let here = if source.module == ["main"] {
            Vec::new()
        } else {
            source.module.clone()
        };
        let mut paths = use_paths(&source.code);
        paths.extend(inline_paths(&source.code));
        for path in paths {
            if source.module == ["main"] && !path.starts_with("cxmap::") {
                continue;
            }
            if let Some(to) = resolve(&path, &here, &modules) {
                edges.push((source.module.clone(), to, relative(&source.path)));
            }
        }
    }
    edges
}

/// The two siblings an import runs between (under their deepest common folder), or
/// `None` when one holds the other.
fn siblings(from: &[String], to: &[String]) -> Option<(Vec<String>, String, String)> {
    let common = from.iter().zip(to).take_while(|(a, b)| a == b).count();
    let (a, b) = (from.get(common)?, to.get(common)?);
    Some((from[..common].to_vec(), a.clone(), b.clone()))
}

fn layer(module: &str) -> usize {
    LAYERS
        .iter()
        .find(|(name, _)| *name == module)
        .map(|(_, layer)| *layer)
        .unwrap_or_else(|| panic!("src/{module} has no layer: add it to LAYERS in tests/layers.rs"))
}

#[test]
fn no_module_imports_from_a_higher_layer() {
    let mut wrong = BTreeSet::new();
    for (from, to, file) in imports(&sources()) {
        if let Some((parent, a, b)) = siblings(&from, &to)
            && parent.is_empty()
            && layer(&b) > layer(&a)
        {
            wrong.insert(format!("{}: {a} imports {}", file.display(), to.join("::")));
        }
    }
    assert!(wrong.is_empty(), "imports from a higher layer:\n{}", join(&wrong));
}

#[test]
fn no_modules_of_one_folder_import_each_other_round_a_circle() {
    let mut graphs: BTreeMap<Vec<String>, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    let mut why: BTreeMap<(Vec<String>, String, String), String> = BTreeMap::new();
    for (from, to, file) in imports(&sources()) {
        if let Some((parent, a, b)) = siblings(&from, &to) {
            graphs
                .entry(parent.clone())
                .or_default()
                .entry(a.clone())
                .or_default()
                .insert(b.clone());
            why.entry((parent, a, b))
                .or_insert_with(|| format!("{} imports {}", file.display(), to.join("::")));
        }
    }
    let mut circles = Vec::new();
    for (parent, graph) in &graphs {
        if let Some(circle) = find_circle(graph) {
            let steps: Vec<String> = circle
                .windows(2)
                .map(|w| why[&(parent.clone(), w[0].clone(), w[1].clone())].clone())
                .collect();
            circles.push(format!(
                "in {}/: {}\n    {}",
                parent.join("/"),
                circle.join(" → "),
                steps.join("\n    ")
            ));
        }
    }
    assert!(circles.is_empty(), "import circles:\n{}", circles.join("\n"));
}

/// A circle in `graph`, as the modules round it (the first repeated at the end).
fn find_circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut circle = path[at..].to_vec();
            circle.push(node.to_owned());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, graph, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_app_does_no_io_of_its_own() {
    let mut found = BTreeSet::new();
    for source in sources()
        .iter()
        .filter(|s| s.module.first().is_some_and(|m| m == "app"))
    {
        for (number, line) in source.code.lines().enumerate() {
            for call in APP_IO.iter().filter(|call| line.contains(*call)) {
                found.insert(format!(
                    "{}:{}: {call}",
                    relative(&source.path).display(),
                    number + 1
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "src/app does I/O (the session does it and passes results in):\n{}",
        join(&found)
    );
}

#[test]
fn no_file_is_over_600_lines_and_no_function_over_120() {
    let mut long = BTreeSet::new();
    for source in sources() {
        let text = std::fs::read_to_string(&source.path).unwrap();
        let relative = relative(&source.path);
        let lines = text.lines().count();
        if lines > MAX_FILE_LINES {
            long.insert(format!("{}: {lines} lines", relative.display()));
        }
        for (name, length) in functions(&source.code) {
            let listed = |list: &[(&str, &str)]| {
                list.iter()
                    .any(|(file, function)| relative == Path::new(file) && name == *function)
            };
            if listed(BEING_SPLIT) {
                if length <= MAX_FUNCTION_LINES {
                    long.insert(format!(
                        "{}: fn {name} is {length} lines now: take it off BEING_SPLIT",
                        relative.display()
                    ));
                }
            } else if length > MAX_FUNCTION_LINES && !listed(DATA_TABLES) {
                long.insert(format!("{}: fn {name} is {length} lines", relative.display()));
            }
        }
    }
    assert!(long.is_empty(), "too long:\n{}", join(&long));
}

/// Each function's name and length in lines, from `fn` to its closing brace.
fn functions(code: &str) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find("fn ").map(|at| at + from) {
        from = at + 3;
        if is_ident(code[..at].chars().last().as_ref()) {
            continue;
        }
        let name: String = code[at + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let Some(open) = code[at..].find(['{', ';']).map(|o| at + o) else {
            break;
        };
        if code[open..].starts_with(';') {
            continue;
        }
        let mut depth = 0;
        let mut end = open;
        for (offset, c) in code[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + offset;
                        break;
                    }
                }
                _ => {}
            }
        }
        let length = code[at..=end].lines().count();
        found.push((name, length));
    }
    found
}

fn join(lines: &BTreeSet<String>) -> String {
    lines
        .iter()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_checks_see_what_they_look_for() {
    let code =
        blank_literals("use crate::a::{b, c::{d, e}};\nlet s = \"use crate::x;\"; // crate::y\nlet c = '{';");
    assert_eq!(
        use_paths(&code),
        ["crate::a::b", "crate::a::c::d", "crate::a::c::e"]
    );
    assert!(!code.contains("crate::x") && !code.contains("crate::y") && !code.contains("'{'"));
    let tests = blank_test_modules("fn a() {}\n#[cfg(test)]\nmod tests {\n    use crate::z;\n}\n");
    assert!(!tests.contains("crate::z"));
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a".to_owned(), BTreeSet::from(["b".to_owned()])),
        ("b".to_owned(), BTreeSet::from(["a".to_owned()])),
    ]
    .into();
    assert_eq!(
        find_circle(&graph),
        Some(vec!["a".into(), "b".into(), "a".into()])
    );
    let functions = functions("fn short() {\n}\nfn long() {\n\n\n}\n");
    assert_eq!(functions, [("short".to_owned(), 2), ("long".to_owned(), 4)]);
}
