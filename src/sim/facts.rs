//! Reading the world: who holds what, where units are, committed forces,
//! routes over open links, and whether a condition holds. Plain functions over
//! `&World`, so they can be tested without an `App`.

use super::state::*;
use crate::scenario::*;
use bevy::prelude::*;
use std::collections::VecDeque;

/// The order being checked or resolved, for the stand-ins "@place" and "@unit".
#[derive(Clone, Copy, Debug, Default)]
pub struct Ctx {
    pub faction: Option<Side>,
    pub place: Option<usize>,
    pub unit: Option<usize>,
}

/// The scenario behind the world.
pub fn scenario(world: &World) -> &Scenario {
    &world.resource::<ScenarioRes>().0
}

fn place_entity(world: &World, place: usize) -> Entity {
    world.resource::<Registry>().places[place]
}

fn unit_entity(world: &World, unit: usize) -> Entity {
    world.resource::<Registry>().units[unit]
}

/// Resolves a place reference ("@place" or an id).
pub fn place_ref(world: &World, ctx: &Ctx, id: &str) -> Option<usize> {
    if id == crate::scenario::schema_stand_ins::PLACE { ctx.place } else { scenario(world).place(id) }
}

/// Resolves a unit reference ("@unit" or an id).
pub fn unit_ref(world: &World, ctx: &Ctx, id: &str) -> Option<usize> {
    if id == crate::scenario::schema_stand_ins::UNIT { ctx.unit } else { scenario(world).unit(id) }
}

/// Who holds the place.
pub fn holder(world: &World, place: usize) -> Option<Side> {
    world.get::<Holder>(place_entity(world, place)).map(|h| h.0).unwrap_or(None)
}

/// Whether the bridge is raised (false for places that are not bridges).
pub fn raised(world: &World, place: usize) -> bool {
    world.get::<Bridge>(place_entity(world, place)).map(|b| b.raised).unwrap_or(false)
}

/// Whether the place's lines are cut.
pub fn lines_cut(world: &World, place: usize) -> bool {
    world.get::<Lines>(place_entity(world, place)).map(|l| l.cut).unwrap_or(false)
}

/// A unit's loyalty.
pub fn loyalty(world: &World, unit: usize) -> i32 {
    world.get::<Loyalty>(unit_entity(world, unit)).map(|l| l.0).unwrap_or(0)
}

/// A unit's strength in men.
pub fn strength(world: &World, unit: usize) -> u32 {
    world.get::<Strength>(unit_entity(world, unit)).map(|s| s.0).unwrap_or(0)
}

/// A unit's place.
pub fn location(world: &World, unit: usize) -> usize {
    world.get::<Location>(unit_entity(world, unit)).map(|l| l.0).unwrap_or(0)
}

/// A unit's status.
pub fn status(world: &World, unit: usize) -> UnitStatus {
    *world.get::<UnitStatus>(unit_entity(world, unit)).expect("every unit has a status")
}

/// Whether a unit is on the map (not expected, withdrawn or arrested).
pub fn on_map(world: &World, unit: usize) -> bool {
    status(world, unit) == UnitStatus::OnMap
}

/// Whether a unit is active.
pub fn active(world: &World, unit: usize) -> bool {
    world.get::<Ready>(unit_entity(world, unit)).map(|r| r.0 == Readiness::Active).unwrap_or(false)
}

/// Whether the unit would fight for the side.
pub fn committed(world: &World, unit: usize, side: Side) -> bool {
    loyalty(world, unit) * side.sign() >= scenario(world).file.rules.commitment
}

/// The side a unit leans to, if it is committed to one.
pub fn leaning(world: &World, unit: usize) -> Option<Side> {
    Side::ALL.into_iter().find(|s| committed(world, unit, *s))
}

/// Units on the map at a place, in scenario order.
pub fn units_at(world: &World, place: usize) -> Vec<usize> {
    let here = |e: Entity| {
        world.get::<UnitStatus>(e) == Some(&UnitStatus::OnMap) && world.get::<Location>(e).is_some_and(|l| l.0 == place)
    };
    world.resource::<Registry>().units.iter().enumerate().filter(|(_, e)| here(**e)).map(|(u, _)| u).collect()
}

/// Fighting power of a unit: men × quality.
pub fn power(world: &World, unit: usize) -> u32 {
    strength(world, unit) * scenario(world).file.units[unit].quality
}

/// Active, committed men of a side at a place, and their power.
pub fn force(world: &World, side: Side, place: usize) -> (u32, u32) {
    units_at(world, place)
        .into_iter()
        .filter(|u| active(world, *u) && committed(world, *u, side))
        .fold((0, 0), |(men, pow), u| (men + strength(world, u), pow + power(world, u)))
}

/// The balance of force between two powers, as the chance rules read it:
/// from −1 (all the other side's) to 1 (all one's own), 0 when nobody is there.
pub fn balance(own: u32, other: u32) -> f32 {
    if own + other == 0 { 0.0 } else { (own as f32 - other as f32) / (own + other) as f32 }
}

/// Hops from `from` to every place over open links, for a mover of `side`,
/// within `max_hops` (`u32::MAX` where it cannot go). A mover may not pass
/// through a raised bridge or one the other side holds, though it may enter it;
/// a unit standing on a bridge may leave it by either end.
pub fn hops_from(world: &World, from: usize, side: Option<Side>, max_hops: u32) -> Vec<u32> {
    search(world, from, side, max_hops, None)
}

