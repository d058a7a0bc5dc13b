//! cxmap: a terminal workbench for customer-journey mapping.
//!
//! `model` is the map as plain data with undoable edits, `format` the file format,
//! `store` the disk; the terminal program is built on these in `app` and `ui`.

pub mod format;
pub mod model;
pub mod store;
