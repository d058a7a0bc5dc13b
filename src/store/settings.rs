//! The user's settings in the config folder (`settings.json`): the observer's name for
//! shadow notes. Keys this version does not know are kept when it writes the file.

use std::path::PathBuf;

use serde_json::{Map, Value};

use super::{SaveError, config_dir, write_atomic};

const FILE: &str = "settings.json";

fn path() -> Option<PathBuf> {
    config_dir().map(|dir| dir.join(FILE))
}

fn read() -> Map<String, Value> {
    path()
        .and_then(|p| std::fs::read(p).ok())
        .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
        .and_then(|value| match value {
            Value::Object(map) => Some(map),
            _ => None,
        })
        .unwrap_or_default()
}

/// The observer's name as configured, if it was ever set.
pub fn observer() -> Option<String> {
    match read().get("observer") {
        Some(Value::String(name)) if !name.trim().is_empty() => Some(name.trim().to_owned()),
        _ => None,
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
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|error| SaveError {
            path: folder.to_path_buf(),
            reason: super::describe_io(&error),
        })?;
    }
    let mut settings = read();
    settings.insert("observer".to_owned(), Value::String(name.trim().to_owned()));
    let mut text = serde_json::to_string_pretty(&Value::Object(settings)).unwrap_or_default();
    text.push('\n');
    write_atomic(&path, text.as_bytes())
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
