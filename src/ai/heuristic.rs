//! The heuristic policy: lists every order the side could give, values each by
//! its chance and the worth of its effects, and gives the best ones it can pay for.
//! A [`Tuning`] sets a few of its weights: "easy" play and the planners differ there.

use super::listing::{Lister, allowed_orders};
use super::stakes::{Stakes, WIN_WORTH};
use crate::scenario::target_set::TargetSet;
use crate::scenario::*;
use crate::sim::Lookup;
use crate::sim::facts::{self, Ctx, View};
use crate::sim::orders::{self, Checked};
use crate::sim::{self, Order, SimRng};
use bevy::prelude::*;
use rand::RngExt;

/// Most orders the heuristic gives in one turn.
pub const MAX_ORDERS_PER_TURN: usize = 4;
/// Worth of one command point, subtracted per point of cost.
const COMMAND_WORTH: f32 = 2.0;
/// Worth of a thousand roubles of funds that a place gives.
const FUNDS_WORTH: f32 = 0.05;
/// Turns back over which the heuristic remembers its failed orders.
const FAILURE_MEMORY_TURNS: u32 = 12;
/// Worth taken off an order for each time it failed lately, besides halving it.
const REPEAT_FAILURE_PENALTY: f32 = 2.0;

/// The orders each side (by [`Side::index`]) failed in the last few turns,
/// as sorted [`order_key`]s, one per failure: read in one pass over the
/// log for both sides.
fn recent_failures(world: &World) -> [Vec<u64>; 2] {
    let sc = facts::scenario(world);
    let turn = world.res::<sim::Clock>().turn;
    // Room for a usual few turns' failures, so that the lists seldom grow.
    let mut keys: [Vec<u64>; 2] = [Vec::with_capacity(16), Vec::with_capacity(16)];
    let recent =
        world.res::<sim::SimLog>().failures_latest_first().take_while(|e| e.turn + FAILURE_MEMORY_TURNS >= turn);
    for f in recent {
        if let Some(side) = f.faction {
            let target = sc.target_sweep(f.action).target;
            let place = f.place.filter(|_| target.names_place());
            let unit = f.unit.filter(|_| target.names_unit());
            keys[side.index()].push(order_key(f.action, place, unit));
        }
    }
    keys.iter_mut().for_each(|k| k.sort_unstable());
    keys
}

/// An order's action and targets in one number: for finding its failures, and its noise.
fn order_key(action: usize, place: Option<usize>, unit: Option<usize>) -> u64 {
    let target = |t: Option<usize>| t.map_or(0, |i| i as u64 + 1);
    (action as u64) << 32 | target(place) << 16 | target(unit)
}

/// [`order_key`] of a checked order.
#[inline]
fn key_of(checked: &Checked) -> u64 {
    order_key(checked.action, checked.ctx.place, checked.ctx.unit)
}

/// Share of a win credited to an order that weakens the defenders of a target.
const SETUP_SHARE: f32 = 0.5;
/// Spread of the random term that breaks ties and varies play.
const NOISE: f32 = 3.0;
/// How far below nothing the most an order can be worth must be for it to be
/// passed over unweighed: far above rounding, far below any worth that counts.
const ROUNDING_MARGIN: f32 = 0.01;

/// The random term of each order a side weighs in one turn, from 0 to
/// [`NOISE`]: it depends only on one number drawn from the RNG for the turn
/// and on the order itself, so an order passed over unweighed changes no
/// other order's noise, and neither does the order in which they are weighed.
#[derive(Clone, Copy)]
struct Noise(u64);

impl Noise {
    /// The noise of the turn: one draw from the RNG.
    fn draw(rng: &mut SimRng) -> Noise {
        Noise(rng.0.random::<u64>())
    }

    /// The noise of one order.
    fn of(self, checked: &Checked) -> f32 {
        let bits = sim::mix_bits(self.0 ^ key_of(checked));
        // The top 24 bits, as a float from 0 up to (not including) 1.
        (bits >> 40) as f32 / (1u64 << 24) as f32 * NOISE
    }
}

/// The weights that differ between the heuristic's two ways of playing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tuning {
    /// What spending a thousand roubles on an order costs, in worth.
    pub spending_worth: f32,
    /// How much the scenario's hints (`ai_bias`) weigh.
    pub hint_weight: f32,
    /// Share of a place's worth lost when its whole guard marches off.
    pub left_open_share: f32,
}

