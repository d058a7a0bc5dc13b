//! Every user intent is an [`Action`]. What the program knows about one lives on one line
//! of the table below: its stable name (for `cxmap keys` and a user's key file), whether it
//! changes the map (refused while the map is read-only), and its one-line description.
//! The table is one exhaustive match, so a new action does not compile until it is there.

use super::pointer::{Spot, Wheel};

/// Something the user asked for. Text typed or pasted into an editor arrives as
/// [`Action::Type`] and [`Action::Paste`]; every other action comes from a key binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    // Moving around the grid.
    MoveLeft,
    MoveRight,
    MoveUp,
    MoveDown,
    LaneUp,
    LaneDown,
    FirstStage,
    LastStage,
    // Changing cells and items.
    EditCell,
    AddItem,
    InsertItemBefore,
    DeleteItem,
    MoveItemUp,
    MoveItemDown,
    MoveItemToPreviousStage,
    MoveItemToNextStage,
    CutItem,
    PasteItem,
    RaiseScore,
    LowerScore,
    SetScore(i8),
    Number(u8),
    // Stages and the map.
    AddStageAfter,
    InsertStageBefore,
    RenameStage,
    DeleteStage,
    MoveStageLeft,
    MoveStageRight,
    DuplicateStage,
    Vote,
    Unvote,
    VotingRound,
    NextParticipant,
    PreviousParticipant,
    ShowBoard,
    ShowCouncil,
    SetOwner,
    CycleStatus,
    ShowConflicts,
    TakeOurs,
    TakeTheirs,
    // Present mode for the projector.
    Present,
    PresentNext,
    PresentPrevious,
    PresentSwitch,
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
    LinkNote,
    UnlinkNote,
    MoveToOpportunities,
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
    // Documents.
    ShowExport,
    Copy,
    ShowMemo,
    WriteMemo,
    MemoOpenOnly,
    MemoDetails,
    ToggleCurve,
    EditMetrics,
    Search,
    NextHit,
    PreviousHit,
    LeaveSearch,
    // History, files, program.
    Undo,
    Redo,
    Save,
    OpenStartScreen,
    SaveAs,
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
    Complete,
    EditInEditor,
    Type(char),
    Paste(String),
    // The mouse, over what the view drew there.
    Click(Spot),
    DoubleClick(Spot),
    Wheel { over: Option<Spot>, turn: Wheel },
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
    // Linking an opportunity to the friction points it addresses.
    LinkFrictions,
    ToggleLink,
}

/// Whether an action changes the map or its file, so it is refused while the map is
/// read-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Moves, shows, chooses: the map stays as it is.
    Looks,
    /// Changes the map (undo and redo too) or writes it.
    Changes,
}

/// What an action says about itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct About {
    /// A stable snake_case name, e.g. `add_item`; empty for typed text, which no key is
    /// bound to.
    pub name: &'static str,
    pub reach: Reach,
    /// One line for the help screen. `{keep}` stands for the key that keeps what was
    /// typed: the keymap fills it in (`Keymap::describe`), so no key is named by hand.
    pub description: &'static str,
}

/// The table: every action a key can be bound to as `Variant => "name", Reach, "description";`
/// (each `SetScore` value a line of its own), then the actions typed text makes. One
/// exhaustive match is built from it, and `Action::BINDABLE` from its first part.
macro_rules! actions {
    (
        bindable { $($variant:ident $(($value:literal))? => $name:literal, $reach:ident, $description:expr;)* }
        typed { $($typed:pat => $typed_reach:ident, $typed_description:expr;)* }
    ) => {
        impl Action {
            /// Every action a key can be bound to, in table order.
            pub const BINDABLE: &'static [Action] = &[$(Action::$variant $(($value))?,)*];

            /// The action's name, reach and description.
            pub fn about(&self) -> About {
                match self {
                    $(Action::$variant $(($value))? => About {
                        name: $name,
                        reach: Reach::$reach,
                        description: $description,
                    },)*
                    $($typed => About {
                        name: "",
                        reach: Reach::$typed_reach,
                        description: $typed_description,
                    },)*
                }
            }
        }
    };
}

