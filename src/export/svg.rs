//! The emotion curve as inline SVG: one point per scored stage on the -2..2 scale, a line
//! through them, a neutral baseline, and the stage numbers under it.

use super::escape::html;
use crate::model::JourneyMap;
use crate::text::display::truncate;

const COLUMN: usize = 120;
const STEP: usize = 22;
const TOP: usize = 14;
const LABELS: usize = 34;
const LEFT: usize = 70;

/// The curve for the map's stages, sized by its viewBox so it scales to the page.
pub fn emotion_curve(map: &JourneyMap) -> String {
    let stages = map.stages.len().max(1);
    let width = LEFT + stages * COLUMN;
    let height = TOP + 4 * STEP + LABELS;
    let y = |score: i8| TOP + usize::try_from(2 - i32::from(score)).unwrap_or(0) * STEP;
    let x = |index: usize| LEFT + index * COLUMN + COLUMN / 2;
    let mut out = format!(
        "<svg class=\"curve\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Emotion curve\">\n"
    );
    for (score, word) in [(2, "+2"), (0, "0"), (-2, "-2")] {
        out.push_str(&format!(
            "<line class=\"axis\" x1=\"{LEFT}\" y1=\"{y0}\" x2=\"{width}\" y2=\"{y0}\"/><text class=\"scale\" x=\"{lx}\" y=\"{ty}\">{word}</text>\n",
            y0 = y(score),
            lx = LEFT - 8,
            ty = y(score) + 4,
        ));
    }
    let points: Vec<(usize, usize)> = map
        .stages
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.emotion.score.map(|score| (x(i), y(score.value()))))
        .collect();
    if points.len() > 1 {
        let path: Vec<String> = points.iter().map(|(px, py)| format!("{px},{py}")).collect();
        out.push_str(&format!(
            "<polyline class=\"line\" points=\"{}\"/>\n",
            path.join(" ")
        ));
    }
    for (i, stage) in map.stages.iter().enumerate() {
        if let Some(score) = stage.emotion.score {
            out.push_str(&format!(
                "<circle class=\"point s{}\" cx=\"{}\" cy=\"{}\" r=\"5\"><title>{}</title></circle>\n",
                score.value() + 2,
                x(i),
                y(score.value()),
                html(score.word())
            ));
        }
        out.push_str(&format!(
            "<text class=\"stage\" x=\"{}\" y=\"{}\">{}. {}</text>\n",
            x(i),
            height - 10,
            i + 1,
            html(&truncate(&crate::text::display::clean_line(&stage.name), 18))
        ));
    }
    out.push_str("</svg>\n");
    out
}
