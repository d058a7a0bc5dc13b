//! The memo as one self-contained HTML page that prints on one A4 page: the page plan's
//! blocks in the plan's two columns, styled with the plan's own measures (so the browser
//! sets the lines the plan counted), pictures embedded as small JPEGs, no network, every
//! text escaped.

use super::facts::Memo;
use super::fonts::{FAMILY, Weight};
use super::page::{
    BODY, Block, COLUMN_WIDTH, CONTENT_WIDTH, GUTTER, HEADING, Kind, MARGIN_Y, RULE_GAP, RULE_WIDTH, Run,
    THUMB_GAP, THUMB_MARGIN, TITLE, TextStyle, Thumbs, Tone,
};
use super::plan::{HEADER_GAP, Placed, Plan};
use crate::export::escape::html;
use crate::export::html::page_start;
use crate::model::Severity;

fn font(style: TextStyle) -> String {
    format!("font-size: {}pt; line-height: {}pt;", style.size, style.leading)
}

fn spacing(kind: Kind, first: bool) -> String {
    let (top, bottom, rule) = kind.spacing(first);
    if rule {
        format!(
            "padding: {top}pt 0 {RULE_GAP}pt; border-bottom: {RULE_WIDTH}pt solid #999; margin-bottom: {}pt;",
            bottom - RULE_GAP - RULE_WIDTH
        )
    } else {
        format!("padding: {top}pt 0 {bottom}pt;")
    }
}

