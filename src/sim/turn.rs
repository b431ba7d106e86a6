//! The turn: a schedule run on demand, not every frame. Its steps run in a
//! fixed order on one thread: orders, timed events, conditional events,
//! loyalty drift, victory, then the clock moves on, arrivals come in and
//! command is paid for the next turn.

use super::effects::{self, record};
use super::log::Happening;
use super::lookup::Lookup;
use super::order::{OrdersGiven, PendingOrders, TurnOrders, UndoneOrders};
use super::state::*;
use super::{events, facts, loyalty, orders, victory};
use crate::scenario::*;
use bevy::ecs::schedule::{ScheduleLabel, SingleThreadedExecutor};
use bevy::prelude::*;

/// The schedule that resolves one turn.
#[derive(ScheduleLabel, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Turn;

/// One step of the turn.
type Step = fn(&mut World);

/// The turn's steps, in order, each with whether it may end the game.
const STEPS: [(Step, bool); 9] = [
    (resolve_orders, false),
    (events::fire_timed, false),
    (events::fire_conditional, false),
    (loyalty::apply_drift, false),
    (victory::check_conditions, true),
    (advance_clock, false),
    (arrivals, false),
    (pay_command, false),
    (victory::check_clock, true),
];

/// Builds the turn schedule: one system that takes the steps in order.
pub fn turn_schedule() -> Schedule {
    let mut schedule = Schedule::new(Turn);
    // The state is small: one thread is faster than many here (see SETUP.md).
    schedule.set_executor(SingleThreadedExecutor::new());
    schedule.add_systems(take_steps);
    schedule
}

/// Takes the turn's steps in order. Once the game is over, the rest of the
/// turn does not happen. (One system calling plain functions: nine systems,
/// each with its own run condition, cost the scheduler more than most steps.)
pub fn take_steps(world: &mut World) {
    if super::is_over(world) {
        return;
    }
    for (step, may_end_the_game) in STEPS {
        step(world);
        if may_end_the_game && super::is_over(world) {
            return;
        }
    }
}

/// Resolves the pending orders, the Government's and the MRC's in turn.
pub fn resolve_orders(world: &mut World) {
    let pending = std::mem::take(&mut world.res_mut::<PendingOrders>().0);
    let rng_word = world.res::<SimRng>().word();
    let sc = world.res::<ScenarioRes>().0.clone();
    for i in taking_turns(&pending) {
        let order = &pending[i];
        // Where the order is told, found only when it is: most orders are
        // told by their outcome, which finds its own targets.
        let place = || order.place.as_deref().and_then(|p| sc.place(p));
        let unit = || order.unit.as_deref().and_then(|u| sc.unit(u));
        if let Some(reason) = order.reason.clone() {
            record(world, Some(order.faction), place(), unit(), Happening::Intent(reason), vec![]);
        }
        match orders::check_with_chance(world, order) {
            Ok((checked, chance)) => {
                if orders::resolve_at(world, &checked, chance) {
                    events::after_action(world, checked.action);
                }
            }
            Err(refusal) => {
                let action = sc.action(&order.action);
                record(
                    world,
                    Some(order.faction),
                    place(),
                    unit(),
                    Happening::OrderRefused { action, reason: refusal.0 },
                    vec![],
                );
            }
        }
    }
    world.res_mut::<OrdersGiven>().0.push(TurnOrders { orders: pending, rng_word });
    world.res_mut::<UndoneOrders>().0.clear();
}

/// The order in which queued orders are resolved, as indices: the
/// Government's first, then each side's in turn, each side's in the order
/// given; when one side has none left, the other's follow.
fn taking_turns(pending: &[super::Order]) -> Vec<usize> {
    let of = |side: Side| (0..pending.len()).filter(move |i| pending[*i].faction == side);
    let (mut gov, mut mrc) = (of(Side::Government), of(Side::Mrc));
    let mut sequence = Vec::with_capacity(pending.len());
    let mut side = Side::Government;
    loop {
        let next = match side {
            Side::Government => gov.next().or_else(|| mrc.next()),
            Side::Mrc => mrc.next().or_else(|| gov.next()),
        };
        side = side.opponent();
        match next {
            Some(i) => sequence.push(i),
            None => return sequence,
        }
    }
}

/// Moves the clock to the next turn.
pub fn advance_clock(world: &mut World) {
    let minutes = world.res::<ScenarioRes>().0.turn_minutes();
    let mut clock = world.res_mut::<Clock>();
    clock.turn += 1;
    clock.now = clock.now.plus_minutes(minutes);
}

/// Brings in the units due this turn, unless the other side holds the station they come through.
pub fn arrivals(world: &mut World) {
    let sc = world.res::<ScenarioRes>().0.clone();
    let now = world.res::<Clock>().now;
    let end = now.plus_minutes(sc.turn_minutes());
    let due: Vec<(usize, crate::time::GameTime)> = {
        let view = facts::View::of(world);
        (0..sc.file.units.len())
            .filter_map(|u| match view.status(u) {
                UnitStatus::Expected(at) if at < end => Some((u, at)),
                _ => None,
            })
            .collect()
    };
    for (u, at) in due {
        let spec = &sc.file.units[u];
        let station = spec.arrives.as_ref().and_then(|a| a.via.as_deref()).and_then(|v| sc.place(v));
        let side = facts::leaning(world, u);
        if let (Some(station), Some(side)) = (station, side) {
            if facts::holder(world, station) == Some(side.opponent()) {
                effects::set_status(world, u, UnitStatus::Expected(at.plus_minutes(60)));
                record(world, Some(side), Some(station), Some(u), Happening::HeldUp { station }, vec![]);
                continue;
            }
        }
        effects::bring_in(world, u, side);
    }
}

/// Command and funds for the new turn: the base command, plus what held
/// places give, less the cost of cut lines at the headquarters.
pub fn income(world: &World, side: Side) -> (i32, i32) {
    incomes_in(&facts::View::of(world))[side.index()]
}

/// [`income`] of each side (by [`Side::index`]), read from a view in one pass over the places.
fn incomes_in(view: &facts::View) -> [(i32, i32); 2] {
    let sc = view.sc;
    let mut incomes = Side::ALL.map(|side| (sc.faction(side).base_command, 0));
    for (p, place) in sc.file.map.places.iter().enumerate() {
        if let Some(side) = view.holder(p) {
            let (command, funds) = &mut incomes[side.index()];
            *command += place.gives.command;
            *funds += place.gives.money;
        }
    }
    for side in Side::ALL {
        let command = &mut incomes[side.index()].0;
        if sc.headquarters(side).is_some_and(|hq| view.lines_cut(hq)) {
            *command -= sc.faction(side).lines_cut_penalty;
        }
        *command = (*command).max(0);
    }
    incomes
}

/// Pays each side its command and funds for the new turn.
pub fn pay_command(world: &mut World) {
    let max = world.res::<ScenarioRes>().0.file.rules.max_command;
    let incomes = {
        let view = facts::View::of(world);
        incomes_in(&view)
    };
    for (side, (income, funds)) in Side::ALL.into_iter().zip(incomes) {
        let mut c = world.res_mut::<CommandPoints>();
        let v = c.get_mut(side);
        *v = (*v + income).min(max);
        *world.res_mut::<Funds>().get_mut(side) += funds;
    }
}
