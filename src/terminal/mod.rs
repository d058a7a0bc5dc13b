//! The terminal loop: draw, wait for a key or the recovery timer, act. Signals and a
//! terminal that goes away write a recovery copy and end the program within a second; a
//! panic restores the terminal (ratatui's hook) and writes the copy too.

mod watch;

use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::execute;
use ratatui::layout::Rect;
use watch::{Wake, Watch};

use crate::app::action::Action;
use crate::app::{App, update::update};
use crate::session::{Flow, Session};
use crate::ui;

/// How the program ended.
#[derive(Debug)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal asked the program to stop; unsaved work is in the recovery copy, if any.
    Signal { number: i32, recovery: Option<PathBuf> },
    /// The terminal went away.
    TerminalLost { recovery: Option<PathBuf> },
    /// A bug stopped the program.
    Crashed { recovery: Option<PathBuf> },
}

/// Runs the interactive program until it ends.
pub fn run(mut app: App, mut session: Session) -> io::Result<Ending> {
    let mut watch = Watch::start()?;
    let mut terminal = ratatui::try_init()?;
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut app, &mut session, &mut watch)
    }));
    let ending = match outcome {
        Ok(Ok(ending)) => ending,
        Ok(Err(_)) => Ending::TerminalLost {
            recovery: session.write_recovery_now(&app),
        },
        Err(_) => Ending::Crashed {
            recovery: session.write_recovery_now(&app),
        },
    };
    if execute!(io::stdout(), DisableBracketedPaste).is_ok() {
        let _ = ratatui::try_restore();
        drop(terminal);
    } else {
        // The terminal is gone: nothing to restore, and ratatui's Drop would panic
        // reporting that it could not show the cursor on it.
        std::mem::forget(terminal);
    }
    Ok(ending)
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    session: &mut Session,
    watch: &mut Watch,
) -> io::Result<Ending> {
    // crossterm starts listening for resizes on its first poll: start it now, so the
    // first resize is not missed.
    event::poll(Duration::ZERO)?;
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    let mut redraw = true;
    loop {
        if redraw {
            terminal.draw(|frame| ui::render(app, frame))?;
            redraw = false;
        }
        let had_message = app.message.clone();
        let wait = session.tick(app, Instant::now());
        redraw |= app.message != had_message;
        match watch.wait(wait)? {
            Wake::Timeout => continue,
            Wake::Stop(number) => {
                return Ok(Ending::Signal {
                    number,
                    recovery: session.write_recovery_now(app),
                });
            }
            Wake::HangUp => {
                return Ok(Ending::TerminalLost {
                    recovery: session.write_recovery_now(app),
                });
            }
            Wake::Input => {}
        }
        let size = terminal.size()?;
        if (size.width, size.height) != (app.geometry.width, app.geometry.height) {
            app.resize(size.width, size.height);
            redraw = true;
        }
        while event::poll(Duration::ZERO)? {
            redraw = true;
            let action = match event::read()? {
                // Keys wait while the screen is too small to show what they would do.
                Event::Key(_) if app.geometry.too_small() => None,
                Event::Key(key) => app.keymap.resolve(app.mode(), &key),
                Event::Paste(text) => Some(Action::Paste(text)),
                Event::Resize(width, height) => {
                    app.resize(width, height);
                    None
                }
                _ => None,
            };
            if let Some(action) = action {
                let effect = update(app, action);
                let screen = Rect::new(0, 0, app.geometry.width, app.geometry.height);
                if let Some(max) = ui::overlay_max_scroll(app, screen) {
                    app.clamp_overlay_scroll(max);
                }
                if session.perform(app, effect) == Flow::Quit {
                    return Ok(Ending::Quit);
                }
            }
        }
    }
}
