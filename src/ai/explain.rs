//! Why an AI gives its main order, in one line a student can follow: the
//! effect of the order that weighs most for the side (taking a place, cutting
//! a bridge, winning over a regiment…), worded in both languages.

use super::heuristic::{Tuning, effect_worth};
use super::stakes::Stakes;
use crate::scenario::{Effect, IdRef, Lang, LangText, Side};
use crate::sim::facts::View;
use crate::sim::orders::Checked;
use crate::tr;

/// What an order is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aim {
    Take(usize),
    Deny(usize),
    WinOver(usize),
    Rouse(usize),
    BringIn(usize),
    Remove(usize),
    Weaken(usize),
    CutLines(usize),
    RestoreLines(usize),
    Win,
    Raise(usize),
    Lower(usize),
    Guard(usize),
    Command,
    /// Nothing stands out: the order is simply the best there is.
    Best,
}

/// The aim of a checked order for the side: its effect on success that weighs most.
pub fn aim(view: &View, side: Side, checked: &Checked, stakes: &Stakes, tuning: &Tuning) -> Aim {
    let sc = view.sc;
    let ctx = &checked.ctx;
    let spec = &sc.file.actions[checked.action];
    let place = |name: &IdRef| view.place_ref(ctx, name);
    let unit = |name: &IdRef| view.unit_ref(ctx, name);
    let mut best = (0.0f32, Aim::Best);
    for effect in &spec.on_success {
        let worth = effect_worth(view, side, checked, effect, stakes, tuning);
        // What happens to a place is what a reader sees first: it tells the
        // aim unless something else weighs much more.
        let seen = match effect {
            Effect::Control(..) | Effect::Neutral(_) | Effect::Raise(_) | Effect::Lower(_) => 2.0 * worth,
            _ => worth,
        };
        if seen <= best.0 {
            continue;
        }
        let aim = match effect {
            Effect::Control(p, to) if *to == side => place(p).map(Aim::Take),
            Effect::Control(p, _) | Effect::Neutral(p) => place(p).map(Aim::Deny),
            Effect::Loyalty(..) | Effect::LoyaltyToward(..) => {
                crate::sim::effects::units_in(view, ctx, loyalty_units(effect)).iter().next().map(Aim::WinOver)
            }
            Effect::Rouse(u) => unit(u).map(Aim::Rouse),
            Effect::BringIn(u) => unit(u).map(Aim::BringIn),
            Effect::Arrest(u) | Effect::Withdraw(u) => unit(u).map(Aim::Remove),
            Effect::Casualties(u, _) => unit(u).map(Aim::Weaken),
            Effect::CutLines(p) => place(p).map(Aim::CutLines),
            Effect::RestoreLines(p) => place(p).map(Aim::RestoreLines),
            Effect::SetFlag(_) => Some(Aim::Win).filter(|_| worth >= super::stakes::WIN_WORTH),
            Effect::Raise(p) => place(p).map(Aim::Raise),
            Effect::Lower(p) => place(p).map(Aim::Lower),
            Effect::Move(_, p) => place(p).map(Aim::Guard),
            Effect::Command(..) => Some(Aim::Command),
            _ => None,
        };
        if let Some(aim) = aim {
            best = (seen, aim);
        }
    }
    best.1
}

fn loyalty_units(effect: &Effect) -> &crate::scenario::Units {
    match effect {
        Effect::Loyalty(sel, _) | Effect::LoyaltyToward(sel, _, _) => sel,
        _ => unreachable!("only loyalty effects are asked"),
    }
}

/// The line, in one language: "the Government orders “Raise the bridge” at the
/// Nikolaevsky Bridge, to cut the Committee's way across it."
pub fn words(view: &View, side: Side, checked: &Checked, aim: Aim, lang: Lang) -> String {
    let sc = view.sc;
    let place_name = |p: usize| sc.file.map.places[p].name.get(lang).to_string();
    let unit_name = |u: usize| sc.file.units[u].name.get(lang).to_string();
    let other = sc.faction(side.opponent()).name.get(lang).to_string();
    let purpose = match aim {
        Aim::Take(p) => tr!(lang, "ai-aim-take", place = place_name(p)),
        Aim::Deny(p) => tr!(lang, "ai-aim-deny", place = place_name(p), other = other),
        Aim::WinOver(u) => tr!(lang, "ai-aim-win-over", unit = unit_name(u)),
        Aim::Rouse(u) => tr!(lang, "ai-aim-rouse", unit = unit_name(u)),
        Aim::BringIn(u) => tr!(lang, "ai-aim-bring-in", unit = unit_name(u)),
        Aim::Remove(u) => tr!(lang, "ai-aim-remove", unit = unit_name(u)),
        Aim::Weaken(u) => tr!(lang, "ai-aim-weaken", unit = unit_name(u)),
        Aim::CutLines(p) => tr!(lang, "ai-aim-cut-lines", place = place_name(p), other = other),
        Aim::RestoreLines(p) => tr!(lang, "ai-aim-restore-lines", place = place_name(p)),
        Aim::Win => tr!(lang, "ai-aim-win"),
        Aim::Raise(p) => tr!(lang, "ai-aim-raise", place = place_name(p), other = other),
        Aim::Lower(p) => tr!(lang, "ai-aim-lower", place = place_name(p)),
        Aim::Guard(p) => tr!(lang, "ai-aim-guard", place = place_name(p), other = other),
        Aim::Command => tr!(lang, "ai-aim-command"),
        Aim::Best => tr!(lang, "ai-aim-best"),
    };
    let action = sc.file.actions[checked.action].name.get(lang).to_string();
    let target = checked
        .ctx
        .unit
        .map(unit_name)
        .into_iter()
        .chain(checked.ctx.place.map(place_name))
        .collect::<Vec<_>>()
        .join(" → ");
    let side_name = sc.faction(side).name.get(lang).to_string();
    if target.is_empty() {
        tr!(lang, "ai-reason", side = side_name, action = action, purpose = purpose)
    } else {
        tr!(lang, "ai-reason-at", side = side_name, action = action, target = target, purpose = purpose)
    }
}

/// The line in both languages.
pub fn reason(view: &View, side: Side, checked: &Checked, stakes: &Stakes, tuning: &Tuning) -> LangText {
    let aim = aim(view, side, checked, stakes, tuning);
    LangText::in_words(|lang| words(view, side, checked, aim, lang))
}
