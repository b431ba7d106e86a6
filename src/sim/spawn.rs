//! Building the simulation from a scenario: place and unit entities, and the
//! resources, in a bare `World` or in an `App`.

use super::log::SimLog;
use super::lookup::Lookup;
use super::order::{OrdersGiven, PendingOrders, UndoneOrders};
use super::state::*;
use super::turn::{arrivals, turn_schedule};
use crate::scenario::*;
use bevy::prelude::*;
use std::sync::Arc;

/// Puts a scenario into a world: entities, resources and the turn schedule.
pub fn populate(world: &mut World, scenario: Arc<Scenario>, seed: u64) {
    let places = (0..scenario.file.map.places.len())
        .map(|p| {
            let (holder, lines, bridge) = place_start(&scenario, p);
            let mut e = world.spawn((PlaceIndex(p), holder, lines));
            if let Some(bridge) = bridge {
                e.insert(bridge);
            }
            e.id()
        })
        .collect();
    let units =
        (0..scenario.file.units.len()).map(|u| world.spawn((UnitIndex(u), unit_start(&scenario, u))).id()).collect();
    world.insert_resource(Registry { places, units });
    start_resources(world, scenario, seed);
    let readers = Readers::new(world);
    world.insert_resource(readers);
    world.add_schedule(turn_schedule());
    begin(world);
}

/// Sets a world that holds a game back to the start of a new game of the
/// same scenario, with `seed`: the same game as a world populated afresh,
/// but its entities, queries and schedule are kept and their state written
/// over, which costs far less than building a world. A batch plays its games
/// one after another this way. Resources the game does not make are left as they are.
pub fn restart(world: &mut World, seed: u64) {
    let scenario = world.res::<ScenarioRes>().0.clone();
    let registry = world.res::<Registry>().clone();
    for (p, e) in registry.places.iter().enumerate() {
        let (holder, lines, bridge) = place_start(&scenario, p);
        let mut place = world.entity_mut(*e);
        *place.get_mut::<Holder>().expect("a place") = holder;
        *place.get_mut::<Lines>().expect("a place") = lines;
        if let Some(bridge) = bridge {
            *place.get_mut::<Bridge>().expect("a bridge") = bridge;
        }
    }
    for (u, e) in registry.units.iter().enumerate() {
        let (status, location, ready, loyalty, strength) = unit_start(&scenario, u);
        let mut unit = world.entity_mut(*e);
        *unit.get_mut::<UnitStatus>().expect("a unit") = status;
        *unit.get_mut::<Location>().expect("a unit") = location;
        *unit.get_mut::<Ready>().expect("a unit") = ready;
        *unit.get_mut::<Loyalty>().expect("a unit") = loyalty;
        *unit.get_mut::<Strength>().expect("a unit") = strength;
    }
    // The log keeps the room it grew to: the next game writes about as much.
    let log = world.remove_resource::<SimLog>().map(SimLog::emptied);
    start_resources(world, scenario, seed);
    if let Some(log) = log {
        world.insert_resource(log);
    }
    begin(world);
}

/// A place's state at the start: its holder, its lines, and, for a bridge, whether it is raised.
fn place_start(scenario: &Scenario, p: usize) -> (Holder, Lines, Option<Bridge>) {
    let spec = &scenario.file.map.places[p];
    let bridge = (spec.kind == PlaceKind::Bridge).then_some(Bridge { raised: spec.raised });
    (Holder(spec.holder), Lines { cut: false }, bridge)
}

/// A unit's state at the start.
fn unit_start(scenario: &Scenario, u: usize) -> (UnitStatus, Location, Ready, Loyalty, Strength) {
    let spec = &scenario.file.units[u];
    let status = match &spec.arrives {
        Some(a) => UnitStatus::Expected(a.at),
        None => UnitStatus::OnMap,
    };
    let location = scenario.place(&spec.location).expect("validated");
    (status, Location(location), Ready(spec.readiness), Loyalty(spec.loyalty), Strength(spec.strength))
}

/// The game's resources as they start, each put in or written over.
fn start_resources(world: &mut World, scenario: Arc<Scenario>, seed: u64) {
    let file = &scenario.file;
    world.insert_resource(Clock { turn: 1, now: file.clock.start, moment: None });
    world.insert_resource(SimRng::seeded(seed));
    let max = file.rules.max_command;
    world.insert_resource(CommandPoints(PerSide {
        mrc: scenario.faction(Side::Mrc).start_command.min(max),
        government: scenario.faction(Side::Government).start_command.min(max),
    }));
    world.insert_resource(Funds(PerSide {
        mrc: scenario.faction(Side::Mrc).start_funds,
        government: scenario.faction(Side::Government).start_funds,
    }));
    world.insert_resource(Flags::default());
    world.insert_resource(EventsFired(vec![false; file.events.len()]));
    world.insert_resource(GameOver::default());
    world.insert_resource(SimLog::default());
    world.insert_resource(PendingOrders::default());
    world.insert_resource(OrdersGiven::default());
    world.insert_resource(UndoneOrders::default());
    world.insert_resource(ScenarioRes(scenario));
    world.insert_resource(super::routes::RouteCache::default());
    world.insert_resource(super::facts::TableCache::default());
}

/// What happens as the game begins: the units due at the start arrive, and the start's events fire.
fn begin(world: &mut World) {
    arrivals(world);
    super::events::fire_at_start(world);
}

/// A world holding a fresh game of the scenario.
pub fn new_world(scenario: Arc<Scenario>, seed: u64) -> World {
    let mut world = World::new();
    populate(&mut world, scenario, seed);
    world
}

/// Adds the simulation of a scenario to an app. It works with `MinimalPlugins`:
/// nothing here draws or needs a window.
pub struct SimPlugin {
    pub scenario: Arc<Scenario>,
    pub seed: u64,
}

impl Plugin for SimPlugin {
    fn build(&self, app: &mut App) {
        populate(app.world_mut(), self.scenario.clone(), self.seed);
    }
}

#[cfg(test)]
mod tests {
    use crate::ai::Policy;
    use crate::game::{Game, Players};

    #[test]
    fn a_restarted_world_plays_the_same_game_as_a_new_one() {
        let sc = crate::testing::historical();
        let players = Players { mrc: Policy::Heuristic, government: Policy::Heuristic };
        let mut first = Game::new(sc.clone(), 5, players);
        first.run();
        let mut world = first.world;
        super::restart(&mut world, 9);
        let mut again = Game::in_world(world, 9, players);
        again.run();
        let mut fresh = Game::new(sc, 9, players);
        fresh.run();
        assert!(again.log().len() > 100, "a whole game was played");
        assert_eq!(again.log(), fresh.log());
        assert_eq!(again.outcome(), fresh.outcome());
    }
}
