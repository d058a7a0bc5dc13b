//! The memo preview's layout, made off the input thread: the loop starts a worker when
//! the open preview wants one and takes the layout in when it is made, so keys typed
//! meanwhile are read at once (a large map's memo takes a few hundred milliseconds).

use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

use crate::app::App;
use crate::app::documents::{LayoutFor, MemoLayout};

/// How soon the loop looks again while a layout is being made (a small map's takes a few
/// milliseconds).
const LAYOUT_POLL: Duration = Duration::from_millis(2);

/// The layout being made on its worker, and the last one whose worker failed.
#[derive(Default)]
pub(super) struct MemoLayouts {
    running: Option<(LayoutFor, Receiver<MemoLayout>)>,
    failed: Option<LayoutFor>,
}

impl MemoLayouts {
    /// Starts making the layout the app waits for, unless one is being made (or the
    /// same one failed); how soon the loop should look again, while one is.
    pub(super) fn start(&mut self, app: &App) -> Option<Duration> {
        if self.running.is_none()
            && let Some(request) = app.memo_layout_wanted()
            && self.failed != Some(request.made_for())
        {
            let made_for = request.made_for();
            let (made, done) = mpsc::channel();
            std::thread::spawn(move || {
                let _ = made.send(request.lay_out());
            });
            self.running = Some((made_for, done));
        }
        self.running.is_some().then_some(LAYOUT_POLL)
    }

    /// Takes in a layout that was made (or says its worker failed); whether the screen
    /// changed.
    pub(super) fn collect(&mut self, app: &mut App) -> bool {
        let Some((made_for, done)) = &self.running else {
            return false;
        };
        let layout = match done.try_recv() {
            Ok(layout) => layout,
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => {
                self.failed = Some(*made_for);
                self.running = None;
                app.warn("The memo could not be laid out (a bug in cxmap); the map is unharmed");
                return true;
            }
        };
        self.running = None;
        app.memo_laid_out(layout);
        true
    }
}
