//! Checking and resolving orders. `check` says whether an order may be given
//! now, with a reason a player can read when it may not; `resolve` pays for
//! it, rolls the one seeded RNG and applies the effects.

use super::effects::{self, record};
use super::facts::{self, Ctx};
use super::log::Happening;
use super::order::Order;
use super::state::*;
use crate::scenario::*;
use bevy::prelude::*;
use rand::RngExt;

/// Why an order was refused, in both languages.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal(pub LangText);

impl Refusal {
    fn new(en: String, es: String) -> Self {
        Refusal(LangText { en, es })
    }
}

/// An order that passed its check: the action's index and its targets.
#[derive(Clone, Copy, Debug)]
pub struct Checked {
    pub action: usize,
    pub ctx: Ctx,
}

fn place_name(sc: &Scenario, p: usize, lang: Lang) -> String {
    sc.file.map.places[p].name.get(lang).to_string()
}

fn unit_name(sc: &Scenario, u: usize, lang: Lang) -> String {
    sc.file.units[u].name.get(lang).to_string()
}

/// Why a check failed: a reason already told, or a condition to be told
/// only if someone asks (the AI checks thousands of orders and reads none).
enum Failure<'a> {
    Told(Refusal),
    Condition(Ctx, &'a Condition),
}

impl From<Refusal> for Failure<'_> {
    fn from(r: Refusal) -> Self {
        Failure::Told(r)
    }
}

/// Whether the order may be given now, with the reason when it may not.
pub fn check(world: &World, order: &Order) -> Result<Checked, Refusal> {
    check_inner(world, order).map_err(|f| match f {
        Failure::Told(r) => r,
        Failure::Condition(ctx, c) => Refusal(super::describe::describe(world, &ctx, c)),
    })
}

/// Whether the order may be given now, without explaining why not.
pub fn allowed(world: &World, order: &Order) -> Option<Checked> {
    check_inner(world, order).ok()
}

fn check_inner<'w>(world: &'w World, order: &Order) -> Result<Checked, Failure<'w>> {
    let sc = facts::scenario(world);
    if world.resource::<GameOver>().0.is_some() {
        return Err(Failure::Told(Refusal::new("the game is over".into(), "la partida ha terminado".into())));
    }
    let Some(action) = sc.action(&order.action) else {
        return Err(Failure::Told(Refusal::new(
            format!("there is no action \"{}\"", order.action),
            format!("no existe la acción «{}»", order.action),
        )));
    };
    let spec = &sc.file.actions[action];
    if spec.faction != order.faction {
        return Err(Failure::Told(Refusal::new(
            format!("{} cannot give this order", sc.faction(order.faction).name.en),
            format!("{} no puede dar esta orden", sc.faction(order.faction).name.es),
        )));
    }
    let have = world.resource::<CommandPoints>().get(order.faction);
    if have < spec.cost {
        return Err(Failure::Told(Refusal::new(
            format!("not enough command: it costs {} and {} are left", spec.cost, have),
            format!("no hay mando suficiente: cuesta {} y quedan {}", spec.cost, have),
        )));
    }
    let funds = world.resource::<Funds>().get(order.faction);
    if funds < spec.funds_cost {
        return Err(Failure::Told(Refusal::new(
            format!("not enough funds: it costs {} thousand roubles and {} are left", spec.funds_cost, funds),
            format!("no hay fondos suficientes: cuesta {} mil rublos y quedan {}", spec.funds_cost, funds),
        )));
    }
    let wants_place = matches!(spec.target, TargetSpec::Place | TargetSpec::UnitToPlace);
    let wants_unit = matches!(spec.target, TargetSpec::Unit | TargetSpec::UnitToPlace);
    let mut ctx = Ctx { faction: Some(order.faction), place: None, unit: None };
    if wants_place {
        let Some(id) = &order.place else {
            return Err(Failure::Told(Refusal::new(
                "choose a place for this order".into(),
                "elige un lugar para esta orden".into(),
            )));
        };
        let Some(p) = sc.place(id) else {
            return Err(Failure::Told(Refusal::new(
                format!("there is no place \"{id}\""),
                format!("no existe el lugar «{id}»"),
            )));
        };
        if !spec.place_kinds.is_empty() && !spec.place_kinds.contains(&sc.file.map.places[p].kind) {
            return Err(Failure::Told(Refusal::new(
                format!("{} is not a place this order can aim at", place_name(sc, p, Lang::En)),
                format!("esta orden no puede dirigirse a {}", place_name(sc, p, Lang::Es)),
            )));
        }
        ctx.place = Some(p);
    }
    if wants_unit {
        let Some(id) = &order.unit else {
            return Err(Failure::Told(Refusal::new(
                "choose a unit for this order".into(),
                "elige una unidad para esta orden".into(),
            )));
        };
        let Some(u) = sc.unit(id) else {
            return Err(Failure::Told(Refusal::new(
                format!("there is no unit \"{id}\""),
                format!("no existe la unidad «{id}»"),
            )));
        };
        if !spec.unit_kinds.is_empty() && !spec.unit_kinds.contains(&sc.file.units[u].kind) {
            return Err(Failure::Told(Refusal::new(
                format!("{} cannot carry out this order", unit_name(sc, u, Lang::En)),
                format!("{} no puede cumplir esta orden", unit_name(sc, u, Lang::Es)),
            )));
        }
        if !facts::on_map(world, u) {
            return Err(Failure::Told(Refusal::new(
                format!("{} is not in the city", unit_name(sc, u, Lang::En)),
                format!("{} no está en la ciudad", unit_name(sc, u, Lang::Es)),
            )));
        }
        ctx.unit = Some(u);
    }
    if let Some(failed) = facts::failing(world, &ctx, &spec.requires) {
        return Err(Failure::Condition(ctx, failed));
    }
    Ok(Checked { action, ctx })
}

