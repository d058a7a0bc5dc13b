//! Present mode's page: every line it shows, in full (wrapped, never cut), each piece
//! with the part it plays (the view gives each part its colour) and the target the line
//! belongs to.

use super::{Showing, Target};
use crate::app::cursor::Cursor;
use crate::model::voting::{Round, shown_votes};
use crate::model::{Friction, JourneyMap, Lane, Opportunity, Score, Severity, Stage, Status};
use crate::text::display::{clean, clean_line, width};
use crate::text::wrap::wrap;

/// The part a piece of text plays on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// A lane's name, in the lane's colour.
    Lane(Lane),
    /// A stage's number and name.
    Stage,
    /// What the map says.
    Text,
    /// Facts about an item: its severity word, channel, owner, links.
    Detail,
    /// Something the room should settle: no owner, nothing written yet.
    Wanting,
    /// A friction point's severity and votes.
    Severity(Severity),
    /// A fixed or won't-fix friction point's badge.
    Closed,
    /// An opportunity's votes.
    Votes,
    /// An emotion score.
    Score(Score),
}

/// A piece of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub look: Look,
}

/// One line of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLine {
    pub spans: Vec<Span>,
    /// What selecting this line selects, if anything.
    pub target: Option<Target>,
}

/// Every line present mode shows for one stage or one lane, laid out for a width.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    pub lines: Vec<PageLine>,
}

impl Page {
    /// Everything on the page the selection can rest on, top to bottom.
    pub fn targets(&self) -> Vec<Target> {
        let mut targets: Vec<Target> = Vec::new();
        for target in self.lines.iter().filter_map(|line| line.target) {
            if targets.last() != Some(&target) {
                targets.push(target);
            }
        }
        targets
    }

    /// Whether line `at` begins something: a heading or a target's first line. Pages turn
    /// there, so the top of a page never shows the middle of an item.
    pub fn begins(&self, at: usize) -> bool {
        match (
            at.checked_sub(1).and_then(|i| self.lines.get(i)),
            self.lines.get(at),
        ) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(before), Some(line)) => line.target.is_none() || line.target != before.target,
        }
    }

    /// The lines that show what `cursor` selects.
    pub fn lines_of(&self, cursor: &Cursor) -> Option<std::ops::Range<usize>> {
        let holds = |line: &PageLine| line.target.is_some_and(|t| t.holds(cursor));
        let start = self.lines.iter().position(holds)?;
        let len = self.lines[start..].iter().take_while(|line| holds(line)).count();
        Some(start..start + len)
    }
}

/// The page for `showing` at the grid's selection, `columns` wide; votes as a running
/// `round` shows them (none during a blind one).
pub fn page(
    map: &JourneyMap,
    showing: Showing,
    cursor: &Cursor,
    columns: usize,
    round: Option<&Round>,
) -> Page {
    let mut out = Writer {
        lines: Vec::new(),
        columns: columns.max(20),
        round,
    };
    match showing {
        Showing::Stage => {
            if let Some(stage) = map.stages.get(cursor.stage) {
                out.stage(map, cursor.stage, stage);
            }
        }
        Showing::Lane => {
            for (s, stage) in map.stages.iter().enumerate() {
                out.lane_of(map, s, stage, cursor.lane);
            }
        }
    }
    Page { lines: out.lines }
}

/// Width of the label column on a stage's page ("Touchpoints" and two spaces).
const LABEL: usize = 13;

struct Writer<'a> {
    lines: Vec<PageLine>,
    columns: usize,
    round: Option<&'a Round>,
}

fn span(text: impl Into<String>, look: Look) -> Span {
    Span {
        text: text.into(),
        look,
    }
}

