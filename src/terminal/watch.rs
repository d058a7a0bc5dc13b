//! Waiting for input without trusting crossterm with a dead terminal: crossterm 0.29
//! spins forever reading end-of-file once its tty closes, so the loop first waits here
//! (on the tty and a signal pipe) and calls crossterm only when there is input.

use std::fs::File;
use std::io::{self, IsTerminal, Read};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use mio::unix::SourceFd;
use mio::{Events, Interest, Poll, Token};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};

const TTY: Token = Token(0);
const SIGNALS: Token = Token(1);

/// The signals that end the program (with a recovery copy of unsaved work).
pub const STOP_SIGNALS: [i32; 3] = [SIGHUP, SIGTERM, SIGINT];
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
    /// The terminal hung up: there is no one left to read from.
    HangUp,
}

/// Waits on the terminal and the signals.
pub struct Watch {
    poll: Poll,
    events: Events,
    signal_pipe: UnixStream,
    stop: Arc<AtomicUsize>,
    /// `/dev/tty`, opened when standard input is not the terminal (as crossterm does).
    _tty: Option<File>,
}

impl Watch {
    /// Starts watching: registers the signal handlers and the watchdog.
    pub fn start() -> io::Result<Self> {
        let stop = Arc::new(AtomicUsize::new(0));
        for number in STOP_SIGNALS {
            signal_hook::flag::register_usize(number, Arc::clone(&stop), number as usize)?;
        }
        let (signal_pipe, writer) = UnixStream::pair()?;
        signal_pipe.set_nonblocking(true)?;
        for number in STOP_SIGNALS.into_iter().chain([SIGWINCH]) {
            signal_hook::low_level::pipe::register(number, writer.try_clone()?)?;
        }
        let tty = if io::stdin().is_terminal() {
            None
        } else {
            Some(File::open("/dev/tty")?)
        };
        let tty_fd: RawFd = tty
            .as_ref()
            .map_or_else(|| io::stdin().as_raw_fd(), AsRawFd::as_raw_fd);
        let poll = Poll::new()?;
        poll.registry()
            .register(&mut SourceFd(&tty_fd), TTY, Interest::READABLE)?;
        poll.registry().register(
            &mut SourceFd(&signal_pipe.as_raw_fd()),
            SIGNALS,
            Interest::READABLE,
        )?;
        start_watchdog(Arc::clone(&stop));
        Ok(Self {
            poll,
            events: Events::with_capacity(4),
            signal_pipe,
            stop,
            _tty: tty,
        })
    }

    /// The stop signal that arrived, if one did.
    pub fn stop_signal(&self) -> Option<i32> {
        match self.stop.load(Ordering::Relaxed) {
            0 => None,
            number => i32::try_from(number).ok(),
        }
    }

    /// Waits at most `timeout` for input, a signal or the terminal going away.
    pub fn wait(&mut self, timeout: Duration) -> io::Result<Wake> {
        if let Some(number) = self.stop_signal() {
            return Ok(Wake::Stop(number));
        }
        match self.poll.poll(&mut self.events, Some(timeout)) {
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
            Ok(()) => {}
        }
        let mut wake = Wake::Timeout;
        for event in &self.events {
            match event.token() {
                TTY if event.is_read_closed() || event.is_error() => return Ok(Wake::HangUp),
                TTY => wake = Wake::Input,
                _ => {
                    let mut drain = [0u8; 64];
                    while matches!((&self.signal_pipe).read(&mut drain), Ok(n) if n > 0) {}
                    wake = Wake::Input;
                }
            }
        }
        Ok(self.stop_signal().map_or(wake, Wake::Stop))
    }
}

/// Ends the process if it has not stopped on its own shortly after a stop signal (a
/// last resort should the loop ever be stuck where it cannot see the signal).
fn start_watchdog(stop: Arc<AtomicUsize>) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(100));
            let number = stop.load(Ordering::Relaxed);
            if number != 0 {
                std::thread::sleep(WATCHDOG_GRACE);
                std::process::exit(128 + i32::try_from(number).unwrap_or(15));
            }
        }
    });
}
