//! Text for the terminal: cleaning file text before it is drawn, measuring and wrapping
//! it by display width, and the line editor used for every text entry.

pub mod display;
pub mod input;
pub mod pasted;
pub mod wrap;
