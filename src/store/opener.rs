//! Opening a note's evidence with the system's opener (`open` on macOS, `xdg-open`
//! elsewhere): only web addresses and files inside the map's folder, and never waiting.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::model::is_url;

/// The opener program, if one is installed.
fn opener() -> Option<PathBuf> {
    let name = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|candidate| candidate.is_file())
    })
}

/// What to hand the opener for `evidence`: the URL, or the file's real path when it is
/// inside `folder`.
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
    if !path.starts_with(&folder) {
        return Err(format!(
            "{shown} is outside the map's folder, so it is not opened"
        ));
    }
    Ok(path.display().to_string())
}

/// Starts the opener on `evidence` and returns at once; the message says what happened.
pub fn open_evidence(folder: &Path, evidence: &str) -> Result<String, String> {
    let target = target(folder, evidence)?;
    let shown = crate::text::display::clean_line(evidence).into_owned();
    let Some(program) = opener() else {
        return Err(format!(
            "No program to open evidence with (xdg-open or open) is installed; the evidence is {target}"
        ));
    };
    let mut child = Command::new(program)
        .arg(&target)
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
    fn only_urls_and_files_inside_the_folder_are_opened() {
        let dir = tempfile::tempdir().unwrap();
        let map_folder = dir.path().join("maps");
        std::fs::create_dir(&map_folder).unwrap();
        std::fs::write(map_folder.join("photo.jpg"), "").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "").unwrap();
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
            target(&map_folder, "../secret.txt")
                .unwrap_err()
                .contains("outside")
        );
        assert!(target(&map_folder, "gone.jpg").unwrap_err().contains("missing"));
    }
}
