//! Rules files: unit kinds and actions shared between scenarios, laid under a
//! scenario's own, with problems located in the file they are written in.

use petrograd::chronicle;
use petrograd::game::{self, Players};
use petrograd::scenario::{Lang, Severity, check_rules_file, load_scenario_file, parse_scenario};
use petrograd::testing;
use std::path::{Path, PathBuf};

/// A fresh folder under the system's temporary folder.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("petrograd-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn mini() -> String {
    std::fs::read_to_string(testing::project_root().join("tests/fixtures/mini.ron")).unwrap()
}

/// The text of the item of the mini scenario's `list` that begins with `start`, up to the next item.
fn cut_item(text: &str, start: &str) -> (String, String) {
    let from = text.find(start).unwrap_or_else(|| panic!("{start} in mini.ron"));
    let rest = &text[from + 1..];
    let len = rest.find("\n        (").or_else(|| rest.find("\n    ],")).unwrap() + 1;
    let item = text[from..from + len].to_string();
    (text.replacen(&item, "", 1), item)
}

/// Mini, split in two: a rules file with its unit kinds and its `raise` and
/// `pay` actions, and a scenario that names it.
fn split_mini(dir: &Path) -> PathBuf {
    let text = mini();
    let kinds_at = text.find("\n    unit_kinds: [\n").unwrap() + 1;
    let kinds_end = kinds_at + text[kinds_at..].find("    ],\n").unwrap() + "    ],\n".len();
    let kinds = text[kinds_at..kinds_end].to_string();
    let text = text.replacen(&kinds, "", 1);
    let (text, raise) = cut_item(&text, "(id: \"raise\"");
    let (text, pay) = cut_item(&text, "(id: \"pay\"");
    let rules = format!("(\n{kinds}    actions: [\n{raise}{pay}    ],\n)\n");
    std::fs::write(dir.join("shared.rules.ron"), rules).unwrap();
    let text = text.replacen("    map: (", "    rules_file: Some(\"shared.rules.ron\"),\n    map: (", 1);
    let path = dir.join("split.ron");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_scenario_split_into_a_rules_file_is_the_same_scenario() {
    let dir = scratch("split");
    let path = split_mini(&dir);
    let whole = testing::parse(&mini());
    let split = load_scenario_file(&path).unwrap_or_else(|d| panic!("{}", petrograd::scenario::render_all(&d)));
    assert_eq!(split.rules_path.as_deref(), Some(dir.join("shared.rules.ron").display().to_string().as_str()));
    let ids = |s: &petrograd::scenario::Scenario| {
        let mut v: Vec<String> = s.file.actions.iter().map(|a| a.id.clone()).collect();
        v.sort();
        v
    };
    assert_eq!(ids(&split), ids(&whole));
    assert_eq!(split.file.unit_kinds.len(), whole.file.unit_kinds.len());
    let cabinet = split.unit("cabinet").unwrap();
    assert!(split.kind_of(cabinet).leadership, "the leadership kind comes from the rules file");
    // The same game, order for order, whichever way the scenario is written.
    let play = |s: std::sync::Arc<petrograd::scenario::Scenario>| {
        let game = game::play(s.clone(), 7, Players::HISTORICAL);
        chronicle::to_json(&chronicle::entries(&s, game.log(), Lang::En))
    };
    assert_eq!(play(std::sync::Arc::new(split)), play(whole));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_scenario_replaces_a_shared_action_by_id_and_adds_its_own() {
    let dir = scratch("override");
    let path = split_mini(&dir);
    let own_raise = "        (id: \"raise\", faction: Government, name: (en: \"Raise it high\", es: \"Levantarlo\"), \
        cost: 2, target: Place,\n            place_kinds: [Bridge], chance: (base: 1.0), on_success: [Raise(\"@place\")],\n            \
        success_text: (en: \"Up.\", es: \"Arriba.\"), failure_text: (en: \"Down.\", es: \"Abajo.\")),\n";
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "    actions: [\n",
        &format!("    actions: [\n{own_raise}"),
        1,
    );
    std::fs::write(&path, text).unwrap();
    let s = load_scenario_file(&path).unwrap_or_else(|d| panic!("{}", petrograd::scenario::render_all(&d)));
    let raise = &s.file.actions[s.action("raise").unwrap()];
    assert_eq!((raise.cost, raise.name.en.as_str()), (2, "Raise it high"));
    assert_eq!(s.file.actions.iter().filter(|a| a.id == "raise").count(), 1);
    assert!(s.action("pay").is_some() && s.action("storm").is_some());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_problem_in_the_rules_file_is_reported_at_its_line_in_that_file() {
    let dir = scratch("broken-rules");
    let path = split_mini(&dir);
    let rules_path = dir.join("shared.rules.ron");
    let rules = std::fs::read_to_string(&rules_path).unwrap();
    // An unknown unit kind in the shared `pay` action.
    let broken = rules.replacen("unit_kinds: [\"cadets\"]", "unit_kinds: [\"cadet\"]", 1);
    assert_ne!(broken, rules);
    std::fs::write(&rules_path, &broken).unwrap();
    let problems = load_scenario_file(&path).expect_err("the rules file is broken");
    let d = problems.iter().find(|d| d.message.contains("unknown unit kind id \"cadet\"")).expect("the problem");
    assert_eq!(d.file, rules_path.display().to_string());
    let line = broken.lines().position(|l| l.contains("\"cadet\"")).unwrap() + 1;
    assert_eq!(d.line, line);
    assert!(d.help.contains("did you mean \"cadets\""), "{}", d.help);
    // A syntax error in the rules file is located in it too.
    std::fs::write(&rules_path, rules.replacen("faction: Government", "faction Government", 1)).unwrap();
    let problems = load_scenario_file(&path).expect_err("the rules file does not parse");
    assert!(problems.iter().all(|d| d.file == rules_path.display().to_string()), "{problems:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_rules_file_outside_the_scenario_folder_is_refused_where_it_is_named() {
    let dir = scratch("outside");
    let inner = dir.join("mods");
    std::fs::create_dir_all(&inner).unwrap();
    let path = split_mini(&dir);
    let text = std::fs::read_to_string(&path).unwrap().replace("\"shared.rules.ron\"", "\"../shared.rules.ron\"");
    let moved = inner.join("split.ron");
    std::fs::write(&moved, &text).unwrap();
    let problems = load_scenario_file(&moved).expect_err("the path leaves the folder");
    assert_eq!(problems.len(), 1);
    let d = &problems[0];
    assert!(d.message.contains("is not a path inside the scenario's folder"), "{}", d.message);
    assert_eq!(d.file, moved.display().to_string());
    assert_eq!(d.line, text.lines().position(|l| l.contains("rules_file:")).unwrap() + 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_rules_file_is_checked_on_its_own() {
    let shipped = testing::project_root().join("scenarios/revolution_1917.rules.ron");
    assert_eq!(check_rules_file(&shipped), vec![], "the shipped rules file is clean");
    let dir = scratch("alone");
    let text = std::fs::read_to_string(&shipped).unwrap();
    // A second "deploy", and a stand-in the action's target does not have.
    let doubled =
        text.replacen("id: \"sail\"", "id: \"deploy\"", 1).replacen("Withdraw(\"@unit\")", "Raise(\"@place\")", 1);
    let path = dir.join("doubled.rules.ron");
    std::fs::write(&path, &doubled).unwrap();
    let problems = check_rules_file(&path);
    let messages: Vec<&str> = problems.iter().map(|d| d.message.as_str()).collect();
    assert!(messages.iter().any(|m| m.contains("duplicate action id \"deploy\"")), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("uses \"@place\" but its target has no place")), "{messages:?}");
    assert!(problems.iter().all(|d| d.severity == Severity::Error));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_shipped_scenarios_share_one_rules_file_and_moscow_replaces_deploy() {
    let october = testing::historical();
    let moscow = testing::load("moscow_1917.ron");
    for s in [&october, &moscow] {
        assert!(s.rules_path.as_deref().is_some_and(|p| p.ends_with("revolution_1917.rules.ron")));
    }
    let text =
        |s: &petrograd::scenario::Scenario, id: &str| ron::to_string(&s.file.actions[s.action(id).unwrap()]).unwrap();
    assert_eq!(text(&october, "raise_bridge"), text(&moscow, "raise_bridge"), "taken from the rules file");
    assert_ne!(text(&october, "deploy"), text(&moscow, "deploy"), "Moscow writes its own");
    // Parsed from memory, a scenario's rules file is looked for beside the name it is given.
    let own = std::fs::read_to_string(testing::project_root().join("scenarios/october_1917.ron")).unwrap();
    let elsewhere = parse_scenario("nowhere/october_1917.ron", &own).expect_err("no rules file there");
    assert!(elsewhere[0].message.contains("cannot find the rules file"), "{}", elsewhere[0].message);
}
