//! The command line: `chronicle`, `validate`, `scenarios`, `simulate`,
//! `report` and `replay`, and no subcommand for the game window. Each command is a function that returns the process's exit code.

mod chronicle;
pub mod replay;
pub mod report;
mod scenarios;
mod simulate;
mod validate;

use crate::ai::Policy;
use crate::scenario::{Lang, Scenario, load_scenario_file};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// Petrograd 1917: a turn-based strategy simulation of the October Revolution.
#[derive(Parser, Debug)]
#[command(name = "petrograd", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// What a headless game is played from: the scenario, a variant, the seed and the players.
#[derive(clap::Args, Debug, Clone)]
pub struct GameArgs {
    /// The scenario file.
    #[arg(long, default_value = crate::HISTORICAL_SCENARIO)]
    pub scenario: PathBuf,
    /// A "what if" variant of the scenario, by id (`petrograd scenarios` lists them).
    #[arg(long)]
    pub variant: Option<String>,
    /// The seed of the random number generator.
    #[arg(long, default_value_t = crate::DEFAULT_SEED)]
    pub seed: u64,
    /// Who plays the Military Revolutionary Committee.
    #[arg(long, value_enum, default_value = "historical")]
    pub mrc: Policy,
    /// Who plays the Provisional Government.
    #[arg(long, value_enum, default_value = "historical")]
    pub government: Policy,
}

impl GameArgs {
    /// The players.
    pub fn players(&self) -> crate::game::Players {
        crate::game::Players { mrc: self.mrc, government: self.government }
    }

    /// The scenario, with its variant if one is asked for; on failure the
    /// problems are printed and the exit code returned.
    pub fn load(&self) -> Result<Arc<Scenario>, ExitCode> {
        let scenario = load_scenario_file(&self.scenario).map_err(|diags| {
            for d in &diags {
                eprintln!("{d}\n");
            }
            ExitCode::from(1)
        })?;
        match &self.variant {
            None => Ok(Arc::new(scenario)),
            Some(id) => scenario.with_variant(id).map(Arc::new).map_err(|e| {
                eprintln!("error: {e}");
                ExitCode::from(1)
            }),
        }
    }
}

/// The name of the command that plays a batch of games: the binary reads it
/// before `main` too, to choose its allocator (see `allocator`).
pub const SIMULATE: &str = "simulate";

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Play a whole scenario without a window and print the chronicle.
    Chronicle {
        #[command(flatten)]
        game: GameArgs,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// The language (default: the system's, if it is Spanish, else English).
        #[arg(long, value_enum, default_value_t = Lang::from_system())]
        lang: Lang,
        /// Also write a replay of the game to this file (`petrograd replay` plays it again).
        #[arg(long)]
        record: Option<PathBuf>,
    },
    /// Play a recorded game again and print its chronicle; with --verify, exit 0 only if it is exactly the game recorded.
    Replay {
        /// The replay file.
        file: PathBuf,
        /// Check that the replay reproduces the recorded game exactly (exit 1 if not).
        #[arg(long)]
        verify: bool,
        /// The scenario file (default: the one the replay names, from scenarios/ or the mods folder).
        #[arg(long)]
        scenario: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// The language (default: the system's, if it is Spanish, else English).
        #[arg(long, value_enum, default_value_t = Lang::from_system())]
        lang: Lang,
    },
    /// Check scenario files; exit 0 when all are valid, 1 when one is not, 2 when one cannot be read.
    Validate {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print problems as JSON.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Count warnings as failures.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Play a scenario many times on every core and report how the games went.
    #[command(name = SIMULATE)]
    Simulate {
        /// How many games to play.
        #[arg(long, default_value_t = 1000)]
        runs: usize,
        /// The scenario file.
        #[arg(long, default_value = crate::HISTORICAL_SCENARIO)]
        scenario: PathBuf,
        /// A "what if" variant of the scenario, by id.
        #[arg(long)]
        variant: Option<String>,
        /// The seed of the batch; each game's seed comes from it and the game's number.
        #[arg(long, default_value_t = crate::DEFAULT_SEED)]
        seed: u64,
        /// Who plays the Military Revolutionary Committee.
        #[arg(long, value_enum, default_value = "heuristic")]
        mrc: Policy,
        /// Who plays the Provisional Government.
        #[arg(long, value_enum, default_value = "heuristic")]
        government: Policy,
        /// Threads to play on (default: every core). The report is the same whatever the number.
        #[arg(long)]
        threads: Option<usize>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// The language (default: the system's, if it is Spanish, else English).
        #[arg(long, value_enum, default_value_t = Lang::from_system())]
        lang: Lang,
    },
    /// Play a game and write the debrief handout for a class (FILE.html: one self-contained page; FILE.md: Markdown).
    Report {
        #[command(flatten)]
        game: GameArgs,
        /// The language (default: the system's, if it is Spanish, else English).
        #[arg(long, value_enum, default_value_t = Lang::from_system())]
        lang: Lang,
        /// Where to write it: a name ending in .html or .md.
        #[arg(long)]
        out: PathBuf,
        /// The game of a replay file instead of a new one (its seed and scenario come from the file).
        #[arg(long)]
        replay: Option<PathBuf>,
    },
    /// List the scenarios (in `scenarios/` and your mods folder) and their "what if" variants.
    Scenarios {
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// The language (default: the system's, if it is Spanish, else English).
        #[arg(long, value_enum, default_value_t = Lang::from_system())]
        lang: Lang,
    },
}

/// Runs a subcommand.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Chronicle { game, format, lang, record } => chronicle::run(&game, format, lang, record.as_deref()),
        Command::Replay { file, verify, scenario, format, lang } => {
            replay::run(&file, scenario.as_deref(), verify, format, lang)
        }
        Command::Validate { files, format, deny_warnings } => validate::run(&files, format, deny_warnings),
        Command::Scenarios { format, lang } => scenarios::run(format, lang),
        Command::Report { game, lang, out, replay } => report::run(&game, lang, &out, replay.as_deref()),
        Command::Simulate { runs, scenario, variant, seed, mrc, government, threads, format, lang } => {
            simulate::run(simulate::Ask { scenario, variant, seed, mrc, government, runs, threads, format, lang })
        }
    }
}
