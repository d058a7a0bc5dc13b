//! Writes a generated journey map of any size (format 1), for trying cxmap on big maps:
//! `cargo run --release --example cxmap-gen -- --stages 700 -o big.json`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use cxmap::format;
use cxmap::generate::{self, Spec};
use cxmap::store;

/// Generate a journey map with realistic text; the same seed gives the same file.
#[derive(Debug, Parser)]
struct Args {
    /// How many stages
    #[arg(long, default_value_t = 700)]
    stages: usize,
    /// How many shadow notes (default: 200 for every 7 stages)
    #[arg(long)]
    notes: Option<usize>,
    /// The seed
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Where to write the map (must not exist yet)
    #[arg(short, long)]
    output: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.output.exists() {
        eprintln!("cxmap-gen: {} exists already", args.output.display());
        return ExitCode::from(2);
    }
    let sized = Spec::sized(args.stages);
    let spec = Spec {
        notes: args.notes.unwrap_or(sized.notes),
        seed: args.seed,
        ..sized
    };
    let bytes = format::encode(&generate::map(&spec));
    match store::write_atomic(&args.output, &bytes) {
        Ok(()) => {
            eprintln!(
                "wrote {} ({} stages, {} notes, {} bytes)",
                args.output.display(),
                spec.stages,
                spec.notes,
                bytes.len()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("cxmap-gen: {error}");
            ExitCode::FAILURE
        }
    }
}
