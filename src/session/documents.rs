//! Documents the session writes for the program: text as it is, and the friction memo
//! rendered once its evidence files are looked up beside the map (pictures read for the
//! HTML and the PDF, links made from the folder the memo goes to).

use std::path::{Path, PathBuf};

use crate::app::documents::{Content, Delivery};
use crate::store::{LinkFrom, look_up_evidence};

/// The bytes to write for `delivery`, and how many of the memo's evidence files were not
/// found. `map_folder` is the open map's folder.
pub(super) fn contents(delivery: &Delivery, map_folder: Option<&Path>) -> (Vec<u8>, usize) {
    match &delivery.content {
        Content::Text(text) => (text.clone().into_bytes(), 0),
        Content::Memo { memo, format } => {
            let out = match delivery.path.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let folder = map_folder.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
            let lookup = look_up_evidence(memo, &folder, &LinkFrom::Folder(out), format.is_paged());
            let missing = lookup.files.missing(memo).len();
            (format.render(memo, &lookup.files), missing)
        }
    }
}