/// Hops from `from` to `to` over the same routes as [`hops_from`], if within `max_hops`.
pub fn route_hops(world: &World, from: usize, to: usize, side: Option<Side>, max_hops: u32) -> Option<u32> {
    let d = search(world, from, side, max_hops, Some(to))[to];
    (d != u32::MAX).then_some(d)
}

/// Breadth-first search over open links, stopping early once `target` is reached.
fn search(world: &World, from: usize, side: Option<Side>, max_hops: u32, target: Option<usize>) -> Vec<u32> {
    let sc = scenario(world);
    let blocked = |p: usize| {
        sc.file.map.places[p].kind == PlaceKind::Bridge
            && (raised(world, p) || matches!((holder(world, p), side), (Some(h), Some(s)) if h != s))
    };
    let mut dist = vec![u32::MAX; sc.file.map.places.len()];
    let mut queue = VecDeque::from([from]);
    dist[from] = 0;
    while let Some(p) = queue.pop_front() {
        if Some(p) == target {
            break;
        }
        if dist[p] >= max_hops || (p != from && blocked(p)) {
            continue;
        }
        for &n in &sc.neighbours[p] {
            if dist[n] == u32::MAX {
                dist[n] = dist[p] + 1;
                queue.push_back(n);
            }
        }
    }
    dist
}

/// Who holds each place, by place index: one pass over the places.
pub fn holders(world: &World) -> Vec<Option<Side>> {
    world.resource::<Registry>().places.iter().map(|e| world.get::<Holder>(*e).and_then(|h| h.0)).collect()
}

/// Total place value held by each side.
pub fn held_values(world: &World) -> PerSide {
    let sc = scenario(world);
    let mut values = PerSide::default();
    for (p, h) in holders(world).into_iter().enumerate() {
        if let Some(side) = h {
            *values.get_mut(side) += sc.file.map.places[p].value;
        }
    }
    values
}

/// Whether a condition holds.
pub fn holds(world: &World, ctx: &Ctx, c: &Condition) -> bool {
    failing(world, ctx, c).is_none()
}

/// The first predicate that keeps a condition from holding, or `None` when it holds.
/// For `Not` and `Any`, the whole sub-condition is returned.
pub fn failing<'c>(world: &World, ctx: &Ctx, c: &'c Condition) -> Option<&'c Condition> {
    let ok = |b: bool| if b { None } else { Some(c) };
    let place = |id: &str| place_ref(world, ctx, id);
    let unit = |id: &str| unit_ref(world, ctx, id);
    match c {
        Condition::Always => None,
        Condition::Never => Some(c),
        Condition::All(list) => list.iter().find_map(|x| failing(world, ctx, x)),
        Condition::Any(list) => ok(list.iter().any(|x| holds(world, ctx, x))),
        Condition::Not(x) => ok(!holds(world, ctx, x)),
        Condition::Holds(side, p) => ok(place(p).is_some_and(|p| holder(world, p) == Some(*side))),
        Condition::Loyalty(u, cmp, v) => ok(unit(u).is_some_and(|u| compare(loyalty(world, u), *cmp, *v))),
        Condition::Flag(f) => ok(world.resource::<Flags>().0.contains(f)),
        Condition::After(t) => ok(world.resource::<Clock>().now >= *t),
        Condition::Before(t) => ok(world.resource::<Clock>().now < *t),
        Condition::UnitAt(u, p) => ok(match (unit(u), place(p)) {
            (Some(u), Some(p)) => on_map(world, u) && location(world, u) == p,
            _ => false,
        }),
        Condition::Present(u) => ok(unit(u).is_some_and(|u| on_map(world, u))),
        Condition::Active(u) => ok(unit(u).is_some_and(|u| on_map(world, u) && active(world, u))),
        Condition::Raised(p) => ok(place(p).is_some_and(|p| raised(world, p))),
        Condition::LinesCut(p) => ok(place(p).is_some_and(|p| lines_cut(world, p))),
        Condition::Force(side, p, cmp, men) => {
            ok(place(p).is_some_and(|p| compare(force(world, *side, p).0 as i32, *cmp, *men as i32)))
        }
        Condition::CanReach(u, p) => ok(match (unit(u), place(p)) {
            (Some(u), Some(p)) => {
                let side = ctx.faction.or_else(|| leaning(world, u));
                let hops = scenario(world).file.rules.max_move_hops;
                on_map(world, u) && route_hops(world, location(world, u), p, side, hops).is_some()
            }
            _ => false,
        }),
        Condition::Near(a, b) => ok(match (place(a), place(b)) {
            (Some(a), Some(b)) => a == b || scenario(world).neighbours[a].binary_search(&b).is_ok(),
            _ => false,
        }),
    }
}

fn compare(value: i32, cmp: Cmp, against: i32) -> bool {
    match cmp {
        Cmp::AtLeast => value >= against,
        Cmp::AtMost => value <= against,
    }
}

#[cfg(test)]
mod tests {
    use super::balance;

    #[test]
    fn balance_runs_from_minus_one_to_one() {
        assert_eq!(balance(0, 0), 0.0);
        assert_eq!(balance(10, 0), 1.0);
        assert_eq!(balance(0, 10), -1.0);
        assert!((balance(30, 10) - 0.5).abs() < 1e-6);
    }
}
