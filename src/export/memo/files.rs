//! The memo's evidence as the reader will meet it: each entry is a picture to show, a
//! link (a file or a web address), or a file marked "(missing)". The caller looks the
//! files up (the disk is not this module's business) and says where each link points
//! from where the memo is written.

use std::collections::HashMap;

use super::facts::Memo;
use super::pictures::Picture;
use crate::model::{EvidencePlace, evidence_place, is_url};

/// What the caller found on disk for one evidence file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// No file there.
    Missing,
    /// A picture, shrunk for the memo.
    Picture(Picture),
    /// A file that is there but is not shown as a picture (a PDF, or a picture that
    /// cannot be read), with why not when it is a picture.
    File { unreadable: Option<String> },
}

/// One evidence file as the caller found it, and the link to it from the memo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Looked {
    pub found: Found,
    /// The link from where the memo is written (relative, `/`-separated, %-escaped).
    pub href: String,
}

/// The evidence files of one memo, looked up, or not looked up at all (then every
/// picture is drawn as a placeholder of its size and every file is linked as written).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvidenceFiles {
    looked: HashMap<String, Looked>,
}

/// How one evidence entry appears in the memo. Links are ready to write: web addresses
/// as they are, paths relative and %-escaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown<'a> {
    /// A picture (`None`: not looked up, so a placeholder takes its place).
    Picture {
        name: &'a str,
        picture: Option<&'a Picture>,
        href: Option<String>,
    },
    /// A link, or plain text when there is nothing to link to; `missing` marks it.
    Link {
        name: &'a str,
        href: Option<String>,
        missing: bool,
    },
}

/// Whether the entry names a picture the memo can show, by its extension.
pub fn is_picture(entry: &str) -> bool {
    let lower = entry.trim().to_ascii_lowercase();
    !is_url(&lower)
        && [".png", ".jpg", ".jpeg", ".gif", ".webp"]
            .iter()
            .any(|e| lower.ends_with(e))
}

/// The name a reader sees for an entry: a web address or a path in the map's folder as
/// written, a file outside the folder by its file name only (no private paths leak).
pub fn display_name(entry: &str) -> &str {
    let entry = entry.trim();
    match evidence_place(entry) {
        EvidencePlace::Outside => entry.rsplit(['/', '\\']).next().unwrap_or(entry),
        EvidencePlace::Web | EvidencePlace::Beside => entry,
    }
}

impl EvidenceFiles {
    /// Nothing looked up: for previews and documents that show no pictures.
    pub fn not_looked_up() -> Self {
        Self::default()
    }

    /// Records what was found for `entry`.
    pub fn insert(&mut self, entry: &str, looked: Looked) {
        self.looked.insert(entry.trim().to_owned(), looked);
    }

    /// What was found for `entry`, if it was looked up.
    pub fn get(&self, entry: &str) -> Option<&Looked> {
        self.looked.get(entry.trim())
    }

    /// The entries found missing, in the memo's order, each once.
    pub fn missing<'a>(&self, memo: &'a Memo) -> Vec<&'a str> {
        let mut missing: Vec<&str> = Vec::new();
        let mut listed = std::collections::HashSet::new();
        for (_, point) in memo.points() {
            for entry in &point.evidence {
                let gone = self.get(entry).is_some_and(|l| l.found == Found::Missing);
                if gone && listed.insert(entry.as_str()) {
                    missing.push(entry);
                }
            }
        }
        missing
    }

    /// How `entry` appears in the memo.
    pub fn show<'a>(&'a self, entry: &'a str) -> Shown<'a> {
        let name = display_name(entry);
        let entry = entry.trim();
        if is_url(entry) {
            let linkable = !entry.contains(char::is_whitespace);
            return Shown::Link {
                name,
                href: linkable.then(|| entry.to_owned()),
                missing: false,
            };
        }
        let Some(looked) = self.get(entry) else {
            // Not looked up: a path in the map's folder is linked as written (the memo is
            // usually written beside the map); one outside is named only.
            let href = (evidence_place(entry) == EvidencePlace::Beside).then(|| escape_href(entry));
            return if is_picture(entry) {
                Shown::Picture {
                    name,
                    picture: None,
                    href,
                }
            } else {
                Shown::Link {
                    name,
                    href,
                    missing: false,
                }
            };
        };
        let href = Some(looked.href.clone());
        match &looked.found {
            Found::Picture(picture) => Shown::Picture {
                name,
                picture: Some(picture),
                href,
            },
            Found::Missing => Shown::Link {
                name,
                href: None,
                missing: true,
            },
            Found::File { .. } => Shown::Link {
                name,
                href,
                missing: false,
            },
        }
    }
}

/// A relative link made safe for Markdown and HTML: `/` separators, and the characters
/// that would end or change a link %-escaped.
pub fn escape_href(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 2);
    // "javascript:x" or "c:x" as a file name must not read as a scheme.
    let first_part = path.split(['/', '\\']).next().unwrap_or("");
    if first_part.contains(':') {
        out.push_str("./");
    }
    for c in path.chars() {
        match c {
            '\\' => out.push('/'),
            ' ' | '(' | ')' | '<' | '>' | '#' | '%' | '?' | '"' | '\'' | '[' | ']' | '`' => {
                out.push_str(&format!("%{:02X}", c as u32));
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_are_known_by_their_extension() {
        assert!(is_picture("photos/A.JPG"));
        assert!(is_picture(" x.webp "));
        assert!(!is_picture("receipt.pdf"));
        assert!(!is_picture("https://example.com/a.png"));
    }

    #[test]
    fn outside_files_are_named_by_their_file_name_only() {
        assert_eq!(display_name("/home/ana/Pictures/queue.jpg"), "queue.jpg");
        assert_eq!(display_name("C:\\Users\\ana\\queue.jpg"), "queue.jpg");
        assert_eq!(display_name("photos/queue.jpg"), "photos/queue.jpg");
    }

    #[test]
    fn unlooked_files_link_as_written_and_missing_ones_are_marked() {
        let mut files = EvidenceFiles::not_looked_up();
        assert_eq!(
            files.show("receipt.pdf"),
            Shown::Link {
                name: "receipt.pdf",
                href: Some("receipt.pdf".to_owned()),
                missing: false
            }
        );
        assert_eq!(
            files.show("/tmp/x.pdf"),
            Shown::Link {
                name: "x.pdf",
                href: None,
                missing: false
            }
        );
        files.insert(
            "gone.png",
            Looked {
                found: Found::Missing,
                href: "gone.png".into(),
            },
        );
        assert_eq!(
            files.show("gone.png"),
            Shown::Link {
                name: "gone.png",
                href: None,
                missing: true
            }
        );
    }

    #[test]
    fn hrefs_cannot_end_a_link() {
        assert_eq!(escape_href("my photos\\a (1).jpg"), "my%20photos/a%20%281%29.jpg");
        assert_eq!(escape_href("javascript:alert(1)"), "./javascript:alert%281%29");
    }
}
