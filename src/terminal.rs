//! The terminal loop: draw, wait for a key, turn it into an action, update, perform the
//! effect. The terminal is restored on every way out, panics included (ratatui's hook).

use std::io;

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::execute;

use crate::app::action::Action;
use crate::app::{App, update::update};
use crate::session::{Flow, perform};
use crate::ui;

/// Runs the interactive program until the user quits.
pub fn run(mut app: App) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, &mut app);
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::try_restore()?;
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<()> {
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    loop {
        terminal.draw(|frame| ui::render(app, frame))?;
        let action = match event::read()? {
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
            if perform(app, effect) == Flow::Quit {
                return Ok(());
            }
        }
    }
}
