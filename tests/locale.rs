//! The game's own words (`assets/locales/*/*.ftl`): every file parses, both
//! languages have the same keys with the same arguments, and every key the
//! code asks for with `tr!` exists in both, and no key is left unused.

use fluent_bundle::FluentResource;
use fluent_syntax::ast::Entry;
use petrograd::locale::{self, FILES};
use petrograd::scenario::Lang;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The line (from 1) of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Each message of one Fluent file, with the arguments (`$name`) its text uses.
fn messages(lang: Lang, name: &str, text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match FluentResource::try_new(text.to_string()) {
        Ok(r) => r,
        Err((_, errors)) => {
            let where_: Vec<String> =
                errors.iter().map(|e| format!("line {}: {:?}", line_of(text, e.pos.start), e.kind)).collect();
            panic!("assets/locales/{lang}/{name} does not parse: {}", where_.join("; "));
        }
    };
    let mut ids = BTreeSet::new();
    for entry in resource.entries() {
        if let Entry::Message(m) = entry {
            assert!(m.value.is_some(), "{lang}/{name}: {} has no text", m.id.name);
            assert!(ids.insert(m.id.name.to_string()), "{lang}/{name}: {} is given twice", m.id.name);
        }
    }
    // Arguments, read from the text: a message runs from its `id =` line to
    // the next line that is not indented.
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        if starts_message {
            current = line.split('=').next().map(|id| id.trim().to_string());
        } else if !line.starts_with(' ') {
            current = None;
        }
        let Some(id) = &current else { continue };
        let args = out.entry(id.clone()).or_default();
        for piece in line.split('$').skip(1) {
            let arg: String =
                piece.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect();
            args.insert(arg);
        }
    }
    assert_eq!(out.keys().cloned().collect::<BTreeSet<_>>(), ids, "{lang}/{name}: messages read two ways differ");
    out
}

fn all_messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for (name, text) in locale::sources(lang) {
        for (id, args) in messages(lang, name, text) {
            assert!(all.insert(id.clone(), args).is_none(), "{lang}: {id} is in two files");
        }
    }
    all
}

#[test]
fn every_file_parses_and_both_languages_have_the_same_keys_and_arguments() {
    for (name, en, es) in FILES {
        let en = messages(Lang::En, name, en);
        let es = messages(Lang::Es, name, es);
        let only_en: Vec<_> = en.keys().filter(|k| !es.contains_key(*k)).collect();
        let only_es: Vec<_> = es.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(only_en.is_empty(), "missing in assets/locales/es/{name}: {only_en:?}");
        assert!(only_es.is_empty(), "missing in assets/locales/en/{name}: {only_es:?}");
        for (id, args) in &en {
            assert_eq!(args, &es[id], "{name}: {id} uses different arguments in English and Spanish");
        }
    }
}

/// Every `tr!(lang, "key"...)` in the source, with the file and line.
fn keys_in_code() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (at, _) in text.match_indices("tr!(") {
                    // Not the end of another macro's name (`include_str!(`).
                    if text[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let rest = &text[at..];
                    let Some(open) = rest.find('"') else { continue };
                    // The key is the first string literal of the call.
                    let head = &rest[..open];
                    if head.contains(')') {
                        continue;
                    }
                    let key: String = rest[open + 1..].chars().take_while(|c| *c != '"').collect();
                    let place = format!("{}:{}", path.display(), line_of(&text, at));
                    out.push((key, place));
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), &mut out);
    out
}

#[test]
fn every_key_the_code_uses_exists_in_both_languages() {
    let used = keys_in_code();
    assert!(used.len() > 50, "only {} tr! calls found; is the scan broken?", used.len());
    for (key, place) in &used {
        if key == "key" {
            continue; // the macro's own documentation
        }
        for lang in [Lang::En, Lang::Es] {
            assert!(locale::has(lang, key), "{place}: \"{key}\" has no {lang} text");
        }
    }
}

#[test]
fn no_key_is_left_unused() {
    let used: BTreeSet<String> = keys_in_code().into_iter().map(|(k, _)| k).collect();
    let unused: Vec<String> = all_messages(Lang::En).into_keys().filter(|k| !used.contains(k)).collect();
    assert!(unused.is_empty(), "keys no code asks for (remove them, or use them): {unused:?}");
}

#[test]
fn english_and_spanish_texts_differ_where_they_should() {
    // A Spanish file that is a copy of the English one would pass the key test.
    let en = all_messages(Lang::En);
    let same: Vec<&String> = en
        .keys()
        .filter(|k| {
            let a = locale::text(Lang::En, k, &[]);
            let b = locale::text(Lang::Es, k, &[]);
            a == b && a.chars().filter(|c| c.is_alphabetic()).count() > 3
        })
        .collect();
    assert!(same.len() * 10 < en.len(), "too many texts are the same in both languages: {same:?}");
}
