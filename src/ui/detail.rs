//! The detail pane under the grid: the selected cell or item in full, with its fields;
//! while editing, the same pane holds the text editor.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::cell::{metric_tags, score_line, wrapped};
use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::cursor::Cursor;
use crate::app::editor::{EditTarget, Editor};
use crate::app::keymap::{Keymap, Mode};
use crate::app::queue::Queue;
use crate::app::screen::View;
use crate::app::shadow::Pane;
use crate::model::capture::{Capture, TagKind, stray_tag};
use crate::model::channel_names::{resolve, spelled_for_list};
use crate::model::voting::{Round, shown_votes};
use crate::model::{
    EvidencePlace, Friction, JourneyMap, Lane, Opportunity, Stage, evidence_place, note_repeats_point,
    reads_like_solution,
};
use crate::text::display::{clean, clean_line, join_fitting, truncate, width as text_width};

/// Draws the detail pane, or the editor when one is open.
pub fn render(app: &App, area: Rect, frame: &mut Frame) {
    let theme = Theme::of(app.look);
    if let Some(editor) = app.modal.editor() {
        render_editor(app, editor, area, frame);
        return;
    }
    let Some(doc) = app.doc() else { return };
    let cursor = match app.view() {
        Some(View::Board) => match app.board.rows.get(app.board.selected) {
            Some(&(stage, item)) => Cursor {
                stage,
                lane: Lane::Friction,
                item,
                first_stage: 0,
            },
            None => return,
        },
        _ => app.cursor,
    };
    let width = usize::from(area.width.saturating_sub(4));
    let note = (app.view() == Some(&View::Grid) && app.shadow.pane == Pane::Focused)
        .then(|| super::notes::detail(app, &doc.map, width))
        .flatten();
    let (title, lines) = note.unwrap_or_else(|| {
        describe(
            theme,
            &doc.map,
            &app.queue,
            &app.keymap,
            cursor,
            width,
            app.round.as_ref(),
        )
    });
    let block = Block::bordered()
        .border_style(theme.rule)
        .title(Span::styled(title, theme.header));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(block),
        area,
    );
}

/// A field's name and value, kept on one line when the pane wraps (no-break spaces).
fn field(theme: &Theme, name: &str, value: String) -> Vec<Span<'static>> {
    vec![
        Span::styled(format!("{}\u{a0}", name.replace(' ', "\u{a0}")), theme.dim),
        Span::raw(value.replace(' ', "\u{a0}")),
        Span::raw("   "),
    ]
}

fn text_lines(text: &str, width: usize) -> Vec<Line<'static>> {
    wrapped(&clean(text), width, 64)
        .into_iter()
        .map(Line::from)
        .collect()
}

/// The pane's title and lines for the selected cell; the keys it names are the grid's.
fn describe(
    theme: &Theme,
    map: &JourneyMap,
    queue: &Queue,
    keymap: &Keymap,
    cursor: Cursor,
    width: usize,
    round: Option<&Round>,
) -> (String, Vec<Line<'static>>) {
    let key = |action: Action| keymap.key(Mode::Grid, &action);
    let votes = |id: &str, votes: u32| {
        shown_votes(round, id, votes).map_or_else(|| "hidden (blind round)".to_owned(), |v| v.to_string())
    };
    let Some(stage) = map.stages.get(cursor.stage) else {
        return (
            " Map ".to_owned(),
            vec![Line::styled(
                format!("Press {} to add a stage.", key(Action::AddStageAfter)),
                theme.dim,
            )],
        );
    };
    let stage_name = clean_line(&stage.name).into_owned();
    let count = cursor.cell_len(map);
    let position = if count > 0 {
        format!(" {}/{count}", cursor.item + 1)
    } else {
        String::new()
    };
    let title = format!(
        " {}{position} · {} {stage_name} ",
        cursor.lane.name(),
        cursor.stage + 1
    );
    let empty = |verb: &str| {
        vec![
            Line::styled(cursor.lane.question().to_owned(), theme.dim),
            Line::styled(format!("{} {verb}.", key(Action::EditCell)), theme.dim),
        ]
    };
    let lines = match cursor.lane {
        Lane::Goal if stage.goal.is_empty() => empty("writes it"),
        Lane::Goal => text_lines(&stage.goal, width),
        Lane::Emotion => emotion_lines(theme, stage, &key, width),
        Lane::Touchpoints => match stage.touchpoints.get(cursor.item) {
            None => empty("adds one"),
            Some(text) => text_lines(text, width),
        },
        Lane::Friction => match stage.frictions.get(cursor.item) {
            None => empty("adds one"),
            Some(friction) => {
                let shown = votes(friction.id.as_str(), friction.votes);
                friction_lines(theme, map, queue, friction, shown, &key, width)
            }
        },
        Lane::Opportunity => match stage.opportunities.get(cursor.item) {
            None => empty("adds one"),
            Some(opportunity) => {
                let shown = votes(opportunity.id.as_str(), opportunity.votes);
                opportunity_lines(theme, map, queue, opportunity, shown, &key, width)
            }
        },
    };
    (title, lines)
}

