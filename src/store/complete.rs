//! Path completion for evidence: what in the map's folder starts with what was typed.
//! Never looks outside the folder (no absolute paths, no `..`).

use std::path::{Component, Path};

/// What a partial path can become.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Completion {
    /// Every matching path, relative to the folder; folders end in `/`.
    pub candidates: Vec<String>,
    /// The longest start the candidates share.
    pub common: String,
    /// Whether the partial path already names a file.
    pub exact: bool,
}

/// Completes `partial` (relative to `folder`), hidden files only when asked for with a dot.
pub fn complete_path(folder: &Path, partial: &str) -> Completion {
    let relative = Path::new(partial);
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Completion::default();
    }
    let exact = folder.join(relative).is_file();
    let (dir, prefix) = match partial.rfind('/') {
        Some(slash) => (&partial[..=slash], &partial[slash + 1..]),
        None => ("", partial),
    };
    let Ok(entries) = std::fs::read_dir(folder.join(dir)) else {
        return Completion {
            exact,
            ..Completion::default()
        };
    };
    let mut candidates: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            if !name.starts_with(prefix) || (name.starts_with('.') && !prefix.starts_with('.')) {
                return None;
            }
            let slash = if entry.file_type().ok()?.is_dir() { "/" } else { "" };
            Some(format!("{dir}{name}{slash}"))
        })
        .collect();
    candidates.sort();
    let common = match candidates.split_first() {
        Some((first, rest)) => {
            let mut common = first.clone();
            for other in rest {
                let shared = common
                    .char_indices()
                    .zip(other.chars())
                    .find(|((_, a), b)| a != b)
                    .map_or(common.len().min(other.len()), |((i, _), _)| i);
                common.truncate(shared);
            }
            common
        }
        None => String::new(),
    };
    Completion {
        candidates,
        common,
        exact,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completes_inside_the_folder_only() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("photos")).unwrap();
        std::fs::write(dir.path().join("photos/menu-pdf.jpg"), "").unwrap();
        std::fs::write(dir.path().join("photos/menu-board.jpg"), "").unwrap();
        std::fs::write(dir.path().join(".hidden"), "").unwrap();
        let one = complete_path(dir.path(), "ph");
        assert_eq!(one.candidates, ["photos/"]);
        assert_eq!(one.common, "photos/");
        let two = complete_path(dir.path(), "photos/me");
        assert_eq!(two.common, "photos/menu-");
        assert_eq!(two.candidates.len(), 2);
        assert!(complete_path(dir.path(), "photos/menu-pdf.jpg").exact);
        assert_eq!(complete_path(dir.path(), "../"), Completion::default());
        assert_eq!(complete_path(dir.path(), "/etc/pa"), Completion::default());
        assert!(
            complete_path(dir.path(), "")
                .candidates
                .iter()
                .all(|c| !c.starts_with('.'))
        );
    }
}
