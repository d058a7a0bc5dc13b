//! `cxmap templates`: the stage sets a new map can start from.

use std::process::ExitCode;

use crate::assets::TEMPLATES;

/// Prints each template's name, stage count, summary and stages.
pub fn templates() -> ExitCode {
    for template in TEMPLATES {
        let stages = template.map().map(|m| m.stages).unwrap_or_default();
        println!(
            "{:<9} {} stage{:<2} {}",
            template.name,
            stages.len(),
            if stages.len() == 1 { "" } else { "s" },
            template.summary
        );
        if !stages.is_empty() {
            let names: Vec<&str> = stages.iter().map(|s| s.name.as_str()).collect();
            println!("{:<9} {}", "", names.join(" → "));
        }
    }
    println!("\nStart one with: cxmap new FILE --template NAME");
    ExitCode::SUCCESS
}
