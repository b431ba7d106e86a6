//! The chronicle: the simulation's event stream told in words, in English or
//! Spanish, as entries the CLI prints as text or JSON and the window shows.

mod words;

use crate::scenario::{Lang, Scenario, Side};
use crate::sim::{Happening, SimEvent};
use crate::tr;
use serde::Serialize;
pub use words::{difference, faction_name, month_name, short_date, short_date_both};

/// One line of the chronicle.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Entry {
    pub turn: u32,
    /// Julian, `1917-10-24T05:30`.
    pub time: String,
    /// Gregorian, `1917-11-06T05:30`.
    pub gregorian: String,
    pub kind: &'static str,
    pub faction: Option<&'static str>,
    pub place: Option<String>,
    pub place_name: Option<String>,
    pub unit: Option<String>,
    pub unit_name: Option<String>,
    pub text: String,
    pub sources: Vec<u32>,
    /// On the outcome entry only: the key moments of history beside this game's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub comparison: Vec<Moment>,
}

impl Entry {
    /// The entry's heading, from its time as the reader sees it: "05:30 ·
    /// Rabochi Put Press", or the time alone for an entry of no one place.
    pub fn heading(&self, when: &str) -> String {
        match &self.place_name {
            Some(place) => format!("{when} · {place}"),
            None => when.to_string(),
        }
    }
}

/// A key moment of history beside the same moment in this game.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Moment {
    pub place: String,
    pub place_name: String,
    pub side: &'static str,
    /// Julian time in history.
    pub history: String,
    /// Julian time in this game, if it happened.
    pub game: Option<String>,
}

/// The key moments as a table beside history: its headings, and for each
/// moment the place and who took it, history's time, the game's (or that it
/// did not happen), and how far apart they were. For the debrief and the handout.
pub fn beside_history(sc: &Scenario, moments: &[Moment], lang: Lang) -> ([String; 4], Vec<[String; 4]>) {
    let headings = [
        tr!(lang, "handout-place"),
        tr!(lang, "handout-in-history"),
        tr!(lang, "handout-in-this-game"),
        tr!(lang, "handout-difference"),
    ];
    let parse = |iso: &str| crate::time::GameTime::parse(iso).ok();
    let rows = moments
        .iter()
        .map(|m| {
            let side = if m.side == Side::Mrc.id() { Side::Mrc } else { Side::Government };
            let place = format!("{} → {}", m.place_name, faction_name(sc, side, lang));
            let history = parse(&m.history);
            let (game, apart) = match m.game.as_deref().and_then(parse) {
                Some(g) => (short_date_both(g, lang), difference(history.map(|h| g.0 - h.0).unwrap_or(0), lang)),
                None => (tr!(lang, "handout-did-not-happen"), String::new()),
            };
            [place, history.map(|t| short_date_both(t, lang)).unwrap_or_default(), game, apart]
        })
        .collect();
    (headings, rows)
}

/// The scenario's key moments of history beside this game's.
pub fn comparison(sc: &Scenario, log: &[SimEvent], lang: Lang) -> Vec<Moment> {
    sc.file
        .victory
        .history
        .iter()
        .filter_map(|m| {
            let place = sc.place(&m.place)?;
            Some(Moment {
                place: m.place.clone(),
                place_name: sc.file.map.places[place].name.get(lang).to_string(),
                side: m.side.id(),
                history: m.at.iso(),
                game: crate::sim::victory::first_taken(log, place, m.side).map(|t| t.iso()),
            })
        })
        .collect()
}

/// The kind of an entry, as written in JSON.
pub fn kind(what: &Happening) -> &'static str {
    match what {
        Happening::OrderSucceeded { .. } => "order",
        Happening::OrderFailed { .. } => "order_failed",
        Happening::OrderRefused { .. } => "order_refused",
        Happening::Control { .. } => "control",
        Happening::BridgeRaised => "bridge_raised",
        Happening::BridgeLowered => "bridge_lowered",
        Happening::LinesCut => "lines_cut",
        Happening::LinesRestored => "lines_restored",
        Happening::Arrived => "arrival",
        Happening::HeldUp { .. } => "held_up",
        Happening::Withdrawn => "withdrawal",
        Happening::Arrested => "arrest",
        Happening::Roused => "roused",
        Happening::Moved { .. } => "move",
        Happening::Casualties { .. } => "casualties",
        Happening::Loyalty { .. } => "loyalty",
        Happening::Event { .. } => "event",
        Happening::Narration(_) => "narration",
        Happening::Intent(_) => "intent",
        Happening::Outcome { .. } => "outcome",
    }
}

