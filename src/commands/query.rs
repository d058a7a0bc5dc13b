//! `cxmap query MAPS… [filters] [-f md|csv|json]`: the friction points of many maps in one
//! table (map, stage, channel, severity, votes, owner, status, text), worst first, to
//! answer "which channel hurts across all our journeys".

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::json;

use super::output::deliver;
use crate::export::escape::md_cell;
use crate::export::rfc4180::write_record;
use crate::model::{IdGen, JourneyMap, Severity, Status};
use crate::session::load_error_lines;
use crate::store;
use crate::text::display::clean_line;

/// How `cxmap query` prints its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryFormat {
    /// A Markdown table, then the points per channel.
    Markdown,
    /// RFC 4180 CSV, for a spreadsheet.
    Csv,
    /// A JSON list of points.
    Json,
}

impl QueryFormat {
    /// The format for its command-line name.
    pub fn parse(name: &str) -> Option<QueryFormat> {
        match name.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(QueryFormat::Markdown),
            "csv" => Some(QueryFormat::Csv),
            "json" => Some(QueryFormat::Json),
            _ => None,
        }
    }
}

/// Which friction points to list; an empty list lets every value through, several
/// values let any of them through.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueryFilter {
    /// This severity or worse.
    pub severity: Option<Severity>,
    pub status: Vec<Status>,
    /// Channels, without regard to case.
    pub channel: Vec<String>,
    /// Owners, without regard to case ("" for nobody).
    pub owner: Vec<String>,
    /// Stage names (without regard to case) or ids.
    pub stage: Vec<String>,
}

/// What `cxmap query` was asked for.
#[derive(Debug, Clone)]
pub struct QueryRequest {
    /// Map files, or folders whose `.json` files are read.
    pub maps: Vec<PathBuf>,
    pub filter: QueryFilter,
    pub format: QueryFormat,
}

/// One friction point in the table.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryRow {
    pub map: String,
    pub stage: String,
    pub channel: String,
    pub severity: Severity,
    pub votes: u32,
    pub owner: String,
    pub status: Status,
    pub text: String,
    pub id: String,
}

fn any_of(wanted: &[String], value: &str) -> bool {
    wanted.is_empty()
        || wanted
            .iter()
            .any(|w| w.trim().to_lowercase() == value.trim().to_lowercase())
}

/// The friction points of `map` (shown as `name`) that pass `filter`.
pub fn query_rows(name: &str, map: &JourneyMap, filter: &QueryFilter) -> Vec<QueryRow> {
    let mut rows = Vec::new();
    for stage in &map.stages {
        let stage_wanted = filter.stage.is_empty()
            || filter.stage.iter().any(|s| s == stage.id.as_str())
            || any_of(&filter.stage, &stage.name);
        if !stage_wanted {
            continue;
        }
        for friction in &stage.frictions {
            let wanted = filter.severity.is_none_or(|least| friction.severity >= least)
                && (filter.status.is_empty() || filter.status.contains(&friction.status))
                && any_of(&filter.channel, &friction.channel)
                && any_of(&filter.owner, &friction.owner);
            if wanted {
                rows.push(QueryRow {
                    map: name.to_owned(),
                    stage: stage.name.clone(),
                    channel: friction.channel.clone(),
                    severity: friction.severity,
                    votes: friction.votes,
                    owner: friction.owner.clone(),
                    status: friction.status,
                    text: friction.text.clone(),
                    id: friction.id.as_str().to_owned(),
                });
            }
        }
    }
    rows
}

/// The map files named: files as they are, folders as their `.json` files (sorted).
fn map_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut found: Vec<PathBuf> = entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")))
                    .collect();
                found.sort();
                files.extend(found);
            }
            Err(_) => files.push(path.clone()),
        }
    }
    files
}

