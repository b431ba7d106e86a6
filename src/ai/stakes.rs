//! What is at stake for a side this turn: the places where the other side
//! could win outright (threats, such as an arrest of the side's leaders) and
//! the places where this side could (targets, such as the ministers' refuge).
//! The heuristic uses them to guard a threatened place and to wear down the
//! defenders of a target before it strikes, instead of only weighing each
//! order's own effects.

use crate::scenario::{Effect, Scenario, Side};
use crate::sim::facts;
use crate::sim::orders;
use bevy::prelude::World;

/// Worth of winning the game, in the heuristic's units.
pub const WIN_WORTH: f32 = 200.0;

/// The threats and targets of one side.
#[derive(Clone, Debug, Default)]
pub struct Stakes {
    /// Places where the other side has a winning order it may give, with its best chance
    /// there and the power of the strongest unit it could send.
    pub threats: Vec<(usize, f32, u32)>,
    /// Places where this side has a winning order it may give, with the power of the strongest
    /// unit that could carry it out.
    pub targets: Vec<(usize, u32)>,
}

/// The actions of `side` whose success wins the game for it.
pub fn winning_actions(sc: &Scenario, side: Side) -> Vec<usize> {
    let wins = |flag: &str| sc.file.victory.conditions.iter().any(|v| v.winner == side && v.when.mentions_flag(flag));
    (0..sc.file.actions.len())
        .filter(|a| sc.file.actions[*a].faction == side)
        .filter(|a| sc.file.actions[*a].on_success.iter().any(|e| matches!(e, Effect::SetFlag(f) if wins(f))))
        .collect()
}

impl Stakes {
    /// Reads the stakes for `side` from the world.
    pub fn of(world: &World, side: Side) -> Stakes {
        let sc = facts::scenario(world);
        let mut stakes = Stakes::default();
        for (_, checked) in
            super::heuristic::allowed_orders(world, side.opponent(), &winning_actions(sc, side.opponent()))
        {
            let Some(p) = checked.ctx.place else { continue };
            let chance = orders::chance(world, &checked);
            let power = checked.ctx.unit.map(|u| facts::power(world, u)).unwrap_or(0);
            match stakes.threats.iter_mut().find(|(q, _, _)| *q == p) {
                Some((_, best, striker)) => {
                    *best = best.max(chance);
                    *striker = (*striker).max(power);
                }
                None => stakes.threats.push((p, chance, power)),
            }
        }
        for (_, checked) in super::heuristic::allowed_orders(world, side, &winning_actions(sc, side)) {
            let Some(p) = checked.ctx.place else { continue };
            let power = checked.ctx.unit.map(|u| facts::power(world, u)).unwrap_or(0);
            match stakes.targets.iter_mut().find(|(q, _)| *q == p) {
                Some((_, best)) => *best = (*best).max(power),
                None => stakes.targets.push((p, power)),
            }
        }
        stakes
    }

    /// How much the other side could win at `place`, and the power it would strike with:
    /// its best chance there, plus a floor for a threat that exists but cannot succeed yet
    /// (it may, a turn later).
    pub fn threat_at(&self, place: usize) -> Option<(f32, u32)> {
        self.threats.iter().find(|(p, _, _)| *p == place).map(|(_, c, striker)| (0.15 + c, *striker))
    }

    /// The power this side would strike `place` with, if it is a target.
    pub fn target_at(&self, place: usize) -> Option<u32> {
        self.targets.iter().find(|(p, _)| *p == place).map(|(_, power)| *power)
    }
}

/// The balance of force at a place as the chance rules see it: from −1 (all theirs) to 1 (all ours).
pub fn balance(own: u32, other: u32) -> f32 {
    if own + other == 0 { 0.0 } else { (own as f32 - other as f32) / (own + other) as f32 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing;

    #[test]
    fn the_historical_scenario_has_one_winning_action_per_side() {
        let sc = testing::historical();
        let name = |a: usize| sc.file.actions[a].id.clone();
        assert_eq!(winning_actions(&sc, Side::Mrc).into_iter().map(name).collect::<Vec<_>>(), ["storm"]);
        assert_eq!(winning_actions(&sc, Side::Government).into_iter().map(name).collect::<Vec<_>>(), ["arrest_mrc"]);
    }

    #[test]
    fn balance_runs_from_minus_one_to_one() {
        assert_eq!(balance(0, 0), 0.0);
        assert_eq!(balance(10, 0), 1.0);
        assert_eq!(balance(0, 10), -1.0);
        assert!((balance(30, 10) - 0.5).abs() < 1e-6);
    }
}
