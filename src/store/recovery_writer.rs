//! Writes recovery copies on a thread of its own, so no keystroke waits for the disk or
//! for the map's encoding. Jobs run in the order sent: a copy written before a save is
//! removed after it.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use super::recovery;
use crate::model::JourneyMap;

enum Job {
    Write {
        map_path: PathBuf,
        map: Arc<JourneyMap>,
        written: String,
    },
    Remove {
        map_path: PathBuf,
    },
    /// Answers once every job sent before it is done.
    Flush(Sender<()>),
}

/// The handle the program keeps: send jobs, read back failures.
pub struct RecoveryWriter {
    jobs: Sender<Job>,
    failures: Receiver<String>,
}

impl RecoveryWriter {
    /// Starts the writer for copies kept under `data_dir`.
    pub fn start(data_dir: PathBuf) -> Self {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (report, failures) = mpsc::channel();
        std::thread::spawn(move || {
            for job in inbox {
                match job {
                    Job::Write {
                        map_path,
                        map,
                        written,
                    } => {
                        let bytes = recovery::contents(&map_path, &map, &written);
                        drop(map);
                        if let Err(error) = recovery::write(&data_dir, &map_path, &bytes) {
                            let _ = report.send(format!("No recovery copy: {error}"));
                        }
                    }
                    Job::Remove { map_path } => recovery::remove(&data_dir, &map_path),
                    Job::Flush(done) => {
                        let _ = done.send(());
                    }
                }
            }
        });
        Self { jobs, failures }
    }

    /// Queues a recovery copy of `map`, the unsaved work on `map_path`, as it was at
    /// `written` (RFC 3339). The copy is encoded on the writer's thread, which lets go of
    /// the map as soon as it is encoded.
    pub fn write(&self, map_path: PathBuf, map: Arc<JourneyMap>, written: String) {
        let _ = self.jobs.send(Job::Write {
            map_path,
            map,
            written,
        });
    }

    /// Queues the removal of `map_path`'s recovery copy.
    pub fn remove(&self, map_path: PathBuf) {
        let _ = self.jobs.send(Job::Remove { map_path });
    }

    /// Waits (at most `limit`) until every queued job is on disk.
    pub fn flush(&self, limit: Duration) -> bool {
        let (done, wait) = mpsc::channel();
        self.jobs.send(Job::Flush(done)).is_ok() && wait.recv_timeout(limit).is_ok()
    }

    /// A failure to report, if one happened.
    pub fn failure(&self) -> Option<String> {
        self.failures.try_recv().ok()
    }
}
