//! The printed memo's page plan, shared by the HTML and the PDF: the memo as blocks, set
//! at the least compact level that fits one A4 page (smaller pictures, then minor points
//! on one line each, then major ones…), split into two balanced columns. When even the
//! most compact level needs more pages, the plan says how many so the writer is told.

use super::facts::{Memo, Observation, SAID_ABOVE, plural, shorten};
use super::files::{EvidenceFiles, Shown};
use super::fonts::Weight;
use super::levels::{LEVEL_WORDS, LEVELS, Level};
use super::page::{
    BODY, Block, COLUMN_WIDTH, CONTENT_HEIGHT, CONTENT_WIDTH, HEADING, Kind, Para, Run, Set, TITLE, Thumb,
    Thumbs, Tone,
};
use crate::model::Severity;

/// The share of the page height the plan fills, leaving a browser room to differ.
const HEIGHT_FILL: f32 = 0.97;
/// Space between the header and the columns.
pub const HEADER_GAP: f32 = 6.0;

/// A block with how it is set where it goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub block: Block,
    pub set: Set,
}

/// One printed page: the header (first page only) and two columns.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PagePlan {
    pub header: Vec<Placed>,
    pub columns: [Vec<Placed>; 2],
}

/// The whole plan: its pages and how compact it had to be (0: not at all).
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub pages: Vec<PagePlan>,
    pub level: usize,
}

impl Plan {
    /// The least compact plan that fits one page, else the most compact one. A memo with
    /// more stages and points than any page holds goes straight to the most compact:
    /// trying the others set every block of it ten times (seconds at 2,800 stages).
    pub fn make(memo: &Memo, files: &EvidenceFiles) -> Plan {
        let first = if least_blocks(memo) > most_blocks_on_a_page() {
            LEVELS.len() - 1
        } else {
            0
        };
        Plan::from_level(memo, files, first)
    }

    /// The least compact plan from level `first` on that fits one page, else the most
    /// compact one.
    fn from_level(memo: &Memo, files: &EvidenceFiles, first: usize) -> Plan {
        let header: Vec<Placed> = header_blocks(memo)
            .into_iter()
            .map(|block| {
                let set = block.set(CONTENT_WIDTH, false);
                Placed { block, set }
            })
            .collect();
        let last = LEVELS.len() - 1;
        for (index, level) in LEVELS.iter().enumerate().skip(first) {
            let flow = Flow::new(flow_blocks(memo, files, level));
            let pages = paginate(&flow, header.clone(), index < last);
            if pages.len() == 1 || index == last {
                return Plan { pages, level: index };
            }
        }
        Plan {
            pages: Vec::new(),
            level: last,
        }
    }

    /// How compact the plan had to be, to finish "fits one A4 page…" (empty: not at all).
    pub fn describe(&self) -> &'static str {
        LEVEL_WORDS.get(self.level).copied().unwrap_or("")
    }

    /// "2 pages: 41 friction points" when the memo does not fit one page.
    pub fn overflow(&self, memo: &Memo) -> Option<String> {
        (self.pages.len() > 1).then(|| {
            format!(
                "{}: {}",
                plural(self.pages.len(), "page"),
                plural(memo.total, "friction point")
            )
        })
    }
}

/// The fewest blocks `memo` flows in: each stage's heading and its points, or a remark
/// that it has none.
fn least_blocks(memo: &Memo) -> usize {
    (memo.stages.iter())
        .map(|stage| 1 + stage.points.len().max(1))
        .sum()
}

/// More blocks than fit a page's two columns: every block (a stage's heading, a point,
/// a remark) is at least one line of text.
fn most_blocks_on_a_page() -> usize {
    let line = BODY.leading.min(HEADING.leading);
    (2.0 * CONTENT_HEIGHT / line).ceil() as usize
}

/// The columns' blocks, each set once (and stage headings also as the first in a
/// column), with the stage each belongs to.
struct Flow {
    blocks: Vec<(Block, Option<usize>)>,
    sets: Vec<Set>,
    first_sets: Vec<Option<Set>>,
}

impl Flow {
    fn new(blocks: Vec<(Block, Option<usize>)>) -> Flow {
        let sets = blocks.iter().map(|(b, _)| b.set(COLUMN_WIDTH, false)).collect();
        let first_sets = blocks
            .iter()
            .map(|(b, _)| (b.kind == Kind::StageHeading).then(|| b.set(COLUMN_WIDTH, true)))
            .collect();
        Flow {
            blocks,
            sets,
            first_sets,
        }
    }

    fn len(&self) -> usize {
        self.blocks.len()
    }

    fn is_heading(&self, at: usize) -> bool {
        self.blocks[at].0.kind == Kind::StageHeading
    }

