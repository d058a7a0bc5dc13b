//! One change between two versions of a map, by id, and the words that tell it
//! ("fr-8c2a severity 2 → 3").

use serde_json::Value;

/// What kind of thing changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Map,
    Stage,
    Touchpoint,
    Friction,
    Opportunity,
    Note,
    Channel,
    Plan,
}

impl Kind {
    /// The kind's name in JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Map => "map",
            Kind::Stage => "stage",
            Kind::Touchpoint => "touchpoint",
            Kind::Friction => "friction",
            Kind::Opportunity => "opportunity",
            Kind::Note => "note",
            Kind::Channel => "channel",
            Kind::Plan => "plan",
        }
    }

    /// The kind in words.
    fn noun(self) -> &'static str {
        match self {
            Kind::Map => "map",
            Kind::Stage => "stage",
            Kind::Touchpoint => "touchpoint",
            Kind::Friction => "friction point",
            Kind::Opportunity => "opportunity",
            Kind::Note => "shadow note",
            Kind::Channel => "channel",
            Kind::Plan => "plan entry",
        }
    }
}

/// What happened to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A new item, or (with a field) a new entry in one of its lists.
    Added,
    /// An item that is gone, or (with a field) an entry gone from one of its lists.
    Removed,
    /// A field with a new value.
    Changed,
    /// A new place: another position, or (friction points, opportunities) another stage.
    Moved,
}

impl Action {
    /// The action's name in JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Action::Added => "added",
            Action::Removed => "removed",
            Action::Changed => "changed",
            Action::Moved => "moved",
        }
    }
}

/// A stage named in a change: its id and its name (the newer one when it has two).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageRef {
    pub id: String,
    pub name: String,
}

/// One change, by id. `before` and `after` are the values as the file writes them
/// (`None`: absent on that side).
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub kind: Kind,
    /// The item's id; a stage's id for its touchpoints; empty for the map and channels.
    pub id: String,
    /// The stage the item is in (after the change; before it when it was removed).
    pub stage: Option<StageRef>,
    /// The stage a friction point or opportunity moved from, when it moved to another.
    pub from: Option<StageRef>,
    /// A plan entry's or a new note's channel.
    pub channel: Option<String>,
    pub action: Action,
    /// The field, as the file names it (`severity`, `emotion.score`, `metrics.csat`, or
    /// an unknown field's key); `None` for the item as a whole.
    pub field: Option<String>,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// Fields whose values are shown bare, not in quotes: numbers, states and ids.
const BARE: [&str; 10] = [
    "severity",
    "votes",
    "status",
    "emotion.score",
    "metrics.csat",
    "metrics.nps",
    "metrics.ces",
    "stage",
    "friction",
    "addresses",
];

/// A value in words: text in curly quotes, numbers and states bare, absent as "none".
fn shown(value: Option<&Value>, bare: bool) -> String {
    match value {
        None | Some(Value::Null) => "none".to_owned(),
        Some(Value::String(text)) if text.is_empty() => "(empty)".to_owned(),
        Some(Value::String(text)) if bare => text.clone(),
        Some(Value::String(text)) => format!("“{text}”"),
        Some(other) => other.to_string(),
    }
}

/// The field's name in words.
fn field_words(field: &str) -> String {
    match field {
        "emotion.score" => "emotion score".to_owned(),
        "emotion.note" => "emotion note".to_owned(),
        "metrics.csat" => "CSAT".to_owned(),
        "metrics.nps" => "NPS".to_owned(),
        "metrics.ces" => "CES".to_owned(),
        "at" => "time".to_owned(),
        "memo.walked_by" => "memo walked by".to_owned(),
        "memo.when" => "memo when".to_owned(),
        "memo.devices" => "memo devices".to_owned(),
        "title" | "persona" | "name" | "goal" | "text" | "channel" | "owner" | "observer" | "stage"
        | "friction" | "severity" | "votes" | "status" | "evidence" | "addresses" | "metrics" => {
            field.to_owned()
        }
        unknown => format!("field “{unknown}”"),
    }
}

impl Change {
    /// A change to the item `id` of this kind; the builders below say what changed.
    pub(super) fn about(kind: Kind, id: &str, stage: Option<StageRef>) -> Self {
        Self {
            kind,
            id: id.to_owned(),
            stage,
            from: None,
            channel: None,
            action: Action::Changed,
            field: None,
            before: None,
            after: None,
        }
    }

    /// The item is new; `after` is what it says (its name or text).
    pub(super) fn added(mut self, after: Value) -> Self {
        self.action = Action::Added;
        self.after = Some(after);
        self
    }

    /// The item is gone; `before` is what it said.
    pub(super) fn removed(mut self, before: Value) -> Self {
        self.action = Action::Removed;
        self.before = Some(before);
        self
    }

    /// A field of the item has a new value.
    pub(super) fn field(mut self, field: &str, before: Option<Value>, after: Option<Value>) -> Self {
        self.action = Action::Changed;
        self.field = Some(field.to_owned());
        self.before = before;
        self.after = after;
        self
    }

    /// An entry was added to (or removed from) one of the item's lists.
    pub(super) fn entry(mut self, action: Action, field: &str, value: Value) -> Self {
        self.action = action;
        self.field = Some(field.to_owned());
        match action {
            Action::Removed => self.before = Some(value),
            _ => self.after = Some(value),
        }
        self
    }

    /// The entries of one of the item's lists stand in a new order.
    pub(super) fn reordered(mut self, field: &str) -> Self {
        self.action = Action::Moved;
        self.field = Some(field.to_owned());
        self
    }

    /// The item has a new position (1-based on both sides).
    pub(super) fn moved(mut self, before: usize, after: usize) -> Self {
        self.action = Action::Moved;
        self.before = Some(before.into());
        self.after = Some(after.into());
        self
    }

