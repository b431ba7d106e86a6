//! The command line as a user runs it: chronicle in text and JSON, validate's
//! exit codes, and the window's message when there is no display.

use std::process::Command;

fn petrograd(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_petrograd"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        // English unless a test asks otherwise: the default follows the system's language.
        .env("LC_ALL", "C")
        .output()
        .expect("the binary runs")
}

#[test]
fn chronicle_json_has_the_promised_fields_and_ends_with_the_outcome() {
    let out = petrograd(&["chronicle", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let entries: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let entries = entries.as_array().expect("an array");
    assert!(entries.len() > 50);
    for e in entries {
        for field in [
            "turn",
            "time",
            "gregorian",
            "kind",
            "faction",
            "place",
            "place_name",
            "unit",
            "unit_name",
            "text",
            "sources",
        ] {
            assert!(e.get(field).is_some(), "missing {field} in {e}");
        }
    }
    let first = &entries[0];
    let time = first["time"].as_str().unwrap();
    assert!(time.starts_with("1917-10-24T"), "{time}");
    assert!(first["gregorian"].as_str().unwrap().starts_with("1917-11-06T"));
    let last = entries.last().unwrap();
    assert_eq!(last["kind"], "outcome");
    assert_eq!(last["faction"], "mrc");
}

#[test]
fn chronicle_text_reads_by_the_hour_in_both_languages() {
    let en = String::from_utf8(petrograd(&["chronicle"]).stdout).unwrap();
    assert!(en.contains("25 October 1917, 02:00 (Gregorian: 7 November)"), "{}", &en[..500.min(en.len())]);
    let es = String::from_utf8(petrograd(&["chronicle", "--lang", "es"]).stdout).unwrap();
    assert!(es.contains("25 de octubre de 1917, 02:00 (gregoriano: 7 de noviembre)"));
    assert_ne!(en, es);
}

#[test]
fn validate_exit_codes() {
    let ok = petrograd(&["validate", "scenarios/october_1917.ron", "tests/fixtures/mini.ron"]);
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stderr));

    let dir = std::env::temp_dir().join(format!("petrograd-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.ron");
    let mini = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini.ron")).unwrap();
    std::fs::write(&broken, mini.replacen("location: \"north\"", "location: \"nowhere\"", 1)).unwrap();
    let bad = petrograd(&["validate", broken.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(1));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("broken.ron:") && err.contains("unknown place id \"nowhere\""), "{err}");

    let json = petrograd(&["validate", "--format", "json", broken.to_str().unwrap()]);
    let diags: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(diags[0]["line"].as_u64().unwrap() > 1);

    let missing = petrograd(&["validate", "no/such/file.ron"]);
    assert_eq!(missing.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn without_a_display_the_game_suggests_the_chronicle() {
    let out = petrograd(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no display") && err.contains("chronicle"), "{err}");
}

#[test]
fn scenarios_lists_each_scenario_with_its_variants_and_chronicle_plays_one() {
    let out = petrograd(&["scenarios", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let october = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "october_1917")
        .expect("the historical scenario is listed");
    let variants: Vec<&str> =
        october["variants"].as_array().unwrap().iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert!(variants.len() >= 4 && variants.contains(&"cossacks_stand_firm"), "{variants:?}");
    assert!(listed.as_array().unwrap().iter().all(|s| !s["file"].as_str().unwrap().ends_with(".rules.ron")));
    let text = String::from_utf8(petrograd(&["scenarios", "--lang", "es"]).stdout).unwrap();
    assert!(text.contains("--variant cossacks_stand_firm") && text.contains("¿Y si los cosacos"), "{text}");

    let out = petrograd(&["chronicle", "--variant", "cossacks_stand_firm"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("What if: the three Don Cossack regiments"));
    let out = petrograd(&["chronicle", "--variant", "cosacks_stand_firm"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn the_default_language_follows_the_system() {
    let run = |locale: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_petrograd"))
            .args(["scenarios"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("LC_ALL", locale)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(run("es_ES.UTF-8").contains("Petrogrado, octubre de 1917"));
    assert!(run("en_GB.UTF-8").contains("Petrograd, October 1917"));
}

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("petrograd-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_recorded_game_replays_and_verifies_and_a_tampered_one_does_not() {
    let dir = temp("replay");
    let file = dir.join("game.replay.ron");
    let f = file.to_str().unwrap();
    let args = ["chronicle", "--mrc", "heuristic", "--government", "heuristic", "--seed", "21"];
    let played = petrograd(&[&args[..], &["--record", f]].concat());
    assert!(played.status.success(), "{}", String::from_utf8_lossy(&played.stderr));
    let replayed = petrograd(&["replay", f, "--verify"]);
    assert!(replayed.status.success(), "{}", String::from_utf8_lossy(&replayed.stderr));
    assert_eq!(replayed.stdout, played.stdout, "the replay's chronicle differs from the game's");
    assert!(String::from_utf8_lossy(&replayed.stderr).contains("verified"));
    let json = petrograd(&["replay", f, "--format", "json"]);
    assert!(serde_json::from_slice::<serde_json::Value>(&json.stdout).is_ok());

    // One order changed: the replay still plays, but does not verify.
    let text = std::fs::read_to_string(&file).unwrap();
    let tampered = dir.join("tampered.replay.ron");
    let first = text.find("faction: Mrc").expect("the MRC gave orders");
    std::fs::write(&tampered, format!("{}faction: Government{}", &text[..first], &text[first + 12..])).unwrap();
    let t = tampered.to_str().unwrap();
    let verified = petrograd(&["replay", t, "--verify"]);
    assert_eq!(verified.status.code(), Some(1), "{}", String::from_utf8_lossy(&verified.stderr));
    assert!(String::from_utf8_lossy(&verified.stderr).contains("does not reproduce"));

    // Cut in half: a clear error with a position, exit 2, no panic.
    let cut = dir.join("cut.replay.ron");
    std::fs::write(&cut, &text[..text.len() / 2]).unwrap();
    let broken = petrograd(&["replay", cut.to_str().unwrap(), "--verify"]);
    assert_eq!(broken.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(stderr.contains("cut.replay.ron:") && stderr.contains("cut short"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    // The handout of the replayed game.
    let out = dir.join("handout.md");
    let report = petrograd(&["report", "--replay", f, "--out", out.to_str().unwrap()]);
    assert!(report.status.success(), "{}", String::from_utf8_lossy(&report.stderr));
    assert!(std::fs::read_to_string(&out).unwrap().contains("21"), "the handout names the replay's seed");
    std::fs::remove_dir_all(&dir).unwrap();
}
