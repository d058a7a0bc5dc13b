//! cxmap: a terminal workbench for customer-journey mapping.
//!
//! `model` is the map as plain data with undoable edits, `format` the file format and
//! `store` the disk; `app` holds the state and applies actions, `ui` draws it, `session`
//! performs the I/O the app asks for, `lookout` lists the open map's folder off the key
//! loop, and `terminal` runs the loop.

pub mod app;
pub mod assets;
pub mod cli;
pub mod commands;
pub mod export;
pub mod format;
pub mod generate;
pub mod import;
pub mod lookout;
pub mod model;
pub mod session;
pub mod store;
pub mod terminal;
pub mod text;
pub mod ui;
