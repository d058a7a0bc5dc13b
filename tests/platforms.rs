//! cxmap builds on Linux, macOS and Windows: read from the source's text, every use of an
//! API one platform lacks sits under a `cfg` (the tests run on Linux only, where such a
//! slip compiles), and Cargo.toml describes the package as `cargo install` and crates.io
//! read it. `cargo check --target x86_64-pc-windows-gnu` / `x86_64-apple-darwin` is the
//! full check (see the README's Installing).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod source;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use source::{rust_files, src};
use toml::de::{DeTable, DeValue};

/// What exists on one platform only: Unix file modes, descriptors and signals, the tty
/// device, mio's Unix sources, Windows' process extensions.
const PLATFORM_ONLY: &[&str] = &[
    "std::os::unix",
    "std::os::windows",
    "std::os::fd",
    "/dev/tty",
    "mio::",
    "SIGTSTP",
    "SIGSTOP",
    "SIGCONT",
    "SIGWINCH",
    "SIGHUP",
    "SIGQUIT",
    "fchown",
    "CommandExt",
];

fn is_platform_cfg(line: &str) -> bool {
    line.starts_with("#[cfg(")
        && ["unix", "windows", "target_os", "test"]
            .iter()
            .any(|word| line.contains(word))
}

/// Where a file's source says something about gating: its ungated platform-only lines
/// (1-based numbers, with the text), and the modules it declares under a platform `cfg`.
#[derive(Debug, Default, PartialEq)]
struct Reading {
    ungated: Vec<(usize, String)>,
    gated_modules: Vec<String>,
}

/// Reads `source`, following braces: a platform `#[cfg(…)]` gates the item after it, to
/// the end of its braces (a function, a module, an impl) or to its `;` (a `use`, a
/// statement, a constant).
fn read(source: &str) -> Reading {
    let mut reading = Reading::default();
    let (mut depth, mut pending) = (0usize, false);
    // The depths at which gated items opened: inside one while deeper.
    let mut gates: Vec<usize> = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with("//") {
            continue;
        }
        if is_platform_cfg(trimmed) {
            pending = true;
            continue;
        }
        if trimmed.starts_with("#[") {
            continue;
        }
        let gated = pending || !gates.is_empty();
        if !gated && PLATFORM_ONLY.iter().any(|token| trimmed.contains(token)) {
            reading.ungated.push((number + 1, trimmed.to_owned()));
        }
        if pending && let Some(name) = trimmed.strip_prefix("mod ").and_then(|m| m.strip_suffix(';')) {
            reading.gated_modules.push(name.to_owned());
        }
        let opens = trimmed.matches('{').count();
        let closes = trimmed.matches('}').count();
        if pending && opens > closes {
            gates.push(depth);
            pending = false;
        } else if pending && trimmed.ends_with(';') {
            pending = false;
        }
        depth = (depth + opens).saturating_sub(closes);
        while gates.last().is_some_and(|&start| depth <= start) {
            gates.pop();
        }
    }
    reading
}

/// The files a module `name` declared in `file` may live in.
fn module_files(file: &Path, name: &str) -> [PathBuf; 2] {
    let parent = file.parent().unwrap();
    let stem = file.file_stem().unwrap();
    let dir = if ["mod", "lib", "main"].iter().any(|s| stem == *s) {
        parent.to_path_buf()
    } else {
        parent.join(stem)
    };
    [dir.join(format!("{name}.rs")), dir.join(name).join("mod.rs")]
}

