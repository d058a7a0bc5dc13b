//! `cxmap man`: the manual page, made by clap_mangen from the same clap definitions as
//! `--help`, with what cxmap reads from its environment and files; `--dir` writes a page
//! per command (`cxmap.1`, `cxmap-check.1`, …), as the page's COMMANDS section names them.

use std::path::Path;
use std::process::ExitCode;

use clap_mangen::Man;

use crate::store::write_atomic;

/// The ENVIRONMENT and FILES sections, in roff.
const ENVIRONMENT_AND_FILES: &str = r#".SH ENVIRONMENT
.TP
\fBNO_COLOR\fR
Set to anything but the empty string, cxmap draws no colour (unless \fB\-\-color always\fR);
selections, search hits and the focus still show in reverse, underline and bold.
.TP
\fBVISUAL\fR, \fBEDITOR\fR
The editor that Ctrl-G (by default) hands the text being edited to (VISUAL first; it
may hold arguments).
.TP
\fBCXMAP_DATA_DIR\fR
The folder for new maps, example copies and recovery copies.
.TP
\fBCXMAP_CONFIG_DIR\fR
The folder for settings.json and keys.toml.
.TP
\fBCXMAP_MAX_FILE_MB\fR
Open maps larger than 64 MiB.
.SH FILES
.TP
\fIsettings.json\fR (config folder)
The observer's name for shadow notes, the theme, and whether cxmap takes the mouse
("mouse": false leaves it to the terminal): {"observer": "Ana", "theme": "light"}.
.TP
\fIkeys.toml\fR (config folder)
Changes keys by action name, per section ([grid], [edit], ...); \fBcxmap keys\fR lists the
names and sections.
"#;

/// The page of `cxmap` itself.
fn main_page(command: &clap::Command) -> std::io::Result<Vec<u8>> {
    let man = Man::new(command.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    man.render_subcommands_section(&mut page)?;
    page.extend_from_slice(ENVIRONMENT_AND_FILES.as_bytes());
    man.render_version_section(&mut page)?;
    Ok(page)
}

/// Every page: cxmap's, then one per command (and per command of a command).
fn pages(command: clap::Command) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut pages = vec![("cxmap.1".to_owned(), main_page(&command)?)];
    let mut command = command.disable_help_subcommand(true);
    command.build();
    command_pages(&command, &mut pages)?;
    Ok(pages)
}

fn command_pages(command: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        let man = Man::new(sub.clone());
        let mut page = Vec::new();
        man.render(&mut page)?;
        pages.push((man.get_filename(), page));
        command_pages(sub, pages)?;
    }
    Ok(())
}

/// Prints the page of `command` (cxmap's, from `cli.rs`), or writes every page into `dir`.
pub fn man(dir: Option<&Path>, command: clap::Command) -> ExitCode {
    let pages = match pages(command) {
        Ok(pages) => pages,
        Err(error) => {
            eprintln!("cxmap: could not make the manual page: {error}");
            return ExitCode::from(2);
        }
    };
    let Some(dir) = dir else {
        use std::io::Write;
        let page = pages.first().map(|(_, page)| page.as_slice()).unwrap_or_default();
        return match std::io::stdout().lock().write_all(page) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("cxmap: could not print the manual page: {error}");
                ExitCode::from(2)
            }
        };
    };
    for (name, page) in &pages {
        if let Err(error) = write_atomic(&dir.join(name), page) {
            eprintln!("cxmap: {error}");
            return ExitCode::from(2);
        }
    }
    println!(
        "Wrote {} manual pages to {}; try: man cxmap",
        pages.len(),
        dir.display()
    );
    ExitCode::SUCCESS
}