/// The emotion cell: its score, the keys that set it, the stage's metrics, the note.
fn emotion_lines(
    theme: &Theme,
    stage: &Stage,
    key: &dyn Fn(Action) -> String,
    width: usize,
) -> Vec<Line<'static>> {
    let (score, style) = score_line(theme, stage);
    let keys = format!(
        "   {} / {} or {}{}…{}{} set the score, {} edits the note",
        key(Action::RaiseScore),
        key(Action::LowerScore),
        key(Action::LowerScore),
        key(Action::Number(2)),
        key(Action::RaiseScore),
        key(Action::Number(2)),
        key(Action::EditCell)
    );
    let mut lines = vec![Line::from(vec![
        Span::styled(score, style),
        Span::styled(keys, theme.dim),
    ])];
    let tags = metric_tags(stage.metrics.as_ref());
    let metrics = if tags.is_empty() {
        Span::styled(
            format!(
                "no metrics yet ({} adds CSAT, NPS, CES)",
                key(Action::EditMetrics)
            ),
            theme.dim,
        )
    } else {
        Span::raw(format!(
            "{}   ({} edits)",
            tags.join("   "),
            key(Action::EditMetrics)
        ))
    };
    lines.push(Line::from(vec![Span::styled("metrics ", theme.dim), metrics]));
    lines.extend(text_lines(&stage.emotion.note, width));
    lines
}

/// A friction point's fields, the coach's word when it reads like a solution, its text, its
/// evidence's problems (its own and its linked notes'), the notes behind it and the
/// opportunities addressing it.
fn friction_lines(
    theme: &Theme,
    map: &JourneyMap,
    queue: &Queue,
    friction: &Friction,
    votes: String,
    key: &dyn Fn(Action) -> String,
    width: usize,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(
        [
            field(
                theme,
                "severity",
                format!("{} {}", friction.severity.number(), friction.severity.word()),
            ),
            field(theme, "channel", none_if_empty(&friction.channel)),
            field(theme, "votes", votes),
            field(theme, "owner", none_if_empty(&friction.owner)),
            field(theme, "status", friction.status.label().to_owned()),
            field(theme, "evidence", queue.evidence.len().to_string()),
        ]
        .concat(),
    )];
    // The coach comes before the text, so a short pane shows it however long the text.
    if let Some(advice) = reads_like_solution(&friction.text) {
        let warning = format!(
            "⚠ reads like a solution (\"{}\" {}): say what happened; {} moves it to the opportunities",
            advice.phrase,
            advice.why,
            key(Action::MoveToOpportunities)
        );
        lines.extend(
            text_lines(&warning, width)
                .into_iter()
                .map(|line| line.style(theme.warning)),
        );
    }
    lines.extend(text_lines(&friction.text, width));
    for entry in &queue.evidence {
        if queue.missing.contains(entry) {
            lines.push(Line::styled(
                format!("✗ evidence not found beside the map: {}", clean_line(entry)),
                theme.warning,
            ));
        } else if evidence_place(entry) == EvidencePlace::Outside {
            lines.push(Line::styled(
                format!(
                    "↗ outside the map's folder (stays behind when the map is shared): {}",
                    clean_line(entry)
                ),
                theme.warning,
            ));
        }
    }
    for n in queue.notes(&friction.id) {
        if let Some(note) = map.shadow.notes.get(n) {
            let photos = match note.evidence.len() {
                0 => String::new(),
                1 => " · 1 evidence".to_owned(),
                count => format!(" · {count} evidence"),
            };
            let line = if note_repeats_point(&friction.text, &note.text) {
                format!("◆ from {}'s shadow note{photos}", clean_line(&note.observer))
            } else {
                format!(
                    "◆ shadow note, {}{photos}: {}",
                    clean_line(&note.observer),
                    clean_line(&note.text)
                )
            };
            lines.push(Line::styled(truncate(&line, width).into_owned(), theme.dim));
        }
    }
    for (s, o) in queue.places.addressing(&friction.id) {
        if let Some(stage) = map.stages.get(s)
            && let Some(opportunity) = stage.opportunities.get(o)
        {
            lines.push(link_line(
                theme,
                "← addressed by",
                s,
                &stage.name,
                &opportunity.text,
                width,
            ));
        }
    }
    lines
}

