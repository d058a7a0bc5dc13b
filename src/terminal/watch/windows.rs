//! Waiting on Windows: crossterm reads the console's events itself and a console that
//! closes ends the process, so waiting is crossterm's poll, in short steps so that a
//! stop signal is seen within a tenth of a second.

use std::io;
use std::time::{Duration, Instant};

use super::{StopFlag, Wake};

/// The longest single wait, so a stop signal is never kept waiting for the timeout.
const STEP: Duration = Duration::from_millis(100);

/// Waits on the console and the stop signals.
pub struct Watch {
    stop: StopFlag,
}

impl Watch {
    /// Starts watching: registers the signal handlers and the watchdog.
    pub fn start() -> io::Result<Self> {
        Ok(Self {
            stop: StopFlag::register()?,
        })
    }

    /// Waits at most `timeout` for input or a stop signal.
    pub fn wait(&mut self, timeout: Duration) -> io::Result<Wake> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(number) = self.stop.signal() {
                return Ok(Wake::Stop(number));
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Ok(Wake::Timeout);
            }
            if crossterm::event::poll(left.min(STEP))? {
                return Ok(Wake::Input);
            }
        }
    }

    /// Windows has no job control: nothing stops the program while another has the
    /// console.
    pub fn stop_along(&self) {}

    /// Runs `other` with the terminal handed to it (see [`StopFlag::while_away`]).
    pub fn hand_over<T>(&self, other: impl FnOnce() -> T) -> T {
        self.stop.while_away(other)
    }
}
