//! The memo as a PDF, without a browser: the page plan drawn line by line in the memo
//! typeface (embedded, cut down to the glyphs used), pictures as the JPEGs they already
//! are, web addresses as links. The same plan as the HTML, so the same one page.

use std::collections::HashMap;

use miniz_oxide::deflate::compress_to_vec_zlib;
use pdf_writer::types::{ActionType, AnnotationType, CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use subsetter::GlyphRemapper;

use super::facts::Memo;
use super::fonts::{Font, Typeface, Weight, typeface};
use super::html::severity_colour;
use super::page::{
    COLUMN_WIDTH, CONTENT_WIDTH, GUTTER, MARGIN_X, MARGIN_Y, PAGE_HEIGHT, PAGE_WIDTH, Piece, RULE_GAP,
    RULE_WIDTH, THUMB_GAP, TextStyle, Thumbs, Tone,
};
use super::pictures::Picture;
use super::plan::{HEADER_GAP, Placed, Plan};
use crate::model::is_url;

const TEXT: [f32; 3] = [0.067, 0.067, 0.067];
const MUTED: [f32; 3] = [0.333, 0.333, 0.333];
const RULE: [f32; 3] = [0.6, 0.6, 0.6];
const PLACEHOLDER: [f32; 3] = [0.933, 0.933, 0.933];
/// How hard the fonts and page streams are squeezed (miniz's scale, 0 to 10).
const SQUEEZE: u8 = 6;

/// Numbers for the PDF's objects, handed out in order.
struct Refs(i32);

impl Refs {
    fn next(&mut self) -> Ref {
        self.0 += 1;
        Ref::new(self.0)
    }
}

/// One embedded face: the glyphs used, renumbered for the subset, and the text each drew.
struct UsedFont {
    weight: Weight,
    name: &'static [u8],
    remapper: GlyphRemapper,
    chars: HashMap<u16, char>,
}

impl UsedFont {
    fn new(weight: Weight, name: &'static [u8]) -> Self {
        UsedFont {
            weight,
            name,
            remapper: GlyphRemapper::new(),
            chars: HashMap::new(),
        }
    }

    /// `text` as the subset's two-byte glyph numbers.
    fn encode(&mut self, font: &Font, text: &str) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let glyph = font.glyph(c).map_or(0, |g| g.0);
            let new = self.remapper.remap(glyph);
            self.chars.entry(new).or_insert(c);
            bytes.extend_from_slice(&new.to_be_bytes());
        }
        bytes
    }
}

/// What a page's drawing collects besides its content: pictures and links.
struct PageParts {
    content: Content,
    images: Vec<usize>,
    links: Vec<(Rect, String)>,
}

/// Draws the plan's pages, collecting the glyphs and pictures they use.
struct Painter<'p> {
    typeface: &'static Typeface,
    fonts: [UsedFont; 2],
    pictures: Vec<&'p Picture>,
    page: PageParts,
}

/// The memo as a PDF, laid out by `plan`. An empty document only if the shipped font
/// files were damaged at build time.
pub fn render(memo: &Memo, plan: &Plan) -> Vec<u8> {
    let Some(typeface) = typeface() else {
        return Vec::new();
    };
    let mut painter = Painter {
        typeface,
        fonts: [
            UsedFont::new(Weight::Regular, b"DejaVuSans"),
            UsedFont::new(Weight::Bold, b"DejaVuSans-Bold"),
        ],
        pictures: Vec::new(),
        page: PageParts::new(),
    };
    let mut pages = Vec::new();
    for page in &plan.pages {
        let mut y = MARGIN_Y;
        for placed in &page.header {
            painter.block(placed, MARGIN_X, CONTENT_WIDTH, y, false);
            y += placed.set.height;
        }
        if !page.header.is_empty() {
            y += HEADER_GAP;
        }
        for (c, column) in page.columns.iter().enumerate() {
            let x = MARGIN_X + c as f32 * (COLUMN_WIDTH + GUTTER);
            let mut top = y;
            for (i, placed) in column.iter().enumerate() {
                painter.block(placed, x, COLUMN_WIDTH, top, i == 0);
                top += placed.set.height;
            }
        }
        pages.push(std::mem::replace(&mut painter.page, PageParts::new()));
    }
    assemble(memo, typeface, pages, &painter.fonts, &painter.pictures)
}

impl PageParts {
    fn new() -> Self {
        PageParts {
            content: Content::new(),
            images: Vec::new(),
            links: Vec::new(),
        }
    }
}

/// A y measured down from the page's top, as PDF's y up from its bottom.
fn up(y: f32) -> f32 {
    PAGE_HEIGHT - y
}

