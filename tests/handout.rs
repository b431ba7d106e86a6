//! The debrief handout: in both languages, as HTML and Markdown, with the
//! timeline beside history, the sources cited and questions to discuss; the
//! HTML is one self-contained file.

use petrograd::game::{self, Players};
use petrograd::handout::{self, Form};
use petrograd::scenario::Lang;
use petrograd::testing;
use std::sync::Arc;

fn handout(variant: Option<&str>, lang: Lang, form: Form) -> String {
    let base = testing::historical();
    let sc = match variant {
        Some(v) => Arc::new(base.with_variant(v).unwrap()),
        None => base,
    };
    let played = game::play(sc.clone(), 1917, Players::HISTORICAL);
    handout::write(&sc, played.log(), 1917, lang, form)
}

#[test]
fn the_handout_has_the_timeline_the_sources_and_questions_in_both_languages() {
    let sc = testing::historical();
    for lang in [Lang::En, Lang::Es] {
        for form in [Form::Html, Form::Markdown] {
            let text = handout(None, lang, form);
            // The timeline beside history: every key moment's place.
            for m in &sc.file.victory.history {
                let name = sc.file.map.places[sc.place(&m.place).unwrap()].name.get(lang);
                let name = if form == Form::Html { name.replace('&', "&amp;") } else { name.to_string() };
                assert!(text.contains(&name), "{lang:?} {form:?}: the timeline lacks {name}");
            }
            // The sources cited by the day's events: what the numbers refer
            // to, and for each number where the game cites it, in the language.
            let work = sc.file.source_work.as_ref().expect("the scenario says what its sources are").get(lang);
            let work = if form == Form::Html { work.replace('"', "&quot;") } else { work.to_string() };
            assert!(text.contains(&work), "{lang:?} {form:?}: the source is not named");
            let item = if form == Form::Html { "<li>[" } else { "- [" };
            let listed: Vec<&str> = text.lines().filter(|l| l.starts_with(item)).collect();
            let october = if lang == Lang::Es { " oct " } else { " Oct " };
            let mut numbers = 0;
            for line in &listed {
                let (ids, cited) = line[item.len() - 1..].split_once(' ').unwrap();
                for id in ids.trim_matches(['[', ']']).split("][") {
                    let id: u32 = id.parse().unwrap();
                    assert!(sc.file.sources.iter().any(|s| s.id == id), "{line}: [{id}] is not a source");
                    numbers += 1;
                }
                assert!(cited.contains(october) && cited.contains(" · "), "{lang:?} {form:?}: {line}");
            }
            assert!(numbers >= 20, "{lang:?} {form:?}: only {numbers} sources are listed");
            assert!(!text.contains("Source article"), "{lang:?} {form:?}: the authors' notes are shown");
            // Three to five questions, in the language.
            for q in sc.file.questions.iter().take(3) {
                assert!(text.contains(&q.get(lang).replace('&', "&amp;")), "{lang:?} {form:?}: a question is missing");
            }
        }
    }
    let es = handout(None, Lang::Es, Form::Markdown);
    assert!(es.contains("Preguntas para debatir") && es.contains("Fuentes citadas"));
    let en = handout(None, Lang::En, Form::Markdown);
    assert!(en.contains("Questions to discuss") && en.contains("Sources cited"));
}

#[test]
fn the_markdown_handout_lists_who_held_the_key_places_at_the_end() {
    let sc = testing::historical();
    let played = game::play(sc.clone(), 1917, Players::HISTORICAL);
    let text = handout::write(&sc, played.log(), 1917, Lang::En, Form::Markdown);
    let section = text.split("## Who held the city at the end").nth(1).expect("the section").split("\n## ").next();
    let section = section.unwrap();
    // By the book, the Committee holds the Winter Palace at the end.
    let palace = sc.file.map.places[sc.place("winter_palace").unwrap()].name.get(Lang::En);
    let mrc =
        section.lines().find(|l| l.starts_with("- **Military Revolutionary Committee**")).expect("the MRC's line");
    assert!(mrc.contains(palace), "{section}");
    // Every place of history's key moments is listed once.
    for m in &sc.file.victory.history {
        let name = sc.file.map.places[sc.place(&m.place).unwrap()].name.get(Lang::En);
        assert_eq!(section.matches(&format!(" {name}")).count(), 1, "{name} in {section}");
    }
}

#[test]
fn the_html_handout_is_one_self_contained_page_with_a_map() {
    let html = handout(None, Lang::En, Form::Html);
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    for outside in ["src=", "href=", "<link", "<script", "@import", "url("] {
        assert!(!html.contains(outside), "the handout fetches something: {outside}");
    }
    let svg = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap()];
    assert!(svg.matches("<circle").count() >= 40, "every place is on the map");
}

#[test]
fn a_variant_handout_explains_the_variant_and_asks_about_it() {
    let sc = testing::historical();
    let v = sc.file.variants.iter().find(|v| v.id == "aurora_sails_away").unwrap();
    let text = handout(Some("aurora_sails_away"), Lang::Es, Form::Markdown);
    assert!(text.contains(v.title.es.as_str()) && text.contains(v.explanation.es.as_str()));
    assert!(text.contains(v.questions[0].es.as_str()), "the variant's own question comes first");
}

#[test]
fn the_report_command_writes_the_file_and_refuses_an_unknown_form() {
    let dir = std::env::temp_dir().join(format!("petrograd-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let run = |out: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_petrograd"))
            .args(["report", "--lang", "es", "--variant", "committee_arrested", "--out"])
            .arg(out)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap()
    };
    let out = run(&dir.join("clase.html"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = std::fs::read_to_string(dir.join("clase.html")).unwrap();
    assert!(html.contains("lang=\"es\"") && html.contains("¿Y si el Gobierno hubiera detenido al Comité"));
    let out = run(&dir.join("clase.pdf"));
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.join("clase.pdf").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}
