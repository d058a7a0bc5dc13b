//! Keeps the open map's folder listing fresh, off the key loop: a thread walks the folder
//! (when a map opens, when completing a path asks for it, and every few seconds) and the
//! app takes the listing in when it is ready, so a slow network folder delays the
//! evidence marks, never a key.

use std::path::PathBuf;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::app::folder::FolderListing;
use crate::app::{App, update};
use crate::store::{ListedDir, list_folder};

/// How old a listing may grow before the folder is walked again.
const FRESH_FOR: Duration = Duration::from_secs(5);
/// How soon to look again while a walk runs.
const POLL: Duration = Duration::from_millis(15);

/// The walk under way and the last one taken in.
#[derive(Default)]
pub struct Lookout {
    walking: Option<(PathBuf, JoinHandle<Vec<ListedDir>>)>,
    /// The folder last taken in, and when its walk started.
    listed: Option<(PathBuf, Instant)>,
}

impl Lookout {
    /// Takes in a finished walk, starts one when the listing is missing or old; returns
    /// how long the loop may wait before calling again.
    pub fn tick(&mut self, app: &mut App, now: Instant) -> Duration {
        if self.walking.as_ref().is_some_and(|(_, walk)| walk.is_finished())
            && let Some((folder, walk)) = self.walking.take()
        {
            // A walk that panicked leaves the old listing; the next tick walks again.
            if let Ok(dirs) = walk.join()
                && app.doc().is_some_and(|doc| doc.folder() == folder)
            {
                app.folder.replace(FolderListing::of(dirs));
                update::refresh(app);
            }
        }
        let Some(folder) = app.doc().map(|doc| doc.folder().to_path_buf()) else {
            return Duration::MAX;
        };
        if self.walking.is_some() {
            return POLL;
        }
        let due = match &self.listed {
            Some((listed, at)) if *listed == folder && app.folder.is_known() => *at + FRESH_FOR,
            _ => now,
        };
        let wanted = app.folder.take_wanted();
        if now < due && !wanted {
            return due - now;
        }
        let walked = folder.clone();
        match std::thread::Builder::new()
            .name("cxmap-lookout".into())
            .spawn(move || list_folder(&walked))
        {
            Ok(walk) => {
                self.walking = Some((folder.clone(), walk));
                self.listed = Some((folder, now));
                POLL
            }
            // No thread to spare: the marks wait, and so does the next try.
            Err(_) => FRESH_FOR,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::document::Document;
    use crate::assets::EXAMPLES;
    use crate::model::IdGen;

    #[test]
    fn the_listing_arrives_and_marks_what_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("evidence")).unwrap();
        std::fs::write(dir.path().join("evidence/lid-spill.jpg"), b"jpg").unwrap();
        let map = EXAMPLES[0].map().unwrap();
        let doc = Document::opened(map, dir.path().join("coffee.json"));
        let mut app = App::with_document(doc, IdGen::seeded(1));
        let mut lookout = Lookout::default();
        let start = Instant::now();
        while !app.folder.is_known() {
            assert!(start.elapsed() < Duration::from_secs(10), "no listing came");
            let wait = lookout.tick(&mut app, Instant::now());
            std::thread::sleep(wait.min(POLL));
        }
        assert!(!app.folder.missing("evidence/lid-spill.jpg"));
        assert!(app.folder.missing("evidence/benches-full.jpg"));
        let version = app.folder.version();
        assert!(
            lookout.tick(&mut app, Instant::now()) > POLL,
            "a fresh listing is not walked again at once"
        );
        app.folder.want_fresh();
        assert_eq!(lookout.tick(&mut app, Instant::now()), POLL, "unless asked");
        while app.folder.version() == version {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "no second listing came"
            );
            std::thread::sleep(POLL);
            lookout.tick(&mut app, Instant::now());
        }
    }
}
