//! The whole state of a game, out of its world and back in: who holds each
//! place, each unit's state, the clock, command, funds, flags, events fired,
//! the orders given and taken back, the chronicle, the AIs' memory and the
//! RNG's exact position. A game restored from a snapshot goes on exactly as
//! the original would have.
//!
//! Places, units and events are named by id, so that a save can outlive an
//! edit of its scenario; the chronicle keeps the scenario's indices, with the
//! ids they stood for, and is renumbered when the scenario's lists changed.

use crate::ai::AiMemory;
use crate::game::{Game, Players};
use crate::scenario::{Readiness, Scenario, Side};
use crate::sim::*;
use crate::time::GameTime;
use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Why a snapshot does not fit a scenario: what is wrong, and the text of the
/// save it is about (to point at it), if there is one.
#[derive(Clone, Debug, PartialEq)]
pub struct Unfit {
    pub message: String,
    pub at: Option<String>,
}

impl std::fmt::Display for Unfit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<String> for Unfit {
    fn from(message: String) -> Self {
        Unfit { message, at: None }
    }
}

/// Where the random number generator stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RngState {
    /// The ChaCha8 key, in hexadecimal.
    pub key: String,
    pub stream: u64,
    /// How many 32-bit words have been drawn (a game draws thousands; the
    /// generator's 68-bit counter never goes past 64 bits here).
    pub word: u64,
}

impl RngState {
    fn of(rng: &SimRng) -> Self {
        let key = rng.0.get_seed().iter().map(|b| format!("{b:02x}")).collect();
        RngState { key, stream: rng.0.get_stream(), word: rng.word() }
    }

    fn rng(&self) -> Result<SimRng, Unfit> {
        let bad = || Unfit {
            message: format!("the random generator's key \"{}\" is not 64 hexadecimal digits", self.key),
            at: Some(format!("\"{}\"", self.key)),
        };
        if self.key.len() != 64 || !self.key.is_ascii() {
            return Err(bad());
        }
        let mut key = [0u8; 32];
        for (i, b) in key.iter_mut().enumerate() {
            *b = u8::from_str_radix(&self.key[2 * i..2 * i + 2], 16).map_err(|_| bad())?;
        }
        let mut rng = ChaCha8Rng::from_seed(key);
        rng.set_stream(self.stream);
        let mut rng = SimRng(rng);
        rng.go_to_word(self.word);
        Ok(rng)
    }
}

/// One place's state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceState {
    pub id: String,
    pub holder: Option<Side>,
    /// Bridges only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raised: Option<bool>,
    pub lines_cut: bool,
}

/// Where a unit is in its life.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Presence {
    Expected(GameTime),
    OnMap,
    Withdrawn,
    Arrested,
}

/// One unit's state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitState {
    pub id: String,
    pub presence: Presence,
    /// The place's id.
    pub place: String,
    pub readiness: Readiness,
    pub loyalty: i32,
    pub strength: u32,
}

/// The ids the chronicle's indices stand for when the game was saved.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Ids {
    pub places: Vec<String>,
    pub units: Vec<String>,
    pub actions: Vec<String>,
    pub events: Vec<String>,
}

impl Ids {
    /// The ids of a scenario's lists.
    pub fn of(sc: &Scenario) -> Ids {
        let f = &sc.file;
        Ids {
            places: f.map.places.iter().map(|p| p.id.clone()).collect(),
            units: f.units.iter().map(|u| u.id.clone()).collect(),
            actions: f.actions.iter().map(|a| a.id.clone()).collect(),
            events: f.events.iter().map(|e| e.id.clone()).collect(),
        }
    }
}

/// Who plays each side, by policy name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlayersState {
    pub mrc: crate::ai::Policy,
    pub government: crate::ai::Policy,
}

/// The whole state of a game.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The seed the game began with.
    pub seed: u64,
    pub rng: RngState,
    pub turn: u32,
    pub now: GameTime,
    pub command: PerSide,
    pub funds: PerSide,
    pub flags: Vec<String>,
    /// Ids of the scenario events that have fired.
    pub events_fired: Vec<String>,
    pub places: Vec<PlaceState>,
    pub units: Vec<UnitState>,
    /// Orders given this turn and not yet resolved.
    pub pending: Vec<Order>,
    /// Orders taken back this turn (for redo).
    pub undone: Vec<Order>,
    /// The orders resolved at the end of each turn so far.
    pub orders_given: Vec<TurnOrders>,
    pub outcome: Option<Outcome>,
    pub players: PlayersState,
    /// The historical AI's doctrine entries given or given up, per side (by `Side::index`).
    pub doctrine_done: [Vec<bool>; 2],
    /// What the chronicle's indices stand for.
    pub ids: Ids,
    pub chronicle: Vec<SimEvent>,
}

