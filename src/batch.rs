//! Many games at once, for statistics: `petrograd simulate` and the window's
//! "what if" screen. Each run's seed comes from the batch's seed and the run's
//! number, and the results are put together in run order, so a batch gives the
//! same report whatever the number of threads.

use crate::game::{Game, Players};
use crate::scenario::{Scenario, Side};
use crate::sim::routes::{RouteCache, RouteLibrary};
use crate::sim::{self, Happening, Lookup, facts};
use crate::time::GameTime;
use bevy::prelude::World;
use serde::Serialize;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What one game of a batch came to.
#[derive(Clone, Debug, PartialEq)]
pub struct RunSummary {
    pub seed: u64,
    /// `None` for a draw.
    pub winner: Option<Side>,
    pub ended: GameTime,
    /// When a seat of government first passed to the MRC, if it did.
    pub seat_fell: Option<GameTime>,
    /// Men lost on both sides.
    pub casualties: u32,
    /// For each place, whether the MRC held it at the end.
    pub mrc_held: Vec<bool>,
    /// The mean loyalty of the units on the map at the start of each turn, and at the end.
    pub loyalty: Vec<f32>,
}

/// The seed of run `index` of a batch seeded with `seed` (SplitMix64: runs far apart).
pub fn run_seed(seed: u64, index: u64) -> u64 {
    sim::mix_bits(seed.wrapping_add(index.wrapping_add(1).wrapping_mul(0x9e37_79b9_7f4a_7c15)))
}

/// The mean loyalty (−100…100, MRC positive) of the units on the map.
fn mean_loyalty(world: &World) -> f32 {
    let view = facts::View::of(world);
    let (sum, count) =
        view.on_map_loyalties().fold((0i32, 0i32), |(sum, count), (_, _, loyalty)| (sum + loyalty, count + 1));
    if count == 0 { 0.0 } else { sum as f32 / count as f32 }
}

/// Plays one game and sums it up. It is played in `world` if one is given,
/// which must be a world the last game of this same scenario was played in
/// (see [`sim::restart`]), and leaves its world there for the next.
fn run_one(
    scenario: Arc<Scenario>,
    seed: u64,
    players: Players,
    routes: &Arc<RouteLibrary>,
    world: &mut Option<World>,
) -> RunSummary {
    let mut game = match world.take() {
        Some(mut played) => {
            sim::restart(&mut played, seed);
            Game::in_world(played, seed, players)
        }
        None => Game::new(scenario.clone(), seed, players),
    };
    game.world.insert_resource(RouteCache::sharing(routes.clone()));
    // Nobody reads a batch's chronicle.
    game.world.insert_resource(crate::ai::NoReasons);
    let mut loyalty = vec![mean_loyalty(&game.world)];
    game.run_turns(|game| {
        game.step();
        loyalty.push(mean_loyalty(&game.world));
    });
    let seats: Vec<usize> =
        (0..scenario.file.map.places.len()).filter(|p| scenario.file.map.places[*p].gives.seat_of_government).collect();
    let mut seat_fell = None;
    let mut casualties = 0;
    for e in game.log() {
        match e.what {
            Happening::Control { to: Some(Side::Mrc), .. }
                if seat_fell.is_none() && e.place.is_some_and(|p| seats.contains(&p)) =>
            {
                seat_fell = Some(e.time)
            }
            Happening::Casualties { men } => casualties += men,
            _ => {}
        }
    }
    let outcome = game.outcome().cloned();
    let played = &game.world;
    let summary = RunSummary {
        seed,
        winner: outcome.as_ref().and_then(|o| o.winner),
        ended: outcome.map(|o| o.at).unwrap_or(played.res::<sim::Clock>().now),
        seat_fell,
        casualties,
        mrc_held: (0..scenario.file.map.places.len()).map(|p| facts::holder(played, p) == Some(Side::Mrc)).collect(),
        loyalty,
    };
    *world = Some(game.world);
    summary
}

/// A batch to play.
#[derive(Clone)]
pub struct Batch {
    pub scenario: Arc<Scenario>,
    pub players: Players,
    pub runs: usize,
    pub seed: u64,
    /// Threads to play on (at least one).
    pub threads: usize,
}