/// The style sheet: every measure from the page plan's constants. The page itself has no
/// margin (the body is centred and each page starts its margin's depth down), so a
/// browser has no room for its header and footer: no date or file path on the memo.
fn style(thumbs: Option<(f32, f32)>) -> String {
    let (thumb_width, thumb_height) = thumbs.unwrap_or((40.0, 30.0));
    format!(
        "
@page {{ size: A4; margin: 0; }}
* {{ margin: 0; padding: 0; box-sizing: content-box; }}
body {{ font-family: '{FAMILY}', Arial, Helvetica, sans-serif; {body} color: #111; width: {CONTENT_WIDTH}pt; margin: 2em auto; overflow-wrap: anywhere; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
h1 {{ {title} {title_space} }}
.facts {{ {body_font} {facts_space} }}
.bottom {{ {heading} {bottom_space} font-weight: bold; }}
h2.top {{ {heading} {top_space} }}
.top-item {{ {body_font} {top_item_space} }}
.cols {{ display: flex; gap: {GUTTER}pt; align-items: flex-start; margin-top: {HEADER_GAP}pt; }}
.col {{ width: {COLUMN_WIDTH}pt; flex: none; }}
h2.stage {{ {heading} {stage_space} }}
h2.stage.first {{ {first_space} }}
.point {{ display: flow-root; {body_font} {point_space} }}
.remark {{ {body_font} {remark_space} }}
.thumbs {{ float: right; margin-left: {THUMB_MARGIN}pt; display: grid; gap: {THUMB_GAP}pt; grid-template-columns: repeat(2, {thumb_width}pt); grid-auto-rows: {thumb_height}pt; }}
.thumbs.one {{ grid-template-columns: {thumb_width}pt; }}
.thumbs img, .thumbs .ph {{ display: block; width: {thumb_width}pt; height: {thumb_height}pt; object-fit: contain; background: #eee; }}
.thumbs .ph {{ font-size: 6pt; line-height: 7pt; color: #555; overflow: hidden; }}
.m {{ color: #555; }}
.nb {{ white-space: nowrap; }}
.sev3 {{ color: #b3261e; }}
.sev2 {{ color: #8a5300; }}
.sev1 {{ color: #555; }}
a {{ color: inherit; }}
.page.next {{ break-before: page; }}
.page.next .cols {{ margin-top: 0; }}
@media print {{ body {{ margin: 0 auto; }} .page {{ padding-top: {MARGIN_Y}pt; }} }}
",
        body = font(BODY),
        body_font = font(BODY),
        title = font(TITLE),
        heading = font(HEADING),
        title_space = spacing(Kind::Title, false),
        facts_space = spacing(Kind::Facts, false),
        bottom_space = spacing(Kind::BottomLine, false),
        top_space = spacing(Kind::TopHeading, false),
        top_item_space = spacing(Kind::TopItem, false),
        stage_space = spacing(Kind::StageHeading, false),
        first_space = spacing(Kind::StageHeading, true),
        point_space = spacing(Kind::Point, false),
        remark_space = spacing(Kind::Remark, false),
    )
}

fn runs(runs: &[Run]) -> String {
    let mut out = String::new();
    for run in runs {
        let mut text = hyphenated_whole(&html(&run.text));
        if let Some(href) = &run.href {
            text = format!("<a href=\"{}\">{text}</a>", html(href));
        }
        let class = match run.tone {
            Tone::Plain => None,
            Tone::Muted => Some("m".to_owned()),
            Tone::Severity(severity) => Some(format!("sev{}", severity.number())),
        };
        out.push_str(&match (run.weight, class) {
            (Weight::Bold, Some(class)) => format!("<b class=\"{class}\">{text}</b>"),
            (Weight::Bold, None) => format!("<b>{text}</b>"),
            (Weight::Regular, Some(class)) => format!("<span class=\"{class}\">{text}</span>"),
            (Weight::Regular, None) => text,
        });
    }
    out
}

/// Longest hyphenated word kept on one line; a longer one may break at its hyphens.
const WHOLE_WORD_CHARS: usize = 24;

/// Wraps each short word joined by hyphens (a date, a phone number, "E-mail") in a span
/// that never breaks: a browser pressed for room otherwise splits "2026-11-30" or "E-mail"
/// after a hyphen.
fn hyphenated_whole(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(char::is_alphanumeric) {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let len = tail
            .find(|c: char| !(c.is_alphanumeric() || c == '-'))
            .unwrap_or(tail.len());
        let token = tail[..len].trim_end_matches('-');
        if token.contains('-') && token.chars().count() <= WHOLE_WORD_CHARS {
            out.push_str(&format!("<span class=\"nb\">{token}</span>"));
        } else {
            out.push_str(token);
        }
        rest = &tail[token.len()..];
    }
    out.push_str(rest);
    out
}

fn thumbs(thumbs: &Thumbs) -> String {
    let one = if thumbs.items.len() == 1 || thumbs.columns == 1 {
        " one"
    } else {
        ""
    };
    let mut out = format!("<div class=\"thumbs{one}\">");
    for thumb in &thumbs.items {
        let name = html(&thumb.name);
        let picture = match &thumb.picture {
            Some(picture) => format!(
                "<img src=\"{}\" alt=\"{name}\" title=\"{name}\"/>",
                picture.data_url()
            ),
            None => format!("<span class=\"ph\">{name}</span>"),
        };
        out.push_str(&match &thumb.href {
            Some(href) => format!("<a href=\"{}\">{picture}</a>", html(href)),
            None => picture,
        });
    }
    out.push_str("</div>");
    out
}

fn block(out: &mut String, placed: &Placed, first: bool) {
    let Block { kind, paras, .. } = &placed.block;
    let text = |i: usize| paras.get(i).map_or_else(String::new, |p| runs(&p.runs));
    match kind {
        Kind::Title => out.push_str(&format!("<h1>{}</h1>\n", text(0))),
        Kind::Facts => {
            let lines: Vec<String> = (0..paras.len()).map(|i| format!("<p>{}</p>", text(i))).collect();
            out.push_str(&format!("<div class=\"facts\">{}</div>\n", lines.concat()));
        }
        Kind::BottomLine => out.push_str(&format!("<p class=\"bottom\">{}</p>\n", text(0))),
        Kind::TopHeading => out.push_str(&format!("<h2 class=\"top\">{}</h2>\n", text(0))),
        Kind::TopItem => out.push_str(&format!("<p class=\"top-item\">{}</p>\n", text(0))),
        Kind::StageHeading => {
            let class = if first { "stage first" } else { "stage" };
            out.push_str(&format!("<h2 class=\"{class}\">{}</h2>\n", text(0)));
        }
        Kind::Remark => out.push_str(&format!("<p class=\"remark\">{}</p>\n", text(0))),
        Kind::Point => {
            out.push_str("<div class=\"point\">");
            if let Some(pictures) = &placed.block.thumbs {
                out.push_str(&thumbs(pictures));
            }
            for i in 0..paras.len() {
                out.push_str(&format!("<p>{}</p>", text(i)));
            }
            out.push_str("</div>\n");
        }
    }
}

/// The memo as HTML, laid out by `plan`.
pub fn render(memo: &Memo, plan: &Plan) -> String {
    let thumb_size = plan
        .pages
        .iter()
        .flat_map(|p| p.columns.iter().flatten())
        .find_map(|p| p.block.thumbs.as_ref().map(|t| (t.width, t.height)));
    let title = format!("Friction memo: {}", memo.title);
    let mut out = page_start(&title, &style(thumb_size));
    for (i, page) in plan.pages.iter().enumerate() {
        out.push_str(if i == 0 {
            "<div class=\"page\">\n"
        } else {
            "<div class=\"page next\">\n"
        });
        for placed in &page.header {
            block(&mut out, placed, false);
        }
        out.push_str("<div class=\"cols\">\n");
        for column in &page.columns {
            out.push_str("<div class=\"col\">\n");
            for (j, placed) in column.iter().enumerate() {
                block(&mut out, placed, j == 0);
            }
            out.push_str("</div>\n");
        }
        out.push_str("</div>\n</div>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The colour of a severity, for the PDF (red, amber, grey), as RGB from 0 to 1.
pub fn severity_colour(severity: Severity) -> [f32; 3] {
    match severity {
        Severity::Severe => [0.702, 0.149, 0.118],
        Severity::Major => [0.541, 0.325, 0.0],
        Severity::Minor => [0.333, 0.333, 0.333],
    }
}

#[cfg(test)]
mod tests {
    use super::hyphenated_whole;

    #[test]
    fn short_words_joined_by_hyphens_stay_on_one_line_and_other_text_is_untouched() {
        assert_eq!(
            hyphenated_whole("— Ana, store, 2026-11-30 at 10:05"),
            "— Ana, store, <span class=\"nb\">2026-11-30</span> at 10:05"
        );
        assert_eq!(
            hyphenated_whole("call 0800-123-456-"),
            "call <span class=\"nb\">0800-123-456</span>-"
        );
        assert_eq!(hyphenated_whole("queue of 9 - long"), "queue of 9 - long");
        assert_eq!(hyphenated_whole("no hyphens"), "no hyphens");
        assert_eq!(
            hyphenated_whole("E-mail, Contact-centre call"),
            "<span class=\"nb\">E-mail</span>, <span class=\"nb\">Contact-centre</span> call"
        );
        let long = "a-very-long-hyphenated-compound-word";
        assert_eq!(
            hyphenated_whole(long),
            long,
            "too long to keep whole: it may break"
        );
    }
}
