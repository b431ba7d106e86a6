//! Saves, replays and undo: a game saved and loaded at any point goes on
//! exactly as it would have; damaged files are refused and never panic; a
//! failed save leaves the previous one readable; replays reproduce games.

use petrograd::ai::Policy;
use petrograd::game::{Game, Players};
use petrograd::save::{self, Fit, Replay, SaveFile, Snapshot};
use petrograd::scenario::{Scenario, Side};
use petrograd::sim;
use petrograd::testing;
use std::path::PathBuf;
use std::sync::Arc;

const FREE: Players = Players { mrc: Policy::Heuristic, government: Policy::Heuristic };

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("petrograd-saves-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Plays to the end, as `Game::run` does, from wherever the game stands.
fn finish(game: &mut Game) {
    game.run();
}

/// The game's whole state, compared between two runs.
fn state(game: &Game) -> Snapshot {
    Snapshot::of(game)
}

/// Saves at turn `at` (after the MRC has given its orders, so that a save
/// holds orders not yet resolved), loads, and plays on. The continuation must
/// be identical to the game played without stopping.
fn round_trip(sc: &Arc<Scenario>, seed: u64, players: Players, at: u32) {
    let mut through = Game::new(sc.clone(), seed, players);
    let mut stopped = Game::new(sc.clone(), seed, players);
    for g in [&mut through, &mut stopped] {
        while g.world.resource::<sim::Clock>().turn < at && !sim::is_over(&g.world) {
            g.step();
        }
        g.ai_orders(Side::Mrc);
    }
    let text = SaveFile::of(&stopped).to_text();
    drop(stopped);
    let loaded = SaveFile::parse("test.ron", &text).unwrap_or_else(|d| panic!("{}", d.message));
    assert_eq!(loaded.matches(sc), Fit::Same);
    let mut resumed = loaded.game.restore(sc.clone()).unwrap();
    assert_eq!(state(&resumed), state(&through), "seed {seed}, turn {at}: the loaded game differs at once");
    for g in [&mut through, &mut resumed] {
        g.ai_orders(Side::Government);
        g.resolve();
        finish(g);
    }
    assert_eq!(state(&resumed), state(&through), "seed {seed}, turn {at}: the continuation differs");
    assert!(sim::is_over(&resumed.world));
}

#[test]
fn a_game_saved_and_loaded_anywhere_goes_on_exactly_as_it_would_have() {
    let sc = testing::historical();
    let total = sc.total_turns();
    for seed in 0..12u64 {
        // A turn from the seed, spread over the whole game.
        let at = 1 + (seed * 7919 % total as u64) as u32;
        let players = if seed % 3 == 0 { Players::HISTORICAL } else { FREE };
        round_trip(&sc, seed, players, at);
    }
    round_trip(&sc, 3, FREE, 1);
    round_trip(&sc, 4, FREE, total);
}

#[test]
fn the_tutorial_and_a_variant_round_trip_too() {
    round_trip(&testing::load("tutorial.ron"), 11, FREE, 4);
    let aurora = Arc::new(testing::historical().with_variant("aurora_sails_away").unwrap());
    round_trip(&aurora, 12, FREE, 20);
}

#[test]
fn a_save_is_refused_for_another_scenario_and_flagged_for_an_edited_one() {
    let sc = testing::historical();
    let mut game = Game::new(sc.clone(), 1, FREE);
    game.step();
    let save = SaveFile::of(&game);
    let tutorial = testing::load("tutorial.ron");
    assert_eq!(save.matches(&tutorial), Fit::Other);
    let aurora = sc.with_variant("aurora_sails_away").unwrap();
    assert_eq!(save.matches(&aurora), Fit::Other);

    // An edit of a text keeps every id: the save is flagged, and loads.
    let text = std::fs::read_to_string(testing::project_root().join(petrograd::HISTORICAL_SCENARIO)).unwrap();
    let edited = text.replacen("en: \"", "en: \"Edited: ", 1);
    let edited = reparse(&edited);
    assert_eq!(save.matches(&edited), Fit::Changed);
    let loaded = save.game.restore(edited.clone()).expect("an edited text does not stop a save");
    assert_eq!(loaded.world.resource::<sim::Clock>().turn, 2);
}

/// The historical scenario from an edited text, read from where the real one lives.
fn reparse(text: &str) -> Arc<Scenario> {
    let path = testing::project_root().join(petrograd::HISTORICAL_SCENARIO);
    let sc = petrograd::scenario::parse_scenario(&path.display().to_string(), text)
        .unwrap_or_else(|d| panic!("{}", petrograd::scenario::render_all(&d)));
    Arc::new(sc)
}

#[test]
fn a_save_whose_unit_is_gone_is_refused_with_its_name_and_one_whose_lists_moved_is_renumbered() {
    let sc = testing::historical();
    let mut game = Game::new(sc.clone(), 2, FREE);
    for _ in 0..6 {
        game.step();
    }
    let save = SaveFile::of(&game);

    // Drop a unit that nothing else names from the scenario: the save names it.
    let text = std::fs::read_to_string(testing::project_root().join(petrograd::HISTORICAL_SCENARIO)).unwrap();
    let mut fewer = sc.file.clone();
    let lonely = fewer.units.iter().rposition(|u| text.matches(&format!("\"{}\"", u.id)).count() == 1).unwrap();
    let gone = fewer.units.remove(lonely).id;
    let fewer = Arc::new(sc.edited(fewer));
    let error = save.game.restore(fewer).err().expect("a save whose unit is gone is refused");
    assert!(error.message.contains(&format!("\"{gone}\"")), "{error}");

    // Move a unit to the end of the list: the chronicle follows the ids.
    let mut moved = sc.file.clone();
    let first = moved.units.remove(0);
    moved.units.push(first);
    let moved = Arc::new(sc.edited(moved));
    let loaded = save.game.restore(moved.clone()).expect("moved lists are renumbered");
    let name = |sc: &Scenario, e: &sim::SimEvent| e.unit.map(|u| sc.file.units[u].id.clone());
    let before: Vec<_> = game.log().iter().map(|e| name(&sc, e)).collect();
    let after: Vec<_> = loaded.log().iter().map(|e| name(&moved, e)).collect();
    assert_eq!(before, after);
}

#[test]
fn a_failed_save_leaves_the_previous_one_readable() {
    let dir = temp_dir("atomic");
    let path = dir.join("slot.ron");
    let sc = testing::historical();
    let mut game = Game::new(sc.clone(), 5, FREE);
    game.step();
    SaveFile::of(&game).write(&path).unwrap();
    game.step();
    let newer = SaveFile::of(&game).to_text();
    let failed = save::atomic::write_atomic_with(&path, newer.as_bytes(), |file, bytes| {
        use std::io::Write;
        file.write_all(&bytes[..bytes.len() / 2])?;
        Err(std::io::Error::other("simulated failure half way"))
    });
    assert!(failed.is_err());
    let kept = SaveFile::read(&path).expect("the previous save is still readable");
    assert_eq!(kept.turn, 2);
    let names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 1, "litter left beside the save: {names:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn autosaves_keep_the_last_few_with_their_replays() {
    let dir = temp_dir("autosave");
    let sc = testing::historical();
    let mut game = Game::new(sc, 6, FREE);
    for _ in 0..(save::slots::AUTOSAVES_KEPT + 2) {
        save::slots::autosave(&game, &[Side::Mrc], &dir).unwrap();
        game.step();
    }
    let listed = save::slots::list(&dir);
    assert_eq!(listed.len(), save::slots::AUTOSAVES_KEPT);
    let newest = SaveFile::read(&dir.join("autosave-1.ron")).unwrap();
    let oldest = SaveFile::read(&dir.join(format!("autosave-{}.ron", save::slots::AUTOSAVES_KEPT))).unwrap();
    assert_eq!(newest.turn, save::slots::AUTOSAVES_KEPT as u32 + 2);
    assert_eq!(oldest.turn, 3);
    assert!(save::slots::replay_beside(&dir.join("autosave-1.ron")).exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_damaged_save_or_replay_is_told_in_the_players_language() {
    use petrograd::scenario::Lang;
    let sc = testing::historical();
    let mut game = Game::new(sc.clone(), 8, FREE);
    game.step();
    let save = SaveFile::of(&game).to_text();
    let replay = petrograd::save::Replay::of(&game).to_text();
    let refusals = [
        SaveFile::parse("cut.ron", &save[..save.len() / 2]).err().expect("a save cut in half is refused"),
        SaveFile::parse("empty.ron", "").err().expect("an empty save is refused"),
        SaveFile::parse("newer.ron", &save.replace("format_version: 1", "format_version: 99")).err().expect("newer"),
        petrograd::save::Replay::parse("cut.replay.ron", &replay[..replay.len() / 2]).err().expect("cut replay"),
    ];
    for d in &refusals {
        let (en, es) = (d.for_player(Lang::En), d.for_player(Lang::Es));
        assert_ne!(en, es, "told in one language only: {en}");
        // A missing key would show as ⟨key⟩.
        assert!(!en.contains('⟨') && !es.contains('⟨'), "{en}\n{es}");
        assert!(es.contains(&format!("línea {}", d.line)), "{es}");
        // The command line and logs keep the English words.
        assert_eq!(d.message, d.message_in(Lang::En));
    }
    assert!(refusals[0].message_in(Lang::Es).contains("cortado"), "{}", refusals[0].message_in(Lang::Es));
    assert!(refusals[1].message_in(Lang::Es).contains("vacío"));
    assert!(refusals[3].message_in(Lang::Es).contains("repetición"));
}

#[test]
fn every_cut_of_a_save_is_refused_with_a_position_and_nothing_panics() {
    let sc = testing::historical();
    let mut game = Game::new(sc.clone(), 8, FREE);
    for _ in 0..5 {
        game.step();
    }
    let text = SaveFile::of(&game).to_text();
    let bytes = text.as_bytes();
    let mut cuts = 0;
    for end in (0..bytes.len()).step_by(97) {
        let Ok(cut) = std::str::from_utf8(&bytes[..end]) else { continue };
        let error = SaveFile::parse("cut.ron", cut).err().unwrap_or_else(|| panic!("a save cut at {end} loaded"));
        assert!(error.line >= 1 && error.column >= 1);
        assert!(
            ["damaged", "cut short", "empty", "not a Petrograd"].iter().any(|w| error.message.contains(w)),
            "{}",
            error.message
        );
        cuts += 1;
    }
    assert!(cuts > 100, "only {cuts} cuts tried");
    // Bytes changed here and there: refused, or read; never a panic. What
    // reads restores or is refused with a reason.
    let mut changed = 0;
    for i in (40..bytes.len()).step_by(211) {
        let mut b = bytes.to_vec();
        b[i] = b"x9(\")]:, "[i % 9];
        let Ok(t) = String::from_utf8(b) else { continue };
        if let Ok(s) = SaveFile::parse("changed.ron", &t) {
            let _ = s.game.restore(sc.clone());
        }
        changed += 1;
    }
    assert!(changed > 50);
}

#[test]
fn replays_reproduce_their_games_in_both_policies() {
    let sc = testing::historical();
    for seed in 0..16u64 {
        let players = if seed % 2 == 0 { Players::HISTORICAL } else { FREE };
        let game = petrograd::game::play(sc.clone(), seed, players);
        let text = Replay::of(&game).to_text();
        let replay = Replay::parse("r.ron", &text).unwrap_or_else(|d| panic!("{}", d.message));
        let again = replay.verify(sc.clone()).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        assert_eq!(again.log(), game.log(), "seed {seed}: the chronicle differs");
    }
}

#[test]
fn a_replay_with_a_changed_order_or_seed_fails_to_verify() {
    let sc = testing::historical();
    let game = petrograd::game::play(sc.clone(), 3, FREE);
    let replay = Replay::of(&game);
    let mut other_seed = replay.clone();
    other_seed.seed = 4;
    assert!(other_seed.verify(sc.clone()).is_err(), "another seed gave the same game");
    let mut dropped = replay.clone();
    let turn = dropped.turns.iter().position(|t| !t.orders.is_empty()).expect("orders were given");
    dropped.turns[turn].orders.remove(0);
    assert!(dropped.verify(sc.clone()).is_err(), "a dropped order gave the same game");
    let tutorial = testing::load("tutorial.ron");
    let error = replay.verify(tutorial).err().unwrap();
    assert!(error.contains("october_1917.ron"), "{error}");
}

#[test]
fn a_replay_of_an_unfinished_game_verifies_up_to_where_it_stopped() {
    let sc = testing::historical();
    let mut game = Game::new(sc.clone(), 9, FREE);
    for _ in 0..10 {
        game.step();
    }
    game.ai_orders(Side::Mrc); // pending orders are not part of the replay
    let replay = Replay::of(&game);
    assert_eq!(replay.turns.len(), 10);
    assert!(replay.outcome.is_none());
    replay.verify(sc).unwrap();
}

#[test]
fn orders_can_be_undone_and_redone_until_the_turn_ends_and_undo_draws_nothing() {
    let sc = testing::historical();
    let mut game = Game::new(sc.clone(), 10, FREE);
    game.ai_orders(Side::Mrc);
    let given = game.world.resource::<sim::PendingOrders>().0.clone();
    assert!(given.len() >= 2, "the AI gave {} orders", given.len());
    let rng_before = Snapshot::of(&game).rng;
    let last = sim::undo_order(&mut game.world, Side::Mrc).unwrap();
    assert_eq!(&last, given.last().unwrap());
    assert!(sim::undo_order(&mut game.world, Side::Government).is_none(), "the other side's orders are its own");
    sim::undo_order(&mut game.world, Side::Mrc).unwrap();
    assert_eq!(game.world.resource::<sim::PendingOrders>().0.len(), given.len() - 2);
    sim::redo_order(&mut game.world, Side::Mrc).unwrap().unwrap();
    sim::redo_order(&mut game.world, Side::Mrc).unwrap().unwrap();
    assert_eq!(game.world.resource::<sim::PendingOrders>().0, given);
    assert!(sim::redo_order(&mut game.world, Side::Mrc).is_none());
    assert_eq!(Snapshot::of(&game).rng, rng_before, "undo and redo drew from the RNG");

    // A new order after an undo leaves nothing to redo.
    sim::undo_order(&mut game.world, Side::Mrc).unwrap();
    let again = given.last().unwrap().clone();
    sim::submit(&mut game.world, again).unwrap();
    assert!(sim::redo_order(&mut game.world, Side::Mrc).is_none());

    // The turn ends: nothing is left to undo into the past.
    game.ai_orders(Side::Government);
    game.resolve();
    assert!(sim::undo_order(&mut game.world, Side::Mrc).is_none());
    assert!(game.world.resource::<sim::UndoneOrders>().0.is_empty());
}

#[test]
fn the_first_format_fixture_still_loads_and_plays_on() {
    let path = testing::project_root().join("tests/saves/format-1.ron");
    let save = SaveFile::read(&path).unwrap_or_else(|d| panic!("{}", petrograd::scenario::render_all(&[d])));
    assert_eq!(save.format_version, 1);
    let sc = testing::historical();
    assert_ne!(save.matches(&sc), Fit::Other);
    let mut game = save.game.restore(sc).expect("the fixture restores into today's scenario");
    game.run();
    assert!(sim::is_over(&game.world));
}

/// Writes the fixture of the current format, once: run with `--ignored` after
/// raising `FORMAT_VERSION`, and commit the file. A fixture is never rewritten.
#[test]
#[ignore]
fn write_the_fixture_of_the_current_format() {
    let path = testing::project_root().join(format!("tests/saves/format-{}.ron", save::FORMAT_VERSION));
    if path.exists() {
        return;
    }
    let sc = testing::historical();
    let mut game = Game::new(sc, 1917, FREE);
    for _ in 0..8 {
        game.step();
    }
    game.ai_orders(Side::Mrc);
    SaveFile::of(&game).write(&path).unwrap();
}

/// Each damaged save in `tests/saves/damaged/` is refused with its file, line,
/// column and what to do (or, if it reads, refused when restored, with the
/// reason); the file is left as it was. The messages are reviewed snapshots.
#[test]
fn damaged_saves_are_refused_with_a_clear_message_and_left_as_they_are() {
    let dir = testing::project_root().join("tests/saves/damaged");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    assert!(paths.len() >= 10, "only {} damaged saves", paths.len());
    let sc = testing::historical();
    for path in paths {
        let before = std::fs::read(&path).unwrap();
        let name = format!("damaged/{}", path.file_name().unwrap().to_string_lossy());
        let text = String::from_utf8(before.clone()).unwrap();
        let message = match SaveFile::parse(&name, &text) {
            Err(d) => {
                assert!(d.line >= 1 && d.column >= 1, "{name}: no position");
                assert!(!d.help.is_empty(), "{name}: no help");
                petrograd::scenario::render_all(&[d])
            }
            Ok(save) => match save.restore(sc.clone()) {
                Err(d) => {
                    assert!(d.line > 1, "{name}: the spot is not found");
                    petrograd::scenario::render_all(&[d])
                }
                Ok(_) => panic!("{name} loaded as if it were whole"),
            },
        };
        assert_eq!(std::fs::read(&path).unwrap(), before, "{name} was changed by reading it");
        let snapshot = name.trim_start_matches("damaged/").trim_end_matches(".ron").to_string();
        insta::assert_snapshot!(snapshot, message);
    }
}

#[test]
fn a_game_where_a_person_gives_orders_first_replays_exactly() {
    // In the window the person's orders come before the AI's; the replay must
    // keep that order, not ask the sides in its own.
    let sc = testing::historical();
    for (seed, person) in [(31u64, Side::Mrc), (32, Side::Government)] {
        let mut game = Game::new(sc.clone(), seed, FREE);
        for _ in 0..12 {
            game.ai_orders(person); // stands in for the person at the keyboard
            game.ai_orders(person.opponent());
            game.resolve();
        }
        Replay::of(&game).verify(sc.clone()).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
    }
}
