//! Documents built from a map: the friction memo and the exports (Markdown, CSV, HTML,
//! Mermaid), plus the RFC 4180 reader and writer they share with import. Plain Rust:
//! each builder takes a map and returns the file's text; nothing here touches the disk.

pub mod council;
pub mod csv;
pub mod escape;
pub mod formula;
pub mod html;
pub mod markdown;
pub mod memo;
pub mod mermaid;
pub mod rfc4180;
mod svg;
pub mod ticket;

use std::path::{Path, PathBuf};

use crate::model::JourneyMap;

/// The formats `cxmap export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Markdown,
    Csv,
    Html,
    Mermaid,
}

impl ExportFormat {
    /// Every export format, in menu order.
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::Markdown,
        ExportFormat::Csv,
        ExportFormat::Html,
        ExportFormat::Mermaid,
    ];

    /// The format for its command-line name (`md`, `csv`, `html`, `mermaid`).
    pub fn parse(name: &str) -> Option<ExportFormat> {
        match name.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(ExportFormat::Markdown),
            "csv" => Some(ExportFormat::Csv),
            "html" => Some(ExportFormat::Html),
            "mermaid" | "mmd" => Some(ExportFormat::Mermaid),
            _ => None,
        }
    }

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Csv => "csv",
            ExportFormat::Html => "html",
            ExportFormat::Mermaid => "mermaid",
        }
    }

    /// The format's name in a sentence: "Wrote the Markdown export to …".
    pub fn title(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "Markdown",
            ExportFormat::Csv => "CSV",
            ExportFormat::Html => "HTML",
            ExportFormat::Mermaid => "Mermaid",
        }
    }

    /// The file extension of an exported file.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Mermaid => "mmd",
            other => other.name(),
        }
    }

    /// The format's name in the export menu.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "Markdown",
            ExportFormat::Csv => "CSV (imports back)",
            ExportFormat::Html => "HTML page",
            ExportFormat::Mermaid => "Mermaid diagram",
        }
    }

    /// The exported document.
    pub fn build(self, map: &JourneyMap) -> String {
        match self {
            ExportFormat::Markdown => markdown::export(map),
            ExportFormat::Csv => csv::export(map),
            ExportFormat::Html => html::export(map),
            ExportFormat::Mermaid => mermaid::export(map),
        }
    }
}

/// A file beside the map named after it: `maps/coffee.json` with `-memo` and `md`
/// gives `maps/coffee-memo.md`.
pub fn path_beside(map_path: &Path, suffix: &str, extension: &str) -> PathBuf {
    let stem = map_path
        .file_stem()
        .map_or_else(|| "map".to_owned(), |s| s.to_string_lossy().into_owned());
    map_path.with_file_name(format!("{stem}{suffix}.{extension}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_sit_beside_the_map() {
        assert_eq!(
            path_beside(Path::new("maps/coffee.json"), "-memo", "md"),
            PathBuf::from("maps/coffee-memo.md")
        );
        assert_eq!(
            path_beside(Path::new("coffee.json"), "", "mmd"),
            PathBuf::from("coffee.mmd")
        );
    }

    #[test]
    fn formats_parse_by_name() {
        for format in ExportFormat::ALL {
            assert_eq!(ExportFormat::parse(format.name()), Some(format));
        }
        assert_eq!(ExportFormat::parse("pdf"), None);
    }
}
