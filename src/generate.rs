//! Journey maps of any size with realistic text, made from a seed: the same seed gives the
//! same map, byte for byte. For benchmarks, tests and trying the program on a big map.

use std::collections::HashSet;

use crate::model::{
    Emotion, Friction, FrictionId, IdGen, JourneyMap, Metrics, NoteId, Opportunity, OpportunityId, PlanEntry,
    Score, Severity, Shadow, ShadowNote, Shared, Stage, StageId, Status,
};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub stages: usize,
    /// Shadow notes, spread over the stages.
    pub notes: usize,
    pub seed: u64,
}

impl Spec {
    /// The standard sizes: 7, 70 and 700 stages with 200, 2,000 and 20,000 notes.
    pub const SIZES: [Spec; 3] = [Spec::sized(7), Spec::sized(70), Spec::sized(700)];

    /// `stages` stages and as many notes per stage as the standard sizes have (200 per
    /// 7 stages; 700 stages make a file of about 9 MB).
    pub const fn sized(stages: usize) -> Spec {
        Spec {
            stages,
            notes: stages * 200 / 7,
            seed: 7,
        }
    }
}

/// The most friction points a generated stage has (the least is none).
pub const MAX_FRICTIONS: usize = 4;

/// A map as `spec` describes it. Every reference points at an item that exists, so the
/// checker finds nothing to report.
pub fn map(spec: &Spec) -> JourneyMap {
    let mut g = Generator {
        rng: Rng(spec.seed),
        ids: IdGen::seeded(spec.seed ^ 0x5EED),
        taken: HashSet::new(),
    };
    let mut map = JourneyMap {
        title: format!("{} – {} stages", g.pick(BRANDS), spec.stages),
        persona: g.pick(PERSONAS).to_owned(),
        ..JourneyMap::default()
    };
    map.stages = (0..spec.stages).map(|i| Shared::new(g.stage(i))).collect();
    map.shadow = g.shadow(&map.stages, spec.notes);
    map
}

struct Generator {
    rng: Rng,
    ids: IdGen,
    taken: HashSet<String>,
}

impl Generator {
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.rng.below(list.len())]
    }

    fn id(&mut self, prefix: &str) -> String {
        let taken = &self.taken;
        let id = self.ids.fresh(prefix, |id| taken.contains(id));
        self.taken.insert(id.clone());
        id
    }

    /// One to `most` sentences of observation, joined.
    fn sentences(&mut self, most: usize) -> String {
        let count = 1 + self.rng.below(most);
        let parts: Vec<String> = (0..count)
            .map(|_| {
                format!(
                    "{} {} {}",
                    self.pick(SUBJECTS),
                    self.pick(PROBLEMS),
                    self.pick(CONTEXTS)
                )
            })
            .collect();
        parts.join(" ")
    }

    fn evidence(&mut self, most: usize) -> Vec<String> {
        (0..self.rng.below(most + 1))
            .map(|_| {
                let n = 1000 + self.rng.below(9000);
                match self.rng.below(3) {
                    0 => format!("photos/IMG_{n}.jpg"),
                    1 => format!("screens/step-{n}.png"),
                    _ => format!("https://support.example.com/tickets/{n}"),
                }
            })
            .collect()
    }

    fn stage(&mut self, index: usize) -> Stage {
        let phase = PHASES[index % PHASES.len()];
        let round = index / PHASES.len();
        let name = if round == 0 {
            phase.to_owned()
        } else {
            format!("{phase}: {}", self.pick(STEPS))
        };
        let mut goal = format!("{} {}", self.pick(GOALS), self.pick(CONTEXTS));
        if self.rng.below(8) == 0 {
            goal.push_str("\nWithout calling anyone.");
        }
        let touchpoints = (0..1 + self.rng.below(5))
            .map(|_| self.pick(TOUCHPOINTS).to_owned())
            .collect();
        let score = (self.rng.below(10) > 0).then(|| self.rng.below(5) as i64 - 2);
        let emotion = Emotion {
            score: score.and_then(Score::new),
            note: format!("{}: {}", self.pick(FEELINGS), self.sentences(1)),
            ..Emotion::default()
        };
        let frictions: Vec<Friction> = (0..self.rng.below(MAX_FRICTIONS + 1))
            .map(|_| self.friction())
            .collect();
        let opportunities = (0..self.rng.below(3))
            .map(|_| {
                let addresses = frictions
                    .iter()
                    .filter(|_| self.rng.below(2) == 0)
                    .map(|f| f.id.clone())
                    .collect();
                Opportunity {
                    id: OpportunityId(self.id(OpportunityId::PREFIX)),
                    text: format!("{} {}", self.pick(CHANGES), self.pick(CONTEXTS)),
                    addresses,
                    votes: self.rng.below(5) as u32,
                    ..Opportunity::default()
                }
            })
            .collect();
        let metrics = (self.rng.below(3) == 0).then(|| Metrics {
            csat: Some(40.0 + self.rng.below(600) as f64 / 10.0),
            nps: Some(self.rng.below(160) as f64 - 80.0),
            ces: (self.rng.below(2) == 0).then(|| 1.0 + self.rng.below(60) as f64 / 10.0),
            ..Metrics::default()
        });
        Stage {
            id: StageId(self.id(StageId::PREFIX)),
            name,
            goal,
            touchpoints,
            emotion,
            frictions,
            opportunities,
            metrics,
            ..Stage::default()
        }
    }

    fn friction(&mut self) -> Friction {
        let severity = [Severity::Minor, Severity::Major, Severity::Severe][self.rng.below(3)];
        let status = Status::ALL[self.rng.below(Status::ALL.len())];
        Friction {
            id: FrictionId(self.id(FrictionId::PREFIX)),
            text: self.sentences(2),
            severity,
            channel: self.pick(CHANNELS).to_owned(),
            votes: self.rng.below(7) as u32,
            owner: if status == Status::Open {
                String::new()
            } else {
                self.pick(PEOPLE).to_owned()
            },
            status,
            evidence: self.evidence(2),
            ..Friction::default()
        }
    }

    fn shadow(&mut self, stages: &[Shared<Stage>], notes: usize) -> Shadow {
        let frictions: Vec<&FrictionId> = stages
            .iter()
            .flat_map(|s| s.frictions.iter().map(|f| &f.id))
            .collect();
        let notes = (0..notes)
            .filter_map(|n| {
                let stage = stages.get(n * stages.len() / notes.max(1))?;
                let minutes = n * 7 + self.rng.below(7);
                let friction = (!frictions.is_empty() && self.rng.below(5) == 0)
                    .then(|| frictions[self.rng.below(frictions.len())].clone());
                Some(Shared::new(ShadowNote {
                    id: NoteId(self.id(NoteId::PREFIX)),
                    at: format!(
                        "2026-{:02}-{:02}T{:02}:{:02}:00Z",
                        1 + minutes / (28 * 24 * 60) % 12,
                        1 + minutes / (24 * 60) % 28,
                        minutes / 60 % 24,
                        minutes % 60
                    ),
                    observer: self.pick(PEOPLE).to_owned(),
                    stage: stage.id.clone(),
                    channel: self.pick(CHANNELS).to_owned(),
                    text: self.sentences(2),
                    evidence: self.evidence(1),
                    friction,
                    ..ShadowNote::default()
                }))
            })
            .collect();
        let plan = stages
            .iter()
            .step_by(3)
            .map(|stage| PlanEntry {
                stage: stage.id.clone(),
                channel: self.pick(CHANNELS).to_owned(),
                votes: self.rng.below(6) as u32,
                ..PlanEntry::default()
            })
            .collect();
        Shadow {
            channels: CHANNELS.iter().map(|&c| c.to_owned()).collect(),
            notes,
            plan,
            ..Shadow::default()
        }
    }
}

