//! The command line, declared with clap: `cxmap [FILE]`, `--example`, and the subcommands.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Parser, Subcommand, ValueEnum};

use crate::app::look::{ColourChoice, ThemeName};
use crate::commands::{CheckFormat, DiffFormat, QueryFormat};
use crate::export::ExportFormat;
use crate::export::council::CouncilFormat;
use crate::export::memo::MemoFormat;
use crate::model::{Severity, Status};

fn memo_format(name: &str) -> Result<MemoFormat, String> {
    MemoFormat::parse(name).ok_or_else(|| "choose md, txt, html or pdf".to_owned())
}

fn council_format(name: &str) -> Result<CouncilFormat, String> {
    CouncilFormat::parse(name).ok_or_else(|| "choose md or csv".to_owned())
}

/// `--top N`: 0 would list nothing and look like a map with no open points.
fn council_top(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(0) => Err("0 lists nothing: give 1 or more, or --all for every open point".to_owned()),
        Ok(n) => Ok(n),
        Err(_) => Err("give a whole number, 1 or more".to_owned()),
    }
}

fn check_format(name: &str) -> Result<CheckFormat, String> {
    CheckFormat::parse(name).ok_or_else(|| "choose text, json or github".to_owned())
}

fn query_format(name: &str) -> Result<QueryFormat, String> {
    QueryFormat::parse(name).ok_or_else(|| "choose md, csv or json".to_owned())
}

fn query_severity(text: &str) -> Result<Severity, String> {
    let number = match text.to_ascii_lowercase().as_str() {
        "minor" => 1,
        "major" => 2,
        "severe" => 3,
        other => other.parse::<i64>().unwrap_or(0),
    };
    Severity::from_number(number).ok_or_else(|| "choose 1 (minor), 2 (major) or 3 (severe)".to_owned())
}

fn query_status(text: &str) -> Result<Status, String> {
    Status::parse(text).ok_or_else(|| "choose open, in-progress, fixed or wont-fix".to_owned())
}

fn diff_format(name: &str) -> Result<DiffFormat, String> {
    DiffFormat::parse(name).ok_or_else(|| "choose text, md or json".to_owned())
}

fn export_format(name: &str) -> Result<ExportFormat, String> {
    ExportFormat::parse(name).ok_or_else(|| "choose md, csv, html or mermaid".to_owned())
}