/// An opportunity's votes, text and the friction points it addresses.
fn opportunity_lines(
    theme: &Theme,
    map: &JourneyMap,
    queue: &Queue,
    opportunity: &Opportunity,
    votes: String,
    key: &dyn Fn(Action) -> String,
    width: usize,
) -> Vec<Line<'static>> {
    let addresses = if opportunity.addresses.is_empty() {
        format!("none yet ({} links)", key(Action::LinkFrictions))
    } else {
        opportunity.addresses.len().to_string()
    };
    let mut lines = vec![Line::from(
        [field(theme, "votes", votes), field(theme, "addresses", addresses)].concat(),
    )];
    lines.extend(text_lines(&opportunity.text, width));
    for id in &opportunity.addresses {
        let found = queue.places.point(id);
        lines.push(match found.and_then(|(s, f)| Some((s, map.stages.get(s)?, f))) {
            Some((s, stage, f)) if f < stage.frictions.len() => link_line(
                theme,
                "→ addresses",
                s,
                &stage.name,
                &stage.frictions[f].text,
                width,
            ),
            _ => Line::styled(
                format!(
                    "→ addresses {}, which is not in this map",
                    clean_line(id.as_str())
                ),
                theme.warning,
            ),
        });
    }
    lines
}

/// One end of a link between an opportunity and a friction point, on one line.
fn link_line(
    theme: &Theme,
    label: &str,
    stage: usize,
    stage_name: &str,
    text: &str,
    width: usize,
) -> Line<'static> {
    let place = format!("{label} {} {}: ", stage + 1, clean_line(stage_name));
    let room = width.saturating_sub(text_width(&place));
    Line::from(vec![
        Span::styled(place, theme.dim),
        Span::raw(truncate(&clean_line(text), room).into_owned()),
    ])
}

fn none_if_empty(text: &str) -> String {
    if text.is_empty() {
        "—".to_owned()
    } else {
        clean_line(text).into_owned()
    }
}

