//! The `cxmap` binary: parses the command line, runs a subcommand or the workbench.

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use cxmap::app::App;
use cxmap::app::document::Document;
use cxmap::assets::{EXAMPLES, TEMPLATES};
use cxmap::cli::{Cli, Command};
use cxmap::commands::{self, title_from_path};
use cxmap::model::IdGen;
use cxmap::session::{load_error_lines, open_example, start_screen};
use cxmap::store::{self, LoadError};
use cxmap::terminal;
use cxmap::text::display::clean_line;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { files }) => commands::check(&files),
        Some(Command::New {
            file,
            template,
            title,
        }) => commands::new_map(&file, &template, title.as_deref()),
        Some(Command::Templates) => commands::templates(),
        Some(Command::Keys) => commands::keys(),
        None => interactive(cli.file.as_deref(), cli.example.as_deref()),
    }
}

fn interactive(file: Option<&Path>, example: Option<&str>) -> ExitCode {
    let ids = IdGen::random();
    let app = match (file, example) {
        (Some(path), _) => match open_or_new(path, ids) {
            Ok(app) => app,
            Err(error) => {
                for line in load_error_lines(&error) {
                    eprintln!("{}", clean_line(&line));
                }
                eprintln!("cxmap: the file was not opened and has not been changed");
                return ExitCode::from(1);
            }
        },
        (None, Some(name)) => {
            let Some(index) = EXAMPLES.iter().position(|e| e.name.eq_ignore_ascii_case(name)) else {
                let names: Vec<&str> = EXAMPLES.iter().map(|e| e.name).collect();
                eprintln!(
                    "cxmap: no example called \"{}\"; choose one of: {}",
                    clean_line(name),
                    names.join(", ")
                );
                return ExitCode::from(2);
            };
            let mut app = App::at_start(start_screen(), ids);
            open_example(&mut app, index);
            app
        }
        (None, None) => App::at_start(start_screen(), ids),
    };
    match terminal::run(app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("cxmap: the terminal failed: {error}");
            ExitCode::from(1)
        }
    }
}

/// The app for `cxmap FILE`: the map in it, or a new map from the default template when
/// the file does not exist yet.
fn open_or_new(path: &Path, mut ids: IdGen) -> Result<App, LoadError> {
    if path.exists() {
        let loaded = store::load(path, &mut ids)?;
        let warnings = loaded.warnings.len();
        let mut app = App::with_document(Document::opened(loaded.map, path.to_path_buf()), ids);
        if warnings > 0 {
            app.inform(format!(
                "Opened with {warnings} warnings: cxmap check {} lists them",
                path.display()
            ));
        }
        return Ok(app);
    }
    let title = title_from_path(path);
    let map = TEMPLATES[0]
        .instantiate(&title, &mut ids)
        .map_err(|reason| LoadError::Unreadable {
            path: path.to_path_buf(),
            reason,
        })?;
    let mut app = App::with_document(Document::new_file(map, path.to_path_buf()), ids);
    app.inform(format!(
        "New map from the {} template: Ctrl-S creates {}",
        TEMPLATES[0].name,
        path.display()
    ));
    Ok(app)
}
