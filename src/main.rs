//! Parses the command line, then runs the game window or a CLI command.

use clap::Parser;
use petrograd::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        None => petrograd::gui::run_window(),
    }
}
