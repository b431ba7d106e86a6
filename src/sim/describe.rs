//! Conditions told in words, in English and Spanish: the reasons shown when an
//! order is refused. The words come from `assets/locales/*/chronicle.ftl`.

use super::facts::{self, Ctx};
use crate::scenario::*;
use crate::tr;
use bevy::prelude::*;

fn side_name(sc: &Scenario, side: Side) -> &LangText {
    &sc.faction(side).name
}

fn place_name(world: &World, ctx: &Ctx, id: &IdRef) -> LangText {
    let sc = facts::scenario(world);
    match facts::place_ref(world, ctx, id) {
        Some(p) => sc.file.map.places[p].name.clone(),
        None => LangText { en: id.to_string(), es: id.to_string() },
    }
}

fn unit_name(world: &World, ctx: &Ctx, id: &IdRef) -> LangText {
    let sc = facts::scenario(world);
    match facts::unit_ref(world, ctx, id) {
        Some(u) => sc.file.units[u].name.clone(),
        None => LangText { en: id.to_string(), es: id.to_string() },
    }
}

/// A text in both languages, from the game's words in one.

/// A condition that must hold, told as a requirement.
pub fn describe(world: &World, ctx: &Ctx, c: &Condition) -> LangText {
    let sc = facts::scenario(world);
    match c {
        Condition::Always => LangText::in_words(|l| tr!(l, "describe-always")),
        Condition::Never => LangText::in_words(|l| tr!(l, "describe-never")),
        Condition::All(list) => join(world, ctx, list, |l| tr!(l, "describe-and")),
        Condition::Any(list) => join(world, ctx, list, |l| tr!(l, "describe-or")),
        Condition::Not(inner) => match &**inner {
            Condition::Flag(f) => {
                let f = f.replace('_', " ");
                LangText::in_words(|l| tr!(l, "describe-already-done", flag = f.as_str()))
            }
            Condition::Active(u) => {
                let u = unit_name(world, ctx, u);
                LangText::in_words(|l| tr!(l, "describe-already-roused", unit = u.get(l)))
            }
            Condition::Holds(side, p) => {
                let (s, p) = (side_name(sc, *side), place_name(world, ctx, p));
                LangText::in_words(|l| tr!(l, "describe-already-holds", side = s.get(l), place = p.get(l)))
            }
            _ => {
                let d = describe(world, ctx, inner);
                LangText::in_words(|l| tr!(l, "describe-not", condition = d.get(l)))
            }
        },
        Condition::Holds(side, p) => {
            let (s, p) = (side_name(sc, *side), place_name(world, ctx, p));
            LangText::in_words(|l| tr!(l, "describe-holds", side = s.get(l), place = p.get(l)))
        }
        Condition::Loyalty(u, cmp, v) => {
            let u = unit_name(world, ctx, u);
            match cmp {
                Cmp::AtLeast if *v >= 0 => {
                    LangText::in_words(|l| tr!(l, "describe-lean-mrc", unit = u.get(l), value = *v))
                }
                Cmp::AtLeast => {
                    LangText::in_words(|l| tr!(l, "describe-loyalty-at-least", unit = u.get(l), value = *v))
                }
                Cmp::AtMost if *v <= 0 => {
                    LangText::in_words(|l| tr!(l, "describe-lean-government", unit = u.get(l), value = -v))
                }
                Cmp::AtMost => LangText::in_words(|l| tr!(l, "describe-loyalty-at-most", unit = u.get(l), value = *v)),
            }
        }
        Condition::Flag(f) => {
            let f = f.replace('_', " ");
            LangText::in_words(|l| tr!(l, "describe-flag", flag = f.as_str()))
        }
        Condition::After(time) => {
            let time = time.iso().replace('T', " ");
            LangText::in_words(|l| tr!(l, "describe-after", time = time.as_str()))
        }
        Condition::Before(time) => {
            let time = time.iso().replace('T', " ");
            LangText::in_words(|l| tr!(l, "describe-before", time = time.as_str()))
        }
        Condition::UnitAt(u, p) => {
            let (u, p) = (unit_name(world, ctx, u), place_name(world, ctx, p));
            LangText::in_words(|l| tr!(l, "describe-unit-at", unit = u.get(l), place = p.get(l)))
        }
        Condition::Present(u) => {
            let u = unit_name(world, ctx, u);
            LangText::in_words(|l| tr!(l, "describe-present", unit = u.get(l)))
        }
        Condition::Active(u) => {
            let u = unit_name(world, ctx, u);
            LangText::in_words(|l| tr!(l, "describe-active", unit = u.get(l)))
        }
        Condition::Raised(p) => {
            let p = place_name(world, ctx, p);
            LangText::in_words(|l| tr!(l, "describe-raised", place = p.get(l)))
        }
        Condition::LinesCut(p) => {
            let p = place_name(world, ctx, p);
            LangText::in_words(|l| tr!(l, "describe-lines-cut", place = p.get(l)))
        }
        Condition::Force(side, p, cmp, men) => {
            let (s, p) = (side_name(sc, *side), place_name(world, ctx, p));
            match cmp {
                Cmp::AtLeast => LangText::in_words(|l| {
                    tr!(l, "describe-force-at-least", side = s.get(l), men = *men, place = p.get(l))
                }),
                Cmp::AtMost => LangText::in_words(|l| {
                    tr!(l, "describe-force-at-most", side = s.get(l), men = *men, place = p.get(l))
                }),
            }
        }
        Condition::CanReach(u, p) => {
            let (u, p) = (unit_name(world, ctx, u), place_name(world, ctx, p));
            LangText::in_words(|l| tr!(l, "describe-can-reach", unit = u.get(l), place = p.get(l)))
        }
        Condition::Near(a, b) => {
            let (a, b) = (place_name(world, ctx, a), place_name(world, ctx, b));
            LangText::in_words(|l| tr!(l, "describe-near", place = a.get(l), other = b.get(l)))
        }
    }
}

/// The conditions of a list told one after another, with `separator` between them.
fn join(world: &World, ctx: &Ctx, list: &[Condition], separator: impl Fn(Lang) -> String) -> LangText {
    let parts: Vec<LangText> = list.iter().map(|c| describe(world, ctx, c)).collect();
    LangText::in_words(|l| parts.iter().map(|p| p.get(l)).collect::<Vec<_>>().join(separator(l).as_str()))
}
