//! The planning policies, `normal` and `hard`: they look ahead with the
//! simulation itself. From the heuristic's ranking of the side's orders (with
//! the budget's weights: `hard` weighs the sharp way, [`Tuning::SHARP`]) they
//! build a few plans (the heuristic's own choice, and the same with another
//! order first); each plan is played in copies of the game a few hours ahead,
//! over several trials, the side then played by the heuristic with the same
//! weights and the other side by the easy heuristic; the plan that leaves the
//! side best placed on average is given.
//!
//! Trials are shared out over the cores. Each trial draws from its own
//! generator, seeded from where the game's one RNG stands and the trial's
//! number (every plan meets the same trials), and the results are gathered in
//! order, so the choice is the same whatever the number of threads. Planning
//! draws nothing from the game's own RNG.

use super::explain;
use super::heuristic::{self, Candidate, Tuning};
use crate::scenario::{LangText, Side};
use crate::sim::Lookup;
use crate::sim::{self, Order, SimRng, facts};
use crate::tr;
use bevy::prelude::*;

/// How much a planner looks ahead, and how it weighs its own orders.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Budget {
    /// Plans weighed, the heuristic's own choice among them.
    pub plans: usize,
    /// Trials of each plan.
    pub trials: usize,
    /// Turns played ahead in each trial.
    pub horizon: u32,
    /// The weights of the side's own heuristic, in its ranking and its trials.
    pub tuning: Tuning,
}

/// The window's "normal": the easy AI's weights, two hours ahead.
pub const NORMAL: Budget = Budget { plans: 4, trials: 4, horizon: 4, tuning: Tuning::EASY };

/// The window's "hard": sharper weights, more plans and trials, four hours ahead.
pub const HARD: Budget = Budget { plans: 6, trials: 8, horizon: 8, tuning: Tuning::SHARP };

/// Turns of the chronicle copied into a trial (the heuristic looks back 12).
const LOG_TURNS: u32 = 12;

/// A win or a loss, against which places held weigh little.
const OUTCOME_WORTH: f32 = 1000.0;

/// Share of a win credited for each point of chance of a winning order the
/// side could give now (and taken off for the other side's).
const STRIKE_SHARE: f32 = 0.25;

/// How well placed the side is in a game: a win or a loss (sooner is
/// stronger); else the worth of the places it holds beyond the other's, a
/// share of the win for each winning order in reach (its chance), less the
/// same for the other side, and a little for the men committed to it beyond
/// the other's.
pub fn standing(world: &World, side: Side) -> f32 {
    if let Some(outcome) = &world.res::<sim::GameOver>().0 {
        let total = facts::scenario(world).total_turns().max(1) as f32;
        let sooner = 1.0 - outcome.turn as f32 / total / 2.0;
        return match outcome.winner {
            Some(w) if w == side => OUTCOME_WORTH * sooner,
            Some(_) => -OUTCOME_WORTH * sooner,
            None => 0.0,
        };
    }
    let values = facts::held_values(world);
    let view = facts::View::of(world);
    let units = view.sc.file.units.len();
    let men: f32 = (0..units)
        .filter(|u| view.on_map(*u))
        .map(|u| match view.leaning(u) {
            Some(s) if s == side => view.power(u) as f32,
            Some(_) => -(view.power(u) as f32),
            None => 0.0,
        })
        .sum();
    let strike = |s: Side| {
        super::listing::allowed_orders(&view, s, view.sc.winning_actions(s))
            .iter()
            .map(|checked| sim::orders::chance_in(&view, checked))
            .fold(0.0f32, f32::max)
    };
    let reach = OUTCOME_WORTH * STRIKE_SHARE * (strike(side) - strike(side.opponent()));
    (values.get(side) - values.get(side.opponent())) as f32 + men / 2000.0 + reach
}

/// A plan: the orders, and the index of its first in the ranked list.
struct Plan {
    orders: Vec<Order>,
    first: Option<usize>,
}

/// The plans to weigh: the heuristic's choice first, then the same with each
/// of the next best orders put first, none twice.
fn plans(world: &World, side: Side, budget: Budget) -> (Vec<Plan>, Vec<Candidate>, super::stakes::Stakes) {
    let view = facts::View::of(world);
    let (mut list, stakes) = heuristic::weigh(&view, side, &budget.tuning);
    heuristic::penalise_failures(world, side, &mut list);
    list.sort_by(|a, b| b.worth.total_cmp(&a.worth));
    let purse = sim::purse_left(world, side);
    let mut picks: Vec<Vec<usize>> = Vec::new();
    let mut add = |p: Vec<usize>| {
        let mut key = p.clone();
        key.sort_unstable();
        if !picks.iter().any(|q| {
            let mut k = q.clone();
            k.sort_unstable();
            k == key
        }) {
            picks.push(p);
        }
        picks.len()
    };
    add(heuristic::pick(view.sc, &list, purse, usize::MAX, None));
    // Giving nothing keeps command for later: a plan too.
    let mut count = add(Vec::new());
    for i in 0..list.len() {
        if count >= budget.plans {
            break;
        }
        count = add(heuristic::pick(view.sc, &list, purse, usize::MAX, Some(i)));
    }
    let out = picks
        .into_iter()
        .map(|p| Plan { orders: p.iter().map(|i| list[*i].order(view.sc)).collect(), first: p.first().copied() })
        .collect();
    (out, list, stakes)
}

