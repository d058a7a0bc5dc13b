//! A strict checker for the HTML cxmap writes: every element closed in order, void
//! elements self-closed, attributes quoted, no raw `<` or stray `&` in text; and no
//! resource from the network (no src, no @import, no url(), links only to evidence).

#![allow(dead_code)]

const VOID: &[&str] = &["meta", "br", "hr", "img", "link", "input", "col", "wbr"];

/// Text escaped the way the HTML writers escape it.
pub fn escape_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn check_text(text: &str, at: usize) -> Result<(), String> {
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        let after = &rest[i + 1..];
        let end = after.find(';').ok_or(format!("a bare & near byte {at}"))?;
        let entity = &after[..end];
        let named = entity.chars().all(|c| c.is_ascii_alphanumeric()) && !entity.is_empty();
        let numeric = entity
            .strip_prefix('#')
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if !named && !numeric {
            return Err(format!("a bare & near byte {at}"));
        }
        rest = &after[end + 1..];
    }
    Ok(())
}

/// The attributes of a tag (what follows its name) as (name, value) pairs, values
/// checked as text; an unquoted or unclosed value is an error.
fn attributes(tag: &str, at: usize) -> Result<Vec<(String, String)>, String> {
    let mut found = Vec::new();
    let mut rest = tag.trim_end_matches('/').trim_start();
    while !rest.is_empty() {
        let eq = rest
            .find('=')
            .ok_or(format!("an attribute without a value near byte {at}: {tag}"))?;
        let name = rest[..eq].trim().to_ascii_lowercase();
        let after = &rest[eq + 1..];
        if !after.starts_with('"') {
            return Err(format!("an unquoted attribute near byte {at}: {tag}"));
        }
        let close = after[1..]
            .find('"')
            .ok_or(format!("an unclosed attribute near byte {at}"))?;
        let value = &after[1..=close];
        check_text(value, at)?;
        found.push((name, value.to_owned()));
        rest = after[close + 2..].trim_start();
    }
    Ok(found)
}

/// Whether `page` is well formed.
pub fn well_formed(page: &str) -> Result<(), String> {
    let mut open: Vec<String> = Vec::new();
    let mut rest = page;
    let mut at = 0;
    let doctype = "<!DOCTYPE html>";
    if !rest.starts_with(doctype) {
        return Err("the page does not start with <!DOCTYPE html>".to_owned());
    }
    rest = &rest[doctype.len()..];
    at += doctype.len();
    while let Some(lt) = rest.find('<') {
        check_text(&rest[..lt], at)?;
        let after = &rest[lt + 1..];
        let gt = after
            .find('>')
            .ok_or(format!("an unclosed tag at byte {}", at + lt))?;
        let tag = &after[..gt];
        if tag.contains('<') {
            return Err(format!("a raw < near byte {}", at + lt));
        }
        if let Some(name) = tag.strip_prefix('/') {
            match open.pop() {
                Some(top) if top == name => {}
                top => return Err(format!("</{name}> at byte {} closes {top:?}", at + lt)),
            }
        } else {
            let self_closed = tag.ends_with('/');
            let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            if name.is_empty() {
                return Err(format!("a tag without a name at byte {}", at + lt));
            }
            attributes(&tag[name.len()..], at + lt)?;
            if VOID.contains(&name.as_str()) && !self_closed {
                return Err(format!("<{name}> at byte {} is not self-closed", at + lt));
            }
            if !self_closed {
                open.push(name);
            }
        }
        at += lt + 1 + gt + 1;
        rest = &after[gt + 1..];
    }
    check_text(rest, at)?;
    if !open.is_empty() {
        return Err(format!("never closed: {open:?}"));
    }
    Ok(())
}

/// The tags of a page (what lies between `<` and `>`), and the text of its style elements.
fn tags_and_styles(page: &str) -> (Vec<&str>, Vec<&str>) {
    let mut tags = Vec::new();
    let mut styles = Vec::new();
    let mut rest = page;
    while let Some(lt) = rest.find('<') {
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else { break };
        let tag = &after[..gt];
        tags.push(tag);
        rest = &after[gt + 1..];
        if tag.starts_with("style") {
            let end = rest.find("</style>").unwrap_or(rest.len());
            styles.push(&rest[..end]);
        }
    }
    (tags, styles)
}

/// Whether `page` loads nothing: no element that loads or runs something, no src
/// attribute but a picture embedded in an `<img>` as a `data:image/` URL, no @import or
/// url() in its styles, and every link one of the map's own evidence addresses.
pub fn self_contained(page: &str, evidence: &[&str]) -> Result<(), String> {
    let (tags, styles) = tags_and_styles(page);
    for style in styles {
        let lower = style.to_ascii_lowercase();
        if lower.contains("@import") || lower.contains("url(") {
            return Err("a style loads a resource".to_owned());
        }
    }
    for tag in tags {
        let lower = tag.to_ascii_lowercase();
        let name: String = lower.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        if ["script", "link", "iframe", "object", "embed", "image", "use"].contains(&name.as_str()) {
            return Err(format!("a <{name}> element"));
        }
        let embedded = name == "img" && lower.contains(" src=\"data:image/");
        if tag.starts_with(['/', '!']) {
            continue;
        }
        for (attribute, value) in attributes(&tag[name.len()..], 0)? {
            let picture_inside = embedded && attribute == "src" && value.starts_with("data:image/");
            if (attribute == "src" && !picture_inside) || attribute == "style" || attribute.starts_with("on")
            {
                return Err(format!("a tag that loads or runs something: <{tag}>"));
            }
            if attribute == "href" {
                let target = value.replace("&amp;", "&");
                let escaped = evidence
                    .iter()
                    .any(|e| cxmap::export::memo::escape_href(e) == target);
                if !evidence.contains(&target.as_str()) && !escaped {
                    return Err(format!("a link that is not evidence: {target}"));
                }
            }
        }
    }
    Ok(())
}
