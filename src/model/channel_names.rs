//! What a name typed in the room stands for among the map's channels (and owners):
//! completion as it is typed, the one name it means, the common synonyms a room uses for
//! a channel ("phone" for "Contact-centre call"), and how a new channel is spelled.

/// Whether `c` only separates the words of a name: a space, a hyphen or dash, or `_`.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '_' | '\u{2010}'..='\u{2014}')
}

/// The characters of `name` that tell channels apart: lower case, without spaces,
/// hyphens or underscores ("E-mail", "email" and "E mail" are one channel).
pub(super) fn canonical_chars(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .filter(|&c| !is_separator(c))
        .flat_map(char::to_lowercase)
}

/// `name` as channels are compared: "Contact-centre call" is "contactcentrecall".
pub fn canonical(name: &str) -> String {
    canonical_chars(name).collect()
}

/// Whether two spellings name the same channel (ignoring case, spaces and hyphens).
pub fn same(a: &str, b: &str) -> bool {
    canonical_chars(a).eq(canonical_chars(b))
}

/// Words rooms use for the same kind of channel, in canonical form (lower case, without
/// spaces or hyphens). A typed word names a channel known by another word of its group.
const SYNONYMS: &[&[&str]] = &[
    &[
        "phone",
        "telephone",
        "call",
        "calls",
        "callcentre",
        "callcenter",
        "contactcentre",
        "contactcenter",
        "helpline",
        "hotline",
        "ivr",
    ],
    &["email", "emails", "newsletter", "inbox"],
    &["web", "website", "site", "online", "webshop", "browser"],
    &["store", "shop", "branch", "instore", "boutique"],
    &["chat", "livechat", "webchat", "chatbot", "messenger"],
    &["sms", "text", "texts", "textmessage"],
    &["delivery", "courier", "parcel"],
];

/// Channel names written in capitals when typed in lower case ("#sms" is "SMS").
const ACRONYMS: &[&str] = &["sms", "ivr", "atm", "pos", "tv", "qr", "faq"];

/// The words of `name`, split at spaces, hyphens and underscores.
fn words(name: &str) -> impl Iterator<Item = &str> {
    name.split(is_separator)
}

/// Whether one of the words of `name` starts with `typed` (both canonical): "app" starts
/// a word of "Mobile app", not of "WhatsApp".
fn starts_a_word(name: &str, typed: &str) -> bool {
    words(name).any(|word| canonical(word).starts_with(typed))
}

/// Whether `typed` is the start of `name` or of one of its words, case, spaces and
/// hyphens aside: "loyalty" and "adv" both start "Loyalty & Advocacy".
pub fn starts(name: &str, typed: &str) -> bool {
    let typed = canonical(typed);
    !typed.is_empty() && begins(name, &typed)
}

/// Whether the canonical `typed` starts `name` or one of its words.
fn begins(name: &str, typed: &str) -> bool {
    canonical(name).starts_with(typed) || starts_a_word(name, typed)
}

/// The synonym group a canonical word belongs to.
fn synonym_group(typed: &str) -> Option<&'static [&'static str]> {
    SYNONYMS.iter().copied().find(|group| group.contains(&typed))
}

/// Whether `name` is known by a word of `group`: the whole name ("Website"), one of its
/// words ("Contact-centre call"), or its start ("Contact-centre call" starts
/// "contactcentre").
fn known_by(name: &str, group: &[&str]) -> bool {
    let form = canonical(name);
    group
        .iter()
        .any(|word| form == *word || (word.len() >= 6 && form.starts_with(word)))
        || words(name).any(|word| group.contains(&canonical(word).as_str()))
}

/// The names of `known` that `typed` may be the start of, best first: those whose
/// canonical form starts with it, then those with a word that does ("app" offers
/// "Mobile app"), then those that merely contain it ("WhatsApp"), then those the room's
/// word is a synonym for ("phone" offers "Contact-centre call").
pub fn complete<'a>(known: &'a [String], typed: &str) -> Vec<&'a str> {
    let typed = canonical(typed);
    let synonyms = synonym_group(&typed);
    let mut ranked: Vec<(u8, &str)> = known
        .iter()
        .filter_map(|name| {
            let form = canonical(name);
            let rank = if form.starts_with(&typed) {
                0
            } else if starts_a_word(name, &typed) {
                1
            } else if form.contains(&typed) {
                2
            } else if synonyms.is_some_and(|group| known_by(name, group)) {
                3
            } else {
                return None;
            };
            Some((rank, name.as_str()))
        })
        .collect();
    ranked.sort_by_key(|(rank, _)| *rank);
    ranked.into_iter().map(|(_, name)| name).collect()
}