impl<'p> Painter<'p> {
    /// One block at `x`, `y` (its top), `width` wide.
    fn block(&mut self, placed: &'p Placed, x: f32, width: f32, y: f32, first: bool) {
        let mut line_top = y + placed.set.top;
        for para in &placed.set.paras {
            for line in &para.lines {
                for piece in line {
                    self.piece(piece, x, line_top, para.style);
                }
                line_top += para.style.leading;
            }
        }
        let (_, _, rule) = placed.block.kind.spacing(first);
        if rule {
            let rule_y = up(line_top + RULE_GAP + RULE_WIDTH / 2.0);
            let content = &mut self.page.content;
            content.set_stroke_rgb(RULE[0], RULE[1], RULE[2]);
            content.set_line_width(RULE_WIDTH);
            content.move_to(x, rule_y);
            content.line_to(x + width, rule_y);
            content.stroke();
        }
        if let Some(thumbs) = &placed.block.thumbs {
            self.thumbs(thumbs, x + width, y + placed.set.top);
        }
    }

    /// A piece of a line whose box starts at `line_top`, on the baseline a browser puts
    /// it on (the leading shared above and below the face's height); a web address also
    /// becomes a link.
    fn piece(&mut self, piece: &Piece, x: f32, line_top: f32, style: TextStyle) {
        let font = self.typeface.font(piece.weight);
        let size = style.size;
        let half_leading = (style.leading - (font.ascent() + font.descent()) * size) / 2.0;
        let baseline = line_top + half_leading + font.ascent() * size;
        let colour = match piece.tone {
            Tone::Plain => TEXT,
            Tone::Muted => MUTED,
            Tone::Severity(severity) => severity_colour(severity),
        };
        let (index, name) = match piece.weight {
            Weight::Regular => (0, Name(b"F1")),
            Weight::Bold => (1, Name(b"F2")),
        };
        let bytes = self.fonts[index].encode(font, &piece.text);
        let content = &mut self.page.content;
        content.set_fill_rgb(colour[0], colour[1], colour[2]);
        content.begin_text();
        content.set_font(name, size);
        content.next_line(x + piece.x, up(baseline));
        content.show(Str(&bytes));
        content.end_text();
        if let Some(href) = piece.href.as_deref().filter(|h| is_url(h)) {
            let right = x + piece.x + font.width(&piece.text, size);
            self.page.links.push((
                Rect::new(x + piece.x, up(line_top + style.leading), right, up(line_top)),
                href.to_owned(),
            ));
        }
    }

    /// The pictures of a point in their grid, right-aligned to `right`, each fitted whole
    /// in its cell on a light background (as the HTML's `object-fit: contain`).
    fn thumbs(&mut self, thumbs: &'p Thumbs, right: f32, top: f32) {
        let (grid_width, _) = thumbs.size();
        let columns = thumbs.columns.min(thumbs.items.len()).max(1);
        let left = right - grid_width;
        for (i, thumb) in thumbs.items.iter().enumerate() {
            let cell_x = left + (i % columns) as f32 * (thumbs.width + THUMB_GAP);
            let cell_y = top + (i / columns) as f32 * (thumbs.height + THUMB_GAP);
            let content = &mut self.page.content;
            content.set_fill_rgb(PLACEHOLDER[0], PLACEHOLDER[1], PLACEHOLDER[2]);
            content.rect(cell_x, up(cell_y + thumbs.height), thumbs.width, thumbs.height);
            content.fill_nonzero();
            let Some(picture) = &thumb.picture else { continue };
            let scale = (thumbs.width / picture.width as f32).min(thumbs.height / picture.height as f32);
            let (w, h) = (picture.width as f32 * scale, picture.height as f32 * scale);
            let (px, py) = (
                cell_x + (thumbs.width - w) / 2.0,
                cell_y + (thumbs.height - h) / 2.0,
            );
            let index = self.pictures.len();
            self.pictures.push(picture);
            let name = image_name(index);
            content.save_state();
            content.transform([w, 0.0, 0.0, h, px, up(py + h)]);
            content.x_object(Name(name.as_bytes()));
            content.restore_state();
            self.page.images.push(index);
        }
    }
}

fn image_name(index: usize) -> String {
    format!("Im{index}")
}

fn squeeze(bytes: &[u8]) -> Vec<u8> {
    compress_to_vec_zlib(bytes, SQUEEZE)
}

