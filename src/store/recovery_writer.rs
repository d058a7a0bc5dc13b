//! Writes recovery copies on a thread of its own, so no keystroke waits for the disk or
//! for the map's encoding. Jobs run in the order sent: a copy written before a save is
//! removed after it. Every failure is reported back, and a copy is named only once it is
//! on disk.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use super::recovery;
use crate::model::{Edit, JourneyMap};

/// Unsaved work: the map of `map_path`, and what is typed but not kept.
pub struct Unsaved {
    pub map_path: PathBuf,
    pub map: Arc<JourneyMap>,
    pub typed: Option<Edit>,
}

/// Where a written copy is, or why there is none.
pub type Written = Result<PathBuf, String>;

enum Job {
    Write {
        map_path: PathBuf,
        map: Arc<JourneyMap>,
        /// What is typed but not kept, applied to the copy.
        typed: Option<Box<Edit>>,
        written: String,
        /// A kept copy (a file of its own) rather than the map's rolling copy.
        kept: bool,
        /// Told where the copy went, for callers that wait for it.
        reply: Option<Sender<Written>>,
    },
    /// Removes the map's rolling copy.
    Remove { map_path: PathBuf },
    /// Answers once every job sent before it is done.
    Flush(Sender<()>),
}

/// The handle the program keeps: send jobs, read back failures.
pub struct RecoveryWriter {
    jobs: Sender<Job>,
    failures: Receiver<String>,
    /// Jobs sent and not finished yet.
    pending: Arc<AtomicUsize>,
}

/// Why a copy was not written, naming the folder it was for (never a file that is not
/// there).
fn failed(error: &super::SaveError) -> String {
    match error.path.parent() {
        Some(folder) => format!("{} (in {})", error.reason, folder.display()),
        None => error.reason.clone(),
    }
}

impl RecoveryWriter {
    /// Starts the writer for copies kept under `data_dir`.
    pub fn start(data_dir: PathBuf) -> Self {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (report, failures) = mpsc::channel();
        let pending = Arc::new(AtomicUsize::new(0));
        let done = Arc::clone(&pending);
        std::thread::spawn(move || {
            for job in inbox {
                match job {
                    Job::Write {
                        map_path,
                        map,
                        typed,
                        written,
                        kept,
                        reply,
                    } => {
                        let bytes = match typed {
                            Some(edit) => {
                                let mut with_typing = JourneyMap::clone(&map);
                                drop(map);
                                // An edit that no longer fits leaves the copy as the map is.
                                let _ = edit.apply(&mut with_typing);
                                recovery::contents(&map_path, &with_typing, &written)
                            }
                            None => recovery::contents(&map_path, &map, &written),
                        };
                        let result = if kept {
                            recovery::keep(&data_dir, &map_path, &bytes)
                        } else {
                            recovery::write(&data_dir, &map_path, &bytes)
                        }
                        .map_err(|error| failed(&error));
                        match (reply, result) {
                            (Some(reply), result) => {
                                let _ = reply.send(result);
                            }
                            (None, Err(error)) => {
                                let _ = report.send(error);
                            }
                            (None, Ok(_)) => {}
                        }
                    }
                    Job::Remove { map_path } => recovery::remove(&data_dir, &map_path),
                    Job::Flush(answer) => {
                        let _ = answer.send(());
                    }
                }
                done.fetch_sub(1, Ordering::Release);
            }
        });
        Self {
            jobs,
            failures,
            pending,
        }
    }

    fn send(&self, job: Job) -> bool {
        self.pending.fetch_add(1, Ordering::Acquire);
        let sent = self.jobs.send(job).is_ok();
        if !sent {
            self.pending.fetch_sub(1, Ordering::Release);
        }
        sent
    }

    /// Queues the rolling recovery copy of `unsaved` as it was at `written` (RFC 3339).
    /// The copy is made and encoded on the writer's thread, which lets go of the map as
    /// soon as it can. False when the writer is gone (a bug stopped it).
    pub fn write(&self, unsaved: Unsaved, written: String) -> bool {
        let Unsaved { map_path, map, typed } = unsaved;
        self.send(Job::Write {
            map_path,
            map,
            typed: typed.map(Box::new),
            written,
            kept: false,
            reply: None,
        })
    }

    /// Writes a copy now and waits (at most `limit`) until it is on disk: where it is, or
    /// why there is none. `kept` makes it a copy of its own that no later copy replaces.
    pub fn write_now(&self, unsaved: Unsaved, written: String, kept: bool, limit: Duration) -> Written {
        let (reply, answer) = mpsc::channel();
        let Unsaved { map_path, map, typed } = unsaved;
        let job = Job::Write {
            map_path,
            map,
            typed: typed.map(Box::new),
            written,
            kept,
            reply: Some(reply),
        };
        if !self.send(job) {
            return Err("the copy writer stopped because of a bug".to_owned());
        }
        match answer.recv_timeout(limit) {
            Ok(result) => result,
            Err(_) => Err(format!(
                "the disk did not take it within {} ms",
                limit.as_millis()
            )),
        }
    }

    /// Queues the removal of `map_path`'s rolling recovery copy.
    pub fn remove(&self, map_path: PathBuf) {
        self.send(Job::Remove { map_path });
    }

    /// Waits (at most `limit`) until every queued job is done.
    pub fn flush(&self, limit: Duration) -> bool {
        let (done, wait) = mpsc::channel();
        self.send(Job::Flush(done)) && wait.recv_timeout(limit).is_ok()
    }

    /// Whether jobs are still running (their failures may be on the way).
    pub fn busy(&self) -> bool {
        self.pending.load(Ordering::Acquire) > 0
    }

    /// A failure to report, if one happened.
    pub fn failure(&self) -> Option<String> {
        self.failures.try_recv().ok()
    }
}