impl Batch {
    /// Plays every run; `progress` is told how many are done after each. The
    /// summaries are in run order.
    pub fn play(&self, progress: &(dyn Fn(usize) + Sync)) -> Vec<RunSummary> {
        let next = AtomicUsize::new(0);
        let done = AtomicUsize::new(0);
        let threads = self.threads.max(1).min(self.runs.max(1));
        let played: Vec<Vec<(usize, RunSummary)>> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        // Each thread plays its own copy of the scenario, and
                        // keeps its own route tables. Games share both by
                        // counted references, taken and dropped many times a
                        // turn, and a count shared between cores makes them
                        // wait on each other.
                        let scenario = Arc::new(Scenario::clone(&self.scenario));
                        let routes = Arc::new(RouteLibrary::default());
                        // One world per thread, each game played in the last one's.
                        let mut world = None;
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            if i >= self.runs {
                                return mine;
                            }
                            mine.push((
                                i,
                                run_one(
                                    scenario.clone(),
                                    run_seed(self.seed, i as u64),
                                    self.players,
                                    &routes,
                                    &mut world,
                                ),
                            ));
                            progress(done.fetch_add(1, Ordering::Relaxed) + 1);
                        }
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().expect("a game never panics")).collect()
        });
        let mut results: Vec<Option<RunSummary>> = vec![None; self.runs];
        for (i, summary) in played.into_iter().flatten() {
            results[i] = Some(summary);
        }
        results.into_iter().map(|r| r.expect("every run was played")).collect()
    }
}

/// Win counts, keyed `mrc`, `government` and `draw` in JSON.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Wins {
    pub mrc: usize,
    pub government: usize,
    pub draw: usize,
}

/// When something happened across the runs where it did: times as Julian ISO strings.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timing {
    /// In how many runs it happened.
    pub runs: usize,
    pub earliest: String,
    /// The middle half of the runs fall between these two.
    pub quartile_1: String,
    pub median: String,
    pub quartile_3: String,
    pub latest: String,
}

/// Numbers over the runs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Spread {
    pub mean: f64,
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

/// A place whose holder at the end went with the outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Decisive {
    pub place: String,
    pub name_en: String,
    pub name_es: String,
    /// Runs in which the MRC held it at the end.
    pub mrc_held: usize,
    /// The MRC's share of wins when it held the place at the end, and when it did not.
    pub mrc_win_rate_when_held: f64,
    pub mrc_win_rate_when_not: f64,
}

/// What a batch came to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub scenario: String,
    pub variant: Option<String>,
    pub seed: u64,
    pub mrc: crate::ai::Policy,
    pub government: crate::ai::Policy,
    pub runs: usize,
    pub wins: Wins,
    /// The seat of government (the Winter Palace in Petrograd) passing to the MRC.
    pub seat_of_government: Option<(String, Timing)>,
    /// When the games ended, by winner: `(turn, mrc, government, draw)` for each turn any game ended in.
    pub endings: Vec<(u32, usize, usize, usize)>,
    pub casualties: Spread,
    /// Up to five places whose holder at the end went most with the MRC winning or losing.
    pub decisive_places: Vec<Decisive>,
    /// The mean over the runs of the units' mean loyalty, at the start of each turn.
    pub loyalty_by_turn: Vec<f32>,
}

