//! Waiting on Unix: mio polls the tty (or `/dev/tty` when standard input is not the
//! terminal, as crossterm does) and a pipe the signal handlers write to.

use std::fs::File;
use std::io::{self, IsTerminal, Read};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::time::Duration;

use mio::unix::SourceFd;
use mio::{Events, Interest, Poll, Token};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use signal_hook::consts::{SIGSTOP, SIGTSTP, SIGWINCH};

use super::{STOP_SIGNALS, StopFlag, Wake};

const TTY: Token = Token(0);
const SIGNALS: Token = Token(1);

/// Waits on the terminal and the signals.
pub struct Watch {
    poll: Poll,
    events: Events,
    signal_pipe: UnixStream,
    stop: StopFlag,
    /// Set when SIGTSTP arrives, until the loop suspends.
    suspend: Arc<AtomicBool>,
    /// `/dev/tty`, opened when standard input is not the terminal.
    _tty: Option<File>,
}

impl Watch {
    /// Starts watching: registers the signal handlers and the watchdog.
    pub fn start() -> io::Result<Self> {
        let stop = StopFlag::register()?;
        let (signal_pipe, writer) = UnixStream::pair()?;
        signal_pipe.set_nonblocking(true)?;
        for number in STOP_SIGNALS.into_iter().chain([SIGWINCH, SIGTSTP]) {
            signal_hook::low_level::pipe::register(number, writer.try_clone()?)?;
        }
        let suspend = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(SIGTSTP, Arc::clone(&suspend))?;
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
        Ok(Self {
            poll,
            events: Events::with_capacity(4),
            signal_pipe,
            stop,
            suspend,
            _tty: tty,
        })
    }

    /// Waits at most `timeout` for input, a signal or the terminal going away.
    pub fn wait(&mut self, timeout: Duration) -> io::Result<Wake> {
        if let Some(number) = self.stop.signal() {
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
        if self.suspend.swap(false, Ordering::Relaxed) {
            wake = Wake::Suspend;
        }
        Ok(self.stop.signal().map_or(wake, Wake::Stop))
    }

    /// While the terminal is handed to another program: a SIGTSTP (an editor such as vim
    /// suspends with Ctrl-Z by sending it to the whole process group) stops cxmap as well,
    /// so the shell sees the job stopped and gets the terminal back; `fg` continues both.
    pub fn stop_along(&self) {
        if self.suspend.swap(false, Ordering::Relaxed) {
            let _ = signal_hook::low_level::raise(SIGSTOP);
        }
    }

    /// Runs `other` with the terminal handed to it (see [`StopFlag::while_away`]). A
    /// Ctrl-Z typed there was for that program, so it does not suspend cxmap after.
    pub fn hand_over<T>(&self, other: impl FnOnce() -> T) -> T {
        let result = self.stop.while_away(other);
        self.suspend.store(false, Ordering::Relaxed);
        result
    }
}
