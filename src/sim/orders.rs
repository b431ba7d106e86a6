//! Checking and resolving orders. `check` says whether an order may be given
//! now, with a reason a player can read when it may not; `resolve` pays for
//! it, rolls the one seeded RNG and applies the effects.

use super::effects::{self, record};
use super::facts::{self, Ctx, View};
use super::log::Happening;
use super::lookup::Lookup;
use super::order::Order;
use super::state::*;
use crate::scenario::target_set::TargetSet;
use crate::scenario::*;
use crate::tr;
use bevy::prelude::*;
use rand::RngExt;

/// Why an order was refused, in both languages.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal(pub LangText);

impl Refusal {
    /// A reason worded in each language by `words`.
    pub fn in_words(words: impl Fn(Lang) -> String) -> Self {
        Refusal(LangText::in_words(words))
    }
}

/// An order that passed its check: the action's index and its targets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Checked {
    pub action: usize,
    pub ctx: Ctx,
}

impl Checked {
    /// The order, written out with ids, for the side that may give it.
    pub fn order(&self, sc: &Scenario) -> Order {
        let mut order = Order::new(&sc.file.actions[self.action].id, sc.file.actions[self.action].faction);
        order.place = self.ctx.place.map(|p| sc.file.map.places[p].id.clone());
        order.unit = self.ctx.unit.map(|u| sc.file.units[u].id.clone());
        order
    }
}

/// Why a check failed, told in words only if someone asks (the AI checks
/// thousands of orders and reads none of the reasons).
enum Failure<'a> {
    GameOver,
    NoSuchAction(String),
    NotTheirs(Side),
    Command { cost: i32, have: i32 },
    Funds { cost: i32, have: i32 },
    NoPlaceChosen,
    NoSuchPlace(String),
    WrongPlace(usize),
    NoUnitChosen,
    NoSuchUnit(String),
    WrongUnit(usize),
    NotInTheCity(usize),
    Condition(Ctx, &'a Condition),
}

impl Failure<'_> {
    /// The reason, in words.
    fn told(self, world: &World) -> Refusal {
        let sc = facts::scenario(world);
        let place = |p: usize, lang: Lang| sc.file.map.places[p].name.get(lang).to_string();
        let unit = |u: usize, lang: Lang| sc.file.units[u].name.get(lang).to_string();
        match self {
            Failure::GameOver => Refusal::in_words(|lang| tr!(lang, "refused-game-over")),
            Failure::NoSuchAction(id) => {
                Refusal::in_words(|lang| tr!(lang, "refused-no-such-action", id = id.as_str()))
            }
            Failure::NotTheirs(side) => {
                Refusal::in_words(|lang| tr!(lang, "refused-not-theirs", side = sc.faction(side).name.get(lang)))
            }
            Failure::Command { cost, have } => {
                Refusal::in_words(|lang| tr!(lang, "refused-command", cost = cost, have = have))
            }
            Failure::Funds { cost, have } => {
                Refusal::in_words(|lang| tr!(lang, "refused-funds", cost = cost, have = have))
            }
            Failure::NoPlaceChosen => Refusal::in_words(|lang| tr!(lang, "refused-no-place-chosen")),
            Failure::NoSuchPlace(id) => Refusal::in_words(|lang| tr!(lang, "refused-no-such-place", id = id.as_str())),
            Failure::WrongPlace(p) => {
                Refusal::in_words(|lang| tr!(lang, "refused-wrong-place", place = place(p, lang)))
            }
            Failure::NoUnitChosen => Refusal::in_words(|lang| tr!(lang, "refused-no-unit-chosen")),
            Failure::NoSuchUnit(id) => Refusal::in_words(|lang| tr!(lang, "refused-no-such-unit", id = id.as_str())),
            Failure::WrongUnit(u) => Refusal::in_words(|lang| tr!(lang, "refused-wrong-unit", unit = unit(u, lang))),
            Failure::NotInTheCity(u) => {
                Refusal::in_words(|lang| tr!(lang, "refused-not-in-the-city", unit = unit(u, lang)))
            }
            Failure::Condition(ctx, c) => Refusal(super::describe::describe(world, &ctx, c)),
        }
    }
}

/// Whether the order may be given now, with the reason when it may not.
pub fn check(world: &World, order: &Order) -> Result<Checked, Refusal> {
    check_inner(&View::of(world), order).map_err(|f| f.told(world))
}

