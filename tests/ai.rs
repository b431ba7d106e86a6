//! AI policies: the historical one follows its doctrine and adapts when an
//! order is impossible; both are deterministic.

use petrograd::game::{Game, Players};
use petrograd::scenario::{Effect, Side};
use petrograd::sim::facts::Ctx;
use petrograd::sim::{Happening, effects};
use petrograd::testing;

fn mini() -> std::sync::Arc<petrograd::scenario::Scenario> {
    testing::parse(&std::fs::read_to_string(testing::project_root().join("tests/fixtures/mini.ron")).unwrap())
}

#[test]
fn the_historical_policy_gives_its_doctrine_on_time() {
    let mut game = Game::new(mini(), 3, Players::HISTORICAL);
    game.step();
    let log = game.log();
    assert!(log.iter().any(|e| e.what == Happening::BridgeRaised && e.time.clock() == "10:00"));
    assert!(log.iter().any(|e| e.what == Happening::Roused && e.faction == Some(Side::Mrc)));
}

#[test]
fn the_historical_policy_adapts_when_its_order_is_impossible() {
    let mut game = Game::new(mini(), 3, Players::HISTORICAL);
    // The Government no longer holds the bridge its doctrine tells it to raise.
    effects::apply(&mut game.world, &Ctx::default(), &Effect::Control("bridge".into(), Side::Mrc), None);
    for _ in 0..3 {
        game.step();
    }
    let gov_orders = |game: &Game| {
        game.log()
            .iter()
            .filter(|e| e.faction == Some(Side::Government))
            .filter(|e| matches!(e.what, Happening::OrderSucceeded { .. } | Happening::OrderFailed { .. }))
            .count()
    };
    assert_eq!(gov_orders(&game), 0, "it keeps trying within its patience");
    for _ in 0..3 {
        game.step();
    }
    assert!(gov_orders(&game) >= 1, "after its patience runs out it chooses another order");
    assert!(!game.log().iter().any(|e| e.what == Happening::BridgeRaised));
}
