//! Every user intent is an [`Action`] with a one-line description; keys map to actions
//! in the keymap, and the help screen lists them from there.

/// Something the user asked for. Text typed or pasted into an editor arrives as
/// [`Action::Type`] and [`Action::Paste`]; every other action comes from a key binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    // Moving around the grid.
    MoveLeft,
    MoveRight,
    MoveUp,
    MoveDown,
    FirstStage,
    LastStage,
    // Changing cells and items.
    EditCell,
    AddItem,
    InsertItemBefore,
    DeleteItem,
    MoveItemUp,
    MoveItemDown,
    RaiseScore,
    LowerScore,
    SetScore(i8),
    // Stages and the map.
    AddStageAfter,
    InsertStageBefore,
    RenameStage,
    DeleteStage,
    MoveStageLeft,
    MoveStageRight,
    Vote,
    Unvote,
    VotingRound,
    ShowBoard,
    ShowCouncil,
    CycleSort,
    FilterBoard,
    ClearFilter,
    EditTitle,
    EditPersona,
    // Service shadows: the notes pane, the coverage view, the channels.
    ToggleNotes,
    FocusNotes,
    AddNote,
    EditNote,
    DeleteNote,
    FilterNotes,
    ClearNoteFilter,
    OpenEvidence,
    MakeFriction,
    ShowCoverage,
    ShowChannels,
    PlanVote,
    PlanUnvote,
    NotesOfCell,
    AddChannel,
    RenameChannel,
    RemoveChannel,
    MoveChannelUp,
    MoveChannelDown,
    // History, files, program.
    Undo,
    Redo,
    Save,
    OpenStartScreen,
    Quit,
    ShowHelp,
    // Text editing.
    Commit,
    CancelEdit,
    NewLine,
    CursorLeft,
    CursorRight,
    CursorUp,
    CursorDown,
    WordLeft,
    WordRight,
    LineStart,
    LineEnd,
    TextStart,
    TextEnd,
    DeleteBack,
    DeleteForward,
    DeleteWordBack,
    DeleteToLineStart,
    DeleteToLineEnd,
    Type(char),
    Paste(String),
    // Forms.
    NextField,
    PreviousField,
    // Lists: the start screen and the help screen.
    SelectPrevious,
    SelectNext,
    SelectFirst,
    SelectLast,
    PageUp,
    PageDown,
    Open,
    NewMap,
    Back,
    // Dialogs.
    Yes,
    No,
    Cancel,
    Alternative,
}