/// [`check`], and the chance of the order when it may be given, read from the
/// same view of the world: for resolving an order.
pub fn check_with_chance(world: &World, order: &Order) -> Result<(Checked, f32), Refusal> {
    let view = View::of(world);
    match check_inner(&view, order) {
        Ok(checked) => Ok((checked, chance_in(&view, &checked))),
        Err(failure) => Err(failure.told(world)),
    }
}

/// Whether the order may be given now, without explaining why not.
pub fn allowed(world: &World, order: &Order) -> Option<Checked> {
    check_inner(&View::of(world), order).ok()
}

/// Whether the side may give the action (by index) at these targets (by
/// index), for code that weighs many orders and writes only the ones it gives.
pub fn allowed_at(
    view: &View,
    side: Side,
    action: usize,
    place: Option<usize>,
    unit: Option<usize>,
) -> Option<Checked> {
    check_targets(view, side, action, place, unit).ok()
}

fn check_inner<'w>(view: &View<'w>, order: &Order) -> Result<Checked, Failure<'w>> {
    let sc = view.sc;
    if view.over() {
        return Err(Failure::GameOver);
    }
    let Some(action) = sc.action(&order.action) else {
        return Err(Failure::NoSuchAction(order.action.clone()));
    };
    let spec = &sc.file.actions[action];
    let (wants_place, wants_unit) = (spec.target.names_place(), spec.target.names_unit());
    let place = match (wants_place, &order.place) {
        (false, _) => None,
        (true, None) => return Err(Failure::NoPlaceChosen),
        (true, Some(id)) => Some(sc.place(id).ok_or_else(|| Failure::NoSuchPlace(id.clone()))?),
    };
    let unit = match (wants_unit, &order.unit) {
        (false, _) => None,
        (true, None) => return Err(Failure::NoUnitChosen),
        (true, Some(id)) => Some(sc.unit(id).ok_or_else(|| Failure::NoSuchUnit(id.clone()))?),
    };
    check_targets(view, order.faction, action, place, unit)
}

/// Whether the side has the command and the funds the action costs.
fn purse<'w>(view: &View<'w>, spec: &ActionSpec) -> Result<(), Failure<'w>> {
    let have = view.command(spec.faction);
    if have < spec.cost {
        return Err(Failure::Command { cost: spec.cost, have });
    }
    let funds = view.funds(spec.faction);
    if funds < spec.funds_cost {
        return Err(Failure::Funds { cost: spec.funds_cost, have: funds });
    }
    Ok(())
}

/// The check once the targets are known by index.
fn check_targets<'w>(
    view: &View<'w>,
    side: Side,
    action: usize,
    place: Option<usize>,
    unit: Option<usize>,
) -> Result<Checked, Failure<'w>> {
    let sc = view.sc;
    let spec = &sc.file.actions[action];
    if spec.faction != side {
        return Err(Failure::NotTheirs(side));
    }
    purse(view, spec)?;
    if let Some(p) = place
        && !spec.admits_place(sc.file.map.places[p].kind)
    {
        return Err(Failure::WrongPlace(p));
    }
    if let Some(u) = unit {
        if !sc.unit_fits(action, u) {
            return Err(Failure::WrongUnit(u));
        }
        if !view.on_map(u) {
            return Err(Failure::NotInTheCity(u));
        }
    }
    let ctx = Ctx { faction: Some(side), place, unit };
    if let Some(failed) = view.failing(&ctx, &spec.requires) {
        return Err(Failure::Condition(ctx, failed));
    }
    Ok(Checked { action, ctx })
}

/// Every target of one action at once: for code that looks for all the
/// orders a side may give. It gives the same answers as [`allowed_at`], but
/// tests the requirement's general part once, finds the places its place part
/// admits and the units its unit part admits as sets, from answers the view
/// shares between actions (see [`RequirementParts`], [`TargetSweep`] and
/// [`View::swept_answer`]), and tests only the part that names both for each pair.
pub struct TargetSearch<'v, 'w> {
    view: &'v View<'w>,
    side: Side,
    action: usize,
    tests: &'w [Condition],
    parts: &'w RequirementParts,
    /// What the action is aimed at.
    pub target: TargetSpec,
    /// The places the action may be aimed at as far as the place alone can
    /// tell: their kind and the place part.
    pub places: TargetSet,
    /// The units the action may be given to as far as the unit alone can
    /// tell: their kind, whether they are on the map, and the unit part.
    pub units: TargetSet,
}

