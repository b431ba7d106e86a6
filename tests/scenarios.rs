//! Every scenario shipped in `scenarios/` validates without errors or warnings.

use petrograd::scenario::{Side, load_scenario_file, render_all};
use petrograd::testing;

#[test]
fn every_shipped_scenario_validates() {
    let files = petrograd::scenario::scenario_files(&testing::project_root().join("scenarios"));
    assert!(!files.is_empty());
    for f in files {
        match load_scenario_file(&f) {
            Ok(s) => {
                let warnings: Vec<String> = s.warnings.iter().map(|d| d.to_string()).collect();
                assert!(warnings.is_empty(), "{}:\n{}", f.display(), warnings.join("\n"));
            }
            Err(d) => panic!("{}", render_all(&d)),
        }
    }
}

#[test]
fn the_historical_scenario_has_what_the_day_needs() {
    let s = testing::historical();
    let places = [
        "nikolaevsky_bridge",
        "palace_bridge",
        "troitsky_bridge",
        "liteiny_bridge",
        "grenadier_bridge",
        "sampsonievsky_bridge",
        "baltic_station",
        "nikolaevsky_station",
        "warsaw_station",
        "telephone_exchange",
        "central_telegraph",
        "news_agency",
        "main_post_office",
        "power_station",
        "state_bank",
        "treasury",
        "admiralty",
        "general_staff",
        "mariinsky_palace",
        "winter_palace",
        "smolny",
        "peter_paul_fortress",
        "bolshevik_press",
        "kresty",
        "city_duma",
    ];
    for p in places {
        assert!(s.place(p).is_some(), "missing place {p}");
    }
    for side in Side::ALL {
        assert!(s.file.doctrine.iter().any(|d| d.faction == side), "no doctrine for {side:?}");
    }
    assert!(s.file.units.len() >= 25, "{} units", s.file.units.len());
    let historical = s.file.events.iter().filter(|e| e.historical).count();
    assert!(historical >= 30, "{historical} historical events");
    assert!(s.file.events.iter().filter(|e| e.historical).all(|e| !e.sources.is_empty()));
}

#[test]
fn moscow_has_its_places_and_plays_to_the_historical_end() {
    let s = testing::load("moscow_1917.ron");
    for p in ["kremlin", "kremlin_arsenal", "city_duma", "alexander_school", "moscow_soviet", "telephone_exchange"] {
        assert!(s.place(p).is_some(), "missing place {p}");
    }
    assert!(s.file.events.iter().filter(|e| e.historical).all(|e| !e.sources.is_empty()));
    assert!(s.file.map.water.len() >= 3, "the Moskva, Balchug and the canal are drawn");
    let game = petrograd::game::play(s.clone(), 5, petrograd::game::Players::HISTORICAL);
    let outcome = game.outcome().expect("the historical run ends");
    assert_eq!(outcome.winner, Some(Side::Mrc));
    assert_eq!(outcome.at.iso()[..10], *"1917-11-02", "the Committee of Public Safety capitulates on 2 November");
    // Free play reaches an end too.
    let players = petrograd::game::Players {
        mrc: petrograd::ai::Policy::Heuristic,
        government: petrograd::ai::Policy::Heuristic,
    };
    for seed in 1..=3 {
        assert!(petrograd::game::play(s.clone(), seed, players).outcome().is_some());
    }
}

#[test]
fn the_tutorial_is_short_winnable_and_teaches_as_it_goes() {
    let s = testing::load("tutorial.ron");
    assert!(s.total_turns() <= 12, "a tutorial of {} turns is too long", s.total_turns());
    let game = petrograd::game::play(s.clone(), 1917, petrograd::game::Players::HISTORICAL);
    assert_eq!(game.outcome().expect("the tutorial ends").winner, Some(Side::Mrc));
    // Its lessons are events; played as history, most of them reach the player.
    let lessons = game.log().iter().filter(|e| matches!(e.what, petrograd::sim::Happening::Event { .. })).count();
    assert!(lessons >= 5, "only {lessons} lessons fired");
    // A beginner, played by the heuristic, wins nearly every time.
    let players = petrograd::game::Players {
        mrc: petrograd::ai::Policy::Heuristic,
        government: petrograd::ai::Policy::Heuristic,
    };
    let wins = (1..=10)
        .filter(|seed| {
            petrograd::game::play(s.clone(), *seed, players).outcome().and_then(|o| o.winner) == Some(Side::Mrc)
        })
        .count();
    assert!(wins >= 8, "the heuristic MRC won only {wins} of 10 tutorials");
}

/// Every text of a scenario, found by shape: an object whose fields are `en` and `es`.
fn texts(value: &serde_json::Value, path: String, out: &mut Vec<(String, String, String)>) {
    match value {
        serde_json::Value::Object(map) => {
            let keys: Vec<&str> = map.keys().map(|k| k.as_str()).collect();
            if keys == ["en", "es"] {
                out.push((path, map["en"].as_str().unwrap_or("").into(), map["es"].as_str().unwrap_or("").into()));
                return;
            }
            for (k, v) in map {
                texts(v, format!("{path}.{k}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                texts(v, format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_scenario_text_is_written_in_both_languages() {
    for f in petrograd::scenario::scenario_files(&testing::project_root().join("scenarios")) {
        let s = load_scenario_file(&f).unwrap_or_else(|d| panic!("{}", render_all(&d)));
        let mut found = Vec::new();
        texts(&serde_json::to_value(&s.file).unwrap(), String::new(), &mut found);
        assert!(found.len() > 20, "{}: only {} texts found", f.display(), found.len());
        for (path, en, es) in found {
            assert!(!en.trim().is_empty() && !es.trim().is_empty(), "{}{path}: a language is missing", f.display());
        }
    }
}

/// Whether the text holds a locator such as "(L30)": a line of the notes the
/// scenario was written from, which means nothing to a reader. The texts cite
/// the source article by its own bracketed numbers instead.
fn has_line_locator(text: &str) -> bool {
    text.match_indices("(L").any(|(i, _)| text[i + 2..].starts_with(|c: char| c.is_ascii_digit()))
}

#[test]
fn scenario_texts_cite_the_source_by_its_numbers_not_by_lines_of_notes() {
    assert!(has_line_locator("the capital (L30).") && !has_line_locator("the capital [73] (Lenin)."));
    for f in petrograd::scenario::scenario_files(&testing::project_root().join("scenarios")) {
        let s = load_scenario_file(&f).unwrap_or_else(|d| panic!("{}", render_all(&d)));
        let mut found = Vec::new();
        texts(&serde_json::to_value(&s.file).unwrap(), String::new(), &mut found);
        for (path, en, es) in found {
            assert!(!has_line_locator(&en) && !has_line_locator(&es), "{}{path}: {en}", f.display());
        }
    }
}