impl Snapshot {
    /// The state of a game now.
    pub fn of(game: &Game) -> Snapshot {
        let world = &game.world;
        let sc = facts::scenario(world);
        let view = facts::View::of(world);
        let registry = world.resource::<Registry>();
        let places = sc
            .file
            .map
            .places
            .iter()
            .enumerate()
            .map(|(p, spec)| PlaceState {
                id: spec.id.clone(),
                holder: view.holder(p),
                raised: (spec.kind == crate::scenario::PlaceKind::Bridge).then(|| view.raised(p)),
                lines_cut: view.lines_cut(p),
            })
            .collect();
        let units = sc
            .file
            .units
            .iter()
            .enumerate()
            .map(|(u, spec)| UnitState {
                id: spec.id.clone(),
                presence: match view.status(u) {
                    UnitStatus::Expected(at) => Presence::Expected(at),
                    UnitStatus::OnMap => Presence::OnMap,
                    UnitStatus::Withdrawn => Presence::Withdrawn,
                    UnitStatus::Arrested => Presence::Arrested,
                },
                place: sc.file.map.places[view.location(u)].id.clone(),
                readiness: world.get::<Ready>(registry.units[u]).expect("a unit").0,
                loyalty: view.loyalty(u),
                strength: view.strength(u),
            })
            .collect();
        let clock = world.resource::<Clock>();
        let fired = &world.resource::<EventsFired>().0;
        Snapshot {
            seed: game.seed,
            rng: RngState::of(world.resource::<SimRng>()),
            turn: clock.turn,
            now: clock.now,
            command: world.resource::<CommandPoints>().0,
            funds: world.resource::<Funds>().0,
            flags: world.resource::<Flags>().0.iter().cloned().collect(),
            events_fired: sc
                .file
                .events
                .iter()
                .zip(fired)
                .filter(|(_, fired)| **fired)
                .map(|(e, _)| e.id.clone())
                .collect(),
            places,
            units,
            pending: world.resource::<PendingOrders>().0.clone(),
            undone: world.resource::<UndoneOrders>().0.clone(),
            orders_given: world.resource::<OrdersGiven>().0.clone(),
            outcome: world.resource::<GameOver>().0.clone(),
            players: PlayersState { mrc: game.players.mrc, government: game.players.government },
            doctrine_done: [game.memory[0].doctrine_done.clone(), game.memory[1].doctrine_done.clone()],
            ids: Ids::of(sc),
            chronicle: world.resource::<SimLog>().events().to_vec(),
        }
    }

    /// A game of the scenario in this state. When the scenario's lists are not
    /// those the game was saved with, places, units and events are found by id,
    /// and an id the scenario no longer has is an error that names it.
    pub fn restore(&self, scenario: Arc<Scenario>) -> Result<Game, Unfit> {
        let players = Players { mrc: self.players.mrc, government: self.players.government };
        let mut game = Game::new(scenario.clone(), self.seed, players);
        let sc = &*scenario;
        let renumber = Renumber::between(&self.ids, sc)?;
        let world = &mut game.world;
        let registry = world.resource::<Registry>().clone();
        for place in &self.places {
            let p = sc.place(&place.id).ok_or_else(|| no_longer("place", &place.id))?;
            let mut e = world.entity_mut(registry.places[p]);
            e.insert(Holder(place.holder)).insert(Lines { cut: place.lines_cut });
            if let Some(raised) = place.raised {
                if e.contains::<Bridge>() {
                    e.insert(Bridge { raised });
                }
            }
        }
        for unit in &self.units {
            let u = sc.unit(&unit.id).ok_or_else(|| no_longer("unit", &unit.id))?;
            let at = sc.place(&unit.place).ok_or_else(|| no_longer("place", &unit.place))?;
            let status = match unit.presence {
                Presence::Expected(t) => UnitStatus::Expected(t),
                Presence::OnMap => UnitStatus::OnMap,
                Presence::Withdrawn => UnitStatus::Withdrawn,
                Presence::Arrested => UnitStatus::Arrested,
            };
            world.entity_mut(registry.units[u]).insert((
                status,
                Location(at),
                Ready(unit.readiness),
                Loyalty(unit.loyalty),
                Strength(unit.strength),
            ));
        }
        crate::sim::facts::forget_tables(world);
        let mut fired = vec![false; sc.file.events.len()];
        for id in &self.events_fired {
            let e = sc.file.events.iter().position(|e| &e.id == id).ok_or_else(|| no_longer("event", id))?;
            fired[e] = true;
        }
        world.insert_resource(EventsFired(fired));
        world.insert_resource(self.rng.rng()?);
        world.insert_resource(Clock { turn: self.turn, now: self.now, moment: None });
        world.insert_resource(CommandPoints(self.command));
        world.insert_resource(Funds(self.funds));
        world.insert_resource(Flags(self.flags.iter().cloned().collect()));
        world.insert_resource(PendingOrders(self.pending.clone()));
        world.insert_resource(UndoneOrders(self.undone.clone()));
        world.insert_resource(OrdersGiven(self.orders_given.clone()));
        world.insert_resource(GameOver(self.outcome.clone()));
        let mut chronicle = self.chronicle.clone();
        if let Some(renumber) = renumber {
            for entry in &mut chronicle {
                renumber.entry(entry)?;
            }
        }
        world.insert_resource(SimLog::new(chronicle));
        for (i, done) in self.doctrine_done.iter().enumerate() {
            game.memory[i] = AiMemory { doctrine_done: done.clone() };
        }
        Ok(game)
    }
}

