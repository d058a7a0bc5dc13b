//! Screen arithmetic shared by update and view: how many stage columns fit, how tall the
//! detail pane is, how wide the editor's text is. Pure numbers, no terminal.

/// Narrower or shorter than this, the program shows a notice instead of the grid. At
/// the minimum height every lane still gets one row beside the title, status and the
/// five-row detail pane (the editor lives there).
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;
/// Width of the lane-name column at the left of the grid ("Customer goal" plus a space).
pub const LANE_LABEL_WIDTH: u16 = 14;
/// The narrowest a stage column gets, its border included.
pub const MIN_STAGE_WIDTH: u16 = 22;

/// Rows of the emotion curve under the grid: a rule, then one row per score step.
pub const CURVE_HEIGHT: u16 = 6;
/// The grid keeps at least this many rows (two per lane) before the curve gets any.
pub const GRID_MIN_HEIGHT: u16 = 16;

/// Whether a grid area `height` rows tall has room for the emotion curve as well.
pub fn curve_fits(height: u16) -> bool {
    height >= GRID_MIN_HEIGHT + CURVE_HEIGHT
}

/// The widest present mode lays its text out: longer lines are hard to follow on a wall.
pub const PRESENT_MAX_WIDTH: u16 = 100;
/// Rows present mode keeps above its page: what it shows, and a rule.
pub const PRESENT_HEADING: u16 = 2;

/// Width of the label column in forms.
pub const FORM_LABEL_WIDTH: u16 = 11;

/// The terminal's size, as last reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    pub width: u16,
    pub height: u16,
}

impl Default for Geometry {
    fn default() -> Self {
        Self {
            width: 80,
            height: 24,
        }
    }
}

impl Geometry {
    /// Whether the terminal is below the minimum size.
    pub fn too_small(&self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }

    /// How many stage columns fit side by side.
    pub fn stage_columns(&self) -> usize {
        usize::from((self.width.saturating_sub(LANE_LABEL_WIDTH) / MIN_STAGE_WIDTH).max(1))
    }

    /// How many stage columns fit in each half of the side-by-side comparison.
    pub fn compare_columns(&self) -> usize {
        usize::from((self.width / 2).saturating_sub(LANE_LABEL_WIDTH) / MIN_STAGE_WIDTH).max(1)
    }

    /// Height of the detail pane (which becomes the editor), borders included.
    /// Whether the emotion curve has room under the grid (the grid's area is the screen
    /// less the title, detail pane and status bar).
    pub fn curve_fits(&self) -> bool {
        let detail = self.detail_height().min(self.height.saturating_sub(6));
        curve_fits(self.height.saturating_sub(2 + detail))
    }

    /// Height of the detail pane (which becomes the editor), borders included.
    pub fn detail_height(&self) -> u16 {
        (self.height / 5).clamp(5, 10)
    }

    /// Width of the text inside the detail pane's borders.
    pub fn editor_width(&self) -> usize {
        usize::from(self.width.saturating_sub(4).max(1))
    }

    /// Lines of text the editor shows (the pane less its borders and hint line).
    pub fn editor_height(&self) -> usize {
        usize::from(self.detail_height().saturating_sub(3).max(1))
    }

    /// Width of a form's box, borders included.
    pub fn form_width(&self) -> u16 {
        self.width.saturating_sub(4).min(90)
    }

    /// Width of a form field's text, right of its label.
    pub fn form_text_width(&self) -> usize {
        usize::from(self.form_width().saturating_sub(2 + FORM_LABEL_WIDTH + 1).max(1))
    }

    /// Lines the memo's preview shows at once: the screen less the title bar, the
    /// preview's own summary line and the status bar.
    pub fn memo_page(&self) -> usize {
        usize::from(self.height.saturating_sub(3).max(1))
    }

    /// Present mode's page: its text's columns (a blank column each side, at most
    /// [`PRESENT_MAX_WIDTH`]) and the rows it has (the screen less the title and status
    /// bars and the page's heading).
    pub fn present_page(&self) -> (usize, usize) {
        let columns = self.width.saturating_sub(2).min(PRESENT_MAX_WIDTH);
        let rows = self.height.saturating_sub(2 + PRESENT_HEADING);
        (usize::from(columns), usize::from(rows))
    }

    /// Lines the help screen shows at once.
    pub fn help_page(&self) -> usize {
        usize::from(self.height.saturating_sub(6).max(1))
    }
}