impl Action {
    /// Every action a key can be bound to (typed text and digits-with-values aside,
    /// each `SetScore` value is listed).
    pub const BINDABLE: &'static [Action] = &[
        Action::MoveLeft,
        Action::MoveRight,
        Action::MoveUp,
        Action::MoveDown,
        Action::FirstStage,
        Action::LastStage,
        Action::EditCell,
        Action::AddItem,
        Action::InsertItemBefore,
        Action::DeleteItem,
        Action::MoveItemUp,
        Action::MoveItemDown,
        Action::RaiseScore,
        Action::LowerScore,
        Action::SetScore(-2),
        Action::SetScore(-1),
        Action::SetScore(0),
        Action::SetScore(1),
        Action::SetScore(2),
        Action::AddStageAfter,
        Action::InsertStageBefore,
        Action::RenameStage,
        Action::DeleteStage,
        Action::MoveStageLeft,
        Action::MoveStageRight,
        Action::Vote,
        Action::Unvote,
        Action::VotingRound,
        Action::ShowBoard,
        Action::ShowCouncil,
        Action::CycleSort,
        Action::FilterBoard,
        Action::ClearFilter,
        Action::EditTitle,
        Action::EditPersona,
        Action::ToggleNotes,
        Action::FocusNotes,
        Action::AddNote,
        Action::EditNote,
        Action::DeleteNote,
        Action::FilterNotes,
        Action::ClearNoteFilter,
        Action::OpenEvidence,
        Action::MakeFriction,
        Action::ShowCoverage,
        Action::ShowChannels,
        Action::PlanVote,
        Action::PlanUnvote,
        Action::NotesOfCell,
        Action::AddChannel,
        Action::RenameChannel,
        Action::RemoveChannel,
        Action::MoveChannelUp,
        Action::MoveChannelDown,
        Action::Undo,
        Action::Redo,
        Action::Save,
        Action::OpenStartScreen,
        Action::Quit,
        Action::ShowHelp,
        Action::Commit,
        Action::CancelEdit,
        Action::NewLine,
        Action::CursorLeft,
        Action::CursorRight,
        Action::CursorUp,
        Action::CursorDown,
        Action::WordLeft,
        Action::WordRight,
        Action::LineStart,
        Action::LineEnd,
        Action::TextStart,
        Action::TextEnd,
        Action::DeleteBack,
        Action::DeleteForward,
        Action::DeleteWordBack,
        Action::DeleteToLineStart,
        Action::DeleteToLineEnd,
        Action::NextField,
        Action::PreviousField,
        Action::SelectPrevious,
        Action::SelectNext,
        Action::SelectFirst,
        Action::SelectLast,
        Action::PageUp,
        Action::PageDown,
        Action::Open,
        Action::NewMap,
        Action::Back,
        Action::Yes,
        Action::No,
        Action::Cancel,
        Action::Alternative,
    ];

    /// Whether the action changes the map (and so is refused while it is read-only).
    pub fn changes_map(&self) -> bool {
        matches!(
            self,
            Action::EditCell
                | Action::AddItem
                | Action::InsertItemBefore
                | Action::DeleteItem
                | Action::MoveItemUp
                | Action::MoveItemDown
                | Action::RaiseScore
                | Action::LowerScore
                | Action::SetScore(_)
                | Action::AddStageAfter
                | Action::InsertStageBefore
                | Action::RenameStage
                | Action::DeleteStage
                | Action::MoveStageLeft
                | Action::MoveStageRight
                | Action::Vote
                | Action::Unvote
                | Action::VotingRound
                | Action::EditTitle
                | Action::EditPersona
                | Action::AddNote
                | Action::EditNote
                | Action::DeleteNote
                | Action::MakeFriction
                | Action::PlanVote
                | Action::PlanUnvote
                | Action::AddChannel
                | Action::RenameChannel
                | Action::RemoveChannel
                | Action::MoveChannelUp
                | Action::MoveChannelDown
                | Action::Undo
                | Action::Redo
                | Action::Save
                | Action::Paste(_)
        )
    }

    /// One line saying what the action does, for the help screen.
    pub fn describe(&self) -> &'static str {
        match self {
            Action::MoveLeft => "previous stage",
            Action::MoveRight => "next stage",
            Action::MoveUp => "previous item or lane",
            Action::MoveDown => "next item or lane",
            Action::FirstStage => "first stage",
            Action::LastStage => "last stage",
            Action::EditCell => "edit the cell or item (adds one to an empty list)",
            Action::AddItem => "add an item after this one (keeps adding until an empty Enter)",
            Action::InsertItemBefore => "add an item before this one",
            Action::DeleteItem => "delete the item, or clear the goal / emotion score",
            Action::MoveItemUp => "move the item up in its cell",
            Action::MoveItemDown => "move the item down in its cell",
            Action::RaiseScore => "emotion score one step more positive",
            Action::LowerScore => "emotion score one step more negative",
            Action::SetScore(-2) => "emotion score -2, very negative",
            Action::SetScore(-1) => "emotion score -1, negative",
            Action::SetScore(0) => "emotion score 0, neutral",
            Action::SetScore(1) => "emotion score +1, positive",
            Action::SetScore(_) => "emotion score +2, very positive",
            Action::AddStageAfter => "add a stage after this one",
            Action::InsertStageBefore => "insert a stage before this one",
            Action::RenameStage => "rename the stage",
            Action::DeleteStage => "delete the stage (asks first)",
            Action::MoveStageLeft => "move the stage left",
            Action::MoveStageRight => "move the stage right",
            Action::Vote => "add a vote to the friction point or opportunity (in a round: cast one)",
            Action::Unvote => "take a vote away",
            Action::VotingRound => "start a dot-voting round, or end it and show the result",
            Action::ShowBoard => "the friction board: every friction point in one table",
            Action::ShowCouncil => "the CX council view: the three biggest open friction points",
            Action::CycleSort => "sort by votes, severity or stage order",
            Action::FilterBoard => "filter by status, severity, channel or owner",
            Action::ClearFilter => "show every friction point again",
            Action::EditTitle => "edit the map's title",
            Action::EditPersona => "edit the persona (the customer segment)",
            Action::ToggleNotes => "show or hide the shadow-notes pane",
            Action::FocusNotes => "move the focus between the grid and the shadow-notes pane",
            Action::AddNote => "add a shadow note (in the selected stage, the last channel)",
            Action::EditNote => "edit the selected shadow note",
            Action::DeleteNote => "delete the selected shadow note (asks first)",
            Action::FilterNotes => "filter the notes by stage, channel, observer or text",
            Action::ClearNoteFilter => "show every note again",
            Action::OpenEvidence => "open the note's first evidence with the system's opener",
            Action::MakeFriction => "make the note a friction point in its stage, linked to it",
            Action::ShowCoverage => "the coverage view: notes per stage × channel, what to shadow next",
            Action::ShowChannels => "edit the map's channels",
            Action::PlanVote => "vote to shadow this stage × channel next",
            Action::PlanUnvote => "take a vote to shadow it away",
            Action::NotesOfCell => "list this stage × channel's notes in the pane",
            Action::AddChannel => "add a channel",
            Action::RenameChannel => "rename the channel everywhere (notes, friction points, plan)",
            Action::RemoveChannel => "remove the channel (only when nothing uses it)",
            Action::MoveChannelUp => "move the channel up",
            Action::MoveChannelDown => "move the channel down",
            Action::Undo => "undo the last change",
            Action::Redo => "redo what was undone",
            Action::Save => "save the map",
            Action::OpenStartScreen => "open another map (start screen)",
            Action::Quit => "quit (asks when there are unsaved changes)",
            Action::ShowHelp => "show this help",
            Action::Commit => "keep the text",
            Action::CancelEdit => "stop editing (asks before dropping changes)",
            Action::NewLine => "new line (goal, emotion note, friction, opportunity)",
            Action::CursorLeft => "cursor left",
            Action::CursorRight => "cursor right",
            Action::CursorUp => "cursor up a line",
            Action::CursorDown => "cursor down a line",
            Action::WordLeft => "previous word",
            Action::WordRight => "next word",
            Action::LineStart => "start of line",
            Action::LineEnd => "end of line",
            Action::TextStart => "start of text",
            Action::TextEnd => "end of text",
            Action::DeleteBack => "delete before the cursor",
            Action::DeleteForward => "delete under the cursor",
            Action::DeleteWordBack => "delete the word before the cursor",
            Action::DeleteToLineStart => "delete to the start of the line",
            Action::DeleteToLineEnd => "delete to the end of the line",
            Action::Type(_) => "type a character",
            Action::Paste(_) => "paste text",
            Action::NextField => "next field",
            Action::PreviousField => "previous field",
            Action::SelectPrevious => "previous entry",
            Action::SelectNext => "next entry",
            Action::SelectFirst => "first entry",
            Action::SelectLast => "last entry",
            Action::PageUp => "page up",
            Action::PageDown => "page down",
            Action::Open => "open the selected entry",
            Action::NewMap => "new map from a template",
            Action::Back => "back / close",
            Action::Yes => "yes",
            Action::No => "no",
            Action::Cancel => "cancel",
            Action::Alternative => "the third answer, where a question has one",
        }
    }
}
