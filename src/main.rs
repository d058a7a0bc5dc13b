//! The `cxmap` binary: parses the command line, runs a subcommand or the workbench.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use cxmap::app::App;
use cxmap::app::keymap::file::live_keymap;
use cxmap::app::look::{ColourChoice, Look, ThemeName};
use cxmap::app::start::StartScreen;
use cxmap::assets::EXAMPLES;
use cxmap::cli::{Cli, Command, ShadowCommand};
use cxmap::commands;
use cxmap::export::memo::MemoOptions;
use cxmap::model::{IdGen, Severity};
use cxmap::session::{Kept, Session, load_error_lines};
use cxmap::store::title_from_path;
use cxmap::terminal::{self, Ending};
use cxmap::text::display::clean_line;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return refuse_arguments(&error),
    };
    match cli.command {
        Some(command) => run_command(command),
        None => interactive(
            cli.file.as_deref(),
            cli.example.as_deref(),
            cli.present,
            chosen_look(cli.theme, cli.color),
        ),
    }
}

/// Runs a subcommand: each takes its arguments as the commands module asks for them.
fn run_command(command: Command) -> ExitCode {
    match command {
        Command::Check {
            files,
            strict,
            format,
        } => commands::check(&files, strict, format),
        Command::New {
            file,
            template,
            title,
        } => commands::new_map(&file, &template, title.as_deref()),
        Command::Templates => commands::templates(),
        Command::Keys => commands::keys(),
        Command::Completions { shell } => commands::completions(shell, Cli::command()),
        Command::Man { dir } => commands::man(dir.as_deref(), Cli::command()),
        Command::Shadow { command } => shadow(command),
        Command::Coverage { file } => commands::coverage(&file),
        Command::Council {
            file,
            format,
            top,
            all,
            output,
            force,
        } => commands::council(&file, format, (!all).then_some(top), output.as_deref(), force),
        Command::Schema => commands::schema(),
        Command::Query {
            maps,
            severity,
            status,
            channel,
            owner,
            stage,
            format,
        } => commands::query(&commands::QueryRequest {
            maps,
            filter: commands::QueryFilter {
                severity,
                status,
                channel,
                owner,
                stage,
            },
            format,
        }),
        Command::Merge {
            base,
            ours,
            theirs,
            output,
            force,
        } => commands::merge(&commands::MergeRequest {
            base,
            ours,
            theirs,
            output,
            force,
        }),
        Command::Diff {
            old,
            new,
            git,
            format,
            textconv,
        } => commands::diff(&commands::DiffRequest {
            old,
            new,
            git,
            format,
            textconv,
        }),
        Command::Memo {
            file,
            format,
            output,
            bundle,
            force,
            open_only,
            observers,
            date,
            devices,
            dated,
        } => commands::memo(&commands::MemoRequest {
            file,
            format,
            output,
            bundle,
            force,
            options: MemoOptions {
                open_only,
                observers,
                dates: date,
                devices,
                written: None,
            },
            dated,
        }),
        Command::Export {
            file,
            format,
            output,
            force,
        } => commands::export(&file, format, output.as_deref(), force),
        Command::Import {
            sheet,
            output,
            lenient,
            title,
            force,
        } => commands::import(&commands::ImportRequest {
            sheet: &sheet,
            output: &output,
            lenient,
            title: title.as_deref(),
            force,
        }),
    }
}

/// `cxmap shadow add`: a note from the command line, into a map that may be open.
fn shadow(command: ShadowCommand) -> ExitCode {
    let ShadowCommand::Add {
        file,
        stage,
        channel,
        text,
        evidence,
        observer,
        friction,
        severity,
    } = command;
    commands::shadow_add(
        &file,
        &commands::NewNote {
            stage,
            channel,
            text,
            evidence,
            observer,
            friction,
            severity: severity.and_then(|n| Severity::from_number(i64::from(n))),
        },
    )
}

/// Reports a command line clap refused (or prints the help or version it was asked for).
/// The arguments are the user's, so they are cleaned of control characters and bidi
/// overrides before they reach the terminal.
fn refuse_arguments(error: &clap::Error) -> ExitCode {
    if !error.use_stderr() {
        error.exit();
    }
    let mut stderr = std::io::stderr().lock();
    for line in error.render().to_string().lines() {
        let _ = writeln!(stderr, "{}", clean_line(line));
    }
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}