/// The PDF's objects: catalog, page tree, the two faces, the pictures, each page with
/// its content and links.
fn assemble(
    memo: &Memo,
    typeface: &Typeface,
    pages: Vec<PageParts>,
    fonts: &[UsedFont; 2],
    pictures: &[&Picture],
) -> Vec<u8> {
    let mut refs = Refs(0);
    let mut pdf = Pdf::new();
    let catalog = refs.next();
    let tree = refs.next();
    let info = refs.next();
    let font_refs = [refs.next(), refs.next()];
    let image_refs: Vec<Ref> = pictures.iter().map(|_| refs.next()).collect();
    let page_refs: Vec<(Ref, Ref)> = pages.iter().map(|_| (refs.next(), refs.next())).collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_refs.iter().map(|(page, _)| *page))
        .count(pages.len() as i32);
    pdf.document_info(info)
        .title(TextStr(&format!("Friction memo: {}", memo.title)))
        .creator(TextStr("cxmap"));
    for (used, font_ref) in fonts.iter().zip(font_refs) {
        write_font(&mut pdf, &mut refs, typeface.font(used.weight), used, font_ref);
    }
    for (picture, image_ref) in pictures.iter().zip(&image_refs) {
        let mut image = pdf.image_xobject(*image_ref, &picture.jpeg);
        image.filter(Filter::DctDecode);
        image.width(picture.width as i32);
        image.height(picture.height as i32);
        image.color_space().device_rgb();
        image.bits_per_component(8);
        image.finish();
    }
    for (parts, (page_ref, content_ref)) in pages.into_iter().zip(page_refs) {
        let annotation_refs: Vec<Ref> = parts.links.iter().map(|_| refs.next()).collect();
        let mut page = pdf.page(page_ref);
        page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT));
        page.parent(tree);
        page.contents(content_ref);
        if !annotation_refs.is_empty() {
            page.annotations(annotation_refs.iter().copied());
        }
        let mut resources = page.resources();
        resources
            .fonts()
            .pair(Name(b"F1"), font_refs[0])
            .pair(Name(b"F2"), font_refs[1]);
        let mut objects = resources.x_objects();
        for index in &parts.images {
            let name = image_name(*index);
            objects.pair(Name(name.as_bytes()), image_refs[*index]);
        }
        objects.finish();
        resources.finish();
        page.finish();
        for ((rect, href), annotation_ref) in parts.links.iter().zip(annotation_refs) {
            let mut annotation = pdf.annotation(annotation_ref);
            annotation.subtype(AnnotationType::Link);
            annotation.rect(*rect);
            annotation.border(0.0, 0.0, 0.0, None);
            annotation
                .action()
                .action_type(ActionType::Uri)
                .uri(Str(href.as_bytes()));
        }
        pdf.stream(content_ref, &squeeze(&parts.content.finish()))
            .filter(Filter::FlateDecode);
    }
    pdf.finish()
}

/// One face as a CID font: the subset's file, its widths, and the map back to text so
/// the PDF can be searched and copied from.
fn write_font(pdf: &mut Pdf, refs: &mut Refs, font: &Font, used: &UsedFont, font_ref: Ref) {
    let cid_ref = refs.next();
    let descriptor_ref = refs.next();
    let cmap_ref = refs.next();
    let file_ref = refs.next();
    let base = Name(used.name);
    let system = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    pdf.type0_font(font_ref)
        .base_font(base)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_ref)
        .to_unicode(cmap_ref);
    let widths: Vec<f32> = used
        .remapper
        .remapped_gids()
        .map(|old| font.glyph_em(ttf_parser::GlyphId(old)) * 1000.0)
        .collect();
    // The subset numbers glyphs as the content does; should it ever fail, the whole
    // face goes in with a map from those numbers back to the face's own.
    let subset = subsetter::subset(font.data, 0, &used.remapper).ok();
    let mut cid = pdf.cid_font(cid_ref);
    cid.subtype(CidFontType::Type2)
        .base_font(base)
        .system_info(system)
        .font_descriptor(descriptor_ref)
        .default_width(0.0);
    let gid_map_ref = refs.next();
    if subset.is_some() {
        cid.cid_to_gid_map_predefined(Name(b"Identity"));
    } else {
        cid.cid_to_gid_map_stream(gid_map_ref);
    }
    cid.widths().consecutive(0, widths);
    cid.finish();
    if subset.is_none() {
        let map: Vec<u8> = used.remapper.remapped_gids().flat_map(u16::to_be_bytes).collect();
        pdf.stream(gid_map_ref, &squeeze(&map))
            .filter(Filter::FlateDecode);
    }
    let units = f32::from(font.units_per_em());
    let scale = |v: i16| f32::from(v) / units * 1000.0;
    let bbox = font.face.global_bounding_box();
    pdf.font_descriptor(descriptor_ref)
        .name(base)
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(
            scale(bbox.x_min),
            scale(bbox.y_min),
            scale(bbox.x_max),
            scale(bbox.y_max),
        ))
        .italic_angle(0.0)
        .ascent(font.ascent() * 1000.0)
        .descent(-font.descent() * 1000.0)
        .cap_height(font.face.capital_height().map_or(700.0, scale))
        .stem_v(if used.weight == Weight::Bold { 140.0 } else { 80.0 })
        .font_file2(file_ref);
    let mut cmap = UnicodeCmap::new(Name(b"Custom"), system);
    let mut pairs: Vec<(&u16, &char)> = used.chars.iter().collect();
    pairs.sort();
    for (glyph, c) in pairs {
        cmap.pair(*glyph, *c);
    }
    pdf.cmap(cmap_ref, &cmap.finish());
    let file = subset.unwrap_or_else(|| font.data.to_vec());
    pdf.stream(file_ref, &squeeze(&file)).filter(Filter::FlateDecode);
}