/// A seed for trial `t`, from where the game's RNG stands.
fn trial_seed(rng: &SimRng, t: usize) -> u64 {
    let key = rng.0.get_seed();
    let mut x = u64::from_le_bytes(key[..8].try_into().expect("8 bytes")) ^ rng.word().rotate_left(17) ^ t as u64;
    // SplitMix64.
    x = x.wrapping_add(0x9e3779b97f4a7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d049bb133111eb);
    x ^ (x >> 31)
}

/// Plays one trial of a plan in the scratch `world` and returns how well placed the side ends.
fn trial(real: &World, world: &mut World, side: Side, plan: &Plan, seed: u64, budget: &Budget) -> f32 {
    sim::copy::copy_state(real, world, LOG_TURNS);
    // The other side's orders this turn are its own business: it chooses again.
    world.res_mut::<sim::PendingOrders>().0.retain(|o| o.faction == side);
    world.insert_resource(SimRng::seeded(seed));
    for order in &plan.orders {
        let _ = sim::submit(world, order.clone());
    }
    heuristic::play(world, side.opponent(), usize::MAX);
    sim::end_turn(world);
    for _ in 1..budget.horizon {
        if sim::is_over(world) {
            break;
        }
        // The side plays as the planner would without looking ahead; the
        // other side as the heuristic does.
        for s in Side::ALL {
            let tuning = if s == side { budget.tuning } else { Tuning::EASY };
            heuristic::play_tuned(world, s, usize::MAX, &tuning);
        }
        sim::end_turn(world);
    }
    standing(world, side)
}

/// Chooses the side's orders by planning, on every core, and gives them; the
/// first carries the reason, with how it was weighed.
pub fn play(world: &mut World, side: Side, budget: Budget) {
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    play_on(world, side, budget, cores);
}

/// [`play`] on at most `threads` threads; the orders are the same for any number.
pub fn play_on(world: &mut World, side: Side, budget: Budget, threads: usize) {
    let (plans, list, stakes) = plans(world, side, budget);
    let trials = budget.trials.max(1);
    let jobs: Vec<(usize, usize)> = (0..plans.len()).flat_map(|p| (0..trials).map(move |t| (p, t))).collect();
    let rng = world.res::<SimRng>();
    let seeds: Vec<u64> = (0..trials).map(|t| trial_seed(rng, t)).collect();
    let scenario = world.res::<sim::ScenarioRes>().0.clone();
    let threads = threads.clamp(1, jobs.len().max(1));
    let per_thread = jobs.len().div_ceil(threads);
    let real: &World = world;
    let scores: Vec<f32> = std::thread::scope(|s| {
        let handles: Vec<_> = jobs
            .chunks(per_thread.max(1))
            .map(|chunk| {
                let (scenario, plans, seeds) = (scenario.clone(), &plans, &seeds);
                s.spawn(move || {
                    let mut scratch = sim::new_world(scenario, 0);
                    scratch.insert_resource(super::NoReasons);
                    chunk
                        .iter()
                        .map(|(p, t)| trial(real, &mut scratch, side, &plans[*p], seeds[*t], &budget))
                        .collect::<Vec<f32>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("a trial does not panic")).collect()
    });
    let mean = |p: usize| scores[p * trials..(p + 1) * trials].iter().sum::<f32>() / trials as f32;
    // The first best wins ties, and the heuristic's own choice is first.
    let best = (0..plans.len()).fold(0, |best, p| if mean(p) > mean(best) { p } else { best });
    let mut orders = plans[best].orders.clone();
    if let (Some(first), Some(main)) = (plans[best].first, orders.first_mut())
        && super::gives_reasons(world)
    {
        let view = facts::View::of(world);
        let reason = explain::reason(&view, side, &list[first].checked, &stakes, &budget.tuning);
        let hours = budget.horizon as i64 * view.sc.turn_minutes() / 60;
        main.reason = Some(LangText::in_words(|lang| {
            let weighed = tr!(lang, "ai-weighed", plans = plans.len(), trials = trials, hours = hours);
            format!("{} {weighed}", reason.get(lang))
        }));
    }
    for order in orders {
        let _ = sim::submit(world, order);
    }
}
