//! The user's settings in the config folder: `settings.json` (the observer's name for
//! shadow notes, the theme, whether the mouse is used) and the text of the key file
//! `keys.toml`. Keys this version does not know are kept when it writes the file.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::{SaveError, config_dir, write_atomic};

const FILE: &str = "settings.json";

fn path() -> Option<PathBuf> {
    config_dir().map(|dir| dir.join(FILE))
}

fn read() -> Map<String, Value> {
    path().map(|p| read_from(&p)).unwrap_or_default()
}

fn read_from(path: &Path) -> Map<String, Value> {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
        .and_then(|value| match value {
            Value::Object(map) => Some(map),
            _ => None,
        })
        .unwrap_or_default()
}

/// Why the settings file cannot be used, when it is there but is not a JSON object (it
/// is then ignored, and never written over).
pub fn problem() -> Option<String> {
    let path = path()?;
    let bytes = std::fs::read(&path).ok()?;
    match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Object(_)) => None,
        _ => Some(format!(
            "the settings file {} is not a JSON object: it is ignored and left as it is",
            path.display()
        )),
    }
}

/// The observer's name as configured, if it was ever set.
pub fn observer() -> Option<String> {
    match read().get("observer") {
        Some(Value::String(name)) if !name.trim().is_empty() => Some(name.trim().to_owned()),
        _ => None,
    }
}

/// Whether the program uses the mouse: yes unless `"mouse": false` says not (then the
/// terminal keeps its own selecting and pasting with the mouse).
pub fn mouse() -> bool {
    !matches!(read().get("mouse"), Some(Value::Bool(false)))
}

/// The theme's name as written in the settings (checked by the caller), if there is one.
pub fn theme() -> Option<String> {
    match read().get("theme")? {
        Value::String(name) => Some(name.clone()),
        other => Some(other.to_string()),
    }
}

/// The key file's path and text (or why it cannot be read), when there is one.
pub fn key_file() -> Option<(PathBuf, Result<String, String>)> {
    let path = config_dir()?.join("keys.toml");
    match std::fs::read(&path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => Some((path, Err(super::describe_io(&error)))),
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".to_owned());
            Some((path, text))
        }
    }
}

/// Remembers the observer's name, creating the config folder if needed.
pub fn set_observer(name: &str) -> Result<(), SaveError> {
    let Some(path) = path() else {
        return Err(SaveError {
            path: PathBuf::from(FILE),
            reason: "there is no config folder on this system (set CXMAP_CONFIG_DIR)".to_owned(),
        });
    };
    write_observer_to(&path, name)
}

fn write_observer_to(path: &Path, name: &str) -> Result<(), SaveError> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|error| SaveError {
            path: folder.to_path_buf(),
            reason: super::describe_io(&error),
        })?;
    }
    if path.exists()
        && !matches!(
            std::fs::read(path)
                .ok()
                .and_then(|b| serde_json::from_slice::<Value>(&b).ok()),
            Some(Value::Object(_))
        )
    {
        return Err(SaveError {
            path: path.to_path_buf(),
            reason: "the settings file is not a JSON object; it is left as it is".to_owned(),
        });
    }
    let mut settings = read_from(path);
    settings.insert("observer".to_owned(), Value::String(name.trim().to_owned()));
    let mut text = serde_json::to_string_pretty(&Value::Object(settings)).unwrap_or_default();
    text.push('\n');
    write_atomic(path, text.as_bytes())
}

/// The name a note is signed with when nobody configured one: the login name.
pub fn default_observer() -> Option<String> {
    observer().or_else(|| {
        std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .ok()
            .filter(|name| !name.trim().is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_observer_is_written_beside_settings_it_does_not_know() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cxmap").join(FILE);
        write_observer_to(&path, "  Ana ").unwrap();
        assert_eq!(read_from(&path).get("observer"), Some(&Value::from("Ana")));
        std::fs::write(&path, "{\"theme\": \"light\", \"observer\": \"Ana\"}").unwrap();
        write_observer_to(&path, "Bo").unwrap();
        let settings = read_from(&path);
        assert_eq!(settings.get("observer"), Some(&Value::from("Bo")));
        assert_eq!(settings.get("theme"), Some(&Value::from("light")));
        std::fs::write(&path, "not json").unwrap();
        assert!(read_from(&path).is_empty(), "a broken file reads as no settings");
        assert!(write_observer_to(&path, "Cy").is_err());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "not json",
            "and is not replaced"
        );
    }
}
