//! Conditions told in words, in English and Spanish: the reasons shown when an
//! order is refused.

use super::facts::{self, Ctx};
use crate::scenario::*;
use bevy::prelude::*;

fn side_name(sc: &Scenario, side: Side) -> &LangText {
    &sc.faction(side).name
}

fn place_name(world: &World, ctx: &Ctx, id: &str) -> LangText {
    let sc = facts::scenario(world);
    match facts::place_ref(world, ctx, id) {
        Some(p) => sc.file.map.places[p].name.clone(),
        None => LangText { en: id.to_string(), es: id.to_string() },
    }
}

fn unit_name(world: &World, ctx: &Ctx, id: &str) -> LangText {
    let sc = facts::scenario(world);
    match facts::unit_ref(world, ctx, id) {
        Some(u) => sc.file.units[u].name.clone(),
        None => LangText { en: id.to_string(), es: id.to_string() },
    }
}

/// A condition that must hold, told as a requirement.
pub fn describe(world: &World, ctx: &Ctx, c: &Condition) -> LangText {
    let sc = facts::scenario(world);
    let t = |en: String, es: String| LangText { en, es };
    match c {
        Condition::Always => t("always".into(), "siempre".into()),
        Condition::Never => t("this is not possible".into(), "no es posible".into()),
        Condition::All(list) => join(world, ctx, list, " and ", " y "),
        Condition::Any(list) => join(world, ctx, list, " or ", " o "),
        Condition::Not(inner) => match &**inner {
            Condition::Flag(f) => {
                let f = f.replace('_', " ");
                t(format!("already done: {f}"), format!("ya hecho: {f}"))
            }
            Condition::Active(u) => {
                let u = unit_name(world, ctx, u);
                t(format!("{} is already roused", u.en), format!("{} ya está movilizada", u.es))
            }
            Condition::Holds(side, p) => {
                let (s, p) = (side_name(sc, *side), place_name(world, ctx, p));
                t(format!("{} already holds {}", s.en, p.en), format!("{} ya controla {}", s.es, p.es))
            }
            _ => {
                let d = describe(world, ctx, inner);
                t(format!("not so: {}", d.en), format!("no debe cumplirse: {}", d.es))
            }
        },
        Condition::Holds(side, p) => {
            let (s, p) = (side_name(sc, *side), place_name(world, ctx, p));
            t(format!("{} must hold {}", s.en, p.en), format!("{} debe controlar {}", s.es, p.es))
        }
        Condition::Loyalty(u, cmp, v) => {
            let u = unit_name(world, ctx, u);
            let (en, es) = match cmp {
                Cmp::AtLeast if *v >= 0 => (
                    format!("{} must lean to the MRC by at least {v}", u.en),
                    format!("{} debe inclinarse hacia el CMR al menos {v}", u.es),
                ),
                Cmp::AtLeast => (
                    format!("{}'s loyalty must be at least {v}", u.en),
                    format!("la lealtad de {} debe ser al menos {v}", u.es),
                ),
                Cmp::AtMost if *v <= 0 => (
                    format!("{} must lean to the Government by at least {}", u.en, -v),
                    format!("{} debe inclinarse hacia el Gobierno al menos {}", u.es, -v),
                ),
                Cmp::AtMost => (
                    format!("{}'s loyalty must be at most {v}", u.en),
                    format!("la lealtad de {} debe ser como mucho {v}", u.es),
                ),
            };
            t(en, es)
        }
        Condition::Flag(f) => t(format!("first: {}", f.replace('_', " ")), format!("antes: {}", f.replace('_', " "))),
        Condition::After(time) => t(
            format!("not before {}", time.iso().replace('T', " ")),
            format!("no antes de {}", time.iso().replace('T', " ")),
        ),
        Condition::Before(time) => t(
            format!("only before {}", time.iso().replace('T', " ")),
            format!("solo antes de {}", time.iso().replace('T', " ")),
        ),
        Condition::UnitAt(u, p) => {
            let (u, p) = (unit_name(world, ctx, u), place_name(world, ctx, p));
            t(format!("{} must be at {}", u.en, p.en), format!("{} debe estar en {}", u.es, p.es))
        }
        Condition::Present(u) => {
            let u = unit_name(world, ctx, u);
            t(format!("{} must be in the city", u.en), format!("{} debe estar en la ciudad", u.es))
        }
        Condition::Active(u) => {
            let u = unit_name(world, ctx, u);
            t(format!("{} must be roused first", u.en), format!("antes hay que movilizar a {}", u.es))
        }
        Condition::Raised(p) => {
            let p = place_name(world, ctx, p);
            t(format!("{} must be raised", p.en), format!("{} debe estar levantado", p.es))
        }
        Condition::LinesCut(p) => {
            let p = place_name(world, ctx, p);
            t(format!("the lines of {} must be cut", p.en), format!("las líneas de {} deben estar cortadas", p.es))
        }
        Condition::Force(side, p, cmp, men) => {
            let (s, p) = (side_name(sc, *side), place_name(world, ctx, p));
            match cmp {
                Cmp::AtLeast => t(
                    format!("{} needs at least {men} men ready at {}", s.en, p.en),
                    format!("{} necesita al menos {men} hombres listos en {}", s.es, p.es),
                ),
                Cmp::AtMost => t(
                    format!("{} must have at most {men} men ready at {}", s.en, p.en),
                    format!("{} debe tener como mucho {men} hombres listos en {}", s.es, p.es),
                ),
            }
        }
        Condition::CanReach(u, p) => {
            let (u, p) = (unit_name(world, ctx, u), place_name(world, ctx, p));
            t(
                format!("{} must be able to reach {} over open bridges", u.en, p.en),
                format!("{} debe poder llegar a {} por puentes abiertos", u.es, p.es),
            )
        }
        Condition::Near(a, b) => {
            let (a, b) = (place_name(world, ctx, a), place_name(world, ctx, b));
            t(format!("{} must be next to {}", a.en, b.en), format!("{} debe estar junto a {}", a.es, b.es))
        }
    }
}

fn join(world: &World, ctx: &Ctx, list: &[Condition], en_sep: &str, es_sep: &str) -> LangText {
    let parts: Vec<LangText> = list.iter().map(|c| describe(world, ctx, c)).collect();
    LangText {
        en: parts.iter().map(|p| p.en.as_str()).collect::<Vec<_>>().join(en_sep),
        es: parts.iter().map(|p| p.es.as_str()).collect::<Vec<_>>().join(es_sep),
    }
}