/// The editor's last line while a friction point is typed: the matches of the tag being
/// typed, what the tags set so far, or the tag syntax.
fn tag_hint(app: &App, editor: &Editor) -> Option<String> {
    let names = editor.tags.as_ref()?;
    let complete = app.keymap.key(Mode::Edit, &Action::Complete);
    let keep = app.keymap.key(Mode::Edit, &Action::Commit);
    if let Some((tag, matches)) = editor.tag_matches() {
        let known = match tag.kind {
            TagKind::Channel => &names.channels,
            TagKind::Owner => &names.owners,
        };
        let typed = tag.typed.replace('_', " ");
        if typed.is_empty() && matches.is_empty() {
            let noun = if tag.kind == TagKind::Channel {
                "channel"
            } else {
                "owner"
            };
            return Some(format!("The map has no {noun} yet: type one"));
        }
        // Several names fit and none is meant for sure yet: offer them.
        if matches.len() > 1 && resolve(known, &typed).is_none() {
            let rest: Vec<String> = matches[1..].iter().map(|m| clean_line(m).into_owned()).collect();
            return Some(format!(
                "{complete}: {} (then {})",
                clean_line(matches[0]),
                rest.join(", ")
            ));
        }
    }
    let capture = Capture::parse(editor.input.text());
    if !capture.has_tags() {
        if let Some((tag, after)) = stray_tag(editor.input.text()) {
            return Some(format!(
                "{} stays text: tags count only at the end (“{}” follows; _ joins words)",
                clean_line(tag),
                clean_line(after)
            ));
        }
        return Some(format!(
            "{keep} keeps · tags: !1 !2 !3 severity, #channel, @owner ({complete} completes)"
        ));
    }
    let mut said = Vec::new();
    if let Some(severity) = capture.severity {
        said.push(format!("severity {} {}", severity.number(), severity.word()));
    }
    for (typed, known, noun) in [
        (&capture.channel, &names.channels, "channel"),
        (&capture.owner, &names.owners, "owner"),
    ] {
        if let Some(typed) = typed {
            said.push(match resolve(known, typed) {
                Some(name) => format!("{noun} {}", clean_line(name)),
                // A new channel as the list will spell it; a new owner as typed.
                None if noun == "channel" => format!("{noun} {} (new)", clean_line(&spelled_for_list(typed))),
                None => format!("{noun} {} (new)", clean_line(typed)),
            });
        }
    }
    Some(format!("→ {} · {keep} keeps", said.join(", ")))
}

fn render_editor(app: &App, editor: &Editor, area: Rect, frame: &mut Frame) {
    let theme = Theme::of(app.look);
    let map = app.doc().map(|d| &*d.map);
    let addressed = editor.addressing.as_ref().and_then(|id| {
        let map = map?;
        let (s, f) = map.friction_position(id)?;
        Some(truncate(&clean_line(&map.stages[s].frictions[f].text), 40).into_owned())
    });
    let heading = match addressed {
        Some(point) => format!("New opportunity for “{point}”"),
        None => editor.target.heading(map),
    };
    let block = Block::bordered()
        .border_style(theme.accent)
        .title(Span::styled(format!(" {} ", clean_line(&heading)), theme.accent));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 {
        return;
    }
    let text_height = usize::from(inner.height.saturating_sub(1).max(1));
    let view = editor.input.view(usize::from(inner.width.max(1)), text_height);
    let lines: Vec<Line> = view.lines.into_iter().map(Line::from).collect();
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            height: text_height as u16,
            ..inner
        },
    );
    let key = |action: Action| app.keymap.key(Mode::Edit, &action);
    let commit = if editor.target == EditTarget::Search {
        "finds"
    } else {
        "keeps"
    };
    let mut pieces = vec![
        format!("{} {commit}", key(Action::Commit)),
        format!("{} cancels", key(Action::CancelEdit)),
    ];
    if editor.input.multiline() {
        let new_line = app.keymap.labels(Mode::Edit, &Action::NewLine).join(" or ");
        pieces.push(format!("{new_line}: new line"));
    }
    if editor.target != EditTarget::Search {
        pieces.push(format!("{}: your editor", key(Action::EditInEditor)));
    }
    // Whole hints only: one cut in half at the edge reads as a different key.
    let hints = tag_hint(app, editor).unwrap_or_else(|| join_fitting(pieces, usize::from(inner.width)));
    if inner.height > 1 {
        let y = inner.bottom() - 1;
        frame.render_widget(
            Paragraph::new(Line::styled(hints, theme.dim)),
            Rect {
                y,
                height: 1,
                ..inner
            },
        );
    }
    frame.set_cursor_position(Position {
        x: inner.x + view.cursor.0.min(inner.width.saturating_sub(1)),
        y: inner.y + view.cursor.1,
    });
}