impl<'v, 'w> TargetSearch<'v, 'w> {
    /// A search over the targets of the side's action; `None` when no order
    /// of it may be given anywhere now (not the side's, not affordable, or its
    /// general part fails).
    pub fn new(view: &'v View<'w>, side: Side, action: usize) -> Option<Self> {
        let sc = view.sc;
        let spec = &sc.file.actions[action];
        let (tests, parts) = (spec.requires.conjuncts(), sc.requirement_parts(action));
        let sweep = sc.target_sweep(action);
        let ctx = Ctx { faction: Some(side), place: None, unit: None };
        // A world test's answer is shared by every action that asks it.
        let general_holds = || {
            parts
                .general
                .iter()
                .zip(&sweep.general_tests)
                .all(|(i, world_test)| view.test_holds(&ctx, &tests[*i], *world_test))
        };
        if spec.faction != side || purse(view, spec).is_err() || !general_holds() {
            return None;
        }
        Some(TargetSearch {
            view,
            side,
            action,
            tests,
            parts,
            target: sweep.target,
            places: view.all_swept_hold(side, &sweep.place_tests, sweep.places),
            units: view.all_swept_hold(side, &sweep.unit_tests, sweep.units.and(view.units_on_map())),
        })
    }

    #[inline]
    fn part_holds(&self, part: &[usize], place: Option<usize>, unit: Option<usize>) -> bool {
        all_hold(self.view, self.side, self.tests, part, place, unit)
    }

    /// The order sending `unit` to `place`, if it may be given, for a unit
    /// on the map that can reach the place within the rules' most hops,
    /// moving for the side (see [`View::routes_from`]): the same answer as
    /// [`allowed`](Self::allowed), without asking again whether it can.
    #[inline]
    pub fn allowed_reaching(&self, place: usize, unit: usize) -> Option<Checked> {
        let passes = self.places.contains(place)
            && self.units.contains(unit)
            && self.part_holds(&self.parts.both_once_reachable, Some(place), Some(unit));
        passes.then_some(Checked {
            action: self.action,
            ctx: Ctx { faction: Some(self.side), place: Some(place), unit: Some(unit) },
        })
    }

    /// The order at these targets, if it may be given: the same answer as [`allowed_at`].
    #[inline]
    pub fn allowed(&self, place: Option<usize>, unit: Option<usize>) -> Option<Checked> {
        // With no place (or no unit), the place part (or the unit part) is tested as it stands.
        let place_passes = match place {
            Some(p) => self.places.contains(p),
            None => self.part_holds(&self.parts.place, None, None),
        };
        let unit_passes = match unit {
            Some(u) => self.units.contains(u),
            None => self.part_holds(&self.parts.unit, None, None),
        };
        (place_passes && unit_passes && self.part_holds(&self.parts.both, place, unit))
            .then_some(Checked { action: self.action, ctx: Ctx { faction: Some(self.side), place, unit } })
    }
}

/// Whether the tests of `part` (indices into `tests`) all hold for the side's order at these targets.
fn all_hold(
    view: &View,
    side: Side,
    tests: &[Condition],
    part: &[usize],
    place: Option<usize>,
    unit: Option<usize>,
) -> bool {
    let ctx = Ctx { faction: Some(side), place, unit };
    part.iter().all(|i| view.holds(&ctx, &tests[*i]))
}

/// The chance that a checked order succeeds, within 0..=1.
pub fn chance(world: &World, checked: &Checked) -> f32 {
    chance_in(&View::of(world), checked)
}

/// [`chance`], for code that weighs many orders against one view of the world.
pub fn chance_in(view: &View, checked: &Checked) -> f32 {
    let mut chance = [0.0];
    chances_in(view, std::slice::from_ref(checked), &mut chance);
    chance[0]
}

/// The runs of orders of one action in `orders`, each with its part of
/// `values` (one value for each order): for weighing many orders an action at
/// a time. (The AI lists the orders of an action together.)
pub fn by_action<'a, T>(
    orders: &'a [Checked],
    mut values: &'a mut [T],
) -> impl Iterator<Item = (&'a [Checked], &'a mut [T])> {
    orders.chunk_by(|a, b| a.action == b.action).map(move |run| {
        let (these, rest) = std::mem::take(&mut values).split_at_mut(run.len());
        values = rest;
        (run, these)
    })
}

