//! Templates and example maps built into the binary, from `assets/`. Both are ordinary
//! format-1 files, read with the same code as any map.

use crate::format;
use crate::model::{IdGen, JourneyMap};

/// A bundled map file: a template (empty cells) or a filled example.
#[derive(Debug, Clone, Copy)]
pub struct Bundled {
    /// Short name used on the command line and as the default file name.
    pub name: &'static str,
    /// What it is, in a few words.
    pub summary: &'static str,
    pub text: &'static str,
}

/// Stage sets to start a map from; the first is the default.
pub const TEMPLATES: &[Bundled] = &[
    Bundled {
        name: "digital",
        summary: "seven-stage digital journey, awareness to advocacy",
        text: include_str!("../assets/templates/digital.json"),
    },
    Bundled {
        name: "cxm",
        summary: "four stages of customer-experience management",
        text: include_str!("../assets/templates/cxm.json"),
    },
    Bundled {
        name: "moments",
        summary: "the four moments of truth, zero to third",
        text: include_str!("../assets/templates/moments.json"),
    },
    Bundled {
        name: "blank",
        summary: "no stages yet",
        text: include_str!("../assets/templates/blank.json"),
    },
];

/// Filled maps to learn from and to try things on.
pub const EXAMPLES: &[Bundled] = &[
    Bundled {
        name: "coffee-shop",
        summary: "a coffee shop's Sunday morning, ordering ahead on mobile",
        text: include_str!("../assets/examples/coffee-shop.json"),
    },
    Bundled {
        name: "online-store",
        summary: "an online store where shoppers abandon at the free-shipping threshold",
        text: include_str!("../assets/examples/online-store.json"),
    },
];

/// The pictures the examples' evidence points at (stand-ins drawn for the examples),
/// written beside a copy of an example so its evidence is there to open: (path relative
/// to the map's folder, bytes).
pub const EXAMPLE_EVIDENCE: &[(&str, &[u8])] = &[
    (
        "evidence/3ds-reset.png",
        include_bytes!("../assets/examples/evidence/3ds-reset.png"),
    ),
    (
        "evidence/bank-notification.png",
        include_bytes!("../assets/examples/evidence/bank-notification.png"),
    ),
    (
        "evidence/benches-full.jpg",
        include_bytes!("../assets/examples/evidence/benches-full.jpg"),
    ),
    (
        "evidence/call-log-14min.png",
        include_bytes!("../assets/examples/evidence/call-log-14min.png"),
    ),
    (
        "evidence/care-guide-web.png",
        include_bytes!("../assets/examples/evidence/care-guide-web.png"),
    ),
    (
        "evidence/care-label.jpg",
        include_bytes!("../assets/examples/evidence/care-label.jpg"),
    ),
    (
        "evidence/cart-r450.png",
        include_bytes!("../assets/examples/evidence/cart-r450.png"),
    ),
    (
        "evidence/chalkboard-specials.jpg",
        include_bytes!("../assets/examples/evidence/chalkboard-specials.jpg"),
    ),
    (
        "evidence/checkout-banner.png",
        include_bytes!("../assets/examples/evidence/checkout-banner.png"),
    ),
    (
        "evidence/delivery-fee-step3.png",
        include_bytes!("../assets/examples/evidence/delivery-fee-step3.png"),
    ),
    (
        "evidence/hours-app-vs-maps.png",
        include_bytes!("../assets/examples/evidence/hours-app-vs-maps.png"),
    ),
    (
        "evidence/ig-story-closure.jpg",
        include_bytes!("../assets/examples/evidence/ig-story-closure.jpg"),
    ),
    (
        "evidence/lid-spill.jpg",
        include_bytes!("../assets/examples/evidence/lid-spill.jpg"),
    ),
    (
        "evidence/newsletter-nov.png",
        include_bytes!("../assets/examples/evidence/newsletter-nov.png"),
    ),
    (
        "evidence/no-notes-field.png",
        include_bytes!("../assets/examples/evidence/no-notes-field.png"),
    ),
    (
        "evidence/oat-milk-sold-out.png",
        include_bytes!("../assets/examples/evidence/oat-milk-sold-out.png"),
    ),
    (
        "evidence/oversized-box.jpg",
        include_bytes!("../assets/examples/evidence/oversized-box.jpg"),
    ),
    (
        "evidence/paper-loyalty-card.jpg",
        include_bytes!("../assets/examples/evidence/paper-loyalty-card.jpg"),
    ),
    (
        "evidence/payment-error-screen.png",
        include_bytes!("../assets/examples/evidence/payment-error-screen.png"),
    ),
    (
        "evidence/pickup-shelf-layout.jpg",
        include_bytes!("../assets/examples/evidence/pickup-shelf-layout.jpg"),
    ),
    (
        "evidence/pickup-slot-25min.png",
        include_bytes!("../assets/examples/evidence/pickup-slot-25min.png"),
    ),
    (
        "evidence/points-zero.png",
        include_bytes!("../assets/examples/evidence/points-zero.png"),
    ),
    (
        "evidence/qr-404.png",
        include_bytes!("../assets/examples/evidence/qr-404.png"),
    ),
    (
        "evidence/receipt-email.png",
        include_bytes!("../assets/examples/evidence/receipt-email.png"),
    ),
    (
        "evidence/reel-link-home.png",
        include_bytes!("../assets/examples/evidence/reel-link-home.png"),
    ),
    (
        "evidence/reset-email-delay.png",
        include_bytes!("../assets/examples/evidence/reset-email-delay.png"),
    ),
    (
        "evidence/return-label-fee.png",
        include_bytes!("../assets/examples/evidence/return-label-fee.png"),
    ),
    (
        "evidence/returns-page.png",
        include_bytes!("../assets/examples/evidence/returns-page.png"),
    ),
    (
        "evidence/search-ad-free-delivery.png",
        include_bytes!("../assets/examples/evidence/search-ad-free-delivery.png"),
    ),
    (
        "evidence/size-guide-us-only.png",
        include_bytes!("../assets/examples/evidence/size-guide-us-only.png"),
    ),
    (
        "evidence/stock-greyed-sizes.png",
        include_bytes!("../assets/examples/evidence/stock-greyed-sizes.png"),
    ),
    (
        "evidence/tracking-stuck.png",
        include_bytes!("../assets/examples/evidence/tracking-stuck.png"),
    ),
    (
        "evidence/two-sams.jpg",
        include_bytes!("../assets/examples/evidence/two-sams.jpg"),
    ),
    (
        "evidence/website-footer.png",
        include_bytes!("../assets/examples/evidence/website-footer.png"),
    ),
    (
        "evidence/website-hours-winter.png",
        include_bytes!("../assets/examples/evidence/website-hours-winter.png"),
    ),
    (
        "evidence/whatsapp-autoreply.png",
        include_bytes!("../assets/examples/evidence/whatsapp-autoreply.png"),
    ),
];