impl Tuning {
    /// "Easy" play (the heuristic policy): careful with money and with the
    /// guards of the places it holds, and it takes the scenario's hints lightly.
    pub const EASY: Tuning = Tuning { spending_worth: FUNDS_WORTH, hint_weight: 1.0, left_open_share: 0.6 };

    /// The planners' own play: money is only worth spending, the scenario's
    /// hints weigh five times as much, and guards leave a place more readily.
    /// Found by trying each weight over 1,000 heuristic games a side; together
    /// they win about twice as often for the Government, and more for the MRC.
    pub const SHARP: Tuning = Tuning { spending_worth: 0.0, hint_weight: 5.0, left_open_share: 0.2 };
}

/// A possible order (its check) and what it is worth.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub checked: Checked,
    pub worth: f32,
}

impl Candidate {
    /// The order, written out with ids.
    pub fn order(&self, sc: &Scenario) -> Order {
        self.checked.order(sc)
    }
}

/// Every order the side could give now, checked, with its worth (without
/// noise) in the light of what is at stake, and the stakes they were weighed against.
pub fn weigh(view: &View, side: Side, tuning: &Tuning) -> (Vec<Candidate>, Stakes) {
    let own = allowed_orders(view, side, view.sc.side_actions(side));
    let stakes = Stakes::of(view, side, &own);
    (rate(view, side, &own, &stakes, tuning), stakes)
}

/// The side's allowed orders, each with its worth (without noise).
fn rate(view: &View, side: Side, own: &[Checked], stakes: &Stakes, tuning: &Tuning) -> Vec<Candidate> {
    let gains = Gains::of_each(view, side, own, stakes, tuning);
    let mut chances = vec![0.0; own.len()];
    orders::chances_in(view, own, &mut chances);
    (own.iter().zip(gains).zip(chances))
        .map(|((checked, gains), chance)| Candidate { worth: gains.worth_at(chance), checked: *checked })
        .collect()
}

/// Makes orders that failed lately on the same target worth less each time:
/// the AI tries something else rather than hammer at a closed door.
pub fn penalise_failures(world: &World, side: Side, list: &mut [Candidate]) {
    penalise(&recent_failures(world)[side.index()], list);
}

/// [`penalise_failures`], with the side's failures read: sorted [`order_key`]s.
fn penalise(failures: &[u64], list: &mut [Candidate]) {
    let failed = FailedActions::of(failures);
    for c in list {
        c.worth = penalised(c.worth, failed.times(failures, &c.checked));
    }
}

/// The actions among a side's recent failures, as bits: most orders are of
/// actions that did not fail, and need no search. (Actions past the 64th are
/// always searched.)
struct FailedActions(u64);

impl FailedActions {
    fn of(failures: &[u64]) -> FailedActions {
        FailedActions(failures.iter().fold(0u64, |bits, f| bits | 1u64.checked_shl((f >> 32) as u32).unwrap_or(0)))
    }

    /// How many times the order failed lately, among `failures` (sorted [`order_key`]s).
    fn times(&self, failures: &[u64], checked: &Checked) -> i32 {
        if 1u64.checked_shl(checked.action as u32).is_some_and(|bit| self.0 & bit == 0) {
            return 0;
        }
        let mine = key_of(checked);
        let first = failures.partition_point(|f| *f < mine);
        failures[first..].iter().take_while(|f| **f == mine).count() as i32
    }
}

/// An order's worth after it failed `times` lately: halved for each time,
/// less a penalty for each.
fn penalised(worth: f32, times: i32) -> f32 {
    if times > 0 {
        worth - (worth.abs() * (1.0 - 0.5f32.powi(times)) + REPEAT_FAILURE_PENALTY * times as f32)
    } else {
        worth
    }
}

