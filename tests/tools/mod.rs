//! Tests that need a program the machine may lack (Chromium, unshare, strace, python3).
//! In CI (`.ci/run` sets CXMAP_REQUIRE_TOOLS=1) a missing one fails the test; elsewhere
//! the test says it was skipped, in the test output itself, and passes.

#![allow(dead_code)]

use std::io::Write;

/// Whether `program` runs here (`program ARGS` exits successfully).
pub fn runs(program: &str, args: &[&str]) -> bool {
    std::process::Command::new(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// Whether `test` may go on: true when `tool` is `present`. Otherwise it fails where tools
/// are required (CXMAP_REQUIRE_TOOLS=1, or CXMAP_REQUIRE_<TOOL>=1) and else says loudly
/// that it skipped.
pub fn present(tool: &str, present: bool, test: &str) -> bool {
    if present {
        return true;
    }
    let required = |name: &str| std::env::var(name).is_ok_and(|v| v == "1");
    let own = format!("CXMAP_REQUIRE_{}", tool.to_uppercase());
    assert!(
        !required("CXMAP_REQUIRE_TOOLS") && !required(&own),
        "{test} needs {tool}, which is not installed; .ci/run installs it"
    );
    // Written to the stream itself, not through the test harness's capture, so the line
    // shows in `cargo test`'s output although the test passes.
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test}: {tool} is not installed here (CI runs it: .ci/run)"
    );
    false
}
