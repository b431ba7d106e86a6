//! Rules tested without an App: each effect primitive, refused orders and
//! their reasons, loyalty limits, raised bridges, arrivals, events and victory.

use bevy::prelude::*;
use petrograd::scenario::*;
use petrograd::sim::facts::{self, Ctx};
use petrograd::sim::{self, Happening, Order, SimLog, effects};
use petrograd::testing;

fn mini() -> World {
    let text = std::fs::read_to_string(testing::project_root().join("tests/fixtures/mini.ron")).unwrap();
    sim::new_world(testing::parse(&text), 7)
}

fn place(world: &World, id: &str) -> usize {
    facts::scenario(world).place(id).unwrap()
}

fn unit(world: &World, id: &str) -> usize {
    facts::scenario(world).unit(id).unwrap()
}

fn apply(world: &mut World, e: Effect) {
    effects::apply(world, &Ctx::default(), &e, None);
}

fn last(world: &World) -> Happening {
    world.resource::<SimLog>().events().last().expect("something was logged").what.clone()
}

#[test]
fn control_changes_the_holder_and_is_logged() {
    let mut w = mini();
    let bridge = place(&w, "bridge");
    apply(&mut w, Effect::Control("bridge".into(), Side::Mrc));
    assert_eq!(facts::holder(&w, bridge), Some(Side::Mrc));
    assert_eq!(last(&w), Happening::Control { from: Some(Side::Government), to: Some(Side::Mrc) });
    apply(&mut w, Effect::Neutral("bridge".into()));
    assert_eq!(facts::holder(&w, bridge), None);
}

#[test]
fn loyalty_stays_within_its_limits() {
    let mut w = mini();
    let guards = unit(&w, "guards");
    apply(&mut w, Effect::Loyalty(Units::One("guards".into()), 500));
    assert_eq!(facts::loyalty(&w, guards), 100);
    assert_eq!(last(&w), Happening::Loyalty { delta: 20, now: 100 });
    apply(&mut w, Effect::LoyaltyToward(Units::One("guards".into()), Side::Government, 1000));
    assert_eq!(facts::loyalty(&w, guards), -100);
}

#[test]
fn loyalty_by_place_and_by_kind_touch_the_right_units() {
    let mut w = mini();
    let (guards, regiment, cadets) = (unit(&w, "guards"), unit(&w, "regiment"), unit(&w, "cadets"));
    apply(&mut w, Effect::Loyalty(Units::At("north".into()), -10));
    assert_eq!(facts::loyalty(&w, guards), 70);
    assert_eq!(facts::loyalty(&w, regiment), 20);
    assert_eq!(facts::loyalty(&w, cadets), -70);
    apply(&mut w, Effect::Loyalty(Units::Kinds(vec!["cadets".into()]), 5));
    assert_eq!(facts::loyalty(&w, cadets), -65);
    assert_eq!(facts::loyalty(&w, guards), 70);
}

#[test]
fn a_raised_bridge_cuts_its_links() {
    let mut w = mini();
    let (north, south) = (place(&w, "north"), place(&w, "south"));
    // The Government holds the bridge, so the MRC cannot cross it even lowered.
    assert_eq!(facts::route_hops(&w, north, south, Some(Side::Mrc), 3), None);
    assert_eq!(facts::route_hops(&w, north, south, Some(Side::Government), 3), Some(2));
    apply(&mut w, Effect::Raise("bridge".into()));
    assert!(facts::raised(&w, place(&w, "bridge")));
    assert_eq!(last(&w), Happening::BridgeRaised);
    assert_eq!(facts::route_hops(&w, north, south, Some(Side::Government), 3), None);
    // The bridge itself can still be reached from either bank.
    assert_eq!(facts::route_hops(&w, north, place(&w, "bridge"), Some(Side::Mrc), 3), Some(1));
    // Other numbers of hops than the rules' are searched apart (3 is the rules').
    assert_eq!(facts::route_hops(&w, north, place(&w, "bridge"), Some(Side::Mrc), 1), Some(1));
    assert_eq!(facts::route_hops(&w, north, place(&w, "bridge"), Some(Side::Mrc), 0), None);
    apply(&mut w, Effect::Lower("bridge".into()));
    assert_eq!(last(&w), Happening::BridgeLowered);
    assert_eq!(facts::route_hops(&w, north, south, Some(Side::Government), 3), Some(2));
}