/// The orders to give from a list ranked best first: each worth more than
/// nothing, on a place and a unit no order before it uses, while the side can
/// pay, at most `limit` (and [`MAX_ORDERS_PER_TURN`]). `first`, if given, is
/// taken before the others. Returns indices into the list.
pub fn pick(sc: &Scenario, list: &[Candidate], purse: (i32, i32), limit: usize, first: Option<usize>) -> Vec<usize> {
    let (mut command, mut funds) = purse;
    let mut chosen: Vec<usize> = Vec::with_capacity(MAX_ORDERS_PER_TURN);
    let order_of = first.into_iter().chain((0..list.len()).filter(|i| Some(*i) != first));
    for i in order_of {
        let c = &list[i];
        // The list is ranked: once one is worth nothing, so are the rest.
        if chosen.len() >= limit.min(MAX_ORDERS_PER_TURN) || (c.worth <= 0.0 && Some(i) != first) {
            break;
        }
        let clash = |j: &usize| {
            let (mine, theirs) = (&c.checked.ctx, &list[*j].checked.ctx);
            (mine.place.is_some() && theirs.place == mine.place) || (mine.unit.is_some() && theirs.unit == mine.unit)
        };
        if chosen.iter().any(clash) {
            continue;
        }
        let spec = &sc.file.actions[c.checked.action];
        if spec.cost > command || spec.funds_cost > funds {
            continue;
        }
        command -= spec.cost;
        funds -= spec.funds_cost;
        chosen.push(i);
    }
    chosen
}

/// The side's allowed orders, less those of the actions that only move
/// units at a loss (see [`only_moves_at_a_loss`]): the first part of the
/// orders the heuristic weighs. The stakes are read from it.
fn orders_but_moves_at_a_loss(view: &View, side: Side, tuning: &Tuning) -> Vec<Checked> {
    let mut lister = Lister::new(view, side);
    // Room for a busy turn's orders, so that the list seldom grows.
    let mut out = Vec::with_capacity(128);
    for &action in view.sc.side_actions(side) {
        if !only_moves_at_a_loss(&view.sc.file.actions[action], tuning) {
            lister.add(action, None, &mut out);
        }
    }
    out
}

/// Adds to `own` the rest of the orders the heuristic weighs: those of the
/// actions that only move units at a loss, where one of their moves ends at
/// a place the other side threatens. A move is worth something to the
/// heuristic only where it brings a guard to such a place (see
/// [`guard_worth`]), and anywhere else it is worth nothing or less; so the
/// orders of these actions are worth giving only there, and are listed only there.
fn add_moves_where_threatened(view: &View, side: Side, stakes: &Stakes, tuning: &Tuning, own: &mut Vec<Checked>) {
    if stakes.threats.is_empty() {
        return;
    }
    let mut lister = Lister::new(view, side);
    for &action in view.sc.side_actions(side) {
        let spec = &view.sc.file.actions[action];
        if !only_moves_at_a_loss(spec, tuning) {
            continue;
        }
        let at = threatened_ends(view, side, spec, stakes);
        if !at.is_empty() {
            lister.add(action, Some(at), own);
        }
    }
}

/// Whether the action does nothing the heuristic values but move units, and
/// costs more (in command, funds and hint) than the most the noise can add:
/// an order of it is worth giving only where one of its moves guards a threatened place.
fn only_moves_at_a_loss(spec: &ActionSpec, tuning: &Tuning) -> bool {
    let only_moves =
        spec.on_success.iter().chain(&spec.on_failure).all(|e| matches!(e, Effect::Move(..)) || weighs_nothing(e));
    only_moves && Gains::of_cost(spec, tuning).most() + NOISE <= 0.0
}

/// The places at which the side's order of the action would have a move
/// ending at a place the other side threatens: every place if a move goes to
/// a threatened place by name, and the threatened places if a move goes to the order's own place.
fn threatened_ends(view: &View, side: Side, spec: &ActionSpec, stakes: &Stakes) -> TargetSet {
    let ctx = Ctx { faction: Some(side), place: None, unit: None };
    let mut places = TargetSet::EMPTY;
    for effect in spec.on_success.iter().chain(&spec.on_failure) {
        let Effect::Move(_, to) = effect else { continue };
        match view.place_ref(&ctx, to) {
            Some(named) if stakes.threat_at(named).is_some() => return TargetSet::below(view.sc.file.map.places.len()),
            Some(_) => {}
            None => stakes.threats.iter().for_each(|t| places.insert(t.place)),
        }
    }
    places
}

/// What an order's effects are worth to the side if it succeeds and if it
/// fails, and what giving it costs: its worth before its chance is known.
struct Gains {
    success: f32,
    failure: f32,
    /// The worth of the command points and of the funds it costs.
    command: f32,
    funds: f32,
    /// The worth of the scenario's hint for it.
    hint: f32,
}

