//! Printing HTML with Chromium as a person would (headless, A4 from the page's own
//! `@page`), and counting a PDF's pages by its page objects.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::{Path, PathBuf};

/// Chromium on PATH, if installed.
pub fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::split_paths(&path)
                .map(|dir| dir.join(name))
                .find(|candidate| candidate.is_file())
        })
}

/// Chromium, or `None` after saying the test was skipped; where tools are required
/// (CI: CXMAP_REQUIRE_TOOLS=1 or CXMAP_REQUIRE_CHROMIUM=1) a missing browser fails the
/// test instead, as `tests/tools` does for the other programs.
pub fn chromium_or_skip() -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        let required = |name: &str| std::env::var(name).is_ok_and(|v| v == "1");
        assert!(
            !required("CXMAP_REQUIRE_TOOLS") && !required("CXMAP_REQUIRE_CHROMIUM"),
            "Chromium is required here but not on PATH; .ci/run installs it"
        );
        // Past the harness's capture, so the run shows it although the test passes.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: Chromium is not installed, so the memo was not printed (CI runs it: .ci/run)"
        );
    }
    found
}

/// Prints the HTML file `html` with Chromium, in `work` (its profile and the printed
/// NAME-printed.pdf live there), and counts the printed pages.
pub fn printed_pages(chromium: &Path, html: &Path, work: &Path) -> usize {
    let name = html.file_stem().unwrap_or_default().to_string_lossy();
    let pdf = work.join(format!("{name}-printed.pdf"));
    let status = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", work.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg("--no-pdf-header-footer")
        .arg(format!("file://{}", html.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "chromium failed on {}", html.display());
    pdf_pages(&std::fs::read(&pdf).unwrap())
}

/// How many pages a PDF has: its `/Type /Page` objects (not `/Pages`).
pub fn pdf_pages(pdf: &[u8]) -> usize {
    let mut count = 0;
    for marker in [&b"/Type /Page"[..], &b"/Type/Page"[..]] {
        count += pdf
            .windows(marker.len() + 1)
            .filter(|w| w.starts_with(marker) && w[marker.len()] != b's')
            .count();
    }
    count
}