impl Writer<'_> {
    fn push(&mut self, spans: Vec<Span>, target: Option<Target>) {
        self.lines.push(PageLine { spans, target });
    }

    /// `text` wrapped into the columns right of `first` (the first line's lead, e.g. a
    /// label or a badge); later lines are indented as far as the lead is wide.
    fn hanging(&mut self, first: Vec<Span>, text: &str, look: Look, target: Option<Target>) {
        let indent = first.iter().map(|s| width(&s.text)).sum::<usize>();
        let room = self.columns.saturating_sub(indent).max(10);
        let text = clean(text);
        let wrapped = wrap(&text, room, usize::MAX);
        let mut lead = Some(first);
        for range in wrapped.lines {
            let line = text.get(range).unwrap_or_default().to_owned();
            let mut spans = lead
                .take()
                .unwrap_or_else(|| vec![span(" ".repeat(indent), Look::Text)]);
            spans.push(span(line, look));
            self.push(spans, target);
        }
    }

    /// `detail` at the right end of the last line when it fits there, or right-aligned on
    /// a line of its own under the text.
    fn detail(&mut self, detail: Vec<Span>, target: Option<Target>) {
        let wanted = detail.iter().map(|s| width(&s.text)).sum::<usize>();
        let used = self
            .lines
            .last()
            .map_or(0, |last| last.spans.iter().map(|s| width(&s.text)).sum::<usize>());
        if used + 3 + wanted > self.columns {
            self.push(Vec::new(), target);
        }
        let Some(last) = self.lines.last_mut() else {
            return;
        };
        let used = last.spans.iter().map(|s| width(&s.text)).sum::<usize>();
        let pad = self.columns.saturating_sub(used + wanted);
        last.spans.push(span(" ".repeat(pad), Look::Text));
        last.spans.extend(detail);
    }

    /// One stage, every lane: goal, touchpoints and emotion beside their labels, then the
    /// friction points and opportunities under theirs.
    fn stage(&mut self, map: &JourneyMap, s: usize, stage: &Stage) {
        let target = |lane, item| Some(Target { stage: s, lane, item });
        let label = |lane: Lane| span(format!("{:<LABEL$}", short_name(lane)), Look::Lane(lane));
        self.goal(vec![label(Lane::Goal)], stage, target(Lane::Goal, 0));
        self.touchpoints(
            vec![label(Lane::Touchpoints)],
            stage,
            touchpoints_target(s, stage),
        );
        self.emotion(vec![label(Lane::Emotion)], stage, target(Lane::Emotion, 0));
        let count = |n: usize| span(format!(" · {n}"), Look::Detail);
        self.push(
            vec![
                span("Friction points", Look::Lane(Lane::Friction)),
                count(stage.frictions.len()),
            ],
            None,
        );
        self.frictions(s, stage);
        self.push(
            vec![
                span("Opportunities", Look::Lane(Lane::Opportunity)),
                count(stage.opportunities.len()),
            ],
            None,
        );
        self.opportunities(map, s, stage);
    }

    /// One stage's part of a lane across the stages: its name, then what it holds.
    fn lane_of(&mut self, map: &JourneyMap, s: usize, stage: &Stage, lane: Lane) {
        let name = span(format!("{} {}", s + 1, clean_line(&stage.name)), Look::Stage);
        let target = Some(Target {
            stage: s,
            lane,
            item: 0,
        });
        let lead = vec![span("  ", Look::Text)];
        match lane {
            Lane::Goal => {
                self.push(vec![name], target);
                self.goal(lead, stage, target);
            }
            Lane::Touchpoints => {
                self.push(vec![name], None);
                self.touchpoints(lead, stage, touchpoints_target(s, stage));
            }
            Lane::Emotion => {
                let name = span(format!("{}  ", name.text), Look::Stage);
                self.emotion(vec![name], stage, target);
            }
            Lane::Friction => {
                self.push(vec![name], None);
                self.frictions(s, stage);
            }
            Lane::Opportunity => {
                self.push(vec![name], None);
                self.opportunities(map, s, stage);
            }
        }
    }

    fn goal(&mut self, lead: Vec<Span>, stage: &Stage, target: Option<Target>) {
        if stage.goal.trim().is_empty() {
            self.hanging(lead, "not written yet", Look::Wanting, target);
        } else {
            self.hanging(lead, &stage.goal, Look::Text, target);
        }
    }

    fn touchpoints(&mut self, lead: Vec<Span>, stage: &Stage, target: Option<Target>) {
        if stage.touchpoints.is_empty() {
            self.hanging(lead, "none yet", Look::Wanting, target);
            return;
        }
        let names: Vec<String> = stage
            .touchpoints
            .iter()
            .map(|t| clean_line(t).into_owned())
            .collect();
        self.hanging(lead, &names.join(" · "), Look::Text, target);
    }

    /// The score and its words after `lead`, then the note under them (as far in as the
    /// lead of a stage's page, two columns in a lane's).
    fn emotion(&mut self, mut lead: Vec<Span>, stage: &Stage, target: Option<Target>) {
        let indent = match lead.first().map(|s| s.look) {
            Some(Look::Stage) => 2,
            _ => lead.iter().map(|s| width(&s.text)).sum::<usize>(),
        };
        match stage.emotion.score {
            Some(score) => lead.push(span(
                format!("{} {} {}", score.glyph(), score.signed(), score.word()),
                Look::Score(score),
            )),
            None => lead.push(span("not scored", Look::Wanting)),
        }
        self.push(lead, target);
        if !stage.emotion.note.trim().is_empty() {
            let indent = vec![span(" ".repeat(indent), Look::Text)];
            self.hanging(indent, &stage.emotion.note, Look::Text, target);
        }
    }

    /// Each friction point: its number in the stage, severity and votes, its text, then
    /// its severity word, channel, owner and (when not open) status.
    fn frictions(&mut self, s: usize, stage: &Stage) {
        if stage.frictions.is_empty() {
            let target = Some(Target {
                stage: s,
                lane: Lane::Friction,
                item: 0,
            });
            self.hanging(vec![span("  ", Look::Text)], "none yet", Look::Detail, target);
            return;
        }
        let badges: Vec<(String, Look)> = (stage.frictions.iter().enumerate())
            .map(|(at, f)| friction_badge(at, f, shown_votes(self.round, f.id.as_str(), f.votes)))
            .collect();
        let gutter = badges.iter().map(|(b, _)| width(b)).max().unwrap_or(0) + 4;
        for (at, (friction, (badge, look))) in stage.frictions.iter().zip(badges).enumerate() {
            let target = Some(Target {
                stage: s,
                lane: Lane::Friction,
                item: at,
            });
            let lead = vec![
                span("  ", Look::Text),
                span(format!("{badge:<w$}", w = gutter - 4), look),
                span("  ", Look::Text),
            ];
            let text_look = if friction.status.is_closed() {
                Look::Closed
            } else {
                Look::Text
            };
            self.hanging(lead, &friction.text, text_look, target);
            self.detail(friction_details(friction), target);
        }
    }

    /// Each opportunity: its votes, its text, and the friction points it addresses.
    fn opportunities(&mut self, map: &JourneyMap, s: usize, stage: &Stage) {
        if stage.opportunities.is_empty() {
            let target = Some(Target {
                stage: s,
                lane: Lane::Opportunity,
                item: 0,
            });
            self.hanging(vec![span("  ", Look::Text)], "none yet", Look::Detail, target);
            return;
        }
        let round = self.round;
        let badge = |o: &Opportunity| match shown_votes(round, o.id.as_str(), o.votes) {
            Some(votes) if votes > 0 => format!("●{votes}"),
            _ => "•".to_owned(),
        };
        let gutter = stage
            .opportunities
            .iter()
            .map(|o| width(&badge(o)))
            .max()
            .unwrap_or(0)
            + 4;
        for (at, opportunity) in stage.opportunities.iter().enumerate() {
            let target = Some(Target {
                stage: s,
                lane: Lane::Opportunity,
                item: at,
            });
            let lead = vec![
                span("  ", Look::Text),
                span(format!("{:<w$}", badge(opportunity), w = gutter - 4), Look::Votes),
                span("  ", Look::Text),
            ];
            self.hanging(lead, &opportunity.text, Look::Text, target);
            let addresses = addressed(map, s, opportunity);
            if !addresses.is_empty() {
                self.detail(vec![span(addresses, Look::Detail)], target);
            }
        }
    }
}

