//! The subcommands that work without the terminal interface: check, new, templates, keys,
//! shadow add, coverage, council, memo, export, import, diff, merge, query, schema,
//! completions and man.
//! Every line printed from a file's content is cleaned of control characters first.

mod check;
mod completions;
mod council;
mod coverage;
mod diff;
mod export;
mod import;
mod keys;
mod man;
mod memo;
mod merge;
mod new;
mod output;
mod query;
mod schema;
mod shadow;
mod templates;

pub use check::{CheckFormat, check};
pub use completions::completions;
pub use council::council;
pub use coverage::coverage;
pub use diff::{DiffFormat, DiffRequest, diff};
pub use export::export;
pub use import::{ImportRequest, import};
pub use keys::{keys, keys_markdown};
pub use man::man;
pub use memo::{MemoRequest, memo};
pub use merge::{MergeRequest, merge};
pub use new::new_map;
pub use query::{QueryFilter, QueryFormat, QueryRequest, QueryRow, query, query_rows};
pub use schema::{SCHEMA, schema};
pub use shadow::{NewNote, shadow_add};
pub use templates::templates;
