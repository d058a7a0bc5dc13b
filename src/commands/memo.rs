//! `cxmap memo FILE`: the friction memo in Markdown, text, HTML or PDF, to standard output,
//! a file or a bundle folder, with the writer's warnings on standard error (text that
//! reads like a solution, missing evidence, unlinked notes, a memo longer than a page).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::output::{deliver, is_stdout, keep_until_exit, read_map};
use crate::export::memo::{Memo, MemoFormat, MemoOptions, Plan};
use crate::store::{LinkFrom, copy_bundle_evidence, look_up_evidence, write_output};
use crate::text::display::clean_line;

/// What `cxmap memo` was asked for.
#[derive(Debug, Clone)]
pub struct MemoRequest {
    pub file: PathBuf,
    /// The format asked for with `-f`, if any.
    pub format: Option<MemoFormat>,
    pub output: Option<PathBuf>,
    /// Write the memo and copies of its evidence into this folder.
    pub bundle: Option<PathBuf>,
    pub force: bool,
    pub options: MemoOptions,
    /// Add today's date (the only way a clock reaches the memo).
    pub dated: bool,
}

/// The file `-o` names, unless it names standard output (`-o -`).
fn file_out(request: &MemoRequest) -> Option<&Path> {
    request.output.as_deref().filter(|path| !is_stdout(path))
}

/// The format: `-f`, else the output file's extension, else Markdown (HTML for a
/// bundle); a clash between `-f` and the extension is refused.
fn format_of(request: &MemoRequest) -> Result<MemoFormat, String> {
    let Some(output) = file_out(request) else {
        let fallback = if request.bundle.is_some() {
            MemoFormat::Html
        } else {
            MemoFormat::Markdown
        };
        return Ok(request.format.unwrap_or(fallback));
    };
    let shown = clean_line(&output.display().to_string()).into_owned();
    match (request.format, MemoFormat::from_path(output)) {
        (Some(asked), Some(named)) if asked != named => Err(format!(
            "-f {} and -o {shown} disagree: the file's extension says {}; give one of them",
            asked.name(),
            named.name()
        )),
        (Some(asked), _) => Ok(asked),
        (None, Some(named)) => Ok(named),
        (None, None) => Err(format!(
            "cannot tell the memo's format from {shown}: end it in .md, .txt, .html or .pdf, or add -f"
        )),
    }
}

/// Writes or prints the memo.
pub fn memo(request: &MemoRequest) -> ExitCode {
    let format = match format_of(request) {
        Ok(format) => format,
        Err(message) => {
            eprintln!("cxmap: {message}; nothing was written");
            return ExitCode::from(2);
        }
    };
    let to_terminal =
        file_out(request).is_none() && request.bundle.is_none() && std::io::stdout().is_terminal();
    if format == MemoFormat::Pdf && to_terminal {
        eprintln!("cxmap: a PDF is not for the terminal: give -o FILE.pdf (or pipe it); nothing was written");
        return ExitCode::from(2);
    }
    let map = match read_map(&request.file) {
        Ok(map) => map,
        Err(code) => return code,
    };
    let mut options = request.options.clone();
    if request.dated {
        options.written = Some(jiff::Zoned::now().date().to_string());
    }
    let memo = keep_until_exit(Memo::build(map, &options));
    let map_folder = folder_of(&request.file);
    let link = match (&request.bundle, file_out(request)) {
        (Some(_), _) => LinkFrom::Bundle,
        (None, Some(output)) => LinkFrom::Folder(folder_of(output)),
        (None, None) => LinkFrom::Folder(PathBuf::from(".")),
    };
    let lookup = keep_until_exit(look_up_evidence(memo, &map_folder, &link, format.is_paged()));
    warn(memo, lookup, format, &request.file);
    let bytes = format.render(memo, &lookup.files);
    match &request.bundle {
        Some(dir) => write_bundle(request, dir, format, &bytes, &lookup.copies),
        None => {
            let code = deliver(
                &bytes,
                request.output.as_deref(),
                request.force,
                &request.file,
                "friction memo",
            );
            if to_terminal {
                let page = crate::export::path_beside(&request.file, "-memo", "html");
                eprintln!(
                    "cxmap: the page to send (one A4 page, photos inside): cxmap memo {} -o {}",
                    clean_line(&request.file.display().to_string()),
                    clean_line(&page.display().to_string())
                );
            }
            code
        }
    }
}

/// The folder a file is in ("." for a bare name).
fn folder_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The most missing evidence files named one per line; `cxmap check` names every one.
const MISSING_LISTED: usize = 20;

