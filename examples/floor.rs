//! The speed floor cxmap is measured against (docs/performance.md): the least a terminal
//! program can do to show a map. It reads the file whole into typed structs with serde's
//! derive (no checks, no unknown fields, no positions), draws only the visible stage
//! columns, moves with ←/→ and quits on q:
//! `cargo run --release --example floor -- big.json`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../benches/support/floor_map.rs"]
mod floor_map;

use std::io;

use crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use floor_map::{Map, Stage};

const LABEL_WIDTH: u16 = 13;
const COLUMN_WIDTH: u16 = 26;

struct Floor {
    map: Map,
    selected: usize,
    first: usize,
}

impl Floor {
    fn columns(&self, width: u16) -> usize {
        usize::from((width.saturating_sub(LABEL_WIDTH) / COLUMN_WIDTH).max(1))
    }

    fn draw(&mut self, frame: &mut Frame) {
        let area = frame.area();
        let columns = self.columns(area.width);
        if self.selected < self.first {
            self.first = self.selected;
        } else if self.selected >= self.first + columns {
            self.first = self.selected + 1 - columns;
        }
        let [title, body, status] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        frame.render_widget(
            Line::from(format!(" floor │ {} │ {}", self.map.title, self.map.persona)),
            title,
        );
        let [labels, grid] =
            Layout::horizontal([Constraint::Length(LABEL_WIDTH), Constraint::Fill(1)]).areas(body);
        let lanes = Layout::vertical([
            Constraint::Length(2),
            Constraint::Ratio(1, 5),
            Constraint::Ratio(1, 5),
        ])
        .split(labels);
        for (area, label) in lanes.iter().skip(1).zip(["Customer goal", "Touchpoints"]) {
            frame.render_widget(Paragraph::new(label), *area);
        }
        let visible = self.map.stages.iter().enumerate().skip(self.first).take(columns);
        for (i, (s, stage)) in visible.enumerate() {
            let x = grid.x + i as u16 * COLUMN_WIDTH;
            let column = Rect::new(x, grid.y, COLUMN_WIDTH.min(grid.right() - x), grid.height);
            draw_stage(frame, column, s, stage, s == self.selected);
        }
        frame.render_widget(
            Line::from(format!(
                " ← → move  q quit   stage {}/{}",
                self.selected + 1,
                self.map.stages.len()
            )),
            status,
        );
    }
}

fn draw_stage(frame: &mut Frame, area: Rect, s: usize, stage: &Stage, selected: bool) {
    let lanes = Layout::vertical(
        [Constraint::Length(2); 1]
            .into_iter()
            .chain([Constraint::Fill(1); 5]),
    )
    .split(area);
    let style = if selected {
        Style::default().add_modifier(Modifier::REVERSED)
    } else {
        Style::default()
    };
    let csat = stage
        .metrics
        .as_ref()
        .and_then(|m| m.csat)
        .map_or(String::new(), |c| format!(" CSAT {c:.1}%"));
    let header = Paragraph::new(format!("{} {}{csat}", s + 1, stage.name))
        .style(style)
        .block(Block::default().borders(Borders::BOTTOM));
    frame.render_widget(header, lanes[0]);
    let bullets = |items: &mut dyn Iterator<Item = &str>| -> String {
        items.map(|item| format!("• {item}\n")).collect()
    };
    let emotion = format!(
        "{}\n{}",
        stage
            .emotion
            .score
            .map_or("not scored".to_owned(), |s| s.to_string()),
        stage.emotion.note
    );
    let cells = [
        stage.goal.clone(),
        bullets(&mut stage.touchpoints.iter().map(String::as_str)),
        emotion,
        bullets(&mut stage.frictions.iter().map(|f| f.text.as_str())),
        bullets(&mut stage.opportunities.iter().map(|o| o.text.as_str())),
    ];
    for (area, text) in lanes.iter().skip(1).zip(cells) {
        let cell = Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(Block::default().borders(Borders::LEFT | Borders::BOTTOM));
        frame.render_widget(cell, *area);
    }
}

fn main() -> io::Result<()> {
    let path = std::env::args_os().nth(1).expect("usage: floor MAP.json");
    let map = Map::read(path.as_ref())?;
    let mut floor = Floor {
        map,
        selected: 0,
        first: 0,
    };
    let mut terminal = ratatui::try_init()?;
    let ended = (|| -> io::Result<()> {
        loop {
            terminal.draw(|frame| floor.draw(frame))?;
            let Event::Key(key) = event::read()? else { continue };
            if key.kind != KeyEventKind::Press {
                continue;
            }
            match key.code {
                KeyCode::Char('q') => return Ok(()),
                KeyCode::Right => {
                    floor.selected = (floor.selected + 1).min(floor.map.stages.len().saturating_sub(1))
                }
                KeyCode::Left => floor.selected = floor.selected.saturating_sub(1),
                _ => {}
            }
        }
    })();
    ratatui::try_restore()?;
    // Everything is read so the compiler cannot skip decoding it.
    let read = floor.map.shadow.notes.len() + floor.map.shadow.plan.len() + floor.map.shadow.channels.len();
    std::hint::black_box(read);
    ended
}
