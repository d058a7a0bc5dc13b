//! New items in a list: a fresh id, the channel last given, and several at once from a
//! paste (one a line, a friction point's quick-capture tags read as if typed).

use super::super::App;
use super::apply::apply;
use super::capture::read_tags;
use crate::model::{Edit, Friction, IdGen, Item, JourneyMap, ListLane, Opportunity};

/// What a paste of several lines added.
#[derive(Debug)]
pub(super) struct Pasted {
    /// Items added, one a line.
    pub added: usize,
    /// Lines left out: friction points of tags only.
    pub left_out: usize,
    /// Channels the lines' tags added to the map's list.
    pub new_channels: Vec<String>,
}

impl Pasted {
    /// What the paste did, short enough for 80 columns ("Added 3 friction points from
    /// the paste, new channel Kiosk").
    pub fn said(&self, lane: ListLane) -> String {
        let noun = lane.item_noun();
        if self.added == 0 {
            return "Nothing added: the pasted lines are tags only; say what happened first".to_owned();
        }
        let mut said = format!(
            "Added {} {noun}{} from the paste",
            self.added,
            if self.added == 1 { "" } else { "s" }
        );
        if !self.new_channels.is_empty() {
            let s = if self.new_channels.len() == 1 { "" } else { "s" };
            said.push_str(&format!(", new channel{s} {}", self.new_channels.join(", ")));
        }
        if self.left_out > 0 {
            let s = if self.left_out == 1 { "" } else { "s" };
            said.push_str(&format!("; {} line{s} of tags only left out", self.left_out));
        }
        said
    }
}

/// Adds one `lane` item per line, from position `at` of stage `stage`, as one undoable
/// edit. A friction point's line is read like quick capture (`!3 #store @Ana`) and one
/// without a channel tag takes the channel given last, as in a run of `a`. `None` when
/// the edit failed (the status bar says why).
pub(super) fn add_lines(
    app: &mut App,
    stage: usize,
    lane: ListLane,
    at: usize,
    lines: &[String],
) -> Option<Pasted> {
    let doc = app.screen.doc()?;
    let map: &JourneyMap = &doc.map;
    let used = app.used_ids.of(doc);
    // The lines' new channels change only the map's list, which `names` reads from the map.
    let names = app.names.of(doc);
    let mut last = app.queue.last_channel.clone();
    // The map as the lines so far left it: a channel one line adds is known to the next.
    let mut tagged_map: Option<JourneyMap> = None;
    let mut edits = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let mut left_out = 0;
    for line in lines {
        let taken = |id: &str| used.taken(id);
        let mut item = new_item(&taken, lane, line.clone(), &mut app.ids, &items);
        default_channel(last.as_deref(), &mut item);
        if let Item::Friction(friction) = &mut item {
            let Ok(tagged) = read_tags(tagged_map.as_ref().unwrap_or(map), names, line, friction) else {
                left_out += 1;
                continue;
            };
            for edit in tagged.with {
                if let Edit::SetChannels(channels) = &edit {
                    tagged_map.get_or_insert_with(|| map.clone()).shadow.channels = channels.clone();
                    edits.retain(|e| !matches!(e, Edit::SetChannels(_)));
                }
                edits.push(edit);
            }
            if !friction.channel.is_empty() {
                last = Some(friction.channel.clone());
            }
        }
        items.push(item);
    }
    let new_channels = tagged_map.map_or_else(Vec::new, |m| {
        m.shadow.channels[map.shadow.channels.len().min(m.shadow.channels.len())..].to_vec()
    });
    let added = items.len();
    edits.extend(
        items
            .into_iter()
            .enumerate()
            .map(|(offset, item)| Edit::InsertItem {
                stage,
                at: at + offset,
                item,
            }),
    );
    if added > 0 && !apply(app, Edit::Batch(edits), &format!("paste {}s", lane.item_noun())) {
        return None;
    }
    if added > 0 && last.is_some() {
        app.queue.last_channel = last;
    }
    Some(Pasted {
        added,
        left_out,
        new_channels,
    })
}

/// A new item for `lane` with a fresh id unique in the map (`used` says whether the map
/// uses an id) and among `pending` items.
pub(super) fn new_item(
    used: &dyn Fn(&str) -> bool,
    lane: ListLane,
    text: String,
    ids: &mut IdGen,
    pending: &[Item],
) -> Item {
    let taken = |id: &str| {
        used(id)
            || pending.iter().any(|item| match item {
                Item::Friction(f) => f.id.as_str() == id,
                Item::Opportunity(o) => o.id.as_str() == id,
                Item::Touchpoint(_) => false,
            })
    };
    match lane {
        ListLane::Touchpoints => Item::Touchpoint(text),
        ListLane::Friction => {
            let id = ids.fresh(crate::model::FrictionId::PREFIX, taken);
            Item::Friction(Friction::new(crate::model::FrictionId(id), text))
        }
        ListLane::Opportunity => {
            let id = ids.fresh(crate::model::OpportunityId::PREFIX, taken);
            Item::Opportunity(Opportunity::new(crate::model::OpportunityId(id), text))
        }
    }
}

/// A new friction point starts in the channel last given to one, so capture asks only for
/// the text.
pub(super) fn default_channel(last: Option<&str>, item: &mut Item) {
    if let (Item::Friction(friction), Some(last)) = (item, last)
        && friction.channel.is_empty()
    {
        friction.channel = last.to_owned();
    }
}
