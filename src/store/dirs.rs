//! Where maps and settings live: `directories` ProjectDirs, overridden by
//! `CXMAP_DATA_DIR` / `CXMAP_CONFIG_DIR` (tests use these to stay out of real folders).

use std::path::PathBuf;

use directories::ProjectDirs;

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "cxmap")
}

fn from_env(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
}

/// The folder for the user's maps (and, later, recovery copies).
pub fn data_dir() -> Option<PathBuf> {
    from_env("CXMAP_DATA_DIR").or_else(|| project().map(|p| p.data_dir().to_path_buf()))
}

/// The folder for settings such as the observer's name.
pub fn config_dir() -> Option<PathBuf> {
    from_env("CXMAP_CONFIG_DIR").or_else(|| project().map(|p| p.config_dir().to_path_buf()))
}
