//! The subcommands that work without the terminal interface: check, new, templates, keys.
//! Every line printed from a file's content is cleaned of control characters first.

mod check;
mod keys;
mod new;
mod templates;

pub use check::check;
pub use keys::{keys, keys_markdown};
pub use new::{new_map, title_from_path};
pub use templates::templates;