/// A terminal workbench for customer-journey mapping.
///
/// With a FILE, opens that map (a missing file becomes a new map, created on the first
/// save). With no FILE, shows the start screen: your maps, new map, the examples.
#[derive(Debug, Parser)]
#[command(
    name = "cxmap",
    version,
    propagate_version = true,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// The journey map to open or create (a .json file)
    #[arg(value_name = "FILE", conflicts_with = "example")]
    pub file: Option<PathBuf>,

    /// Open a copy of a bundled example: coffee-shop (the default) or online-store
    #[arg(long, value_name = "NAME", num_args = 0..=1, default_missing_value = "coffee-shop")]
    pub example: Option<String>,

    /// Open the map in present mode, for a projector: one stage full screen, in full text
    #[arg(long)]
    pub present: bool,

    /// The colours: dark (the default), light, high-contrast or monochrome
    ///
    /// Without --theme, the "theme" in settings.json in the config folder is used.
    #[arg(long, value_name = "NAME", ignore_case = true)]
    pub theme: Option<ThemeName>,

    /// When to draw colours: auto (unless NO_COLOR is set), always or never
    ///
    /// Without colours, selections, search hits and the focus still show, in reverse,
    /// underline and bold.
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    pub color: ColourChoice,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands, for work outside the grid.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new map file from a template
    New {
        /// Where to write the new map (must not exist yet)
        file: PathBuf,
        /// The stage set to start from (see `cxmap templates`)
        #[arg(long, short, default_value = "digital")]
        template: String,
        /// The map's title (defaults to one made from the file name)
        #[arg(long)]
        title: Option<String>,
    },
    /// List the templates a new map can start from
    Templates,
    /// Print every key binding as Markdown (a cheat sheet for the workshop wall)
    Keys,
    /// Check map files and print every problem as FILE:LINE:COLUMN: message
    ///
    /// Warnings also cover the friction memo: friction points without evidence (their own
    /// or their linked shadow notes'), evidence files that are missing or outside the map's
    /// folder, stages with no emotion score, friction text that reads like a solution ("Add
    /// live chat", "we could", "it would be better"; quotations are never judged).
    /// --format json prints one JSON object per problem and line (file, line, column,
    /// level, message); --format github prints GitHub Actions annotations.
    ///
    /// Exit status: 0 when every file is valid (warnings allowed), 1 when a file has
    /// errors (or warnings, with --strict), 2 when a file cannot be read.
    Check {
        /// The map files to check
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Exit 1 on warnings too (for git hooks and CI)
        #[arg(long)]
        strict: bool,
        /// text (the default), json (one object per line) or github (annotations)
        #[arg(long, short, default_value = "text", value_parser = check_format)]
        format: CheckFormat,
    },
    /// Write the friction memo: every friction point, stage by stage, as observations
    ///
    /// Markdown on standard output unless told otherwise. Who walked the journey, when and
    /// on which devices come from the map's memo facts (set in the memo preview), else from
    /// the shadow notes; --observer, --date and --device say it for this memo. Warnings go
    /// to standard error: text that reads like a solution, missing evidence files, notes
    /// linked to no friction point, and a printed memo that needs more than one page.
    Memo {
        /// The journey map
        file: PathBuf,
        /// md, txt (wrapped at 78 columns), html (one A4 page, pictures inside) or pdf (the
        /// same page); taken from OUT's extension when left out, else md
        #[arg(long, short, value_parser = memo_format)]
        format: Option<MemoFormat>,
        /// Write to this file instead of standard output (.md, .txt, .html or .pdf; - is
        /// standard output)
        #[arg(long, short, value_name = "OUT", conflicts_with = "bundle")]
        output: Option<PathBuf>,
        /// Write the memo (HTML unless -f says otherwise) and full-size copies of its
        /// evidence into this folder, with working links: ready to zip and send
        #[arg(long, value_name = "DIR")]
        bundle: Option<PathBuf>,
        /// Replace OUT if it exists; write into a DIR that is not empty
        #[arg(long)]
        force: bool,
        /// Leave out fixed and won't-fix friction points
        #[arg(long)]
        open_only: bool,
        /// Who walked the journey (repeat for several people)
        #[arg(long = "observer", value_name = "NAME")]
        observers: Vec<String>,
        /// When the journey was walked, in your words ("2026-11-20", "week 47")
        #[arg(long, value_name = "TEXT")]
        date: Option<String>,
        /// A device used on the walk: phone, laptop, screen reader (repeat for several)
        #[arg(long = "device", value_name = "NAME")]
        devices: Vec<String>,
        /// Add today's date (without it, the same map always gives the same memo)
        #[arg(long)]
        dated: bool,
    },
    /// Export the map as Markdown, CSV, HTML or a Mermaid journey diagram
    Export {
        /// The journey map
        file: PathBuf,
        /// md, csv, html or mermaid
        #[arg(long, short, value_parser = export_format)]
        format: ExportFormat,
        /// Write to this file instead of standard output (- is standard output)
        #[arg(long, short, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Replace OUT if it exists
        #[arg(long)]
        force: bool,
    },
    /// Make a map from a spreadsheet saved as CSV
    ///
    /// Either a grid (stage names across the first row; goal, touchpoints, emotion,
    /// friction, opportunity down the first column; several items in a cell on lines of
    /// their own or separated by semicolons) or cxmap's own CSV export. Every problem is
    /// reported with its row and column, and nothing is written unless the whole sheet
    /// was understood.
    Import {
        /// The sheet, saved as CSV (UTF-8)
        sheet: PathBuf,
        /// The map file to write (- prints the map on standard output)
        #[arg(long, short, value_name = "MAP")]
        output: PathBuf,
        /// Skip what is not understood (and say what) instead of writing nothing
        #[arg(long)]
        lenient: bool,
        /// The map's title (defaults to the sheet's, else one made from the file name)
        #[arg(long)]
        title: Option<String>,
        /// Replace MAP if it exists
        #[arg(long)]
        force: bool,
    },
    /// Service shadows: add a field note to a map
    Shadow {
        #[command(subcommand)]
        command: ShadowCommand,
    },
    /// Print the coverage matrix (notes per stage and channel) and what to shadow next
    Coverage {
        /// The map file
        file: PathBuf,
    },
    /// Print the CX council's action list: the top open friction points with their owner,
    /// status, stage, channel, votes and severity
    ///
    /// Open points (not fixed or won't-fix), most votes first, then the most severe, then
    /// in journey order; points tied on both share a rank marked "=".
    Council {
        /// The journey map
        file: PathBuf,
        /// md (the default) or csv
        #[arg(long, short, default_value = "md", value_parser = council_format)]
        format: CouncilFormat,
        /// How many points to list, 1 or more (the council takes the three biggest)
        #[arg(long, value_name = "N", default_value_t = 3, value_parser = council_top)]
        top: usize,
        /// List every open point
        #[arg(long, conflicts_with = "top")]
        all: bool,
        /// Write to this file instead of standard output (- is standard output)
        #[arg(long, short, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Replace OUT if it exists
        #[arg(long)]
        force: bool,
    },
    /// Say what changed between two versions of a map, in words, by id
    ///
    /// Stages added, removed, renamed and moved; goals, touchpoints, emotion, metrics;
    /// friction points and opportunities field by field ("fr-8c2a severity: 2 → 3"),
    /// links, shadow notes, channels and plan votes. With --git REV, compares FILE with
    /// the same file at a git revision. --textconv prints one map as one fact per line,
    /// for git's textconv (see the README).
    ///
    /// Exit status: 0 when the maps are the same, 1 when they differ, 2 on trouble.
    Diff {
        /// The older map (with --git or --textconv: the map file)
        #[arg(value_name = "A")]
        old: PathBuf,
        /// The newer map
        #[arg(value_name = "B", required_unless_present_any = ["git", "textconv"], conflicts_with_all = ["git", "textconv"])]
        new: Option<PathBuf>,
        /// Compare A with A as this git revision has it (HEAD, main, a1b2c3d, …)
        #[arg(long, value_name = "REV")]
        git: Option<String>,
        /// text (the default), md or json
        #[arg(long, short, default_value = "text", value_parser = diff_format)]
        format: DiffFormat,
        /// Print the map A as one fact per line (for git diff's textconv)
        #[arg(long, conflicts_with = "git")]
        textconv: bool,
    },
    /// Merge two versions of a map by id: usable as git's merge driver (%O %A %B)
    ///
    /// Independent edits merge, additions on both sides stay, votes add up. A field
    /// changed differently on both sides, or an item deleted on one side and changed on
    /// the other, is a conflict kept inside the map with both values (ours stands until
    /// you choose in cxmap; cxmap check lists them). The result goes into OURS.
    ///
    /// Exit status: 0 merged cleanly, 1 conflicts kept in the map, 2 trouble (nothing
    /// written).
    Merge {
        /// The common ancestor (git's %O; an empty file when both sides added the map)
        base: PathBuf,
        /// The version merged into, and where the result goes (git's %A)
        ours: PathBuf,
        /// The version merged in (git's %B)
        theirs: PathBuf,
        /// Write the merged map here instead of into OURS
        #[arg(long, short, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Replace OUT if it exists
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// List the friction points of many maps in one table, worst first
    ///
    /// Columns: map, stage, channel, severity, votes, owner, status, text. Filters
    /// combine; a filter given twice lets either value through. The Markdown table ends
    /// with the points per channel: which channel hurts across all your journeys.
    Query {
        /// Map files, or folders whose .json files are read
        #[arg(required = true, value_name = "MAPS")]
        maps: Vec<PathBuf>,
        /// Only this severity or worse: 1 (minor), 2 (major), 3 (severe)
        #[arg(long, value_name = "N", value_parser = query_severity)]
        severity: Option<Severity>,
        /// Only this status: open, in-progress, fixed or wont-fix
        #[arg(long, value_name = "S", value_parser = query_status)]
        status: Vec<Status>,
        /// Only this channel (any case)
        #[arg(long, value_name = "C")]
        channel: Vec<String>,
        /// Only this owner (any case; "" for points nobody owns)
        #[arg(long, value_name = "O")]
        owner: Vec<String>,
        /// Only this stage: its name (any case) or its id
        #[arg(long, value_name = "NAME")]
        stage: Vec<String>,
        /// md (the default), csv or json
        #[arg(long, short, default_value = "md", value_parser = query_format)]
        format: QueryFormat,
    },
    /// Print the JSON Schema of the map format, for editors that check hand edits
    ///
    /// The same file is docs/cxmap.schema.json. Point your editor's JSON language server
    /// at it (see the README), or add "$schema" to a map.
    Schema,
    /// Print a completion script for your shell: bash, zsh, fish or powershell
    ///
    /// Where to put it for each shell is in the README ("Make it yours"), e.g.
    /// cxmap completions bash > ~/.local/share/bash-completion/completions/cxmap
    Completions {
        /// The shell: bash, zsh, fish or powershell (elvish too)
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write a page per command into a folder
    ///
    /// cxmap man --dir ~/.local/share/man/man1 writes cxmap.1 and cxmap-check.1 and the
    /// rest, so that man cxmap and man cxmap-check work.
    Man {
        /// Write cxmap.1 and a page per command into this folder instead
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// What `cxmap shadow` does.
#[derive(Debug, Subcommand)]
pub enum ShadowCommand {
    /// Append a shadow note to a map (saved at once; a locked map is left alone)
    Add {
        /// The map file
        file: PathBuf,
        /// The stage: its name (or the start of it, when only one stage's fits), its id or
        /// its number
        #[arg(long, value_name = "NAME_OR_ID")]
        stage: String,
        /// The channel, matched against the map's channels like a `#channel` tag ending the
        /// text (which gives it too); added to them when none fits
        #[arg(long, value_name = "NAME")]
        channel: Option<String>,
        /// What was observed; may end in a `#channel` tag, matched against the map's
        /// channels ignoring case, spaces and hyphens (`#email` is "E-mail"), by the start
        /// of a word (`#app` is "Mobile app") or a common synonym (`#phone` is
        /// "Contact-centre call")
        #[arg(long)]
        text: String,
        /// A path relative to the map's folder, or a URL (may be repeated)
        #[arg(long, value_name = "PATH")]
        evidence: Vec<String>,
        /// Who observed it (defaults to the configured name, else $USER)
        #[arg(long, value_name = "NAME")]
        observer: Option<String>,
        /// Also record it as a friction point of the stage, linked to the note (the note's
        /// evidence reaches the point through the link); the text may then end in `!N`
        /// (severity) and `@name` (owner) tags too
        #[arg(long)]
        friction: bool,
        /// The friction point's severity: 1 minor, 2 major (the default), 3 severe (or a
        /// `!N` tag, which must agree)
        #[arg(long, value_name = "N", requires = "friction", value_parser = clap::value_parser!(u8).range(1..=3))]
        severity: Option<u8>,
    },
}

impl ValueEnum for ThemeName {
    fn value_variants<'a>() -> &'a [Self] {
        &Self::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let help = match self {
            Self::Dark => "sixteen colours for a dark terminal",
            Self::Light => "for a white or pale background",
            Self::HighContrast => "for projectors and low vision: no dim text, colour only as backgrounds",
            Self::Monochrome => "no colour: reverse, underline and bold",
        };
        Some(PossibleValue::new(self.name()).help(help))
    }
}

impl ValueEnum for ColourChoice {
    fn value_variants<'a>() -> &'a [Self] {
        &[Self::Auto, Self::Always, Self::Never]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(match self {
            Self::Auto => "auto",
            Self::Always => "always",
            Self::Never => "never",
        }))
    }
}
