//! Opening evidence with the system's opener (`xdg-open`, `open` on macOS, `start` on
//! Windows), never waiting: web addresses, files inside the map's folder, and files
//! outside it (allowed, as everywhere) when they are the kinds evidence is (pictures,
//! films, sound, PDFs, office documents, text), so a map from elsewhere cannot have an
//! app or a script started. The platforms differ only in [`opener_command`].

use std::path::Path;
use std::process::{Command, Stdio};

use crate::model::is_url;

/// The command that opens `target`, or why there is none.
#[cfg(not(windows))]
fn opener_command(target: &str) -> Result<Command, String> {
    let name = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let program = std::env::var_os("PATH")
        .and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join(name))
                .find(|candidate| candidate.is_file())
        })
        .ok_or_else(|| {
            format!("No program to open evidence with ({name}) is installed; the evidence is {target}")
        })?;
    let mut command = Command::new(program);
    command.arg(target);
    Ok(command)
}

/// The command that opens `target`: `start`, which is part of `cmd`.
#[cfg(windows)]
fn opener_command(target: &str) -> Result<Command, String> {
    use std::os::windows::process::CommandExt;
    let mut command = Command::new("cmd");
    command.raw_arg(start_arguments(target)?);
    Ok(command)
}

/// `cmd`'s arguments for `start`: no AutoRun, the empty window title `start` takes first,
/// then the target in double quotes so that `&`, `|`, `<`, `>` and `^` stay text. A double
/// quote or a control character could end the quoting, so such a target is refused (no
/// Windows path holds one; a URL writes them escaped). The `\\?\` that canonical paths
/// carry is dropped, as not every program `start` hands the file to reads it.
#[cfg(any(windows, test))]
fn start_arguments(target: &str) -> Result<String, String> {
    if target.chars().any(|c| c == '"' || c.is_control()) {
        return Err("Evidence with a double quote or a control character in it is not opened".to_owned());
    }
    let plain = match target.strip_prefix(r"\\?\") {
        Some(rest) if rest.as_bytes().get(1) == Some(&b':') => rest,
        _ => target,
    };
    Ok(format!("/D /C start \"\" \"{plain}\""))
}

/// The kinds of file evidence is, by extension: what may be opened outside the map's folder.
const EVIDENCE_KINDS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "webp", "heic", "heif", "bmp", "tif", "tiff", "svg", "pdf", "mp4", "mov",
    "m4v", "webm", "mp3", "m4a", "wav", "ogg", "txt", "md", "csv", "doc", "docx", "xls", "xlsx", "ppt",
    "pptx", "odt", "ods", "odp", "rtf", "eml", "msg",
];

/// What to hand the opener for `evidence`: the URL, or the file's real path when it is
/// inside `folder` or is a kind of file evidence is.
fn target(folder: &Path, evidence: &str) -> Result<String, String> {
    if is_url(evidence) {
        return Ok(evidence.to_owned());
    }
    let shown = crate::text::display::clean_line(evidence).into_owned();
    let folder = folder
        .canonicalize()
        .map_err(|_| "the map's folder cannot be read".to_owned())?;
    let path = folder
        .join(evidence)
        .canonicalize()
        .map_err(|_| format!("{shown} is missing from the map's folder"))?;
    let evidence_kind = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EVIDENCE_KINDS.contains(&e.to_ascii_lowercase().as_str()));
    let allowed = path.starts_with(&folder) || (evidence_kind && path.is_file());
    if !allowed {
        return Err(format!(
            "{shown} is outside the map's folder and not a picture or document, so it is not opened"
        ));
    }
    Ok(path.display().to_string())
}

/// Starts the opener on `evidence` and returns at once; the message says what happened.
pub fn open_evidence(folder: &Path, evidence: &str) -> Result<String, String> {
    let target = target(folder, evidence)?;
    let shown = crate::text::display::clean_line(evidence).into_owned();
    let mut child = opener_command(&target)?
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|error| format!("Could not start the opener: {}", super::describe_io(&error)))?;
    // Reaped on a thread of its own, so the screen never waits for the viewer.
    std::thread::spawn(move || child.wait());
    Ok(format!("Opening {shown}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_files_inside_the_folder_and_outside_evidence_are_opened() {
        let dir = tempfile::tempdir().unwrap();
        let map_folder = dir.path().join("maps");
        std::fs::create_dir(&map_folder).unwrap();
        std::fs::write(map_folder.join("photo.jpg"), "").unwrap();
        std::fs::write(dir.path().join("secret.sh"), "").unwrap();
        std::fs::write(dir.path().join("queue.JPG"), "").unwrap();
        assert!(
            target(&map_folder, "photo.jpg")
                .unwrap()
                .ends_with("maps/photo.jpg")
        );
        assert_eq!(
            target(&map_folder, "https://example.com/a").unwrap(),
            "https://example.com/a"
        );
        assert!(
            target(&map_folder, "../secret.sh")
                .unwrap_err()
                .contains("outside")
        );
        assert!(
            target(&map_folder, "../queue.JPG")
                .unwrap()
                .ends_with("queue.JPG"),
            "a photo outside the folder opens, as everywhere it is allowed"
        );
        assert!(target(&map_folder, "gone.jpg").unwrap_err().contains("missing"));
    }

    #[test]
    fn start_gets_the_target_quoted_and_refuses_what_would_end_the_quotes() {
        assert_eq!(
            start_arguments("https://example.com/a?b=1&c=2").unwrap(),
            r#"/D /C start "" "https://example.com/a?b=1&c=2""#
        );
        assert_eq!(
            start_arguments(r"\\?\C:\maps\photo 1.jpg").unwrap(),
            r#"/D /C start "" "C:\maps\photo 1.jpg""#
        );
        assert_eq!(
            start_arguments(r"\\?\UNC\server\share\a.jpg").unwrap(),
            r#"/D /C start "" "\\?\UNC\server\share\a.jpg""#
        );
        assert!(start_arguments("https://x/\" & calc").is_err());
        assert!(start_arguments("https://x/\n& calc").is_err());
    }
}
