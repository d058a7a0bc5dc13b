//! The typeface the printed memo is set in: DejaVu Sans, regular and bold, shipped in
//! `assets/fonts/` under its own free licence. It measures text for the page plan (the
//! HTML memo names it first, so a browser sets the same widths) and the PDF embeds it.

use std::sync::OnceLock;

use ttf_parser::{Face, GlyphId};

/// The regular face's font file.
pub const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
/// The bold face's font file.
pub const BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// The family name the HTML memo asks for first.
pub const FAMILY: &str = "DejaVu Sans";

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// One face: its parsed tables and the advance of every ASCII character, cached.
pub struct Font {
    pub face: Face<'static>,
    pub data: &'static [u8],
    ascii: [f32; 128],
}

/// A character with no glyph in the face is measured as this many ems (a browser draws
/// it from another font; wide scripts are about one em).
const MISSING_EM: f32 = 1.0;

impl Font {
    fn parse(data: &'static [u8]) -> Option<Font> {
        let face = Face::parse(data, 0).ok()?;
        let mut font = Font {
            face,
            data,
            ascii: [0.0; 128],
        };
        for (c, slot) in (0u8..128).zip(0..128) {
            font.ascii[slot] = font.em_advance(char::from(c));
        }
        Some(font)
    }

    fn units(&self) -> f32 {
        f32::from(self.face.units_per_em())
    }

    fn em_advance(&self, c: char) -> f32 {
        match self.glyph(c) {
            Some(glyph) => f32::from(self.face.glyph_hor_advance(glyph).unwrap_or(0)) / self.units(),
            None if c.is_control() => 0.0,
            None => MISSING_EM,
        }
    }

    /// The glyph for a character, if the face has one.
    pub fn glyph(&self, c: char) -> Option<GlyphId> {
        self.face.glyph_index(c)
    }

    /// The advance of a glyph in ems.
    pub fn glyph_em(&self, glyph: GlyphId) -> f32 {
        f32::from(self.face.glyph_hor_advance(glyph).unwrap_or(0)) / self.units()
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| match self.ascii.get(c as usize) {
                Some(&em) => em,
                None => self.em_advance(c),
            })
            .sum::<f32>()
            * size
    }

    /// How far above the baseline the face reaches, in ems (the line box's top half).
    pub fn ascent(&self) -> f32 {
        f32::from(self.face.ascender()) / self.units()
    }

    /// How far below the baseline the face reaches, in ems, as a positive number.
    pub fn descent(&self) -> f32 {
        -f32::from(self.face.descender()) / self.units()
    }

    /// Font units per em, for the PDF's font descriptor.
    pub fn units_per_em(&self) -> u16 {
        self.face.units_per_em()
    }
}

/// The two faces of the memo's typeface.
pub struct Typeface {
    pub regular: Font,
    pub bold: Font,
}

impl Typeface {
    /// The face of a weight.
    pub fn font(&self, weight: Weight) -> &Font {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

/// The memo's typeface, parsed once. `None` only if the shipped font files were damaged
/// at build time; measuring then falls back to a fixed width per character.
pub fn typeface() -> Option<&'static Typeface> {
    static TYPEFACE: OnceLock<Option<Typeface>> = OnceLock::new();
    TYPEFACE
        .get_or_init(|| {
            Some(Typeface {
                regular: Font::parse(REGULAR)?,
                bold: Font::parse(BOLD)?,
            })
        })
        .as_ref()
}

/// The width of `text` in `weight` at `size` points.
pub fn width(text: &str, weight: Weight, size: f32) -> f32 {
    match typeface() {
        Some(typeface) => typeface.font(weight).width(text, size),
        None => text.chars().count() as f32 * size * 0.65,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_faces_measure_text_as_a_browser_does() {
        let typeface = typeface().unwrap();
        // DejaVu Sans: "M" is 1767 of 2048 units; bold is wider; a space is 651.
        assert!((width("M", Weight::Regular, 2048.0) - 1767.0).abs() < 0.5);
        assert!(width("Checkout", Weight::Bold, 9.0) > width("Checkout", Weight::Regular, 9.0));
        assert!((width(" ", Weight::Regular, 2048.0) - 651.0).abs() < 0.5);
        assert_eq!(width("東", Weight::Regular, 10.0), 10.0, "no glyph: one em");
        assert!(typeface.regular.ascent() > 0.9 && typeface.regular.descent() > 0.2);
    }
}
