//! The chronicle's own words in English and Spanish: how each kind of
//! happening is told, and dates with both calendars. The words come from
//! `assets/locales/*/chronicle.ftl`.

use crate::scenario::{Lang, Scenario, Side};
use crate::sim::{Happening, SimEvent};
use crate::time::GameTime;
use crate::tr;

/// A month's name (1 is January; numbers outside 1–12 are taken as the nearest month).
pub fn month_name(month: u32, lang: Lang) -> String {
    match month.clamp(1, 12) {
        1 => tr!(lang, "time-month-1"),
        2 => tr!(lang, "time-month-2"),
        3 => tr!(lang, "time-month-3"),
        4 => tr!(lang, "time-month-4"),
        5 => tr!(lang, "time-month-5"),
        6 => tr!(lang, "time-month-6"),
        7 => tr!(lang, "time-month-7"),
        8 => tr!(lang, "time-month-8"),
        9 => tr!(lang, "time-month-9"),
        10 => tr!(lang, "time-month-10"),
        11 => tr!(lang, "time-month-11"),
        _ => tr!(lang, "time-month-12"),
    }
}

/// "24 October 1917, 05:00 (Gregorian: 6 November)".
pub fn hour_heading(t: GameTime, lang: Lang) -> String {
    let j = t.julian();
    let g = t.gregorian();
    tr!(
        lang,
        "chron-hour-heading",
        day = j.day,
        month = month_name(j.month, lang),
        year = j.year,
        hour = format!("{:02}", j.hour),
        gregorian_day = g.day,
        gregorian_month = month_name(g.month, lang)
    )
}

/// A side's name in the scenario.
pub fn faction_name(sc: &Scenario, side: Side, lang: Lang) -> String {
    sc.faction(side).name.get(lang).to_string()
}

fn fill(template: &str, place: &str, unit: &str) -> String {
    template.replace("{place}", place).replace("{unit}", unit)
}

/// The sentence for one happening.
pub fn text(sc: &Scenario, e: &SimEvent, lang: Lang) -> String {
    let place = e.place.map(|p| sc.file.map.places[p].name.get(lang).to_string()).unwrap_or_default();
    let unit = e.unit.map(|u| sc.file.units[u].name.get(lang).to_string()).unwrap_or_default();
    let side = |s: Option<Side>| match s {
        Some(s) => faction_name(sc, s, lang),
        None => tr!(lang, "chron-nobody"),
    };
    let (place, unit) = (place.as_str(), unit.as_str());
    match &e.what {
        Happening::OrderSucceeded { action, .. } => fill(sc.file.actions[*action].success_text.get(lang), place, unit),
        Happening::OrderFailed { action, .. } => fill(sc.file.actions[*action].failure_text.get(lang), place, unit),
        Happening::OrderRefused { action, reason } => {
            let name = action.map(|a| sc.file.actions[a].name.get(lang).to_string()).unwrap_or_default();
            tr!(lang, "chron-order-refused", name = name, reason = reason.get(lang))
        }
        Happening::Control { to: Some(to), .. } => tr!(lang, "chron-control", place = place, side = side(Some(*to))),
        Happening::Control { to: None, .. } => tr!(lang, "chron-control-none", place = place),
        Happening::BridgeRaised => tr!(lang, "chron-bridge-raised", place = place),
        Happening::BridgeLowered => tr!(lang, "chron-bridge-lowered", place = place),
        Happening::LinesCut => tr!(lang, "chron-lines-cut", place = place),
        Happening::LinesRestored => tr!(lang, "chron-lines-restored", place = place),
        Happening::Arrived => tr!(lang, "chron-arrived", place = place, unit = unit),
        Happening::HeldUp { .. } => tr!(lang, "chron-held-up", place = place, unit = unit),
        Happening::Withdrawn => tr!(lang, "chron-withdrawn", place = place, unit = unit),
        Happening::Arrested => tr!(lang, "chron-arrested", unit = unit),
        Happening::Roused => tr!(lang, "chron-roused", unit = unit),
        Happening::Moved { from } => {
            let from = sc.file.map.places[*from].name.get(lang);
            tr!(lang, "chron-moved", unit = unit, from = from, place = place)
        }
        Happening::Casualties { men } => tr!(lang, "chron-casualties", unit = unit, men = *men),
        Happening::Loyalty { delta, now } => {
            let toward = side(Some(if *delta > 0 { Side::Mrc } else { Side::Government }));
            tr!(lang, "chron-loyalty", unit = unit, points = delta.abs(), toward = toward, now = *now)
        }
        Happening::Event { event } => sc.file.events[*event].text.get(lang).to_string(),
        Happening::Narration(t) | Happening::Intent(t) => t.get(lang).to_string(),
        Happening::Outcome { winner, score, condition } => {
            let why = condition.map(|c| sc.file.victory.conditions[c].text.get(lang)).unwrap_or_default();
            match winner {
                Some(w) => {
                    let text = tr!(lang, "chron-outcome-won", why = why, side = side(Some(*w)), score = *score);
                    text.trim().to_string()
                }
                None => tr!(lang, "chron-outcome-draw", score = *score),
            }
        }
    }
}

/// The heading of the comparison with history.
pub fn beside_history_heading(lang: Lang) -> String {
    tr!(lang, "chron-beside-history")
}

/// A Julian day and time in short: "25 Oct 23:00" / "25 oct 23:00".
pub fn short_date(t: GameTime, lang: Lang) -> String {
    let j = t.julian();
    format!("{} {} {:02}:{:02}", j.day, &month_name(j.month, lang)[..3], j.hour, j.minute)
}

/// A Julian day and time with the Gregorian day beside it: "25 Oct 23:00 (7 Nov)".
pub fn short_date_both(t: GameTime, lang: Lang) -> String {
    let g = t.gregorian();
    format!("{} ({} {})", short_date(t, lang), g.day, &month_name(g.month, lang)[..3])
}

/// How far a game's moment lies from history's: "as in history", "1.5 h earlier", "2.0 h later".
pub fn difference(minutes: i64, lang: Lang) -> String {
    let hours = minutes as f32 / 60.0;
    if minutes == 0 {
        tr!(lang, "chron-as-in-history")
    } else if minutes < 0 {
        tr!(lang, "chron-hours-earlier", hours = format!("{:.1}", -hours))
    } else {
        tr!(lang, "chron-hours-later", hours = format!("{hours:.1}"))
    }
}

fn short_time(iso: &str, lang: Lang) -> String {
    GameTime::parse(iso).map(|t| short_date(t, lang)).unwrap_or_else(|_| iso.to_string())
}

/// One line of the comparison: the place, who took it, when in history and when in this game.
pub fn moment_line(sc: &Scenario, m: &super::Moment, lang: Lang) -> String {
    let side = if m.side == "mrc" { Side::Mrc } else { Side::Government };
    let who = faction_name(sc, side, lang);
    let history = short_time(&m.history, lang);
    let game = match &m.game {
        Some(g) => {
            let apart =
                GameTime::parse(g).ok().zip(GameTime::parse(&m.history).ok()).map(|(g, h)| g.0 - h.0).unwrap_or(0);
            format!("{}, {}", short_time(g, lang), difference(apart, lang))
        }
        None => tr!(lang, "chron-did-not-happen"),
    };
    tr!(lang, "chron-moment-line", place = m.place_name.as_str(), who = who, history = history, game = game)
}
