//! Files on disk: reading maps within limits, saving them atomically, and the folders
//! where cxmap keeps maps and settings.

mod catalog;
mod dirs;
mod evidence;
mod fingerprint;
mod listing;
mod load;
mod lock;
mod map_save;
mod memo_files;
pub mod opener;
mod output;
pub mod recovery;
mod recovery_writer;
mod save;
pub mod settings;

pub use catalog::{MapSummary, list_maps, map_file_name, new_map_path, title_from_path};
pub use dirs::{config_dir, data_dir};
pub use evidence::{copy_beside, evidence_missing, place_evidence};
pub use fingerprint::Fingerprint;
pub use listing::{ListedDir, list_folder};
pub use load::{LoadError, Loaded, load, max_file_bytes, parse_loaded, read_limited};
pub use lock::{LockHolder, MapLock, real_path};
pub use map_save::{Expect, MapSave, SaveRefused, save_checked};
pub use memo_files::{LinkFrom, Lookup, copy_bundle_evidence, look_up_evidence, relative};
pub use output::{OutputError, write_output};
pub use recovery_writer::{RecoveryWriter, Unsaved};
pub use save::{SaveError, not_regular, save_map, write_atomic};

/// Describes an I/O error in the words a user needs.
pub fn describe_io(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "the file or its folder does not exist".to_owned(),
        ErrorKind::PermissionDenied => "permission denied".to_owned(),
        ErrorKind::IsADirectory => "it is a folder, not a file".to_owned(),
        ErrorKind::NotADirectory => "a part of the path is a file, not a folder".to_owned(),
        ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_owned(),
        ErrorKind::StorageFull => "the disk is full".to_owned(),
        ErrorKind::QuotaExceeded => "the disk quota is exceeded".to_owned(),
        _ => error.to_string(),
    }
}
