//! `cxmap new FILE --template NAME [--title TEXT]`: a map file from a template.

use std::path::Path;
use std::process::ExitCode;

use crate::assets::{TEMPLATES, find};
use crate::model::IdGen;
use crate::store::{save_map, title_from_path};
use crate::text::display::clean_line;

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