/// Adds `term` of each order's targets to its value, unless it is `None`:
/// one term of many orders at once. (Generic, so that each term's loop is its own.)
#[inline(always)]
pub fn add_to_each(orders: &[Checked], values: &mut [f32], term: impl Fn(&Ctx) -> Option<f32>) {
    for (checked, value) in orders.iter().zip(values) {
        if let Some(add) = term(&checked.ctx) {
            *value += add;
        }
    }
}

/// [`chance_in`] for each of the orders, into `chances`. The orders of one
/// action come together (as the AI lists them), and each of the action's
/// modifiers is found for all of them in one pass: a modifier that reads
/// no target is found once, and the processor sees one kind of modifier at a time.
pub fn chances_in(view: &View, orders: &[Checked], chances: &mut [f32]) {
    for (run, chances) in by_action(orders, chances) {
        let spec = &view.sc.file.actions[run[0].action];
        let side = spec.faction;
        let world_tests = &view.sc.target_sweep(run[0].action).modifier_tests;
        chances.fill(spec.chance.base);
        for (m, world_test) in spec.chance.modifiers.iter().zip(world_tests) {
            match m {
                Modifier::When(c, add) => match world_test {
                    // A test of the world alone has one answer for every order.
                    Some(n) => {
                        let add = if view.world_test_holds(*n) { *add } else { 0.0 };
                        add_to_each(run, chances, |_| Some(add))
                    }
                    None => add_to_each(run, chances, |ctx| Some(if view.holds(ctx, c) { *add } else { 0.0 })),
                },
                Modifier::ForceBalance(place, weight) => add_to_each(run, chances, |ctx| {
                    let place = view.place_ref(ctx, place)?;
                    let (_, mut own) = view.force(side, place);
                    let (_, other) = view.force(side.opponent(), place);
                    // The unit carrying out the order counts where it is sent.
                    if let Some(u) = ctx.unit {
                        let already = view.location(u) == place && view.active(u);
                        if !already && view.committed(u, side) {
                            own += view.power(u);
                        }
                    }
                    Some(weight * facts::balance(own, other))
                }),
                Modifier::Loyalty(u, weight) => add_to_each(run, chances, |ctx| {
                    Some(match view.unit_ref(ctx, u) {
                        Some(u) => weight * (view.loyalty(u) * side.sign()) as f32 / 100.0,
                        None => 0.0,
                    })
                }),
            }
        }
        chances.iter_mut().for_each(|p| *p = p.clamp(0.0, 1.0));
    }
}

/// Pays for a checked order, rolls for it and applies its effects. Returns whether it succeeded.
pub fn resolve(world: &mut World, checked: &Checked) -> bool {
    let p = chance(world, checked);
    resolve_at(world, checked, p)
}

/// [`resolve`], with the order's chance `p` already known.
pub fn resolve_at(world: &mut World, checked: &Checked, p: f32) -> bool {
    let sc = world.res::<ScenarioRes>().0.clone();
    let spec = &sc.file.actions[checked.action];
    *world.res_mut::<CommandPoints>().get_mut(spec.faction) -= spec.cost;
    *world.res_mut::<Funds>().get_mut(spec.faction) -= spec.funds_cost;
    // Certain outcomes draw nothing, so history does not depend on the seed.
    let success = if p >= 1.0 {
        true
    } else if p <= 0.0 {
        false
    } else {
        world.res_mut::<SimRng>().0.random::<f32>() < p
    };
    let ctx = checked.ctx;
    let what = if success {
        Happening::OrderSucceeded { action: checked.action, chance: p }
    } else {
        Happening::OrderFailed { action: checked.action, chance: p }
    };
    // An order aimed at a unit is told at the unit's place.
    let place = ctx.place.or_else(|| ctx.unit.map(|u| facts::location(world, u)));
    record(world, Some(spec.faction), place, ctx.unit, what, vec![]);
    let list = if success { &spec.on_success } else { &spec.on_failure };
    for e in list {
        effects::apply(world, &ctx, e, Some(spec.faction));
    }
    success
}
