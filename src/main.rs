//! Parses the command line, then runs the game window or a CLI command.

use clap::Parser;
use petrograd::cli::{self, Cli};
use std::process::ExitCode;

/// mimalloc: batches of games allocate small lists by the million, and it
/// serves them faster than the system's allocator, on each core at once.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        None => petrograd::gui::run_window(),
    }
}
