//! Replays: the seed and every order given, turn by turn, with a digest of
//! where the game stood, so that playing the orders again can be checked to
//! reproduce the game exactly. Every game records its orders (`OrdersGiven`);
//! a replay file is them plus a header.

use super::FileKind;
use super::atomic::write_atomic;
use super::file::{GAME_VERSION, hash_text, scenario_name};
use super::snapshot::{PlayersState, Snapshot};
use crate::game::Game;
use crate::scenario::{Diagnostic, LangText, Scenario, content_hash};
use crate::sim::{self, Outcome};
use crate::tr;
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::Arc;

/// The replay format written now.
pub const REPLAY_FORMAT: u32 = 1;

/// The random number generator games use: a replay is only good with the same one.
pub const RNG: &str = "rand 0.10.4 ChaCha8Rng";

/// A recorded game.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Replay {
    pub format_version: u32,
    pub game_version: String,
    pub scenario: String,
    pub scenario_hash: String,
    pub variant: Option<String>,
    pub seed: u64,
    /// The random number generator (crate, version and algorithm).
    pub rng: String,
    /// Who gave the orders (for reading; the replay gives the orders themselves).
    pub players: PlayersState,
    /// The orders resolved at the end of each turn.
    pub turns: Vec<sim::TurnOrders>,
    /// How the game stood after the last turn: its digest, and its outcome if it ended.
    pub digest: String,
    pub outcome: Option<Outcome>,
}

/// A digest of where a game stands, to compare two runs: everything but who
/// plays it, what its AIs remember, this turn's orders not yet resolved, and how
/// far the generator has run (the AIs draw from it while choosing this turn's
/// orders; what the draws of past turns decided is in the state and chronicle).
pub fn digest(game: &Game) -> String {
    let mut snapshot = Snapshot::of(game);
    snapshot.players = PlayersState { mrc: crate::ai::Policy::Historical, government: crate::ai::Policy::Historical };
    snapshot.doctrine_done = Default::default();
    snapshot.pending.clear();
    snapshot.undone.clear();
    snapshot.rng.word = 0;
    let text = ron::to_string(&snapshot).expect("a snapshot serialises");
    format!("{:016x}", content_hash(&text))
}

impl Replay {
    /// The replay of a game so far (orders still pending this turn are not in it).
    pub fn of(game: &Game) -> Replay {
        let sc = sim::facts::scenario(&game.world);
        Replay {
            format_version: REPLAY_FORMAT,
            game_version: GAME_VERSION.to_string(),
            scenario: scenario_name(sc),
            scenario_hash: hash_text(sc),
            variant: sc.variant.clone(),
            seed: game.seed,
            rng: RNG.to_string(),
            players: PlayersState { mrc: game.players.mrc, government: game.players.government },
            turns: game.world.resource::<sim::OrdersGiven>().0.clone(),
            digest: digest(game),
            outcome: game.outcome().cloned(),
        }
    }

    /// The file's text.
    pub fn to_text(&self) -> String {
        let config = ron::ser::PrettyConfig::new().depth_limit(3).struct_names(false);
        let body = ron::ser::to_string_pretty(self, config).expect("a replay serialises");
        format!("// Petrograd 1917 replay: the seed and the orders of each turn.\n{body}\n")
    }

    /// Writes the replay whole or not at all.
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        write_atomic(path, self.to_text().as_bytes())
    }

    /// Reads a replay from its text; `name` names the file in errors.
    pub fn parse(name: &str, text: &str) -> Result<Replay, Diagnostic> {
        let options = ron::Options::default().with_recursion_limit(64);
        let replay: Replay = options.from_str(text).map_err(|e| super::damaged(FileKind::Replay, name, text, &e))?;
        // A replay of another format or generator would play another game.
        let refuse = |word: &str, message: LangText| {
            let line = text.lines().position(|l| l.contains(word)).map(|i| i + 1).unwrap_or(1);
            Err(super::refusal(
                name,
                text,
                (line, 1),
                message,
                LangText::in_words(|lang| tr!(lang, "load-help-version")),
            ))
        };
        if replay.format_version != REPLAY_FORMAT {
            let found = replay.format_version;
            return refuse(
                "format_version",
                LangText::in_words(|lang| tr!(lang, "load-replay-format", found = found, reads = REPLAY_FORMAT)),
            );
        }
        if replay.rng != RNG {
            let (found, ours) = (replay.rng.as_str(), RNG);
            return refuse("rng:", LangText::in_words(|lang| tr!(lang, "load-replay-rng", found = found, ours = ours)));
        }
        Ok(replay)
    }

    /// Reads a replay file from disk.
    pub fn read(path: &Path) -> Result<Replay, Diagnostic> {
        let (name, text) = super::read_file(path, FileKind::Replay)?;
        Self::parse(&name, &text)
    }

    /// Why the scenario is not the one the replay was recorded with, if it is not.
    pub fn mismatch(&self, sc: &Scenario) -> Option<LangText> {
        let history = |lang| tr!(lang, "load-history-variant");
        let variant = |v: &Option<String>, lang| v.clone().unwrap_or_else(|| history(lang));
        if self.scenario != scenario_name(sc) {
            let (recorded, chosen) = (self.scenario.as_str(), scenario_name(sc));
            Some(LangText::in_words(|lang| {
                tr!(lang, "load-replay-other", recorded = recorded, chosen = chosen.as_str())
            }))
        } else if self.variant != sc.variant {
            Some(LangText::in_words(|lang| {
                tr!(
                    lang,
                    "load-replay-other",
                    recorded = variant(&self.variant, lang),
                    chosen = variant(&sc.variant, lang)
                )
            }))
        } else if self.scenario_hash != hash_text(sc) {
            Some(LangText::in_words(|lang| tr!(lang, "load-replay-changed", scenario = self.scenario.as_str())))
        } else {
            None
        }
    }

    /// A game that gives this replay's orders; `play_out` plays them all.
    pub fn game(&self, scenario: Arc<Scenario>) -> Game {
        let mut game = Game::scripted(scenario, self.seed, Arc::new(self.turns.clone()));
        game.players = crate::game::Players { mrc: self.players.mrc, government: self.players.government };
        game
    }

    /// Plays every recorded turn and returns the game as it then stands.
    pub fn play_out(&self, scenario: Arc<Scenario>) -> Game {
        let mut game = self.game(scenario);
        while game.world.resource::<sim::OrdersGiven>().0.len() < self.turns.len() && !sim::is_over(&game.world) {
            game.step();
        }
        game
    }

    /// Whether playing the orders again reproduces the recorded game exactly;
    /// if not, how it differs.
    pub fn verify(&self, scenario: Arc<Scenario>) -> Result<Game, String> {
        if let Some(why) = self.mismatch(&scenario) {
            return Err(why.en);
        }
        let game = self.play_out(scenario);
        let played = game.world.resource::<sim::OrdersGiven>().0.len();
        if played != self.turns.len() {
            return Err(format!("the game ended after {played} turns, but the replay has {}", self.turns.len()));
        }
        if game.outcome() != self.outcome.as_ref() {
            return Err(format!("it ended as {:?}, but the replay recorded {:?}", game.outcome(), self.outcome));
        }
        let got = digest(&game);
        if got != self.digest {
            return Err(format!(
                "the game's state differs from the recorded one (digest {got}, recorded {})",
                self.digest
            ));
        }
        Ok(game)
    }
}