/// The lane's name where a label must be short.
fn short_name(lane: Lane) -> &'static str {
    match lane {
        Lane::Goal => "Goal",
        other => other.name(),
    }
}

/// The touchpoints line's target: the last touchpoint, so adding one adds it at the end.
fn touchpoints_target(stage: usize, of: &Stage) -> Option<Target> {
    Some(Target {
        stage,
        lane: Lane::Touchpoints,
        item: of.touchpoints.len().saturating_sub(1),
    })
}

/// `1 ▲3 ●6`: the friction point's number in its stage, severity and the `votes` shown.
fn friction_badge(at: usize, friction: &Friction, votes: Option<u32>) -> (String, Look) {
    let votes = match votes {
        Some(votes) if votes > 0 => format!(" ●{votes}"),
        _ => String::new(),
    };
    let look = if friction.status.is_closed() {
        Look::Closed
    } else {
        Look::Severity(friction.severity)
    };
    (format!("{} ▲{}{votes}", at + 1, friction.severity.number()), look)
}

/// "severe · Website · owner Ana · in progress", "no owner" standing out.
fn friction_details(friction: &Friction) -> Vec<Span> {
    let mut facts = vec![friction.severity.word().to_owned()];
    if !friction.channel.trim().is_empty() {
        facts.push(clean_line(&friction.channel).into_owned());
    }
    let mut spans = vec![span(format!("{} · ", facts.join(" · ")), Look::Detail)];
    if friction.owner.trim().is_empty() {
        spans.push(span("no owner", Look::Wanting));
    } else {
        spans.push(span(
            format!("owner {}", clean_line(&friction.owner)),
            Look::Detail,
        ));
    }
    if friction.status != Status::Open {
        spans.push(span(format!(" · {}", friction.status.label()), Look::Detail));
    }
    spans
}

/// "for friction 1, 3 · friction 2 in 6 Support": the friction points an opportunity
/// addresses, by their numbers in their stages (this stage's first).
fn addressed(map: &JourneyMap, own: usize, opportunity: &Opportunity) -> String {
    let mut here = Vec::new();
    let mut elsewhere: Vec<(usize, Vec<String>)> = Vec::new();
    for id in &opportunity.addresses {
        match map.friction_position(id) {
            Some((s, f)) if s == own => here.push((f + 1).to_string()),
            Some((s, f)) => match elsewhere.iter_mut().find(|(stage, _)| *stage == s) {
                Some((_, numbers)) => numbers.push((f + 1).to_string()),
                None => elsewhere.push((s, vec![(f + 1).to_string()])),
            },
            None => {}
        }
    }
    let elsewhere = elsewhere.into_iter().map(|(s, numbers)| {
        format!(
            "friction {} in {} {}",
            numbers.join(", "),
            s + 1,
            clean_line(&map.stages[s].name)
        )
    });
    let mut parts = Vec::new();
    if !here.is_empty() {
        parts.push(format!("friction {}", here.join(", ")));
    }
    parts.extend(elsewhere);
    if parts.is_empty() {
        String::new()
    } else {
        format!("for {}", parts.join(" · "))
    }
}
