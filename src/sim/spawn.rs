//! Building the simulation from a scenario: place and unit entities, and the
//! resources, in a bare `World` or in an `App`.

use super::log::SimLog;
use super::order::{OrdersGiven, PendingOrders, UndoneOrders};
use super::state::*;
use super::turn::{arrivals, turn_schedule};
use crate::scenario::*;
use bevy::prelude::*;
use std::sync::Arc;

/// Puts a scenario into a world: entities, resources and the turn schedule.
pub fn populate(world: &mut World, scenario: Arc<Scenario>, seed: u64) {
    let file = &scenario.file;
    let places = file
        .map
        .places
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut e = world.spawn((PlaceIndex(i), Holder(p.holder), Lines { cut: false }));
            if p.kind == PlaceKind::Bridge {
                e.insert(Bridge { raised: p.raised });
            }
            e.id()
        })
        .collect();
    let units = file
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let status = match &u.arrives {
                Some(a) => UnitStatus::Expected(a.at),
                None => UnitStatus::OnMap,
            };
            let location = scenario.place(&u.location).expect("validated");
            let state = (Loyalty(u.loyalty), Strength(u.strength), Ready(u.readiness), Location(location), status);
            world.spawn((UnitIndex(i), state)).id()
        })
        .collect();
    world.insert_resource(Registry { places, units });
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
    let readers = Readers::new(world);
    world.insert_resource(readers);
    world.add_schedule(turn_schedule());
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
