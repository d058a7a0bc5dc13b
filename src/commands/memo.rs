//! `cxmap memo FILE`: the friction memo in Markdown, text or HTML, to standard output or
//! a file.

use std::path::PathBuf;
use std::process::ExitCode;

use super::output::{deliver, read_map};
use crate::export::memo::{Memo, MemoFormat, MemoOptions};

/// What `cxmap memo` was asked for.
#[derive(Debug, Clone)]
pub struct MemoRequest {
    pub file: PathBuf,
    pub format: MemoFormat,
    pub output: Option<PathBuf>,
    pub force: bool,
    pub options: MemoOptions,
    /// Add today's date (the only way a clock reaches the memo).
    pub dated: bool,
}

/// Writes or prints the memo.
pub fn memo(request: &MemoRequest) -> ExitCode {
    let map = match read_map(&request.file) {
        Ok(map) => map,
        Err(code) => return code,
    };
    let mut options = request.options.clone();
    if request.dated {
        options.written = Some(jiff::Zoned::now().date().to_string());
    }
    let memo = Memo::build(&map, &options);
    if memo.observers.is_empty() || memo.when.is_none() {
        eprintln!("cxmap: add --observer NAME and --date TEXT: no shadow notes say who or when");
    }
    let text = request.format.render(&memo);
    deliver(
        &text,
        request.output.as_deref(),
        request.force,
        &request.file,
        "friction memo",
    )
}