impl Gains {
    /// The gains of each of the orders, in order. The orders of one action
    /// come together (as [`allowed_orders`] lists them), and each of the
    /// action's effects is weighed for all of them in one pass (see [`add_effect_worth`]).
    fn of_each(view: &View, side: Side, orders: &[Checked], stakes: &Stakes, tuning: &Tuning) -> Vec<Gains> {
        // Each order's success, then each order's failure, in one list.
        let mut outcomes = vec![no_worth(); 2 * orders.len()];
        let (success, failure) = outcomes.split_at_mut(orders.len());
        for (run, sums) in orders::by_action(orders, success) {
            for effect in &view.sc.file.actions[run[0].action].on_success {
                add_effect_worth(view, side, run, effect, stakes, tuning, sums);
            }
        }
        for (run, sums) in orders::by_action(orders, failure) {
            for effect in &view.sc.file.actions[run[0].action].on_failure {
                add_effect_worth(view, side, run, effect, stakes, tuning, sums);
            }
        }
        let gains = orders.iter().zip(success.iter().zip(failure.iter())).map(|(checked, (success, failure))| Gains {
            success: *success,
            failure: *failure,
            ..Gains::of_cost(&view.sc.file.actions[checked.action], tuning)
        });
        gains.collect()
    }

    /// The gains of an order of the action whose effects are worth nothing: its cost and hint alone.
    fn of_cost(spec: &ActionSpec, tuning: &Tuning) -> Gains {
        Gains {
            success: no_worth(),
            failure: no_worth(),
            command: spec.cost as f32 * COMMAND_WORTH,
            funds: spec.funds_cost as f32 * tuning.spending_worth,
            hint: spec.ai_bias as f32 * tuning.hint_weight,
        }
    }

    /// The order's worth if it succeeds with chance `p`.
    fn worth_at(&self, p: f32) -> f32 {
        p * self.success + (1.0 - p) * self.failure - self.command - self.funds + self.hint
    }

    /// The most the order can be worth, whatever its chance. (Its worth at
    /// any chance lies between these two, give or take rounding.)
    fn most(&self) -> f32 {
        self.worth_at(0.0).max(self.worth_at(1.0))
    }
}

/// What an order's effects are summed from, effect after effect in the
/// action's order: what an empty sum of them is.
fn no_worth() -> f32 {
    std::iter::empty::<f32>().sum()
}

/// Worth of one effect of a checked order to the side; positive when it helps.
pub fn effect_worth(
    view: &View,
    side: Side,
    checked: &Checked,
    effect: &Effect,
    stakes: &Stakes,
    tuning: &Tuning,
) -> f32 {
    let mut worth = [no_worth()];
    add_effect_worth(view, side, std::slice::from_ref(checked), effect, stakes, tuning, &mut worth);
    worth[0]
}

