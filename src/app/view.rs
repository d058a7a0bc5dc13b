//! Which main view shows under the bars: the grid, or one of the views built from it.

/// The main view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// Stages by lanes.
    #[default]
    Grid,
    /// Every friction point in one table.
    Board,
    /// The three biggest open friction points, for the CX council.
    Council,
    /// Shadow notes counted per stage × channel, and what to shadow next.
    Coverage,
    /// The map's channel list, to add, rename, remove and reorder.
    Channels,
    /// The friction memo's preview, before it is written.
    Memo,
}
