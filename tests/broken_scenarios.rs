//! Broken scenarios never panic: each gets an error naming the file, line and
//! column, with a hint.

use petrograd::scenario::{Diagnostic, Severity, parse_scenario};
use petrograd::testing;

fn mini() -> String {
    std::fs::read_to_string(testing::project_root().join("tests/fixtures/mini.ron")).unwrap()
}

/// Line (1-based) of the first line containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).expect("needle in text") + 1
}

fn errors(text: &str) -> Vec<Diagnostic> {
    let diags = parse_scenario("broken.ron", text).expect_err("the scenario is broken");
    let errs: Vec<_> = diags.into_iter().filter(|d| d.severity == Severity::Error).collect();
    assert!(!errs.is_empty());
    for d in &errs {
        assert_eq!(d.file, "broken.ron");
        assert!(!d.help.is_empty(), "every error has a hint: {d}");
    }
    errs
}

#[test]
fn a_syntax_error_points_at_its_line() {
    let text = mini().replacen("(id: \"guards\", name:", "(id: \"guards\" name:", 1);
    let e = &errors(&text)[0];
    assert_eq!(e.line, line_of(&text, "(id: \"guards\" name:"), "{e}");
    let rendered = e.to_string();
    assert!(rendered.starts_with(&format!("broken.ron:{}:", e.line)), "{rendered}");
    assert!(rendered.contains('┬') && rendered.contains("here"), "the spot is underlined: {rendered}");
}

#[test]
fn an_unknown_field_is_named_with_a_suggestion() {
    let text = mini().replacen("strength: 500", "strenght: 500", 1);
    let e = &errors(&text)[0];
    assert_eq!(e.line, line_of(&text, "strenght"));
    assert!(e.message.contains("strenght"), "{e}");
    assert!(e.help.contains("did you mean `strength`"), "{e}");
    let col = text.lines().nth(e.line - 1).unwrap().find("strenght").unwrap() + 1;
    assert_eq!(e.column, col, "{e}");
}

#[test]
fn an_unknown_id_is_found_and_a_near_one_suggested() {
    let text = mini().replacen("location: \"north\"", "location: \"nort\"", 1);
    let e = errors(&text).into_iter().find(|e| e.message.contains("nort")).expect("unknown id reported");
    assert_eq!(e.line, line_of(&text, "\"nort\""));
    assert!(e.message.contains("unknown place id"), "{e}");
    assert!(e.help.contains("\"north\""), "{e}");
}

#[test]
fn a_duplicate_id_points_at_the_second_one() {
    let text = mini().replacen("(id: \"cadets\"", "(id: \"guards\"", 1);
    let e = errors(&text).into_iter().find(|e| e.message.contains("duplicate")).expect("duplicate reported");
    let second = text.match_indices("\"guards\"").nth(1).unwrap().0;
    assert_eq!(e.line, text[..second].matches('\n').count() + 1, "{e}");
}

#[test]
fn a_map_with_too_many_places_is_refused_at_the_first_one_too_many() {
    use petrograd::scenario::target_set::MAX_TARGETS;
    let extra: String = (0..MAX_TARGETS)
        .map(|i| {
            format!("(id: \"extra_{i}\", name: (en: \"Extra\", es: \"Extra\"), kind: District, pos: (0.0, 0.0)),\n")
        })
        .collect();
    let text = mini().replacen("        links: [", &format!("{extra}        ],\n        links: ["), 1).replacen(
        "holder: Some(Government), gives: (command: 1, money: 50), value: 20),\n        ],",
        "holder: Some(Government), gives: (command: 1, money: 50), value: 20),",
        1,
    );
    let e =
        errors(&text).into_iter().find(|e| e.message.contains("too many places")).expect("too many places reported");
    // The mini map has 5 places, so the 257th is extra_251.
    let first_too_many = format!("extra_{}", MAX_TARGETS - 5);
    assert_eq!(e.line, line_of(&text, &format!("\"{first_too_many}\"")), "{e}");
    assert!(e.message.contains(&(MAX_TARGETS + 5).to_string()), "{e}");
}

#[test]
fn an_out_of_range_loyalty_is_refused() {
    let text = mini().replacen("loyalty: -70", "loyalty: -170", 1);
    let e = errors(&text).into_iter().find(|e| e.message.contains("loyalty")).expect("loyalty reported");
    assert_eq!(e.line, line_of(&text, "loyalty: -170"));
    assert!(e.message.contains("-170"), "{e}");
}

#[test]
fn every_problem_is_reported_in_one_pass() {
    let text =
        mini().replacen("location: \"north\"", "location: \"nowhere\"", 1).replacen("loyalty: -70", "loyalty: 300", 1);
    let errs = errors(&text);
    assert!(errs.len() >= 2, "{errs:?}");
}

#[test]
fn a_bad_time_says_how_to_write_one() {
    let text = mini().replacen("\"1917-10-24T10:30\"", "\"24 Oct 10:30\"", 1);
    let e = &errors(&text)[0];
    assert!(e.message.contains("is not a time"), "{e}");
    assert_eq!(e.line, line_of(&text, "24 Oct 10:30"));
}

#[test]
fn deep_nesting_is_refused_not_a_crash() {
    let deep = format!("{}Always{}", "Not(".repeat(200), ")".repeat(200));
    let text = mini().replacen("requires: Holds(Mrc, \"south\")", &format!("requires: {deep}"), 1);
    let e = &errors(&text)[0];
    assert!(e.message.contains("nested"), "{e}");
}

#[test]
fn no_truncation_of_a_scenario_panics() {
    let text = mini();
    let mut cuts = 0;
    for end in (0..text.len()).step_by(7) {
        if !text.is_char_boundary(end) {
            continue;
        }
        let result = std::panic::catch_unwind(|| parse_scenario("cut.ron", &text[..end]));
        let diags = result.expect("parsing never panics").expect_err("a cut scenario is broken");
        assert!(diags.iter().all(|d| d.line >= 1 && d.column >= 1));
        cuts += 1;
    }
    assert!(cuts > 100);
}

#[test]
fn every_broken_item_is_reported_in_one_pass() {
    // Three items broken in three different lists.
    let text = mini()
        .replacen("strength: 500", "strenght: 500", 1)
        .replacen("kind: Bridge", "kind: Bridj", 1)
        .replacen("success_text:", "sucess_text:", 1);
    let errs = errors(&text);
    for needle in ["strenght", "Bridj", "sucess_text"] {
        let line = line_of(&text, needle);
        assert!(errs.iter().any(|e| e.line == line && e.message.contains(needle)), "{needle} not reported: {errs:#?}");
    }
    assert_eq!(errs.len(), 3, "{errs:#?}");
}

#[test]
fn a_problem_points_at_its_own_item_not_the_first_mention() {
    // The doctrine names a Government action for the MRC: the error is on the doctrine
    // line, not on the action's definition, which mentions the same id first.
    let text = mini().replacen(
        "(faction: Government, at: \"1917-10-24T10:00\", action: \"raise\"",
        "(faction: Mrc, at: \"1917-10-24T10:00\", action: \"raise\"",
        1,
    );
    let e = &errors(&text)[0];
    assert!(e.message.contains("belongs to Government"), "{e}");
    assert_eq!(e.line, line_of(&text, "(faction: Mrc, at: \"1917-10-24T10:00\", action: \"raise\""), "{e}");
}
