//! `cxmap merge BASE OURS THEIRS [-o OUT]`: a three-way merge of a map by id, usable as a
//! git merge driver (`cxmap merge %O %A %B`). The result goes into OURS (git's `%A`)
//! unless `-o` names another file; conflicts stay inside the map, marked, and the exit
//! status tells git: 0 merged cleanly, 1 conflicts, 2 trouble (nothing written).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::format;
use crate::model::merge::merge as merge_maps;
use crate::model::{IdGen, JourneyMap, conflict};
use crate::session::load_error_lines;
use crate::store::{
    Expect, Fingerprint, MapLock, MapSave, SaveRefused, parse_loaded, read_limited, save_checked,
    write_output,
};
use crate::text::display::clean_line;

/// What `cxmap merge` was asked for.
#[derive(Debug, Clone)]
pub struct MergeRequest {
    pub base: PathBuf,
    pub ours: PathBuf,
    pub theirs: PathBuf,
    /// Where the merged map goes instead of OURS.
    pub output: Option<PathBuf>,
    /// Replace OUT if it exists.
    pub force: bool,
}

/// Exit status for trouble: a version that cannot be read, or a failed write.
const TROUBLE: u8 = 2;

/// Reads one version, and the fingerprint of what was read. An empty file is a map with
/// nothing in it: git passes one as the base when both branches added the same file.
fn read(path: &Path) -> Result<(JourneyMap, Fingerprint), ExitCode> {
    let trouble = |lines: Vec<String>| {
        for line in lines {
            eprintln!("{}", clean_line(&line));
        }
        eprintln!("cxmap merge: nothing was written; merge this file by hand");
        ExitCode::from(TROUBLE)
    };
    let bytes = read_limited(path).map_err(|error| trouble(load_error_lines(&error)))?;
    let read = Fingerprint::of(&bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok((JourneyMap::default(), read));
    }
    // Items written without an id get the same ids in every version, from one seed.
    parse_loaded(path, &bytes, &mut IdGen::seeded(0))
        .map(|loaded| (loaded.map, read))
        .map_err(|error| trouble(load_error_lines(&error)))
}

/// Writes the merged map into OURS: not while another cxmap has it open, and only if it
/// is still what was read.
fn write_into_ours(ours: &Path, bytes: Vec<u8>, read: Fingerprint) -> Result<(), String> {
    let _lock = MapLock::take(ours)
        .map_err(|holder| format!("it is open in another cxmap ({holder}); close it first"))?;
    let save = MapSave {
        path: ours.to_path_buf(),
        bytes,
        expect: Expect::Unchanged(read),
        replace_read_only: false,
    };
    save_checked(&save).map(|_| ()).map_err(|refused| match refused {
        SaveRefused::ReadOnly => "it is read-only".to_owned(),
        SaveRefused::ChangedOnDisk | SaveRefused::Deleted => {
            "it changed while it was being merged".to_owned()
        }
        SaveRefused::Failed(error) => error.to_string(),
    })
}

/// Merges, writes the result and reports the conflicts on standard error.
pub fn merge(request: &MergeRequest) -> ExitCode {
    let versions =
        read(&request.base).and_then(|(base, _)| Ok((base, read(&request.ours)?, read(&request.theirs)?.0)));
    let (base, (ours, read_ours), theirs) = match versions {
        Ok(versions) => versions,
        Err(code) => return code,
    };
    let merged = merge_maps(&base, &ours, &theirs);
    let bytes = format::encode(&merged);
    let target = request.output.as_deref().unwrap_or(&request.ours);
    // Git merges into a temporary file of its own: its name says nothing to the user.
    let temporary = target
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with(".merge_file_"));
    let shown = if temporary {
        "the merged map".to_owned()
    } else {
        clean_line(&target.display().to_string()).into_owned()
    };
    let written = match &request.output {
        Some(out) => write_output(out, &bytes, request.force, None).map_err(|e| e.to_string()),
        None => write_into_ours(&request.ours, bytes, read_ours),
    };
    if let Err(error) = written {
        eprintln!("cxmap merge: {shown} was not written: {}", clean_line(&error));
        return ExitCode::from(TROUBLE);
    }
    let conflicts = conflict::all(&merged);
    if conflicts.is_empty() {
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "cxmap merge: {} conflict{} kept in {shown}:",
        conflicts.len(),
        if conflicts.len() == 1 { "" } else { "s" }
    );
    for conflict in &conflicts {
        eprintln!("  {}", clean_line(&conflict.describe()));
    }
    eprintln!(
        "cxmap merge: open the map in cxmap to choose ours or theirs for each (cxmap check lists where)"
    );
    ExitCode::from(1)
}
