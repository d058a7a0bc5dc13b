//! Text for the terminal: cleaning file text before it is drawn, measuring and wrapping
//! it by display width, the line editor used for every text entry, and lists in words.

pub mod display;
pub mod graphemes;
pub mod input;
pub mod list;
pub mod pasted;
pub mod swar;
pub mod wrap;
