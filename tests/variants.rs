//! "What if" variants: each of the historical scenario's applies, validates,
//! changes what it says it changes, and plays to an end; a broken variant is
//! reported at the variant.

use petrograd::game::{self, Players};
use petrograd::scenario::{Side, parse_scenario};
use petrograd::sim::{self, facts};
use petrograd::testing;
use std::sync::Arc;

#[test]
fn the_historical_scenario_ships_at_least_four_variants_that_play_to_an_end() {
    let base = testing::historical();
    let ids: Vec<&str> = base.file.variants.iter().map(|v| v.id.as_str()).collect();
    for wanted in ["congress_on_time", "cossacks_stand_firm", "aurora_sails_away", "committee_arrested"] {
        assert!(ids.contains(&wanted), "variant {wanted} is missing: {ids:?}");
    }
    for v in &base.file.variants {
        assert!(!v.explanation.en.is_empty() && !v.explanation.es.is_empty());
        assert!(!v.sources.is_empty(), "{} cites its sources", v.id);
        let s = Arc::new(base.with_variant(&v.id).unwrap());
        assert_eq!(s.variant.as_deref(), Some(v.id.as_str()));
        assert_ne!(s.content_hash, base.content_hash, "a save of a variant is not a save of the original");
        let played = game::play(s, 1917, Players::HISTORICAL);
        assert!(played.outcome().is_some(), "{} plays to an end", v.id);
    }
}

#[test]
fn each_variant_changes_what_it_says() {
    let base = testing::historical();
    let world = |id: &str| sim::new_world(Arc::new(base.with_variant(id).unwrap()), 1);
    let original = sim::new_world(base.clone(), 1);
    let unit = |id: &str| base.unit(id).unwrap();

    // The Cossacks turn out for the Government from the start.
    let w = world("cossacks_stand_firm");
    for c in ["don_cossacks_1", "don_cossacks_4", "don_cossacks_14"] {
        assert!(facts::active(&w, unit(c)) && facts::committed(&w, unit(c), Side::Government), "{c}");
        assert!(!facts::active(&original, unit(c)), "{c} is passive in history");
    }
    // The Committee is arrested before the first order, and Smolny cut off.
    let w = world("committee_arrested");
    assert!(!facts::on_map(&w, unit("mrc")) && facts::on_map(&original, unit("mrc")));
    assert!(facts::lines_cut(&w, base.place("smolny").unwrap()));
    // The Fortress is still the Government's, and the Red Guards are fewer.
    let w = world("congress_on_time");
    let fortress = base.place("peter_paul_fortress").unwrap();
    assert_eq!(
        (facts::holder(&w, fortress), facts::holder(&original, fortress)),
        (Some(Side::Government), Some(Side::Mrc))
    );
    let guards = unit("vyborg_red_guards");
    assert!(facts::strength(&w, guards) < facts::strength(&original, guards));
    // The Aurora leaves in the afternoon of the 24th, and never reaches the Nikolaevsky bridge.
    let aurora = unit("aurora");
    let s = Arc::new(base.with_variant("aurora_sails_away").unwrap());
    let mut g = game::Game::new(s.clone(), 1917, Players::HISTORICAL);
    let mut seen_on_map_after_16 = false;
    while !sim::is_over(&g.world) {
        g.step();
        let now = g.world.resource::<sim::Clock>().now;
        if now.iso().as_str() >= "1917-10-24T16:00" && facts::on_map(&g.world, aurora) {
            seen_on_map_after_16 = true;
        }
    }
    assert!(!seen_on_map_after_16, "the Aurora is gone after 15:30");
}

#[test]
fn an_unknown_variant_is_refused_with_a_suggestion() {
    let base = testing::historical();
    let e = base.with_variant("cossacks_stand_frim").unwrap_err();
    assert!(e.contains("did you mean \"cossacks_stand_firm\""), "{e}");
}

/// The mini scenario with one variant, written as `changes`.
fn mini_with_variant(changes: &str) -> String {
    let text = std::fs::read_to_string(testing::project_root().join("tests/fixtures/mini.ron")).unwrap();
    let variant = format!(
        "    variants: [\n        (id: \"what_if\", title: (en: \"What if?\", es: \"¿Y si?\"), explanation: (en: \"e\", es: \"e\"),\n            changes: [{changes}]),\n    ],\n"
    );
    text.replacen("    unit_kinds: [\n", &format!("{variant}    unit_kinds: [\n"), 1)
}

#[test]
fn a_variant_that_names_a_missing_item_is_reported_at_the_change() {
    let text = mini_with_variant("RemoveEvent(\"riad\")");
    let problems = parse_scenario("tests/fixtures/v.ron", &text).expect_err("the event does not exist");
    let d = problems.iter().find(|d| d.message.contains("there is no event \"riad\" to remove")).expect("the problem");
    assert!(d.message.starts_with("variant \"what_if\""), "{}", d.message);
    assert_eq!(d.line, text.lines().position(|l| l.contains("RemoveEvent(\"riad\")")).unwrap() + 1);
}

#[test]
fn a_variant_that_breaks_the_scenario_is_reported_at_the_variant() {
    let text = mini_with_variant(
        "AddEvent((id: \"x\", trigger: Start, effects: [Control(\"nowhere\", Mrc)], text: (en: \"x\", es: \"x\")))",
    );
    let problems = parse_scenario("tests/fixtures/v.ron", &text).expect_err("the place does not exist");
    let d = problems.iter().find(|d| d.message.contains("unknown place id \"nowhere\"")).expect("the problem");
    assert!(d.message.starts_with("with variant \"what_if\""), "{}", d.message);
    assert_eq!(d.line, text.lines().position(|l| l.contains("id: \"what_if\"")).unwrap() + 1);
    // The same change, valid, applies.
    let ok = mini_with_variant(
        "AddEvent((id: \"x\", trigger: Start, effects: [Control(\"bridge\", Mrc)], text: (en: \"x\", es: \"x\")))",
    );
    let s = parse_scenario("tests/fixtures/v.ron", &ok).unwrap().with_variant("what_if").unwrap();
    let w = sim::new_world(Arc::new(s), 1);
    assert_eq!(facts::holder(&w, w.resource::<sim::ScenarioRes>().0.place("bridge").unwrap()), Some(Side::Mrc));
}
