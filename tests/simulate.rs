//! `simulate`: many games on every core, the same report whatever the number
//! of threads, and JSON with the promised fields.

use petrograd::ai::Policy;
use petrograd::batch::{Batch, Report};
use petrograd::game::Players;
use petrograd::scenario::Side;
use petrograd::testing;

fn batch(threads: usize, runs: usize) -> Batch {
    let free = Players { mrc: Policy::Heuristic, government: Policy::Heuristic };
    Batch { scenario: testing::historical(), players: free, runs, seed: 7, threads }
}

#[test]
fn one_thread_and_two_give_the_same_games_and_report() {
    let one = batch(1, 12).play(&|_| {});
    let two = batch(2, 12).play(&|_| {});
    assert_eq!(one, two);
    assert_eq!(Report::of(&batch(1, 12), &one), Report::of(&batch(2, 12), &two));
    let seeds: std::collections::BTreeSet<u64> = one.iter().map(|r| r.seed).collect();
    assert_eq!(seeds.len(), 12, "each run has its own seed");
}

#[test]
fn the_report_counts_every_run_and_reads_the_games() {
    let b = batch(2, 12);
    let runs = b.play(&|_| {});
    let r = Report::of(&b, &runs);
    assert_eq!(r.runs, 12);
    assert_eq!(r.wins.mrc + r.wins.government + r.wins.draw, 12);
    assert_eq!(r.wins.mrc, runs.iter().filter(|x| x.winner == Some(Side::Mrc)).count());
    if let Some((place, t)) = &r.seat_of_government {
        assert_eq!(place, "winter_palace");
        assert_eq!(t.runs, runs.iter().filter(|x| x.seat_fell.is_some()).count());
        assert!(t.earliest <= t.median && t.median <= t.latest);
    }
    assert!(r.endings.iter().map(|e| e.1 + e.2 + e.3).sum::<usize>() == 12);
    assert!(!r.loyalty_by_turn.is_empty() && r.loyalty_by_turn.iter().all(|l| (-100.0..=100.0).contains(l)));
}

#[test]
fn the_command_prints_json_with_runs_and_wins() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_petrograd"))
        .args(["simulate", "--runs", "6", "--format", "json", "--variant", "cossacks_stand_firm", "--threads", "2"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["runs"], 6);
    assert_eq!(json["variant"], "cossacks_stand_firm");
    let wins = &json["wins"];
    let sum: u64 = ["mrc", "government", "draw"].iter().map(|k| wins[k].as_u64().expect("a count")).sum();
    assert_eq!(sum, 6);
}