/// Everything the writer should know before sending the memo, on standard error (in one
/// write). A map can have thousands of missing evidence files: the first few are named.
fn warn(memo: &Memo, lookup: &crate::store::Lookup, format: MemoFormat, file: &Path) {
    let mut lines = Vec::new();
    for line in memo.advice() {
        lines.push(format!("cxmap: warning: {}", clean_line(&line)));
    }
    let missing = lookup.files.missing(memo);
    if !missing.is_empty() {
        lines.push(format!(
            "cxmap: warning: {} evidence file{} not there (marked \"(missing)\" in the memo):",
            missing.len(),
            if missing.len() == 1 { " is" } else { "s are" }
        ));
        for entry in missing.iter().take(MISSING_LISTED) {
            lines.push(format!("  {}", clean_line(entry)));
        }
        if missing.len() > MISSING_LISTED {
            lines.push(format!(
                "  and {} more: cxmap check {} names each with its line",
                missing.len() - MISSING_LISTED,
                clean_line(&file.display().to_string())
            ));
        }
    }
    for (entry, why) in &lookup.unreadable {
        lines.push(format!(
            "cxmap: warning: {} cannot be shown as a picture ({}); the memo links to it",
            clean_line(entry),
            clean_line(why)
        ));
    }
    if memo.unlinked_notes > 0 {
        let n = memo.unlinked_notes;
        lines.push(format!(
            "cxmap: {n} shadow note{} linked to no friction point, so the memo leaves {} out: \
             link {} to a point in the notes pane, or add notes with `cxmap shadow add … --friction`",
            if n == 1 { " is" } else { "s are" },
            if n == 1 { "it" } else { "them" },
            if n == 1 { "it" } else { "each" },
        ));
    }
    if memo.observers.is_empty() || memo.when.is_none() {
        lines.push(
            "cxmap: add --observer NAME and --date TEXT, or type them in the memo preview (M, then e) \
             so the map keeps them: the memo says \"not recorded\" for who walked the journey or when"
                .to_owned(),
        );
    } else if memo.devices.is_empty() {
        lines.push(
            "cxmap: the memo does not say on which devices the journey was walked: add --device NAME, \
             or type them in the memo preview (M, then e) so the map keeps them"
                .to_owned(),
        );
    }
    if format.is_paged()
        && let Some(overflow) = Plan::make(memo, &lookup.files).overflow(memo)
    {
        lines.push(format!(
            "cxmap: warning: the memo does not fit one page even at its most compact: {overflow}"
        ));
    }
    if !lines.is_empty() {
        eprintln!("{}", lines.join("\n"));
    }
}

/// About what most mail services take in one message, in bytes.
const MAIL_LIMIT: u64 = 20_000_000;

fn write_bundle(
    request: &MemoRequest,
    dir: &Path,
    format: MemoFormat,
    bytes: &[u8],
    copies: &[(PathBuf, String)],
) -> ExitCode {
    let shown = clean_line(&dir.display().to_string()).into_owned();
    let not_empty = std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
    if not_empty && !request.force {
        eprintln!(
            "cxmap: {shown} is not empty: choose a new folder, or add --force to write into it; \
             nothing was written"
        );
        return ExitCode::from(1);
    }
    if let Err(error) = std::fs::create_dir_all(dir) {
        eprintln!("cxmap: cannot make {shown}: {error}; nothing was written");
        return ExitCode::from(1);
    }
    let stem = request
        .file
        .file_stem()
        .map_or_else(|| "map".to_owned(), |s| s.to_string_lossy().into_owned());
    let memo_path = dir.join(format!("{stem}-memo.{}", format.name()));
    let (copied, copied_bytes) = match copy_bundle_evidence(dir, copies) {
        Ok(copied) => copied,
        Err(error) => {
            eprintln!("cxmap: could not copy the evidence: {}", clean_line(&error));
            return ExitCode::from(1);
        }
    };
    match write_output(&memo_path, bytes, true, Some(&request.file)) {
        Ok(()) => {
            println!(
                "Wrote the friction memo to {} and {copied} evidence file{} to {}",
                clean_line(&memo_path.display().to_string()),
                if copied == 1 { "" } else { "s" },
                clean_line(&dir.join("evidence").display().to_string())
            );
            let size = copied_bytes + bytes.len() as u64;
            if size > MAIL_LIMIT {
                let alone = if format.is_paged() {
                    ", or send the memo on its own (its photos are inside)"
                } else {
                    ""
                };
                eprintln!(
                    "cxmap: {shown} holds {} MB, more than most e-mail takes (about 20 MB): share \
                     the folder as a link{alone}",
                    size / 1_000_000
                );
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!(
                "cxmap: {}; the memo was not written",
                clean_line(&error.to_string())
            );
            ExitCode::from(1)
        }
    }
}
