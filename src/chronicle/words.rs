//! The chronicle's own words in English and Spanish: how each kind of
//! happening is told, and dates with both calendars.

use crate::scenario::{Lang, Scenario, Side};
use crate::sim::{Happening, SimEvent};
use crate::time::GameTime;

/// A month's name.
pub fn month_name(month: u32, lang: Lang) -> &'static str {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const ES: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    let i = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::En => EN[i],
        Lang::Es => ES[i],
    }
}

/// "24 October 1917, 05:00 (6 November, Gregorian)".
pub fn hour_heading(t: GameTime, lang: Lang) -> String {
    let j = t.julian();
    let g = t.gregorian();
    match lang {
        Lang::En => format!(
            "{} {} {}, {:02}:00 (Gregorian: {} {})",
            j.day,
            month_name(j.month, lang),
            j.year,
            j.hour,
            g.day,
            month_name(g.month, lang)
        ),
        Lang::Es => format!(
            "{} de {} de {}, {:02}:00 (gregoriano: {} de {})",
            j.day,
            month_name(j.month, lang),
            j.year,
            j.hour,
            g.day,
            month_name(g.month, lang)
        ),
    }
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
        None => match lang {
            Lang::En => "nobody".into(),
            Lang::Es => "nadie".into(),
        },
    };
    let es = lang == Lang::Es;
    match &e.what {
        Happening::OrderSucceeded { action, .. } => {
            fill(sc.file.actions[*action].success_text.get(lang), &place, &unit)
        }
        Happening::OrderFailed { action, .. } => fill(sc.file.actions[*action].failure_text.get(lang), &place, &unit),
        Happening::OrderRefused { action, reason } => {
            let name = action.map(|a| sc.file.actions[a].name.get(lang).to_string()).unwrap_or_default();
            if es {
                format!("La orden «{name}» no pudo cumplirse: {}.", reason.get(lang))
            } else {
                format!("The order \"{name}\" could not be carried out: {}.", reason.get(lang))
            }
        }
        Happening::Control { to: Some(to), .. } => {
            if es {
                format!("Control de {place}: {}.", side(Some(*to)))
            } else {
                format!("{place} passes to the {}.", side(Some(*to)))
            }
        }
        Happening::Control { to: None, .. } => {
            if es {
                format!("{place} queda sin dueño.")
            } else {
                format!("{place} is left in nobody's hands.")
            }
        }
        Happening::BridgeRaised => {
            if es {
                format!("Se levanta el {place}.")
            } else {
                format!("The {place} is raised.")
            }
        }
        Happening::BridgeLowered => {
            if es {
                format!("Se baja el {place}.")
            } else {
                format!("The {place} is lowered.")
            }
        }
        Happening::LinesCut => {
            if es {
                format!("Cortadas las líneas de {place}.")
            } else {
                format!("The lines of {place} are cut.")
            }
        }
        Happening::LinesRestored => {
            if es {
                format!("Restablecidas las líneas de {place}.")
            } else {
                format!("The lines of {place} are restored.")
            }
        }
        Happening::Arrived => {
            if es {
                format!("Llegada a {place}: {unit}.")
            } else {
                format!("Arriving at {place}: {unit}.")
            }
        }
        Happening::HeldUp { .. } => {
            if es {
                format!("Retenidos porque el otro bando controla {place}: {unit}.")
            } else {
                format!("Held up because the other side holds {place}: {unit}.")
            }
        }
        Happening::Withdrawn => {
            if es {
                format!("Abandonan {place}: {unit}.")
            } else {
                format!("Leaving {place}: {unit}.")
            }
        }
        Happening::Arrested => {
            if es {
                format!("Detenidos: {unit}.")
            } else {
                format!("Arrested: {unit}.")
            }
        }
        Happening::Roused => {
            if es {
                format!("Se pone en marcha: {unit}.")
            } else {
                format!("Roused to act: {unit}.")
            }
        }
        Happening::Moved { from } => {
            let from = sc.file.map.places[*from].name.get(lang);
            if es { format!("{unit}: de {from} a {place}.") } else { format!("{unit}: from {from} to {place}.") }
        }
        Happening::Casualties { men } => {
            if es {
                format!("{unit}: {men} bajas.")
            } else {
                format!("{unit}: {men} men lost.")
            }
        }
        Happening::Loyalty { delta, now } => {
            let toward = side(Some(if *delta > 0 { Side::Mrc } else { Side::Government }));
            if es {
                format!("{unit}: la lealtad se desplaza {} puntos hacia {toward} (ahora {now}).", delta.abs())
            } else {
                format!("{unit}: loyalty shifts {} points toward the {toward} (now {now}).", delta.abs())
            }
        }
        Happening::Event { event } => sc.file.events[*event].text.get(lang).to_string(),
        Happening::Narration(t) => t.get(lang).to_string(),
        Happening::Outcome { winner, score, condition } => {
            let why = condition.map(|c| sc.file.victory.conditions[c].text.get(lang).to_string());
            match (winner, es) {
                (Some(w), false) => {
                    format!("{} The {} wins. Score against history: {score}.", why.unwrap_or_default(), side(Some(*w)))
                        .trim()
                        .to_string()
                }
                (Some(w), true) => format!(
                    "{} Vence: {}. Puntuación frente a la historia: {score}.",
                    why.unwrap_or_default(),
                    side(Some(*w))
                )
                .trim()
                .to_string(),
                (None, false) => {
                    format!("Time runs out with neither side decisively ahead: a draw. Score against history: {score}.")
                }
                (None, true) => format!(
                    "Se acaba el tiempo sin que ningún bando se imponga: tablas. Puntuación frente a la historia: {score}."
                ),
            }
        }
    }
}

/// The heading of the comparison with history.
pub fn beside_history_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Beside history (Julian times):",
        Lang::Es => "Frente a la historia (horas julianas):",
    }
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
    match lang {
        Lang::En if minutes == 0 => "as in history".into(),
        Lang::En if minutes < 0 => format!("{:.1} h earlier", -hours),
        Lang::En => format!("{hours:.1} h later"),
        Lang::Es if minutes == 0 => "como en la historia".into(),
        Lang::Es if minutes < 0 => format!("{:.1} h antes", -hours),
        Lang::Es => format!("{hours:.1} h después"),
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
    let game = match (&m.game, lang) {
        (Some(g), _) => {
            let apart =
                GameTime::parse(g).ok().zip(GameTime::parse(&m.history).ok()).map(|(g, h)| g.0 - h.0).unwrap_or(0);
            format!("{}, {}", short_time(g, lang), difference(apart, lang))
        }
        (None, Lang::En) => "did not happen".to_string(),
        (None, Lang::Es) => "no ocurrió".to_string(),
    };
    match lang {
        Lang::En => format!("{} to the {who}: history {history}; this game {game}", m.place_name),
        Lang::Es => format!("{} para {who}: historia {history}; esta partida {game}", m.place_name),
    }
}
