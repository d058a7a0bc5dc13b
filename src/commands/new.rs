//! `cxmap new FILE --template NAME [--title TEXT]`: a map file from a template.

use std::path::Path;
use std::process::ExitCode;

use crate::assets::{TEMPLATES, find};
use crate::model::IdGen;
use crate::store::save_map;
use crate::text::display::clean_line;

/// A readable title from a file name: `sunday-coffee.json` gives "Sunday coffee".
pub fn title_from_path(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let words = stem.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Journey map".to_owned(),
    }
}

/// Writes a new map; refuses to replace an existing file.
pub fn new_map(file: &Path, template: &str, title: Option<&str>) -> ExitCode {
    let shown = clean_line(&file.display().to_string()).into_owned();
    let Some(bundled) = find(TEMPLATES, template) else {
        let names: Vec<&str> = TEMPLATES.iter().map(|t| t.name).collect();
        eprintln!(
            "cxmap: no template called \"{}\"; choose one of: {}",
            clean_line(template),
            names.join(", ")
        );
        return ExitCode::from(2);
    };
    if file.exists() {
        eprintln!(
            "cxmap: {shown} already exists; cxmap new never replaces a file (open it with: cxmap {shown})"
        );
        return ExitCode::from(1);
    }
    let title = title.map_or_else(|| title_from_path(file), str::to_owned);
    let map = match bundled.instantiate(&title, &mut IdGen::random()) {
        Ok(map) => map,
        Err(message) => {
            eprintln!("cxmap: {message}");
            return ExitCode::from(2);
        }
    };
    match save_map(file, &map) {
        Ok(()) => {
            println!(
                "Created {shown} from the {} template ({} stages). Open it with: cxmap {shown}",
                bundled.name,
                map.stages.len()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("cxmap: {}", clean_line(&error.to_string()));
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_come_from_file_names() {
        assert_eq!(
            title_from_path(Path::new("maps/sunday-coffee_regulars.json")),
            "Sunday coffee regulars"
        );
        assert_eq!(title_from_path(Path::new(".json")), ".json");
    }
}