#[test]
fn platform_only_code_is_behind_a_cfg() {
    let src = src();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let readings: Vec<(PathBuf, Reading)> = files
        .into_iter()
        .map(|path| {
            let reading = read(&std::fs::read_to_string(&path).unwrap());
            (path, reading)
        })
        .collect();
    let gated_files: BTreeSet<PathBuf> = readings
        .iter()
        .flat_map(|(path, reading)| {
            reading
                .gated_modules
                .iter()
                .flat_map(|name| module_files(path, name))
        })
        .collect();
    assert!(
        gated_files.contains(&src.join("terminal/watch/unix.rs")),
        "the Unix waiting is its own module, declared under #[cfg(unix)]: {gated_files:?}"
    );
    let mut problems = Vec::new();
    for (path, reading) in &readings {
        // A gated module's file, or one inside a gated module's folder, is gated whole.
        if gated_files.iter().any(|gated| {
            path == gated || gated.ends_with("mod.rs") && path.starts_with(gated.parent().unwrap())
        }) {
            continue;
        }
        for (line, text) in &reading.ungated {
            let relative = path.strip_prefix(&src).unwrap().display();
            problems.push(format!("src/{relative}:{line}: {text}"));
        }
    }
    assert!(
        problems.is_empty(),
        "platform-only code outside a #[cfg(unix)] / #[cfg(windows)] (or a module declared \
         under one): it will not build on the other systems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_reader_tells_gated_code_from_ungated() {
    let ungated = "use std::os::unix::fs::symlink;\nfn a() {\n    libc_free();\n}\n";
    assert_eq!(
        read(ungated).ungated,
        [(1, "use std::os::unix::fs::symlink;".to_owned())]
    );
    let gated = "\
#[cfg(unix)]
fn owner(
    path: &Path,
) -> u32 {
    use std::os::unix::fs::MetadataExt;
    if true {
        std::fs::metadata(path).uid()
    }
}
#[cfg(windows)]
mod windows;
fn run() {
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    let x = SIGHUP;
}
";
    let reading = read(gated);
    assert_eq!(reading.ungated, [(15, "let x = SIGHUP;".to_owned())]);
    assert_eq!(reading.gated_modules, ["windows"]);
}

/// crates.io's category slugs that fit a terminal program (its full list is longer).
const CATEGORIES: &[&str] = &[
    "command-line-utilities",
    "command-line-interface",
    "visualization",
    "text-editors",
    "development-tools",
    "data-structures",
    "template-engine",
];

/// `key` of `table`, if it is there.
fn field<'a>(table: &'a DeTable<'a>, key: &str) -> Option<&'a DeValue<'a>> {
    table
        .iter()
        .find(|(name, _)| name.get_ref() == key)
        .map(|(_, value)| value.get_ref())
}

/// The texts of a list of texts.
fn texts<'a>(value: Option<&'a DeValue<'a>>) -> Vec<&'a str> {
    let Some(DeValue::Array(items)) = value else {
        panic!("not a list: {value:?}");
    };
    items
        .iter()
        .map(|item| match item.get_ref() {
            DeValue::String(text) => text.as_ref(),
            other => panic!("not a text: {other:?}"),
        })
        .collect()
}

#[test]
fn cargo_toml_describes_an_installable_package() {
    let manifest = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    let root = DeTable::parse(&manifest).unwrap();
    let Some(DeValue::Table(package)) = field(root.get_ref(), "package") else {
        panic!("no [package]");
    };
    for name in ["description", "license", "readme", "rust-version"] {
        assert!(field(package, name).is_some(), "package.{name} is missing");
    }
    let keywords = texts(field(package, "keywords"));
    assert!(
        (1..=5).contains(&keywords.len()),
        "crates.io takes 1 to 5 keywords"
    );
    for keyword in keywords {
        assert!(
            keyword.len() <= 20
                && keyword.starts_with(|c: char| c.is_ascii_alphabetic())
                && keyword
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'),
            "{keyword:?} is not a crates.io keyword"
        );
    }
    let categories = texts(field(package, "categories"));
    assert!((1..=5).contains(&categories.len()));
    for category in categories {
        assert!(
            CATEGORIES.contains(&category),
            "{category:?} is not one of crates.io's slugs"
        );
    }
    assert!(
        matches!(field(package, "default-run"), Some(DeValue::String(name)) if name == "cxmap"),
        "cargo install and cargo run build the cxmap binary"
    );
}
