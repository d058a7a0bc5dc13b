//! The word lists the observation coach judges by: instructions, wishes, modals,
//! remedies, and the words that mark a sentence as reported or as a statement.

/// Verbs that open an instruction ("Add …", "Improve …"): the usual ways a fix is written.
pub(super) const INSTRUCTIONS: &[&str] = &[
    "add",
    "adopt",
    "align",
    "allow",
    "automate",
    "avoid",
    "build",
    "change",
    "check",
    "clarify",
    "collect",
    "combine",
    "communicate",
    "consider",
    "create",
    "cut",
    "decrease",
    "display",
    "drop",
    "enable",
    "ensure",
    "explain",
    "explore",
    "extend",
    "fix",
    "get",
    "give",
    "hide",
    "highlight",
    "hire",
    "implement",
    "improve",
    "include",
    "increase",
    "inform",
    "install",
    "integrate",
    "introduce",
    "investigate",
    "keep",
    "label",
    "launch",
    "let",
    "list",
    "look",
    "lower",
    "make",
    "merge",
    "monitor",
    "move",
    "notify",
    "offer",
    "open",
    "personalise",
    "personalize",
    "promote",
    "provide",
    "publish",
    "put",
    "raise",
    "redesign",
    "reduce",
    "refund",
    "relocate",
    "remove",
    "rename",
    "reorder",
    "replace",
    "review",
    "revise",
    "rework",
    "rewrite",
    "send",
    "set",
    "shorten",
    "show",
    "simplify",
    "speed",
    "split",
    "standardise",
    "standardize",
    "start",
    "stop",
    "streamline",
    "switch",
    "test",
    "track",
    "train",
    "try",
    "unify",
    "update",
    "use",
    "waive",
    "warn",
];

/// Words that begin what an instruction acts on ("Add *a* …", "Improve *the* …").
pub(super) const OBJECT_STARTS: &[&str] = &[
    "a",
    "all",
    "an",
    "any",
    "better",
    "both",
    "clear",
    "clearer",
    "customers",
    "each",
    "easier",
    "every",
    "faster",
    "fewer",
    "free",
    "it",
    "its",
    "less",
    "live",
    "more",
    "one",
    "our",
    "people",
    "proper",
    "real",
    "simpler",
    "some",
    "staff",
    "that",
    "the",
    "their",
    "them",
    "these",
    "this",
    "those",
    "us",
    "users",
    "your",
];

/// Small words after an instruction's verb that make it a phrasal verb ("Look *into*").
pub(super) const PARTICLES: &[&str] = &["away", "back", "down", "in", "into", "off", "on", "out", "up"];

/// Words that report what someone or something said: what follows is quoted, not advised.
pub(super) const REPORTING: &[&str] = &[
    "according",
    "announced",
    "announces",
    "answered",
    "answers",
    "asked",
    "asks",
    "claimed",
    "claims",
    "displayed",
    "displays",
    "explained",
    "explains",
    "informed",
    "informs",
    "insisted",
    "insists",
    "mentioned",
    "mentions",
    "noted",
    "notes",
    "promised",
    "promises",
    "read",
    "reads",
    "recommended",
    "recommends",
    "replied",
    "replies",
    "said",
    "says",
    "showed",
    "shows",
    "stated",
    "states",
    "suggested",
    "suggests",
    "told",
    "tells",
    "warned",
    "warns",
    "wrote",
    "writes",
];

/// Verbs that make a clause a statement of what is or was ("… *is* hidden", "… *took* …").
pub(super) const FINITE: &[&str] = &[
    "am", "are", "aren't", "arrived", "asked", "came", "can", "can't", "cannot", "closes", "comes", "costs",
    "could", "couldn't", "did", "didn't", "does", "doesn't", "dropped", "fails", "failed", "gave", "gives",
    "goes", "got", "had", "has", "hasn't", "is", "isn't", "kept", "lacks", "leads", "led", "left", "lists",
    "loads", "looks", "lost", "needs", "opens", "rang", "rings", "said", "sat", "saw", "seems", "sent",
    "shows", "stood", "stuck", "takes", "took", "vary", "varies", "was", "wasn't", "went", "were", "weren't",
    "will", "won't", "would", "wouldn't",
];

/// Verbs in their plain form that can follow a plural subject ("emails *arrive*").
pub(super) const PLAIN_VERBS: &[&str] = &[
    "appear", "arrive", "break", "close", "come", "cost", "differ", "fail", "go", "load", "look", "open",
    "ring", "say", "seem", "show", "stay", "take", "vary", "work",
];

/// Subjects that make "need to" a thing the customer had to do, not advice.
pub(super) const PEOPLE: &[&str] = &[
    "buyers",
    "customer",
    "customers",
    "everyone",
    "guests",
    "he",
    "i",
    "members",
    "people",
    "she",
    "shoppers",
    "someone",
    "they",
    "user",
    "users",
    "visitors",
    "you",
];

/// Words that add nothing to how a sentence opens ("*Maybe* add …").
pub(super) const FILLERS: &[&str] = &[
    "also",
    "definitely",
    "ideally",
    "instead",
    "just",
    "maybe",
    "perhaps",
    "please",
    "possibly",
    "probably",
    "really",
    "simply",
    "so",
    "then",
];

/// Comparatives that open a wish when no verb follows ("*Better* signage at the door").
pub(super) const COMPARATIVES: &[&str] = &[
    "better", "bigger", "cheaper", "clearer", "easier", "faster", "fewer", "larger", "less", "more",
    "shorter", "simpler", "smaller",
];

/// Verbs after "would", "could" or "might" that promise an improvement ("a second till
/// might *speed* it up", "better signage would *help*").
pub(super) const IMPROVES: &[&str] = &[
    "avoid", "cut", "ease", "fix", "help", "improve", "make", "prevent", "reduce", "save", "simplify",
    "solve", "speed",
];

/// Nouns that name a remedy when the sentence says something *is* one ("… is the obvious
/// *fix*").
pub(super) const REMEDIES: &[&str] = &["answer", "fix", "fixes", "remedy", "solution", "solutions"];

/// Adjectives that make a remedy the writer's pick ("the *simplest* solution").
pub(super) const PICKED: &[&str] = &[
    "best", "cheapest", "easiest", "easy", "obvious", "quick", "quickest", "simple", "simplest",
];

/// What someone "needs" when the need is the writer's advice ("staff need *training*").
pub(super) const LACKS: &[&str] = &[
    "better", "clearer", "easier", "faster", "fewer", "less", "more", "simpler", "training",
];

/// Words that make what follows a thought that was had, not advice ("I *hoped* it would
/// help").
pub(super) const THOUGHTS: &[&str] = &["assumed", "expected", "hoped", "thought", "wondered"];

/// Openings that wish for a change whatever follows ("*Ideally* the app would …").
pub(super) const WISHFUL: &[&str] = &["ideally", "preferably"];

/// Words after "would be" that make it a wish ("it would be *better* to …").
pub(super) const WISHES: &[&str] = &[
    "best", "better", "clearer", "easier", "good", "great", "helpful", "ideal", "nice", "simpler", "useful",
];