/// The bundled evidence pictures `map` points at (an example's own, not the others').
pub fn evidence_of(map: &JourneyMap) -> Vec<(&'static str, &'static [u8])> {
    let wanted: std::collections::HashSet<&str> = map.evidence().collect();
    EXAMPLE_EVIDENCE
        .iter()
        .filter(|(path, _)| wanted.contains(path))
        .copied()
        .collect()
}

/// The bundled file called `name`.
pub fn find(list: &'static [Bundled], name: &str) -> Option<&'static Bundled> {
    list.iter().find(|b| b.name.eq_ignore_ascii_case(name))
}

impl Bundled {
    /// The bundled map as it is in the file.
    pub fn map(&self) -> Result<JourneyMap, String> {
        format::parse(self.text)
            .map(|parsed| parsed.map)
            .map_err(|diagnostics| {
                let first = diagnostics.first().map(ToString::to_string).unwrap_or_default();
                format!("the bundled map \"{}\" is broken: {first}", self.name)
            })
    }

    /// A new map from this template: its stages with fresh ids, and the given title.
    pub fn instantiate(&self, title: &str, ids: &mut IdGen) -> Result<JourneyMap, String> {
        let template = self.map()?;
        let names: Vec<&str> = template.stages.iter().map(|s| s.name.as_str()).collect();
        let mut map = JourneyMap::with_stages(title, &names, ids);
        map.shadow.channels = template.shadow.channels.clone();
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_local_evidence_path_of_the_examples_is_bundled() {
        for example in EXAMPLES {
            let map = example.map().unwrap();
            for entry in map.evidence() {
                if crate::model::is_url(entry) {
                    continue;
                }
                assert!(
                    EXAMPLE_EVIDENCE.iter().any(|(path, _)| *path == entry),
                    "{}: {entry} is not in EXAMPLE_EVIDENCE",
                    example.name
                );
            }
        }
    }

    #[test]
    fn every_bundled_map_reads_cleanly_and_is_canonical() {
        for bundled in TEMPLATES.iter().chain(EXAMPLES) {
            let parsed = format::parse(bundled.text).unwrap_or_else(|d| panic!("{}: {d:?}", bundled.name));
            assert!(
                parsed.warnings.is_empty(),
                "{}: {:?}",
                bundled.name,
                parsed.warnings
            );
            assert_eq!(
                String::from_utf8(format::encode(&parsed.map)).unwrap(),
                bundled.text,
                "{} is not in the canonical layout",
                bundled.name
            );
        }
    }

    #[test]
    fn templates_have_empty_cells_and_fresh_ids() {
        let mut ids = IdGen::seeded(3);
        for template in TEMPLATES {
            let original = template.map().unwrap();
            let map = template.instantiate("Workshop", &mut ids).unwrap();
            assert_eq!(map.title, "Workshop");
            assert_eq!(map.stages.len(), original.stages.len());
            for (new, old) in map.stages.iter().zip(&original.stages) {
                assert_eq!(new.name, old.name);
                assert_ne!(new.id, old.id);
                assert!(new.goal.is_empty() && new.item_count() == 0 && new.emotion.score.is_none());
            }
        }
    }

    #[test]
    fn the_digital_template_has_the_seven_stages() {
        let map = TEMPLATES[0].map().unwrap();
        let names: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Awareness",
                "Consideration",
                "Purchase",
                "Delivery & Onboarding",
                "Use",
                "Support",
                "Loyalty & Advocacy"
            ]
        );
    }
}
