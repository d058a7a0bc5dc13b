//! The observation coach on its corpus (tests/fixtures/observations.txt): at least 90% of
//! the observations left alone and 90% of the solutions flagged, every miss listed.

use cxmap::model::reads_like_solution;

#[test]
fn the_coach_holds_its_corpus_both_ways() {
    let corpus = include_str!("fixtures/observations.txt");
    let (mut observations, mut solutions) = (Vec::new(), Vec::new());
    for line in corpus
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        match line.split_once(' ') {
            Some(("O", text)) => observations.push(text),
            Some(("S", text)) => solutions.push(text),
            _ => panic!("a corpus line starts with O or S: {line}"),
        }
    }
    assert!(
        observations.len() >= 20 && solutions.len() >= 20,
        "at least 40 sentences, half each"
    );
    assert!(
        observations
            .iter()
            .filter(|t| t.contains(['"', '“', '\'']))
            .count()
            >= 5,
        "some quote signs and people"
    );
    let wrongly_flagged: Vec<String> = observations
        .iter()
        .filter_map(|t| reads_like_solution(t).map(|a| format!("{t}  <- {}", a.phrase)))
        .collect();
    let missed: Vec<&&str> = solutions
        .iter()
        .filter(|t| reads_like_solution(t).is_none())
        .collect();
    let right = |total: usize, wrong: usize| (total - wrong) as f64 / total as f64;
    eprintln!("observations flagged: {wrongly_flagged:#?}\nsolutions missed: {missed:#?}");
    assert!(
        right(observations.len(), wrongly_flagged.len()) >= 0.9,
        "observations flagged as solutions: {wrongly_flagged:#?}"
    );
    assert!(
        right(solutions.len(), missed.len()) >= 0.9,
        "solutions missed: {missed:#?}"
    );
}
