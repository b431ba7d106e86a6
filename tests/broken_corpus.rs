//! The corpus of broken scenarios in `tests/broken/`. Each file has one problem,
//! named on its first line (`// expect: ...`). The loader must refuse it, with an
//! error or with a warning (which `validate --deny-warnings` turns into a
//! failure), and with a message containing that text. What the modder sees, every
//! diagnostic rendered, is kept as an insta snapshot in `tests/broken/snapshots/`.

use petrograd::scenario::{parse_scenario, render_all, scenario_files};
use petrograd::testing;

#[test]
fn every_broken_scenario_is_refused_with_its_expected_message() {
    let root = testing::project_root();
    let files = scenario_files(&root.join("tests/broken"));
    assert!(files.len() >= 30, "the corpus has {} files", files.len());
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.strip_prefix(&root).unwrap().display().to_string();
        let expect = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("// expect: "))
            .unwrap_or_else(|| panic!("{name} starts with `// expect: ...`"));
        let diagnostics = match parse_scenario(&name, &text) {
            Err(errors) => errors,
            Ok(scenario) => scenario.warnings,
        };
        assert!(!diagnostics.is_empty(), "{name} is accepted without a word");
        let rendered = render_all(&diagnostics);
        assert!(
            diagnostics.iter().any(|d| d.message.contains(expect)),
            "{name}: no diagnostic says \"{expect}\":\n{rendered}"
        );
        for d in &diagnostics {
            assert_eq!(d.file, name);
            assert!(!d.help.is_empty(), "{name}: every diagnostic has a hint:\n{d}");
        }
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        insta::with_settings!({
            snapshot_path => root.join("tests/broken/snapshots"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(stem, rendered);
        });
    }
}