#[test]
fn move_withdraw_arrest_rouse_and_stand() {
    let mut w = mini();
    let guards = unit(&w, "guards");
    apply(&mut w, Effect::Move("guards".into(), "bridge".into()));
    assert_eq!(facts::location(&w, guards), place(&w, "bridge"));
    apply(&mut w, Effect::Stand("guards".into()));
    assert!(!facts::active(&w, guards));
    apply(&mut w, Effect::Rouse("guards".into()));
    assert!(facts::active(&w, guards));
    assert_eq!(last(&w), Happening::Roused);
    apply(&mut w, Effect::Withdraw("guards".into()));
    assert!(!facts::on_map(&w, guards));
    assert_eq!(last(&w), Happening::Withdrawn);
    apply(&mut w, Effect::BringIn("guards".into()));
    assert!(facts::on_map(&w, guards));
    apply(&mut w, Effect::Arrest("guards".into()));
    assert_eq!(facts::status(&w, guards), sim::UnitStatus::Arrested);
    // Nobody comes back from arrest.
    apply(&mut w, Effect::BringIn("guards".into()));
    assert_eq!(facts::status(&w, guards), sim::UnitStatus::Arrested);
}

#[test]
fn lines_flags_command_casualties_delay_and_narration() {
    let mut w = mini();
    let hq = place(&w, "hq");
    apply(&mut w, Effect::CutLines("hq".into()));
    assert!(facts::lines_cut(&w, hq));
    assert_eq!(sim::turn::income(&w, Side::Mrc).0, 1 + 2 - 2, "base + hq's command - cut penalty");
    apply(&mut w, Effect::RestoreLines("hq".into()));
    assert_eq!(sim::turn::income(&w, Side::Mrc).0, 3);
    apply(&mut w, Effect::SetFlag("x".into()));
    assert!(w.resource::<sim::Flags>().0.contains("x"));
    apply(&mut w, Effect::ClearFlag("x".into()));
    assert!(!w.resource::<sim::Flags>().0.contains("x"));
    apply(&mut w, Effect::Command(Side::Mrc, 100));
    assert_eq!(w.resource::<sim::CommandPoints>().mrc, 10, "capped at max_command");
    apply(&mut w, Effect::Casualties("cadets".into(), 5));
    assert_eq!(facts::strength(&w, unit(&w, "cadets")), 295);
    assert_eq!(last(&w), Happening::Casualties { men: 5 });
    let sailors = unit(&w, "sailors");
    apply(&mut w, Effect::Delay("sailors".into(), 90));
    assert_eq!(
        facts::status(&w, sailors),
        sim::UnitStatus::Expected(petrograd::time::GameTime::parse("1917-10-24T12:30").unwrap())
    );
    apply(&mut w, Effect::Chronicle(LangText { en: "Hello".into(), es: "Hola".into() }));
    assert!(matches!(last(&w), Happening::Narration(t) if t.en == "Hello"));
}

