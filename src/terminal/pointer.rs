//! The mouse in the terminal: crossterm's mouse events become actions about what the last
//! frame drew under the pointer, two presses on the same thing in quick succession are a
//! double click, and capture is switched on and off with the terminal's other modes.

use std::io;
use std::time::{Duration, Instant};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableMouseCapture, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use crossterm::execute;

use crate::app::action::Action;
use crate::app::pointer::{Spot, Wheel};
use crate::ui::Hits;

/// The longest pause between the two presses of a double click.
pub const DOUBLE_CLICK: Duration = Duration::from_millis(400);

/// The last press, to tell a double click from two clicks.
#[derive(Debug, Default)]
pub struct Clicks {
    last: Option<(Instant, Spot)>,
}

impl Clicks {
    /// The action for `event` at `now`, given where the last frame drew what (`None` for
    /// what the program does not use: moving, dragging, releasing, other buttons).
    pub fn action(&mut self, event: &MouseEvent, hits: &Hits, now: Instant) -> Option<Action> {
        let over = hits.at(event.column, event.row);
        let sideways = event.modifiers.contains(KeyModifiers::SHIFT);
        let turn = match event.kind {
            MouseEventKind::Down(MouseButton::Left) => return self.press(over, now),
            MouseEventKind::ScrollDown if sideways => Wheel::Right,
            MouseEventKind::ScrollUp if sideways => Wheel::Left,
            MouseEventKind::ScrollDown => Wheel::Down,
            MouseEventKind::ScrollUp => Wheel::Up,
            MouseEventKind::ScrollRight => Wheel::Right,
            MouseEventKind::ScrollLeft => Wheel::Left,
            _ => return None,
        };
        Some(Action::Wheel { over, turn })
    }

    fn press(&mut self, over: Option<Spot>, now: Instant) -> Option<Action> {
        let Some(spot) = over else {
            self.last = None;
            return None;
        };
        let double = self
            .last
            .is_some_and(|(at, last)| last == spot && now.saturating_duration_since(at) <= DOUBLE_CLICK);
        if double {
            self.last = None;
            Some(Action::DoubleClick(spot))
        } else {
            self.last = Some((now, spot));
            Some(Action::Click(spot))
        }
    }
}

/// Asks the terminal to report the mouse.
pub fn capture() -> io::Result<()> {
    execute!(io::stdout(), EnableMouseCapture)
}

/// Gives the terminal back its own mouse (selecting and pasting text) and its plain
/// pasting: on every way out, and before the program stops or crashes.
pub fn release() -> io::Result<()> {
    execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste)
}

/// Releases the mouse before the panic hook that was set (ratatui's, which restores the
/// screen) runs, so a crash never leaves the shell receiving mouse reports.
pub fn release_on_panic() {
    let restore_screen = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = release();
        restore_screen(info);
    }));
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;

    use super::*;
    use crate::model::Lane;

    fn event(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
        MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }
    }

    fn hits() -> Hits {
        let mut hits = Hits::default();
        let cell = Spot::Cell {
            stage: 1,
            lane: Lane::Friction,
            item: Some(2),
        };
        hits.add(Rect::new(10, 5, 20, 1), cell);
        hits.add(Rect::new(10, 6, 20, 1), Spot::Row(4));
        hits
    }

    #[test]
    fn two_quick_presses_on_one_thing_are_a_double_click() {
        let (hits, start) = (hits(), Instant::now());
        let mut clicks = Clicks::default();
        let down = MouseEventKind::Down(MouseButton::Left);
        let click = clicks.action(&event(down, 12, 5), &hits, start);
        assert!(matches!(
            click,
            Some(Action::Click(Spot::Cell { item: Some(2), .. }))
        ));
        let again = clicks.action(&event(down, 15, 5), &hits, start + Duration::from_millis(200));
        assert!(matches!(again, Some(Action::DoubleClick(Spot::Cell { .. }))));
        // A third press starts over; a slow second one, or one elsewhere, is a click.
        let third = clicks.action(&event(down, 15, 5), &hits, start + Duration::from_millis(300));
        assert!(matches!(third, Some(Action::Click(_))));
        let slow = clicks.action(&event(down, 15, 5), &hits, start + Duration::from_secs(2));
        assert!(matches!(slow, Some(Action::Click(_))));
        let elsewhere = clicks.action(&event(down, 15, 6), &hits, start + Duration::from_secs(2));
        assert_eq!(elsewhere, Some(Action::Click(Spot::Row(4))));
    }

    #[test]
    fn presses_on_nothing_and_moves_do_nothing_and_the_wheel_says_what_it_is_over() {
        let (hits, now) = (hits(), Instant::now());
        let mut clicks = Clicks::default();
        let down = MouseEventKind::Down(MouseButton::Left);
        assert_eq!(clicks.action(&event(down, 0, 0), &hits, now), None);
        assert_eq!(
            clicks.action(&event(MouseEventKind::Moved, 12, 5), &hits, now),
            None
        );
        let wheel = clicks.action(&event(MouseEventKind::ScrollDown, 12, 6), &hits, now);
        assert_eq!(
            wheel,
            Some(Action::Wheel {
                over: Some(Spot::Row(4)),
                turn: Wheel::Down
            })
        );
        let mut shifted = event(MouseEventKind::ScrollUp, 0, 0);
        shifted.modifiers = KeyModifiers::SHIFT;
        assert_eq!(
            clicks.action(&shifted, &hits, now),
            Some(Action::Wheel {
                over: None,
                turn: Wheel::Left
            })
        );
    }
}