/// The theme named on the command line, else in settings.json, else dark; and why the
/// settings' one was not used, when it was not.
fn chosen_look(asked: Option<ThemeName>, colour: ColourChoice) -> (Look, Option<String>) {
    let default = ThemeName::default();
    let from_settings = || cxmap::store::settings::theme().map(|name| ThemeName::parse(&name).ok_or(name));
    let (name, problem) = match asked.map(Ok).or_else(from_settings) {
        None => (default, None),
        Some(Ok(name)) => (name, None),
        Some(Err(unknown)) => (
            default,
            Some(format!(
                "settings.json: no theme called \"{}\", so {default} is used; choose {}",
                clean_line(&unknown),
                ThemeName::choices()
            )),
        ),
    };
    let colour = colour.wants_colour(std::env::var_os("NO_COLOR").as_deref());
    (Look { theme: name, colour }, problem)
}

fn interactive(
    file: Option<&Path>,
    example: Option<&str>,
    present: bool,
    look: (Look, Option<String>),
) -> ExitCode {
    let (look, theme_problem) = look;
    let mut session = Session::default();
    if let Ok(here) = std::env::current_dir() {
        session.set_start_folder(here);
    }
    // The start screen reads every map in the data folder: only when it is shown first.
    let start = match (file, example) {
        (None, None) => session.start_screen(),
        _ => StartScreen::default(),
    };
    let mut app = App::at_start(start, IdGen::random());
    app.shadow.observer = cxmap::store::settings::observer();
    app.shadow.observer_suggestion = cxmap::store::settings::default_observer().unwrap_or_default();
    app.time_zone = jiff::tz::TimeZone::system();
    app.opens_presenting = present;
    app.look = look;
    let (keymap, key_problems) = live_keymap(cxmap::store::settings::key_file());
    app.keymap = keymap;
    match (file, example) {
        (Some(path), _) if path.exists() => {
            if let Err(error) = session.load(&mut app, path) {
                for line in load_error_lines(&error) {
                    eprintln!("{}", clean_line(&line));
                }
                eprintln!("cxmap: the file was not opened and has not been changed");
                return ExitCode::from(1);
            }
        }
        (Some(path), _) => {
            if let Some(folder) = missing_folder(path) {
                eprintln!(
                    "cxmap: {} would be a new map, but its folder {} does not exist; make the folder first or name a file in one that does",
                    clean_line(&path.display().to_string()),
                    clean_line(&folder.display().to_string())
                );
                return ExitCode::from(2);
            }
            session.new_map_at(&mut app, path, &title_from_path(path))
        }
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
            session.open_example(&mut app, index);
        }
        (None, None) => {}
    }
    if cxmap::store::settings::problem().is_some() {
        app.warn("settings.json is not JSON: ignored, and left as it is");
    }
    if let Some(problem) = theme_problem {
        app.warn(problem);
    }
    if !key_problems.is_empty() {
        let mut lines: Vec<String> = key_problems
            .iter()
            .map(|line| clean_line(line).into_owned())
            .collect();
        lines.push(String::new());
        lines.push("The default keys are in use until the file is fixed.".to_owned());
        app.notice("Your keys.toml was not used", lines);
    }
    let ending = terminal::run(app, session, cxmap::store::settings::mouse());
    // The terminal may be gone (that is one way to end), so nothing here may panic on a
    // closed stderr the way eprintln! does.
    let mut stderr = std::io::stderr().lock();
    let (code, why, recovery) = match ending {
        Ok(Ending::Quit) => return ExitCode::SUCCESS,
        Ok(Ending::Signal { number, recovery }) => (
            u8::try_from(128 + number).unwrap_or(1),
            "cxmap: stopped by a signal",
            recovery,
        ),
        Ok(Ending::TerminalLost { recovery }) => (1, "cxmap: the terminal went away", recovery),
        Ok(Ending::Crashed { recovery }) => (101, "cxmap stopped because of a bug", recovery),
        Err(error) => {
            let _ = writeln!(stderr, "cxmap: the terminal failed: {error}");
            return ExitCode::from(1);
        }
    };
    let _ = match recovery {
        Kept::NothingUnsaved => writeln!(stderr, "{why}; no unsaved work was lost."),
        Kept::Copy(path) => writeln!(
            stderr,
            "{why}. Your unsaved work is safe in {}; open the map again to get it back.",
            clean_line(&path.display().to_string())
        ),
        Kept::Lost(reason) => writeln!(
            stderr,
            "{why}. Unsaved work could NOT be kept: {}",
            clean_line(&reason)
        ),
    };
    ExitCode::from(code)
}

/// The folder a new map at `path` would go in, when it is not there (the first save would
/// fail after the work was done).
fn missing_folder(path: &std::path::Path) -> Option<&std::path::Path> {
    path.parent()
        .filter(|folder| !folder.as_os_str().is_empty() && !folder.is_dir())
}
