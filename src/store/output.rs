//! Writing a document the user asked for (an export, a memo, an imported map): exactly at
//! the path named, never through a symbolic link there, never over an existing file
//! unless asked, never over anything that is not a regular file (a terminal, a device, a
//! FIFO) even when asked, never over the map it came from, and always atomically.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use super::save::{SaveError, write_atomic};

/// Why a document was not written; nothing on disk changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputError {
    /// A file is already there and replacing it was not asked for.
    Exists(PathBuf),
    /// The path is a symbolic link: writing would land somewhere else.
    Symlink(PathBuf),
    /// The path is a folder.
    Folder(PathBuf),
    /// The path is a device, terminal, FIFO or socket: renaming a file over it would
    /// replace the node itself.
    NotAFile(PathBuf),
    /// The path is the file the document was made from.
    SameAsSource(PathBuf),
    /// The write itself failed.
    Save(SaveError),
}

impl fmt::Display for OutputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutputError::Exists(path) => {
                write!(f, "{} already exists (add --force to replace it)", path.display())
            }
            OutputError::Symlink(path) => write!(
                f,
                "{} is a symbolic link; cxmap writes only to a plain file where you name it",
                path.display()
            ),
            OutputError::Folder(path) => write!(f, "{} is a folder, not a file", path.display()),
            OutputError::NotAFile(path) => write!(
                f,
                "{} is not a regular file (a device, terminal, FIFO or socket); \
                 cxmap writes documents only to files (leave out -o, or give -o -, to print)",
                path.display()
            ),
            OutputError::SameAsSource(path) => {
                write!(
                    f,
                    "{} is the map itself; choose another file name",
                    path.display()
                )
            }
            OutputError::Save(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for OutputError {}

/// Whether `a` and `b` name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes `bytes` at `path` atomically. An existing file there is replaced only when
/// `replace` is true; a symbolic link, folder or other non-file there, or the `source`
/// file itself, never.
pub fn write_output(
    path: &Path,
    bytes: &[u8],
    replace: bool,
    source: Option<&Path>,
) -> Result<(), OutputError> {
    if source.is_some_and(|source| same_file(path, source)) {
        return Err(OutputError::SameAsSource(path.to_path_buf()));
    }
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => return Err(OutputError::Symlink(path.to_path_buf())),
        Ok(meta) if meta.is_dir() => return Err(OutputError::Folder(path.to_path_buf())),
        Ok(meta) if !meta.is_file() => return Err(OutputError::NotAFile(path.to_path_buf())),
        Ok(_) if !replace => return Err(OutputError::Exists(path.to_path_buf())),
        _ => {}
    }
    write_atomic(path, bytes).map_err(OutputError::Save)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_replace_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        write_output(&path, b"one", false, None).unwrap();
        assert_eq!(
            write_output(&path, b"two", false, None),
            Err(OutputError::Exists(path.clone()))
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "one");
        write_output(&path, b"two", true, None).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two");
    }

    #[test]
    fn never_follows_a_symlink_at_the_target() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let outside = elsewhere.path().join("victim.txt");
        fs::write(&outside, "keep").unwrap();
        let link = dir.path().join("out.md");
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        let error = write_output(&link, b"x", true, None).unwrap_err();
        assert!(matches!(error, OutputError::Symlink(_)), "{error}");
        assert_eq!(fs::read_to_string(&outside).unwrap(), "keep");
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink(elsewhere.path().join("new.txt"), &dangling).unwrap();
        assert!(write_output(&dangling, b"x", false, None).is_err());
        assert!(!elsewhere.path().join("new.txt").exists());
    }

    #[test]
    fn never_replaces_a_device_or_a_fifo_even_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        for target in [Path::new("/dev/null"), fifo.as_path()] {
            let error = write_output(target, b"x", true, None).unwrap_err();
            assert!(matches!(error, OutputError::NotAFile(_)), "{error}");
        }
        use std::os::unix::fs::FileTypeExt;
        assert!(fs::metadata("/dev/null").unwrap().file_type().is_char_device());
        assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
    }

    #[test]
    fn never_writes_over_its_source() {
        let dir = tempfile::tempdir().unwrap();
        let map = dir.path().join("map.json");
        fs::write(&map, "{}").unwrap();
        let error = write_output(&dir.path().join("./map.json"), b"x", true, Some(&map)).unwrap_err();
        assert!(matches!(error, OutputError::SameAsSource(_)));
        assert_eq!(fs::read_to_string(&map).unwrap(), "{}");
    }
}
