//! Waiting for input, a stop signal or the terminal going away, one way per platform:
//! `unix.rs` waits on the tty and a signal pipe itself (crossterm 0.29 spins forever
//! reading end-of-file once its tty closes); `windows.rs` waits with crossterm's poll.

#[cfg(unix)]
mod unix;
#[cfg(windows)]
mod windows;

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

#[cfg(unix)]
pub use unix::Watch;
#[cfg(windows)]
pub use windows::Watch;

/// The signals that end the program (with a recovery copy of unsaved work).
#[cfg(unix)]
const STOP_SIGNALS: [i32; 3] = [
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGINT,
];
/// The signals that end the program (with a recovery copy of unsaved work); closing the
/// console window ends the process without one.
#[cfg(windows)]
const STOP_SIGNALS: [i32; 2] = [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT];

/// How long after a stop signal the watchdog ends a program that is stuck.
const WATCHDOG_GRACE: Duration = Duration::from_millis(900);

/// What waiting found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// Input (or a resize) for crossterm to read.
    Input,
    /// Nothing happened before the timeout.
    Timeout,
    /// A stop signal arrived (its number).
    Stop(i32),
    /// The shell asked the program to stop for now (SIGTSTP): give the terminal back,
    /// stop, and take it again when continued.
    #[cfg_attr(windows, expect(dead_code, reason = "Windows has no job control"))]
    Suspend,
    /// The terminal hung up: there is no one left to read from.
    #[cfg_attr(
        windows,
        expect(dead_code, reason = "a closed console ends the process on Windows")
    )]
    HangUp,
}

/// The number of the stop signal that arrived, kept by the handlers of every platform,
/// and whether the terminal is handed to another program just now.
#[derive(Debug, Clone, Default)]
struct StopFlag {
    signal: Arc<AtomicUsize>,
    away: Arc<AtomicBool>,
}

impl StopFlag {
    /// Registers the handlers of [`STOP_SIGNALS`] and the watchdog.
    fn register() -> io::Result<Self> {
        let flag = Self::default();
        for number in STOP_SIGNALS {
            signal_hook::flag::register_usize(number, Arc::clone(&flag.signal), number as usize)?;
        }
        start_watchdog(flag.clone());
        Ok(flag)
    }

    /// The stop signal that arrived, if one did.
    fn signal(&self) -> Option<i32> {
        match self.signal.load(Ordering::Relaxed) {
            0 => None,
            number => i32::try_from(number).ok(),
        }
    }

    /// Runs `other`, a program the terminal is handed to (the user's editor). The
    /// watchdog waits meanwhile, and a Ctrl-C typed there was for that program, not a
    /// request to stop cxmap; other stop signals are acted on once it is back.
    fn while_away<T>(&self, other: impl FnOnce() -> T) -> T {
        self.away.store(true, Ordering::Relaxed);
        let result = other();
        let interrupt = signal_hook::consts::SIGINT as usize;
        let _ = self
            .signal
            .compare_exchange(interrupt, 0, Ordering::Relaxed, Ordering::Relaxed);
        self.away.store(false, Ordering::Relaxed);
        result
    }
}

/// Ends the process if it has not stopped on its own shortly after a stop signal (a
/// last resort should the loop ever be stuck where it cannot see the signal), unless
/// the terminal is handed to another program, which may take its time.
fn start_watchdog(stop: StopFlag) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(100));
            let number = stop.signal.load(Ordering::Relaxed);
            if number != 0 && !stop.away.load(Ordering::Relaxed) {
                std::thread::sleep(WATCHDOG_GRACE);
                std::process::exit(128 + i32::try_from(number).unwrap_or(15));
            }
        }
    });
}
