//! `cxmap schema`: the JSON Schema of map format 1 (docs/cxmap.schema.json), for editors
//! that validate hand edits (VS Code, helix, vim with a JSON language server).

use std::io::Write;
use std::process::ExitCode;

/// The schema, as docs/cxmap.schema.json holds it.
pub const SCHEMA: &str = include_str!("../../docs/cxmap.schema.json");

/// Prints the schema.
pub fn schema() -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(SCHEMA.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("cxmap: could not print the schema: {error}");
            ExitCode::from(1)
        }
    }
}