/// Adds the worth of `effect` to the side, for each of the orders, to its
/// sum in `sums`. Which effect it is is settled once for them all, and each
/// kind of effect is weighed in its own loop. (This takes 6% fewer
/// instructions than weighing one order's effects in turn; on the machine it
/// was measured on, the time was the same within the noise.)
fn add_effect_worth(
    view: &View,
    side: Side,
    orders: &[Checked],
    effect: &Effect,
    stakes: &Stakes,
    tuning: &Tuning,
    sums: &mut [f32],
) {
    // Adds `worth` of each order's targets to its sum.
    #[inline(always)]
    fn each(orders: &[Checked], sums: &mut [f32], worth: impl Fn(&Ctx) -> f32) {
        orders::add_to_each(orders, sums, |ctx| Some(worth(ctx)));
    }
    let sc = view.sc;
    let place = |ctx: &Ctx, name: &IdRef| view.place_ref(ctx, name);
    let unit = |ctx: &Ctx, name: &IdRef| view.unit_ref(ctx, name);
    let place_worth = |p: usize| place_worth(sc, p);
    // Taking a unit out of the fight at one of the side's targets weakens its defenders.
    let weakens_target = |u: usize, lost: u32| match stakes.target_at(view.location(u)) {
        Some(striker) if view.leaning(u) == Some(side.opponent()) && view.active(u) => {
            let (_, defenders) = view.force(side.opponent(), view.location(u));
            let before = facts::balance(striker, defenders);
            let after = facts::balance(striker, defenders.saturating_sub(lost));
            SETUP_SHARE * WIN_WORTH * (after - before) / 2.0
        }
        _ => 0.0,
    };
    match effect {
        Effect::Control(p, to) => each(orders, sums, |ctx| match place(ctx, p) {
            Some(p) if view.holder(p) != Some(*to) => {
                let w = place_worth(p);
                if *to == side { w } else { -w }
            }
            _ => 0.0,
        }),
        Effect::Neutral(p) => {
            each(orders, sums, |ctx| match place(ctx, p).and_then(|p| view.holder(p).map(|h| (p, h))) {
                Some((p, h)) => {
                    let w = place_worth(p) / 2.0;
                    if h == side { -w } else { w }
                }
                None => 0.0,
            })
        }
        Effect::Loyalty(sel, delta) | Effect::LoyaltyToward(sel, _, delta) => {
            let toward = match effect {
                Effect::LoyaltyToward(_, s, _) => s.sign(),
                _ => 1,
            };
            let shift = |u: usize| {
                let l = view.loyalty(u);
                let room = if delta * toward * side.sign() > 0 { 100 - l * side.sign() } else { 100 + l * side.sign() };
                let moved = (delta.abs()).min(room.max(0)) as f32 * (delta * toward * side.sign()).signum() as f32;
                moved * view.power(u) as f32 / 3000.0
            };
            match sel {
                // One unit (the commonest case) is read without making a set of it.
                Units::One(name) => each(orders, sums, |ctx| {
                    crate::sim::effects::one_unit(view, ctx, name).into_iter().map(shift).sum()
                }),
                _ => each(orders, sums, |ctx| crate::sim::effects::units_in(view, ctx, sel).iter().map(shift).sum()),
            }
        }
        Effect::Rouse(u) => each(orders, sums, |ctx| match unit(ctx, u) {
            Some(u) if !view.active(u) && view.committed(u, side) => view.power(u) as f32 / 1500.0,
            _ => 0.0,
        }),
        Effect::BringIn(u) => each(orders, sums, |ctx| match unit(ctx, u) {
            Some(u) if !view.on_map(u) && view.committed(u, side) => view.power(u) as f32 / 1000.0,
            _ => 0.0,
        }),
        Effect::Arrest(u) | Effect::Withdraw(u) => each(orders, sums, |ctx| match unit(ctx, u) {
            Some(u) if view.on_map(u) => {
                let lean = view.leaning(u);
                let w = if sc.kind_of(u).leadership { 100.0 } else { view.power(u) as f32 / 800.0 };
                match lean {
                    Some(s) if s == side => -w,
                    Some(_) => w + weakens_target(u, view.power(u)),
                    None => 0.0,
                }
            }
            _ => 0.0,
        }),
        Effect::Casualties(u, men) => each(orders, sums, |ctx| match unit(ctx, u) {
            Some(u) => {
                let w = (*men as f32) / 20.0;
                let lost = (*men).min(view.strength(u)) * sc.file.units[u].quality;
                if view.leaning(u) == Some(side) { -w } else { w + weakens_target(u, lost) }
            }
            None => 0.0,
        }),
        Effect::CutLines(p) | Effect::RestoreLines(p) => {
            let cut = matches!(effect, Effect::CutLines(_));
            each(orders, sums, |ctx| match place(ctx, p) {
                Some(p) if view.lines_cut(p) != cut => {
                    let mut w = 0.0;
                    for s in Side::ALL {
                        if sc.headquarters(s) == Some(p) {
                            let hurt = 5.0 * sc.faction(s).lines_cut_penalty as f32;
                            w += if (s == side) == cut { -hurt } else { hurt };
                        }
                    }
                    w
                }
                _ => 0.0,
            })
        }
        Effect::SetFlag(f) => {
            let w = if sc.wins_with_flag(side, f) {
                WIN_WORTH
            } else if sc.wins_with_flag(side.opponent(), f) {
                -WIN_WORTH
            } else {
                0.5
            };
            each(orders, sums, |_| w)
        }
        Effect::Command(s, d) => {
            let w = *d as f32 * COMMAND_WORTH;
            let w = if *s == side { w } else { -w };
            each(orders, sums, |_| w)
        }
        Effect::Raise(p) => each(orders, sums, |ctx| match place(ctx, p) {
            // Raising a bridge cuts the other side's routes across it.
            Some(p) if !view.raised(p) => 2.0,
            _ => 0.0,
        }),
        Effect::Lower(p) => each(orders, sums, |ctx| match place(ctx, p) {
            Some(p) if view.raised(p) => 2.0,
            _ => 0.0,
        }),
        Effect::Move(u, p) => each(orders, sums, |ctx| match (unit(ctx, u), place(ctx, p)) {
            (Some(u), Some(to)) if view.committed(u, side) => guard_worth(view, side, stakes, u, to, tuning),
            _ => 0.0,
        }),
        Effect::ClearFlag(_) | Effect::Stand(_) | Effect::Delay(..) | Effect::Chronicle(_) => {
            each(orders, sums, |_| 0.0)
        }
    }
}