    fn height(&self, at: usize, first: bool) -> f32 {
        match (&self.first_sets[at], first) {
            (Some(set), true) => set.height,
            _ => self.sets[at].height,
        }
    }

    /// The heading to repeat, marked "(continued)", when a column starts at `at` inside
    /// a stage's points.
    fn continued(&self, at: usize) -> Option<Placed> {
        let (block, stage) = self.blocks.get(at)?;
        if block.kind == Kind::StageHeading {
            return None;
        }
        let stage = (*stage)?;
        let (heading, _) = self.blocks[..at]
            .iter()
            .rev()
            .find(|(b, s)| b.kind == Kind::StageHeading && *s == Some(stage))?;
        let mut heading = heading.clone();
        if let Some(last) = heading.paras.first_mut().and_then(|p| p.runs.last_mut()) {
            last.text.push_str(" (continued)");
        }
        let set = heading.set(COLUMN_WIDTH, true);
        Some(Placed { block: heading, set })
    }

    /// How many blocks from `start` (up to `end`) fit a column of `height`, never ending
    /// on a stage heading while blocks follow, and the height they take.
    fn fit(&self, start: usize, end: usize, height: f32) -> (usize, f32) {
        let mut used = self.continued(start).map_or(0.0, |c| c.set.height);
        let lead = used;
        let mut taken = 0;
        for at in start..end {
            let h = self.height(at, at == start && lead == 0.0);
            if used + h > height {
                break;
            }
            used += h;
            taken += 1;
        }
        while taken > 0 && self.is_heading(start + taken - 1) && start + taken < end {
            taken -= 1;
            used -= self.height(start + taken, taken == 0 && lead == 0.0);
        }
        if taken == 0 {
            used = 0.0;
        }
        (taken, used)
    }

    /// The column of blocks `start..end`, set where they go.
    fn column(&self, start: usize, end: usize) -> Vec<Placed> {
        if start >= end {
            return Vec::new();
        }
        let mut column: Vec<Placed> = self.continued(start).into_iter().collect();
        for at in start..end {
            let first = column.is_empty();
            let set = match (&self.first_sets[at], first) {
                (Some(set), true) => set.clone(),
                _ => self.sets[at].clone(),
            };
            column.push(Placed {
                block: self.blocks[at].0.clone(),
                set,
            });
        }
        column
    }
}

/// The flow laid out on pages, the first under the header; with `one_page_only`, it
/// stops as soon as a second page is needed.
fn paginate(flow: &Flow, header: Vec<Placed>, one_page_only: bool) -> Vec<PagePlan> {
    let room = CONTENT_HEIGHT * HEIGHT_FILL;
    let first_room = room - header.iter().map(|p| p.set.height).sum::<f32>() - HEADER_GAP;
    let mut pages = Vec::new();
    let mut header = Some(header);
    let mut at = 0;
    loop {
        let height = if header.is_some() { first_room } else { room };
        let (split, end) = fill_page(flow, at, height);
        // A block taller than a whole page still goes on a page of its own.
        let (split, end) = if end == at && at < flow.len() {
            (at + 1, at + 1)
        } else {
            (split, end)
        };
        pages.push(PagePlan {
            header: header.take().unwrap_or_default(),
            columns: [flow.column(at, split), flow.column(split, end)],
        });
        at = end;
        if at >= flow.len() || (one_page_only && pages.len() > 1) {
            return pages;
        }
    }
}

/// Where the page's left column ends and where its right column ends, for blocks from
/// `start` in columns of `height`; when all the rest fits, the split that makes the two
/// columns most even.
fn fill_page(flow: &Flow, start: usize, height: f32) -> (usize, usize) {
    let (left, left_height) = flow.fit(start, flow.len(), height);
    let split = start + left;
    let (right, right_height) = flow.fit(split, flow.len(), height);
    let end = split + right;
    if end < flow.len() {
        return (split, end);
    }
    let mut best = (split, left_height.max(right_height));
    for candidate in (start + 1..split).rev() {
        if flow.is_heading(candidate - 1) {
            continue;
        }
        let (taken, right) = flow.fit(candidate, flow.len(), height);
        if candidate + taken < flow.len() {
            break;
        }
        let (_, left) = flow.fit(start, candidate, f32::INFINITY);
        if left.max(right) < best.1 {
            best = (candidate, left.max(right));
        }
    }
    (best.0, end)
}

fn para(runs: Vec<Run>, style: super::page::TextStyle) -> Para {
    Para { runs, style }
}

fn block(kind: Kind, paras: Vec<Para>) -> Block {
    Block {
        kind,
        paras,
        thumbs: None,
    }
}