#[test]
fn refused_orders_say_why() {
    let mut w = mini();
    let reason = |w: &mut World, o: Order| sim::submit(w, o).unwrap_err().0;
    let r = reason(&mut w, Order::new("raise", Side::Mrc).at("bridge"));
    assert!(r.en.contains("cannot give this order"), "{}", r.en);
    let r = reason(&mut w, Order::new("take", Side::Mrc).at("south").with("sailors"));
    assert!(r.en.contains("not in the city"), "{}", r.en);
    assert!(r.es.contains("no está en la ciudad"), "{}", r.es);
    let r = reason(&mut w, Order::new("take", Side::Mrc).at("south").with("guards"));
    assert!(r.en.contains("reach"), "the Government's bridge blocks the way: {}", r.en);
    let r = reason(&mut w, Order::new("take", Side::Mrc).at("hq").with("guards"));
    assert!(r.en.contains("already holds Headquarters"), "{}", r.en);
    let r = reason(&mut w, Order::new("storm", Side::Mrc));
    assert!(r.en.contains("must hold South bank"), "{}", r.en);
    let r = reason(&mut w, Order::new("nonsense", Side::Mrc));
    assert!(r.en.contains("no action"), "{}", r.en);
    // Costs add up over the orders given this turn: 3 points, each rouse costs 1.
    sim::submit(&mut w, Order::new("rouse", Side::Mrc).with("regiment")).unwrap();
    sim::submit(&mut w, Order::new("take", Side::Mrc).at("bridge").with("guards")).unwrap();
    let r = reason(&mut w, Order::new("rouse", Side::Mrc).with("guards"));
    assert!(r.en.contains("not enough command"), "{}", r.en);
}

#[test]
fn a_turn_resolves_orders_events_and_arrivals() {
    let mut w = mini();
    sim::submit(&mut w, Order::new("raise", Side::Government).at("bridge")).unwrap();
    sim::submit(&mut w, Order::new("rouse", Side::Mrc).with("regiment")).unwrap();
    sim::end_turn(&mut w);
    assert!(facts::raised(&w, place(&w, "bridge")));
    assert!(facts::active(&w, unit(&w, "regiment")));
    assert_eq!(w.resource::<sim::Clock>().now.iso(), "1917-10-24T10:30");
    // Turn 2 contains 10:30: the raid event fires.
    let before = facts::loyalty(&w, unit(&w, "regiment"));
    sim::end_turn(&mut w);
    let log = w.resource::<SimLog>().events();
    assert!(log.iter().any(|e| matches!(e.what, Happening::Event { .. }) && e.sources == vec![1]));
    assert!(facts::loyalty(&w, unit(&w, "regiment")) > before);
    // The sailors are due at 11:00: they arrive as turn 3 begins.
    assert!(facts::on_map(&w, unit(&w, "sailors")));
}

#[test]
fn an_event_follows_its_action() {
    let mut w = mini();
    let mrc_before = w.resource::<sim::CommandPoints>().mrc;
    sim::submit(&mut w, Order::new("cut", Side::Government)).unwrap();
    sim::end_turn(&mut w);
    let log = w.resource::<SimLog>().events();
    let cut = log.iter().position(|e| e.what == Happening::LinesCut).expect("lines cut");
    let ev = log.iter().position(|e| matches!(e.what, Happening::Event { .. })).expect("event fired");
    assert!(ev > cut);
    // Income with lines cut is 1; the event took 1 away: 3 - 1 + 1.
    assert_eq!(w.resource::<sim::CommandPoints>().mrc, mrc_before - 1 + 1);
}

#[test]
fn arresting_the_cabinet_ends_the_game() {
    let mut w = mini();
    apply(&mut w, Effect::Control("south".into(), Side::Mrc));
    sim::submit(&mut w, Order::new("storm", Side::Mrc)).unwrap();
    sim::end_turn(&mut w);
    let over = w.resource::<sim::GameOver>().0.clone().expect("game over");
    assert_eq!(over.winner, Some(Side::Mrc));
    assert!(matches!(last(&w), Happening::Outcome { winner: Some(Side::Mrc), .. }));
    let r = sim::submit(&mut w, Order::new("rouse", Side::Mrc).with("regiment")).unwrap_err();
    assert!(r.0.en.contains("over"));
}

#[test]
fn the_clock_ends_the_game_with_a_draw_or_a_margin() {
    let mut w = mini();
    for _ in 0..8 {
        sim::end_turn(&mut w);
    }
    let over = w.resource::<sim::GameOver>().0.clone().expect("the clock ran out");
    // The Government holds value 25 against the MRC's 10: a margin of 15 >= 10.
    assert_eq!(over.winner, Some(Side::Government));
    assert_eq!(over.at.iso(), "1917-10-24T14:00");
}