/// Whether the heuristic gives an effect no worth at all, whatever its order
/// (as [`add_effect_worth`] weighs it).
fn weighs_nothing(effect: &Effect) -> bool {
    matches!(effect, Effect::ClearFlag(_) | Effect::Stand(_) | Effect::Delay(..) | Effect::Chronicle(_))
}

/// Worth of moving the side's unit `u` to `to`, for what it guards. At a place
/// where the other side could win outright, the chance of that falls or rises
/// with the balance of force against its strongest striker. A place the side
/// holds is left more open to being taken back, by the unit's share of its guard.
fn guard_worth(view: &View, side: Side, stakes: &Stakes, u: usize, to: usize, tuning: &Tuning) -> f32 {
    let from = view.location(u);
    if from == to || !view.active(u) {
        return 0.0;
    }
    let power = view.power(u);
    let threatened = |place: usize, arriving: bool| {
        let Some((threat, striker)) = stakes.threat_at(place) else { return 0.0 };
        let (_, own) = view.force(side, place);
        let (_, other) = view.force(side.opponent(), place);
        let after = if arriving { own + power } else { own.saturating_sub(power) };
        WIN_WORTH * threat * (facts::balance(after, other + striker) - facts::balance(own, other + striker)) / 2.0
    };
    let left_open = if view.holder(from) == Some(side) {
        let (_, own) = view.force(side, from);
        // A place worth less than nothing is no loss to leave.
        -tuning.left_open_share * place_worth(view.sc, from).max(0.0) * power as f32 / own.max(1) as f32
    } else {
        0.0
    };
    threatened(from, false) + threatened(to, true) + left_open
}

/// How much a place is worth holding.
fn place_worth(sc: &Scenario, p: usize) -> f32 {
    let spec = &sc.file.map.places[p];
    let tags = [spec.gives.communications, spec.gives.rail, spec.gives.power].iter().filter(|t| **t).count() as f32;
    spec.value as f32
        + 3.0 * spec.gives.command as f32
        + 10.0 * FUNDS_WORTH * spec.gives.money as f32
        + 2.0 * tags
        + if spec.gives.seat_of_government { 20.0 } else { 0.0 }
}

/// Gives up to `limit` of the best orders the side can pay for, weighed the
/// "easy" way; the first carries the reason for it. Once the game is over, it gives none.
pub fn play(world: &mut World, side: Side, limit: usize) {
    play_tuned(world, side, limit, &Tuning::EASY);
}

/// [`play`], weighing orders with the given tuning.
pub fn play_tuned(world: &mut World, side: Side, limit: usize, tuning: &Tuning) {
    give_orders(world, |world, view, rng| {
        let mut own = orders_but_moves_at_a_loss(view, side, tuning);
        let stakes = Stakes::of(view, side, &own);
        add_moves_where_threatened(view, side, &stakes, tuning, &mut own);
        let failures = &recent_failures(world)[side.index()];
        choose(world, view, side, &own, &stakes, failures, rng, limit, tuning)
    });
}

/// Both sides' orders for a turn in which both play the heuristic way, each
/// weighed the "easy" way: the same orders, and the same draws from the RNG,
/// as [`play`] for each side in [`Side::ALL`]'s order, since neither side's
/// orders change what the other sees before the turn resolves. But both are
/// weighed against one view of the world, and each side's threats are read
/// from the other side's own list, not looked for again.
pub fn play_both(world: &mut World) {
    give_orders(world, |world, view, rng| {
        let failures = recent_failures(world);
        let lists = Side::ALL.map(|side| orders_but_moves_at_a_loss(view, side, &Tuning::EASY));
        // Each side's winning orders are one side's targets and the other's threats.
        let strikes = Side::ALL.map(|side| super::stakes::strikes_of(view, side, &lists[side.index()]));
        let mut stakes = Stakes::from_strikes(Side::ALL[0], strikes);
        let mut orders = Vec::new();
        for (side, mut own) in Side::ALL.into_iter().zip(lists) {
            add_moves_where_threatened(view, side, &stakes, &Tuning::EASY, &mut own);
            let failures = &failures[side.index()];
            orders.extend(choose(world, view, side, &own, &stakes, failures, rng, usize::MAX, &Tuning::EASY));
            stakes = stakes.for_the_other_side();
        }
        orders
    });
}