/// Reads the maps and prints the friction points that pass the filter. Exit 0, or 2 when
/// a map could not be read (the others are still listed).
pub fn query(request: &QueryRequest) -> ExitCode {
    let files = map_files(&request.maps);
    if files.is_empty() {
        let folders: Vec<String> = request.maps.iter().map(|p| p.display().to_string()).collect();
        eprintln!(
            "cxmap query: no maps in {} (a folder's .json files are read)",
            clean_line(&folders.join(", "))
        );
        return ExitCode::from(2);
    }
    let mut all = Vec::new();
    let mut unreadable = 0usize;
    for path in &files {
        match store::load(path, &mut IdGen::seeded(0)) {
            Ok(loaded) => all.extend(query_rows(
                &path.display().to_string(),
                &loaded.map,
                &request.filter,
            )),
            Err(error) => {
                unreadable += 1;
                for line in load_error_lines(&error) {
                    eprintln!("{}", clean_line(&line));
                }
            }
        }
    }
    // Worst first: severity, then votes; the maps' own order otherwise.
    all.sort_by(|a, b| b.severity.cmp(&a.severity).then(b.votes.cmp(&a.votes)));
    let text = match request.format {
        QueryFormat::Markdown => markdown(&all),
        QueryFormat::Csv => csv(&all),
        QueryFormat::Json => json(&all),
    };
    if unreadable == files.len() {
        // Not one map read: an empty table would read as "no friction points".
        eprintln!("cxmap query: no map could be read; nothing to list");
        return ExitCode::from(2);
    }
    let source = request.maps.first().map_or(Path::new("."), PathBuf::as_path);
    let printed = deliver(text.as_bytes(), None, false, source, "table");
    if unreadable > 0 {
        eprintln!(
            "cxmap query: {unreadable} map{} could not be read",
            if unreadable == 1 { "" } else { "s" }
        );
        return ExitCode::from(2);
    }
    printed
}

fn markdown(rows: &[QueryRow]) -> String {
    let mut out = String::from("| map | stage | channel | severity | votes | owner | status | text |\n");
    out.push_str("|---|---|---|---|---:|---|---|---|\n");
    for row in rows {
        out.push_str(&format!(
            "| {} | {} | {} | {} {} | {} | {} | {} | {} |\n",
            md_cell(&row.map),
            md_cell(&row.stage),
            md_cell(&row.channel),
            row.severity.number(),
            row.severity.word(),
            row.votes,
            md_cell(&row.owner),
            row.status.label(),
            md_cell(&row.text),
        ));
    }
    let mut channels: BTreeMap<String, (String, usize, usize, u32)> = BTreeMap::new();
    for row in rows {
        let shown = if row.channel.trim().is_empty() {
            "(no channel)"
        } else {
            row.channel.trim()
        };
        let entry = channels
            .entry(shown.to_lowercase())
            .or_insert_with(|| (shown.to_owned(), 0, 0, 0));
        entry.1 += 1;
        entry.2 += usize::from(row.severity == Severity::Severe);
        entry.3 += row.votes;
    }
    let mut by_channel: Vec<(String, usize, usize, u32)> = channels.into_values().collect();
    by_channel.sort_by(|a, b| b.2.cmp(&a.2).then(b.1.cmp(&a.1)).then(b.3.cmp(&a.3)));
    out.push_str(&format!(
        "\n{} friction point{}. By channel, most severe first:\n\n",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    ));
    out.push_str("| channel | points | severe | votes |\n|---|---:|---:|---:|\n");
    for (channel, points, severe, votes) in by_channel {
        out.push_str(&format!(
            "| {} | {points} | {severe} | {votes} |\n",
            md_cell(&channel)
        ));
    }
    out
}

/// A cell a spreadsheet would not run as a formula: text starting with `=`, `+`, `-` or
/// `@` gets a leading apostrophe, as spreadsheets themselves write it.
fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn csv(rows: &[QueryRow]) -> String {
    let mut out = String::new();
    write_record(
        &mut out,
        &[
            "map", "stage", "channel", "severity", "votes", "owner", "status", "text", "id",
        ],
    );
    for row in rows {
        write_record(
            &mut out,
            &[
                inert(&row.map),
                inert(&row.stage),
                inert(&row.channel),
                row.severity.number().to_string(),
                row.votes.to_string(),
                inert(&row.owner),
                row.status.as_str().to_owned(),
                inert(&row.text),
                row.id.clone(),
            ],
        );
    }
    out
}

fn json(rows: &[QueryRow]) -> String {
    let list: Vec<serde_json::Value> = rows
        .iter()
        .map(|row| {
            json!({
                "map": row.map, "stage": row.stage, "channel": row.channel,
                "severity": row.severity.number(), "votes": row.votes, "owner": row.owner,
                "status": row.status.as_str(), "text": row.text, "id": row.id,
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&list).unwrap_or_default();
    text.push('\n');
    text
}
