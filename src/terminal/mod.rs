//! The terminal loop: draw, wait for a key or the recovery timer, act. Signals and a
//! terminal that goes away write a recovery copy and end the program within a second; a
//! panic restores the terminal (ratatui's hook) and writes the copy too. The drawn area is
//! clamped, so a huge window costs no more than a large one.

mod clipboard;
mod copying;
mod handover;
mod pointer;
mod watch;

use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use copying::Copying;
use crossterm::event::{self, EnableBracketedPaste, Event};
use crossterm::execute;
use crossterm::terminal::{Clear, ClearType, EnterAlternateScreen};
use ratatui::layout::{Rect, Size};
use ratatui::{DefaultTerminal, TerminalOptions, Viewport};
use watch::{Wake, Watch};

use crate::app::action::Action;
use crate::app::update::{from_editor, update};
use crate::app::{App, Effect, TerminalWork};
use crate::lookout::Lookout;
use crate::session::{Flow, Kept, Session};
use crate::ui;

/// The most columns drawn: wider than any projector needs, and a 65535-column window
/// costs no more than this (every cell is kept twice, for the diff between frames).
pub const MAX_COLUMNS: u16 = 1000;
/// The most rows drawn.
pub const MAX_ROWS: u16 = 400;

/// How often the loop looks for a copy made on the worker.
const COPY_POLL: Duration = Duration::from_millis(2);

/// How the program ended.
#[derive(Debug)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal asked the program to stop.
    Signal { number: i32, recovery: Kept },
    /// The terminal went away.
    TerminalLost { recovery: Kept },
    /// A bug stopped the program.
    Crashed { recovery: Kept },
}

/// The part of a terminal of `size` that is drawn: its top-left, at most
/// [`MAX_COLUMNS`] × [`MAX_ROWS`].
pub fn drawable(size: Size) -> Rect {
    Rect::new(0, 0, size.width.min(MAX_COLUMNS), size.height.min(MAX_ROWS))
}

/// Runs the interactive program until it ends, reporting the mouse when `mouse` is on.
pub fn run(mut app: App, mut session: Session, mouse: bool) -> io::Result<Ending> {
    let mut watch = Watch::start()?;
    // The theme decided whether there is colour (NO_COLOR, --color): crossterm must agree.
    crossterm::style::force_color_output(ui::Theme::of(app.look).colour);
    // ratatui's initialisation sets raw mode and a panic hook that restores the terminal;
    // the fixed viewport is resized here, clamped, instead of following the window.
    let mut terminal = ratatui::try_init_with_options(TerminalOptions {
        viewport: Viewport::Fixed(Rect::default()),
    })?;
    pointer::release_on_panic();
    let _ = execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste);
    if mouse {
        let _ = pointer::capture();
    }
    let mut copying = Copying::new(clipboard::hand_to_program);
    let ending = guard(&mut app, &mut session, |app, session| {
        event_loop(&mut terminal, app, session, &mut watch, &mut copying, mouse)
    });
    copying.finish(&mut app, &mut io::stdout());
    if pointer::release().is_ok() {
        let _ = ratatui::try_restore();
        drop(terminal);
    } else {
        // The terminal is gone: nothing to restore, and ratatui's Drop would panic
        // reporting that it could not show the cursor on it.
        std::mem::forget(terminal);
    }
    Ok(ending)
}

/// Runs `body` (the loop); however it ends, by a terminal failure or a panic, unsaved work
/// goes to its recovery copy and the ending says where.
pub fn guard(
    app: &mut App,
    session: &mut Session,
    body: impl FnOnce(&mut App, &mut Session) -> io::Result<Ending>,
) -> Ending {
    let outcome = catch_unwind(AssertUnwindSafe(|| body(app, session)));
    match outcome {
        Ok(Ok(ending)) => ending,
        Ok(Err(_)) => Ending::TerminalLost {
            recovery: session.write_recovery_now(app),
        },
        Err(_) => Ending::Crashed {
            recovery: session.write_recovery_now(app),
        },
    }
}

/// Fits the drawn area and the app's geometry to the terminal's new size.
fn fit(terminal: &mut DefaultTerminal, app: &mut App, size: Size) -> io::Result<()> {
    let area = drawable(size);
    if area != terminal.get_frame().area() {
        terminal.resize(area)?;
    }
    app.resize(area.width, area.height);
    Ok(())
}