actions! {
    bindable {
        MoveLeft => "move_left", Looks, "previous stage";
        MoveRight => "move_right", Looks, "next stage";
        MoveUp => "move_up", Looks, "previous item or lane";
        MoveDown => "move_down", Looks, "next item or lane";
        LaneUp => "lane_up", Looks, "the lane above, at its first item";
        LaneDown => "lane_down", Looks,
            "the lane below, at its first item (the friction lane is three keys from the goal)";
        FirstStage => "first_stage", Looks, "first stage";
        LastStage => "last_stage", Looks, "last stage";
        EditCell => "edit_cell", Changes, "edit the cell or item (adds one to an empty list)";
        AddItem => "add_item", Changes,
            "add an item after this one (keeps adding until an empty {keep})";
        InsertItemBefore => "insert_item_before", Changes,
            "add an item before this one (keeps adding until an empty {keep})";
        DeleteItem => "delete_item", Changes, "delete the item, or clear the goal / emotion score";
        MoveItemUp => "move_item_up", Changes, "move the item up in its cell";
        MoveItemDown => "move_item_down", Changes, "move the item down in its cell";
        MoveItemToPreviousStage => "move_item_to_previous_stage", Changes,
            "move the item to the previous stage (id, votes, links and evidence go with it)";
        MoveItemToNextStage => "move_item_to_next_stage", Changes,
            "move the item to the next stage (id, votes, links and evidence go with it)";
        CutItem => "cut_item", Looks, "cut the item, to paste it in another cell (it stays until then)";
        PasteItem => "paste_item", Changes, "paste the cut item after the selected one";
        RaiseScore => "raise_score", Changes,
            "on the emotion lane: score one step more positive (a digit after it: that score)";
        LowerScore => "lower_score", Changes,
            "on the emotion lane: score one step more negative (a digit after it: minus that)";
        Number(0) => "number_0", Changes, "on the emotion lane: score 0, neutral";
        Number(1) => "number_1", Changes,
            "on a friction point: severity 1 minor; on the emotion lane: score +1 (-1 after -)";
        Number(2) => "number_2", Changes,
            "on a friction point: severity 2 major; on the emotion lane: score +2 (-2 after -)";
        Number(3) => "number_3", Changes, "on a friction point: severity 3 severe";
        AddStageAfter => "add_stage_after", Changes, "add a stage after this one";
        InsertStageBefore => "insert_stage_before", Changes, "insert a stage before this one";
        RenameStage => "rename_stage", Changes, "rename the stage";
        DeleteStage => "delete_stage", Changes, "delete the stage (asks first)";
        MoveStageLeft => "move_stage_left", Changes, "move the stage left";
        MoveStageRight => "move_stage_right", Changes, "move the stage right";
        DuplicateStage => "duplicate_stage", Changes,
            "duplicate the stage (fresh ids, no votes; notes stay with the original)";
        Vote => "vote", Changes,
            "add a vote to the friction point or opportunity (in a round: the person shown casts one)";
        Unvote => "unvote", Changes, "take a vote away (in a round: the person shown takes theirs back)";
        VotingRound => "voting_round", Changes, "start a dot-voting round, or end it and show the result";
        NextParticipant => "next_participant", Looks, "in a voting round: the next person to vote";
        PreviousParticipant => "previous_participant", Looks,
            "in a voting round: the previous person to vote";
        ShowBoard => "show_board", Looks, "the friction board: every friction point in one table";
        ShowCouncil => "show_council", Looks,
            "the CX council view: the three biggest open friction points";
        ShowConflicts => "show_conflicts", Looks,
            "the merge conflicts a git merge left in the map, to choose a side for each";
        TakeOurs => "take_ours", Changes, "resolve the conflict with ours (the branch you are on)";
        TakeTheirs => "take_theirs", Changes, "resolve the conflict with theirs (the branch merged in)";
        SetOwner => "set_owner", Changes, "set the friction point's owner (the names the map already has are completed)";
        CycleStatus => "cycle_status", Changes,
            "next status: open, in progress, fixed, won't fix";
        Present => "present", Looks,
            "present mode for the projector: the stage full screen in full text (or its lane across the stages)";
        PresentNext => "present_next", Looks,
            "next: the rest of a tall page, then the next stage (or lane)";
        PresentPrevious => "present_previous", Looks,
            "previous: back up a tall page, then the previous stage (or lane)";
        PresentSwitch => "present_switch", Looks,
            "switch between one stage (every lane) and one lane (every stage)";
        CycleSort => "cycle_sort", Looks, "sort by votes, severity or stage order";
        FilterBoard => "filter_board", Looks, "filter by status, severity, channel or owner";
        ClearFilter => "clear_filter", Looks, "show every friction point again";
        EditTitle => "edit_title", Changes, "edit the map's title";
        EditPersona => "edit_persona", Changes, "edit the persona (the customer segment)";
        ToggleNotes => "toggle_notes", Looks, "show or hide the shadow-notes pane";
        FocusNotes => "focus_notes", Looks,
            "move the focus between the grid and the shadow-notes pane";
        AddNote => "add_note", Changes, "add a shadow note (in the selected stage, the last channel)";
        EditNote => "edit_note", Changes, "edit the selected shadow note";
        DeleteNote => "delete_note", Changes, "delete the selected shadow note (asks first)";
        FilterNotes => "filter_notes", Looks, "filter the notes by stage, channel, observer or text";
        ClearNoteFilter => "clear_note_filter", Looks, "show every note again";
        OpenEvidence => "open_evidence", Looks,
            "open the evidence of the note or friction point (a choice when there are several)";
        MakeFriction => "make_friction", Changes,
            "make the note a friction point in its stage, linked to it";
        LinkNote => "link_note", Changes,
            "link shadow notes and a friction point (the point's evidence then includes the note's)";
        UnlinkNote => "unlink_note", Changes, "take the note off the friction point it is linked to";
        MoveToOpportunities => "move_to_opportunities", Changes,
            "move a friction point that reads like a solution to its stage's opportunities";
        ShowCoverage => "show_coverage", Looks,
            "the coverage view: notes per stage × channel, what to shadow next";
        ShowChannels => "show_channels", Looks, "edit the map's channels";
        PlanVote => "plan_vote", Changes, "vote to shadow this stage × channel next";
        PlanUnvote => "plan_unvote", Changes, "take a vote to shadow it away";
        NotesOfCell => "notes_of_cell", Looks, "list this stage × channel's notes in the pane";
        AddChannel => "add_channel", Changes, "add a channel";
        RenameChannel => "rename_channel", Changes,
            "rename the channel everywhere (notes, friction points, plan)";
        RemoveChannel => "remove_channel", Changes, "remove the channel (only when nothing uses it)";
        MoveChannelUp => "move_channel_up", Changes, "move the channel up";
        MoveChannelDown => "move_channel_down", Changes, "move the channel down";
        ShowExport => "show_export", Looks, "export the map: Markdown, CSV, HTML or Mermaid";
        Copy => "copy", Looks,
            "copy to the clipboard as Markdown: a friction point as a ticket to file, any other cell its whole stage, the memo from its preview";
        ShowMemo => "show_memo", Looks, "the friction memo: preview it, then write it";
        WriteMemo => "write_memo", Looks, "write the memo to a file (choose the format)";
        MemoOpenOnly => "memo_open_only", Looks,
            "leave out fixed and won't-fix points, or show them again";
        MemoDetails => "memo_details", Looks, "say who walked the journey, when, and on which devices";
        ToggleCurve => "toggle_curve", Looks,
            "show or hide the emotion curve under the grid (it hides itself when the terminal is too short)";
        EditMetrics => "edit_metrics", Changes, "edit the stage's CSAT, NPS and CES (with a calculator)";
        Search => "search", Looks, "search every text of the map ({keep} jumps to the first hit)";
        NextHit => "next_hit", Looks, "next search hit";
        PreviousHit => "previous_hit", Looks, "previous search hit";
        LeaveSearch => "leave_search", Looks, "leave the search (clears the highlight)";
        Undo => "undo", Changes, "undo the last change";
        Redo => "redo", Changes, "redo what was undone";
        Save => "save", Changes, "save the map";
        OpenStartScreen => "open_start_screen", Looks, "open another map (start screen)";
        SaveAs => "save_as", Looks, "save the map under a new name and go on there";
        Quit => "quit", Looks, "quit (asks when there are unsaved changes)";
        ShowHelp => "show_help", Looks, "show this help";
        Commit => "commit", Looks, "keep what you typed or chose";
        CancelEdit => "cancel_edit", Looks, "stop (asks before dropping changes)";
        NewLine => "new_line", Looks, "new line (goal, emotion note, friction, opportunity)";
        CursorLeft => "cursor_left", Looks, "cursor left";
        CursorRight => "cursor_right", Looks, "cursor right";
        CursorUp => "cursor_up", Looks, "cursor up a line";
        CursorDown => "cursor_down", Looks, "cursor down a line";
        WordLeft => "word_left", Looks, "previous word";
        WordRight => "word_right", Looks, "next word";
        LineStart => "line_start", Looks, "start of line";
        LineEnd => "line_end", Looks, "end of line";
        TextStart => "text_start", Looks, "start of text";
        TextEnd => "text_end", Looks, "end of text";
        DeleteBack => "delete_back", Looks, "delete before the cursor";
        DeleteForward => "delete_forward", Looks, "delete under the cursor";
        DeleteWordBack => "delete_word_back", Looks, "delete the word before the cursor";
        DeleteToLineStart => "delete_to_line_start", Looks, "delete to the start of the line";
        DeleteToLineEnd => "delete_to_line_end", Looks, "delete to the end of the line";
        EditInEditor => "edit_in_editor", Looks,
            "edit the text in your own editor ($VISUAL, else $EDITOR), then come back to it";
        Complete => "complete", Looks,
            "complete the #channel or @owner tag being typed (again: the next match)";
        NextField => "next_field", Looks,
            "next field; where the cursor ends a #tag or a name the map knows, completes it first (the hints say so)";
        PreviousField => "previous_field", Looks, "previous field";
        SelectPrevious => "select_previous", Looks, "previous entry";
        SelectNext => "select_next", Looks, "next entry";
        SelectFirst => "select_first", Looks, "first entry";
        SelectLast => "select_last", Looks, "last entry";
        PageUp => "page_up", Looks, "page up";
        PageDown => "page_down", Looks, "page down";
        Open => "open", Looks, "open the selected entry";
        NewMap => "new_map", Looks, "new map from a template";
        Back => "back", Looks, "back / close";
        Yes => "yes", Looks, "yes";
        No => "no", Looks, "no";
        Cancel => "cancel", Looks, "cancel";
        Alternative => "alternative", Looks, "the third answer, where a question has one";
        LinkFrictions => "link_frictions", Changes,
            "link the opportunity to the friction points it addresses (on a friction point: write an opportunity that addresses it)";
        ToggleLink => "toggle_link", Looks, "tick or untick the entry";
    }
    typed {
        Action::SetScore(_) => Changes, "set the emotion score";
        Action::Number(_) => Changes, "a digit";
        Action::Type(_) => Looks, "type a character";
        Action::Paste(_) => Changes, "paste text";
        Action::Click(_) => Looks, "a click: selects what it is on";
        Action::DoubleClick(_) => Looks, "a double click: selects, then does what Enter does there";
        Action::Wheel { .. } => Looks, "the wheel: moves through what is under the pointer";
    }
}

