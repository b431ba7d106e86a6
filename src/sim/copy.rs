//! Copying the state of a game into another world of the same scenario, for
//! code that tries futures without touching the real game (the planning AI).
//! The copy plays on exactly as the original would, given the same RNG.

use super::log::SimLog;
use super::lookup::Lookup;
use super::order::{OrdersGiven, PendingOrders, UndoneOrders};
use super::state::*;
use bevy::prelude::*;

/// Copies everything that decides how `from` plays on into `to`, a world
/// populated with the same scenario. Of the chronicle only the entries of the
/// last `log_turns` turns are copied (the AIs look back no further), and the
/// record of past orders is left out.
pub fn copy_state(from: &World, to: &mut World, log_turns: u32) {
    let from_registry = from.res::<Registry>();
    let to_registry = to.res::<Registry>().clone();
    for (p, e) in from_registry.places.iter().enumerate() {
        let holder = *from.get::<Holder>(*e).expect("a place");
        let lines = *from.get::<Lines>(*e).expect("a place");
        let bridge = from.get::<Bridge>(*e).copied();
        let mut target = to.entity_mut(to_registry.places[p]);
        target.insert((holder, lines));
        if let Some(b) = bridge {
            target.insert(b);
        }
    }
    for (u, e) in from_registry.units.iter().enumerate() {
        let status = *from.get::<UnitStatus>(*e).expect("a unit");
        let location = *from.get::<Location>(*e).expect("a unit");
        let ready = *from.get::<Ready>(*e).expect("a unit");
        let loyalty = *from.get::<Loyalty>(*e).expect("a unit");
        let strength = *from.get::<Strength>(*e).expect("a unit");
        to.entity_mut(to_registry.units[u]).insert((status, location, ready, loyalty, strength));
    }
    super::facts::forget_tables(to);
    let clock = *from.res::<Clock>();
    to.insert_resource(clock);
    to.insert_resource(from.res::<SimRng>().duplicate());
    to.insert_resource(*from.res::<CommandPoints>());
    to.insert_resource(*from.res::<Funds>());
    to.insert_resource(from.res::<Flags>().clone());
    to.insert_resource(from.res::<EventsFired>().clone());
    to.insert_resource(from.res::<GameOver>().clone());
    to.insert_resource(from.res::<PendingOrders>().clone());
    to.insert_resource(UndoneOrders::default());
    to.insert_resource(from.res::<super::routes::RouteCache>().duplicate());
    to.insert_resource(OrdersGiven::default());
    let log = from.res::<SimLog>().events();
    let recent = log.iter().position(|e| e.turn.saturating_add(log_turns) >= clock.turn).unwrap_or(log.len());
    to.insert_resource(SimLog::new(log[recent..].to_vec()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{Game, Players};

    #[test]
    fn a_copy_plays_on_exactly_as_the_original() {
        let sc = crate::testing::historical();
        let free = Players { mrc: crate::ai::Policy::Heuristic, government: crate::ai::Policy::Heuristic };
        let mut original = Game::new(sc.clone(), 4, free);
        for _ in 0..20 {
            original.step();
        }
        let mut copy = Game::new(sc.clone(), 99, free);
        copy_state(&original.world, &mut copy.world, u32::MAX);
        let before = original.log().len();
        for _ in 0..15 {
            original.step();
            copy.step();
        }
        assert_eq!(&original.log()[before..], &copy.log()[before..]);
        assert_eq!(original.outcome(), copy.outcome());
    }
}
