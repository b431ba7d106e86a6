//! Randomly mutated scenario files never panic the loader, never hang it, and
//! every problem they have still renders with a position.

use petrograd::scenario::{Diagnostic, Scenario, load_scenario_file, parse_scenario};
use petrograd::testing;
use proptest::prelude::*;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

/// One change to a text, at positions given as fractions of its length.
#[derive(Clone, Debug)]
enum Mutation {
    Delete(f64, usize),
    Insert(f64, String),
    Duplicate(f64, usize),
    Swap(f64, f64, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let where_ = 0.0..1.0f64;
    prop_oneof![
        (where_.clone(), 1..40usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (where_.clone(), "[()\\[\\]{},:\"'/*\\\\@#a-z0-9 \n.-]{1,8}").prop_map(|(at, s)| Mutation::Insert(at, s)),
        (where_.clone(), 1..200usize).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
        (where_.clone(), where_, 1..30usize).prop_map(|(a, b, n)| Mutation::Swap(a, b, n)),
    ]
}

fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for m in mutations {
        let at = |f: f64, len: usize| ((f * len as f64) as usize).min(len);
        let len = chars.len();
        match m {
            Mutation::Delete(f, n) => {
                let a = at(*f, len);
                chars.drain(a..(a + n).min(len));
            }
            Mutation::Insert(f, s) => {
                let a = at(*f, len);
                chars.splice(a..a, s.chars());
            }
            Mutation::Duplicate(f, n) => {
                let a = at(*f, len);
                let copy: Vec<char> = chars[a..(a + n).min(len)].to_vec();
                chars.splice(a..a, copy);
            }
            Mutation::Swap(f, g, n) => {
                let (a, b) = (at(*f, len), at(*g, len));
                let (a, b) = (a.min(b), a.max(b));
                if a + n <= b && b + n <= len {
                    for k in 0..*n {
                        chars.swap(a + k, b + k);
                    }
                }
            }
        }
    }
    chars.into_iter().collect()
}

/// The texts mutated, read once for all cases.
static MINI: LazyLock<String> = LazyLock::new(|| read("tests/fixtures/mini.ron"));
static HISTORICAL: LazyLock<String> = LazyLock::new(|| read("scenarios/october_1917.ron"));
static RULES: LazyLock<String> = LazyLock::new(|| read("scenarios/revolution_1917.rules.ron"));

fn read(path: &str) -> String {
    std::fs::read_to_string(testing::project_root().join(path)).unwrap()
}

fn check(name: &str, text: &str) {
    let started = Instant::now();
    let result = parse_scenario(name, text);
    judge(name, result, started.elapsed());
}

/// A load took less than a second, and every problem renders at its position
/// (in the scenario, or in its rules file).
fn judge(name: &str, result: Result<Scenario, Vec<Diagnostic>>, took: Duration) {
    // A hang guard, not a speed goal: even the historical scenario loads in milliseconds.
    assert!(took < Duration::from_secs(1), "loading took {took:?}");
    let diagnostics = match result {
        Ok(s) => s.warnings,
        Err(d) => {
            assert!(!d.is_empty(), "a refused file says why");
            d
        }
    };
    for d in diagnostics {
        assert!(d.line >= 1 && d.column >= 1);
        let rendered = d.to_string();
        assert!(d.file == name || d.file.ends_with(".rules.ron"), "{rendered}");
        assert!(rendered.starts_with(&format!("{}:{}:{}:", d.file, d.line, d.column)), "{rendered}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn a_mutated_small_scenario_never_panics(mutations in prop::collection::vec(mutation(), 1..6)) {
        check("mutated.ron", &apply(&MINI, &mutations));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn a_mutated_historical_scenario_never_panics(mutations in prop::collection::vec(mutation(), 1..4)) {
        // Beside the shipped rules file, which it names.
        check("scenarios/mutated.ron", &apply(&HISTORICAL, &mutations));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn a_mutated_rules_file_never_panics(mutations in prop::collection::vec(mutation(), 1..4)) {
        let dir = std::env::temp_dir().join(format!("petrograd-mutated-rules-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("revolution_1917.rules.ron"), apply(&RULES, &mutations)).unwrap();
        let scenario = dir.join("october_1917.ron");
        std::fs::write(&scenario, &*HISTORICAL).unwrap();
        let started = Instant::now();
        let result = load_scenario_file(&scenario);
        judge(&scenario.display().to_string(), result, started.elapsed());
    }
}