/// Gives the orders `decide` finds from one view of the world, unless the
/// game is over. The noise is drawn from a copy of the one RNG while the view
/// is held, and the RNG then moves on as far as the copy did.
fn give_orders(world: &mut World, decide: impl FnOnce(&World, &View, &mut SimRng) -> Vec<Order>) {
    if sim::is_over(world) {
        return;
    }
    let mut rng = world.res::<SimRng>().duplicate();
    let orders = decide(world, &View::of(world), &mut rng);
    world.insert_resource(rng);
    // Each was checked as it was weighed, and chosen within its side's purse.
    for order in orders {
        sim::submit_allowed(world, order);
    }
}

/// The orders to give of the side's orders worth weighing (`own`): each is
/// weighed, its failures lately (sorted [`order_key`]s) count against it,
/// [`Noise`] drawn from `rng` breaks ties, and the best ones the side can pay
/// for are taken. The first carries the reason for it.
#[allow(clippy::too_many_arguments)]
fn choose(
    world: &World,
    view: &View,
    side: Side,
    own: &[Checked],
    stakes: &Stakes,
    failures: &[u64],
    rng: &mut SimRng,
    limit: usize,
    tuning: &Tuning,
) -> Vec<Order> {
    let failed = FailedActions::of(failures);
    let noise = Noise::draw(rng);
    // The orders that may be worth giving, and for each its gains, how often
    // it failed lately and its noise.
    let (mut hopeful, mut hopes) = (Vec::with_capacity(own.len()), Vec::with_capacity(own.len()));
    for (checked, gains) in own.iter().zip(Gains::of_each(view, side, own, stakes, tuning)) {
        let (times, noise) = (failed.times(failures, checked), noise.of(checked));
        // An order that cannot be worth more than nothing, even if it is sure
        // to succeed, is not given: its chance need not be found.
        if penalised(gains.most(), times) + noise < -ROUNDING_MARGIN {
            continue;
        }
        hopeful.push(*checked);
        hopes.push((gains, times, noise));
    }
    let mut chances = vec![0.0; hopeful.len()];
    orders::chances_in(view, &hopeful, &mut chances);
    let mut list = Vec::with_capacity(hopeful.len());
    for ((checked, (gains, times, noise)), chance) in hopeful.iter().zip(hopes).zip(chances) {
        let worth = penalised(gains.worth_at(chance), times) + noise;
        // Only orders worth more than nothing are given, so only they are ranked.
        if worth > 0.0 {
            list.push(Candidate { checked: *checked, worth });
        }
    }
    // A stable sort keeps equal candidates in scenario order.
    list.sort_by(|a, b| b.worth.total_cmp(&a.worth));
    let purse = sim::purse_left(world, side);
    let picks = pick(view.sc, &list, purse, limit, None);
    let mut orders: Vec<Order> = picks.iter().map(|i| list[*i].order(view.sc)).collect();
    if let (Some(first), Some(main)) = (picks.first(), orders.first_mut())
        && super::gives_reasons(world)
    {
        main.reason = Some(super::explain::reason(view, side, &list[*first].checked, stakes, tuning));
    }
    orders
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{Game, Players};
    use crate::sim::PendingOrders;

    /// The orders the side would give if every order were weighed in full
    /// (its chance found whatever its effects), ranked as `choose` ranks them.
    fn fully_weighed(world: &World, side: Side) -> Vec<(String, Option<String>, Option<String>)> {
        let view = View::of(world);
        let (mut list, _) = weigh(&view, side, &Tuning::EASY);
        penalise_failures(world, side, &mut list);
        let noise = Noise::draw(&mut world.resource::<SimRng>().duplicate());
        for c in &mut list {
            c.worth += noise.of(&c.checked);
        }
        list.retain(|c| c.worth > 0.0);
        list.sort_by(|a, b| b.worth.total_cmp(&a.worth));
        let picks = pick(view.sc, &list, sim::purse_left(world, side), usize::MAX, None);
        picks.iter().map(|i| list[*i].order(view.sc)).map(|o| (o.action, o.place, o.unit)).collect()
    }

    /// Both sides played by the heuristic.
    const HEURISTIC: Players =
        Players { mrc: super::super::Policy::Heuristic, government: super::super::Policy::Heuristic };

    /// Plays the historical scenario to the end with each of the seeds, both
    /// sides heuristic, and calls `at` with the world and the seed before each turn.
    fn before_each_turn(seeds: &[u64], mut at: impl FnMut(&World, u64)) {
        for &seed in seeds {
            let mut game = Game::new(crate::testing::historical(), seed, HEURISTIC);
            while !sim::is_over(&game.world) {
                at(&game.world, seed);
                game.step();
            }
        }
    }

    #[test]
    fn passing_over_orders_that_cannot_be_worth_giving_changes_no_choice() {
        let mut compared = 0;
        before_each_turn(&[1, 2, 3], |world, seed| {
            for side in Side::ALL {
                let expected = fully_weighed(world, side);
                let mut copy = Game::new(crate::testing::historical(), seed, HEURISTIC);
                crate::sim::copy::copy_state(world, &mut copy.world, u32::MAX);
                play(&mut copy.world, side, usize::MAX);
                let given: Vec<_> = (copy.world.resource::<PendingOrders>().0.iter())
                    .map(|o| (o.action.clone(), o.place.clone(), o.unit.clone()))
                    .collect();
                assert_eq!(given, expected, "seed {seed}, turn {}", world.resource::<sim::Clock>().turn);
                compared += given.len();
            }
        });
        assert!(compared > 100, "only {compared} orders compared");
    }

    #[test]
    fn the_orders_left_unlisted_could_never_be_worth_giving() {
        let mut unlisted = 0;
        before_each_turn(&[1, 2, 3], |world, seed| {
            let view = View::of(world);
            for (side, tuning) in Side::ALL.into_iter().flat_map(|s| [(s, Tuning::EASY), (s, Tuning::SHARP)]) {
                let every = allowed_orders(&view, side, view.sc.side_actions(side));
                let mut listed = orders_but_moves_at_a_loss(&view, side, &tuning);
                let stakes = Stakes::of(&view, side, &listed);
                add_moves_where_threatened(&view, side, &stakes, &tuning, &mut listed);
                assert!(listed.iter().all(|c| every.contains(c)), "seed {seed}: an order listed that is not allowed");
                let gains = Gains::of_each(&view, side, &every, &stakes, &tuning);
                for (checked, gains) in every.iter().zip(gains) {
                    if !listed.contains(checked) {
                        let action = &view.sc.file.actions[checked.action].id;
                        assert!(
                            gains.most() + NOISE <= 0.0,
                            "seed {seed}: {action} left out, worth up to {}",
                            gains.most()
                        );
                        unlisted += 1;
                    }
                }
            }
        });
        // Moves are left out by the thousand. (In these games, each side's
        // threatened place is one it holds, so none is listed.)
        assert!(unlisted > 1000, "only {unlisted} orders left unlisted");
    }

    #[test]
    fn moves_at_a_loss_are_listed_where_they_end_at_a_threat_and_only_there() {
        let game = Game::new(crate::testing::historical(), 1, HEURISTIC);
        let view = View::of(&game.world);
        let side = Side::Government;
        let deploy = view.sc.action("gov_deploy").expect("the scenario moves the Government's troops");
        assert!(only_moves_at_a_loss(&view.sc.file.actions[deploy], &Tuning::EASY));
        let every = allowed_orders(&view, side, &[deploy]);
        let place = every.first().and_then(|c| c.ctx.place).expect("troops the Government may move");
        let threat = |place: usize| Stakes {
            threats: vec![super::super::stakes::Strike { place, chance: 0.5, power: 1000 }],
            targets: Vec::new(),
        };
        let mut listed = Vec::new();
        add_moves_where_threatened(&view, side, &threat(place), &Tuning::EASY, &mut listed);
        let deploys: Vec<_> = listed.iter().filter(|c| c.action == deploy).collect();
        assert!(!deploys.is_empty() && deploys.iter().all(|c| c.ctx.place == Some(place) && every.contains(c)));
        // A threat at a place the side holds: no unit is sent there, so none is listed.
        let held = (0..view.sc.file.map.places.len()).find(|p| view.holder(*p) == Some(side)).expect("a place held");
        let mut listed = Vec::new();
        add_moves_where_threatened(&view, side, &threat(held), &Tuning::EASY, &mut listed);
        assert!(listed.iter().all(|c| c.action != deploy), "{listed:?}");
        // No threat at all: nothing.
        let mut listed = Vec::new();
        add_moves_where_threatened(&view, side, &Stakes::default(), &Tuning::EASY, &mut listed);
        assert!(listed.is_empty());
    }
}