fn no_longer(what: &str, id: &str) -> Unfit {
    Unfit {
        message: format!("the save refers to the {what} \"{id}\", which the scenario no longer has"),
        at: Some(format!("\"{id}\"")),
    }
}

/// From the indices of the scenario a game was saved with to those of the
/// scenario it is loaded into.
struct Renumber {
    places: Vec<Option<usize>>,
    units: Vec<Option<usize>>,
    actions: Vec<Option<usize>>,
    events: Vec<Option<usize>>,
}

impl Renumber {
    /// `None` when nothing moved.
    fn between(saved: &Ids, sc: &Scenario) -> Result<Option<Renumber>, String> {
        let now = Ids::of(sc);
        if *saved == now {
            return Ok(None);
        }
        let table = |old: &[String], new: &[String]| -> Vec<Option<usize>> {
            old.iter().map(|id| new.iter().position(|n| n == id)).collect()
        };
        Ok(Some(Renumber {
            places: table(&saved.places, &now.places),
            units: table(&saved.units, &now.units),
            actions: table(&saved.actions, &now.actions),
            events: table(&saved.events, &now.events),
        }))
    }

    fn one(table: &[Option<usize>], i: usize, what: &str) -> Result<usize, String> {
        table.get(i).copied().flatten().ok_or_else(|| {
            format!("the chronicle refers to {what} number {} of the scenario it was saved with, which is gone", i + 1)
        })
    }

    fn entry(&self, e: &mut SimEvent) -> Result<(), String> {
        if let Some(p) = e.place.as_mut() {
            *p = Self::one(&self.places, *p, "place")?;
        }
        if let Some(u) = e.unit.as_mut() {
            *u = Self::one(&self.units, *u, "unit")?;
        }
        match &mut e.what {
            Happening::OrderSucceeded { action, .. } | Happening::OrderFailed { action, .. } => {
                *action = Self::one(&self.actions, *action, "action")?;
            }
            Happening::OrderRefused { action: Some(action), .. } => {
                *action = Self::one(&self.actions, *action, "action")?;
            }
            Happening::HeldUp { station } => *station = Self::one(&self.places, *station, "place")?,
            Happening::Moved { from } => *from = Self::one(&self.places, *from, "place")?,
            Happening::Event { event } => *event = Self::one(&self.events, *event, "event")?,
            _ => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_random_generator_resumes_where_it_stood() {
        use rand::RngExt;
        let mut rng = SimRng::seeded(7);
        for _ in 0..13 {
            let _: f32 = rng.0.random();
        }
        let state = RngState::of(&rng);
        let mut again = state.rng().unwrap();
        let a: Vec<u32> = (0..20).map(|_| rng.0.random()).collect();
        let b: Vec<u32> = (0..20).map(|_| again.0.random()).collect();
        assert_eq!(a, b);
    }

    #[test]
    fn a_damaged_key_is_refused() {
        let state = RngState { key: "zz".repeat(32), stream: 0, word: 0 };
        let Err(unfit) = state.rng() else { panic!("a key of z's was taken") };
        assert!(unfit.message.contains("hexadecimal"), "{unfit}");
    }
}
