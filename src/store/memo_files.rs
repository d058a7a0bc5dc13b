//! The friction memo's evidence on disk: which files are there, pictures read and shrunk
//! for embedding, the link to each from where the memo is written, and the copies a
//! bundle (`--bundle DIR`) carries beside its memo.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use super::describe_io;
use crate::export::memo::{EvidenceFiles, Found, Looked, Memo, Picture, escape_href, is_picture};
use crate::model::is_url;

/// Evidence pictures larger than this are linked, not read.
const MAX_PICTURE_BYTES: u64 = 64 * 1024 * 1024;

/// Where the memo's links point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkFrom {
    /// To the files where they are, relative to the folder the memo is written in.
    Folder(PathBuf),
    /// To copies in the bundle's `evidence/` folder.
    Bundle,
}

/// What looking the evidence up found: the files for the memo, the pictures that could
/// not be shown and why, and (for a bundle) which file to copy under which name.
#[derive(Debug, Default)]
pub struct Lookup {
    pub files: EvidenceFiles,
    pub unreadable: Vec<(String, String)>,
    pub copies: Vec<(PathBuf, String)>,
}

/// Looks up every evidence file of `memo`, relative to `map_folder`; pictures are read
/// and shrunk only when `pictures` (the HTML and the PDF show them).
pub fn look_up_evidence(memo: &Memo, map_folder: &Path, link: &LinkFrom, pictures: bool) -> Lookup {
    let mut lookup = Lookup::default();
    // Made absolute once: a relative folder made absolute per entry asked the system for
    // the current folder each time.
    let base = normal(map_folder);
    let from = match link {
        LinkFrom::Folder(folder) => normal(folder),
        LinkFrom::Bundle => PathBuf::new(),
    };
    let mut seen = HashSet::new();
    let mut names = HashSet::new();
    for (_, point) in memo.points() {
        for entry in &point.evidence {
            let entry = entry.trim();
            if is_url(entry) || !seen.insert(entry.to_owned()) {
                continue;
            }
            let path = map_folder.join(entry);
            let found = if !path.is_file() {
                Found::Missing
            } else if pictures && is_picture(entry) {
                match read_picture(&path) {
                    Ok(picture) => Found::Picture(picture),
                    Err(why) => {
                        lookup.unreadable.push((entry.to_owned(), why.clone()));
                        Found::File {
                            unreadable: Some(why),
                        }
                    }
                }
            } else {
                Found::File { unreadable: None }
            };
            let href = match link {
                LinkFrom::Folder(_) => {
                    escape_href(&between(&from, &normal(&base.join(entry))).to_string_lossy())
                }
                LinkFrom::Bundle if found != Found::Missing => {
                    let name = unique_name(&path, &mut names);
                    lookup.copies.push((path.clone(), name.clone()));
                    escape_href(&format!("evidence/{name}"))
                }
                LinkFrom::Bundle => String::new(),
            };
            lookup.files.insert(entry, Looked { found, href });
        }
    }
    lookup
}

fn read_picture(path: &Path) -> Result<Picture, String> {
    let file = std::fs::File::open(path).map_err(|e| describe_io(&e))?;
    let mut bytes = Vec::new();
    file.take(MAX_PICTURE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| describe_io(&e))?;
    if bytes.len() as u64 > MAX_PICTURE_BYTES {
        return Err("larger than 64 MB".to_owned());
    }
    Picture::from_bytes(&bytes)
}

/// The file's name, made unique among `taken` with "-2", "-3"… before its extension.
fn unique_name(path: &Path, taken: &mut HashSet<String>) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "evidence".to_owned(), |n| n.to_string_lossy().into_owned());
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => (stem.to_owned(), format!(".{extension}")),
        _ => (name.clone(), String::new()),
    };
    let mut candidate = name;
    let mut n = 1;
    while !taken.insert(candidate.to_lowercase()) {
        n += 1;
        candidate = format!("{stem}-{n}{extension}");
    }
    candidate
}

/// A path with `.` and `..` worked out, made absolute from the current folder.
fn normal(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The path to `target` from the folder `from`, as a relative path.
pub fn relative(from: &Path, target: &Path) -> PathBuf {
    between(&normal(from), &normal(target))
}

/// [`relative`] for paths already made [`normal`].
fn between(from: &Path, target: &Path) -> PathBuf {
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = target.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..from.len() {
        out.push("..");
    }
    for part in &to[common..] {
        out.push(part);
    }
    out
}

/// Copies the bundle's evidence into `dir/evidence/`; how many files it copied.
pub fn copy_bundle_evidence(dir: &Path, copies: &[(PathBuf, String)]) -> Result<(usize, u64), String> {
    if copies.is_empty() {
        return Ok((0, 0));
    }
    let folder = dir.join("evidence");
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {}", folder.display(), describe_io(&e)))?;
    let mut bytes = 0;
    for (source, name) in copies {
        bytes += std::fs::copy(source, folder.join(name))
            .map_err(|e| format!("{}: {}", source.display(), describe_io(&e)))?;
    }
    Ok((copies.len(), bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_go_from_the_memo_folder_to_the_file() {
        assert_eq!(
            relative(Path::new("/a/b"), Path::new("/a/b/c/x.jpg")),
            Path::new("c/x.jpg")
        );
        assert_eq!(
            relative(Path::new("/a/out"), Path::new("/a/maps/x.jpg")),
            Path::new("../maps/x.jpg")
        );
        assert_eq!(
            relative(Path::new("/a/maps/./"), Path::new("/a/maps/photos/../x.jpg")),
            Path::new("x.jpg")
        );
    }

    #[test]
    fn bundle_names_never_collide() {
        let mut taken = HashSet::new();
        let names: Vec<String> = ["a/x.jpg", "b/x.jpg", "c/X.JPG", "noext"]
            .iter()
            .map(|p| unique_name(Path::new(p), &mut taken))
            .collect();
        assert_eq!(names, ["x.jpg", "x-2.jpg", "X-3.JPG", "noext"]);
    }
}