/// The chance that a checked order succeeds, within 0..=1.
pub fn chance(world: &World, checked: &Checked) -> f32 {
    let sc = facts::scenario(world);
    let spec = &sc.file.actions[checked.action];
    let ctx = &checked.ctx;
    let side = spec.faction;
    let mut p = spec.chance.base;
    for m in &spec.chance.modifiers {
        p += match m {
            Modifier::When(c, add) => {
                if facts::holds(world, ctx, c) {
                    *add
                } else {
                    0.0
                }
            }
            Modifier::ForceBalance(place, weight) => {
                let Some(place) = facts::place_ref(world, ctx, place) else {
                    continue;
                };
                let (_, mut own) = facts::force(world, side, place);
                let (_, other) = facts::force(world, side.opponent(), place);
                // The unit carrying out the order counts where it is sent.
                if let Some(u) = ctx.unit {
                    let already = facts::location(world, u) == place && facts::active(world, u);
                    if !already && facts::committed(world, u, side) {
                        own += facts::power(world, u);
                    }
                }
                weight * facts::balance(own, other)
            }
            Modifier::Loyalty(u, weight) => match facts::unit_ref(world, ctx, u) {
                Some(u) => weight * (facts::loyalty(world, u) * side.sign()) as f32 / 100.0,
                None => 0.0,
            },
        };
    }
    p.clamp(0.0, 1.0)
}

/// Pays for a checked order, rolls for it and applies its effects. Returns whether it succeeded.
pub fn resolve(world: &mut World, checked: &Checked) -> bool {
    let sc = world.resource::<ScenarioRes>().0.clone();
    let spec = &sc.file.actions[checked.action];
    let p = chance(world, checked);
    *world.resource_mut::<CommandPoints>().get_mut(spec.faction) -= spec.cost;
    *world.resource_mut::<Funds>().get_mut(spec.faction) -= spec.funds_cost;
    // Certain outcomes draw nothing, so history does not depend on the seed.
    let success = if p >= 1.0 {
        true
    } else if p <= 0.0 {
        false
    } else {
        world.resource_mut::<SimRng>().0.random::<f32>() < p
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
