//! `cxmap import SHEET.csv -o MAP.json`: a spreadsheet (or cxmap's own CSV export) as a
//! new map. Nothing is written unless the whole sheet was understood, or `--lenient`
//! says to skip what was not; an existing map is replaced only with `--force`.

use std::path::Path;
use std::process::ExitCode;

use super::output::{is_stdout, keep_until_exit, print};
use crate::format;
use crate::import::{SheetKind, import as read_sheet};
use crate::model::IdGen;
use crate::store::title_from_path;
use crate::store::{read_limited, write_output};
use crate::text::display::clean_line;

/// What `cxmap import` was asked for.
#[derive(Debug, Clone)]
pub struct ImportRequest<'a> {
    pub sheet: &'a Path,
    pub output: &'a Path,
    pub lenient: bool,
    pub title: Option<&'a str>,
    pub force: bool,
}

/// Reads the sheet and writes the map, or lists every problem with its row and column.
pub fn import(request: &ImportRequest) -> ExitCode {
    let sheet_name = clean_line(&request.sheet.display().to_string()).into_owned();
    let out_name = clean_line(&request.output.display().to_string()).into_owned();
    let to_stdout = is_stdout(request.output);
    let there = std::fs::symlink_metadata(request.output).ok();
    if !to_stdout && !request.force && there.is_some_and(|m| m.is_file() || m.is_dir()) {
        eprintln!("cxmap: {out_name} already exists; add --force to replace it");
        return ExitCode::from(1);
    }
    let bytes = match read_limited(request.sheet) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("cxmap: {}", clean_line(&error.to_string()));
            return ExitCode::from(2);
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        eprintln!("cxmap: save {sheet_name} as \"CSV UTF-8\" and try again: it is not UTF-8");
        return ExitCode::from(1);
    };
    if let Some(what) = json_not_csv(&text) {
        eprintln!("cxmap: {sheet_name} looks like {what}, not a CSV sheet; nothing written");
        if what.starts_with("a cxmap") {
            eprintln!("cxmap: open it with `cxmap {sheet_name}`; import reads a sheet saved as CSV");
        }
        return ExitCode::from(1);
    }
    let imported = match read_sheet(
        &text,
        &title_from_path(request.output),
        request.title,
        request.lenient,
        &mut IdGen::random(),
    ) {
        Ok(imported) => keep_until_exit(imported),
        Err(problems) => {
            for problem in &problems {
                eprintln!("{sheet_name}: {}", clean_line(&problem.to_string()));
            }
            // Offer --lenient only where it would make a map (not for an empty sheet).
            let lenient_helps =
                !request.lenient && read_sheet(&text, "", None, true, &mut IdGen::seeded(0)).is_ok();
            eprintln!(
                "cxmap: nothing written: {} problem{} in the sheet{}",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" },
                if lenient_helps {
                    " (--lenient skips them)"
                } else {
                    ""
                }
            );
            return ExitCode::from(1);
        }
    };
    for problem in &imported.skipped {
        eprintln!("{sheet_name}: skipped {}", clean_line(&problem.to_string()));
    }
    for warning in &imported.warnings {
        eprintln!("{sheet_name}: {}", clean_line(&warning.to_string()));
    }
    let map = &imported.map;
    // The sheet's memory, already the program's, holds the map's bytes.
    let bytes = format::encode_into(map, text.into_bytes());
    if to_stdout {
        let printed = print(&bytes, "map");
        if printed == ExitCode::SUCCESS {
            eprintln!("Imported {sheet_name} from {}", kind_name(imported.kind));
        }
        return printed;
    }
    if let Err(error) = write_output(request.output, &bytes, request.force, Some(request.sheet)) {
        eprintln!("cxmap: {}; nothing was written", clean_line(&error.to_string()));
        return ExitCode::from(1);
    }
    let frictions: usize = map.stages.iter().map(|s| s.frictions.len()).sum();
    let from = kind_name(imported.kind);
    println!(
        "Imported {} stage{} and {frictions} friction point{} from {from} in {sheet_name} into {out_name}{}",
        map.stages.len(),
        if map.stages.len() == 1 { "" } else { "s" },
        if frictions == 1 { "" } else { "s" },
        if imported.skipped.is_empty() {
            String::new()
        } else {
            format!(" ({} skipped)", imported.skipped.len())
        }
    );
    if imported.assumed_severity > 0 {
        let n = imported.assumed_severity;
        eprintln!(
            "cxmap: {n} friction point{} no severity; set to 2 (major): review them",
            if n == 1 { " had" } else { "s had" }
        );
    }
    ExitCode::SUCCESS
}

/// What a JSON file given as the sheet is ("a cxmap map (JSON)"), or `None` for text
/// that does not start like JSON.
fn json_not_csv(text: &str) -> Option<&'static str> {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if !start.starts_with(['{', '[']) {
        return None;
    }
    let head: String = start.chars().take(200).collect();
    Some(if head.contains("\"cxmap\"") {
        "a cxmap map (JSON)"
    } else {
        "JSON"
    })
}

fn kind_name(kind: SheetKind) -> &'static str {
    match kind {
        SheetKind::Grid => "the grid",
        SheetKind::Rows => "cxmap's CSV",
    }
}
