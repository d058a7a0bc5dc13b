//! `cxmap council FILE`: the CX council's action list (the top open friction points with
//! owner, status, stage, channel and votes) as Markdown or CSV.

use std::path::Path;
use std::process::ExitCode;

use super::output::{deliver, read_map};
use crate::export::council::{self, CouncilFormat};

/// Prints or writes the action list of the first `top` open points (all for `None`).
pub fn council(
    file: &Path,
    format: CouncilFormat,
    top: Option<usize>,
    output: Option<&Path>,
    force: bool,
) -> ExitCode {
    let map = match read_map(file) {
        Ok(map) => map,
        Err(code) => return code,
    };
    let text = match format {
        CouncilFormat::Markdown => council::markdown(map, top),
        CouncilFormat::Csv => council::csv(map, top),
    };
    deliver(text.as_bytes(), output, force, file, "council action list")
}
