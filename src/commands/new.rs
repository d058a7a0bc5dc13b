//! `cxmap new FILE --template NAME [--title TEXT]`: a map file from a template.

use std::path::Path;
use std::process::ExitCode;

use crate::assets::{TEMPLATES, find};
use crate::format;
use crate::model::IdGen;
use crate::store::{Expect, MapSave, SaveRefused, save_checked, title_from_path};
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
    if std::fs::symlink_metadata(file).is_ok() {
        eprintln!(
            "cxmap: {shown} already exists; cxmap new never replaces a file (open it with: cxmap {shown})"
        );
        return ExitCode::from(1);
    }
    if let Some(folder) = file.parent().filter(|f| !f.as_os_str().is_empty() && !f.is_dir()) {
        let folder = clean_line(&folder.display().to_string()).into_owned();
        eprintln!(
            "cxmap: the folder {folder} does not exist; make it first (mkdir -p {folder}) or choose another place"
        );
        return ExitCode::from(2);
    }
    let title = title.map_or_else(|| title_from_path(file), str::to_owned);
    let map = match bundled.instantiate(&title, &mut IdGen::random()) {
        Ok(map) => map,
        Err(message) => {
            eprintln!("cxmap: {message}");
            return ExitCode::from(2);
        }
    };
    // Checked again under the folder's save lock, so a file that appears meanwhile (another
    // cxmap saving there) is not replaced either.
    let save = MapSave {
        path: file.to_path_buf(),
        bytes: format::encode(&map),
        expect: Expect::Absent,
        replace_read_only: false,
    };
    match save_checked(&save) {
        Ok(_) => {
            println!(
                "Created {shown} from the {} template ({} stages). Open it with: cxmap {shown}",
                bundled.name,
                map.stages.len()
            );
            ExitCode::SUCCESS
        }
        Err(SaveRefused::Failed(error)) => {
            eprintln!("cxmap: {}", clean_line(&error.to_string()));
            ExitCode::from(1)
        }
        Err(_) => {
            eprintln!("cxmap: {shown} appeared while the map was being made; it was left as it is");
            ExitCode::from(1)
        }
    }
}
