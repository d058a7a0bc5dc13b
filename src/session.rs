//! Carries out the app's effects: the I/O at the edge. Loading, saving, creating maps and
//! listing the data folder happen here; failures become messages, never lost work.

use std::path::{Path, PathBuf};

use crate::app::document::Document;
use crate::app::overlay::AfterLeaving;
use crate::app::start::StartScreen;
use crate::app::update::saved;
use crate::app::{App, Effect, Screen};
use crate::assets::{EXAMPLES, TEMPLATES};
use crate::store::{self, LoadError};

/// Whether the program goes on after an effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

/// Performs `effect` and any effect it leads to.
pub fn perform(app: &mut App, effect: Effect) -> Flow {
    let mut effect = effect;
    loop {
        effect = match effect {
            Effect::Nothing => return Flow::Continue,
            Effect::Quit => return Flow::Quit,
            Effect::Save { then } => save(app, then),
            Effect::Open(path) => {
                open_file(app, &path);
                Effect::Nothing
            }
            Effect::OpenExample(index) => {
                open_example(app, index);
                Effect::Nothing
            }
            Effect::Create { template, title } => {
                create(app, template, &title);
                Effect::Nothing
            }
            Effect::ShowStart => {
                show_start(app);
                Effect::Nothing
            }
        };
    }
}

fn save(app: &mut App, then: Option<AfterLeaving>) -> Effect {
    let Some(doc) = app.doc.as_ref() else {
        return Effect::Nothing;
    };
    let result = store::save_map(&doc.path, &doc.map);
    saved(app, result, then)
}

/// The lines of a refusal, each naming the file, line and column.
pub fn load_error_lines(error: &LoadError) -> Vec<String> {
    error.to_string().lines().map(str::to_owned).collect()
}

/// Opens the map at `path` in the grid, or explains in a notice why it cannot.
pub fn open_file(app: &mut App, path: &Path) {
    match store::load(path, &mut app.ids) {
        Ok(loaded) => {
            let warnings = loaded.warnings.len();
            app.open(Document::opened(loaded.map, path.to_path_buf()));
            if warnings > 0 {
                app.inform(format!(
                    "Opened with {warnings} warning{}: run cxmap check {} to list them",
                    if warnings == 1 { "" } else { "s" },
                    path.display()
                ));
            }
        }
        Err(error) => {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let mut lines = load_error_lines(&error);
            lines.push(String::new());
            lines.push("The file was not changed. Fix it in a text editor, then open it again.".to_owned());
            app.notice(format!("Cannot open {name}"), lines);
        }
    }
}

/// The folder new maps and example copies go into, created if it is not there yet (a
/// failure shows up when saving, with its reason).
fn maps_folder() -> PathBuf {
    let folder =
        store::data_dir().unwrap_or_else(|| std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")));
    let _ = std::fs::create_dir_all(&folder);
    folder
}

/// Opens a copy of a bundled example; saving writes it into the data folder.
pub fn open_example(app: &mut App, index: usize) {
    let Some(example) = EXAMPLES.get(index) else {
        return;
    };
    match example.map() {
        Ok(map) => {
            let folder = maps_folder();
            let path = store::new_map_path(&folder, example.name);
            let shown = path.display().to_string();
            app.open(Document::new_file(map, path));
            app.inform(format!(
                "A copy of the bundled example: Ctrl-S saves it as {shown}"
            ));
        }
        Err(message) => app.notice("Cannot open the example", vec![message]),
    }
}

fn create(app: &mut App, template: usize, title: &str) {
    let Some(bundled) = TEMPLATES.get(template) else {
        return;
    };
    let map = match bundled.instantiate(title, &mut app.ids) {
        Ok(map) => map,
        Err(message) => {
            app.notice("Cannot use the template", vec![message]);
            return;
        }
    };
    let folder = maps_folder();
    if let Err(error) = std::fs::create_dir_all(&folder) {
        app.open(Document::new_file(map, store::new_map_path(&folder, title)));
        app.warn(format!(
            "Not saved: cannot create {}: {}",
            folder.display(),
            store::describe_io(&error)
        ));
        return;
    }
    let path = store::new_map_path(&folder, title);
    let result = store::save_map(&path, &map);
    app.open(Document::new_file(map, path.clone()));
    saved(app, result, None);
}

/// Lists the data folder and shows the start screen; the open map (saved or discarded
/// by now) is closed.
pub fn show_start(app: &mut App) {
    app.start = start_screen();
    app.screen = Screen::Start;
    app.doc = None;
    app.editor = None;
    app.overlay = None;
}

/// The start screen's content: the data folder's maps.
pub fn start_screen() -> StartScreen {
    let folder = store::data_dir();
    let (maps, problem) = match &folder {
        None => (
            Vec::new(),
            Some("no data folder: set CXMAP_DATA_DIR to keep maps in one place".to_owned()),
        ),
        Some(folder) => match store::list_maps(folder) {
            Ok(maps) => (maps, None),
            Err(problem) => (Vec::new(), Some(problem)),
        },
    };
    StartScreen {
        folder,
        maps,
        problem,
        ..StartScreen::default()
    }
}