/// The only item of `names`, if there is exactly one.
fn only<'a>(mut names: impl Iterator<Item = &'a String>) -> Option<&'a str> {
    match (names.next(), names.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// The name of `known` that `typed` stands for: its twin (case, spaces and hyphens
/// aside), else the only name that it starts or starts a word of ("#app" is "Mobile app"
/// when no other name has a word starting "app"), else the only name known by a synonym
/// of it ("#phone" is "Contact-centre call"). `None` when it names none, or several.
pub fn resolve<'a>(known: &'a [String], typed: &str) -> Option<&'a str> {
    if let Some(twin) = known.iter().find(|name| same(name, typed)) {
        return Some(twin);
    }
    let typed = canonical(typed);
    if typed.is_empty() {
        return None;
    }
    let starting = || known.iter().filter(|name| begins(name, &typed));
    if starting().next().is_some() {
        return only(starting());
    }
    let group = synonym_group(&typed)?;
    only(known.iter().filter(|name| known_by(name, group)))
}

/// How a channel the map does not know yet goes on its list: as typed when the room
/// used capitals, else with a capital first letter ("store" is "Store"), or all in
/// capitals for an acronym ("sms" is "SMS").
pub fn spelled_for_list(typed: &str) -> String {
    if typed.chars().any(char::is_uppercase) {
        return typed.to_owned();
    }
    if ACRONYMS.contains(&canonical(typed).as_str()) {
        return typed.to_uppercase();
    }
    let mut chars = typed.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn completion_offers_starts_then_words_then_insides() {
        let list = names(&[
            "WhatsApp",
            "Website",
            "Mobile app",
            "Contact-centre call",
            "App store",
        ]);
        assert_eq!(complete(&list, "app"), ["App store", "Mobile app", "WhatsApp"]);
        assert_eq!(complete(&list, "contact c"), ["Contact-centre call"]);
        assert_eq!(complete(&list, "").len(), 5);
        assert!(complete(&list, "fax").is_empty());
    }

    #[test]
    fn a_typed_name_stands_for_its_twin_or_the_only_name_it_starts() {
        let list = names(&[
            "WhatsApp",
            "Website",
            "Mobile app",
            "E-mail",
            "Email list",
            "Contact-centre call",
        ]);
        assert_eq!(
            resolve(&list, "app"),
            Some("Mobile app"),
            "not WhatsApp, inside a word"
        );
        assert_eq!(resolve(&list, "web"), Some("Website"));
        assert_eq!(
            resolve(&list, "email"),
            Some("E-mail"),
            "the twin beats Email list"
        );
        assert_eq!(resolve(&list, "e"), None, "several names start with e");
        assert_eq!(resolve(&list, "call"), Some("Contact-centre call"));
        assert_eq!(resolve(&list, "kiosk"), None);
        assert_eq!(resolve(&list, ""), None);
    }

    #[test]
    fn a_room_s_synonym_names_the_map_s_channel_when_only_one_fits() {
        let list = names(&["Website", "Mobile app", "Contact-centre call", "Store", "SMS"]);
        assert_eq!(resolve(&list, "phone"), Some("Contact-centre call"));
        assert_eq!(resolve(&list, "Telephone"), Some("Contact-centre call"));
        assert_eq!(resolve(&list, "shop"), Some("Store"));
        assert_eq!(resolve(&list, "text"), Some("SMS"));
        assert_eq!(resolve(&list, "online"), Some("Website"));
        assert_eq!(resolve(&list, "fax"), None);
        assert_eq!(complete(&list, "phone"), ["Contact-centre call"]);
        let two_lines = names(&["Sales call", "Support call"]);
        assert_eq!(
            resolve(&two_lines, "phone"),
            None,
            "two calls: the room must say which"
        );
        assert_eq!(complete(&two_lines, "phone").len(), 2);
        let with_phone = names(&["Phone", "Contact-centre call"]);
        assert_eq!(resolve(&with_phone, "phone"), Some("Phone"), "its twin first");
    }

    #[test]
    fn a_synonym_is_only_a_fallback_after_what_was_typed() {
        let list = names(&["Webchat", "Website"]);
        assert_eq!(resolve(&list, "web"), None, "both start with web");
        assert_eq!(complete(&list, "chat"), ["Webchat"]);
        assert_eq!(
            resolve(&names(&["Phone app", "Call centre"]), "phone"),
            Some("Phone app")
        );
    }

    #[test]
    fn a_new_channel_is_spelled_as_a_list_spells_it() {
        assert_eq!(spelled_for_list("store"), "Store");
        assert_eq!(spelled_for_list("mobile app"), "Mobile app");
        assert_eq!(spelled_for_list("sms"), "SMS");
        assert_eq!(spelled_for_list("WhatsApp"), "WhatsApp");
        assert_eq!(spelled_for_list("éclair"), "Éclair");
    }
}
