//! Copying text out of the program: an OSC 52 sequence asks the terminal to put it on the
//! clipboard (it travels over SSH; tmux passes it on with `set-clipboard on`), and where
//! the desktop's own clipboard program is installed (wl-copy, xclip or xsel; pbcopy on
//! macOS) it gets the text too. The platforms differ only in [`clipboard_programs`].

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long a clipboard program may take to read the text before it is left to finish on
/// its own (xclip and wl-copy stay behind, serving the clipboard).
const PROGRAM_PATIENCE: Duration = Duration::from_millis(500);

/// Hands `text` to the first clipboard program that takes it, and says which (none
/// where there is no desktop and no tmux).
pub fn hand_to_program(text: &str) -> Option<&'static str> {
    clipboard_programs()
        .into_iter()
        .find_map(|(program, args)| hand_to(program, args, text).then_some(program))
}

/// The OSC 52 sequence that sets the clipboard ("c") to `text`.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648), as OSC 52 wants it.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> shift & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Whether the environment variable `name` is set to something.
#[cfg(unix)]
fn set(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|value| !value.is_empty())
}

/// Inside tmux, its paste buffer: tmux keeps OSC 52 from programs to itself unless
/// `set-clipboard` is on, but `load-buffer -w` fills the buffer (prefix-] pastes it) and
/// passes it on to the outer terminal's clipboard as tmux is set to (tmux 3.2 or later).
#[cfg(unix)]
const TMUX_BUFFER: (&str, &[&str]) = ("tmux", &["load-buffer", "-w", "-"]);

/// The clipboard programs to try, in order, with their arguments.
#[cfg(target_os = "macos")]
fn clipboard_programs() -> Vec<(&'static str, &'static [&'static str])> {
    let mut programs: Vec<(&'static str, &'static [&'static str])> = vec![("pbcopy", &[])];
    if set("TMUX") {
        programs.push(TMUX_BUFFER);
    }
    programs
}

/// The clipboard programs to try, in order, with their arguments: only those of a
/// desktop that is there (a Wayland or X display), then tmux's buffer when cxmap runs
/// inside tmux (over SSH, often the only clipboard there is).
#[cfg(all(unix, not(target_os = "macos")))]
fn clipboard_programs() -> Vec<(&'static str, &'static [&'static str])> {
    let mut programs: Vec<(&'static str, &'static [&'static str])> = Vec::new();
    if set("WAYLAND_DISPLAY") {
        programs.push(("wl-copy", &[]));
    }
    if set("DISPLAY") {
        programs.push(("xclip", &["-selection", "clipboard"]));
        programs.push(("xsel", &["--clipboard", "--input"]));
    }
    if set("TMUX") {
        programs.push(TMUX_BUFFER);
    }
    programs
}

/// Windows: the terminal's OSC 52 only (Windows Terminal understands it); `clip` reads
/// the console's code page and would garble anything but ASCII.
#[cfg(windows)]
fn clipboard_programs() -> Vec<(&'static str, &'static [&'static str])> {
    Vec::new()
}

/// Whether `program` took the text: it started, read it all and did not fail.
fn hand_to(program: &str, args: &[&str], text: &str) -> bool {
    let Ok(mut child) = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
    else {
        return false;
    };
    let written = child
        .stdin
        .take()
        .is_some_and(|mut stdin| stdin.write_all(text.as_bytes()).is_ok());
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return written && status.success(),
            Ok(None) if start.elapsed() < PROGRAM_PATIENCE => std::thread::sleep(Duration::from_millis(10)),
            Ok(None) => {
                std::thread::spawn(move || child.wait());
                return written;
            }
            Err(_) => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
        assert_eq!(base64("é▲".as_bytes()), "w6nilrI=");
    }

    #[test]
    fn osc52_sets_the_clipboard_selection() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }
}
