//! The map generator behind the benchmarks keeps its promises: valid format-1 maps with
//! the asked-for counts, the same bytes for the same seed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;

use cxmap::format;
use cxmap::generate::{self, MAX_FRICTIONS, Spec};

#[test]
fn the_standard_sizes_have_the_promised_counts() {
    let counts: Vec<(usize, usize)> = Spec::SIZES.iter().map(|s| (s.stages, s.notes)).collect();
    assert_eq!(counts, [(7, 200), (70, 2_000), (700, 20_000)]);
    for spec in Spec::SIZES {
        let map = generate::map(&spec);
        assert_eq!(map.stages.len(), spec.stages);
        assert_eq!(map.shadow.notes.len(), spec.notes);
        let frictions: HashSet<usize> = map.stages.iter().map(|s| s.frictions.len()).collect();
        assert!(frictions.iter().all(|&n| n <= MAX_FRICTIONS), "{frictions:?}");
        if spec.stages >= 70 {
            assert_eq!(
                frictions.len(),
                MAX_FRICTIONS + 1,
                "every count from 0 to 4 occurs"
            );
        }
        let ids: Vec<&str> = map.ids().collect();
        assert_eq!(
            ids.iter().collect::<HashSet<_>>().len(),
            ids.len(),
            "ids are unique"
        );
    }
}

#[test]
fn a_generated_map_reads_back_without_a_warning() {
    let map = generate::map(&Spec::sized(70));
    let bytes = format::encode(&map);
    let parsed = format::parse_bytes(&bytes).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(parsed.map, map);
    let notes_with_friction = map.shadow.notes.iter().filter(|n| n.friction.is_some()).count();
    assert!(notes_with_friction > 0 && notes_with_friction < map.shadow.notes.len());
    assert!(map.stages.iter().any(|s| s.metrics.is_some()));
    assert!(map.stages.iter().any(|s| !s.opportunities.is_empty()));
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_the_largest_is_about_9_mb() {
    let spec = Spec::SIZES[2];
    let first = format::encode(&generate::map(&spec));
    assert_eq!(first, format::encode(&generate::map(&spec)));
    assert!(
        (8_000_000..10_000_000).contains(&first.len()),
        "{} bytes",
        first.len()
    );
    let other = Spec { seed: 8, ..spec };
    assert_ne!(first, format::encode(&generate::map(&other)));
}
