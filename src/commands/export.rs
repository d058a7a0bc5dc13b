//! `cxmap export FILE --format md|csv|html|mermaid`: the map as a document, to standard
//! output or a file.

use std::path::Path;
use std::process::ExitCode;

use super::output::{deliver, read_map};
use crate::export::ExportFormat;

/// Writes or prints the export.
pub fn export(file: &Path, format: ExportFormat, output: Option<&Path>, force: bool) -> ExitCode {
    let map = match read_map(file) {
        Ok(map) => map,
        Err(code) => return code,
    };
    let what = format!("{} export", format.title());
    deliver(format.build(map).as_bytes(), output, force, file, &what)
}
