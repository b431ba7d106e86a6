//! What is at stake for a side this turn: the places where the other side
//! could win outright (threats, such as an arrest of the side's leaders) and
//! the places where this side could (targets, such as the ministers' refuge).
//! The heuristic uses them to guard a threatened place and to wear down the
//! defenders of a target before it strikes, instead of only weighing each
//! order's own effects.

use super::listing::allowed_orders;
use crate::scenario::Side;
use crate::sim::facts::View;
use crate::sim::orders::{self, Checked};

/// Worth of winning the game, in the heuristic's units.
pub const WIN_WORTH: f32 = 200.0;

/// A winning order one side could give at a place: its best chance there, and the
/// power of the strongest unit it could send.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Strike {
    pub place: usize,
    pub chance: f32,
    pub power: u32,
}

/// The threats and targets of one side.
#[derive(Clone, Debug, Default)]
pub struct Stakes {
    /// Where the other side could win outright.
    pub threats: Vec<Strike>,
    /// Where this side could.
    pub targets: Vec<Strike>,
}

impl Stakes {
    /// Reads the stakes for `side`; `own` holds the orders the side may give now.
    pub fn of(view: &View, side: Side, own: &[Checked]) -> Stakes {
        let opponent = side.opponent();
        let theirs = allowed_orders(view, opponent, view.sc.winning_actions(opponent));
        Stakes { threats: strikes_of(view, opponent, &theirs), targets: strikes_of(view, side, own) }
    }

    /// The stakes for `side`, from each side's strikes (by [`Side::index`], see [`strikes_of`]).
    pub fn from_strikes(side: Side, mut strikes: [Vec<Strike>; 2]) -> Stakes {
        let targets = std::mem::take(&mut strikes[side.index()]);
        Stakes { threats: std::mem::take(&mut strikes[side.opponent().index()]), targets }
    }

    /// The other side's stakes: one side's threats are the other's targets.
    pub fn for_the_other_side(self) -> Stakes {
        Stakes { threats: self.targets, targets: self.threats }
    }

    /// How much the other side could win at `place`, and the power it would strike with:
    /// its best chance there, plus a floor for a threat that exists but cannot succeed yet
    /// (it may, a turn later).
    pub fn threat_at(&self, place: usize) -> Option<(f32, u32)> {
        self.threats.iter().find(|s| s.place == place).map(|s| (0.15 + s.chance, s.power))
    }

    /// The power this side would strike `place` with, if it is a target.
    pub fn target_at(&self, place: usize) -> Option<u32> {
        self.targets.iter().find(|s| s.place == place).map(|s| s.power)
    }
}

/// The side's winning orders among `orders` (which may hold others), grouped
/// by the place they aim at: its targets, and the other side's threats.
pub fn strikes_of(view: &View, side: Side, orders: &[Checked]) -> Vec<Strike> {
    let wins = view.sc.winning_actions(side);
    strikes(view, orders.iter().filter(|c| wins.contains(&c.action)))
}

/// The winning orders grouped by the place they aim at, in order of first mention.
fn strikes<'a>(view: &View, orders: impl Iterator<Item = &'a Checked>) -> Vec<Strike> {
    let mut out: Vec<Strike> = Vec::new();
    for checked in orders {
        let Some(place) = checked.ctx.place else { continue };
        let chance = orders::chance_in(view, checked);
        let power = checked.ctx.unit.map(|u| view.power(u)).unwrap_or(0);
        match out.iter_mut().find(|s| s.place == place) {
            Some(s) => {
                s.chance = s.chance.max(chance);
                s.power = s.power.max(power);
            }
            None => out.push(Strike { place, chance, power }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing;

    #[test]
    fn the_historical_scenario_has_one_winning_action_per_side() {
        let sc = testing::historical();
        let name = |a: usize| sc.file.actions[a].id.clone();
        assert_eq!(sc.winning_actions(Side::Mrc).iter().map(|a| name(*a)).collect::<Vec<_>>(), ["storm"]);
        assert_eq!(sc.winning_actions(Side::Government).iter().map(|a| name(*a)).collect::<Vec<_>>(), ["arrest_mrc"]);
    }
}
