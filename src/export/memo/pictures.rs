//! Evidence pictures shrunk for the memo: any PNG, JPEG, GIF or WebP turned upright (as
//! the camera meant it), scaled to fit a small box, flattened onto white and saved as a
//! JPEG that both the HTML (as a data URL) and the PDF embed as it is.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageReader, Rgb, RgbImage};

/// A picture ready to embed: JPEG bytes and their size in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// The longest side of a memo picture, in pixels: sharp when printed at thumbnail size
/// (about 2 cm at 300 dpi), small enough that 60 of them keep the memo to a few MB.
const LONGEST_SIDE: u32 = 240;
const JPEG_QUALITY: u8 = 78;
/// Pictures larger than this many pixels are refused rather than decoded.
const MAX_PIXELS: u64 = 120_000_000;

impl Picture {
    /// The memo's picture for an image file's bytes, or why it cannot be shown.
    pub fn from_bytes(bytes: &[u8]) -> Result<Picture, String> {
        let reader = ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|e| e.to_string())?;
        let mut decoder = reader.into_decoder().map_err(|e| describe(&e))?;
        let (width, height) = decoder.dimensions();
        if u64::from(width) * u64::from(height) > MAX_PIXELS {
            return Err(format!("{width}×{height} pixels is too large to show"));
        }
        let orientation = decoder.orientation().map_err(|e| describe(&e))?;
        let mut image = DynamicImage::from_decoder(decoder).map_err(|e| describe(&e))?;
        image.apply_orientation(orientation);
        let small = if image.width().max(image.height()) > LONGEST_SIDE {
            image.thumbnail(LONGEST_SIDE, LONGEST_SIDE)
        } else {
            image
        };
        let flat = on_white(&small);
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY)
            .encode_image(&flat)
            .map_err(|e| describe(&e))?;
        Ok(Picture {
            jpeg,
            width: flat.width(),
            height: flat.height(),
        })
    }

    /// The picture as a `data:` URL for an `<img src>`.
    pub fn data_url(&self) -> String {
        format!("data:image/jpeg;base64,{}", base64(&self.jpeg))
    }
}

fn describe(error: &image::ImageError) -> String {
    match error {
        image::ImageError::Unsupported(_) => "not a picture cxmap can read".to_owned(),
        other => other.to_string(),
    }
}

/// The picture with any transparency laid over white (a JPEG has none).
fn on_white(image: &DynamicImage) -> RgbImage {
    let rgba = image.to_rgba8();
    let mut flat = RgbImage::new(rgba.width(), rgba.height());
    for (x, y, pixel) in rgba.enumerate_pixels() {
        let [r, g, b, a] = pixel.0;
        let blend = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        flat.put_pixel(x, y, Rgb([blend(r), blend(g), blend(b)]));
    }
    flat
}

/// Standard base64 with padding (RFC 4648).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbaImage::from_pixel(width, height, image::Rgba([200, 30, 30, 0]));
        let mut bytes = Vec::new();
        DynamicImage::ImageRgba8(image)
            .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
            .unwrap();
        bytes
    }

    #[test]
    fn base64_matches_the_rfc_examples() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
    }

    #[test]
    fn big_pictures_shrink_keeping_their_shape_and_transparency_turns_white() {
        let picture = Picture::from_bytes(&png(1200, 600)).unwrap();
        assert_eq!((picture.width, picture.height), (240, 120));
        assert!(picture.jpeg.starts_with(&[0xFF, 0xD8]), "a JPEG");
        let back = image::load_from_memory(&picture.jpeg).unwrap().to_rgb8();
        assert!(
            back.get_pixel(5, 5).0.iter().all(|&c| c > 240),
            "transparent is white"
        );
        let small = Picture::from_bytes(&png(40, 30)).unwrap();
        assert_eq!(
            (small.width, small.height),
            (40, 30),
            "small ones keep their size"
        );
    }

    #[test]
    fn what_is_not_a_picture_says_so() {
        assert!(Picture::from_bytes(b"%PDF-1.7 not a picture").is_err());
        assert!(Picture::from_bytes(&png(10, 10)[..40]).is_err(), "cut short");
    }
}
