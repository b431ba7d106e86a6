//! The historical run: with both sides following history, the chronicle
//! reproduces the real sequence of 24–26 October 1917. Each checkpoint below is
//! taken from the source article (its line and reference numbers in brackets);
//! the game must reach it within an hour of the source's time, in the same order.

use petrograd::game::{self, Players};
use petrograd::scenario::Side;
use petrograd::sim::{Happening, SimEvent};
use petrograd::testing;
use petrograd::time::GameTime;

/// What must happen.
enum Check {
    /// The place passes to the side.
    Control(&'static str, Side),
    /// The bridge is raised.
    Raised(&'static str),
    /// The scenario event fires.
    Event(&'static str),
    /// The unit is arrested.
    Arrest(&'static str),
}

/// (what, Julian time in the source). Times marked ≈ in the source are checked all the same.
const CHECKPOINTS: &[(Check, &str)] = &[
    (Check::Event("press_raid_backlash"), "1917-10-24T05:30"), // L33 [78]
    (Check::Raised("nikolaevsky_bridge"), "1917-10-24T14:30"), // L39 [98], 14:00–15:00
    (Check::Control("palace_bridge", Side::Government), "1917-10-24T14:30"), // L39 [99]
    (Check::Control("liteiny_bridge", Side::Mrc), "1917-10-24T15:00"), // L39 [98][97], afternoon
    (Check::Event("smolny_cut_off"), "1917-10-24T15:00"),      // L38 [97]
    (Check::Event("cyclists_withdraw"), "1917-10-24T16:00"),   // L40 [100]
    (Check::Control("central_telegraph", Side::Mrc), "1917-10-24T17:00"), // L40 [99][101]
    (Check::Control("troitsky_bridge", Side::Mrc), "1917-10-24T18:30"), // L39 [97]
    (Check::Event("cadets_turned_away"), "1917-10-24T20:00"),  // L40 [102]
    (Check::Control("news_agency", Side::Mrc), "1917-10-24T21:00"), // L40 [99]
    (Check::Control("baltic_station", Side::Mrc), "1917-10-24T21:00"), // L40 [99], after 21:00
    (Check::Control("main_post_office", Side::Mrc), "1917-10-25T01:30"), // L44 [113]
    (Check::Control("nikolaevsky_station", Side::Mrc), "1917-10-25T02:00"), // L44 [115]
    (Check::Control("power_station", Side::Mrc), "1917-10-25T02:00"), // L44 [113]
    (Check::Control("nikolaevsky_bridge", Side::Mrc), "1917-10-25T03:30"), // L44 [113]
    (Check::Control("state_bank", Side::Mrc), "1917-10-25T06:00"), // L44 [114]
    (Check::Control("telephone_exchange", Side::Mrc), "1917-10-25T07:00"), // L44 [113][116]
    (Check::Control("warsaw_station", Side::Mrc), "1917-10-25T08:00"), // L44 [117]
    (Check::Event("kerensky_leaves"), "1917-10-25T11:30"),     // L45 [123]
    (Check::Control("admiralty", Side::Mrc), "1917-10-25T13:00"), // L53 [138]
    (Check::Event("kronstadt_lands"), "1917-10-25T14:00"),     // L54 [124]
    (Check::Event("ultimatum_rejected"), "1917-10-25T18:30"),  // L58 [147]
    (Check::Control("general_staff", Side::Mrc), "1917-10-25T19:30"), // L58 [149], after 19:10
    (Check::Event("lantern"), "1917-10-25T21:35"),             // L60 [154]
    (Check::Event("congress_opens"), "1917-10-25T22:40"),      // L65 [167]
    (Check::Event("shells_fall"), "1917-10-25T23:30"),         // L60 [156]
    (Check::Control("winter_palace", Side::Mrc), "1917-10-26T02:10"), // L63 [165]
    (Check::Arrest("cabinet"), "1917-10-26T02:10"),            // L63 [165]
];

fn when(log: &[SimEvent], sc: &petrograd::scenario::Scenario, check: &Check) -> Option<GameTime> {
    log.iter().find_map(|e| {
        let hit = match check {
            Check::Control(p, side) => {
                e.place == sc.place(p) && matches!(e.what, Happening::Control { to: Some(s), .. } if s == *side)
            }
            Check::Raised(p) => e.place == sc.place(p) && e.what == Happening::BridgeRaised,
            Check::Event(id) => matches!(e.what, Happening::Event { event } if sc.file.events[event].id == *id),
            Check::Arrest(u) => e.unit == sc.unit(u) && e.what == Happening::Arrested,
        };
        hit.then_some(e.time)
    })
}

fn describe(check: &Check) -> String {
    match check {
        Check::Control(p, s) => format!("{p} to {s:?}"),
        Check::Raised(p) => format!("{p} raised"),
        Check::Event(e) => format!("event {e}"),
        Check::Arrest(u) => format!("{u} arrested"),
    }
}

#[test]
fn history_by_the_book() {
    let scenario = testing::historical();
    let game = game::play(scenario.clone(), petrograd::DEFAULT_SEED, Players::HISTORICAL);
    let log = game.log();
    let mut problems = Vec::new();
    let mut previous: Option<(GameTime, String)> = None;
    for (check, at) in CHECKPOINTS {
        let expected = GameTime::parse(at).unwrap();
        match when(log, &scenario, check) {
            None => problems.push(format!("{} never happened (history: {at})", describe(check))),
            Some(t) => {
                if (t.0 - expected.0).abs() > 60 {
                    problems.push(format!("{} at {t}, history says {at}", describe(check)));
                }
                if let Some((p, what)) = &previous {
                    if t < *p {
                        problems.push(format!("{} at {t} came before {what} at {p}", describe(check)));
                    }
                }
                previous = Some((t, describe(check)));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {} checkpoints off:\n{}",
        problems.len(),
        CHECKPOINTS.len(),
        problems.join("\n")
    );
    assert!(CHECKPOINTS.len() >= 20);

    let outcome = game.outcome().expect("the game ends");
    assert_eq!(outcome.winner, Some(Side::Mrc));
    let end = GameTime::parse("1917-10-26T02:10").unwrap();
    assert!((outcome.at.0 - end.0).abs() <= 30, "the game ended at {}", outcome.at);
}

#[test]
fn the_historical_run_does_not_depend_on_the_seed() {
    let scenario = testing::historical();
    let outcomes: Vec<_> = [1, 2, 3, 1917]
        .iter()
        .map(|s| game::play(scenario.clone(), *s, Players::HISTORICAL).outcome().cloned())
        .collect();
    assert!(outcomes.windows(2).all(|w| w[0] == w[1]), "{outcomes:?}");
}

#[test]
fn historical_events_cite_their_sources_in_the_chronicle() {
    let scenario = testing::historical();
    let game = game::play(scenario.clone(), 1917, Players::HISTORICAL);
    let entries = petrograd::chronicle::entries(&scenario, game.log(), petrograd::scenario::Lang::Es);
    let events: Vec<_> = entries.iter().filter(|e| e.kind == "event").collect();
    assert!(events.len() >= 30, "{} events in the chronicle", events.len());
    assert!(events.iter().all(|e| !e.sources.is_empty() && !e.text.is_empty()));
    let last = entries.last().unwrap();
    assert_eq!(last.kind, "outcome");
}