/// SplitMix64: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const BRANDS: &[&str] = &[
    "Northwind Outfitters",
    "Café Aurora",
    "Brightline Telecom",
    "Søndergaard Bikes",
];

const PERSONAS: &[&str] = &[
    "First-time buyer on a phone, comparing prices during the commute",
    "Returning customer who orders for a small office every month",
];

const PHASES: &[&str] = &[
    "Awareness",
    "Consideration",
    "Purchase",
    "Delivery / Onboarding",
    "Use",
    "Support",
    "Loyalty & Advocacy",
];

const STEPS: &[&str] = &[
    "search results",
    "product page",
    "size guide",
    "basket",
    "checkout",
    "payment",
    "order e-mail",
    "tracking",
    "doorstep",
    "returns portal",
    "live chat",
    "review request",
];

const GOALS: &[&str] = &[
    "Find out whether the jacket comes in a size that fits",
    "Compare the delivery options before paying",
    "Get a straight answer about the warranty",
    "Return the item without printing anything",
    "Know when the parcel will actually arrive",
    "Pay with the card already saved on the phone",
    "Ask a question and get a human within five minutes",
];

const SUBJECTS: &[&str] = &[
    "The checkout page",
    "The size guide",
    "The order confirmation e-mail",
    "The chat bot",
    "The returns form",
    "The app's basket",
    "The delivery driver",
    "The store assistant",
    "The help-centre search",
    "The loyalty card screen",
];

const PROBLEMS: &[&str] = &[
    "asks for the postcode twice",
    "shows “free shipping over €50” only after the card details",
    "times out after 90 seconds and loses the basket",
    "has no way to reach a person",
    "uses a font too small to read on a phone",
    "sends a link that opens the desktop site",
    "says in stock, then cancels the order the next day",
    "reads out the wrong total to the screen reader",
    "needs an account before showing the price",
    "hides the returns address in a PDF",
];

const CONTEXTS: &[&str] = &[
    "while the customer is on the train.",
    "on a Sunday morning, when the shop is closed.",
    "after a 20-minute wait in the queue.",
    "on an older Android phone.",
    "with a screen reader switched on.",
    "— the third time this week.",
    "(quote: “I just gave up and went to the shop”).",
    "at 23:40, right before the promotion ended 😞.",
    "for a customer in Zürich paying in CHF.",
    "in the Japanese version of the page (注文確認).",
];

const FEELINGS: &[&str] = &[
    "Frustrated",
    "Curious",
    "Relieved",
    "Anxious",
    "Delighted",
    "Confused",
];

const TOUCHPOINTS: &[&str] = &[
    "Search engine",
    "Instagram ad",
    "Website",
    "Mobile app",
    "Order e-mail",
    "Text message",
    "Contact-centre call",
    "Live chat",
    "Store",
    "Parcel locker",
];

const CHANNELS: &[&str] = &[
    "Website",
    "Mobile app",
    "Contact-centre call",
    "Store",
    "E-mail",
    "Live chat",
];

const CHANGES: &[&str] = &[
    "Show the delivery cost on the product page",
    "Keep the basket for a week, logged in or not",
    "Offer a call-back instead of the queue",
    "Print-free returns with a QR code at the locker",
    "Let the screen reader announce the total and the discount",
];

const PEOPLE: &[&str] = &[
    "Ana", "Ben", "Chloé", "Dev", "Ewa", "Farid", "Grace", "Hiro", "Ines", "José",
];