/// Whether an entry belongs in the chronicle read aloud (loyalty shifts and moves are left to JSON).
pub fn is_told(what: &Happening) -> bool {
    !matches!(what, Happening::Loyalty { .. } | Happening::Moved { .. })
}

/// Whether the entry is an order or event whose own text tells what follows it.
fn is_cause(what: &Happening) -> bool {
    matches!(
        what,
        Happening::OrderSucceeded { .. }
            | Happening::OrderFailed { .. }
            | Happening::OrderRefused { .. }
            | Happening::Event { .. }
    )
}

/// Renders one simulation event.
pub fn entry(sc: &Scenario, e: &SimEvent, lang: Lang) -> Entry {
    entry_with(sc, e, lang, Vec::new())
}

fn entry_with(sc: &Scenario, e: &SimEvent, lang: Lang, comparison: Vec<Moment>) -> Entry {
    let place = e.place.map(|p| &sc.file.map.places[p]);
    let unit = e.unit.map(|u| &sc.file.units[u]);
    Entry {
        turn: e.turn,
        time: e.time.iso(),
        gregorian: e.time.gregorian_iso(),
        kind: kind(&e.what),
        faction: e.faction.map(Side::id),
        place: place.map(|p| p.id.clone()),
        place_name: place.map(|p| p.name.get(lang).to_string()),
        unit: unit.map(|u| u.id.clone()),
        unit_name: unit.map(|u| u.name.get(lang).to_string()),
        text: words::text(sc, e, lang),
        sources: sources(sc, e),
        comparison,
    }
}

/// The way a text cites the source's references: "[78][75]".
pub fn cite(sources: &[u32]) -> String {
    sources.iter().map(|s| format!("[{s}]")).collect()
}

fn sources(sc: &Scenario, e: &SimEvent) -> Vec<u32> {
    match e.what {
        Happening::Event { event } => sc.file.events[event].sources.clone(),
        _ => e.sources.clone(),
    }
}

/// The whole chronicle.
pub fn entries(sc: &Scenario, log: &[SimEvent], lang: Lang) -> Vec<Entry> {
    log.iter()
        .map(|e| match e.what {
            Happening::Outcome { .. } => entry_with(sc, e, lang, comparison(sc, log, lang)),
            _ => entry(sc, e, lang),
        })
        .collect()
}

/// The chronicle as JSON: an array of entries, the outcome last.
pub fn to_json(entries: &[Entry]) -> String {
    serde_json::to_string_pretty(entries).expect("entries serialise")
}

/// The chronicle as text to read aloud: a heading per hour, then one line per entry.
pub fn to_text(sc: &Scenario, log: &[SimEvent], lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(sc.file.title.get(lang));
    out.push('\n');
    out.push_str(&"=".repeat(sc.file.title.get(lang).chars().count()));
    out.push_str("\n\n");
    let mut last_hour = None;
    // Consequences that follow an order or event in the same turn are already
    // told by its text; they are left out here (the JSON keeps them).
    let mut cause_turn = None;
    for e in log.iter() {
        if is_cause(&e.what) {
            cause_turn = Some(e.turn);
        } else if cause_turn != Some(e.turn) {
            cause_turn = None;
        }
        if !is_told(&e.what)
            || (!is_cause(&e.what) && cause_turn.is_some() && !matches!(e.what, Happening::Outcome { .. }))
        {
            continue;
        }
        let j = e.time.julian();
        let hour = (j.year, j.month, j.day, j.hour);
        if last_hour != Some(hour) {
            last_hour = Some(hour);
            out.push_str(&format!("\n{}\n", words::hour_heading(e.time, lang)));
        }
        let entry = entry(sc, e, lang);
        let refs = cite(&entry.sources);
        let refs = if refs.is_empty() { String::new() } else { format!(" {refs}") };
        out.push_str(&format!("  {} — {}{refs}\n", entry.heading(&e.time.clock()), entry.text));
    }
    let moments = comparison(sc, log, lang);
    if !moments.is_empty() {
        out.push_str(&format!("\n{}\n", words::beside_history_heading(lang)));
        for m in &moments {
            out.push_str(&format!("  {}\n", words::moment_line(sc, m, lang)));
        }
    }
    out
}