fn spread(mut values: Vec<f64>) -> Spread {
    if values.is_empty() {
        return Spread { mean: 0.0, median: 0.0, min: 0.0, max: 0.0 };
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Spread { mean: values.iter().sum::<f64>() / n as f64, median: values[n / 2], min: values[0], max: values[n - 1] }
}

fn timing(mut times: Vec<GameTime>) -> Option<Timing> {
    if times.is_empty() {
        return None;
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize].iso();
    Some(Timing {
        runs: times.len(),
        earliest: at(0.0),
        quartile_1: at(0.25),
        median: at(0.5),
        quartile_3: at(0.75),
        latest: at(1.0),
    })
}

impl Report {
    /// The statistics of a batch's runs.
    pub fn of(batch: &Batch, runs: &[RunSummary]) -> Report {
        let sc = &batch.scenario;
        let mut wins = Wins::default();
        for r in runs {
            match r.winner {
                Some(Side::Mrc) => wins.mrc += 1,
                Some(Side::Government) => wins.government += 1,
                None => wins.draw += 1,
            }
        }
        let turn_of = |t: GameTime| ((t.0 - sc.file.clock.start.0) / sc.turn_minutes()).max(0) as u32 + 1;
        let mut endings: Vec<(u32, usize, usize, usize)> = Vec::new();
        for r in runs {
            let turn = turn_of(r.ended);
            let row = match endings.iter().position(|e| e.0 == turn) {
                Some(i) => &mut endings[i],
                None => {
                    endings.push((turn, 0, 0, 0));
                    endings.last_mut().expect("just pushed")
                }
            };
            match r.winner {
                Some(Side::Mrc) => row.1 += 1,
                Some(Side::Government) => row.2 += 1,
                None => row.3 += 1,
            }
        }
        endings.sort();
        let seat = sc.file.map.places.iter().find(|p| p.gives.seat_of_government);
        let seat_of_government = seat.and_then(|p| {
            let fell = timing(runs.iter().filter_map(|r| r.seat_fell).collect())?;
            Some((p.id.clone(), fell))
        });
        let mut decisive: Vec<Decisive> = (0..sc.file.map.places.len())
            .filter_map(|p| {
                let (held, not): (Vec<&RunSummary>, Vec<&RunSummary>) = runs.iter().partition(|r| r.mrc_held[p]);
                if held.is_empty() || not.is_empty() {
                    return None;
                }
                let rate = |rs: &[&RunSummary]| {
                    rs.iter().filter(|r| r.winner == Some(Side::Mrc)).count() as f64 / rs.len() as f64
                };
                let place = &sc.file.map.places[p];
                Some(Decisive {
                    place: place.id.clone(),
                    name_en: place.name.en.clone(),
                    name_es: place.name.es.clone(),
                    mrc_held: held.len(),
                    mrc_win_rate_when_held: rate(&held),
                    mrc_win_rate_when_not: rate(&not),
                })
            })
            .collect();
        let gap = |d: &Decisive| (d.mrc_win_rate_when_held - d.mrc_win_rate_when_not).abs();
        decisive.sort_by(|a, b| gap(b).total_cmp(&gap(a)).then_with(|| a.place.cmp(&b.place)));
        decisive.truncate(5);
        let turns = runs.iter().map(|r| r.loyalty.len()).max().unwrap_or(0);
        // A game that ended early keeps its last loyalty for the later turns.
        let loyalty_by_turn = (0..turns)
            .map(|t| {
                let sum: f32 = runs.iter().map(|r| r.loyalty[t.min(r.loyalty.len() - 1)]).sum();
                sum / runs.len().max(1) as f32
            })
            .collect();
        Report {
            scenario: sc.file.id.clone(),
            variant: sc.variant.clone(),
            seed: batch.seed,
            mrc: batch.players.mrc,
            government: batch.players.government,
            runs: runs.len(),
            wins,
            seat_of_government,
            endings,
            casualties: spread(runs.iter().map(|r| r.casualties as f64).collect()),
            decisive_places: decisive,
            loyalty_by_turn,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_seeds_differ_and_depend_only_on_the_seed_and_the_number() {
        let seeds: std::collections::BTreeSet<u64> = (0..1000).map(|i| run_seed(1917, i)).collect();
        assert_eq!(seeds.len(), 1000);
        assert_eq!(run_seed(1917, 5), run_seed(1917, 5));
        assert_ne!(run_seed(1917, 5), run_seed(1918, 5));
    }

    #[test]
    fn timing_gives_quartiles_of_the_runs_where_it_happened() {
        let t = |m: i64| GameTime(m);
        let got = timing((1..=5).map(t).collect()).unwrap();
        assert_eq!((got.runs, got.earliest, got.median, got.latest), (5, t(1).iso(), t(3).iso(), t(5).iso()));
        assert!(timing(Vec::new()).is_none());
    }
}
