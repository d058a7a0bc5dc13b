//! Reading a map file: size limit first, then the format's checks; a refused file is
//! described by name, line and column and left untouched.

use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::describe_io;
use super::fingerprint::{ContentHash, Fingerprint, HashingReader};
use crate::format::{self, Diagnostic};
use crate::model::{IdGen, JourneyMap};

/// Files larger than this are refused unless `CXMAP_MAX_FILE_MB` says otherwise.
const DEFAULT_MAX_FILE_MB: u64 = 64;

/// The largest map file cxmap opens, in bytes.
pub fn max_file_bytes() -> u64 {
    let mb = std::env::var("CXMAP_MAX_FILE_MB")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(DEFAULT_MAX_FILE_MB);
    mb.saturating_mul(1024 * 1024)
}

/// A map read from disk, with the warnings found on the way.
#[derive(Debug)]
pub struct Loaded {
    pub map: JourneyMap,
    pub warnings: Vec<Diagnostic>,
    /// What the file held, for telling later whether someone else changed it.
    pub fingerprint: Fingerprint,
}

/// Why a file could not be opened as a map.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read at all (missing, no permission, a folder).
    Unreadable { path: PathBuf, reason: String },
    /// The file is larger than [`max_file_bytes`].
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    /// The file was read but is not a valid format-1 map.
    Invalid {
        path: PathBuf,
        diagnostics: Vec<Diagnostic>,
    },
}

impl LoadError {
    /// True when the file could not be read at all (exit status 2 for `cxmap check`).
    pub fn is_unreadable(&self) -> bool {
        !matches!(self, LoadError::Invalid { .. })
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Unreadable { path, reason } => {
                write!(f, "{}: cannot read: {reason}", path.display())
            }
            LoadError::TooLarge { path, size, limit } => write!(
                f,
                "{}: the file is {} MiB, more than the {} MiB cxmap opens (set CXMAP_MAX_FILE_MB to raise the limit)",
                path.display(),
                size.div_ceil(1024 * 1024),
                limit / (1024 * 1024)
            ),
            LoadError::Invalid { path, diagnostics } => {
                for (i, diagnostic) in diagnostics.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{}:{diagnostic}", path.display())?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Opens a map file for reading: a regular file within the size limit.
fn open_limited(path: &Path) -> Result<(File, u64), LoadError> {
    let unreadable = |error: std::io::Error| LoadError::Unreadable {
        path: path.to_path_buf(),
        reason: describe_io(&error),
    };
    // Looked at before opening: opening a FIFO would wait for a writer forever.
    let not_a_file = |metadata: &std::fs::Metadata| {
        super::not_regular(metadata).map(|reason| LoadError::Unreadable {
            path: path.to_path_buf(),
            reason: reason.to_owned(),
        })
    };
    if let Some(refusal) = std::fs::metadata(path).ok().as_ref().and_then(not_a_file) {
        return Err(refusal);
    }
    let file = File::open(path).map_err(unreadable)?;
    let metadata = file.metadata().map_err(unreadable)?;
    if let Some(refusal) = not_a_file(&metadata) {
        return Err(refusal);
    }
    let limit = max_file_bytes();
    if metadata.len() > limit {
        return Err(too_large(path, metadata.len(), limit));
    }
    Ok((file, metadata.len()))
}

fn too_large(path: &Path, size: u64, limit: u64) -> LoadError {
    LoadError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit,
    }
}

/// Reads the bytes of a map file, refusing files over the size limit.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    let (file, size) = open_limited(path)?;
    let limit = max_file_bytes();
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // Read one byte past the limit so a file that grew after the size check is caught.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| LoadError::Unreadable {
            path: path.to_path_buf(),
            reason: describe_io(&error),
        })?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, bytes.len() as u64, limit));
    }
    Ok(bytes)
}

/// Reads and checks a map file in one pass, a piece at a time (the file is never held
/// whole), with its fingerprint. Items without ids get fresh ones (saved next time).
pub fn load(path: &Path, ids: &mut IdGen) -> Result<Loaded, LoadError> {
    let (file, _) = open_limited(path)?;
    let limit = max_file_bytes();
    // One byte past the limit, so a file that grew after the size check is caught.
    let mut reader = HashingReader {
        inner: file.take(limit + 1),
        hash: ContentHash::default(),
    };
    let read = format::read(&mut reader).map_err(|error| LoadError::Unreadable {
        path: path.to_path_buf(),
        reason: describe_io(&error),
    })?;
    let fingerprint = reader.hash.finish();
    if fingerprint.size > limit {
        return Err(too_large(path, fingerprint.size, limit));
    }
    loaded(path, read, ids, fingerprint)
}

/// Checks the bytes read from `path` as a map.
pub fn parse_loaded(path: &Path, bytes: &[u8], ids: &mut IdGen) -> Result<Loaded, LoadError> {
    loaded(path, format::parse_bytes(bytes), ids, Fingerprint::of(bytes))
}

fn loaded(
    path: &Path,
    read: Result<format::Parsed, Vec<Diagnostic>>,
    ids: &mut IdGen,
    fingerprint: Fingerprint,
) -> Result<Loaded, LoadError> {
    match read {
        Ok(parsed) => {
            let mut map = parsed.map;
            format::fill_missing_ids(&mut map, ids);
            Ok(Loaded {
                map,
                warnings: parsed.warnings,
                fingerprint,
            })
        }
        Err(diagnostics) => Err(LoadError::Invalid {
            path: path.to_path_buf(),
            diagnostics,
        }),
    }
}
