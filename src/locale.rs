//! The game's own words in English and Spanish: menus, buttons, the
//! chronicle's sentences and the handouts. They live in Fluent files,
//! `assets/locales/<lang>/*.ftl`, compiled into the binary so that the CLI,
//! the tests and batch runs need no files beside them.
//!
//! Scenario texts are not here: a scenario carries both languages itself.
//!
//! Look a text up with [`tr!`](crate::tr): `tr!(lang, "title-scenario")`, or
//! with arguments, `tr!(lang, "over-saved", path = path.display().to_string())`.
//! A key missing from a language shows as `⟨key⟩` in the game, and the
//! `locale` tests fail, so a missing translation is caught before it ships.

use crate::scenario::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;

/// The Fluent files of each language, by name, in the order they are loaded.
pub const FILES: [(&str, &str, &str); 8] = [
    ("title.ftl", include_str!("../assets/locales/en/title.ftl"), include_str!("../assets/locales/es/title.ftl")),
    ("play.ftl", include_str!("../assets/locales/en/play.ftl"), include_str!("../assets/locales/es/play.ftl")),
    ("debrief.ftl", include_str!("../assets/locales/en/debrief.ftl"), include_str!("../assets/locales/es/debrief.ftl")),
    ("handout.ftl", include_str!("../assets/locales/en/handout.ftl"), include_str!("../assets/locales/es/handout.ftl")),
    ("ai.ftl", include_str!("../assets/locales/en/ai.ftl"), include_str!("../assets/locales/es/ai.ftl")),
    ("files.ftl", include_str!("../assets/locales/en/files.ftl"), include_str!("../assets/locales/es/files.ftl")),
    ("orders.ftl", include_str!("../assets/locales/en/orders.ftl"), include_str!("../assets/locales/es/orders.ftl")),
    (
        "chronicle.ftl",
        include_str!("../assets/locales/en/chronicle.ftl"),
        include_str!("../assets/locales/es/chronicle.ftl"),
    ),
];

/// The Fluent source of each file in one language: (file name, text).
pub fn sources(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    FILES.iter().map(move |(name, en, es)| (*name, if lang == Lang::Es { *es } else { *en }))
}

struct Bundles {
    en: FluentBundle<FluentResource>,
    es: FluentBundle<FluentResource>,
}

/// Builds one language's bundle. A file that does not parse, or a key given
/// twice, is a programming error caught by the tests; the game keeps what
/// parsed rather than stopping.
fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id = lang.to_string().parse().expect("en and es are language identifiers");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks would show as boxes in egui and in the terminal.
    bundle.set_use_isolating(false);
    for (_, text) in sources(lang) {
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

static BUNDLES: LazyLock<Bundles> = LazyLock::new(|| Bundles { en: bundle(Lang::En), es: bundle(Lang::Es) });

/// A value given to a text: a word or a number (numbers choose plurals).
pub type Arg<'a> = FluentValue<'a>;

/// The compiled texts of one language.
fn bundle_of(lang: Lang) -> &'static FluentBundle<FluentResource> {
    if lang == Lang::Es { &BUNDLES.es } else { &BUNDLES.en }
}

/// The text of `key` in `lang`, filled with `args`.
pub fn text(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle_of(lang);
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return format!("⟨{key}⟩");
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned()
}

/// Whether `lang` has a text for `key`.
pub fn has(lang: Lang, key: &str) -> bool {
    bundle_of(lang).get_message(key).and_then(|m| m.value()).is_some()
}

/// The game's words: `tr!(lang, "key")` or `tr!(lang, "key", name = value, ...)`.
/// Values may be strings or numbers.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:literal) => {
        $crate::locale::text($lang, $key, &[])
    };
    ($lang:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::locale::text(
            $lang,
            $key,
            &[$((stringify!($name), $crate::locale::Arg::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_key_shows_itself() {
        assert_eq!(text(Lang::En, "no-such-key", &[]), "⟨no-such-key⟩");
    }

    #[test]
    fn arguments_fill_the_text_without_isolation_marks() {
        let s = tr!(Lang::En, "over-saved", path = "/tmp/x.html");
        assert!(s.contains("/tmp/x.html"), "{s}");
        assert!(!s.contains('\u{2068}'), "isolation marks: {s:?}");
    }
}
