//! The game in a real window: under Xvfb with mesa's software Vulkan, the
//! binary starts a game, gives an order at Smolny, ends the turn, saves a
//! screenshot and exits 0 with no error in its log (see `gui/script.rs`).
//! CI installs Xvfb (`.ci/run`); elsewhere the test is skipped when Xvfb is
//! missing, and fails when `CI` is set.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn xvfb_available() -> bool {
    Command::new("sh").args(["-c", "command -v Xvfb"]).stdout(Stdio::null()).status().is_ok_and(|s| s.success())
}

#[test]
fn a_turn_is_played_in_a_real_window() {
    if !xvfb_available() {
        assert!(std::env::var_os("CI").is_none(), "CI must install Xvfb for the window test");
        eprintln!("Xvfb is not installed: the window test is skipped");
        return;
    }
    let display = format!(":{}", 90 + std::process::id() % 9);
    let mut xvfb = Command::new("Xvfb")
        .args([display.as_str(), "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb starts");
    std::thread::sleep(Duration::from_millis(1500));

    let shot = std::env::temp_dir().join(format!("petrograd-window-{}.png", std::process::id()));
    let _ = std::fs::remove_file(&shot);
    let data = std::env::temp_dir().join(format!("petrograd-window-data-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let mut game = Command::new(env!("CARGO_BIN_EXE_petrograd"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("DISPLAY", &display)
        .env_remove("WAYLAND_DISPLAY")
        .env("PETROGRAD_WINDOW_SCRIPT", &shot)
        .env("PETROGRAD_DATA", &data)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the game starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = game.try_wait().expect("the game can be waited for") {
            break Some(status);
        }
        if started.elapsed() > Duration::from_secs(240) {
            let _ = game.kill();
            break None;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let output = game.wait_with_output().expect("output");
    let _ = xvfb.kill();
    let _ = xvfb.wait();
    let log = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    let status = status.unwrap_or_else(|| panic!("the game did not finish within 240 s:\n{log}"));
    assert!(status.success(), "the game exited with {status}:\n{log}");
    assert!(!log.contains("ERROR") && !log.contains("panicked"), "errors in the log:\n{log}");
    assert!(log.contains("window script: giving"), "no order was given:\n{log}");
    let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
    assert!(size > 20_000, "the screenshot is missing or empty ({size} bytes)");
    let _ = std::fs::remove_file(&shot);

    // The window saved by itself at the start of each turn played, and the quick save.
    use petrograd::save::SaveFile;
    let saves = data.join("saves");
    let autosave = SaveFile::read(&saves.join("autosave-1.ron")).unwrap_or_else(|d| panic!("{}", d.message));
    assert_eq!(autosave.turn, 2, "the newest autosave is of the turn just begun");
    assert_eq!(autosave.humans, vec![petrograd::scenario::Side::Mrc]);
    let quick = SaveFile::read(&saves.join("quicksave.ron")).unwrap_or_else(|d| panic!("{}", d.message));
    let game = quick.restore(petrograd::testing::historical()).expect("the quick save loads");
    assert_eq!(game.world.resource::<petrograd::sim::Clock>().turn, 2);
    assert!(saves.join("quicksave.replay.ron").exists(), "no replay beside the quick save");
    let _ = std::fs::remove_dir_all(&data);
}