    /// The change in words, starting with the id it concerns.
    pub fn words(&self) -> String {
        let lead = match (self.kind, self.id.is_empty()) {
            (Kind::Map | Kind::Channel, _) | (_, true) => String::new(),
            _ => format!("{} ", self.id),
        };
        let field = self.field.as_deref();
        let bare = field.is_some_and(|f| BARE.contains(&f));
        let before = shown(self.before.as_ref(), bare);
        let after = shown(self.after.as_ref(), bare);
        let stage_name = self
            .stage
            .as_ref()
            .map_or(String::new(), |s| format!("“{}”", s.name));
        let body = match (self.kind, self.action, field) {
            (Kind::Plan, action, field) => return self.plan_words(action, field),
            (Kind::Opportunity, Action::Added, Some("addresses")) => format!("now addresses {after}"),
            (Kind::Opportunity, Action::Removed, Some("addresses")) => {
                format!("no longer addresses {before}")
            }
            (Kind::Stage, Action::Changed, Some("name")) => format!("stage renamed: {before} → {after}"),
            (_, Action::Moved, Some(field)) => format!("{} reordered", field_words(field)),
            (_, Action::Changed, Some(field)) => format!("{}: {before} → {after}", field_words(field)),
            (_, Action::Added, Some(field)) => format!("{} added: {after}", field_words(field)),
            (_, Action::Removed, Some(field)) => format!("{} removed: {before}", field_words(field)),
            (Kind::Stage, Action::Added, None) => format!("stage added: {after}"),
            (Kind::Stage, Action::Removed, None) => format!("stage removed: {before}"),
            (Kind::Stage, Action::Moved, None) => {
                format!("stage {stage_name} moved: position {before} → {after}")
            }
            (Kind::Friction | Kind::Opportunity, Action::Added, None) => {
                format!("{} added in {stage_name}: {after}", self.kind.noun())
            }
            (Kind::Friction | Kind::Opportunity, Action::Removed, None) => {
                format!("{} removed from {stage_name}: {before}", self.kind.noun())
            }
            (Kind::Friction | Kind::Opportunity, Action::Moved, None) => match &self.from {
                Some(from) => format!("{} moved from “{}” to {stage_name}", self.kind.noun(), from.name),
                None => format!(
                    "{} moved within {stage_name}: position {before} → {after}",
                    self.kind.noun()
                ),
            },
            (Kind::Touchpoint, Action::Moved, None) => "touchpoints reordered".to_owned(),
            (Kind::Channel, Action::Moved, None) => "channels reordered".to_owned(),
            (Kind::Touchpoint | Kind::Channel, Action::Added, None) => {
                format!("{} added: {after}", self.kind.noun())
            }
            (Kind::Touchpoint | Kind::Channel, Action::Removed, None) => {
                format!("{} removed: {before}", self.kind.noun())
            }
            (Kind::Note, Action::Added, None) => {
                format!("{} added{}: {after}", self.kind.noun(), self.note_place())
            }
            (Kind::Note, Action::Removed, None) => format!("{} removed: {before}", self.kind.noun()),
            (_, Action::Moved, None) => format!("{} moved: position {before} → {after}", self.kind.noun()),
            (_, action, None) => format!("{} {}", self.kind.noun(), action.name()),
        };
        format!("{lead}{body}")
    }

    /// " in “Stage” × Channel": where a new note was taken.
    fn note_place(&self) -> String {
        match (&self.stage, &self.channel) {
            (Some(stage), Some(channel)) => format!(" in “{}” × {channel}", stage.name),
            (Some(stage), None) => format!(" in “{}”", stage.name),
            _ => String::new(),
        }
    }

    fn plan_words(&self, action: Action, field: Option<&str>) -> String {
        let stage = self.stage.as_ref().map_or("?", |s| s.name.as_str());
        let channel = self.channel.as_deref().unwrap_or("?");
        let pair = format!("plan “{stage}” × {channel}");
        let votes = |v: &Option<Value>| shown(v.as_ref(), true);
        match (action, field) {
            (Action::Added, None) => format!("{pair} added with {} votes", votes(&self.after)),
            (Action::Removed, None) => format!("{pair} removed (had {} votes)", votes(&self.before)),
            (Action::Moved, _) => "plan reordered".to_owned(),
            (_, Some("votes")) => format!("{pair} votes {} → {}", votes(&self.before), votes(&self.after)),
            (_, Some(field)) => format!(
                "{pair} {}: {} → {}",
                field_words(field),
                shown(self.before.as_ref(), false),
                shown(self.after.as_ref(), false)
            ),
            (action, None) => format!("{pair} {}", action.name()),
        }
    }

    /// The change as one JSON object (for `cxmap diff --format json`).
    pub fn to_json(&self) -> Value {
        let mut object = serde_json::Map::new();
        object.insert("kind".into(), self.kind.name().into());
        object.insert("id".into(), self.id.clone().into());
        if let Some(stage) = &self.stage {
            object.insert("stage".into(), stage.id.clone().into());
            object.insert("stage_name".into(), stage.name.clone().into());
        }
        if let Some(from) = &self.from {
            object.insert("from_stage".into(), from.id.clone().into());
        }
        if let Some(channel) = &self.channel {
            object.insert("channel".into(), channel.clone().into());
        }
        object.insert("change".into(), self.action.name().into());
        if let Some(field) = &self.field {
            object.insert("field".into(), field.clone().into());
        }
        if let Some(before) = &self.before {
            object.insert("before".into(), before.clone());
        }
        if let Some(after) = &self.after {
            object.insert("after".into(), after.clone());
        }
        object.insert("words".into(), self.words().into());
        Value::Object(object)
    }
}
