//! The subcommands that work without the terminal interface: check, new, templates, keys,
//! shadow add, coverage.
//! Every line printed from a file's content is cleaned of control characters first.

mod check;
mod coverage;
mod keys;
mod new;
mod shadow;
mod templates;

pub use check::check;
pub use coverage::{cell_text, coverage, queue_entry};
pub use keys::{keys, keys_markdown};
pub use new::{new_map, title_from_path};
pub use shadow::{NewNote, shadow_add};
pub use templates::templates;
