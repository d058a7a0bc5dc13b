//! Handing the terminal to the user's editor (`$VISUAL`, else `$EDITOR`) for the text
//! being edited: the terminal is restored, the editor runs on a temporary file, the text
//! comes back and the screen is drawn afresh. An editor that fails leaves the text as it
//! was and the answer says why. How the editor's command line is read differs per platform
//! ([`editor_command`]).

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use crossterm::event::EnableBracketedPaste;
use crossterm::execute;
use crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};

use super::watch::Watch;

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// How often cxmap looks whether the editor has ended or asked to be suspended.
const EDITOR_CHECK: Duration = Duration::from_millis(20);

/// The editor the user asked for: `$VISUAL`, else `$EDITOR` (empty ones do not count).
fn chosen_editor() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(std::env::var_os)
        .map(|value| value.to_string_lossy().trim().to_owned())
        .find(|value| !value.is_empty())
}

/// The command that runs `editor` on `path`. The variable may hold arguments
/// (`code --wait`, `emacs -nw`), so a shell reads it, as git does.
#[cfg(unix)]
fn editor_command(editor: &str, path: &Path) -> Command {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(path);
    command
}

/// The command that runs `editor` on `path`: the program and its arguments, split at
/// spaces.
#[cfg(windows)]
fn editor_command(editor: &str, path: &Path) -> Command {
    let mut words = editor.split_whitespace();
    let mut command = Command::new(words.next().unwrap_or("notepad"));
    command.args(words).arg(path);
    command
}

/// A new temporary file holding `text`, readable by this user only.
fn temporary_file(text: &str) -> io::Result<PathBuf> {
    let path = std::env::temp_dir().join(format!(
        "cxmap-edit-{}-{}.txt",
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&path)?;
    file.write_all(text.as_bytes())?;
    if !text.is_empty() && !text.ends_with('\n') {
        file.write_all(b"\n")?;
    }
    file.sync_all()?;
    Ok(path)
}

/// Runs the user's editor on `text` and returns what they saved, or why not (the text is
/// then as it was). The terminal is the editor's meanwhile, and is taken back and cleared
/// after, whatever happened.
pub fn edit(
    terminal: &mut ratatui::DefaultTerminal,
    watch: &Watch,
    mouse: bool,
    text: &str,
) -> Result<String, String> {
    let Some(editor) = chosen_editor() else {
        return Err(
            "Set VISUAL or EDITOR to your editor (export EDITOR=nano, say) to edit text in it".to_owned(),
        );
    };
    let shown = crate::text::display::clean_line(&editor).into_owned();
    let path = temporary_file(text).map_err(|error| {
        format!(
            "Could not write the text for {shown}: {}",
            crate::store::describe_io(&error)
        )
    })?;
    let ran = hand_over(terminal, watch, mouse, || {
        run_editor(watch, editor_command(&editor, &path))
    });
    let edited = fs::read(&path);
    let _ = fs::remove_file(&path);
    match ran {
        Err(error) => Err(format!(
            "Could not start {shown}: {}; the text is as it was",
            crate::store::describe_io(&error)
        )),
        Ok(status) if !status.success() => Err(format!("{shown} ended with {status}; the text is as it was")),
        Ok(_) => {
            let bytes =
                edited.map_err(|_| format!("{shown} left no file to read back; the text is as it was"))?;
            let text = String::from_utf8(bytes)
                .map_err(|_| format!("{shown} saved text that is not UTF-8; the text is as it was"))?;
            Ok(without_final_newline(text))
        }
    }
}

/// Runs the editor to its end; if it suspends itself (Ctrl-Z) meanwhile, cxmap stops with
/// it (see [`Watch::stop_along`]) rather than wait on a stopped editor with the shell shut
/// out.
fn run_editor(watch: &Watch, mut command: Command) -> io::Result<ExitStatus> {
    let mut child = command.spawn()?;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(status);
        }
        watch.stop_along();
        std::thread::sleep(EDITOR_CHECK);
    }
}

/// Leaves the program's screen for `run` (the mouse and pasting given back to the
/// terminal) and comes back to it.
fn hand_over<T>(
    terminal: &mut ratatui::DefaultTerminal,
    watch: &Watch,
    mouse: bool,
    run: impl FnOnce() -> T,
) -> T {
    let _ = super::pointer::release();
    let _ = ratatui::try_restore();
    let result = watch.hand_over(run);
    let _ = enable_raw_mode();
    let _ = execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        Clear(ClearType::All)
    );
    if mouse {
        let _ = super::pointer::capture();
    }
    // The next draw compares with an empty frame, so it draws every cell again.
    // (`Terminal::clear` would ask the terminal where its cursor is first, and wait.)
    terminal.swap_buffers();
    let _ = terminal.hide_cursor();
    result
}

/// Editors end a file with a line break; the text did not have it.
fn without_final_newline(mut text: String) -> String {
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    text
}
