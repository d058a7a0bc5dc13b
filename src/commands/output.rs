//! What the document commands share: reading the map, and handing the document over (to
//! a file, safely, or to standard output, cleaned of control characters on a terminal).

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::model::{IdGen, JourneyMap};
use crate::session::load_error_lines;
use crate::store::{self, write_output};
use crate::text::display::{clean, clean_line};

/// Reads the map at `path`, or prints why not, and keeps it until the program ends (see
/// [`keep_until_exit`]). Ids missing from the file are filled from a fixed seed, so the
/// same file always gives the same document.
pub fn read_map(path: &Path) -> Result<&'static JourneyMap, ExitCode> {
    match store::load(path, &mut IdGen::seeded(0)) {
        Ok(loaded) => Ok(keep_until_exit(loaded.map)),
        Err(error) => {
            for line in load_error_lines(&error) {
                eprintln!("{}", clean_line(&line));
            }
            Err(ExitCode::from(if error.is_unreadable() { 2 } else { 1 }))
        }
    }
}

/// Keeps `value` until the program ends rather than freeing it: a command ends right
/// after its document is out, the system takes the memory back at once, and freeing a
/// large map's strings one by one took 6–12 % of a command at 2,800 stages.
pub fn keep_until_exit<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

/// Whether `-o` names standard output (`-o -`).
pub fn is_stdout(output: &Path) -> bool {
    output.as_os_str() == "-"
}

/// Prints `bytes` on standard output, text cleaned of control characters when that is a
/// terminal. `what` names the document in a failure.
pub fn print(bytes: &[u8], what: &str) -> ExitCode {
    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    let mut out = stdout.lock();
    let written = if terminal {
        String::from_utf8_lossy(bytes)
            .split_inclusive('\n')
            .try_for_each(|line| out.write_all(clean(line).as_bytes()))
    } else {
        out.write_all(bytes)
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("cxmap: could not print the {what}: {error}");
            ExitCode::from(1)
        }
    }
}

/// Writes `bytes` to `output` (replacing a file only with `force`, never the map at
/// `source`, never anything but a regular file), or prints them (no `-o`, or `-o -`).
/// `what` names the document in the confirmation.
pub fn deliver(bytes: &[u8], output: Option<&Path>, force: bool, source: &Path, what: &str) -> ExitCode {
    let Some(path) = output.filter(|path| !is_stdout(path)) else {
        return print(bytes, what);
    };
    match write_output(path, bytes, force, Some(source)) {
        Ok(()) => {
            println!("Wrote the {what} to {}", clean_line(&path.display().to_string()));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("cxmap: {}; nothing was written", clean_line(&error.to_string()));
            ExitCode::from(1)
        }
    }
}