impl Action {
    /// The action's stable name, e.g. `add_item` (empty for typed text).
    pub fn name(&self) -> &'static str {
        self.about().name
    }

    /// One line saying what the action does, its keys left as placeholders: the help
    /// screen shows `Keymap::describe`.
    pub fn describe(&self) -> &'static str {
        self.about().description
    }

    /// Whether the action changes the map or writes it (and so is refused while it is
    /// read-only).
    pub fn changes_map(&self) -> bool {
        self.about().reach == Reach::Changes
    }

    /// The bindable action called `name`, for a key file that names actions.
    pub fn named(name: &str) -> Option<Action> {
        Action::BINDABLE.iter().find(|a| a.name() == name).cloned()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn every_bindable_action_has_its_own_snake_case_name() {
        let mut seen = HashSet::new();
        for action in Action::BINDABLE {
            let name = action.name();
            assert!(
                !name.is_empty()
                    && name.starts_with(|c: char| c.is_ascii_lowercase())
                    && name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{action:?} is named {name:?}"
            );
            assert!(seen.insert(name), "{name} names two actions");
            assert_eq!(Action::named(name).as_ref(), Some(action));
        }
    }

    #[test]
    fn typed_text_is_not_bindable_and_pasting_is_a_change() {
        assert!(!Action::BINDABLE.contains(&Action::Type('x')));
        assert!(Action::Paste("x".into()).changes_map());
        assert!(!Action::Type('x').changes_map());
        assert!(Action::SetScore(2).changes_map() && !Action::MoveLeft.changes_map());
        assert!(
            !Action::BINDABLE.contains(&Action::SetScore(2)),
            "digits act on the selection"
        );
    }
}
