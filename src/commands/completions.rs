//! `cxmap completions SHELL`: a completion script for bash, zsh, fish or PowerShell (and
//! elvish), made by clap_complete from the same clap definitions as `--help`.

use std::io::Write;
use std::process::ExitCode;

use clap_complete::Shell;

/// Prints the completion script of `command` (cxmap's, from `cli.rs`) for `shell`.
pub fn completions(shell: Shell, mut command: clap::Command) -> ExitCode {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "cxmap", &mut script);
    match std::io::stdout().lock().write_all(&script) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("cxmap: could not print the script: {error}");
            ExitCode::from(2)
        }
    }
}