#[test]
fn loyalty_drifts_toward_the_units_around() {
    let mut w = mini();
    let regiment = unit(&w, "regiment");
    // Guards (80) and regiment (30) share the north bank: 10% of the gap of 50.
    assert_eq!(sim::loyalty::drift(&w)[regiment], 5);
    sim::loyalty::apply_drift(&mut w);
    assert_eq!(facts::loyalty(&w, regiment), 35);
}

#[test]
fn certain_orders_draw_nothing_from_the_rng() {
    let mut a = mini();
    let mut b = mini();
    sim::submit(&mut a, Order::new("raise", Side::Government).at("bridge")).unwrap();
    sim::end_turn(&mut a);
    sim::end_turn(&mut b);
    use rand::RngExt;
    let x: u64 = a.resource_mut::<sim::SimRng>().0.random();
    let y: u64 = b.resource_mut::<sim::SimRng>().0.random();
    assert_eq!(x, y);
}

#[test]
fn the_sim_plugin_runs_in_a_headless_app() {
    let text = std::fs::read_to_string(testing::project_root().join("tests/fixtures/mini.ron")).unwrap();
    let mut app = App::new();
    app.add_plugins(MinimalPlugins).add_plugins(sim::SimPlugin { scenario: testing::parse(&text), seed: 1 });
    app.update();
    sim::end_turn(app.world_mut());
    assert_eq!(app.world().resource::<sim::Clock>().turn, 2);
}

#[test]
fn funds_are_paid_by_places_and_spent_by_orders() {
    let mut w = mini();
    let r = sim::submit(&mut w, Order::new("pay", Side::Government).with("cadets")).unwrap_err();
    assert!(r.0.en.contains("not enough funds"), "{}", r.0.en);
    sim::end_turn(&mut w);
    assert_eq!(w.resource::<sim::Funds>().government, 50, "the palace gives 50 a turn");
    sim::submit(&mut w, Order::new("pay", Side::Government).with("cadets")).unwrap();
    let r = sim::submit(&mut w, Order::new("pay", Side::Government).with("cadets")).unwrap_err();
    assert!(r.0.en.contains("after the orders already given"), "{}", r.0.en);
    sim::end_turn(&mut w);
    assert_eq!(w.resource::<sim::Funds>().government, 50 - 40 + 50);
    assert_eq!(facts::loyalty(&w, unit(&w, "cadets")), -80);
}

#[test]
fn timed_events_fire_in_time_order_at_their_own_minute() {
    let mut w = mini();
    sim::end_turn(&mut w);
    sim::end_turn(&mut w);
    let sc = facts::scenario(&w);
    let fired: Vec<(String, String)> = w
        .resource::<SimLog>()
        .events()
        .iter()
        .filter_map(|e| match e.what {
            Happening::Event { event } => Some((sc.file.events[event].id.clone(), e.time.clock())),
            _ => None,
        })
        .collect();
    assert_eq!(fired, vec![("raid".to_string(), "10:30".to_string()), ("rumour".to_string(), "10:40".to_string())]);
}

#[test]
fn a_requirement_is_split_by_the_targets_each_test_names() {
    use petrograd::scenario::RequirementParts;
    let held = |p: &str| Condition::Holds(Side::Government, p.into());
    let active = Condition::Active("@unit".into());
    let requires = Condition::All(vec![
        held("bridge"),
        Condition::Not(Box::new(held("@place"))),
        active.clone(),
        Condition::Any(vec![active.clone(), held("@place")]),
        Condition::CanReach("@unit".into(), "@place".into()),
    ]);
    let parts = RequirementParts::of(&requires);
    // A search that knows its unit can reach the place need not ask again.
    let both_once_reachable = vec![3];
    assert_eq!(
        parts,
        RequirementParts { general: vec![0], place: vec![1], unit: vec![2], both: vec![3, 4], both_once_reachable }
    );
    // A requirement that is a single test is its own only part.
    assert_eq!(RequirementParts::of(&active), RequirementParts { unit: vec![0], ..Default::default() });
}
