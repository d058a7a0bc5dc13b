//! The stage-metrics form: CSAT, NPS and CES (empty = absent), checked against their
//! ranges, with a small calculator that fills NPS from answer counts and CSAT from
//! satisfied answers out of all answers.

use super::{FormPurpose, Outcome, ReadyForm};
use crate::app::form::{Field, Form};
use crate::model::{Edit, JourneyMap, Metrics};

const CSAT: &str = "csat";
const NPS: &str = "nps";
const CES: &str = "ces";
const PROMOTERS: &str = "promoters";
const PASSIVES: &str = "passives";
const DETRACTORS: &str = "detractors";
const SATISFIED: &str = "satisfied";
const ANSWERS: &str = "answers";

const COUNTS: std::ops::RangeInclusive<f64> = 0.0..=10_000_000.0;

/// The form for the metrics of stage `stage`.
pub fn metrics_form(map: &JourneyMap, stage: usize) -> Option<ReadyForm> {
    let current = map.stages.get(stage)?;
    let metrics = current.metrics.clone().unwrap_or_default();
    let count = |name, label| Field::number(name, label, None, COUNTS, true, true);
    let fields = vec![
        Field::number(CSAT, "CSAT %", metrics.csat, Metrics::CSAT_RANGE, false, true),
        Field::number(NPS, "NPS", metrics.nps, Metrics::NPS_RANGE, false, true),
        Field::number(CES, "CES", metrics.ces, Metrics::CES_RANGE, false, true),
        count(PROMOTERS, "Promoters"),
        count(PASSIVES, "Passives"),
        count(DETRACTORS, "Detractors"),
        count(SATISFIED, "Satisfied"),
        count(ANSWERS, "Answers"),
    ];
    let title = format!(
        "Metrics · {} {} (empty = none; counts fill NPS, CSAT)",
        stage + 1,
        current.name
    );
    Some((Form::new(title, fields), FormPurpose::Metrics { stage }))
}

/// NPS from answer counts: % promoters (9–10) minus % detractors (0–6).
pub fn nps(promoters: f64, passives: f64, detractors: f64) -> Option<f64> {
    let total = promoters + passives + detractors;
    (total > 0.0).then(|| round1((promoters - detractors) / total * 100.0))
}

/// CSAT from answers: the share of satisfied answers (4 or 5 of 5), in percent.
pub fn csat(satisfied: f64, answers: f64) -> Option<f64> {
    (answers > 0.0 && satisfied <= answers).then(|| round1(satisfied / answers * 100.0))
}

/// Refuses answer counts the calculator cannot use, so they are never silently ignored.
fn check_counts(form: &mut Form) -> Result<(), String> {
    let satisfied = form.number(SATISFIED)?;
    let answers = form.number(ANSWERS)?;
    match (satisfied, answers) {
        (Some(satisfied), Some(answers)) if satisfied > answers => {
            return Err("Satisfied answers cannot be more than all answers".to_owned());
        }
        (Some(_), Some(0.0)) => {
            return Err("CSAT needs at least one answer".to_owned());
        }
        _ => {}
    }
    let counts = [
        form.number(PROMOTERS)?,
        form.number(PASSIVES)?,
        form.number(DETRACTORS)?,
    ];
    if counts.iter().all(Option::is_some) && counts.iter().flatten().sum::<f64>() == 0.0 {
        return Err("NPS needs at least one answer: the counts add up to zero".to_owned());
    }
    Ok(())
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// After a count was typed: fills NPS or CSAT when its counts are complete.
pub fn calculate(form: &mut Form) {
    let counts = |form: &Form, fields: &[&str]| -> Option<Vec<f64>> {
        fields
            .iter()
            .map(|name| form.field(name).and_then(|f| f.number_value().ok().flatten()))
            .collect()
    };
    let result = match form.focused_name().unwrap_or_default() {
        PROMOTERS | PASSIVES | DETRACTORS => counts(form, &[PROMOTERS, PASSIVES, DETRACTORS])
            .and_then(|c| nps(c[0], c[1], c[2]))
            .map(|value| (NPS, value)),
        SATISFIED | ANSWERS => counts(form, &[SATISFIED, ANSWERS])
            .and_then(|c| csat(c[0], c[1]))
            .map(|value| (CSAT, value)),
        _ => None,
    };
    if let Some((target, value)) = result
        && let Some(input) = form.field_mut(target).and_then(Field::input_mut)
    {
        input.text_start();
        input.delete_to_line_end();
        input.paste(&crate::app::form::number_text(Some(value)));
    }
}

/// The edit keeping the form makes.
pub(super) fn outcome(map: &JourneyMap, stage: usize, form: &mut Form) -> Result<Outcome, String> {
    let Some(current) = map.stages.get(stage) else {
        return Ok(Outcome::Unchanged);
    };
    check_counts(form)?;
    let original = current.metrics.clone();
    let mut metrics = original.clone().unwrap_or_default();
    metrics.csat = form.number(CSAT)?;
    metrics.nps = form.number(NPS)?;
    metrics.ces = form.number(CES)?;
    let empty = metrics == Metrics::default();
    let metrics = (!empty).then_some(metrics);
    if metrics == original || (metrics.is_none() && original.is_none()) {
        return Ok(Outcome::Unchanged);
    }
    Ok(Outcome::Edit(
        Edit::SetMetrics { stage, metrics },
        "edit stage metrics",
    ))
}
