//! Shared test support: a pseudo-terminal that runs the built `cxmap` binary and reads
//! its screen back through a VT parser, in a temporary folder of its own.

#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long a test waits for the screen to show something before failing.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// Keys as a terminal sends them.
pub mod keys {
    pub const ENTER: &str = "\r";
    pub const ESC: &str = "\x1b";
    pub const CTRL_S: &str = "\x13";
    pub const DOWN: &str = "\x1b[B";
    pub const RIGHT: &str = "\x1b[C";
    pub const END: &str = "\x1b[F";
    pub const TAB: &str = "\t";
    pub const CTRL_U: &str = "\x15";
    pub const CTRL_T: &str = "\x14";
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("terminal sizes are not zero")
}

/// A running cxmap in a pseudo-terminal.
pub struct Tui {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
}

/// A temporary home for one test: its own data and config folders.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn data_dir(&self) -> PathBuf {
        self.path("data")
    }

    /// The recovery copy cxmap keeps of the map at `map`.
    pub fn recovery_copy(&self, map: &Path) -> PathBuf {
        cxmap::store::recovery::copy_path(&self.data_dir(), map)
    }

    /// Waits until `path` exists.
    pub fn wait_for_file(&self, path: &Path) {
        let start = Instant::now();
        while !path.exists() {
            assert!(start.elapsed() < PATIENCE, "{} never appeared", path.display());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Copies a bundled example into the sandbox and returns its path.
    pub fn example(&self, name: &str) -> PathBuf {
        let path = self.path(&format!("{name}.json"));
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("assets/examples/{name}.json")),
            &path,
        )
        .unwrap();
        path
    }

    /// Runs `cxmap ARGS` in a terminal of `cols` × `rows`.
    pub fn spawn(&self, args: &[&str], cols: u16, rows: u16) -> Tui {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_cxmap"));
        command.args(args);
        self.spawn_command(command, cols, rows)
    }

    /// Runs `command` (which runs cxmap somehow) in a terminal, with the sandbox's folders.
    pub fn spawn_command(&self, command: CommandBuilder, cols: u16, rows: u16) -> Tui {
        self.spawn_in(command, (cols, rows), (cols, rows))
    }

    /// Runs `cxmap ARGS` in a terminal that reports `window` (columns, rows) as its size,
    /// while the test reads back only the top-left `screen` of it.
    pub fn spawn_window(&self, args: &[&str], window: (u16, u16), screen: (u16, u16)) -> Tui {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_cxmap"));
        command.args(args);
        self.spawn_in(command, window, screen)
    }

    fn spawn_in(&self, mut command: CommandBuilder, window: (u16, u16), screen: (u16, u16)) -> Tui {
        let (cols, rows) = window;
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        command.cwd(self.dir.path());
        command.env("TERM", "xterm-256color");
        command.env("CXMAP_DATA_DIR", self.data_dir());
        command.env("CXMAP_CONFIG_DIR", self.path("config"));
        command.env("HOME", self.dir.path());
        let child = pair.slave.spawn_command(command).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(screen.1),
            nonzero(screen.0),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (feed, record) = (Arc::clone(&parser), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                record.lock().unwrap().extend_from_slice(&buffer[..n]);
                feed.lock().unwrap().process(&buffer[..n]);
            }
        });
        Tui {
            master: pair.master,
            writer,
            child,
            parser,
            raw,
        }
    }
}

impl Tui {
    /// The screen's text, row by row.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Where `text` first shows on screen: its column and row, counted from 1 as mouse
    /// reports count them.
    pub fn position_of(&self, text: &str) -> Option<(u16, u16)> {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let (rows, cols) = (u16::from(rows), u16::from(cols));
        for row in 0..rows {
            // Each cell's text (a cell never written is a space), wide characters once.
            let cells: Vec<(u16, String)> = (0..cols)
                .filter_map(|col| Some((col, screen.cell(row, col)?)))
                .filter(|(_, cell)| !cell.is_wide_continuation())
                .map(|(col, cell)| match cell.contents() {
                    "" => (col, " ".to_owned()),
                    text => (col, text.to_owned()),
                })
                .collect();
            for start in 0..cells.len() {
                let joined: String = cells[start..]
                    .iter()
                    .map(|(_, t)| t.as_str())
                    .take(text.chars().count())
                    .collect();
                if joined == text {
                    return Some((cells[start].0 + 1, row + 1));
                }
            }
        }
        None
    }

    /// Presses and releases the left button where `text` shows (SGR 1006 reports, as a
    /// terminal sends them once the program asked for the mouse).
    pub fn click_on(&mut self, text: &str) {
        let (col, row) = self.wait_for_position(text);
        self.write(&format!("\x1b[<0;{col};{row}M\x1b[<0;{col};{row}m"));
    }

    /// Turns the wheel one step down where `text` shows.
    pub fn wheel_down_on(&mut self, text: &str) {
        let (col, row) = self.wait_for_position(text);
        self.write(&format!("\x1b[<65;{col};{row}M"));
    }

    /// Where `text` shows, once it does: a frame may still be on its way (the screen
    /// read half drawn), so this waits rather than looking once.
    fn wait_for_position(&self, text: &str) -> (u16, u16) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(position) = self.position_of(text) {
                return position;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("{text:?} is not on screen:\n{}", self.screen());
    }

    /// Waits until the screen shows `text`; fails the test with the screen if it never does.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the screen never showed {text:?}; it shows:\n{}", self.screen());
    }

    /// Waits until the screen shows one of `texts`; which one it was.
    pub fn wait_for_any(&self, texts: &[&str]) -> usize {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            let screen = self.screen();
            if let Some(found) = texts.iter().position(|text| screen.contains(text)) {
                return found;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!(
            "the screen never showed any of {texts:?}; it shows:\n{}",
            self.screen()
        );
    }

    /// Waits until the screen no longer shows `text` (a question or a box closing).
    pub fn wait_until_gone(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if !self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the screen still shows {text:?}:\n{}", self.screen());
    }

    /// Sends keys (bytes as a terminal would) without waiting: the program reads them in
    /// order, so a test waits for the screen it expects after the keys that matter. A lone
    /// Esc is refused here: followed too soon by another key, a terminal reads the two as
    /// Alt and that key, so use [`Tui::escape_until_gone`].
    pub fn send(&mut self, keys: &str) {
        assert_ne!(keys, "\x1b", "send Esc with escape_until_gone");
        self.write(keys);
    }

    fn write(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sends Esc and waits until the screen no longer shows `text` (what Esc closes), so
    /// the next key is read on its own.
    pub fn escape_until_gone(&mut self, text: &str) {
        self.write("\x1b");
        self.wait_until_gone(text);
    }

    /// Types text as keys, in order.
    pub fn type_text(&mut self, text: &str) {
        self.send(text);
    }

    /// The program's resident memory in KiB, from /proc (Linux).
    pub fn resident_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap();
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmRSS:"))
            .and_then(|kib| kib.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap()
    }

    /// Every byte the program wrote to its terminal so far.
    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// The program's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }

    /// Sends a signal (by name, e.g. "HUP", "KILL") to the program.
    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .args([format!("-{name}"), self.pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success(), "kill -{name} failed");
    }

    /// Waits at most `limit` for the program to exit; its exit code, if it did.
    pub fn exit_within(&mut self, limit: Duration) -> Option<u32> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status.exit_code());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        None
    }

    /// Waits for the program to exit and returns whether it succeeded.
    pub fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("cxmap did not exit; the screen shows:\n{}", self.screen());
    }

    /// Tells the program its terminal changed size.
    pub fn resize(&self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}
