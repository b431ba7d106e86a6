//! The command line: `chronicle` and `validate`, and no subcommand for the
//! game window. Each command is a function that returns the process's exit code.

mod chronicle;
mod validate;

use crate::ai::Policy;
use crate::scenario::Lang;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

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

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Play a whole scenario without a window and print the chronicle.
    Chronicle {
        /// The scenario file.
        #[arg(long, default_value = crate::HISTORICAL_SCENARIO)]
        scenario: PathBuf,
        /// The seed of the random number generator.
        #[arg(long, default_value_t = crate::DEFAULT_SEED)]
        seed: u64,
        /// Who plays the Military Revolutionary Committee.
        #[arg(long, value_enum, default_value = "historical")]
        mrc: Policy,
        /// Who plays the Provisional Government.
        #[arg(long, value_enum, default_value = "historical")]
        government: Policy,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        #[arg(long, value_enum, default_value = "en")]
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
}

/// Runs a subcommand.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Chronicle { scenario, seed, mrc, government, format, lang } => {
            chronicle::run(&scenario, seed, crate::game::Players { mrc, government }, format, lang)
        }
        Command::Validate { files, format, deny_warnings } => validate::run(&files, format, deny_warnings),
    }
}