/// Stops the program as the shell asked (SIGTSTP), the terminal left as it was found
/// (no mouse reports, no raw mode, the shell's screen), and takes it back when continued.
fn suspend(terminal: &mut DefaultTerminal, mouse: bool) -> io::Result<()> {
    pointer::release()?;
    ratatui::try_restore()?;
    execute!(io::stdout(), crossterm::cursor::Show)?;
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        Clear(ClearType::All),
        EnableBracketedPaste
    )?;
    if mouse {
        pointer::capture()?;
    }
    // The next frame is drawn whole, against a blank one (ratatui's `clear` would ask the
    // terminal where its cursor is, and not every terminal answers).
    terminal.swap_buffers();
    terminal.swap_buffers();
    Ok(())
}

/// Does what only the terminal can: hands it to the user's editor, and so on.
fn do_terminal_work(
    terminal: &mut DefaultTerminal,
    watch: &mut Watch,
    copying: &mut Copying,
    mouse: bool,
    app: &mut App,
    work: TerminalWork,
) {
    match work {
        TerminalWork::EditInEditor(text) => from_editor(app, handover::edit(terminal, watch, mouse, &text)),
        TerminalWork::Copy { what, text } => copying.ask(app, what, text),
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    session: &mut Session,
    watch: &mut Watch,
    copying: &mut Copying,
    mouse: bool,
) -> io::Result<Ending> {
    // crossterm starts listening for resizes on its first poll: start it now, so the
    // first resize is not missed.
    event::poll(Duration::ZERO)?;
    let size = terminal.size()?;
    fit(terminal, app, size)?;
    let mut redraw = true;
    let mut lookout = Lookout::default();
    // Where the last frame drew what a click can pick, and the last click.
    let (mut hits, mut clicks) = (ui::Hits::default(), pointer::Clicks::default());
    loop {
        let (had_message, had_listing) = (app.message.clone(), app.folder.version());
        let now = Instant::now();
        let wait = session.tick(app, now).min(lookout.tick(app, now));
        // A round's timer counts down on screen, second by second.
        let wait = app.next_tick().map_or(wait, |next| wait.min(next));
        let wait = if copying.busy() { wait.min(COPY_POLL) } else { wait };
        redraw |= app.tick(now);
        redraw |= app.message != had_message || app.folder.version() != had_listing;
        redraw |= copying.collect(app, &mut io::stdout());
        match session.collect(app) {
            Some(Flow::Quit) => return Ok(Ending::Quit),
            Some(Flow::Continue) => redraw = true,
            None => {}
        }
        if redraw {
            terminal.draw(|frame| hits = ui::draw(app, frame))?;
            redraw = false;
        }
        match watch.wait(wait)? {
            Wake::Timeout => continue,
            Wake::Suspend => {
                suspend(terminal, mouse)?;
                redraw = true;
                continue;
            }
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
        let area = drawable(terminal.size()?);
        if (area.width, area.height) != (app.geometry.width, app.geometry.height) {
            fit(terminal, app, area.as_size())?;
            redraw = true;
        }
        while event::poll(Duration::ZERO)? {
            let event = event::read()?;
            let pointer_only = matches!(event, Event::Mouse(_));
            let action = match event {
                // Keys and clicks do nothing while the screen is too small to show what
                // they do; only quitting, when no question about unsaved work is needed.
                Event::Key(key) if app.geometry.too_small() => quit_while_too_small(app, &key),
                Event::Mouse(_) if app.geometry.too_small() => None,
                Event::Key(key) => app.keymap.resolve(app.mode(), &key),
                Event::Mouse(mouse) => {
                    // The pointer is over what shows now: draw what the events before it
                    // in this batch changed, then test it against that.
                    if redraw {
                        terminal.draw(|frame| hits = ui::draw(app, frame))?;
                        redraw = false;
                    }
                    clicks.action(&mouse, &hits, Instant::now())
                }
                Event::Paste(text) => Some(Action::Paste(text)),
                Event::Resize(width, height) => {
                    fit(terminal, app, Size::new(width, height))?;
                    None
                }
                _ => None,
            };
            // A pointer merely moving changes nothing on screen.
            redraw |= !pointer_only || action.is_some();
            if let Some(action) = action {
                let effect = match update(app, action) {
                    Effect::Terminal(work) => {
                        do_terminal_work(terminal, watch, copying, mouse, app, work);
                        redraw = true;
                        Effect::Nothing
                    }
                    effect => effect,
                };
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

/// The quit key on a screen too small to draw on: quits when nothing is unsaved (the
/// question that would ask first could not show), else does nothing.
fn quit_while_too_small(app: &App, key: &event::KeyEvent) -> Option<Action> {
    let quit = app.keymap.resolve(app.mode(), key) == Some(Action::Quit);
    let unsaved = app.doc().is_some_and(|doc| doc.is_dirty());
    (quit && !unsaved).then_some(Action::Quit)
}