/// One line of plain words: whitespace and line breaks made single spaces.
fn flat(text: &str) -> String {
    crate::export::escape::one_line(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn severity_word(severity: Severity) -> Run {
    let word = severity.word();
    let mut chars = word.chars();
    let capital = chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str());
    Run::styled(
        capital.unwrap_or_default(),
        Weight::Bold,
        Tone::Severity(severity),
    )
}

/// A point's severity, text and facts in one paragraph; when `cut`, the text is cut at a
/// word ("…") so the paragraph sets on one line of a column.
fn first_para(severity: Severity, text: &str, facts: Option<Run>, cut: bool) -> Para {
    let make = |text: String| {
        let mut runs = vec![severity_word(severity), Run::plain(format!(" {text}"))];
        runs.extend(facts.clone());
        para(runs, BODY)
    };
    let whole = make(text.to_owned());
    let one_line = |para: &Para| {
        let set = block(Kind::Point, vec![para.clone()]).set(COLUMN_WIDTH, false);
        set.paras.iter().map(|p| p.lines.len()).sum::<usize>() <= 1
    };
    if !cut || one_line(&whole) {
        return whole;
    }
    let words: Vec<&str> = text.split(' ').collect();
    let shortened = |count: usize| {
        let kept = words[..count].join(" ");
        make(format!(
            "{}…",
            kept.trim_end_matches([',', ';', ':', '.', '-', '—'])
        ))
    };
    // The most words that still fit: `fits` always does (or is the single first word),
    // `too_many` never does.
    let (mut fits, mut too_many) = (1, words.len());
    while too_many - fits > 1 {
        let middle = (fits + too_many) / 2;
        if one_line(&shortened(middle)) {
            fits = middle;
        } else {
            too_many = middle;
        }
    }
    shortened(fits)
}

/// The title, the facts, the bottom line and the top three: across the whole page.
fn header_blocks(memo: &Memo) -> Vec<Block> {
    let mut blocks = vec![block(
        Kind::Title,
        vec![para(
            vec![Run::bold(format!("Friction memo: {}", flat(&memo.title)))],
            TITLE,
        )],
    )];
    let mut persona = Vec::new();
    let mut facts = Vec::new();
    for (label, value) in memo.header(flat) {
        let runs = if label == "Persona" {
            &mut persona
        } else {
            &mut facts
        };
        if !runs.is_empty() {
            runs.push(Run::muted(" · "));
        }
        runs.push(Run::bold(format!("{label}:")));
        runs.push(Run::plain(format!(" {value}")));
    }
    let paras = [persona, facts]
        .into_iter()
        .filter(|runs| !runs.is_empty())
        .map(|runs| para(runs, BODY))
        .collect();
    blocks.push(block(Kind::Facts, paras));
    blocks.push(block(
        Kind::BottomLine,
        vec![para(
            vec![Run::bold(format!("Bottom line: {}", memo.bottom_line(flat)))],
            HEADING,
        )],
    ));
    if !memo.top.is_empty() {
        blocks.push(block(
            Kind::TopHeading,
            vec![para(vec![Run::bold("The top three")], HEADING)],
        ));
        for (rank, top) in memo.top.iter().enumerate() {
            let point = memo.point(*top);
            let stage = &memo.stages[top.stage];
            let mut where_ = vec![format!("{}. {}", stage.number, flat(&stage.name))];
            if !point.channel.is_empty() {
                where_.push(flat(&point.channel));
            }
            where_.extend(point.after_severity());
            blocks.push(block(
                Kind::TopItem,
                vec![para(
                    vec![
                        Run::bold(format!("{}. ", rank + 1)),
                        severity_word(point.severity),
                        Run::plain(format!(" {}", flat(&point.text))),
                        Run::muted(format!(" — {}", where_.join(" · "))),
                    ],
                    BODY,
                )],
            ));
        }
    }
    blocks
}

/// The stages and their points, then what is not yet observed: the columns' content,
/// each block with the stage it belongs to.
fn flow_blocks(memo: &Memo, files: &EvidenceFiles, level: &Level) -> Vec<(Block, Option<usize>)> {
    let mut flow = Vec::new();
    for (s, stage) in memo.stages.iter().enumerate() {
        flow.push((
            block(
                Kind::StageHeading,
                vec![para(
                    vec![Run::bold(format!("{}. {}", stage.number, flat(&stage.name)))],
                    HEADING,
                )],
            ),
            Some(s),
        ));
        if stage.points.is_empty() {
            flow.push((
                block(Kind::Remark, vec![para(vec![Run::muted(super::NONE_HERE)], BODY)]),
                Some(s),
            ));
        }
        for point in &stage.points {
            flow.push((point_block(point, files, level), Some(s)));
        }
    }
    flow.push((
        block(
            Kind::StageHeading,
            vec![para(vec![Run::bold("Not yet observed")], HEADING)],
        ),
        None,
    ));
    let lists = memo.not_observed(flat);
    if lists.is_empty() {
        flow.push((
            block(
                Kind::Remark,
                vec![para(vec![Run::plain(super::ALL_OBSERVED)], BODY)],
            ),
            None,
        ));
    }
    for (heading, names) in lists {
        flow.push((
            block(
                Kind::Remark,
                vec![para(
                    vec![Run::bold(heading), Run::plain(format!(" {}", names.join(" · ")))],
                    BODY,
                )],
            ),
            None,
        ));
    }
    flow
}

/// A point: severity, text and facts; the notes that add to it; its files and links;
/// its pictures beside it. At a compact level, what is left out is counted instead.
fn point_block(point: &Observation, files: &EvidenceFiles, level: &Level) -> Block {
    let one_line = level.one_line_up_to.is_some_and(|s| point.severity <= s);
    let mut thumbs = Vec::new();
    let mut links = Vec::new();
    let (mut unshown_pictures, mut unshown_files) = (0, 0);
    for entry in &point.evidence {
        match files.show(entry) {
            Shown::Picture { name, picture, href } => {
                if one_line || thumbs.len() >= level.pictures {
                    unshown_pictures += 1;
                } else {
                    thumbs.push(Thumb {
                        name: name.to_owned(),
                        href,
                        picture: picture.cloned(),
                    });
                }
            }
            Shown::Link { name, href, missing } => {
                if one_line {
                    unshown_files += 1;
                } else {
                    links.push((name, href, missing));
                }
            }
        }
    }
    let mut facts = Vec::new();
    // A point of the top three has its channel and votes said there.
    if point.rank.is_none() {
        if !point.channel.is_empty() {
            facts.push(flat(&point.channel));
        }
        facts.extend(point.after_severity());
    }
    if unshown_pictures > 0 {
        facts.push(plural(
            unshown_pictures,
            if thumbs.is_empty() { "photo" } else { "more photo" },
        ));
    }
    if unshown_files > 0 {
        facts.push(plural(unshown_files, "file"));
    }
    let facts = (!facts.is_empty()).then(|| Run::muted(format!(" — {}", facts.join(" · "))));
    let cut = level.cut_up_to.is_some_and(|s| point.severity <= s);
    let first = match point.rank {
        Some(rank) => {
            let mut runs = vec![
                Run::styled(
                    format!("Top {rank}"),
                    Weight::Bold,
                    Tone::Severity(point.severity),
                ),
                Run::muted(format!(" {SAID_ABOVE}")),
            ];
            runs.extend(facts);
            para(runs, BODY)
        }
        None => first_para(point.severity, &flat(&point.text), facts, cut),
    };
    let mut paras = vec![first];
    if !one_line && level.quotes {
        for quote in &point.quotes {
            let source = quote.source();
            let from = if source.is_empty() {
                String::new()
            } else {
                format!(" — {}", flat(&source))
            };
            paras.push(para(
                vec![Run::muted(format!("“{}”{from}", shorten(&flat(&quote.text))))],
                BODY,
            ));
        }
    }
    if !links.is_empty() {
        let mut runs = Vec::new();
        for (i, (name, href, missing)) in links.into_iter().enumerate() {
            let lead = if i == 0 { "" } else { " · " };
            if !lead.is_empty() {
                runs.push(Run::muted(lead));
            }
            runs.push(Run::link(flat(name), href));
            if missing {
                runs.push(Run::styled(" (missing)", Weight::Bold, Tone::Muted));
            }
        }
        paras.push(para(runs, BODY));
    }
    Block {
        kind: Kind::Point,
        paras,
        thumbs: (!thumbs.is_empty()).then_some(Thumbs {
            items: thumbs,
            columns: level.columns,
            width: level.thumb.0,
            height: level.thumb.1,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::memo::MemoOptions;
    use crate::generate::{self, Spec};

    #[test]
    fn a_memo_longer_than_any_page_goes_straight_to_the_most_compact_plan() {
        let map = generate::map(&Spec {
            stages: 60,
            notes: 0,
            seed: 7,
        });
        let memo = Memo::build(&map, &MemoOptions::default());
        let blocks = least_blocks(&memo);
        assert!(blocks > most_blocks_on_a_page(), "{blocks} blocks");
        let files = EvidenceFiles::not_looked_up();
        let plan = Plan::make(&memo, &files);
        assert_eq!(plan.level, LEVELS.len() - 1);
        assert!(plan.pages.len() > 1);
        assert_eq!(
            plan,
            Plan::from_level(&memo, &files, 0),
            "no other level fits one page"
        );
    }
}
